"""The calibration targets of the practice data (see :mod:`impactkit.bronnen.oefendata`).

National half-year totals, published category shares and the figures of the worked example that
:func:`impactkit.bronnen.oefendata.genereer` reproduces; ``tests/test_oefendata.py`` checks each.
"""

from __future__ import annotations

import numpy as np

from ..perioden import halfjaren
from ..regioindeling import COHORTREGIOS

# The half-years of the practice data; every series of twelve values below follows them.
PERIODEN = halfjaren("2019H1", "2024H2")

# -- National half-year totals (targets) -------------------------------------------------------
# 2019H1-2022H1: CBS Impactmonitor 2022, tabel 4.1. 2023: StatLine 84849NED year totals
# (adviezen 143.210, meldingen 127.340), split over the half-years here. 2024H1: CBS news
# ('75 duizend' adviezen, '64 duizend' meldingen). 2022H2 and 2024H2 are invented.
LANDELIJK_TOTAAL: dict[str, list[int]] = {
    "adviezen": [
        53145,
        54540,
        58575,
        63475,
        67545,
        66625,
        66155,
        68000,
        70600,
        72610,
        75000,
        76500,
    ],
    "meldingen": [
        65075,
        66730,
        64505,
        62910,
        60880,
        58500,
        59985,
        61500,
        63000,
        64340,
        64000,
        64800,
    ],
    # Started OTS: CBS jeugdbescherming (2019H1 4730, 2019 9344, 2020H1 4355, 2020 8753, 2021H1
    # 4445, 2021 8289, 2022H1 3335, 2022 6500, 2023H1 3280), H2 = year - H1, rounded to 5.
    "ots": [4730, 4615, 4355, 4400, 4445, 3845, 3335, 3165, 3280, 3200, 3150, 3100],
    # Invented: no published half-year figures in our reference data.
    "rvdk_onderzoeken": [5210, 5105, 4890, 4955, 4820, 4700, 4615, 4580, 4490, 4435, 4400, 4380],
    "tijdelijk_huisverbod": [
        1985,
        2040,
        2160,
        2115,
        2010,
        1950,
        1920,
        1965,
        1990,
        2005,
        2030,
        2050,
    ],
}

# Region values fixed by a published figure or by the worked example (code, period, value).
# A year target ("2023") is split over its half-years.
VASTE_REGIOWAARDEN: dict[str, list[tuple[str, str, int]]] = {
    "meldingen": [
        # Chosen so 55,6 %, 61 % and 1,4 % come out exactly from counts that are multiples of 5
        # (820, 900 and 20), and so there are enough casussen for 0,7 % RvdK (see CASUSSEN_VAST).
        ("VT22", "2021H1", 1475),
        # Keeps the peak of the example's rise at 58,3 % (825/1415), as in earlier versions.
        ("VT22", "2020H2", 1415),
        ("VT07", "2022H1", 825),  # fits hermeldingen 20,6 % (170/825)
        ("VT25", "2022H1", 2000),  # fits hermeldingen 52,5 % (1050/2000)
        ("VT02", "2023", 1905),  # StatLine 84849NED, Drenthe (VT) 2023*
        ("VT05", "2023", 3060),  # StatLine 84852NED, Gelderland-Midden (VT) 2023*
        ("VT06", "2023", 2695),  # StatLine 84852NED, Gelderland-Zuid (VT) 2023*
        ("VT14", "2023", 2810),  # StatLine 84852NED, Noord- en Oost-Gelderland (VT) 2023*
    ],
    "adviezen": [
        # No published figure: kept from earlier versions so Zaanstreek-Waterland's adviezen
        # do not move (it was once part of a wrong noemer for the overdracht shares).
        ("VT22", "2021H1", 1700),
        ("VT02", "2023", 2960),  # StatLine 84849NED, Drenthe (VT) 2023*
    ],
    "ots": [("VT22", "2021H1", 75)],  # 75 / 339.925 * 10.000 = 2,2
}

# -- Category shares (national targets, in %) ---------------------------------------------------
ADVIESVRAGER = [
    "Preventieve basisvoorzieningen",
    "Huisarts",
    "Overig gezondheidszorg",
    "GGZ",
    "Kinderopvang",
    "Onderwijs",
    "Jeugdhulp/zorg",
    "Politie",
    "Justitie en veiligheid, exclusief politie",
    "Maatschappelijk werk",
    "Beroepsmatig overig",
    "Burger",
    "Onbekend",
]
# CBS Impactmonitor 2022, figuur 4.2 (gestarte adviezen naar organisatie adviesvrager).
ADVIESVRAGER_GEPUBLICEERD = {
    "2020H1": [2.1, 2.7, 4.4, 5.4, 1.3, 8.8, 9.0, 2.9, 3.3, 7.0, 8.7, 42.9, 1.5],
    "2021H1": [1.9, 2.2, 4.2, 4.6, 1.2, 8.6, 7.4, 3.6, 3.4, 6.6, 10.7, 44.8, 0.9],
    "2022H1": [1.9, 2.3, 4.3, 4.6, 1.4, 8.9, 7.7, 4.6, 2.6, 6.4, 11.4, 42.8, 1.1],
}
MELDER = [
    "Politie",
    "Justitie overig",
    "Gezondheidszorg",
    "Onderwijs",
    "Jeugdhulp/zorg",
    "Kinderopvang",
    "Maatschappelijk werk",
    "Beroepsmatig overig",
    "Burger",
    "Onbekend",
]
MELDER_OVERIG = [3.5, 8.0, 4.0, 2.5, 0.5, 3.0, 4.0, 8.5, 1.4]  # relative weights after Politie
# Series of twelve values are one value per half-year, 2019H1 to 2024H2: kept as rows
# (fmt: skip) so a half-year can be found by its position.
# Police share of meldingen per half-year: 44.200 of 66.730 in 2019H2 ('ruim 44 duizend'),
# 38.100 of 58.500 in 2021H2 ('ruim 38 duizend', -14 %), 'bijna 65 procent' over 2021.
POLITIE_AANDEEL = [0.655, 0.6624, 0.650, 0.648, 0.6405, 0.6513, 0.650, 0.648, 0.645, 0.643,
                   0.640, 0.638]  # fmt: skip
DUUR = [
    "≤ 1 week",
    "1 week – 1 maand",
    "1 – 6 maanden",
    "6 maanden – 1 jaar",
    "1 – 5 jaar",
    "> 5 jaar",
]
DUUR_MELDINGEN = [55.0, 8.0, 10.0, 7.0, 12.0, 8.0]
DUUR_ADVIEZEN = [35.0, 10.0, 15.0, 10.0, 18.0, 12.0]
ZW_DUUR = np.array([60.0, 8.5, 10.5, 7.0, 12.5, 1.5])
AARD = [
    "Kindermishandeling",
    "(Ex-)partnergeweld",
    "Ouderenmishandeling",
    "Geweld tegen ouders",
    "Huiselijk geweld overig",
    "Onbekend",
]
AARD_AANDELEN = [47.0, 38.0, 2.0, 4.0, 6.0, 3.0]
VERVOLG = [
    "Vervolgstappen bij Veilig Thuis",
    "Overdracht",
    "Geen vervolgstappen nodig",
    "Inzet regionaal maatwerk",
    "Nog niet beoordeeld",
]
VERVOLG_AANDELEN = [44.0, 47.0, 3.0, 2.0, 4.0]

# Share of meldingen with acute and/or structural unsafety. Nederland 2021H1 = 42,8 % (worked
# example); Zaanstreek-Waterland rises more steeply up to 2020H2 and falls after.
ONVEILIG_NL = [0.405, 0.410, 0.416, 0.437, 0.428, 0.425, 0.421, 0.418, 0.415, 0.411, 0.406, 0.402]
ONVEILIG_ZW = [0.492, 0.515, 0.541, 825 / 1415, 820 / 1475, 0.531, 0.517, 0.503, 0.494, 0.487, 0.481,
               0.476]  # fmt: skip
# Acute unsafety: ~5 % of meldingen in 2021 (CBS); 45 % of those are also structurally unsafe,
# so structureel = onveilig - acuut + beide is ~40 % in 2021 (CBS: 40 %).
ACUUT_NL = [0.046, 0.047, 0.049, 0.052, 0.050, 0.050, 0.051, 0.051, 0.052, 0.052, 0.053, 0.053]
ACUUT_OOK_STRUCTUREEL = 0.45
# Hermeldingen, from 2020H1 (85361NED starts in 2020). 38 % in 2022H1 (CBS).
HERMELDINGEN_NL = [np.nan, np.nan, 0.361, 0.366, 0.371, 0.376, 0.380, 0.380, 0.381, 0.381,
                   0.383, 0.384]  # fmt: skip
HERMELDINGEN_VAST = {"VT07": 170 / 825, "VT25": 1050 / 2000}  # 2022H1 lowest and highest
# Casussen with at least one received melding, per melding. CBS 84851NED, Drenthe (VT) 2023:
# 1.495 casussen and 1.905 meldingen; no national total is published in our reference data, so
# Drenthe's ratio is used as the national level.
CASUSSEN_GEPUBLICEERD = {"VT02": ("2023", 1495)}
CASUSSEN_PER_MELDING_NL = 0.785  # 1495 / 1905 = 0,7848
# Zaanstreek-Waterland 2021H1: 10 RvdK-overdrachten of 1.350 casussen = 0,7 % (worked example).
# 10 is the smallest count that is shown, so the region needs 1.335 to 1.535 casussen; it keeps
# a high ratio in every period so its series has no jump.
CASUSSEN_VAST = {**CASUSSEN_GEPUBLICEERD, "VT22": ("2021H1", 1350)}
CASUSSEN_PER_MELDING_ZW = 0.915
# Overdracht as a share of the casussen (invented; OM and RvdK around 1-2 %).
OVERDRACHT_NL = {"rvdk": 0.0150, "om": 0.0100, "politie": 0.0290}
REGIO_INDICATOREN_COHORT = COHORTREGIOS
