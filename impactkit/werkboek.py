"""Glue for the step-plan notebook: parameters in, a prepared plan and data out.

The notebook ``notebooks/stappenplan.ipynb`` stays thin: it calls :func:`voorbereiden` with its
papermill parameters and then one function per step. All checks of the parameters happen here,
so a wrong region or indicator gives one Dutch message at the top of the executed notebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .bevindingen import samenvatting
from .bronnen.lokaal import lokale_indicatoren as registreer_lokaal
from .fouten import GeenWaarde, ImpactkitFout
from .indicatoren import indicator
from .laden import laad
from .opmaak import met_eenheid
from .perioden import Periode
from .regioindeling import regio
from .stappenplan import GekozenIndicator, Stappenplan
from .vergelijken import lees_normen

OEFENDATA_WAARSCHUWING = (
    "**Let op: oefendata.** De cijfers in dit werkboek zijn verzonnen om mee te oefenen. "
    "Trek er geen conclusies uit over de regio."
)


@dataclass
class Werkboek:
    """Everything a notebook run needs: the plan, the data and where to write."""

    plan: Stappenplan
    data: pd.DataFrame
    normen: pd.DataFrame | None = None
    uitvoer: Path | None = None
    bron: str = "oefendata"
    meldingen: list[str] = field(default_factory=list)

    @property
    def is_oefendata(self) -> bool:
        return bool((self.data["herkomst"] == "oefendata").any())


def _indicatorlijst(tekst: str | list | None) -> list[GekozenIndicator]:
    if not tekst:
        return []
    delen = tekst if isinstance(tekst, list) else [d for d in str(tekst).split(",")]
    uit = []
    for deel in (str(d).strip() for d in delen):
        if not deel:
            continue
        ind_id, _, categorie = deel.partition(":")
        ind = indicator(ind_id.strip())
        cat = categorie.strip() or None
        if cat is not None and cat not in ind.categorieen:
            raise ImpactkitFout(
                f"'{cat}' is geen categorie van {ind.id}. Kies uit: {'; '.join(ind.categorieen)}."
            )
        if ind.is_verdeling and cat is None:
            raise ImpactkitFout(
                f"{ind.id} is een verdeling; schrijf '{ind.id}:categorie', bv. "
                f"'{ind.id}:{ind.categorieen[0]}'."
            )
        uit.append(GekozenIndicator(ind.id, "zelf gekozen", cat))
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
) -> Werkboek:
    """Check the notebook's parameters and prepare the plan; Dutch errors on bad input."""
    if lokale_indicatoren:
        registreer_lokaal(lokale_indicatoren)
    r = regio(regio_naam)
    p = Periode.parse(periode)
    meldingen: list[str] = []
    if plan_bestand:
        # A saved plan keeps its own region and period; the parameters only say so if they differ.
        plan = Stappenplan.laad(plan_bestand)
        if (plan.regio_code, plan.periode) != (r.code, p.code):
            meldingen.append(
                f"Het plan uit {Path(plan_bestand).name} gaat over {regio(plan.regio_code).naam}, "
                f"{Periode.parse(plan.periode).label}; de parameters regio en periode zijn genegeerd."
            )
        r, p = regio(plan.regio_code), Periode.parse(plan.periode)
    elif startvraag:
        plan = Stappenplan.uit_startvraag(startvraag, r.code, p.code)
    else:
        plan = Stappenplan.nieuw(r.code, p.code)
    if hoofdvraag:
        plan.hoofdvraag = hoofdvraag
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
            "Er zijn geen indicatoren gekozen. Kies een 'startvraag' of vul 'indicatoren' in, "
            "bv. 'acuut_structureel_onveilig, hermeldingen'."
        )
    data = laad(bron)
    plan.bron = bron
    beschikbaar = set(data.loc[data["regio_code"] == r.code, "periode"])
    if p.code not in beschikbaar:
        lijst = ", ".join(sorted(beschikbaar, key=Periode.parse)) or "geen"
        raise GeenWaarde(
            f"Er zijn geen cijfers voor {r.naam} over {p.label} in bron '{bron}'. "
            f"Beschikbare perioden: {lijst}."
        )
    tabel = lees_normen(normen) if normen else None
    doel = Path(uitvoer) if uitvoer else None
    if doel is not None:
        doel.mkdir(parents=True, exist_ok=True)
    return Werkboek(
        plan=plan, data=data, normen=tabel, uitvoer=doel, bron=bron, meldingen=meldingen
    )


def toon(tabel: pd.DataFrame):
    """A table for display in notebooks and the book: full text, no index column."""
    return tabel.style.hide(axis="index").format(precision=1, decimal=",", thousands=".")


def koptekst(wb: Werkboek) -> str:
    """Markdown heading for the region (papermill cannot parameterise Markdown cells)."""
    r = regio(wb.plan.regio_code)
    p = Periode.parse(wb.plan.periode)
    regels = [f"# Stappenplan {r.naam} — {p.label}", "", f"**Hoofdvraag:** {wb.plan.hoofdvraag}"]
    if wb.is_oefendata:
        regels += ["", OEFENDATA_WAARSCHUWING]
    regels += [f"\n*{m}*" for m in wb.meldingen]
    return "\n".join(regels)


def deelvragen_tabel(wb: Werkboek) -> pd.DataFrame:
    """Step 2 and 3: each sub-question with its indicators and why."""
    rijen = []
    for i, d in enumerate(wb.plan.deelvragen, start=1):
        for k in d.indicatoren:
            ind = indicator(k.indicator)
            rijen.append({"deelvraag": f"{i}. {d.vraag}", "indicator": ind.naam,
                          "categorie": k.categorie or "", "eenheid": ind.eenheid,
                          "bron": ind.bron, "waarom": k.waarom})  # fmt: skip
    return pd.DataFrame(rijen)


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
        for kolom, code in ((r.naam, r.code), ("Nederland", "NL01")):
            try:
                uitkomst[kolom] = met_eenheid(waarde(ind.id, code, p.code, cat, data=wb.data),
                                              ind.eenheid)  # fmt: skip
            except ImpactkitFout as e:
                uitkomst[kolom] = "onderdrukt" if "onderdrukt" in str(e) else "–"
        rijen.append({"indicator": naam, **uitkomst})
    return pd.DataFrame(rijen)


def schrijf_samenvatting(wb: Werkboek, bevindingen: pd.DataFrame) -> dict:
    """Write the run's summary (for the batch index) and the plan file to the output folder."""
    opvallend = bevindingen[bevindingen["opvallend"]]
    kop_tekst = opvallend["tekst"].iloc[0] if len(opvallend) else (
        "Geen opvallende verschillen met landelijk of over de tijd.")  # fmt: skip
    uit = {
        "regio_code": wb.plan.regio_code,
        "regio": regio(wb.plan.regio_code).naam,
        "periode": wb.plan.periode,
        "hoofdvraag": wb.plan.hoofdvraag,
        "kop": kop_tekst,
        "opvallend": int(len(opvallend)),
        "bevindingen": int(len(bevindingen)),
        "oefendata": wb.is_oefendata,
    }
    if wb.uitvoer is not None:
        (wb.uitvoer / "samenvatting.json").write_text(
            json.dumps(uit, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        wb.plan.bewaar(wb.uitvoer / "stappenplan.yaml")
    return uit


def duiding_sjabloon(wb: Werkboek) -> str:
    """Step 6: the template for the joint interpretation, filled with what is known."""
    r = regio(wb.plan.regio_code)
    vragen = wb.plan.vragen_voor_gesprek()
    d = wb.plan.duiding
    regels = [
        f"## Duiding met partners — {r.naam}, {Periode.parse(wb.plan.periode).label}",
        "",
        f"**Hoofdvraag:** {wb.plan.hoofdvraag}",
        "",
        f"**Datum gesprek:** {d.datum or '…'}",
        "",
        "**Deelnemers:** "
        + (
            ", ".join(d.deelnemers)
            if d.deelnemers
            else "… (Veilig Thuis, "
            "gemeente(n), politie, Raad voor de Kinderbescherming, OM, zorgpartners)"
        ),
        "",
        "**Vragen voor het gesprek:**",
    ]
    regels += [f"- {v}" for v in vragen] or ["- (geen opvallende bevindingen)"]
    regels += ["", "**Interpretaties van de partners:**"]
    regels += [f"- {x}" for x in d.interpretaties] or ["- …"]
    regels += ["", "**Conclusies:**"] + ([f"- {x}" for x in d.conclusies] or ["- …"])
    regels += ["", "**Afgesproken acties (wie, wat, wanneer):**"]
    regels += [f"- {x}" for x in d.acties] or ["- …"]
    return "\n".join(regels)


__all__ = [
    "OEFENDATA_WAARSCHUWING",
    "Werkboek",
    "deelvragen_tabel",
    "duiding_sjabloon",
    "kerncijfers",
    "kop",
    "samenvatting",
    "schrijf_samenvatting",
    "toon",
    "voorbereiden",
]
