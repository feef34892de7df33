"""A coordinator's own workbook (``impactkit werkboek``): a copy of the step-plan notebook for
one region, opened in JupyterLab ready to read.

The copy differs from the template (``notebooks/stappenplan.ipynb``, never changed) in what a
reader who does not program meets first:

- the parameters cell holds the region's own values (no template defaults above an injected
  cell), and a short Dutch "zo werk je" cell follows the title;
- every code cell starts collapsed (JupyterLab's ``source_hidden``);
- :func:`voer_uit` executes it once in its own folder, so it opens with the answer on top, and
  marks it trusted (as ``jupyter trust`` does) so JupyterLab shows its charts; the panel's cell,
  which needs a running kernel, then says how to get the form instead of an empty widget;
- JupyterLab starts in Dutch (the ``nl_NL`` language pack) without asking about news
  (:func:`open_in_jupyterlab`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .fouten import GeenWaarde, ImpactkitFout
from .laden import laad
from .namen import slug
from .paden import PAKKET_MAP, notebook_pad
from .perioden import Periode
from .regioindeling import regio
from .stappenplan import Stappenplan
from .werkboek import laatste_periode_in_bron, maak_map, veilig_thuis_regio
from .zinnen import periode_tekst

SJABLOON = notebook_pad("stappenplan.ipynb")
NOTEBOOK_NAAM = "stappenplan.ipynb"
PLAN_NAAM = "stappenplan.yaml"
STANDAARD_STARTVRAAG = "heftig_structureel_geweld"
JUPYTERLAB_INSTELLINGEN = PAKKET_MAP / "sjablonen" / "jupyterlab"
"""JupyterLab's app settings for the workbook: Dutch, no news pop-up, no update check."""

ZO_WERK_JE = """\
## Zo werk je met dit werkboek

- **Het antwoord staat hieronder al**: het werkboek is voor je uitgerekend. Lees van boven naar
  beneden: eerst het antwoord op de hoofdvraag, daarna de zes stappen die ertoe leiden.
- **Iets anders kiezen** (periode, startvraag, deelvragen, indicatoren): kies in het menu
  **Uitvoeren** de opdracht *Run All Cells* (alle cellen uitvoeren). Na een halve minuut staat
  onder het antwoord een formulier; elke keuze daarin werkt de pagina bij.
- **Je plan wordt vanzelf bewaard** in `stappenplan.yaml`, naast dit werkboek. Start je het
  werkboek later opnieuw, dan ga je verder waar je was.
- **De code** zit ingeklapt in de balkjes met `···`. Je hoeft hem niet te lezen; klik erop als je
  wilt zien hoe een cijfer berekend is.
"""

PANEEL_UITLEG = (
    "*Hier staat het keuzeformulier zodra het werkboek draait: kies in het menu **Uitvoeren** "
    "de opdracht *Run All Cells* (alle cellen uitvoeren).*"
)


@dataclass
class EigenWerkboek:
    """Where a coordinator's workbook lives, and what :func:`maak_werkboek` did."""

    map: Path
    notebook: Path
    plan_bestand: Path
    plan: Stappenplan
    status: str  # 'nieuw', 'verder' (existing copy kept), 'opnieuw' (overwritten after asking)
    uitgevoerd: bool = False
    melding: str = ""  # why it could not be executed beforehand (empty: no problem)

    @property
    def bericht(self) -> str:
        """One Dutch paragraph for the user: what happened and where the files are."""
        wat = (
            f"{regio(self.plan.regio_code).naam_in(self.plan.periode)}, "
            f"{periode_tekst(self.plan.periode)}; "
            f"hoofdvraag: {self.plan.hoofdvraag}"
        )
        if self.status == "verder":
            return (
                f"Je werkboek bestond al: {self.notebook}\nHet gaat verder met je bewaarde "
                f"plan ({self.plan_bestand.name}): {wat}"
            )
        nieuw = "Nieuw werkboek" if self.status == "nieuw" else "Werkboek opnieuw gemaakt"
        regels = [f"{nieuw}: {self.notebook}", f"Plan: {self.plan_bestand}", wat]
        if self.uitgevoerd:
            regels.append("Het antwoord is al uitgerekend: het staat bovenaan het werkboek.")
        elif self.melding:
            regels.append(self.melding)
        return "\n".join(regels)


def werkboek_map(regio_naam: str) -> Path:
    """The default work folder: ``werkboek-<region>`` in the current folder, with the region's
    current name (VT15: ``werkboek-midden-brabant``)."""
    return Path.cwd() / f"werkboek-{slug(regio(regio_naam).naam_in(str(dt.date.today().year)))}"


def plan_bestandsnaam(plan: Stappenplan) -> str:
    """A file name for a plan that a reader recognises: region in the period, period in words
    (``stappenplan-drenthe-2e-halfjaar-2024.yaml``), no internal codes. The app's download and
    ``impactkit werkboek --plan`` use it.

    >>> plan_bestandsnaam(Stappenplan.nieuw("VT15", "2021H1"))
    'stappenplan-noord-brabant-midden-1e-halfjaar-2021.yaml'
    """
    p = Periode.parse(plan.periode)
    return f"stappenplan-{slug(regio(plan.regio_code).naam_in(p), p.label, lengte=None)}.yaml"


_PARAMETER = re.compile(
    r"^(?P<naam>[a-z_]+)\s*(?P<type>:\s*[a-z]+)?\s*=\s*(?P<waarde>.*?)(?P<rest>\s+#.*)?$"
)


def parametercel(sjabloon: str, waarden: dict) -> str:
    """The template's parameters cell with ``waarden`` in place of its defaults; the Dutch
    comment after each parameter stays. Names not in the template are appended."""
    regels, gezien = [], set()
    for regel in sjabloon.splitlines():
        m = _PARAMETER.match(regel)
        if m and m["naam"] in waarden:
            gezien.add(m["naam"])
            regel = f"{m['naam']}{m['type'] or ''} = {waarden[m['naam']]!r}{m['rest'] or ''}"
        regels.append(regel)
    regels += [f"{k} = {v!r}" for k, v in waarden.items() if k not in gezien]
    return "\n".join(regels)


def werkboek_notebook(parameters: dict):
    """The template prepared for a coordinator (see the module's docstring); not executed."""
    import nbformat

    nb = nbformat.read(SJABLOON, as_version=4)
    for cel in nb.cells:
        tags = cel.metadata.get("tags", [])
        if "parameters" in tags:
            cel.source = parametercel(cel.source, parameters)
        if cel.cell_type == "code":
            cel.metadata.setdefault("jupyter", {})["source_hidden"] = True
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(ZO_WERK_JE))
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def voer_uit(notebook: Path) -> str:
    """Execute the workbook in its own folder and save it with its outputs, trusted.

    Returns ``""`` when it worked, else a Dutch sentence saying why and what to do: the copy is
    then left as it was (not executed), which JupyterLab opens just as well.
    """
    import nbformat
    import papermill as pm
    from nbformat.sign import NotebookNotary

    tijdelijk = notebook.with_name(f".{notebook.stem}.bezig.ipynb")
    try:
        pm.execute_notebook(
            str(notebook),
            str(tijdelijk),
            kernel_name="python3",
            cwd=str(notebook.parent),
            progress_bar=False,
            execution_timeout=600,
            extra_arguments=["--log-level=ERROR"],  # no English TCP warning in the terminal
        )
    except Exception as e:  # noqa: BLE001 - any failure leaves the unexecuted copy
        tijdelijk.unlink(missing_ok=True)
        reden = str(getattr(e, "evalue", "") or e).strip().splitlines()[0][:300]
        return (
            f"Het werkboek kon niet vooraf worden uitgerekend ({reden}). Open het en kies in het "
            "menu Uitvoeren de opdracht Run All Cells."
        )
    nb = nbformat.read(tijdelijk, as_version=4)
    for cel in nb.cells:
        if "keuzepaneel" in cel.metadata.get("tags", []):
            cel.outputs = [
                nbformat.v4.new_output(
                    "display_data",
                    data={"text/markdown": PANEEL_UITLEG, "text/plain": PANEEL_UITLEG},
                )
            ]
    try:
        NotebookNotary().sign(nb)  # generated here, so trusted: JupyterLab shows the SVG charts
    except Exception:  # noqa: BLE001 - an unwritable signature store only costs the trust
        pass
    nbformat.write(nb, notebook)
    tijdelijk.unlink(missing_ok=True)
    return ""


def _bestaand_plan(plan_bestand: str | Path) -> Stappenplan:
    plan = Stappenplan.laad(plan_bestand)
    veilig_thuis_regio(plan.regio_code)
    return plan


def _regio_van(regio_naam: str, meegegeven: Stappenplan | None, plan) -> object:
    """The workbook's region: the saved plan's (a region given too must agree), else the name."""
    if meegegeven is not None:
        r = regio(meegegeven.regio_code)
        if regio_naam and veilig_thuis_regio(regio_naam).code != r.code:
            raise ImpactkitFout(
                f"Het plan {Path(plan).name} gaat over {r.naam_in(meegegeven.periode)}, niet "
                f"over {regio(regio_naam).naam}. Laat de regio weg: die staat in het plan."
            )
        return r
    if not str(regio_naam).strip():
        raise ImpactkitFout(
            "Welke regio? Geef de naam van je Veilig Thuis-regio (bv. impactkit werkboek "
            "Twente), of een bewaard plan met --plan."
        )
    return veilig_thuis_regio(regio_naam)


def _nieuw_plan(r, periode: str, startvraag: str) -> Stappenplan:
    """A plan from the start question for a region and period that have figures."""
    p = Periode.parse(periode if str(periode).strip() else laatste_periode_in_bron(r.code))
    plan = Stappenplan.uit_startvraag(startvraag or STANDAARD_STARTVRAAG, r.code, p.code)
    data = laad()
    if not ((data["regio_code"] == r.code) & (data["periode"] == p.code)).any():
        raise GeenWaarde(
            f"Er zijn geen cijfers voor {r.naam} over {p.label}. Kies een andere "
            f"periode, bv. {laatste_periode_in_bron(r.code)}."
        )
    return plan


def maak_werkboek(
    regio_naam: str = "",
    periode: str = "",
    startvraag: str = "",
    map: str | Path | None = None,
    opnieuw: bool = False,
    bevestig=None,
    plan: str | Path | None = None,
    uitvoeren: bool = False,
    voortgang=None,
) -> EigenWerkboek:
    """A copy of the step-plan notebook for one region, with its plan file beside it.

    The folder (default :func:`werkboek_map`) gets ``stappenplan.ipynb`` (see
    :func:`werkboek_notebook`: region, period, start question, ``plan_bestand`` and ``uitvoer``
    relative to the folder, charts as SVG so nothing is loaded from the internet) and
    ``stappenplan.yaml`` (the plan). The template itself is never changed.

    ``plan``: start from a saved plan (e.g. downloaded from the app) instead of a start question;
    its region and period count, ``regio_naam`` may be left empty. ``uitvoeren``: execute the
    copy once (:func:`voer_uit`), so it opens with the answer; ``voortgang(tekst)`` hears first
    that this takes a while.

    Run again, it keeps the existing copy and continues from the saved plan. ``opnieuw=True``
    starts over, but only after ``bevestig(vraag)`` returned True; without ``bevestig`` an
    existing copy is never overwritten. ``periode`` empty: the latest half year with figures.
    """
    meegegeven = _bestaand_plan(plan) if plan else None
    r = _regio_van(regio_naam, meegegeven, plan)
    doel = Path(map) if map else werkboek_map(r.code)
    notebook, plan_pad = doel / NOTEBOOK_NAAM, doel / PLAN_NAAM
    if doel.exists() and not doel.is_dir():
        raise ImpactkitFout(f"'{doel}' is een bestand, geen map. Kies een andere map met --map.")
    bestaat = notebook.exists() or plan_pad.exists()
    if bestaat and meegegeven is not None and not opnieuw:
        raise ImpactkitFout(
            f"Er staat al een werkboek in '{doel}'. Kies voor het plan {Path(plan).name} een "
            "andere map met --map, of vervang het bestaande werkboek met --opnieuw."
        )
    if bestaat and opnieuw:
        vraag = (
            f"Er staat al een werkboek in '{doel}'. Wil je opnieuw beginnen? Je notebook "
            f"en je bewaarde plan worden dan overschreven."
        )
        if bevestig is None or not bevestig(vraag):
            raise ImpactkitFout(f"Niets overschreven. Je werkboek staat nog in '{doel}'.")
    if meegegeven is not None:
        gekozen = meegegeven
        maak_map(doel, "--map")
        gekozen.bewaar(plan_pad)
    elif bestaat and not opnieuw and plan_pad.exists():
        gekozen = Stappenplan.laad(plan_pad)  # continue from the saved plan
        if gekozen.regio_code != r.code:
            raise ImpactkitFout(
                f"Het werkboek in '{doel}' gaat over {regio(gekozen.regio_code).naam}, niet over "
                f"{r.naam}. Kies een andere map met --map, of begin opnieuw met --opnieuw."
            )
    else:
        gekozen = _nieuw_plan(r, periode, startvraag)
        maak_map(doel, "--map")
        gekozen.bewaar(plan_pad)
    status = "opnieuw" if bestaat and opnieuw else "verder" if bestaat else "nieuw"
    if notebook.exists() and status == "verder":
        return EigenWerkboek(doel, notebook, plan_pad, gekozen, status)  # never overwritten
    parameters = {
        "regio": regio(gekozen.regio_code).naam_in(gekozen.periode),  # the name of that period
        "periode": gekozen.periode,
        "startvraag": gekozen.startvraag or "",
        "plan_bestand": PLAN_NAAM,  # relative: the kernel runs in the notebook's folder
        "uitvoer": ".",
        "interactief": True,
        "weergave": "svg",  # static charts: JupyterLab shows them without loading anything
    }
    import nbformat

    nbformat.write(werkboek_notebook(parameters), notebook)
    if uitvoeren and voortgang is not None:
        voortgang("Het werkboek wordt uitgerekend (ongeveer een halve minuut)…")
    melding = voer_uit(notebook) if uitvoeren else ""
    return EigenWerkboek(
        doel,
        notebook,
        plan_pad,
        gekozen,
        status,
        uitgevoerd=uitvoeren and not melding,
        melding=melding,
    )


def jupyterlab_opdracht(notebook: str | Path, poort: int | None = None) -> list[str]:
    """The command that starts JupyterLab on the workbook: localhost only, in Dutch, no news."""
    import os
    import sys

    pad = Path(notebook).resolve()
    opdracht = [
        sys.executable,
        # jupyter-server warns about its own settings (English, nothing a coordinator can change)
        "-W",
        "ignore::DeprecationWarning",
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={pad.parent}",
        "--ServerApp.ip=127.0.0.1",
        f"--LabApp.app_settings_dir={JUPYTERLAB_INSTELLINGEN}",
        "--LabApp.news_url=",
        "--expose-app-in-browser",  # lets the panel ask JupyterLab to run the steps again
        "--ServerApp.log_level=WARN",  # no English log lines in the terminal; the address stays
        "--LabApp.log_level=WARN",
        str(pad),
    ]
    if poort:
        opdracht.append(f"--ServerApp.port={poort}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        opdracht.append("--allow-root")  # JupyterLab refuses root otherwise (e.g. in a container)
    return opdracht


def open_in_jupyterlab(notebook: str | Path, poort: int | None = None) -> int:
    """Start JupyterLab on the workbook and wait until it is stopped."""
    import subprocess

    try:
        return subprocess.call(jupyterlab_opdracht(notebook, poort))
    except KeyboardInterrupt:
        return 0


__all__ = [
    "EigenWerkboek",
    "jupyterlab_opdracht",
    "maak_werkboek",
    "open_in_jupyterlab",
    "parametercel",
    "plan_bestandsnaam",
    "voer_uit",
    "werkboek_map",
    "werkboek_notebook",
]
