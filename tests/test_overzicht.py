"""The batch's overview page (index.html) on its own: written from region folders made here, not
from a batch run, so these tests take seconds. The verdict table
fitting the page at 1280 px without the page scrolling sideways at 390 px."""

import json
from dataclasses import asdict

import pandas as pd
import pytest

from impactkit.batch import Resultaat, schrijf_index

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


@pytest.fixture(scope="module")
def overzicht(tmp_path_factory):
    uit = tmp_path_factory.mktemp("overzicht")
    return uit, _overzicht(uit)


# -- in the browser --------------------------------------------------------------------------------
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
    """The page never scrolls sideways; the verdict table may, inside its own frame."""
    uit, _ = overzicht
    tab = chromium.tabblad(breedte=390)
    try:
        tab.open(uit / "index.html")
        assert tab.evalueer("document.documentElement.scrollWidth <= innerWidth")
        assert tab.geblokkeerd == []
    finally:
        tab.sluit()
