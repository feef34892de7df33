"""The workshop: prepare everything a trainer hands out, from a list of participants.

``voorbereiden("deelnemers.csv", "workshop")`` reads the participants (naam, regio, optional
startvraag or hoofdvraag), runs the batch for their regions and writes, for each participant, an
exercise sheet with their own region's figures (``werkblad.html``), their region's report and
their saved plan (``stappenplan.yaml``, to continue in the notebook with ``plan_bestand``); for
the trainer an overview page, the answer sheet, the role cards and the slides. The slides and
role cards are made from the book's own pages (``book/workshop/presentatie.md`` and
``rolkaarten.md``), so the book and the printed material say the same thing.

The period is explicit everywhere: the one given, or the latest period with figures, and every
page states it. Every page says when the figures are practice data (oefendata).

Reading, computing and writing HTML are separate, pure functions; only :func:`voorbereiden`
runs the batch and writes files. The modules: :mod:`.deelnemers` reads and checks the
participants, :mod:`.werkblad` makes a participant's exercise sheet, :mod:`.begeleider` the
trainer's overview and answer sheet, :mod:`.dias` the slides and :mod:`.rolkaarten` the role
cards (both from book pages, via :mod:`.boekpagina`); :mod:`.bouwstenen` holds the HTML they
share. The stylesheets are ``impactkit/sjablonen/workshop*.css``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..fouten import ImpactkitFout
from ..paden import boek_pad
from ..perioden import Periode
from .begeleider import antwoorden_html, overzicht_html
from .bouwstenen import CSS, OEFENDATA_ZIN
from .deelnemers import KOLOMMEN, STANDAARD_STARTVRAAG, VERPLICHT, Deelnemer, lees_deelnemers
from .dias import DIA_CSS, dia_blok, dias_html
from .rolkaarten import KAART_CSS, rolkaarten_html
from .werkblad import Werkblad, werkblad_gegevens, werkblad_html

__all__ = [
    "CSS",
    "DIA_CSS",
    "KAART_CSS",
    "KOLOMMEN",
    "OEFENDATA_ZIN",
    "STANDAARD_STARTVRAAG",
    "VERPLICHT",
    "WORKSHOP_BOEK",
    "Deelnemer",
    "Voorbereiding",
    "Werkblad",
    "antwoorden_html",
    "dia_blok",
    "dias_html",
    "lees_deelnemers",
    "overzicht_html",
    "rolkaarten_html",
    "voorbereiden",
    "werkblad_gegevens",
    "werkblad_html",
]

WORKSHOP_BOEK = boek_pad("workshop")  # the book's workshop pages (read via boek_pad when used)


@dataclass
class Voorbereiding:
    """What :func:`voorbereiden` made."""

    map: Path
    periode: str
    deelnemers: list[Deelnemer]
    status: dict[str, str]  # participant folder -> 'klaar' or a Dutch problem

    @property
    def overzicht(self) -> Path:
        return self.map / "index.html"


def _schrijf(pad: Path, tekst: str) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _draai_batches(
    lijst: list[Deelnemer],
    uit: Path,
    p: Periode,
    draai: Callable,
    werkers: int | None,
    pdf: bool,
    voortgang: bool,
) -> dict[tuple[str, str], tuple[Path, str, str]]:
    """One batch run per group (start question or own hoofdvraag); (group, region) -> (report
    folder, status, problem)."""
    groepen: dict[str, list[Deelnemer]] = {}
    for d in lijst:
        groepen.setdefault(d.groep, []).append(d)
    batchmap: dict[tuple[str, str], tuple[Path, str, str]] = {}
    for groep, leden in groepen.items():
        d0 = leden[0]
        extra = {"hoofdvraag": d0.hoofdvraag} if d0.hoofdvraag else {}
        doel = uit / "rapporten" / groep
        tabel = draai(
            doel,
            regio_namen=sorted({d.regio_code for d in leden}),
            periode=p.code,
            werkers=werkers,
            parameters=extra,
            startvragen=[d0.startvraag],
            pdf=pdf,
            voortgang=voortgang,
        )
        for rij in tabel.itertuples(index=False):
            batchmap[(groep, rij.regio_code)] = (Path(rij.map), rij.status, rij.fout)
    return batchmap


def _materiaal_uit_batch(d: Deelnemer, bron: Path | None, doelen: Path, p: Periode):
    """Put the participant's plan and report (from the batch folder ``bron``) in their folder.

    Without a plan from the batch, a fresh one is saved. Returns the plan and the report's
    summary ({} without one).
    """
    from ..stappenplan import Stappenplan

    map_ = doelen / d.map
    map_.mkdir(parents=True, exist_ok=True)
    plan, samenvatting = None, {}
    if bron is not None and (bron / "stappenplan.yaml").exists():
        shutil.copyfile(bron / "stappenplan.yaml", map_ / "stappenplan.yaml")
        plan = Stappenplan.laad(map_ / "stappenplan.yaml")
    else:
        plan = (
            Stappenplan.uit_startvraag(d.startvraag, d.regio_code, p.code)
            if d.startvraag
            else Stappenplan.nieuw(d.regio_code, p.code, d.hoofdvraag)
        )
        if d.hoofdvraag:
            plan.hoofdvraag = d.hoofdvraag
        plan.bewaar(map_ / "stappenplan.yaml")
    if bron is not None and (bron / "samenvatting.json").exists():
        samenvatting = json.loads((bron / "samenvatting.json").read_text(encoding="utf-8"))
    if bron is not None and (bron / "rapport.html").exists():
        shutil.copyfile(bron / "rapport.html", map_ / "rapport.html")
        vega = bron.parent / "vega"
        if vega.is_dir() and not (doelen / "vega").exists():
            shutil.copytree(vega, doelen / "vega")  # the reports' shared chart script
        if (bron / "rapport.pdf").exists():
            shutil.copyfile(bron / "rapport.pdf", map_ / "rapport.pdf")
    return plan, samenvatting


def _schrijf_begeleider(
    uit: Path, bladen: list[Werkblad], status: dict[str, str], p: Periode
) -> None:
    """The trainer's pages: answer sheet, role cards, slides (with and without notes), overview."""
    oefendata = any(w.oefendata for w in bladen)
    _schrijf(uit / "antwoorden.html", antwoorden_html(bladen))
    _schrijf(
        uit / "rolkaarten.html",
        rolkaarten_html(boek_pad("workshop", "rolkaarten.md"), p.label, oefendata),
    )
    presentatie = boek_pad("workshop", "presentatie.md")
    for naam, met in (("dias.html", False), ("dias-notities.html", True)):
        _schrijf(uit / naam, dias_html(presentatie, p.label, oefendata, met))
    extra = [
        ("dias.html", "Dia's voor de presentatie (13:15)"),
        ("dias-notities.html", "Dia's met aantekeningen voor de begeleider"),
        ("rolkaarten.html", "Rolkaarten voor het rollenspel (oefening 7)"),
        ("antwoorden.html", "Antwoordblad"),
    ]
    _schrijf(uit / "index.html", overzicht_html(bladen, status, extra))


def voorbereiden(
    deelnemers: str | Path,
    uit: str | Path,
    periode: str | None = None,
    pdf: bool = False,
    werkers: int | None = None,
    voortgang: bool = True,
    draai: Callable | None = None,
) -> Voorbereiding:
    """Prepare a workshop for the participants in the CSV ``deelnemers`` in the folder ``uit``.

    ``periode``: a half-year such as '2024H2' (default: the latest period with figures). Runs
    the batch once per start question (and once per participant with an own hoofdvraag), then
    writes ``uit/index.html`` (overview), ``antwoorden.html``, ``rolkaarten.html``,
    ``dias.html`` and ``dias-notities.html``, and per participant ``deelnemers/<naam>/`` with
    ``werkblad.html``, ``rapport.html`` and ``stappenplan.yaml`` (and PDFs with ``pdf``).
    ``draai`` replaces :func:`impactkit.batch.draai_batch` (for tests).
    """
    from ..batch import draai_batch
    from ..laden import laad
    from ..opvragen import laatste_periode

    data = laad()
    p = Periode.parse(periode or laatste_periode(data))
    lijst = lees_deelnemers(deelnemers, p.code, data)
    uit = Path(uit)
    if uit.exists() and not uit.is_dir():
        raise ImpactkitFout(f"'{uit}' is een bestand, geen map. Geef een map op voor de uitvoer.")
    batchmap = _draai_batches(lijst, uit, p, draai or draai_batch, werkers, pdf, voortgang)

    doelen = uit / "deelnemers"
    bladen, status = [], {}
    for d in lijst:
        bron, st, fout = batchmap.get((d.groep, d.regio_code), (None, "mislukt", "geen rapport"))
        plan, samenvatting = _materiaal_uit_batch(d, bron, doelen, p)
        status[d.map] = "klaar" if st in ("gelukt", "overgeslagen") else f"rapport mislukt: {fout}"
        w = werkblad_gegevens(d, p.code, data, plan=plan, samenvatting=samenvatting)
        _schrijf(doelen / d.map / "werkblad.html", werkblad_html(w))
        bladen.append(w)
    _schrijf_begeleider(uit, bladen, status, p)
    if pdf:
        from ..rapport import naar_pdf

        for d in lijst:
            naar_pdf(doelen / d.map / "werkblad.html")
        naar_pdf(uit / "rolkaarten.html")
        naar_pdf(uit / "dias.html")
    return Voorbereiding(uit, p.code, lijst, status)
