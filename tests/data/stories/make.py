# ruff: noqa: E501  (the table of reports reads best one report a row)
"""Write stories.jsonl: a labeled corpus for `monitor eval --stories` (field `story` is the truth).

Wire reports copied by other outlets with light edits (new headline, a credit line, trimmed), other
articles on the same attack, attacks on consecutive nights worded alike, and figures revised over a
night. Our own wording throughout.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "stories.jsonl"

KYIV_0704 = (
    "Russia launched 539 drones and 11 missiles at Ukraine overnight in one of the heaviest air attacks "
    "of the war, Ukraine's air force said on Friday. Air defences shot down or jammed 476 of the drones "
    "and two of the missiles. The capital Kyiv was the main target: at least two people were killed and "
    "26 wounded, the city administration said, and fires broke out in six districts. Rescue crews worked "
    "through the morning to pull residents from a damaged apartment block near a railway depot. The "
    "attack came hours after a phone call between the American and Russian presidents ended without "
    "any sign of progress towards a ceasefire."
)
NIGHT_0705 = (
    "Russia launched 322 drones and 8 missiles at Ukraine overnight, Ukraine's air force said on Saturday. "
    "Air defences shot down or jammed 296 of the drones and all of the missiles. The western city of "
    "Lutsk was hit hardest: a warehouse burned and power was cut to parts of the city, its mayor said. "
    "Officials in Rivne reported damage to a school and two houses but no casualties."
)
KURSK_0705 = (
    "Russia's defence ministry said its air defences destroyed 120 Ukrainian drones overnight over "
    "several regions, 38 of them over Kursk and 21 over the Moscow region. Flights at two Moscow "
    "airports were halted for several hours. The regional governor of Kursk said debris fell on a "
    "village and damaged a power line, and that no one was hurt."
)
TROOPS = (
    "North Korean soldiers are fighting alongside Russian troops in the Kursk region, South Korea's "
    "intelligence service told lawmakers on Wednesday, adding that several hundred had been killed or "
    "wounded since the winter. The agency said Pyongyang had sent a further rotation of engineers and "
    "artillery crews, and that the soldiers had learned to counter drones after heavy early losses."
)
SEPT_WIRE = (
    "Russia launched 810 drones and 13 missiles at Ukraine overnight, the largest air attack of the war, "
    "Ukraine's air force said on Sunday. Air defences neutralized 747 drones and four missiles. In Kyiv "
    "the government building was set on fire for the first time, the prime minister said, and a young "
    "woman and her baby were killed in a residential block in the Sviatoshynskyi district."
)
SEPT_BLOG = (
    "Overnight into Sunday Russia sent over 800 drones at Ukraine along with 13 missiles, a new record "
    "for a single night. Smoke rose over the cabinet building in central Kyiv. Analysts said the scale "
    "of the barrage was meant to exhaust air defence stocks before winter, and European leaders called "
    "for more interceptors to be delivered quickly."
)
NIGHT_0908 = (
    "Russia launched 142 drones at Ukraine overnight, Ukraine's air force said on Monday. Air defences "
    "shot down or jammed 121 of them. Drones hit energy facilities in the Odesa region, the regional "
    "governor said, leaving thousands of homes without power."
)
NOV_AF = (
    "Russia launched 472 drones and 12 missiles at Ukraine overnight, Ukraine's air force said on "
    "Monday, and 382 of the drones were neutralized. Strikes damaged energy sites in the Kharkiv and "
    "Dnipropetrovsk regions, and a drone hit a nine-storey building in Dnipro, wounding eleven people."
)
NOV_PRESIDENT = (
    "In his evening address the Ukrainian president said that Russia had sent nearly 500 drones "
    "against Ukraine in a single night and asked allies to speed up deliveries of air defence. He "
    "said repair crews were restoring power in Dnipro and Kharkiv and thanked the rescuers."
)
NOV_MOD = (
    "Russia's defence ministry said 38 Ukrainian drones were destroyed over the Kursk region overnight "
    "and another 14 over the Belgorod region. A drone struck a fuel depot near Belgorod, the regional "
    "governor said, and firefighters put out the blaze by morning."
)
TALKS = (
    "Delegations from Russia and Ukraine met in Istanbul for a second round of talks that lasted just over "
    "an hour. They agreed to exchange the bodies of fallen soldiers and a further group of prisoners, "
    "but made no progress on a ceasefire, officials on both sides said."
)
AID = (
    "Germany will pay for two more Patriot air defence systems for Ukraine, the defence minister said in "
    "Berlin, and is in talks with the United States about faster delivery. Ukraine has asked its allies "
    "for at least ten more systems to protect its cities and power plants over the winter."
)


def _copy(text: str, *, cut: int = 0, credit: str = "", swap: tuple[str, str] = ("", "")) -> str:
    sentences = text.split(". ")
    if cut:
        sentences = sentences[:-cut]
    out = ". ".join(sentences)
    if swap[0]:
        out = out.replace(*swap)
    return f"{out.rstrip('.')}.{' ' + credit if credit else ''}"


def reports() -> list[dict[str, str]]:
    rows = [
        ("A", "wire-a", "2025-07-04T05:40:00Z", "Russia fires 539 drones and 11 missiles at Ukraine", KYIV_0704),
        ("A", "daily-b", "2025-07-04T06:10:00Z", "Kyiv hit in one of the war's heaviest air attacks",
         _copy(KYIV_0704, cut=1, credit="(Reporting by our Kyiv bureau; editing by the night desk)")),
        ("A", "post-c", "2025-07-04T07:05:00Z", "Deadly drone and missile strike on Kyiv",
         _copy(KYIV_0704, swap=("said on Friday", "said on Friday morning"))),
        ("A", "kyiv-d", "2025-07-04T08:20:00Z", "A night of explosions in the capital",
         "Residents of Kyiv spent the night in metro stations as wave after wave of Russian drones crossed "
         "the city. Russia launched 539 drones at Ukraine overnight, the air force said. In the morning "
         "volunteers handed out tea to families who had left their flats, and a school opened its "
         "basement to neighbours whose windows had been blown out."),
        ("A", "air-force", "2025-07-04T11:30:00Z", "Updated figures for the overnight attack",
         "Updated figures: Russia launched 550 drones at Ukraine overnight, the air force said, not 539 as "
         "first reported, and 478 of them were neutralized. Eleven missiles were also fired. Kyiv was the "
         "main target, and the strike on a depot was confirmed."),
        ("A", "wire-e", "2025-07-04T13:00:00Z", "Ukraine says Russian report of captured town is false",
         "Ukraine's military denied a Russian claim that its forces had captured a village in the "
         "Donetsk region overnight. Separately, Russia launched 550 drones at Kyiv and other cities "
         "overnight, the air force said, revising its earlier count."),
        ("B", "wire-a", "2025-07-05T05:50:00Z", "Russia fires 322 drones and 8 missiles at Ukraine", NIGHT_0705),
        ("B", "daily-b", "2025-07-05T06:30:00Z", "Lutsk hit as Russia launches hundreds of drones",
         _copy(NIGHT_0705, credit="(Reporting by our Kyiv bureau)")),
        ("B", "post-c", "2025-07-05T09:15:00Z", "Lutsk counts the damage after the night's drones",
         _copy(NIGHT_0705, cut=1, swap=("its mayor said", "the mayor said"))),
        ("C", "wire-r", "2025-07-05T06:00:00Z", "Russia says 120 Ukrainian drones downed overnight", KURSK_0705),
        ("C", "daily-b", "2025-07-05T07:00:00Z", "Moscow airports halt flights during drone raid",
         _copy(KURSK_0705, cut=1, credit="(Reporting by our Moscow bureau)")),
        ("C", "moscow-m", "2025-07-05T08:30:00Z", "Debris falls on a village in Kursk",
         "A village in the Kursk region lost power after debris from a downed drone fell on a line, the "
         "governor said. Russia's defence ministry said 120 Ukrainian drones were destroyed over Russia "
         "overnight, 38 of them over Kursk."),
        ("D", "wire-a", "2025-07-09T09:00:00Z", "North Korean troops still fighting in Kursk, Seoul says", TROOPS),
        ("D", "post-c", "2025-07-09T10:30:00Z", "Seoul: more North Korean soldiers sent to Russia",
         _copy(TROOPS, credit="Reporting by our Seoul correspondent.")),
        ("D", "daily-b", "2025-07-09T12:00:00Z", "Pyongyang sends engineers to Kursk",
         _copy(TROOPS, cut=1)),
        ("F", "wire-a", "2025-09-07T06:10:00Z", "Russia launches largest air attack of the war", SEPT_WIRE),
        ("F", "daily-b", "2025-09-07T07:00:00Z", "Record attack sets government building on fire",
         _copy(SEPT_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("F", "blog-g", "2025-09-07T15:00:00Z", "The largest barrage yet", SEPT_BLOG),
        ("G", "wire-a", "2025-09-08T05:30:00Z", "Russia launches 142 drones at Ukraine", NIGHT_0908),
        ("G", "daily-b", "2025-09-08T06:45:00Z", "Odesa region without power after drone attack",
         _copy(NIGHT_0908, credit="(Reporting by our Odesa stringer)")),
        ("H", "air-force", "2025-11-10T06:00:00Z", "Russia launches 472 drones and 12 missiles", NOV_AF),
        ("H", "wire-a", "2025-11-10T06:40:00Z", "Ukraine says 472 drones launched overnight",
         _copy(NOV_AF, credit="(Reporting by our Kyiv bureau)")),
        ("H", "president", "2025-11-10T17:30:00Z", "President asks allies for air defence",
         "The president said Russia launched nearly 500 drones at Ukraine overnight. " + NOV_PRESIDENT),
        ("I", "wire-r", "2025-11-10T06:20:00Z", "Russia says 38 Ukrainian drones destroyed over Kursk", NOV_MOD),
        ("I", "moscow-m", "2025-11-10T09:00:00Z", "Fuel depot burns near Belgorod",
         _copy(NOV_MOD, cut=1, credit="(Reporting by our Moscow bureau)")),
        ("T", "wire-a", "2025-06-02T14:00:00Z", "Russia and Ukraine agree prisoner exchange in Istanbul", TALKS),
        ("T", "post-c", "2025-06-02T15:20:00Z", "Istanbul talks end in an hour",
         _copy(TALKS, credit="Reporting by our Istanbul correspondent.")),
        ("P", "wire-a", "2025-08-01T10:00:00Z", "Germany to fund two more Patriot systems", AID),
        ("Q", "wire-a", "2025-08-02T10:00:00Z", "Russia and Ukraine hold a third round of talks",
         TALKS.replace("a second round", "a third round").replace("just over an hour", "forty minutes")),
    ]  # fmt: skip
    return [
        {"id": f"story-{n:03d}", "story": label, "source": source, "published": published,
         "title": title, "text": text}
        for n, (label, source, published, title, text) in enumerate(rows)
    ]  # fmt: skip


def main() -> None:
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports()), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
