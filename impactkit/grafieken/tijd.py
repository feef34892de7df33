"""Charts of one region against Nederland: a bar comparison and a time series."""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import pandas as pd

from ..indicatoren import indicator as zoek_indicator
from ..opmaak import EENHEID_DECIMALEN
from ..opvragen import reeks
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio
from ..vergelijken import met_intervallen
from .toegankelijk import beschrijf, in_zin, waarde_tekst
from .uiterlijk import (
    ACCENT,
    INTERVAL_TEKST,
    LANDELIJK,
    MARKERING_KLEUR,
    as_titel,
    categorie_tekst,
    compacte_tabel,
    data_of_laad,
    in_periode,
    label_expr,
    landelijke_reeks,
    met_thema,
    titel_met_bijschrift,
    tooltip_waarde,
    wat_getoond,
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
    exact Poisson for rates). A suppressed figure shows as 'onderdrukt' instead of a bar.
    Raises :class:`~impactkit.fouten.GeenWaarde` when the indicator has no regional figures or
    the period has no data.

    Examples
    --------
    >>> g = staaf_vergelijking("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
    >>> g.to_dict()["title"]["text"]
    'Meldingen met acute en/of structurele onveiligheid'
    """
    ind, r, p = zoek_indicator(indicator), zoek_regio(regio), Periode.parse(periode)
    df = data_of_laad(data)
    eigen = in_periode(reeks(ind.id, r.code, categorie=categorie, data=df), p, ind, r)
    land = landelijke_reeks(ind, categorie, df)
    land = land[land["periode"] == p.code]
    delen = [eigen] if r.code == NEDERLAND or land.empty else [eigen, land[eigen.columns]]
    rijen = met_intervallen(pd.concat(delen, ignore_index=True))
    namen = list(dict.fromkeys(rijen["regio"].astype(str)))
    tabel = compacte_tabel(rijen, ["regio", "waarde", "laag", "hoog", "status"])
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]

    basis = alt.Chart(tabel).encode(
        y=alt.Y("regio:N", sort=namen, title=None, axis=alt.Axis(labelFontSize=13)),
    )
    x_as = alt.X(
        "waarde:Q",
        title=as_titel(ind),
        scale=alt.Scale(zero=True, nice=True),
    )
    staven = basis.mark_bar(height=28).encode(
        x=x_as,
        color=alt.Color("regio:N", scale=alt.Scale(domain=namen, range=kleuren), legend=None),
        tooltip=[
            alt.Tooltip("regio:N", title="Regio"),
            tooltip_waarde(ind),
            tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    foutbalken = basis.mark_rule(color="#222222", strokeWidth=1.5).encode(x="laag:Q", x2="hoog:Q")
    uiteinden = basis.mark_tick(color="#222222", thickness=1.5, size=14).encode(x="hoog:Q")
    begin = basis.mark_tick(color="#222222", thickness=1.5, size=14).encode(x="laag:Q")
    labels = (
        basis.transform_calculate(
            label=label_expr(ind),
            positie="isValid(datum.hoog) ? datum.hoog : (isValid(datum.waarde) ? datum.waarde : 0)",
        )
        .mark_text(align="left", dx=6, fontSize=13, fontWeight="bold")
        .encode(x="positie:Q", text="label:N")
    )
    titel = titel_met_bijschrift(
        ind,
        wat_getoond(ind, f"{r.naam} vergeleken met Nederland", p.label, categorie_tekst(categorie)),
        rijen,
        [INTERVAL_TEKST],
    )
    grafiek = alt.layer(staven, foutbalken, begin, uiteinden, labels).properties(
        title=titel, width=480, height=alt.Step(44)
    )
    eigen_rij = rijen.iloc[0]
    zin = (
        f"Staafdiagram: {in_zin(ind.naam)}{_cat(categorie)} in {r.naam} over {p.label}: "
        f"{waarde_tekst(eigen_rij['waarde'], ind.eenheid)}"
    )
    if pd.notna(eigen_rij["laag"]):
        zin += (
            f" (95%-interval {waarde_tekst(eigen_rij['laag'], ind.eenheid)} tot "
            f"{waarde_tekst(eigen_rij['hoog'], ind.eenheid)})"
        )
    if len(rijen) > 1:
        zin += f", tegen {waarde_tekst(rijen.iloc[1]['waarde'], ind.eenheid)} in Nederland"
    return beschrijf(
        met_thema(grafiek), "staaf_vergelijking", zin + ".", _tabel(rijen, ind), _decimalen(ind)
    )


def _cat(categorie: str | None) -> str:
    return f" (categorie {categorie})" if categorie else ""


def _decimalen(ind) -> dict[str, int]:
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    return {_kop(ind, "Waarde"): d, "95%-interval, ondergrens": d, "95%-interval, bovengrens": d}


def _kop(ind, naam: str) -> str:
    return f"{naam} ({ind.eenheid})"


def _tabel(rijen: pd.DataFrame, ind, met_periode: bool = False) -> pd.DataFrame:
    """The drawn rows with Dutch column names (periods as labels)."""
    uit = pd.DataFrame()
    if met_periode:
        uit["Periode"] = rijen["periode"].map(lambda c: Periode.parse(c).label).to_numpy()
    uit["Regio"] = rijen["regio"].astype(str).to_numpy()
    uit[_kop(ind, "Waarde")] = pd.to_numeric(rijen["waarde"], errors="coerce").to_numpy()
    uit["95%-interval, ondergrens"] = pd.to_numeric(rijen["laag"], errors="coerce").to_numpy()
    uit["95%-interval, bovengrens"] = pd.to_numeric(rijen["hoog"], errors="coerce").to_numpy()
    return uit


# -- 2. Over time ---------------------------------------------------------------------------------
PERIODE_LABEL = (
    "replace(replace(datum.value, /^(\\d{4})H1$/, '1e halfjaar $1'), "
    "/^(\\d{4})H2$/, '2e halfjaar $1')"
)
"""Vega expression: the axis shows '2e halfjaar 2024' for the period code '2024H2'."""


def tijdreeks(
    indicator: str,
    regio: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    periode: str | None = None,
) -> alt.LayerChart:
    """Line chart of a region and Nederland over time, with the region's 95 % interval band.

    Periods are on an ordinal x axis in time order. Suppressed periods leave a gap. With
    ``periode`` (the analysed period) and a series that runs beyond it, that period is marked:
    a dark dashed line, the label 'geanalyseerd', ringed points and a caption line.

    Examples
    --------
    >>> g = tijdreeks("hermeldingen", "Zaanstreek-Waterland")
    >>> g.to_dict()["layer"][0]["mark"]["type"]
    'area'
    >>> g = tijdreeks("hermeldingen", "Zaanstreek-Waterland", periode="2021H1")
    >>> g.to_dict()["layer"][-1]["mark"]["text"]
    'geanalyseerd'
    """
    ind, r = zoek_indicator(indicator), zoek_regio(regio)
    p = Periode.parse(periode) if periode is not None else None
    df = data_of_laad(data)
    rijen, perioden = _reeksen(ind, r, categorie, df)
    if perioden:  # the name valid at the end of the series, for the region in every period
        naam = r.naam_in(perioden[-1])
        rijen = rijen.assign(
            regio=[naam if c == r.code else n for c, n in zip(rijen["regio_code"], rijen["regio"])]
        )
        r = replace(r, naam=naam)
    namen = list(dict.fromkeys([r.naam, *rijen["regio"].astype(str)]))
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]
    tabel = compacte_tabel(rijen, ["periode", "regio", "waarde", "laag", "hoog", "status"])

    x_as = alt.X(
        "periode:O",
        sort=perioden,
        title="Periode",
        axis=alt.Axis(labelAngle=-40, labelPadding=4, labelExpr=PERIODE_LABEL),
    )
    y_titel = as_titel(ind)
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
            tooltip_waarde(ind),
            tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    lagen = [band, lijnen, punten]
    extra = [f"Band: 95%-betrouwbaarheidsinterval van {r.naam}."]
    markeer = p is not None and p.code in perioden and p.code != perioden[-1]
    if markeer:
        lagen += _markering(basis, x_as, y_as, p)
        extra.append(
            f"Stippellijn 'geanalyseerd': {p.label}, het halfjaar van de analyse; "
            "de lijn loopt verder."
        )
    elif p is not None and p.code not in perioden:
        extra.append(f"Geen cijfer over {p.label}, het halfjaar van de analyse.")
    tekst = f"{r.naam} en Nederland per periode" if r.code != NEDERLAND else "Nederland"
    titel = titel_met_bijschrift(
        ind, wat_getoond(ind, tekst, categorie_tekst(categorie)), rijen, extra
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=520, height=300)
    tab = _tabel(rijen, ind, met_periode=True)
    if p is not None:
        tab["Geanalyseerd"] = ["ja" if c == p.code else "" for c in rijen["periode"]]
    return beschrijf(
        met_thema(grafiek),
        "tijdreeks",
        _tijdreeks_alt(ind, r, rijen, p, categorie),
        tab,
        _decimalen(ind),
    )


def _reeksen(ind, r, categorie: str | None, df: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The region's and Nederland's series with intervals, in time order, and their periods."""
    eigen = reeks(ind.id, r.code, categorie=categorie, data=df)
    land = landelijke_reeks(ind, categorie, df) if r.code != NEDERLAND else eigen.iloc[:0]
    land = land[land["periode"].isin(eigen["periode"])]
    delen = [eigen] if land.empty else [eigen, land[eigen.columns]]
    rijen = met_intervallen(pd.concat(delen, ignore_index=True))
    perioden = [x.code for x in sorted(rijen["periode"].map(Periode.parse).unique())]
    rijen = rijen.iloc[rijen["periode"].map(perioden.index).argsort(kind="stable")].reset_index(
        drop=True
    )
    return rijen, perioden


def _markering(basis: alt.Chart, x_as: alt.X, y_as: alt.Y, p: Periode) -> list[alt.Chart]:
    """The analysed period, marked by line, ring and word (not by colour alone)."""
    keuze = pd.DataFrame({"periode": [p.code]})
    lijn = (
        alt.Chart(keuze)
        .mark_rule(color=MARKERING_KLEUR, strokeWidth=1.5, strokeDash=[5, 3])
        .encode(x=x_as)
    )
    ring = (
        basis.transform_filter(alt.datum.periode == p.code)
        .mark_point(size=190, strokeWidth=2, color=MARKERING_KLEUR, filled=False, opacity=1)
        .encode(y=y_as)
    )
    woord = (
        alt.Chart(keuze)
        .mark_text(
            text="geanalyseerd",
            align="left",
            baseline="top",
            dx=4,
            dy=2,
            fontWeight="bold",
            color=MARKERING_KLEUR,
        )
        .encode(x=x_as, y=alt.value(0))
    )
    return [lijn, ring, woord]


def _tijdreeks_alt(ind, r, rijen: pd.DataFrame, p: Periode | None, categorie) -> str:
    """Two sentences: the course from first to last period per line, then the analysed period."""
    perioden = sorted(rijen["periode"].map(Periode.parse).unique())
    eerste, laatste = perioden[0].code, perioden[-1].code
    wie = r.naam if r.code == NEDERLAND else f"{r.naam} en Nederland"
    delen = []
    for naam in dict.fromkeys(rijen["regio"].astype(str)):
        serie = rijen[(rijen["regio"].astype(str) == naam) & rijen["waarde"].notna()]
        if serie.empty:
            continue
        van, naar = serie.iloc[0], serie.iloc[-1]
        vanaf = "" if van["periode"] == eerste else f" ({Periode.parse(van['periode']).label})"
        tot = "" if naar["periode"] == laatste else f" ({Periode.parse(naar['periode']).label})"
        delen.append(
            f"in {naam} van {waarde_tekst(van['waarde'], ind.eenheid)}{vanaf} naar "
            f"{waarde_tekst(naar['waarde'], ind.eenheid)}{tot}"
        )
    zin = (
        f"Lijngrafiek: {in_zin(ind.naam)}{_cat(categorie)} in {wie}, "
        f"{perioden[0].label} tot en met {perioden[-1].label}"
    )
    zinnen = [zin + (": " + ", ".join(delen) if delen else "") + "."]
    if p is not None:
        rij = rijen[(rijen["periode"] == p.code) & (rijen["regio"].astype(str) == r.naam)]
        if len(rij):
            zinnen.append(
                f"In het geanalyseerde halfjaar, {p.label}, was het in {r.naam} "
                f"{waarde_tekst(rij['waarde'].iloc[0], ind.eenheid)}."
            )
    return " ".join(zinnen)
