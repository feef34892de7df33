"""Every answer the kit gives on the practice data: every region x three periods x every start
question, plus the default analysis (all standard indicators, no start question).

Used by ``tests/test_antwoorden.py`` (the words of the answers) and the chart test (every
notable finding has its chart). One analysis per region and period over the union of all
indicators; each plan's findings are that table's rows for its own indicators. The correction
for many tests is per indicator (``impactkit.vergelijken.TOETSEN_PER_INDICATOR``), so these rows
are the ones ``plan.analyseer()`` gives (checked in the test module for some plans).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache

import pandas as pd

import impactkit as ik
from impactkit.bevindingen import STANDAARD_INDICATOREN
from impactkit.regioindeling import regios
from impactkit.startvraagbank import startvragen

PERIODEN = ("2021H1", "2022H2", "2024H2")
STANDAARD = "standaard"


@dataclass(frozen=True)
class Antwoord:
    regio: str
    periode: str
    vraag: str  # the start question's key, or STANDAARD
    plan: object
    bevindingen: pd.DataFrame
    synthese: object


def _sleutel(item) -> tuple[str, str | None]:
    return (item, None) if isinstance(item, str) else (item[0], item[1])


def plan_voor(vraag: str, regio: str, periode: str):
    if vraag != STANDAARD:
        return ik.Stappenplan.uit_startvraag(vraag, regio, periode)
    plan = ik.Stappenplan.nieuw(regio, periode, "Wat laten de cijfers van onze regio zien?")
    plan.voeg_deelvraag_toe(
        "Wat laten de standaardindicatoren zien?",
        indicatoren=[i if isinstance(i, str) else ":".join(i) for i in STANDAARD_INDICATOREN],
    )
    return plan


def eigen_rijen(tabel: pd.DataFrame, plan) -> pd.DataFrame:
    """The rows of ``tabel`` for the plan's own indicators, in the plan's order."""
    volgorde = {_sleutel(i): n for n, i in enumerate(plan.indicatoren())}
    sleutels = [
        (r.indicator, r.categorie if isinstance(r.categorie, str) else None)
        for r in tabel.itertuples(index=False)
    ]
    rang = pd.Series([volgorde.get(s, -1) for s in sleutels], index=tabel.index)
    sub = tabel[rang >= 0].assign(_rang=rang[rang >= 0])
    sub = sub.sort_values("_rang", kind="stable").drop(columns="_rang").reset_index(drop=True)
    sub.attrs = dict(tabel.attrs)
    return sub


def regio_namen(periode: str) -> list[str]:
    return list(regios(periode=periode).query("soort == 'vt'")["naam"])


def antwoorden_van(regio: str, periode: str) -> list[Antwoord]:
    """Every question's answer for one region and period, from one analysis."""
    data = ik.laad()
    vragen = [s.sleutel for s in startvragen()] + [STANDAARD]
    plannen = {v: plan_voor(v, regio, periode) for v in vragen}
    alle: list = []
    for plan in plannen.values():
        alle += [i for i in plan.indicatoren() if i not in alle]
    tabel = ik.analyseer(regio, periode, alle, data=data)
    uit = []
    for v, plan in plannen.items():
        eigen = eigen_rijen(tabel, plan)
        uit.append(Antwoord(regio, periode, v, plan, eigen, ik.beantwoord(plan, eigen)))
    return uit


@cache
def alle_antwoorden() -> tuple[Antwoord, ...]:
    """The whole matrix, computed once per test session, in two processes (CI has two cores)."""
    taken = [(regio, periode) for periode in PERIODEN for regio in regio_namen(periode)]
    context = multiprocessing.get_context("spawn")  # never fork a process that may have threads
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        delen = list(pool.map(antwoorden_van, *zip(*taken), chunksize=4))
    return tuple(a for deel in delen for a in deel)
