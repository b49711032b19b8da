# ruff: noqa: E501  (the table of reports reads best one report a row)
"""Write dev2/stories.jsonl: a second development corpus for story joining (field `story` is the truth).

One story is one event: one night's (or one daytime strike's) air attack by one side, with every later
report about it (revised counts, tolls that rise over the next days, damage assessments, evening
addresses, the attacker's own claim). The other side's drones the same night, the next night's attack,
a daytime strike after a night attack, and news that only quotes a night's figures (talks, weekly and
monthly totals) are other stories. Field `case` uses the names in tests/data/stories/README.md; the
loader ignores it.

Events are from June to October 2025 (none from 22 October on). Figures follow what officials and
outlets reported at the time, including where outlets disagreed; the sentences are ours, and small
details are invented where the reports gave none. Written blind: its author read neither the joiner
nor its output before the corpus was committed. Regenerate with
`python tests/data/stories/dev2/make.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "stories.jsonl"


def copy(
    text: str, *, drop_last: int = 0, lead: str = "", credit: str = "", swap: tuple[tuple[str, str], ...] = ()
) -> str:
    """A syndicated copy: last sentences trimmed, a few words swapped, a lead line or credit added."""
    parts = [p for p in text.split(". ") if p]
    if drop_last:
        parts = parts[:-drop_last]
    out = ". ".join(parts).rstrip(".") + "."
    for old, new in swap:
        out = out.replace(old, new)
    if lead:
        out = f"{lead} {out}"
    return f"{out} {credit}" if credit else out


# --- June 2025 -----------------------------------------------------------------------------------

JUN17_WIRE = (
    "Russia pounded Kyiv with missiles and drones for nearly nine hours overnight, killing at least 14 "
    "people and injuring more than 100, officials said on Tuesday. A missile brought down a whole section "
    "of a nine-storey apartment block in the Solomianskyi district, and rescuers were pulling bodies from "
    "the rubble. The air force said Russia launched 440 drones and 32 missiles across the country. "
    "Damage was also reported in Odesa."
)
JUN23_WIRE = (
    "A Russian missile and drone attack on Kyiv killed at least six people early on Monday, the mayor "
    "said, after a missile tore through a five-storey apartment building in the central Shevchenkivskyi "
    "district. Ten people, among them a child and a pregnant woman, were rescued from a high-rise across "
    "the street. One person was killed in Bila Tserkva south of the capital, where a drone hit a hospital. "
    "The president said Russia used 352 drones and 16 missiles."
)
JUN23_BILHOROD = (
    "A Russian ballistic missile hit an educational institution in Bilhorod-Dnistrovskyi in the Odesa "
    "region on Monday afternoon, killing three people and injuring at least 12, the regional governor "
    "said. The building was destroyed and staff may be trapped under the debris. Schools are closed for "
    "the summer, so no children were inside."
)
JUN24_DNIPRO = (
    "Russian ballistic missiles struck Dnipro in the middle of the morning on Tuesday, killing at least "
    "nine people and wounding dozens, and damaging a passenger train travelling from Odesa to "
    "Zaporizhzhia, the regional governor said. A dormitory, a school and an administrative building were "
    "hit and a large fire broke out. Two more people were killed in the nearby town of Samar."
)
JUN29_WIRE = (
    "Russia launched 477 drones and decoys and 60 missiles at Ukraine overnight, the air force said on "
    "Sunday, and a Ukrainian F-16 pilot was killed while fighting off the attack. The pilot shot down "
    "seven targets before his jet was damaged, then steered it away from a village and had no time to "
    "eject. Air defences destroyed 211 drones and 38 missiles, and 225 more drones were lost from radar or "
    "jammed."
)

# --- July 2025 -----------------------------------------------------------------------------------

JUL04_WIRE = (
    "Russia launched 539 drones and 11 missiles at Ukraine in an attack that lasted from Thursday evening "
    "until dawn, the air force said on Friday, with Kyiv the main target. One person was killed and 23 "
    "were injured in the capital, where damage was recorded in six of the ten districts. The attack began "
    "hours after the US and Russian presidents spoke by phone."
)
JUL04_ROSTOV = (
    "A woman was killed when a Ukrainian drone struck a village in the Rostov region near the border "
    "overnight, the acting governor said on Friday. Russia's defence ministry said its air defences "
    "destroyed dozens of Ukrainian drones over several southern and central regions during the night."
)
JUL09_WIRE = (
    "Russia fired a record 728 Shahed and decoy drones at Ukraine overnight, along with 13 missiles, the "
    "air force said on Wednesday. The president said the north-western city of Lutsk, near the Polish and "
    "Belarusian borders, was hit hardest, though ten other regions were also struck. Air defences shot "
    "down 296 drones and seven missiles, and 415 more drones were lost from radar or jammed."
)
JUL09_RU = (
    "Russian air defences brought down 86 Ukrainian drones over six regions overnight, including several "
    "flying towards Moscow, the defence ministry said on Wednesday, and flights were briefly halted at two "
    "of the capital's airports. In the Kursk region a drone strike killed three people and wounded seven, "
    "a child among them, the governor said."
)
JUL10_WIRE = (
    "Russia attacked Kyiv with drones and ballistic missiles overnight for the second night running, "
    "killing two people and injuring at least 16, officials said on Thursday. The air force said 397 "
    "drones and 18 missiles were launched at Ukraine. Fires broke out in several districts of the capital "
    "and a medical clinic was damaged."
)
JUL31_WIRE = (
    "Russia struck Kyiv overnight with more than 300 drones and eight missiles, bringing down an entire "
    "section of a nine-storey apartment block in the Sviatoshynskyi district, officials said on Thursday. "
    "At least six people were killed and 52 were hurt, and rescuers were searching for people under the "
    "rubble. The mayor said 30 of the injured were in hospital."
)

# --- August 2025 ---------------------------------------------------------------------------------

AUG07_AFIPSKY = (
    "A fire at the Afipsky oil refinery in Russia's Krasnodar region, started by falling drone debris, has "
    "been put out, local emergency services said on Thursday. The defence ministry said air defences shot "
    "down nine Ukrainian drones over the region overnight."
)
AUG13_SLAVYANSK = (
    "A small fire caused by debris from a downed drone was quickly put out at the Slavyansk oil refinery "
    "in Russia's Krasnodar region, officials said on Wednesday. The defence ministry said it destroyed 46 "
    "Ukrainian drones overnight, five of them over Krasnodar and 11 over Volgograd, where debris fell on a "
    "16-storey apartment building and residents were moved out."
)
AUG19_VOLGOGRAD = (
    "Ukrainian drones set off a brief fire at one of southern Russia's largest oil refineries and at a "
    "hospital in Volgograd overnight, the regional governor said on Tuesday. The defence ministry said 13 "
    "drones were destroyed over the Volgograd region, five over the Rostov region and five over Crimea. "
    "Nobody was hurt, the governor said."
)
AUG24_USTLUGA = (
    "Ukrainian drones set off a fire at a fuel export terminal in the Baltic port of Ust-Luga overnight, "
    "the Leningrad region governor said on Sunday, adding that about ten drones were shot down over the "
    "region. Firefighters were working at the site of Novatek's gas condensate complex and nobody was hurt."
)
AUG28_WIRE = (
    "Russia fired almost 600 drones and 31 missiles at Ukraine overnight, killing at least eight people in "
    "Kyiv, among them a child, and damaging the building of the European Union's mission in the capital, "
    "officials said on Thursday. A missile destroyed part of a five-storey apartment block in the "
    "Darnytskyi district on the left bank, and rescuers were searching the rubble."
)

# --- September 2025 ------------------------------------------------------------------------------

SEP07_WIRE = (
    "Russia launched more than 800 drones and 13 missiles at Ukraine overnight, its largest air attack of "
    "the war, and the roof and upper floors of the government building in central Kyiv caught fire, "
    "officials said on Sunday. A young woman and her two-month-old baby were killed when part of a "
    "nine-storey building collapsed in the Sviatoshynskyi district, and an elderly woman died in a shelter "
    "in Darnytskyi. Missiles also hit Kryvyi Rih and Kremenchuk."
)
SEP09_YAROVA = (
    "A Russian glide bomb hit the village of Yarova in the Donetsk region on Tuesday morning as residents "
    "queued to collect their pensions, killing at least 21 people and wounding 21, regional officials "
    "said. The bomb landed near a playground and a postal service van. The village lies less than ten "
    "kilometres from the front line."
)
SEP10_WIRE = (
    "Poland shot down drones that entered its airspace during a Russian attack on western Ukraine "
    "overnight, the first time a NATO member has fired on Russian military aircraft since the invasion "
    "began, the prime minister said on Wednesday. Warsaw's Chopin airport and three other airports were "
    "closed for hours, and residents of the Podlaskie, Mazowieckie and Lublin regions were told to stay "
    "indoors."
)
SEP12_PRIMORSK = (
    "A drone attack on Russia's oil-loading port of Primorsk on the Gulf of Finland set fire to a vessel "
    "and a pumping station on Friday, the Leningrad region governor said, in the first reported strike on "
    "the terminal. The fire on the ship was put out and there was no risk of an oil spill, he said, adding "
    "that more than 30 drones were destroyed over the region."
)
SEP28_WIRE = (
    "Russia launched 595 drones and 48 missiles at Ukraine in an attack that lasted more than 12 hours, "
    "the air force said on Sunday, naming Kyiv as the main target. At least four people were killed in "
    "the capital, among them a 12-year-old girl, and dozens were injured. The president said a cardiology "
    "clinic, factories and apartment blocks were damaged."
)

# --- October 2025 --------------------------------------------------------------------------------

OCT05_WIRE = (
    "Russia fired more than 50 missiles and nearly 500 drones at Ukraine overnight, killing at least five "
    "people, the president said on Sunday. The western Lviv region suffered its heaviest attack of the "
    "war: four members of one family, including a 15-year-old girl, were killed when their house in the "
    "village of Lapaivka was destroyed. Industrial and energy sites burned in Lviv, and one person was "
    "killed in Zaporizhzhia."
)
OCT10_WIRE = (
    "Russian drones and missiles struck Ukraine's power grid overnight, cutting electricity and water to "
    "the left bank of Kyiv and injuring at least nine people in the capital, the mayor said on Friday. A "
    "seven-year-old boy was killed in the Zaporizhzhia region. The air force said Russia launched 465 "
    "drones and 32 missiles and that 405 drones and 15 missiles were shot down or jammed."
)

# --- the news that only quotes the nights ---------------------------------------------------------

JUL_MONTHLY = (
    "Russia launched more than 6,000 long-range drones at Ukraine in July, the most in any month of the "
    "war, according to a count of daily air force reports. The heaviest night was 9 July, when 728 drones "
    "and 13 missiles were fired, followed by 4 July with 539 drones and 11 missiles. Most were shot down or "
    "jammed, the air force says, but the share that got through has grown."
)
HAGUE_SUMMIT = (
    "NATO leaders meeting in The Hague agreed on Wednesday to raise defence spending to five per cent of "
    "economic output by 2035, and the alliance's secretary general called Russia its most immediate "
    "threat. Ukraine's president met the US president on the sidelines and said they discussed buying more "
    "Patriot systems."
)


def rows() -> list[tuple[str, str, str, str, str, str]]:
    """(story, case, source, published, title, text), one a report."""
    return [
        # T01 Russia on Ukraine, the night of 16-17 June 2025: Kyiv, the Solomianskyi block; the toll rises for two days.
        ("T01", "wire", "wire-a", "2025-06-17T05:40:00Z", "Russian strike on Kyiv apartment block kills at least 14", JUN17_WIRE),
        ("T01", "copy", "daily-b", "2025-06-17T06:25:00Z", "Kyiv: nine-storey block collapses under missile strike",
         copy(JUN17_WIRE, drop_last=1, credit="(Reporting by our Kyiv bureau)")),
        ("T01", "copy", "post-c", "2025-06-17T07:05:00Z", "At least 14 dead as Russia hammers Ukrainian capital",
         copy(JUN17_WIRE, swap=(("officials said on Tuesday", "Ukrainian officials said"),), lead="KYIV -")),
        ("T01", "other-outlet", "kyiv-kmva", "2025-06-17T04:20:00Z", "Tkachenko: 175 drones and at least 16 missiles aimed at the capital",
         "This night the enemy used against Kyiv and its surroundings 175 drones, more than 14 cruise missiles and at least two ballistic missiles, the head of the city military administration said. Direct hits on residential buildings, from the top floors to the basement. Rescuers are working at more than 20 addresses."),
        ("T01", "other-outlet", "ses", "2025-06-17T09:50:00Z", "Solomianskyi district: bodies recovered, identification under way",
         "Rescuers have recovered five bodies from the rubble of the destroyed block in the Solomianskyi district, the State Emergency Service spokeswoman said. She said the count of 14 dead did not yet include all remains found and that the final toll would be known only after identification."),
        ("T01", "revision", "interior-ministry", "2025-06-17T11:30:00Z", "Klymenko: 15 killed, 139 injured across Ukraine",
         "Fifteen people have been killed and 139 injured across Ukraine in the attack of 16-17 June, the interior minister said. Between four and 14 residents of the nine-storey building in Kyiv are still not answering their phones, the city administration said."),
        ("T01", "other-side-claim", "ru-mod", "2025-06-17T10:15:00Z", "Group strike on defence industry sites in Kyiv",
         "The armed forces of the Russian Federation delivered a massive strike with long-range precision weapons and attack drones on defence industry enterprises in Kyiv, the defence ministry said on Tuesday. All designated targets were hit, it said."),
        ("T01", "follow-up", "ua-outlet", "2025-06-17T19:10:00Z", "President: Tuesday's strike on Kyiv is Russia's answer to calls for a ceasefire",
         "In his evening address the president said Tuesday's strike on Kyiv, one of the heaviest of the war, showed that Moscow was choosing killing over a ceasefire. He said the country would hold a day of mourning in the capital on Wednesday."),
        ("T01", "days-later-update", "wire-b", "2025-06-18T17:30:00Z", "Kyiv rescue ends after 39 hours; 28 dead in city",
         "Rescuers in Kyiv finished searching the ruins of a nine-storey building in the Solomianskyi district on Wednesday evening after more than 39 hours, recovering 23 bodies at that address alone. In all 28 people died in the capital and more than 140 were hurt in Tuesday's Russian missile and drone attack."),
        ("T01", "days-later-update", "daily-b", "2025-06-19T09:00:00Z", "Zelenskiy lays flowers at ruined Kyiv block",
         "The Ukrainian president laid flowers on Thursday outside the Kyiv apartment block where a Kh-101 cruise missile killed 23 residents, and urged allies to make Moscow feel the cost of the war. The total number of dead in the city from the strike stands at 28."),
        # T02 Russia on Ukraine, the night of 22-23 June: Kyiv, the Shevchenkivskyi block.
        ("T02", "wire", "wire-a", "2025-06-23T05:50:00Z", "Russian missile hits Kyiv apartment building, killing six", JUN23_WIRE),
        ("T02", "copy", "post-c", "2025-06-23T06:40:00Z", "Six dead after missile strikes central Kyiv block",
         copy(JUN23_WIRE, drop_last=2, credit="Reporting by our Kyiv staff.")),
        ("T02", "other-outlet", "kyiv-mayor", "2025-06-23T03:40:00Z", "Shevchenkivskyi district: section of a five-storey building destroyed",
         "A terrible picture in the Shevchenkivskyi district. A five-storey building is badly damaged, and the blast wave also hit the flats of the 25-storey building opposite. Ten people were rescued from it, a child and a pregnant woman among them, the mayor wrote."),
        ("T02", "other-outlet", "kyiv-oblast", "2025-06-23T05:10:00Z", "Bila Tserkva: one killed, hospital and hotel hit",
         "One person was killed and eight were injured in Bila Tserkva, the head of the Kyiv regional administration said. A medical facility and a hotel were destroyed. Fire covered 1,500 square metres, and six seriously ill patients were evacuated. Houses were also damaged in Boryspil."),
        ("T02", "revision", "ua-outlet", "2025-06-23T11:45:00Z", "Kyiv toll rises to eight, 34 injured",
         "Eight people have been killed and 34 injured in the night strike on Kyiv, the emergency service said shortly after midday. Damage was recorded at 19 sites in six districts, from Podilskyi to Darnytskyi, the city military administration said."),
        ("T02", "days-later-update", "wire-b", "2025-06-24T08:20:00Z", "Death toll in Kyiv rises to nine after Monday's attack",
         "A ninth person has died in Kyiv as a result of Monday's Russian missile strike on a block of flats in the Shevchenkivskyi district, the city administration said on Tuesday, after rescuers finished clearing the rubble."),
        ("T02", "other-outlet", "aggregator-x", "2025-06-23T07:30:00Z", "Massive attack on Kiev: the entrance of house is destroyed",
         "In night on 23 June Russians attacked Kiev by 352 drones and 16 rockets, says president. In Shevchenkivskyi district the entrance of five-floors house is destroyed, 6 persons died, under the ruins can be more. In Bila Tserkva one died."),
        # T03 a daytime strike the same day, another city: Bilhorod-Dnistrovskyi, 23 June.
        ("T03", "same-day-other-strike", "odesa-ova", "2025-06-23T12:30:00Z", "Missile strike on Bilhorod-Dnistrovskyi: three dead", JUN23_BILHOROD),
        ("T03", "same-day-other-strike", "ua-outlet", "2025-06-23T17:40:00Z", "Woman dies in hospital after Bilhorod-Dnistrovskyi strike",
         "A 60-year-old woman wounded when a ballistic missile hit a college building in Bilhorod-Dnistrovskyi died in hospital in the evening, bringing the number of dead to four, the governor said. Two fast targets had been tracked heading for the town just before the blast."),
        ("T03", "copy", "post-c", "2025-06-23T13:20:00Z", "Ballistic missile destroys school building in Odesa region",
         copy(JUN23_BILHOROD, drop_last=1, credit="Reporting by our Odesa stringer.")),
        # T04 Russia on Ukraine, the night of 23-24 June: drones on the Sumy region.
        ("T04", "consecutive-night", "sumy-ova", "2025-06-24T04:50:00Z", "Three killed in drone attack on a village in the Sumy region",
         "Enemy attack drones struck a village in the Verkhnia Syrovatka community during the night, the regional administration said. Three people were killed, among them an eight-year-old boy, and a house burned down."),
        ("T04", "copy", "daily-b", "2025-06-24T06:10:00Z", "Boy among three killed by Russian drones near Sumy",
         "Three people, including an eight-year-old boy, were killed when Russian attack drones hit a village in the Verkhnia Syrovatka community near Sumy overnight, the regional administration said. A house burned down. (Reporting by our Kyiv bureau)"),
        # T05 a daytime strike after that night, another city: Dnipro, 24 June; the toll over two days.
        ("T05", "same-day-other-strike", "wire-b", "2025-06-24T09:30:00Z", "Russian missiles kill nine in Dnipro, damage passenger train", JUN24_DNIPRO),
        ("T05", "copy", "post-c", "2025-06-24T10:15:00Z", "Train hit as ballistic missiles strike Dnipro",
         copy(JUN24_DNIPRO, credit="Reporting by our Kyiv staff.")),
        ("T05", "other-outlet", "ukrzaliznytsia", "2025-06-24T09:10:00Z", "Train No. 52 Odesa - Zaporizhzhia damaged in Dnipro",
         "Train No. 52 from Odesa to Zaporizhzhia was damaged in the enemy strike on Dnipro. Passengers were taken to a shelter; several were injured and are receiving medical care. No passengers or railway staff were killed. A replacement train is being prepared to take people on to Zaporizhzhia."),
        ("T05", "revision", "dnipro-ova", "2025-06-24T17:30:00Z", "Dnipro: 17 dead, 279 injured",
         "As of this evening 17 people have died in Dnipro and 279 have been injured, 27 of them children, the head of the regional administration said. Fourteen schools and kindergartens, a hospital and a clinic were damaged, according to the mayor."),
        ("T05", "days-later-update", "ua-outlet", "2025-06-25T10:40:00Z", "Dnipro toll reaches 19; 21 dead in the region",
         "The number of people killed by Tuesday's ballistic missile strike on Dnipro has risen to 19, and with two dead in Samar the region has lost 21 people, the governor said on Wednesday. More than 300 were wounded. Dnipro and Samar observed a day of mourning."),
        # T06 Russia on Ukraine, the night of 28-29 June: 477 drones, 60 missiles; an F-16 lost.
        ("T06", "wire", "wire-b", "2025-06-29T07:30:00Z", "Ukrainian F-16 pilot killed repelling massive Russian air attack", JUN29_WIRE),
        ("T06", "copy", "daily-b", "2025-06-29T08:10:00Z", "Ukraine loses third F-16 as Russia fires 537 drones and missiles",
         copy(JUN29_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("T06", "wire", "air-force", "2025-06-29T06:20:00Z", "537 means of air attack overnight; an F-16 pilot has died",
         "From 21:00 on 28 June the enemy attacked with 537 means of air attack: 477 Shahed attack drones and decoys and 60 missiles, among them Kh-101 and Kinzhal. As of 09:00, 249 targets were shot down: 211 drones and 38 missiles. Lieutenant Colonel Maksym Ustymenko died in his F-16 after shooting down seven targets."),
        ("T06", "other-outlet", "cherkasy-ova", "2025-06-29T05:45:00Z", "Smila: six injured, three apartment blocks damaged",
         "Six people were injured in Smila during the night attack, among them a child, the head of the regional administration said. Three nine-storey buildings, a private house and cars were damaged."),
        ("T06", "other-side-claim", "ru-agency", "2025-06-29T09:40:00Z", "Defence ministry: Kinzhal strikes on Ukrainian fuel and defence sites",
         "Russian forces struck oil refineries and defence industry facilities in Ukraine with Kinzhal hypersonic missiles and attack drones overnight, the defence ministry said on Sunday, adding that all targets were hit."),
        ("T06", "follow-up", "ua-outlet", "2025-06-29T18:30:00Z", "Pilot who died on Sunday made Hero of Ukraine",
         "The president on Sunday posthumously awarded the title Hero of Ukraine to Lieutenant Colonel Maksym Ustymenko, 31, who died after his F-16 was damaged during the morning's massed Russian attack, and ordered an inquiry into the loss of the jet."),
        # T07 unrelated: the week's totals, quoting the night.
        ("T07", "unrelated", "wire-a", "2025-06-29T15:00:00Z", "Russia fired 114 missiles and 1,270 drones at Ukraine this week",
         "Over the past week Russia launched about 114 missiles, more than 1,270 drones and nearly 1,100 glide bombs at Ukraine, the president said on Sunday, among them the 477 drones and 60 missiles fired overnight. He asked the United States and Europe for more air defence systems, which Ukraine is ready to buy."),
        ("T07", "copy", "post-c", "2025-06-29T16:05:00Z", "Zelenskiy counts a week of Russian strikes",
         "Over the past week Russia launched about 114 missiles, more than 1,270 drones and nearly 1,100 glide bombs at Ukraine, the president said on Sunday. He asked the United States and Europe for more air defence systems, which Ukraine is ready to buy. Reporting by our Kyiv staff."),
        # T08 unrelated: the NATO summit the day after Dnipro.
        ("T08", "unrelated", "wire-b", "2025-06-25T14:00:00Z", "NATO allies agree to spend 5% on defence", HAGUE_SUMMIT),
        ("T08", "copy", "daily-b", "2025-06-25T15:20:00Z", "Hague summit: NATO sets five per cent target",
         copy(HAGUE_SUMMIT, credit="(Reporting by our Brussels bureau)")),
        # T09 Russia on Ukraine, the night of 3-4 July: Kyiv, 539 drones.
        ("T09", "wire", "wire-b", "2025-07-04T06:00:00Z", "Russia hits Kyiv with 550 drones and missiles after Trump-Putin call", JUL04_WIRE),
        ("T09", "copy", "post-c", "2025-07-04T06:50:00Z", "Hours after Trump-Putin call, Kyiv endures record drone barrage",
         copy(JUL04_WIRE, swap=(("the air force said on Friday", "Ukraine's air force said"),), credit="Reporting by our Kyiv staff.")),
        ("T09", "wire", "air-force", "2025-07-04T05:30:00Z", "550 means of air attack, 478 neutralized",
         "From 18:00 on 3 July the enemy attacked with 550 means of air attack: 539 Shahed attack drones and decoys, one Kinzhal, six Iskander-M/KN-23 ballistic missiles and four Iskander-K cruise missiles. 270 were shot down and 208 drones were lost to electronic warfare. Hits were recorded at eight sites and debris fell at 33."),
        ("T09", "other-outlet", "ua-outlet", "2025-07-04T08:10:00Z", "Rail infrastructure, schools and a clinic damaged in Kyiv",
         "Around 40 apartment buildings, five schools and kindergartens and railway infrastructure were damaged in Kyiv, the interior minister said, and some trains were rerouted. A medical facility in the Holosiivskyi district caught fire. Poland said the building of its consulate was also damaged."),
        ("T09", "revision", "kyiv-kmva", "2025-07-04T10:30:00Z", "Kyiv: 26 injured, 14 in hospital",
         "The number of people injured in the capital has risen to 26, one of them a child, and 14 remain in hospital, the city military administration said. More than 300 tonnes of debris have been removed."),
        ("T09", "other-side-claim", "ru-mod", "2025-07-04T09:00:00Z", "Massive strike in response to terrorist acts of the Kyiv regime",
         "In response to terrorist acts by the Kyiv regime, the Russian armed forces carried out a massive strike with high-precision weapons and attack drones on military-industrial enterprises, a military airfield and an oil refinery, the defence ministry said. The goals of the strike were achieved."),
        ("T09", "follow-up", "daily-b", "2025-07-04T17:20:00Z", "Zelenskiy and Trump discuss air defence after Friday's attack",
         "The Ukrainian president said his call with the US president on Friday was very important and productive, and that they spoke about air defence and joint production, hours after one of the heaviest drone attacks on Kyiv of the war."),
        # T10 Ukraine on Russia the same night: Rostov region.
        ("T10", "same-night-other-attack", "ru-agency", "2025-07-04T07:10:00Z", "Woman killed in drone strike on Rostov region village", JUL04_ROSTOV),
        ("T10", "same-night-other-attack", "rostov-gov", "2025-07-04T05:20:00Z", "Neklinovsky district: a resident was killed",
         "During the night the armed forces of Ukraine attacked the region with drones. In a village of the Neklinovsky district a woman was killed, the acting governor wrote. Several houses were damaged. Emergency services are at the scene."),
        # T11 Russia on Ukraine, the night of 8-9 July: the record, Lutsk.
        ("T11", "wire", "wire-a", "2025-07-09T06:30:00Z", "Russia fires a record 728 drones and 13 missiles at Ukraine", JUL09_WIRE),
        ("T11", "copy", "daily-b", "2025-07-09T07:15:00Z", "Lutsk hit hardest as Russia sets new drone record",
         copy(JUL09_WIRE, drop_last=1, credit="(AP)")),
        ("T11", "copy", "regional-d", "2025-07-09T08:40:00Z", "Record Russian drone barrage targets Lutsk",
         copy(JUL09_WIRE, swap=(("the air force said on Wednesday", "Ukraine's air force said"), ("north-western", "northwestern")), lead="Lutsk is home to military airfields.")),
        ("T11", "other-outlet", "lutsk-mayor", "2025-07-09T05:40:00Z", "Lutsk: about 50 drones and five missiles, no casualties",
         "About 50 drones and five missiles were aimed at Lutsk during the night, the mayor said. A warehouse of a local enterprise and several parking structures caught fire. No one was killed or injured, according to preliminary information."),
        ("T11", "other-outlet", "cable-e", "2025-07-09T11:00:00Z", "Ukraine says it downed 718 of 741 Russian drones and missiles",
         "Ukraine's military said most of the 728 drones launched by Russia were destroyed, 718 in all counting those jammed, in what it called the biggest air attack of the war. A civilian was killed by falling debris in the west of the country, and eight people were killed by drones and glide bombs in the Donetsk region."),
        ("T11", "other-side-claim", "ru-mod", "2025-07-09T09:30:00Z", "All designated air bases hit, defence ministry says",
         "Russian forces struck Ukrainian airfields with long-range precision weapons and attack drones overnight, the defence ministry said on Wednesday, and all designated targets were hit."),
        ("T11", "follow-up", "wire-b", "2025-07-09T16:45:00Z", "Zelenskiy calls for 'biting sanctions' after record drone attack",
         "Wednesday's record strike showed that sanctions on Russia's oil income must bite, including on the countries that buy it, the Ukrainian president said in Rome, where he met the US envoy ahead of a recovery conference."),
        # T12 Ukraine on Russia the same night: 86 drones, Kursk.
        ("T12", "same-night-other-attack", "ru-mod", "2025-07-09T05:00:00Z", "86 Ukrainian drones destroyed over six regions", JUL09_RU),
        ("T12", "same-night-other-attack", "kursk-gov", "2025-07-09T06:30:00Z", "Kursk region: three dead in drone strike",
         "Three people were killed and seven wounded, a child among them, when a Ukrainian drone hit a car in the Kursk region, the governor said. The wounded were taken to the regional hospital."),
        ("T12", "copy", "ru-agency", "2025-07-09T06:00:00Z", "Air defences down 86 drones overnight",
         copy(JUL09_RU, swap=(("overnight", "during the night"),))),
        # T13 Russia on Ukraine, the next night, 9-10 July: Kyiv again.
        ("T13", "consecutive-night", "wire-a", "2025-07-10T06:10:00Z", "Russia strikes Kyiv with drones and missiles for second straight night", JUL10_WIRE),
        ("T13", "copy", "post-c", "2025-07-10T07:00:00Z", "Two killed as Russian drones hit Kyiv again",
         copy(JUL10_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("T13", "consecutive-night", "kyiv-kmva", "2025-07-10T02:40:00Z", "Capital under combined attack: fires in several districts",
         "The enemy is attacking the capital with drones and ballistic missiles. Fires in the Sviatoshynskyi, Shevchenkivskyi and Holosiivskyi districts; a clinic was damaged. Two people were killed, according to preliminary information. Stay in shelters."),
        ("T13", "consecutive-night", "air-force", "2025-07-10T05:50:00Z", "415 means of air attack overnight",
         "On the night of 10 July the enemy attacked with 415 means of air attack: 397 Shahed drones and decoys and 18 missiles. Air defences neutralized 382 targets. The main direction of the strike was Kyiv."),
        # T14 unrelated the same day as the record: the president and the pope.
        ("T14", "unrelated", "wire-b", "2025-07-09T13:00:00Z", "Pope Leo offers Vatican for Ukraine peace talks",
         "Pope Leo received the Ukrainian president at Castel Gandolfo on Wednesday and repeated his offer to host talks between Russia and Ukraine at the Vatican. The president called the offer entirely possible but said Moscow had so far refused."),
        ("T14", "unrelated", "daily-b", "2025-07-09T14:30:00Z", "Zelenskiy meets pope as Rome hosts Ukraine recovery talks",
         "The Ukrainian president met Pope Leo at the papal summer residence on Wednesday and thanked him for his help in returning children taken to Russia. On Thursday Rome hosts a conference on rebuilding Ukraine."),
        # T15 Russia on Ukraine, the night of 30-31 July: Kyiv, the Sviatoshynskyi block; the toll rises for two days.
        ("T15", "wire", "wire-b", "2025-07-31T04:30:00Z", "Six killed as Russia strikes Kyiv, apartment block collapses", JUL31_WIRE),
        ("T15", "copy", "daily-b", "2025-07-31T05:15:00Z", "Section of Kyiv block collapses in Russian attack",
         copy(JUL31_WIRE, credit="(Reporting by our Kyiv bureau)")),
        ("T15", "other-outlet", "kyiv-mayor", "2025-07-31T03:10:00Z", "Horrifying scene in the Sviatoshynskyi district",
         "A terrible picture in the Sviatoshynskyi district: a whole entrance of a residential building has collapsed. Rescuers are looking for people under the debris. Support centres are open for residents, the mayor wrote."),
        ("T15", "revision", "ua-outlet", "2025-07-31T10:40:00Z", "Eight dead in Kyiv; up to ten may be under the rubble",
         "Eight people have died in the capital, four of them in the collapsed house in the Sviatoshynskyi district, among them a woman and her six-year-old son, and up to ten more may be under the rubble, the interior minister said. The number of injured rose to 82. A man trapped on the second floor was freed through a tunnel cut in the wall."),
        ("T15", "days-later-update", "interfax-ua", "2025-08-01T06:10:00Z", "Another body recovered in Sviatoshynskyi district, 28 dead",
         "Rescuers recovered another body from the rubble in the Sviatoshynskyi district of Kyiv, the State Emergency Service said on Friday morning. In total 28 people have died, among them children aged 3, 6 and 17, and 159 were injured, 16 of them children."),
        ("T15", "days-later-update", "wire-a", "2025-08-01T16:20:00Z", "Kyiv mourns 31 killed, including five children",
         "Rescuers ended their search of the collapsed Kyiv apartment building on Friday, raising the toll from Thursday's Russian strike to 31, five of them children, the youngest two years old. It was the deadliest attack on the capital this year. Mourners laid flowers and toys at the site."),
        ("T15", "follow-up", "censor-ua", "2025-08-01T12:00:00Z", "Klymenko: a direct hit between the fifth and sixth floors",
         "The block in the Sviatoshynskyi district was destroyed by a direct hit from a high-explosive missile that struck between the fifth and sixth floors and exploded as it entered the building, the interior minister told journalists on Friday. All the dead had been identified, he said."),
        ("T15", "other-side-claim", "ru-mod", "2025-07-31T09:20:00Z", "Strike on Ukraine's military-industrial complex",
         "The Russian armed forces delivered a group strike with long-range precision weapons on enterprises of Ukraine's military-industrial complex, the defence ministry said on Thursday. The goals of the strike were achieved and all targets were hit."),
        # T16 Russia on Kyiv another day: the night of 20-21 July.
        ("T16", "same-city-other-day", "wire-a", "2025-07-21T05:40:00Z", "Russian drones and missiles hit Kyiv, killing one",
         "Russia attacked Kyiv overnight with drones and missiles, killing one person and injuring at least eight, and damaging the entrance of the Lukianivska metro station, officials said on Monday. The air force said 426 drones and 24 missiles were launched."),
        ("T16", "same-city-other-day", "kyiv-kmva", "2025-07-21T03:00:00Z", "Shevchenkivskyi district: fire, metro entrance damaged",
         "Debris fell in the Shevchenkivskyi district: a fire in a residential building and damage to the entrance of a metro station. In the Sviatoshynskyi district a warehouse is burning. One person was killed. Medics are at the scene."),
        ("T16", "copy", "post-c", "2025-07-21T06:30:00Z", "Metro station damaged as Russia attacks Kyiv",
         "Russia attacked Kyiv overnight with drones and missiles, killing one person and injuring at least eight, and damaging the entrance of the Lukianivska metro station, officials said. Reporting by our Kyiv staff."),
        # T17 unrelated: the month's totals, quoting the nights.
        ("T17", "unrelated", "wire-c", "2025-08-01T11:00:00Z", "Russian drone launches hit monthly record in July", JUL_MONTHLY),
        ("T17", "copy", "daily-b", "2025-08-01T12:30:00Z", "July saw most Russian drones of the war",
         copy(JUL_MONTHLY, drop_last=1, credit="(Reporting by our data desk)")),
        # T18 Ukraine on Russia, 7 August: the Afipsky refinery.
        ("T18", "wire", "wire-b", "2025-08-07T07:30:00Z", "Fire at Russia's Afipsky refinery put out after drone attack", AUG07_AFIPSKY),
        ("T18", "copy", "cable-e", "2025-08-07T08:10:00Z", "Drone debris sparks blaze at Afipsky refinery",
         copy(AUG07_AFIPSKY, credit="(With inputs from agencies)")),
        ("T18", "other-outlet", "krasnodar-hq", "2025-08-07T04:30:00Z", "Seversky district: fire at an industrial site",
         "In the Seversky district a fire broke out on the territory of the refinery after debris of a UAV fell. About 70 firefighters are working. There are no casualties, the regional operational headquarters said."),
        # T19 Ukraine on Russia, 13 August: Slavyansk and Volgograd.
        ("T19", "wire", "wire-b", "2025-08-13T06:20:00Z", "Drone debris sparks small fire at Russian refinery", AUG13_SLAVYANSK),
        ("T19", "other-outlet", "volgograd-gov", "2025-08-13T04:10:00Z", "Volgograd: debris fell on a high-rise, residents evacuated",
         "During the night Ukrainian drones attacked the region. Debris fell on a 16-storey residential building in the city, and residents were moved out while specialists checked the structure. There are no casualties, the governor said."),
        ("T19", "copy", "cable-e", "2025-08-13T07:00:00Z", "Slavyansk refinery fire quickly doused",
         copy(AUG13_SLAVYANSK, drop_last=1, credit="(With inputs from agencies)")),
        # T20 Ukraine on Volgograd another night: 19 August.
        ("T20", "same-city-other-day", "moscow-times", "2025-08-19T06:00:00Z", "Drone attack sparks fire at Volgograd refinery and hospital", AUG19_VOLGOGRAD),
        ("T20", "same-city-other-day", "volgograd-gov", "2025-08-19T03:30:00Z", "Volgograd: fires at an industrial site and a hospital put out",
         "Air defence repelled a drone attack on the city during the night. Falling debris caused fires at the refinery and on the grounds of a hospital; both have been put out. No one was hurt. Flight restrictions are in place at the airport."),
        ("T20", "copy", "ru-agency", "2025-08-19T07:20:00Z", "Refinery fire in Volgograd extinguished",
         copy(AUG19_VOLGOGRAD, drop_last=1)),
        # T21 Ukraine on Russia, 24 August: Ust-Luga.
        ("T21", "wire", "wire-b", "2025-08-24T07:00:00Z", "Drone attack sets fire at Russia's Ust-Luga fuel terminal", AUG24_USTLUGA),
        ("T21", "other-outlet", "leningrad-gov", "2025-08-24T04:40:00Z", "Ust-Luga port: about ten drones shot down",
         "About ten UAVs were destroyed over the Kingisepp district tonight. Falling debris caused a fire in the port of Ust-Luga; firefighters are at work. There are no casualties, the governor wrote."),
        ("T21", "other-side-claim", "ua-outlet", "2025-08-24T10:30:00Z", "Ukrainian drones hit Novatek terminal in Ust-Luga, source says",
         "Ukrainian long-range drones struck the Novatek gas condensate processing complex in Ust-Luga overnight, a Ukrainian military source said, adding that the terminal ships fuel that finances Russia's war."),
        # T22 Russia on Ukraine, the night of 27-28 August: Kyiv, Darnytskyi, the EU mission.
        ("T22", "wire", "wire-a", "2025-08-28T05:30:00Z", "Russian strike on Kyiv kills eight, damages EU mission", AUG28_WIRE),
        ("T22", "copy", "post-c", "2025-08-28T06:15:00Z", "EU mission building damaged as Russia pounds Kyiv",
         copy(AUG28_WIRE, credit="Reporting by our Kyiv staff.")),
        ("T22", "other-outlet", "ua-foreign-ministry", "2025-08-28T06:30:00Z", "Sybiha: Russia also targeted diplomats",
         "During the night strike Russia also targeted diplomats, in direct breach of the Vienna Convention, the foreign minister wrote. The EU mission to Ukraine was damaged. He said Russia killed at least eight people, including a child, whatever its leader had said in Alaska."),
        ("T22", "revision", "cable-e", "2025-08-28T10:20:00Z", "Ten dead, 38 wounded as strike damages EU office in Kyiv",
         "The Russian drone and missile attack on Kyiv killed ten people and wounded 38 across seven districts, officials said, and damaged the building of the EU delegation; none of its staff were hurt. The Commission president condemned the strike."),
        ("T22", "revision", "kyiv-kmva", "2025-08-28T13:40:00Z", "Darnytskyi district: toll rises to 14",
         "Fourteen people are now known to have died in the capital, most of them in the five-storey building in the Darnytskyi district, the head of the city military administration said. Damaged sites will again number in the hundreds and broken windows in the thousands. A shopping centre in the city centre was also hit."),
        ("T22", "days-later-update", "wire-b", "2025-08-29T08:00:00Z", "Kyiv death toll rises to 23, including four children",
         "The number of people killed in Thursday's Russian bombardment of Kyiv rose to 23, four of them children, after rescuers finished searching the ruins of a five-storey building in the Darnytskyi district, officials said on Friday. It was the deadliest attack on the capital since July."),
        ("T22", "follow-up", "daily-b", "2025-08-28T18:00:00Z", "EU summons Russian envoy after Kyiv delegation is hit",
         "The EU summoned Russia's charge d'affaires in Brussels after Thursday's strike on Kyiv damaged the offices of its delegation and the nearby British Council. The UK prime minister accused the Russian leader of sabotaging hopes of peace."),
        ("T22", "other-outlet", "aggregator-x", "2025-08-28T08:30:00Z", "Night attack on Kiev: the house in Darnytskyi destroyed",
         "In night on 28 August Russia attacked Kiev with almost 600 drones and 31 rockets. In Darnytskyi district is destroyed the five-floors house, 8 died including child. Also is damaged the building of mission EU."),
        # T23 Russia on Ukraine, the night of 6-7 September: the largest drone attack, the government building.
        ("T23", "wire", "wire-a", "2025-09-07T06:40:00Z", "Russia launches biggest air attack of war, government building in Kyiv on fire", SEP07_WIRE),
        ("T23", "copy", "daily-b", "2025-09-07T07:20:00Z", "Ukraine's cabinet building burns after record Russian drone barrage",
         copy(SEP07_WIRE, drop_last=1, credit="(Reporting by our Kyiv bureau)")),
        ("T23", "other-outlet", "kyiv-mayor", "2025-09-07T03:50:00Z", "Pecherskyi district: a government building is on fire",
         "A government building in the Pecherskyi district caught fire, probably after a drone was shot down. Firefighters are at the scene. A new fire has also been reported in the Sviatoshynskyi district, the mayor wrote."),
        ("T23", "other-outlet", "menafn", "2025-09-07T06:10:00Z", "Air force: 818 air attack vehicles, 805 of them drones",
         "Russian forces launched 818 air attack vehicles overnight, 805 drones and 13 missiles, Ukraine's air force said on Facebook. The emergency service reported at least two dead and 18 injured, and a nine-storey building in Kyiv's Sviatoshynskyi district was partly destroyed."),
        ("T23", "revision", "interior-ministry", "2025-09-07T08:30:00Z", "Fire in the government building localized over 1,000 square metres",
         "Rescuers have localized the fire in the government building, which covered more than 1,000 square metres, the interior minister said. In Kyiv four high-rise buildings were damaged. About 400 rescuers and 100 vehicles, including fire helicopters, are working in the capital."),
        ("T23", "follow-up", "ua-outlet", "2025-09-07T09:30:00Z", "Prime minister: for the first time the government building was hit",
         "For the first time the government building has been damaged by an enemy attack, the roof and upper floors, the prime minister wrote on Sunday. We will restore the buildings, but lost lives cannot be returned, she said, and called for tougher sanctions."),
        ("T23", "other-side-claim", "ru-mod", "2025-09-07T10:00:00Z", "Massive strike on military-industrial and transport sites",
         "Russian forces delivered a massive strike with precision weapons and attack drones on Ukraine's military-industrial complex and transport infrastructure overnight, the defence ministry said on Sunday. It said no targets within Kyiv other than military sites had been attacked."),
        ("T23", "other-outlet", "kremenchuk-city", "2025-09-07T05:30:00Z", "Kremenchuk: dozens of explosions, bridge closed",
         "Dozens of explosions were heard in Kremenchuk overnight. An industrial facility and the bridge over the Dnipro were attacked, and the crossing has been closed. Part of the city is without electricity, the city administration said."),
        # T24 Ukraine on Russia the same night: the Druzhba pipeline.
        ("T24", "same-night-other-attack", "ua-outlet", "2025-09-07T08:00:00Z", "Drone forces strike Druzhba pipeline in Bryansk region",
         "Ukraine's drone forces hit a pumping station of the Druzhba oil pipeline in Russia's Bryansk region overnight, causing extensive fire damage, their commander said on Sunday. The pipeline carries Russian crude to Hungary and Slovakia."),
        ("T24", "same-night-other-attack", "wire-b", "2025-09-07T10:40:00Z", "Ukraine says it hit Druzhba oil pipeline after Russian barrage",
         "Ukraine said on Sunday its drones had struck the Druzhba oil pipeline in the Bryansk region of Russia. There was no immediate comment from Moscow. Hungary and Slovakia, which still import Russian crude through the line, said they were checking deliveries."),
        # T25 a daytime strike: Yarova, 9 September; the toll rises that day.
        ("T25", "wire", "donetsk-ova", "2025-09-09T09:40:00Z", "Aerial bomb hits Yarova during pension payments", SEP09_YAROVA),
        ("T25", "revision", "wire-a", "2025-09-09T14:30:00Z", "Russian glide bomb kills 24 people queuing for pensions",
         "A Russian glide bomb killed at least 24 people and injured 19 as they stood in line for their monthly pensions in the eastern village of Yarova on Tuesday, Ukraine's emergency service said. The regional governor said 23 of the dead were pensioners and called the strike pure terrorism."),
        ("T25", "copy", "post-c", "2025-09-09T15:20:00Z", "Pensioners killed in Russian air strike on Donetsk village",
         "A Russian glide bomb killed at least 24 people and injured 19 as they stood in line for their monthly pensions in the eastern village of Yarova on Tuesday, Ukraine's emergency service said. Reporting by our Kyiv staff."),
        ("T25", "follow-up", "ua-outlet", "2025-09-10T09:00:00Z", "Ukrposhta changes how pensions are paid near the front",
         "After Tuesday's strike on Yarova, in which a postal worker was injured, the state postal operator and local authorities agreed to change how pensions are handed out in front-line villages, its chief executive said."),
        # T26 Russia on Ukraine, the night of 9-10 September: the drones over Poland.
        ("T26", "wire", "wire-a", "2025-09-10T05:20:00Z", "Poland downs drones that violated its airspace during Russian attack on Ukraine", SEP10_WIRE),
        ("T26", "copy", "cable-e", "2025-09-10T06:30:00Z", "In a first, NATO member Poland fires on Russian drones",
         copy(SEP10_WIRE, drop_last=1, credit="(With inputs from agencies)")),
        ("T26", "other-outlet", "pl-command", "2025-09-10T04:30:00Z", "Operational Command: an act of aggression",
         "During tonight's attack by the Russian Federation on targets in Ukraine our airspace was repeatedly violated by drone-type objects. Polish and allied aircraft operated; objects that could pose a threat were shot down. We call this an act of aggression. Residents should not approach any debris found."),
        ("T26", "other-outlet", "pl-outlet", "2025-09-10T07:40:00Z", "Drone debris damages house roof in Wyryki",
         "In the village of Wyryki in the Lublin voivodeship debris of a drone fell on a house overnight, damaging the roof and a car, police said. No one was hurt. The first of the downed drones was found at 5:40 local time."),
        ("T26", "wire", "air-force", "2025-09-10T06:00:00Z", "415 drones and 40 missiles overnight; western regions targeted",
         "On the night of 10 September the enemy attacked with 415 drones and decoys and 40 cruise and ballistic missiles. Air defences neutralized 386 drones and 27 missiles. Strikes were recorded in the Lviv, Volyn, Zhytomyr, Khmelnytskyi and Vinnytsia regions."),
        ("T26", "follow-up", "wire-b", "2025-09-10T14:00:00Z", "Tusk: 19 violations of Polish airspace, Article 4 invoked",
         "Poland's prime minister told parliament that its airspace had been violated 19 times during Wednesday's Russian attack on Ukraine and that Poland had asked for NATO consultations under Article 4. At least three drones were shot down, he said."),
        # T27 Ukraine on Russia, 12 September: Primorsk.
        ("T27", "wire", "wire-b", "2025-09-12T07:30:00Z", "Drones attack Russia's Primorsk oil port for the first time", SEP12_PRIMORSK),
        ("T27", "copy", "maritime-f", "2025-09-12T09:00:00Z", "Vessel and pumping station ablaze after drone attack on Primorsk",
         copy(SEP12_PRIMORSK, lead="Primorsk is the terminus of the Baltic Pipeline System.", credit="(Reporting from Moscow)")),
        ("T27", "other-outlet", "leningrad-gov", "2025-09-12T04:50:00Z", "Port of Primorsk: open burning on a ship put out",
         "Open burning on a vessel in the port of Primorsk has been put out. There is no threat of sinking or of a spill of oil products. A fire at the pumping station has also been put out. Debris fell in Vsevolozhsk, Tosno, Pokrovskoye and Uzmino. No one was hurt, the governor wrote."),
        ("T27", "other-outlet", "ru-mod", "2025-09-12T05:00:00Z", "221 Ukrainian UAVs destroyed overnight",
         "Air defences on duty destroyed 221 Ukrainian fixed-wing drones overnight, the defence ministry said: 85 over the Bryansk region, 28 over the Leningrad region, nine over the Moscow region and the rest over the Smolensk, Kursk, Novgorod and other regions."),
        ("T27", "other-outlet", "odesa-journal", "2025-09-12T10:30:00Z", "Pulkovo halts flights as drones hit Leningrad region",
         "Because of the drone raid on the Leningrad region, Pulkovo airport suspended flights: 28 were delayed, 13 cancelled and 11 diverted, and airports in Ivanovo, Pskov, Yaroslavl and Kaluga also closed for the night. More than 30 drones were reported over the region."),
        # T28 Russia on Ukraine, the night of 27-28 September: Kyiv, a 12-hour attack.
        ("T28", "wire", "wire-b", "2025-09-28T07:00:00Z", "Russia pounds Kyiv in 12-hour drone and missile attack, four dead", SEP28_WIRE),
        ("T28", "copy", "post-c", "2025-09-28T07:50:00Z", "Girl, 12, among four killed in Kyiv as Russia fires 643 weapons",
         copy(SEP28_WIRE, credit="Reporting by our Kyiv staff.")),
        ("T28", "other-outlet", "air-force", "2025-09-28T08:30:00Z", "643 means of air attack: 593 drones and 50 missiles",
         "From 01:00 on 28 September the enemy attacked with 643 means of air attack: 593 drones and decoys and 50 missiles, among them Kinzhal, Iskander-M and Kh-101. 566 drones and 45 missiles were shot down or suppressed. Hits by five missiles and 31 drones were recorded at 16 sites."),
        ("T28", "other-outlet", "kyiv-oblast", "2025-09-28T06:40:00Z", "Kyiv region: 28 wounded, three of them children",
         "Twenty-eight people were wounded in the region during the attack, three children among them, the head of the regional administration said. Four are in hospital in a moderately serious condition. Houses and cars were damaged in the Bila Tserkva and Fastiv districts."),
        ("T28", "revision", "interior-ministry", "2025-09-28T12:00:00Z", "More than 70 injured across Ukraine, over 100 sites damaged",
         "At least four people were killed and more than 70 injured across Ukraine in the overnight attack, the interior minister said, and more than 100 civilian sites were damaged. In the capital a five-storey building was partly destroyed."),
        ("T28", "other-side-claim", "ru-mod", "2025-09-28T09:10:00Z", "Massive strike on airfields and defence plants",
         "The Russian armed forces carried out a massive strike with long-range air- and sea-based precision weapons and attack drones on enterprises of Ukraine's military-industrial complex and on airfields, the defence ministry said on Sunday."),
        ("T28", "other-outlet", "pl-command", "2025-09-28T05:30:00Z", "Polish jets scrambled over south-east",
         "Because of the massed attack by the Russian Federation on western Ukraine, Polish and allied aircraft are operating in our airspace and ground air defences are at the highest readiness. Airspace near Rzeszow and Lublin is closed."),
        # T29 Russia on Ukraine, the night of 4-5 October: Lviv region, Lapaivka.
        ("T29", "wire", "wire-a", "2025-10-05T08:30:00Z", "Family of four among five killed as Russia strikes western Ukraine", OCT05_WIRE),
        ("T29", "copy", "cable-e", "2025-10-05T09:15:00Z", "Lviv hit by biggest attack of war, family killed near city",
         copy(OCT05_WIRE, drop_last=1, credit="(With inputs from agencies)")),
        ("T29", "other-outlet", "lviv-prosecutor", "2025-10-05T06:00:00Z", "Lapaivka: a family of four killed, a 15-year-old girl among them",
         "A residential house in the village of Lapaivka was destroyed by an enemy strike. A family of four died at the scene, a 15-year-old girl among them. Another family member and two women from neighbouring houses are in hospital; three more people were treated at the scene. There were also hits on industrial and energy sites."),
        ("T29", "other-outlet", "lviv-ova", "2025-10-05T05:10:00Z", "Lviv region: two dead, two wounded",
         "As a result of the combined strike by drones and cruise missiles two people died in the region and two were wounded, according to preliminary data, the head of the regional administration said. All services are working. The information is being updated."),
        ("T29", "revision", "ua-outlet", "2025-10-05T11:20:00Z", "A fifth victim found in Lapaivka",
         "A fifth person has been found dead in Lapaivka, the head of civil protection of the regional administration said on the national newscast. A fire also broke out at one of the region's gas storage facilities, and the Sparrow industrial park in Lviv is still burning."),
        ("T29", "other-outlet", "zaporizhzhia-ova", "2025-10-05T06:30:00Z", "Zaporizhzhia: one dead, 73,000 without power",
         "One person was killed in Zaporizhzhia in the night attack, the governor said. Strikes on energy facilities left more than 73,000 customers in the region without electricity."),
        ("T29", "other-side-claim", "ru-mod", "2025-10-05T09:40:00Z", "Strike on gas and energy sites supplying Ukraine's defence industry",
         "Russian forces struck enterprises of Ukraine's military-industrial complex and the gas and energy infrastructure that supplies them, using Kinzhal missiles and attack drones, the defence ministry said on Sunday. All targets were hit."),
        # T30 Russia on Ukraine, the night of 9-10 October: the grid, Kyiv's left bank.
        ("T30", "wire", "wire-b", "2025-10-10T05:30:00Z", "Russian strikes knock out power on Kyiv's left bank", OCT10_WIRE),
        ("T30", "copy", "post-c", "2025-10-10T06:20:00Z", "Kyiv left bank in the dark after massive Russian attack",
         copy(OCT10_WIRE, drop_last=1, credit="Reporting by our Kyiv staff.")),
        ("T30", "other-outlet", "kyiv-kmva", "2025-10-10T00:00:00Z", "Ballistic missile attack on the capital under way",
         "From the explosions just now: a ballistic missile attack is under way. Missiles one after another, air defence is working. In the Pecherskyi district drone debris set fire to the sixth and seventh floors of a 17-storey building, the head of the city military administration said."),
        ("T30", "revision", "kyiv-mayor", "2025-10-10T04:45:00Z", "Kyiv: 12 injured, eight in hospital",
         "The number of people injured in the capital has risen to 12; eight of them are in hospital, the mayor wrote. Because of strikes on critical infrastructure there is no power or water on the left bank. Energy workers will start repairs as soon as it is safe."),
        ("T30", "other-outlet", "zaporizhzhia-ova", "2025-10-10T06:00:00Z", "Seven-year-old boy killed in Zaporizhzhia",
         "Doctors fought for the child's life to the end, but the injuries were too severe: a seven-year-old boy has died, the governor said. Seven more people were injured in the city, a rescuer among them."),
        ("T30", "other-outlet", "energy-ministry", "2025-10-10T07:30:00Z", "Energy minister: a massive strike on energy facilities",
         "The enemy carried out a massive strike on energy facilities in several regions overnight, the energy minister said. Emergency outages were applied in nine regions. Repair crews are working to restore supply, starting with critical infrastructure."),
        ("T30", "follow-up", "ua-outlet", "2025-10-10T18:30:00Z", "President: Friday's strike on energy was cynical and calculated",
         "More than 450 drones and over 30 missiles targeted everything that keeps life normal, the president said on Friday evening, calling the strike on the grid cynical and calculated, and asked the United States, Europe and the G7 for air defence and tougher sanctions."),
        ("T30", "days-later-update", "energy-weekly", "2025-10-12T09:00:00Z", "Kyiv's left bank back on the grid two days after strike",
         "Power and water have returned to most homes on Kyiv's left bank, two days after Friday's Russian missile and drone strike on the capital's energy system, the grid operator said on Sunday, though scheduled outages continue in several regions."),
        # T31 unrelated: talks in Alaska, quoting no night.
        ("T31", "unrelated", "wire-a", "2025-08-16T08:00:00Z", "Alaska summit ends without ceasefire deal",
         "The US and Russian presidents ended their meeting in Anchorage without an agreement on a ceasefire in Ukraine, both said on Friday night. The US president said there was no deal until there was a deal and that he would brief Kyiv and European leaders."),
        ("T31", "unrelated", "daily-b", "2025-08-16T10:30:00Z", "Zelenskiy to visit Washington after Alaska talks",
         "The Ukrainian president said he would travel to Washington on Monday to meet the US president, after the talks between the US and Russian leaders in Alaska produced no ceasefire."),
        # T32 Russia on Ukraine, the night of 11-12 July: the west again, Chernivtsi; three nights after Lutsk.
        ("T32", "same-city-other-day", "wire-a", "2025-07-12T07:40:00Z", "Russia hits western Ukraine with nearly 600 drones, two dead in Chernivtsi",
         "Russia launched 597 drones and 26 missiles at Ukraine overnight, mostly at the west, the president said on Saturday. Two people were killed and 14 injured in Chernivtsi near the Romanian border, and Lviv and Lutsk were also hit hard. In Lviv 46 homes and several public buildings were damaged, the mayor said."),
        ("T32", "other-outlet", "chernivtsi-ova", "2025-07-12T04:30:00Z", "Chernivtsi: two killed by falling debris",
         "Two people died in Chernivtsi from falling debris of enemy targets, a 26-year-old woman and a 43-year-old man, the head of the regional administration said. Four more are seriously injured and doctors are fighting for their lives. Ten residents were treated at the scene."),
        ("T32", "revision", "ua-outlet", "2025-07-12T12:10:00Z", "Chernivtsi: number of injured rises to 26",
         "The number of people injured in the Russian attack on Chernivtsi has risen to 26, the regional administration said; seven are in hospital, three of them in a serious condition. Four Shahed drones and a missile were aimed at the region at dawn."),
        ("T32", "days-later-update", "frontline-g", "2025-07-14T09:00:00Z", "Chernivtsi kindergarten closed after Saturday's strike",
         "A kindergarten damaged in Saturday's Russian strike on Chernivtsi will stay closed and its children will move to nearby schools, the deputy mayor said on Monday. Most of the damage came from missile debris and the blast wave; a nine-storey apartment building took the worst of it."),
        # T33 Russia on Ukraine, the night of 6-7 July: a smaller night.
        ("T33", "wire", "air-force", "2025-07-07T05:20:00Z", "101 drones and four missiles overnight, 75 drones shot down",
         "On the night of 7 July the enemy attacked with 101 Shahed drones and decoys and four missiles. Air defences brought down 75 drones. Hits were recorded in the Kharkiv, Dnipropetrovsk, Sumy and Odesa regions."),
        ("T33", "other-outlet", "ses", "2025-07-07T07:30:00Z", "Four killed in overnight strikes in four regions",
         "Two people were killed in the Sumy region, one in the Odesa region and one in the Kherson region in the overnight attacks, the emergency service said. More than 30 people were wounded, most of them in the Kharkiv and Dnipropetrovsk regions, and residents of a damaged block in Kharkiv were evacuated."),
        ("T33", "copy", "post-c", "2025-07-07T08:20:00Z", "Russia fires 101 drones at Ukraine overnight",
         "The enemy attacked with 101 Shahed drones and decoys and four missiles overnight, Ukraine's air force said, and 75 drones were brought down. Hits were recorded in the Kharkiv, Dnipropetrovsk, Sumy and Odesa regions. Reporting by our Kyiv staff."),
        # T34 a daytime strike after that night: Zaporizhzhia, late morning of 7 July.
        ("T34", "same-day-other-strike", "zaporizhzhia-ova", "2025-07-07T08:30:00Z", "Zaporizhzhia: six Shahed hits, eight wounded",
         "The enemy struck Zaporizhzhia six times with Shahed drones this morning, the head of the regional administration said. Apartment and private houses, university buildings and a student dormitory were damaged. Eight people were wounded and taken to hospital."),
        ("T34", "same-day-other-strike", "ua-outlet", "2025-07-07T09:20:00Z", "Daytime drone strike on Zaporizhzhia: 11 injured",
         "The number of people hurt in the late-morning drone strike on Zaporizhzhia rose to 11 by noon, the governor said; three were treated at the scene and the rest are in hospital in a moderate condition. University buildings and a dormitory were among the sites hit."),
        # T35 Ukraine on Russia, the night of 27-28 September: Belgorod.
        ("T35", "same-night-other-attack", "belgorod-gov", "2025-09-28T05:00:00Z", "Belgorod: strike on an energy facility, power cuts",
         "The enemy struck an energy facility in Belgorod during the night. Parts of the city and the district are without electricity and water; repair crews will start work as soon as it is safe, the governor wrote."),
        ("T35", "same-night-other-attack", "ua-outlet", "2025-09-28T10:00:00Z", "Belgorod thermal power plant reportedly hit by HIMARS",
         "A thermal power plant in Belgorod was reportedly struck by Ukrainian HIMARS rockets overnight, Russian Telegram channels said, and the regional governor reported power cuts in the city. Ukraine's General Staff did not comment."),
        # T36 unrelated the same day as the 12-hour attack: Tomahawks.
        ("T36", "unrelated", "wire-a", "2025-09-28T16:00:00Z", "Trump to make 'final determination' on Tomahawks for Ukraine, Vance says",
         "The US president will make the final decision on whether to supply Ukraine with long-range Tomahawk cruise missiles through European allies, the vice-president said on Sunday, adding that Russia had refused to engage in peace talks."),
        ("T36", "unrelated", "daily-b", "2025-09-28T18:10:00Z", "Kyiv presses Washington on long-range missiles",
         "Ukraine asked again on Sunday for Tomahawk missiles, which would put Moscow within range, after the US vice-president said the president would make a final determination. Ukraine and the United States are also preparing large arms deals, the Ukrainian president said."),
        # T37 unrelated: the gas fields, a feature quoting an earlier strike.
        ("T37", "unrelated", "wire-c", "2025-10-08T10:00:00Z", "Russian strikes have knocked out over half of Ukraine's gas output",
         "Russian missile and drone strikes have put more than half of Ukraine's natural gas production out of action, people familiar with the matter said, after the attack of 3 October, when 35 missiles and 60 drones hit gas facilities in the Kharkiv and Poltava regions. Ukraine will have to import more gas before winter."),
        ("T37", "unrelated", "energy-weekly", "2025-10-08T14:00:00Z", "Naftogaz seeks gas imports as production falls",
         "Naftogaz is asking European partners for money to buy about 4.4 billion cubic metres of imported gas for the winter, the company said, after Russian strikes on its production sites in the east this autumn."),
        # T38 unrelated: weapons and a deadline, quoting the record nights.
        ("T38", "unrelated", "wire-a", "2025-07-14T18:00:00Z", "Trump promises Patriots for Ukraine, gives Russia 50 days",
         "The US president said on Monday that European allies would buy Patriot air defence systems and other US weapons for Ukraine, and threatened tariffs of up to 100% on buyers of Russian exports if there was no peace deal in 50 days. Russia fired a record 728 drones at Ukraine last week."),
        ("T38", "unrelated", "post-c", "2025-07-14T19:30:00Z", "Patriots via NATO and a 50-day ultimatum",
         "European allies will pay for Patriot systems sent to Ukraine, the US president said alongside NATO's secretary general at the White House, and Russia has 50 days to agree a deal or face secondary tariffs. Reporting by our Washington staff."),
        # more days-later updates for stories above
        ("T22", "days-later-update", "daily-b", "2025-08-30T09:00:00Z", "Kyiv toll reaches 25 as another victim dies",
         "The number of people killed in Thursday's Russian attack on Kyiv has reached 25, four of them children, after a wounded man died in hospital, the city administration said on Saturday. The Darnytskyi district buried several of the dead on Friday."),
        ("T28", "days-later-update", "africa-h", "2025-09-29T08:00:00Z", "Four killed and over 70 hurt in Russian strike across Kyiv",
         "Ukraine's interior ministry said on Monday that Sunday's Russian assault on Kyiv and several regions injured more than 70 people and damaged more than 100 civilian sites; four people died in the capital. Air defences intercepted or jammed 566 drones and 45 missiles, the air force said."),
        ("T29", "days-later-update", "ua-outlet", "2025-10-06T10:00:00Z", "Lapaivka buries the family killed by Sunday's strike",
         "Residents of Lapaivka near Lviv said goodbye on Monday to the four members of one family killed when a Russian missile or drone destroyed their house on Sunday. The region counts five dead from the attack, and the fire at the gas storage site has been put out."),
    ]  # fmt: skip


def reports() -> list[dict[str, str]]:
    return [
        {"id": f"dev2-{n:03d}", "story": story, "case": case, "source": source, "published": published,
         "title": title, "text": text}
        for n, (story, case, source, published, title, text) in enumerate(rows())
    ]  # fmt: skip


def main() -> None:
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports()), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
