"""The batch's overview page (index.html) on its own: written from region folders made here, not
from a batch run, so these tests take seconds. The map of the regions, and the verdict table
fitting the page at 1280 px without the page scrolling sideways at 390 px."""

import html
import json
import re
import time
from dataclasses import asdict

import pandas as pd
import pytest
from browser import BrowserFout

from impactkit.batch import Resultaat, schrijf_index
from impactkit.grafieken import alt_tekst, grafiek_tabel
from impactkit.grafieken.batchkaart import NIET_IN_BATCH, ZONDER_OORDELEN, kaart_batch
from impactkit.regioindeling import regios

VRAAG = "heftig_structureel_geweld"
# The seven indicators of the start question, with their long names: the widest real table.
INDICATOREN = [
    ("acuut_structureel_onveilig", None, "Meldingen met acute en/of structurele onveiligheid"),
    ("duur_geweld_meldingen", "> 5 jaar", "Duur van het geweld bij meldingen (> 5 jaar)"),
    ("duur_geweld_meldingen", "≤ 1 week", "Duur van het geweld bij meldingen (≤ 1 week)"),
    ("hermeldingen", None, "Hermeldingen"),
    ("overdracht_om", None, "Overdracht aan het Openbaar Ministerie"),
    ("overdracht_rvdk", None, "Overdracht aan de Raad voor de Kinderbescherming"),
    ("ots_per_10000", None, "Ondertoezichtstellingen per 10.000 inwoners"),
]
OORDEEL = {
    # region folder -> its verdicts, in the order of INDICATOREN
    "twente": ["klein verschil", "binnen de gewone spreiding", "binnen de gewone spreiding"]
    + ["mogelijk toeval"] * 3
    + ["opvallend hoger"],
    "zaanstreek-waterland": [
        "opvallend hoger",
        "opvallend lager",
        "binnen de gewone spreiding",
        "binnen de gewone spreiding",
    ]
    + ["mogelijk toeval"] * 3,
}


def _schrijf_regio(uit, map_, code, naam, periode, oefendata=True, oordelen=None):
    """A region folder as a run leaves it: summary, verdicts and a report."""
    d = uit / map_
    d.mkdir(parents=True)
    samenvatting = {
        "regio_code": code,
        "regio": naam,
        "periode": periode,
        "hoofdvraag": "Is het gelukt om het heftige en structurele geweld terug te dringen?",
        "kop": f"De kern voor {naam}.",
        "oefendata": oefendata,
    }
    (d / "samenvatting.json").write_text(json.dumps(samenvatting), encoding="utf-8")
    if oordelen is not None:
        rijen = [
            {"indicator": i, "categorie": c, "naam": n, "oordeel": o, "waarde": 1.0}
            for (i, c, n), o in zip(INDICATOREN, oordelen, strict=True)
        ]
        (d / "oordelen.json").write_text(json.dumps(rijen), encoding="utf-8")
    (d / "rapport.html").write_text("<!DOCTYPE html><title>Rapport</title>", encoding="utf-8")


def _overzicht(uit, periode="2024H2", oefendata=True, parameters=None, vega=False):
    """index.html for Twente and Zaanstreek-Waterland (done), Utrecht and Atlantis (failed)."""
    _schrijf_regio(uit, "twente", "VT19", "Twente", periode, oefendata, OORDEEL["twente"])
    _schrijf_regio(
        uit,
        "zaanstreek-waterland",
        "VT22",
        "Zaanstreek-Waterland",
        periode,
        oefendata,
        OORDEEL["zaanstreek-waterland"],
    )
    rijen = [
        Resultaat("Atlantis", "", "mislukt", str(uit / "atlantis"), fout="Onbekende regio"),
        Resultaat("Twente", "VT19", "gelukt", str(uit / "twente"), kop="De kern voor Twente."),
        Resultaat("Utrecht", "VT20", "mislukt", str(uit / "utrecht"), fout="Kernel gestopt"),
        Resultaat(
            "Zaanstreek-Waterland", "VT22", "gelukt", str(uit / "zaanstreek-waterland"), kop="."
        ),
    ]
    tabel = pd.DataFrame([{**asdict(r), "startvraag": VRAAG} for r in rijen])
    if vega:
        from impactkit.rapport import schrijf_vega

        schrijf_vega(uit)
    return schrijf_index(uit, tabel, periode, parameters).read_text(encoding="utf-8")


def _kaartspec(index: str) -> dict:
    figuur = re.search(r'<figure class="grafiek" id="grafiek-1">.*?</figure>', index, re.S)
    assert figuur, "geen kaart op de overzichtspagina"
    spec = re.search(r'<script type="application/json" id="spec-1">(.*?)</script>', figuur[0], re.S)
    return json.loads(spec[1])


@pytest.fixture(scope="module")
def overzicht(tmp_path_factory):
    uit = tmp_path_factory.mktemp("overzicht")
    return uit, _overzicht(uit, vega=True)


# -- the map ---------------------------------------------------------------------------------------
def test_kaart_kleurt_de_regios_van_de_batch(overzicht):
    """Twente and Zaanstreek-Waterland by their count, Utrecht (failed) without verdicts, the
    other regions of 2024 grey; a name that is no region is not on the map."""
    uit, index = overzicht
    spec = _kaartspec(index)
    per_code = {r["regio_code"]: r for r in spec["datasets"]["vt_batch"]}
    assert set(per_code) == set(regios(periode="2024H2").query("soort == 'vt'")["code"])
    assert len(per_code) == 25 and "VT27" in per_code and "VT16" not in per_code
    assert (per_code["VT19"]["aantal"], per_code["VT19"]["klasse"]) == (1, "1 opvallend verschil")
    assert per_code["VT22"]["aantal"] == 2 and per_code["VT22"]["label"] == "2"
    assert per_code["VT20"]["klasse"] == ZONDER_OORDELEN and per_code["VT20"]["label"] == "–"
    grijs = {c for c, r in per_code.items() if r["klasse"] == NIET_IN_BATCH}
    assert grijs == set(per_code) - {"VT19", "VT20", "VT22"}
    assert all(per_code[c]["link"] is None and per_code[c]["label"] == "" for c in grijs)
    assert per_code["VT19"]["link"] == "twente/rapport.html"
    assert per_code["VT15"]["regio"] == "Midden-Brabant"  # its name in 2024
    # The map stands before the verdict table, its title states the finding.
    assert index.index('id="grafiek-1"') < index.index('<table class="overzicht"')
    bijschrift = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", index, re.S)[1])
    assert "Meeste opvallende verschillen met Nederland: Zaanstreek-Waterland" in bijschrift
    assert "niet in deze batch" in bijschrift and "Oefendata" in bijschrift


def test_kaart_heeft_alt_tekst_en_tabel(overzicht):
    _, index = overzicht
    spec = _kaartspec(index)
    alt = alt_tekst(spec)
    assert "Zaanstreek-Waterland 2, Twente 1, Utrecht geen oordelen" in alt
    assert "De andere 22 zijn grijs: niet in deze batch" in alt
    assert re.search(r'<img class="statisch" src="data:image/svg\+xml;base64,[^"]+" alt="', index)
    tabel = grafiek_tabel(spec, opgemaakt=True)
    assert tabel.values.tolist() == [
        ["Twente", "1"],
        ["Utrecht", "–"],
        ["Zaanstreek-Waterland", "2"],
    ]
    assert "<summary>De cijfers bij deze grafiek</summary>" in index


def test_kaart_heeft_de_namen_en_regios_van_de_periode(tmp_path):
    """2021: 26 regions, VT15 is Noord-Brabant Midden; no practice data, no warning."""
    index = _overzicht(tmp_path, "2021H1", oefendata=False, parameters={"bron": "cbs"})
    spec = _kaartspec(index)
    per_code = {r["regio_code"]: r for r in spec["datasets"]["vt_batch"]}
    assert len(per_code) == 26 and {"VT16", "VT26"} <= set(per_code)
    assert per_code["VT15"]["regio"] == "Noord-Brabant Midden"
    tekst = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", index, re.S)[1])
    assert "oefendata" not in tekst.lower() and "Bron: CBS Impactmonitor" in tekst
    assert '<script src="vega/' not in index  # no bundle in this folder: the static map only


def test_kaart_zonder_opvallende_verschillen_zegt_dat():
    g = kaart_batch("2024H2", {"VT19": 0, "VT20": 0}, indicatoren=7).to_dict()
    assert g["title"]["text"] == "Geen regio in deze batch verschilt opvallend van Nederland"
    assert "Bron: de cijfers in het rapport per regio." in g["title"]["subtitle"]
    gelijk = kaart_batch("2024H2", {"VT19": 3, "VT20": 5, "VT22": 5}, indicatoren=7).to_dict()
    assert gelijk["title"]["text"].endswith("Utrecht en Zaanstreek-Waterland (5 van 7 indicatoren)")
    # A batch of every region: the alt text counts them instead of naming 25 regions.
    alle = regios(periode="2024H2").query("soort == 'vt'")["code"]
    tekst = alt_tekst(kaart_batch("2024H2", {c: 2 if c == "VT19" else None for c in alle}, 7))
    assert tekst.endswith("met een opvallend verschil met Nederland: 1 met 2, 24 zonder oordelen.")


# -- in the browser --------------------------------------------------------------------------------
def _wacht_op_kaart(tab) -> None:
    for _ in range(100):  # the chart is drawn after the page has loaded
        if tab.evalueer("!!document.querySelector('figure.grafiek.interactief .vega svg')"):
            return
        time.sleep(0.2)
    raise AssertionError("de interactieve kaart is niet getekend")


@pytest.mark.browser
def test_oordelentabel_past_op_1280_px(overzicht, chromium):
    uit, _ = overzicht
    tab = chromium.tabblad(breedte=1280)
    try:
        tab.open(uit / "index.html")
        meting = tab.evalueer(
            """(() => {
            const t = document.querySelector('table.overzicht'), f = t.parentNode;
            return {rechts: t.getBoundingClientRect().right, breedte: innerWidth,
                    frame: [f.scrollWidth, f.clientWidth],
                    koppen: Array.from(t.querySelectorAll('thead th')).map(th => {
                        const r = th.getBoundingClientRect();
                        return [th.textContent, r.left, r.right, r.width]; })};
        })()"""
        )
        assert meting["rechts"] <= meting["breedte"], meting
        assert meting["frame"][0] <= meting["frame"][1], "de tabel schuift binnen haar kader"
        assert len(meting["koppen"]) == 1 + len(INDICATOREN)
        for naam, links, rechts, breedte in meting["koppen"]:
            assert 0 <= links and rechts <= meting["breedte"] and breedte > 40, naam
        assert tab.evalueer("document.documentElement.scrollWidth") <= 1280
        assert tab.geblokkeerd == []
    finally:
        tab.sluit()


@pytest.mark.browser
def test_overzicht_op_390_px_schuift_niet_opzij(overzicht, chromium):
    """The page never scrolls sideways; the verdict table may, inside its own frame. The map is
    drawn for the width, nothing is loaded from another host, and a click on a region of the
    batch opens its report."""
    uit, _ = overzicht
    tab = chromium.tabblad(breedte=390)
    try:
        tab.open(uit / "index.html")
        _wacht_op_kaart(tab)
        assert tab.evalueer("document.documentElement.scrollWidth <= innerWidth")
        kaart = tab.evalueer(
            """(() => { const s = document.querySelector('#grafiek-1 .vega svg');
                        const r = s.getBoundingClientRect(); return [r.left, r.right]; })()"""
        )
        assert 0 <= kaart[0] and kaart[1] <= 390, kaart
        assert tab.geblokkeerd == []
        # A click on Twente (just under its number, on its area) opens its report.
        x, y = tab.evalueer(
            """(() => { const t = Array.from(document.querySelectorAll('#grafiek-1 .vega svg text'))
                  .find(t => t.textContent === '1');
                t.scrollIntoView({block: 'center'}); const r = t.getBoundingClientRect();
                return [r.x + r.width / 2, r.bottom + 6]; })()"""
        )
        for soort in ("mouseMoved", "mousePressed", "mouseReleased"):
            tab.stuur(
                "Input.dispatchMouseEvent",
                {"type": soort, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
        adres = ""
        for _ in range(50):  # Vega follows the link after a promise; the page then navigates
            try:
                adres = tab.evalueer("location.href")
            except BrowserFout:  # asked while the old page was going away
                adres = ""
            if adres.endswith("/twente/rapport.html"):
                break
            time.sleep(0.2)
        assert adres.endswith("/twente/rapport.html"), (adres, x, y)
    finally:
        tab.sluit()
