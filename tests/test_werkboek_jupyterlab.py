"""The coordinator's workbook in a real JupyterLab, in headless Chromium.

``impactkit werkboek`` prepares and executes the copy, then starts JupyterLab with the command
:func:`impactkit.eigen_werkboek.jupyterlab_opdracht` builds. This test starts that same command
(without a browser of its own and with a known token) and checks what a coordinator sees:
JupyterLab in Dutch, no news pop-up, the answer on top without running anything, charts shown
(the copy is trusted), the code collapsed; then that running it gives the form, and that choosing
another period in the form updates the page: the heading, the answer and the steps below.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from impactkit import app, eigen_werkboek

pytestmark = [pytest.mark.browser, pytest.mark.traag]

SCHERMAFDRUKKEN = os.environ.get("IMPACTKIT_SCHERMAFDRUKKEN")
"""A folder to save the screenshots in (to look at them, or for the book's figure)."""


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """A workbook for Twente, 2nd half of 2024, open in JupyterLab on a free port."""
    map_ = tmp_path_factory.mktemp("werkboek") / "werkboek-twente"
    uit = eigen_werkboek.maak_werkboek("Twente", "2024H2", map=map_, uitvoeren=True)
    assert uit.uitgevoerd, uit.melding
    poort = app.vrije_poort(8990)
    opdracht = eigen_werkboek.jupyterlab_opdracht(uit.notebook, poort) + [
        "--no-browser",
        "--ServerApp.token=werkboektest",
    ]
    proces = subprocess.Popen(
        opdracht,
        cwd=map_,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # stopped as a whole, kernels included
    )
    adres = f"http://127.0.0.1:{poort}/lab/tree/stappenplan.ipynb?token=werkboektest"
    try:
        tot = time.monotonic() + 120
        while time.monotonic() < tot:
            try:
                with urllib.request.urlopen(adres, timeout=10) as antwoord:
                    if antwoord.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        yield adres, uit
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def _bewaar(tab, naam: str) -> None:
    if SCHERMAFDRUKKEN:
        Path(SCHERMAFDRUKKEN).mkdir(parents=True, exist_ok=True)
        tab.schermafdruk(Path(SCHERMAFDRUKKEN) / naam, hele_pagina=False)


def test_werkboek_opent_in_het_nederlands_met_het_antwoord(jupyterlab, chromium):
    adres, uit = jupyterlab
    tab = chromium.tabblad(breedte=1280, hoogte=900)
    try:
        tab.open(adres)
        assert tab.wacht_tot(
            "document.body.innerText.includes('Antwoord op de hoofdvraag')", 120
        ), "het antwoord staat niet in het geopende werkboek"
        menu = tab.evalueer(
            "Array.from(document.querySelectorAll('.lm-MenuBar-itemLabel'))"
            ".map(e => e.textContent.trim())"
        )
        assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren"} <= set(menu), menu
        time.sleep(3)  # the news question would come a moment after the page
        tekst = tab.evalueer("document.body.innerText")
        assert (
            "Would you like to get notified" not in tekst and "official Jupyter news" not in tekst
        )
        assert "Zo werk je met dit werkboek" in tekst
        assert "Twente, het tweede halfjaar van 2024" in tekst
        assert "Hier staat het keuzeformulier zodra het werkboek draait" in tekst
        # the charts show (a trusted copy: its SVG outputs are rendered, not hidden)
        assert tab.evalueer("document.querySelectorAll('.jp-RenderedSVG').length") >= 2
        # every code cell starts collapsed
        code = tab.evalueer("document.querySelectorAll('.jp-CodeCell').length")
        ingeklapt = tab.evalueer(
            "document.querySelectorAll('.jp-CodeCell .jp-InputPlaceholder').length"
        )
        assert code >= 10 and ingeklapt == code
        # nothing ran: the kernel has not executed a cell (the outputs come from the file)
        assert "import impactkit" not in tekst
        _bewaar(tab, "werkboek-jupyterlab-1280.png")
    finally:
        tab.sluit()


def test_formulier_werkt_de_pagina_bij(jupyterlab, chromium):
    adres, uit = jupyterlab
    tab = chromium.tabblad(breedte=1280, hoogte=900)
    try:
        tab.open(adres)
        assert tab.wacht_tot("window.jupyterapp && window.jupyterapp.shell.currentWidget", 120)
        assert tab.wacht_tot(
            "window.jupyterapp.shell.currentWidget.sessionContext"
            " && window.jupyterapp.shell.currentWidget.sessionContext.session"
            " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel",
            120,
        )
        tab.evalueer("window.jupyterapp.commands.execute('notebook:run-all-cells'); true")
        assert tab.wacht_tot("document.querySelector('.impactkit-keuzepaneel select')", 180), (
            "het formulier verschijnt niet na Run All Cells"
        )
        # wait for the run to finish (the last cell's summary is written again)
        assert tab.wacht_tot(
            "!window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
            ".status.includes('busy')",
            180,
        )
        _bewaar(tab, "werkboek-formulier-1280.png")
        gekozen = tab.evalueer("""(() => {
            const selects = Array.from(document.querySelectorAll('.impactkit-keuzepaneel select'));
            const tekst = o => o.textContent.replace(/\\s+/g, ' ').trim();  // ipywidgets: nbsp
            const s = selects.find(s => Array.from(s.options).some(
                o => tekst(o) === '1e halfjaar 2021'));
            const o = Array.from(s.options).find(o => tekst(o) === '1e halfjaar 2021');
            s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true}));
            return tekst(o); })()""")
        assert gekozen == "1e halfjaar 2021"
        # the heading and the answer above the form
        assert tab.wacht_tot(
            "document.body.innerText.includes('Twente, het eerste halfjaar van 2021')", 120
        )
        # and the steps below it (the key figures' caption names the period); textContent, as
        # JupyterLab does not lay out cells scrolled out of view
        assert tab.wacht_tot(
            "Array.from(document.querySelectorAll('caption')).some(c => c.textContent"
            ".includes('Kerncijfers: Twente en Nederland, 1e halfjaar 2021'))",
            180,
        ), "de stappen onder het formulier zijn niet bijgewerkt"
        tekst = tab.evalueer("document.body.textContent")
        assert "Bijgewerkt: Twente, 1e halfjaar 2021" in tekst
        assert "Kerncijfers: Twente en Nederland, 2e halfjaar 2024" not in tekst
        assert "Twente, het tweede halfjaar van 2024" not in tekst
    finally:
        tab.sluit()
