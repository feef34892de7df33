"""Tables for the step-plan notebook in words a reader knows, and the verdicts for the overview.

The notebook shows these tables; the report takes them over as they are shown
(:mod:`impactkit.rapport.pagina`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

VERGELIJKING_LABELS = {
    "landelijk": "Met Nederland",
    "regios": "Met alle regio's",
    "vergelijkbaar": "Met regio's van vergelijkbare omvang",
    "vorige_periode": "Met de vorige periode",
    "jaar_eerder": "Met een jaar eerder",
    "trend": "Trend over alle perioden (verandering per jaar)",
    "verloop": "Verloop tegenover het land",
    "norm": "Met de eigen norm",
}
"""Dutch labels for the comparison keys of :func:`impactkit.vergelijken.vergelijk`."""

DEELVRAAG_KOLOMMEN = {
    "deelvraag": "Deelvraag",
    "indicator": "Indicator",
    "categorie": "Categorie",
    "eenheid": "Eenheid",
    "bron": "Bron",
    "waarom": "Waarom deze indicator",
    "waarom_deelvraag": "Waarom deze indicatoren de deelvraag beantwoorden",
}


def _periode_label(tekst: object) -> str:
    from ..perioden import Periode

    if tekst is None or str(tekst) in ("<NA>", "nan", "None", ""):
        return "–"

    def label(m: re.Match) -> str:
        try:
            return Periode.parse(m.group(0)).label
        except Exception:  # noqa: BLE001 - not a period after all: keep the text
            return m.group(0)

    return re.sub(r"\b\d{4}H[12]\b", label, str(tekst))


def vergelijkingen_tabel(v):
    """All comparisons of one indicator in words: Dutch labels, units, interval, verdict.

    ``v`` is the table of :func:`impactkit.vergelijken.vergelijk`; every cell of the result is
    text in Dutch number formatting, so no raw key or ``<NA>`` reaches a reader.
    """
    import pandas as pd

    from ..opmaak import EENHEID_DECIMALEN, met_eenheid
    from ..opmaak import getal as getal_tekst

    def getal(x: object, eenheid: str) -> str:
        return "–" if x is None or pd.isna(x) else met_eenheid(float(x), eenheid)

    rijen = []
    for r in v.itertuples(index=False):
        eenheid = str(r.eenheid)
        verschil = "–"
        if r.verschil is not None and not pd.isna(r.verschil):
            teken = "+" if r.verschil > 0 else ""
            verschil = teken + getal(r.verschil, eenheid).replace("%", " procentpunt")
            verschil = verschil.replace("-", "\u2212", 1)  # the minus sign, as in the text
        interval = "–"
        if not (pd.isna(r.laag) or pd.isna(r.hoog)):
            laag = getal_tekst(float(r.laag), EENHEID_DECIMALEN.get(eenheid, 1))
            interval = f"{laag} – {getal(r.hoog, eenheid)}"
        rijen.append(
            {
                "Vergelijking": VERGELIJKING_LABELS.get(str(r.vergelijking), str(r.vergelijking)),
                "Referentie": _periode_label(r.referentie),
                "Waarde": getal(r.waarde, eenheid),
                "95%-interval": interval,
                "Referentiewaarde": getal(r.referentiewaarde, eenheid),
                "Verschil": verschil,
                "Oordeel": _oordeel_met_reden(r),
            }
        )
    return pd.DataFrame(rijen)


GEEN_TOETS_REDEN = {
    "vergelijkbaar": "de mediaan van een groep regio's, alleen om naast elkaar te leggen",
    "regios": "de mediaan van alle regio's, alleen om naast elkaar te leggen",
}


def _oordeel_met_reden(r) -> str:
    """The verdict; 'geen toets mogelijk' says why."""
    oordeel = str(r.oordeel)
    if oordeel != "geen toets mogelijk":
        return oordeel
    reden = GEEN_TOETS_REDEN.get(str(r.vergelijking))
    if reden is None and str(getattr(r, "eenheid", "")) == "aantal":
        reden = "een aantal hangt af van het aantal inwoners; vergelijk per inwoner"
    return f"{oordeel} ({reden})" if reden else oordeel


def deelvragen_weergave(tabel):
    """The deelvragen table with Dutch column headings and no empty columns."""
    uit = tabel.rename(columns=DEELVRAAG_KOLOMMEN)
    leeg = [k for k in uit.columns if (uit[k].astype(str).str.strip() == "").all()]
    return uit.drop(columns=leeg)


def bewaar_oordelen(wb, bevindingen) -> Path | None:
    """Write ``oordelen.json`` next to the summary: per indicator the verdict against Nederland.

    The batch's overview page draws its region x indicator table from it.
    """
    import pandas as pd

    from ..indicatoren import indicator

    if wb.uitvoer is None:
        return None
    landelijk = bevindingen[bevindingen["vergelijking"] == "landelijk"]
    rijen = []
    for item in wb.plan.indicatoren():
        ind_id, cat = (item, None) if isinstance(item, str) else item
        deel = landelijk[
            (landelijk["indicator"] == ind_id) & (landelijk["categorie"].fillna("") == (cat or ""))
        ]
        naam = indicator(ind_id).naam + (f" ({cat})" if cat else "")
        oordeel = str(deel["oordeel"].iloc[0]) if len(deel) else "geen gegevens"
        waarde = deel["waarde"].iloc[0] if len(deel) else None
        rijen.append(
            {
                "indicator": ind_id,
                "categorie": cat,
                "naam": naam,
                "oordeel": oordeel,
                "waarde": None if waarde is None or pd.isna(waarde) else float(waarde),
            }
        )
    doel = wb.uitvoer / "oordelen.json"
    doel.write_text(json.dumps(rijen, ensure_ascii=False, indent=2), encoding="utf-8")
    return doel
