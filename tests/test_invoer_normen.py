"""Bad input in a norms file: numbers by the indicator's unit, ranges, conflicts, file kinds."""

import pandas as pd
import pytest

from impactkit.bronnen.normen import lees_normen, valideer_normen
from impactkit.fouten import DataFout

KOP = "indicator;norm;soort\n"


def normen(tmp_path, tekst, naam="normen.csv"):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def melding(pad) -> str:
    with pytest.raises(DataFout) as e:
        lees_normen(pad)
    return str(e.value)


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        (KOP + "meldingen;1.070;maximaal\n", 1070.0),  # a count: thousands dot
        ("indicator,norm,soort\nmeldingen,1.070,maximaal\n", 1070.0),
        (KOP + "acuut_structureel_onveilig;45,5;maximaal\n", 45.5),
        (KOP + "acuut_structureel_onveilig;45.5;maximaal\n", 45.5),
        (KOP + "hermeldingen;0;minimaal\n", 0.0),
        (KOP + "hermeldingen;100;maximaal\n", 100.0),
        (KOP + "ots_per_10000;2,206;maximaal\n", 2.206),
        (KOP + "hermeldingen;30%;maximaal\n", 30.0),
    ],
)
def test_goede_normen(tmp_path, tekst, verwacht):
    assert lees_normen(normen(tmp_path, tekst)).iloc[0]["norm"] == pytest.approx(verwacht)


@pytest.mark.parametrize(
    "rij, woorden",
    [
        ("hermeldingen;150;maximaal", ["150% kan niet", "0 en 100"]),
        ("hermeldingen;100,5;maximaal", ["100,5% kan niet"]),
        ("hermeldingen;-5;maximaal", ["negatief"]),
        ("hermeldingen;\u22125;maximaal", ["negatief"]),
        ("meldingen;-1;minimaal", ["negatief"]),
        ("hermeldingen;inf;maximaal", ["'inf' is geen getal"]),
        ("hermeldingen;nan;maximaal", ["'nan' is geen getal"]),
        ("hermeldingen;veel;maximaal", ["'veel' is geen getal"]),
        ("hermeldingen;;maximaal", ["leeg"]),
        ("hermeldingen;55.600;maximaal", ["dubbelzinnig"]),
        ("meldingen;12,5;maximaal", ["geen heel getal"]),
        ("meldingen;1,070;maximaal", ["dubbelzinnig"]),
        ("ots_per_10000;20000;maximaal", ["per 10.000 inwoners kan niet"]),
        ("hermeldingen;30;hoogstens", ["'minimaal' of 'maximaal'"]),
        ("hermeldingen;30;maximal", ["Bedoelde je: 'maximaal'"]),
        ("hermeldngen;30;maximaal", ["onbekende indicator", "hermeldingen"]),
    ],
)
def test_foute_norm_noemt_regel_en_regel(tmp_path, rij, woorden):
    m = melding(normen(tmp_path, KOP + rij + "\n"))
    assert "regel 2" in m
    for w in woorden:
        assert w in m


def test_twee_normen_voor_hetzelfde(tmp_path):
    m = melding(normen(tmp_path, KOP + "hermeldingen;30;maximaal\nhermeldingen;25;maximaal\n"))
    assert "regel 3" in m and "tweede" in m and "regel 2" in m


def test_minimum_boven_maximum(tmp_path):
    m = melding(normen(tmp_path, KOP + "hermeldingen;40;minimaal\nhermeldingen;25;maximaal\n"))
    assert "minimale norm (40)" in m and "maximale (25, regel 3)" in m


def test_min_en_max_die_samengaan(tmp_path):
    t = lees_normen(normen(tmp_path, KOP + "hermeldingen;20;minimaal\nhermeldingen;25;maximaal\n"))
    assert t["soort"].tolist() == ["minimaal", "maximaal"]


def test_regionale_en_landelijke_norm_mogen_samen(tmp_path):
    t = lees_normen(
        normen(
            tmp_path,
            "indicator;norm;soort;regio\nhermeldingen;30;maximaal;\n"
            "hermeldingen;25;maximaal;Twente\n",
        )
    )
    assert t["regio_code"].isna().tolist() == [True, False]


def test_onbekende_regio_in_normen(tmp_path):
    m = melding(normen(tmp_path, "indicator;norm;soort;regio\nhermeldingen;30;maximaal;Twnte\n"))
    assert "regel 2, kolom 'regio'" in m and "Twente" in m


def test_onbekende_categorie_in_normen(tmp_path):
    m = melding(
        normen(
            tmp_path, "indicator;norm;soort;categorie\naard_geweld;30;maximaal;Kindermishandelng\n"
        )
    )
    assert "geen categorie van aard_geweld" in m and "Kindermishandeling" in m


def test_kolom_met_tikfout(tmp_path):
    m = melding(normen(tmp_path, "indicator;nrom;soort\nhermeldingen;30;maximaal\n"))
    assert "norm" in m and "ontbreken" in m and "Bedoelde je: 'nrom'" in m


def test_onbekende_kolom(tmp_path):
    m = melding(normen(tmp_path, "indicator;norm;soort;regoi\nhermeldingen;30;maximaal;VT22\n"))
    assert "onbekende kolom(men) 'regoi'" in m and "'regio'" in m


def test_alle_fouten_samen(tmp_path):
    m = melding(normen(tmp_path, KOP + "hermeldingen;150;maximaal\nmeldingen;-1;minimaal\n"))
    assert "regel 2" in m and "regel 3" in m and "niet ingelezen" in m


def test_komma_in_toelichting_verschuift_niets(tmp_path):
    t = lees_normen(
        normen(
            tmp_path, 'indicator,norm,soort,toelichting\nhermeldingen,30,maximaal,"doel, 2022"\n'
        )
    )
    assert t.iloc[0]["toelichting"] == "doel, 2022" and t.iloc[0]["norm"] == 30


def test_te_veel_velden(tmp_path):
    m = melding(normen(tmp_path, "indicator,norm,soort\nhermeldingen,30,5,maximaal\n"))
    assert "regel 2: 4 velden" in m


# -- YAML -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "regel, woorden",
    [
        ("{indicator: meldingen, norm: 1.070, soort: maximaal}", ["geen heel getal", "1070"]),
        ("{indicator: hermeldingen, norm: 150, soort: maximaal}", ["150% kan niet"]),
        ("{indicator: hermeldingen, norm: .inf, soort: maximaal}", ["geen eindig getal"]),
        ("{indicator: hermeldingen, norm: -5, soort: maximaal}", ["negatief"]),
        ("{indicator: hermeldingen, norm: ja, soort: maximaal}", ["geen getal"]),
        ("{indicator: hermeldingen, norm: '55.600', soort: maximaal}", ["dubbelzinnig"]),
    ],
)
def test_yaml_normen(tmp_path, regel, woorden):
    m = melding(normen(tmp_path, f"normen:\n  - {regel}\n", "normen.yaml"))
    assert "norm 1" in m
    for w in woorden:
        assert w in m


def test_yaml_tweede_norm(tmp_path):
    tekst = (
        "normen:\n  - {indicator: hermeldingen, norm: 30, soort: maximaal}\n"
        "  - {indicator: hermeldingen, norm: 20, soort: maximaal}\n"
    )
    m = melding(normen(tmp_path, tekst, "normen.yaml"))
    assert "norm 2" in m and "norm 1" in m


def test_yaml_geen_lijst(tmp_path):
    m = melding(normen(tmp_path, "normen: hermeldingen 30\n", "normen.yaml"))
    assert "lijst van normen" in m


def test_yaml_onleesbaar(tmp_path):
    m = melding(normen(tmp_path, "normen:\n  - {indicator: a: b\n", "normen.yaml"))
    assert "geen leesbare YAML" in m and "regel" in m


# -- file kinds -----------------------------------------------------------------------------------
def test_normenbestand_bestaat_niet(tmp_path):
    assert "bestaat niet" in melding(tmp_path / "weg.csv")


def test_normenbestand_is_een_map(tmp_path):
    assert "is een map" in melding(tmp_path)


def test_normenbestand_is_excel(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "Excel" in melding(pad)


def test_normen_in_latin1(tmp_path):
    pad = tmp_path / "normen.csv"
    pad.write_bytes(
        "indicator;norm;soort;toelichting\nhermeldingen;30;maximaal;één doel\n".encode("latin-1")
    )
    assert lees_normen(pad).iloc[0]["toelichting"] == "één doel"


def test_valideer_normen_tabel(tmp_path):
    t = pd.DataFrame({"indicator": ["hermeldingen"], "norm": [150], "soort": ["maximaal"]})
    with pytest.raises(DataFout, match="150% kan niet"):
        valideer_normen(t)
