"""`make` (the book) empties the notebook cache when the data or the kit change: the cache keys on
a page's code only, so without this a rebuild after new figures would show the old ones."""

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from impactkit.paden import PROJECT_MAP

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")


def _droog(map_: Path) -> str:
    uit = subprocess.run(
        ["make", "-n", "book"], cwd=map_, capture_output=True, text=True, check=True
    )
    return uit.stdout


def _later(pad: Path, seconden: float) -> None:
    t = time.time() + seconden
    os.utime(pad, (t, t))


def test_nieuwe_gegevens_legen_de_cache_van_het_boek(tmp_path):
    shutil.copy(PROJECT_MAP / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for naam in (".venv/.geinstalleerd", "data/oefendata/observaties.csv", "impactkit/x.py"):
        (tmp_path / naam).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / naam).write_text("", encoding="utf-8")
    _later(tmp_path / ".venv/.geinstalleerd", 5)  # the environment is up to date

    assert "rm -rf _build/.jupyter_cache" in _droog(tmp_path)  # first build: no stamp yet
    stempel = tmp_path / "_build/.gegevens-stempel"
    stempel.parent.mkdir()
    stempel.write_text("", encoding="utf-8")
    _later(stempel, 10)
    assert "rm -rf" not in _droog(tmp_path)  # nothing changed: the cache stays
    _later(tmp_path / "data/oefendata/observaties.csv", 20)
    assert "rm -rf _build/.jupyter_cache" in _droog(tmp_path)  # new figures: cache emptied
    _later(stempel, 30)
    _later(tmp_path / "impactkit/x.py", 40)
    assert "rm -rf _build/.jupyter_cache" in _droog(tmp_path)  # a changed kit too
