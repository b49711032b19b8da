"""Word lists the extractor reads: cue words, weapon nouns and names, demonyms, role verbs."""

from __future__ import annotations

from typing import Literal

from monitor.models.facts import Side, TroopActivity, WeaponKind


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string."""
    return frozenset(text.split())


Role = Literal["launched", "shot_down", "suppressed", "neutralized", "block"]

#: Nouns naming what was launched, by the weapon kind they count.
WEAPON_NOUNS: dict[str, WeaponKind] = {
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "shaheds": "drone",
    "gerans": "drone",
    "decoys": "drone",
    "missile": "missile",
    "missiles": "missile",
    "rocket": "missile",
    "rockets": "missile",
    "bomb": "glide_bomb",
    "bombs": "glide_bomb",
    "kabs": "glide_bomb",
    "targets": "targets",
}

#: Words allowed between a count and its weapon noun ("145 Russian attack drones").
NOUN_MODIFIERS = words(
    "attack strike kamikaze shahed-type geran-type aerial heavy long-range combat decoy "
    "jet-powered unmanned guided cruise ballistic air hostile iranian-made iranian-designed "
    "fpv loitering reconnaissance more additional other air-launched sea-launched "
    "ground-launched hypersonic anti-aircraft guided-missile type enemy airborne "
    "russian-made ukrainian-made domestically-produced imitator imitation fixed-wing incoming "
    "various glide and of the"
)

SIDE_WORDS: dict[str, Side] = {
    "russia": "Russia",
    "russian": "Russia",
    "russians": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "ukraine": "Ukraine",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
}

#: Token phrases that give a count its role; the longest phrase wins at each position.
ROLE_PHRASES: dict[tuple[str, ...], Role] = {
    **{
        (w,): "launched"
        for w in words(
            "launched launch launches launching fired fire firing attacked attack attacks struck "
            "involving involved using used unleashed targeted raid barrage salvo wave assault hit "
            "dropped dropping hurled"
        )
    },
    ("shot", "down"): "shot_down",
    ("shoot", "down"): "shot_down",
    ("shooting", "down"): "shot_down",
    ("brought", "down"): "shot_down",
    ("downed",): "shot_down",
    ("downing",): "shot_down",
    ("destroyed",): "shot_down",
    ("destroying",): "shot_down",
    ("destruction",): "shot_down",
    ("eliminated",): "shot_down",
    ("intercepted", "and", "destroyed"): "shot_down",
    ("shot", "down", "or", "suppressed"): "neutralized",
    ("shot", "down", "/", "suppressed"): "neutralized",
    ("shot", "down/suppressed"): "neutralized",
    ("downed/suppressed",): "neutralized",
    ("shot", "down/jammed"): "neutralized",
    ("shot", "down", "or", "jammed"): "neutralized",
    ("downed", "or", "suppressed"): "neutralized",
    ("neutralized",): "neutralized",
    ("neutralised",): "neutralized",
    ("neutralizing",): "neutralized",
    ("intercepted",): "neutralized",
    ("intercepting",): "neutralized",
    ("repelled",): "neutralized",
    ("put", "out", "of", "action"): "neutralized",
    ("suppressed",): "suppressed",
    ("jammed",): "suppressed",
    ("locationally", "lost"): "suppressed",
    ("lost", "locationally"): "suppressed",
    ("lost",): "suppressed",
    ("electronic", "warfare"): "suppressed",
    ("diverted",): "suppressed",
    **{
        (w,): "block"
        for w in words(
            "produce produced produces producing production manufacture manufactured build built "
            "deliver delivered delivering supply supplied supplying pledged received receive "
            "bought buy purchase purchased ordered order stockpiled stockpile possesses assemble "
            "assembled transferred transfer donated donate provide provided make makes made"
        )
    },
}

#: Words that make the following verb hypothetical ("could launch 1,000 drones").
MODALS = words(
    "could would might may can will able capable capacity plans plan planning aims intends "
    "expected expects expect predict predicts forecast threatened threatens ready if "
    "should"
)

#: Quantities right after these are cumulative totals or rates, not one attack.
CUMULATIVE_AFTER_SINCE = words(
    "start beginning war invasion outbreak full-scale february march january 2022 2023 2024 2014 conflict"
)
RATE_UNITS = words("night day month year week nightly daily monthly annually")
#: 'over the past year' is a cumulative total; 'over the past day' is one daily report.
LONG_PERIODS = words("year years month months week weeks decade")
MONTHS = words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")

RECORD_SUPERLATIVES = words("largest biggest heaviest largest-ever biggest-ever unprecedented most-massive")
ATTACK_NOUNS = words(
    "attack attacks assault strike strikes barrage bombardment raid wave onslaught air aerial "
    "drone drones missile combined overnight"
)
SURPASS_WORDS = words(
    "surpassing surpassed surpasses breaking broke breaks beat beating exceeding exceeded "
    "topping topped eclipsing eclipsed outstripping"
)

TROOP_NOUNS = words(
    "troops soldiers soldier fighters mercenaries mercenary recruits personnel servicemen "
    "forces force peacekeepers contingent contingents battalion battalions brigade brigades "
    "units conscripts volunteers combatants infantry army instructors"
)
#: Nouns that name fighters only when the sentence is about soldiering ("Yemeni men").
PEOPLE_NOUNS = words("men citizens nationals workers")
TROOP_CONTEXT = words(
    "recruit recruited recruiting recruitment deployed deploy deployment fighting fight fought "
    "front frontline front-line battlefield army military combat trenches enlisted contracts "
    "conscripted mercenaries killed captured"
)
SEND_WORDS = words(
    "deployed deploy deploys deploying deployment sent send sends sending dispatched dispatch "
    "contribute contributing committed commit station stationed provide providing role "
    "transferred"
)

#: Activity cue words; the nearest cue to the troop noun wins, plan cues win outright.
PLAN_CUES = words(
    "propose proposed proposal proposals proposing plan plans planned planning ready willing "
    "would pledge pledged offer offered offering consider considering considered peacekeepers "
    "peacekeeping reassurance postwar post-war coalition"
)
ACTIVITY_CUES: dict[str, TroopActivity] = {
    **dict.fromkeys(["captured", "capture", "capturing", "prisoner", "prisoners", "pow", "pows"], "capture"),
    **dict.fromkeys(
        ["killed", "dead", "died", "wounded", "casualties", "losses", "injured", "deaths", "wounding"],
        "casualties",
    ),
    **dict.fromkeys(
        [
            "combat",
            "fighting",
            "fought",
            "fight",
            "clash",
            "clashes",
            "battle",
            "battles",
            "skirmishes",
            "combats",
            "frontline",
            "front-line",
            "assault",
            "assaults",
            "engaged",
            "advancing",
            "attacking",
            "offensive",
        ],
        "combat",
    ),
    **dict.fromkeys(
        [
            "recruit",
            "recruited",
            "recruiting",
            "recruitment",
            "recruits",
            "recruiters",
            "lured",
            "enlisted",
            "hired",
            "mercenaries",
            "contracts",
            "joined",
            "joining",
        ],
        "recruitment",
    ),
    **dict.fromkeys(
        [
            "deployed",
            "deployment",
            "deploy",
            "deploying",
            "sent",
            "dispatched",
            "arrived",
            "stationed",
            "presence",
            "moved",
            "transferred",
        ],
        "deployment",
    ),
}
