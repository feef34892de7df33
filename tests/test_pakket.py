"""The package's shape: no import cycles, one front door, no name that is both a module and a function."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import impactkit as ik

PAKKET = Path(ik.__file__).parent


def _modulenaam(pad: Path) -> str:
    delen = pad.relative_to(PAKKET.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _doel(module: str, is_pakket: bool, node: ast.ImportFrom) -> list[str]:
    """The package modules an import statement (module level or inside a function) loads."""
    if node.level == 0:
        if not (node.module or "").startswith("impactkit"):
            return []
        basis = node.module
    else:
        delen = module.split(".")
        if not is_pakket:
            delen = delen[:-1]
        delen = delen[: len(delen) - (node.level - 1)]
        basis = ".".join([*delen, *([node.module] if node.module else [])])
    doelen = []
    for alias in node.names:
        kandidaat = f"{basis}.{alias.name}"
        doelen.append(kandidaat if kandidaat in MODULES else basis)
    return doelen


MODULES = {_modulenaam(p) for p in PAKKET.rglob("*.py")}


def importgraaf() -> dict[str, set[str]]:
    graaf: dict[str, set[str]] = {}
    for pad in PAKKET.rglob("*.py"):
        naam = _modulenaam(pad)
        randen: set[str] = set()
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                randen.update(_doel(naam, pad.name == "__init__.py", node))
            elif isinstance(node, ast.Import):
                randen.update(a.name for a in node.names if a.name.startswith("impactkit"))
        graaf[naam] = {r for r in randen if r in MODULES and r != naam}
    return graaf


def cycli(graaf: dict[str, set[str]]) -> list[list[str]]:
    """All cycles found by depth-first search (each reported once, from its smallest member)."""
    gevonden: set[tuple[str, ...]] = set()

    def zoek(pad: list[str]) -> None:
        for volgende in sorted(graaf.get(pad[-1], ())):
            if volgende == pad[0]:
                gevonden.add(tuple(pad))
            elif volgende not in pad and volgende > pad[0]:
                zoek([*pad, volgende])

    for start in sorted(graaf):
        zoek([start])
    return [list(c) for c in sorted(gevonden)]


def test_de_cyclusdetectie_vindt_een_cyclus():
    assert cycli({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycli({"a": {"b"}, "b": set()}) == []


def test_importgraaf_ziet_relatieve_en_uitgestelde_imports():
    graaf = importgraaf()
    assert "impactkit.observaties" in graaf["impactkit.laden"]
    assert "impactkit.bronnen.oefendata" in graaf["impactkit.laden"]
    assert "impactkit.regioindeling" in graaf["impactkit.bronnen.oefendata"]


def test_geen_importcycli_in_het_pakket():
    assert cycli(importgraaf()) == []


def test_gegevensbronnen_wonen_in_hun_eigen_subpakket():
    bronnen = {m.name for m in pkgutil.iter_modules([str(PAKKET / "bronnen")])}
    assert {
        "oefendata",
        "cbs_odata",
        "statline_csv",
        "eigen_bestand",
        "lokaal",
        "cbs_koppeling",
    } <= bronnen
    # Every source builds the one tidy table from the model module, not from the front door.
    graaf = importgraaf()
    for bron in bronnen:
        assert "impactkit.laden" not in graaf[f"impactkit.bronnen.{bron}"], bron


@pytest.mark.parametrize("naam", ik.__all__)
def test_elke_publieke_naam_bestaat(naam):
    assert getattr(ik, naam) is not None


def test_geen_module_en_functie_met_dezelfde_naam():
    # Walk the subpackages too (the prefix lets walk_packages import and enter them), and check
    # the public names of every package, not only the front door: ``ik.grafieken.kaart`` must
    # not be a function in one place and a module in another.
    gevonden = list(pkgutil.walk_packages(ik.__path__, prefix="impactkit."))
    modules = {m.name.rsplit(".", 1)[-1] for m in gevonden}
    pakketten = [ik, *(importlib.import_module(m.name) for m in gevonden if m.ispkg)]
    assert any(m.name.count(".") == 2 for m in gevonden)  # it did look inside subpackages
    botsingen = []
    for pakket in pakketten:
        namen = getattr(pakket, "__all__", [n for n in dir(pakket) if not n.startswith("_")])
        for naam in namen:
            waarde = getattr(pakket, naam)
            if naam in modules and not isinstance(waarde, type(ik)):
                botsingen.append(f"{pakket.__name__}.{naam}")
    assert botsingen == []


def test_een_import_volstaat_voor_de_stappen():
    # What a coordinator calls in the notebook, with one import.
    assert ik.vergelijk is importlib.import_module("impactkit.vergelijken").vergelijk
    assert ik.analyseer is importlib.import_module("impactkit.bevindingen").analyseer
    assert ik.Stappenplan is importlib.import_module("impactkit.stappenplan").Stappenplan
    assert ik.bewaar is ik.grafieken.bewaar
    assert callable(ik.grafieken.trechter)


MAX_REGELS_MODULE = 700
MAX_REGELS_FUNCTIE = 100


def test_modules_blijven_klein():
    groot = {
        _modulenaam(p): n
        for p in PAKKET.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_REGELS_MODULE
    }
    assert groot == {}


def lange_functies(bron: str, grens: int = MAX_REGELS_FUNCTIE) -> list[tuple[str, int]]:
    """Functions (also nested and methods) longer than ``grens`` lines, with their length."""
    lang = []
    for node in ast.walk(ast.parse(bron)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            n = node.end_lineno - node.lineno + 1
            if n > grens:
                lang.append((node.name, n))
    return lang


def test_de_functielengte_wordt_gemeten():
    bron = "def kort():\n    pass\n\n\ndef lang():\n" + "    x = 1\n" * 120
    assert lange_functies(bron) == [("lang", 121)]


def test_functies_blijven_kort():
    lang = {
        f"{_modulenaam(p)}.{naam}": n
        for p in PAKKET.rglob("*.py")
        for naam, n in lange_functies(p.read_text(encoding="utf-8"))
    }
    assert lang == {}


def prive_imports(module: str, is_pakket: bool, bron: str) -> list[str]:
    """Underscore names one module imports from another module of the package."""
    gevonden = []
    for node in ast.walk(ast.parse(bron)):
        if isinstance(node, ast.ImportFrom) and _doel(module, is_pakket, node):
            gevonden += [
                f"{node.module or '.'}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
        if isinstance(node, ast.ImportFrom) and _doel(module, is_pakket, node):
            gevonden += [
                f"{a.name} as {a.asname}"
                for a in node.names
                if a.asname and a.asname.startswith("_") and a.name in MODULES_KORT
            ]
    return gevonden


MODULES_KORT = {m.rsplit(".", 1)[-1] for m in MODULES}


def test_de_prive_importcontrole_vindt_een_prive_naam():
    bron = "from .eigen_bestand import _lees_regels, lees_tekstbestand\n"
    assert prive_imports("impactkit.bronnen.lokaal", False, bron) == ["eigen_bestand._lees_regels"]


def test_geen_prive_namen_over_modulegrenzen():
    # What several modules use is public in its home module.
    prive = {
        _modulenaam(p): gevonden
        for p in PAKKET.rglob("*.py")
        if (
            gevonden := prive_imports(
                _modulenaam(p), p.name == "__init__.py", p.read_text(encoding="utf-8")
            )
        )
    }
    assert prive == {}


def test_onbekende_naam_geeft_attributeerror():
    with pytest.raises(AttributeError):
        ik.bestaat_niet  # noqa: B018


def test_naslagpagina_noemt_elke_openbare_naam():
    pagina = (PAKKET.parent / "book" / "api.md").read_text(encoding="utf-8")
    genoemd = set(re.findall(r"^\.\. auto\w+:: impactkit\.(\w+)$", pagina, flags=re.MULTILINE))
    assert genoemd == set(ik.__all__) - {"__version__"}


def test_modulekaart_in_readme_klopt_met_de_boom():
    readme = (PAKKET.parent / "README.md").read_text(encoding="utf-8")
    kaart = readme[readme.index("## Verder") :]
    genoemd = set(re.findall(r"`([a-z_]+(?:/[a-z_]+)?)`", kaart))
    modules = {
        _modulenaam(p).removeprefix("impactkit.").replace(".", "/")
        for p in PAKKET.rglob("*.py")
        # sjablonen/ holds templates and Voilà's own config file (voila.py), no kit modules
        if p.name != "__init__.py" and "sjablonen" not in p.relative_to(PAKKET).parts
    }
    assert modules - genoemd == set(), "modules die de README niet noemt"
