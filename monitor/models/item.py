"""Items as sources produce them, and the bounded, normalised Article the extractor reads."""

from __future__ import annotations

import hashlib
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

#: Longest article text the pipeline will look at; feeds are untrusted and a 5 MB "article"
#: must not cost more than this many characters of work downstream.
MAX_TEXT_CHARS = 200_000
MAX_TITLE_CHARS = 1_000


def stable_id(*parts: str) -> str:
    """A content-derived id: the same parts give the same id on any machine and run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:24]


class Item(BaseModel):
    """One news item as a source yields it (a feed entry, a replayed article)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Stable id: equal content gives an equal id.")
    source: str = Field(description="Outlet or feed name, e.g. 'time.news'.")
    url: str | None = Field(default=None, description="Link to the original article.")
    title: str = Field(default="", description="Headline.")
    text: str = Field(default="", description="Plain article text (no markup).")
    published: datetime | None = Field(default=None, description="Publication time (UTC).")
    language: str | None = Field(default=None, description="ISO 639-1 code when known.")
    tags: tuple[str, ...] = Field(default=(), description="Source tags from feed config.")
    origin: str = Field(default="", description="Where the item came from: file path or feed.")
    position: int = Field(default=0, description="Position of the item inside its origin.")

    def ref(self) -> dict[str, object]:
        """The short form used in alert output: id, source, url, title, published."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
        }


class Article(BaseModel):
    """An item's text normalised and bounded for extraction and matching."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item_id: str
    title: str
    text: str

    @classmethod
    def from_item(cls, item: Item) -> Article:
        title = " ".join(item.title.split())[:MAX_TITLE_CHARS]
        text = item.text[:MAX_TEXT_CHARS]
        return cls(item_id=item.id, title=title, text=text)
