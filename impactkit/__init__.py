"""impactkit — werken met de Impactmonitor huiselijk geweld en kindermishandeling.

One import gives the whole public surface, in the users' own (Dutch) words:

>>> import impactkit as ik
>>> ik.regio("Zaanstreek-Waterland").code
'VT22'
>>> round(ik.waarde("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1"), 1)
55.6
>>> ik.vergelijk("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")["vergelijking"].iloc[0]
'landelijk'

Charts live under one name, ``ik.grafieken`` (``ik.grafieken.trechter(...)``), and the
statistics under ``ik.statistiek``; ``__all__`` below is the documented surface (see the API
reference in the handbook's chapter for analysts).

Practice data ('oefendata') are synthetic: every row says so in ``herkomst``.

The table ``_OPENBAAR`` maps each public name to the module that defines it; a name is imported
on first use (PEP 562), so ``import impactkit`` and the command line start fast, and the charts
(Altair) and statistics (SciPy) load only when they are used.
"""

from __future__ import annotations

import importlib

from .versie import __version__

_OPENBAAR: dict[str, str] = {
    # data: loading, sources and queries
    "laad": "laden",
    "lees_csv": "bronnen.eigen_bestand",
    "lees_statline_csv": "bronnen.statline_csv",
    "laad_cbs": "bronnen.cbs_odata",
    "haal_op": "bronnen.cbs_odata",
    "data_ophalen": "bronnen.cbs_odata",
    "koppeling": "bronnen.cbs_koppeling",
    "controleer_koppeling": "bronnen.cbs_koppeling",
    "uitleg_tabel": "bronnen.cbs_uitleg",
    "lokale_indicatoren": "bronnen.lokaal",
    "lees_lokale_indicatoren": "bronnen.lokaal",
    "waarde": "opvragen",
    "reeks": "opvragen",
    "doorsnede": "opvragen",
    "verdeling": "opvragen",
    "laatste_periode": "opvragen",
    "onderdruk": "onderdrukking",
    "GRENS": "onderdrukking",
    # catalogue, regions, periods
    "catalogus": "indicatoren",
    "indicator": "indicatoren",
    "Indicator": "indicatoren",
    "overzicht": "indicatoren",
    "selecteer": "indicatoren",
    "zoek": "indicatoren",
    "vergeet_lokale_indicatoren": "indicatoren",
    "regio": "regioindeling",
    "Regio": "regioindeling",
    "regios": "regioindeling",
    "regionaam": "regioindeling",
    "gemeenten": "regioindeling",
    "gemeente_regio": "regioindeling",
    "cohortregios": "regioindeling",
    "regio_overgangen": "regioindeling",
    "maak_vergelijkbaar": "regioindeling",
    "periode": "perioden",
    "Periode": "perioden",
    "halfjaren": "perioden",
    # comparing, analysing, interpreting
    "vergelijk": "vergelijken",
    "Drempels": "oordelen",
    "met_intervallen": "vergelijken",
    "trechtercijfers": "spreiding_regios",
    "lees_normen": "bronnen.normen",
    "analyseer": "bevindingen",
    "verloop": "ontwikkeling",
    "verschil_in_verschillen": "ontwikkeling",
    "toeval_tekst": "bevindingen",
    "toeval_techniek": "bevindingen",
    "beantwoord": "synthese",
    "Synthese": "synthese",
    "antwoord_markdown": "synthese",
    "synthese_markdown": "synthese",
    "oordeel": "oordelen",
    "samenvatting": "bevindingen",
    "vragen_bij": "vragen",
    "statistiek": "statistiek",
    # the step plan, the workbook and the batch
    "Stappenplan": "stappenplan",
    "lees_deelvragen": "stappenplan",
    "deelvragen_als_tekst": "stappenplan",
    "STAPPEN": "stappenplan",
    "startvragen": "startvraagbank",
    "startvraag": "startvraagbank",
    "Startvraag": "startvraagbank",
    "Werkboek": "werkboek",
    "voorbereiden": "werkboek",
    "koptekst": "werkboek",
    "schrijf_samenvatting": "werkboek",
    "samenvatting_tekst": "werkboek",
    "deelvragen_tabel": "werkboek",
    "kerncijfers": "werkboek",
    "duiding_sjabloon": "werkboek",
    "toon": "werkboek",
    "keuzepaneel": "widgets",
    "draai_batch": "batch",
    # charts and numbers in Dutch
    "grafieken": "grafieken",
    "bewaar": "grafieken",
    "bewaar_alles": "grafieken",
    "getal": "opmaak",
    "met_eenheid": "opmaak",
    # errors
    "ImpactkitFout": "fouten",
    "DataFout": "fouten",
    "GeenWaarde": "fouten",
    "OnbekendeIndicator": "fouten",
    "OnbekendeRegio": "fouten",
    "OngeldigePeriode": "fouten",
    "OnbekendeKeuze": "fouten",
    "OngeldigeInvoer": "fouten",
    "CBSNietBereikbaar": "fouten",
}

__all__ = [*_OPENBAAR, "__version__"]


def __getattr__(naam: str):
    module = _OPENBAAR.get(naam)
    if module is None:
        raise AttributeError(f"module 'impactkit' has no attribute {naam!r}")
    geladen = importlib.import_module(f".{module}", __name__)
    waarde = geladen if naam == module else getattr(geladen, naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
