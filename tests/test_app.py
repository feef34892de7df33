"""The app without code: the page's logic through ipywidgets, and the real thing in Chromium.

The browser test starts ``impactkit app`` on a free localhost port (as a user would), loads the
page in headless Chromium (tests/browser.py: requests to other hosts are blocked and recorded),
chooses another region and checks that the page shows that region's answer.
"""

import base64
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from impactkit import app
from impactkit.cli import main


def test_zonder_regio_wacht_de_app_op_een_keuze():
    a = app.maak_app()
    assert a.regio.value == "" and "Kies je regio" in a.status.value
    assert a.resultaat.value == "" and a.uitkomst is None
    assert a.periode.value == "2024H2"  # the latest half year comes first
    assert [c for _, c in a.regio.options][:2] == ["", "VT01"]  # no Nederland
    assert len(a.regio.options) == 26  # 25 regions in 2024 (VT27 replaces VT16 and VT26)
    assert ("Midden-Brabant", "VT15") in a.regio.options  # the name valid in the period


def test_regio_kiezen_geeft_antwoord_grafieken_en_download():
    a = app.maak_app()
    a.regio.value = "VT19"
    assert "<h2>Twente, het tweede halfjaar van 2024</h2>" in a.resultaat.value
    assert "Antwoord op de hoofdvraag" in a.resultaat.value
    assert "2,7 tegen 1,8 per 10.000 inwoners" in a.resultaat.value
    assert "Vragen voor het gesprek met partners" in a.resultaat.value
    # The overview and the chart of Twente's one notable finding (more child protection orders
    # than Nederland: a funnel), as static SVG with alt text, caption and figures as a table.
    assert a.grafieken.value.count('<figure class="grafiek') == 2
    assert (
        len(
            re.findall(
                r'<img class="statisch" src="data:image/svg\+xml;base64,[^"]+" alt="[^"]{20,}"',
                a.grafieken.value,
            )
        )
        == 2
    )
    assert a.grafieken.value.count("<figcaption>") == 2 and "<details>" in a.grafieken.value
    onderschriften = re.findall(r"<figcaption><strong>([^<]+)</strong>", a.grafieken.value)
    assert onderschriften == [
        "Twente: 1 indicator opvallend hoger dan Nederland",
        "Ondertoezichtstellingen per 10.000 inwoners",
    ]
    assert "Trechterdiagram, 2e halfjaar 2024" in a.grafieken.value
    link = re.search(
        r'download="([^"]+)" href="data:text/yaml;charset=utf-8;base64,([^"]+)"', a.download.value
    )
    assert link.group(1) == "stappenplan-twente-2e-halfjaar-2024.yaml"
    assert (
        "Ga er later mee verder in je werkboek: zet het bestand in je werkmap en typ daar "
        "<code>impactkit werkboek --plan stappenplan-twente-2e-halfjaar-2024.yaml</code>"
    ) in a.download.value
    plan = yaml.safe_load(base64.b64decode(link.group(2)).decode("utf-8"))
    assert (plan["regio_code"], plan["periode"]) == ("VT19", "2024H2")
    assert plan["antwoord"].startswith("Dit zijn oefendata")


@pytest.mark.parametrize(
    ("code", "periode", "naam"),
    [
        ("VT02", "2024H2", "stappenplan-drenthe-2e-halfjaar-2024.yaml"),
        # The name valid in the period: Noord-Brabant Midden became Midden-Brabant in 2023.
        ("VT15", "2021H1", "stappenplan-noord-brabant-midden-1e-halfjaar-2021.yaml"),
        ("VT15", "2024H2", "stappenplan-midden-brabant-2e-halfjaar-2024.yaml"),
        ("VT13", "2023H1", "stappenplan-noord-en-midden-limburg-1e-halfjaar-2023.yaml"),
    ],
)
def test_plan_heet_naar_regio_en_periode_in_woorden(code, periode, naam):
    from impactkit.eigen_werkboek import plan_bestandsnaam
    from impactkit.stappenplan import Stappenplan

    assert plan_bestandsnaam(Stappenplan.nieuw(code, periode)) == naam


def _tekst(fragment: str) -> str:
    """HTML as the reader sees it: without tags, entities read."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _verwezen_deelvragen(antwoord: str) -> list[tuple[int, str]]:
    """(number, quoted question) of every deelvraag the answer names; the question may be ''."""
    verwijzingen = [
        (int(n), vraag) for vraag, n in re.findall(r"‘([^’]+)’ \(deelvraag (\d+)\)", antwoord)
    ]
    genoemd = {n for n, _ in verwijzingen}
    verwijzingen += [
        (int(n), "") for n in re.findall(r"deelvraag (\d+)", antwoord) if int(n) not in genoemd
    ]
    return verwijzingen


def _antwoord_en_deelvragen(resultaat: str) -> tuple[str, dict[int, str]]:
    """The answer's text and the page's numbered deelvragen {number: heading text}."""
    antwoord = resultaat.split("</blockquote>", 1)[1].split("<h3>Per deelvraag</h3>", 1)[0]
    koppen = {
        int(n): _tekst(kop)
        for n, kop in re.findall(
            r'<section class="deelvraag" id="deelvraag-(\d+)">\s*<h4>(.*?)</h4>', resultaat, re.S
        )
    }
    return _tekst(antwoord), koppen


@pytest.mark.parametrize(
    ("regio_naam", "startvraag", "genoemd"),
    [
        ("Zaanstreek-Waterland", "hermeldingen_nazorg", [1, 2]),
        ("Rotterdam-Rijnmond", "eerder_signaleren", [1]),
    ],
)
def test_elke_deelvraag_uit_het_antwoord_staat_genummerd_op_de_pagina(
    regio_naam, startvraag, genoemd
):
    a = app.maak_app(regio_naam, startvraag=startvraag)
    antwoord, koppen = _antwoord_en_deelvragen(a.resultaat.value)
    tabel = a.uitkomst.deelvragen
    # Every deelvraag of the synthesis, numbered in its order, with its strength and short answer.
    assert koppen == {
        int(r.nummer): f"Deelvraag {r.nummer}. {r.deelvraag}" for r in tabel.itertuples()
    }
    for r in tabel.itertuples():
        sectie = a.resultaat.value.split(f'id="deelvraag-{r.nummer}">', 1)[1].split("</section>")[0]
        assert f"Bewijs: {r.sterkte}." in _tekst(sectie)
        assert f"Wat de cijfers laten zien: {r.toont}" in _tekst(sectie)
    verwijzingen = _verwezen_deelvragen(antwoord)
    assert sorted(n for n, _ in verwijzingen) == genoemd
    for nummer, vraag in verwijzingen:
        assert koppen[nummer] == f"Deelvraag {nummer}. {vraag}"
        assert f'<a href="#deelvraag-{nummer}">' in a.resultaat.value
    # The deelvragen the answer names are the ones without a clear answer.
    assert {n for n, _ in verwijzingen} == set(
        tabel.loc[tabel["sterkte"] == "geen uitsluitsel", "nummer"]
    )


def test_antwoord_zonder_namen_telt_de_deelvragen_die_op_de_pagina_staan():
    a = app.maak_app("Twente", startvraag="zorg_en_veiligheid")
    antwoord, koppen = _antwoord_en_deelvragen(a.resultaat.value)
    assert "Over de andere drie deelvragen geven de cijfers geen uitsluitsel." in antwoord
    assert _verwezen_deelvragen(antwoord) == []
    assert len(koppen) == 4
    assert a.resultaat.value.count('Bewijs: <span class="sterkte">geen uitsluitsel</span>') == 3


def test_grafieken_houden_hun_tekst_leesbaar_op_een_telefoon():
    """The funnel gets a version drawn for a phone (280 px, text at its size); the profile keeps
    its size and scrolls in its own frame, with a line that says so."""
    a = app.maak_app("Twente")
    figuren = re.findall(r"<figure.*?</figure>", a.grafieken.value, re.S)
    profiel, trechter = figuren
    assert profiel.startswith('<figure class="grafiek schuifbaar"') and "<source" not in profiel
    assert "schuif hem opzij om alles te zien" in profiel
    bron = re.search(
        r'<source media="\(max-width: (\d+)px\)" srcset="data:[^,]+,([^"]+)">', trechter
    )
    breed = re.search(r'<img class="statisch" src="data:[^,]+,([^"]+)"', trechter)
    smal_svg = base64.b64decode(bron.group(2)).decode("utf-8")
    breed_svg = base64.b64decode(breed.group(1)).decode("utf-8")

    def breedte(svg):
        return float(re.search(r'<svg[^>]*?\swidth="([\d.]+)"', svg).group(1))

    assert breedte(smal_svg) == 280 and breedte(breed_svg) > 500  # fits a 320 px screen
    assert int(bron.group(1)) == int(breedte(breed_svg)) + 80
    lettergroottes = [float(f) for f in re.findall(r'<text[^>]*?font-size="([\d.]+)', smal_svg)]
    assert lettergroottes and min(lettergroottes) >= 11
    # The legends and axis titles are all still there (the narrow axis has fewer ticks).
    for tekst in ("Twente", "Andere regio's", "95%-grens", "99,8%-grens", "Aantal inwoners"):
        assert f">{tekst}</text>" in smal_svg and f">{tekst}</text>" in breed_svg, tekst
    # Both in a frame that scrolls sideways on its own and can be reached with the keyboard.
    for figuur in figuren:
        assert re.search(
            r'<div class="kader" role="region" tabindex="0" aria-label="Grafiek: ', figuur
        )


def test_periode_en_vraag_kiezen():
    a = app.maak_app("Zaanstreek-Waterland", "2021H1")
    assert "Zaanstreek-Waterland, het eerste halfjaar van 2021" in a.resultaat.value
    a.startvraag.value = "zorg_en_veiligheid"
    assert "Werken zorg en veiligheid in onze regio beter samen?" in a.resultaat.value
    assert a.wb.plan.startvraag == "zorg_en_veiligheid"
    a.regio.value = ""
    assert a.resultaat.value == "" and "Kies je regio" in a.status.value


def test_regio_die_in_de_periode_niet_bestaat():
    a = app.maak_app("VT16", "2021H1")  # Brabant Noordoost, merged into Oost-Brabant in 2023
    assert "Brabant Noordoost, het eerste halfjaar van 2021" in a.resultaat.value
    a.periode.value = "2024H2"
    assert a.regio.value == "" and a.resultaat.value == ""
    assert "Brabant Noordoost heeft over deze periode geen eigen cijfers" in a.status.value
    a.regio.value = "VT27"
    assert "Oost-Brabant, het tweede halfjaar van 2024" in a.resultaat.value


def test_voila_opdracht_alleen_localhost_en_kernels_opruimen():
    opdracht = app.app_opdracht(8899, opruimen_na=600)
    assert "--Voila.ip=127.0.0.1" in opdracht and "--port=8899" in opdracht
    assert "--MappingKernelManager.cull_idle_timeout=600" in opdracht
    assert "--template=impactkit" in opdracht and "--no-browser" in opdracht
    assert "--VoilaExporter.language_code=nl" in opdracht
    assert app.APP_NOTEBOOK.exists()


def test_sjabloon_laadt_niets_van_buiten():
    sjabloon = app.SJABLONEN / "voila" / "templates" / "impactkit" / "index.html.j2"
    assert "http" not in sjabloon.read_text(encoding="utf-8")
    assert str(app.SJABLONEN) in app.app_omgeving()["JUPYTER_PATH"]


def test_vrije_poort_slaat_bezette_over():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        bezet = s.getsockname()[1]
        assert app.vrije_poort(bezet, 5) != bezet


def test_app_notebook_zonder_uitvoer_met_parametercel():
    import nbformat

    nb = nbformat.read(app.APP_NOTEBOOK, as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert "parameters" in nb.cells[1].metadata.get("tags", [])


@pytest.fixture
def draaiende_app():
    """``impactkit app`` on a free port, started as a user would; stopped afterwards.

    Stopped as a terminal or a service manager does (SIGTERM to ``impactkit app`` only): the
    app must then stop Voila, so nothing keeps serving on the port.
    """
    import os
    import signal
    import socket

    poort = app.vrije_poort(8930)
    proces = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from impactkit.cli import main; sys.exit(main())",
            "app",
            "--poort",
            str(poort),
            "--niet-openen",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: whatever is left is stopped below
    )
    try:
        regel = proces.stdout.readline()
        yield proces, regel, poort
        proces.terminate()
        proces.wait(timeout=30)
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", poort)) != 0, "Voila draait nog na SIGTERM"
    finally:
        if proces.poll() is None:
            proces.terminate()
            proces.wait(timeout=30)
        try:
            # Only impactkit app itself if it was left: Voila runs in a session of its own and
            # stops itself (and its kernels) when impactkit app is gone.
            os.killpg(proces.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# Every text the page shows while it starts, read just before the browser paints it.
LAADTEKSTEN = """(() => { window.impactkitTeksten = []; let nieuw = [], gepland = false;
  function zichtbaar(n) {
    const ouder = n.parentElement;
    return ouder && !['SCRIPT', 'STYLE'].includes(ouder.nodeName) && ouder.checkVisibility()
      && n.data.trim();
  }
  function lees() {
    gepland = false;
    for (const n of nieuw) {
      if (!n.isConnected) continue;
      const teksten = n.nodeType === 3 ? [n] : [];
      if (n.nodeType === 1) {
        const w = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
        while (w.nextNode()) teksten.push(w.currentNode);
      }
      for (const t of teksten.filter(zichtbaar)) window.impactkitTeksten.push(t.data.trim());
    }
    nieuw = [];
  }
  new MutationObserver(ms => {
    for (const m of ms) {
      nieuw.push(...m.addedNodes);
      if (m.type !== 'childList') nieuw.push(m.target);  // text changed, or shown
    }
    if (!gepland) { gepland = true; requestAnimationFrame(lees); }
  }).observe(document, {childList: true, subtree: true, characterData: true,
                        attributes: true, attributeFilter: ['style', 'class']});
})();"""

# Per chart on the page: its smallest text on screen in px (font size in the SVG times the
# scale at which the picture is shown) and whether its frame stays within the screen.
GRAFIEKTEKST = """(async () => {
  const uit = [], imgs = document.querySelectorAll('.impactkit-app figure.grafiek img.statisch');
  // After a change of width <picture> may load another version: wait until it is shown.
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await Promise.all(Array.from(imgs, img => img.decode().catch(() => null)));
  for (const img of imgs) {
    const svg = new DOMParser().parseFromString(
      await (await fetch(img.currentSrc)).text(), 'image/svg+xml').documentElement;
    const groottes = Array.from(svg.querySelectorAll('text'))
      .map(t => parseFloat(t.getAttribute('font-size')));
    const schaal = img.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
    const kader = img.closest('.kader'), rand = kader.getBoundingClientRect();
    uit.push({kleinste: Math.min(...groottes) * schaal, teksten: groottes.length,
              onbekend: groottes.filter(isNaN).length, smal: img.currentSrc !== img.src,
              kader_binnen: rand.left >= 0 && rand.right <= innerWidth,
              past: kader.scrollWidth <= kader.clientWidth});
  }
  return uit;
})()"""

# Where the page runs past the screen: the document, Voila's scrolling cells, each control.
# And whether the chosen question stands in full, visible, within the screen (not in a list).
MAAT = """((vraag) => {
  const cellen = document.getElementById('rendered_cells');
  const buiten = Array.from(document.querySelectorAll(
      '.impactkit-app select, .impactkit-app .widget-label, .impactkit-app a'))
    .filter(e => e.getClientRects().length)
    .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
    .filter(([_, r]) => r.left < 8 || r.right > innerWidth - 8)  // not against the edge
    .map(([t]) => t);
  const teksten = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let vraag_te_zien = false;
  while (teksten.nextNode()) {
    const n = teksten.currentNode;
    if (!n.data.includes(vraag) || n.parentElement.closest('select')) continue;
    if (!n.parentElement.checkVisibility()) continue;
    const bereik = document.createRange(); bereik.selectNodeContents(n);
    const r = bereik.getBoundingClientRect();
    if (r.width > 0 && r.left >= 0 && r.right <= innerWidth) vraag_te_zien = true;
  }
  return {document: document.documentElement.scrollWidth, breed: innerWidth,
          cellen: cellen.scrollWidth - cellen.clientWidth, buiten, vraag_te_zien};
})"""


def _kies(tab, nummer: int, tekst: str) -> str:
    """Choose the option with this text in the app's n-th list, as a user does."""
    optie = (
        f"Array.from(document.querySelectorAll('.impactkit-app select')[{nummer}]?.options ?? [])"
        # ipywidgets writes the spaces of an option as no-break spaces
        f".find(o => o.textContent.replaceAll('\\u00a0', ' ').trim() === {json.dumps(tekst)})"
    )
    assert tab.wacht_tot(optie, 30), f"geen keuze '{tekst}' in lijst {nummer}"
    return tab.evalueer(f"""(() => {{
        const o = {optie}, s = o.parentElement;
        s.value = o.value; s.dispatchEvent(new Event('change', {{bubbles: true}}));
        return o.textContent.replaceAll('\\u00a0', ' ').trim(); }})()""")


@pytest.mark.browser
@pytest.mark.traag
def test_app_in_chromium_op_scherm_en_telefoon(draaiende_app, chromium, tmp_path):
    """The app as a coordinator uses it: loading in Dutch, a question and a region chosen, the
    deelvragen the answer names on the page, at 1280, 390 and 320 px without sideways scrolling,
    charts whose text stays readable, and the plan to download."""
    from browser import beschrijf

    proces, regel, poort = draaiende_app
    adres = f"http://127.0.0.1:{poort}/"
    assert regel.strip() == f"De app draait op {adres}"
    tab = chromium.tabblad(breedte=390, hoogte=900)
    try:
        tab.stuur("Page.addScriptToEvaluateOnNewDocument", {"source": LAADTEKSTEN})
        tab.open(adres)
        assert tab.evalueer("document.documentElement.lang") == "nl"
        assert tab.evalueer("document.title") == "Stappenplan-app: je regio in cijfers"
        assert tab.wacht_tot("document.querySelectorAll('select').length >= 3", 120)
        # While it starts, the page speaks Dutch (Voila's own texts are English).
        laadteksten = tab.evalueer("window.impactkitTeksten")
        assert "De app wordt geladen…" in laadteksten
        engels = re.compile(r"Loading|Running|Executing|Reading \d|widget", re.I)
        assert [t for t in laadteksten if engels.search(t)] == []
        assert not engels.search(tab.evalueer("document.body.innerText"))

        vraag = "Blijft de veiligheid in gezinnen na afsluiting bij Veilig Thuis bestaan?"
        assert _kies(tab, 2, vraag) == vraag
        # Before any answer, on the phone the list cuts the question off: it stands below it.
        assert tab.wacht_tot(f"{MAAT}({json.dumps(vraag)}).vraag_te_zien", 30)
        assert _kies(tab, 0, "Zaanstreek-Waterland") == "Zaanstreek-Waterland"
        assert tab.wacht_tot(
            "document.body.innerText.includes('Zaanstreek-Waterland, het tweede halfjaar van "
            "2024') && document.querySelectorAll('figure.grafiek img[alt]').length == 3",
            120,
        )
        tekst = tab.evalueer("document.body.innerText")
        assert "Antwoord op de hoofdvraag" in tekst and "Vragen voor het gesprek" in tekst
        assert "import impactkit" not in tekst

        # Every deelvraag the answer names is on the page under its number, with its question.
        antwoord = tab.evalueer(
            "document.querySelector('.impactkit-resultaat blockquote').nextElementSibling.innerText"
        )
        verwijzingen = _verwezen_deelvragen(antwoord)
        assert [n for n, _ in verwijzingen] == [1, 2]
        for nummer, gevraagd in verwijzingen:
            kop = tab.evalueer(f"document.querySelector('#deelvraag-{nummer} h4').innerText")
            assert kop == f"Deelvraag {nummer}. {gevraagd}"

        # The plan, named for the region and the period, and how to continue with it.
        download = tab.evalueer("document.querySelector('a.impactkit-download').download")
        assert download == "stappenplan-zaanstreek-waterland-2e-halfjaar-2024.yaml"
        assert f"impactkit werkboek --plan {download}" in tekst

        metingen = {}
        for breedte in (1280, 390, 320):
            tab.zet_breedte(breedte, 900)
            # Voila's panels take the new width on the next frames
            assert tab.wacht_tot(
                f"innerWidth === {breedte} && document.querySelector('.impactkit-app')"
                f".getBoundingClientRect().right <= {breedte}",
                10,
            )
            time.sleep(0.3)
            maat = tab.evalueer(f"{MAAT}({json.dumps(vraag)})")
            assert maat["document"] <= maat["breed"] and maat["cellen"] <= 0, (breedte, maat)
            assert maat["buiten"] == [], (breedte, maat)
            assert maat["vraag_te_zien"], breedte
            grafieken = tab.evalueer(GRAFIEKTEKST)
            assert len(grafieken) == 3 and all(
                g["teksten"] and not g["onbekend"] for g in grafieken
            )
            assert all(g["kader_binnen"] for g in grafieken), (breedte, grafieken)
            metingen[breedte] = grafieken
            tab.schermafdruk(tmp_path / f"app-{breedte}.png", hele_pagina=False)
        # On a phone no chart text under 10 px: the funnel and the time series are drawn for the
        # phone and fit, the profile keeps its size and scrolls in its frame.
        for breedte in (390, 320):
            assert min(g["kleinste"] for g in metingen[breedte]) >= 10, metingen[breedte]
            assert [g["smal"] for g in metingen[breedte]] == [False, True, True], breedte
            assert [g["past"] for g in metingen[breedte]] == [False, True, True], breedte
        assert [g["smal"] for g in metingen[1280]] == [False, False, False]
        assert all(g["past"] for g in metingen[1280])
        overtredingen = tab.axe()  # WCAG 2.1 AA on the phone: frames, links, folded details
        assert overtredingen == [], beschrijf(overtredingen)
        assert tab.geblokkeerd == []  # nothing requested from another host: works offline
    finally:
        tab.sluit()


def test_cli_app_zonder_notebook_geeft_nederlandse_fout(monkeypatch, capsys):
    monkeypatch.setattr(app, "APP_NOTEBOOK", Path("/bestaat/niet/app.ipynb"))
    assert main(["app", "--niet-openen"]) == 2
    assert "Het app-notebook ontbreekt" in capsys.readouterr().err


@pytest.mark.browser
@pytest.mark.traag
def test_app_zegt_het_als_de_server_weg_is(chromium):
    """Stop the server under an open page: choosing another region shows a Dutch alert instead
    of silently keeping the old answer."""
    import os
    import signal

    poort = app.vrije_poort(8960)
    proces = subprocess.Popen(
        [sys.executable, "-c", "import sys; from impactkit.cli import main; sys.exit(main())"]
        + ["app", "--poort", str(poort), "--niet-openen"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group (Voila has one of its own)
    )
    tab = chromium.tabblad(breedte=390, hoogte=900)
    try:
        assert proces.stdout.readline().startswith("De app draait op")
        tab.open(f"http://127.0.0.1:{poort}/")
        assert tab.wacht_tot("document.querySelectorAll('select').length >= 3", 120)
        assert not tab.evalueer("!!document.querySelector('.impactkit-verbinding-weg')")
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
        tab.evalueer("""(() => {
            const s = Array.from(document.querySelectorAll('.impactkit-app select'))[0];
            s.value = s.options[s.options.length - 1].value;
            s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()""")
        assert tab.wacht_tot("document.querySelector('.impactkit-verbinding-weg')", 15)
        melding = tab.evalueer("document.querySelector('[role=alert]').textContent")
        assert "De verbinding met de app is verbroken" in melding and "impactkit app" in melding
    finally:
        tab.sluit()
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
