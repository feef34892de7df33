"""The distribution chart: the categories of one indicator, region against Nederland."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ..indicatoren import indicator as zoek_indicator
from ..opmaak import EENHEID_DECIMALEN
from ..opvragen import verdeling
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio
from .toegankelijk import beschrijf, in_zin, waarde_tekst
from .uiterlijk import (
    ACCENT,
    CATEGORIE_KLEUREN,
    LANDELIJK,
    as_titel,
    compacte_tabel,
    data_of_laad,
    label_expr,
    met_thema,
    titel_met_bijschrift,
    tooltip_waarde,
    wat_getoond,
)


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
    df = data_of_laad(data)
    eigen = verdeling(ind.id, r.code, p.code, data=df)
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    land = sel[sel["regio_code"] == NEDERLAND] if r.code != NEDERLAND else sel.iloc[:0]
    rijen = pd.concat([eigen.drop(columns="landelijk"), land[eigen.columns.drop("landelijk")]])
    categorieen = list(ind.categorieen)
    namen = list(dict.fromkeys([r.naam, *rijen["regio"].astype(str)]))
    kleuren = [ACCENT if n == r.naam else LANDELIJK for n in namen]
    tabel = compacte_tabel(rijen, ["regio", "categorie", "waarde"])

    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("categorie:N", title="Categorie"),
        tooltip_waarde(ind, titel="Aandeel (%)" if ind.is_aandeel else "Waarde"),
    ]
    basis = alt.Chart(tabel)
    if gestapeld:
        lagen = [_gestapelde_staven(basis, ind, namen, categorieen, tooltip)]
        hoogte: alt.Step | int = alt.Step(48)
    else:
        lagen = _gegroepeerde_staven(basis, ind, namen, kleuren, categorieen, tooltip)
        # The step is per category ("position"), not per bar within it ("offset").
        hoogte = alt.Step(18 * max(1, len(namen)) + 10, **{"for": "position"})
    titel = titel_met_bijschrift(ind, wat_getoond(ind, f"{r.naam} en Nederland", p.label), rijen)
    grafiek = alt.layer(*lagen).properties(title=titel, width=440, height=hoogte)
    waarde = f"Waarde ({ind.eenheid})"
    tab = _verdeling_tabel(rijen, categorieen, waarde)
    return beschrijf(
        met_thema(grafiek),
        "verdeling",
        _verdeling_alt(ind, r, p, tab, waarde),
        tab,
        {waarde: EENHEID_DECIMALEN.get(ind.eenheid, 1)},
    )


def _gestapelde_staven(
    basis: alt.Chart, ind, namen: list[str], categorieen: list[str], tooltip: list
) -> alt.Chart:
    """One bar per region (and Nederland), its categories stacked in the catalogue's order."""
    return (
        basis.mark_bar(height=34)
        .encode(
            y=alt.Y("regio:N", sort=namen, title=None),
            x=alt.X(
                "waarde:Q",
                stack="zero",
                title=as_titel(ind),
            ),
            color=alt.Color(
                "categorie:N",
                sort=categorieen,
                scale=alt.Scale(domain=categorieen, range=CATEGORIE_KLEUREN[: len(categorieen)]),
                legend=alt.Legend(title=None, orient="bottom", columns=3),
            ),
            order=alt.Order("volgorde:Q"),
            tooltip=tooltip,
        )
        .transform_calculate(
            volgorde=f"indexof({json.dumps(categorieen, ensure_ascii=False)}, datum.categorie)"
        )
    )


def _gegroepeerde_staven(
    basis: alt.Chart,
    ind,
    namen: list[str],
    kleuren: list[str],
    categorieen: list[str],
    tooltip: list,
) -> list[alt.Chart]:
    """Per category a bar for the region and one for Nederland, each with its value label."""
    y_as = alt.Y("categorie:N", sort=categorieen, title=None)
    staven = basis.mark_bar(height=alt.RelativeBandSize(0.9)).encode(
        y=y_as,
        yOffset=alt.YOffset("regio:N", sort=namen, scale=alt.Scale(domain=namen)),
        x=alt.X(
            "waarde:Q",
            title=as_titel(ind),
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
            label=label_expr(ind), positie="isValid(datum.waarde) ? datum.waarde : 0"
        )
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(
            y=y_as,
            yOffset=alt.YOffset("regio:N", sort=namen, scale=alt.Scale(domain=namen)),
            x="positie:Q",
            text="label:N",
        )
    )
    return [staven, labels]


def _verdeling_tabel(rijen: pd.DataFrame, categorieen: list[str], waarde: str) -> pd.DataFrame:
    """The drawn values for the reader, in the catalogue's category order."""
    tab = pd.DataFrame(
        {
            "Categorie": rijen["categorie"].astype(str).to_numpy(),
            "Regio": rijen["regio"].astype(str).to_numpy(),
            waarde: pd.to_numeric(rijen["waarde"], errors="coerce").to_numpy(),
        }
    )
    tab = tab.iloc[
        tab["Categorie"]
        .map(lambda c: categorieen.index(c) if c in categorieen else len(categorieen))
        .argsort(kind="stable")
    ].reset_index(drop=True)
    return tab


def _verdeling_alt(ind, r, p, tab: pd.DataFrame, waarde: str) -> str:
    """'Staafdiagram van de verdeling ...: grootste categorie in R is c (v; Nederland w).'"""
    zin = f"Staafdiagram van de verdeling van {in_zin(ind.naam)} in {r.naam}"
    zin += (" en Nederland" if r.code != NEDERLAND else "") + f", {p.label}"
    eigen = tab[(tab["Regio"] == r.naam) & tab[waarde].notna()]
    if eigen.empty:
        return zin + f": de cijfers van {r.naam} zijn onderdrukt of onbekend."
    top = eigen.loc[eigen[waarde].idxmax()]
    zin += (
        f": de grootste categorie in {r.naam} is '{top['Categorie']}' met "
        f"{waarde_tekst(top[waarde], ind.eenheid)}"
    )
    land = tab[(tab["Regio"] == "Nederland") & (tab["Categorie"] == top["Categorie"])]
    if r.code != NEDERLAND and len(land):
        zin += f" (Nederland {waarde_tekst(land[waarde].iloc[0], ind.eenheid)})"
    return zin + "."
