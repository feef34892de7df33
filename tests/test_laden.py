"""Reading the user's own CSV files: good files load, bad files get a Dutch message."""

import pandas as pd
import pytest

import impactkit as ik
from impactkit import DataFout

KOP = "indicator;regio;periode;categorie;waarde;teller;noemer\n"


def test_goed_bestand_met_puntkomma_en_decimale_komma(csv_bestand):
    pad = csv_bestand(
        KOP
        + "acuut_structureel_onveilig;Zaanstreek-Waterland (VT);1e halfjaar 2021;;55,6;595;1070\n"
        + "meldingen;VT22;2021H1;;1.070;;\n"
        + "duur_geweld_meldingen;zaanstreek waterland;2021-H1;> 5 jaar;1,4;15;1070\n"
        + "meldingen;Gooi en Vechtstreek;2021H1;;.;;\n"
    )
    df = ik.laad(pad)
    assert (df["herkomst"] == "eigen data").all()
    onveilig = df[df.indicator == "acuut_structureel_onveilig"].iloc[0]
    assert onveilig.waarde == pytest.approx(55.6) and onveilig.periode == "2021H1"
    assert df[df.indicator == "meldingen"].iloc[0].waarde == 1070  # '1.070' = thousands dot
    gooi = df[df.regio_code == "VT07"].iloc[0]
    assert bool(gooi.onderdrukt) and gooi.waarde is pd.NA
    assert ik.waarde("meldingen", "VT22", "2021H1", data=df) == 1070


def test_komma_bestand_met_punt_als_decimaal(csv_bestand):
    pad = csv_bestand("indicator,regio,periode,waarde\nots_per_10000,VT22,2021H1,2.2\n")
    assert ik.laad(pad).iloc[0].waarde == pytest.approx(2.2)


def test_waarde_wordt_berekend_uit_teller_en_noemer(csv_bestand):
    pad = csv_bestand(KOP + "overdracht_rvdk;VT22;2021H1;;;20;2770\n")
    assert ik.laad(pad).iloc[0].waarde == pytest.approx(100 * 20 / 2770)


def test_kleine_aantallen_worden_onderdrukt(csv_bestand):
    pad = csv_bestand(KOP + "overdracht_om;VT22;2021H1;;0,2;5;2770\nmeldingen;VT07;2021H1;;7;;\n")
    df = ik.laad(pad)
    assert df["onderdrukt"].all() and df["waarde"].isna().all()


def melding(csv_bestand, tekst):
    with pytest.raises(DataFout) as e:
        ik.laad(csv_bestand(tekst))
    return str(e.value)


def test_ontbrekende_kolom(csv_bestand):
    m = melding(csv_bestand, "indicator;regio;periode\nmeldingen;VT22;2021H1\n")
    assert "regel 1" in m and "'waarde'" in m and "ontbreken" in m


def test_kolom_met_tikfout_geeft_suggestie(csv_bestand):
    m = melding(csv_bestand, "indicator;regio;periode;waard\nmeldingen;VT22;2021H1;5\n")
    assert "Bedoelde je: 'waard'" in m


def test_verkeerd_scheidingsteken(csv_bestand):
    m = melding(csv_bestand, "indicator|regio|periode|waarde\nmeldingen|VT22|2021H1|1070\n")
    assert "regel 1" in m and "scheidingsteken" in m


def test_decimale_komma_in_kommabestand(csv_bestand):
    m = melding(csv_bestand, "indicator,regio,periode,waarde\nots_per_10000,VT22,2021H1,2,2\n")
    assert "regel 2" in m and "decimale komma" in m


def test_geen_getal(csv_bestand):
    m = melding(csv_bestand, KOP + "meldingen;VT22;2021H1;;veel;;\n")
    assert "regel 2, kolom 'waarde'" in m and "'veel' is geen getal" in m


def test_dubbele_rijen(csv_bestand):
    rij = "meldingen;VT22;2021H1;;1070;;\n"
    m = melding(csv_bestand, KOP + rij + "adviezen;VT22;2021H1;;1700;;\n" + rij)
    assert "regel 4" in m and "dubbele rij" in m and "regel 2" in m


def test_noemer_nul(csv_bestand):
    m = melding(csv_bestand, KOP + "overdracht_rvdk;VT22;2021H1;;;0;0\n")
    assert "regel 2, kolom 'noemer'" in m and "noemer is 0" in m


def test_onbekende_regio_met_suggestie(csv_bestand):
    m = melding(csv_bestand, KOP + "meldingen;Zaanstreek-Watreland;2021H1;;1070;;\n")
    assert "regel 2, kolom 'regio'" in m and "Zaanstreek-Waterland" in m


def test_onbekende_indicator_met_suggestie(csv_bestand):
    m = melding(csv_bestand, KOP + "meldingn;VT22;2021H1;;1070;;\n")
    assert "regel 2, kolom 'indicator'" in m and "'meldingen'" in m


def test_onleesbare_periode(csv_bestand):
    m = melding(csv_bestand, KOP + "meldingen;VT22;2021 Q1;;1070;;\n")
    assert "regel 2, kolom 'periode'" in m and "2021H1" in m


def test_onbekende_categorie(csv_bestand):
    m = melding(csv_bestand, KOP + "duur_geweld_meldingen;VT22;2021H1;lang;1,4;15;1070\n")
    assert "kolom 'categorie'" in m and "> 5 jaar" in m


def test_waarde_past_niet_bij_teller_en_noemer(csv_bestand):
    m = melding(csv_bestand, KOP + "overdracht_rvdk;VT22;2021H1;;7,0;20;2770\n")
    assert "past niet bij teller/noemer" in m


def test_niets_half_ingelezen_alle_fouten_samen(csv_bestand):
    m = melding(
        csv_bestand,
        KOP
        + "meldingen;VT22;2021H1;;1070;;\nmeldingn;VT22;2021H1;;1;;\nmeldingen;XX;2021H1;;5;;\n",
    )
    assert "regel 3" in m and "regel 4" in m and "niet ingelezen" in m


def test_onbekende_bron():
    with pytest.raises(DataFout) as e:
        ik.laad("oefendat")
    assert "Bedoelde je: 'oefendata'" in str(e.value)


def test_dataframe_wordt_gevalideerd(oefendata):
    kapot = oefendata.head(3).copy()
    kapot["indicator"] = "bestaat_niet"
    with pytest.raises(DataFout):
        ik.laad(kapot)
    assert len(ik.laad(oefendata.head(3))) == 3
