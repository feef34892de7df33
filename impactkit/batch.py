"""Run the step-plan notebook for many regions: one executed notebook and one report each.

:func:`draai_batch` runs ``notebooks/stappenplan.ipynb`` for all regions (or a list), in parallel
worker processes. Each worker starts one Jupyter kernel and reuses it for every region it gets
(the namespace is reset between regions), so the cost of starting a kernel and importing the kit
is paid once per worker instead of once per region. Parameters are injected the papermill way
(the injected cell follows the cell tagged ``parameters``).

Per region the output folder holds ``<slug>/stappenplan.ipynb`` (executed), ``<slug>/rapport.html``
(no code, charts as SVG: readable offline), ``<slug>/stappenplan.yaml`` and
``<slug>/samenvatting.json``; ``index.html`` and ``samenvatting.csv`` link and summarise all
regions. A region that fails does not stop the others: its notebook shows the Dutch message at
the top and the summary says which region failed and why. A region whose inputs did not change
since its last successful run is skipped.
"""

from __future__ import annotations

import hashlib
import html
import json
import multiprocessing as mp
import os
import re
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from .fouten import ImpactkitFout
from .paden import PROJECT_MAP, data_pad
from .perioden import Periode
from .regioindeling import regio as zoek_regio
from .regioindeling import regios
from .versie import __version__

NOTEBOOK = PROJECT_MAP / "notebooks" / "stappenplan.ipynb"
TIJDSLIMIET = 600  # seconds per cell


def slug(naam: str) -> str:
    """A safe file-name slug: ``slug("Noord- en Midden Limburg")`` -> 'noord-en-midden-limburg'."""
    tekst = unicodedata.normalize("NFKD", str(naam)).encode("ascii", "ignore").decode().lower()
    tekst = re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")
    return tekst[:60] or "regio"


@dataclass
class Resultaat:
    """The outcome for one region."""

    regio: str
    regio_code: str
    status: str  # 'gelukt', 'mislukt', 'overgeslagen'
    map: str
    kop: str = ""
    fout: str = ""
    seconden: float = 0.0


# -- Worker side ----------------------------------------------------------------------------------
_KERNEL: dict = {}


def _start_kernel(cwd: str) -> None:
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    _KERNEL.update(km=km, kc=kc)


def _stop_kernel() -> None:
    kc, km = _KERNEL.pop("kc", None), _KERNEL.pop("km", None)
    if kc is not None:
        kc.stop_channels()
    if km is not None and km.is_alive():
        km.shutdown_kernel(now=True)


def _werker_start(cwd: str) -> None:
    """Worker initialiser: start the kernel (retry once) and stop it when the worker exits."""
    from multiprocessing.util import Finalize

    try:
        _start_kernel(cwd)
    except Exception:  # noqa: BLE001 - a failed kernel start is retried once
        _stop_kernel()
        _start_kernel(cwd)
    Finalize(None, _stop_kernel, exitpriority=10)


def _kernel_levend() -> bool:
    km = _KERNEL.get("km")
    return km is not None and km.is_alive()


def _voer_uit(nb, doelmap: Path):
    """Execute a parameterised notebook in the worker's kernel; return (nb, error or None)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    if not _kernel_levend():
        _stop_kernel()
        _start_kernel(str(doelmap))
    kc = _KERNEL["kc"]
    # Fresh namespace and working directory for every region; imported modules stay cached.
    kc.execute_interactive(
        f"%reset -f\nimport os as _os\n_os.chdir({str(doelmap)!r})\ndel _os", timeout=60
    )
    client = NotebookClient(nb, km=_KERNEL["km"], kernel_name="python3", timeout=TIJDSLIMIET,
                            allow_errors=False, record_timing=False)  # fmt: skip
    client.kc = kc
    try:
        client.execute()
        return nb, None
    except CellExecutionError as e:
        return nb, (e.ename, e.evalue)
    except DeadKernelError as e:
        _stop_kernel()
        return nb, ("DeadKernelError", f"De kernel stopte onverwacht: {e}")


def _foutcel(ename: str, evalue: str):
    import nbformat

    uitleg = evalue.strip().splitlines()[-1] if evalue.strip() else ename
    cel = nbformat.v4.new_markdown_cell(
        '<div style="border:2px solid #D55E00;padding:0.6em;background:#fff4ee">\n\n'
        f"**Dit werkboek is niet afgemaakt.** {html.escape(uitleg, quote=False)}\n\n"
        f"<small>Soort fout: {html.escape(ename)}. Pas de parameters aan en draai opnieuw.</small>"
        "\n\n</div>"
    )
    cel.metadata["tags"] = ["impactkit-fout"]
    return cel


def _naar_html(nb) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    tekst, _ = exporter.from_notebook_node(nb)
    # nbconvert's default alt text is English; charts carry their own title and caption.
    return tekst.replace(
        'alt="No description has been provided for this image"',
        'alt="Grafiek; zie titel en bijschrift"',
    ).replace("<html>", '<html lang="nl">', 1)


def _draai_regio(taak: dict) -> dict:
    """Run one region (in a worker process)."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    begin = time.perf_counter()
    doelmap = Path(taak["map"])
    doelmap.mkdir(parents=True, exist_ok=True)
    nb = load_notebook_node(taak["notebook"])
    nb = parameterize_notebook(nb, taak["parameters"], kernel_name="python3", language="python")
    nb, fout = _voer_uit(nb, doelmap)
    if fout is not None:
        nb.cells.insert(0, _foutcel(*fout))
    nbformat.write(nb, doelmap / "stappenplan.ipynb")
    (doelmap / "rapport.html").write_text(_naar_html(nb), encoding="utf-8")
    kop, melding = "", ""
    if fout is None:
        samenvatting = doelmap / "samenvatting.json"
        if samenvatting.exists():
            kop = json.loads(samenvatting.read_text(encoding="utf-8")).get("kop", "")
    else:
        ename, evalue = fout
        melding = (evalue.strip().splitlines() or [ename])[-1]
    return {
        "status": "mislukt" if fout else "gelukt",
        "kop": kop,
        "fout": melding,
        "seconden": round(time.perf_counter() - begin, 2),
        "sleutel": taak["sleutel"],
    }


# -- Coordinator side -----------------------------------------------------------------------------
PAD_PARAMETERS = ("bron", "normen", "plan_bestand", "lokale_indicatoren")


def _absolute_paden(parameters: dict) -> dict:
    """Make file parameters absolute: each region runs in its own output folder."""
    uit = dict(parameters)
    for sleutel in PAD_PARAMETERS:
        waarde = uit.get(sleutel)
        if not isinstance(waarde, str) or not waarde.strip():
            continue
        delen = []
        for deel in (d.strip() for d in waarde.split(",")):
            pad = Path(deel).expanduser()
            delen.append(
                str(pad.resolve()) if deel.lower() != "oefendata" and pad.exists() else deel
            )
        uit[sleutel] = ", ".join(delen)
    return uit


def _bestanden_in(parameters: dict) -> list[Path]:
    paden = []
    for sleutel in PAD_PARAMETERS:
        for deel in str(parameters.get(sleutel) or "").split(","):
            pad = Path(deel.strip())
            if deel.strip() and pad.is_file():
                paden.append(pad)
    return paden


def _sleutel(notebook: Path, parameters: dict) -> str:
    """What a report depends on: notebook, data, the files the parameters name, kit code."""
    h = hashlib.sha256()
    h.update(notebook.read_bytes())
    for pad in sorted(data_pad().rglob("*.csv")):
        st = pad.stat()
        h.update(f"{pad.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    for pad in _bestanden_in(parameters):  # the user's own files: by content
        h.update(pad.read_bytes())
    for pad in sorted(Path(__file__).parent.glob("*.py")):  # kit code, also without a new version
        h.update(pad.read_bytes())
    h.update(json.dumps(parameters, sort_keys=True, ensure_ascii=False).encode())
    h.update(__version__.encode())
    return h.hexdigest()


def _is_actueel(doelmap: Path, sleutel: str) -> bool:
    status = doelmap / "batch.json"
    if not (status.exists() and (doelmap / "rapport.html").exists()):
        return False
    vorig = json.loads(status.read_text(encoding="utf-8"))
    return vorig.get("sleutel") == sleutel and vorig.get("status") == "gelukt"


def _binnen(uit: Path, doel: Path) -> Path:
    doel = doel.resolve()
    if uit.resolve() not in doel.parents:
        raise ImpactkitFout(f"Uitvoermap '{doel}' valt buiten '{uit}'.")
    return doel


def draai_batch(
    uit: str | Path,
    regio_namen: list[str] | None = None,
    periode: str = "2021H1",
    werkers: int | None = None,
    parameters: dict | None = None,
    notebook: str | Path = NOTEBOOK,
    opnieuw: bool = False,
    voortgang: bool = True,
) -> pd.DataFrame:
    """Run the step-plan notebook for each region; returns one row per region.

    ``regio_namen``: names or codes as typed by the user (default: all 26 regions). A name that
    is not a region still gets a run, so its notebook shows the Dutch message and the summary
    lists it. ``parameters`` are extra notebook parameters (e.g. ``startvraag``, ``bron``).
    """
    uit = Path(uit)
    uit.mkdir(parents=True, exist_ok=True)
    notebook = Path(notebook)
    if not notebook.exists():
        raise ImpactkitFout(f"Notebook '{notebook}' bestaat niet.")
    Periode.parse(periode)
    if regio_namen is None:
        vt = regios().query("soort == 'vt'")
        regio_namen = vt["naam"].tolist()
    werkers = max(1, min(werkers or os.cpu_count() or 1, len(regio_namen)))

    taken, resultaten = [], []
    for naam in regio_namen:
        try:
            r = zoek_regio(naam)
            code, weergave = r.code, r.naam
        except ImpactkitFout:
            code, weergave = "", str(naam)
        doelmap = _binnen(uit, uit / slug(weergave))
        params = _absolute_paden(
            {"regio": str(naam), "periode": periode, "uitvoer": str(doelmap),
             "interactief": False, "weergave": "svg", **(parameters or {})}
        )  # fmt: skip
        sleutel = _sleutel(notebook, params)
        basis = Resultaat(regio=weergave, regio_code=code, status="", map=str(doelmap))
        if not opnieuw and _is_actueel(doelmap, sleutel):
            vorig = json.loads((doelmap / "batch.json").read_text(encoding="utf-8"))
            basis.status, basis.kop = "overgeslagen", vorig.get("kop", "")
            resultaten.append(basis)
            continue
        taken.append((basis, {"notebook": str(notebook), "parameters": params,
                              "map": str(doelmap), "sleutel": sleutel}))  # fmt: skip

    if taken:
        from tqdm.auto import tqdm

        balk = tqdm(total=len(taken), desc="Regio's", unit="regio", disable=not voortgang)
        context = mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(werkers, len(taken)), mp_context=context,
                                 initializer=_werker_start, initargs=(str(uit),)) as pool:  # fmt: skip
            lopend = {pool.submit(_draai_regio, t): basis for basis, t in taken}
            for klaar in as_completed(lopend):
                basis = lopend[klaar]
                try:
                    uitkomst = klaar.result()
                except Exception as e:  # noqa: BLE001 - a broken worker must not stop the batch
                    uitkomst = {"status": "mislukt", "fout": f"{type(e).__name__}: {e}",
                                "kop": "", "seconden": 0.0, "sleutel": ""}  # fmt: skip
                basis.status = uitkomst["status"]
                basis.kop, basis.fout = uitkomst["kop"], uitkomst["fout"]
                basis.seconden = uitkomst["seconden"]
                Path(basis.map).mkdir(parents=True, exist_ok=True)
                (Path(basis.map) / "batch.json").write_text(
                    json.dumps({**asdict(basis), "sleutel": uitkomst["sleutel"]},
                               ensure_ascii=False, indent=2), encoding="utf-8")  # fmt: skip
                resultaten.append(basis)
                balk.set_postfix_str(f"{basis.regio}: {basis.status}")
                balk.update()
        balk.close()

    volgorde = {str(n): i for i, n in enumerate(regio_namen)}
    tabel = pd.DataFrame([asdict(r) for r in resultaten])
    tabel["_v"] = [volgorde.get(r.regio, volgorde.get(r.regio_code, 999)) for r in resultaten]
    tabel = tabel.sort_values("_v").drop(columns="_v").reset_index(drop=True)
    tabel.to_csv(uit / "samenvatting.csv", index=False)
    schrijf_index(uit, tabel, periode)
    return tabel


def schrijf_index(uit: Path, tabel: pd.DataFrame, periode: str) -> Path:
    """An offline index page linking every region's report, with a one-line headline each."""
    p = Periode.parse(periode)
    rijen = []
    for r in tabel.itertuples(index=False):
        link = f"{Path(r.map).name}/rapport.html"
        tekst = html.escape(r.kop if r.status != "mislukt" else f"Mislukt: {r.fout}")
        klasse = "mislukt" if r.status == "mislukt" else ""
        rijen.append(
            f'<tr class="{klasse}"><td><a href="{html.escape(link)}">{html.escape(r.regio)}</a></td>'
            f"<td>{html.escape(r.status)}</td><td>{tekst}</td></tr>"
        )
    mislukt = int((tabel["status"] == "mislukt").sum())
    oefen = any(
        json.loads((Path(m) / "samenvatting.json").read_text(encoding="utf-8")).get("oefendata")
        for m in tabel["map"]
        if (Path(m) / "samenvatting.json").exists()
    )
    melding = (
        f'<p class="let-op">Gemaakt met impactkit {__version__}. De cijfers zijn <b>oefendata</b>: '
        "verzonnen cijfers om mee te oefenen, geen echte cijfers.</p>"
        if oefen
        else f"<p>Gemaakt met impactkit {__version__}. Bron per regio: zie het rapport.</p>"
    )
    pagina = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>Stappenplan per regio — {html.escape(p.label)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.4em;
text-align:left;vertical-align:top}}tr.mislukt td{{background:#fff4ee}}
.let-op{{border-left:4px solid #D55E00;padding:.4em .8em;background:#fff8f3}}</style></head>
<body><h1>Stappenplan per regio — {html.escape(p.label)}</h1>
{melding}
<p>{len(tabel)} regio's, waarvan {mislukt} mislukt.</p>
<table><thead><tr><th>Regio</th><th>Status</th><th>Kern</th></tr></thead>
<tbody>{"".join(rijen)}</tbody></table></body></html>
"""
    doel = uit / "index.html"
    doel.write_text(pagina, encoding="utf-8")
    return doel
