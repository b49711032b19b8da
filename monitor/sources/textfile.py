"""Plain-text article files: split scraped pages into articles, drop boilerplate, title each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.sources.boilerplate import strip_boilerplate

#: Section labels a scraped page repeats before each article's headline.
SECTION_MARKERS = frozenset({"russia-ukraine war"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
MAX_TITLE = 150


@dataclass(frozen=True)
class TextArticle:
    title: str
    text: str


def split_articles(raw: str) -> list[TextArticle]:
    """The articles in a text file, in order; a page with section markers gives several."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip().casefold() in SECTION_MARKERS:
            chunks.append([])
        else:
            chunks[-1].append(line)
    # A page of several articles may end with a footer inside the last chunk; every chunk
    # goes through the same boilerplate filter.
    articles = []
    for chunk in chunks:
        article = _article(strip_boilerplate(chunk))
        if article is not None:
            articles.append(article)
    return articles


def _article(lines: list[str]) -> TextArticle | None:
    content = [line.strip() for line in lines if line.strip()]
    if not content:
        return None
    first = content[0]
    if len(content) > 1 and len(first) <= MAX_TITLE and not first.endswith((".", "!", "?", ":")):
        return TextArticle(title=first, text="\n".join(content[1:]))
    title = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return TextArticle(title=title, text="\n".join(content))
