"""The map of the Veilig Thuis regions."""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import pandas as pd

from ..fouten import GeenWaarde
from ..indicatoren import indicator as zoek_indicator
from ..oordelen import GEEN_GEGEVENS, KLEIN_VERSCHIL, OPVALLEND_HOGER, OPVALLEND_LAGER, is_opvallend
from ..opmaak import EENHEID_DECIMALEN, met_eenheid
from ..opvragen import doorsnede
from ..paden import data_pad
from ..perioden import Periode
from ..regioindeling import regio as zoek_regio
from ..regioindeling import vt_codes
from .profielgrafiek import LANDELIJK_VERGELIJKING
from .spreiding import optionele_regio
from .toegankelijk import beschrijf, in_zin, waarde_tekst
from .uiterlijk import (
    ACCENT,
    KAART_KLEUREN,
    ONDERDRUKT_KLEUR,
    OORDEEL_STIJL,
    RAND_KLEUR,
    as_titel,
    categorie_tekst,
    compacte_tabel,
    d3_formaat,
    data_of_laad,
    getoonde_rijen,
    json_rijen,
    met_thema,
    titel_met_bijschrift,
    wat_getoond,
)

ONTBREKEND = "onderdrukt of geen cijfer"


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


def _ring_midden(ring: list) -> tuple[float, float, float]:
    """Area and centroid of one ring (shoelace; lon/lat treated as plane, fine at this scale)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        k = x0 * y1 - x1 * y0
        a, cx, cy = a + k, cx + (x0 + x1) * k, cy + (y0 + y1) * k
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a / 2), cx / (3 * a), cy / (3 * a)


@lru_cache(maxsize=8)
def gebieden_in(jaar: int) -> tuple[dict, ...]:
    """The region features valid in ``jaar``: from 2023 VT16 and VT26 are drawn as one VT27.

    The boundary file has the 2022 division; a region that CBS reports as the merger of older
    regions (data/cbs/regio_overgangen.csv) gets their polygons as one MultiPolygon.
    """
    from ..regioindeling import regio_overgangen

    gebieden = {ft["properties"]["vt_code"]: ft for ft in _vt_gebieden()}
    overgang = regio_overgangen()
    samen = overgang[
        (overgang["vanaf_jaar"] <= jaar) & (overgang["van_code"] != overgang["naar_code"])
    ]
    for doel, groep in samen.groupby("naar_code"):
        delen = [gebieden.pop(c) for c in groep["van_code"] if c in gebieden]
        if not delen:
            continue
        veelhoeken = []
        for ft in delen:
            geo = ft["geometry"]
            veelhoeken += [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
        naam = str(groep["naar_naam"].iloc[0])
        gebieden[doel] = {
            "type": "Feature",
            "properties": {"vt_code": doel, "vt_name": naam},
            "geometry": {"type": "MultiPolygon", "coordinates": veelhoeken},
        }
    return tuple(gebieden[c] for c in sorted(gebieden))


@lru_cache(maxsize=1)
def regio_middens() -> dict[str, tuple[float, float]]:
    """Label point per region: the centroid of its largest polygon (lon, lat)."""
    uit = {}
    for ft in (*_vt_gebieden(), *gebieden_in(9999)):
        geo = ft["geometry"]
        veelhoeken = [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
        _, x, y = max(_ring_midden(v[0]) for v in veelhoeken)
        uit[ft["properties"]["vt_code"]] = (round(x, 4), round(y, 4))
    return uit


def _gekozen_lagen(r) -> list[alt.Chart]:
    """The chosen region: a black-and-vermilion outline and its name on a white halo."""
    filter_ = f"datum.properties.vt_code == '{r.code}'"
    x, y = regio_middens()[r.code]
    naam = pd.DataFrame({"lon": [x], "lat": [y], "naam": [r.naam]})
    tekst = alt.Chart(naam).encode(longitude="lon:Q", latitude="lat:Q", text="naam:N")
    return [
        alt.Chart()
        .transform_filter(filter_)
        .mark_geoshape(fill=None, stroke="#000000", strokeWidth=5.5),
        alt.Chart()
        .transform_filter(filter_)
        .mark_geoshape(fill=None, stroke=ACCENT, strokeWidth=3),
        tekst.mark_text(
            fontSize=13,
            fontWeight="bold",
            stroke="white",
            strokeWidth=4,
            strokeJoin="round",
            dy=-16,
        ),
        tekst.mark_text(fontSize=13, fontWeight="bold", color="#000000", dy=-16),
    ]


def kaart(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Choropleth of the 26 Veilig Thuis regions; the chosen region outlined and named.

    The colours run from a mid blue (3,4:1 on white) to dark blue. The chosen region gets a
    thick black-and-vermilion outline and its name on the map, so it is found without colour.
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
    r = optionele_regio(regio)
    df = data_of_laad(data)
    rijen = doorsnede(ind.id, p.code, categorie=categorie, data=df)
    waarden = compacte_tabel(rijen, ["regio_code", "regio", "waarde"])
    # The boundaries are the layer's shared data (embedded once); the figures are looked up.
    # Both are named top-level datasets, so each is embedded once, whatever the number of layers.
    datasets = {"vt_gebieden": list(gebieden_in(p.jaar)), "vt_waarden": json_rijen(waarden)}
    lagen = _waardevlakken(ind)
    extra = ["Lichtgrijs met stippelrand: cijfer onderdrukt of onbekend."]
    if r is not None:
        lagen += _gekozen_lagen(r)
        extra.insert(0, f"Dikke zwart-oranje rand en naam: {r.naam}.")
    titel = titel_met_bijschrift(
        ind,
        wat_getoond(ind, "Veilig Thuis-regio's", p.label, categorie_tekst(categorie)),
        getoonde_rijen(df, ind, p, categorie),
        extra,
    )
    grafiek = (
        alt.layer(*lagen, data=alt.NamedData(name="vt_gebieden"), datasets=datasets)
        .resolve_scale(color="independent")
        .properties(title=titel, width=420, height=480, projection=alt.Projection(type="mercator"))
    )
    waarde = f"Waarde ({ind.eenheid})"
    tab = _kaart_tabel(waarden, waarde)
    return beschrijf(
        met_thema(grafiek),
        "kaart",
        _kaart_alt(ind, p, tab, waarde, r, categorie),
        tab,
        {waarde: EENHEID_DECIMALEN.get(ind.eenheid, 1)},
    )


def _waardevlakken(ind) -> list[alt.Chart]:
    """The map's two area layers: suppressed or missing regions in grey, the others by value."""
    opzoeken = alt.LookupData(
        data=alt.NamedData(name="vt_waarden"), key="regio_code", fields=["regio", "waarde"]
    )
    ontbrekend = ONTBREKEND
    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("waarde:Q", title=as_titel(ind), format=d3_formaat(ind)),
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
                title=as_titel(ind),
                scale=alt.Scale(range=KAART_KLEUREN, zero=False),
                legend=alt.Legend(orient="right", gradientLength=180),
            ),
            tooltip=tooltip,
        )
    )
    return [achtergrond, vlakken]


def _kaart_tabel(waarden: pd.DataFrame, waarde: str) -> pd.DataFrame:
    """The map's figures for the reader: region and value, by region name."""
    return (
        pd.DataFrame(
            {
                "Regio": waarden["regio"].astype(str).to_numpy(),
                waarde: pd.to_numeric(waarden["waarde"], errors="coerce").to_numpy(),
            }
        )
        .sort_values("Regio", kind="stable")
        .reset_index(drop=True)
    )


def _kaart_alt(ind, p, tab: pd.DataFrame, waarde: str, r, categorie) -> str:
    cat = f" (categorie {categorie})" if categorie else ""
    zin = f"Kaart van de {len(tab)} Veilig Thuis-regio's, gekleurd naar {in_zin(ind.naam)}{cat}"
    zin += f", {p.label}"
    met = tab[tab[waarde].notna()]
    if len(met):
        laag, hoog = met.loc[met[waarde].idxmin()], met.loc[met[waarde].idxmax()]
        zin += (
            f": van {met_eenheid(laag[waarde], ind.eenheid)} ({laag['Regio']}) tot "
            f"{met_eenheid(hoog[waarde], ind.eenheid)} ({hoog['Regio']})"
        )
    zinnen = [zin + "."]
    if len(met) < len(tab):
        zinnen.append(f"{len(tab) - len(met)} regio's zonder cijfer (onderdrukt of onbekend).")
    if r is not None:
        eigen = tab[tab["Regio"] == r.naam]
        if len(eigen):
            zinnen.append(f"{r.naam}: {waarde_tekst(eigen[waarde].iloc[0], ind.eenheid)}.")
    return " ".join(zinnen)


# -- 7. Map of verdicts ---------------------------------------------------------------------------
def _oordelen_van(
    ind, p: Periode, oordelen: pd.DataFrame | None, categorie: str | None, df: pd.DataFrame
) -> pd.DataFrame:
    """One verdict per region code (comparison with Nederland), from the rows or computed."""
    if oordelen is None:
        from ..vergelijken import vergelijk

        delen = []
        for code in vt_codes():
            try:
                delen.append(vergelijk(ind.id, code, p.code, categorie=categorie, data=df))
            except GeenWaarde:
                continue
        oordelen = pd.concat(delen, ignore_index=True) if delen else pd.DataFrame()
    rijen = oordelen
    for kolom, waarde in (
        ("indicator", ind.id),
        ("vergelijking", LANDELIJK_VERGELIJKING),
        ("periode", p.code),
    ):
        if kolom in rijen:
            rijen = rijen[rijen[kolom].astype(str) == waarde]
    if "categorie" in rijen:
        cat = rijen["categorie"].astype("string")
        rijen = rijen[cat.isna()] if categorie is None else rijen[cat == categorie]
    if "regio_code" not in rijen and "regio" in rijen:
        rijen = rijen.assign(regio_code=[zoek_regio(str(n)).code for n in rijen["regio"]])
    if rijen.empty or "oordeel" not in rijen:
        raise GeenWaarde(f"Geen oordelen voor {ind.naam} over {p.label} om op de kaart te zetten.")
    return rijen.drop_duplicates("regio_code").set_index("regio_code")


def kaart_oordelen(
    indicator: str,
    periode: str,
    oordelen: pd.DataFrame | None = None,
    categorie: str | None = None,
    regio: str | None = None,
    links: dict[str, str] | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Map of the 26 regions coloured by their verdict against Nederland on one indicator.

    ``oordelen``: rows with ``regio_code`` (or ``regio``) and ``oordeel``, such as the
    :func:`impactkit.analyseer` results of several regions put together; rows of other
    indicators, periods or comparisons are left out. Without it every region is compared with
    :func:`impactkit.vergelijk` (uncorrected for many tests). Each area also carries the sign of
    its verdict (▲, ▼, ●), the legend and tooltip give the word, so colour never works alone.
    ``links``: region code -> address (e.g. the region's report), made clickable. ``regio``:
    outlined and named, as in :func:`kaart`.

    Examples
    --------
    >>> from impactkit.grafieken import alt_tekst
    >>> g = kaart_oordelen("acuut_structureel_onveilig", "2021H1")
    >>> alt_tekst(g)[:45]
    "Kaart van de 26 Veilig Thuis-regio's met het "
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = optionele_regio(regio)
    df = data_of_laad(data)
    per_code = _oordelen_van(ind, p, oordelen, categorie, df)
    gebieden = gebieden_in(p.jaar)
    tab = _oordeel_per_gebied(gebieden, per_code, links)
    woorden = list(OORDEEL_STIJL)
    getoond = [w for w in woorden if w in set(tab["oordeel"])]
    lagen = _oordeelvlakken(ind, getoond, links)
    extra = ["Elk vlak heeft de kleur en het teken van zijn oordeel; de legenda geeft het woord."]
    if r is not None:
        lagen += _gekozen_lagen(r)
        extra.insert(0, f"Dikke zwart-oranje rand en naam: {r.naam}.")
    if links:
        extra.append("Klik op een regio voor het rapport van die regio.")
    cat = f", categorie '{categorie}'" if categorie else ""
    titel = titel_met_bijschrift(
        ind,
        f"Oordeel per Veilig Thuis-regio ten opzichte van Nederland, {p.label}{cat}",
        getoonde_rijen(df, ind, p, categorie),
        extra,
    )
    datasets = {"vt_gebieden": list(gebieden), "vt_oordelen": json_rijen(tab)}
    grafiek = alt.layer(
        *lagen, data=alt.NamedData(name="vt_gebieden"), datasets=datasets
    ).properties(title=titel, width=420, height=480, projection=alt.Projection(type="mercator"))
    waarde = f"Waarde ({ind.eenheid})"
    lezer = _oordeel_tabel(ind, tab, waarde)
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    return beschrijf(
        met_thema(grafiek),
        "kaart_oordelen",
        _oordelen_alt(ind, p, tab, cat),
        lezer,
        {waarde: d, f"Nederland ({ind.eenheid})": d},
    )


def _oordeel_per_gebied(gebieden: tuple[dict, ...], per_code: pd.DataFrame, links) -> pd.DataFrame:
    """One row per drawn region: its verdict and sign, value, Nederland, link and label point."""
    middens = regio_middens()
    woorden = list(OORDEEL_STIJL)
    rijen = []
    for ft in gebieden:
        code, naam = ft["properties"]["vt_code"], ft["properties"]["vt_name"]
        rij = per_code.loc[code] if code in per_code.index else None
        woord = str(rij["oordeel"]) if rij is not None else GEEN_GEGEVENS
        x, y = middens[code]
        rijen.append(
            {
                "regio_code": code,
                "regio": str(rij["regio"]) if rij is not None and "regio" in rij else naam,
                "oordeel": woord if woord in woorden else GEEN_GEGEVENS,
                "teken": OORDEEL_STIJL.get(woord, {}).get("teken", "")
                if is_opvallend(woord) or woord == KLEIN_VERSCHIL
                else "",
                "waarde": _getal(rij, "waarde"),
                "nederland": _getal(rij, "referentiewaarde"),
                "link": (links or {}).get(code),
                "lon": x,
                "lat": y,
            }
        )
    return pd.DataFrame(rijen)


def _oordeelvlakken(ind, getoond: list[str], links) -> list[alt.Chart]:
    """The areas filled by verdict (clickable with ``links``) and the verdicts' signs on them."""
    opzoeken = alt.LookupData(
        data=alt.NamedData(name="vt_oordelen"),
        key="regio_code",
        fields=["regio", "oordeel", "waarde", "nederland", "link"],
    )
    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("oordeel:N", title="Oordeel (ten opzichte van Nederland)"),
        alt.Tooltip("waarde:Q", title=as_titel(ind), format=d3_formaat(ind)),
        alt.Tooltip("nederland:Q", title="Nederland", format=d3_formaat(ind)),
    ]
    teken = {w: OORDEEL_STIJL[w]["teken"] for w in getoond}
    label = f"({json.dumps(teken, ensure_ascii=False)})[datum.label] + ' ' + datum.label"
    codering = {
        "fill": alt.Fill(
            "oordeel:N",
            scale=alt.Scale(domain=getoond, range=[OORDEEL_STIJL[w]["vulling"] for w in getoond]),
            legend=alt.Legend(
                title="Oordeel",
                orient="right",
                symbolType="square",
                symbolStrokeColor=RAND_KLEUR,
                labelExpr=label,
            ),
        ),
        "tooltip": tooltip,
    }
    if links:
        codering["href"] = alt.Href("link:N")
    vlakken = (
        alt.Chart()
        .transform_lookup(lookup="properties.vt_code", from_=opzoeken)
        .mark_geoshape(stroke=RAND_KLEUR, strokeWidth=0.8, cursor="pointer" if links else "default")
        .encode(**codering)
    )
    tekens = (
        alt.Chart(alt.NamedData(name="vt_oordelen"))
        .transform_filter("datum.teken != ''")
        .mark_text(fontSize=14, color="#000000")
        .encode(longitude="lon:Q", latitude="lat:Q", text="teken:N", tooltip=tooltip)
    )
    return [vlakken, tekens]


def _oordeel_tabel(ind, tab: pd.DataFrame, waarde: str) -> pd.DataFrame:
    """The verdict map for the reader: region, verdict, value and Nederland, by region name."""
    return (
        pd.DataFrame(
            {
                "Regio": tab["regio"],
                "Oordeel (ten opzichte van Nederland)": tab["oordeel"],
                waarde: tab["waarde"],
                f"Nederland ({ind.eenheid})": tab["nederland"],
            }
        )
        .sort_values("Regio", kind="stable")
        .reset_index(drop=True)
    )


def _getal(rij, veld: str) -> float | None:
    if rij is None or veld not in rij:
        return None
    x = pd.to_numeric(pd.Series([rij[veld]]), errors="coerce").iloc[0]
    return None if pd.isna(x) else round(float(x), 4)


def _oordelen_alt(ind, p: Periode, tab: pd.DataFrame, cat: str) -> str:
    tellingen = tab["oordeel"].value_counts()
    delen = [f"{tellingen[w]} {w}" for w in OORDEEL_STIJL if w in tellingen]
    zin = (
        f"Kaart van de {len(tab)} Veilig Thuis-regio's met het oordeel over "
        f"{in_zin(ind.naam)}{cat} ten opzichte van Nederland, {p.label}: "
        f"{', '.join(delen)}."
    )
    namen = []
    for w in (OPVALLEND_HOGER, OPVALLEND_LAGER):
        regios = sorted(tab.loc[tab["oordeel"] == w, "regio"])
        if 0 < len(regios) <= 8:
            namen.append(f"{w.capitalize()}: {', '.join(regios)}")
    return zin + (" " + ". ".join(namen) + "." if namen else "")
