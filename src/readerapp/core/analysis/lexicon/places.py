"""Places: countries, continents, US states and their abbreviations, as general knowledge.

A place is a setting, not a party to an allegation: 'fraud in New York' accuses nobody in
New York. The rules still let a place be the subject that acts ('China hacked …', 'X
accused China of …'); they only stop a place found by scanning a sentence for names from
being taken as the accused.
"""

from __future__ import annotations

import re

_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chile|
China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|
Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|
Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|
Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|
Ivory Coast|Jamaica|Japan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|
Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|
Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|
Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|
Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|
Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|
South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|
United Arab Emirates|United Kingdom|Great Britain|Britain|England|Scotland|Wales|
Northern Ireland|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|
Africa|Asia|Europe|North America|South America|Latin America|Antarctica|Oceania|
Middle East|Scandinavia|Caribbean|Balkans
"""
_US_STATES = """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|
Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|
Wyoming|States|United States|U.S.|U.S.A.|USA|America
"""
# AP and postal abbreviations of US states, as party tags write them ('R-S.C.', 'D-Calif.').
_STATE_ABBREVIATIONS = """
Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Kans.|Ky.|La.|Md.|Mass.|
Mich.|Minn.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|
S.C.|S.D.|Tenn.|Tex.|Vt.|Va.|Wash.|W.Va.|Wis.|Wyo.|D.C.
"""


def _forms(block: str) -> frozenset[str]:
    return frozenset(
        form.strip().casefold() for form in block.replace("\n", "").split("|") if form.strip()
    )


PLACE_NAMES = _forms(_COUNTRIES) | _forms(_US_STATES) | _forms(_STATE_ABBREVIATIONS)
# A single capital letter: the party in 'R-S.C.' or an initial standing alone.
LONE_INITIAL = re.compile(r"[A-Z]\.?")


def is_place_name(name: str) -> bool:
    """'South Africa', 'the United Kingdom', 'Wisconsin', 'S.C.': a place, not a party."""
    form = re.sub(r"^(?:the|The)\s+", "", name.strip()).casefold()
    return form in PLACE_NAMES or LONE_INITIAL.fullmatch(name.strip()) is not None
