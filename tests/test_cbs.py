"""The CBS adapter, offline, on recorded fixtures in the shape cbsodata returns."""

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import impactkit as ik
from impactkit import DataFout, OnbekendeRegio, regioindeling
from impactkit.bronnen import cbs_koppeling, cbs_labels, cbs_odata, cbs_omzetten, statline_csv
from impactkit.observaties import KOLOMMEN
from impactkit.paden import data_pad

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"


def fixture(tabel: str) -> tuple[list[dict], list[dict]]:
    data = json.loads((FIXTURES / f"{tabel}_data.json").read_text(encoding="utf-8"))
    props = json.loads((FIXTURES / f"{tabel}_DataProperties.json").read_text(encoding="utf-8"))
    return data, props


@pytest.fixture(scope="module")
def bronnen() -> dict:
    return {t: fixture(t) for t in cbs_koppeling.tabellen_in_koppeling()}


@pytest.fixture(scope="module")
def regionaal(bronnen) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the mapping must resolve completely on the fixtures
        return cbs_omzetten.observaties_uit_tabellen(bronnen)


@pytest.fixture(scope="module")
def per_gemeente(bronnen) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Voorne aan Zee (2023) and Hengelo (O.) are known
        return cbs_omzetten.observaties_uit_tabellen(bronnen, "gemeente")


def rij(df, indicator, regio, periode, categorie=None):
    sel = df[(df.indicator == indicator) & (df.regio_code == regio) & (df.periode == periode)]
    sel = sel[sel.categorie.isna()] if categorie is None else sel[sel.categorie == categorie]
    assert len(sel) == 1, (indicator, regio, periode, categorie, len(sel))
    return sel.iloc[0]


class NepCBS:
    """A fake network: serves the fixtures, counts calls, can fail for some tables."""

    def __init__(self, kapot=(), fout: Exception | None = None):
        self.aanroepen: list[str] = []
        self.kapot = set(kapot)
        self.fout = fout or ConnectionError("Failed to resolve 'opendata.cbs.nl'")

    def __call__(self, tabel_id):
        self.aanroepen.append(tabel_id)
        if tabel_id in self.kapot or "alles" in self.kapot:
            raise self.fout
        return fixture(tabel_id)


# -- The mapping ----------------------------------------------------------------------------
def test_koppeling_klopt_met_de_catalogus():
    problemen = cbs_koppeling.controleer_koppeling()
    assert problemen.empty, problemen.to_string()


def test_elke_koppelregel_vindt_maat_dimensie_en_categorie_in_de_fixtures(bronnen):
    assert set(cbs_koppeling.tabellen_in_koppeling()) == set(bronnen)
    problemen = cbs_koppeling.controleer_koppeling(bronnen)
    assert problemen.empty, problemen.to_string()


def test_onbevestigde_koppelingen_zijn_gemarkeerd():
    k = cbs_koppeling.koppeling()
    onbevestigd = set(k.loc[k.zekerheid == "onbevestigd", "tabel"])
    assert {"84854NED", "84855NED", "82975NED"} <= onbevestigd
    assert set(k.loc[k.tabel.isin(["84854NED", "84855NED", "82975NED"]), "zekerheid"]) == {
        "onbevestigd"
    }


def test_dekking_van_de_catalogus():
    k = cbs_koppeling.koppeling()
    cat = ik.catalogus()
    met_cbs_tabel = set(cat.loc[cat.cbs_tabel.fillna("") != "", "id"])
    assert met_cbs_tabel == set(k.indicator)
    # Categories of the catalogue without a CBS counterpart (documented in data/cbs/LEESMIJ.md).
    niet_gekoppeld = {
        i: set(ik.indicator(i).categorieen) - set(k.loc[k.indicator == i, "categorie"])
        for i in ("adviesvrager_type", "melder_type", "aard_geweld", "duur_geweld_meldingen")
    }
    assert niet_gekoppeld == {
        "adviesvrager_type": {
            "Preventieve basisvoorzieningen",
            "Huisarts",
            "Overig gezondheidszorg",
            "Justitie en veiligheid, exclusief politie",
            "Maatschappelijk werk",
            "Beroepsmatig overig",
        },
        "melder_type": {
            "Justitie overig",
            "Gezondheidszorg",
            "Maatschappelijk werk",
            "Beroepsmatig overig",
        },
        "aard_geweld": set(),
        "duur_geweld_meldingen": set(),
    }


def test_duurklassen_staan_er_zoals_cbs_ze_schrijft():
    k = cbs_koppeling.koppeling()
    filters = " ".join(k.loc[k.indicator == "duur_geweld_meldingen", "filters"])
    assert "Duur geweld: > 1 jaar,< 5 jaar" in filters  # CBS's own spacing
    assert "Duur geweld: > 1 week, < 1 maand" in filters


def test_alle_gekoppelde_indicatoren_komen_uit_de_fixtures(regionaal, per_gemeente):
    regio_ids = set(cbs_koppeling.koppeling().query("niveau != 'gemeente'")["indicator"])
    assert set(regionaal.indicator) == regio_ids
    assert list(regionaal.columns) == KOLOMMEN
    assert (regionaal.herkomst == "CBS").all()
    assert set(per_gemeente.indicator) >= {"adviezen", "meldingen", "hermeldingen", "aard_geweld"}


def test_een_hernoemde_categorie_is_een_regel_in_de_koppeling(bronnen):
    data, props = bronnen["84852NED"]
    anders = [
        r | {"Veiligheidstaxatie": "Acute onveiligheid (nieuw)"}
        if r["Veiligheidstaxatie"] == "Acute onveiligheid"
        else r
        for r in data
    ]
    with pytest.warns(UserWarning, match=r"'Acute onveiligheid' .*koppeling\.csv regel"):
        df = cbs_omzetten.naar_observaties("84852NED", anders, props)
    assert "acuut_onveilig" not in set(df.indicator)
    assert "vervolg_veiligheidsbeoordeling" in set(df.indicator)


# -- Labels ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "verwacht"),
    [
        ("Nederland", ("land", "NL01")),
        ("Zaanstreek-Waterland (VT)", ("vt", "VT22")),
        ("Friesland (VT)", ("vt", "VT04")),
        ("Midden-Brabant (VT)", ("vt", "VT15")),
        ("Oost-Brabant (VT)", ("vt", "VT27")),
        ("Brabant Noordoost (VT)", ("vt", "VT16")),
        ("Fryslân (PV)", ("provincie", None)),
        ("Noord-Nederland (LD)", ("landsdeel", None)),
        ("Groningen (gemeente)", ("gemeente", "GM0014")),
        ("Bergen (NH.)", ("gemeente", "GM0373")),
        ("Bergen (L.)", ("gemeente", "GM0893")),
        ("Hengelo (O.)", ("gemeente", "GM0164")),
        ("Rijswijk (ZH.)", ("gemeente", "GM0603")),
        ("Beek (L.)", ("gemeente", "GM0888")),
        ("Stein (L.)", ("gemeente", "GM0971")),
        ("Laren (NH.)", ("gemeente", "GM0417")),
        ("Middelburg (Z.)", ("gemeente", "GM0687")),
        ("Voorne aan Zee", ("gemeente", "GM1992")),
        ("Heerhugowaard", ("gemeente", "GM0398")),
        ("Zaanstreek (CR)", ("overig", None)),
        ("Zaanstad", ("gemeente", "GM0479")),
        ("VT0022  ", ("vt", "VT22")),
        ("NL01    ", ("land", "NL01")),
        ("GM0363", ("gemeente", "GM0363")),
        ("PV25", ("provincie", None)),
    ],
)
def test_regiolabels(label, verwacht):
    assert cbs_labels.regiolabel(label) == verwacht


@pytest.mark.parametrize("code", ik.regios(alle=True).query("soort == 'vt'")["code"].tolist())
def test_elk_cbs_label_van_een_vt_regio_wordt_herkend(code):
    assert cbs_labels.regiolabel(ik.regio(code).cbs_label) == ("vt", code)


def test_onbekend_regiolabel_noemt_het_label_en_de_dichtstbijzijnde():
    with pytest.raises(OnbekendeRegio) as e:
        cbs_labels.regiolabel("Zaanstreek Waterlandd (VT)")
    assert "'Zaanstreek Waterlandd (VT)'" in str(e.value)
    assert "Zaanstreek-Waterland (VT)" in str(e.value)


def test_onbekende_regio_in_een_tabel_wordt_overgeslagen_met_een_notitie(bronnen):
    data, props = bronnen["85361NED"]
    fout = [
        r | {"RegioS": "Zuid-Limbrug (VT)"} if r["RegioS"] == "Zuid-Limburg (VT)" else r
        for r in data
    ]
    df = cbs_omzetten.naar_observaties("85361NED", fout, props)
    notitie = [m for m in df.attrs["meldingen"] if "Zuid-Limbrug" in m]
    assert len(notitie) == 1 and "Zuid-Limburg (VT)" in notitie[0]  # the closest name
    assert "VT25" not in set(df.regio_code)
    assert rij(df, "hermeldingen", "VT07", "2022H1").waarde == pytest.approx(100 * 170 / 825)


def test_niet_in_te_delen_vt_in_de_fixture_stopt_niets(regionaal):
    # 84852NED lists 'Niet in te delen (VT)' in 2023*; it is skipped, the rest loads.
    assert any("'Niet in te delen (VT)'" in m for m in regionaal.attrs["meldingen"])
    assert rij(regionaal, "acuut_onveilig", "VT05", "2023").teller == 20


@pytest.mark.parametrize(
    ("label", "verwacht"),
    [
        ("1e halfjaar 2021", ("2021H1", False)),
        ("1e halfjaar 2021*", ("2021H1", True)),
        ("2e halfjaar 2020", ("2020H2", False)),
        ("2021*", ("2021", True)),
        ("2023**", ("2023", True)),
        ("2020", ("2020", False)),
        ("2021HJ01", ("2021H1", False)),
        ("2021HJ02", ("2021H2", False)),
        ("2021JJ00", ("2021", False)),
        ("2022 1e halfjaar**", ("2022H1", True)),
        ("2021 2e halfjaar", ("2021H2", False)),
        ("1e halfjaar 2020", ("2020H1", False)),
    ],
)
def test_periodelabels(label, verwacht):
    assert cbs_labels.periodelabel(label) == verwacht


def test_voorlopig_en_definitief(regionaal):
    assert rij(regionaal, "acuut_onveilig", "NL01", "2020").status == "definitief"
    assert rij(regionaal, "acuut_onveilig", "NL01", "2023").status == "voorlopig"
    assert rij(regionaal, "adviezen", "VT02", "2023").status == "voorlopig"


def test_provincies_landsdelen_en_gemeenten_niet_in_de_regiotabel(regionaal):
    assert set(regionaal.regio_code) <= set(ik.regios(alle=True)["code"])
    assert "NL01" in set(regionaal.regio_code)


# -- Values, suppression, percentages ------------------------------------------------------------
def test_echte_cijfers_komen_goed_binnen(regionaal):
    gm = rij(regionaal, "vervolg_veiligheidsbeoordeling", "VT05", "2023", "Overdracht")
    assert (gm.teller, gm.noemer) == (2155, 3060)  # StatLine 84852NED, Gelderland-Midden 2023*
    assert rij(regionaal, "adviezen", "NL01", "2023").waarde == 143210
    assert rij(regionaal, "meldingen", "VT02", "2023").waarde == 1905


def test_punt_wordt_onderdrukt_nooit_nul(regionaal):
    nog = rij(regionaal, "vervolg_veiligheidsbeoordeling", "VT14", "2023", "Nog niet beoordeeld")
    assert bool(nog.onderdrukt) and pd.isna(nog.waarde) and pd.isna(nog.teller)
    gz = rij(regionaal, "vervolg_veiligheidsbeoordeling", "VT06", "2023", "Nog niet beoordeeld")
    assert gz.teller == 245 and not bool(gz.onderdrukt)


def test_lege_cellen_van_een_opgeheven_regio_vallen_weg(regionaal):
    # CBS still lists Brabant Noordoost (VT16) in 2023, with '.' everywhere: the region no longer
    # exists, so these are no observations (not 'withheld small counts').
    assert regionaal[(regionaal.regio_code == "VT16") & (regionaal.periode == "2023")].empty
    assert not regionaal[(regionaal.regio_code == "VT16") & (regionaal.periode == "2021H1")].empty


def test_none_wordt_onderdrukt_nooit_nul(bronnen):
    data, props = bronnen["85361NED"]
    met_none = [r | {"Totaal_3": None} if r["RegioS"] == "Zuid-Limburg (VT)" else r for r in data]
    df = cbs_omzetten.naar_observaties("85361NED", met_none, props)
    zl = rij(df, "hermeldingen", "VT25", "2022H1")
    assert bool(zl.onderdrukt) and pd.isna(zl.waarde) and zl.noemer == 2000


def test_kleine_aantallen_worden_onderdrukt(regionaal):
    klein = rij(regionaal, "acuut_onveilig", "VT16", "2020H2")  # 5 meldingen in the fixture
    assert bool(klein.onderdrukt) and pd.isna(klein.waarde)


def test_nul_blijft_nul(regionaal):
    om = rij(regionaal, "overdracht_om", "VT22", "2021H1")
    assert om.waarde == 0 and om.teller == 0 and not bool(om.onderdrukt)


def test_percentages_uit_aantallen_niet_uit_cbs_percentages(regionaal):
    nl = rij(regionaal, "hermeldingen", "NL01", "2023")
    assert nl.waarde == pytest.approx(100 * 48555 / 127340)  # CBS shows 38,1
    assert nl.waarde != pytest.approx(38.1, abs=0.01)
    gooi = rij(regionaal, "hermeldingen", "VT07", "2022H1")
    assert gooi.waarde == pytest.approx(100 * 170 / 825)
    zw = rij(regionaal, "acuut_structureel_onveilig", "VT22", "2021H1")
    assert (zw.teller, zw.noemer) == (595, 1070) and round(zw.waarde, 1) == 55.6


def test_samengestelde_tellers_en_noemers(regionaal):
    prof = rij(regionaal, "professionals_aandeel", "VT05", "2021H1")
    assert prof.noemer == 1900 + 1550  # adviezen + meldingen 'Totaal'
    duur = rij(regionaal, "duur_geweld_meldingen", "VT22", "2021H1", "≤ 1 week")
    assert (duur.teller, duur.noemer) == (655, 1070)  # noemer = sum of the six classes
    # noemer: CBS's 'Casussen met ontvangen melding(en)' (84850NED), not adviezen + meldingen
    rvdk = rij(regionaal, "overdracht_rvdk", "VT22", "2021H1")
    assert (rvdk.teller, rvdk.noemer) == (20, 900)
    casussen = rij(regionaal, "casussen_vt", "VT22", "2021H1")
    assert casussen.waarde == 900 and casussen.waarde != 1700 + 1070


def test_per_10000_inwoners_zonder_bevolkingstabel_uit_het_register(regionaal):
    ots = rij(regionaal, "ots_per_10000", "VT22", "2021H1")
    assert ots.noemer == ik.regio("VT22").inwoners and round(ots.waarde, 1) == 2.2
    assert regionaal.attrs["inwoners"]["jaar_per_periode"]["2023"] == 2021
    assert "regioregister (2021" in regionaal.attrs["inwoners"]["bron"]


def test_niet_bestaande_regio_periode_valt_weg(regionaal):
    vt27 = regionaal[regionaal.regio_code == "VT27"]
    assert set(vt27.periode) == {"2023", "2023H1"}


def test_gemeenten(per_gemeente):
    assert {"gemeente_code", "gemeente"} <= set(per_gemeente.columns)
    ams = per_gemeente[(per_gemeente.gemeente_code == "GM0363") & (per_gemeente.periode == "2023")]
    assert len(ams) == 1
    ams = ams.iloc[0]
    assert ams.regio_code == "VT01" and ams.indicator == "hermeldingen"
    voorne = per_gemeente[
        (per_gemeente.gemeente_code == "GM1992")
        & (per_gemeente.indicator == "adviezen")
        & (per_gemeente.periode == "2023")
    ]
    assert voorne.regio_code.tolist() == ["VT18"] and voorne.waarde.tolist() == [310]
    hengelo = rij(per_gemeente, "adviezen", "VT19", "2023")
    assert hengelo.gemeente == "Hengelo" and hengelo.waarde == 575
    assert ams.waarde == pytest.approx(100 * 3105 / 8975)
    assert "per 10.000 inwoners" not in set(per_gemeente.eenheid)
    assert per_gemeente.gemeente_code.notna().all()
    oostzaan = per_gemeente[per_gemeente.gemeente_code == "GM0431"]
    assert oostzaan.onderdrukt.all()  # counts 5 and 10 with a '.' part


def test_gemeente_observaties_voor_een_tabel(bronnen):
    df = cbs_omzetten.gemeente_observaties("85361NED", *bronnen["85361NED"])
    assert set(df.gemeente) == {"Amsterdam", "Groningen", "Oostzaan"}


def test_onbekende_tabel(bronnen):
    with pytest.raises(DataFout, match="84582NED.*Bedoelde je"):
        cbs_omzetten.naar_observaties("84582NED", *bronnen["84852NED"])


# -- Fetching, cache, fall-back ------------------------------------------------------------------
def test_tweede_keer_uit_de_cache(tmp_path):
    nep = NepCBS()
    eerste = cbs_odata.haal_op(["84852NED", "85361NED"], tmp_path, nep)
    assert nep.aanroepen == ["84852NED", "85361NED"]
    assert {t.bron for t in eerste.values()} == {"netwerk"}
    meta = json.loads((tmp_path / "84852NED.json").read_text(encoding="utf-8"))
    assert meta["tabel"] == "84852NED" and meta["cbsodata_versie"]
    assert meta["opgehaald"][:10] == pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d")
    assert (tmp_path / "84852NED.csv").exists()
    tweede = cbs_odata.haal_op(["84852NED", "85361NED"], tmp_path, nep)
    assert nep.aanroepen == ["84852NED", "85361NED"]  # no new network calls
    assert {t.bron for t in tweede.values()} == {"cache"}
    cbs_odata.haal_op(["84852NED"], tmp_path, nep, vernieuw=True)
    assert nep.aanroepen[-1] == "84852NED" and len(nep.aanroepen) == 3


def test_cache_geeft_dezelfde_observaties(tmp_path, bronnen):
    cbs_odata.haal_op(["84852NED", "85361NED"], tmp_path, NepCBS())
    uit_cache = cbs_odata.haal_op(["84852NED", "85361NED"], tmp_path, NepCBS(kapot=["alles"]))
    a = cbs_omzetten.observaties_uit_tabellen(uit_cache)
    b = cbs_omzetten.observaties_uit_tabellen({t: bronnen[t] for t in ("84852NED", "85361NED")})
    pd.testing.assert_frame_equal(a, b)


def test_cache_nooit_in_de_repository():
    with pytest.raises(DataFout, match="niet in de repository"):
        cbs_odata.cache_locatie(Path(__file__).parent / "cache")


def test_netwerkfout_geeft_nederlandse_melding(tmp_path):
    with pytest.raises(cbs_odata.CBSNietBereikbaar, match="84852NED.*geen verbinding"):
        cbs_odata.haal_op(["84852NED"], tmp_path, NepCBS(kapot=["alles"]))
    weg = NepCBS(kapot=["alles"], fout=RuntimeError("404 Client Error: Not Found"))
    with pytest.raises(cbs_odata.CBSNietBereikbaar, match="bestaat niet \\(meer\\)"):
        cbs_odata.haal_op(["84852NED"], tmp_path, weg)


def test_laad_cbs_via_netwerk(tmp_path, capsys):
    df = cbs_odata.laad_cbs(tmp_path, NepCBS())
    assert df.attrs["bron"] == "CBS" and (df.herkomst == "CBS").all()
    assert "echte CBS-cijfers" in capsys.readouterr().out


def test_terugval_netwerk_kapot_dan_cache(tmp_path):
    cbs_odata.laad_cbs(tmp_path, NepCBS(), melden=False)
    df = cbs_odata.laad_cbs(tmp_path, NepCBS(kapot=["alles"]), vernieuw=True, melden=False)
    assert df.attrs["bron"] == "CBS (cache)"
    assert "niet (helemaal) bereikbaar" in df.attrs["bron_melding"]
    assert "opgeslagen CBS-cijfers" in df.attrs["bron_melding"]
    assert (df.herkomst == "CBS").all() and len(df) > 0


def test_terugval_zonder_cache_naar_oefendata(tmp_path):
    df = cbs_odata.laad_cbs(tmp_path / "leeg", NepCBS(kapot=["alles"]), melden=False)
    assert df.attrs["bron"] == "oefendata"
    assert (df.herkomst == "oefendata").all()
    assert "OEFENDATA" in df.attrs["bron_melding"] and "niet bereikbaar" in df.attrs["bron_melding"]


def test_deels_beschikbaar(tmp_path):
    df = cbs_odata.laad_cbs(tmp_path, NepCBS(kapot=["84852NED"]), melden=False)
    assert df.attrs["bron"] == "CBS (deels)"
    assert "84852NED" in df.attrs["bron_melding"]
    assert "acuut_onveilig" not in set(df.indicator) and "hermeldingen" in set(df.indicator)


def test_verse_cache_zonder_netwerk(tmp_path):
    cbs_odata.haal_op(None, tmp_path, NepCBS())
    nep = NepCBS()
    df = cbs_odata.laad_cbs(tmp_path, nep, melden=False)
    assert nep.aanroepen == [] and df.attrs["bron"] == "CBS (cache)"


def test_data_ophalen_overzicht(tmp_path):
    overzicht = cbs_odata.data_ophalen(
        ["84852NED", "85361NED"], tmp_path, NepCBS(kapot=["85361NED"])
    )
    status = dict(zip(overzicht.tabel, overzicht.status))
    assert status["84852NED"] == "opgehaald" and "niet opgehaald" in status["85361NED"]


# -- StatLine CSV downloads ----------------------------------------------------------------------
def test_statline_gebruikersweergave():
    pad = FIXTURES / "statline_84852NED_gebruikersweergave.csv"
    assert statline_csv.is_statline_csv(pad)
    df = statline_csv.lees_statline_csv(pad)
    assert df.attrs["cbs_tabel"] == "84852NED" and (df.herkomst == "CBS").all()
    gm = rij(df, "vervolg_veiligheidsbeoordeling", "VT05", "2023", "Overdracht")
    assert gm.waarde == pytest.approx(100 * 2155 / 3060) and gm.status == "voorlopig"
    assert bool(
        rij(df, "vervolg_veiligheidsbeoordeling", "VT14", "2023", "Nog niet beoordeeld").onderdrukt
    )
    assert "NL01" not in set(df.regio_code)  # the province row is left out


ROL_CSV = (
    '"Kenmerken adviezen/meldingen";"Regio\'s";"Perioden";"Gestarte adviezen (aantal)";'
    '"Ontvangen meldingen (aantal)"\n'
    '"Totaal";"Zaanstreek-Waterland (VT)";"1e halfjaar 2021";"1700";"1070"\n'
    '"Beroepsmatig totaal";"Zaanstreek-Waterland (VT)";"1e halfjaar 2021";"1150";"920"\n'
)


@pytest.mark.parametrize(
    ("naam", "tabel"), [("84848NED_23112026_101500.csv", "84848NED"), ("download.csv", "84849NED")]
)
def test_statline_tabel_uit_bestandsnaam_of_kolommen(csv_bestand, naam, tabel):
    df = statline_csv.lees_statline_csv(csv_bestand(ROL_CSV, naam))
    assert df.attrs["cbs_tabel"] == tabel
    # 84848NED and 84849NED have the same titles: either way every known indicator comes out.
    assert rij(df, "adviezen", "VT22", "2021H1").waarde == 1700
    prof = rij(df, "professionals_aandeel", "VT22", "2021H1")
    assert (prof.teller, prof.noemer) == (1150 + 920, 1700 + 1070)


def test_tabel_met_alleen_gemeenten_in_de_regiotabel(bronnen):
    df = cbs_omzetten.naar_observaties("84851NED", *bronnen["84851NED"])
    assert df.empty and "gemeente_observaties" in df.attrs["meldingen"][0]


def test_statline_eenheden_op_eigen_regel_en_decimale_komma():
    df = statline_csv.lees_statline_csv(FIXTURES / "statline_eerdere_betrokkenheid.csv")
    assert df.attrs["cbs_tabel"] == "85361NED"  # recognised from the column names
    assert rij(df, "hermeldingen", "VT25", "2022H1").waarde == pytest.approx(52.5)
    assert bool(rij(df, "hermeldingen", "VT22", "2022H1").onderdrukt)


def test_statline_fout_bestand_noemt_bestand_regel_en_kolom():
    with pytest.raises(DataFout) as e:
        statline_csv.lees_statline_csv(FIXTURES / "statline_84852NED_fout.csv")
    m = str(e.value)
    assert "statline_84852NED_fout.csv is niet ingelezen" in m
    assert "regel 5, kolom 'Ontvangen meldingen (aantal)': '26x5' is geen getal" in m
    assert "regel 6, kolom 'Regio's'" in m and "Gelderland-Midden (VT)" in m
    assert "regel 7, kolom 'Perioden': '2023 Q1'" in m
    assert "regel 8: 4 velden" in m


def test_statline_onbewerkte_dataset_krijgt_uitleg():
    with pytest.raises(DataFout, match="onbewerkte dataset.*gebruikersweergave"):
        statline_csv.lees_statline_csv(FIXTURES / "statline_84852NED_onbewerkt.csv")


def test_eigen_csv_is_geen_statline_csv():
    assert not statline_csv.is_statline_csv(data_pad("voorbeelden", "eigen_cijfers.csv"))


def test_statline_csv_zonder_kopregel(csv_bestand):
    pad = csv_bestand('"Iets anders"\n"a";"b"\n"1";"2"\n', "download.csv")
    with pytest.raises(DataFout, match="download.csv: geen kopregel"):
        statline_csv.lees_statline_csv(pad)


# -- Region changes -----------------------------------------------------------------------------
def test_overgangen_bestand():
    o = regioindeling.regio_overgangen()
    assert set(o.loc[o.naar_code == "VT27", "van_code"]) == {"VT16", "VT26"}
    assert (o.vanaf_jaar == 2023).all()


def test_vt16_en_vt26_worden_vt27(regionaal):
    df = regioindeling.maak_vergelijkbaar(regionaal, "VT27")
    assert not set(df.regio_code) & {"VT16", "VT26"}
    voor = rij(df, "acuut_onveilig", "VT27", "2021H1")
    assert (voor.teller, voor.noemer) == (65 + 80, 1380 + 1620)
    assert voor.waarde == pytest.approx(100 * 145 / 3000)
    # VT16's 2020H1 (70) is withheld with its 2020H2 (5): the year (75) minus it gives the 5.
    assert bool(rij(df, "acuut_onveilig", "VT27", "2020H1").onderdrukt)
    na = rij(df, "acuut_onveilig", "VT27", "2023")
    assert (na.teller, na.noemer) == (300, 6100)  # CBS's own VT27 row
    assert bool(rij(df, "acuut_onveilig", "VT27", "2020H2").onderdrukt)  # a part was 5
    vt27 = df[df.regio_code == "VT27"]
    assert vt27.regio_overgang.str.contains("Brabant Noordoost").all()
    assert df[df.regio_code != "VT27"].regio_overgang.isna().all()
    assert "VT16" in df.attrs["regio_overgang"]


def test_maak_vergelijkbaar_op_oefendata(oefendata):
    df = regioindeling.maak_vergelijkbaar(oefendata)
    som = sum(rij(oefendata, "meldingen", c, "2021H1").waarde for c in ("VT16", "VT26"))
    assert rij(df, "meldingen", "VT27", "2021H1").waarde == som
    r = rij(df, "meldingen_per_10000", "VT27", "2021H1")
    assert r.noemer == ik.regio("VT16").inwoners + ik.regio("VT26").inwoners
    assert r.waarde == pytest.approx(r.teller / r.noemer * 10_000)


def test_naamswijziging_vt15(oefendata):
    df = regioindeling.maak_vergelijkbaar(oefendata, "Hart van Brabant")
    assert df.loc[df.regio_code == "VT15", "regio_overgang"].str.contains("Midden-Brabant").all()
    assert len(df) == len(oefendata)


def test_geen_overgang_bekend(oefendata):
    with pytest.raises(DataFout, match="Voor VT22 is geen regio-overgang bekend"):
        regioindeling.maak_vergelijkbaar(oefendata, "Zaanstreek-Waterland")


# -- Every step of the plan on imported CBS data ---------------------------------------------------
def test_stappenplan_op_cbs_fixtures(tmp_path):
    from impactkit import grafieken as gr
    from impactkit.stappenplan import Stappenplan
    from impactkit.vergelijken import vergelijk

    data = cbs_odata.laad_cbs(cache_map=tmp_path / "cache", ophalen=NepCBS(), melden=False)
    assert data.attrs["bron"] == "CBS" and set(data["herkomst"]) == {"CBS"}
    plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "Zaanstreek-Waterland", "2021H1")
    plan.bron = "cbs"
    bevindingen = plan.analyseer(data=data)
    assert set(bevindingen["herkomst"].dropna()) == {"CBS"}
    onveilig = bevindingen[
        (bevindingen.indicator == "acuut_structureel_onveilig")
        & (bevindingen.vergelijking == "landelijk")
    ]
    assert len(onveilig) == 1 and onveilig["oordeel"].iloc[0] != "geen gegevens"
    v = vergelijk("hermeldingen", "VT22", "2022H1", data=data)
    assert "landelijk" in set(v["vergelijking"])
    spec = gr.tijdreeks("acuut_structureel_onveilig", "VT22", data=data).to_dict()
    assert "Oefendata" not in json.dumps(spec) and "CBS" in json.dumps(spec)


def test_grafiek_zegt_dat_reeks_over_herindeling_loopt(oefendata):
    from impactkit import grafieken as gr

    df = regioindeling.maak_vergelijkbaar(oefendata, "VT27")
    tekst = json.dumps(gr.tijdreeks("meldingen_per_10000", "VT27", data=df).to_dict())
    assert "Let op:" in tekst and "Oost-Brabant" in tekst
    zonder = json.dumps(gr.tijdreeks("meldingen_per_10000", "VT22", data=oefendata).to_dict())
    assert "Let op:" not in zonder
