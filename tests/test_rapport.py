"""The per-region report and the overview page as documents: checked on the HTML itself.

One batch for two regions (plus a second run of the same inputs into another folder, for the
determinism check); every test reads the files it wrote. Known values come from the practice
data: Zaanstreek-Waterland 55,6% against 42,8% for Nederland (acute/structural unsafety,
2021H1), Twente 38,2%.
"""

import base64
import csv
import html
import json
import re

import pytest

import impactkit as ik
from impactkit.batch import draai_batch
from impactkit.grafieken import OEFENDATA_TEKST, grafiekkeuze
from impactkit.rapport import (
    SECTIES,
    VEGA_BESTAND,
    VEGA_MAP,
    html_tabel_uit_rijen,
    vega_tabel_rijen,
    vergelijkingen_tabel,
    zonder_datum,
)

REGIOS = ["Zaanstreek-Waterland", "Twente"]
ZW, TW = "zaanstreek-waterland", "twente"

pytestmark = pytest.mark.traag


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory):
    eerste = tmp_path_factory.mktemp("rapport_a")
    tweede = tmp_path_factory.mktemp("rapport_b")
    tabel = draai_batch(eerste, REGIOS, periode="2021H1", werkers=2, voortgang=False)
    draai_batch(tweede, REGIOS, periode="2021H1", werkers=2, voortgang=False)
    assert tabel["status"].tolist() == ["gelukt", "gelukt"]
    return eerste, tweede


def _lees(uit, regio):
    return (uit / regio / "rapport.html").read_text(encoding="utf-8")


def _zichtbare_tekst(pagina: str) -> str:
    """What a reader sees: no scripts, no tags, entities decoded."""
    zonder = re.sub(r"<script\b.*?</script>", " ", pagina, flags=re.S)
    zonder = re.sub(r"<style\b.*?</style>", " ", zonder, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", zonder))


def test_rapport_opent_als_memo(uitvoer):
    """Region and period, creation date, source, hoofdvraag, answer; then the evidence."""
    pagina = _lees(uitvoer[0], ZW)
    tekst = " ".join(_zichtbare_tekst(pagina).split())
    volgorde = [
        "Zaanstreek-Waterland, het eerste halfjaar van 2021",
        "Gemaakt op:",
        "Bron van de cijfers: oefendata",
        "Hoofdvraag: Is het gelukt om het heftige en structurele geweld",
        "Let op: oefendata.",
        "Antwoord op de hoofdvraag",
        "55,6% tegen 42,8%",
        "Per deelvraag",
        "Wat de cijfers niet kunnen zeggen",
        "Bevindingen",
        "Kerncijfers: Zaanstreek-Waterland en Nederland, 1e halfjaar 2021",
        "Alle vergelijkingen voor: Meldingen met acute en/of structurele onveiligheid",
        "Gesprek met partners",
        "Duiding met partners",
        "Over dit rapport",
        "De deelvragen en de indicatoren die erover iets zeggen",
        "De woorden voor een oordeel",
    ]
    plekken = [tekst.find(s) for s in volgorde]
    assert -1 not in plekken, [s for s, p in zip(volgorde, plekken) if p == -1]
    assert plekken == sorted(plekken), "secties in de verkeerde volgorde"
    # The report's own section headings, in SECTIES order.
    koppen = [k for k in SECTIES.values() if k]
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", pagina)
    assert [k for k in h2 if k in koppen] == koppen


def test_lang_titel_en_een_h1(uitvoer):
    pagina = _lees(uitvoer[0], ZW)
    assert pagina.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert (
        "<title>Zaanstreek-Waterland, het eerste halfjaar van 2021 — "
        "Stappenplan kennisgestuurd werken</title>"
    ) in pagina
    assert len(re.findall(r"<h1[\s>]", pagina)) == 1
    # Headings never skip a level (h2 -> h4).
    niveaus = [int(n) for n in re.findall(r"<h([1-6])[\s>]", pagina)]
    assert all(b - a <= 1 for a, b in zip(niveaus, niveaus[1:])), niveaus


def test_geen_externe_bronnen(uitvoer):
    for regio in (ZW, TW):
        pagina = _lees(uitvoer[0], regio)
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", pagina, re.I)
        assert not re.search(r"<link\b", pagina, re.I)
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", pagina, re.I)
        for cdn in ("require.js", "mathjax", "mermaid", "cdn.jsdelivr", "unpkg.com"):
            assert cdn not in pagina.lower(), cdn
        # The only script file is the Vega bundle, once for the whole output folder.
        bronnen = re.findall(r'<script[^>]*\bsrc="([^"]+)"', pagina)
        assert bronnen == [f"../{VEGA_MAP}/{VEGA_BESTAND}"]
    assert (uitvoer[0] / VEGA_MAP / VEGA_BESTAND).stat().st_size > 500_000
    assert [p.parent.name for p in uitvoer[0].rglob(VEGA_BESTAND)] == [VEGA_MAP]


def test_geen_code_ruwe_sleutels_of_werkboektekst(uitvoer):
    for regio in (ZW, TW):
        tekst = _zichtbare_tekst(_lees(uitvoer[0], regio))
        for verboden in (
            "vorige_periode",
            "jaar_eerder",
            "regios",
            "<NA>",
            "NaN",
            "waarom_deelvraag",
            "plan.bewaar",
            "plan.duiding",
            "Wat je nodig hebt",
            "Ongeveer een uur",
            "ik.",
            "display(",
            "In [",
            "Out[",
        ):
            assert verboden not in tekst, (regio, verboden)
        assert re.search(r"\bStap [1-6]\b", tekst) is None


def test_tabellen_bijschrift_en_uitlijning(uitvoer):
    pagina = _lees(uitvoer[0], ZW)
    tabellen = re.findall(r"<table>.*?</table>", pagina, flags=re.S)
    assert len(tabellen) >= 4
    assert all("<caption>" in t for t in tabellen)
    # Numbers right (class getal), text left; scroll box around every table.
    assert '<td class="getal">55,6%</td><td class="getal">42,8%</td>' in pagina
    assert "<td>Met Nederland</td><td>Nederland</td>" in pagina
    assert "<td>Met de vorige periode</td><td>2e halfjaar 2020</td>" in pagina
    assert pagina.count('<div class="tabel" role="region" tabindex="0"') >= len(tabellen)
    assert not re.search(r'id="T_[0-9a-f]{5}', pagina)  # no random Styler ids


def test_grafieken_toegankelijk_en_interactief(uitvoer):
    pagina = _lees(uitvoer[0], ZW)
    figuren = re.findall(r'<figure class="grafiek".*?</figure>', pagina, flags=re.S)
    # The overview, and one chart per notable finding: two funnels and a distribution.
    assert len(figuren) == 4
    for f in figuren:
        alt = re.search(
            r'<img class="statisch" src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', f
        )
        assert alt and len(alt.group(1)) > 20 and "No description" not in alt.group(1)
        assert re.search(r"<figcaption><strong>.+</strong><br>.+</figcaption>", f)
        assert "<summary>De cijfers bij deze grafiek</summary>" in f
        assert '<script type="application/json"' in f  # the spec for the interactive version
    assert "@media print" in pagina and "break-inside: avoid" in pagina


def _figuren(pagina: str) -> list[dict]:
    """Per chart: caption title, visible text (without the collapsed table), SVG text, spec."""
    uit = []
    for f in re.findall(r'<figure class="grafiek".*?</figure>', pagina, flags=re.S):
        svg = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', f).group(1)
        spec = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', f, flags=re.S)
        uit.append(
            {
                "titel": html.unescape(re.search(r"<figcaption><strong>(.*?)</strong>", f)[1]),
                "tekst": _zichtbare_tekst(re.sub(r"<details>.*?</details>", " ", f, flags=re.S)),
                "svg": base64.b64decode(svg).decode("utf-8"),
                "spec": json.loads(spec.group(1)),
            }
        )
    return uit


def test_grafiektitel_en_oefendata_een_keer_per_grafiek(uitvoer):
    """Title and subtitle once, as caption text; not again in the picture or the chart.

    The indicator's name is also in tables and sentences elsewhere on the page; per chart it
    is said once (the collapsed table's caption and the alt text name it too, by design).
    """
    for regio in (ZW, TW):
        pagina = _lees(uitvoer[0], regio)
        figuren = _figuren(pagina)
        assert len(figuren) >= 3
        for f in figuren:
            assert f["tekst"].count(f["titel"]) == 1, (regio, f["titel"])
            assert f["tekst"].count(OEFENDATA_TEKST) == 1, (regio, f["titel"])
            # The picture and the interactive chart carry neither title nor subtitle.
            assert html.escape(f["titel"]) not in f["svg"] and f["titel"] not in f["svg"]
            assert "Oefendata" not in f["svg"] and "Bron:" not in f["svg"]
            assert "title" not in f["spec"]
            assert f["spec"]["description"]  # the alt text for the interactive chart
        # The overview's title is its own: once in the page's visible text (the collapsed
        # tables left out); every chart keeps its data table with the title in its caption.
        zichtbaar = _zichtbare_tekst(re.sub(r"<details>.*?</details>", " ", pagina, flags=re.S))
        assert pagina.count("<caption>Cijfers bij: ") == len(figuren)
        profiel = figuren[0]["titel"]
        assert zichtbaar.count(profiel) == 1, profiel


def test_opvallende_bevindingen_hebben_hun_grafiek(uitvoer):
    """Each notable finding of the region has its chart in the report, and nothing else does."""
    verwacht = {
        ZW: [
            ("Meldingen met acute en/of structurele onveiligheid", "trechter"),
            ("Duur van het geweld bij meldingen", "verdeling"),
            ("Overdracht aan het Openbaar Ministerie", "trechter"),
        ],
        TW: [
            ("Ondertoezichtstellingen per 10.000 inwoners", "trechter"),
            ("Ondertoezichtstellingen per 10.000 inwoners", "tijdreeks"),
        ],
    }
    for regio, naam in zip((ZW, TW), REGIOS):
        plan = ik.Stappenplan.uit_startvraag("heftig_structureel_geweld", naam, "2021H1")
        keuze = grafiekkeuze(plan.analyseer(), plan.indicatoren())
        assert [
            (ik.indicator(i).naam, g) for i, g in zip(keuze["indicator"], keuze["grafiek"])
        ] == (verwacht[regio])
        figuren = _figuren(_lees(uitvoer[0], regio))
        gevonden = [(f["titel"], f["spec"]["usermeta"]["impactkit"]["soort"]) for f in figuren]
        assert gevonden[0][1] == "profiel"  # the overview of every indicator first
        assert gevonden[1:] == verwacht[regio]


def test_twee_runs_gelijk_op_de_datum_na(uitvoer):
    eerste, tweede = uitvoer
    for regio in (ZW, TW):
        a, b = _lees(eerste, regio), _lees(tweede, regio)
        assert a.count('class="aangemaakt"') == 1
        assert zonder_datum(a) == zonder_datum(b)


def test_index(uitvoer):
    uit = uitvoer[0]
    index = (uit / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in index and len(re.findall(r"<h1[\s>]", index)) == 1
    assert "<title>Stappenplan per regio, 1e halfjaar 2021 — overzicht</title>" in index
    tekst = " ".join(_zichtbare_tekst(index).split())
    assert "Startvraag: Is het gelukt om het heftige en structurele geweld" in tekst
    assert "Periode: 1e halfjaar 2021" in tekst
    assert "Cijfers: oefendata" in tekst
    # Sorted by name, each linking to its report; verdicts in colour and word.
    assert index.index(f'href="{TW}/rapport.html"') < index.index(f'href="{ZW}/rapport.html"')
    rij_zw = re.search(rf'<tr><th scope="row"><a href="{ZW}/rapport.html">.*?</tr>', index).group(0)
    # The verdict is shown in the words of the one vocabulary (impactkit.oordelen), with colour.
    assert '<span class="oordeel hoger" title="opvallend hoger">opvallend hoger</span>' in rij_zw
    rij_tw = re.search(rf'<tr><th scope="row"><a href="{TW}/rapport.html">.*?</tr>', index).group(0)
    # Twente's lower share lies inside the usual spread between regions: said in that word.
    assert (
        '<span class="oordeel klein" title="binnen de gewone spreiding">'
        "binnen de gewone spreiding</span>"
    ) in rij_tw
    assert "Meldingen met acute en/of structurele onveiligheid</th>" in index
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", index)


def test_index_na_tweede_run_houdt_wat_bekend_is(uitvoer):
    uit = uitvoer[0]
    tabel = draai_batch(uit, REGIOS, periode="2021H1", werkers=1, voortgang=False)
    assert tabel["status"].tolist() == ["overgeslagen", "overgeslagen"]
    assert tabel["datum"].str.len().min() > 0
    index = (uit / "index.html").read_text(encoding="utf-8")
    assert index.count("al actueel (gemaakt op ") == 2
    assert "55,6% tegen 42,8%" in index  # the headline of the last run is still there
    with open(uit / "samenvatting.csv", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert [(r["regio"], r["map"], r["rapport"]) for r in rijen] == [
        ("Twente", TW, f"{TW}/rapport.html"),
        ("Zaanstreek-Waterland", ZW, f"{ZW}/rapport.html"),
    ]


def test_tabel_html_lijnt_getallen_rechts():
    t = html_tabel_uit_rijen(
        ["Regio", "Waarde"], [["Twente", "38,2%"], ["Utrecht", "<NA>"]], "Voorbeeld"
    )
    assert "<caption>Voorbeeld</caption>" in t
    assert '<th scope="col">Regio</th><th scope="col" class="getal">Waarde</th>' in t
    assert '<td>Utrecht</td><td class="getal">–</td>' in t


def test_vergelijkingen_tabel_in_woorden():
    import impactkit as ik

    v = ik.vergelijk("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
    t = vergelijkingen_tabel(v).set_index("Vergelijking")
    assert t.loc["Met Nederland", "Waarde"] == "55,6%"
    assert t.loc["Met Nederland", "Referentiewaarde"] == "42,8%"
    assert t.loc["Met Nederland", "Oordeel"] == "opvallend hoger"
    assert t.loc["Met de vorige periode", "Referentie"] == "2e halfjaar 2020"
    assert not t.isin(["<NA>", "nan"]).any().any()


def test_grafiektabel_uit_tooltip():
    spec = {
        "data": {"name": "d"},
        "datasets": {
            "d": [{"regio": "Twente", "waarde": 38.25}, {"regio": "Twente", "waarde": 38.25}]
        },
        "mark": "point",
        "encoding": {
            "tooltip": [
                {"field": "regio", "type": "nominal", "title": "Regio"},
                {"field": "waarde", "type": "quantitative", "title": "Waarde (%)", "format": ".1f"},
            ]
        },
    }
    # 38,25 as the chart's own tooltip shows it (d3-format/toFixed rounds halves up): 38,3
    assert vega_tabel_rijen(spec) == (["Regio", "Waarde (%)"], [["Twente", "38,3"]])


@pytest.mark.browser
def test_rapport_op_een_telefoon_in_chromium(uitvoer, chromium):
    """At 390 px: no sideways page scroll, and every interactive chart has the static picture's
    accessible name (the report works offline: the Vega bundle sits next to it)."""
    import time

    tab = chromium.tabblad(breedte=390)
    try:
        tab.open(uitvoer[0] / ZW / "rapport.html")
        for _ in range(50):  # the charts are drawn after the page has loaded
            klaar = tab.evalueer(
                "document.querySelectorAll('figure.grafiek.interactief').length"
                " === document.querySelectorAll('figure.grafiek').length"
            )
            if klaar:
                break
            time.sleep(0.2)
        assert klaar, "de interactieve grafieken zijn niet getekend"
        namen = tab.evalueer(
            "Array.from(document.querySelectorAll('figure.grafiek')).map(f => ["
            "(f.querySelector('.vega svg') || {getAttribute: () => null}).getAttribute('aria-label'),"
            " f.querySelector('img.statisch').getAttribute('alt')])"
        )
        assert namen and all(a and a == b for a, b in namen), namen
        assert tab.evalueer("document.documentElement.scrollWidth") <= 390
        # Chart text is drawn for the width, not shrunk with the picture: nothing under 10 px.
        kleinste = tab.evalueer(
            "Math.min(...Array.from(document.querySelectorAll('figure.grafiek .vega svg text'))"
            ".map(t => t.getBoundingClientRect().height).filter(h => h > 0))"
        )
        assert 10 <= kleinste < 100, kleinste
        # The key figures (indicator, region, Nederland) fit without scrolling: Nederland in view.
        kern = tab.evalueer(
            "(() => { const t = Array.from(document.querySelectorAll('table')).find(t =>"
            " t.caption && t.caption.textContent.startsWith('Kerncijfers'));"
            " return [t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().right,"
            " t.rows[0].cells[2].textContent]; })()"
        )
        assert kern[2] == "Nederland" and kern[0] <= kern[1] + 0.5, kern
        # A wide table scrolls in its box, but no column is cut into letters: every text cell
        # is at least a short word wide (7em at .85rem is about 95 px).
        smalste = tab.evalueer(
            "Math.min(...Array.from(document.querySelectorAll('.tabel td:not(.getal)'))"
            ".map(td => td.getBoundingClientRect().width))"
        )
        assert smalste >= 90, smalste
        assert tab.geblokkeerd == []
    finally:
        tab.sluit()
