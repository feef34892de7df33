"""Findings (step 5): the Zaanstreek-Waterland analysis of the worked example."""

import pytest

from impactkit.bevindingen import analyseer, samenvatting, verloop
from impactkit.vragen import SJABLONEN, SOORT_PER_INDICATOR, vragen_bij

ZW = "Zaanstreek-Waterland"


@pytest.fixture(scope="module")
def zw():
    return analyseer(ZW, "2021H1")


def test_aandeel_onveilig_duidelijk_hoger_dan_landelijk(zw):
    rij = zw[
        (zw.indicator == "acuut_structureel_onveilig") & (zw.vergelijking == "landelijk")
    ].iloc[0]
    assert rij.opvallend and rij.oordeel == "opvallend hoger"
    assert "55,6%" in rij.tekst and "42,8%" in rij.tekst and "duidelijk hoger" in rij.tekst
    assert any("zwaarder" in v for v in rij.vragen)
    assert any("te laat" in v for v in rij.vragen)


def test_stijging_tot_2020h2_sterker_dan_landelijk(zw):
    rij = zw[(zw.indicator == "acuut_structureel_onveilig") & (zw.vergelijking == "verloop")].iloc[
        0
    ]
    assert rij.opvallend
    assert "2e halfjaar 2020" in rij.tekst and "duidelijk sterker dan landelijk" in rij.tekst
    assert "Daarna daalde" in rij.tekst


def test_verloop_als_data():
    v = verloop("acuut_structureel_onveilig", ZW, "2021H1")
    assert v["keerpunt"] == "2020H2" and v["soort"] == "piek"
    assert v["verandering"] > v["landelijke_verandering"] > 0
    assert v["verandering_erna"] < 0


def test_niet_opvallend_zegt_toeval(zw):
    toeval = zw[zw.oordeel.str.contains("toeval", na=False)]
    assert len(toeval) > 0
    assert toeval["tekst"].str.contains("toeval").all()
    assert not toeval["opvallend"].any()


def test_elke_bevinding_heeft_tekst(zw):
    assert (zw["tekst"].str.len() > 20).all()
    assert set(zw["herkomst"].dropna()) == {"oefendata"}


def test_ontbrekende_gegevens_worden_bevinding_met_reden():
    b = analyseer("Zuid-Limburg", "2020", ["geweld_gestopt"])
    assert b["oordeel"].tolist() == ["geen gegevens"]
    assert "13 regio" in b["tekst"].iloc[0]


def test_samenvatting_markdown(zw):
    md = samenvatting(zw)
    assert md.startswith("*Oefendata")
    assert "55,6%" in md and "  - " in md


def test_vragen_sjablonen_compleet():
    for soort, sets in SJABLONEN.items():
        assert set(sets) == {"hoger", "lager"}, soort
    assert set(SOORT_PER_INDICATOR.values()) <= set(SJABLONEN)
    v = vragen_bij("overdracht_om", "lager", "Twente", "overdracht aan het OM")
    assert any("het Openbaar Ministerie" in x for x in v)
    assert all("{" not in x for x in v)
