"""Facts the extractor finds in an article: strikes, foreign troop reports, named weapons, casualties."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

Side = Literal["Russia", "Ukraine"]
WeaponKind = Literal["drone", "missile", "glide_bomb", "targets"]
Qualifier = Literal["over", "more than", "at least", "nearly", "about", "up to", "almost"]
TroopActivity = Literal["deployment", "combat", "capture", "casualties", "recruitment", "plan"]
#: Which war a fact belongs to: this monitor's war, or any other (a Houthi drone, Gaza, Sudan).
Theatre = Literal["russia-ukraine", "other"]
_THEATRE = (
    "War the fact belongs to: 'russia-ukraine' when its own clause or sentence ties it to this war "
    "(sides, places, actors), 'other' for other conflicts or when nothing ties it to this war."
)

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Strike(BaseModel):
    """One attack (or one side's report of it): counts launched and put out of action."""

    model_config = _FROZEN

    weapon: WeaponKind = Field(description="Kind of weapon; 'targets' when a total mixes kinds.")
    models: tuple[str, ...] = Field(default=(), description="Model names, e.g. 'Shahed-136'.")
    launched: int | None = Field(default=None, description="Number launched (range: lower end).")
    launched_max: int | None = Field(default=None, description="Upper end of a launched range.")
    shot_down: int | None = Field(default=None, description="Number shot down / destroyed.")
    suppressed: int | None = Field(default=None, description="Jammed or 'locationally lost'.")
    neutralized: int | None = Field(
        default=None, description="Total put out of action (shot down plus suppressed)."
    )
    lower_bound: int | None = Field(
        default=None, description="Lower bound of a vague quantity ('dozens of' -> 24)."
    )
    attacker: Side | None = Field(default=None, description="Side that launched the attack.")
    target: Side | None = Field(default=None, description="Side that was attacked.")
    places: tuple[str, ...] = Field(default=(), description="Canonical place names.")
    qualifier: Qualifier | None = Field(default=None, description="Hedge on the main count.")
    record_claim: bool = Field(default=False, description="The text calls this a record.")
    record_scope: str | None = Field(
        default=None, description="What the record is about, e.g. 'attack on the Russian capital'."
    )
    previous_record: int | None = Field(
        default=None, description="A previous record quoted for comparison (not this count)."
    )
    time_ref: str | None = Field(default=None, description="'overnight', 'on Sunday', ...")
    evidence: str = Field(default="", description="The sentence(s) the strike was read from.")
    theatre: Theatre = Field(default="other", description=_THEATRE)
    single_attack: str | None = Field(
        default=None,
        description="The learned scorer's verdict that the count is one attack's: its probability "
        "and the features that weighed most ('p=0.93: near:overnight +1.21, ...'); when the "
        "count-role drafter (opt-in) revised the strike, its reading ('drafter: 41 downed p=0.96: ...').",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def size(self) -> int | None:
        """The attack's size for records: launched, else neutralized, else shot down."""
        for value in (self.launched, self.neutralized, self.shot_down, self.lower_bound):
            if value is not None:
                return value
        return None


class TroopReport(BaseModel):
    """A report of foreign troops in the war (never Russian or Ukrainian forces)."""

    model_config = _FROZEN

    nationality: str = Field(description="Canonical demonym, e.g. 'North Korean'.")
    count: int | None = Field(default=None, description="Number of troops (range: lower end).")
    count_max: int | None = Field(default=None, description="Upper end of a range.")
    lower_bound: int | None = Field(
        default=None, description="Lower bound of a vague number ('thousands of' -> 2000)."
    )
    qualifier: Qualifier | None = Field(default=None, description="Hedge on the count.")
    side: Side | None = Field(default=None, description="Side they serve or would serve.")
    activity: TroopActivity | None = Field(default=None, description="What is reported.")
    evidence: str = Field(default="", description="The sentence the report was read from.")
    theatre: Theatre = Field(default="other", description=_THEATRE)


class WeaponMention(BaseModel):
    """A named weapon system mentioned in the text."""

    model_config = _FROZEN

    name: str = Field(description="Canonical name, e.g. 'Oreshnik'.")
    kind: str | None = Field(default=None, description="missile, drone, aircraft, ...")
    used: bool = Field(default=False, description="The text reports it being used in an attack.")
    evidence: str = Field(default="", description="The sentence the mention was read from.")
    theatre: Theatre = Field(default="other", description=_THEATRE)


class Casualty(BaseModel):
    """People killed and injured in one reported incident."""

    model_config = _FROZEN

    killed: int | None = None
    injured: int | None = None
    place: str | None = None
    evidence: str = ""
    killed_qualifier: Qualifier | None = Field(
        default=None, description="Hedge on the killed count ('at least')."
    )
    injured_qualifier: Qualifier | None = Field(default=None, description="Hedge on the injured count.")


DenialKind = Literal["denied", "retracted", "corrected"]


class Denial(BaseModel):
    """An article whose headline or lead denies, retracts or corrects an earlier report."""

    model_config = _FROZEN

    kind: DenialKind = Field(
        description="'denied' (called false or fake, or said not to have happened), 'retracted' "
        "(withdrawn by whoever published it) or 'corrected'."
    )
    sides: tuple[Side, ...] = Field(default=(), description="Sides the headline and lead name.")
    weapons: tuple[WeaponKind, ...] = Field(default=(), description="Weapon kinds they name.")
    places: tuple[str, ...] = Field(default=(), description="Canonical places they name.")
    evidence: str = Field(default="", description="The sentence the denial was read from.")


class Facts(BaseModel):
    """Everything the extractor found in one article."""

    model_config = _FROZEN

    strikes: tuple[Strike, ...] = ()
    troops: tuple[TroopReport, ...] = ()
    weapons: tuple[WeaponMention, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    denials: tuple[Denial, ...] = ()

    def is_empty(self) -> bool:
        return not (self.strikes or self.troops or self.weapons or self.casualties or self.denials)
