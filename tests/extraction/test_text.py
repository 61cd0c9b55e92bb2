"""Reading articles: text, HTML, stdin, bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from toolkit.errors import UnreadableInput
from toolkit.extraction.sentences import split_sentences
from toolkit.extraction.text import decode, html_to_text, read_text

DATA = Path(__file__).parent / "data"


def test_html_drops_scripts_and_styles() -> None:
    article = read_text(DATA / "article-script.html")
    assert article.kind == "html"
    assert "About 1,200 cars crossed on Monday, officials said." in article.text
    assert "123456" not in article.text and "987654" not in article.text
    assert "color" not in article.text


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 20)
    with pytest.raises(UnreadableInput, match="binary"):
        read_text(path)


def test_not_utf8_falls_back_and_says_so() -> None:
    text, decoding = decode("Caf\xe9 sold 40 coffees".encode("cp1252"))
    assert text == "Café sold 40 coffees" and decoding == "cp1252 (not UTF-8)"


def test_missing_file() -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        read_text("does-not-exist.txt")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"<html><body><p>5 cars</p></body></html>"))
    monkeypatch.setattr(sys, "stdin", fake)
    article = read_text("-")
    assert article.name == "<stdin>" and article.kind == "html" and "5 cars" in article.text


def test_html_to_text_blocks() -> None:
    assert html_to_text("<p>a</p><p>b</p>").split() == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Mr. Smith said 4.3 million came. Of these, 1.6 million stayed.", 2),
        ("The U.S. economy grew 3.5% in Jan. last year. It was fast.", 2),
        ("“It is so,” he said. Then he left!", 2),
        ("Line one\nLine two", 2),
    ],
)
def test_sentences(text: str, count: int) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == count
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_page_is_read_from_its_article_with_its_metadata() -> None:
    article = read_text(DATA / "article-page-with-boilerplate.html")
    assert article.text.startswith("4.3 million foreigners entered Kazakhstan this year\n")
    for boilerplate in ("Top 10", "2,000 readers", "Most read", "150 employees", "Subscribe"):
        assert boilerplate not in article.text
    assert "of which 1.6 million are Russians" in article.text
    assert "Source: Lusa" in article.text  # the story's own footer stays
    assert (article.author, article.publisher, article.published, article.url) == (
        "Ana Silva",
        "Example News",
        "2022-09-23T10:00:00Z",
        "https://example.org/kz-border",
    )


def test_a_page_without_an_article_element_keeps_its_text_without_navigation() -> None:
    text = html_to_text(
        "<html><body><nav>Home 24 links</nav><p>Police said 300 people were held.</p>"
        "<footer>© 2024, 50 staff</footer></body></html>"
    )
    assert text == "Police said 300 people were held.\n"


def test_page_metadata_fills_the_byline_the_text_lacks(tmp_path: Path) -> None:
    from toolkit.check.article import read_and_check

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="author" content="Ana Silva">'
        '<meta property="og:site_name" content="Example News"></head>'
        "<body><p>Police said 300 people were held, of whom 40 were minors.</p></body></html>",
        encoding="utf-8",
    )
    reading = read_and_check(page).reading
    assert (reading.author, reading.publisher) == ("Ana Silva", "Example News")
