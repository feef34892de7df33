"""Benchmark: `impactkit batch` against a sequential loop of the `papermill` command.

Runs the step-plan notebook for all 26 regions both ways in the same run and reports the ratio,
the batch's peak memory (PSS of the batch process and all its children: the kernels), the
machine's load (1-minute load average, mean over each phase: the machine may be shared, and a
ratio measured while other work ran is not comparable),
plus the per-region cost against a notebook that only imports impactkit (the floor for any
approach that starts a fresh kernel per region). Usage: `python bench/bench_batch.py [--regios N]`.

`--profiel` instead profiles one region in one process (after a warm-up region, as a batch
kernel runs it) and prints where its time goes, per notebook cell and per function; the summary
of such a run is kept in `bench/profiel_batch.md`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

from impactkit import regios
from impactkit.batch import NOTEBOOK, draai_batch

PAPERMILL = str(Path(sys.executable).with_name("papermill"))


def papermill(notebook: Path, uit: Path, parameters: dict[str, str]) -> None:
    args = [PAPERMILL, str(notebook), str(uit), "-k", "python3", "--no-progress-bar"]
    for k, v in parameters.items():
        args += ["-p", k, v]
    subprocess.run(args, check=True, capture_output=True)


def _pss_mb(pid: int) -> float:
    """Proportional set size of one process in MB (shared pages counted once overall)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for regel in f:
                if regel.startswith("Pss:"):
                    return int(regel.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _nakomelingen(pid: int) -> list[int]:
    uit, te_doen = [], [pid]
    while te_doen:
        p = te_doen.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as f:
                kinderen = [int(x) for x in f.read().split()]
        except OSError:
            kinderen = []
        uit += kinderen
        te_doen += kinderen
    return uit


class Geheugen:
    """Samples the summed PSS of this process and all its descendants (keeps the peak) and the
    machine's 1-minute load average (keeps the mean)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.piek, self._stop, self._interval = 0.0, threading.Event(), interval
        self._load: list[float] = []
        self._draad = threading.Thread(target=self._meet, daemon=True)

    @property
    def load(self) -> float:
        return round(statistics.mean(self._load), 2) if self._load else 0.0

    def _meet(self) -> None:
        while not self._stop.is_set():
            pids = [os.getpid(), *_nakomelingen(os.getpid())]
            self.piek = max(self.piek, sum(_pss_mb(p) for p in pids))
            self._load.append(os.getloadavg()[0])
            self._stop.wait(self._interval)

    def __enter__(self) -> Geheugen:
        self._draad.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._draad.join()


def profiel(regio: str = "Zaanstreek-Waterland", warm: str = "Twente", n: int = 30) -> None:
    """Where one region's time goes, in one process after a warm-up region (steady state)."""
    import cProfile
    import io
    import pstats

    from IPython.core.interactiveshell import InteractiveShell
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    schil = InteractiveShell.instance()

    def draai(naam: str, uit: str) -> list[tuple[float, str]]:
        nb = parameterize_notebook(
            load_notebook_node(str(NOTEBOOK)),
            {
                "regio": naam,
                "uitvoer": uit,
                "interactief": False,
                "weergave": "rapport",
                "periode": "2021H1",
            },
            kernel_name="python3",
            language="python",
        )
        tijden = []
        for cel in nb.cells:
            if cel.cell_type == "code":
                t = time.perf_counter()
                schil.run_cell(cel.source, silent=True)
                tijden.append((time.perf_counter() - t, cel.source.splitlines()[0][:60]))
        return tijden

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        draai(warm, f"{tmp}/warm")
        koud = time.perf_counter() - t
        t = time.perf_counter()
        tijden = draai(regio, f"{tmp}/a")
        warm_s = time.perf_counter() - t
        prof = cProfile.Profile()
        prof.enable()
        draai(regio, f"{tmp}/b")
        prof.disable()
    print(f"Eerste regio (koud, met imports en data laden): {koud:.2f} s")
    print(f"Volgende regio (warm, zonder profiler): {warm_s:.2f} s")
    print("\nPer cel (warm):")
    for s, bron in sorted(tijden, reverse=True):
        if s >= 0.005:
            print(f"  {s:6.3f} s  {bron}")
    uit = io.StringIO()
    pstats.Stats(prof, stream=uit).sort_stats("cumulative").print_stats(n)
    print("\nFuncties (met profiler, cumulatief):")
    print(uit.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regios", type=int, default=26)
    parser.add_argument("--werkers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--profiel", action="store_true", help="profileer één regio en stop")
    args = parser.parse_args()
    if args.profiel:
        profiel()
        return
    namen = regios().query("soort == 'vt'")["naam"].tolist()[: args.regios]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # 1. A notebook that only imports impactkit (median of 3 papermill runs).
        leeg = nbformat.v4.new_notebook()
        leeg.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        leeg.cells = [nbformat.v4.new_code_cell("import impactkit")]
        nbformat.write(leeg, tmp / "alleen_import.ipynb")
        tijden = []
        for i in range(3):
            t = time.perf_counter()
            papermill(tmp / "alleen_import.ipynb", tmp / f"import_{i}.ipynb", {})
            tijden.append(time.perf_counter() - t)
        t_import = statistics.median(tijden)

        # 2. The obvious alternative: a sequential loop of the papermill command.
        t = time.perf_counter()
        load_voor = os.getloadavg()[0]
        lus = Geheugen(interval=1.0).__enter__()
        for naam in namen:
            uit = tmp / "seq" / naam
            uit.mkdir(parents=True)
            papermill(
                NOTEBOOK,
                uit / "stappenplan.ipynb",
                {
                    "regio": naam,
                    "periode": "2021H1",
                    "interactief": "False",
                    "weergave": "rapport",
                    "uitvoer": str(uit),
                },
            )
        t_seq = time.perf_counter() - t
        lus.__exit__()

        # 3. impactkit batch (includes the HTML report per region, which the loop does not make).
        t = time.perf_counter()
        with Geheugen() as geheugen:
            tabel = draai_batch(
                tmp / "batch",
                namen,
                periode="2021H1",
                werkers=args.werkers,
                voortgang=False,
                opnieuw=True,
            )
        t_batch = time.perf_counter() - t
        assert (tabel["status"] == "gelukt").all(), tabel

    per_regio = t_batch * args.werkers / len(namen)
    uitkomst = {
        "regios": len(namen),
        "werkers": args.werkers,
        "cpu": os.cpu_count(),
        "papermill_lus_s": round(t_seq, 1),
        "batch_s": round(t_batch, 1),
        "versnelling": round(t_seq / t_batch, 2),
        "batch_piekgeheugen_mb": round(geheugen.piek),
        "load_bij_start": round(load_voor, 2),
        "load_tijdens_papermill_lus": lus.load,
        "load_tijdens_batch": geheugen.load,
        "alleen_import_notebook_s": round(t_import, 2),
        "batch_per_regio_per_werker_s": round(per_regio, 2),
        "kosten_per_regio_t.o.v._alleen_import": round(per_regio / t_import, 2),
    }
    print(json.dumps(uitkomst, indent=2))


if __name__ == "__main__":
    main()
