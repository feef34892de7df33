import pandas as pd
import pytest

import impactkit as ik
from impactkit import GeenWaarde, OnbekendeIndicator


def test_waarde_is_een_getal():
    assert ik.waarde("meldingen", "VT22", "2021H1") == 1475.0


def test_reeks_met_landelijk_ernaast():
    r = ik.reeks("meldingen", "Zaanstreek-Waterland")
    assert list(r["periode"]) == sorted(r["periode"])
    assert r.loc[r.periode == "2021H1", "landelijk"].item() == 60880
    assert (r["regio_code"] == "VT22").all()


def test_doorsnede_alle_regios():
    d = ik.doorsnede("meldingen", "2021H1")
    assert len(d) == 26 and set(d["landelijk"]) == {60880}
    assert d["waarde"].sum() == 60880


def test_verdeling_volgorde_van_catalogus():
    v = ik.verdeling("duur_geweld_meldingen", "VT22", "2021H1")
    assert list(v["categorie"]) == list(ik.indicator("duur_geweld_meldingen").categorieen)
    assert v["waarde"].sum() == pytest.approx(100)


def test_onderdrukt_cijfer_zegt_waarom(oefendata):
    rij = oefendata[oefendata.onderdrukt & (oefendata.regio_code != "NL01")].iloc[0]
    with pytest.raises(GeenWaarde) as e:
        ik.waarde(
            rij.indicator,
            rij.regio_code,
            rij.periode,
            categorie=rij.categorie if isinstance(rij.categorie, str) else None,
        )
    assert "onderdrukt" in str(e.value)


def test_niet_regionale_indicator():
    with pytest.raises(GeenWaarde) as e:
        ik.waarde("prevalentie_huiselijk_geweld", "VT22", "2022")
    assert "alleen landelijk" in str(e.value)
    assert ik.waarde("prevalentie_huiselijk_geweld", "Nederland", "2022") == 9.0


def test_periode_zonder_data_noemt_beschikbare():
    with pytest.raises(GeenWaarde) as e:
        ik.waarde("meldingen", "VT22", "2018H1")
    assert "2019H1" in str(e.value) and "1e halfjaar 2018" in str(e.value)


def test_hermeldingen_voor_2020():
    with pytest.raises(GeenWaarde):
        ik.waarde("hermeldingen", "VT22", "2019H2")


def test_regio_zonder_cohortdata():
    with pytest.raises(GeenWaarde) as e:
        ik.waarde("geweld_gestopt", "Zuid-Limburg", "2020")
    assert "13 regio" in str(e.value)
    assert ik.waarde("geweld_gestopt", "Zaanstreek-Waterland", "2020") > 0


def test_verdeling_vraagt_categorie():
    with pytest.raises(GeenWaarde) as e:
        ik.waarde("duur_geweld_meldingen", "VT22", "2021H1")
    assert "> 5 jaar" in str(e.value)


def test_nog_niet_meetbaar():
    niet = ik.selecteer(beschikbaarheid="nog_niet_meetbaar")
    assert len(niet) > 0
    with pytest.raises(GeenWaarde) as e:
        ik.waarde(niet["id"].iloc[0], "Nederland", "2021")
    assert "nog niet meetbaar" in str(e.value)


def test_onbekende_indicator():
    with pytest.raises(OnbekendeIndicator) as e:
        ik.waarde("acuut_structureel", "VT22", "2021H1")
    assert "acuut_structureel_onveilig" in str(e.value)


# -- The latest period with figures (the default period) ------------------------------------------
def test_laatste_periode_oefendata():
    assert ik.laatste_periode() == "2024H2"
    assert ik.laatste_periode(regio="Zaanstreek-Waterland") == "2024H2"
    assert ik.laatste_periode(regio="VT16") == ik.laatste_periode(regio="VT26") == "2022H2"
    assert ik.laatste_periode(indicator="zm_eindvonnissen") == "2023H2"
    assert ik.laatste_periode(indicator="prevalentie_huiselijk_geweld") == "2024"  # years only


def test_laatste_periode_telt_onderdrukte_cijfers_niet(oefendata):
    df = oefendata.copy()
    laatste = (df["periode"] == "2024H2") & (df["regio_code"] != "NL01")
    df.loc[laatste, ["waarde", "teller"]] = pd.NA
    df.loc[laatste, "onderdrukt"] = True
    assert ik.laatste_periode(df) == "2024H1"


def test_laatste_periode_zonder_cijfers():
    with pytest.raises(ik.GeenWaarde, match="geen cijfers"):
        ik.laatste_periode(indicator="burgers_handelen")


def test_profiel_standaard_de_laatste_periode(capsys):
    from impactkit.cli import main

    assert main(["profiel", "Hart van Brabant"]) == 0
    assert capsys.readouterr().out.startswith("Midden-Brabant (VT15) — 2e halfjaar 2024")
    assert main(["profiel", "Brabant Noordoost"]) == 0  # its last period of its own
    assert capsys.readouterr().out.startswith("Brabant Noordoost (VT16) — 2e halfjaar 2022")
