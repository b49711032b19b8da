# ruff: noqa: E501  (the table of reports reads best one report a row)
"""Write stories.jsonl, the held-out split for `monitor eval --stories` (written blind to the joiner).

One story is one event: one night's (or one strike's) attack by one side. Field `story` is the
truth, field `case` says how the item relates to the rest (see ../README.md). Our own wording;
facts and figures follow real reporting of October and November 2025 where we had it.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "stories.jsonl"


def _wire_copy(text: str, *, keep: int = 0, credit: str = "", lead: str = "", tail: str = "") -> str:
    """Another outlet's copy of a wire text: first `keep` sentences, a new lead, an added tail, a credit."""
    parts = [s.strip().rstrip(".") for s in text.split(". ") if s.strip()]
    kept = parts[:keep] if keep else parts
    body = ". ".join(kept) + "."
    pieces = [p for p in (lead, body, tail, credit) if p]
    return " ".join(pieces)


# --- 21/22 October: Russia on Ukraine, energy and Kyiv ---------------------------------------
OCT22_WIRE = (
    "Russia attacked Ukraine overnight with 405 drones and 28 missiles, Ukraine's air force said on "
    "Wednesday, aiming mostly at power plants and gas facilities. Air defences downed 333 drones and "
    "16 missiles. In Kyiv two people were killed and at least nine wounded when a drone hit a "
    "residential building in the Darnytskyi district, the head of the city's military administration said. "
    "Rolling power cuts were announced in most regions for the day."
)
OCT22_RU = (
    "Russia's defence ministry said its forces had carried out a massive strike overnight with "
    "high-precision long-range weapons, including Kinzhal hypersonic missiles and attack drones, "
    "against enterprises of Ukraine's military-industrial complex and the energy facilities that "
    "supply them. All designated targets were hit, the ministry said."
)
# --- 21/22 October: Ukraine on Russia -------------------------------------------------------
OCT22_MOD = (
    "Russia's air defences destroyed 139 Ukrainian fixed-wing drones overnight, the defence ministry "
    "said on Wednesday: 49 over the Bryansk region, 22 over the Kaluga region, 19 over the Moscow "
    "region and the rest over six other regions. Moscow's Domodedovo and Zhukovsky airports "
    "suspended flights for several hours."
)
# --- 22/23 October: Russia on Ukraine, a quieter night -------------------------------------
OCT23_WIRE = (
    "Russia attacked Ukraine overnight with 130 drones, Ukraine's air force said on Thursday, and "
    "air defences downed 92 of them. Drones struck energy facilities in the Odesa region, the regional "
    "governor said, leaving parts of Izmail district without power. Two people were wounded in the Sumy region."
)
# --- 24/25 October: Russia on Kyiv with ballistic missiles ---------------------------------
OCT25_WIRE = (
    "Russia fired nine Iskander-M ballistic missiles and launched 62 drones at Ukraine overnight, "
    "the air force said on Saturday. Kyiv came under a ballistic attack shortly after midnight: one "
    "person was killed and ten wounded, the head of the city's military administration said, and "
    "large fires broke out in non-residential buildings in the Desnianskyi and Darnytskyi districts. "
    "In the Dnipropetrovsk region two people were killed, one of them a rescuer."
)
# --- 25/26 October: Russia on Kyiv with drones ---------------------------------------------
OCT26_WIRE = (
    "Russia launched 101 drones at Ukraine overnight, the air force said on Sunday, and Kyiv was the "
    "main target. Three people were killed and 29 wounded, seven of them children, Ukraine's emergency "
    "service said. A new apartment block in the Desnianskyi district was hit and a 16-storey building "
    "caught fire after drone debris struck its upper floors."
)
# --- 25/26 October: Ukraine on Russia -------------------------------------------------------
OCT26_MOD = (
    "Russian air defences intercepted and destroyed 193 Ukrainian drones overnight, the defence "
    "ministry said on Sunday, 47 of them flying towards Moscow. The Moscow mayor said emergency crews "
    "were at the sites where debris fell, and flights at Sheremetyevo and Vnukovo were briefly halted."
)
# --- 29/30 October: Russia's large energy strike --------------------------------------------
OCT30_WIRE = (
    "Russia launched 653 drones and 52 missiles at Ukraine overnight in a large strike on the power "
    "system, Ukraine's air force said on Thursday. Air defences neutralised 623 drones and 30 missiles. "
    "Thermal and hydroelectric plants in several regions were hit, the grid operator said, and "
    "emergency power cuts were ordered across the country. In the Zaporizhzhia region 17 people were "
    "wounded, among them children, the regional governor said."
)
# --- 1/2 November: Ukraine on Russia, Tuapse ------------------------------------------------
NOV02_GOV = (
    "A fire broke out at the sea port of Tuapse on the Black Sea after an overnight Ukrainian drone "
    "attack, the Krasnodar region's emergency headquarters said on Sunday. Two tankers at a berth "
    "and the oil terminal's loading equipment were damaged, and the crews were evacuated. No one was hurt."
)
NOV02_MOD = (
    "Russia's defence ministry said on Sunday that 164 Ukrainian drones had been destroyed overnight, "
    "most of them over the Bryansk and Kursk regions and the Black Sea."
)
# --- 7/8 November: Russia on Ukraine --------------------------------------------------------
NOV08_WIRE = (
    "Russia launched 458 drones and 45 missiles at Ukraine overnight in another attack on energy sites, "
    "Ukraine's air force said on Saturday; 406 drones and nine missiles were downed. A drone hit a "
    "nine-storey apartment building in Dnipro, killing three people and wounding twelve. Power stations "
    "in the Kharkiv and Poltava regions were damaged, and Ukraine's nuclear plants cut their output "
    "after substations that serve them were hit."
)
# --- 7/8 November: Ukraine on Russia --------------------------------------------------------
NOV08_MOD = (
    "Air defences destroyed 79 Ukrainian drones overnight over the Belgorod, Voronezh and Oryol regions, "
    "Russia's defence ministry said on Saturday. The Voronezh governor said a drone had struck a "
    "heating plant in the city, cutting hot water to several districts, and the Oryol governor reported "
    "a fire at a power substation."
)
# --- 13/14 November: Russia on Kyiv ---------------------------------------------------------
NOV14_WIRE = (
    "Russia struck Kyiv overnight with 430 drones and 19 missiles in one of the largest attacks on the "
    "capital this autumn, Ukraine's air force said on Friday. Four people were killed and 26 wounded, "
    "among them a pregnant woman and two children, the mayor said, and eleven apartment blocks were "
    "damaged across the city. The heating plant that serves the left bank lost power."
)
NOV14_RU = (
    "Russia's defence ministry said on Friday that its forces had delivered a massive strike with "
    "long-range precision weapons from the air, land and sea, including Kinzhal and Iskander missiles, "
    "at Ukrainian defence plants and the energy sites that serve them. The ministry said the strike "
    "answered Ukrainian attacks on civilian targets inside Russia, and that all targets had been hit."
)
# --- 13/14 November: Ukraine on Russia, Novorossiysk -----------------------------------------
NOV14_GOV = (
    "Ukrainian drones and sea drones attacked Novorossiysk overnight, the Krasnodar region's governor said "
    "on Friday. A ship in the port was damaged, an oil depot caught fire, and three crew members were "
    "wounded. Russia's defence ministry said 216 Ukrainian drones had been shot down across the country."
)
# --- 18/19 November: Russia on western Ukraine, Ternopil --------------------------------------
NOV19_WIRE = (
    "Russia launched 476 drones and 48 missiles at Ukraine overnight, the air force said on Wednesday, "
    "aiming mainly at the Lviv, Ternopil and Kharkiv regions. Air defences neutralised 442 drones and "
    "41 missiles. In Ternopil cruise missiles hit two nine-storey apartment buildings: at least 25 "
    "people were killed, three of them children, and 73 wounded, the emergency service said."
)
NOV19_RU = (
    "Russia's defence ministry said on Wednesday that its forces had carried out a massive strike with "
    "long-range precision weapons, including Kinzhal hypersonic missiles and attack drones, at military "
    "industry and energy sites in the west of Ukraine. It called the strike a response to Ukraine's use "
    "of Western long-range weapons against Russia."
)
# --- 19/20 November: Russia on Zaporizhzhia, the next night ---------------------------------
NOV20_WIRE = (
    "Russia launched 60 drones and one Iskander-M missile at Ukraine overnight, the air force said on "
    "Thursday, a day after the deadly strike on Ternopil. In Zaporizhzhia guided bombs and drones hit "
    "a residential area, killing five people and wounding eleven, the regional governor said, and a "
    "railway depot caught fire."
)
# --- 24/25 November: Russia on Kyiv -----------------------------------------------------------
NOV25_WIRE = (
    "Russia attacked Ukraine overnight with 460 drones and 22 missiles, the president said on Tuesday, "
    "and Kyiv was hit hardest. Six people were killed and at least nine wounded when a drone and a "
    "missile hit residential blocks in the Dniprovskyi and Sviatoshynskyi districts, the mayor said. "
    "Parts of the city's left bank were left without heating and water."
)
# --- 24/25 November: Ukraine on Russia, Novorossiysk again ----------------------------------
NOV25_MOD = (
    "Russia's air defences destroyed 249 Ukrainian drones overnight, the defence ministry said on "
    "Tuesday. In Novorossiysk drone debris damaged apartment buildings and an oil depot, and three "
    "people were wounded, the Krasnodar region's governor said. Flights at Sochi airport were halted."
)
# --- 28/29 November: Russia on Kyiv ---------------------------------------------------------
NOV29_WIRE = (
    "Russia launched 596 drones and 36 missiles at Ukraine overnight, Ukraine's air force said on "
    "Saturday. In Kyiv two people were killed and more than twenty wounded, and power went out in "
    "several districts as the capital's energy sites were hit, city officials said."
)

# --- 25/26 to 27/28 November: quiet nights worded alike, both sides ------------------------
NOV26_WIRE = (
    "Russia launched 142 drones at Ukraine overnight, the air force said on Wednesday, and air defences "
    "downed 118 of them. Drones damaged houses and a gas pipeline in the Kharkiv region; no one was hurt."
)
NOV27_WIRE = (
    "Russia launched 136 drones at Ukraine overnight, the air force said on Thursday, and air defences "
    "downed 109 of them. Drones damaged houses and a power line in the Sumy region; one person was hurt."
)
NOV26_MOD = (
    "Russian air defences destroyed 102 Ukrainian drones overnight, the defence ministry said on "
    "Wednesday, most of them over the Bryansk, Belgorod and Kursk regions."
)
NOV27_MOD = (
    "Russian air defences destroyed 118 Ukrainian drones overnight, the defence ministry said on "
    "Thursday, most of them over the Bryansk, Rostov and Kursk regions."
)


def _oct_nov() -> list[tuple[str, str, str, str, str, str]]:
    """(story, case, source, published, title, text) rows, 22 October to 2 November."""
    return [
        ("A", "wire", "wire-a", "2025-10-22T05:30:00Z", "Russia fires 405 drones and 28 missiles at Ukraine's energy system", OCT22_WIRE),
        ("A", "copy", "daily-b", "2025-10-22T06:05:00Z", "Two killed in Kyiv as Russia targets power plants",
         _wire_copy(OCT22_WIRE, credit="(Reporting by our Kyiv bureau; editing by the overnight desk)")),
        ("A", "copy", "portal-k", "2025-10-22T06:40:00Z", "Hundreds of drones over Ukraine: what we know",
         _wire_copy(OCT22_WIRE, keep=3, tail="Read also: How long can the grid hold out this winter?")),
        ("A", "other-outlet", "kyiv-city", "2025-10-22T07:15:00Z", "Darnytskyi district: the morning after",
         "Residents of a five-storey block on the left bank swept glass from the stairwells on Wednesday morning "
         "after a Shahed struck the top floor at about three o'clock. The city's military administration now "
         "counts two dead and 13 wounded. Heating points were opened in two schools nearby."),
        ("A", "revision", "air-force", "2025-10-22T09:50:00Z", "Updated results of the night's air defence",
         "Clarified figures for the night of 21 to 22 October: the enemy used 405 attack drones and decoys and "
         "28 missiles, including Kh-101 cruise missiles and Kinzhal; 344 drones and 17 missiles were shot down "
         "or suppressed. Hits were recorded at 15 locations."),
        ("A", "other-side-claim", "wire-r", "2025-10-22T08:00:00Z", "Russia says it hit Ukrainian energy and defence sites", OCT22_RU),
        ("A", "follow-up", "president", "2025-10-22T18:30:00Z", "Evening address: more air defence needed",
         "The Ukrainian president said in his evening address that more than four hundred drones and nearly thirty "
         "missiles had been fired at the country the night before, most of them at energy. Repair crews had "
         "restored power to most consumers in Kyiv by evening, he said, and he again asked partners for Patriot "
         "systems."),
        ("B", "same-night-other-attack", "wire-r", "2025-10-22T05:45:00Z", "Russia says 139 Ukrainian drones downed overnight", OCT22_MOD),
        ("B", "other-outlet", "bryansk-gov", "2025-10-22T07:30:00Z", "Governor: chemical plant attacked with missiles and drones",
         "The Bryansk region came under a combined attack from Ukraine overnight, its governor wrote, with "
         "drones and British-made Storm Shadow missiles aimed at a chemical plant near Seltso. Air defence "
         "worked for several hours; there were no casualties and the damage was being assessed."),
        ("B", "other-side-claim", "general-staff", "2025-10-22T09:10:00Z", "General Staff: Bryansk chemical plant hit",
         "Ukraine's General Staff said its forces had struck the Bryansk chemical plant overnight, a site that "
         "makes gunpowder and explosives for Russian munitions, and that the strike had been confirmed. Storm "
         "Shadow missiles were used, it said, together with drones."),
        ("B", "copy", "daily-b", "2025-10-22T08:25:00Z", "Moscow airports halt flights during drone raid",
         _wire_copy(OCT22_MOD, credit="(Reporting by our Moscow bureau)")),
        ("A2", "same-day-other-strike", "wire-a", "2025-10-22T11:45:00Z", "Russian drone hits kindergarten in Kharkiv",
         "A Russian drone struck a kindergarten in Kharkiv on Wednesday morning while children were inside, "
         "killing one man and wounding several people, the regional governor said. Rescuers carried the children "
         "to shelters in other buildings. The strike came hours after Russia's overnight attack on power plants "
         "across Ukraine."),
        ("A2", "copy", "post-c", "2025-10-22T12:30:00Z", "Children evacuated after strike on Kharkiv kindergarten",
         "Children were led out of a Kharkiv kindergarten after a Russian drone hit it on Wednesday morning; one "
         "man was killed, the governor said. Kharkiv's mayor said the children had all been taken to shelters."),
        ("C", "consecutive-night", "wire-a", "2025-10-23T05:35:00Z", "Russia fires 130 drones at Ukraine", OCT23_WIRE),
        ("C", "copy", "daily-b", "2025-10-23T06:20:00Z", "Odesa region loses power after drone strikes",
         _wire_copy(OCT23_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("C", "other-outlet", "odesa-gov", "2025-10-23T04:50:00Z", "Night attack on Izmail district",
         "The enemy attacked Izmail district with strike drones at night. Energy infrastructure was damaged and "
         "several settlements are without power. There were no casualties. Air defence destroyed most of the "
         "targets over the Danube."),
        ("D", "wire", "wire-a", "2025-10-25T05:20:00Z", "Ballistic missiles hit Kyiv overnight", OCT25_WIRE),
        ("D", "copy", "portal-k", "2025-10-25T06:00:00Z", "Kyiv: one dead after ballistic strike",
         _wire_copy(OCT25_WIRE, keep=3, lead="Explosions shook the capital shortly after midnight.")),
        ("D", "revision", "kyiv-city", "2025-10-25T08:40:00Z", "Second death confirmed in Kyiv",
         "A second person has died after the night's ballistic strike on Kyiv, the city's military "
         "administration said on Saturday morning, and the number of wounded rose to twelve. A kindergarten "
         "building in the Dniprovskyi district was also damaged."),
        ("D", "other-outlet", "dnipro-gov", "2025-10-25T07:10:00Z", "Two dead in Dnipropetrovsk region after night attack",
         "Two people were killed and seven wounded in the Dnipropetrovsk region overnight, the head of the "
         "regional military administration said. One of the dead was a rescuer who had gone to a fire. A house, "
         "a shop and a car were damaged."),
        ("E", "consecutive-night", "wire-a", "2025-10-26T05:40:00Z", "Russian drones kill three in Kyiv", OCT26_WIRE),
        ("E", "copy", "daily-b", "2025-10-26T06:30:00Z", "Children among wounded as drones hit Kyiv",
         _wire_copy(OCT26_WIRE, credit="(Reporting by our Kyiv bureau; editing by the weekend desk)")),
        ("E", "other-outlet", "kyiv-city", "2025-10-26T04:10:00Z", "Drone debris sets high-rise on fire in Desnianskyi",
         "Explosions were heard in the capital from 2:35. In the Desnianskyi district a new residential building "
         "was hit and a fire broke out on the upper floors of a 16-storey block, the mayor wrote. Medics are "
         "working at the scene. Stay in shelters."),
        ("E", "revision", "emergency", "2025-10-26T10:20:00Z", "Kyiv: rescue operation completed",
         "Rescuers finished work at the two residential buildings in Kyiv hit by drones overnight. The toll is "
         "three dead and 29 wounded, including seven children. 47 people were evacuated from the smoke."),
        ("F", "same-night-other-attack", "wire-r", "2025-10-26T05:15:00Z", "Russia says 193 Ukrainian drones destroyed, dozens near Moscow", OCT26_MOD),
        ("F", "copy", "moscow-m", "2025-10-26T06:50:00Z", "Moscow airports restrict flights during drone attack",
         _wire_copy(OCT26_MOD, keep=1, credit="(Reporting by our Moscow bureau)")),
        ("F", "other-outlet", "tass-like", "2025-10-26T08:30:00Z", "Air defence repels drone attack on the capital",
         "MOSCOW, 26 October. Over the past night on-duty air defence systems destroyed 193 aircraft-type "
         "unmanned aerial vehicles of the Kiev regime over the regions of Russia, the ministry's press service "
         "reported. An attempt to strike targets in the Moscow region was thwarted."),
        ("G", "wire", "wire-a", "2025-10-30T05:50:00Z", "Russia fires 653 drones and 52 missiles at Ukraine's power plants", OCT30_WIRE),
        ("G", "copy", "post-c", "2025-10-30T06:45:00Z", "Blackouts ordered across Ukraine after massive strike",
         _wire_copy(OCT30_WIRE, keep=4, tail="The attack was the latest in a series on the grid since early October.")),
        ("G", "other-outlet", "grid-op", "2025-10-30T07:30:00Z", "Emergency outages in all regions",
         "Because of the enemy's combined attack on energy facilities, emergency power outages have been "
         "applied in all regions of Ukraine. Generating capacity was damaged at several power plants. We ask "
         "consumers to use electricity sparingly in the evening hours."),
        ("G", "other-outlet", "zp-gov", "2025-10-30T06:15:00Z", "Seventeen wounded in Zaporizhzhia region",
         "Russia attacked Zaporizhzhia with missiles and drones at night, the governor wrote. Seventeen people "
         "were wounded, two of them children; houses and an industrial site were damaged in the city."),
        ("G", "other-side-claim", "wire-r", "2025-10-30T09:00:00Z", "Moscow says it struck Ukrainian energy in retaliation",
         "Russia's defence ministry said it had launched a massive strike on Ukrainian energy and defence "
         "industry sites overnight in response to Ukrainian attacks on civilian targets in Russia. It gave no figures."),
        ("G", "follow-up", "daily-b", "2025-10-30T17:40:00Z", "Ukrainians face long evenings in the dark",
         "Shops in Kyiv ran generators on Thursday evening and queues formed at charging points after the night's "
         "strike on power plants, which Ukraine's air force said involved more than 650 drones and dozens of "
         "missiles. The energy minister said repairs would take days in some regions."),
        ("G", "days-later-update", "analysis-i", "2025-10-31T21:00:00Z", "Assessment: the 30 October strike on the grid",
         "Russian forces conducted a combined strike against Ukraine on the night of 29 to 30 October, aimed chiefly "
         "at thermal and hydroelectric generation. The Ukrainian Air Force reported 653 drones and 52 missiles. We "
         "assess that the strike was meant to force long outages ahead of the heating season."),
        ("H", "wire", "wire-r", "2025-11-02T06:20:00Z", "Fire at Tuapse port after Ukrainian drone attack", NOV02_GOV),
        ("H", "other-outlet", "wire-r", "2025-11-02T07:10:00Z", "Russia says 164 Ukrainian drones destroyed overnight", NOV02_MOD),
        ("H", "copy", "moscow-m", "2025-11-02T08:00:00Z", "Tankers damaged in Tuapse",
         _wire_copy(NOV02_GOV, keep=2, credit="(Reporting by our Moscow bureau)")),
        ("H", "other-side-claim", "general-staff", "2025-11-02T10:30:00Z", "General Staff: Tuapse oil terminal hit",
         "Ukraine's defence forces struck the oil terminal in the port of Tuapse overnight, the General Staff said, "
         "adding that a fire had broken out at the berths. The terminal loads fuel for export and for the Russian army."),
    ]  # fmt: skip


def _november() -> list[tuple[str, str, str, str, str, str]]:
    """The same rows, 8 to 29 November."""
    return [
        ("I", "wire", "wire-a", "2025-11-08T05:45:00Z", "Russia fires 458 drones and 45 missiles at Ukraine", NOV08_WIRE),
        ("I", "copy", "daily-b", "2025-11-08T06:30:00Z", "Three killed in Dnipro as Russia strikes energy",
         _wire_copy(NOV08_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("I", "other-outlet", "dnipro-gov", "2025-11-08T04:30:00Z", "Drone hits high-rise in Dnipro",
         "A massive drone attack on Dnipro. A drone hit a nine-storey building; so far we know of two dead and "
         "several wounded. All services are working at the scene, the governor wrote at night."),
        ("I", "revision", "dnipro-gov", "2025-11-08T08:20:00Z", "Dnipro toll rises to three",
         "The body of a third victim was found under the rubble of the nine-storey building in Dnipro. Twelve "
         "people are in hospital. Search work is finished."),
        ("I", "other-outlet", "atom-op", "2025-11-08T10:00:00Z", "Nuclear plants reduce output after substations hit",
         "Ukraine's nuclear power plants had to lower their output on Saturday after the night's strikes damaged "
         "substations that link them to the grid, the national nuclear operator said. The international atomic "
         "agency said it was in contact with the operators."),
        ("I", "days-later-update", "analysis-i", "2025-11-09T21:00:00Z", "Assessment: strikes of 7 to 8 November",
         "Russian forces launched a combined missile and drone strike on the night of 7 to 8 November; Ukrainian "
         "officials reported 458 drones and 45 missiles, and damage to generation in Kharkiv and Poltava oblasts "
         "and a residential building in Dnipro. Substations feeding nuclear plants were among the targets."),
        ("J", "same-night-other-attack", "wire-r", "2025-11-08T06:10:00Z", "Russia says 79 Ukrainian drones downed; Voronezh heating plant hit", NOV08_MOD),
        ("J", "copy", "moscow-m", "2025-11-08T07:00:00Z", "Voronezh districts without hot water after drone strike",
         _wire_copy(NOV08_MOD, credit="(Reporting by our Moscow bureau)")),
        ("J", "other-outlet", "voronezh-gov", "2025-11-08T05:20:00Z", "Voronezh: drone attack repelled",
         "At night air defence forces detected and destroyed several UAVs over the city and the region. One drone "
         "fell on the territory of a thermal power plant, starting a fire that was quickly put out. Nobody was "
         "hurt. Hot water supply in the Left Bank district is temporarily suspended."),
        ("K", "wire", "wire-a", "2025-11-14T05:30:00Z", "Russia hits Kyiv with 430 drones and 19 missiles", NOV14_WIRE),
        ("K", "copy", "post-c", "2025-11-14T06:10:00Z", "Eleven apartment blocks damaged in Kyiv",
         _wire_copy(NOV14_WIRE, keep=3)),
        ("K", "other-outlet", "forces-news", "2025-11-14T12:00:00Z", "A son's grief after the Kyiv strike",
         "A man standing outside a damaged block of flats on the capital's left bank said his elderly parents had "
         "both died in the night's strike. They had come to Kyiv only days earlier to spend the winter near their "
         "family. Emergency crews spent the morning clearing debris from courtyards and putting out fires."),
        ("K", "revision", "kyiv-city", "2025-11-14T09:30:00Z", "Kyiv toll rises to six",
         "The number of people killed in the night attack on Kyiv has risen to six, the head of the city's "
         "military administration said, and 35 were wounded. Damage was recorded in all of the city's districts, "
         "and the embassy of Azerbaijan reported blown-out windows."),
        ("K", "other-side-claim", "wire-r", "2025-11-14T08:15:00Z", "Russia says it struck Ukrainian defence plants", NOV14_RU),
        ("K", "follow-up", "president", "2025-11-14T18:00:00Z", "President: the night's strike was aimed at heat and power",
         "In the evening the president said the night attack had been aimed at the capital's heat and power, with "
         "hundreds of drones and nearly twenty ballistic and cruise missiles. Seven people were confirmed dead by "
         "evening, he said, and the air defence packages promised by partners had to arrive before the cold."),
        ("L", "same-night-other-attack", "wire-r", "2025-11-14T06:00:00Z", "Ship and oil depot hit in Novorossiysk", NOV14_GOV),
        ("L", "copy", "daily-b", "2025-11-14T07:20:00Z", "Novorossiysk port attacked by air and sea drones",
         _wire_copy(NOV14_GOV, credit="(Reporting by our Moscow bureau)")),
        ("L", "other-outlet", "oil-trade", "2025-11-14T13:00:00Z", "Novorossiysk oil loadings paused",
         "Crude loadings at the Black Sea port of Novorossiysk were suspended on Friday after the overnight drone "
         "attack, two traders said, and the market watched for how long the pause would last. The terminal "
         "handles about two per cent of the world's oil supply."),
        ("M", "wire", "wire-a", "2025-11-19T06:00:00Z", "Russian missiles kill at least 25 in Ternopil", NOV19_WIRE),
        ("M", "copy", "portal-k", "2025-11-19T06:45:00Z", "Ternopil: apartment blocks destroyed by cruise missiles",
         _wire_copy(NOV19_WIRE, keep=3, lead="(MENAFN) Updated.")),
        ("M", "other-outlet", "emergency", "2025-11-19T10:30:00Z", "Ternopil rescue operation continues",
         "More than 160 rescuers and about 45 units of equipment, robots among them, are working at the site in "
         "Ternopil. One nine-storey building is destroyed from the third to the ninth floor, the other burned. "
         "45 people have been pulled from the debris so far."),
        ("M", "other-outlet", "lviv-gov", "2025-11-19T07:40:00Z", "Lviv region: infrastructure hit at night",
         "During the night attack an infrastructure facility in the Lviv region was hit and a fire broke out, the "
         "head of the regional administration wrote. There are no casualties. Schools will teach remotely today."),
        ("M", "other-side-claim", "wire-r", "2025-11-19T09:20:00Z", "Russia says strike hit military industry in western Ukraine", NOV19_RU),
        ("M", "revision", "emergency", "2025-11-20T19:00:00Z", "Ternopil: 28 dead, 16 missing",
         "By ten in the evening on the second day of searching in the destroyed building in Ternopil, 28 people "
         "were known to have died, three of them children. 95 were wounded and 16 people are still missing. Three "
         "days of mourning were declared in the city."),
        ("M", "days-later-update", "police", "2025-11-21T10:00:00Z", "Mother and two children found under the rubble",
         "Rescuers in Ternopil recovered the bodies of a woman and her two young children from the rubble on "
         "Friday, the regional police chief said, raising the number of dead to 31. The search goes on for those "
         "still missing."),
        ("M", "days-later-update", "news-ua", "2025-11-23T09:00:00Z", "Ternopil toll reaches 34",
         "The number of people killed when a Kh-101 missile brought down a high-rise in Ternopil has risen to "
         "34, the deputy head of the regional administration said on Sunday. Six people are still listed as "
         "missing, and he warned that some of them may never be found."),
        ("N", "consecutive-night", "wire-a", "2025-11-20T06:10:00Z", "Five killed in Zaporizhzhia the night after Ternopil", NOV20_WIRE),
        ("N", "copy", "daily-b", "2025-11-20T07:00:00Z", "Zaporizhzhia hit a day after Ternopil strike",
         _wire_copy(NOV20_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("N", "other-outlet", "zp-gov", "2025-11-20T05:30:00Z", "Five dead in Zaporizhzhia",
         "The enemy struck Zaporizhzhia at night. Five people were killed and eleven wounded; high-rise buildings "
         "and a railway facility were damaged, the governor wrote."),
        ("O", "same-city-other-day", "wire-a", "2025-11-25T05:40:00Z", "Russia strikes Kyiv with drones and missiles, six dead", NOV25_WIRE),
        ("O", "copy", "post-c", "2025-11-25T06:30:00Z", "Six killed as Russia pounds Kyiv",
         _wire_copy(NOV25_WIRE, credit="(Reporting by our Kyiv bureau; editing by the night desk)")),
        ("O", "revision", "kyiv-city", "2025-11-25T09:45:00Z", "Seventh death in the capital",
         "The number of dead in Kyiv after the night's combined attack has risen to seven, the city's military "
         "administration said; 20 people were wounded. Rescuers were still checking the structure of a burned "
         "block in the Dniprovskyi district."),
        ("O", "other-outlet", "air-force", "2025-11-25T08:00:00Z", "Results of air defence on the night of 25 November",
         "On the night of 25 November the enemy attacked with 22 missiles of various types and 464 strike drones "
         "and decoys. Air defence shot down or suppressed 438 drones and 14 missiles. The main direction of the "
         "attack was the capital."),
        ("P", "same-night-other-attack", "wire-r", "2025-11-25T06:20:00Z", "Russia says 249 drones destroyed; Novorossiysk flats damaged", NOV25_MOD),
        ("P", "copy", "moscow-m", "2025-11-25T07:15:00Z", "Three hurt in Novorossiysk drone raid",
         _wire_copy(NOV25_MOD, keep=2, credit="(Reporting by our Moscow bureau)")),
        ("P", "same-city-other-day", "krasnodar-gov", "2025-11-25T05:00:00Z", "Novorossiysk under drone attack",
         "Novorossiysk was attacked by drones at night. Debris damaged several apartment buildings and an oil "
         "depot; three people were wounded and taken to hospital. A temporary shelter was opened for residents."),
        ("R", "consecutive-night", "wire-a", "2025-11-26T05:50:00Z", "Russia launches 142 drones at Ukraine", NOV26_WIRE),
        ("R", "copy", "daily-b", "2025-11-26T06:35:00Z", "Kharkiv region houses damaged by drones",
         _wire_copy(NOV26_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("S", "consecutive-night", "wire-a", "2025-11-27T05:55:00Z", "Russia launches 136 drones at Ukraine", NOV27_WIRE),
        ("S", "copy", "daily-b", "2025-11-27T06:40:00Z", "Sumy region power line damaged by drones",
         _wire_copy(NOV27_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("V", "same-night-other-attack", "wire-r", "2025-11-26T06:05:00Z", "Russia says 102 Ukrainian drones destroyed", NOV26_MOD),
        ("V", "copy", "moscow-m", "2025-11-26T07:00:00Z", "Over a hundred drones downed over Russia",
         _wire_copy(NOV26_MOD, credit="(Reporting by our Moscow bureau)")),
        ("W", "consecutive-night", "wire-r", "2025-11-27T06:05:00Z", "Russia says 118 Ukrainian drones destroyed", NOV27_MOD),
        ("W", "copy", "moscow-m", "2025-11-27T07:00:00Z", "Over a hundred drones downed over Russia",
         _wire_copy(NOV27_MOD, credit="(Reporting by our Moscow bureau)")),
        ("Q", "same-city-other-day", "wire-a", "2025-11-29T06:00:00Z", "Russia fires 596 drones and 36 missiles at Ukraine", NOV29_WIRE),
        ("Q", "copy", "daily-b", "2025-11-29T06:40:00Z", "Two killed in Kyiv during massive attack",
         _wire_copy(NOV29_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("Q", "other-outlet", "kyiv-city", "2025-11-29T04:50:00Z", "Kyiv under massive attack",
         "The capital is under a massive attack by drones and missiles. One person has been killed in the "
         "Dniprovskyi district, and fires are burning in two residential buildings. Power is out on the left bank."),
        ("Q", "revision", "kyiv-city", "2025-11-29T08:30:00Z", "Second death confirmed in Kyiv",
         "A second person killed in the night attack on Kyiv has been confirmed, the mayor said, and the number "
         "of wounded rose to 29. Part of the city is still without electricity."),
    ]  # fmt: skip


def _unrelated() -> list[tuple[str, str, str, str, str, str]]:
    """Items that are no attack night but share words and figures with them."""
    return [
        ("U1", "unrelated", "wire-a", "2025-11-23T15:00:00Z", "US and Ukrainian officials meet in Geneva on peace plan",
         "American and Ukrainian officials met in Geneva on Sunday to discuss a US draft plan to end the war, "
         "with European advisers in the city for talks on the side. Ukraine's delegation said the meeting was "
         "constructive; the plan's clauses on territory and the size of the army remained in dispute."),
        ("U1", "copy", "post-c", "2025-11-23T16:30:00Z", "Geneva talks on US peace plan",
         "American and Ukrainian officials met in Geneva on Sunday to discuss a US draft plan to end the war. "
         "Ukraine's delegation called the meeting constructive. (Reporting by our Geneva correspondent.)"),
        ("U2", "unrelated", "wire-a", "2025-11-05T11:00:00Z", "Ukraine to receive more Patriot systems",
         "Germany said it would deliver two more Patriot air defence systems to Ukraine within weeks, and the "
         "defence minister said European partners were buying interceptors from the United States for Kyiv. "
         "Ukraine has said it needs at least ten more systems to protect cities and power plants over the winter."),
        ("U3", "unrelated", "wire-a", "2025-11-01T09:00:00Z", "Ukraine says Russia launched over 5,000 drones in October",
         "Russia launched more than 5,000 attack drones and about 270 missiles at Ukraine in October, the "
         "president said in a summary of the month, and most were aimed at the energy system. He named the "
         "night of 30 October, when more than 650 drones were fired, as the heaviest of the month."),
        ("U4", "unrelated", "atom-watch", "2025-11-10T12:00:00Z", "Zaporizhzhia nuclear plant loses off-site power again",
         "The occupied Zaporizhzhia nuclear plant lost its last external power line on Monday and switched to "
         "diesel generators, the international atomic agency said, the tenth such loss since the start of the "
         "war. Repairs to the line require a local ceasefire."),
        ("U5", "unrelated", "wire-r", "2025-11-12T10:00:00Z", "Russia says it downed over 1,100 Ukrainian drones in a week",
         "Russia's defence ministry said in its weekly summary that air defences had destroyed 1,140 Ukrainian "
         "drones over the past week, along with guided bombs and HIMARS rockets, and that its forces had taken "
         "two villages in the Zaporizhzhia region."),
    ]  # fmt: skip


def reports() -> list[dict[str, str]]:
    rows = _oct_nov() + _november() + _unrelated()
    return [
        {"id": f"st-{n:03d}", "story": story, "source": source, "published": published,
         "title": title, "text": text, "case": case}
        for n, (story, case, source, published, title, text) in enumerate(rows)
    ]  # fmt: skip


def main() -> None:
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports()), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
