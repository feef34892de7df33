"""The map of the Veilig Thuis regions."""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import pandas as pd

from ..indicatoren import indicator as zoek_indicator
from ..opvragen import doorsnede
from ..paden import data_pad
from ..perioden import Periode
from .spreiding import _optionele_regio
from .thema import (
    ACCENT,
    ONDERDRUKT_KLEUR,
    _as_titel,
    _categorie_tekst,
    _data,
    _formaat,
    _getoond,
    _klein,
    _met_thema,
    _records,
    _titel,
    _wat,
)


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
