"""The catalogue as a whole, and its agreement with the practice data."""

import re

import pytest

import impactkit as ik
from impactkit import OnbekendeIndicator
from impactkit import indicatoren as catmod

CAT = ik.catalogus()


def test_aantal_indicatoren():
    assert 40 <= len(CAT) <= 50


def test_ids_uniek_en_slug():
    assert CAT["id"].is_unique
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in CAT["id"])


@pytest.mark.parametrize(
    "kolom, toegestaan",
    [
        ("thema", set(catmod.THEMAS)),
        ("laag", set(catmod.LAGEN)),
        ("eenheid", set(catmod.EENHEDEN)),
        ("beschikbaarheid", set(catmod.BESCHIKBAARHEID)),
        ("richting", set(catmod.RICHTINGEN)),
        ("frequentie", set(catmod.FREQUENTIES)),
    ],
)
def test_waarden_binnen_vaste_lijsten(kolom, toegestaan):
    assert set(CAT[kolom]) <= toegestaan


def test_elk_thema_komt_voor():
    assert set(CAT["thema"]) == set(catmod.THEMAS)


def test_niveaus_geldig_en_op_volgorde():
    for niveaus in CAT["niveaus"]:
        delen = niveaus.split(";")
        assert delen and set(delen) <= set(catmod.NIVEAUS)
        assert delen == sorted(delen, key=catmod.NIVEAUS.index)


def test_verhoudingen_hebben_teller_en_noemer():
    verhouding = CAT[CAT["eenheid"].isin(["%", "per 10.000 inwoners"])]
    assert (verhouding["teller"].str.len() > 0).all()
    assert (verhouding["noemer"].str.len() > 0).all()


def test_elke_indicator_heeft_uitleg_en_beperking():
    for kolom in ("naam", "uitleg", "definitie", "beperking", "bron"):
        assert (CAT[kolom].str.len() > 3).all(), kolom


def test_cbs_tabellen_zijn_geldige_ids():
    for tabellen in CAT["cbs_tabel"]:
        for t in filter(None, tabellen.split(";")):
            assert re.fullmatch(r"\d{5}NED", t), t


def test_meeste_indicatoren_hebben_geen_richting():
    # More meldingen can mean better reach: most indicators have no 'good' direction.
    assert (CAT["richting"] == "geen").mean() > 0.5


@pytest.mark.parametrize("ind", CAT["id"].tolist())
def test_indicator_opzoeken(ind):
    i = ik.indicator(ind)
    assert i.id == ind and i.thema_naam == catmod.THEMAS[i.thema]
    assert ind in i.beschrijving()


def test_oefendata_gebruiken_alleen_catalogus_ids_met_zelfde_eenheid(oefendata):
    eenheid = CAT.set_index("id")["eenheid"]
    for ind, groep in oefendata.groupby("indicator"):
        assert ind in eenheid.index
        assert set(groep["eenheid"]) == {eenheid[ind]}, ind


def test_elke_regionale_registratie_heeft_oefendata(oefendata):
    regionaal = ik.selecteer(niveau="regionaal", beschikbaarheid="registratie")["id"]
    aanwezig = set(oefendata["indicator"])
    assert set(regionaal) <= aanwezig
    for ind in regionaal:
        codes = set(oefendata.loc[oefendata.indicator == ind, "regio_code"])
        assert codes == set(ik.regios(alle=True)["code"]), ind  # VT27 from 2023, VT16/VT26 before


def test_landelijke_indicatoren_alleen_landelijk_in_oefendata(oefendata):
    for ind in ik.selecteer(beschikbaarheid="onderzoek")["id"]:
        codes = set(oefendata.loc[oefendata.indicator == ind, "regio_code"])
        if not ik.indicator(ind).is_regionaal:
            assert codes <= {"NL01"}, ind


def test_nog_niet_meetbaar_heeft_geen_data(oefendata):
    niet = set(ik.selecteer(beschikbaarheid="nog_niet_meetbaar")["id"])
    assert niet and not (niet & set(oefendata["indicator"]))


def test_verdelingen_categorieen_komen_overeen(oefendata):
    for ind in CAT.loc[CAT["categorieen"].str.len() > 0, "id"]:
        sel = oefendata[oefendata.indicator == ind]
        if len(sel):
            assert set(sel["categorie"]) == set(ik.indicator(ind).categorieen), ind


def test_zoeken():
    assert "politiemeldingen" in ik.zoek("politie")["id"].tolist()
    assert "hermeldingen" in ik.zoek("HERMELDING")["id"].tolist()
    assert (
        ik.zoek("politie overdracht")["id"].tolist() == ["overdracht_politie"]
        or "overdracht_politie" in ik.zoek("politie overdracht")["id"].tolist()
    )
    assert ik.zoek("xyzzy").empty


def test_filteren():
    bereik = ik.selecteer(thema="bereik_vt")
    assert len(bereik) > 3 and set(bereik["thema"]) == {"bereik_vt"}
    gem = ik.selecteer(niveau="gemeente")
    assert "meldingen" in gem["id"].tolist()
    assert set(ik.selecteer(bron="cohort")["bron"]) == {"Cohortstudie Verwey-Jonker"}


def test_onbekend_thema_geeft_suggestie():
    # A theme is a choice from a fixed list, not an indicator: its own error, shown as written.
    with pytest.raises(ik.OnbekendeKeuze) as e:
        ik.selecteer(thema="bereik")
    assert "bereik_vt" in str(e.value) and not str(e.value).startswith("'")
    assert not isinstance(e.value, OnbekendeIndicator)


@pytest.mark.parametrize(
    "argumenten",
    [{"niveau": "provincie"}, {"beschikbaarheid": "altijd"}, {"laag": "bovenste"}],
)
def test_onbekende_keuze_in_de_catalogus(argumenten):
    with pytest.raises(ik.OnbekendeKeuze, match="bestaat niet.*Kies uit"):
        ik.selecteer(**argumenten)


def test_onbekende_indicator_geeft_suggestie():
    with pytest.raises(OnbekendeIndicator) as e:
        ik.indicator("hermelding")
    assert "'hermeldingen'" in str(e.value) and "impactkit.zoek" in str(e.value)


def test_overzicht_voor_weergave():
    o = ik.overzicht()
    assert list(o.columns) == [
        "id",
        "naam",
        "thema",
        "bron",
        "frequentie",
        "niveaus",
        "eenheid",
        "beschikbaarheid",
    ]
    assert len(o) == len(CAT)
