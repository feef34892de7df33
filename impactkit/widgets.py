"""Interactive controls for live use of the step-plan notebook (ipywidgets 8, JupyterLab).

In a static book or an executed report only the initial state shows; nothing depends on them.
The panel is a form that edits the plan object in place: period and starter question (each
choice analyses again at once), the hoofdvraag, the deelvragen with their indicators chosen by
name (:mod:`impactkit.deelvraagformulier`) and the duiding notes. After every change the
notebook's heading and answer are updated where they stand, the steps below run again, and the
plan is written to its file, so the choices survive a restart of the notebook.

:func:`resultaat_html` is shared with the app (:mod:`impactkit.app`): the answer, the findings,
the questions and (optionally) the numbered deelvragen and the charts as one piece of HTML.
"""

from __future__ import annotations

import base64
import dataclasses
import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from .bevindingen import samenvatting
from .deelvraagformulier import DeelvragenFormulier
from .fouten import ImpactkitFout
from .perioden import Periode
from .regioindeling import NEDERLAND, regio, regios
from .stappenplan import Stappenplan
from .startvraagbank import startvragen
from .synthese import Synthese, antwoord_markdown, beantwoord
from .werkboek import Werkboek, koptekst

MAX_VAK_TEKENS = 100_000
"""Longest text taken over from one duiding text box (a real note is a few hundred)."""


def _regels(tekst: str) -> list[str]:
    return [r.strip("-• ").strip() for r in tekst.splitlines() if r.strip()]


def _html(markdown: str) -> str:
    from .rapport import html_uit_markdown as _markdown

    return _markdown(markdown)


def halfjaren(data: pd.DataFrame, regio_code: str | None = None) -> list[str]:
    """The half years with figures (for one region), latest first."""
    if regio_code:
        data = data[data["regio_code"] == regio_code]
    perioden = {Periode.parse(p) for p in set(data["periode"])}
    return [
        p.code
        for p in sorted((p for p in perioden if p.is_halfjaar), key=lambda p: p.code, reverse=True)
    ]


SMALLE_GRAFIEK = 280
"""Width in px of a chart drawn for a phone: a 320 px screen less the app's margins (34 px)."""


def _smalle_svg(spec: dict, breedte: int = SMALLE_GRAFIEK) -> str:
    """The chart drawn for ``breedte`` px, axes and legends included, without its title.

    The same rule as the report's interactive charts on a narrow screen
    (``sjablonen/rapport.js``): the plot gets the width instead of the picture being shrunk, so
    its text keeps its size. Legends above or below the plot are stacked instead of placed side
    by side, where they would run past the narrow edge.
    """
    import vl_convert as vlc

    from .rapport.pagina import zonder_titel

    vega = vlc.vegalite_to_vega(
        {
            **zonder_titel(spec),
            "width": breedte,
            "autosize": {"type": "fit-x", "contains": "padding"},
        }
    )
    onder_elkaar = {"direction": "vertical", "anchor": "start"}
    vega.setdefault("config", {}).setdefault("legend", {})["layout"] = {
        "top": onder_elkaar,
        "bottom": onder_elkaar,
    }

    def staand(knoop: object) -> None:  # a single legend lists its items one under the other
        if isinstance(knoop, dict):
            for legenda in knoop.get("legends", []):
                if legenda.get("orient", "right") in ("top", "bottom"):
                    legenda["direction"] = "vertical"
                    legenda.pop("columns", None)
            for waarde in knoop.values():
                staand(waarde)
        elif isinstance(knoop, list):
            for waarde in knoop:
                staand(waarde)

    staand(vega)
    return vlc.vega_to_svg(vega)


def _svg_breedte(svg: str) -> float | None:
    import re

    m = re.search(r'<svg[^>]*?\swidth="([\d.]+)"', svg)
    return float(m.group(1)) if m else None


def _in_kader(figuur: str, spec: dict, svg: str) -> str:
    """The figure's picture in a frame that scrolls sideways on its own; never shrunk.

    A chart shrunk to a phone's width had text of about 5 px. Now the picture keeps its natural
    size: on a screen narrower than the chart the browser shows a version drawn for a phone
    (:func:`_smalle_svg`, through ``<picture>``), and what is still wider scrolls inside its
    frame while the page itself never scrolls sideways. The profile places its columns at fixed
    positions: like in the report, it keeps its size and scrolls in its frame
    (class ``schuifbaar``).
    """
    import re

    meta = (spec.get("usermeta") or {}).get("impactkit", {})
    breedte = _svg_breedte(svg)
    bron = ""
    schuifbaar = meta.get("soort") == "profiel"
    if schuifbaar:
        figuur = figuur.replace('<figure class="grafiek"', '<figure class="grafiek schuifbaar"', 1)
    elif breedte and breedte > SMALLE_GRAFIEK:
        smal = base64.b64encode(_smalle_svg(spec).encode("utf-8")).decode("ascii")
        # The page's margins are about 4em: below the chart's width plus those, the narrow one.
        bron = (
            f'<source media="(max-width: {int(breedte) + 80}px)" '
            f'srcset="data:image/svg+xml;base64,{smal}">'
        )
    m = re.search(r'<img class="statisch"[^>]*>', figuur)
    if not m:
        return figuur
    titel = spec.get("title") or ""
    titel = titel.get("text", "") if isinstance(titel, dict) else titel
    titel = " ".join(titel) if isinstance(titel, list) else str(titel)
    naam = html.escape(f"Grafiek: {titel}" if titel.strip() else "Grafiek", quote=True)
    kader = (
        f'<div class="kader" role="region" tabindex="0" aria-label="{naam}">'
        f"<picture>{bron}{m.group(0)}</picture></div>"
    )
    if schuifbaar:  # the CSS shows this line only on a screen narrower than the profile
        kader = (
            '<p class="schuifhint">Deze grafiek is breder dan je scherm: schuif hem opzij om '
            "alles te zien.</p>" + kader
        )
    return figuur[: m.start()] + kader + figuur[m.end() :]


def grafieken_html(wb: Werkboek, bevindingen: pd.DataFrame | None = None) -> str:
    """Static charts (SVG, nothing loaded from elsewhere) with caption, alt text and data table.

    The same choice as the notebook's step 4: the overview of every indicator
    (:func:`impactkit.grafieken.profiel`), then one chart per notable finding
    (:func:`impactkit.grafieken.grafiekkeuze`; one chart can show several), or the time series of
    the first indicator when nothing is notable. Without ``bevindingen`` the plan is analysed.
    A chart that cannot be drawn leaves a Dutch line instead. Each picture keeps its size on a
    phone (:func:`_in_kader`).
    """
    from . import grafieken
    from .rapport import grafiek_html, svg_zonder_titel

    plan = wb.plan
    if bevindingen is None:
        bevindingen = plan.analyseer(data=wb.data, normen=wb.normen)
    makers = [
        lambda: grafieken.profiel(
            plan.regio_code, plan.periode, bevindingen=bevindingen, data=wb.data
        )
    ]
    keuze = grafieken.grafiekkeuze(bevindingen, plan.indicatoren())
    makers += [
        lambda rij=rij: grafieken.maak_grafiek(rij, plan.regio_code, plan.periode, data=wb.data)
        for rij in keuze.to_dict("records")
    ]
    delen: list[str] = []
    for maak in makers:
        try:
            spec = maak().to_dict()
        except ImpactkitFout as e:
            delen.append(f"<p><em>Geen grafiek: {html.escape(str(e))}</em></p>")
            continue
        nummer = sum(d.startswith("<figure") for d in delen) + 1
        svg = svg_zonder_titel(spec)
        delen.append(_in_kader(grafiek_html(spec, svg, nummer), spec, svg))
    return "\n".join(delen)


def deelvragen_html(uitkomst: Synthese) -> str:
    """The deelvragen, numbered, each with the strength of its evidence and what it shows.

    The content and words of the report's *Per deelvraag*
    (:func:`impactkit.synthese.synthese_markdown`): per deelvraag the question, *Bewijs* with its
    explanation and what the figures show stay in view; why these indicators, what the monitor
    cannot say and every comparison are one click away. Each deelvraag has the anchor
    ``deelvraag-<nummer>``, so the answer can point to it (:func:`_verwijs_naar_deelvragen`).
    """
    from .synthese.beantwoorden import DETAIL_KOP

    e = html.escape
    delen = ["<h3>Per deelvraag</h3>", '<div class="impactkit-deelvragen">']
    for r in uitkomst.deelvragen.itertuples(index=False):
        nummer = int(r.nummer)
        meer = []
        if str(r.waarom).strip():
            meer.append(f"<li><em>Waarom deze indicatoren:</em> {e(str(r.waarom))}</li>")
        if str(r.niet_te_zeggen).strip():
            meer.append(
                f"<li><em>Wat de monitor hier niet kan zeggen:</em> {e(str(r.niet_te_zeggen))}</li>"
            )
        uitklap = "<ul>" + "".join(meer) + "</ul>" if meer else ""
        if len(r.detail):
            uitklap += (
                f"<p><strong>{e(DETAIL_KOP)}</strong></p><ul>"
                + "".join(f"<li>{e(str(z))}</li>" for z in r.detail)
                + "</ul>"
            )
        delen += [
            f'<section class="deelvraag" id="deelvraag-{nummer}">',
            f"<h4>Deelvraag {nummer}. {e(str(r.deelvraag))}</h4>",
            f'<p><strong>Bewijs: <span class="sterkte">{e(str(r.sterkte))}</span>.</strong> '
            f"{e(str(r.uitleg))}</p>",
            f"<p><em>Wat de cijfers laten zien:</em> {e(str(r.toont))}</p>",
        ]
        if uitklap:
            delen.append(
                '<details class="detail"><summary>Meer over deze deelvraag</summary>'
                f"{uitklap}</details>"
            )
        delen.append("</section>")
    delen.append("</div>")
    return "\n".join(delen)


def _verwijs_naar_deelvragen(antwoord_html: str, uitkomst: Synthese) -> str:
    """The answer's quoted deelvragen (‘…’) with their number, as links to them on the page.

    The answer names a deelvraag by its question; the page numbers them: ``‘Vraag?’`` becomes
    ``‘Vraag?’ (deelvraag 2)``, a link to ``#deelvraag-2``.
    """
    import re

    for r in uitkomst.deelvragen.itertuples(index=False):
        nummer = int(r.nummer)
        # The Markdown renderer escapes &, <, > and ", as done here.
        vraag = html.escape(str(r.deelvraag).strip(), quote=False).replace('"', "&quot;")
        # Not twice: two deelvragen with the same question link to the first.
        antwoord_html = re.sub(
            rf"‘{re.escape(vraag)}’(?!</a>| \(deelvraag)",
            lambda _, v=vraag, n=nummer: f'<a href="#deelvraag-{n}">‘{v}’ (deelvraag {n})</a>',
            antwoord_html,
        )
    return antwoord_html


def resultaat_html(
    wb: Werkboek,
    bevindingen: pd.DataFrame,
    uitkomst: Synthese,
    grafieken: bool = False,
    deelvragen: bool = False,
) -> str:
    """The analysis as HTML: region and question, the answer, the findings, the questions.

    Headings start at level 2: the page's title is its only first-level heading. With
    ``deelvragen`` the numbered deelvragen follow the answer (:func:`deelvragen_html`), and the
    deelvragen the answer names link to them.
    """
    kop = koptekst(wb)
    antwoord = _html(antwoord_markdown(uitkomst, kop_niveau=3))
    delen = ['<div class="impactkit-resultaat" lang="nl">', _html(kop)]
    if deelvragen:
        delen += [_verwijs_naar_deelvragen(antwoord, uitkomst), deelvragen_html(uitkomst)]
    else:
        delen.append(antwoord)
    delen += ["<h3>Bevindingen</h3>", _html(samenvatting(bevindingen))]
    if grafieken:
        delen += ["<h3>Grafieken</h3>", grafieken_html(wb, bevindingen)]
    delen += [
        "<h3>Vragen voor het gesprek met partners</h3>",
        "<ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in uitkomst.vragen) + "</ul>",
        "</div>",
    ]
    return "\n".join(delen)


def plan_downloadlink(plan: Stappenplan, naam: str = "stappenplan.yaml") -> str:
    """An HTML link that downloads the plan as a YAML file (a data: URL: works offline)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        tekst = plan.bewaar(Path(tmp) / naam).read_bytes()
    data = base64.b64encode(tekst).decode("ascii")
    return (
        f'<a download="{html.escape(naam)}" href="data:text/yaml;charset=utf-8;base64,{data}" '
        f'class="impactkit-download">Download je plan ({html.escape(naam)})</a>'
    )


def _zet_plan(plan: Stappenplan, nieuw: Stappenplan) -> None:
    """Replace the plan's content in place: the notebook's ``plan`` keeps pointing at it."""
    for veld in dataclasses.fields(Stappenplan):
        setattr(plan, veld.name, getattr(nieuw, veld.name))


# Asks JupyterLab (started by ``impactkit werkboek`` with the app exposed) to run the steps below
# the panel again, so the page shows what the panel chose; elsewhere it does nothing.
OPNIEUW_UITVOEREN_JS = """
(async () => {
  const app = window.jupyterapp;
  const paneel = document.querySelector('.impactkit-keuzepaneel');
  const cel = paneel && paneel.closest('.jp-Cell');
  const widget = app && app.shell.currentWidget;
  const nb = widget && widget.content;
  if (!cel || !nb || !nb.widgets) return;
  const i = nb.widgets.findIndex(c => c.node === cel);
  if (i < 0 || i + 1 >= nb.widgets.length) return;
  const scroller = nb.node, boven = scroller.scrollTop;
  nb.activeCellIndex = i + 1;
  await app.commands.execute('notebook:run-all-below');
  nb.activeCellIndex = i;
  scroller.scrollTop = boven;
})();
"""

KOP_ID, ANTWOORD_ID = "impactkit-kop", "impactkit-antwoord"
"""The display ids of the notebook's heading and answer (cells 2 and 3), which the panel updates."""


def werk_pagina_bij(wb: Werkboek, uitkomst: Synthese) -> None:
    """Update the notebook's heading and answer above the panel (only in a running kernel)."""
    from IPython import get_ipython
    from IPython.display import Markdown, update_display

    if getattr(get_ipython(), "kernel", None) is None:
        return
    update_display(Markdown(koptekst(wb)), display_id=KOP_ID)
    update_display(Markdown(antwoord_markdown(uitkomst)), display_id=ANTWOORD_ID)


def _rustig(tekst: str) -> str:
    return html.escape(tekst, quote=False)


class Keuzepaneel(w.VBox):
    """The panel of :func:`keuzepaneel`; its controls are attributes (for tests and scripts)."""

    def __init__(self, wb: Werkboek, plan_bestand: str | Path | None = None):
        self.wb = wb
        plan = wb.plan
        if plan_bestand is not None:
            self.plan_bestand = Path(plan_bestand)
        elif wb.plan_bestand is not None:
            self.plan_bestand = wb.plan_bestand
        elif wb.uitvoer is not None:
            self.plan_bestand = wb.uitvoer / "stappenplan.yaml"
        else:
            from .eigen_werkboek import plan_bestandsnaam

            self.plan_bestand = Path.cwd() / plan_bestandsnaam(plan)
        # A workbook with its own plan file belongs to one region: its folder is named after it.
        self.vaste_regio = wb.plan_bestand is not None and plan_bestand is None
        # The regions of the plan's period, with the name valid then, in alphabetical order.
        vt = regios(periode=plan.periode)
        vt = vt[vt["code"] != NEDERLAND]  # the plan is about one Veilig Thuis region
        paren = sorted(zip(vt["naam"], vt["code"]), key=lambda p: p[0].casefold())
        if plan.regio_code not in {c for _, c in paren}:
            paren.append((regio(plan.regio_code).naam_in(plan.periode), plan.regio_code))
        breed = w.Layout(width="95%")
        stijl = {"description_width": "8em"}
        self.regio = w.Dropdown(
            options=paren,
            value=plan.regio_code,
            description="Regio",
            disabled=self.vaste_regio,
            style=stijl,
        )
        self.periode = w.Dropdown(
            options=[
                (Periode.parse(p).label, p)
                for p in (halfjaren(wb.data, plan.regio_code) or [plan.periode])
            ],
            value=plan.periode,
            description="Periode",
            style=stijl,
        )
        self.startvraag = w.Dropdown(
            options=[("(eigen vraag)", "")] + [(s.hoofdvraag, s.sleutel) for s in startvragen()],
            value=plan.startvraag or "",
            description="Startvraag",
            layout=breed,
            style=stijl,
        )
        self.hoofdvraag = w.Textarea(
            value=plan.hoofdvraag, description="Hoofdvraag", rows=2, layout=breed, style=stijl
        )
        self.deelvragen = DeelvragenFormulier(plan.deelvragen)
        d = plan.duiding
        self.deelnemers = w.Textarea(
            value="\n".join(d.deelnemers),
            description="Deelnemers",
            placeholder="één per regel",
            layout=breed,
            style=stijl,
        )
        self.interpretaties = w.Textarea(
            value="\n".join(d.interpretaties), description="Duiding", layout=breed, style=stijl
        )
        self.conclusies = w.Textarea(
            value="\n".join(d.conclusies), description="Conclusies", layout=breed, style=stijl
        )
        self.acties = w.Textarea(
            value="\n".join(d.acties), description="Acties", layout=breed, style=stijl
        )
        self.knop = w.Button(
            description="Toepassen en bewaren",
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.bericht = w.HTML()
        self._opnieuw = w.Output(layout=w.Layout(display="none"))
        self.bevindingen: pd.DataFrame | None = None
        self.uitkomst: Synthese | None = None

        self.regio.observe(self._bij_keuze, names="value")
        self.periode.observe(self._bij_keuze, names="value")
        self.startvraag.observe(self._bij_keuze, names="value")
        self.knop.on_click(lambda _: self.neem_over())
        super().__init__(self._onderdelen())
        self.add_class("impactkit-keuzepaneel")

    def _onderdelen(self) -> list[w.Widget]:
        """The form from top to bottom, with the Dutch headings and explanations."""
        regio_uitleg = (
            [
                w.HTML(
                    f"<p><small>Dit werkboek hoort bij "
                    f"{_rustig(regio(self.wb.plan.regio_code).naam_in(self.wb.plan.periode))}. "
                    "Voor een andere regio "
                    "maak je een eigen werkboek.</small></p>"
                )
            ]
            if self.vaste_regio
            else []
        )
        return [
            w.HTML(
                "<h3>Keuzes</h3><p>Een andere periode of startvraag werkt de pagina meteen "
                "bij. Pas je hoofdvraag, deelvragen of duiding aan, klik dan op "
                "<b>Toepassen en bewaren</b>. Je plan wordt bewaard in "
                f"<code>{_rustig(self.plan_bestand.name)}</code>.</p>"
            ),
            self.regio,
            *regio_uitleg,
            self.periode,
            self.startvraag,
            self.hoofdvraag,
            w.HTML(
                "<h4>Deelvragen</h4><p>Per deelvraag de vraag, de indicatoren die er iets "
                "over zeggen (typ een deel van de naam en kies) en waarom.</p>"
            ),
            self.deelvragen,
            w.HTML("<h4>Duiding met partners</h4>"),
            self.deelnemers,
            self.interpretaties,
            self.conclusies,
            self.acties,
            self.knop,
            self.bericht,
            self._opnieuw,
        ]

    # -- helpers ----------------------------------------------------------------------------------
    def _bij_keuze(self, wijziging: dict) -> None:
        plan = self.wb.plan
        try:
            if wijziging["owner"] is self.regio and self.vaste_regio:
                with self.regio.hold_trait_notifications():
                    self.regio.value = plan.regio_code
                return
            if wijziging["owner"] is self.startvraag and self.startvraag.value:
                nieuw = Stappenplan.uit_startvraag(
                    self.startvraag.value, self.regio.value, self.periode.value
                )
                nieuw.duiding, nieuw.bron = plan.duiding, plan.bron
                _zet_plan(plan, nieuw)
                self.hoofdvraag.value = plan.hoofdvraag
                self.deelvragen.zet(plan.deelvragen)
            elif wijziging["owner"] is self.startvraag:
                plan.startvraag = None  # own question: keep the deelvragen as they are
            else:
                if wijziging["owner"] is self.regio:
                    perioden = halfjaren(self.wb.data, self.regio.value)
                    opties = [(Periode.parse(p).label, p) for p in perioden]
                    if self.periode.value not in perioden and perioden:
                        with self.periode.hold_trait_notifications():
                            self.periode.options = opties
                            self.periode.value = perioden[0]
                    elif perioden:
                        self.periode.options = opties
                plan.regio_code = regio(self.regio.value).code
                plan.periode = Periode.parse(self.periode.value).code
        except ImpactkitFout as e:
            self.bericht.value = f"<b>Niet gelukt.</b> {_rustig(str(e))}"
            return
        self.werk_bij()

    # -- actions ----------------------------------------------------------------------------------
    def neem_over(self) -> bool:
        """Take the hoofdvraag, deelvragen and duiding notes into the plan, then update."""
        plan = self.wb.plan
        te_lang = [
            v.description
            for v in (self.deelnemers, self.interpretaties, self.conclusies, self.acties)
            if len(v.value) > MAX_VAK_TEKENS
        ]
        if te_lang:
            self.bericht.value = (
                f"<b>Niet overgenomen.</b> Het tekstvak {_rustig(te_lang[0])} heeft meer dan "
                f"{MAX_VAK_TEKENS:,} tekens. Maak de tekst korter.".replace(",", ".")
            )
            return False
        try:
            nieuwe_deelvragen = self.deelvragen.deelvragen()
        except ImpactkitFout as e:
            self.bericht.value = f"<b>Niet overgenomen.</b> {_rustig(str(e))}"
            return False
        if not self.hoofdvraag.value.strip():
            self.bericht.value = "<b>Niet overgenomen.</b> Schrijf een hoofdvraag."
            return False
        if self.hoofdvraag.value.strip() != plan.hoofdvraag:
            plan.hoofdvraag = self.hoofdvraag.value.strip()
            plan.startvraag = None  # an own hoofdvraag: no longer the start question's
            with self.startvraag.hold_trait_notifications():
                self.startvraag.value = ""
        plan.deelvragen = nieuwe_deelvragen
        self.deelvragen.zet(plan.deelvragen)
        d = plan.duiding
        d.deelnemers = _regels(self.deelnemers.value)
        d.interpretaties = _regels(self.interpretaties.value)
        d.conclusies = _regels(self.conclusies.value)
        d.acties = _regels(self.acties.value)
        return self.werk_bij()

    def werk_bij(self) -> bool:
        """Analyse the plan again, show the answer, update the page and write the plan file."""
        plan = self.wb.plan
        if not plan.indicatoren():
            self.bericht.value = (
                "<b>Nog geen indicatoren.</b> Kies een startvraag, of kies bij een deelvraag "
                "een of meer indicatoren en klik op 'Toepassen en bewaren'."
            )
            return False
        try:
            self.bevindingen = plan.analyseer(data=self.wb.data, normen=self.wb.normen)
            self.uitkomst = beantwoord(plan, self.bevindingen)
        except ImpactkitFout as e:
            self.bericht.value = f"<b>Niet gelukt.</b> {_rustig(str(e))}"
            return False
        plan.antwoord = self.uitkomst.antwoord
        self.wb.meldingen = []  # a note about the saved plan no longer applies
        try:
            pad = plan.bewaar(self.plan_bestand)
        except ImpactkitFout as e:  # a folder, a read-only disk, a plan far too long
            self.bericht.value = f"<b>Plan niet bewaard.</b> {_rustig(str(e))}"
            return False
        werk_pagina_bij(self.wb, self.uitkomst)
        self._voer_stappen_opnieuw_uit()
        n = len(plan.deelvragen)
        self.bericht.value = (
            f"Bijgewerkt: {_rustig(regio(plan.regio_code).naam_in(plan.periode))}, "
            f"{_rustig(Periode.parse(plan.periode).label)}, {n} "
            f"{'deelvraag' if n == 1 else 'deelvragen'}. Het antwoord bovenaan is bijgewerkt; de "
            "stappen hieronder worden opnieuw uitgerekend. Plan bewaard in "
            f"<code>{_rustig(pad.name)}</code>."
        )
        return True

    def _voer_stappen_opnieuw_uit(self) -> None:
        from IPython import get_ipython
        from IPython.display import Javascript, display

        if getattr(get_ipython(), "kernel", None) is None:
            return
        self._opnieuw.clear_output()
        with self._opnieuw:
            display(Javascript(OPNIEUW_UITVOEREN_JS))


def keuzepaneel(wb: Werkboek, plan_bestand: str | Path | None = None) -> Keuzepaneel:
    """A form to pick period and starter question, write the hoofdvraag and the deelvragen (with
    indicators chosen by name) and note the duiding.

    A period or starter question analyses the plan again at once; the hoofdvraag, deelvragen and
    duiding notes are taken over with *Toepassen en bewaren*. A mistake gives a Dutch message
    and changes nothing. After each change the notebook's heading and answer are updated, the
    steps below run again (in JupyterLab started by ``impactkit werkboek``), and the plan is
    written to ``plan_bestand`` (default: the notebook's ``plan_bestand``, else
    ``uitvoer/stappenplan.yaml``, else ``stappenplan-<regio>-<periode>.yaml`` here). A workbook
    with its own plan file keeps its region; elsewhere the region can be chosen too.
    """
    return Keuzepaneel(wb, plan_bestand)


__all__ = [
    "Keuzepaneel",
    "deelvragen_html",
    "grafieken_html",
    "halfjaren",
    "keuzepaneel",
    "plan_downloadlink",
    "resultaat_html",
]
