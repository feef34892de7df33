"""Every command printed in the README and the book runs as printed, from a fresh folder.

The commands are read from the documents themselves (```bash blocks and inline code), so a new
command in the docs is tested automatically. Each document gets one fresh, empty folder in which
its commands run in order, with relative paths and the defaults, the way a user types them after
``make`` (the virtual environment's ``bin`` first on ``PATH``). The folder holds what a user has
beside it: the checkout's ``.venv``, ``notebooks/`` and ``bench/`` (for the commands that name
them) and the example files the page tells the user to make.

A command that cannot run here says why in ``NIET_HIER`` (the test fails on a command that is in
neither list); placeholders such as ``"jouw regio"`` get an example value from ``INVULLING``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from impactkit.paden import PROJECT_MAP

DOCUMENTEN = [PROJECT_MAP / "README.md", *sorted((PROJECT_MAP / "book").rglob("*.md"))]
DOCUMENTEN = [d for d in DOCUMENTEN if "_build" not in d.parts]

BEGIN = ("impactkit ", ".venv/bin/impactkit ", "papermill ", "python ", "make")

# Inline mentions of a command's name, not a command to type (the full command is printed elsewhere).
NAAM_VAN_EEN_OPDRACHT = {
    "impactkit batch",
    "impactkit workshop voorbereiden",
    "impactkit data uitleg",
    "impactkit batch --pdf",
}

# Commands that are not run by this test, and why.
NIET_HIER = {
    "make": "bouwt het boek; dat doet de fixture 'boek' met dezelfde opdracht (jupyter-book build)",
    "make test": "is de testsuite zelf (CI draait hem)",
    "make test-snel": "is een deel van de testsuite zelf (die draait hier al)",
    "make bench": "een meting van minuten op een stille machine (bench/), geen test",
    "make clean": "verwijdert de omgeving waarin deze test draait",
    "python bench/bench_batch.py --profiel": "een meting van minuten (bench/), geen test",
}

# Commands the docs print as refused ("... kan niet"): they must stop with a Dutch 'Fout:' that
# says why (exit code not 0, no traceback), and the part of the message that names the reason.
GEWEIGERD = {
    "impactkit werkboek Nederland": "is het hele land, geen Veilig Thuis-regio",
}

# Placeholders in the docs and the example value a user would type there.
INVULLING = {
    '"jouw regio"': '"Twente"',
    '"regio"': '"Twente"',
    "data uitleg TABEL": "data uitleg 84852NED",
}

# Commands that start a server and keep running: started, checked, stopped.
SERVER = re.compile(r"impactkit (app|werkboek)\b")


def _regels_met_vervolg(blok: str) -> list[str]:
    regels, huidig = [], ""
    for regel in blok.splitlines():
        regel = regel.rstrip()
        if regel.endswith("\\"):
            huidig += regel[:-1].strip() + " "
            continue
        regels.append((huidig + regel.strip()).strip())
        huidig = ""
    return regels


def _zonder_commentaar(regel: str) -> str:
    """'make test     # draait ...' -> 'make test' (a '#' inside quotes stays)."""
    try:
        delen = shlex.split(regel, comments=True)
    except ValueError:
        return regel
    if not delen:
        return ""
    # keep the user's quoting: cut the text at the comment, not at the parsed words
    positie = regel.find(" #")
    return regel[:positie].rstrip() if positie >= 0 else regel


def opdrachten(tekst: str) -> list[str]:
    """The shell commands a document prints (```bash blocks and inline code), in reading order."""
    gevonden: list[tuple[int, int, str]] = []
    for m in re.finditer(r"```(?:bash|sh|shell|console)\n(.*?)```", tekst, flags=re.DOTALL):
        for i, regel in enumerate(_regels_met_vervolg(m.group(1))):
            regel = _zonder_commentaar(regel)
            if regel and not regel.startswith("#"):
                gevonden.append((m.start(), i, regel))
    zonder_blokken = re.sub(r"```.*?```", lambda m: " " * len(m.group(0)), tekst, flags=re.DOTALL)
    for m in re.finditer(r"(?<!`)`([^`\n]+)`(?!`)", zonder_blokken):
        inhoud = m.group(1).strip()
        if (inhoud.startswith(BEGIN) or inhoud == "make") and inhoud not in NAAM_VAN_EEN_OPDRACHT:
            if inhoud.startswith("make") and not re.fullmatch(r"make( [a-z-]+)?", inhoud):
                continue
            gevonden.append((m.start(), 0, inhoud))
    return [o for _, _, o in sorted(gevonden)]


def test_opdrachten_worden_gevonden():
    tekst = (
        "Zie `impactkit batch --uit uitvoer` en `impactkit/statistiek.py`.\n\n"
        "```bash\n# alles\nimpactkit batch --uit a \\\n    --regio Twente   # kort\n```\n"
        "En `make test`, maar niet `impactkit batch`.\n"
    )
    assert opdrachten(tekst) == [
        "impactkit batch --uit uitvoer",
        "impactkit batch --uit a --regio Twente",
        "make test",
    ]


ALLE = [(d, o) for d in DOCUMENTEN for o in opdrachten(d.read_text(encoding="utf-8"))]


def test_de_documenten_noemen_opdrachten():
    assert len(ALLE) > 30
    assert any("impactkit batch --uit uitvoer" == o for _, o in ALLE)


def _invullen(opdracht: str) -> str:
    for van, naar in INVULLING.items():
        opdracht = opdracht.replace(van, naar)
    return opdracht


def _verse_map(tmp: Path, document: Path) -> Path:
    """A fresh folder with what a user has beside the commands of this document."""
    map_ = tmp / document.stem
    map_.mkdir()
    for naam in (".venv", "notebooks", "bench"):
        if (PROJECT_MAP / naam).exists():
            (map_ / naam).symlink_to(PROJECT_MAP / naam, target_is_directory=True)
    voorbeelden = PROJECT_MAP / "data" / "voorbeelden"
    # 'mijn_cijfers.csv' in the docs: the example's rows of catalogue indicators; its local
    # (process) indicators need 'mijn_indicatoren.csv', which the docs add with --lokaal
    regels = (voorbeelden / "eigen_cijfers.csv").read_text(encoding="utf-8").splitlines()
    met_lokale = any("--lokaal" in o for o in opdrachten(document.read_text(encoding="utf-8")))
    eigen = regels if met_lokale else [r for r in regels if "lokaal_" not in r]
    (map_ / "mijn_cijfers.csv").write_text("\n".join(eigen) + "\n", encoding="utf-8")
    shutil.copy(voorbeelden / "lokale_indicatoren.csv", map_ / "mijn_indicatoren.csv")
    workshop = (PROJECT_MAP / "book" / "workshop" / "index.md").read_text(encoding="utf-8")
    deelnemers = re.search(r"```text\n(naam;regio.*?)```", workshop, flags=re.DOTALL).group(1)
    (map_ / "deelnemers.csv").write_text(deelnemers, encoding="utf-8")
    if document == PROJECT_MAP / "book" / "stappenplan" / "index.md":
        # the page saves this plan in its own code just above the command
        import impactkit as ik

        plan = ik.Stappenplan.uit_startvraag("eerder_signaleren", "Friesland", "2021H1")
        plan.bewaar(map_ / "friesland_eerder_signaleren.yaml")
    if document == PROJECT_MAP / "book" / "intro.md":
        # the page continues with a plan downloaded from the app (its name as the app gives it)
        import impactkit as ik
        from impactkit.eigen_werkboek import plan_bestandsnaam

        plan = ik.Stappenplan.uit_startvraag("heftig_structureel_geweld", "Drenthe", "2024H2")
        plan.bewaar(map_ / plan_bestandsnaam(plan))
    return map_


def _omgeving(map_: Path) -> dict[str, str]:
    omgeving = dict(os.environ)
    omgeving["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{omgeving.get('PATH', '')}"
    omgeving["BROWSER"] = "true"  # 'open in the browser' does nothing here
    omgeving["HOME"] = str(map_ / ".thuis")  # caches and Jupyter settings stay in the folder
    omgeving.pop("PYTHONPATH", None)
    return omgeving


def _draai_server(opdracht: str, map_: Path, omgeving: dict[str, str]) -> str:
    """Start, wait for the printed address to answer, stop; return what it printed."""
    import threading

    proces = subprocess.Popen(
        ["bash", "-c", opdracht],
        cwd=map_,
        env=omgeving,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    regels: list[str] = []
    lezer = threading.Thread(target=lambda: regels.extend(proces.stdout), daemon=True)
    lezer.start()
    adres, gelukt = None, False
    eind = time.monotonic() + 120
    try:
        while time.monotonic() < eind and proces.poll() is None and not gelukt:
            m = re.search(r"http://(?:127\.0\.0\.1|localhost)[^\s'\"]*", "".join(regels))
            if m:
                adres = m.group(0)
                try:
                    with urllib.request.urlopen(adres, timeout=30) as antwoord:
                        gelukt = antwoord.status == 200
                except OSError:
                    pass
            time.sleep(0.5)
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGINT)
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)
                proces.wait()
        lezer.join(timeout=10)
    uitvoer = "".join(regels)
    assert adres and gelukt, f"{opdracht}: geen werkend adres gezien\n{uitvoer[-3000:]}"
    return uitvoer


def _cbs_omgeving(omgeving: dict[str, str]):
    """'impactkit data ophalen' talks to a local copy of CBS's OData service (no internet):
    every table of tests/fixtures/cbs, served on the loopback address."""
    import json

    fixtures = Path(__file__).parent / "fixtures" / "cbs"
    sys.path.insert(0, str(fixtures))
    from odata_server import ODataServer, uit_fixture

    tabellen = {}
    for data in sorted(fixtures.glob("*_data.json")):
        tabel = data.name.removesuffix("_data.json")
        props = fixtures / f"{tabel}_DataProperties.json"
        tabellen[tabel] = uit_fixture(
            json.loads(data.read_text(encoding="utf-8")),
            json.loads(props.read_text(encoding="utf-8")),
        )
    server = ODataServer(tabellen)
    server.__enter__()
    omgeving["IMPACTKIT_CBS_ADRES"] = f"http://{server.adres}"
    omgeving["IMPACTKIT_CBS_CACHE"] = str(Path(omgeving["HOME"]) / "cbs-cache")
    return server


# ipykernel sometimes logs a traceback of its own when its kernel shuts down after the last
# cell ran ("Uncaught exception in ZMQStream callback"); that is kernel noise, not the command's.
KERNELRUIS = re.compile(
    r"ERROR:tornado\.general:Uncaught exception in ZMQStream callback\n"
    r"Traceback \(most recent call last\):\n(?:[ \t].*\n)*\S.*(?:\n|$)"
)


def test_kernelruis_weg_en_een_echte_traceback_blijft():
    ruis = (
        "ERROR:tornado.general:Uncaught exception in ZMQStream callback\n"
        'Traceback (most recent call last):\n  File "x.py", line 1, in f\n    g()\n'
        "zmq.error.ZMQError: Socket operation on non-socket\n"
    )
    assert "Traceback" not in KERNELRUIS.sub("", "klaar\n" + ruis + "Klaar: 1 gelukt\n")
    echt = 'Traceback (most recent call last):\n  File "y.py"\nValueError: fout\n'
    assert "Traceback" in KERNELRUIS.sub("", echt)


def _draai(opdracht: str, map_: Path, omgeving: dict[str, str], timeout: int = 600):
    """Run one command in ``map_`` as typed: (its output, its exit code)."""
    proces = subprocess.run(
        ["bash", "-c", opdracht],
        cwd=map_,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return proces.stdout + proces.stderr, proces.returncode


@pytest.mark.traag
@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda d: str(d.relative_to(PROJECT_MAP)))
def test_elke_opdracht_werkt_zoals_gedrukt(document, tmp_path):
    lijst = opdrachten(document.read_text(encoding="utf-8"))
    te_draaien = [o for o in lijst if o not in NIET_HIER]
    if not te_draaien:
        pytest.skip("deze pagina noemt geen opdracht om te draaien")
    map_ = _verse_map(tmp_path, document)
    omgeving = _omgeving(map_)
    server = _cbs_omgeving(omgeving) if any("data " in o for o in te_draaien) else None
    try:
        for opdracht in te_draaien:
            getypt = _invullen(opdracht)
            if opdracht in GEWEIGERD:
                uitvoer, rc = _draai(getypt, map_, omgeving, timeout=120)
                assert rc != 0, f"{opdracht!r} werd niet geweigerd:\n{uitvoer[-2000:]}"
                assert "Fout:" in uitvoer and GEWEIGERD[opdracht] in uitvoer, uitvoer[-2000:]
                assert "Traceback" not in uitvoer, uitvoer[-3000:]
                continue
            if getypt.startswith("make"):
                uitvoer, rc = _draai(getypt, PROJECT_MAP, omgeving)
            elif SERVER.search(getypt):
                uitvoer, rc = _draai_server(getypt, map_, omgeving), 0
            else:
                uitvoer, rc = _draai(getypt, map_, omgeving)
            assert rc == 0, f"{opdracht!r} (als {getypt!r}) gaf exitcode {rc}:\n{uitvoer[-3000:]}"
            assert "Traceback" not in KERNELRUIS.sub("", uitvoer), (
                f"{opdracht!r}:\n{uitvoer[-3000:]}"
            )
    finally:
        if server is not None:
            server.__exit__(None, None, None)
