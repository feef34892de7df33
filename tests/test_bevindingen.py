"""Findings (step 5): the Zaanstreek-Waterland analysis of the worked example, and many tests at once."""

import numpy as np
import pandas as pd
import pytest

import impactkit as ik
from impactkit.bevindingen import analyseer, samenvatting, toeval_tekst
from impactkit.oordelen import GEEN_GEGEVENS, MOGELIJK_TOEVAL, OPVALLEND, OPVALLEND_HOGER, oordeel
from impactkit.statistiek import benjamini_hochberg

ZW = "Zaanstreek-Waterland"


@pytest.fixture(scope="module")
def zw():
    return analyseer(ZW, "2021H1")


def test_aandeel_onveilig_opvallend_hoger_dan_landelijk(zw):
    rij = zw[
        (zw.indicator == "acuut_structureel_onveilig") & (zw.vergelijking == "landelijk")
    ].iloc[0]
    assert rij.opvallend and rij.oordeel == OPVALLEND_HOGER
    assert "55,6%" in rij.tekst and "42,8%" in rij.tekst and "opvallend hoger" in rij.tekst
    assert "12,8 procentpunt" in rij.tekst  # 55,6 - 42,8 from the shown values
    assert len(rij.vragen) > 0


def test_verloop_van_het_voorbeeld_staat_in_de_analyse(zw):
    rij = zw[(zw.indicator == "acuut_structureel_onveilig") & (zw.vergelijking == "verloop")].iloc[
        0
    ]
    assert rij.referentie == "2019H1–2020H2"
    assert "het tweede halfjaar van 2020" in rij.tekst and "Daarna daalde" in rij.tekst
    # On its own the turning-point test finds the stronger rise (tests/test_ontwikkeling.py);
    # within 36 tests the false-discovery correction decides, and the text follows the verdict.
    assert rij.p_gecorrigeerd >= rij.p
    if rij.oordeel == MOGELIJK_TOEVAL:
        assert "kan op toeval berusten" in rij.tekst and rij.vragen == []
    else:
        assert "sterker dan landelijk" in rij.tekst


def test_correctie_per_indicator_is_benjamini_hochberg(zw):
    """One correction, once, for a stated family: the tested comparisons of one indicator."""
    from impactkit.vergelijken import TOETSEN_PER_INDICATOR

    for (ind, cat), groep in zw[zw["p_gecorrigeerd"].notna()].groupby(
        ["indicator", zw["categorie"].fillna("")]
    ):
        v = ik.vergelijk(ind, ZW, "2021H1", categorie=cat or None)
        familie = v[v.vergelijking.isin(TOETSEN_PER_INDICATOR) & v["p"].notna()]
        verwacht = dict(
            zip(familie["vergelijking"], benjamini_hochberg(familie["p"].astype(float).to_numpy()))
        )
        for rij in groep.itertuples():
            assert rij.p_gecorrigeerd == pytest.approx(verwacht[rij.vergelijking]), (ind, cat)
            if rij.oordeel in OPVALLEND:
                assert rij.p_gecorrigeerd < 0.05
    assert "per indicator" in zw.attrs["correctie"]


def test_stap_4_en_stap_5_geven_hetzelfde_oordeel(zw):
    """ik.vergelijk (step 4) and the analysis (steps 5-6) never disagree on a comparison."""
    for (ind, cat), groep in zw.groupby(["indicator", zw["categorie"].fillna("")]):
        if (groep["oordeel"] == GEEN_GEGEVENS).all():
            continue
        v = ik.vergelijk(ind, ZW, "2021H1", categorie=cat or None).set_index("vergelijking")
        for rij in groep.itertuples():
            assert rij.oordeel == v.loc[rij.vergelijking, "oordeel"], (ind, cat, rij.vergelijking)


def test_oordeel_hangt_niet_af_van_hoeveel_het_plan_toetst():
    """The worked example's verdict is the same with 1 indicator as with the full analysis."""
    los = analyseer(ZW, "2021H1", ["acuut_structureel_onveilig"]).set_index("vergelijking")
    alles = analyseer(ZW, "2021H1")
    alles = alles[alles.indicator == "acuut_structureel_onveilig"].set_index("vergelijking")
    assert los["oordeel"].to_dict() == alles["oordeel"].to_dict()
    assert los.loc["landelijk", "oordeel"] == OPVALLEND_HOGER


def test_correctie_haalt_een_grensgeval_weg():
    # Known answer: a p of 0.03 among 36 tests with nothing else below 0.05 is not kept by BH.
    p = np.r_[0.03, np.linspace(0.2, 0.99, 35)]
    q = benjamini_hochberg(p)
    assert q[0] == pytest.approx(min(min(1, pk * 36 / k) for k, pk in enumerate(np.sort(p), 1)))
    assert q[0] > 0.05
    assert oordeel(5.0, q[0], 3.0) == MOGELIJK_TOEVAL
    assert oordeel(5.0, p[0], 3.0) == OPVALLEND_HOGER


def test_niet_opvallend_zegt_toeval_en_geen_richting(zw):
    toeval = zw[zw.oordeel == MOGELIJK_TOEVAL]
    assert len(toeval) > 0
    assert toeval["tekst"].str.contains("toeval|gelijk").all()
    assert not toeval["tekst"].str.contains("opvallend|duidelijk").any()
    assert not toeval["opvallend"].any()
    assert (toeval["vragen"].map(len) == 0).all()


def test_elke_bevinding_heeft_tekst(zw):
    assert (zw["tekst"].str.len() > 20).all()
    assert set(zw["herkomst"].dropna()) == {"oefendata"}


def test_ontbrekende_gegevens_worden_bevinding_met_reden():
    b = analyseer("Zuid-Limburg", "2020", ["geweld_gestopt"])
    assert b["oordeel"].tolist() == [GEEN_GEGEVENS]
    assert "13 regio" in b["tekst"].iloc[0]


def test_samenvatting_noemt_toetsen_en_toeval(zw):
    md = samenvatting(zw)
    assert md.startswith("*Oefendata")
    assert "55,6%" in md
    m = zw.attrs["toetsen"]
    assert f"Er zijn {m} toetsen gedaan" in md
    assert ik.getal(m * 0.05, 1) in md  # chance alone, without correction
    assert "(en)" not in md


def test_toeval_tekst_enkelvoud():
    b = pd.DataFrame({"p": [0.01], "opvallend": [True]})
    b.attrs.update(toetsen=1, alpha=0.05)
    tekst = toeval_tekst(b)
    assert "Er is 1 toets gedaan" in tekst and "gemiddeld hooguit 1 op de 20 toeval." in tekst
    assert "bij deze" not in tekst


@pytest.mark.parametrize(
    "opvallend, verwacht",
    [
        (0, "; er is geen opvallende bevinding."),
        (5, "bij deze 5 is dat naar verwachting minder dan één."),  # 0,25: not 'hooguit 0,2'
        (19, "bij deze 19 is dat naar verwachting minder dan één."),
        (30, "bij deze 30 is dat naar verwachting ongeveer 2."),  # 1,5 rounds up
        (50, "bij deze 50 is dat naar verwachting ongeveer 3."),  # 2,5 rounds up
    ],
)
def test_toeval_tekst_zegt_naar_verwachting_ongeveer_en_rondt_goed_af(opvallend, verwacht):
    b = pd.DataFrame(
        {"p": [0.01] * 60, "opvallend": [True] * opvallend + [False] * (60 - opvallend)}
    )
    b.attrs.update(toetsen=60, alpha=0.05)
    tekst = toeval_tekst(b)
    assert tekst.endswith(verwacht), tekst
    assert "gemiddeld 3 'opvallend'" in tekst  # 60 x 0,05 without any correction
    for methode in ("Benjamini", "Hochberg", "φ", "τ", "DerSimonian"):
        assert methode not in tekst
    assert "Benjamini-Hochberg" in ik.toeval_techniek(b)
