"""The workshop: prepare everything a trainer hands out, from a list of participants.

``workshop_voorbereiden("deelnemers.csv", "workshop")`` reads the participants (naam, regio, optional
startvraag or hoofdvraag), runs the batch for their regions and writes, for each participant, an
exercise sheet with their own region's figures (``werkblad.html``), their region's report and
their saved plan (``stappenplan.yaml``, to continue in the notebook with ``plan_bestand``); for
the trainer an overview page, the answer sheet, the role cards and the slides. The slides and
role cards are made from the book's own pages (``book/workshop/presentatie.md`` and
``rolkaarten.md``), so the book and the printed material say the same thing.

The period is explicit everywhere: the one given, or the latest period with figures, and every
page states it. Every page says when the figures are practice data (oefendata).

Reading, computing and writing HTML are separate, pure functions; only :func:`workshop_voorbereiden`
runs the batch and writes files. The modules: :mod:`.deelnemers` reads and checks the
participants, :mod:`.werkblad` makes a participant's exercise sheet, :mod:`.begeleider` the
trainer's overview and answer sheet, :mod:`.dias` the slides and :mod:`.rolkaarten` the role
cards (both from book pages, via :mod:`.boekpagina`); :mod:`.bouwstenen` holds the HTML they
share. The stylesheets are ``impactkit/sjablonen/workshop*.css``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..fouten import ImpactkitFout, bestandsreden
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
    "MANIFEST",
    "OEFENDATA_ZIN",
    "STANDAARD_STARTVRAAG",
    "VERPLICHT",
    "WORKSHOP_BOEK",
    "Deelnemer",
    "Voorbereiding",
    "Werkblad",
    "WorkshopManifest",
    "antwoorden_html",
    "dia_blok",
    "dias_html",
    "lees_deelnemers",
    "overzicht_html",
    "rolkaarten_html",
    "workshop_voorbereiden",
    "werkblad_gegevens",
    "werkblad_html",
]

WORKSHOP_BOEK = boek_pad("workshop")  # the book's workshop pages (read via boek_pad when used)


@dataclass
class Voorbereiding:
    """What :func:`workshop_voorbereiden` made."""

    map: Path
    periode: str
    deelnemers: list[Deelnemer]
    status: dict[str, str]  # participant folder -> 'klaar' or a Dutch problem

    @property
    def overzicht(self) -> Path:
        return self.map / "index.html"


MANIFEST = ".impactkit-workshop.json"
"""The file in the output folder that lists what the workshop made there."""
BEGELEIDER = ("index.html", "antwoorden.html", "rolkaarten.html", "dias.html", "dias-notities.html")
PER_DEELNEMER = ("werkblad.html", "rapport.html", "stappenplan.yaml")


class WorkshopManifest:
    """What the workshop made in an output folder (:data:`MANIFEST`), as the batch does.

    Before anything is made, every path the workshop is about to write must either not exist or
    be listed here (made by an earlier run): a file the user put there (their own
    ``index.html``) is never overwritten, and running again over the workshop's own output works.
    """

    def __init__(self, uit: Path) -> None:
        self.uit, self.pad = uit, uit / MANIFEST
        self.bestanden: set[str] = set()
        if self.pad.exists() or self.pad.is_symlink():
            try:
                data = json.loads(self.pad.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if not (isinstance(data, dict) and data.get("gemaakt_door") == "impactkit workshop"):
                raise ImpactkitFout(
                    f"In '{uit}' staat een bestand '{MANIFEST}' dat de workshop niet heeft "
                    "gemaakt. Kies een andere map voor de uitvoer (--uit)."
                )
            self.bestanden = {str(b) for b in data.get("bestanden", [])}

    def _rel(self, pad: Path) -> str:
        return pad.relative_to(self.uit).as_posix()

    def van_workshop(self, pad: Path) -> bool:
        rel = self._rel(pad)
        return any(rel == b or rel.startswith(b + "/") for b in self.bestanden)

    def controleer(self, paden: list[Path]) -> None:
        """Refuse (Dutch message naming the files, nothing written) when a path or one of its
        folders exists that the workshop did not make."""
        vreemd = set()
        for p in paden:
            if (p.exists() or p.is_symlink()) and not self.van_workshop(p):
                vreemd.add(self._rel(p))
            for map_ in p.relative_to(self.uit).parents:
                q = self.uit / map_
                if q != self.uit and q.exists() and not q.is_dir():
                    vreemd.add(self._rel(q))  # a file where the workshop needs a folder
        if vreemd:
            lijst = ", ".join(f"'{v}'" for v in sorted(vreemd)[:8])
            meer = f" en nog {len(vreemd) - 8}" if len(vreemd) > 8 else ""
            raise ImpactkitFout(
                f"De workshop schrijft alleen over bestanden die hij zelf heeft gemaakt. In de "
                f"uitvoermap '{self.uit}' staat al: {lijst}{meer}. Die laat de workshop staan; er "
                "is niets gemaakt. Kies een andere (lege) map met --uit, of verplaats of hernoem "
                "deze bestanden."
            )

    def noteer(self, paden: list[Path]) -> None:
        """Record ``paden`` (files, or folders with everything in them) before writing them."""
        self.bestanden |= {self._rel(p) for p in paden}
        inhoud = {
            "gemaakt_door": "impactkit workshop",
            "uitleg": "Wat de workshop in deze map heeft gemaakt. Alleen deze bestanden en "
            "mappen schrijft hij opnieuw.",
            "bestanden": sorted(self.bestanden),
        }
        tijdelijk = self.pad.with_name(self.pad.name + ".tmp")
        try:
            self.uit.mkdir(parents=True, exist_ok=True)
            tijdelijk.write_text(json.dumps(inhoud, ensure_ascii=False, indent=2), "utf-8")
            os.replace(tijdelijk, self.pad)
        except OSError as e:
            raise ImpactkitFout(
                f"De workshop kan niet schrijven in '{self.uit}': {bestandsreden(e)}. Kies een "
                "andere map met --uit."
            ) from None


def te_schrijven(uit: Path, lijst: list[Deelnemer], pdf: bool = False) -> list[Path]:
    """Every file and folder :func:`workshop_voorbereiden` writes in ``uit`` for these participants."""
    paden = [uit / n for n in BEGELEIDER] + [uit / "deelnemers" / "vega"]
    paden += [uit / "rapporten" / g for g in dict.fromkeys(d.groep for d in lijst)]
    if pdf:
        paden += [uit / "rolkaarten.pdf", uit / "dias.pdf"]
    namen = PER_DEELNEMER + (("werkblad.pdf", "rapport.pdf") if pdf else ())
    return paden + [uit / "deelnemers" / d.map / n for d in lijst for n in namen]


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


def workshop_voorbereiden(
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
    manifest = WorkshopManifest(uit)
    paden = te_schrijven(uit, lijst, pdf)
    manifest.controleer(paden)
    manifest.noteer(paden)
    batchmap = _draai_batches(lijst, uit, p, draai or draai_batch, werkers, pdf, voortgang)

    doelen = uit / "deelnemers"
    bladen, status = [], {}
    try:
        for d in lijst:
            standaard = (None, "mislukt", "geen rapport")
            bron, st, fout = batchmap.get((d.groep, d.regio_code), standaard)
            plan, samenvatting = _materiaal_uit_batch(d, bron, doelen, p)
            klaar = st in ("gelukt", "overgeslagen")
            status[d.map] = "klaar" if klaar else f"rapport mislukt: {fout}"
            w = werkblad_gegevens(d, p.code, data, plan=plan, samenvatting=samenvatting)
            _schrijf(doelen / d.map / "werkblad.html", werkblad_html(w))
            bladen.append(w)
        _schrijf_begeleider(uit, bladen, status, p)
    except OSError as e:
        waar = f"'{e.filename}'" if e.filename else f"de map '{uit}'"
        raise ImpactkitFout(
            f"De workshop kon {waar} niet schrijven: {bestandsreden(e)}. Maak ruimte of kies "
            "een andere map met --uit, en draai de opdracht opnieuw."
        ) from None
    if pdf:
        from ..rapport import naar_pdf

        for d in lijst:
            naar_pdf(doelen / d.map / "werkblad.html")
        naar_pdf(uit / "rolkaarten.html")
        naar_pdf(uit / "dias.html")
    return Voorbereiding(uit, p.code, lijst, status)
