"""Charts of one region against Nederland: a bar comparison and a time series."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..indicatoren import indicator as zoek_indicator
from ..opvragen import reeks
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio
from ..vergelijken import met_intervallen
from .thema import (
    ACCENT,
    INTERVAL_TEKST,
    LANDELIJK,
    _as_titel,
    _categorie_tekst,
    _data,
    _in_periode,
    _klein,
    _label_expr,
    _landelijke_reeks,
    _met_thema,
    _titel,
    _tooltip_waarde,
    _wat,
)


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
