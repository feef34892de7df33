"""Interactive controls for live use of the step-plan notebook (ipywidgets).

In a static book or an executed report only the initial state shows; nothing depends on them.
The panel edits the plan object in place: the deelvragen with their indicators and reasons (as
YAML text, the same form as the notebook parameter ``deelvragen``), extra indicators picked from
the catalogue, and the duiding notes.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from .fouten import ImpactkitFout
from .indicatoren import THEMAS, selecteer
from .perioden import Periode
from .regioindeling import regios
from .stappenplan import DeelvraagPlan, GekozenIndicator, deelvragen_als_tekst, lees_deelvragen
from .startvraagbank import startvragen
from .werkboek import Werkboek


def _regels(tekst: str) -> list[str]:
    return [r.strip("-• ").strip() for r in tekst.splitlines() if r.strip()]


def keuzepaneel(wb: Werkboek) -> w.Widget:
    """A panel to pick region, period and starter question, edit the deelvragen, note the duiding.

    The choices of region, period and starter question are shown as the parameters to use for
    the next run (papermill cannot change a running notebook's parameters). The deelvragen (YAML:
    ``vraag``, ``indicatoren``, ``waarom``), the extra indicators and the duiding notes are
    written into ``wb.plan`` when you press *Neem over*; a mistake in the deelvragen gives the
    Dutch message and changes nothing.
    """
    plan = wb.plan
    vt = regios()
    regio_keuze = w.Dropdown(options=list(zip(vt["naam"], vt["code"])), value=plan.regio_code,
                             description="Regio")  # fmt: skip
    perioden = sorted(set(wb.data["periode"]), key=Periode.parse)
    periode_keuze = w.Dropdown(options=perioden, value=plan.periode, description="Periode")
    start_keuze = w.Dropdown(
        options=[("(eigen vraag)", "")] + [(s.hoofdvraag, s.sleutel) for s in startvragen()],
        value=plan.startvraag or "",
        description="Startvraag",
        layout=w.Layout(width="95%"),
    )
    thema_keuze = w.Dropdown(options=[("alle thema's", "")] + [(v, k) for k, v in THEMAS.items()],
                             description="Thema")  # fmt: skip
    gekozen = {i if isinstance(i, str) else i[0] for i in plan.indicatoren()}

    def opties(thema: str) -> list[tuple[str, str]]:
        df = selecteer(thema=thema or None, niveau="regionaal", beschikbaarheid="registratie")
        df = df[df["categorieen"] == ""]  # distributions need a category: choose them in code
        return list(zip(df["naam"], df["id"]))

    indicator_keuze = w.SelectMultiple(
        options=opties(""),
        value=tuple(i for _, i in opties("") if i in gekozen),
        description="Indicatoren",
        rows=8,
        layout=w.Layout(width="95%"),
    )

    aangevinkt = set(indicator_keuze.value)

    def bij_thema(wijziging: dict) -> None:
        huidig = set(indicator_keuze.value)
        indicator_keuze.options = opties(wijziging["new"])
        indicator_keuze.value = tuple(i for _, i in indicator_keuze.options if i in huidig)

    thema_keuze.observe(bij_thema, names="value")

    deelvragen = w.Textarea(
        value=deelvragen_als_tekst(plan.deelvragen),
        description="Deelvragen",
        placeholder="- vraag: ...\n  indicatoren: [hermeldingen]\n  waarom: ...",
        rows=12,
        layout=w.Layout(width="95%"),
    )

    d = plan.duiding
    deelnemers = w.Textarea(value="\n".join(d.deelnemers), description="Deelnemers",
                            placeholder="één per regel")  # fmt: skip
    interpretaties = w.Textarea(value="\n".join(d.interpretaties), description="Duiding")
    conclusies = w.Textarea(value="\n".join(d.conclusies), description="Conclusies")
    acties = w.Textarea(value="\n".join(d.acties), description="Acties")
    knop = w.Button(description="Neem over in plan", button_style="primary")
    bewaar = w.Button(description="Bewaar plan")
    bericht = w.HTML()

    def neem_over(_=None) -> bool:
        try:
            nieuwe_deelvragen = lees_deelvragen(deelvragen.value, bron="Tekstvak deelvragen")
        except ImpactkitFout as e:
            bericht.value = f"<b>Niet overgenomen.</b> {html.escape(str(e), quote=False)}"
            return False
        plan.deelvragen = nieuwe_deelvragen
        gekozen.clear()
        gekozen.update(i if isinstance(i, str) else i[0] for i in plan.indicatoren())
        # Only what was ticked since the last time counts as new: the text above may have
        # removed an indicator that is still ticked from before.
        nieuw = [i for i in indicator_keuze.value if i not in gekozen and i not in aangevinkt]
        if nieuw:
            plan.deelvragen.append(DeelvraagPlan("Zelf gekozen indicatoren",
                                                 [GekozenIndicator(i, "zelf gekozen") for i in nieuw]))  # fmt: skip
            gekozen.update(nieuw)
        indicator_keuze.value = tuple(i for _, i in indicator_keuze.options if i in gekozen)
        aangevinkt.clear()
        aangevinkt.update(indicator_keuze.value)
        deelvragen.value = deelvragen_als_tekst(plan.deelvragen)
        d.deelnemers = _regels(deelnemers.value)
        d.interpretaties = _regels(interpretaties.value)
        d.conclusies = _regels(conclusies.value)
        d.acties = _regels(acties.value)
        params = (f"regio='{regio_keuze.value}', periode='{periode_keuze.value}', "
                  f"startvraag='{start_keuze.value}'")  # fmt: skip
        bericht.value = (f"Overgenomen: {len(plan.deelvragen)} "
                         f"{'deelvraag' if len(plan.deelvragen) == 1 else 'deelvragen'}. Draai de "
                         f"stappen hieronder opnieuw. Voor een andere regio, periode of startvraag: "
                         f"draai het werkboek opnieuw met {params}.")  # fmt: skip
        return True

    def bewaar_plan(_=None) -> None:
        if not neem_over():
            return
        doel = (wb.uitvoer or Path.cwd()) / f"stappenplan_{plan.regio_code}_{plan.periode}.yaml"
        plan.bewaar(doel)
        bericht.value = f"Plan bewaard in {doel}"

    knop.on_click(neem_over)
    bewaar.on_click(bewaar_plan)
    return w.VBox(
        [
            w.HTML("<b>Keuzes</b> (voor live gebruik; het rapport gebruikt de parameters)"),
            w.HBox([regio_keuze, periode_keuze]),
            start_keuze,
            w.HTML(
                "<b>Deelvragen</b>: per deelvraag de vraag, de indicatoren (id of "
                "id:categorie) en waarom die de vraag beantwoorden"
            ),
            deelvragen,
            w.HTML("<b>Extra indicatoren</b> (komen in een deelvraag 'Zelf gekozen indicatoren')"),
            thema_keuze,
            indicator_keuze,
            w.HTML("<b>Duiding met partners</b>"),
            deelnemers,
            interpretaties,
            conclusies,
            acties,
            w.HBox([knop, bewaar]),
            bericht,
        ]
    )
