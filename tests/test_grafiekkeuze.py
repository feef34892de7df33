"""Which charts a page shows: the ones that show the notable findings (grafiekkeuze).

Unit tests on hand-made findings tables, the chart per row (maak_grafiek), and a sweep over the
practice data: every region, three half-years and every start question, where every notable
finding must be shown by a chosen chart.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import impactkit as ik
from impactkit.fouten import GeenWaarde, ImpactkitFout
from impactkit.grafieken import grafiekkeuze, maak_grafiek, soort
from impactkit.oordelen import (
    GEEN_GEGEVENS,
    MOGELIJK_TOEVAL,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    VOLDOET_NIET,
)
from impactkit.startvraagbank import startvragen
from impactkit.synthese.bewijs import voorbereid
from tests.antwoordmatrix import alle_antwoorden

DUUR = "duur_geweld_meldingen"


def _b(indicator, vergelijking, oordeel, categorie=None, p=0.001, waarde=40.0, eenheid=None):
    """One finding as analyseer gives it (the columns grafiekkeuze reads)."""
    if eenheid is None:
        eenheid = ik.indicator(indicator).eenheid
    return {
        "indicator": indicator,
        "categorie": categorie,
        "vergelijking": vergelijking,
        "oordeel": oordeel,
        "opvallend": oordeel.startswith("opvallend"),
        "p_gecorrigeerd": p,
        "waarde": waarde,
        "eenheid": eenheid,
    }


def _kies(rijen, indicatoren=None, alpha=0.05) -> list[tuple]:
    k = grafiekkeuze(pd.DataFrame(rijen), indicatoren, alpha=alpha)
    return [
        (r.indicator, r.categorie, r.grafiek, list(r.vergelijkingen), r.opvallend)
        for r in k.itertuples()
    ]


def test_opvallend_met_nederland_geeft_trechter_of_rangorde():
    rijen = [
        _b("hermeldingen", "landelijk", OPVALLEND_HOGER),
        _b("hermeldingen", "vorige_periode", MOGELIJK_TOEVAL, p=0.4),
        _b("tijdelijk_huisverbod", "landelijk", OPVALLEND_LAGER, waarde=120),
        _b("ots_per_10000", "landelijk", OPVALLEND_HOGER, waarde=2.7),
    ]
    keuze = grafiekkeuze(
        pd.DataFrame(rijen), ["hermeldingen", "tijdelijk_huisverbod", "ots_per_10000"]
    )
    assert _kies(rijen, ["hermeldingen", "tijdelijk_huisverbod", "ots_per_10000"]) == [
        ("hermeldingen", None, "trechter", ["landelijk"], True),
        ("tijdelijk_huisverbod", None, "rangorde", ["landelijk"], True),  # a count: no funnel
        ("ots_per_10000", None, "trechter", ["landelijk"], True),
    ]
    assert keuze["reden"].iloc[0] == "Opvallend: met Nederland."
    assert list(keuze.columns) == [
        "indicator",
        "categorie",
        "grafiek",
        "vergelijkingen",
        "categorieen",
        "opvallend",
        "reden",
    ]


def test_opvallend_verloop_of_norm_geeft_tijdreeks():
    rijen = [
        _b("adviezen_per_10000", "landelijk", MOGELIJK_TOEVAL, p=0.3),
        _b("adviezen_per_10000", "verloop", OPVALLEND_HOGER),
        _b("hermeldingen", "norm", VOLDOET_NIET, p=None),
    ]
    assert _kies(rijen, ["adviezen_per_10000", "hermeldingen"]) == [
        ("adviezen_per_10000", None, "tijdreeks", ["verloop"], True),
        ("hermeldingen", None, "tijdreeks", ["norm"], True),
    ]


def test_twee_opvallende_vergelijkingen_een_grafiek_per_soort():
    # Two changes over time: one time series shows both.
    tijd = [
        _b("hermeldingen", "verloop", OPVALLEND_LAGER),
        _b("hermeldingen", "vorige_periode", OPVALLEND_LAGER),
        _b("hermeldingen", "jaar_eerder", OPVALLEND_LAGER),
    ]
    assert _kies(tijd, ["hermeldingen"]) == [
        ("hermeldingen", None, "tijdreeks", ["vorige_periode", "jaar_eerder", "verloop"], True)
    ]
    # Nederland and the regions: one funnel. A change over time as well: a second chart,
    # the comparison with Nederland first.
    rijen = [
        _b("hermeldingen", "verloop", OPVALLEND_HOGER),
        _b("hermeldingen", "regios", OPVALLEND_HOGER),
        _b("hermeldingen", "landelijk", OPVALLEND_HOGER),
    ]
    assert _kies(rijen, ["hermeldingen"]) == [
        ("hermeldingen", None, "trechter", ["landelijk", "regios"], True),
        ("hermeldingen", None, "tijdreeks", ["verloop"], True),
    ]


def test_niets_opvallend_een_tijdreeks_van_de_eerste_indicator_met_cijfers():
    rijen = [
        _b("geweld_gestopt", "landelijk", GEEN_GEGEVENS, p=None, waarde=math.nan),
        _b("hermeldingen", "landelijk", MOGELIJK_TOEVAL, p=0.5),
        _b("acuut_structureel_onveilig", "landelijk", MOGELIJK_TOEVAL, p=0.5),
    ]
    keuze = grafiekkeuze(
        pd.DataFrame(rijen), ["geweld_gestopt", "hermeldingen", "acuut_structureel_onveilig"]
    )
    assert _kies(rijen, ["geweld_gestopt", "hermeldingen", "acuut_structureel_onveilig"]) == [
        ("hermeldingen", None, "tijdreeks", [], False)
    ]
    assert keuze["reden"].iloc[0].startswith("Geen opvallende bevinding")
    # A category of a distribution: its own line over time.
    cat = [_b(DUUR, "landelijk", MOGELIJK_TOEVAL, categorie="> 5 jaar", p=0.5)]
    assert _kies(cat, [(DUUR, "> 5 jaar")]) == [(DUUR, "> 5 jaar", "tijdreeks", [], False)]
    # No figures at all: nothing to draw.
    leeg = [_b("geweld_gestopt", "landelijk", GEEN_GEGEVENS, p=None, waarde=math.nan)]
    assert grafiekkeuze(pd.DataFrame(leeg), ["geweld_gestopt"]).empty


def test_categorie_van_een_verdeling_geeft_een_verdelingsgrafiek():
    rijen = [
        _b(DUUR, "landelijk", OPVALLEND_LAGER, categorie="> 5 jaar"),
        _b(DUUR, "landelijk", OPVALLEND_HOGER, categorie="≤ 1 week"),
        _b(DUUR, "verloop", OPVALLEND_HOGER, categorie="≤ 1 week"),
    ]
    items = [(DUUR, "> 5 jaar"), (DUUR, "≤ 1 week")]
    keuze = grafiekkeuze(pd.DataFrame(rijen), items)
    # One distribution chart for both categories (it shows all of them), and the change over
    # time of the one category as a time series of that category.
    assert _kies(rijen, items) == [
        (DUUR, "> 5 jaar", "verdeling", ["landelijk"], True),
        (DUUR, "≤ 1 week", "tijdreeks", ["verloop"], True),
    ]
    assert keuze["categorieen"].iloc[0] == ["> 5 jaar", "≤ 1 week"]
    assert keuze["reden"].iloc[0] == "Opvallend: met Nederland (> 5 jaar, ≤ 1 week)."


def test_na_correctie_toeval_krijgt_geen_eigen_grafiek():
    rijen = [
        _b("hermeldingen", "landelijk", OPVALLEND_HOGER, p=0.2),  # corrected away
        _b("overdracht_om", "landelijk", OPVALLEND_LAGER, p=0.01),
    ]
    assert voorbereid(pd.DataFrame(rijen), 0.05)["_helder"].tolist() == [False, True]
    assert _kies(rijen, ["hermeldingen", "overdracht_om"]) == [
        ("overdracht_om", None, "trechter", ["landelijk"], True)
    ]
    # Only that one: nothing notable, so the first indicator's time series, not as 'opvallend'.
    assert _kies(rijen[:1], ["hermeldingen"]) == [("hermeldingen", None, "tijdreeks", [], False)]
    # The threshold is alpha's.
    assert _kies(rijen[:1], ["hermeldingen"], alpha=0.5)[0][2] == "trechter"


def test_volgorde_van_het_plan_en_alleen_de_indicatoren_van_het_plan():
    rijen = [
        _b("hermeldingen", "landelijk", OPVALLEND_HOGER),
        _b("overdracht_om", "vorige_periode", OPVALLEND_HOGER),
        _b("overdracht_rvdk", "landelijk", OPVALLEND_HOGER),
    ]
    assert [r[0] for r in _kies(rijen, ["overdracht_om", "hermeldingen"])] == [
        "overdracht_om",
        "hermeldingen",
    ]
    assert [r[0] for r in _kies(rijen)] == ["hermeldingen", "overdracht_om", "overdracht_rvdk"]


def test_maak_grafiek_per_soort(oefendata):
    regio, periode = "Zaanstreek-Waterland", "2021H1"
    gevallen = [
        ({"indicator": "hermeldingen", "categorie": None, "grafiek": "tijdreeks"}, "tijdreeks"),
        ({"indicator": "hermeldingen", "categorie": None, "grafiek": "trechter"}, "trechter"),
        ({"indicator": "tijdelijk_huisverbod", "grafiek": "rangorde"}, "rangorde"),
        ({"indicator": DUUR, "categorie": "> 5 jaar", "grafiek": "verdeling"}, "verdeling"),
    ]
    for rij, verwacht in gevallen:
        g = maak_grafiek(rij, regio, periode, data=oefendata)
        assert soort(g) == verwacht
    # A time series of a category is that category's line, with the analysed period marked.
    g = maak_grafiek(
        pd.Series({"indicator": DUUR, "categorie": "> 5 jaar", "grafiek": "tijdreeks"}),
        regio,
        periode,
        data=oefendata,
    )
    spec = g.to_dict()
    assert "categorie '> 5 jaar'" in spec["title"]["subtitle"][0]
    assert spec["layer"][-1]["mark"]["text"] == "geanalyseerd"
    with pytest.raises(ImpactkitFout, match="Onbekend soort grafiek 'taart'"):
        maak_grafiek({"indicator": "hermeldingen", "grafiek": "taart"}, regio, periode)
    with pytest.raises(GeenWaarde):  # Oost-Brabant has no figures before 2023
        maak_grafiek(
            {"indicator": "hermeldingen", "grafiek": "rangorde"}, "VT27", periode, data=oefendata
        )


# -- The practice data: every notable finding has its chart ---------------------------------------
IN_DE_RUIMTE = {"landelijk", "regios", "vergelijkbaar"}


def _sleutel(indicator, categorie) -> tuple[str, str | None]:
    return indicator, categorie if isinstance(categorie, str) and categorie.strip() else None


def _items(plan) -> list[tuple[str, str | None]]:
    return [_sleutel(*((i, None) if isinstance(i, str) else i)) for i in plan.indicatoren()]


def _plan_deel(alle: pd.DataFrame, plan) -> pd.DataFrame:
    """The findings of the plan's indicators out of the findings of all start questions."""
    sleutels = [_sleutel(i, c) for i, c in zip(alle["indicator"], alle["categorie"])]
    return alle[[s in set(_items(plan)) for s in sleutels]]


def _gebreken(alle: pd.DataFrame, plan) -> tuple[int, list[str], list[str]]:
    """(notable findings, what is wrong with the choice, the kinds chosen) for one plan."""
    keuze = grafiekkeuze(alle, plan.indicatoren())
    v = voorbereid(_plan_deel(alle, plan), 0.05)
    helder = v[v["_helder"]]
    plek = f"{plan.regio_code} {plan.periode} {plan.hoofdvraag[:30]}"
    fout = []
    for r in helder.itertuples():
        cat = _sleutel(r.indicator, r.categorie)[1]
        ruimte = r.vergelijking in IN_DE_RUIMTE
        passend = [
            k
            for k in keuze.itertuples()
            if k.indicator == r.indicator
            and r.vergelijking in k.vergelijkingen
            and (k.categorie == cat or cat in k.categorieen)
            and (k.grafiek in ("trechter", "rangorde", "verdeling")) == ruimte
        ]
        if len(passend) != 1:
            fout.append(f"{plek}: {r.indicator} {cat} {r.vergelijking} in {len(passend)} grafieken")
    dubbel = keuze.duplicated(subset=["indicator", "categorie", "grafiek"]).any()
    if (
        dubbel
        or keuze.duplicated(subset=["indicator", "grafiek"])[keuze["grafiek"] == "verdeling"].any()
    ):
        fout.append(f"{plek}: dezelfde grafiek twee keer")
    if helder.empty:
        met_cijfers = v["waarde"].notna().any()
        if len(keuze) != int(met_cijfers) or keuze["opvallend"].any():
            fout.append(f"{plek}: zonder opvallende bevinding {len(keuze)} grafieken")
    elif not keuze["opvallend"].all() or len(keuze) > len(helder):
        fout.append(f"{plek}: een grafiek zonder opvallende bevinding")
    return len(helder), fout, keuze["grafiek"].tolist()


def test_elke_opvallende_bevinding_heeft_een_grafiek_in_de_oefendata(oefendata):
    """Every region x 2021H1, 2022H2, 2024H2 x every start question and the default analysis,
    from the answer matrix (``tests/antwoordmatrix.py``, shared with the answers' test)."""
    antwoorden = alle_antwoorden()
    plannen, opvallend, fouten, soorten = 0, 0, [], set()
    for a in antwoorden:
        n, fout, s = _gebreken(a.bevindingen, a.plan)
        plannen, opvallend = plannen + 1, opvallend + n
        fouten += fout
        soorten |= set(s)
    assert fouten == []
    assert plannen == 77 * (len(startvragen()) + 1)  # 26 + 26 + 25 regions
    assert opvallend > 100  # notable findings checked
    # Every kind but the ranking (a count: no count is notable in the practice data).
    assert soorten == {"trechter", "verdeling", "tijdreeks"}
    uitkomsten = {(a.plan.regio_code, a.periode, a.vraag): a.bevindingen for a in antwoorden}

    # Taking a plan's part of the findings of all start questions gives the same findings and
    # charts as the plan's own analysis (the multiple-testing correction is per indicator), so
    # the sweep checks what a user gets.
    for code, p, sleutel in [
        ("VT20", "2024H2", "bereik_burgers_professionals"),  # Utrecht
        ("VT22", "2021H1", "heftig_structureel_geweld"),  # Zaanstreek-Waterland
    ]:
        plan = ik.Stappenplan.uit_startvraag(sleutel, code, p)
        eigen = plan.analyseer(data=oefendata)
        alle = uitkomsten[(code, p, sleutel)]
        kol = ["indicator", "categorie", "vergelijking", "oordeel", "p_gecorrigeerd", "_helder"]
        a = voorbereid(eigen, 0.05).sort_index()[kol].reset_index(drop=True)
        b = voorbereid(_plan_deel(alle, plan), 0.05).sort_index()[kol].reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)
        keuze = grafiekkeuze(eigen, plan.indicatoren())
        pd.testing.assert_frame_equal(keuze, grafiekkeuze(alle, plan.indicatoren()))
        if code == "VT20":  # Utrecht's one notable finding: more advice requests over time
            assert a["_helder"].sum() == 1
            assert keuze[["indicator", "grafiek", "vergelijkingen"]].values.tolist() == [
                ["adviezen_per_10000", "tijdreeks", ["verloop"]]
            ]
        else:  # 55,6% against 42,8% for Nederland first
            assert keuze["grafiek"].tolist() == ["trechter", "verdeling", "trechter"]
