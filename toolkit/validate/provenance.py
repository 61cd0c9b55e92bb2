"""A table's provenance from a Frictionless-style ``datapackage.json`` beside it.

The package's ``sources`` and ``contributors`` (a resource may carry its own) and
its ``version`` become one line, named in every failure: ``Source: Statistics
office (originator); version 2.1 (datapackage.json)``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["provenance"]

SIDECARS = ("datapackage.json", "claimledger.json")


def provenance(path: Path) -> str | None:
    """The provenance line for ``path``, or None when no readable sidecar describes it."""
    for name in SIDECARS:
        sidecar = path.parent / name
        if not sidecar.is_file():
            continue
        try:
            package = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        if isinstance(package, dict):
            line = _describe(package, path, sidecar)
            if line:
                return line
    return None


def _describe(package: dict[str, Any], path: Path, sidecar: Path) -> str | None:
    resource: dict[str, Any] = {}
    for item in package.get("resources") or []:
        if isinstance(item, dict) and Path(str(item.get("path", ""))).name == path.name:
            resource = item
    if package.get("resources") and not resource:
        return None  # the package describes other files
    sources = resource.get("sources") or package.get("sources") or []
    contributors = resource.get("contributors") or package.get("contributors") or []
    titles = [str(s.get("title")) for s in sources if isinstance(s, dict) and s.get("title")]
    origin = [
        f"{c['title']} ({c.get('role', 'contributor')})"
        for c in contributors
        if isinstance(c, dict) and c.get("title") and c.get("role") in ("originator", "author")
    ]
    parts = titles + [o for o in origin if o.split(" (")[0] not in " ".join(titles)]
    version = resource.get("version") or package.get("version")
    if not parts and not version:
        return None
    text = "Source: " + ("; ".join(parts) if parts else package.get("title", path.name))
    if version:
        text += f"; version {version}"
    return f"{text} ({sidecar.name})"
