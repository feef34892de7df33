"""impactkit — werken met de Impactmonitor huiselijk geweld en kindermishandeling.

The public API uses the users' own (Dutch) words:

>>> import impactkit as ik
>>> ik.regio("Zaanstreek-Waterland").code
'VT22'
>>> round(ik.waarde("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1"), 1)
55.6

Practice data ('oefendata') are synthetic: every row says so in ``herkomst``.
"""

from .cbs import haal_op, laad_cbs, lees_statline_csv, maak_vergelijkbaar
from .fouten import (
    DataFout,
    GeenWaarde,
    ImpactkitFout,
    OnbekendeIndicator,
    OnbekendeRegio,
    OngeldigePeriode,
)
from .indicatoren import (
    Indicator,
    catalogus,
    indicator,
    overzicht,
    selecteer,
    vergeet_lokale_indicatoren,
    zoek,
)
from .laden import laad, lees_csv
from .lokaal import lokale_indicatoren
from .onderdrukking import onderdruk
from .opvragen import doorsnede, reeks, verdeling, waarde
from .perioden import Periode, periode
from .regios import Regio, cohortregios, gemeente_regio, gemeenten, regio, regios

__version__ = "0.1.0"

__all__ = [
    "DataFout",
    "GeenWaarde",
    "ImpactkitFout",
    "Indicator",
    "OnbekendeIndicator",
    "OnbekendeRegio",
    "OngeldigePeriode",
    "Periode",
    "Regio",
    "catalogus",
    "cohortregios",
    "doorsnede",
    "gemeente_regio",
    "haal_op",
    "gemeenten",
    "indicator",
    "laad",
    "laad_cbs",
    "lees_csv",
    "lees_statline_csv",
    "lokale_indicatoren",
    "maak_vergelijkbaar",
    "onderdruk",
    "overzicht",
    "periode",
    "reeks",
    "regio",
    "regios",
    "selecteer",
    "verdeling",
    "vergeet_lokale_indicatoren",
    "waarde",
    "zoek",
]
