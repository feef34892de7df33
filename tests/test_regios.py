import pandas as pd
import pytest

import impactkit as ik
from impactkit import OnbekendeRegio
from impactkit.paden import data_pad


def test_nederland_en_26_regios():
    df = ik.regios()
    assert df["code"].tolist() == ["NL01"] + [f"VT{i:02d}" for i in range(1, 27)]
    assert df["code"].is_unique and df["naam"].is_unique


def test_inwoners_nederland_is_som_van_regios():
    df = ik.regios()
    vt = df[df["soort"] == "vt"]
    assert df.loc[df["code"] == "NL01", "inwoners"].item() == vt["inwoners"].sum()
    # 2021 population of the Netherlands was about 17,4-17,5 million.
    assert 17_300_000 < vt["inwoners"].sum() < 17_600_000


def test_cbs_label_en_bron_komen_overeen():
    ruw = pd.read_csv(data_pad("referentie", "vt_regions.csv"), dtype="string")
    df = ik.regios(alle=True).set_index("code")
    for rij in ruw.itertuples():
        assert df.loc[rij.vt_code, "inwoners"] == int(rij.population)
    assert ik.regio("VT22").cbs_label == "Zaanstreek-Waterland (VT)"


def test_herindeling_2023_vastgelegd():
    df = ik.regios(alle=True).set_index("code")
    assert df.loc["VT27", "naam"] == "Oost-Brabant"
    assert df.loc["VT27", "geldig_van"] == 2023
    assert df.loc["VT16", "opgevolgd_door"] == "VT27" == df.loc["VT26", "opgevolgd_door"]
    assert df.loc["VT27", "inwoners"] == df.loc["VT16", "inwoners"] + df.loc["VT26", "inwoners"]
    assert df.loc["VT15", "naam_vanaf_2023"] == "Midden-Brabant"
    assert "VT27" not in ik.regios()["code"].tolist()


@pytest.mark.parametrize(
    "invoer, code",
    [
        ("Zaanstreek-Waterland", "VT22"),
        ("zaanstreek waterland", "VT22"),
        ("ZAANSTREEK-WATERLAND (VT)", "VT22"),
        ("  Zaanstreek -  Waterland ", "VT22"),
        ("vt22", "VT22"),
        ("22", "VT22"),
        ("Hart van Brabant", "VT15"),
        ("Midden-Brabant", "VT15"),
        ("Limburg-Noord", "VT13"),
        ("Noord- en Midden-Limburg", "VT13"),
        ("Fryslân", "VT04"),
        ("Friesland (VT)", "VT04"),
        ("West-brabant", "VT21"),
        ("Gooi- en Vechtstreek", "VT07"),
        ("Oost-Brabant", "VT27"),
        ("Nederland", "NL01"),
    ],
)
def test_naam_resolutie(invoer, code):
    assert ik.regio(invoer).code == code


def test_elke_regionaam_en_cbs_label_resolveert_naar_zichzelf():
    for rij in ik.regios(alle=True).itertuples():
        assert ik.regio(rij.naam).code == rij.code
        assert ik.regio(rij.cbs_label).code == rij.code


def test_tikfout_geeft_suggestie():
    with pytest.raises(OnbekendeRegio) as e:
        ik.regio("Zaanstrek-Waterlnd")
    assert "Bedoelde je" in str(e.value) and "Zaanstreek-Waterland" in str(e.value)


def test_onzin_geeft_verwijzing_naar_lijst():
    with pytest.raises(OnbekendeRegio) as e:
        ik.regio("qqqqqq")
    assert "impactkit.regios()" in str(e.value)


def test_gemeenten_indeling_2022():
    g = ik.gemeenten()
    assert len(g) == 345 and g["code"].is_unique
    assert set(g["regio_code"]) == {f"VT{i:02d}" for i in range(1, 27)}
    assert ik.gemeente_regio("Zaanstad").code == "VT22"
    assert ik.gemeente_regio("GM0479").code == "VT22"
    assert ik.gemeente_regio("Heusden").code == "VT15"  # SOURCES.md: VR21 -> VT15
    assert sorted(ik.gemeenten("VT22")["naam"]) == [
        "Edam-Volendam",
        "Landsmeer",
        "Oostzaan",
        "Purmerend",
        "Waterland",
        "Wormerland",
        "Zaanstad",
    ]


def test_onbekende_gemeente():
    with pytest.raises(OnbekendeRegio) as e:
        ik.gemeente_regio("Zaandam")
    assert "Zaandam" in str(e.value)


# -- Names and regions valid in a period ---------------------------------------------------------
@pytest.mark.parametrize(
    "invoer, periode, naam",
    [
        ("VT15", "2022H2", "Noord-Brabant Midden"),
        ("VT15", "2023H1", "Midden-Brabant"),
        ("Hart van Brabant", "2024", "Midden-Brabant"),
        ("Noord-Brabant Midden", "1e halfjaar 2024", "Midden-Brabant"),
        ("Midden-Brabant", "2021H1", "Noord-Brabant Midden"),
        ("VT27", "2024H2", "Oost-Brabant"),
        ("VT16", "2022H1", "Brabant Noordoost"),
        ("Zaanstreek-Waterland", "2024H1", "Zaanstreek-Waterland"),
        ("NL01", "2024H1", "Nederland"),
    ],
)
def test_naam_in_de_periode(invoer, periode, naam):
    assert ik.regionaam(invoer, periode) == naam
    assert ik.regio(invoer).naam_in(periode) == naam


def test_regios_van_een_periode():
    tot = ik.regios(periode="2022H2")
    vanaf = ik.regios(periode="2023H1").set_index("code")
    assert tot["code"].tolist() == ik.regios()["code"].tolist()  # 26 regions, as in 2022
    assert len(vanaf) == 26 and (vanaf["soort"] == "vt").sum() == 25
    assert "VT27" in vanaf.index and not {"VT16", "VT26"} & set(vanaf.index)
    assert vanaf.loc["VT15", "naam"] == "Midden-Brabant"
    assert vanaf.loc["VT15", "cbs_label"] == "Midden-Brabant (VT)"
    # Nederland is the same population either way.
    assert vanaf.loc["NL01", "inwoners"] == vanaf.drop("NL01")["inwoners"].sum()


def test_geldigheid_komt_uit_de_regio_overgangen():
    assert ik.regio("VT16").geldig_in("2022H2") and not ik.regio("VT16").geldig_in("2023")
    assert not ik.regio("VT27").geldig_in("2022") and ik.regio("VT27").geldig_in("2023H1")
    assert ik.regio("VT15").geldig_in("2024H2")
    assert "Oost-Brabant (VT27)" in ik.regio("VT26").overgang_in("2024H1")
    assert "vanaf 2023" in ik.regio("VT27").overgang_in("2021H1")
    assert ik.regio("VT22").overgang_in("2024H1") == ""
