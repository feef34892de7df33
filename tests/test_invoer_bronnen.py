"""Hostile and mistaken input in the data sources: a Dutch message naming the problem and the fix.

Own CSV files (suppression column, contradictory rows, invisible characters), StatLine downloads
(duplicate lines), the CBS cache (another table's content, damaged files) and a CBS mirror
(``IMPACTKIT_CBS_ADRES``).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import impactkit as ik
from impactkit.bronnen import cbs_odata
from impactkit.bronnen.cbs_uitleg import uitleg_tabel
from impactkit.bronnen.eigen_bestand import JA, NEE
from impactkit.bronnen.tekstbestand import GeenGetal, lees_getal, zichtbaar
from impactkit.fouten import CBSNietBereikbaar, DataFout

PROJECT = Path(__file__).parent.parent
sys.path.insert(0, str(PROJECT / "tests" / "fixtures" / "cbs"))
from odata_server import ODataServer, uit_fixture  # noqa: E402

KOP = "indicator;regio;periode;waarde;onderdrukt\n"
FIXTURES = Path(__file__).parent / "fixtures" / "cbs"
STATLINE = FIXTURES / "statline_84852NED_gebruikersweergave.csv"


def melding(pad) -> str:
    with pytest.raises(DataFout) as e:
        ik.laad(pad)
    tekst = str(e.value)
    assert "Traceback" not in tekst and "Error" not in tekst
    return tekst


# -- 1. the 'onderdrukt' column: every 'yes' withholds, an unknown word is refused ---------------
@pytest.mark.parametrize(
    "vlag",
    ["yes", "Yes", "y", "j", "J", "ja", "JA", "x", "X", "true", "TRUE", "True", "t", "waar", "1"]
    + ["onderdrukt", "\u2713", " ja "],
)
def test_elk_ja_in_onderdrukt_houdt_het_cijfer_achter(csv_bestand, vlag):
    df = ik.laad(csv_bestand(KOP + f"meldingen;VT22;2021H1;1070;{vlag}\n"))
    rij = df.iloc[0]
    assert bool(rij.onderdrukt) and pd.isna(rij.waarde) and pd.isna(rij.teller)


@pytest.mark.parametrize("vlag", ["nee", "N", "no", "false", "False", "f", "onwaar", "0", ""])
def test_elk_nee_in_onderdrukt_toont_het_cijfer(csv_bestand, vlag):
    df = ik.laad(csv_bestand(KOP + f"meldingen;VT22;2021H1;1070;{vlag}\n"))
    assert not bool(df.iloc[0].onderdrukt) and df.iloc[0].waarde == 1070


@pytest.mark.parametrize("vlag", ["misschien", "-", "?", "jaa", "2"])
def test_onbekend_woord_in_onderdrukt_wordt_geweigerd(csv_bestand, vlag):
    m = melding(csv_bestand(KOP + f"meldingen;VT22;2021H1;1070;{vlag}\n"))
    assert "regel 2, kolom 'onderdrukt'" in m and f"'{vlag}' is geen ja of nee" in m
    assert "yes" in m and "nee" in m and "no" in m


def test_onderdrukt_zonder_waarde_is_goed(csv_bestand):
    df = ik.laad(csv_bestand(KOP + "meldingen;VT22;2021H1;;ja\n"))
    assert bool(df.iloc[0].onderdrukt)


def test_ja_en_nee_staan_in_de_docstring():
    doc = " ".join(ik.lees_csv.__doc__.split())
    for w in JA[:10] + NEE[:7]:
        assert f"'{w}'" in doc


# -- 2. contradictory rows -----------------------------------------------------------------------
def test_regio_en_regio_code_spreken_elkaar_tegen(csv_bestand):
    m = melding(
        csv_bestand(
            "indicator;regio;regio_code;periode;waarde\n"
            "meldingen;Twente;VT19;2021H1;1070\n"
            "meldingen;Twente;VT18;2021H2;1070\n"
        )
    )
    assert "regel 3, kolom 'regio_code'" in m and "regel 2" not in m
    assert "'VT18' is Rotterdam-Rijnmond" in m and "'Twente'" in m and "VT19" in m


def test_onbekende_regio_code_naast_regio(csv_bestand):
    m = melding(
        csv_bestand("indicator;regio;regio_code;periode;waarde\nmeldingen;Twente;VT99;2021H1;1\n")
    )
    assert "regel 2, kolom 'regio_code'" in m and "VT99" in m


def test_regio_code_mag_leeg_of_gelijk(csv_bestand):
    df = ik.laad(
        csv_bestand(
            "indicator;regio;regio_code;periode;waarde\n"
            "meldingen;Twente;vt19;2021H1;1070\nmeldingen;Twente;;2021H2;1070\n"
        )
    )
    assert df.regio_code.tolist() == ["VT19", "VT19"]


@pytest.mark.parametrize("helft, woord", [("H1", "eerste"), ("H2", "tweede")])
def test_jaarcijfer_onder_eigen_halfjaar(csv_bestand, helft, woord):
    m = melding(
        csv_bestand(
            "indicator;regio;periode;waarde\n"
            f"meldingen;Twente;2023{helft};1070\nmeldingen;Twente;2023;900\n"
        )
    )
    assert "regel 3" in m and f"{woord} halfjaar" in m and "regel 2" in m
    assert "900" in m and "1.070" in m


def test_jaarcijfer_boven_halfjaren_en_andere_regio_is_goed(csv_bestand):
    df = ik.laad(
        csv_bestand(
            "indicator;regio;periode;waarde\nmeldingen;Twente;2023H1;1070\n"
            "meldingen;Twente;2023;2100\nmeldingen;Drenthe;2023;900\n"
        )
    )
    assert len(df) == 3


# -- 3. a StatLine download with lines twice -----------------------------------------------------
def test_statline_dubbele_regels_worden_genoemd(tmp_path):
    regels = STATLINE.read_text(encoding="utf-8").splitlines()
    data = regels[2:27]
    pad = tmp_path / "84852NED.csv"
    pad.write_text("\n".join(regels[:27] + data + regels[27:]) + "\n", encoding="utf-8")
    m = melding(pad)
    assert "25 regels staan er twee keer in" in m
    assert "regel 28: dubbele regel" in m and "als regel 3 (Gelderland (PV), 2023*)" in m
    assert "niet gevonden" not in m and "... en nog 16 meldingen." in m
    assert m.count("\n") == 11  # title, 10 problems, the rest summarised


def test_statline_een_dubbele_regel(tmp_path):
    regels = STATLINE.read_text(encoding="utf-8").splitlines()
    regels.insert(10, regels[4].replace('"2695"', '"2700"'))
    pad = tmp_path / "84852NED.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    m = melding(pad)
    assert "regel 11: dubbele regel" in m and "als regel 5 (Gelderland-Zuid (VT), 2023*)" in m
    assert "twee keer in" not in m


# -- 4. invisible characters ---------------------------------------------------------------------
ONZICHTBAAR = ["\u200b", "\ufeff", "\u2060", "\u00ad", "\u200e"]
SPATIES = ["\u00a0", "\u2009", "\u202f"]


@pytest.mark.parametrize("teken", ONZICHTBAAR + SPATIES)
def test_onzichtbare_tekens_in_kop_en_namen(csv_bestand, teken):
    df = ik.laad(
        csv_bestand(
            f"indicator{teken};regio;periode;waarde{teken}\n"
            f"meldingen{teken};Hollands{teken if teken in SPATIES else ''} Midden{teken};"
            f"2023H1{teken};1070{teken}\n"
        )
    )
    assert df.iloc[0].regio_code == ik.regio("Hollands Midden").code
    assert df.iloc[0].waarde == 1070 and df.iloc[0].periode == "2023H1"


@pytest.mark.parametrize("teken", SPATIES + [" "])
def test_smalle_of_vaste_spatie_als_duizendtalscheiding(csv_bestand, teken):
    df = ik.laad(
        csv_bestand(f"indicator;regio;periode;waarde\nmeldingen;VT22;2023H1;1{teken}070\n")
    )
    assert df.iloc[0].waarde == 1070


@pytest.mark.parametrize("getal", ["1\u202f07", "10\u200970", "1\u00a00700", "55\u00a06"])
def test_spatie_op_de_verkeerde_plek_in_een_getal(csv_bestand, getal):
    m = melding(csv_bestand(f"indicator;regio;periode;waarde\nmeldingen;VT22;2023H1;{getal}\n"))
    assert "regel 2, kolom 'waarde'" in m and "spatie" in m and "1 070" in m


@pytest.mark.parametrize(
    "tekst, aantal, verwacht",
    [("12\u2009345,6", False, 12345.6), ("55,6\u00a0%", False, 55.6), ("\u2212 5", True, -5)],
)
def test_lees_getal_met_spaties(tekst, aantal, verwacht):
    assert lees_getal(tekst, ";", aantal=aantal) == pytest.approx(verwacht)


@pytest.mark.parametrize("tekst", ["\u00b2", "\u00bd", "\u0663"])
def test_cijfers_van_een_ander_schrift_zijn_geen_getal(tekst):
    with pytest.raises(GeenGetal, match="geen getal"):
        lees_getal(tekst, ";", aantal=True)


def test_zichtbaar():
    assert zichtbaar("waarde\u200b\u2060;a\u00a0b\u2009c\u202fd\ufeff") == "waarde;a b c d"


# -- 5. the CBS cache: another table's content, damaged files ------------------------------------
def fixture_tabel(tabel):
    data = json.loads((FIXTURES / f"{tabel}_data.json").read_text(encoding="utf-8"))
    props = json.loads((FIXTURES / f"{tabel}_DataProperties.json").read_text(encoding="utf-8"))
    return data, props


@pytest.fixture
def cache(tmp_path):
    """A cache with 84852NED and 85361NED as a fetch writes them."""
    cbs_odata.haal_op(["84852NED", "85361NED"], tmp_path, ophalen=fixture_tabel)
    return tmp_path


@pytest.fixture
def offline(monkeypatch):
    def geen_verbinding(tabel_id, voortgang=None, **_):
        raise ConnectionError("Max retries exceeded: Connection refused")

    monkeypatch.setattr(cbs_odata, "cbsodata_ophalen", geen_verbinding)


def kopieer_als_84852(cache):
    for soort in ("csv", "json"):
        shutil.copy(cache / f"85361NED.{soort}", cache / f"84852NED.{soort}")


def test_cache_van_een_andere_tabel_wordt_niet_gebruikt_zonder_internet(cache, offline):
    kopieer_als_84852(cache)
    assert cbs_odata.lees_cache("84852NED", cache) is None
    with pytest.raises(CBSNietBereikbaar) as e:
        uitleg_tabel("84852NED", cache_map=cache)
    m = str(e.value)
    assert "84852NED.json hoort bij tabel 85361NED, niet bij 84852NED" in m
    assert "Verwijder 84852NED.csv en 84852NED.json" in m and "impactkit data ophalen" in m
    assert str(cache) in m


def test_cache_van_een_andere_tabel_wordt_opnieuw_opgehaald(cache, monkeypatch):
    kopieer_als_84852(cache)
    monkeypatch.setattr(cbs_odata, "cbsodata_ophalen", lambda t, v=None, **_: fixture_tabel(t))
    tekst = uitleg_tabel("84852NED", cache_map=cache)
    assert tekst.startswith("Tabel 84852NED") and "Veiligheidstaxatie" in tekst
    assert "OntvangenMeldingenTotaal_1" not in tekst  # a measure of 85361NED
    meta = json.loads((cache / "84852NED.json").read_text(encoding="utf-8"))
    assert meta["tabel"] == "84852NED"


BESCHADIGD = {
    "afgebroken": ('{"tabel": "84852NED", "records": 3', "afgebroken of geen JSON"),
    "lijst": ("[1, 2]", "geen beschrijving van een tabel"),
    "zonder_tabel": ('{"records": 328}', "ontbreekt de tabel-id"),
    "tabel_als_getal": ('{"tabel": 84852}', "ontbreekt de tabel-id"),
    "props_tekst": ('{"tabel": "84852NED", "dataproperties": "x"}', "'dataproperties'"),
    "props_getallen": ('{"tabel": "84852NED", "dataproperties": [1, 2]}', "'dataproperties'"),
    "datum_getal": ('{"tabel": "84852NED", "opgehaald": 5}', "'opgehaald'"),
    "records_tekst": ('{"tabel": "84852NED", "records": "veel"}', "'records'"),
    "leeg": ("", "afgebroken of geen JSON"),
}


@pytest.mark.parametrize("inhoud, woorden", BESCHADIGD.values(), ids=BESCHADIGD.keys())
def test_beschadigde_cache_json(cache, offline, inhoud, woorden):
    (cache / "84852NED.json").write_text(inhoud, encoding="utf-8")
    kopie, reden = cbs_odata.cache_toestand("84852NED", cache)
    assert kopie is None and woorden in reden
    with pytest.raises(CBSNietBereikbaar) as e:
        cbs_odata.haal_op(["84852NED"], cache)
    m = str(e.value)
    assert "geen verbinding" in m and "beschadigd" in m and "84852NED.json" in m
    assert "impactkit data ophalen --tabel 84852NED" in m


@pytest.mark.parametrize(
    "bewerk, woorden",
    [
        (lambda t: t + "a,b,c,d,e,f,g,h,i,j\n", "meer velden dan de kopregel"),
        (lambda t: t.replace("RegioS", "Gemeenten", 1), "staan niet in de beschrijving"),
        (lambda t: "\n".join(t.splitlines()[:-5]) + "\n", "records"),
    ],
    ids=["extra_velden", "vreemde_kolom", "afgebroken"],
)
def test_beschadigde_cache_csv(cache, offline, bewerk, woorden):
    pad = cache / "84852NED.csv"
    pad.write_text(bewerk(pad.read_text(encoding="utf-8")), encoding="utf-8")
    kopie, reden = cbs_odata.cache_toestand("84852NED", cache)
    assert kopie is None and woorden in reden and "84852NED.csv" in reden


def test_beschadigde_cache_wordt_vervangen_als_er_internet_is(cache, monkeypatch):
    (cache / "84852NED.json").write_text("[1, 2]", encoding="utf-8")
    monkeypatch.setattr(cbs_odata, "cbsodata_ophalen", lambda t, v=None, **_: fixture_tabel(t))
    regels = []
    tabel = cbs_odata.haal_op(["84852NED"], cache, voortgang=regels.append)["84852NED"]
    assert tabel.bron == "netwerk" and len(tabel.records) == 408  # unfiltered fixture
    assert "onbruikbaar" in regels[0] and "geen beschrijving" in regels[0]
    assert cbs_odata.lees_cache("84852NED", cache) is not None


def test_laad_cbs_met_beschadigde_cache_valt_terug_op_oefendata(cache, offline):
    for tabel in ("84852NED", "85361NED"):
        (cache / f"{tabel}.json").write_text("{", encoding="utf-8")
    df = cbs_odata.laad_cbs(cache, melden=False)
    assert df.attrs["bron"] == "oefendata" and "beschadigd" in df.attrs["bron_melding"]


def test_cli_uitleg_met_beschadigde_cache(cache):
    (cache / "84852NED.json").write_text('{"tabel": "85361NED"}', encoding="utf-8")
    uit = draai_cli(["data", "uitleg", "84852NED", "--cache", str(cache)], "127.0.0.1:1")
    assert uit.returncode == 2 and "Traceback" not in uit.stderr + uit.stdout
    m = uit.stdout + uit.stderr
    assert "hoort bij tabel 85361NED" in m and "127.0.0.1:1" in m


# -- 6. IMPACTKIT_CBS_ADRES: fetching from a mirror ----------------------------------------------
def draai_cli(argumenten, adres):
    omgeving = dict(os.environ, PYTHONPATH=str(PROJECT), IMPACTKIT_CBS_ADRES=adres)
    return subprocess.run(
        [str(Path(sys.executable).with_name("impactkit")), *argumenten],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "adres, verwacht",
    [
        ("127.0.0.1:8080", ("127.0.0.1:8080", False)),
        ("localhost:8080/", ("localhost:8080", False)),
        ("spiegel.voorbeeld.nl", ("spiegel.voorbeeld.nl", True)),
        ("http://spiegel.voorbeeld.nl/cbs/", ("spiegel.voorbeeld.nl/cbs", False)),
        ("HTTPS://127.0.0.1:1", ("127.0.0.1:1", True)),
        (" ", None),
    ],
)
def test_cbs_adres_lezen(monkeypatch, adres, verwacht):
    monkeypatch.setenv("IMPACTKIT_CBS_ADRES", adres)
    assert cbs_odata.cbs_adres() == verwacht


@pytest.mark.parametrize("adres", ["ftp://spiegel.nl", "http://", "spiegel nl"])
def test_cbs_adres_dat_geen_adres_is(monkeypatch, adres):
    monkeypatch.setenv("IMPACTKIT_CBS_ADRES", adres)
    with pytest.raises(CBSNietBereikbaar, match="IMPACTKIT_CBS_ADRES"):
        cbs_odata.cbs_adres()


def test_cbs_adres_geldt_alleen_tijdens_het_ophalen(monkeypatch):
    import cbsodata

    voor = (cbsodata.options.catalog_url, cbsodata.options.use_https)
    with ODataServer({"85361NED": uit_fixture(*fixture_tabel("85361NED"))}) as s:
        monkeypatch.setenv("IMPACTKIT_CBS_ADRES", s.adres)
        records, props = cbs_odata.cbsodata_ophalen("85361NED")
    assert len(records) == 16 and props
    assert (cbsodata.options.catalog_url, cbsodata.options.use_https) == voor


def test_data_ophalen_bij_een_spiegel(tmp_path):
    with ODataServer() as s:
        uit = draai_cli(["data", "ophalen", "--cache", str(tmp_path)], s.adres)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert f"ophalen bij {s.adres} ..." in uit.stdout and "MISLUKT" not in uit.stdout
    assert uit.stdout.count("  opgehaald: ") == 10
    meta = json.loads((tmp_path / "84852NED.json").read_text(encoding="utf-8"))
    assert meta["tabel"] == "84852NED" and meta["records"] == 328


def test_data_ophalen_bij_een_spiegel_die_er_niet_is(tmp_path):
    uit = draai_cli(
        ["data", "ophalen", "--tabel", "84852NED", "--cache", str(tmp_path)], "127.0.0.1:1"
    )
    assert uit.returncode == 1 and "Traceback" not in uit.stdout + uit.stderr
    assert "MISLUKT" in uit.stdout and "geen verbinding met 127.0.0.1:1" in uit.stdout
