"""The kit as a user gets it from a wheel: no checkout beside it, everything it reads ships inside.

The wheel is built from this checkout and unpacked into a folder that is put first on the
path; the commands then run from an empty folder elsewhere, so nothing can come from the
repository by accident (``impactkit.paden.in_checkout()`` is false there).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from impactkit.paden import PROJECT_MAP


def test_de_pakketlijst_klopt_met_de_mappen():
    """Every code folder is listed in pyproject.toml (the list is explicit for the mappings)."""
    tekst = (PROJECT_MAP / "pyproject.toml").read_text(encoding="utf-8")
    lijst = re.search(r"^packages = \[(.*?)\]", tekst, flags=re.DOTALL | re.MULTILINE).group(1)
    genoemd = set(re.findall(r'"([\w.]+)"', lijst))
    mappen = {
        ".".join(p.parent.relative_to(PROJECT_MAP).parts)
        for p in (PROJECT_MAP / "impactkit").rglob("__init__.py")
    }
    meegeleverd = {"impactkit.gegevens", "impactkit.werkboeken", "impactkit.boekbronnen"}
    assert genoemd == mappen | meegeleverd


@pytest.fixture(scope="module")
def wiel(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("wiel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(PROJECT_MAP), "-w", uit],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (bestand,) = uit.glob("impactkit-*.whl")
    doel = tmp_path_factory.mktemp("geinstalleerd")
    with zipfile.ZipFile(bestand) as z:
        z.extractall(doel)
    return doel


def _draai(args: list[str], cwd: Path, wiel: Path) -> subprocess.CompletedProcess:
    omgeving = dict(os.environ, PYTHONPATH=str(wiel))
    for naam in ("IMPACTKIT_DATA", "IMPACTKIT_NOTEBOOKS", "IMPACTKIT_BOEK"):
        omgeving.pop(naam, None)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=omgeving, capture_output=True, text=True, timeout=600
    )


@pytest.mark.traag
def test_het_wiel_bevat_gegevens_werkboeken_en_boekpaginas(wiel):
    for pad in [
        "impactkit/gegevens/catalogus.csv",
        "impactkit/gegevens/oefendata/observaties.csv",
        "impactkit/gegevens/referentie/vt_regions.geojson",
        "impactkit/werkboeken/stappenplan.ipynb",
        "impactkit/werkboeken/app.ipynb",
        "impactkit/boekbronnen/workshop/oefeningen.md",
        "impactkit/sjablonen/rapport.css",
        "impactkit/py.typed",
    ]:
        assert (wiel / pad).is_file(), pad


@pytest.mark.traag
def test_geinstalleerde_kit_leest_uit_het_pakket(wiel, tmp_path):
    proces = _draai(
        [
            "-c",
            "import impactkit as ik, impactkit.paden as p;"
            "print(ik.__file__); print(p.in_checkout()); print(p.notebook_pad('stappenplan.ipynb'));"
            "print(round(ik.waarde('acuut_structureel_onveilig', 'Zaanstreek-Waterland', '2021H1'), 1))",
        ],
        tmp_path,
        wiel,
    )
    assert proces.returncode == 0, proces.stderr
    bestand, checkout, notebook, waarde = proces.stdout.split()
    assert Path(bestand).is_relative_to(wiel) and checkout == "False"
    assert Path(notebook).is_relative_to(wiel) and Path(notebook).is_file()
    assert waarde == "55.6"


@pytest.mark.traag
def test_geinstalleerde_kit_draait_de_batch_en_de_workshop(wiel, tmp_path):
    batch = _draai(
        [
            "-m",
            "impactkit.cli",
            "batch",
            "--uit",
            "uitvoer",
            "--regio",
            "Twente",
            "--periode",
            "2021H1",
        ],
        tmp_path,
        wiel,
    )
    assert batch.returncode == 0, batch.stdout + batch.stderr
    assert (tmp_path / "uitvoer" / "twente" / "rapport.html").is_file()
    (tmp_path / "deelnemers.csv").write_text("naam;regio\nAnna;Friesland\n", encoding="utf-8")
    workshop = _draai(
        [
            "-m",
            "impactkit.cli",
            "workshop",
            "voorbereiden",
            "deelnemers.csv",
            "--periode",
            "2021H1",
            "--uit",
            "workshop",
        ],
        tmp_path,
        wiel,
    )
    assert workshop.returncode == 0, workshop.stdout + workshop.stderr
    assert (tmp_path / "workshop" / "dias.html").is_file()
