"""Bad input in a plan file: checked against the schema, Dutch messages naming the key."""

import pytest

from impactkit.fouten import DataFout, ImpactkitFout
from impactkit.stappenplan import Stappenplan

BASIS = "versie: 2\nregio_code: VT22\nperiode: 2021H1\n"


def laad(tmp_path, tekst):
    pad = tmp_path / "plan.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return Stappenplan.laad(pad)


def melding(tmp_path, tekst) -> str:
    pad = tmp_path / "plan.yaml"
    pad.write_text(tekst, encoding="utf-8")
    voor = pad.read_bytes()
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(pad)
    assert pad.read_bytes() == voor  # the file is never touched
    m = str(e.value)
    assert m.startswith("plan.yaml") and "object" not in m and "__init__" not in m
    return m


@pytest.mark.parametrize(
    "extra, woorden",
    [
        ("hoofdvraag: [1, 2]\n", ["'hoofdvraag' moet een tekst zijn", "lijst"]),
        ("hoofdvraag: 42\n", ["'hoofdvraag' moet een tekst zijn", "getal"]),
        ("hoofdvraag: yes\n", ["ja/nee-waarde"]),
        ("toelichting: {a: b}\n", ["'toelichting' moet een tekst zijn"]),
        ("antwoord: [x]\n", ["'antwoord' moet een tekst zijn"]),
        ("bron: 5\n", ["'bron' moet een tekst zijn"]),
        ("hoofvraag: Is het gelukt?\n", ["onbekend onderdeel 'hoofvraag'", "'hoofdvraag'"]),
        ("deelvraagen: []\n", ["'deelvraagen'", "'deelvragen'"]),
        ("toelichtng: x\n", ["'toelichting'"]),
        ("duidingen: {}\n", ["'duiding'"]),
        ("deelvragen: Komen gezinnen terug?\n", ["'deelvragen' moet een lijst zijn"]),
        ("deelvragen: 3\n", ["'deelvragen' moet een lijst zijn", "getal"]),
        ("bevindingen: veel\n", ["'bevindingen' moet een lijst zijn"]),
        ("bevindingen: [5]\n", ["bevinding 1 is een getal"]),
        ("duiding: [Jan]\n", ["'duiding' moet onderdelen hebben"]),
        ("duiding: {stemming: goed}\n", ["onbekend onderdeel 'stemming'", "deelnemers"]),
        ("duiding: {deelnemer: [Jan]}\n", ["'deelnemers'"]),
        ("duiding: {conclusies: {a: 1}}\n", ["'duiding › conclusies' moet een lijst zijn"]),
        ("duiding: {acties: [[1, 2]]}\n", ["duiding › acties, item 1", "tekst"]),
        ("startvraag: heftig_geweld\n", ["heftig_structureel_geweld"]),
        (
            "bevindingen:\n- {indicator: aard_geweld, categorie: Kindermishandelng}\n",
            ["bevinding 1", "Kindermishandeling"],
        ),
        ("bevindingen:\n- {indicator: hermeldingen, categorie: x}\n", ["geen categorieën"]),
        ("bevindingen:\n- {indicator: hermeldngen}\n", ["bevinding 1", "hermeldingen"]),
        ("bevindingen:\n- {indicator: hermeldingen, oordel: x}\n", ["'oordeel'"]),
        (
            "deelvragen:\n- {vraag: x, indicatoren: [aard_geweld:Kindermishandelng]}\n",
            ["Kindermishandeling"],
        ),
        ("deelvragen:\n- {vraag: x, indicatoren: [aard_geweld]}\n", ["is een verdeling"]),
        ("deelvragen:\n- {vraag: x, indicatorn: [hermeldingen]}\n", ["'indicatoren'"]),
        ("deelvragen:\n- {vraag: [1, 2]}\n", ["geen vraag"]),
        ("deelvragen:\n- 42\n", ["deelvraag 1 is een getal"]),
    ],
)
def test_plan_schema(tmp_path, extra, woorden):
    m = melding(tmp_path, BASIS + extra)
    for w in woorden:
        assert w in m


@pytest.mark.parametrize(
    "tekst, woorden",
    [
        ("regio_code: VT22\n", ["geen stappenplan"]),
        ("regio: VT22\nperiode: 2021H1\n", ["geen stappenplan", "'regio_code'"]),
        ("versie: 3\nregio_code: VT22\nperiode: 2021H1\n", ["nieuwere impactkit"]),
        ("versie: twee\nregio_code: VT22\nperiode: 2021H1\n", ["'versie' moet een geheel getal"]),
        ("regio_code: [VT22]\nperiode: 2021H1\n", ["'regio_code' moet een tekst zijn"]),
        ("regio_code: Tilburgg\nperiode: 2021H1\n", ["onbekend"]),
        ("regio_code: VT22\nperiode: 2021H7\n", ["Periode"]),
        ("- a\n- b\n", ["geen stappenplan"]),
        ("regio_code: VT22\nperiode: [2021H1\n", ["geen leesbare YAML (regel"]),
    ],
)
def test_plan_kop(tmp_path, tekst, woorden):
    m = melding(tmp_path, tekst)
    for w in woorden:
        assert w in m


def test_deelnemers_als_een_tekst(tmp_path):
    plan = laad(tmp_path, BASIS + "duiding:\n  deelnemers: 'Jan, Piet; Marie'\n")
    assert plan.duiding.deelnemers == ["Jan", "Piet", "Marie"]


def test_conclusie_als_een_tekst_blijft_heel(tmp_path):
    plan = laad(tmp_path, BASIS + "duiding:\n  conclusies: 'Meer meldingen, minder hermeldingen'\n")
    assert plan.duiding.conclusies == ["Meer meldingen, minder hermeldingen"]


def test_datum_als_datum(tmp_path):
    plan = laad(tmp_path, BASIS + "duiding:\n  datum: 2024-03-01\n")
    assert plan.duiding.datum == "2024-03-01"


def test_leeg_veld_is_leeg(tmp_path):
    plan = laad(tmp_path, BASIS + "hoofdvraag:\ntoelichting: null\n")
    assert plan.hoofdvraag == "" and plan.toelichting == ""


def test_versie_1_zonder_versie_laadt(tmp_path):
    plan = laad(tmp_path, "regio_code: VT22\nperiode: 2021H1\nhoofdvraag: Is het gelukt?\n")
    assert plan.hoofdvraag == "Is het gelukt?" and plan.regio_code == "VT22"


def test_bewaard_plan_leest_terug(tmp_path):
    plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "VT22", "2021H1")
    plan.duiding.deelnemers = ["Jan"]
    terug = Stappenplan.laad(plan.bewaar(tmp_path / "p.yaml"))
    assert terug.naar_dict() == plan.naar_dict()


def test_plan_is_een_map(tmp_path):
    (tmp_path / "map.yaml").mkdir()
    with pytest.raises(DataFout, match="map"):
        Stappenplan.laad(tmp_path / "map.yaml")


def test_kies_indicator_met_tekst_als_nummer():
    plan = Stappenplan.nieuw("VT22", "2021H1")
    plan.voeg_deelvraag_toe("Komen gezinnen terug?")
    with pytest.raises(ImpactkitFout, match="als getal"):
        plan.kies_indicator("0", "hermeldingen")


@pytest.mark.parametrize("vraag", [42, None, ["a"]])
def test_voeg_deelvraag_toe_zonder_tekst(vraag):
    plan = Stappenplan.nieuw("VT22", "2021H1")
    with pytest.raises(ImpactkitFout, match="geen vraag"):
        plan.voeg_deelvraag_toe(vraag)
