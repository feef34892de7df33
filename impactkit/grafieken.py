"""Charts for the step plan: Altair charts in Dutch, with an honest caption on every chart.

Every function returns an ``alt.Chart`` or ``alt.LayerChart`` and nothing else: no display, no
global theme. The kit's look (Dutch number format, Okabe-Ito colours, font sizes) is set per
chart in its ``config``, so a chart looks the same in a notebook, the book and an exported file.
Because the config sits on the returned chart, Altair refuses to concatenate the charts as
they are: remove it first (``g.config = alt.Undefined``) and configure the combination once,
``alt.vconcat(g1, g2).configure(**thema())``.

Colours (Okabe-Ito, safe for colour blindness): the chosen region in vermilion ``#D55E00``,
Nederland in blue ``#0072B2``, other regions grey ``#BBBBBB``.

Every chart says where its figures come from, says so loudly when they are practice data
(``herkomst == "oefendata"``), and says when small numbers were suppressed. The charts embed
only the aggregated rows they draw, never the observation table.

Examples
--------
>>> g = staaf_vergelijking("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
>>> OEFENDATA_TEKST in g.to_dict()["title"]["subtitle"]
True
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from .fouten import GeenWaarde, ImpactkitFout
from .indicatoren import Indicator
from .indicatoren import indicator as zoek_indicator
from .laden import laad
from .opmaak import D3_FORMAAT, VEGA_LOCALE, met_eenheid
from .opvragen import doorsnede, reeks, verdeling
from .paden import data_pad
from .perioden import Periode
from .regios import NEDERLAND, Regio
from .regios import regio as zoek_regio
from .vergelijken import funnel, met_intervallen

__all__ = [
    "bewaar",
    "bewaar_alles",
    "kaart",
    "rangorde",
    "staaf_vergelijking",
    "thema",
    "tijdreeks",
    "trechter",
    "verdeling_grafiek",
]

# -- Theme ----------------------------------------------------------------------------------------
ACCENT = "#D55E00"  # Okabe-Ito vermilion: the chosen region
LANDELIJK = "#0072B2"  # Okabe-Ito blue: Nederland
OVERIG = "#BBBBBB"  # other regions
ONDERDRUKT_KLEUR = "#E4E4E4"  # suppressed or missing on the map
TEKST_KLEUR = "#333333"
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"]  # fmt: skip
CATEGORIE_KLEUREN = [*OKABE_ITO, "#999999", "#6B4E16"]  # ten categories at most in the catalogue
LETTERTYPE = "Arial, Helvetica, 'DejaVu Sans', sans-serif"

BRON_CBS = "Bron: CBS Impactmonitor"
BRON_EIGEN = "Bron: eigen data"
BRON_OEFEN = "Bron: oefendata van impactkit, opgezet naar de CBS Impactmonitor"
OEFENDATA_TEKST = "Oefendata: verzonnen cijfers om mee te oefenen, geen echte cijfers."
ONDERDRUKT_TEKST = "Kleine aantallen (<10) zijn onderdrukt."
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
GRAFIEKEN = ("staaf_vergelijking", "tijdreeks", "rangorde", "trechter", "kaart", "verdeling")
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


def _met_thema(grafiek: alt.TopLevelMixin) -> alt.TopLevelMixin:
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


def _titel(
    ind: Indicator, wat: str, rijen: pd.DataFrame, extra: Iterable[str] = ()
) -> alt.TitleParams:
    """Title (the indicator's name) with the caption as subtitle lines.

    ``rijen`` are the observations the chart shows (Nederland included), so the practice-data
    warning and the suppression note follow what is on screen. Source and warning come right
    under the first line, before the reading notes.
    """
    return alt.TitleParams(text=ind.naam, subtitle=[wat, *_bronregels(ind, rijen), *extra])


def _getoond(df: pd.DataFrame, ind: Indicator, p: Periode, categorie: str | None) -> pd.DataFrame:
    """All rows (regions and Nederland) of one indicator, period and category: for the caption."""
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    return sel[sel["categorie"].isna()] if categorie is None else sel[sel["categorie"] == categorie]


# -- Helpers --------------------------------------------------------------------------------------
def _data(data: pd.DataFrame | None) -> pd.DataFrame:
    return laad() if data is None else data


def _as_titel(ind: Indicator) -> str:
    return AS_TITEL.get(ind.eenheid, ind.eenheid)


def _formaat(ind: Indicator) -> str:
    return D3_FORMAAT.get(ind.eenheid, ".1f")


def _label_expr(ind: Indicator, veld: str = "waarde") -> str:
    """Vega expression for a value label in the view's (Dutch) locale, with '%' for shares."""
    teken = " + '%'" if ind.eenheid == "%" else ""
    return (
        f"isValid(datum.{veld}) ? format(datum.{veld}, '{_formaat(ind)}'){teken} : "
        "'onderdrukt (<10)'"
    )


def _wat(ind: Indicator, *delen: str) -> str:
    return ", ".join(d for d in delen if d) + f" ({ind.eenheid})"


def _categorie_tekst(categorie: str | None) -> str:
    return f"categorie '{categorie}'" if categorie else ""


def _in_periode(serie: pd.DataFrame, p: Periode, ind: Indicator, r: Regio) -> pd.DataFrame:
    """The rows of a series in one period; GeenWaarde naming the available periods if none."""
    rij = serie[serie["periode"] == p.code]
    if rij.empty:
        beschikbaar = sorted(serie["periode"].map(Periode.parse).unique())
        raise GeenWaarde(
            f"Geen cijfer voor {ind.naam} in {r.naam} over {p.label}. Beschikbare perioden: "
            f"{', '.join(x.code for x in beschikbaar)}."
        )
    return rij


def _landelijke_reeks(ind: Indicator, categorie: str | None, df: pd.DataFrame) -> pd.DataFrame:
    """Nederland's series, or an empty frame when the data hold no national figures."""
    try:
        return reeks(ind.id, NEDERLAND, categorie=categorie, data=df)
    except GeenWaarde:
        kolommen = ["indicator", "regio_code", "regio", "periode", "waarde", "teller", "noemer",
                    "status", "onderdrukt", "herkomst"]  # fmt: skip
        return pd.DataFrame(columns=kolommen)


def _klein(df: pd.DataFrame, kolommen: Sequence[str]) -> pd.DataFrame:
    """Only the columns a chart draws; numbers as plain floats so the inline data stay small."""
    uit = df[list(kolommen)].copy()
    for k in ("waarde", "laag", "hoog", "landelijk", "noemer"):
        if k in uit:
            uit[k] = pd.to_numeric(uit[k], errors="coerce").astype(float).round(4)
    for k in uit.columns:
        if str(uit[k].dtype) in ("string", "str"):
            uit[k] = uit[k].astype(object).where(uit[k].notna(), None)
    return uit.reset_index(drop=True)


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON-safe dicts: missing values become ``None`` (JSON null), never NaN."""
    return [
        {
            k: (None if isinstance(v, float) and math.isnan(v) or v is pd.NA else v)
            for k, v in r.items()
        }
        for r in df.to_dict("records")
    ]


def _tooltip_waarde(ind: Indicator, veld: str = "waarde", titel: str = "Waarde") -> alt.Tooltip:
    return alt.Tooltip(f"{veld}:Q", title=titel, format=_formaat(ind))


# -- 1. Region vs Nederland -----------------------------------------------------------------------
def staaf_vergelijking(
    indicator: str,
    regio: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Bar chart of one region against Nederland, with 95 % interval error bars.

    The interval comes from :func:`impactkit.vergelijken.met_intervallen` (Wilson for shares,
    exact Poisson for rates). A suppressed figure shows as 'onderdrukt (<10)' instead of a bar.
    Raises :class:`~impactkit.fouten.GeenWaarde` when the indicator has no regional figures or
    the period has no data.

    Examples
    --------
    >>> g = staaf_vergelijking("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
    >>> g.to_dict()["title"]["text"]
    'Meldingen met acute en/of structurele onveiligheid'
    """
    ind, r, p = zoek_indicator(indicator), zoek_regio(regio), Periode.parse(periode)
    df = _data(data)
    eigen = _in_periode(reeks(ind.id, r.code, categorie=categorie, data=df), p, ind, r)
    land = _landelijke_reeks(ind, categorie, df)
    land = land[land["periode"] == p.code]
    delen = [eigen] if r.code == NEDERLAND or land.empty else [eigen, land[eigen.columns]]
    rijen = met_intervallen(pd.concat(delen, ignore_index=True))
    namen = list(dict.fromkeys(rijen["regio"].astype(str)))
    tabel = _klein(rijen, ["regio", "waarde", "laag", "hoog", "status"])
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]

    basis = alt.Chart(tabel).encode(
        y=alt.Y("regio:N", sort=namen, title=None, axis=alt.Axis(labelFontSize=13)),
    )
    x_as = alt.X(
        "waarde:Q",
        title=_as_titel(ind),
        scale=alt.Scale(zero=True, nice=True),
    )
    staven = basis.mark_bar(height=28).encode(
        x=x_as,
        color=alt.Color("regio:N", scale=alt.Scale(domain=namen, range=kleuren), legend=None),
        tooltip=[
            alt.Tooltip("regio:N", title="Regio"),
            _tooltip_waarde(ind),
            _tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            _tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    foutbalken = basis.mark_rule(color="#222222", strokeWidth=1.5).encode(x="laag:Q", x2="hoog:Q")
    uiteinden = basis.mark_tick(color="#222222", thickness=1.5, size=14).encode(x="hoog:Q")
    begin = basis.mark_tick(color="#222222", thickness=1.5, size=14).encode(x="laag:Q")
    labels = (
        basis.transform_calculate(
            label=_label_expr(ind),
            positie="isValid(datum.hoog) ? datum.hoog : (isValid(datum.waarde) ? datum.waarde : 0)",
        )
        .mark_text(align="left", dx=6, fontSize=13, fontWeight="bold")
        .encode(x="positie:Q", text="label:N")
    )
    titel = _titel(
        ind,
        _wat(ind, f"{r.naam} vergeleken met Nederland", p.label, _categorie_tekst(categorie)),
        rijen,
        [INTERVAL_TEKST],
    )
    grafiek = alt.layer(staven, foutbalken, begin, uiteinden, labels).properties(
        title=titel, width=480, height=alt.Step(44)
    )
    return _met_thema(grafiek)


# -- 2. Over time ---------------------------------------------------------------------------------
def tijdreeks(
    indicator: str,
    regio: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Line chart of a region and Nederland over time, with the region's 95 % interval band.

    Periods are on an ordinal x axis in time order. Suppressed periods leave a gap.

    Examples
    --------
    >>> g = tijdreeks("hermeldingen", "Zaanstreek-Waterland")
    >>> g.to_dict()["layer"][0]["mark"]["type"]
    'area'
    """
    ind, r = zoek_indicator(indicator), zoek_regio(regio)
    df = _data(data)
    eigen = reeks(ind.id, r.code, categorie=categorie, data=df)
    land = _landelijke_reeks(ind, categorie, df) if r.code != NEDERLAND else eigen.iloc[:0]
    land = land[land["periode"].isin(eigen["periode"])]
    delen = [eigen] if land.empty else [eigen, land[eigen.columns]]
    rijen = met_intervallen(pd.concat(delen, ignore_index=True))
    perioden = [x.code for x in sorted(rijen["periode"].map(Periode.parse).unique())]
    namen = list(dict.fromkeys([r.naam, *rijen["regio"].astype(str)]))
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]
    tabel = _klein(rijen, ["periode", "regio", "waarde", "laag", "hoog", "status"])

    x_as = alt.X(
        "periode:O", sort=perioden, title="Periode", axis=alt.Axis(labelAngle=-40, labelPadding=4)
    )
    y_titel = _as_titel(ind)
    kleur = alt.Color(
        "regio:N",
        scale=alt.Scale(domain=namen, range=kleuren),
        legend=alt.Legend(title=None, orient="top", direction="horizontal", symbolStrokeWidth=3),
    )
    basis = alt.Chart(tabel).encode(x=x_as)
    band = (
        basis.transform_filter(alt.datum.regio == r.naam)
        .mark_area(opacity=0.22, color=ACCENT)
        .encode(y=alt.Y("laag:Q", title=y_titel), y2="hoog:Q")
    )
    y_as = alt.Y(
        "waarde:Q",
        title=y_titel,
        scale=alt.Scale(zero=ind.eenheid != "%"),
    )
    lijnen = basis.mark_line(strokeWidth=2.5).encode(y=y_as, color=kleur)
    punten = basis.mark_point(filled=True, size=55, opacity=1).encode(
        y=y_as,
        color=kleur,
        shape=alt.Shape("regio:N", scale=alt.Scale(domain=namen), legend=None),
        tooltip=[
            alt.Tooltip("regio:N", title="Regio"),
            alt.Tooltip("periode:O", title="Periode"),
            _tooltip_waarde(ind),
            _tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            _tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    tekst = f"{r.naam} en Nederland per periode" if r.code != NEDERLAND else "Nederland"
    titel = _titel(
        ind,
        _wat(ind, tekst, _categorie_tekst(categorie)),
        rijen,
        [f"Band: 95%-betrouwbaarheidsinterval van {r.naam}."],
    )
    grafiek = alt.layer(band, lijnen, punten).properties(title=titel, width=520, height=300)
    return _met_thema(grafiek)


# -- 3. All regions ranked ------------------------------------------------------------------------
def _doorsnede_met_interval(
    ind: Indicator, p: Periode, categorie: str | None, df: pd.DataFrame
) -> pd.DataFrame:
    rijen = met_intervallen(doorsnede(ind.id, p.code, categorie=categorie, data=df))
    return rijen


def _kleurgroep(rijen: pd.DataFrame, r: Regio | None) -> tuple[pd.Series, list[str], list[str]]:
    """Colour group per row: the chosen region's name, or "Andere regio's"."""
    anders = "Andere regio's"
    if r is None:
        return pd.Series(anders, index=rijen.index), [anders], [OVERIG]
    groep = rijen["regio_code"].astype(str).map(lambda c: r.naam if c == r.code else anders)
    return groep, [r.naam, anders], [ACCENT, OVERIG]


def _optionele_regio(regio: str | None) -> Regio | None:
    if regio is None:
        return None
    r = zoek_regio(regio)
    return None if r.code == NEDERLAND else r


def rangorde(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Dot plot of all regions sorted by value, with 95 % intervals and Nederland as a line.

    The chosen region (optional) is drawn in vermilion and its name in bold. Suppressed regions
    stay in the list, at the bottom, marked 'onderdrukt (<10)'.

    Examples
    --------
    >>> g = rangorde("hermeldingen", "2021H1", "Zaanstreek-Waterland")
    >>> [laag["mark"]["type"] for laag in g.to_dict()["layer"]]
    ['rule', 'rule', 'circle']
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = _optionele_regio(regio)
    df = _data(data)
    rijen = _doorsnede_met_interval(ind, p, categorie, df)
    if r is not None and r.code not in set(rijen["regio_code"]):
        raise GeenWaarde(f"Geen cijfer voor {ind.naam} in {r.naam} over {p.label}.")
    rijen = rijen.sort_values("waarde", ascending=False, na_position="last", kind="stable")
    groep, domein, kleuren = _kleurgroep(rijen, r)
    tabel = _klein(rijen, ["regio", "waarde", "laag", "hoog"])
    tabel["groep"] = groep.to_numpy()
    volgorde = tabel["regio"].tolist()
    landelijk = rijen["landelijk"].dropna()
    nl_label = None
    if len(landelijk):
        # Nederland joins the colour legend, with its value in the label.
        nl_label = f"Nederland ({met_eenheid(float(landelijk.iloc[0]), ind.eenheid)})"
        domein = [*domein[:-1], nl_label, domein[-1]]
        kleuren = [*kleuren[:-1], LANDELIJK, kleuren[-1]]

    nadruk = f"datum.value == {json.dumps(r.naam)}" if r is not None else "false"
    y_as = alt.Y(
        "regio:N",
        sort=volgorde,
        title=None,
        axis=alt.Axis(
            labelFontWeight=alt.ExprRef(expr=f"{nadruk} ? 'bold' : 'normal'"),
            labelColor=alt.ExprRef(expr=f"{nadruk} ? '#000000' : '{TEKST_KLEUR}'"),
        ),
    )
    kleur = alt.Color(
        "groep:N",
        scale=alt.Scale(domain=domein, range=kleuren),
        legend=alt.Legend(title=None, orient="top", direction="horizontal", symbolType="circle")
        if len(domein) > 1
        else None,
    )
    x_as_stijl = alt.Axis(orient="top")
    x_as = alt.X(
        "waarde:Q", title=_as_titel(ind), axis=x_as_stijl, scale=alt.Scale(zero=False, nice=True)
    )
    basis = alt.Chart(tabel).encode(y=y_as)
    intervallen = basis.mark_rule(strokeWidth=2).encode(
        x=alt.X("laag:Q", title=_as_titel(ind), axis=x_as_stijl),
        x2="hoog:Q",
        color=kleur,
    )
    punten = basis.mark_circle(size=80, opacity=1).encode(
        x=x_as,
        color=kleur,
        tooltip=[
            alt.Tooltip("regio:N", title="Regio"),
            _tooltip_waarde(ind),
            _tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            _tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
        ],
    )
    lagen = [intervallen, punten]
    if rijen["waarde"].isna().any():
        lagen.append(
            basis.transform_filter("!isValid(datum.waarde)")
            .transform_calculate(label="'onderdrukt (<10)'")
            .mark_text(align="left", fontStyle="italic", color="#666666")
            .encode(text="label:N", x=alt.value(4))
        )
    extra = [INTERVAL_TEKST]
    if nl_label is not None:
        nl = pd.DataFrame({"landelijk": [float(landelijk.iloc[0])], "groep": [nl_label]})
        lijn = (
            alt.Chart(nl)
            .mark_rule(strokeWidth=2, strokeDash=[6, 3])
            .encode(x=alt.X("landelijk:Q", title=_as_titel(ind), axis=x_as_stijl), color=kleur)
        )
        lagen.insert(0, lijn)
        extra.append("Blauwe stippellijn: Nederland.")
    titel = _titel(
        ind,
        _wat(ind, "Alle Veilig Thuis-regio's", p.label, _categorie_tekst(categorie)),
        _getoond(df, ind, p, categorie),
        extra,
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=440, height=alt.Step(19))
    return _met_thema(grafiek)


# -- 4. Funnel plot -------------------------------------------------------------------------------
def _dun_uit(grenzen: pd.DataFrame, max_punten: int = 50) -> pd.DataFrame:
    """Keep at most ``max_punten`` denominators per limit (evenly on the log scale, ends kept)."""
    delen = []
    for _, deel in grenzen.groupby("niveau", sort=True):
        stap = max(1, math.ceil(len(deel) / max_punten))
        keuze = deel.iloc[::stap]
        if keuze.index[-1] != deel.index[-1]:
            keuze = pd.concat([keuze, deel.iloc[[-1]]])
        delen.append(keuze)
    return pd.concat(delen)


def trechter(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    overspreiding: bool = False,
) -> alt.LayerChart:
    """Funnel plot: every region's value against its denominator, with 95 % and 99,8 % limits.

    ``overspreiding=True`` widens the limits for the spread between regions that chance does
    not explain (Spiegelhalter 2005); the caption then gives the factor.

    Points outside the funnel differ from Nederland by more than chance would explain. Data from
    :func:`impactkit.vergelijken.funnel`; only for percentages and rates per 10.000 inwoners
    (otherwise :class:`~impactkit.fouten.GeenWaarde`).

    Examples
    --------
    >>> g = trechter("acuut_structureel_onveilig", "2021H1", "Zaanstreek-Waterland")
    >>> sorted(g.to_dict()["layer"][0]["encoding"]["strokeDash"]["scale"]["domain"])
    ['95%-grens', '99,8%-grens']
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = _optionele_regio(regio)
    df = _data(data)
    punten_df, grenzen = funnel(ind.id, p.code, categorie=categorie, data=df,
                                overspreiding=overspreiding)  # fmt: skip
    phi = float(grenzen.attrs.get("phi", 1.0))
    getoond = _getoond(df, ind, p, categorie)
    uitleg = [
        "Stippellijn: 95%-grens; doorgetrokken lijn: 99,8%-grens; blauw: Nederland.",
        "Een punt buiten de trechter wijkt meer af dan toeval verklaart.",
    ]
    if overspreiding:
        uitleg.append(
            f"Grenzen verruimd voor verschillen tussen regio's die geen toeval zijn "
            f"(overspreiding φ = {phi:.1f}".replace(".", ",")
            + ")."
            if phi > 1
            else "Geen overspreiding tussen regio's gevonden: gewone grenzen."
        )
    if r is not None and r.code not in set(punten_df["regio_code"]):
        # The funnel is still worth seeing; the caption says why the region is not in it.
        uitleg.insert(0, f"{r.naam} ontbreekt: het cijfer of de noemer is onderdrukt of onbekend.")
        r = None
    groep, domein, kleuren = _kleurgroep(punten_df, r)
    punten_tab = _klein(punten_df, ["regio", "waarde", "noemer", "positie"])
    punten_tab["groep"] = groep.to_numpy()
    grenzen = _dun_uit(grenzen)
    grens_tab = pd.DataFrame(
        {
            "noemer": grenzen["noemer"].astype(float).round(1),
            "grens": grenzen["niveau"].map(lambda n: NIVEAU_LABEL.get(round(float(n), 3), str(n))),
            "laag": grenzen["laag"].astype(float).round(4),
            "hoog": grenzen["hoog"].astype(float).round(4),
        }
    ).reset_index(drop=True)
    landelijk = float(grenzen["landelijk"].iloc[0])

    x_titel = (
        "Aantal inwoners"
        if ind.is_ratio
        else f"Noemer: {ind.noemer[:1].lower()}{ind.noemer[1:]}".rstrip(".")
    )
    x_as = alt.X("noemer:Q", title=x_titel, scale=alt.Scale(zero=False))
    y_titel = _as_titel(ind)
    streep = alt.StrokeDash(
        "grens:N",
        scale=alt.Scale(domain=list(NIVEAU_LABEL.values()), range=[[6, 4], [1, 0]]),
        legend=alt.Legend(title="Controlegrenzen", orient="top", direction="horizontal"),
    )
    lijnbasis = alt.Chart(grens_tab).encode(x=x_as, strokeDash=streep)
    onder = lijnbasis.mark_line(color="#555555", strokeWidth=1.3).encode(
        y=alt.Y("laag:Q", title=y_titel)
    )
    boven = lijnbasis.mark_line(color="#555555", strokeWidth=1.3).encode(y="hoog:Q")
    nl = pd.DataFrame({"landelijk": [landelijk]})
    nl_lijn = alt.Chart(nl).mark_rule(color=LANDELIJK, strokeWidth=2).encode(y="landelijk:Q")
    kleur = alt.Color(
        "groep:N",
        scale=alt.Scale(domain=domein, range=kleuren),
        legend=alt.Legend(title=None, orient="top", direction="horizontal")
        if r is not None
        else None,
    )
    punten = (
        alt.Chart(punten_tab)
        .mark_circle(size=85, opacity=1, stroke="white", strokeWidth=0.8)
        .encode(
            x=x_as,
            y=alt.Y(
                "waarde:Q",
                title=y_titel,
                scale=alt.Scale(zero=False),
            ),
            color=kleur,
            order=alt.Order("groep:N", sort="ascending" if r is None else "descending"),
            tooltip=[
                alt.Tooltip("regio:N", title="Regio"),
                _tooltip_waarde(ind),
                alt.Tooltip("noemer:Q", title="Noemer", format=",.0f"),
                alt.Tooltip("positie:N", title="Positie in de trechter"),
            ],
        )
    )
    lagen = [onder, boven, nl_lijn, punten]
    if r is not None:
        lagen.append(
            alt.Chart(punten_tab)
            .transform_filter(alt.datum.groep == r.naam)
            .mark_text(align="left", dx=8, dy=-8, fontWeight="bold", color=ACCENT, fontSize=13)
            .encode(x=x_as, y="waarde:Q", text="regio:N")
        )
    titel = _titel(
        ind,
        _wat(ind, "Trechterdiagram", p.label, _categorie_tekst(categorie)),
        getoond,
        uitleg,
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=500, height=340)
    return _met_thema(grafiek)


# -- 5. Distribution ------------------------------------------------------------------------------
def verdeling_grafiek(
    indicator: str,
    regio: str,
    periode: str,
    gestapeld: bool = False,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """A distribution (e.g. ``duur_geweld_meldingen``, ``melder_type``): region vs Nederland.

    Horizontal bars in the catalogue's category order: grouped per category (default), or, with
    ``gestapeld=True``, one stacked bar for the region and one for Nederland.

    Examples
    --------
    >>> g = verdeling_grafiek("duur_geweld_meldingen", "Zaanstreek-Waterland", "2021H1")
    >>> g.to_dict()["layer"][0]["encoding"]["y"]["sort"][0]
    '≤ 1 week'
    """
    ind, r, p = zoek_indicator(indicator), zoek_regio(regio), Periode.parse(periode)
    df = _data(data)
    eigen = verdeling(ind.id, r.code, p.code, data=df)
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    land = sel[sel["regio_code"] == NEDERLAND] if r.code != NEDERLAND else sel.iloc[:0]
    rijen = pd.concat([eigen.drop(columns="landelijk"), land[eigen.columns.drop("landelijk")]])
    categorieen = list(ind.categorieen)
    namen = list(dict.fromkeys([r.naam, *rijen["regio"].astype(str)]))
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]
    tabel = _klein(rijen, ["regio", "categorie", "waarde"])

    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("categorie:N", title="Categorie"),
        _tooltip_waarde(ind, titel="Aandeel (%)" if ind.is_aandeel else "Waarde"),
    ]
    basis = alt.Chart(tabel)
    if gestapeld:
        staven = (
            basis.mark_bar(height=34)
            .encode(
                y=alt.Y("regio:N", sort=namen, title=None),
                x=alt.X(
                    "waarde:Q",
                    stack="zero",
                    title=_as_titel(ind),
                ),
                color=alt.Color(
                    "categorie:N",
                    sort=categorieen,
                    scale=alt.Scale(
                        domain=categorieen, range=CATEGORIE_KLEUREN[: len(categorieen)]
                    ),
                    legend=alt.Legend(title=None, orient="bottom", columns=3),
                ),
                order=alt.Order("volgorde:Q"),
                tooltip=tooltip,
            )
            .transform_calculate(
                volgorde=f"indexof({json.dumps(categorieen, ensure_ascii=False)}, datum.categorie)"
            )
        )
        lagen = [staven]
        hoogte: alt.Step | int = alt.Step(48)
    else:
        y_as = alt.Y("categorie:N", sort=categorieen, title=None)
        staven = basis.mark_bar(height=alt.RelativeBandSize(0.9)).encode(
            y=y_as,
            yOffset=alt.YOffset("regio:N", sort=namen, scale=alt.Scale(domain=namen)),
            x=alt.X(
                "waarde:Q",
                title=_as_titel(ind),
                scale=alt.Scale(zero=True),
            ),
            color=alt.Color(
                "regio:N",
                scale=alt.Scale(domain=namen, range=kleuren),
                legend=alt.Legend(title=None, orient="top", direction="horizontal"),
            ),
            tooltip=tooltip,
        )
        labels = (
            basis.transform_calculate(
                label=_label_expr(ind), positie="isValid(datum.waarde) ? datum.waarde : 0"
            )
            .mark_text(align="left", dx=4, fontSize=11)
            .encode(
                y=y_as,
                yOffset=alt.YOffset("regio:N", sort=namen, scale=alt.Scale(domain=namen)),
                x="positie:Q",
                text="label:N",
            )
        )
        lagen = [staven, labels]
        # The step is per category ("position"), not per bar within it ("offset").
        hoogte = alt.Step(18 * max(1, len(namen)) + 10, **{"for": "position"})
    titel = _titel(ind, _wat(ind, f"{r.naam} en Nederland", p.label), rijen)
    grafiek = alt.layer(*lagen).properties(title=titel, width=440, height=hoogte)
    return _met_thema(grafiek)


# -- 6. Map ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _vt_gebieden() -> tuple[dict, ...]:
    """The 26 VT-region features, coordinates untouched, properties cut to code and name."""
    with open(data_pad("referentie", "vt_regions.geojson"), encoding="utf-8") as f:
        geo = json.load(f)
    return tuple(
        {
            "type": "Feature",
            "properties": {
                "vt_code": ft["properties"]["vt_code"],
                "vt_name": ft["properties"]["vt_name"],
            },
            "geometry": ft["geometry"],
        }
        for ft in geo["features"]
    )


def kaart(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Choropleth of the 26 Veilig Thuis regions, the chosen region outlined in vermilion.

    Regions whose figure is suppressed or missing are light grey with a legend entry. The
    boundaries (``data/referentie/vt_regions.geojson``, CBS/PDOK 2022) are embedded as they are
    and joined to the figures with a ``lookup`` on the region code.

    Examples
    --------
    >>> g = kaart("meldingen_per_10000", "2021H1", "Zaanstreek-Waterland")
    >>> len(g.to_dict()["datasets"]["vt_gebieden"])
    26
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = _optionele_regio(regio)
    df = _data(data)
    rijen = doorsnede(ind.id, p.code, categorie=categorie, data=df)
    waarden = _klein(rijen, ["regio_code", "regio", "waarde"])
    # The boundaries are the layer's shared data (embedded once); the figures are looked up.
    # Both are named top-level datasets, so each is embedded once, whatever the number of layers.
    datasets = {"vt_gebieden": list(_vt_gebieden()), "vt_waarden": _records(waarden)}
    opzoeken = alt.LookupData(
        data=alt.NamedData(name="vt_waarden"), key="regio_code", fields=["regio", "waarde"]
    )
    ontbrekend = "onderdrukt (<10) of geen cijfer"
    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("waarde:Q", title=_as_titel(ind), format=_formaat(ind)),
        alt.Tooltip("toestand:N", title="Status"),
    ]

    def gekoppeld() -> alt.Chart:
        return (
            alt.Chart()
            .transform_lookup(lookup="properties.vt_code", from_=opzoeken)
            .transform_calculate(
                regio="isValid(datum.regio) ? datum.regio : datum.properties.vt_name",
                toestand=f"isValid(datum.waarde) ? 'met cijfer' : '{ontbrekend}'",
            )
        )

    achtergrond = (
        gekoppeld()
        .transform_filter(f"datum.toestand == '{ontbrekend}'")
        .mark_geoshape(stroke="#8A8A8A", strokeWidth=0.8, strokeDash=[3, 2])
        .encode(
            color=alt.Color(
                "toestand:N",
                scale=alt.Scale(domain=[ontbrekend], range=[ONDERDRUKT_KLEUR]),
                legend=alt.Legend(
                    title=None,
                    orient="bottom-left",
                    symbolType="square",
                    symbolStrokeColor="#8A8A8A",
                ),
            ),
            tooltip=tooltip,
        )
    )
    vlakken = (
        gekoppeld()
        .transform_filter("isValid(datum.waarde)")
        .mark_geoshape(stroke="white", strokeWidth=0.8)
        .encode(
            color=alt.Color(
                "waarde:Q",
                title=_as_titel(ind),
                scale=alt.Scale(scheme="blues", zero=False),
                legend=alt.Legend(orient="right", gradientLength=180),
            ),
            tooltip=tooltip,
        )
    )
    lagen = [achtergrond, vlakken]
    extra = ["Lichtgrijs met stippelrand: cijfer onderdrukt of onbekend."]
    if r is not None:
        lagen.append(
            alt.Chart()
            .transform_filter(f"datum.properties.vt_code == '{r.code}'")
            .mark_geoshape(fill=None, stroke=ACCENT, strokeWidth=3)
        )
        extra.insert(0, f"Oranje rand: {r.naam}.")
    titel = _titel(
        ind,
        _wat(ind, "Veilig Thuis-regio's", p.label, _categorie_tekst(categorie)),
        _getoond(df, ind, p, categorie),
        extra,
    )
    grafiek = (
        alt.layer(*lagen, data=alt.NamedData(name="vt_gebieden"), datasets=datasets)
        .resolve_scale(color="independent")
        .properties(title=titel, width=420, height=480, projection=alt.Projection(type="mercator"))
    )
    return _met_thema(grafiek)


# -- Export ---------------------------------------------------------------------------------------
def _vl_versie() -> str:
    # vl-convert names Vega-Lite versions like 'v6_4' (Altair's SCHEMA_VERSION is 'v6.4.1').
    return "_".join(alt.SCHEMA_VERSION.split(".")[:2])


def _controleer_extensie(extensie: str) -> str:
    ext = extensie.lower() if extensie.startswith(".") else f".{extensie.lower()}"
    if ext not in FORMATEN:
        raise ImpactkitFout(
            f"Bestandsformaat '{extensie or '(geen extensie)'}' kan niet. Kies een van de "
            f"toegestane extensies: {', '.join(FORMATEN)}."
        )
    return ext


def bewaar(grafiek: alt.TopLevelMixin, pad: str | Path) -> Path:
    """Write a chart to a PNG or SVG file, chosen by the file's extension; returns the path.

    The folder is created when needed. PNG is rendered at twice the size (sharp in reports).

    Examples
    --------
    >>> import tempfile
    >>> g = staaf_vergelijking("hermeldingen", "VT22", "2021H1")
    >>> bewaar(g, Path(tempfile.mkdtemp()) / "hermeldingen.svg").suffix
    '.svg'
    """
    import vl_convert as vlc

    pad = Path(pad)
    ext = _controleer_extensie(pad.suffix)
    spec = grafiek.to_dict()
    pad.parent.mkdir(parents=True, exist_ok=True)
    if ext == ".png":
        pad.write_bytes(vlc.vegalite_to_png(spec, vl_version=_vl_versie(), scale=2))
    else:
        pad.write_text(vlc.vegalite_to_svg(spec, vl_version=_vl_versie()), encoding="utf-8")
    return pad


def _slug(*delen: str) -> str:
    tekst = "-".join(delen)
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")


def _grafieken_voor(ind: Indicator) -> list[str]:
    if ind.is_verdeling:
        return ["verdeling"]
    namen = ["staaf_vergelijking", "tijdreeks", "rangorde"]
    if ind.eenheid in ("%", "per 10.000 inwoners"):
        namen.append("trechter")
    namen.append("kaart")
    return namen


def bewaar_alles(
    regio: str,
    periode: str,
    map: str | Path,
    indicatoren: Sequence[str] | None = None,
    formaten: Sequence[str] = ("png", "svg"),
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Write every applicable chart for a region and period to ``map``; returns what was written.

    Per indicator: comparison bar, time series, ranking, funnel (shares and rates) and map; a
    distribution gets its grouped bar chart. Default indicators: acuut_structureel_onveilig,
    meldingen_per_10000, adviezen_per_10000, ots_per_10000, hermeldingen, overdracht_rvdk and
    the distribution duur_geweld_meldingen. File names are slugs such as
    ``hermeldingen-tijdreeks-zaanstreek-waterland-2021h1.svg``.

    A chart without figures (e.g. no data in that period) is skipped with a Dutch warning; when
    nothing at all can be drawn, the first :class:`~impactkit.fouten.GeenWaarde` is raised.
    An indicator without regional figures raises :class:`~impactkit.fouten.GeenWaarde`.

    Returns a table with columns ``grafiek``, ``indicator``, ``pad``, ``formaat``.

    Examples
    --------
    >>> import tempfile
    >>> t = bewaar_alles("VT22", "2021H1", tempfile.mkdtemp(), indicatoren=["hermeldingen"],
    ...                  formaten=["svg"])
    >>> t["grafiek"].tolist()
    ['staaf_vergelijking', 'tijdreeks', 'rangorde', 'trechter', 'kaart']
    """
    r, p = zoek_regio(regio), Periode.parse(periode)
    extensies = [_controleer_extensie(f) for f in formaten]
    if not extensies:
        raise ImpactkitFout(f"Geef minstens één formaat op: {', '.join(FORMATEN)}.")
    indicatoren = list(STANDAARD_INDICATOREN if indicatoren is None else indicatoren)
    inds = [zoek_indicator(i) for i in indicatoren]
    for ind in inds:
        if not ind.is_regionaal:
            raise GeenWaarde(
                f"{ind.naam} is alleen landelijk beschikbaar ({', '.join(ind.niveaus)}); "
                "daar zijn geen regiografieken van. Laat deze indicator weg."
            )
    df = _data(data)
    map = Path(map)
    makers = {
        "staaf_vergelijking": lambda i: staaf_vergelijking(i, r.code, p.code, data=df),
        "tijdreeks": lambda i: tijdreeks(i, r.code, data=df),
        "rangorde": lambda i: rangorde(i, p.code, r.code, data=df),
        "trechter": lambda i: trechter(i, p.code, r.code, data=df),
        "kaart": lambda i: kaart(i, p.code, r.code, data=df),
        "verdeling": lambda i: verdeling_grafiek(i, r.code, p.code, data=df),
    }
    rijen: list[dict] = []
    eerste_fout: GeenWaarde | None = None
    for ind in inds:
        for naam in _grafieken_voor(ind):
            try:
                grafiek = makers[naam](ind.id)
            except GeenWaarde as e:
                eerste_fout = eerste_fout or e
                warnings.warn(f"Grafiek '{naam}' voor {ind.id} overgeslagen: {e}", stacklevel=2)
                continue
            for ext in extensies:
                pad = map / f"{_slug(ind.id, naam, r.naam, p.code)}{ext}"
                bewaar(grafiek, pad)
                rijen.append({"grafiek": naam, "indicator": ind.id, "pad": pad,
                              "formaat": ext.lstrip(".")})  # fmt: skip
    if not rijen and eerste_fout is not None:
        raise eerste_fout
    return pd.DataFrame(rijen, columns=["grafiek", "indicator", "pad", "formaat"]).astype(
        {"grafiek": "string", "indicator": "string", "formaat": "string"}
    )
