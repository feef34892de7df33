"""Benchmark: `impactkit batch` against a sequential loop of the `papermill` command.

Runs the step-plan notebook for all 26 regions both ways in the same run and reports the ratio,
plus the per-region cost against a notebook that only imports impactkit (the floor for any
approach that starts a fresh kernel per region). Usage: `python bench/bench_batch.py [--regios N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regios", type=int, default=26)
    parser.add_argument("--werkers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
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
        for naam in namen:
            uit = tmp / "seq" / naam
            uit.mkdir(parents=True)
            papermill(
                NOTEBOOK,
                uit / "stappenplan.ipynb",
                {"regio": naam, "interactief": "False", "weergave": "svg", "uitvoer": str(uit)},
            )
        t_seq = time.perf_counter() - t

        # 3. impactkit batch (includes the HTML report per region, which the loop does not make).
        t = time.perf_counter()
        tabel = draai_batch(
            tmp / "batch", namen, werkers=args.werkers, voortgang=False, opnieuw=True
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
        "alleen_import_notebook_s": round(t_import, 2),
        "batch_per_regio_per_werker_s": round(per_regio, 2),
        "kosten_per_regio_t.o.v._alleen_import": round(per_regio / t_import, 2),
    }
    print(json.dumps(uitkomst, indent=2))


if __name__ == "__main__":
    main()
