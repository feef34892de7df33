"""The app without code: the page's logic through ipywidgets, and the real thing in Chromium.

The browser test starts ``impactkit app`` on a free localhost port (as a user would), loads the
page in headless Chromium (tests/browser.py: requests to other hosts are blocked and recorded),
chooses another region and checks that the page shows that region's answer.
"""

import base64
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
    assert a.grafieken.value.count('<figure class="grafiek"') == 2
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
    assert link.group(1) == "stappenplan_VT19_2024H2.yaml"
    plan = yaml.safe_load(base64.b64decode(link.group(2)).decode("utf-8"))
    assert (plan["regio_code"], plan["periode"]) == ("VT19", "2024H2")
    assert plan["antwoord"].startswith("Dit zijn oefendata")


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
    """``impactkit app`` on a free port, started as a user would; stopped afterwards."""
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
    )
    try:
        regel = proces.stdout.readline()
        yield proces, regel, poort
    finally:
        proces.terminate()
        proces.wait(timeout=30)


@pytest.mark.browser
@pytest.mark.traag
def test_app_in_chromium_andere_regio_kiezen(draaiende_app, chromium):
    proces, regel, poort = draaiende_app
    adres = f"http://127.0.0.1:{poort}/"
    assert regel.strip() == f"De app draait op {adres}"
    tab = chromium.tabblad(breedte=1280, hoogte=1000)
    try:
        tab.open(adres)
        assert tab.evalueer("document.documentElement.lang") == "nl"
        assert tab.evalueer("document.title") == "Stappenplan-app: je regio in cijfers"
        assert _wacht(tab, "document.querySelectorAll('select').length >= 3", 120)
        gekozen = tab.evalueer("""(() => {
            const s = Array.from(document.querySelectorAll('.impactkit-app select'))[0];
            const o = Array.from(s.options).find(o => o.textContent.trim() === 'Utrecht');
            s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true}));
            return o.textContent.trim(); })()""")
        assert gekozen == "Utrecht"
        assert _wacht(
            tab, "document.body.innerText.includes('Utrecht, het tweede halfjaar van 2024')", 120
        )
        tekst = tab.evalueer("document.body.innerText")
        assert "Antwoord op de hoofdvraag" in tekst and "Vragen voor het gesprek" in tekst
        # The overview and, with nothing notable in Utrecht, one time series.
        assert _wacht(tab, "document.querySelectorAll('figure.grafiek img[alt]').length == 2", 120)
        download = tab.evalueer("document.querySelector('a.impactkit-download').download")
        assert download == "stappenplan_VT20_2024H2.yaml"
        assert tab.evalueer("document.body.innerText.includes('import impactkit')") is False
        assert tab.geblokkeerd == []  # nothing requested from another host: works offline
    finally:
        tab.sluit()


def _wacht(tab, voorwaarde: str, seconden: float) -> bool:
    tot = time.monotonic() + seconden
    while time.monotonic() < tot:
        if tab.evalueer(f"!!({voorwaarde})"):
            return True
        time.sleep(0.25)
    return False


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
        start_new_session=True,  # its own process group: stopped as a whole below
    )
    tab = chromium.tabblad(breedte=390, hoogte=900)
    try:
        assert proces.stdout.readline().startswith("De app draait op")
        tab.open(f"http://127.0.0.1:{poort}/")
        assert _wacht(tab, "document.querySelectorAll('select').length >= 3", 120)
        assert not tab.evalueer("!!document.querySelector('.impactkit-verbinding-weg')")
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
        tab.evalueer("""(() => {
            const s = Array.from(document.querySelectorAll('.impactkit-app select'))[0];
            s.value = s.options[s.options.length - 1].value;
            s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()""")
        assert _wacht(tab, "document.querySelector('.impactkit-verbinding-weg')", 15)
        melding = tab.evalueer("document.querySelector('[role=alert]').textContent")
        assert "De verbinding met de app is verbroken" in melding and "impactkit app" in melding
    finally:
        tab.sluit()
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
