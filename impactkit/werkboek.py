"""Glue for the step-plan notebook: parameters in, a prepared plan and data out.

The notebook ``notebooks/stappenplan.ipynb`` stays thin: it calls :func:`voorbereiden` with its
papermill parameters and then one function per step. All checks of the parameters happen here,
so a wrong region, indicator or deelvraag gives one Dutch message at the top of the executed
notebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .bevindingen import samenvatting
from .bronnen.lokaal import lokale_indicatoren as registreer_lokaal
from .fouten import GeenWaarde, ImpactkitFout, OnbekendeRegio, bestandsreden
from .indicatoren import indicator
from .laden import laad
from .opmaak import met_eenheid
from .perioden import Periode
from .regioindeling import NEDERLAND, regio, regios
from .stappenplan import GekozenIndicator, Stappenplan, lees_deelvragen, lees_indicator
from .synthese import GESPREKSVRAGEN, Synthese, beantwoord, duiding_sjabloon_tekst
from .vergelijken import lees_normen
from .zinnen import periode_tekst

OEFENDATA_WAARSCHUWING = (
    "**Let op: oefendata.** De cijfers hieronder zijn verzonnen om mee te oefenen. "
    "Trek er geen conclusies uit over de regio."
)

HERKOMST = {
    "oefendata": "oefendata (verzonnen cijfers om mee te oefenen)",
    "CBS": "CBS, Impactmonitor huiselijk geweld en kindermishandeling",
    "eigen data": "eigen cijfers van de regio",
}


@dataclass
class Werkboek:
    """Everything a notebook run needs: the plan, the data and where to write."""

    plan: Stappenplan
    data: pd.DataFrame
    normen: pd.DataFrame | None = None
    uitvoer: Path | None = None
    bron: str = "oefendata"
    meldingen: list[str] = field(default_factory=list)
    plan_bestand: Path | None = None  # the plan file the notebook continues from (if any)

    @property
    def is_oefendata(self) -> bool:
        return bool((self.data["herkomst"] == "oefendata").any())

    @property
    def bron_tekst(self) -> str:
        """Where the region's figures come from, in words (file names without their folders)."""
        eigen = self.data[self.data["regio_code"] == self.plan.regio_code]
        soorten = [h for h in dict.fromkeys(eigen["herkomst"].dropna()) if isinstance(h, str)]
        delen = [HERKOMST.get(h, h) for h in soorten] or [self.bron]
        bestanden = [
            Path(b.strip()).name
            for b in str(self.bron).split(",")
            if b.strip() and b.strip().lower() not in ("oefendata", "cbs")
        ]
        if bestanden:
            delen.append(f"bestand{'en' if len(bestanden) > 1 else ''}: {', '.join(bestanden)}")
        return "; ".join(delen)


def _indicatorlijst(tekst: str | list | None) -> list[GekozenIndicator]:
    """The old parameter 'indicatoren': comma-separated 'id' or 'id:categorie' (or a list)."""
    if not tekst:
        return []
    delen = tekst if isinstance(tekst, list) else str(tekst).split(",")
    uit = []
    for i, deel in enumerate(delen, start=1):
        if isinstance(deel, str) and not deel.strip():
            continue
        k = lees_indicator(
            deel.strip() if isinstance(deel, str) else deel,
            f"Parameter 'indicatoren', indicator {i}",
        )
        uit.append(GekozenIndicator(k.indicator, k.waarom or "zelf gekozen", k.categorie))
    return uit


def voorbereiden(
    regio_naam: str,
    periode: str,
    startvraag: str = "",
    hoofdvraag: str = "",
    indicatoren: str | list | None = "",
    normen: str = "",
    bron: str = "oefendata",
    plan_bestand: str = "",
    uitvoer: str = "",
    lokale_indicatoren: str = "",
    deelvragen: str | list | None = "",
) -> Werkboek:
    """Check the notebook's parameters and prepare the plan; Dutch errors on bad input.

    ``periode`` empty: the latest half year with figures for the region.

    ``deelvragen``: YAML or JSON text (or a list) with the plan's own deelvragen, each with
    ``vraag``, ``indicatoren`` (``'id'`` or ``'id:categorie'``) and ``waarom``; they replace those
    of the starter question or the plan file (see :func:`impactkit.stappenplan.lees_deelvragen`).
    """
    if lokale_indicatoren:
        registreer_lokaal(lokale_indicatoren)
    eigen_deelvragen = lees_deelvragen(deelvragen)  # checked first: no data loaded in vain
    r = veilig_thuis_regio(regio_naam)
    p = Periode.parse(periode if str(periode).strip() else laatste_periode_in_bron(r.code, bron))
    meldingen: list[str] = []
    if plan_bestand:
        # A saved plan keeps its own region and period; the parameters only say so if they differ.
        plan = Stappenplan.laad(plan_bestand)
        if (plan.regio_code, plan.periode) != (r.code, p.code):
            meldingen.append(
                f"Dit werkboek gaat verder met je bewaarde plan ({Path(plan_bestand).name}): "
                f"{regio(plan.regio_code).naam_in(plan.periode)}, "
                f"{Periode.parse(plan.periode).label}."
            )
        r, p = regio(plan.regio_code), Periode.parse(plan.periode)
    elif startvraag:
        plan = Stappenplan.uit_startvraag(startvraag, r.code, p.code)
    else:
        plan = Stappenplan.nieuw(r.code, p.code)
    if hoofdvraag:
        plan.hoofdvraag = hoofdvraag
    if eigen_deelvragen:
        if plan_bestand and plan.deelvragen:
            meldingen.append(
                f"De deelvragen uit de parameter 'deelvragen' vervangen de "
                f"{len(plan.deelvragen)} deelvragen uit {Path(plan_bestand).name}."
            )
        plan.deelvragen = eigen_deelvragen
    eigen = _indicatorlijst(indicatoren)
    if eigen:
        plan.voeg_deelvraag_toe("Zelf gekozen indicatoren")
        plan.deelvragen[-1].indicatoren.extend(eigen)
    if not plan.hoofdvraag:
        raise ImpactkitFout(
            "Er is geen hoofdvraag. Vul de parameter 'hoofdvraag' in of kies een 'startvraag' "
            "(zie impactkit.startvragen())."
        )
    if not plan.indicatoren():
        raise ImpactkitFout(
            "Er zijn geen indicatoren gekozen. Kies een 'startvraag', geef 'deelvragen' met "
            "indicatoren, of vul 'indicatoren' in, bv. 'acuut_structureel_onveilig, hermeldingen'."
        )
    data = laad(bron)
    plan.bron = bron
    beschikbaar = set(data.loc[data["regio_code"] == r.code, "periode"])
    if p.code not in beschikbaar:
        lijst = ", ".join(sorted(beschikbaar, key=Periode.parse)) or "geen"
        raise GeenWaarde(
            f"Er zijn geen cijfers voor {r.naam_in(p)} over {p.label} in bron '{bron}'. "
            + (f"{r.overgang_in(p)} " if r.overgang_in(p) else "")
            + f"Beschikbare perioden: {lijst}."
        )
    tabel = lees_normen(normen) if normen else None
    doel = Path(uitvoer) if uitvoer else None
    if doel is not None:
        maak_map(doel, "uitvoer")
    return Werkboek(
        plan=plan,
        data=data,
        normen=tabel,
        uitvoer=doel,
        bron=bron,
        meldingen=meldingen,
        plan_bestand=Path(plan_bestand) if plan_bestand else None,
    )


def laatste_periode_in_bron(regio_naam: str, bron: str = "oefendata") -> str:
    """The latest period with figures for the region in a source (``'2024H2'`` in the oefendata).

    See :func:`impactkit.laatste_periode`: Brabant Noordoost (VT16) gets 2022H2, its last.
    """
    from .opvragen import laatste_periode as laatste

    return laatste(laad(bron), regio=regio_naam)


def toon(tabel: pd.DataFrame):
    """A table for display in notebooks and the book: full text, no index column, a missing
    value as '–' (never 'nan' or a raw '<NA>')."""
    return tabel.style.hide(axis="index").format(
        precision=1, decimal=",", thousands=".", na_rep="–"
    )


def koptekst(wb: Werkboek) -> str:
    """Markdown opening of a report: region, period, data source and hoofdvraag.

    Papermill cannot parameterise Markdown cells, so the notebook displays this from code. The
    region is a second-level heading: the notebook's title is the page's only first-level one.
    """
    r = regio(wb.plan.regio_code)
    regels = [
        f"## {r.naam_in(wb.plan.periode)}, {periode_tekst(wb.plan.periode)}",
        "",
        f"**Bron van de cijfers:** {wb.bron_tekst}  ",
        f"**Hoofdvraag:** {wb.plan.hoofdvraag}",
    ]
    if wb.is_oefendata:
        regels += ["", OEFENDATA_WAARSCHUWING]
    regels += [f"\n*{m}*" for m in wb.meldingen]
    return "\n".join(regels)


def deelvragen_tabel(wb: Werkboek) -> pd.DataFrame:
    """Step 2 and 3: each sub-question with its indicators and why.

    Columns: deelvraag, indicator, categorie, eenheid, bron, waarom (why this indicator) and
    waarom_deelvraag (why these indicators answer the deelvraag). A deelvraag without indicators
    keeps a row: it goes to the conversation with partners.
    """
    rijen = []
    for i, d in enumerate(wb.plan.deelvragen, start=1):
        if not d.indicatoren:
            rijen.append(
                {
                    "deelvraag": f"{i}. {d.vraag}",
                    "indicator": "(geen indicator: bespreek deze vraag met de partners)",
                    "categorie": "",
                    "eenheid": "",
                    "bron": "",
                    "waarom": "",
                    "waarom_deelvraag": d.waarom,
                }
            )
        for k in d.indicatoren:
            ind = indicator(k.indicator)
            rijen.append(
                {
                    "deelvraag": f"{i}. {d.vraag}",
                    "indicator": ind.naam,
                    "categorie": k.categorie or "",
                    "eenheid": ind.eenheid,
                    "bron": ind.bron,
                    "waarom": k.waarom,
                    "waarom_deelvraag": d.waarom,
                }
            )
    return pd.DataFrame(
        rijen,
        columns=[
            "deelvraag",
            "indicator",
            "categorie",
            "eenheid",
            "bron",
            "waarom",
            "waarom_deelvraag",
        ],
    )


def kerncijfers(wb: Werkboek) -> pd.DataFrame:
    """Step 4 at a glance: the region's value next to Nederland's for each chosen indicator."""
    from .opvragen import waarde

    r, p = regio(wb.plan.regio_code), Periode.parse(wb.plan.periode)
    rijen = []
    for item in wb.plan.indicatoren():
        ind_id, cat = (item, None) if isinstance(item, str) else item
        ind = indicator(ind_id)
        naam = ind.naam + (f" ({cat})" if cat else "")
        uitkomst = {}
        for kolom, code in ((r.naam_in(p), r.code), ("Nederland", "NL01")):
            try:
                uitkomst[kolom] = met_eenheid(
                    waarde(ind.id, code, p.code, cat, data=wb.data), ind.eenheid
                )
            except ImpactkitFout as e:
                uitkomst[kolom] = "onderdrukt" if "onderdrukt" in str(e) else "–"
        rijen.append({"indicator": naam, **uitkomst})
    return pd.DataFrame(rijen)


def schrijf_samenvatting(
    wb: Werkboek, bevindingen: pd.DataFrame, uitkomst: Synthese | None = None
) -> dict:
    """Write the run's summary (for the batch index) and the plan file to the output folder.

    The summary opens with the answer to the hoofdvraag: ``kop`` is the sentence that carries it
    (the batch index shows it per region), ``antwoord`` the whole answer. Keys: regio_code, regio,
    periode, hoofdvraag, kop, antwoord, sterkte, deelvragen (nummer, vraag, sterkte), vragen,
    opvallend (number of notable findings), bevindingen (number of findings), toetsen, oefendata.
    """
    uitkomst = uitkomst if uitkomst is not None else beantwoord(wb.plan, bevindingen)
    wb.plan.antwoord = uitkomst.antwoord
    uit = {
        "regio_code": wb.plan.regio_code,
        "regio": regio(wb.plan.regio_code).naam_in(wb.plan.periode),
        "periode": wb.plan.periode,
        "hoofdvraag": wb.plan.hoofdvraag,
        "kop": uitkomst.kern,
        "antwoord": uitkomst.antwoord,
        "sterkte": uitkomst.sterkte,
        "deelvragen": [
            {"nummer": int(r.nummer), "vraag": r.deelvraag, "sterkte": r.sterkte}
            for r in uitkomst.deelvragen.itertuples(index=False)
        ],
        "vragen": uitkomst.vragen,
        "opvallend": int(bevindingen["opvallend"].sum()),
        "bevindingen": int(len(bevindingen)),
        "toetsen": uitkomst.toetsen,
        "oefendata": wb.is_oefendata,
    }
    if wb.uitvoer is not None:
        pad = wb.uitvoer / "samenvatting.json"
        try:
            pad.write_text(json.dumps(uit, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as e:
            raise ImpactkitFout(
                f"'{pad}' kan niet worden geschreven: {bestandsreden(e)}."
            ) from None
        wb.plan.bewaar(wb.uitvoer / "stappenplan.yaml")
    return uit


def samenvatting_tekst(uitkomst: Synthese, bevindingen: pd.DataFrame) -> str:
    """One line on the findings, in the right number: '2 opvallende bevindingen van 16'."""
    n, totaal = int(bevindingen["opvallend"].sum()), len(bevindingen)
    woord = "opvallende bevinding" if n == 1 else "opvallende bevindingen"
    return (
        f"{uitkomst.regio}, {periode_tekst(uitkomst.periode)}: {n} {woord} van {totaal} "
        f"vergelijking{'' if totaal == 1 else 'en'}."
    )


def duiding_sjabloon(wb: Werkboek, vragen: list[str] | None = None) -> str:
    """Step 6: the template for the joint interpretation, filled with what is known.

    It opens with the hoofdvraag and the answer from the figures (after ``plan.analyseer``);
    the questions are those of the notable findings, or general ones when nothing stands out.
    """
    vragen = vragen if vragen is not None else wb.plan.vragen_voor_gesprek()
    return duiding_sjabloon_tekst(
        regio(wb.plan.regio_code).naam_in(wb.plan.periode),
        wb.plan.periode,
        wb.plan.hoofdvraag,
        vragen or list(GESPREKSVRAGEN),
        wb.plan.duiding,
        wb.plan.antwoord,
    )


def veilig_thuis_regio(regio_naam: str):
    """The region, refused (:class:`~impactkit.fouten.OnbekendeRegio`) when it is Nederland:
    a workbook, the app and a plan are about one Veilig Thuis region, compared with Nederland."""
    r = regio(regio_naam)
    if r.code == NEDERLAND:
        vt = regios()
        voorbeelden = ", ".join(f"'{n}'" for n in vt.loc[vt["code"] != NEDERLAND, "naam"][:3])
        raise OnbekendeRegio(
            f"'{regio_naam}' is het hele land, geen Veilig Thuis-regio. Kies de regio waar je "
            f"werkt, bv. {voorbeelden} (of de naam van je gemeente); de cijfers van Nederland "
            "staan er als vergelijking bij."
        )
    return r


def maak_map(doel: Path, optie: str) -> Path:
    """Make the folder ``doel``; a file in the way or a disk that refuses gives a Dutch message
    naming the option (``optie``) to choose another folder with."""
    for p in (doel, *doel.parents):
        if p.exists() and not p.is_dir():
            raise ImpactkitFout(
                f"'{p}' is een bestand, geen map. Kies met {optie} een map (of een naam die nog "
                "niet bestaat)."
            )
    try:
        doel.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ImpactkitFout(
            f"De map '{doel}' kan niet worden gemaakt: {bestandsreden(e)}. Kies met {optie} een "
            "andere map."
        ) from None
    return doel


__all__ = [
    "laatste_periode_in_bron",
    "HERKOMST",
    "OEFENDATA_WAARSCHUWING",
    "Werkboek",
    "deelvragen_tabel",
    "duiding_sjabloon",
    "kerncijfers",
    "koptekst",
    "samenvatting",
    "samenvatting_tekst",
    "schrijf_samenvatting",
    "toon",
    "voorbereiden",
]
