"""The deelvragen as a form (ipywidgets): per deelvraag its question, its indicators chosen by
name and why they answer it. No YAML, no ids: what a coordinator types is what the plan says.

The indicators are picked in a tag field that completes the names of the catalogue
(``Duur van het geweld bij meldingen: > 5 jaar`` for one category of a distribution); a name
that is not in the list is refused with the closest one suggested, before anything changes.
"""

from __future__ import annotations

import difflib

import ipywidgets as w

from .fouten import ImpactkitFout
from .indicatoren import catalogus, indicator
from .stappenplan import DeelvraagPlan, GekozenIndicator


def indicator_naam(keuze: GekozenIndicator | str | tuple) -> str:
    """The name a reader sees for a chosen indicator: ``Naam`` or ``Naam: categorie``."""
    if isinstance(keuze, GekozenIndicator):
        ind_id, cat = keuze.indicator, keuze.categorie
    elif isinstance(keuze, tuple):
        ind_id, cat = keuze
    else:
        ind_id, cat = keuze, None
    naam = indicator(ind_id).naam
    return f"{naam}: {cat}" if cat else naam


def indicator_keuzes() -> dict[str, tuple[str, str | None]]:
    """Every indicator a deelvraag can use, by the name shown: name -> (id, categorie).

    Indicators of the regional level that can be measured (registrations, the cohort study); a
    distribution is offered per category (a distribution as a whole is no single figure).
    """
    df = catalogus()
    df = df[df["niveaus"].str.contains("regio", na=False)]
    df = df[df["beschikbaarheid"] != "nog_niet_meetbaar"]
    keuzes: dict[str, tuple[str, str | None]] = {}
    for rij in df.itertuples(index=False):
        categorieen = [c for c in str(rij.categorieen or "").split(";") if c]
        if categorieen:
            for cat in categorieen:
                keuzes[f"{rij.naam}: {cat}"] = (rij.id, cat)
        else:
            keuzes[rij.naam] = (rij.id, None)
    return keuzes


class DeelvraagVak(w.VBox):
    """One deelvraag: question, indicators (by name), why; with a button to remove it."""

    def __init__(self, nummer: int, deelvraag: DeelvraagPlan, namen: list[str]):
        self.vraag = w.Text(
            value=deelvraag.vraag,
            description=f"Deelvraag {nummer}",
            placeholder="Wat wil je weten?",
            layout=w.Layout(width="95%"),
            style={"description_width": "8em"},
        )
        self.indicatoren = w.TagsInput(
            value=[indicator_naam(k) for k in deelvraag.indicatoren],
            allowed_tags=namen,
            allow_duplicates=False,
            placeholder="typ een deel van de naam en kies een indicator",
            layout=w.Layout(width="95%"),
        )
        self.waarom = w.Textarea(
            value=deelvraag.waarom,
            description="Waarom",
            placeholder="waarom zeggen deze indicatoren iets over de vraag?",
            rows=2,
            layout=w.Layout(width="95%"),
            style={"description_width": "8em"},
        )
        self.weg = w.Button(
            description="Deelvraag weghalen",
            icon="trash",
            layout=w.Layout(width="auto", align_self="flex-start"),
        )
        self.waarom_per = {indicator_naam(k): k.waarom for k in deelvraag.indicatoren}
        super().__init__(
            [
                self.vraag,
                w.HTML("<span class='impactkit-label'>Indicatoren bij deze deelvraag</span>"),
                self.indicatoren,
                self.waarom,
                self.weg,
            ],
            layout=w.Layout(border="1px solid #bbb", padding="0.4em", margin="0 0 0.5em 0"),
        )


class DeelvragenFormulier(w.VBox):
    """All deelvragen of a plan as a form; :meth:`deelvragen` reads it back, checked."""

    def __init__(self, deelvragen: list[DeelvraagPlan]):
        self.keuzes = indicator_keuzes()
        for d in deelvragen:  # own (local) indicators of the plan stay choosable
            for k in d.indicatoren:
                self.keuzes.setdefault(indicator_naam(k), (k.indicator, k.categorie))
        self.vakken: list[DeelvraagVak] = []
        self.toevoegen = w.Button(
            description="Deelvraag toevoegen", icon="plus", layout=w.Layout(width="auto")
        )
        self.toevoegen.on_click(lambda _: self._voeg_toe(DeelvraagPlan("", [], "")))
        super().__init__()
        self.zet(deelvragen)

    def zet(self, deelvragen: list[DeelvraagPlan]) -> None:
        """Show these deelvragen (replacing what the form showed)."""
        self.vakken = []
        for d in deelvragen:
            self._voeg_toe(d, tonen=False)
        self._toon()

    def _voeg_toe(self, d: DeelvraagPlan, tonen: bool = True) -> None:
        vak = DeelvraagVak(len(self.vakken) + 1, d, list(self.keuzes))
        vak.weg.on_click(lambda _, v=vak: self._haal_weg(v))
        self.vakken.append(vak)
        if tonen:
            self._toon()

    def _haal_weg(self, vak: DeelvraagVak) -> None:
        self.vakken = [v for v in self.vakken if v is not vak]
        self._toon()

    def _toon(self) -> None:
        for i, vak in enumerate(self.vakken, start=1):
            vak.vraag.description = f"Deelvraag {i}"
        self.children = [*self.vakken, self.toevoegen]

    def deelvragen(self) -> list[DeelvraagPlan]:
        """The deelvragen as the form shows them; a problem raises a Dutch ImpactkitFout
        (without code: it names the deelvraag and the fix) and nothing is read."""
        uit = []
        for i, vak in enumerate(self.vakken, start=1):
            vraag = vak.vraag.value.strip()
            namen = list(vak.indicatoren.value)
            if not vraag and not namen:
                continue  # an empty box added by mistake
            if not vraag:
                raise ImpactkitFout(
                    f"Deelvraag {i} heeft indicatoren maar geen vraag. Schrijf de vraag erbij."
                )
            gekozen = []
            for naam in namen:
                if naam not in self.keuzes:
                    bijna = difflib.get_close_matches(naam, list(self.keuzes), n=1, cutoff=0.5)
                    hint = f" Bedoel je '{bijna[0]}'?" if bijna else " Kies een naam uit de lijst."
                    raise ImpactkitFout(f"Deelvraag {i}: de indicator '{naam}' bestaat niet.{hint}")
                ind_id, cat = self.keuzes[naam]
                gekozen.append(GekozenIndicator(ind_id, vak.waarom_per.get(naam, ""), cat))
            uit.append(DeelvraagPlan(vraag, gekozen, vak.waarom.value.strip()))
        return uit


__all__ = ["DeelvraagVak", "DeelvragenFormulier", "indicator_keuzes", "indicator_naam"]
