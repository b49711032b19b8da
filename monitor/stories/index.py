"""The MinHash LSH index of a night's items, in Redis so that every replica shares it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import redis

from monitor.state.keys import STORY_TTL, Keys
from monitor.stories.minhash import PERMUTATIONS, Signature, bands, from_bytes
from monitor.stories.model import SUMMARY_FIELD, Summary, night_of

_SIG_BYTES = PERMUTATIONS * 4
#: Items kept per LSH bucket: past this, a bucket holds one text copied many times.
MOST_PER_BUCKET = 64


def digest(item_id: str) -> bytes:
    """The 8-byte digest an item is filed under in the index."""
    return hashlib.blake2b(item_id.encode(), digest_size=8).digest()


@dataclass(frozen=True)
class Candidate:
    """An item sharing a band with the probed one: its signature, its story, and the item whose
    text it copies (itself when it is an original)."""

    signature: Signature
    at_ms: int
    story_id: str
    wire: str

    @property
    def night(self) -> str:
        return night_of(datetime.fromtimestamp(self.at_ms / 1000, UTC))

    @classmethod
    def parse(cls, raw: bytes) -> Candidate:
        at_ms, story_id, wire = raw[_SIG_BYTES:].decode().split("\t")
        return cls(from_bytes(raw[:_SIG_BYTES]), int(at_ms), story_id, wire)

    def filed(self) -> bytes:
        """The value stored for the item: signature bytes, then its event ms, story and wire."""
        return self.signature.tobytes() + f"{self.at_ms}\t{self.story_id}\t{self.wire}".encode()


class StoryIndex:
    """Bands and signatures per night (keys.story_bands, keys.story_signatures)."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        text = resources.files("monitor.stories").joinpath("probe.lua").read_text("utf-8")
        self._probe: Any = client.register_script(text)

    def probe(
        self,
        item_id: str,
        nights: tuple[str, str],
        sig: Signature,
        attacks: Sequence[str] = (),
        span: tuple[int, int] = (0, 0),
        *,
        file: bool = True,
    ) -> Probe:
        """Add the item to its night's bands and return, in one round trip, what its placement
        reads: what it was filed with before (a retried batch), the candidates sharing a band
        with it this night or the night before, the stories of these nights reporting one of
        ``attacks`` ("Russia/drone": this night's any, the night before's begun within ``span``,
        event ms), and the summaries of those stories and of the candidates' stories."""
        keys, args = self.request(item_id, nights, sig, attacks, span, file=file)
        own, others, found, summaries = self._probe(keys=keys, args=args)
        return Probe(
            already=Candidate.parse(own) if own else None,
            candidates=[Candidate.parse(raw) for raw in others],
            attack_stories=list(dict.fromkeys(_text(story) for story in found)),
            summaries={
                _text(story): Summary.parse(raw) if raw else None
                for story, raw in zip(summaries[::2], summaries[1::2], strict=True)
            },
        )

    def request(
        self,
        item_id: str,
        nights: tuple[str, str],
        sig: Signature,
        attacks: Sequence[str] = (),
        span: tuple[int, int] = (0, 0),
        *,
        file: bool = True,
    ) -> tuple[list[str], list[Any]]:
        """The keys and arguments of probe.lua for ``probe`` (a benchmark pipelines them)."""
        digests = bands(sig)
        keys = [
            self.keys.story_bands(night, band, found[0])
            for night in nights
            for band, found in enumerate(digests)
        ]
        keys.extend(self.keys.story_signatures(night) for night in nights)
        for what in attacks:
            keys.extend(self.keys.night_attacks(night, what) for night in nights)
        args: list[Any] = [
            digest(item_id), *digests, STORY_TTL, MOST_PER_BUCKET, "1" if file else "0", len(digests),
            _SIG_BYTES, self.keys.story_items(""), SUMMARY_FIELD, span[0], span[1],
        ]  # fmt: skip
        return keys, args


@dataclass(frozen=True)
class Probe:
    """What one probe found (StoryIndex.probe)."""

    already: Candidate | None
    candidates: list[Candidate]
    attack_stories: list[str]
    summaries: dict[str, Summary | None]


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
