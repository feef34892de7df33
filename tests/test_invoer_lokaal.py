"""Bad input in a declaration file of local indicators: Dutch messages, nothing registered."""

import pytest

import impactkit as ik
from impactkit.bronnen.lokaal import lees_lokale_indicatoren
from impactkit.fouten import DataFout

KOP = "id;naam;thema;eenheid;richting;definitie;teller;noemer\n"
GOED = "lokaal_mdo;Casussen in MDO;hulp_samenwerking;aantal;geen;Aantal casussen in een MDO.;;\n"


@pytest.fixture(autouse=True)
def schoon():
    yield
    ik.vergeet_lokale_indicatoren()


def bestand(tmp_path, tekst, naam="lokaal.csv"):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def melding(pad) -> str:
    with pytest.raises(DataFout) as e:
        ik.lokale_indicatoren(pad)
    with pytest.raises(ik.OnbekendeIndicator):
        ik.indicator("lokaal_mdo")  # nothing registered
    return str(e.value)


def test_komma_in_definitie_tussen_aanhalingstekens(tmp_path):
    tekst = (
        "id,naam,thema,eenheid,richting,definitie\n"
        'lokaal_mdo,MDO,hulp_samenwerking,aantal,geen,"Casussen, besproken in een MDO."\n'
    )
    t = ik.lokale_indicatoren(bestand(tmp_path, tekst))
    assert t.iloc[0]["definitie"] == "Casussen, besproken in een MDO."
    assert t.iloc[0]["eenheid"] == "aantal"


def test_komma_zonder_aanhalingstekens_verschuift_niet_stil(tmp_path):
    tekst = (
        "id,naam,thema,eenheid,richting,definitie\n"
        "lokaal_mdo,MDO,hulp_samenwerking,aantal,geen,Casussen, besproken in een MDO.\n"
    )
    m = melding(bestand(tmp_path, tekst))
    assert "regel 2: 7 velden" in m and "aanhalingstekens" in m


def test_puntkomma_in_definitie_bij_puntkommabestand(tmp_path):
    m = melding(bestand(tmp_path, KOP + GOED.replace("Aantal casussen", "Aantal; casussen")))
    assert "regel 2" in m and "aanhalingstekens" in m


def test_definitie_over_meerdere_regels(tmp_path):
    tekst = KOP + 'lokaal_mdo;MDO;hulp_samenwerking;aantal;geen;"Aantal\ncasussen";;\n'
    m = melding(bestand(tmp_path, tekst))
    assert "regel 2" in m and "loopt door" in m


def test_open_aanhalingsteken(tmp_path):
    tekst = KOP + 'lokaal_mdo;MDO;hulp_samenwerking;aantal;geen;"Aantal casussen;;\n' + GOED
    m = melding(bestand(tmp_path, tekst))
    assert "regel 2" in m and "aanhalingsteken" in m


@pytest.mark.parametrize(
    "kop, woorden",
    [
        ("id;naam;thema;eenheid;richting;defintie", ["definitie", "ontbreken", "Bedoelde je"]),
        ("id;naam;thema;eenheid;richting;definitie;telller", ["'telller'", "'teller'"]),
        ("id;naam;thema;eenheid;richting;definitie;opmerking", ["onbekende kolom", "'opmerking'"]),
    ],
)
def test_kolommen(tmp_path, kop, woorden):
    velden = kop.count(";") + 1
    rij = ";".join(
        ["lokaal_mdo", "MDO", "hulp_samenwerking", "aantal", "geen", "Aantal."]
        + ["x"] * (velden - 6)
    )
    m = melding(bestand(tmp_path, kop + "\n" + rij + "\n"))
    assert "regel 1" in m
    for w in woorden:
        assert w in m


@pytest.mark.parametrize(
    "rij, woorden",
    [
        ("Lokaal MDO;MDO;hulp_samenwerking;aantal;geen;x;;", ["geen geldige id"]),
        ("hermeldingen;MDO;hulp_samenwerking;aantal;geen;x;;", ["bestaat al in de monitor"]),
        ("lokaal_mdo;MDO;hulp_samenwerkng;aantal;geen;x;;", ["'hulp_samenwerking'"]),
        ("lokaal_mdo;MDO;hulp_samenwerking;stuks;geen;x;;", ["kolom 'eenheid'", "kies uit"]),
        ("lokaal_mdo;MDO;hulp_samenwerking;aantal;omhoog;x;;", ["kolom 'richting'"]),
        ("lokaal_mdo;MDO;hulp_samenwerking;%;hoger_beter;x;;", ["teller en een noemer"]),
        ("lokaal_mdo;;hulp_samenwerking;aantal;geen;x;;", ["kolom 'naam'", "is leeg"]),
    ],
)
def test_foute_declaratie(tmp_path, rij, woorden):
    m = melding(bestand(tmp_path, KOP + rij + "\n"))
    assert "regel 2" in m
    for w in woorden:
        assert w in m


def test_dubbele_id(tmp_path):
    m = melding(bestand(tmp_path, KOP + GOED + GOED))
    assert "regel 3" in m and "twee keer" in m


@pytest.mark.parametrize(
    "inhoud, woorden",
    [
        (b"", ["leeg"]),
        (b"PK\x03\x04" + b"\x00" * 64, ["Excel"]),
        (bytes(range(256)) * 2, ["geen tekstbestand"]),
    ],
)
def test_geen_declaratiebestand(tmp_path, inhoud, woorden):
    pad = tmp_path / "lokaal.csv"
    pad.write_bytes(inhoud)
    m = melding(pad)
    for w in woorden:
        assert w in m


def test_map_en_ontbrekend_bestand(tmp_path):
    assert "is een map" in melding(tmp_path)
    assert "bestaat niet" in melding(tmp_path / "weg.csv")


@pytest.mark.parametrize("codering", ["latin-1", "utf-16", "utf-8-sig"])
def test_tekensets(tmp_path, codering):
    pad = tmp_path / "lokaal.csv"
    pad.write_bytes((KOP + GOED.replace("MDO.", "MDO in één week.")).encode(codering))
    t = lees_lokale_indicatoren(pad)
    assert t.iloc[0]["definitie"] == "Aantal casussen in een MDO in één week."


def test_verkeerd_type_pad():
    with pytest.raises(ik.ImpactkitFout, match="als pad"):
        ik.lokale_indicatoren(None)
