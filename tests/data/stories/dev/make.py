# ruff: noqa: E501  (the table of reports reads best one report a row)
"""Write dev/stories.jsonl: a development corpus for story joining (field `story` is the truth).

One story is one event: one night's (or one day's) air attack by one side, with every later report
about it (revised counts, tolls that rise over the next days, damage assessments, the attacker's own
claim about it). The other side's drones or missiles the same night are another story. Field `case`
names the kind of report, for people reading the corpus; the loader ignores it.

Events are from 2024 and the first half of 2025. Figures follow what officials announced at the time
(rounded where the reports themselves differed); the sentences are ours. Regenerate with
`python tests/data/stories/dev/make.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "stories.jsonl"


def copy(text: str, *, drop_last: int = 0, credit: str = "", swap: tuple[tuple[str, str], ...] = ()) -> str:
    """A light edit of a wire text: last sentences trimmed, a few words swapped, a credit line added."""
    parts = [p for p in text.split(". ") if p]
    if drop_last:
        parts = parts[:-drop_last]
    out = ". ".join(parts).rstrip(".") + "."
    for old, new in swap:
        out = out.replace(old, new)
    return f"{out} {credit}" if credit else out


# --- March 2024: the strikes on the power system -------------------------------------------------

MAR22_WIRE = (
    "Russia fired 88 missiles and 63 Shahed drones at Ukraine overnight in what officials called the "
    "largest attack on the power system since the start of the invasion. The air force said 37 missiles "
    "and 55 drones were shot down. The Dnipro hydroelectric station in Zaporizhzhia was hit and a "
    "trolleybus on the dam caught fire. At least five people were killed across the country."
)
MAR24_WIRE = (
    "Russia launched 29 missiles and 28 drones at Ukraine overnight, the air force said on Sunday, "
    "targeting Kyiv and the western Lviv region. Air defences destroyed 18 of the missiles and 25 of "
    "the drones. Poland said a Russian cruise missile crossed its airspace for 39 seconds and scrambled "
    "its jets."
)
MAR29_WIRE = (
    "Russia struck power plants across Ukraine overnight with 60 drones and 39 missiles, the air force "
    "said on Friday, and air defences brought down 84 of the targets. Thermal plants in the centre and "
    "west of the country were damaged, the energy ministry said, and one person was killed in the "
    "Dnipropetrovsk region."
)
MAR31_WIRE = (
    "Russia launched 16 missiles and 11 drones at Ukraine in an overnight attack, the air force said on "
    "Sunday morning, adding that nine of the missiles and nine of the drones were brought down. It did "
    "not say what had been targeted."
)
APR11_WIRE = (
    "Russia launched 82 missiles and drones at Ukraine overnight, destroying the Trypillia thermal power "
    "plant, the largest supplier of electricity to the Kyiv, Cherkasy and Zhytomyr regions, its operator "
    "Centrenergo said on Thursday. The air force said 18 missiles and 39 drones were shot down. Kharkiv "
    "lost power again after strikes on its substations."
)
MAR22_RU_MOD = (
    "Air defence systems on duty destroyed 14 Ukrainian unmanned aerial vehicles over the Belgorod and "
    "Kursk regions during the night, the Russian Ministry of Defence said on Friday. The Belgorod governor "
    "said a drone damaged the roof of a private house in the Shebekino district and that nobody was hurt."
)

# --- July 2024: Okhmatdyt --------------------------------------------------------------------------

JUL08_WIRE = (
    "Russian missiles struck cities across Ukraine in a daytime barrage on Monday, hitting Kyiv's main "
    "children's hospital, Okhmatdyt, and killing at least 20 people, officials said. The air force said "
    "Russia fired 38 missiles of different types and that 30 were shot down. In Kryvyi Rih ten people "
    "were killed when missiles hit an industrial site and nearby homes."
)
JUL10_WIRE = (
    "Russia attacked Ukraine with four missiles and 38 drones overnight, the air force said on Wednesday, "
    "and air defences brought down all of the drones. Debris fell on a farm building in the Kyiv region. "
    "No one was hurt, the regional administration said."
)

# --- August and September 2024 -----------------------------------------------------------------

AUG26_WIRE = (
    "Russia fired 127 missiles and 109 drones at Ukraine on Monday in one of the largest attacks of the "
    "war, targeting the power grid in at least 15 regions, the air force said. Air defences shot down 102 "
    "missiles and 99 drones. Ukrenergo introduced emergency power cuts across the country, and at least "
    "four people were killed, in Lutsk, Zhytomyr, Dnipro and the Odesa region."
)
AUG27_WIRE = (
    "Russia launched 10 missiles and 81 drones at Ukraine overnight, the air force said on Tuesday, a day "
    "after one of its heaviest strikes on the power system. Five of the missiles and 60 of the drones were "
    "shot down. A missile hit a hotel in Kryvyi Rih, killing two people, the regional governor said."
)
SEP01_RU_MOD = (
    "Russia's defence ministry said its air defences destroyed 158 Ukrainian drones over 15 regions "
    "overnight, including 46 over Kursk and 34 over Bryansk. A fire broke out at the Moscow oil refinery "
    "in Kapotnya after a drone fell, and the Kashira power station south of the capital was also "
    "targeted, regional officials said. Moscow's mayor reported no casualties."
)
SEP01_KHARKIV = (
    "Russian guided bombs struck Kharkiv on Sunday afternoon, wounding 47 people, among them nine "
    "children, the regional governor said. A shopping centre and several apartment blocks caught fire. "
    "Two days earlier a bomb had killed seven people in the city, including a 14-year-old girl."
)
SEP10_RU_MOD = (
    "Russia said it destroyed 144 Ukrainian drones over eight regions overnight, 20 of them over the "
    "Moscow region, in the largest drone attack on the capital so far. A woman was killed when debris hit "
    "a high-rise building in Ramenskoye, the regional governor said. Flights were halted for hours at "
    "Domodedovo, Vnukovo and Zhukovsky airports."
)
SEP10_UA = (
    "Russia launched 46 drones at Ukraine overnight, the air force said on Tuesday, and 38 of them were "
    "shot down over eight regions. Falling debris damaged a house in the Kyiv region and set fire to a "
    "warehouse in the Sumy region. There were no casualties."
)

# --- November and December 2024 --------------------------------------------------------------------

NOV10_RU_MOD = (
    "Russian air defences destroyed 84 Ukrainian drones over seven regions overnight, 34 of them over the "
    "Moscow region, the defence ministry said on Sunday. It was the largest drone raid on the capital "
    "region so far. More than 50 flights were diverted from Domodedovo, Sheremetyevo and Zhukovsky, and "
    "a woman was injured in the Ramensky district, officials said."
)
NOV10_UA = (
    "Russia sent a record 145 drones against Ukraine overnight, the air force said on Sunday. Air "
    "defences brought down 62 of them and 67 more were lost from radar, most likely jammed. Debris fell on "
    "houses in the Kyiv region, and an infrastructure site was damaged in the Odesa region."
)
NOV17_WIRE = (
    "Russia fired 120 missiles and 90 drones at Ukraine on Sunday, the largest strike in nearly three "
    "months, hitting power plants and substations, the president said. The air force said 104 missiles "
    "and 42 drones were shot down. Two people were killed in Mykolaiv and energy sites in Odesa were "
    "damaged, officials said, and Poland scrambled jets as the missiles crossed western Ukraine."
)
NOV18_ODESA = (
    "A Russian ballistic missile struck the centre of Odesa on Monday afternoon, killing ten people and "
    "wounding more than 40, the regional governor said. The missile carried cluster munitions and hit a "
    "street with shops and offices; several cars burned."
)
DEC25_WIRE = (
    "Russia fired 78 missiles and 106 drones at Ukraine's power system on Christmas morning, the air force "
    "said, and 59 missiles and 54 drones were shot down. Kharkiv was hit by more than a dozen missiles, its "
    "mayor said, and heating was cut off to half a million residents. One person was killed in the "
    "Dnipropetrovsk region."
)
DEC25_PLANE = (
    "An Azerbaijan Airlines passenger jet flying from Baku to Grozny crashed near the Kazakh city of Aktau "
    "on Wednesday, killing 38 of the 67 people on board. The plane had diverted across the Caspian Sea "
    "after reports of drone activity over Grozny, and investigators are looking into damage to its tail."
)

# --- March to May 2025 ---------------------------------------------------------------------------

MAR11_RU_MOD = (
    "Russia's defence ministry said it destroyed 337 Ukrainian drones overnight, 91 of them over the Moscow "
    "region and 126 over Kursk, in the largest drone attack on the capital. Three people were killed in "
    "the Moscow region, officials said, and a meat warehouse and apartment blocks in Vidnoye and "
    "Domodedovo were hit. All four Moscow airports closed for several hours."
)
MAR11_UA = (
    "Russia launched 126 drones and one ballistic missile at Ukraine overnight, the air force said on "
    "Tuesday, and 79 of the drones were shot down. A missile hit a cargo ship in the port of Odesa as it "
    "loaded wheat, killing four crew members from Syria, the deputy prime minister said."
)
MAR11_TALKS = (
    "Ukraine said on Tuesday it was ready to accept a US proposal for an immediate 30-day ceasefire after "
    "talks in Jeddah that lasted more than eight hours. Washington said it would resume intelligence "
    "sharing and security aid, and that it would now take the offer to Moscow."
)
APR04_KRYVYI = (
    "A Russian ballistic missile struck a residential area of Kryvyi Rih on Friday evening, killing 18 "
    "people, nine of them children, the regional governor said. The missile hit near a playground. More "
    "than 50 people were wounded. Kryvyi Rih is the president's home town."
)
APR13_SUMY = (
    "Two Russian ballistic missiles hit the centre of Sumy on Palm Sunday morning as people gathered for "
    "church services, killing at least 32 people, two of them children, the State Emergency Service said. "
    "One missile struck a university building and the other exploded in the street, hitting a trolleybus "
    "and cars."
)
APR24_WIRE = (
    "Russia struck Kyiv with missiles and drones overnight, killing at least nine people and wounding more "
    "than 70, officials said on Thursday. The air force said Russia launched 70 missiles and 145 drones "
    "across the country and that 112 of them were brought down. An apartment block in the Sviatoshynskyi "
    "district partly collapsed and rescuers searched the rubble."
)
MAY24_WIRE = (
    "Russia attacked Kyiv overnight with 250 drones and 14 ballistic missiles, the air force said on "
    "Saturday, and six of the missiles and 128 of the drones were shot down. At least 15 people were "
    "wounded in the capital and fires broke out in several districts, the city administration said."
)
MAY25_WIRE = (
    "Russia launched 298 drones and 69 missiles at Ukraine overnight, the largest combined air attack of "
    "the war, the air force said on Sunday. At least 12 people were killed, including three children in "
    "the Zhytomyr region, regional officials said, and more than 60 were wounded."
)
MAY26_WIRE = (
    "Russia launched 355 drones and nine cruise missiles at Ukraine overnight, a record for drones, the air "
    "force said on Monday. It was the third large attack in three nights. Air defences shot down 233 "
    "drones and all of the missiles, and damage was reported in the Khmelnytskyi and Mykolaiv regions."
)
MAY25_RU_MOD = (
    "Russian air defences destroyed 95 Ukrainian drones over several regions in four hours on Sunday, 12 "
    "of them flying towards Moscow, the defence ministry said. Flights were briefly restricted at "
    "Vnukovo and Sheremetyevo, and the Tula governor said debris damaged a house."
)
MAY25_SWAP = (
    "Russia and Ukraine swapped 303 more prisoners each on Sunday, completing the largest exchange of the "
    "war, with 1,000 people released by each side over three days, both governments said. The swap was "
    "the only concrete result of talks in Istanbul this month."
)


def rows() -> list[tuple[str, str, str, str, str, str]]:
    """(story, case, source, published, title, text), one a report."""
    return [
        # S01 Russia on Ukraine, 22 March 2024: the power system; tolls over the day and the next.
        ("S01", "official", "air-force", "2024-03-22T05:10:00Z", "Russia launched 151 missiles and drones overnight",
         "The enemy attacked with 151 air attack vehicles: 88 missiles of different types and 63 Shahed drones. Air defences destroyed 37 missiles and 55 drones, the air force command said. The main direction of the strike was the energy sector."),
        ("S01", "wire", "wire-a", "2024-03-22T06:00:00Z", "Russia hits Ukraine's largest dam in massive attack on power grid", MAR22_WIRE),
        ("S01", "wire-copy", "daily-b", "2024-03-22T06:40:00Z", "Dnipro dam hit as Russia pounds power plants",
         copy(MAR22_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("S01", "wire-copy", "post-c", "2024-03-22T07:30:00Z", "Massive Russian strike on Ukraine energy grid",
         copy(MAR22_WIRE, drop_last=1, swap=(("overnight", "early on Friday"),))),
        ("S01", "governor-post", "kharkiv-ova", "2024-03-22T07:50:00Z", "Kharkiv without power after strikes",
         "Kharkiv: as a result of the enemy strikes on energy infrastructure the city is without electricity. Critical infrastructure is switched to generators. Trolleybuses and the metro are not running. Stay in shelters, the alert is not over."),
        ("S01", "energy-operator", "ukrhydroenergo", "2024-03-22T09:00:00Z", "DniproHES hit twice, no risk of a dam breach",
         "The Dnipro hydroelectric station took two direct hits this morning, the state hydro company said. One of the stations is in a critical condition and has stopped generating, but there is no threat of a dam breach. Engineers are assessing the turbine halls."),
        ("S01", "casualties-only", "zaporizhzhia-ova", "2024-03-22T10:15:00Z", "One dead, eight wounded in Zaporizhzhia",
         "A man was killed and eight people were wounded in Zaporizhzhia this morning, the head of the regional military administration said. Rescuers pulled a woman from the ruins of a house. Two children are among the injured."),
        ("S01", "toll-update", "wire-a", "2024-03-22T16:20:00Z", "Death toll from Russian strike on Ukraine's energy rises to five",
         "The number of people killed in Friday's Russian missile and drone strike on Ukraine rose to five, officials said, as power was restored to about half of Kharkiv. About 1.2 million people were still without electricity in the evening, the energy ministry said."),
        ("S01", "damage-assessment", "energy-weekly", "2024-03-23T11:00:00Z", "What the Friday attack did to Ukraine's power plants",
         "Friday's strike put the Dnipro hydro station out of action and damaged two thermal plants run by DTEK, the company said a day later, leaving it with half of its capacity. Ukraine is importing power from Poland, Slovakia and Romania to cover evening peaks."),
        ("S01", "mt-repost", "aggregator-x", "2024-03-22T08:45:00Z", "Massive attack: the DniproGES is in fire",
         "In the night on 22 March the Russian Federation made a massive attack with 88 rockets and 63 Shaheds on energy objects of Ukraine. On the DniproGES dam is burning the trolleybus. Kharkiv is without the light. In Zaporizhzhia is one dead."),
        # S02 Ukraine on Russia, the same night: the Russian defence ministry's claim.
        ("S02", "other-side-night", "ru-mod", "2024-03-22T04:30:00Z", "Air defences destroy 14 Ukrainian UAVs", MAR22_RU_MOD),
        ("S02", "wire-copy", "ru-agency", "2024-03-22T05:20:00Z", "14 drones destroyed over Belgorod and Kursk regions",
         copy(MAR22_RU_MOD, swap=(("during the night", "overnight"),))),
        ("S02", "governor-post", "belgorod-gov", "2024-03-22T06:00:00Z", "Shebekino district: a drone hit a house",
         "In the Shebekino district an enemy drone fell on the roof of a private house. There are no casualties. The roof and the windows are damaged, the emergency services are working at the site."),
        # S03 Russia on Ukraine, 24 March 2024: Kyiv and Lviv; Poland's airspace.
        ("S03", "wire", "wire-a", "2024-03-24T06:30:00Z", "Russia targets Kyiv and Lviv, missile crosses into Poland", MAR24_WIRE),
        ("S03", "wire-copy", "daily-b", "2024-03-24T07:10:00Z", "Russian cruise missile violates Polish airspace",
         copy(MAR24_WIRE, credit="(Reporting by our Warsaw correspondent)")),
        ("S03", "governor-post", "lviv-ova", "2024-03-24T07:30:00Z", "Critical infrastructure hit in the Lviv region",
         "The Lviv region came under a massive attack: about 20 missiles and seven Shaheds were aimed at the region. A critical infrastructure site in the Stryi district was hit. No one was hurt."),
        ("S03", "city-focus", "kyiv-kmva", "2024-03-24T06:00:00Z", "About a dozen missiles shot down near Kyiv",
         "About a dozen missiles were destroyed in the airspace over Kyiv and the region in the early hours, the city military administration said. Debris damaged a house in the Sviatoshynskyi district. No casualties have been reported in the capital."),
        # S04 Russia on Ukraine, 29 March 2024: thermal plants.
        ("S04", "wire", "wire-a", "2024-03-29T06:20:00Z", "Russia strikes Ukrainian power plants with 99 drones and missiles", MAR29_WIRE),
        ("S04", "wire-copy", "post-c", "2024-03-29T07:40:00Z", "Thermal plants damaged in new Russian strike",
         copy(MAR29_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("S04", "energy-operator", "dtek", "2024-03-29T09:30:00Z", "DTEK: three thermal plants damaged",
         "Three of our thermal power plants were seriously damaged in this morning's attack, DTEK said. This is the second large strike on our generation in a week. Since 2022 our plants have been attacked more than 170 times."),
        ("S04", "damage-assessment", "energy-weekly", "2024-03-30T10:00:00Z", "DTEK says it has lost 80% of its generation",
         "Five of the six thermal plants of Ukraine's largest private energy company have been damaged or destroyed in the two strikes of the past week, DTEK said on Saturday, and it has lost 80% of its generating capacity. Repairs could take up to 18 months."),
        # S05 Russia on Ukraine, 31 March 2024: a smaller night, worded like the others.
        ("S05", "wire", "wire-a", "2024-03-31T05:40:00Z", "Ukraine says Russia fired 16 missiles, 11 drones overnight", MAR31_WIRE),
        ("S05", "wire-copy", "daily-b", "2024-03-31T06:30:00Z", "Russia fires 16 missiles and 11 drones at Ukraine",
         copy(MAR31_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("S05", "governor-post", "lviv-ova", "2024-03-31T06:10:00Z", "Energy site in the Lviv region hit again",
         "An energy infrastructure site in the Lviv region was hit again during the night, the governor said. Fire crews put out the blaze. No one was hurt."),
        # S06 Russia on Ukraine, 11 April 2024: Trypillia.
        ("S06", "wire", "wire-a", "2024-04-11T06:50:00Z", "Russian strike destroys Kyiv region's largest power plant", APR11_WIRE),
        ("S06", "energy-operator", "centrenergo", "2024-04-11T08:10:00Z", "Trypillia plant completely destroyed",
         "The Trypillia thermal power plant has been completely destroyed, Centrenergo said. The fire at the plant has been put out. The company has now lost all of its generation: its plants near Kharkiv and Izium were destroyed earlier."),
        ("S06", "city-focus", "kharkiv-ova", "2024-04-11T06:20:00Z", "Kharkiv: ten strikes on energy sites",
         "The occupiers struck Kharkiv's energy infrastructure ten times overnight, the governor said. Around 200,000 residents of the region are without power. Work to restore supply has begun."),
        ("S06", "wire-copy", "post-c", "2024-04-11T09:00:00Z", "Russia destroys Trypillia power plant",
         copy(APR11_WIRE, drop_last=1, swap=(("said on Thursday", "said"),), credit="(Reporting by our Kyiv bureau)")),
    ]  # fmt: skip


def reports() -> list[dict[str, str]]:
    return [
        {"id": f"dev-{n:03d}", "story": story, "case": case, "source": source, "published": published,
         "title": title, "text": text}
        for n, (story, case, source, published, title, text) in enumerate(rows())
    ]  # fmt: skip


def main() -> None:
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports()), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
