"""Questions for the conversation with partners ('het goede gesprek'), per finding.

A finding in the monitor is a starting point, not an answer. For a notable finding, this module
gives the questions a region can take to its partners.

Every question template is a :class:`Sjabloon` that *declares* what it fits:

- ``indicatoren``: the indicator ids it is written for (empty: a generic question for every
  indicator of its kind, used only when no specific question fits);
- ``categorieen``: for a distribution, the categories it is written for (empty: any category;
  a text with ``{categorie}`` then names the finding's own category);
- ``richting``: 'hoger' or 'lager', the direction of the finding it fits;
- ``vergelijking``: 'verschil' (a difference with Nederland or with other regions), 'tijd'
  (a change over time: against an earlier period, or a course unlike the national one) or 'beide';
- ``beter``: optionally the catalogue's ``richting`` ('hoger_beter', 'lager_beter', 'geen') the
  question assumes, for questions that call a result good or bad.

The templates are grouped per kind of indicator in :data:`SJABLONEN` (kind -> direction -> list);
:data:`SOORT_PER_INDICATOR` says which kind each catalogue indicator is. The group ``"alle"``
holds the questions for every finding. Placeholders: ``{regio}``, ``{onderwerp}`` (alias
``{naam}``), ``{partner}`` and ``{categorie}`` (a readable Dutch name of the category).

:func:`sjablonen_bij` returns the templates that apply to a finding, :func:`vragen_bij` the filled
questions; ``tests/test_vragen.py`` checks every indicator, category, direction and kind of
comparison against the declarations and against words that contradict the finding.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .fouten import ImpactkitFout
from .paden import data_pad

RICHTINGEN = ("hoger", "lager")
MAX_SPECIFIEK = 4  # questions written for the indicator, per finding (the first in order)
VERGELIJKINGEN = ("verschil", "tijd", "beide")


@dataclass(frozen=True)
class Sjabloon:
    """One question template and the findings it fits (see the module docstring)."""

    tekst: str
    richting: str
    indicatoren: tuple[str, ...] = ()
    categorieen: tuple[str, ...] = ()
    vergelijking: str = "beide"
    beter: str | None = None
    soort: str = ""

    def __post_init__(self) -> None:
        if self.richting not in RICHTINGEN:
            raise ValueError(f"richting {self.richting!r} in template {self.tekst!r}")
        if self.vergelijking not in VERGELIJKINGEN:
            raise ValueError(f"vergelijking {self.vergelijking!r} in template {self.tekst!r}")

    @property
    def is_algemeen(self) -> bool:
        """A generic question for every indicator of its kind (a fallback)."""
        return not self.indicatoren

    def past_bij(
        self, indicator_id: str, richting: str, tijd: bool, categorie: str | None, beter: str | None
    ) -> bool:
        """Whether the declarations fit this finding (the indicator is checked by the caller)."""
        if self.richting != richting:
            return False
        if self.vergelijking != "beide" and self.vergelijking != ("tijd" if tijd else "verschil"):
            return False
        if self.indicatoren and indicator_id not in self.indicatoren:
            return False
        if self.categorieen and categorie not in self.categorieen:
            return False
        if "{categorie}" in self.tekst and not categorie:
            return False
        if "{partner}" in self.tekst and indicator_id not in PARTNER:
            return False
        return self.beter is None or self.beter == beter


def _s(
    tekst: str,
    richting: str,
    indicatoren: str | tuple[str, ...] = (),
    categorieen: str | tuple[str, ...] = (),
    vergelijking: str = "beide",
    beter: str | None = None,
) -> list[Sjabloon]:
    """One template; ``richting='beide'`` gives the same (direction-free) text for both."""
    ind = (indicatoren,) if isinstance(indicatoren, str) else tuple(indicatoren)
    cat = (categorieen,) if isinstance(categorieen, str) else tuple(categorieen)
    richtingen = RICHTINGEN if richting == "beide" else (richting,)
    return [Sjabloon(tekst, r, ind, cat, vergelijking, beter) for r in richtingen]


def _groep(soort: str, *delen: list[Sjabloon]) -> dict[str, list[Sjabloon]]:
    """Collect templates of one kind into {'hoger': [...], 'lager': [...]}."""
    uit: dict[str, list[Sjabloon]] = {"hoger": [], "lager": []}
    for deel in delen:
        for s in deel:
            uit[s.richting].append(replace(s, soort=soort))
    return uit


# -- which kind of indicator ----------------------------------------------------------------------

SOORT_PER_INDICATOR: dict[str, str] = {
    # omvang (population surveys)
    "prevalentie_huiselijk_geweld": "omvang",
    "prevalentie_kindermishandeling": "omvang",
    "vermoeden_getuige": "omvang",
    # reach of Veilig Thuis: volumes
    "adviezen": "bereik",
    "meldingen": "bereik",
    "adviezen_per_10000": "bereik",
    "meldingen_per_10000": "bereik",
    "casussen_vt": "bereik",
    # who signals
    "professionals_aandeel": "signaleren",
    "adviesvrager_type": "signaleren",
    "melder_type": "signaleren",
    "toerusting_opleiding": "signaleren",
    "burgers_handelen": "signaleren",
    "gepraat_over_vermoeden": "signaleren",
    "slachtoffers_plegers_bespreken": "signaleren",
    # how long the violence lasted, how unsafe
    "duur_geweld_adviezen": "duur",
    "duur_geweld_meldingen": "duur",
    "acuut_structureel_onveilig": "ernst",
    "acuut_onveilig": "ernst",
    "structureel_onveilig": "ernst",
    # what kind of violence
    "aard_geweld": "aard",
    "kenmerken_slachtoffers_plegers": "aard",
    "slachtoffers_moord_doodslag": "aard",
    # what Veilig Thuis does next, repeat reports
    "vervolg_veiligheidsbeoordeling": "vervolg",
    "hermeldingen": "herhaling",
    # the chain of care and safety
    "overdracht_rvdk": "keten",
    "overdracht_om": "keten",
    "overdracht_politie": "keten",
    "politiemeldingen": "keten",
    "ots_per_10000": "keten",
    "rvdk_onderzoeken": "keten",
    "tijdelijk_huisverbod": "keten",
    "om_instroom_hgkm": "keten",
    "zm_eindvonnissen": "keten",
    "huisverbod_ggz_khonraad": "keten",
    # coherent help
    "procesregie": "samenwerking",
    "casusregie": "samenwerking",
    "veiligheidsplan": "samenwerking",
    "zorgplan": "samenwerking",
    "traumaklachten": "samenwerking",
    "effectieve_interventies": "samenwerking",
    "systeemgerichte_inzet": "samenwerking",
    "aantal_hulpinstellingen": "samenwerking",
    # outcome (cohort study, recidivism)
    "geweld_gestopt": "outcome",
    "opvoedingsrelatie_verbeterd": "outcome",
    "welzijn_clienten": "outcome",
    "ervaren_veiligheid": "outcome",
    "tevredenheid_hulp": "outcome",
    "recidive_plegers": "outcome",
    "veiligheidsscore_vt": "outcome",
}

# For an indicator not listed above (a new or local indicator): its kind from the catalogue theme.
SOORT_PER_THEMA: dict[str, str] = {
    "omvang": "omvang",
    "aard_kenmerken": "aard",
    "eerder_signaleren": "signaleren",
    "bereik_vt": "bereik",
    "zorg_veiligheid": "keten",
    "hulp_samenwerking": "samenwerking",
    "outcome": "outcome",
}

PARTNER: dict[str, str] = {
    "overdracht_rvdk": "de Raad voor de Kinderbescherming",
    "overdracht_om": "het Openbaar Ministerie",
    "overdracht_politie": "de politie",
    "politiemeldingen": "de politie",
    "ots_per_10000": "de jeugdbescherming",
    "rvdk_onderzoeken": "de Raad voor de Kinderbescherming",
    "tijdelijk_huisverbod": "de burgemeester en de politie",
    "om_instroom_hgkm": "het Openbaar Ministerie",
    "zm_eindvonnissen": "het Openbaar Ministerie en de rechtspraak",
    "huisverbod_ggz_khonraad": "de burgemeester",
}

# How a category is named inside a question ('van {categorie}', 'bij {categorie}',
# 'geweld dat {categorie} duurde', 'over {categorie}'). Unlisted: the label in lower case.
CATEGORIE_TEKST: dict[str, str] = {
    # adviesvrager_type and melder_type
    "Preventieve basisvoorzieningen": "de preventieve basisvoorzieningen (zoals het consultatiebureau)",
    "Huisarts": "huisartsen",
    "Overig gezondheidszorg": "de overige gezondheidszorg (zoals ziekenhuizen)",
    "Gezondheidszorg": "de gezondheidszorg",
    "GGZ": "de ggz",
    "Kinderopvang": "de kinderopvang",
    "Onderwijs": "het onderwijs",
    "Jeugdhulp/zorg": "de jeugdhulp",
    "Politie": "de politie",
    "Justitie en veiligheid, exclusief politie": "justitiële organisaties (zoals het OM en de reclassering)",
    "Justitie overig": "justitiële organisaties (zoals het OM en de reclassering)",
    "Maatschappelijk werk": "het maatschappelijk werk",
    "Beroepsmatig overig": "professionals uit overige beroepsgroepen",
    "Burger": "burgers",
    # duur_geweld_*: 'geweld dat {categorie} duurde'
    "≤ 1 week": "nog maar hooguit een week",
    "1 week – 1 maand": "een week tot een maand",
    "1 – 6 maanden": "één tot zes maanden",
    "6 maanden – 1 jaar": "een half jaar tot een jaar",
    "1 – 5 jaar": "al één tot vijf jaar",
    "> 5 jaar": "al langer dan vijf jaar",
    # aard_geweld
    "Kindermishandeling": "kindermishandeling",
    "(Ex-)partnergeweld": "(ex-)partnergeweld",
    "Ouderenmishandeling": "ouderenmishandeling",
    "Geweld tegen ouders": "geweld tegen ouders",
    "Huiselijk geweld overig": "overig huiselijk geweld",
}

# Proper names that a lower-cased indicator name would spoil.
_EIGENNAMEN = {
    r"\bveilig thuis\b": "Veilig Thuis",
    r"\braad voor de kinderbescherming\b": "Raad voor de Kinderbescherming",
    r"\bopenbaar ministerie\b": "Openbaar Ministerie",
    r"\bom\b": "OM",
}


# -- the templates: data/vragen.csv -----------------------------------------------------------------
# One row per template: soort (kind), richting, vergelijking, indicatoren and categorieen
# (';'-separated; empty = any), beter (the catalogue's direction of 'better', or empty), tekst.
# The questions are data, edited in that file; tests/test_vragen.py checks every row.
def lees_sjablonen(pad: Path | None = None) -> dict[str, dict[str, list[Sjabloon]]]:
    """The question templates from ``data/vragen.csv``, grouped by kind and direction."""
    uit: dict[str, dict[str, list[Sjabloon]]] = {}
    with open(pad or data_pad("vragen.csv"), encoding="utf-8", newline="") as f:
        for rij in csv.DictReader(f):
            s = Sjabloon(
                rij["tekst"],
                rij["richting"],
                _deel(rij["indicatoren"]),
                _deel(rij["categorieen"]),
                rij["vergelijking"],
                rij["beter"] or None,
                rij["soort"],
            )
            uit.setdefault(rij["soort"], {"hoger": [], "lager": []})[s.richting].append(s)
    return uit


def _deel(tekst: str) -> tuple[str, ...]:
    return tuple(t for t in tekst.split(";") if t)


SJABLONEN: dict[str, dict[str, list[Sjabloon]]] = lees_sjablonen()


# -- selecting and filling ------------------------------------------------------------------------


def _catalogus(indicator_id: str):
    from .indicatoren import indicator

    try:
        return indicator(indicator_id)
    except (ImpactkitFout, KeyError):
        return None


def soort_van(indicator_id: str) -> str | None:
    """The kind of indicator (a key of :data:`SJABLONEN`), from the list or the catalogue theme.

    Examples
    --------
    >>> soort_van("duur_geweld_meldingen")
    'duur'
    """
    if indicator_id in SOORT_PER_INDICATOR:
        return SOORT_PER_INDICATOR[indicator_id]
    ind = _catalogus(indicator_id)
    return SOORT_PER_THEMA.get(ind.thema) if ind is not None else None


def sjablonen_bij(
    indicator_id: str, richting: str, tijd: bool = False, categorie: str | None = None
) -> list[Sjabloon]:
    """The templates that fit a finding, in the order the questions are asked.

    First the templates written for this indicator (and category); only when there are none, the
    generic templates for its kind; then the questions for every finding.
    """
    if richting not in RICHTINGEN:
        raise ImpactkitFout(f"De richting moet 'hoger' of 'lager' zijn, niet {richting!r}.")
    ind = _catalogus(indicator_id)
    beter = getattr(ind, "richting", None) or "geen"
    soort = soort_van(indicator_id)
    kandidaten = SJABLONEN[soort][richting] if soort else []
    passend = [s for s in kandidaten if s.past_bij(indicator_id, richting, tijd, categorie, beter)]
    # questions for this kind of comparison before those that fit both kinds
    specifiek = sorted(
        (s for s in passend if not s.is_algemeen), key=lambda s: s.vergelijking == "beide"
    )
    uit = specifiek[:MAX_SPECIFIEK] or [s for s in passend if s.is_algemeen]
    uit += [
        s
        for s in SJABLONEN["alle"][richting]
        if s.past_bij(indicator_id, richting, tijd, categorie, beter)
    ]
    return list({s.tekst: s for s in uit}.values())


def _netjes(onderwerp: str) -> str:
    for patroon, naam in _EIGENNAMEN.items():
        onderwerp = re.sub(patroon, naam, onderwerp, flags=re.IGNORECASE)
    return onderwerp


def categorie_tekst(categorie: str | None) -> str:
    """How a category is named inside a question.

    Examples
    --------
    >>> categorie_tekst("> 5 jaar")
    'al langer dan vijf jaar'
    """
    if not categorie:
        return ""
    return CATEGORIE_TEKST.get(categorie, categorie[:1].lower() + categorie[1:])


def vragen_bij(
    indicator_id: str,
    richting: str,
    regio: str,
    onderwerp: str,
    tijd: bool = False,
    categorie: str | None = None,
) -> list[str]:
    """The questions for a finding.

    ``richting`` is 'hoger' or 'lager'. With ``tijd=False`` the finding is a difference with
    Nederland or with other regions; with ``tijd=True`` it is a change over time, and ``richting``
    is the direction of that change (a rise is 'hoger', a fall 'lager'). ``onderwerp`` is the
    indicator as it reads in a sentence (used by the generic questions); ``categorie`` the
    category of a distribution the finding is about.

    Examples
    --------
    >>> vragen_bij("hermeldingen", "hoger", "Twente", "hermeldingen")[0]
    'Waarom komen gezinnen in Twente vaker opnieuw bij Veilig Thuis terecht dan elders?'
    >>> vragen_bij("duur_geweld_meldingen", "lager", "Zaanstreek-Waterland",
    ...            "duur van het geweld bij meldingen", categorie="> 5 jaar")[1]  # doctest: +ELLIPSIS
    'Wordt geweld dat al langer dan vijf jaar duurde in Zaanstreek-Waterland minder vaak herkend of vastgelegd, ...'
    """
    if not onderwerp:
        ind = _catalogus(indicator_id)
        onderwerp = ind.naam if ind is not None else indicator_id
    onderwerp = _netjes(
        onderwerp[:1].lower() + onderwerp[1:] if onderwerp[1:2].islower() else onderwerp
    )
    waarden = {
        "regio": regio,
        "onderwerp": onderwerp,
        "naam": onderwerp,
        "partner": PARTNER.get(indicator_id, "de partners"),
        "categorie": categorie_tekst(categorie),
    }
    uit = [
        s.tekst.format(**waarden) for s in sjablonen_bij(indicator_id, richting, tijd, categorie)
    ]
    return list(dict.fromkeys(uit))


def neutrale_vragen(regio: str, tijd: bool = True) -> list[str]:
    """The questions for every finding that say no direction (the same text for a rise and a fall).

    For a finding whose direction the question bank cannot state honestly, such as a region that
    hardly changed while Nederland did.

    >>> neutrale_vragen("Twente")[0]
    'Is er in deze periode iets veranderd in werkwijze, registratie of beleid in Twente?'
    """
    lager = {s.tekst for s in SJABLONEN["alle"]["lager"]}
    teksten = [
        s.tekst
        for s in SJABLONEN["alle"]["hoger"]
        if s.tekst in lager and s.vergelijking in ("beide", "tijd" if tijd else "verschil")
    ]
    return list(dict.fromkeys(t.format(regio=regio) for t in teksten))
