"""Own data and local (proces)indicators: declared, checked, merged, used in every step."""

import pytest

import impactkit as ik
from impactkit import DataFout
from impactkit.bevindingen import analyseer
from impactkit.bronnen.lokaal import lees_lokale_indicatoren
from impactkit.grafieken import tijdreeks
from impactkit.paden import data_pad
from impactkit.vergelijken import vergelijk
from impactkit.werkboek import voorbereiden

LOKAAL = data_pad("voorbeelden", "lokale_indicatoren.csv")
EIGEN = data_pad("voorbeelden", "eigen_cijfers.csv")


@pytest.fixture
def lokaal():
    tabel = ik.lokale_indicatoren(LOKAAL)
    yield tabel
    ik.vergeet_lokale_indicatoren()


def test_declaratie_wordt_catalogusrij(lokaal):
    assert set(lokaal["id"]) == {"lokaal_eerste_contact_binnen_5_dagen", "lokaal_mdo_casussen"}
    ind = ik.indicator("lokaal_eerste_contact_binnen_5_dagen")
    assert ind.eenheid == "%" and ind.richting == "hoger_beter" and ind.teller
    assert "lokaal_mdo_casussen" in ik.catalogus()["id"].tolist()
    assert "lokaal_mdo_casussen" in ik.zoek("multidisciplinair")["id"].tolist()


def test_vergeten_haalt_ze_weg(lokaal):
    ik.vergeet_lokale_indicatoren()
    with pytest.raises(ik.OnbekendeIndicator):
        ik.indicator("lokaal_mdo_casussen")


def test_eigen_cijfers_zonder_declaratie_geven_hint():
    with pytest.raises(DataFout) as e:
        ik.laad(EIGEN)
    assert "regel 2, kolom 'indicator'" in str(e.value) and "lokale_indicatoren" in str(e.value)


def test_samengevoegd_met_oefendata_en_alle_stappen(lokaal):
    data = ik.laad(["oefendata", EIGEN])
    assert set(data["herkomst"]) == {"oefendata", "eigen data"}
    # Own rows replace practice rows with the same key.
    rij = data[
        (data.indicator == "meldingen") & (data.regio_code == "VT22") & (data.periode == "2021H1")
    ]
    assert len(rij) == 1 and rij["herkomst"].item() == "eigen data"
    # Local indicator: share from counts, compared over time (no national figure exists).
    assert ik.waarde(
        "lokaal_eerste_contact_binnen_5_dagen", "VT22", "2021H1", data=data
    ) == pytest.approx(100 * 140 / 165)
    v = vergelijk("lokaal_eerste_contact_binnen_5_dagen", "VT22", "2021H1", data=data)
    assert set(v["vergelijking"]) == {"vorige_periode", "jaar_eerder"}
    b = analyseer(
        "VT22",
        "2021H1",
        ["lokaal_eerste_contact_binnen_5_dagen", "acuut_structureel_onveilig"],
        data=data,
    )
    assert set(b["indicator"]) == {
        "lokaal_eerste_contact_binnen_5_dagen",
        "acuut_structureel_onveilig",
    }
    grafiek = tijdreeks("lokaal_eerste_contact_binnen_5_dagen", "VT22", data=data).to_dict()
    assert "eigen data" in str(grafiek["title"]).lower() or "eigen" in str(grafiek["title"]).lower()


def test_werkboek_met_eigen_cijfers_en_lokale_indicatoren():
    try:
        wb = voorbereiden(
            "Zaanstreek-Waterland",
            "2021H1",
            startvraag="heftig_structureel_geweld",
            indicatoren="lokaal_eerste_contact_binnen_5_dagen",
            bron=f"oefendata, {EIGEN}",
            lokale_indicatoren=str(LOKAAL),
        )
        bevindingen = wb.plan.analyseer(data=wb.data)
        assert "lokaal_eerste_contact_binnen_5_dagen" in set(bevindingen["indicator"])
    finally:
        ik.vergeet_lokale_indicatoren()


@pytest.mark.parametrize(
    "regel, tekst",
    [
        ("lokaal_x;X;hulp_samenwerking;%;geen;Iets.;;", "teller en een noemer"),
        ("lokaal_x;X;bestaat_niet;aantal;geen;Iets.;;", "Kies uit"),
        ("lokaal_x;X;outcome;procent;geen;Iets.;;", "kies uit"),
        ("lokaal_x;X;outcome;aantal;beter;Iets.;;", "kies uit"),
        ("lokaal_x;X;outcome;aantal;geen;;;", "kolom 'definitie': is leeg"),
        ("meldingen;X;outcome;aantal;geen;Iets.;;", "bestaat al in de monitor"),
        ("Lokaal X;X;outcome;aantal;geen;Iets.;;", "geen geldige id"),
    ],
)
def test_foute_declaraties(tmp_path, regel, tekst):
    pad = tmp_path / "lokaal.csv"
    pad.write_text(
        "id;naam;thema;eenheid;richting;definitie;teller;noemer\n" + regel + "\n", encoding="utf-8"
    )
    with pytest.raises(DataFout) as e:
        lees_lokale_indicatoren(pad)
    assert tekst in str(e.value) and "regel 2" in str(e.value)


def test_declaratie_zonder_verplichte_kolommen(tmp_path):
    pad = tmp_path / "lokaal.csv"
    pad.write_text("id;naam\nlokaal_x;X\n", encoding="utf-8")
    with pytest.raises(DataFout) as e:
        lees_lokale_indicatoren(pad)
    assert "definitie" in str(e.value) and "regel 1" in str(e.value)
