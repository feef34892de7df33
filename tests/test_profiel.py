"""The region profile (spine chart) and the map of verdicts, tested through ``to_dict()``."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

import impactkit as ik
from impactkit import grafieken as gr
from impactkit import oordelen as oo
from impactkit.grafieken.uiterlijk import OORDEEL_STIJL

REGIO = "Zaanstreek-Waterland"
CODE = "VT22"
PERIODE = "2021H1"


def lagen(spec: dict) -> list[dict]:
    if "layer" in spec:
        return [u for laag in spec["layer"] for u in lagen(laag)]
    return [spec]


@pytest.fixture(scope="module")
def bevindingen(oefendata: pd.DataFrame) -> pd.DataFrame:
    return ik.analyseer(REGIO, PERIODE, data=oefendata)


@pytest.fixture(scope="module")
def grafiek(bevindingen, oefendata) -> alt.LayerChart:
    return gr.profiel(REGIO, PERIODE, bevindingen=bevindingen, data=oefendata)


@pytest.fixture(scope="module")
def spec(grafiek) -> dict:
    return grafiek.to_dict()


def regels(spec: dict) -> list[dict]:
    """The profile's rows (the dataset with a 'rij' field)."""
    return next(w for w in spec["datasets"].values() if w and "rij" in w[0])


# -- The figures -----------------------------------------------------------------------------------
def test_profiel_tabel_one_row_per_indicator_with_landelijk_verdict(bevindingen, oefendata):
    tab = gr.profiel_tabel(REGIO, PERIODE, bevindingen=bevindingen, data=oefendata)
    landelijk = bevindingen[bevindingen["vergelijking"] == "landelijk"]
    assert len(tab) == len(landelijk)
    assert tab["oordeel"].tolist() == landelijk["oordeel"].tolist()  # same verdicts as the text
    assert set(tab["oordeel"]) <= set(oo.OORDELEN)
    # Regions with a figure: all 26, less those whose small count is suppressed (the practice
    # data have noise, so a small region's overdracht can fall to 5 and be withheld).
    regionaal = oefendata[
        (oefendata.periode == PERIODE) & oefendata.regio_code.str.startswith("VT")
    ]
    for rij in tab.to_dict("records"):
        assert rij["laagste"] <= rij["kwartiel_1"] <= rij["mediaan"] <= rij["kwartiel_3"]
        assert rij["kwartiel_3"] <= rij["hoogste"]
        assert rij["laagste"] <= rij["waarde"] <= rij["hoogste"]
        cel = regionaal[regionaal.indicator == rij["indicator"]]
        cel = (
            cel[cel.categorie.isna()]
            if pd.isna(rij["categorie"])
            else cel[cel.categorie == rij["categorie"]]
        )
        assert len(cel) == 26
        assert rij["aantal_regios"] == int((~cel.onderdrukt).sum()), rij["indicator"]
        assert 0 <= rij["pos_laagste"] <= rij["pos_waarde"] <= rij["pos_hoogste"] <= 1
    acuut = tab.set_index("indicator").loc["acuut_structureel_onveilig"]
    assert round(acuut["waarde"], 1) == 55.6 and round(acuut["nederland"], 1) == 42.8
    alle = ik.doorsnede("acuut_structureel_onveilig", PERIODE, data=oefendata)["waarde"]
    assert acuut["hoogste"] == pytest.approx(float(alle.max()))
    assert acuut["mediaan"] == pytest.approx(float(alle.astype(float).median()))
    assert acuut["pos_waarde"] == pytest.approx(1.0)  # the furthest value sits at the end


def test_nederland_is_the_middle_of_every_row(bevindingen, oefendata):
    tab = gr.profiel_tabel(REGIO, PERIODE, bevindingen=bevindingen, data=oefendata)
    for rij in tab.to_dict("records"):
        half = max(abs(rij[k] - rij["nederland"]) for k in ("laagste", "hoogste", "waarde"))
        verwacht = 0.5 + 0.5 * (rij["waarde"] - rij["nederland"]) / half
        assert rij["pos_waarde"] == pytest.approx(verwacht, abs=1e-3)


def test_profiel_from_vergelijk_rows(oefendata):
    rijen = pd.concat(
        [
            ik.vergelijk(i, REGIO, PERIODE, data=oefendata)
            for i in ("hermeldingen", "meldingen_per_10000")
        ]
    )
    tab = gr.profiel_tabel(REGIO, PERIODE, bevindingen=rijen, data=oefendata)
    assert tab["indicator"].tolist() == ["hermeldingen", "meldingen_per_10000"]


def test_profiel_without_comparison_says_what_to_pass(bevindingen, oefendata):
    with pytest.raises(ik.GeenWaarde, match="ik.analyseer"):
        gr.profiel_tabel("Twente", PERIODE, bevindingen=bevindingen, data=oefendata)


# -- The chart -------------------------------------------------------------------------------------
def test_title_states_the_finding(spec, bevindingen):
    landelijk = bevindingen[bevindingen["vergelijking"] == "landelijk"]
    hoger = (landelijk["oordeel"] == oo.OPVALLEND_HOGER).sum()
    lager = (landelijk["oordeel"] == oo.OPVALLEND_LAGER).sum()
    woord = "indicator" if hoger == 1 else "indicatoren"
    assert spec["title"]["text"] == (
        f"{REGIO}: {hoger} {woord} {oo.OPVALLEND_HOGER} en {lager} {oo.OPVALLEND_LAGER} "
        "dan Nederland"
    )
    onder = spec["title"]["subtitle"]
    assert gr.OEFENDATA_TEKST in onder
    assert any("zwarte lijn: Nederland" in r for r in onder)
    sleutel = next(r for r in onder if r.startswith("Teken en woord"))
    assert f"▲ {oo.OPVALLEND_HOGER}" in sleutel and f"▼ {oo.OPVALLEND_LAGER}" in sleutel


def test_every_row_has_name_values_spine_and_verdict_word(spec, bevindingen):
    rijen = regels(spec)
    n = (bevindingen["vergelijking"] == "landelijk").sum()
    assert len(rijen) == n
    alle = lagen(spec)
    teksten = {
        u["encoding"]["text"]["field"]
        for u in alle
        if u["mark"]["type"] == "text" and "field" in u["encoding"].get("text", {})
    }
    assert {"naam", "t_regio", "t_nl", "oordeel"} <= teksten  # the verdict as a word
    balken = [u for u in alle if u["mark"]["type"] == "bar"]
    assert [(b["encoding"]["x"]["field"], b["encoding"]["x2"]["field"]) for b in balken] == [
        ("pos_laagste", "pos_hoogste"),
        ("pos_kwartiel_1", "pos_kwartiel_3"),
    ]
    nl = next(u for u in alle if u["mark"]["type"] == "rule")
    assert nl["mark"]["color"] == "#000000"
    assert {"x": 0.5} in next(w for w in spec["datasets"].values() if w == [{"x": 0.5}])
    acuut = next(r for r in rijen if r["naam"][0].startswith("Meldingen met acute"))
    assert acuut["t_regio"] == "55,6%" and acuut["t_nl"] == "42,8%"
    assert acuut["oordeel"] == oo.OPVALLEND_HOGER and acuut["nadruk"] is True


def test_marker_colour_and_shape_follow_the_verdict(spec):
    punten = [u for u in lagen(spec) if u["mark"]["type"] == "point"]
    assert len(punten) == 2  # on the spine and next to the word
    for punt in punten:
        enc = punt["encoding"]
        for kanaal, sleutel in (("shape", "vorm"), ("stroke", "kleur")):
            schaal = enc[kanaal]["scale"]
            assert enc[kanaal]["field"] == "oordeel"
            assert schaal["domain"] == list(OORDEEL_STIJL)  # the one vocabulary
            assert schaal["range"] == [s[sleutel] for s in OORDEEL_STIJL.values()]
    stijl = OORDEEL_STIJL
    assert stijl[oo.OPVALLEND_HOGER]["vorm"] != stijl[oo.OPVALLEND_LAGER]["vorm"]
    assert stijl[oo.OPVALLEND_HOGER]["kleur"] != stijl[oo.OPVALLEND_LAGER]["kleur"]
    assert all(gr.contrast(s["kleur"]) >= 3 for s in stijl.values())


def test_graphics_contrast(spec):
    from impactkit.grafieken.profielgrafiek import BEREIK_RAND, MIDDEN_KLEUR

    assert gr.contrast(MIDDEN_KLEUR) >= 3 and gr.contrast(BEREIK_RAND) >= 4.5
    bereik = next(u for u in lagen(spec) if u["mark"]["type"] == "bar")
    assert bereik["mark"]["stroke"] == BEREIK_RAND  # the light bar's extent is its outline


def test_profiel_alt_text_caption_and_table(grafiek, bevindingen):
    tekst = gr.alt_tekst(grafiek)
    assert tekst.startswith(f"Profiel van {REGIO}, 1e halfjaar 2021: 10 indicatoren")
    assert "Meldingen met acute en/of structurele onveiligheid (55,6%; Nederland 42,8%)" in tekst
    assert gr.soort(grafiek) == "profiel"
    assert gr.OEFENDATA_TEKST in gr.bijschrift(grafiek)
    tab = gr.grafiek_tabel(grafiek, opgemaakt=True)
    assert tab.columns[0] == "Indicator" and tab.columns[-1].startswith("Oordeel")
    assert tab.iloc[0]["Regio"] == "55,6%"
    meldingen = tab[tab["Indicator"] == "Meldingen per 10.000 inwoners"].iloc[0]
    assert meldingen["Regio"] == "43,4" and meldingen["Eenheid"] == "per 10.000 inwoners"
    assert set(tab.iloc[:, -1]) <= set(oo.OORDELEN)


def test_suppressed_region_value_is_named_and_has_no_marker(oefendata):
    rijen = ik.vergelijk("melder_type", REGIO, PERIODE, categorie="Kinderopvang", data=oefendata)
    g = gr.profiel(REGIO, PERIODE, bevindingen=rijen, data=oefendata)
    rij = regels(g.to_dict())[0]
    assert rij["t_regio"] == "onderdrukt" and rij["pos_waarde"] is None
    assert rij["oordeel"] == oo.GEEN_GEGEVENS
    assert gr.ONDERDRUKT_TEKST in g.to_dict()["title"]["subtitle"]


# -- Map of verdicts -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def oordelen(oefendata) -> pd.DataFrame:
    delen = [
        ik.analyseer(r, PERIODE, ["hermeldingen"], data=oefendata)
        for r in (REGIO, "Twente", "Utrecht")
    ]
    return pd.concat(delen, ignore_index=True)


def test_kaart_oordelen_from_analysis_rows(oordelen, oefendata):
    links = {CODE: "zaanstreek-waterland/rapport.html"}
    g = gr.kaart_oordelen(
        "hermeldingen", PERIODE, oordelen=oordelen, regio=REGIO, links=links, data=oefendata
    )
    spec = g.to_dict()
    tab = {r["regio_code"]: r for r in spec["datasets"]["vt_oordelen"]}
    assert len(tab) == 26 and len(spec["datasets"]["vt_gebieden"]) == 26
    verwacht = oordelen[oordelen["vergelijking"] == "landelijk"].set_index("regio_code")["oordeel"]
    for code, woord in verwacht.items():
        assert tab[code]["oordeel"] == woord
    anderen = set(tab) - set(verwacht.index)
    assert {tab[c]["oordeel"] for c in anderen} == {oo.GEEN_GEGEVENS}
    assert tab[CODE]["link"] == links[CODE]
    vlak = next(u for u in lagen(spec) if "fill" in u.get("encoding", {}))
    assert vlak["encoding"]["href"]["field"] == "link"
    schaal = vlak["encoding"]["fill"]["scale"]
    assert set(schaal["domain"]) <= set(OORDEEL_STIJL)
    assert "labelExpr" in vlak["encoding"]["fill"]["legend"]  # sign + word in the legend
    assert any(u["mark"].get("stroke") == gr.ACCENT for u in lagen(spec))  # chosen region
    assert "Klik op een regio" in " ".join(spec["title"]["subtitle"])


def test_kaart_oordelen_computes_verdicts_and_marks_them_with_signs(oefendata):
    g = gr.kaart_oordelen("acuut_structureel_onveilig", PERIODE, data=oefendata)
    spec = g.to_dict()
    rijen = spec["datasets"]["vt_oordelen"]
    assert {r["oordeel"] for r in rijen} <= set(OORDEEL_STIJL)
    for r in rijen:
        if r["oordeel"] in (oo.OPVALLEND_HOGER, oo.OPVALLEND_LAGER):
            assert r["teken"] == OORDEEL_STIJL[r["oordeel"]]["teken"]
    tekens = next(u for u in lagen(spec) if u["mark"]["type"] == "text")
    assert tekens["encoding"]["text"]["field"] == "teken"
    assert gr.contrast(tekens["mark"]["color"], OORDEEL_STIJL[oo.OPVALLEND_LAGER]["vulling"]) >= 3
    tekst = gr.alt_tekst(g)
    hoger = sum(r["oordeel"] == oo.OPVALLEND_HOGER for r in rijen)
    assert f"{hoger} {oo.OPVALLEND_HOGER}" in tekst and REGIO in tekst
    tab = gr.grafiek_tabel(g)
    assert len(tab) == 26 and "Oordeel (ten opzichte van Nederland)" in tab.columns
    assert gr.OEFENDATA_TEKST in gr.bijschrift(g)


def test_kaart_oordelen_without_rows_for_indicator(oordelen, oefendata):
    with pytest.raises(ik.GeenWaarde, match="Geen oordelen"):
        gr.kaart_oordelen("meldingen_per_10000", PERIODE, oordelen=oordelen, data=oefendata)
