"""The map on the batch's overview page: per region of the batch its number of notable
differences with Nederland, the regions outside the batch grey, each region linking to its
report."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ..perioden import Periode
from ..regioindeling import regio as zoek_regio
from .kaarten import gebieden_in, regio_middens
from .toegankelijk import beschrijf
from .uiterlijk import BRON_CBS, BRON_OEFEN, OEFENDATA_TEKST, RAND_KLEUR, json_rijen, met_thema

NIET_IN_BATCH = "niet in deze batch"
ZONDER_OORDELEN = "in de batch, zonder oordelen"
BATCH_KLASSEN: dict[str, str] = {
    NIET_IN_BATCH: "#F2F2F2",
    ZONDER_OORDELEN: "#FFFFFF",
    "geen opvallend verschil": "#CBC9E2",
    "1 opvallend verschil": "#9E9AC8",
    "2 opvallende verschillen": "#6A51A3",
    "3 of meer opvallende verschillen": "#3F007D",
}
"""The batch map's classes and fills: a purple ramp (no verdict colour: a count has no
direction), light grey for regions outside the batch, white for a region without verdicts. The
number itself stands on every region of the batch, so colour never carries it alone."""


def _batch_klasse(aantal: int | None) -> str:
    if aantal is None:
        return ZONDER_OORDELEN
    if aantal == 0:
        return "geen opvallend verschil"
    if aantal == 1:
        return "1 opvallend verschil"
    return "2 opvallende verschillen" if aantal == 2 else "3 of meer opvallende verschillen"


def _verschillen(n: int) -> str:
    return f"{n} opvallend verschil" if n == 1 else f"{n} opvallende verschillen"


def kaart_batch(
    periode: str,
    aantallen: Mapping[str, int | None],
    indicatoren: int,
    links: Mapping[str, str] | None = None,
    oefendata: bool = False,
    bron: str | None = None,
) -> alt.LayerChart:
    """Map of the regions in a batch: per region the number of indicators whose verdict against
    Nederland is *opvallend* (higher or lower), as the batch's overview page shows them.

    ``aantallen``: region code -> that number, or ``None`` for a region in the batch without
    verdicts (its run failed, or its report is about another period). Regions not in it are
    light grey, 'niet in deze batch'. ``indicatoren``: how many indicators were compared.
    ``links``: region code -> address of its report (clickable areas). Regions are drawn and
    named as they were in ``periode`` (from 2023 Oost-Brabant). ``oefendata`` puts the
    practice-data warning in the caption; otherwise ``bron`` ('cbs' or a description) is named.

    Examples
    --------
    >>> g = kaart_batch("2024H2", {"VT19": 1, "VT20": 0}, indicatoren=7)
    >>> g.to_dict()["title"]["text"]
    'Meeste opvallende verschillen met Nederland: Twente (1 van 7 indicatoren)'
    """
    p = Periode.parse(periode)
    gebieden = gebieden_in(p.jaar)
    middens = regio_middens()
    rijen = []
    for ft in gebieden:
        code = ft["properties"]["vt_code"]
        erin = code in aantallen
        aantal = aantallen.get(code)
        x, y = middens[code]
        rijen.append(
            {
                "regio_code": code,
                "regio": zoek_regio(code).naam_in(p.code),
                "klasse": _batch_klasse(aantal) if erin else NIET_IN_BATCH,
                "aantal": None if aantal is None else int(aantal),
                "label": ("–" if aantal is None else str(int(aantal))) if erin else "",
                "link": (links or {}).get(code),
                "lon": x,
                "lat": y,
            }
        )
    tab = pd.DataFrame(rijen)
    getoond = [k for k in BATCH_KLASSEN if k in set(tab["klasse"])]
    extra = []
    if NIET_IN_BATCH in getoond:
        extra.append("Lichtgrijs met stippelrand: niet in deze batch.")
    extra.append("Het getal op een regio is het aantal indicatoren met een opvallend verschil.")
    if links:
        extra.append("Klik op een regio voor het rapport van die regio.")
    if oefendata:
        bronregels = [BRON_OEFEN, OEFENDATA_TEKST]
    elif bron and bron.strip().lower() == "cbs":
        bronregels = [BRON_CBS]
    else:
        bronregels = [f"Bron: {bron}." if bron else "Bron: de cijfers in het rapport per regio."]
    titel = alt.TitleParams(
        text=_batch_titel(tab, indicatoren),
        subtitle=[
            "Per Veilig Thuis-regio het aantal indicatoren met een opvallend verschil met "
            f"Nederland (opvallend hoger of lager), {p.label}",
            *bronregels,
            *extra,
        ],
    )
    datasets = {"vt_gebieden": list(gebieden), "vt_batch": json_rijen(tab)}
    grafiek = alt.layer(
        *_batchvlakken(getoond, bool(links)),
        data=alt.NamedData(name="vt_gebieden"),
        datasets=datasets,
    ).properties(title=titel, width=420, height=480, projection=alt.Projection(type="mercator"))
    in_batch = tab[tab["klasse"] != NIET_IN_BATCH].sort_values("regio", kind="stable")
    kolom = f"Opvallende verschillen met Nederland (van {indicatoren} indicatoren)"
    lezer = pd.DataFrame({"Regio": in_batch["regio"], kolom: in_batch["aantal"]})
    return beschrijf(
        met_thema(grafiek),
        "kaart_batch",
        _batch_alt(p, tab, indicatoren),
        lezer.reset_index(drop=True),
        {kolom: 0},
    )


def _batch_titel(tab: pd.DataFrame, indicatoren: int) -> str:
    """The finding: which region(s) differ most from Nederland, or that none does."""
    met = tab[tab["aantal"].notna() & (tab["klasse"] != NIET_IN_BATCH)]
    if met.empty:
        return "Geen oordelen in deze batch"
    hoogste = int(met["aantal"].max())
    if hoogste == 0:
        return "Geen regio in deze batch verschilt opvallend van Nederland"
    namen = sorted(met.loc[met["aantal"] == hoogste, "regio"])
    wie = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
    if len(namen) > 4:
        wie = f"{len(namen)} regio's"
    return f"Meeste opvallende verschillen met Nederland: {wie} ({hoogste} van {indicatoren} indicatoren)"


def _batch_alt(p: Periode, tab: pd.DataFrame, indicatoren: int) -> str:
    in_batch = tab[tab["klasse"] != NIET_IN_BATCH].sort_values(
        ["aantal", "regio"], ascending=[False, True], na_position="last"
    )
    zin = (
        f"Kaart van de {len(tab)} Veilig Thuis-regio's, {p.label}: de {len(in_batch)} regio's "
        f"in deze batch zijn gekleurd naar het aantal indicatoren (van {indicatoren}) met een "
        "opvallend verschil met Nederland"
    )
    if 0 < len(in_batch) <= 8:
        delen = [
            f"{r.regio} {'geen oordelen' if pd.isna(r.aantal) else int(r.aantal)}"
            for r in in_batch.itertuples()
        ]
        zin += ": " + ", ".join(delen)
    else:
        tellingen = in_batch["klasse"].value_counts()
        woorden = {
            "geen opvallend verschil": "zonder opvallend verschil",
            "1 opvallend verschil": "met 1",
            "2 opvallende verschillen": "met 2",
            "3 of meer opvallende verschillen": "met 3 of meer",
            ZONDER_OORDELEN: "zonder oordelen",
        }
        zin += ": " + ", ".join(f"{tellingen[k]} {w}" for k, w in woorden.items() if k in tellingen)
    rest = len(tab) - len(in_batch)
    return zin + (f". De andere {rest} zijn grijs: niet in deze batch." if rest else ".")


def _batchvlakken(getoond: list[str], met_links: bool) -> list[alt.Chart]:
    """The areas filled by class (clickable with links) and the number on each batch region."""
    opzoeken = alt.LookupData(
        data=alt.NamedData(name="vt_batch"),
        key="regio_code",
        fields=["regio", "klasse", "aantal", "link"],
    )
    tooltip = [
        alt.Tooltip("regio:N", title="Regio"),
        alt.Tooltip("klasse:N", title="Opvallende verschillen met Nederland"),
    ]
    codering = {
        "fill": alt.Fill(
            "klasse:N",
            scale=alt.Scale(domain=getoond, range=[BATCH_KLASSEN[k] for k in getoond]),
            legend=alt.Legend(
                title=None,
                orient="bottom",
                direction="horizontal",
                columns=1,
                symbolType="square",
                symbolStrokeColor=RAND_KLEUR,
            ),
        ),
        "tooltip": tooltip,
    }
    if met_links:
        codering["href"] = alt.Href("link:N")
    cursor = "pointer" if met_links else "default"
    basis = alt.Chart().transform_lookup(lookup="properties.vt_code", from_=opzoeken)
    buiten = (
        basis.transform_filter(f"datum.klasse == '{NIET_IN_BATCH}'")
        .mark_geoshape(stroke="#8A8A8A", strokeWidth=0.8, strokeDash=[3, 2])
        .encode(**codering)
    )
    binnen = (
        basis.transform_filter(f"datum.klasse != '{NIET_IN_BATCH}'")
        .mark_geoshape(stroke=RAND_KLEUR, strokeWidth=1, cursor=cursor)
        .encode(**codering)
    )
    getallen = alt.Chart(alt.NamedData(name="vt_batch")).transform_filter("datum.label != ''")
    tekst = getallen.encode(longitude="lon:Q", latitude="lat:Q", text="label:N", tooltip=tooltip)
    if met_links:  # the number lies on top of its area: a click on it opens the report too
        tekst = tekst.encode(href=alt.Href("link:N"))
    return [
        buiten,
        binnen,
        tekst.mark_text(
            fontSize=14,
            fontWeight="bold",
            stroke="white",
            strokeWidth=4,
            strokeJoin="round",
            cursor=cursor,
        ),
        tekst.mark_text(fontSize=14, fontWeight="bold", color="#000000", cursor=cursor),
    ]
