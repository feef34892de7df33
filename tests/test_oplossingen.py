"""Every worked solution in the handbook runs when a reader copies it.

A solution is the text between ``solution-start`` and ``solution-end`` (gated) or inside a
``:::{solution}`` block. Its visible code (``code-cell`` and ``python`` fences) runs in a fresh
namespace, in order, so each solution must bring its own imports and its own plan. Hidden cells
(``remove-input``/``remove-cell``) only show prose made from the results; they run on a copy of
that namespace plus the page's hidden set-up, so they cannot mask a missing import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from impactkit.paden import PROJECT_MAP

BOEK = PROJECT_MAP / "book"

_FENCE = re.compile(r"^(?P<fence>`{3,})\s*(?P<info>[^\n`]*)$")


@dataclass
class Blok:
    code: str
    verborgen: bool


@dataclass
class Oplossing:
    pagina: str
    label: str
    regel: int
    blokken: list[Blok] = field(default_factory=list)


def _code_blokken(regels: list[str]) -> list[tuple[str, str, int]]:
    """(info string, code, line number) of each backtick fence in ``regels``."""
    uit, i = [], 0
    while i < len(regels):
        m = _FENCE.match(regels[i].strip())
        if not m:
            i += 1
            continue
        fence, info, start = m["fence"], m["info"].strip(), i
        j = i + 1
        while j < len(regels) and regels[j].strip() != fence:
            j += 1
        uit.append((info, "\n".join(regels[start + 1 : j]), start + 1))
        i = j + 1
    return uit


def _cel(info: str, code: str) -> Blok | None:
    """A runnable block from a fence, or None (text, bash, directives)."""
    if info.startswith("{code-cell}"):
        regels = code.split("\n")
        tags = ""
        if regels and regels[0].strip() == "---":  # YAML options block
            einde = regels.index("---", 1)
            tags, regels = "\n".join(regels[1:einde]), regels[einde + 1 :]
        while regels and regels[0].startswith(":"):  # ':tags: [...]' options
            tags += regels.pop(0)
        verborgen = "remove-input" in tags or "remove-cell" in tags
        return Blok("\n".join(regels), verborgen)
    if info in ("python", "{code} python", "{code-block} python"):
        return Blok(code, False)
    return None


def oplossingen(pad: Path) -> tuple[list[Oplossing], str]:
    """The solutions of one page, and the page's hidden set-up code (``remove-cell``)."""
    tekst = pad.read_text(encoding="utf-8")
    regels = tekst.split("\n")
    naam = str(pad.relative_to(PROJECT_MAP))
    uit: list[Oplossing] = []
    # Gated solutions: solution-start ... solution-end.
    starts = [i for i, r in enumerate(regels) if re.match(r"^`{3,}\{solution-start\}", r)]
    for s in starts:
        e = next(
            i for i in range(s + 1, len(regels)) if re.match(r"^`{3,}\{solution-end\}", regels[i])
        )
        label = regels[s].split("}", 1)[1].strip()
        ticks = regels[s][: len(regels[s]) - len(regels[s].lstrip("`"))]
        binnen = next(i for i in range(s + 1, e) if regels[i].strip() == ticks)  # closes the start
        opl = Oplossing(naam, label, s + 1)
        for info, code, _ in _code_blokken(regels[binnen + 1 : e]):
            if (blok := _cel(info, code)) is not None:
                opl.blokken.append(blok)
        uit.append(opl)
    # Colon-fence solutions: :::{solution} label ... :::
    for s, r in enumerate(regels):
        m = re.match(r"^(:{3,})\{solution\}\s*(\S*)", r)
        if not m:
            continue
        e = next(i for i in range(s + 1, len(regels)) if regels[i].strip() == m[1])
        opl = Oplossing(naam, m[2], s + 1)
        for info, code, _ in _code_blokken(regels[s + 1 : e]):
            if (blok := _cel(info, code)) is not None:
                opl.blokken.append(blok)
        if opl.blokken:
            uit.append(opl)
    opzet = "\n".join(
        code
        for info, code, _ in _code_blokken(regels)
        if info.startswith("{code-cell}") and "remove-cell" in code.split("\n", 3)[0]
    )
    opzet = "\n".join(r for r in opzet.split("\n") if not r.startswith(":tags:"))
    opzet = re.sub(r"^os\.chdir\(.*\)$", "", opzet, flags=re.M)  # the test picks the folder
    return uit, opzet


def alle_oplossingen() -> list[tuple[Oplossing, str]]:
    uit = []
    for pad in sorted(BOEK.rglob("*.md")):
        if "_build" in pad.parts:
            continue
        opl, opzet = oplossingen(pad)
        uit += [(o, opzet) for o in opl]
    return uit


OPLOSSINGEN = alle_oplossingen()


def test_oplossingen_gevonden():
    """The extractor finds the book's solutions (a guard against a silently empty test)."""
    labels = {o.label for o, _ in OPLOSSINGEN}
    assert {"ws_oef1", "ws_oef8", "stap1_oef2", "stap4_oef_politie", "indicatoren_oef1"} <= labels
    assert len(OPLOSSINGEN) >= 20
    ws1 = next(o for o, _ in OPLOSSINGEN if o.label == "ws_oef1")
    assert any("uit_startvraag" in b.code for b in ws1.blokken)


@pytest.mark.parametrize(
    "oplossing,opzet", OPLOSSINGEN, ids=[f"{o.pagina}:{o.label}" for o, _ in OPLOSSINGEN]
)
def test_oplossing_draait(oplossing, opzet, tmp_path, monkeypatch):
    """Each solution runs as written, in a fresh namespace (its own imports, its own plan)."""
    monkeypatch.chdir(tmp_path)
    ruimte: dict = {"__name__": "__oplossing__"}
    for nummer, blok in enumerate(oplossing.blokken, 1):
        waar = f"{oplossing.pagina}, oplossing {oplossing.label}, codeblok {nummer}"
        if blok.verborgen:
            verborgen = {"__name__": "__oplossing__"}
            exec(compile(opzet, f"{oplossing.pagina} (opzet)", "exec"), verborgen)
            verborgen.update(ruimte)
            exec(compile(blok.code, waar, "exec"), verborgen)
        else:
            try:
                exec(compile(blok.code, waar, "exec"), ruimte)
            except NameError as fout:
                pytest.fail(f"{waar}: {fout} — de oplossing moet zelf importeren wat ze gebruikt")
