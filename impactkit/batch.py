"""Run the step-plan notebook for many regions: one executed notebook and one report each.

:func:`draai_batch` runs ``notebooks/stappenplan.ipynb`` for all regions (or a list) on several
Jupyter kernels at once, each driven by a thread of the batch process. A kernel is reused for
every region it gets (the namespace is reset between regions), so the cost of starting a kernel
and importing the kit is paid once per kernel instead of once per region. Parameters are
injected the papermill way (the injected cell follows the cell tagged ``parameters``).

Per region the output folder holds ``<slug>/stappenplan.ipynb`` (executed), ``<slug>/rapport.html``
(no code, charts as SVG: readable offline), ``<slug>/stappenplan.yaml`` and
``<slug>/samenvatting.json``; ``index.html`` and ``samenvatting.csv`` link and summarise all
regions. A region that fails does not stop the others: its notebook shows the Dutch message at
the top and the summary says which region failed and why; a failed rerun keeps the last good
report, marked out of date. A region whose inputs did not change since its last successful run
is skipped. The batch writes only what it made: ``.impactkit-batch.json`` lists it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pandas as pd

from .fouten import ImpactkitFout
from .oordelen import (
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OORDELEN,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
)
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
    datum: str = ""  # when the report was made (ISO); for a skipped region: its last run
    startvraag: str = ""
    verouderd: bool = False  # a rerun failed: the report in the folder is the last good one


# -- Kernels, driven from threads -----------------------------------------------------------------
class _Kernel:
    """One Jupyter kernel, reused for every region a thread gets.

    The kernel is its own process, so the batch drives it from a thread of the batch process:
    no second Python process per worker that imports the whole kit only to wait on a socket.
    The namespace is reset between regions; imported modules (the kit, its data) stay loaded.
    """

    def __init__(self, cwd: str) -> None:
        self.cwd, self.km, self.kc = cwd, None, None

    def start(self) -> None:
        from jupyter_client.manager import KernelManager

        for poging in (1, 2):  # a failed kernel start is retried once
            try:
                self.km = KernelManager(kernel_name="python3")
                self.km.start_kernel(cwd=self.cwd)
                self.kc = self.km.client()
                self.kc.start_channels()
                self.kc.wait_for_ready(timeout=120)
                return
            except Exception:
                self.stop()
                if poging == 2:
                    raise

    def levend(self) -> bool:
        return self.km is not None and self.km.is_alive()

    def stop(self) -> None:
        kc, km, self.kc, self.km = self.kc, self.km, None, None
        try:
            if kc is not None:
                kc.stop_channels()
            if km is not None and km.has_kernel:
                km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - stopping is best effort
            pass

    def voer_uit(self, nb, werkmap: Path):
        """Execute a parameterised notebook; return (nb, (ename, evalue) or None)."""
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, DeadKernelError

        if not self.levend():
            self.stop()
            self.start()
        # Fresh namespace and working directory for every region; imported modules stay cached.
        self.kc.execute_interactive(
            f"%reset -f\nimport os as _os\n_os.chdir({str(werkmap)!r})\ndel _os", timeout=60
        )
        client = NotebookClient(
            nb,
            km=self.km,
            kernel_name="python3",
            timeout=TIJDSLIMIET,
            allow_errors=False,
            record_timing=False,
        )
        client.kc = self.kc
        try:
            client.execute()
            return nb, None
        except CellExecutionError as e:
            return nb, (e.ename, e.evalue)
        except DeadKernelError as e:
            self.stop()
            return nb, ("DeadKernelError", f"De kernel stopte onverwacht: {e}")
        finally:
            # nbclient registers a clean-up per client at exit; ours stops the kernel itself,
            # and the registration would keep every executed notebook in memory.
            import atexit

            atexit.unregister(client._cleanup_kernel)


def _foutcel(ename: str, evalue: str):
    import nbformat

    uitleg = evalue.strip().splitlines()[-1] if evalue.strip() else ename
    # Plain Markdown, user text escaped: the message may quote what the user typed.
    cel = nbformat.v4.new_markdown_cell(
        f"**Dit werkboek is niet afgemaakt.** {html.escape(uitleg, quote=False)}\n\n"
        f"Soort fout: {html.escape(ename, quote=False)}. Pas de parameters aan en draai opnieuw."
    )
    cel.metadata["tags"] = ["impactkit-fout"]
    return cel


def _relatief(doel: Path, van: Path) -> str:
    return Path(os.path.relpath(doel, van)).as_posix()


def _draai_regio(taak: dict, kernel: _Kernel) -> dict:
    """Run one region: executed notebook, report, status.

    Everything is written to the region's work folder (``taak["werkmap"]``); the coordinator
    then puts it in place (:func:`_plaats`), so a failed run never touches a good report.
    """
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .rapport import aanmaakmoment, maak_rapport

    begin = time.perf_counter()
    doelmap = Path(taak["werkmap"])
    doelmap.mkdir(parents=True, exist_ok=True)
    nb = load_notebook_node(taak["notebook"])
    nb = parameterize_notebook(nb, taak["parameters"], kernel_name="python3", language="python")
    nb, fout = kernel.voer_uit(nb, doelmap)
    if fout is not None:
        nb.cells.insert(0, _foutcel(*fout))
    nbformat.write(nb, doelmap / "stappenplan.ipynb")
    moment = aanmaakmoment()
    (doelmap / "rapport.html").write_text(
        maak_rapport(nb, aangemaakt=moment, vega=taak.get("vega")), encoding="utf-8"
    )
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
        "datum": moment.isoformat(timespec="minutes"),
        "sleutel": taak["sleutel"],
    }


# -- Coordinator side -----------------------------------------------------------------------------
PAD_PARAMETERS = ("bron", "normen", "plan_bestand", "lokale_indicatoren")
MANIFEST = ".impactkit-batch.json"
WERKMAP = ".impactkit-werk"  # regions run here first; a finished run then replaces its folder


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


def _hash_bestanden(h, paden, van: Path | None = None) -> None:
    for pad in paden:
        h.update((pad.relative_to(van).as_posix() if van else str(pad)).encode())
        h.update(hashlib.sha256(pad.read_bytes()).digest())


def _basis_sleutel(notebook: Path) -> str:
    """What every report of a batch depends on, by content: the kit's version, the notebook, the
    report templates and the practice data.

    The kit's code counts through its version, not file by file: a report does not go out of
    date because a file was touched or copied. After changing the kit's code without a new
    version number, run with ``opnieuw=True`` (``--opnieuw``).
    """
    h = hashlib.sha256(__version__.encode())
    h.update(notebook.read_bytes())
    sjablonen = Path(__file__).parent / "sjablonen"
    _hash_bestanden(h, sorted(p for p in sjablonen.iterdir() if p.is_file()), sjablonen)
    _hash_bestanden(h, sorted(data_pad().rglob("*.csv")), data_pad())
    return h.hexdigest()


def _sleutel(notebook: Path, parameters: dict, basis: str | None = None) -> str:
    """What a report depends on: :func:`_basis_sleutel`, the parameters, the user's own files
    (by content) and, for CBS figures, the CBS cache."""
    h = hashlib.sha256((basis or _basis_sleutel(notebook)).encode())
    h.update(json.dumps(parameters, sort_keys=True, ensure_ascii=False).encode())
    _hash_bestanden(h, _bestanden_in(parameters))
    if "cbs" in [d.strip().lower() for d in str(parameters.get("bron") or "").split(",")]:
        from .bronnen.cbs_odata import cache_locatie

        try:
            map_ = cache_locatie()
            _hash_bestanden(h, sorted(p for p in map_.rglob("*") if p.is_file()), map_)
        except (ImpactkitFout, OSError):
            pass
    return h.hexdigest()


def _batch_info(doelmap: Path) -> dict:
    info = _lees(doelmap / "batch.json", {})
    return info if isinstance(info, dict) else {}


def _is_actueel(doelmap: Path, sleutel: str) -> bool:
    vorig = _batch_info(doelmap)
    return (
        (doelmap / "rapport.html").exists()
        and vorig.get("sleutel") == sleutel
        and vorig.get("status") == "gelukt"
        and not vorig.get("laatste_poging")
    )


def _binnen(uit: Path, doel: Path) -> Path:
    doel = doel.resolve()
    if uit.resolve() not in doel.parents:
        raise ImpactkitFout(f"Uitvoermap '{doel}' valt buiten '{uit}'.")
    return doel


class Manifest:
    """What the batch made in an output folder (``.impactkit-batch.json``).

    The batch writes only files and folders listed here: before it writes anything it checks
    that every path it is about to write either does not exist yet or was made by an earlier
    batch. A file the user put there (their own ``index.html``) is never overwritten.
    """

    def __init__(self, uit: Path) -> None:
        self.uit = uit
        self.pad = uit / MANIFEST
        self.bestanden: set[str] = set()
        self.mappen: set[str] = set()
        self._slot = threading.Lock()
        if self.pad.exists():
            data = _lees(self.pad, None)
            if not (isinstance(data, dict) and data.get("gemaakt_door") == "impactkit batch"):
                raise ImpactkitFout(
                    f"In '{uit}' staat een bestand '{MANIFEST}' dat de batch niet heeft gemaakt. "
                    "Kies een andere map voor de uitvoer."
                )
            self.bestanden = {str(b) for b in data.get("bestanden", [])}
            self.mappen = {str(m) for m in data.get("mappen", [])}

    def _rel(self, pad: Path) -> str:
        return _relatief(Path(pad), self.uit)

    def van_batch(self, pad: Path) -> bool:
        rel = self._rel(pad)
        return rel in self.bestanden or any(
            rel == m or rel.startswith(m + "/") for m in self.mappen
        )

    def controleer(self, paden: list[Path]) -> None:
        """Refuse (Dutch message, nothing written) when a path exists that the batch did not make."""
        vreemd = [
            self._rel(p) for p in paden if (p.exists() or p.is_symlink()) and not self.van_batch(p)
        ]
        if vreemd:
            lijst = ", ".join(f"'{v}'" for v in sorted(vreemd)[:5])
            meer = f" en nog {len(vreemd) - 5}" if len(vreemd) > 5 else ""
            raise ImpactkitFout(
                f"De batch schrijft alleen over bestanden die hij zelf heeft gemaakt. In de "
                f"uitvoermap '{self.uit}' staat al: {lijst}{meer}. Die laat de batch staan. Kies "
                "een andere (lege) map met --uit, of verplaats of hernoem deze bestanden."
            )

    def noteer(self, pad: Path, is_map: bool = False) -> None:
        with self._slot:
            (self.mappen if is_map else self.bestanden).add(self._rel(pad))
            inhoud = {
                "gemaakt_door": "impactkit batch",
                "versie": __version__,
                "uitleg": "Wat de batch in deze map heeft gemaakt. Alleen deze bestanden en "
                "mappen schrijft hij opnieuw.",
                "bestanden": sorted(self.bestanden),
                "mappen": sorted(self.mappen),
            }
            tijdelijk = self.pad.with_name(self.pad.name + ".tmp")
            tijdelijk.write_text(json.dumps(inhoud, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(tijdelijk, self.pad)

    def schrijf(self, pad: Path, tekst: str) -> Path:
        """Write a text file the batch owns (checked, then noted, then written)."""
        self.controleer([pad])
        self.noteer(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        return pad


GEEN_KERNEL = (
    "De batch heeft de Python-kernel 'python3' nodig (het pakket ipykernel), en die is niet "
    "gevonden. Installeer hem in dezelfde omgeving als impactkit: 'pip install ipykernel'. "
    "Controleer daarna met 'jupyter kernelspec list' dat 'python3' erbij staat."
)


def controleer_kernel() -> None:
    """Stop with one Dutch message when the kernel the batch needs is missing."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as e:  # pragma: no cover - jupyter_client comes with nbclient
        raise ImpactkitFout(GEEN_KERNEL) from e
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel as e:
        raise ImpactkitFout(GEEN_KERNEL) from e


def standaard_periode() -> str:
    """The latest period with data; '2021H1' until the kit can tell (``laatste_periode``)."""
    from . import perioden

    laatste = getattr(perioden, "laatste_periode", None)
    if laatste is None:
        from . import opvragen

        laatste = getattr(opvragen, "laatste_periode", None)
    if laatste is None:
        return "2021H1"
    from .laden import laad

    return str(laatste(laad()))


def _standaard_startvraag(notebook: Path) -> str:
    """The notebook's own default for ``startvraag`` (the parameters cell)."""
    import ast

    from papermill import inspect_notebook

    try:
        return str(ast.literal_eval(inspect_notebook(str(notebook))["startvraag"]["default"]))
    except (KeyError, ValueError, SyntaxError):
        return ""


def _sorteer_naam(naam: str) -> str:
    return unicodedata.normalize("NFKD", str(naam)).encode("ascii", "ignore").decode().casefold()


def controleer_werkers(werkers: object) -> int | None:
    """``None`` (as many as there are processor cores) or a whole number of at least 1."""
    if werkers is None:
        return None
    if isinstance(werkers, bool) or not isinstance(werkers, int) or werkers < 1:
        raise ImpactkitFout(
            f"Het aantal werkers moet een heel getal van 1 of meer zijn; je gaf {werkers}. "
            "Laat --werkers weg, dan kiest de batch het aantal processorkernen."
        )
    return werkers


def _regio_mappen(namen: list[str], periode: str | None = None) -> list[tuple[str, str, str, str]]:
    """(name as typed, region code, display name, folder name) per distinct region.

    The display name is the one valid in ``periode`` (VT15 is Midden-Brabant from 2023); the
    folder name stays the register's, so a region keeps its folder across periods.

    Names are resolved to region codes first, so 'Twente', 'twente' and 'VT19' are one region
    with one run. A name that is no region still gets a run (its notebook and report show the
    Dutch message), in a folder no region and no other name can have: 'Twente!' never writes
    into the folder of Twente.
    """
    bekend = {slug(n) for n in regios()["naam"]}
    uit, codes, gebruikt = [], set(), set()
    for naam in namen:
        try:
            r = zoek_regio(naam)
        except ImpactkitFout:
            r = None
        if r is not None:
            if r.code in codes:
                continue  # the same region, typed another way
            codes.add(r.code)
            weergave = r.naam_in(periode) if periode else r.naam
            uit.append((naam, r.code, weergave, slug(r.naam)))
            continue
        mapnaam = slug(naam)
        if mapnaam in bekend or mapnaam in gebruikt:
            mapnaam = f"{mapnaam}-{hashlib.sha256(naam.encode()).hexdigest()[:8]}"
        gebruikt.add(mapnaam)
        uit.append((naam, "", naam, mapnaam))
    return uit


def _plaats(uit: Path, taak: dict, uitkomst: dict, basis: Resultaat, manifest: Manifest) -> None:
    """Put a finished run in place. A good run (or a failed one where no good report existed)
    replaces the region's folder; a failed rerun leaves the good report where it is, marks it
    out of date and keeps the failed notebook next to it (``stappenplan-mislukt.ipynb``)."""
    import shutil

    doelmap, werkmap = Path(taak["map"]), Path(taak["werkmap"])
    vorig = _batch_info(doelmap) if doelmap.exists() else {}
    goed_rapport = vorig.get("status") == "gelukt" and (doelmap / "rapport.html").exists()
    if uitkomst["status"] == "mislukt" and goed_rapport:
        if (werkmap / "stappenplan.ipynb").exists():
            shutil.copyfile(werkmap / "stappenplan.ipynb", doelmap / "stappenplan-mislukt.ipynb")
        shutil.rmtree(werkmap, ignore_errors=True)
        vorig["laatste_poging"] = {
            "status": "mislukt",
            "fout": uitkomst["fout"],
            "datum": uitkomst["datum"],
        }
        (doelmap / "batch.json").write_text(
            json.dumps(vorig, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        basis.status, basis.fout, basis.verouderd = "mislukt", uitkomst["fout"], True
        basis.kop, basis.datum = vorig.get("kop", ""), vorig.get("datum", "")
        basis.seconden = uitkomst["seconden"]
        return
    basis.status, basis.kop, basis.fout = uitkomst["status"], uitkomst["kop"], uitkomst["fout"]
    basis.seconden, basis.datum = uitkomst["seconden"], uitkomst["datum"]
    werkmap.mkdir(parents=True, exist_ok=True)
    (werkmap / "batch.json").write_text(
        json.dumps(
            {**asdict(basis), "map": "", "sleutel": uitkomst["sleutel"]},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    manifest.noteer(doelmap, is_map=True)
    oud = werkmap.with_name(werkmap.name + ".oud")
    if doelmap.exists():
        shutil.rmtree(oud, ignore_errors=True)
        os.replace(doelmap, oud)
    doelmap.parent.mkdir(parents=True, exist_ok=True)
    os.replace(werkmap, doelmap)
    shutil.rmtree(oud, ignore_errors=True)


def draai_batch(
    uit: str | Path,
    regio_namen: list[str] | None = None,
    periode: str | None = None,
    werkers: int | None = None,
    parameters: dict | None = None,
    notebook: str | Path = NOTEBOOK,
    opnieuw: bool = False,
    voortgang: bool = True,
    startvragen: list[str] | None = None,
    pdf: bool = False,
) -> pd.DataFrame:
    """Run the step-plan notebook for each region; returns one row per region (and question).

    ``regio_namen``: names or codes as typed by the user (default: all 26 regions). Names of
    the same region run once; a name that is not a region still gets a run, so its notebook
    shows the Dutch message and the summary lists it. ``parameters`` are extra notebook
    parameters (e.g. ``bron``, ``hoofdvraag``). ``startvragen``: one report per region for each
    of these start questions; with more than one, each question gets its own folder
    (``uit/<startvraag>/<regio>/``) and the overview page groups by question. ``pdf``: also print
    each report to PDF with headless Chromium. The rows are sorted by question and region name.

    The batch writes only what it made (:class:`Manifest`) and refuses, before it starts, to
    overwrite anything else. A failed rerun keeps the region's last good report, marked out of
    date (``verouderd``).
    """
    from .rapport import GEEN_CHROMIUM, VEGA_BESTAND, VEGA_MAP, schrijf_vega, vind_chromium

    werkers = controleer_werkers(werkers)
    uit = Path(uit)
    if uit.exists() and not uit.is_dir():
        raise ImpactkitFout(
            f"'{uit}' is een bestand, geen map. Geef voor de uitvoer een map op: een nieuwe, of "
            "een map die de batch eerder heeft gevuld."
        )
    notebook = Path(notebook)
    if not notebook.is_file():
        raise ImpactkitFout(f"Notebook '{notebook}' bestaat niet.")
    controleer_kernel()
    if pdf and vind_chromium() is None:
        raise ImpactkitFout(GEEN_CHROMIUM)
    periode = periode or standaard_periode()
    Periode.parse(periode)
    if regio_namen is None:
        regio_namen = regios().query("soort == 'vt'")["naam"].tolist()
    regio_namen = list(dict.fromkeys(str(n) for n in regio_namen))  # typed twice: once
    parameters = dict(parameters or {})
    if startvragen:
        vragen = list(dict.fromkeys(str(v) for v in startvragen))
    else:
        vragen = [str(parameters.get("startvraag", _standaard_startvraag(notebook)))]
    apart = len(vragen) > 1
    vega_pad = uit / VEGA_MAP / VEGA_BESTAND
    werk = uit / WERKMAP

    # Plan everything, then check that nothing the batch did not make is in the way.
    plan = []
    for vraag in vragen:
        basis_map = uit / slug(vraag or "eigen-hoofdvraag") if apart else uit
        for naam, code, weergave, mapnaam in _regio_mappen(regio_namen, periode):
            plan.append((vraag, naam, code, weergave, _binnen(uit, basis_map / mapnaam)))
    uit.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(uit)
    manifest.controleer(
        [uit / "index.html", uit / "samenvatting.csv", uit / VEGA_MAP, werk, *(m for *_, m in plan)]
    )
    for m in {m.parent for *_, m in plan}:
        if m.exists() and not m.is_dir():
            manifest.controleer([m])

    basis_sleutel = _basis_sleutel(notebook)
    taken, resultaten = [], []
    for vraag, naam, code, weergave, doelmap in plan:
        params = _absolute_paden(
            {
                "regio": naam,
                "periode": periode,
                "uitvoer": ".",
                "interactief": False,
                "weergave": "rapport",
                **parameters,
                "startvraag": vraag,
            }
        )
        sleutel = _sleutel(notebook, params, basis_sleutel)
        basis = Resultaat(
            regio=weergave, regio_code=code, status="", map=str(doelmap), startvraag=vraag
        )
        if not opnieuw and _is_actueel(doelmap, sleutel):
            vorig = _batch_info(doelmap)
            basis.status, basis.kop = "overgeslagen", vorig.get("kop", "")
            basis.datum = vorig.get("datum", "")
            basis.seconden = float(vorig.get("seconden", 0.0))
            resultaten.append(basis)
            continue
        werkmap = werk / _relatief(doelmap, uit).replace("/", "--")
        taken.append(
            (
                basis,
                {
                    "notebook": str(notebook),
                    "parameters": params,
                    "map": str(doelmap),
                    "werkmap": str(werkmap),
                    "sleutel": sleutel,
                    "vega": _relatief(vega_pad, doelmap),
                },
            )
        )

    if taken:
        import shutil

        if not vega_pad.exists() or manifest.van_batch(vega_pad):
            manifest.noteer(uit / VEGA_MAP, is_map=True)
            schrijf_vega(uit)  # once per output folder, shared by all reports
        manifest.noteer(werk, is_map=True)
        for _, t in taken:  # left over from an interrupted run
            shutil.rmtree(t["werkmap"], ignore_errors=True)
        for basis, uitkomst in _draai_taken(taken, werkers, uit, voortgang):
            _plaats(uit, dict(uitkomst["taak"]), uitkomst, basis, manifest)
            resultaten.append(basis)
        shutil.rmtree(werk, ignore_errors=True)

    if pdf:
        _maak_pdfs(resultaten, voortgang)

    tabel = pd.DataFrame(
        [asdict(r) for r in resultaten], columns=[f.name for f in fields(Resultaat)]
    )
    volgorde = {v: i for i, v in enumerate(vragen)}
    tabel["_v"] = tabel["startvraag"].map(lambda v: volgorde.get(v, 0))
    tabel["_n"] = tabel["regio"].map(_sorteer_naam)
    tabel = tabel.sort_values(["_v", "_n"]).drop(columns=["_v", "_n"]).reset_index(drop=True)
    csv = tabel.copy()
    csv["map"] = [_relatief(Path(m), uit) for m in csv["map"]]
    csv.insert(csv.columns.get_loc("map") + 1, "rapport", [f"{m}/rapport.html" for m in csv["map"]])
    manifest.schrijf(uit / "samenvatting.csv", csv.to_csv(index=False))
    schrijf_index(uit, tabel, periode, parameters, manifest=manifest)
    return tabel


def _draai_taken(taken: list, werkers: int | None, uit: Path, voortgang: bool):
    """Run the regions on ``werkers`` kernels at once; yields (Resultaat, outcome) as each
    region finishes. Each kernel is driven by a thread of this process and reused."""
    import queue

    from tqdm.auto import tqdm

    werkers = max(1, min(werkers or os.cpu_count() or 1, len(taken)))
    wachtrij: queue.Queue = queue.Queue()
    for item in taken:
        wachtrij.put(item)
    klaar: queue.Queue = queue.Queue()
    kernels = [_Kernel(str(uit)) for _ in range(werkers)]
    stop = threading.Event()

    def werker(kernel: _Kernel) -> None:
        try:
            while not stop.is_set():
                try:
                    basis, taak = wachtrij.get_nowait()
                except queue.Empty:
                    return
                try:
                    uitkomst = _draai_regio(taak, kernel)
                except Exception as e:  # noqa: BLE001 - one broken region must not stop the batch
                    uitkomst = {
                        "status": "mislukt",
                        "fout": f"{type(e).__name__}: {e}",
                        "kop": "",
                        "seconden": 0.0,
                        "sleutel": "",
                        "datum": "",
                    }
                uitkomst["taak"] = taak
                klaar.put((basis, uitkomst))
        finally:
            kernel.stop()

    draden = [
        threading.Thread(target=werker, args=(k,), daemon=True, name=f"impactkit-{i}")
        for i, k in enumerate(kernels)
    ]
    balk = tqdm(total=len(taken), desc="Regio's", unit="regio", disable=not voortgang)
    try:
        for draad in draden:
            draad.start()
        for _ in range(len(taken)):
            basis, uitkomst = klaar.get()
            balk.set_postfix_str(f"{basis.regio}: {uitkomst['status']}")
            balk.update()
            yield basis, uitkomst
    finally:
        stop.set()
        balk.close()
        for kernel in kernels:  # also on Ctrl-C: no kernel is left running
            kernel.stop()
        for draad in draden:
            draad.join(timeout=10)


def _maak_pdfs(resultaten: list[Resultaat], voortgang: bool) -> None:
    """One PDF per report, next to it (also for reports skipped as up to date)."""
    from .rapport import naar_pdf

    klaar = [r for r in resultaten if r.status in ("gelukt", "overgeslagen")]
    from tqdm.auto import tqdm

    for r in tqdm(klaar, desc="PDF's", unit="pdf", disable=not voortgang):
        rapport = Path(r.map) / "rapport.html"
        pdf = rapport.with_suffix(".pdf")
        if (
            r.status == "overgeslagen"
            and pdf.exists()
            and pdf.stat().st_mtime >= rapport.stat().st_mtime
        ):
            continue
        naar_pdf(rapport, pdf)


def _lees(pad: Path, standaard):
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return standaard


OORDEEL_KLASSE = {
    OPVALLEND_HOGER: "hoger",
    OPVALLEND_LAGER: "lager",
    KLEIN_VERSCHIL: "klein",
    MOGELIJK_TOEVAL: "toeval",
    GEEN_VERSCHIL: "klein",
    GEEN_TOETS: "geen",
    GEEN_GEGEVENS: "geen",
}
"""Verdict -> CSS class on the overview page; the verdict itself is always shown as the word."""


def _datum_kort(iso: str) -> str:
    from datetime import datetime

    from .rapport import datum_tekst

    try:
        return datum_tekst(datetime.fromisoformat(iso))
    except (TypeError, ValueError):
        return ""


def _vraag_tekst(startvraag: str, hoofdvraag: str) -> str:
    if startvraag:
        return f"Startvraag: {hoofdvraag or startvraag}"
    return f"Eigen hoofdvraag: {hoofdvraag}" if hoofdvraag else "Eigen hoofdvraag"


def _badge(oordeel: str) -> str:
    klasse, woord = OORDEEL_KLASSE.get(oordeel, "geen"), oordeel or "–"
    return (
        f'<span class="oordeel {klasse}" title="{html.escape(oordeel)}">{html.escape(woord)}</span>'
    )


def _status_tekst(r) -> str:
    if r.status == "mislukt":
        if getattr(r, "verouderd", False):
            return f"mislukt; dit is het rapport van {_datum_kort(r.datum)}, en dat is verouderd"
        return "mislukt"
    if r.status == "overgeslagen":
        return f"al actueel (gemaakt op {_datum_kort(r.datum)})" if r.datum else "al actueel"
    return "nieuw gemaakt"


def schrijf_index(
    uit: Path,
    tabel: pd.DataFrame,
    periode: str,
    parameters: dict | None = None,
    manifest: Manifest | None = None,
) -> Path:
    """The overview page: the question(s), period and data, then per question a region x
    indicator table of verdicts against Nederland (colour plus word), each row linking to the
    region's report, with status, date and headline of its last run.

    Refuses (Dutch message) to overwrite an ``index.html`` the batch did not make.
    """
    from .rapport import aanmaakmoment, datum_tekst, sjabloon, tabel_html

    uit = Path(uit)
    manifest = manifest or Manifest(uit)
    manifest.controleer([uit / "index.html"])
    p = Periode.parse(periode)
    parameters = parameters or {}
    oefen, bronnen = False, set()
    delen = []
    for vraag, groep in tabel.groupby("startvraag", sort=False):
        info = [_lees(Path(m) / "samenvatting.json", {}) for m in groep["map"]]
        oordelen = [_lees(Path(m) / "oordelen.json", []) for m in groep["map"]]
        oefen = oefen or any(i.get("oefendata") for i in info)
        hoofdvragen = [i.get("hoofdvraag", "") for i in info if i.get("hoofdvraag")]
        hoofdvraag = hoofdvragen[0] if hoofdvragen else str(parameters.get("hoofdvraag", ""))
        kolommen: dict[str, str] = {}
        for rijen in oordelen:
            for o in rijen:
                kolommen.setdefault(f"{o['indicator']}:{o.get('categorie') or ''}", o["naam"])
        kop = ["Regio", *kolommen.values()]
        matrix, kernen = [], []
        for r, o in zip(groep.itertuples(index=False), oordelen):
            link = html.escape(_relatief(Path(r.map) / "rapport.html", uit))
            naam = f'<th scope="row"><a href="{link}">{html.escape(r.regio)}</a></th>'
            per = {f"{x['indicator']}:{x.get('categorie') or ''}": x["oordeel"] for x in o}
            cellen = [f"<td>{_badge(per[k]) if k in per else '–'}</td>" for k in kolommen]
            klasse = ' class="mislukt"' if r.status == "mislukt" else ""
            matrix.append(f"<tr{klasse}>{naam}{''.join(cellen)}</tr>")
            kern = f"Mislukt: {r.fout}" if r.status == "mislukt" else r.kop
            kernen.append(
                f"<tr{klasse}>{naam}<td>{html.escape(_status_tekst(r))}</td>"
                f'<td class="kern">{html.escape(kern)}</td></tr>'
            )
        koppen = "".join(f'<th scope="col">{html.escape(k)}</th>' for k in kop)
        titel = _vraag_tekst(str(vraag), hoofdvraag)
        delen.append(
            f"<section>\n<h2>{html.escape(titel)}</h2>\n"
            # A map of the verdicts (impactkit.grafieken) can go here, before the table.
            '<div class="tabel" role="region" tabindex="0" aria-label="Oordelen per regio">'
            f'<table class="overzicht"><caption>Oordeel per regio en indicator, tegenover '
            f"Nederland, {html.escape(p.label)}. Klik op een regio voor het rapport.</caption>"
            f"<thead><tr>{koppen}</tr></thead><tbody>{''.join(matrix)}</tbody></table></div>\n"
            '<div class="tabel" role="region" tabindex="0" aria-label="De kern per regio">'
            "<table><caption>De kern per regio, met de stand van het rapport</caption>"
            '<thead><tr><th scope="col">Regio</th><th scope="col">Rapport</th>'
            '<th scope="col">Kern</th></tr></thead>'
            f"<tbody>{''.join(kernen)}</tbody></table></div>\n</section>"
        )
        bronnen.update(str(i.get("bron", "")) for i in info if i.get("bron"))
    bron = str(parameters.get("bron", "oefendata"))
    if oefen:
        data = (
            "<b>oefendata</b>: verzonnen cijfers om mee te oefenen, geen echte cijfers. "
            "Trek er geen conclusies uit over een regio."
        )
    else:
        data = html.escape(bron if bron != "oefendata" else "zie het rapport per regio")
    mislukt = int((tabel["status"] == "mislukt").sum())
    uitleg = tabel_html(
        ["Oordeel", "Betekenis"],
        [[o, OORDELEN[o]] for o in OORDEEL_KLASSE if o in OORDELEN],
        "Wat de woorden in de tabel betekenen",
    )
    moment = aanmaakmoment()
    pagina = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stappenplan per regio, {html.escape(p.label)} — overzicht</title>
<style>
{sjabloon("rapport.css")}
main {{ max-width: 80rem; }}
table.overzicht thead th {{ min-width: 7rem; max-width: 11rem; font-weight: 600; }}
table.overzicht tbody th {{ white-space: nowrap; }}
td.kern {{ min-width: 18rem; }}
tr.mislukt td, tr.mislukt th {{ background: #fff4ee; }}
</style>
</head>
<body>
<main>
<h1>Stappenplan per regio, {html.escape(p.label)}</h1>
<p class="aangemaakt">Gemaakt op: <time datetime="{moment:%Y-%m-%dT%H:%M}">{datum_tekst(moment)}</time></p>
<ul class="over">
<li><strong>Periode:</strong> {html.escape(p.label)}</li>
<li><strong>Cijfers:</strong> {data}</li>
<li><strong>Regio's:</strong> {tabel["regio"].nunique()}, waarvan {mislukt} mislukt{"" if mislukt == 1 else ""}.</li>
<li><strong>Gemaakt met:</strong> impactkit {__version__}. Alle regio's staan ook in samenvatting.csv.</li>
</ul>
{"".join(delen)}
<section>
<h2>Zo lees je de tabel</h2>
<p>Elke cel zegt in een woord en een kleur hoe de regio zich verhoudt tot Nederland (zonder de
regio), met de toets uit het rapport. Een kleur staat nooit alleen: het woord zegt het ook.</p>
{uitleg}
</section>
</main>
</body>
</html>
"""
    return manifest.schrijf(uit / "index.html", pagina)
