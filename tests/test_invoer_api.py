"""Bad input through the Python API: the kit's own errors with Dutch messages."""

import pandas as pd
import pytest

import impactkit as ik
from impactkit.fouten import DataFout, ImpactkitFout, OngeldigeInvoer

PYTHON = ("object is not", "unexpected keyword", "NoneType", "__init__", "Traceback", "KeyError")


def fout(functie, *args, soort=ImpactkitFout, **kwargs) -> str:
    with pytest.raises(soort) as e:
        functie(*args, **kwargs)
    m = str(e.value)
    assert m and not any(p in m for p in PYTHON)
    return m


@pytest.mark.parametrize(
    "bron, woorden",
    [
        (None, ["niets (None)"]),
        (123, ["getal (123)"]),
        (12.5, ["getal"]),
        ([], ["lege lijst"]),
        ((), ["lege lijst"]),
        ({}, ["woordenboek"]),
        ({"bron": "oefendata"}, ["woordenboek"]),
        (True, ["ja/nee-waarde"]),
        ("", ["tekst"]),
        ("   ", ["tekst"]),
        (b"oefendata", ["iets anders dan tekst"]),
    ],
)
def test_laad_met_verkeerd_type(bron, woorden):
    m = fout(ik.laad, bron, soort=OngeldigeInvoer)
    assert "laad()" in m or "Geen bron" in m
    for w in woorden:
        assert w in m or "Geen bron opgegeven" in m


@pytest.mark.parametrize("bron", ["oefendat", "cbs-data", "bestaat_niet.csv"])
def test_laad_onbekende_bron(bron):
    m = fout(ik.laad, bron, soort=DataFout)
    assert "bestaat niet" in m


def test_laad_map(tmp_path):
    assert "is een map" in fout(ik.laad, tmp_path, soort=DataFout)


def test_laad_lijst_met_een_foute_bron():
    assert "getal (5)" in fout(ik.laad, ["oefendata", 5])


@pytest.mark.parametrize(
    "tabel, woorden",
    [
        (pd.DataFrame({"a": [1]}), ["mist de kolom(men)", "indicator"]),
        (pd.DataFrame(), ["mist de kolom(men)"]),
    ],
)
def test_laad_tabel_met_verkeerde_vorm(tabel, woorden):
    m = fout(ik.laad, tabel, soort=DataFout)
    for w in woorden:
        assert w in m


def test_laad_lege_tabel(oefendata):
    assert "leeg" in fout(ik.laad, oefendata.head(0), soort=DataFout)


def test_laad_tabel_met_tekst_als_getal(oefendata):
    t = oefendata.head(3).copy()
    t["waarde"] = t["waarde"].astype(object)
    t.loc[t.index[1], "waarde"] = "veel"
    m = fout(ik.laad, t, soort=DataFout)
    assert "Kolom 'waarde', rij 2" in m and "'veel' is geen getal" in m


def test_laad_tabel_met_halve_teller(oefendata):
    t = oefendata[oefendata["teller"].notna()].head(2).copy()
    t["teller"] = t["teller"].astype("Float64") + 0.5
    assert "heel getal" in fout(ik.laad, t, soort=DataFout)


def test_laad_tabel_met_lege_indicator(oefendata):
    t = oefendata.head(2).copy()
    t.loc[t.index[0], "indicator"] = pd.NA
    assert "Kolom 'indicator', rij 1, is leeg" in fout(ik.laad, t, soort=DataFout)


def test_laad_tabel_met_onbekende_indicator(oefendata):
    t = oefendata.head(2).copy()
    t["indicator"] = "hermeldngen"
    assert "hermeldingen" in fout(ik.laad, t, soort=DataFout)


def test_laad_tabel_met_onbekende_regio(oefendata):
    t = oefendata.head(2).copy()
    t["regio_code"] = "VT99"
    assert "VT99" in fout(ik.laad, t, soort=DataFout)


@pytest.mark.parametrize(
    "data, woorden",
    [
        (pd.DataFrame({"x": [1]}), ["'data' mist de kolom(men)"]),
        (5, ["'data' moet een tabel zijn", "getal (5)"]),
        ([1, 2], ["lijst"]),
        ("oefendata", ["tekst ('oefendata')"]),
    ],
)
def test_waarde_met_verkeerde_data(data, woorden):
    m = fout(ik.waarde, "meldingen", "VT22", "2021H1", data=data)
    for w in woorden:
        assert w in m


@pytest.mark.parametrize("functie", [ik.reeks, ik.doorsnede])
def test_reeks_en_doorsnede_met_verkeerde_data(functie):
    args = ("meldingen", "VT22") if functie is ik.reeks else ("meldingen", "2021H1")
    assert "mist de kolom(men)" in fout(functie, *args, data=pd.DataFrame({"x": [1]}))


@pytest.mark.parametrize(
    "invoer, woorden",
    [
        (None, ["niets (None)"]),
        (22, ["getal (22)"]),
        ("", ["tekst"]),
        ("Zaanstreek-Waterlnd", ["Zaanstreek-Waterland"]),
        ("Tilburg", ["is een gemeente", "VT15"]),
        ("Tilburgg", ["de gemeente 'Tilburg'", "VT15"]),
        ("Zaanstad", ["is een gemeente", "Zaanstreek-Waterland", "VT22"]),
    ],
)
def test_regio_invoer(invoer, woorden):
    m = fout(ik.regio, invoer, soort=ik.OnbekendeRegio)
    for w in woorden:
        assert w in m


@pytest.mark.parametrize("invoer", ["5", "05", "vt5", "VT5", "vt05", "VT 05", "VT05"])
def test_regionummer_in_alle_vormen(invoer):
    assert ik.regio(invoer).code == "VT05"


@pytest.mark.parametrize(
    "invoer, woorden", [(None, ["niets (None)"]), (855, ["getal"]), ("Tilburgg", ["Tilburg"])]
)
def test_gemeente_regio_invoer(invoer, woorden):
    m = fout(ik.gemeente_regio, invoer, soort=ik.OnbekendeRegio)
    for w in woorden:
        assert w in m


def test_waarde_met_onbekende_indicator():
    assert "hermeldingen" in fout(ik.waarde, "hermeldngen", "VT22", "2021H1")


def test_waarde_met_foute_periode():
    assert "Periode '2021H3'" in fout(ik.waarde, "meldingen", "VT22", "2021H3")


def test_onderdrukt_aandeel_laat_geen_kleine_noemer_zien(oefendata):
    klein = oefendata[oefendata["onderdrukt"].astype(bool)]
    n = pd.to_numeric(klein["noemer"], errors="coerce")
    assert not ((n > 0) & (n < 10)).any()
    alle = pd.to_numeric(oefendata["noemer"], errors="coerce")
    assert not ((alle > 0) & (alle < 10)).any()
