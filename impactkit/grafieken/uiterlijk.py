"""The charts' shared look and words: theme, colours, captions, source lines and helpers.

The helpers (without an underscore) are shared by the chart modules of this package; they are
not part of :mod:`impactkit.grafieken`'s public surface (its ``__all__``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from ..fouten import GeenWaarde
from ..indicatoren import Indicator
from ..laden import laad
from ..oordelen import (
    BINNEN_SPREIDING,
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    ONZEKER_NORM,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    VOLDOET,
    VOLDOET_NIET,
)
from ..opmaak import D3_FORMAAT, VEGA_LOCALE
from ..opvragen import reeks
from ..perioden import Periode
from ..regioindeling import NEDERLAND, Regio

# -- Theme ----------------------------------------------------------------------------------------
ACCENT = "#D55E00"  # Okabe-Ito vermilion: the chosen region
LANDELIJK = "#0072B2"  # Okabe-Ito blue: Nederland
OVERIG = "#8C8C8C"  # other regions: 3,4:1 on white (graphics need 3:1; #BBBBBB had 1,9:1)
ONDERDRUKT_KLEUR = "#E4E4E4"  # suppressed or missing on the map
TEKST_KLEUR = "#333333"
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
# Map values: a blue ramp whose lightest colour still has 3,4:1 on white (WCAG 1.4.11);
# the 'blues' scheme started at #F7FBFF (1,0:1).
KAART_KLEUREN = ["#4292C6", "#08306B"]
RAND_KLEUR = "#595959"  # region borders on the verdict map: 7,0:1 on white
MARKERING_KLEUR = "#4D4D4D"  # the analysed period in a time series: 8,5:1 on white
OORDEEL_STIJL: dict[str, dict[str, str]] = {
    OPVALLEND_HOGER: {"kleur": ACCENT, "vorm": "triangle-up", "teken": "▲", "vulling": ACCENT},
    OPVALLEND_LAGER: {
        "kleur": LANDELIJK,
        "vorm": "triangle-down",
        "teken": "▼",
        "vulling": LANDELIJK,
    },
    KLEIN_VERSCHIL: {"kleur": "#595959", "vorm": "circle", "teken": "●", "vulling": "#8C8C8C"},
    MOGELIJK_TOEVAL: {"kleur": "#595959", "vorm": "circle", "teken": "○", "vulling": "#E3E3E3"},
    BINNEN_SPREIDING: {"kleur": "#595959", "vorm": "circle", "teken": "◐", "vulling": "#BDBDBD"},
    GEEN_VERSCHIL: {"kleur": "#595959", "vorm": "circle", "teken": "○", "vulling": "#E3E3E3"},
    GEEN_TOETS: {"kleur": "#595959", "vorm": "diamond", "teken": "◇", "vulling": "#E3E3E3"},
    GEEN_GEGEVENS: {"kleur": "#595959", "vorm": "cross", "teken": "–", "vulling": "#FFFFFF"},
    VOLDOET: {"kleur": "#009E73", "vorm": "square", "teken": "■", "vulling": "#009E73"},
    VOLDOET_NIET: {"kleur": ACCENT, "vorm": "square", "teken": "□", "vulling": ACCENT},
    ONZEKER_NORM: {"kleur": "#595959", "vorm": "diamond", "teken": "◇", "vulling": "#E3E3E3"},
}
"""How each verdict looks, everywhere: ``kleur`` for a marker (at least 3:1 on white), ``vorm``
(a Vega-Lite shape), ``teken`` (the same shape as a text character) and ``vulling`` (the fill of
a map area). The word itself is always shown too: colour never carries a verdict alone."""

CATEGORIE_KLEUREN = [*OKABE_ITO, "#999999", "#6B4E16"]  # ten categories at most in the catalogue
LETTERTYPE = "Arial, Helvetica, 'DejaVu Sans', sans-serif"

BRON_CBS = "Bron: CBS Impactmonitor"
BRON_EIGEN = "Bron: eigen data"
BRON_OEFEN = "Bron: oefendata van impactkit, opgezet naar de CBS Impactmonitor"
OEFENDATA_TEKST = "Oefendata: verzonnen cijfers om mee te oefenen, geen echte cijfers."
ONDERDRUKT_TEKST = (
    "Niet getoond: aantallen onder de 10, en cijfers waarmee je die zou kunnen terugrekenen."
)
ONDERDRUKT_LABEL = "onderdrukt"
"""The label in place of a withheld figure (a small count, or one it could be derived from)."""
INTERVAL_TEKST = "De lijntjes geven het 95%-betrouwbaarheidsinterval."

AS_TITEL = {
    "%": "Percentage (%)",
    "per 10.000 inwoners": "Per 10.000 inwoners",
    "aantal": "Aantal",
    "score": "Score",
    "gemiddelde": "Gemiddelde",
}
NIVEAU_LABEL = {0.95: "95%-grens", 0.998: "99,8%-grens"}
FORMATEN = (".png", ".svg")
GRAFIEKEN = (
    "staaf_vergelijking",
    "tijdreeks",
    "rangorde",
    "trechter",
    "kaart",
    "verdeling",
    "profiel",
    "kaart_oordelen",
)
STANDAARD_INDICATOREN = (
    "acuut_structureel_onveilig",
    "meldingen_per_10000",
    "adviezen_per_10000",
    "ots_per_10000",
    "hermeldingen",
    "overdracht_rvdk",
    "duur_geweld_meldingen",
)


def thema() -> dict:
    """The kit's chart configuration (Vega-Lite ``config``), as a fresh dict.

    It holds the Dutch number locale (decimal comma, thousands dot), the Okabe-Ito palette and
    readable font sizes. The chart functions apply it to each chart they return.

    Examples
    --------
    >>> thema()["locale"]["number"]["decimal"]
    ','
    """
    return {
        # Axis and legend labels keep Vega's own precision (it follows the tick step) and take
        # the decimal comma from this locale; value labels and tooltips set their D3 format.
        "locale": {"number": dict(VEGA_LOCALE)},
        "font": LETTERTYPE,
        "background": "white",
        "padding": 12,
        "view": {"stroke": None, "continuousWidth": 480, "continuousHeight": 300},
        "range": {"category": list(OKABE_ITO)},
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": "normal",
            "labelColor": TEKST_KLEUR,
            "titleColor": TEKST_KLEUR,
            "gridColor": "#E6E6E6",
            "domainColor": "#888888",
            "tickColor": "#888888",
            "labelLimit": 260,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": TEKST_KLEUR,
            "titleColor": TEKST_KLEUR,
            "labelLimit": 320,
        },
        "title": {
            "fontSize": 16,
            "subtitleFontSize": 12,
            "anchor": "start",
            "color": "#111111",
            "subtitleColor": TEKST_KLEUR,
            "subtitlePadding": 6,
            "offset": 14,
        },
        "text": {"fontSize": 12, "color": TEKST_KLEUR},
    }


def met_thema(grafiek: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Attach the kit's config to one chart (no global ``alt.themes`` side effects)."""
    return grafiek.configure(**thema())


# -- Captions -------------------------------------------------------------------------------------
def _is_oefen(herkomst: object) -> bool:
    return isinstance(herkomst, str) and herkomst.strip().lower() == "oefendata"


def _bron_cbs(ind: Indicator) -> str:
    tabel = f", tabel {', '.join(ind.cbs_tabel)}" if ind.cbs_tabel else ""
    return f"{BRON_CBS} ({ind.bron}{tabel})"


def _bronregels(ind: Indicator, rijen: pd.DataFrame) -> list[str]:
    """Source line(s) from the ``herkomst`` and ``onderdrukt`` of the rows a chart shows."""
    herkomsten = [] if "herkomst" not in rijen else rijen["herkomst"].dropna().astype(str)
    soorten = list(dict.fromkeys(h.strip() for h in herkomsten))
    bronnen = []
    for h in soorten:
        if h.lower() == "cbs":
            bronnen.append(_bron_cbs(ind))
        elif h.lower() == "oefendata":
            bronnen.append(BRON_OEFEN)
        elif h.lower() == "eigen data":
            bronnen.append(BRON_EIGEN)
        else:
            bronnen.append(f"Bron: {h}")
    regels = ["; ".join(dict.fromkeys(bronnen)) or "Bron: onbekend"]
    if any(_is_oefen(h) for h in soorten):
        regels.append(OEFENDATA_TEKST)
    if "onderdrukt" in rijen and rijen["onderdrukt"].fillna(False).astype(bool).any():
        regels.append(ONDERDRUKT_TEKST)
    if "status" in rijen and (rijen["status"].astype("string") == "voorlopig").any():
        regels.append("Voorlopige cijfers kunnen nog veranderen.")
    if "regio_overgang" in rijen:
        overgangen = [t for t in rijen["regio_overgang"].dropna().astype(str).unique() if t.strip()]
        regels += [f"Let op: {t}" for t in overgangen[:1]]
    return regels


def titel_met_bijschrift(
    ind: Indicator, wat: str, rijen: pd.DataFrame, extra: Iterable[str] = ()
) -> alt.TitleParams:
    """Title (the indicator's name) with the caption as subtitle lines.

    ``rijen`` are the observations the chart shows (Nederland included), so the practice-data
    warning and the suppression note follow what is on screen. Source and warning come right
    under the first line, before the reading notes.
    """
    return alt.TitleParams(text=ind.naam, subtitle=[wat, *_bronregels(ind, rijen), *extra])


def getoonde_rijen(
    df: pd.DataFrame, ind: Indicator, p: Periode, categorie: str | None
) -> pd.DataFrame:
    """All rows (regions and Nederland) of one indicator, period and category: for the caption."""
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    return sel[sel["categorie"].isna()] if categorie is None else sel[sel["categorie"] == categorie]


# -- Helpers --------------------------------------------------------------------------------------
def data_of_laad(data: pd.DataFrame | None) -> pd.DataFrame:
    """The observations given, or the kit's own (:func:`impactkit.laad`) when none are."""
    return laad() if data is None else data


def as_titel(ind: Indicator) -> str:
    """The value axis title for the indicator's unit: 'Percentage (%)', 'Aantal', ..."""
    return AS_TITEL.get(ind.eenheid, ind.eenheid)


def d3_formaat(ind: Indicator) -> str:
    """The D3 number format of a value label or tooltip in the indicator's unit."""
    return D3_FORMAAT.get(ind.eenheid, ".1f")


def label_expr(ind: Indicator, veld: str = "waarde") -> str:
    """Vega expression for a value label in the view's (Dutch) locale, with '%' for shares."""
    teken = " + '%'" if ind.eenheid == "%" else ""
    return (
        f"isValid(datum.{veld}) ? format(datum.{veld}, '{d3_formaat(ind)}'){teken} : "
        f"'{ONDERDRUKT_LABEL}'"
    )


def wat_getoond(ind: Indicator, *delen: str) -> str:
    """The first caption line: what is shown, parts joined by commas, then the unit."""
    return ", ".join(d for d in delen if d) + f" ({ind.eenheid})"


def categorie_tekst(categorie: str | None) -> str:
    """The category for a caption line, or nothing without one."""
    return f"categorie '{categorie}'" if categorie else ""


def in_periode(serie: pd.DataFrame, p: Periode, ind: Indicator, r: Regio) -> pd.DataFrame:
    """The rows of a series in one period; GeenWaarde naming the available periods if none."""
    rij = serie[serie["periode"] == p.code]
    if rij.empty:
        beschikbaar = sorted(serie["periode"].map(Periode.parse).unique())
        raise GeenWaarde(
            f"Geen cijfer voor {ind.naam} in {r.naam} over {p.label}. Beschikbare perioden: "
            f"{', '.join(x.code for x in beschikbaar)}."
        )
    return rij


def landelijke_reeks(ind: Indicator, categorie: str | None, df: pd.DataFrame) -> pd.DataFrame:
    """Nederland's series, or an empty frame when the data hold no national figures."""
    try:
        return reeks(ind.id, NEDERLAND, categorie=categorie, data=df)
    except GeenWaarde:
        kolommen = [
            "indicator",
            "regio_code",
            "regio",
            "periode",
            "waarde",
            "teller",
            "noemer",
            "status",
            "onderdrukt",
            "herkomst",
        ]
        return pd.DataFrame(columns=kolommen)


def compacte_tabel(df: pd.DataFrame, kolommen: Sequence[str]) -> pd.DataFrame:
    """Only the columns a chart draws; numbers as plain floats so the inline data stay small."""
    uit = df[list(kolommen)].copy()
    for k in ("waarde", "laag", "hoog", "landelijk", "noemer"):
        if k in uit:
            uit[k] = pd.to_numeric(uit[k], errors="coerce").astype(float).round(4)
    for k in uit.columns:
        if str(uit[k].dtype) in ("string", "str"):
            uit[k] = uit[k].astype(object).where(uit[k].notna(), None)
    return uit.reset_index(drop=True)


def json_rijen(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON-safe dicts: missing values become ``None`` (JSON null), never NaN."""
    return [
        {
            k: (None if isinstance(v, float) and math.isnan(v) or v is pd.NA else v)
            for k, v in r.items()
        }
        for r in df.to_dict("records")
    ]


def tooltip_waarde(ind: Indicator, veld: str = "waarde", titel: str = "Waarde") -> alt.Tooltip:
    """A tooltip of a value field in the indicator's number format."""
    return alt.Tooltip(f"{veld}:Q", title=titel, format=d3_formaat(ind))
