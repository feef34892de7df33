"""The answer to the hoofdvraag: :func:`beantwoord` and its result :class:`Synthese`, and the
Markdown that renders it for notebooks and reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..oordelen import OPVALLEND
from ..opmaak import getal, ontbreekt
from ..regioindeling import regio as zoek_regio
from ..startvraagbank import soort_van_plan
from ..vraagsoort import soort_van_deelvraag
from .bewijs import (
    GEEN_UITSLUITSEL,
    WISSELEND,
    GekozenIndicator,
    helder_buiten_soort,
    kies_indicator,
    sterkte_deelvraag,
    sterkte_hoofdvraag,
    voorbereid,
)
from .formulering import (
    GESPREKSVRAGEN,
    GRENZEN,
    antwoordzinnen,
    deelvraag_tekst,
    detail_zinnen,
    duiding_sjabloon_tekst,
    kern_zinnen,
    niet_te_zeggen_tekst,
    uitleg_tekst,
)


@dataclass
class Synthese:
    """The answer to the hoofdvraag with its evidence per deelvraag (see :func:`beantwoord`)."""

    regio: str
    periode: str
    hoofdvraag: str
    antwoord: str
    """Two to four Dutch sentences; with practice data the first one says so."""
    kern: str
    """The one sentence that carries the answer (for an index of many regions)."""
    sterkte: str
    """Strength of the evidence for the hoofdvraag as a whole (a key of :data:`STERKTES`)."""
    deelvragen: pd.DataFrame
    """One row per deelvraag: nummer, deelvraag, soort (kind of question), waarom, indicatoren,
    toont (short), detail (every comparison in words, each once), sterkte, uitleg,
    niet_te_zeggen, opvallend (number of indicators with clear evidence), vragen."""
    vragen: list[str] = field(default_factory=list)
    """Questions for the conversation with partners."""
    grenzen: list[str] = field(default_factory=list)
    """What the monitor cannot tell, in general, and why a difference must be more than chance."""
    techniek: list[str] = field(default_factory=list)
    """The chance arithmetic (number of tests, what chance gives): for the technical note."""
    sjabloon: str = ""
    """The duiding template (Markdown) for the conversation with partners."""
    oefendata: bool = False
    toetsen: int = 0
    gecorrigeerd: bool = False
    soort: str = ""
    """The kind of the hoofdvraag (:data:`impactkit.vraagsoort.SOORTEN`): the answer leads with it."""


# -- the synthesis ---------------------------------------------------------------------------------
def _deelvragen_van(plan: Any, df: pd.DataFrame) -> list[tuple[str, str, list[tuple[str, Any]]]]:
    """(vraag, waarom, [(indicator, categorie)]) per deelvraag; without any, all findings."""
    uit = []
    for d in getattr(plan, "deelvragen", None) or []:
        keuzes = [(k.indicator, getattr(k, "categorie", None)) for k in d.indicatoren]
        waarom = getattr(d, "waarom", "") or ""
        if not waarom:
            waarom = "; ".join(k.waarom for k in d.indicatoren if getattr(k, "waarom", ""))
        uit.append((d.vraag, waarom, keuzes))
    if not uit:
        paren = list(dict.fromkeys(zip(df["indicator"], df["categorie"])))
        uit.append(("Wat laten de gekozen indicatoren zien?", "", paren))
    return uit


def _regio_en_periode(plan: Any, df: pd.DataFrame) -> tuple[str, str]:
    code = getattr(plan, "regio_code", None)
    if code is None and "regio_code" in df.columns and len(df):
        code = df["regio_code"].iloc[0]
    periode = getattr(plan, "periode", None)
    if periode is None and "periode" in df.columns and len(df):
        periode = df["periode"].iloc[0]
    try:  # the name valid in the period (VT15: Midden-Brabant from 2023)
        r = zoek_regio(str(code))
        naam = r.naam_in(str(periode)) if periode else r.naam
    except Exception:  # noqa: BLE001
        naam = str(df["regio"].iloc[0]) if "regio" in df.columns and len(df) else "de regio"
    return naam, str(periode or "")


TOEVAL_ALGEMEEN = (
    "Wie veel vergelijkt, vindt altijd wel een verschil dat toevallig groot lijkt. Daarom telt "
    "een verschil pas als het groter is dan toeval en gewone schommelingen verklaren; de "
    "rekenwijze staat in de technische toelichting."
)


def _grenzen(
    df: pd.DataFrame, attrs: dict, alpha: float, oefendata: bool
) -> tuple[list[str], list[str], int, bool]:
    """The limits in plain words, and the chance arithmetic for the technical note."""
    toetsen = attrs.get("toetsen")
    if not isinstance(toetsen, int):
        toetsen = int(df["p"].map(lambda x: not ontbreekt(x)).sum())
    gecorrigeerd = "p_gecorrigeerd" in df.columns and bool(
        df["p_gecorrigeerd"].map(lambda x: not ontbreekt(x)).any()
    )
    uit, techniek = list(GRENZEN), []
    if toetsen:
        uit.append(TOEVAL_ALGEMEEN)
    if toetsen and gecorrigeerd:
        techniek.append(_toeval_gecorrigeerd(df, attrs, toetsen, alpha))
    elif toetsen:
        verwacht = alpha * toetsen
        techniek.append(
            f"Er {'is' if toetsen == 1 else 'zijn'} {getal(toetsen, 0)} "
            f"{'toets' if toetsen == 1 else 'toetsen'} gedaan, zonder correctie voor dat aantal. "
            f"Ook als er nergens een echt verschil is, geeft toeval gemiddeld ongeveer "
            f"{getal(verwacht)} uitkomst{'' if round(verwacht, 1) == 1 else 'en'} met p onder "
            f"{getal(alpha, 2)}; één opvallend verschil is dus nog geen bewijs."
        )
    if oefendata:
        uit.insert(
            0, "Dit zijn oefendata: verzonnen cijfers om mee te oefenen, geen echte cijfers."
        )
    return uit, techniek, toetsen, gecorrigeerd


def _toeval_gecorrigeerd(df: pd.DataFrame, attrs: dict, toetsen: int, alpha: float) -> str:
    """The analysis's own sentence on chance findings when it has one (one wording everywhere)."""
    try:
        from ..bevindingen import toeval_tekst

        tabel = df.copy()
        tabel.attrs = {"toetsen": toetsen, "alpha": alpha, **attrs}
        if "opvallend" not in tabel.columns:
            tabel["opvallend"] = tabel["oordeel"].isin(OPVALLEND)
        tabel["opvallend"] = tabel["opvallend"].fillna(False).astype(bool)
        return toeval_tekst(tabel)
    except Exception:  # noqa: BLE001 - fall back to a plain statement
        return (
            f"Er zijn {getal(toetsen, 0)} toetsen gedaan en per indicator samen beoordeeld: van "
            f"zulke opvallende uitkomsten is gemiddeld hooguit {getal(100 * alpha, 0)}% toeval."
        )


_KOLOMMEN = [
    "nummer",
    "deelvraag",
    "soort",
    "waarom",
    "indicatoren",
    "toont",
    "detail",
    "sterkte",
    "uitleg",
    "niet_te_zeggen",
    "opvallend",
    "vragen",
]


def _per_deelvraag(
    plan: Any, df: pd.DataFrame, regio_naam: str, hoofdsoort: str
) -> tuple[
    pd.DataFrame, dict[tuple[str, str | None], GekozenIndicator], dict[str, tuple], list[str]
]:
    """The table per deelvraag, with what the answer as a whole needs.

    Returns the table, every chosen indicator once, the questions of the deelvragen without
    clear evidence (each with the groups of another kind that do show something clear), and
    the questions for the partners.
    """
    rijen: list[dict] = []
    alle: dict[tuple[str, str | None], GekozenIndicator] = {}
    zonder: dict[str, tuple[str, ...]] = {}  # deelvragen without clear evidence: other kinds
    vragen: list[str] = []
    for nummer, (vraag, waarom, paren) in enumerate(_deelvragen_van(plan, df), start=1):
        keuzes = [kies_indicator(df, i, c) for i, c in paren]
        keuzes = list({k.sleutel: k for k in keuzes}.values())
        for k in keuzes:
            alle.setdefault(k.sleutel, k)
        soort = soort_van_deelvraag(vraag, hoofdsoort)
        sterkte = sterkte_deelvraag(keuzes, soort)
        if sterkte == GEEN_UITSLUITSEL:
            zonder[vraag] = helder_buiten_soort(keuzes, soort)
        eigen_vragen = list(
            dict.fromkeys(v for k in keuzes for lijst in k.helder["vragen"] for v in lijst)
        )
        if not keuzes:
            eigen_vragen = [f"Wat weten de partners over de deelvraag ‘{vraag}’?"]
        vragen += [v for v in eigen_vragen if v not in vragen]
        rijen.append(
            {
                "nummer": nummer,
                "deelvraag": vraag,
                "soort": soort,
                "waarom": waarom,
                "indicatoren": "; ".join(
                    (k.ind.naam if k.ind else k.indicator_id)
                    + (f" ({k.categorie})" if k.categorie else "")
                    for k in keuzes
                ),
                "toont": deelvraag_tekst(keuzes, soort, regio_naam),
                "detail": detail_zinnen(keuzes),
                "sterkte": sterkte,
                "uitleg": uitleg_tekst(sterkte, keuzes, soort),
                "niet_te_zeggen": niet_te_zeggen_tekst(keuzes),
                "opvallend": int(sum(not k.helder.empty for k in keuzes)),
                "vragen": eigen_vragen,
            }
        )
    tabel = pd.DataFrame(rijen, columns=_KOLOMMEN)
    return tabel, alle, zonder, vragen


def beantwoord(plan: Any, bevindingen: pd.DataFrame, alpha: float = 0.05) -> Synthese:
    """The answer to the hoofdvraag, per deelvraag and as a whole, from the plan and its findings.

    ``plan``: a :class:`~impactkit.stappenplan.Stappenplan` (or anything with ``hoofdvraag`` and
    ``deelvragen``, each with ``vraag``, ``indicatoren`` and optionally ``waarom``).
    ``bevindingen``: the table of :func:`impactkit.bevindingen.analyseer` (one row per finding).
    ``alpha``: the level for ``p_gecorrigeerd`` when the table has it.
    """
    df = voorbereid(bevindingen, alpha)
    regio_naam, periode = _regio_en_periode(plan, df)
    hoofdvraag = str(getattr(plan, "hoofdvraag", "") or "")
    oefendata = bool((df["herkomst"] == "oefendata").any())

    soort = soort_van_plan(plan)
    tabel, alle, zonder, vragen = _per_deelvraag(plan, df, regio_naam, soort)
    keuzes = list(alle.values())
    sterkte = sterkte_hoofdvraag(tabel["sterkte"].tolist())
    wisselend = tabel.loc[tabel["sterkte"] == WISSELEND, "deelvraag"].tolist()
    kern = kern_zinnen(keuzes, soort, regio_naam, wisselend)
    zinnen = antwoordzinnen(
        kern,
        sterkte,
        list(zonder),
        len(tabel),
        keuzes,
        regio_naam,
        oefendata,
        {v: g for v, g in zonder.items() if g},
    )
    if sterkte == GEEN_UITSLUITSEL or not vragen:
        vragen += [v for v in GESPREKSVRAGEN if v not in vragen]
    else:
        vragen.append(GESPREKSVRAGEN[0])
    grenzen, techniek, toetsen, gecorrigeerd = _grenzen(
        df, dict(bevindingen.attrs), alpha, oefendata
    )
    antwoord = " ".join(zinnen)
    return Synthese(
        regio=regio_naam,
        periode=periode,
        hoofdvraag=hoofdvraag,
        antwoord=antwoord,
        kern=" ".join(kern),
        sterkte=sterkte,
        deelvragen=tabel,
        vragen=vragen,
        grenzen=grenzen,
        techniek=techniek,
        sjabloon=duiding_sjabloon_tekst(
            regio_naam, periode, hoofdvraag, vragen, getattr(plan, "duiding", None), antwoord
        ),
        oefendata=oefendata,
        toetsen=toetsen,
        gecorrigeerd=gecorrigeerd,
        soort=soort,
    )


# -- Markdown -------------------------------------------------------------------------------------
DETAIL_KOP = "Alle vergelijkingen bij deze deelvraag"
TECHNIEK_KOP = "Technische toelichting bij de toetsen"
"""The label of the detail under each deelvraag; reports and the app fold the list below it
away (:func:`impactkit.rapport.html_uit_markdown`)."""


def antwoord_markdown(s: Synthese, kop_niveau: int = 3) -> str:
    """The hoofdvraag and its answer as Markdown: the opening of a report."""
    kop = "#" * kop_niveau
    return "\n".join(
        [f"{kop} Antwoord op de hoofdvraag", "", f"> **{s.hoofdvraag}**", "", s.antwoord]
    )


def synthese_markdown(s: Synthese, kop_niveau: int = 3, sjabloon: bool = True) -> str:
    """The whole synthesis as Markdown: answer, per deelvraag, questions, limits, template."""
    kop = "#" * kop_niveau
    regels = [antwoord_markdown(s, kop_niveau), "", f"{kop} Per deelvraag", ""]
    for r in s.deelvragen.itertuples(index=False):
        regels += [
            f"**{r.nummer}. {r.deelvraag}** Bewijs: *{r.sterkte}*. {r.uitleg}",
            "",
        ]
        if r.waarom:
            regels.append(f"- *Waarom deze indicatoren:* {r.waarom}")
        regels += [
            f"- *Wat de cijfers laten zien:* {r.toont}",
            f"- *Wat de monitor hier niet kan zeggen:* {r.niet_te_zeggen}",
            "",
        ]
        if len(r.detail):
            regels += [f"**{DETAIL_KOP}**", ""] + [f"- {z}" for z in r.detail] + [""]
    regels += [f"{kop} Vragen voor het gesprek met partners", ""]
    regels += [f"- {v}" for v in s.vragen]
    regels += ["", f"{kop} Wat de cijfers niet kunnen zeggen", ""]
    regels += [f"- {g}" for g in s.grenzen]
    if s.techniek:
        regels += ["", f"{kop} {TECHNIEK_KOP}", ""] + [f"- {t}" for t in s.techniek]
    if sjabloon and s.sjabloon:
        niveau = min(kop_niveau, 6)
        regels += ["", s.sjabloon.replace("## ", "#" * niveau + " ", 1)]
    return "\n".join(regels)
