"""Notebook hygiene: output-free in git, kernelspec python3, a papermill 'parameters' cell."""

import json
from pathlib import Path

import pytest

from impactkit.paden import PROJECT_MAP

NOTEBOOKS = sorted((PROJECT_MAP / "notebooks").glob("*.ipynb")) + sorted(
    (PROJECT_MAP / "book").rglob("*.ipynb")
)


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_zonder_uitvoer_en_met_kernel(pad: Path):
    nb = json.loads(pad.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cel in nb["cells"]:
        if cel["cell_type"] == "code":
            assert cel.get("outputs") == [] and cel.get("execution_count") is None, pad.name


def test_stappenplan_heeft_parametercel_met_getypte_waarden():
    nb = json.loads((PROJECT_MAP / "notebooks" / "stappenplan.ipynb").read_text(encoding="utf-8"))
    cellen = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(cellen) == 1
    regels = [r for r in "".join(cellen[0]["source"]).splitlines() if r.strip()]
    for regel in regels:
        naam, _, rest = regel.partition(":")
        assert naam.isidentifier() and " = " in rest and "  # " in rest, regel
