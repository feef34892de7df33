"""impactkit workshop voorbereiden: hand-outs, answer sheet, role cards and offline slides."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import impactkit as ik
from impactkit import workshop
from impactkit.cli import main
from impactkit.fouten import ImpactkitFout
from impactkit.perioden import Periode

PERIODE = "2021H1"
DEELNEMERS = (
    "naam;regio;startvraag;hoofdvraag\n"
    "Anna de Vries;Friesland;;\n"
    "Bram;Twente;bereik_burgers_professionals;\n"
    "Chantal;Zeeland;;Weten scholen in Zeeland Veilig Thuis beter te vinden?\n"
)


@pytest.fixture(scope="module")
def voorbereid(tmp_path_factory):
    """The real command (batch included) for three participants, typed as the book prints it:
    relative paths, from the trainer's own folder."""
    import os

    map_ = tmp_path_factory.mktemp("workshop")
    (map_ / "deelnemers.csv").write_text(DEELNEMERS, encoding="utf-8")
    eerder = os.getcwd()
    os.chdir(map_)
    try:
        code = main(
            ["workshop", "voorbereiden", "deelnemers.csv", "--periode", PERIODE, "--uit", "uit"]
            + ["--werkers", "2"]
        )
    finally:
        os.chdir(eerder)
    assert code == 0
    return map_ / "uit"


def _zonder_datum(tekst: str) -> str:
    return re.sub(r"\d{1,2} \w+ 20\d\d(, \d\d:\d\d)?|20\d\d-\d\d-\d\dT[\d:.+]+", "DATUM", tekst)


def test_relatief_en_absoluut_geven_hetzelfde_werkblad_en_plan(voorbereid, tmp_path):
    """The same participant with an absolute --uit gets the same sheet and plan (issue 19:
    a relative --uit used to give empty plans and '–' on the answer sheet)."""
    csv = tmp_path / "een.csv"
    csv.write_text(
        "naam;regio;startvraag;hoofdvraag\nAnna de Vries;Friesland;;\n", encoding="utf-8"
    )
    uit = tmp_path / "absoluut"
    assert (
        main(["workshop", "voorbereiden", str(csv), "--periode", PERIODE, "--uit", str(uit)]) == 0
    )
    for naam in ("werkblad.html", "stappenplan.yaml"):
        relatief = _tekst(voorbereid / "deelnemers" / "anna-de-vries" / naam)
        absoluut = _tekst(uit / "deelnemers" / "anna-de-vries" / naam)
        assert _zonder_datum(relatief) == _zonder_datum(absoluut), naam
    plan = ik.Stappenplan.laad(voorbereid / "deelnemers" / "anna-de-vries" / "stappenplan.yaml")
    assert len(plan.bevindingen) > 0 and plan.antwoord.strip()


def _tekst(pad) -> str:
    return pad.read_text(encoding="utf-8")


def _zichtbaar(html: str) -> str:
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))
    )


@pytest.mark.parametrize(
    "map_,regio_code,naam",
    [
        ("anna-de-vries", "Friesland", "Anna de Vries"),
        ("bram", "Twente", "Bram"),
        ("chantal", "Zeeland", "Chantal"),
    ],
)
def test_werkblad_per_deelnemer(voorbereid, map_, regio_code, naam):
    p = Periode.parse(PERIODE)
    regio = ik.regio(regio_code).naam_in(p)
    html = _tekst(voorbereid / "deelnemers" / map_ / "werkblad.html")
    tekst = _zichtbaar(html)
    assert '<html lang="nl">' in html and html.count("<h1") == 1
    assert naam in tekst and regio in tekst and p.label in tekst
    # every printed page says region, period and that the figures are practice data
    bladen = re.findall(r'<section class="blad">(.*?)</section>', html, flags=re.S)
    assert len(bladen) == 3
    for blad in bladen:
        assert p.label in blad and "oefendata" in blad and regio in blad
    assert "Let op: oefendata" in tekst and "zeggen niets over je regio" in tekst
    # own figures, as the kit computes them
    meldingen = ik.getal(ik.waarde("meldingen", regio_code, PERIODE), 0)
    per_inwoner = ik.getal(ik.waarde("meldingen_per_10000", regio_code, PERIODE))
    advies = ik.getal(ik.waarde("adviezen_per_10000", regio_code, PERIODE))
    rij = re.search(r'<tr class="eigen">(.*?)</tr>', html, flags=re.S)[1]
    assert regio in rij and meldingen in rij and per_inwoner in rij
    assert f"{regio} (jouw regio)" in tekst and advies in tekst
    assert html.count("(jouw regio)</td>") == 1  # one row marked, in words as well as colour
    # no practice figure presented as real: every table with figures names its source as oefendata
    for tabel in re.findall(r"<table>.*?</table>", html, flags=re.S):
        if re.search(r"class=getal>[\d.]+,\d", tabel):
            assert "oefendata" in re.search(r"<caption>(.*?)</caption>", tabel)[1]
    assert 'class="echt"' not in html and "geen oefendata" not in tekst
    assert not re.search(r'(src|href)="https?:', html)


def test_plan_en_rapport_per_deelnemer(voorbereid):
    for map_, code in (("anna-de-vries", "Friesland"), ("bram", "Twente"), ("chantal", "Zeeland")):
        d = voorbereid / "deelnemers" / map_
        plan = ik.Stappenplan.laad(d / "stappenplan.yaml")
        assert plan.regio_code == ik.regio(code).code and plan.periode == PERIODE
        rapport = _tekst(d / "rapport.html")
        assert ik.regio(code).naam_in(PERIODE) in rapport and "oefendata" in rapport.lower()
        assert 'src="../vega/vega-bundel.js"' not in rapport or (d.parent / "vega").is_dir()
    chantal = ik.Stappenplan.laad(voorbereid / "deelnemers" / "chantal" / "stappenplan.yaml")
    assert chantal.hoofdvraag == "Weten scholen in Zeeland Veilig Thuis beter te vinden?"
    anna = ik.Stappenplan.laad(voorbereid / "deelnemers" / "anna-de-vries" / "stappenplan.yaml")
    assert anna.startvraag == workshop.STANDAARD_STARTVRAAG


def test_overzicht_en_antwoorden(voorbereid):
    overzicht = _zichtbaar(_tekst(voorbereid / "index.html"))
    for naam in ("Anna de Vries", "Bram", "Chantal"):
        assert naam in overzicht
    assert "1e halfjaar 2021" in overzicht and "oefendata" in overzicht
    for link in re.findall(r'href="([^"#]+)"', _tekst(voorbereid / "index.html")):
        assert (voorbereid / link).exists(), link
    antwoorden = _tekst(voorbereid / "antwoorden.html")
    fr = ik.getal(ik.waarde("professionals_aandeel", "Friesland", PERIODE))
    assert "Anna de Vries" in antwoorden and fr in antwoorden and "oefendata" in antwoorden


def test_dias_offline_en_met_notities(voorbereid):
    bron = (workshop.WORKSHOP_BOEK / "presentatie.md").read_text(encoding="utf-8")
    aantal = len(re.findall(r"^## ", bron, flags=re.M)) + 1  # plus the title slide
    dias = _tekst(voorbereid / "dias.html")
    notities = _tekst(voorbereid / "dias-notities.html")
    for html in (dias, notities):
        assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html)
        assert "<script" not in html and "@import" not in html
        assert html.count('class="dia"') == aantal
        assert "1e halfjaar 2021" in html and "break-after: page" in html
        assert html.count("<h1") == 1
    assert 'class="notities"' not in dias
    assert notities.count('class="notities"') == aantal - 1
    assert "Voor de begeleider (dia 2: Waarom we hier zijn)" in notities
    # built from the book's and the kit's own sources
    assert "Wat willen we weten, en waarom?" in dias  # book/stappenplan/index.md
    assert "mogelijk toeval" in dias  # impactkit.oordelen
    assert "Stap 6: duiden, als rollenspel van het goede gesprek" in dias  # the agenda in index.md


def test_rolkaarten(voorbereid):
    html = _tekst(voorbereid / "rolkaarten.html")
    kaarten = re.findall(r'<article class="kaart"><h2>(.*?)</h2>', html)
    assert kaarten[:6] == [
        "Voorzitter",
        "Veilig Thuis",
        "Gemeente",
        "Huisarts",
        "Politie",
        "Ervaringsdeskundige",
    ]
    assert "@media print" in html and "1e halfjaar 2021" in html


# -- reading the participants (fast, no batch) ------------------------------------------------------
def test_fouten_met_regel_en_kolom(tmp_path):
    pad = tmp_path / "deelnemers.csv"
    pad.write_text(
        "naam,regio,startvraag\nAnna,Twent,\nBram,Utrecht,bereik_burger\n,Zeeland,\n"
        "Anna,Drenthe,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImpactkitFout) as fout:
        workshop.lees_deelnemers(pad, PERIODE)
    bericht = str(fout.value)
    assert "regel 2, kolom 'regio'" in bericht and "Twente" in bericht
    assert "regel 3, kolom 'startvraag'" in bericht and "bereik_burgers_professionals" in bericht
    assert "regel 4, kolom 'naam'" in bericht and "leeg" in bericht
    assert "regel 5, kolom 'naam'" in bericht and "regel 2" in bericht  # named twice


def test_onbekende_kolom_en_regio_zonder_cijfers(tmp_path):
    pad = tmp_path / "d.csv"
    pad.write_text("naam;regoi\nAnna;Twente\n", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match=r"kolom 2: onbekende kolom 'regoi'. Bedoel je 'regio'"):
        workshop.lees_deelnemers(pad, PERIODE)
    pad.write_text("naam;regio\nAnna;Brabant Noordoost\n", encoding="utf-8")
    with pytest.raises(
        ImpactkitFout, match=r"regel 2, kolom 'regio'.*geen cijfers over 2e halfjaar 2024"
    ):
        workshop.lees_deelnemers(pad, "2024H2")


def test_standaard_periode_is_de_laatste(tmp_path):
    """Without --periode: the latest period with figures, stated on every page."""
    pad = tmp_path / "d.csv"
    pad.write_text("naam,regio\nAnna,Twente\n", encoding="utf-8")

    def geen_batch(doel, **kw):  # the report is not part of this test
        return pd.DataFrame(
            [
                {
                    "regio_code": "VT03",
                    "map": str(doel / "x"),
                    "status": "mislukt",
                    "fout": "overgeslagen in de test",
                }
            ]
        )

    klaar = workshop.workshop_voorbereiden(pad, tmp_path / "uit", draai=geen_batch, voortgang=False)
    laatste = ik.laatste_periode()
    assert klaar.periode == laatste
    label = Periode.parse(laatste).label
    for pagina in (
        "index.html",
        "antwoorden.html",
        "dias.html",
        "rolkaarten.html",
        "deelnemers/anna/werkblad.html",
    ):
        assert label in _tekst(tmp_path / "uit" / pagina), pagina
    assert ik.Stappenplan.laad(tmp_path / "uit/deelnemers/anna/stappenplan.yaml").periode == laatste
    assert "rapport mislukt" in _tekst(tmp_path / "uit" / "index.html")
