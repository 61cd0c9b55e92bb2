"""Render: reports as text, JSON, JUnit, Markdown, SARIF, GitHub annotations and HTML."""
