"""The practice data: reproducible, internally consistent, calibrated to published figures."""

import numpy as np
import pandas as pd
import pytest

import impactkit as ik
from impactkit.bronnen import oefendata
from impactkit.bronnen.oefendata_ruis import variantieverhouding
from impactkit.paden import data_pad

# Worked example of the step plan for Zaanstreek-Waterland (shared/seeds/004), 2021H1.
ZW = "Zaanstreek-Waterland"
VOORBEELD_004 = {
    "onveilig_zw": 55.6,
    "onveilig_nl": 42.8,
    "duur_kort_zw": 61,  # % '<= 1 week', rounded to whole percent in the example
    "duur_lang_zw": 1.4,  # % '> 5 jaar'
    "ots_zw": 2.2,  # per 10 000 inwoners
    "overdracht_rvdk_zw": 0.7,
}
OVERDRACHT = ["overdracht_rvdk", "overdracht_om", "overdracht_politie"]


@pytest.fixture(scope="module")
def gepubliceerd() -> pd.DataFrame:
    return pd.read_csv(data_pad("referentie", "published_figures.csv"), dtype={"period": "string"})


def w(df, ind, code, per, cat=None):
    sel = df[(df.indicator == ind) & (df.regio_code == code) & (df.periode == per)]
    sel = sel[sel.categorie.isna()] if cat is None else sel[sel.categorie == cat]
    assert len(sel) == 1, (ind, code, per, cat)
    return sel.iloc[0]


# -- Reproducible -------------------------------------------------------------------------------
def test_bestand_is_precies_de_uitvoer_van_de_generator():
    verwacht = oefendata.als_csv(oefendata.genereer())
    assert oefendata.bestand().read_text(encoding="utf-8") == verwacht


def test_twee_keer_maken_geeft_dezelfde_bytes():
    assert oefendata.als_csv(oefendata.genereer()) == oefendata.als_csv(oefendata.genereer())


def test_andere_seed_geeft_andere_data():
    a = oefendata.genereer(seed=1)
    b = oefendata.genereer(seed=2)
    assert not a["waarde"].equals(b["waarde"])


# -- Labelled ------------------------------------------------------------------------------------
def test_elke_rij_is_oefendata(oefendata):
    assert (oefendata["herkomst"] == "oefendata").all()


# Rows per half-year: Nederland + 26 regions up to 2022 (8 half-years), Nederland + 25 regions
# from 2023 (4 half-years), as CBS reports them.
RIJEN_PER_HALFJAAR = 27 * 8 + 26 * 4


def test_tijdvak_en_regios(oefendata):
    meldingen = oefendata[oefendata.indicator == "meldingen"]
    assert sorted(set(meldingen.periode)) == [str(p) for p in ik.halfjaren("2019H1", "2024H2")]
    for per, groep in meldingen.groupby("periode"):
        assert set(groep.regio_code) == set(ik.regios(periode=per)["code"]), per
    assert len(meldingen) == RIJEN_PER_HALFJAAR


def test_regio_indeling_zoals_cbs_vanaf_2023(oefendata):
    # From 2023 CBS reports Oost-Brabant (VT27) instead of Brabant Noordoost (VT16) and
    # Zuidoost-Brabant (VT26); the practice data follow the register.
    jaar = oefendata.periode.str[:4].astype(int)
    regionaal = oefendata[oefendata.regio_code != "NL01"]
    vanaf_2023 = set(regionaal.loc[jaar >= 2023, "regio_code"])
    tot_2023 = set(regionaal.loc[jaar < 2023, "regio_code"])
    assert {"VT16", "VT26"} <= tot_2023 and "VT27" not in tot_2023
    assert "VT27" in vanaf_2023 and not vanaf_2023 & {"VT16", "VT26"}
    assert len(vanaf_2023) == 25


def test_oost_brabant_is_de_som_van_de_oude_regios(oefendata):
    # VT27 is VT16 + VT26 in every generated count: 2023H1 is the sum the two regions would have
    # had (the other 24 regions and Nederland did not move).
    for per in ("2023H1", "2024H2"):
        rest = oefendata[
            (oefendata.indicator == "meldingen")
            & (oefendata.periode == per)
            & ~oefendata.regio_code.isin(["NL01", "VT27"])
        ]
        nl = w(oefendata, "meldingen", "NL01", per).teller
        assert w(oefendata, "meldingen", "VT27", per).teller == nl - rest.teller.sum()
    r = w(oefendata, "meldingen_per_10000", "VT27", "2023H1")
    assert r.noemer == ik.regio("VT16").inwoners + ik.regio("VT26").inwoners == 1_398_895
    assert w(oefendata, "meldingen", "VT27", "2023H1").teller == 6605
    assert w(oefendata, "meldingen", "VT16", "2022H2").teller == 2495


def test_voorlopig_alleen_laatste_jaar(oefendata):
    voorlopig = set(oefendata.loc[oefendata.status == "voorlopig", "periode"])
    assert voorlopig == {"2024H1", "2024H2", "2024"}


# -- Internally consistent ----------------------------------------------------------------------
TELLINGEN = [
    "adviezen",
    "meldingen",
    "casussen_vt",
    "politiemeldingen",
    "rvdk_onderzoeken",
    "tijdelijk_huisverbod",
]


@pytest.mark.parametrize("ind", TELLINGEN)
def test_regios_tellen_op_tot_nederland(oefendata, ind):
    df = oefendata[oefendata.indicator == ind]
    for per, groep in df.groupby("periode"):
        nl = groep.loc[groep.regio_code == "NL01", "teller"].item()
        regio = groep[groep.regio_code != "NL01"]
        getoond = regio["teller"].sum()
        n_onderdrukt = int(regio["onderdrukt"].sum())
        # Suppressed regional counts are below 10, so the gap is at most 9 per suppressed region.
        assert 0 <= nl - getoond <= 9 * n_onderdrukt, (ind, per)
        if n_onderdrukt == 0:
            assert nl == getoond


def test_aantallen_zijn_veelvouden_van_vijf(oefendata):
    # Tellers, noemers and counts, as CBS rounds them; not the cohort study's respondents, the
    # exact victim counts, or the inhabitants under a rate.
    niet_afgerond = ["geweld_gestopt", "opvoedingsrelatie_verbeterd", "slachtoffers_moord_doodslag"]
    df = oefendata[~oefendata.indicator.isin(niet_afgerond)]
    tellers = df.teller.dropna()
    noemers = df.loc[df.eenheid == "%", "noemer"].dropna()
    assert len(tellers) > 15_000 and len(noemers) > 10_000
    assert (tellers % 5 == 0).all() and (noemers % 5 == 0).all()


def test_percentages_komen_uit_tellingen(oefendata):
    pct = oefendata[
        (oefendata.eenheid == "%") & oefendata.teller.notna() & oefendata.noemer.notna()
    ]
    berekend = 100 * pct.teller.astype(float) / pct.noemer.astype(float)
    assert (abs(pct.waarde.astype(float) - berekend) < 1e-3).all()


def test_ratios_komen_uit_tellingen_en_inwoners(oefendata):
    inwoners = ik.regios(alle=True).set_index("code")["inwoners"]
    r = oefendata[(oefendata.eenheid == "per 10.000 inwoners") & oefendata.teller.notna()]
    assert (r.noemer.to_numpy() == r.regio_code.map(inwoners).to_numpy()).all()
    berekend = 10_000 * r.teller.astype(float) / r.noemer.astype(float)
    assert (abs(r.waarde.astype(float) - berekend) < 1e-3).all()


@pytest.mark.parametrize(
    "ind",
    [
        "adviesvrager_type",
        "melder_type",
        "duur_geweld_adviezen",
        "duur_geweld_meldingen",
        "aard_geweld",
        "vervolg_veiligheidsbeoordeling",
    ],
)
def test_verdelingen_tellen_op_tot_100_procent(oefendata, ind):
    df = oefendata[oefendata.indicator == ind]
    assert set(df.categorie) == set(ik.indicator(ind).categorieen)
    for (code, per), groep in df.groupby(["regio_code", "periode"]):
        assert groep.noemer.nunique() == 1
        if not groep.onderdrukt.any():
            assert groep.teller.sum() == groep.noemer.iloc[0], (code, per)
            assert abs(groep.waarde.sum() - 100) < 1e-3  # values are stored with 4 decimals


def test_verdeling_noemer_is_totaal(oefendata):
    m = w(oefendata, "meldingen", "VT22", "2021H1")
    d = w(oefendata, "melder_type", "VT22", "2021H1", "Politie")
    assert d.noemer == m.teller


def test_onveilig_is_consistent_met_acuut_en_structureel(oefendata):
    sel = oefendata[
        oefendata.indicator.isin(
            ["acuut_onveilig", "structureel_onveilig", "acuut_structureel_onveilig"]
        )
    ]
    breed = sel.pivot_table(index=["regio_code", "periode"], columns="indicator", values="waarde")
    breed = breed.dropna()
    assert (breed.acuut_structureel_onveilig >= breed.structureel_onveilig - 1e-9).all()
    assert (
        breed.acuut_structureel_onveilig <= breed.acuut_onveilig + breed.structureel_onveilig + 1e-9
    ).all()


def test_kleine_aantallen_onderdrukt(oefendata):
    getoond = oefendata[oefendata.teller.notna()]
    assert not ((getoond.teller > 0) & (getoond.teller < 10)).any()
    onderdrukt = oefendata[oefendata.onderdrukt]
    assert len(onderdrukt) > 0
    assert onderdrukt.waarde.isna().all() and onderdrukt.teller.isna().all()


def test_regios_verschillen_en_hebben_trends(oefendata):
    per10k = oefendata[
        (oefendata.indicator == "meldingen_per_10000") & (oefendata.regio_code != "NL01")
    ]
    p2021 = per10k[per10k.periode == "2021H1"].waarde.astype(float)
    assert p2021.std() / p2021.mean() > 0.10  # regions differ
    verloop = per10k.pivot(index="periode", columns="regio_code", values="waarde").astype(float)
    verandering = verloop.iloc[-1] / verloop.iloc[0] - 1
    assert verandering.abs().max() > 0.10  # at least some regions have a clear trend


def _toevallige_reeksen(rng, aandeel: bool) -> pd.DataFrame:
    """Shares (binomial) or counts (Poisson) with nothing but chance: the yardstick's zero point."""
    rijen = []
    for p in ik.halfjaren("2019H1", "2024H2"):
        noemers = np.linspace(400, 4000, 26).astype(int)
        tellers = rng.binomial(noemers, 0.3) if aandeel else rng.poisson(0.3 * noemers)
        codes = [f"VT{i:02d}" for i in range(1, 27)]
        for code, x, n in zip(
            ["NL01", *codes], [tellers.sum(), *tellers], [noemers.sum(), *noemers]
        ):
            rijen.append(
                {"indicator": "x", "regio_code": code, "periode": str(p), "categorie": None,
                 "waarde": 100 * x / n, "teller": x, "noemer": n if aandeel else None,
                 "eenheid": "%" if aandeel else "aantal"}
            )  # fmt: skip
    return pd.DataFrame(rijen)


@pytest.mark.parametrize("aandeel", [True, False])
def test_de_schommelingsmaat_geeft_een_bij_alleen_toeval(aandeel):
    v = variantieverhouding(_toevallige_reeksen(np.random.default_rng(3), aandeel))
    assert len(v) == 26
    assert 0.85 < v.verhouding.mean() < 1.15


def test_regios_schommelen_minstens_zoveel_als_het_toeval(oefendata):
    # Real registrations move between half-years by chance and for other reasons; the practice
    # data must too. Per kind of indicator, and per indicator, the half-year changes of a
    # region's difference from Nederland vary at least as much as binomial (shares) or Poisson
    # (counts, rates) chance alone would make them (before the extra noise: 0,04 for shares).
    v = variantieverhouding(oefendata)
    per_soort = v.groupby("soort").verhouding.mean()
    assert set(per_soort.index) == {"aandeel", "aantal", "ratio"}
    assert (per_soort >= 1).all(), per_soort.to_dict()
    per_indicator = v.groupby("indicator").verhouding.mean()
    assert len(per_indicator) >= 20
    assert (per_indicator >= 1).all(), per_indicator[per_indicator < 1].to_dict()


def test_ook_vastgezette_regios_schommelen_buiten_hun_ijkpunt(oefendata):
    # Pinned cells are pinned; the rest of the region's series is as rough as any other.
    her = ik.reeks("hermeldingen", "Gooi en Vechtstreek", data=oefendata).set_index("periode")
    stappen = her["waarde"].astype(float).diff().dropna().abs()
    assert stappen.max() > 1  # procentpunt; the smooth path moved at most 0,2
    zw = ik.reeks("duur_geweld_meldingen", ZW, categorie="≤ 1 week", data=oefendata)
    assert zw["waarde"].astype(float).diff().abs().max() > 1


def test_hermeldingen_pas_vanaf_2020(oefendata):
    her = oefendata[oefendata.indicator == "hermeldingen"]
    assert min(her.periode) == "2020H1"


def test_cohort_alleen_in_13_regios(oefendata):
    cohort = oefendata[oefendata.indicator == "geweld_gestopt"]
    regios = set(cohort.regio_code) - {"NL01"}
    assert len(regios) == 13
    assert {ik.regio(n).code for n in oefendata_module_cohort()} == regios


def oefendata_module_cohort():
    return oefendata.REGIO_INDICATOREN_COHORT


# -- Calibrated to published figures -------------------------------------------------------------
@pytest.mark.parametrize("ind, bron", [("adviezen", "adviezen_vt"), ("meldingen", "meldingen_vt")])
def test_landelijke_halfjaartotalen_impactmonitor_2022(oefendata, gepubliceerd, ind, bron):
    tabel41 = gepubliceerd[
        (gepubliceerd.indicator == bron)
        & (gepubliceerd.region == "Nederland")
        & gepubliceerd.note.str.contains("tabel 4.1")
    ]
    assert len(tabel41) == 7
    for rij in tabel41.itertuples():
        assert w(oefendata, ind, "NL01", rij.period).teller == int(rij.value)


def test_landelijk_jaartotaal_2023(oefendata, gepubliceerd):
    for ind, bron in [("adviezen", "gestarte_adviezen"), ("meldingen", "ontvangen_meldingen")]:
        pub = gepubliceerd[
            (gepubliceerd.indicator == f"84849NED {bron} | Totaal")
            & (gepubliceerd.region == "Nederland")
            & (gepubliceerd.period == "2023")
        ]
        som = (
            w(oefendata, ind, "NL01", "2023H1").teller + w(oefendata, ind, "NL01", "2023H2").teller
        )
        assert som == int(pub.value.item())


def test_landelijk_2024h1_afgerond(oefendata, gepubliceerd):
    for ind, bron in [("adviezen", "adviezen_vt"), ("meldingen", "meldingen_vt")]:
        pub = gepubliceerd[(gepubliceerd.indicator == bron) & (gepubliceerd.period == "2024H1")]
        # Published rounded to thousands ('75 duizend').
        assert abs(w(oefendata, ind, "NL01", "2024H1").teller - pub.value.item()) <= 500


@pytest.mark.parametrize(
    "ind, tabel, regio, label",
    [
        ("adviezen", "84849NED gestarte_adviezen | Totaal", "VT02", "Drenthe (VT)"),
        ("meldingen", "84849NED ontvangen_meldingen | Totaal", "VT02", "Drenthe (VT)"),
        (
            "meldingen",
            "84852NED ontvangen_meldingen | Totaal; Totaal",
            "VT05",
            "Gelderland-Midden (VT)",
        ),
        (
            "meldingen",
            "84852NED ontvangen_meldingen | Totaal; Totaal",
            "VT06",
            "Gelderland-Zuid (VT)",
        ),
        (
            "meldingen",
            "84852NED ontvangen_meldingen | Totaal; Totaal",
            "VT14",
            "Noord- en Oost-Gelderland (VT)",
        ),
    ],
)
def test_regionale_jaartotalen_2023(oefendata, gepubliceerd, ind, tabel, regio, label):
    pub = gepubliceerd[
        (gepubliceerd.indicator == tabel)
        & (gepubliceerd.region == label)
        & (gepubliceerd.period == "2023")
    ]
    som = w(oefendata, ind, regio, "2023H1").teller + w(oefendata, ind, regio, "2023H2").teller
    assert som == int(pub.value.item())


def test_aandelen_adviesvrager(oefendata, gepubliceerd):
    pub = gepubliceerd[gepubliceerd.indicator.str.startswith("adviezen_aandeel_adviesvrager: ")]
    assert len(pub) == 39
    for rij in pub.itertuples():
        cat = rij.indicator.split(": ", 1)[1]
        gegenereerd = float(w(oefendata, "adviesvrager_type", "NL01", rij.period, cat).waarde)
        # Published to one decimal; the shares are renormalised to exactly 100 %.
        assert abs(gegenereerd - rij.value) <= 0.15, (cat, rij.period)


def test_hermeldingen_landelijk_en_uitersten(oefendata, gepubliceerd):
    assert round(float(w(oefendata, "hermeldingen", "NL01", "2022H1").waarde)) == 38
    pub = gepubliceerd[gepubliceerd.indicator == "hermeldingen_aandeel"]
    laag = pub[pub.region == "Gooi en Vechtstreek (VT)"].value.item()
    hoog = pub[pub.region == "Zuid-Limburg (VT)"].value.item()
    d = ik.doorsnede("hermeldingen", "2022H1", data=oefendata).set_index("regio_code")
    assert round(float(d.loc["VT07", "waarde"]), 1) == laag
    assert round(float(d.loc["VT25", "waarde"]), 1) == hoog
    assert d["waarde"].idxmin() == "VT07" and d["waarde"].idxmax() == "VT25"


def test_acute_en_structurele_onveiligheid_2021(oefendata):
    # CBS: acute onveiligheid in 5 % and structurele onveiligheid in 40 % of meldingen in 2021.
    for ind, pct in [("acuut_onveilig", 5), ("structureel_onveilig", 40)]:
        rijen = [w(oefendata, ind, "NL01", p) for p in ("2021H1", "2021H2")]
        jaar = 100 * sum(r.teller for r in rijen) / sum(r.noemer for r in rijen)
        assert round(jaar) == pct


def test_meldingen_door_politie(oefendata, gepubliceerd):
    p19 = w(oefendata, "politiemeldingen", "NL01", "2019H2").teller
    p21 = w(oefendata, "politiemeldingen", "NL01", "2021H2").teller
    assert 44_000 <= p19 < 45_000  # 'ruim 44 duizend'
    assert 38_000 <= p21 < 39_000  # 'ruim 38 duizend'
    assert round(100 * (p21 / p19 - 1)) == -14
    jaar = [w(oefendata, "politiemeldingen", "NL01", p) for p in ("2021H1", "2021H2")]
    totaal = [w(oefendata, "meldingen", "NL01", p) for p in ("2021H1", "2021H2")]
    aandeel = 100 * sum(r.teller for r in jaar) / sum(r.teller for r in totaal)
    assert 64 <= aandeel < 65  # 'bijna 65 procent'


def _breed(df, *indicatoren):
    """Counts (teller) per region x period, one column per indicator."""
    sel = df[df.indicator.isin(indicatoren) & df.categorie.isna()]
    return sel.pivot(index=["regio_code", "periode"], columns="indicator", values="teller")


def test_casussen_zijn_niet_adviezen_plus_meldingen(oefendata):
    # CBS 84850/84851NED: casussen with at least one received melding. Adviezen without a
    # melding do not count and several meldingen about one casus count once.
    t = _breed(oefendata, "adviezen", "meldingen", "casussen_vt").dropna().astype(int)
    assert len(t) == RIJEN_PER_HALFJAAR
    assert (t.casussen_vt < t.adviezen + t.meldingen).all()
    assert (t.casussen_vt <= t.meldingen).all()
    assert (t.casussen_vt > 0).all()


CASUSSEN_TOTAAL = "84851NED casussen_met_ontvangen_melding | Totaal"


def test_casussen_gepubliceerd_drenthe_2023(oefendata, gepubliceerd):
    # The only published total of casussen in the reference data: Drenthe (VT) 2023, 1.495
    # casussen against 2.960 adviezen and 1.905 meldingen.
    pub = gepubliceerd[
        (gepubliceerd.indicator == CASUSSEN_TOTAAL)
        & (gepubliceerd.region == "Drenthe (VT)")
        & (gepubliceerd.period == "2023")
    ]
    assert int(pub.value.item()) == 1495
    jaar = {
        ind: sum(w(oefendata, ind, "VT02", p).teller for p in ("2023H1", "2023H2"))
        for ind in ("casussen_vt", "adviezen", "meldingen")
    }
    assert jaar == {"casussen_vt": 1495, "adviezen": 2960, "meldingen": 1905}


def test_elk_gepubliceerd_casussen_totaal_per_vt_regio(oefendata, gepubliceerd):
    pub = gepubliceerd[
        gepubliceerd.indicator.str.match(
            r"^8485[01]NED casussen_met_ontvangen_"
            r"melding \| Totaal$"
        )
        & (gepubliceerd.region.str.endswith("(VT)") | (gepubliceerd.region == "Nederland"))
    ]
    assert len(pub) >= 1
    for rij in pub.itertuples():
        code = ik.regio(rij.region).code
        perioden = [rij.period] if "H" in rij.period else [f"{rij.period}H1", f"{rij.period}H2"]
        som = sum(w(oefendata, "casussen_vt", code, p).teller for p in perioden)
        assert som == int(rij.value), (rij.region, rij.period)


def test_casussen_landelijk_volgens_verhouding_drenthe(oefendata):
    # No national total is published; the national level is Drenthe's 1.495 / 1.905 = 0,785.
    assert oefendata_module().CASUSSEN_PER_MELDING_NL == round(1495 / 1905, 3)
    t = _breed(oefendata, "meldingen", "casussen_vt").loc["NL01"]
    verhouding = t.casussen_vt / t.meldingen
    assert (abs(verhouding - 0.785) < 0.001).all()


@pytest.mark.parametrize("ind", OVERDRACHT)
def test_overdracht_heeft_casussen_als_noemer(oefendata, ind):
    over = oefendata[oefendata.indicator == ind].set_index(["regio_code", "periode"])
    cas = oefendata[oefendata.indicator == "casussen_vt"].set_index(["regio_code", "periode"])
    assert len(over) == RIJEN_PER_HALFJAAR
    assert (over.noemer == cas.loc[over.index, "teller"]).all()
    getoond = over[over.teller.notna()]
    assert (abs(getoond.waarde - 100 * getoond.teller / getoond.noemer) < 1e-3).all()


def test_overdracht_landelijk_rond_een_a_twee_procent(oefendata):
    # Invented levels (no published figure): RvdK and OM around 1-2 %, politie a bit higher.
    for ind, pct in [("overdracht_rvdk", 1.5), ("overdracht_om", 1.0), ("overdracht_politie", 2.9)]:
        nl = oefendata[(oefendata.indicator == ind) & (oefendata.regio_code == "NL01")]
        assert (abs(nl.waarde.astype(float) - pct) < 0.05).all(), ind


def test_professionals_aandeel_heeft_adviezen_en_meldingen_als_noemer(oefendata):
    # Unlike the overdracht shares, this share is over all adviezen and meldingen.
    t = _breed(oefendata, "adviezen", "meldingen")
    prof = oefendata[oefendata.indicator == "professionals_aandeel"]
    prof = prof.set_index(["regio_code", "periode"])
    assert (prof.noemer == (t.adviezen + t.meldingen).loc[prof.index]).all()


def test_nog_niet_gemeten_indicator_heeft_geen_oefendata(oefendata):
    assert ik.indicator("burgers_handelen").beschikbaarheid == "nog_niet_meetbaar"
    assert not (oefendata.indicator == "burgers_handelen").any()


def test_halfjaarlijkse_indicatoren_hebben_halfjaren(oefendata):
    halfjaarlijks = set(ik.selecteer()["id"][ik.selecteer()["frequentie"] == "halfjaarlijks"])
    for ind, groep in oefendata[oefendata.indicator.isin(halfjaarlijks)].groupby("indicator"):
        assert groep.periode.str.fullmatch(r"\d{4}H[12]").all(), ind


def test_eindvonnissen_per_halfjaar(oefendata):
    zm = oefendata[oefendata.indicator == "zm_eindvonnissen"]
    assert list(zm.periode) == [str(p) for p in ik.halfjaren("2021H1", "2023H2")]
    assert set(zm.regio_code) == {"NL01"}
    assert (zm.teller % 5 == 0).all()


def oefendata_module():
    return oefendata


def test_ots_landelijk(oefendata, gepubliceerd):
    pub = gepubliceerd[
        (gepubliceerd.indicator == "jeugdbescherming_instroom_ots")
        & gepubliceerd.period.str.match(r"^20(19|2[0-3])H1$")
    ]
    for rij in pub.itertuples():
        assert w(oefendata, "ots_per_10000", "NL01", rij.period).teller == int(rij.value)


# -- The worked example (004): Zaanstreek-Waterland, 2021H1 ---------------------------------------
def test_zw_acuut_structureel_onveilig():
    assert (
        round(ik.waarde("acuut_structureel_onveilig", ZW, "2021H1"), 1)
        == VOORBEELD_004["onveilig_zw"]
    )
    assert (
        round(ik.waarde("acuut_structureel_onveilig", "Nederland", "2021H1"), 1)
        == VOORBEELD_004["onveilig_nl"]
    )


def test_zw_duur_van_het_geweld():
    kort = ik.waarde("duur_geweld_meldingen", ZW, "2021H1", categorie="≤ 1 week")
    lang = ik.waarde("duur_geweld_meldingen", ZW, "2021H1", categorie="> 5 jaar")
    assert round(kort) == VOORBEELD_004["duur_kort_zw"]
    assert round(lang, 1) == VOORBEELD_004["duur_lang_zw"]
    verdeling = ik.verdeling("duur_geweld_meldingen", ZW, "2021H1")
    assert verdeling["waarde"].idxmax() == 0  # '<= 1 week' is the most common


def test_zw_ots_en_overdracht():
    assert round(ik.waarde("ots_per_10000", ZW, "2021H1"), 1) == VOORBEELD_004["ots_zw"]
    assert ik.waarde("overdracht_om", ZW, "2021H1") == 0
    assert (
        round(ik.waarde("overdracht_rvdk", ZW, "2021H1"), 1) == VOORBEELD_004["overdracht_rvdk_zw"]
    )


def test_zw_overdracht_is_aandeel_van_de_casussen(oefendata):
    # 0,7 % needs at least 10 overdrachten (1-9 are suppressed), so 1.335 to 1.535 casussen;
    # a region has no more casussen than meldingen, hence 1.475 meldingen.
    meldingen = w(oefendata, "meldingen", "VT22", "2021H1").teller
    casussen = w(oefendata, "casussen_vt", "VT22", "2021H1").teller
    rvdk = w(oefendata, "overdracht_rvdk", "VT22", "2021H1")
    om = w(oefendata, "overdracht_om", "VT22", "2021H1")
    assert (meldingen, casussen) == (1475, 1350)
    assert (rvdk.teller, rvdk.noemer) == (10, 1350) and not rvdk.onderdrukt
    assert (om.teller, om.noemer) == (0, 1350) and not om.onderdrukt
    onveilig = w(oefendata, "acuut_structureel_onveilig", "VT22", "2021H1")
    assert (onveilig.teller, onveilig.noemer) == (820, 1475)


def test_zw_stijging_tot_2020h2_groter_dan_landelijk_daarna_daling():
    r = ik.reeks("acuut_structureel_onveilig", ZW).set_index("periode")
    zw, nl = r["waarde"].astype(float), r["landelijk"].astype(float)
    tot = ["2019H1", "2019H2", "2020H1", "2020H2"]
    assert zw[tot].is_monotonic_increasing
    assert zw["2020H2"] == zw.max()
    assert zw["2020H2"] - zw["2019H1"] > nl["2020H2"] - nl["2019H1"] > 0
    assert zw["2021H1"] < zw["2020H2"] and zw["2021H2"] < zw["2021H1"]


def test_zw_een_van_de_hoogste_aandelen_onveilig():
    d = ik.doorsnede("acuut_structureel_onveilig", "2021H1")
    top3 = d.sort_values("waarde", ascending=False)["regio_code"].head(3).tolist()
    assert "VT22" in top3
