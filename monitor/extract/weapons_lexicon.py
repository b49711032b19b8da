"""Named weapon systems: canonical names, kinds and the spellings that refer to them."""

from __future__ import annotations

# canonical name | kind | aliases as lowercase tokens (comma separated)
_WEAPONS = (
    "Shahed-136|drone|shahed-136,shahed-136s,shahed 136",
    "Shahed-131|drone|shahed-131,shahed-131s,shahed 131",
    "Shahed|drone|shahed,shaheds,shahed-type,shahed-style",
    "Geran-2|drone|geran-2,geran-2s,geran",
    "Gerbera|drone|gerbera,gerberas",
    "Lancet|drone|lancet,lancets",
    "Lyutyi|drone|lyutyi,liutyi",
    "Bayraktar TB2|drone|bayraktar,bayraktars,tb2",
    "Kh-101|missile|kh-101,kh-101s",
    "Kh-22|missile|kh-22,kh-22s",
    "Kh-59|missile|kh-59,kh-59s,kh-59/69",
    "Kh-69|missile|kh-69",
    "Kh-31P|missile|kh-31p",
    "Kh-555|missile|kh-555",
    "Kalibr|missile|kalibr,kalibrs",
    "Iskander-M|missile|iskander-m,iskander,iskanders,iskander-ms",
    "Iskander-K|missile|iskander-k",
    "Kinzhal|missile|kinzhal,kinzhals,kh-47m2",
    "Zircon|missile|zircon,tsirkon",
    "Oniks|missile|oniks,onyx",
    "Oreshnik|missile|oreshnik",
    "RS-26|missile|rs-26,rubezh",
    "Tochka-U|missile|tochka-u",
    "ATACMS|missile|atacms",
    "Storm Shadow|missile|storm shadow,storm shadows",
    "SCALP|missile|scalp",
    "Taurus|missile|taurus",
    "Tomahawk|missile|tomahawk,tomahawks",
    "Neptune|missile|neptune,neptunes",
    "Flamingo|missile|flamingo",
    "HIMARS|rocket launcher|himars",
    "Patriot|air defense|patriot,patriots",
    "IRIS-T|air defense|iris-t",
    "NASAMS|air defense|nasams",
    "S-300|air defense|s-300,s-300s",
    "S-400|air defense|s-400,s-400s",
    "F-16|aircraft|f-16,f-16s",
    "Su-34|aircraft|su-34,su-34s",
    "Tu-95|aircraft|tu-95,tu-95ms",
    "FAB-500|glide_bomb|fab-500",
    "FAB-1500|glide_bomb|fab-1500",
    "FAB-3000|glide_bomb|fab-3000",
)

#: Alias tokens to (canonical names, kind). 'Shahed-136/131' names two models.
WEAPON_ALIASES: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
for _row in _WEAPONS:
    _name, _kind, _aliases = _row.split("|")
    for _alias in _aliases.split(","):
        WEAPON_ALIASES[tuple(_alias.split())] = ((_name,), _kind)
WEAPON_ALIASES[("shahed-136/131",)] = (("Shahed-136", "Shahed-131"), "drone")
WEAPON_FIRST_WORDS = frozenset(key[0] for key in WEAPON_ALIASES)

#: Kind of strike a model counts toward ("glide_bomb" models count as glide bombs).
STRIKE_KINDS = frozenset(("drone", "missile", "glide_bomb"))
