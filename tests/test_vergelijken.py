"""Comparisons (step 4): values checked against the statistics computed from the counts."""

import pytest

import impactkit as ik
from impactkit import DataFout, GeenWaarde
from impactkit import statistiek as st
from impactkit.bronnen.normen import lees_normen
from impactkit.spreiding_regios import trechtercijfers
from impactkit.vergelijken import Drempels, met_intervallen, vergelijk

ZW = "Zaanstreek-Waterland"


@pytest.fixture(scope="module")
def zw():
    return vergelijk("acuut_structureel_onveilig", ZW, "2021H1").set_index("vergelijking")


def test_alle_soorten_vergelijkingen(zw):
    assert set(zw.index) == {
        "landelijk",
        "regios",
        "vergelijkbaar",
        "vorige_periode",
        "jaar_eerder",
        "trend",
        "verloop",
    }
    assert (zw["herkomst"] == "oefendata").all()


def test_met_nederland_tegen_rest_van_het_land(zw):
    rij = zw.loc["landelijk"]
    assert rij.waarde == pytest.approx(100 * 820 / 1475, abs=1e-3)
    assert rij.referentiewaarde == pytest.approx(100 * 26055 / 60880, abs=1e-3)
    assert rij.verschil == pytest.approx(rij.waarde - rij.referentiewaarde)
    assert rij.verschil_relatief == pytest.approx(100 * rij.verschil / rij.referentiewaarde)
    verwacht = st.toets_twee_proporties(820, 1475, 26055 - 820, 60880 - 1475)
    assert rij.p == pytest.approx(verwacht.p)
    laag, hoog = st.wilson(820, 1475)
    assert (rij.laag, rij.hoog) == (pytest.approx(100 * laag), pytest.approx(100 * hoog))
    assert rij.oordeel == "opvallend hoger"


def test_rang_kwartiel_en_trechter(zw):
    rij = zw.loc["regios"]
    assert rij.rang == 1 and rij.kwartiel == 4 and rij.aantal_regios == 26
    assert "boven 99,8%" in rij.toelichting
    d = ik.doorsnede("acuut_structureel_onveilig", "2021H1")
    assert rij.referentiewaarde == pytest.approx(d["waarde"].astype(float).median())


def test_vergelijkbare_omvang_is_zeven_dichtstbijzijnde(zw):
    rij = zw.loc["vergelijkbaar"]
    inwoners = ik.regios().set_index("code")["inwoners"].drop("NL01")
    buren = (inwoners - inwoners["VT22"]).abs().sort_values().index[:7]
    assert rij.aantal_regios == 7
    for code in buren.drop("VT22"):
        assert ik.regio(code).naam in rij.toelichting


def test_over_de_tijd(zw):
    assert zw.loc["vorige_periode", "referentie"] == "2020H2"
    assert zw.loc["jaar_eerder", "referentie"] == "2020H1"
    vorige = ik.waarde("acuut_structureel_onveilig", ZW, "2020H2")
    assert zw.loc["vorige_periode", "referentiewaarde"] == pytest.approx(vorige)
    # 55,6 % against 58,3 %: lower, but within chance (n ~ 1000 per half-year).
    assert zw.loc["vorige_periode", "oordeel"] == "mogelijk toeval"
    assert zw.loc["trend", "referentie"] == "2019H1–2021H1"


def test_minimaal_verschil_is_instelbaar():
    v = vergelijk(
        "acuut_structureel_onveilig",
        ZW,
        "2021H1",
        drempels=Drempels(procentpunt=20, deel_van_referentie=1.0),
    )
    assert v.set_index("vergelijking").loc["landelijk", "oordeel"] == "klein verschil"


def test_ratio_gebruikt_exacte_poisson():
    v = vergelijk("ots_per_10000", ZW, "2021H1").set_index("vergelijking")
    _, laag, hoog = st.ratio_interval(75, 339925)
    assert (v.loc["landelijk", "laag"], v.loc["landelijk", "hoog"]) == (
        pytest.approx(laag),
        pytest.approx(hoog),
    )
    verwacht = st.toets_twee_ratios(75, 339925, 4445 - 75, ik.regio("NL01").inwoners - 339925)
    assert v.loc["landelijk", "p"] == pytest.approx(verwacht.p)


def test_aantal_niet_met_nederland_vergeleken():
    v = vergelijk("meldingen", ZW, "2021H1").set_index("vergelijking")
    assert v.loc["landelijk", "oordeel"] == "geen toets mogelijk"
    assert "per 10.000" in v.loc["landelijk", "toelichting"]
    assert "regios" not in v.index


def test_onderdrukt_wordt_geen_gegevens_en_nooit_nul(oefendata):
    rij = oefendata[
        oefendata.onderdrukt
        & (oefendata.regio_code != "NL01")
        & oefendata.categorie.isna()
        & (oefendata.eenheid == "%")
    ].iloc[0]
    v = vergelijk(rij.indicator, rij.regio_code, rij.periode)
    assert (v["oordeel"] == "geen gegevens").all()
    assert v["waarde"].isna().all()
    assert "onderdrukt" in v["toelichting"].iloc[0]


def test_norm_uit_yaml(tmp_path):
    pad = tmp_path / "normen.yaml"
    pad.write_text(
        "normen:\n"
        "  - {indicator: acuut_structureel_onveilig, norm: 45, soort: maximaal, toelichting: doel 2022}\n"
        "  - {indicator: ots_per_10000, norm: 2.0, soort: maximaal, regio: Twente}\n",
        encoding="utf-8",
    )
    v = vergelijk("acuut_structureel_onveilig", ZW, "2021H1", normen=pad).set_index("vergelijking")
    assert v.loc["norm", "oordeel"] == "voldoet niet aan norm"  # interval 52,6-58,6 > 45
    assert v.loc["norm", "toelichting"] == "doel 2022"
    # The Twente norm does not apply to Zaanstreek-Waterland.
    assert (
        "norm" not in vergelijk("ots_per_10000", ZW, "2021H1", normen=pad)["vergelijking"].tolist()
    )


def test_norm_onzeker_als_interval_de_norm_bevat(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_text(
        "indicator;norm;soort\nacuut_structureel_onveilig;56;maximaal\n", encoding="utf-8"
    )
    v = vergelijk("acuut_structureel_onveilig", ZW, "2021H1", normen=pad).set_index("vergelijking")
    assert v.loc["norm", "oordeel"] == "onzeker ten opzichte van norm"


def test_norm_voor_onbekende_indicator(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_text("indicator;norm;soort\nacuut_onveilg;5;maximaal\n", encoding="utf-8")
    with pytest.raises(DataFout) as e:
        lees_normen(pad)
    assert "regel 2" in str(e.value) and "acuut_onveilig" in str(e.value)


def test_norm_met_verkeerde_soort(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_text("indicator;norm;soort\nhermeldingen;30;hoogstens\n", encoding="utf-8")
    with pytest.raises(DataFout) as e:
        lees_normen(pad)
    assert "minimaal" in str(e.value)


@pytest.mark.parametrize(
    "args, tekst",
    [
        (("prevalentie_huiselijk_geweld", ZW, "2022"), "niet per regio"),
        (("acuut_structureel_onveilig", ZW, "2030H1"), "Beschikbare perioden"),
        (("geweld_gestopt", "Zuid-Limburg", "2020"), "13 regio"),
        (("duur_geweld_meldingen", ZW, "2021H1"), "kies een categorie"),
        (("meldingen", "Nederland", "2021H1"), "Nederland is zelf de referentie"),
    ],
)
def test_onmogelijke_vergelijking_geeft_nederlandse_melding(args, tekst):
    with pytest.raises(GeenWaarde) as e:
        vergelijk(*args)
    assert tekst in str(e.value)


def test_trechter():
    regs, grenzen = trechtercijfers("acuut_structureel_onveilig", "2021H1")
    assert len(regs) == 26
    assert regs.set_index("regio_code").loc["VT22", "positie"] == "boven 99,8%"
    assert set(grenzen["niveau"]) == {0.95, 0.998}
    assert grenzen["landelijk"].tolist() == pytest.approx([42.7973] * len(grenzen), abs=1e-3)
    # Limits narrow as the denominator grows.
    g95 = grenzen[grenzen["niveau"] == 0.95].sort_values("noemer")
    breedte = (g95["hoog"] - g95["laag"]).to_numpy()
    assert breedte[0] > breedte[-1]


def test_trechter_niet_voor_aantallen():
    with pytest.raises(GeenWaarde):
        trechtercijfers("meldingen", "2021H1")


def test_met_intervallen():
    t = met_intervallen(ik.reeks("hermeldingen", ZW))
    assert (t["laag"] <= t["waarde"]).all() and (t["waarde"] <= t["hoog"]).all()


def test_regionale_norm_vervangt_landelijke_norm(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_text(
        "indicator;norm;soort;regio\n"
        "acuut_structureel_onveilig;45;maximaal;\n"
        "acuut_structureel_onveilig;60;maximaal;Zaanstreek-Waterland\n",
        encoding="utf-8",
    )
    v = vergelijk("acuut_structureel_onveilig", ZW, "2021H1", normen=pad)
    normen = v[v["vergelijking"] == "norm"]
    assert normen["referentie"].tolist() == ["norm maximaal 60"]
    assert normen["oordeel"].tolist() == ["voldoet aan norm"]  # 55,6% (interval < 60)
    # Another region still gets the national norm.
    w = vergelijk("acuut_structureel_onveilig", "Twente", "2021H1", normen=pad)
    assert w[w["vergelijking"] == "norm"]["referentie"].tolist() == ["norm maximaal 45"]


def test_bewaar_alles_met_een_enkele_indicator(tmp_path):
    from impactkit.grafieken import bewaar_alles

    tabel = bewaar_alles(
        "Twente", "2021H1", tmp_path, indicatoren="hermeldingen", formaten=(".svg",)
    )
    assert set(tabel["indicator"]) == {"hermeldingen"}


# -- Issue 20: one model for the text and the funnel; no floor for rare shares -------------------
@pytest.mark.parametrize(
    "indicator_id, periode",
    [
        ("hermeldingen", "2022H1"),
        ("acuut_structureel_onveilig", "2021H1"),
        ("meldingen_per_10000", "2021H1"),
        ("adviezen_per_10000", "2024H2"),
    ],
)
def test_oordeel_en_trechter_zeggen_hetzelfde(indicator_id, periode):
    """A region called 'opvallend' against Nederland lies outside the (widened) funnel, and a
    region 'binnen de gewone spreiding' inside it: the chart never contradicts the text."""
    from impactkit.oordelen import BINNEN_SPREIDING, OPVALLEND

    regios_, _ = trechtercijfers(indicator_id, periode)
    positie = regios_.set_index("regio_code")["positie"]
    gezien = {"opvallend": 0, "binnen": 0}
    for code in positie.index:
        rij = vergelijk(indicator_id, code, periode).set_index("vergelijking").loc["landelijk"]
        if rij["oordeel"] in OPVALLEND:
            assert positie[code] != "binnen", (code, rij["oordeel"], positie[code])
            gezien["opvallend"] += 1
        elif rij["oordeel"] == BINNEN_SPREIDING:
            assert positie[code] == "binnen", (code, rij["oordeel"], positie[code])
            gezien["binnen"] += 1
    assert sum(gezien.values()) > 0


def test_bijna_verdubbeling_van_een_zeldzaam_aandeel_is_geen_klein_verschil():
    # The case: national share 0,5 %, a region at 1,95 x with n = 4.300 (p ~ 3e-5) was
    # 'klein verschil' under the old 0,5-point floor.
    d = Drempels()
    minimum = d.minimum("%", 0.5)
    assert minimum == pytest.approx(0.125)
    verschil = 0.5 * 1.95 - 0.5
    from impactkit.oordelen import OPVALLEND_HOGER, oordeel

    assert oordeel(verschil, 3e-5, minimum) == OPVALLEND_HOGER
