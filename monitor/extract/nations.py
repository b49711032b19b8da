"""Nations: demonyms, plural people nouns and country names, each to one canonical demonym."""

from __future__ import annotations

#: Nationality adjectives (and plural people nouns) to canonical demonyms.
DEMONYMS: dict[tuple[str, ...], str] = {}
#: Country names to canonical demonyms, for "soldiers from Nepal" or "North Korea's troops".
COUNTRIES: dict[tuple[str, ...], str] = {}

_NATIONS = (
    # demonym | adjective aliases | plural people nouns | country names
    "North Korean|north korean|north koreans|north korea,pyongyang,dprk",
    "South Korean|south korean|south koreans|south korea",
    "Yemeni|yemeni|yemenis|yemen",
    "Nepali|nepali,nepalese|nepalis|nepal",
    "Indian|indian|indians|india",
    "Cuban|cuban|cubans|cuba,havana",
    "Sri Lankan|sri lankan|sri lankans|sri lanka",
    "Chinese|chinese||china,beijing",
    "Syrian|syrian|syrians|syria",
    "Somali|somali,somalian|somalis|somalia",
    "Iranian|iranian|iranians|iran,tehran",
    "Belarusian|belarusian|belarusians|belarus,minsk",
    "Afghan|afghan|afghans|afghanistan",
    "Tajik|tajik|tajiks|tajikistan",
    "Uzbek|uzbek|uzbeks|uzbekistan",
    "Kazakh|kazakh|kazakhs|kazakhstan",
    "Kyrgyz|kyrgyz||kyrgyzstan",
    "Egyptian|egyptian|egyptians|egypt",
    "Iraqi|iraqi|iraqis|iraq",
    "Serbian|serbian,serb|serbs|serbia",
    "Georgian|georgian|georgians|georgia",
    "Colombian|colombian|colombians|colombia",
    "Brazilian|brazilian|brazilians|brazil",
    "Central African|central african||central african republic",
    "British|british,uk,u.k|britons|britain,united kingdom,london",
    "French|french||france,paris",
    "German|german|germans|germany,berlin",
    "Polish|polish|poles|poland,warsaw",
    "American|american,us,u.s|americans|united states,usa,u.s.a,america,washington",
    "Canadian|canadian|canadians|canada",
    "Italian|italian|italians|italy",
    "Dutch|dutch||netherlands",
    "Danish|danish|danes|denmark",
    "Swedish|swedish|swedes|sweden",
    "Norwegian|norwegian|norwegians|norway",
    "Finnish|finnish|finns|finland",
    "Estonian|estonian|estonians|estonia",
    "Latvian|latvian|latvians|latvia",
    "Lithuanian|lithuanian|lithuanians|lithuania",
    "Romanian|romanian|romanians|romania",
    "Irish|irish||ireland",
    "Australian|australian|australians|australia",
    "Belgian|belgian|belgians|belgium",
    "Spanish|spanish||spain",
    "Turkish|turkish||turkey",
    "Japanese|japanese||japan",
    "Czech|czech|czechs|czech republic,czechia",
    "Hungarian|hungarian|hungarians|hungary",
    "Bulgarian|bulgarian|bulgarians|bulgaria",
    "Moldovan|moldovan|moldovans|moldova",
    "Portuguese|portuguese||portugal",
    "Slovak|slovak|slovaks|slovakia",
)


def _load_nations() -> None:
    for row in _NATIONS:
        name, adjectives, people, countries = row.split("|")
        for alias in (*adjectives.split(","), *people.split(",")):
            if alias:
                DEMONYMS[tuple(alias.split())] = name
        for alias in countries.split(","):
            COUNTRIES[tuple(alias.split())] = name


_load_nations()

#: Plural people nouns ("Yemenis") that name fighters only in a troop context.
PEOPLE_DEMONYMS = frozenset(
    key for row in _NATIONS for key in (tuple(p.split()) for p in row.split("|")[2].split(",")) if key
)
