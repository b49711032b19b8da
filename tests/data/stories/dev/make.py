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
         "Three of our thermal power plants were seriously damaged in this morning's attack, DTEK said. This is the second large strike on our generation in a week. Power engineers are already working at the sites."),
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
         "The Trypillia thermal power plant has been completely destroyed, Centrenergo said. The fire at the plant has been put out. With its Zmiiv plant in the Kharkiv region destroyed in March, the company has lost all of its generation."),
        ("S06", "city-focus", "kharkiv-ova", "2024-04-11T06:20:00Z", "Kharkiv: ten strikes on energy sites",
         "The occupiers struck Kharkiv's energy infrastructure ten times overnight, the governor said. Around 200,000 residents of the region are without power. Work to restore supply has begun."),
        ("S06", "wire-copy", "post-c", "2024-04-11T09:00:00Z", "Russia destroys Trypillia power plant",
         copy(APR11_WIRE, drop_last=1, swap=(("said on Thursday", "said"),), credit="(Reporting by our Kyiv bureau)")),
        # S07 Russia on Ukraine, 8 July 2024 (a daytime barrage): Okhmatdyt, tolls rising for days.
        ("S07", "wire", "wire-a", "2024-07-08T09:30:00Z", "Russian missiles hit Kyiv children's hospital", JUL08_WIRE),
        ("S07", "wire-copy", "daily-b", "2024-07-08T10:05:00Z", "Children's hospital among targets of Russian barrage",
         copy(JUL08_WIRE, credit="(Reporting by our Kyiv bureau; editing by the foreign desk)")),
        ("S07", "official", "air-force", "2024-07-08T08:40:00Z", "38 missiles launched, 30 destroyed",
         "On the morning of 8 July the enemy attacked with 38 missiles: Kinzhal aeroballistic missiles, Kh-101 cruise missiles and Iskander-M. Thirty were destroyed by air defences, the air force said."),
        ("S07", "city-focus", "kyiv-kmva", "2024-07-08T08:55:00Z", "Okhmatdyt and a maternity clinic hit in the capital",
         "Seven of Kyiv's ten districts were hit this morning, the city military administration said. The Okhmatdyt children's hospital was damaged, as was a private maternity clinic in the Dniprovskyi district. Children are being moved to other hospitals."),
        ("S07", "casualties-only", "dnipro-ova", "2024-07-08T08:30:00Z", "Ten killed in Kryvyi Rih",
         "Ten people were killed and 31 wounded in Kryvyi Rih, the head of the Dnipropetrovsk regional administration said. An industrial enterprise and residential buildings were hit."),
        ("S07", "other-side-claim", "ru-mod", "2024-07-08T12:00:00Z", "Strike on Ukrainian defence industry sites",
         "The armed forces of the Russian Federation carried out a group strike with long-range precision weapons on defence industry facilities and air bases of Ukraine, the defence ministry said. It said the damage in Kyiv was caused by a falling Ukrainian air defence missile."),
        ("S07", "toll-update", "wire-a", "2024-07-08T18:40:00Z", "Death toll from Russian strikes climbs to 33",
         "At least 33 people were killed and 137 wounded in Monday's Russian missile strikes on Ukrainian cities, officials said in the evening, as rescuers kept digging at a collapsed building in the Shevchenkivskyi district of Kyiv. Two adults died at the children's hospital."),
        ("S07", "toll-update", "daily-b", "2024-07-09T08:00:00Z", "Ukraine mourns 41 killed in Monday's strikes",
         "Ukraine held a day of mourning on Tuesday after the number killed in Monday's missile attack rose to 41. Flags were lowered across Kyiv. The president said he would ask allies at the NATO summit for more air defence."),
        ("S07", "aftermath", "un-monitor", "2024-07-09T14:00:00Z", "UN mission: hospital likely took a direct hit",
         "The UN human rights monitoring mission said there was a high likelihood that the Okhmatdyt children's hospital had been hit directly by a Russian missile rather than by debris, after studying video and examining the site on Monday."),
        ("S07", "mt-repost", "aggregator-x", "2024-07-08T11:00:00Z", "Rocket hit on Ohmatdyt: the children evacuated",
         "On 8 July Russians by rockets struck on Kiev, the children hospital Ohmatdyt is damaged. Under the ruins can be people. In Kryvyi Rih 10 persons died. Air forces say 30 from 38 rockets are destroyed."),
        # S08 Russia on Ukraine, the night of 9-10 July 2024: small, quiet, worded like any night.
        ("S08", "wire", "wire-a", "2024-07-10T05:50:00Z", "Russia launches four missiles and 38 drones at Ukraine", JUL10_WIRE),
        ("S08", "wire-copy", "post-c", "2024-07-10T07:00:00Z", "All drones downed in overnight Russian attack",
         copy(JUL10_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("S08", "governor-post", "kyiv-oblast", "2024-07-10T05:30:00Z", "Air defence worked over the Kyiv region",
         "Air defence worked in the region during the night. Drone debris fell on a farm building in the Bila Tserkva district. There are no casualties. The alert lasted more than four hours."),
        # S09 unrelated war news the same week: the NATO summit.
        ("S09", "unrelated", "wire-a", "2024-07-10T16:00:00Z", "Allies pledge five air defence systems for Ukraine",
         "The United States, Germany, the Netherlands, Romania and Italy will give Ukraine four more Patriot batteries and an SAMP/T system, they said at the NATO summit in Washington, two days after the missile strike on a Kyiv children's hospital."),
        ("S09", "wire-copy", "daily-b", "2024-07-10T17:10:00Z", "NATO summit: more Patriots for Ukraine",
         "Ukraine will receive four more Patriot batteries and an Italian SAMP/T system, five allied governments said at the NATO summit in Washington. (Reporting by our Washington bureau)"),
        ("S09", "aftermath", "post-c", "2024-07-11T12:00:00Z", "First F-16s on their way to Ukraine",
         "Denmark and the Netherlands have begun sending F-16 fighter jets to Ukraine, the US secretary of state said at the close of the NATO summit, adding that they would be flying over Ukraine this summer."),
        # S10 Russia on Ukraine, 26 August 2024: the grid in 15 regions.
        ("S10", "wire", "wire-a", "2024-08-26T09:00:00Z", "Russia fires over 200 missiles and drones at Ukraine's power grid", AUG26_WIRE),
        ("S10", "wire-copy", "daily-b", "2024-08-26T09:40:00Z", "Massive Russian strike on Ukraine's power grid",
         copy(AUG26_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("S10", "energy-operator", "ukrenergo", "2024-08-26T08:00:00Z", "Emergency outages across Ukraine",
         "Because of the massive attack, emergency outages have been applied in most regions. Energy facilities in several regions have been hit. We ask consumers to use electricity sparingly, Ukrenergo said."),
        ("S10", "city-focus", "kyiv-kmva", "2024-08-26T07:10:00Z", "Kyiv: explosions, power and water cut",
         "Parts of the left bank of Kyiv are without power and water after this morning's attack, the city administration said. Air defences were working over the capital. The metro is serving as a shelter and trains run in the underground section only."),
        ("S10", "casualties-only", "volyn-ova", "2024-08-26T10:30:00Z", "One killed in Lutsk",
         "One person was killed and another wounded when a missile hit an apartment building in Lutsk, the head of the Volyn regional administration said. Rescuers are still at the site."),
        ("S10", "aftermath", "president", "2024-08-26T18:00:00Z", "F-16s shot down missiles, the president says",
         "In his evening address the president said Ukrainian F-16 pilots had shot down cruise missiles during the day's attack, the first time the jets had been used in combat. He said seven people were killed across Ukraine and repeated his call to allow strikes on airfields in Russia."),
        # S11 Russia on Ukraine, the next night: worded like the day before.
        ("S11", "wire", "wire-a", "2024-08-27T06:10:00Z", "Russia launches 10 missiles and 81 drones at Ukraine", AUG27_WIRE),
        ("S11", "wire-copy", "post-c", "2024-08-27T07:20:00Z", "Hotel hit in Kryvyi Rih as Russia keeps up strikes",
         copy(AUG27_WIRE, credit="Reporting by our Kyiv staff.")),
        ("S11", "governor-post", "dnipro-ova", "2024-08-27T05:40:00Z", "Kryvyi Rih: missile hit a hotel",
         "A Russian missile hit a hotel in the centre of Kryvyi Rih. Two people were killed and five wounded. People may be under the rubble. The search continues."),
        ("S11", "aftermath", "daily-b", "2024-08-28T08:30:00Z", "Rescuers end search at Kryvyi Rih hotel",
         "Rescuers finished searching the hotel struck in Kryvyi Rih on Tuesday morning, the city's military administration said, and the two people killed there were named. Guests were moved to other hotels."),
        # S12 Ukraine on Russia, 1 September 2024: the Moscow refinery and Kashira.
        ("S12", "other-side-night", "ru-mod", "2024-09-01T05:00:00Z", "158 Ukrainian UAVs destroyed over 15 regions", SEP01_RU_MOD),
        ("S12", "wire-copy", "ru-agency", "2024-09-01T06:00:00Z", "Air defences repel drone attack on 15 regions",
         copy(SEP01_RU_MOD, drop_last=1)),
        ("S12", "governor-post", "moscow-mayor", "2024-09-01T04:40:00Z", "Debris fell at the refinery in Kapotnya",
         "A fire broke out in a technical room of the Moscow refinery after drone debris fell, the mayor wrote. The fire was quickly put out. There are no casualties, and the plant keeps working."),
        ("S12", "wire", "wire-a", "2024-09-01T08:30:00Z", "Ukraine sends drones at Moscow refinery and power plant",
         "Ukraine attacked Russia with scores of drones overnight, Russian officials said on Sunday, setting fire to a refinery in Moscow and targeting a power station in the Moscow region. Russia's defence ministry said 158 drones were brought down, the largest number in one night of the war so far."),
        # S13 Russia on Ukraine, 1 September 2024: Kharkiv bombed the same day.
        ("S13", "opposite-same-day", "kharkiv-ova", "2024-09-01T14:30:00Z", "Kharkiv: 47 wounded, nine children", SEP01_KHARKIV),
        ("S13", "wire", "wire-a", "2024-09-01T15:40:00Z", "Russian bombs wound dozens in Kharkiv",
         "Russian glide bombs hit Kharkiv on Sunday, wounding 47 people including nine children, officials said, on the same day that Ukrainian drones set fire to a refinery in Moscow. A shopping centre and an apartment block were set ablaze."),
        ("S13", "aftermath", "post-c", "2024-09-02T07:00:00Z", "Kharkiv clears up after Sunday's bombs",
         "Municipal crews in Kharkiv boarded up windows on Monday after Sunday's guided bomb strikes, which wounded 47 people, the mayor said. Several of the wounded children remain in hospital."),
        # S14 Ukraine on Russia, 10 September 2024: the largest drone raid on Moscow so far.
        ("S14", "other-side-night", "ru-mod", "2024-09-10T05:30:00Z", "144 Ukrainian drones destroyed overnight", SEP10_RU_MOD),
        ("S14", "governor-post", "moscow-oblast-gov", "2024-09-10T04:50:00Z", "A woman died in Ramenskoye",
         "A drone hit a residential building in Ramenskoye. A 46-year-old woman died, three people were injured. More than 40 residents have been moved to a temporary shelter, the governor of the Moscow region said."),
        ("S14", "wire", "wire-a", "2024-09-10T07:00:00Z", "Ukraine launches its biggest drone attack on Moscow",
         "Ukraine launched its largest drone attack on Moscow overnight, Russian officials said, killing one woman and forcing flights to be diverted from three airports. Russia's defence ministry said 20 drones were brought down over the Moscow region and 144 in all."),
        ("S14", "wire-copy", "daily-b", "2024-09-10T07:50:00Z", "Flights diverted as drones attack Moscow",
         copy(SEP10_RU_MOD, credit="(Reporting by our Moscow bureau)")),
        ("S14", "mt-repost", "aggregator-x", "2024-09-10T08:30:00Z", "Massive attack of BPLA on Moscow region",
         "In the night on 10 September the Ukrainian BPLA attacked Moscow region. In Ramenskoye the drone got in the many-storey house, one woman is perished. The airports Domodedovo and Vnukovo restricted the flights. MO of RF informs 144 UAV destroyed."),
        # S15 Russia on Ukraine, the same night: 46 drones.
        ("S15", "opposite-same-night", "air-force", "2024-09-10T05:45:00Z", "46 Shaheds launched, 38 destroyed", SEP10_UA),
        ("S15", "wire-copy", "post-c", "2024-09-10T07:30:00Z", "Ukraine downs 38 of 46 Russian drones",
         copy(SEP10_UA, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("S15", "governor-post", "sumy-ova", "2024-09-10T06:20:00Z", "Sumy region: warehouse burned after drone attack",
         "During the night the Russians attacked the region with Shaheds. In the Sumy district debris set a warehouse on fire. Fire crews put it out. Nobody was hurt."),
        # S16 Ukraine on Russia, 10 November 2024.
        ("S16", "other-side-night", "ru-mod", "2024-11-10T06:00:00Z", "84 Ukrainian drones destroyed, 34 over Moscow region", NOV10_RU_MOD),
        ("S16", "wire-copy", "ru-agency", "2024-11-10T06:40:00Z", "Moscow region repels largest drone raid",
         copy(NOV10_RU_MOD, drop_last=1, swap=(("on Sunday", "in the morning"),))),
        ("S16", "governor-post", "moscow-mayor", "2024-11-10T04:30:00Z", "Drones shot down over Ramensky and Domodedovo",
         "Air defence forces of the defence ministry repelled a massive attack: drones were shot down over the Ramensky, Kolomna and Domodedovo districts. According to first reports there is no serious damage."),
        ("S16", "wire", "wire-a", "2024-11-10T09:00:00Z", "Moscow hit by Ukraine's largest drone raid; flights diverted",
         "Ukraine sent 34 drones at the Moscow region overnight, the largest such attack, Russia said on Sunday, and three main airports were closed for hours. The same night Russia launched 145 drones at Ukraine, the Ukrainian air force said."),
        # S17 Russia on Ukraine, the same night: 145 drones.
        ("S17", "opposite-same-night", "air-force", "2024-11-10T06:10:00Z", "A record 145 Shaheds overnight", NOV10_UA),
        ("S17", "wire-copy", "daily-b", "2024-11-10T07:30:00Z", "Russia sends record 145 drones at Ukraine",
         copy(NOV10_UA, credit="(Reporting by our Kyiv bureau)")),
        ("S17", "governor-post", "odesa-ova", "2024-11-10T07:00:00Z", "Odesa region: infrastructure damaged",
         "The enemy attacked the Odesa region with attack drones. An infrastructure facility was damaged and a fire broke out. There are no casualties."),
        # S18 Russia on Ukraine, 17 November 2024.
        ("S18", "wire", "wire-a", "2024-11-17T08:00:00Z", "Russia fires 120 missiles and 90 drones in massive strike on energy", NOV17_WIRE),
        ("S18", "wire-copy", "post-c", "2024-11-17T09:00:00Z", "Largest strike in three months hits Ukraine's power",
         copy(NOV17_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("S18", "energy-operator", "dtek", "2024-11-17T07:30:00Z", "Our plants are under attack again",
         "Thermal power plants of DTEK were seriously damaged in this morning's massive attack, the company said. It was the ninth massive attack on our plants this year. Emergency outages are in place in Kyiv, Odesa and Dnipropetrovsk regions."),
        ("S18", "casualties-only", "mykolaiv-ova", "2024-11-17T07:50:00Z", "Two killed in Mykolaiv",
         "Two people were killed and six injured, two of them children, in a drone strike on Mykolaiv, the governor said. Power was cut in parts of the city."),
        ("S18", "official", "air-force", "2024-11-17T10:00:00Z", "120 missiles and 90 drones: the results of air defence",
         "On 17 November the enemy struck with 210 air attack means: 120 missiles and 90 drones. 144 targets were shot down, 104 of them missiles, the air force said. F-16 fighters, helicopters and mobile fire groups were engaged."),
        ("S18", "toll-update", "wire-a", "2024-11-17T19:30:00Z", "Death toll from Russian strike on Ukraine's grid rises to seven",
         "Seven people were killed in Sunday's Russian missile and drone attack on Ukraine's power grid, officials said in the evening, two in Mykolaiv, two in the Dnipropetrovsk region and three in the Lviv and Odesa regions. Repair teams were restoring power in stages."),
        # S19 Russia on Ukraine, 18 November 2024: Odesa, the day after, a different strike on the same city.
        ("S19", "same-city-other-day", "odesa-ova", "2024-11-18T14:30:00Z", "Missile strike in the centre of Odesa", NOV18_ODESA),
        ("S19", "wire", "wire-a", "2024-11-18T15:30:00Z", "Russian missile kills 10 in Odesa a day after huge grid strike",
         "A Russian missile killed ten people in the centre of Odesa on Monday, officials said, a day after Russia's largest attack on Ukraine's power system in months. The missile carried cluster munitions."),
        ("S19", "toll-update", "daily-b", "2024-11-19T08:00:00Z", "Odesa mourns ten after ballistic strike",
         "Odesa declared a day of mourning on Tuesday for the ten people killed when a ballistic missile struck a street in the city centre. Three of the 43 wounded are in intensive care, the governor said."),
        # S20 Russia on Ukraine, Christmas 2024.
        ("S20", "wire", "wire-a", "2024-12-25T08:30:00Z", "Russia hits Ukraine's energy on Christmas Day", DEC25_WIRE),
        ("S20", "wire-copy", "post-c", "2024-12-25T09:20:00Z", "Christmas strike on Ukraine's power plants",
         copy(DEC25_WIRE, credit="Reporting by our Kyiv staff.")),
        ("S20", "city-focus", "kharkiv-mayor", "2024-12-25T06:30:00Z", "Kharkiv: a series of missile strikes",
         "Kharkiv is under a massive ballistic missile attack, the mayor said. More than ten explosions have been heard. Strikes on critical infrastructure; heating is switched off in part of the city."),
        ("S20", "energy-operator", "ukrenergo", "2024-12-25T09:00:00Z", "Hourly outages after the morning attack",
         "After the massive attack on energy facilities, hourly outage schedules apply in most regions today, the grid operator said. Power engineers are repairing the damage where the security situation allows."),
        ("S20", "aftermath", "president", "2024-12-25T12:00:00Z", "President: Putin chose Christmas for the attack",
         "The president said Russia had deliberately chosen Christmas to strike Ukraine's power system with more than 70 missiles, including ballistic ones, and more than a hundred drones. He said there were power cuts in several regions."),
        # S21 unrelated news the same day: the Azerbaijan Airlines crash (drones over Grozny mentioned).
        ("S21", "unrelated", "wire-a", "2024-12-25T10:30:00Z", "Azerbaijan Airlines plane crashes in Kazakhstan", DEC25_PLANE),
        ("S21", "wire-copy", "daily-b", "2024-12-25T11:40:00Z", "38 killed as plane bound for Grozny crashes",
         copy(DEC25_PLANE, drop_last=1, credit="(Reporting by our Baku correspondent)")),
        ("S21", "aftermath", "post-c", "2024-12-26T13:00:00Z", "Russian air defence suspected in Aktau crash",
         "Aviation experts and officials in Baku said damage to the tail of the Azerbaijan Airlines jet that crashed near Aktau looked like shrapnel from a Russian air defence missile fired as Ukrainian drones approached Grozny. The Kremlin said it was too early to draw conclusions."),
        # S22 Ukraine on Russia, 11 March 2025: 337 drones, 91 over the Moscow region.
        ("S22", "other-side-night", "ru-mod", "2025-03-11T06:00:00Z", "337 Ukrainian drones destroyed overnight", MAR11_RU_MOD),
        ("S22", "governor-post", "moscow-mayor", "2025-03-11T04:30:00Z", "Massive attack on Moscow repelled",
         "A massive attack by enemy drones on Moscow is being repelled, the mayor wrote. 74 drones flying towards the city have been shot down. Minor damage to the roof of a building. Emergency services are at the sites."),
        ("S22", "wire", "wire-a", "2025-03-11T07:30:00Z", "Ukraine hits Moscow with largest drone attack of the war",
         "Ukraine struck Moscow and other Russian regions with at least 337 drones overnight, killing three people, Russian officials said, hours before Ukrainian and US officials were due to meet in Saudi Arabia. Russia said 91 drones were brought down over the Moscow region."),
        ("S22", "wire-copy", "daily-b", "2025-03-11T08:20:00Z", "Three dead as drones hit Moscow region",
         copy(MAR11_RU_MOD, credit="(Reporting by our Moscow bureau)")),
        ("S22", "toll-update", "moscow-oblast-gov", "2025-03-11T10:00:00Z", "Domodedovo: two dead at a warehouse",
         "Two employees of a meat warehouse died in Domodedovo and a third person died in Vidnoye, the governor said. Eighteen people were injured. Seven apartment buildings were damaged and residents are being moved."),
        ("S22", "mt-repost", "aggregator-x", "2025-03-11T08:50:00Z", "The most massive attack of UAV on Moscow",
         "On night of 11 March over Moscow region was shot down 91 UAV, over Kursk 126, in total 337, informs MO RF. In Vidnoye and Domodedovo are damaged many-storey houses, three persons died. All airports of Moscow closed."),
        # S23 Russia on Ukraine, the same night: the grain ship in Odesa.
        ("S23", "opposite-same-night", "air-force", "2025-03-11T06:30:00Z", "126 drones and an Iskander missile", MAR11_UA),
        ("S23", "wire-copy", "post-c", "2025-03-11T08:00:00Z", "Missile hits grain ship in Odesa, killing four",
         copy(MAR11_UA, credit="Reporting by our Odesa stringer.")),
        ("S23", "governor-post", "odesa-ova", "2025-03-11T07:30:00Z", "Port infrastructure hit in Odesa",
         "The enemy struck the port of Odesa with a ballistic missile. A vessel flying the flag of Sierra Leone was hit while loading grain. Four crew members, citizens of Syria, were killed; two Ukrainians were injured."),
        # S24 unrelated news the same day: the Jeddah talks.
        ("S24", "unrelated", "wire-a", "2025-03-11T20:00:00Z", "Ukraine backs US plan for 30-day ceasefire", MAR11_TALKS),
        ("S24", "wire-copy", "daily-b", "2025-03-11T20:45:00Z", "After Jeddah talks, Kyiv agrees to ceasefire proposal",
         copy(MAR11_TALKS, credit="(Reporting by our Riyadh bureau)")),
        ("S24", "aftermath", "post-c", "2025-03-12T09:00:00Z", "Moscow weighs the ceasefire offer",
         "The Kremlin said it was waiting for details of the 30-day ceasefire that Ukraine accepted in Jeddah and would not respond through the media. The US envoy is expected in Moscow later in the week."),
        # S25 Russia on Ukraine, 4 April 2025: Kryvyi Rih, an evening missile.
        ("S25", "governor-post", "dnipro-ova", "2025-04-04T16:20:00Z", "Kryvyi Rih: missile struck a residential area", APR04_KRYVYI),
        ("S25", "wire", "wire-a", "2025-04-04T17:30:00Z", "Russian missile kills 18, including nine children, in Kryvyi Rih",
         "A Russian missile struck Kryvyi Rih on Friday, killing 18 people including nine children, officials said, in one of the deadliest attacks on the city. Russia's defence ministry said it had struck a meeting of military commanders at a restaurant."),
        ("S25", "toll-update", "daily-b", "2025-04-05T09:00:00Z", "Kryvyi Rih toll rises to 19",
         "The number of people killed by Friday's missile in Kryvyi Rih rose to 19 after a wounded woman died in hospital, officials said. The city declared three days of mourning."),
        ("S25", "toll-update", "wire-a", "2025-04-06T10:00:00Z", "Twenty dead in Kryvyi Rih strike",
         "The death toll from Friday's Russian missile strike on Kryvyi Rih has reached 20, among them nine children, the regional governor said on Sunday. Dozens remain in hospital."),
        # S26 Russia on Ukraine, 13 April 2025: Sumy.
        ("S26", "wire", "wire-a", "2025-04-13T09:00:00Z", "Russian missiles kill dozens in Sumy on Palm Sunday", APR13_SUMY),
        ("S26", "wire-copy", "post-c", "2025-04-13T10:10:00Z", "Palm Sunday strike on Sumy city centre",
         copy(APR13_SUMY, credit="Reporting by our Kyiv staff.")),
        ("S26", "toll-update", "daily-b", "2025-04-13T18:30:00Z", "Sumy death toll rises to 34",
         "At least 34 people were killed, including two children, and 117 wounded when two ballistic missiles struck central Sumy on Sunday morning, officials said in the evening. The city declared three days of mourning."),
        ("S26", "toll-update", "wire-a", "2025-04-15T08:00:00Z", "Sumy strike toll reaches 35",
         "The number of people killed by the two Russian missiles that hit Sumy on Sunday rose to 35 after a man died of his wounds in hospital, the regional administration said on Tuesday."),
        ("S26", "other-side-claim", "ru-mod", "2025-04-14T11:00:00Z", "Strike on a meeting of Ukrainian commanders in Sumy",
         "Russia's defence ministry said two Iskander-M missiles struck a meeting of Ukrainian commanders in Sumy, and it accused Kyiv of using civilians as a shield. It gave no evidence of military casualties."),
        # S27 Russia on Ukraine, 24 April 2025: Kyiv.
        ("S27", "wire", "wire-a", "2025-04-24T05:30:00Z", "Russia pounds Kyiv with missiles and drones, killing nine", APR24_WIRE),
        ("S27", "city-focus", "kyiv-kmva", "2025-04-24T04:10:00Z", "Sviatoshynskyi district: house partly destroyed",
         "The enemy struck Kyiv with ballistic missiles and drones. In the Sviatoshynskyi district a residential building was partly destroyed and there are people under the rubble. Fires in the Solomianskyi and Podilskyi districts."),
        ("S27", "toll-update", "daily-b", "2025-04-24T16:00:00Z", "Kyiv attack toll rises to 12",
         "Twelve people were killed and 90 wounded in the overnight attack on Kyiv, the city administration said in the afternoon. The US president wrote that he was not happy with the strike and urged Russia's president to stop."),
        ("S27", "toll-update", "wire-a", "2025-04-25T09:00:00Z", "Thirteen dead after Russian strike on Kyiv",
         "The death toll from Thursday's Russian missile and drone attack on Kyiv rose to 13 after another body was recovered from the rubble in the Sviatoshynskyi district, officials said."),
        ("S27", "mt-repost", "aggregator-x", "2025-04-24T07:00:00Z", "Night attack on Kiev: many-storey house destroyed",
         "In night on 24 April Russia massive attacked Kiev with the rockets and the drones. In Sviatoshynskyi district is destroyed the entrance of house, under the ruins are people. 9 died, more than 70 injured."),
        # S28 Russia on Ukraine, the night of 23-24 May 2025.
        ("S28", "wire", "wire-a", "2025-05-24T05:40:00Z", "Russia attacks Kyiv with drones and ballistic missiles", MAY24_WIRE),
        ("S28", "wire-copy", "post-c", "2025-05-24T06:50:00Z", "Fifteen hurt in Kyiv as Russia fires 250 drones",
         copy(MAY24_WIRE, credit="Reporting by our Kyiv staff.")),
        ("S28", "city-focus", "kyiv-kmva", "2025-05-24T03:30:00Z", "Drone debris fell in the Obolonskyi district",
         "Debris of a downed drone fell on a shopping centre in the Obolonskyi district, and a residential building was damaged in the Solomianskyi district. Medics are helping the injured, the city military administration said."),
        # S29 Russia on Ukraine, the night of 24-25 May 2025.
        ("S29", "wire", "wire-a", "2025-05-25T07:00:00Z", "Russia launches largest combined air attack, killing 12", MAY25_WIRE),
        ("S29", "wire-copy", "daily-b", "2025-05-25T07:40:00Z", "Children killed in Zhytomyr region as Russia launches record attack",
         copy(MAY25_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("S29", "casualties-only", "zhytomyr-ova", "2025-05-25T05:30:00Z", "Three children killed in the Korosten district",
         "Three children aged 8, 12 and 17 were killed in the Korosten district as a result of the night attack, the head of the regional administration said. Twelve people were injured."),
        ("S29", "toll-update", "wire-a", "2025-05-25T17:00:00Z", "Death toll rises to 13 after weekend attack",
         "The number of people killed in Russia's overnight drone and missile attack rose to 13, officials said in the evening, as the last of the 1,000-for-1,000 prisoner exchange took place."),
        # S30 Russia on Ukraine, the night of 25-26 May 2025.
        ("S30", "wire", "wire-a", "2025-05-26T06:30:00Z", "Russia launches record 355 drones on third night of attacks", MAY26_WIRE),
        ("S30", "wire-copy", "post-c", "2025-05-26T07:30:00Z", "Third night of heavy attacks on Ukraine",
         copy(MAY26_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("S30", "governor-post", "khmelnytskyi-ova", "2025-05-26T05:50:00Z", "Khmelnytskyi region: attack on the Starokostiantyniv community",
         "The Starokostiantyniv community was attacked again during the night. Buildings were damaged and there were fires. No one was killed, according to preliminary information."),
        # S31 Ukraine on Russia, 25 May 2025.
        ("S31", "other-side-night", "ru-mod", "2025-05-25T13:00:00Z", "95 Ukrainian UAVs destroyed in four hours", MAY25_RU_MOD),
        ("S31", "governor-post", "moscow-mayor", "2025-05-25T10:30:00Z", "Drones flying towards Moscow shot down",
         "Air defence forces of the defence ministry repelled an attack of drones flying towards Moscow. Specialists of the emergency services are working where the debris fell, the mayor wrote."),
        ("S31", "wire-copy", "ru-agency", "2025-05-25T13:40:00Z", "Air defences down 95 drones over Russia",
         copy(MAY25_RU_MOD, swap=(("on Sunday", "during the day"),))),
        # S32 unrelated news the same day: the prisoner exchange.
        ("S32", "unrelated", "wire-a", "2025-05-25T15:30:00Z", "Russia and Ukraine complete largest prisoner swap", MAY25_SWAP),
        ("S32", "wire-copy", "daily-b", "2025-05-25T16:10:00Z", "1,000 prisoners each freed over three days",
         copy(MAY25_SWAP, credit="(Reporting by our Kyiv bureau)")),
        ("S32", "aftermath", "post-c", "2025-05-26T09:00:00Z", "Freed soldiers return home after swap",
         "Soldiers freed in the three-day exchange were reunited with their families in the Chernihiv region, and the coordination headquarters said work on further exchanges would continue."),
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
