import json

import pytest
import yaml

import impactkit as ik
from impactkit import DataFout, ImpactkitFout, OnbekendeIndicator
from impactkit.indicatoren import THEMAS
from impactkit.stappenplan import (
    STAPPEN,
    VERSIE,
    DeelvraagPlan,
    GekozenIndicator,
    Stappenplan,
    deelvragen_als_tekst,
    lees_deelvragen,
)
from impactkit.startvraagbank import STARTVRAGEN, startvraag, startvragen


def test_zes_stappen():
    assert STAPPEN == (
        "hoofdvraag",
        "deelvragen",
        "indicatoren",
        "vergelijken",
        "analyseren",
        "duiden",
    )


def test_startvragen_dekken_de_themas():
    alle = startvragen()
    assert len(alle) >= 6
    assert len({s.sleutel for s in alle}) == len(alle)
    themas = {s.thema for s in alle}
    assert {
        "bereik_vt",
        "zorg_veiligheid",
        "outcome",
        "eerder_signaleren",
        "aard_kenmerken",
    } <= themas
    assert themas <= set(THEMAS)


@pytest.mark.parametrize("s", startvragen(), ids=lambda s: s.sleutel)
def test_startvraag_indicatoren_bestaan_en_hebben_reden(s):
    assert s.hoofdvraag.endswith("?") and len(s.deelvragen) >= 3
    for k in s.indicatoren:
        ind = ik.indicator(k.indicator)
        assert k.waarom
        assert (k.categorie is None) == (not ind.is_verdeling), (k.indicator, k.categorie)
        if k.categorie:
            assert k.categorie in ind.categorieen


def test_onbekende_startvraag():
    with pytest.raises(ImpactkitFout) as e:
        startvraag("zorg_veiligheid")
    assert "zorg_en_veiligheid" in str(e.value)


def test_plan_uit_startvraag_en_analyse():
    plan = Stappenplan.uit_startvraag(
        "heftig_structureel_geweld", "zaanstreek waterland", "1e halfjaar 2021"
    )
    assert plan.regio_code == "VT22" and plan.periode == "2021H1"
    assert ("duur_geweld_meldingen", "> 5 jaar") in plan.indicatoren()
    assert plan.stand() == {
        "hoofdvraag": True,
        "deelvragen": True,
        "indicatoren": True,
        "vergelijken": False,
        "analyseren": False,
        "duiden": False,
    }
    tabel = plan.analyseer()
    assert len(plan.bevindingen) == len(tabel)
    assert plan.stand()["vergelijken"] and plan.stand()["analyseren"]
    vragen = plan.vragen_voor_gesprek()
    assert vragen and len(vragen) == len(set(vragen))
    assert any("zwaarder" in v for v in vragen)


def test_bewaren_en_laden(tmp_path):
    plan = Stappenplan.uit_startvraag("zorg_en_veiligheid", "Twente", "2022H1")
    plan.analyseer()
    plan.duiding.deelnemers = ["Veilig Thuis Twente", "Politie Oost-Nederland"]
    plan.duiding.conclusies = ["De overdracht aan de politie loopt goed."]
    pad = plan.bewaar(tmp_path / "plan.yaml")
    tekst = pad.read_text(encoding="utf-8")
    assert "Werken zorg en veiligheid" in tekst and "Politie Oost-Nederland" in tekst
    terug = Stappenplan.laad(pad)
    assert terug == plan
    assert terug.stand()["duiden"]


def test_kies_indicator_controleert():
    plan = Stappenplan.nieuw("VT22", "2021H1", "Eigen vraag?")
    plan.voeg_deelvraag_toe("Hoe vaak?")
    plan.kies_indicator(0, "hermeldingen", "  omdat het kan ")
    assert plan.deelvragen[0].indicatoren[0].waarom == "omdat het kan"
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(3, "hermeldingen")
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(0, "duur_geweld_meldingen", categorie="lang")
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(0, "hermelding")


@pytest.mark.parametrize(
    "inhoud, tekst",
    [
        ("regio_code: VT22\nperiode: [2021H1\n", "geen leesbare YAML (regel"),
        ("- a\n- b\n", "geen stappenplan"),
        ("regio_code: Atlantis\nperiode: 2021H1\n", "Atlantis"),
        (
            "regio_code: VT22\nperiode: 2021H1\ndeelvragen:\n  - vraag: x\n    indicatoren:\n"
            "      - {indicator: bestaat_niet}\n",
            "bestaat_niet",
        ),
        ("regio_code: VT22\nperiode: 2021H1\nduiding: {stemming: goed}\n", "onbekend onderdeel"),
    ],
)
def test_onleesbaar_plan(tmp_path, inhoud, tekst):
    pad = tmp_path / "kapot.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(pad)
    assert tekst in str(e.value) and "kapot.yaml" in str(e.value)


def test_plan_bestaat_niet(tmp_path):
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(tmp_path / "weg.yaml")
    assert "bestaat niet" in str(e.value)


# -- deelvragen as a real parameter: plan file, text, checks -----------------------------------------
@pytest.mark.parametrize("s", startvragen(), ids=lambda s: s.sleutel)
def test_elke_deelvraag_zegt_waarom(s):
    for d in s.deelvragen:
        assert d.waarom.strip().endswith("."), d.vraag
        assert d.indicatoren, d.vraag


def test_ots_is_de_lichtste_maatregel_in_de_startvragen():
    teksten = [
        t
        for s in STARTVRAGEN
        for d in s.deelvragen
        for t in (d.vraag, d.waarom, *(k.waarom for k in d.indicatoren))
    ]
    assert not any("zwaarst" in t.lower() for t in teksten)
    over_ots = [t for t in teksten if "ondertoezichtstelling" in t.lower()]
    assert over_ots and all("lichtste" in t for t in over_ots if "maatregel" in t)


def test_plan_bestand_met_deelvragen_indicatoren_en_redenen(tmp_path):
    plan = Stappenplan.nieuw("Utrecht", "2021H1", "Komt ouderenmishandeling beter in beeld?")
    plan.voeg_deelvraag_toe(
        "Gaat een groter deel van de meldingen over ouderenmishandeling?",
        "Meer meldingen over ouderen laten zien dat het beter herkend wordt.",
        ["aard_geweld:Ouderenmishandeling", "meldingen_per_10000"],
    )
    plan.voeg_deelvraag_toe("Duurt het geweld korter?", "Kort geweld: eerder in beeld.")
    plan.kies_indicator(1, "duur_geweld_meldingen", "geweld dat lang speelt", categorie="> 5 jaar")
    plan.voeg_deelvraag_toe("Weten ouderen waar ze terechtkunnen?", "De monitor meet dit niet.")
    pad = plan.bewaar(tmp_path / "plan.yaml")
    tekst = pad.read_text(encoding="utf-8")
    assert f"versie: {VERSIE}" in tekst
    assert "waarom: Meer meldingen over ouderen" in tekst and "categorie: '> 5 jaar'" in tekst
    terug = Stappenplan.laad(pad)
    assert terug == plan
    assert terug.deelvragen[1].indicatoren == [
        GekozenIndicator("duur_geweld_meldingen", "geweld dat lang speelt", "> 5 jaar")
    ]
    assert terug.deelvragen[2].indicatoren == [] and terug.deelvragen[2].waarom


# A plan file written by impactkit before deelvragen had their own reason (plan-file version 1).
PLAN_VERSIE_1 = """\
# Stappenplan kennisgestuurd werken (impactkit)
versie: 1
regio_code: VT22
periode: 2021H1
hoofdvraag: Is het gelukt om het heftige en structurele geweld in onze regio terug te dringen?
toelichting: De regio heeft ingezet op het verminderen van ernstig en langdurig geweld.
deelvragen:
- vraag: Komt ernstige onveiligheid minder vaak voor in de meldingen?
  indicatoren:
  - indicator: acuut_structureel_onveilig
    waarom: laat zien hoe vaak een melding over acute of structurele onveiligheid gaat
    categorie: null
- vraag: Duurt het geweld korter voordat het bij Veilig Thuis bekend wordt?
  indicatoren:
  - indicator: duur_geweld_meldingen
    waarom: aandeel meldingen waarin het geweld al meer dan vijf jaar duurt
    categorie: '> 5 jaar'
  - indicator: duur_geweld_meldingen
    waarom: aandeel meldingen waarin het geweld hooguit een week duurt
    categorie: ≤ 1 week
- vraag: Worden minder zaken doorgezet naar het justitiële kader?
  indicatoren:
  - indicator: ots_per_10000
    waarom: gestarte ondertoezichtstellingen
    categorie: null
bevindingen:
- indicator: acuut_structureel_onveilig
  vergelijking: landelijk
  oordeel: opvallend hoger
  tekst: Het aandeel meldingen met acute en/of structurele onveiligheid was 55,6%.
  categorie: null
  vragen:
  - Zijn de zaken in Zaanstreek-Waterland zwaarder dan elders?
- indicator: acuut_structureel_onveilig
  vergelijking: verloop
  oordeel: verschil kan toeval zijn
  tekst: De ontwikkeling kan op toeval berusten.
  categorie: null
  vragen: []
duiding:
  datum: ''
  deelnemers:
  - Veilig Thuis Zaanstreek-Waterland
  interpretaties: []
  conclusies: []
  acties: []
bron: oefendata
startvraag: heftig_structureel_geweld
"""


def test_oud_plan_bestand_laadt_nog(tmp_path):
    pad = tmp_path / "oud.yaml"
    pad.write_text(PLAN_VERSIE_1, encoding="utf-8")
    plan = Stappenplan.laad(pad)
    assert plan.regio_code == "VT22" and len(plan.deelvragen) == 3
    assert plan.deelvragen[0].waarom == "" and plan.antwoord == ""
    assert ("duur_geweld_meldingen", "≤ 1 week") in plan.indicatoren()
    assert plan.vragen_voor_gesprek() == [
        "Zijn de zaken in Zaanstreek-Waterland zwaarder dan elders?"
    ]
    assert plan.duiding.deelnemers == ["Veilig Thuis Zaanstreek-Waterland"]
    # Saved again, it becomes the current version and reads back the same.
    nieuw = plan.bewaar(tmp_path / "nieuw.yaml")
    assert f"versie: {VERSIE}" in nieuw.read_text(encoding="utf-8")
    assert Stappenplan.laad(nieuw) == plan


def test_plan_van_een_nieuwere_versie_wordt_geweigerd(tmp_path):
    pad = tmp_path / "toekomst.yaml"
    pad.write_text(f"versie: {VERSIE + 1}\nregio_code: VT22\nperiode: 2021H1\n", encoding="utf-8")
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(pad)
    assert "nieuwere impactkit" in str(e.value) and "toekomst.yaml" in str(e.value)


def test_plan_bestand_met_korte_indicatoren(tmp_path):
    # By hand, indicators may be written short: 'id' or 'id:categorie'.
    pad = tmp_path / "kort.yaml"
    pad.write_text(
        "regio_code: VT22\nperiode: 2021H1\nhoofdvraag: Eigen?\ndeelvragen:\n"
        "  - vraag: Duurt het korter?\n    waarom: omdat\n"
        "    indicatoren: [hermeldingen, 'duur_geweld_meldingen:> 5 jaar']\n",
        encoding="utf-8",
    )
    plan = Stappenplan.laad(pad)
    assert plan.indicatoren() == ["hermeldingen", ("duur_geweld_meldingen", "> 5 jaar")]


def test_analyseer_bewaart_het_antwoord(tmp_path):
    plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "Zaanstreek-Waterland", "2021H1")
    assert plan.antwoord == ""
    plan.analyseer()
    assert plan.antwoord.startswith("Dit zijn oefendata")
    terug = Stappenplan.laad(plan.bewaar(tmp_path / "p.yaml"))
    assert terug.antwoord == plan.antwoord


VOORBEELD = [
    {
        "vraag": "Komen gezinnen minder vaak opnieuw in beeld?",
        "indicatoren": ["hermeldingen"],
        "waarom": "een hermelding wijst op geweld dat terugkomt",
    },
    {
        "vraag": "Duurt het geweld korter?",
        "indicatoren": [
            "duur_geweld_meldingen:> 5 jaar",
            {
                "indicator": "duur_geweld_meldingen",
                "categorie": "≤ 1 week",
                "waarom": "kort geweld",
            },
        ],
    },
    "Weten ouderen waar ze terechtkunnen?",
]
VERWACHT = [
    DeelvraagPlan(
        "Komen gezinnen minder vaak opnieuw in beeld?",
        [GekozenIndicator("hermeldingen")],
        "een hermelding wijst op geweld dat terugkomt",
    ),
    DeelvraagPlan(
        "Duurt het geweld korter?",
        [
            GekozenIndicator("duur_geweld_meldingen", "", "> 5 jaar"),
            GekozenIndicator("duur_geweld_meldingen", "kort geweld", "≤ 1 week"),
        ],
    ),
    DeelvraagPlan("Weten ouderen waar ze terechtkunnen?"),
]


@pytest.mark.parametrize(
    "invoer",
    [
        VOORBEELD,
        json.dumps(VOORBEELD, ensure_ascii=False),
        yaml.safe_dump(VOORBEELD, allow_unicode=True),
        {"deelvragen": VOORBEELD},
    ],
    ids=["lijst", "json", "yaml", "stuk-plan"],
)
def test_lees_deelvragen_in_alle_vormen(invoer):
    assert lees_deelvragen(invoer) == VERWACHT


def test_lees_deelvragen_leeg_en_kort():
    assert lees_deelvragen("") == [] and lees_deelvragen(None) == [] and lees_deelvragen([]) == []
    # An unquoted 'id: categorie' in YAML is read as a mapping; a comma list as text also works.
    tekst = "- vraag: Hoe vaak?\n  indicatoren:\n  - aard_geweld: Ouderenmishandeling\n"
    assert lees_deelvragen(tekst)[0].indicatoren == [
        GekozenIndicator("aard_geweld", "", "Ouderenmishandeling")
    ]
    komma = lees_deelvragen([{"vraag": "Hoe vaak?", "indicatoren": "hermeldingen, ots_per_10000"}])
    assert [k.indicator for k in komma[0].indicatoren] == ["hermeldingen", "ots_per_10000"]


@pytest.mark.parametrize("s", startvragen(), ids=lambda s: s.sleutel)
def test_deelvragen_als_tekst_leest_terug(s):
    plan = Stappenplan.uit_startvraag(s.sleutel, "Twente", "2021H1")
    tekst = deelvragen_als_tekst(plan.deelvragen)
    assert lees_deelvragen(tekst) == plan.deelvragen


@pytest.mark.parametrize(
    "invoer, fout, stukken",
    [
        ("42", ImpactkitFout, ["moet een lijst van deelvragen zijn", "getal", "Voorbeeld:"]),
        ('"Hoe vaak?"', ImpactkitFout, ["moet een lijst", "tekst"]),
        ("[vraag: [", ImpactkitFout, ["geen leesbare YAML of JSON (regel 1", "aanhalingstekens"]),
        ("[[1, 2]]", ImpactkitFout, ["deelvraag 1 is een lijst", "{vraag: ..."]),
        ("[{indicatoren: [hermeldingen]}]", ImpactkitFout, ["deelvraag 1 heeft geen vraag"]),
        (
            "[{vraag: x}, {vraag: y, indicator: [hermeldingen]}]",
            ImpactkitFout,
            ["deelvraag 2: onbekend onderdeel 'indicator'", "'indicatoren'"],
        ),
        ("[{vraag: x, indicatoren: 3}]", ImpactkitFout, ["'indicatoren' moet een lijst zijn"]),
        (
            "[{vraag: x, indicatoren: [hermelding]}]",
            OnbekendeIndicator,
            [
                "deelvraag 1, indicator 1",
                "'hermelding' staat niet in de catalogus",
                "'hermeldingen'",
            ],
        ),
        (
            "[{vraag: x, indicatoren: [aard_geweld]}]",
            ImpactkitFout,
            ["is een verdeling", "'aard_geweld:Kindermishandeling'"],
        ),
        (
            "[{vraag: x, indicatoren: ['aard_geweld:Ouderen']}]",
            ImpactkitFout,
            ["'Ouderen' is geen categorie van aard_geweld", "Bedoelde je: 'Ouderenmishandeling'"],
        ),
        (
            "[{vraag: x, indicatoren: ['hermeldingen:lang']}]",
            ImpactkitFout,
            ["hermeldingen heeft geen categorieën"],
        ),
        ("[{vraag: x, indicatoren: [12]}]", ImpactkitFout, ["een indicator is een id", "getal"]),
    ],
)
def test_lees_deelvragen_fouten_in_het_nederlands(invoer, fout, stukken):
    with pytest.raises(fout) as e:
        lees_deelvragen(invoer)
    tekst = str(e.value)
    assert tekst.startswith("Parameter 'deelvragen'")
    for stuk in stukken:
        assert stuk in tekst, tekst


def test_voeg_deelvraag_toe_controleert_indicatoren():
    plan = Stappenplan.nieuw("VT22", "2021H1", "Eigen vraag?")
    d = plan.voeg_deelvraag_toe(
        "Hoe vaak?", "omdat", "hermeldingen, aard_geweld:Kindermishandeling"
    )
    assert d.waarom == "omdat" and len(d.indicatoren) == 2
    with pytest.raises(OnbekendeIndicator) as e:
        plan.voeg_deelvraag_toe("Nog een?", indicatoren=["hermelding"])
    assert "Deelvraag 2" in str(e.value) and len(plan.deelvragen) == 1
