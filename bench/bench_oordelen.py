"""How often the verdicts say 'opvallend': under the null, and for a real divergence (issue 20).

Runs the simulation of ``tests/test_simulatie_oordelen.py`` (25 regions and Nederland, counts
rounded to fives, each region = Nederland + an offset from the usual spread + an extra
between-period variation tau) for every scenario, twice on the same tables: *before* (chance
only, the kit up to issue 20) and *after* (with the extra variation between periods estimated
from the data, :func:`impactkit.ontwikkeling.tijdruis`). The verdicts are those of
:func:`impactkit.vergelijk` (the test file checks that its fast path gives the same).

Columns: ``over de tijd`` = share of region-runs with any verdict over time 'opvallend' (null
*stabiel*: previous half-year, a year earlier, trend, course against the country; null *volgt
het land*: the course against the country only); ``met Nederland`` = the level 'opvallend'
(offsets drawn from the usual spread; the spread test sends 5 % outside by design); power =
share of drifting regions whose course is 'opvallend hoger'. Writes ``bench/oordelen.md``.

    python bench/bench_oordelen.py            # 500 region-runs per scenario (a few minutes)
    python bench/bench_oordelen.py --runs 200
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_simulatie_oordelen import AFWIJKERS, NULLEN, PROCENT, Scenario, kansen  # noqa: E402


def _pct(x: float) -> str:
    return f"{100 * x:.1f}".replace(".", ",")


def nul_tabel(runs: int) -> list[str]:
    regels = [
        "| nul | eenheid | extra variatie | n | halfjaren | over de tijd: voor | na "
        "| met Nederland: voor | na |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k, s in enumerate(NULLEN):
        voor = kansen(s, runs, seed=7000 + k, met_ruis=False)
        na = kansen(s, runs, seed=7000 + k, met_ruis=True)
        eenheid = "aandeel" if s.eenheid == PROCENT else "ratio"
        tau = f"{s.tau:g} punt" if s.eenheid == PROCENT else f"{100 * s.tau:g}%"
        nul = "stabiel" if s.land == "stabiel" else "volgt het land"
        regels.append(
            f"| {nul} | {eenheid} | {tau} | {s.n} | {s.perioden} | {_pct(voor['tijd'])} "
            f"| {_pct(na['tijd'])} | {_pct(voor['landelijk'])} | {_pct(na['landelijk'])} |"
        )
        print(regels[-1], flush=True)
    return regels


def kracht_tabel(runs: int) -> list[str]:
    regels = [
        "| afwijking | n | halfjaren | gevonden: voor | na |",
        "|---:|---:|---:|---:|---:|",
    ]
    for afwijking in (6.0, 12.0):
        for n in (150, 1000, 3000):
            for t in (5, 11):
                s = Scenario(PROCENT, n, t, 0.0, "volgt", afwijking=afwijking)
                seed = 9000 + int(afwijking) * 100 + n // 10 + t
                voor = kansen(s, runs, seed=seed, met_ruis=False)
                na = kansen(s, runs, seed=seed, met_ruis=True)
                regels.append(
                    f"| {afwijking:g} punt | {n} | {t} | {_pct(voor['gevonden'])} "
                    f"| {_pct(na['gevonden'])} |"
                )
                print(regels[-1], flush=True)
    return regels


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=500, help="regio-runs per scenario")
    ap.add_argument("--uit", type=Path, default=ROOT / "bench" / "oordelen.md")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    nul = nul_tabel(args.runs)
    kracht = kracht_tabel(args.runs)
    duur = time.perf_counter() - start
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    tekst = "\n".join(
        [
            "# Bench: hoe vaak een oordeel 'opvallend' is (issue 20)",
            "",
            f"Datum: {dt.date.today().isoformat()}. Machine: {machine}. Duur: {duur:.0f} s.",
            f"Commando: `python bench/bench_oordelen.py --runs {args.runs}`.",
            "",
            "Gesimuleerd: 25 regio's en Nederland, tellingen afgerond op vijftallen; elke regio is "
            "Nederland plus een vaste afstand (getrokken uit de gewone spreiding tussen regio's: "
            "4 punten, of een factor met 20 % spreiding bij ratio's) plus een extra schommeling "
            "tussen perioden. n = noemer per halfjaar (aandeel) of verwacht aantal per halfjaar "
            "(ratio, rond 40 per 10.000). *Voor*: alleen toeval (het pakket tot issue 20); *na*: "
            "met de extra schommeling, geschat uit de gegevens. Zelfde tabellen voor en na; "
            f"{args.runs} regio-runs per scenario (Monte-Carlo-fout bij 5 %: ongeveer 1 punt).",
            "",
            "## Zonder echte verandering (nominaal 5 %)",
            "",
            "*Over de tijd*: aandeel regio-runs met minstens één oordeel over de tijd 'opvallend' "
            "(stabiel: vorige periode, jaar eerder, trend en verloop; volgt het land: alleen het "
            "verloop tegenover het land, want de regio verandert daar echt mee). *Met Nederland*: "
            "het niveau 'opvallend' (de spreidingstoets zet per ontwerp 5 % buiten de spreiding).",
            "",
            *nul,
            "",
            "## Een echte afwijking: onderscheidend vermogen",
            "",
            "Vijf van de 25 regio's lopen over de reeks lineair 6 of 12 procentpunt weg van de "
            "landelijke trend (geen extra schommeling); gevonden = het verloop is 'opvallend "
            f"hoger'. Per scenario {AFWIJKERS * round(args.runs / 25)} wegdrijvende regio's "
            f"({AFWIJKERS} per tabel).",
            "",
            *kracht,
            "",
        ]
    )
    args.uit.write_text(tekst, encoding="utf-8")
    print(f"Geschreven: {args.uit} ({duur:.0f} s)")


if __name__ == "__main__":
    main()
