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

This module is the coordinator: it plans the runs, keys each report by its inputs and puts
finished runs in place. The kernels live in :mod:`impactkit.batch_kernels`, the manifest in
:mod:`impactkit.batch_manifest` and the overview page in :mod:`impactkit.batch_overzicht`.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pandas as pd

from .batch_kernels import GEEN_KERNEL, TIJDSLIMIET, controleer_kernel
from .batch_kernels import draai_taken as _draai_taken  # the seam the tests replace
from .batch_manifest import MANIFEST, Manifest, lees_json, relatief_pad
from .batch_overzicht import OORDEEL_KLASSE, schrijf_index
from .csvveilig import veilige_csv_tabel
from .fouten import ImpactkitFout
from .namen import slug, veilige_mapnaam
from .paden import data_pad, notebook_pad
from .perioden import Periode
from .regioindeling import regio as zoek_regio
from .regioindeling import regios
from .versie import __version__

NOTEBOOK = notebook_pad("stappenplan.ipynb")

__all__ = [
    "GEEN_KERNEL",
    "MANIFEST",
    "NOTEBOOK",
    "OORDEEL_KLASSE",
    "PAD_PARAMETERS",
    "TIJDSLIMIET",
    "WERKMAP",
    "Manifest",
    "Resultaat",
    "controleer_kernel",
    "controleer_werkers",
    "draai_batch",
    "schrijf_index",
    "slug",
    "standaard_periode",
]


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


PAD_PARAMETERS = ("bron", "normen", "plan_bestand", "lokale_indicatoren")
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
    info = lees_json(doelmap / "batch.json", {})
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
    from .rapport import VEGA_MAP

    bekend = {slug(n) for n in regios()["naam"]}
    eigen_mappen = {VEGA_MAP, WERKMAP, slug(WERKMAP)}  # shared by all reports: never a region's

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
        mapnaam = veilige_mapnaam(naam, "regio", bezet=eigen_mappen)
        if mapnaam in bekend or mapnaam in gebruikt:
            mapnaam = f"{mapnaam}-{hashlib.sha256(naam.encode()).hexdigest()[:8]}"
        gebruikt.add(mapnaam)
        uit.append((naam, "", naam, mapnaam))
    return uit


REGIO_BESTANDEN = frozenset(
    {
        "stappenplan.ipynb",
        "stappenplan-mislukt.ipynb",
        "rapport.html",
        "rapport.pdf",
        "stappenplan.yaml",
        "samenvatting.json",
        "oordelen.json",
        "batch.json",
    }
)
"""What a run writes in a region's folder; anything else there is the user's and stays."""


def _neem_eigen_bestanden_mee(doelmap: Path, werkmap: Path) -> None:
    """Move the user's own files (notes, ...) from the old region folder into the new run's."""
    for item in doelmap.iterdir():
        if item.name not in REGIO_BESTANDEN and not (werkmap / item.name).exists():
            os.replace(item, werkmap / item.name)


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
        _neem_eigen_bestanden_mee(doelmap, werkmap)
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

    ``uit`` may be relative: it is taken from the current folder, as the user typed it.
    ``regio_namen``: names or codes as typed by the user (default: all regions that exist in
    the period: 26 up to 2022, 25 from 2023). Names of
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
    werkers = controleer_werkers(werkers)
    # Absolute from here on: the kernels run in other folders than the user's.
    uit, notebook = Path(uit).absolute(), Path(notebook).absolute()
    periode = _controleer_invoer(uit, notebook, periode, pdf)
    if regio_namen is None:
        regio_namen = regios(periode=periode).query("soort == 'vt'")["naam"].tolist()
    regio_namen = list(dict.fromkeys(str(n) for n in regio_namen))  # typed twice: once
    parameters = dict(parameters or {})
    if startvragen:
        vragen = list(dict.fromkeys(str(v) for v in startvragen))
    else:
        vragen = [str(parameters.get("startvraag", _standaard_startvraag(notebook)))]

    # Plan everything, then check that nothing the batch did not make is in the way.
    plan = _plan(uit, vragen, regio_namen, periode)
    manifest = _controleer_uitvoermap(uit, plan)
    taken, resultaten = _taken(uit, plan, notebook, periode, parameters, opnieuw)
    if taken:
        resultaten += _draai(uit, taken, werkers, voortgang, manifest)
    pdfs = _maak_pdfs(resultaten, voortgang) if pdf else 0

    tabel = _samenvattingstabel(resultaten, vragen)
    tabel.attrs["pdfs_gemaakt"] = pdfs
    csv = tabel.copy()
    csv["map"] = [relatief_pad(Path(m), uit) for m in csv["map"]]
    csv.insert(csv.columns.get_loc("map") + 1, "rapport", [f"{m}/rapport.html" for m in csv["map"]])
    # Region names and questions are user text: no cell a spreadsheet would run (OWASP).
    manifest.schrijf(uit / "samenvatting.csv", veilige_csv_tabel(csv).to_csv(index=False))
    schrijf_index(uit, tabel, periode, parameters, manifest=manifest)
    return tabel


def _controleer_invoer(uit: Path, notebook: Path, periode: str | None, pdf: bool) -> str:
    """Stop (Dutch message, nothing written) on an unusable output folder, notebook, kernel,
    browser or period; returns the period (default: the latest with data)."""
    from .rapport import GEEN_CHROMIUM, vind_chromium

    if uit.exists() and not uit.is_dir():
        raise ImpactkitFout(
            f"'{uit}' is een bestand, geen map. Geef voor de uitvoer een map op: een nieuwe, of "
            "een map die de batch eerder heeft gevuld."
        )
    if not notebook.is_file():
        raise ImpactkitFout(f"Notebook '{notebook}' bestaat niet.")
    controleer_kernel()
    if pdf and vind_chromium() is None:
        raise ImpactkitFout(GEEN_CHROMIUM)
    periode = periode or standaard_periode()
    Periode.parse(periode)
    return periode


def _plan(uit: Path, vragen: list[str], regio_namen: list[str], periode: str) -> list[tuple]:
    """(question, name as typed, region code, display name, folder) per run, in order."""
    apart = len(vragen) > 1
    plan = []
    for vraag in vragen:
        basis_map = uit / slug(vraag or "eigen-hoofdvraag") if apart else uit
        for naam, code, weergave, mapnaam in _regio_mappen(regio_namen, periode):
            plan.append((vraag, naam, code, weergave, _binnen(uit, basis_map / mapnaam)))
    return plan


def _controleer_uitvoermap(uit: Path, plan: list[tuple]) -> Manifest:
    """The output folder's manifest, after checking that every path the plan writes is free or
    the batch's own."""
    from .rapport import VEGA_MAP

    uit.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(uit)
    manifest.controleer(
        [
            uit / "index.html",
            uit / "samenvatting.csv",
            uit / VEGA_MAP,
            uit / WERKMAP,
            *(m for *_, m in plan),
        ]
    )
    for m in {m.parent for *_, m in plan}:
        if m.exists() and not m.is_dir():
            manifest.controleer([m])
    return manifest


def _taken(
    uit: Path,
    plan: list[tuple],
    notebook: Path,
    periode: str,
    parameters: dict,
    opnieuw: bool,
) -> tuple[list, list[Resultaat]]:
    """The runs to do as (Resultaat, task), and the results of regions skipped as up to date."""
    from .rapport import VEGA_BESTAND, VEGA_MAP

    vega_pad = uit / VEGA_MAP / VEGA_BESTAND
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
        werkmap = uit / WERKMAP / relatief_pad(doelmap, uit).replace("/", "--")
        taken.append(
            (
                basis,
                {
                    "notebook": str(notebook),
                    "parameters": params,
                    "map": str(doelmap),
                    "werkmap": str(werkmap),
                    "sleutel": sleutel,
                    "vega": relatief_pad(vega_pad, doelmap),
                },
            )
        )
    return taken, resultaten


def _draai(
    uit: Path, taken: list, werkers: int | None, voortgang: bool, manifest: Manifest
) -> list[Resultaat]:
    """Run the tasks on the kernels and put each finished run in place; returns the results in
    the order the regions finished."""
    import shutil

    from .rapport import VEGA_BESTAND, VEGA_MAP, schrijf_vega

    vega_pad = uit / VEGA_MAP / VEGA_BESTAND
    werk = uit / WERKMAP
    if not vega_pad.exists() or manifest.van_batch(vega_pad):
        manifest.noteer(uit / VEGA_MAP, is_map=True)
        schrijf_vega(uit)  # once per output folder, shared by all reports
    manifest.noteer(werk, is_map=True)
    for _, t in taken:  # left over from an interrupted run
        shutil.rmtree(t["werkmap"], ignore_errors=True)
    resultaten = []
    for basis, uitkomst in _draai_taken(taken, werkers, uit, voortgang):
        _plaats(uit, dict(uitkomst["taak"]), uitkomst, basis, manifest)
        resultaten.append(basis)
    shutil.rmtree(werk, ignore_errors=True)
    return resultaten


def _samenvattingstabel(resultaten: list[Resultaat], vragen: list[str]) -> pd.DataFrame:
    """One row per region (and question), sorted by question and region name."""
    tabel = pd.DataFrame(
        [asdict(r) for r in resultaten], columns=[f.name for f in fields(Resultaat)]
    )
    volgorde = {v: i for i, v in enumerate(vragen)}
    tabel["_v"] = tabel["startvraag"].map(lambda v: volgorde.get(v, 0))
    tabel["_n"] = tabel["regio"].map(_sorteer_naam)
    return tabel.sort_values(["_v", "_n"]).drop(columns=["_v", "_n"]).reset_index(drop=True)


def _maak_pdfs(resultaten: list[Resultaat], voortgang: bool) -> int:
    """One PDF per report, next to it (also for reports skipped as up to date); returns how
    many were made (the others were up to date)."""
    from .rapport import naar_pdf

    klaar = [r for r in resultaten if r.status in ("gelukt", "overgeslagen")]
    from tqdm.auto import tqdm

    gemaakt = 0
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
        gemaakt += 1
    return gemaakt
