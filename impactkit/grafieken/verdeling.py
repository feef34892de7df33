"""The distribution chart: the categories of one indicator, region against Nederland."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from ..indicatoren import indicator as zoek_indicator
from ..opvragen import verdeling
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio
from .thema import (
    ACCENT,
    CATEGORIE_KLEUREN,
    LANDELIJK,
    _as_titel,
    _data,
    _klein,
    _label_expr,
    _met_thema,
    _titel,
    _tooltip_waarde,
    _wat,
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
