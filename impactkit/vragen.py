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

import re
from dataclasses import dataclass, replace

from .fouten import ImpactkitFout

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

    def past_bij(self, indicator_id: str, richting: str, tijd: bool,
                 categorie: str | None, beter: str | None) -> bool:  # fmt: skip
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


def _s(tekst: str, richting: str, indicatoren: str | tuple[str, ...] = (),
       categorieen: str | tuple[str, ...] = (), vergelijking: str = "beide",
       beter: str | None = None) -> list[Sjabloon]:  # fmt: skip
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

# -- the templates ---------------------------------------------------------------------------------

V, T = "verschil", "tijd"

# Reach: adviezen and meldingen (counts and per 10.000), casussen.
ADV = ("adviezen", "adviezen_per_10000")
MLD = ("meldingen", "meldingen_per_10000")
_BEREIK = _groep(
    "bereik",
    # adviezen
    _s(
        "Vragen inwoners en professionals in {regio} naar verhouding vaker advies aan Veilig "
        "Thuis omdat er meer geweld is, of omdat Veilig Thuis hier beter bekend is?",
        "hoger",
        ADV,
        vergelijking=V,
    ),
    _s(
        "Welke campagnes, afspraken of contactpunten maken dat Veilig Thuis in {regio} vaak om "
        "advies wordt gevraagd?",
        "hoger",
        ADV,
        vergelijking=V,
    ),
    _s(
        "Kan Veilig Thuis in {regio} al deze adviesvragen goed en op tijd beantwoorden?",
        "hoger",
        ADV,
    ),
    _s(
        "Vragen inwoners en professionals in {regio} minder vaak advies omdat er minder geweld "
        "is, of omdat zij Veilig Thuis niet kennen of niet durven te bellen?",
        "lager",
        ADV,
        vergelijking=V,
    ),
    _s(
        "Welke groepen inwoners of professionals vragen in {regio} weinig advies, en hoe "
        "bereiken we hen?",
        "lager",
        ADV,
        vergelijking=V,
    ),
    _s(
        "Zoeken professionals in {regio} hun advies misschien bij andere partijen, zoals het "
        "wijkteam?",
        "lager",
        ADV,
    ),
    _s(
        "Wat is er in {regio} gebeurd waardoor het aantal adviesvragen is toegenomen: een "
        "campagne, nieuwe afspraken of meer geweld?",
        "hoger",
        ADV,
        vergelijking=T,
    ),
    _s(
        "Waarom vragen in {regio} nu minder mensen advies aan Veilig Thuis: is er minder geweld, "
        "of is Veilig Thuis minder zichtbaar geworden?",
        "lager",
        ADV,
        vergelijking=T,
    ),
    # meldingen
    _s(
        "Komen er in {regio} naar verhouding meer meldingen binnen omdat er meer geweld is, of "
        "omdat geweld hier vaker gezien en gemeld wordt?",
        "hoger",
        MLD,
        vergelijking=V,
    ),
    _s(
        "Welke rol spelen de werkafspraken met de politie, de grootste melder, bij het hoge "
        "aantal meldingen in {regio}?",
        "hoger",
        MLD,
        vergelijking=V,
    ),
    _s(
        "Kan Veilig Thuis in {regio} al deze meldingen op tijd oppakken, zonder wachtlijst?",
        "hoger",
        MLD,
    ),
    _s(
        "Komen er in {regio} minder meldingen binnen omdat er minder geweld is, of omdat "
        "signalen blijven liggen?",
        "lager",
        MLD,
        vergelijking=V,
    ),
    _s(
        "Melden de politie en andere professionals in {regio} anders dan elders, bijvoorbeeld "
        "omdat zij zaken eerst zelf oppakken?",
        "lager",
        MLD,
        vergelijking=V,
    ),
    _s(
        "Welke groepen burgers of professionals vinden in {regio} de weg naar Veilig Thuis nog "
        "niet?",
        "lager",
        MLD,
    ),
    _s(
        "Wat verklaart de toename van het aantal meldingen in {regio}: meer geweld, andere "
        "werkafspraken (bijvoorbeeld met de politie) of een campagne?",
        "hoger",
        MLD,
        vergelijking=T,
    ),
    _s(
        "Wat verklaart de daling van het aantal meldingen in {regio}: minder geweld, of melden "
        "partners zoals de politie anders dan voorheen?",
        "lager",
        MLD,
        vergelijking=T,
    ),
    _s(
        "Blijven er in {regio} nu signalen liggen die eerder wel bij Veilig Thuis kwamen?",
        "lager",
        MLD,
        vergelijking=T,
    ),
    # casussen
    _s(
        "Waarom krijgt Veilig Thuis in {regio} naar verhouding over meer casussen een melding "
        "dan elders?",
        "hoger",
        "casussen_vt",
        vergelijking=V,
    ),
    _s(
        "Waarom krijgt Veilig Thuis in {regio} naar verhouding over minder casussen een melding "
        "dan elders?",
        "lager",
        "casussen_vt",
        vergelijking=V,
    ),
    _s(
        "Waarom is het aantal casussen met een melding in {regio} toegenomen, en gaat het om "
        "nieuwe gezinnen of om gezinnen die al bekend waren?",
        "hoger",
        "casussen_vt",
        vergelijking=T,
    ),
    _s(
        "Heeft Veilig Thuis in {regio} genoeg mensen voor het grotere aantal casussen?",
        "hoger",
        "casussen_vt",
    ),
    _s(
        "Waarom is het aantal casussen met een melding in {regio} gedaald: is er minder "
        "onveiligheid, of komen zorgen minder vaak als melding binnen?",
        "lager",
        "casussen_vt",
        vergelijking=T,
    ),
    _s(
        "Blijft het in {regio} nu vaak bij een advies, zonder dat er een melding volgt?",
        "lager",
        "casussen_vt",
        vergelijking=T,
    ),
    # generic
    _s(
        "Wat verklaart het hogere cijfer voor {onderwerp} in {regio}: meer geweld, of geweld dat "
        "beter gezien wordt en de weg naar Veilig Thuis vindt?",
        "hoger",
    ),
    _s(
        "Wat verklaart het lagere cijfer voor {onderwerp} in {regio}: minder geweld, of geweld "
        "dat niet gezien wordt of de weg naar Veilig Thuis niet vindt?",
        "lager",
    ),
)

# Who signals: professionals, adviesvragers and melders per group, and the survey indicators.
AVT, MT = "adviesvrager_type", "melder_type"
BEROEPEN_AVT = ("Preventieve basisvoorzieningen", "Huisarts", "Overig gezondheidszorg", "GGZ",
                "Kinderopvang", "Onderwijs", "Jeugdhulp/zorg",
                "Justitie en veiligheid, exclusief politie", "Maatschappelijk werk",
                "Beroepsmatig overig")  # fmt: skip
BEROEPEN_MT = ("Justitie overig", "Gezondheidszorg", "Onderwijs", "Jeugdhulp/zorg", "Kinderopvang",
               "Maatschappelijk werk", "Beroepsmatig overig")  # fmt: skip
_SIGNALEREN = _groep(
    "signaleren",
    # share of professionals
    _s(
        "Waarom komt in {regio} een groter deel van de adviezen en meldingen dan elders van "
        "professionals: "
        "zijn zij beter toegerust, of nemen burgers hier weinig zelf contact op?",
        "hoger",
        "professionals_aandeel",
        vergelijking=V,
    ),
    _s(
        "Welke afspraken of trainingen rond de meldcode werken in {regio} goed, en kunnen andere "
        "regio's daarvan leren?",
        "hoger",
        "professionals_aandeel",
        vergelijking=V,
    ),
    _s(
        "Waarom komt in {regio} een kleiner deel van de adviezen en meldingen dan elders van "
        "professionals: "
        "kennen zij de meldcode en Veilig Thuis goed genoeg?",
        "lager",
        "professionals_aandeel",
        vergelijking=V,
    ),
    _s(
        "Wat houdt professionals in {regio} tegen om advies te vragen of te melden, of pakken zij "
        "signalen zelf op?",
        "lager",
        "professionals_aandeel",
    ),
    _s(
        "Is het aandeel klein doordat burgers in {regio} juist veel zelf contact opnemen met "
        "Veilig Thuis?",
        "lager",
        "professionals_aandeel",
        vergelijking=V,
    ),
    _s(
        "Wat is er in {regio} veranderd waardoor een groter deel van de contacten nu van "
        "professionals komt: scholing, nieuwe afspraken of een campagne?",
        "hoger",
        "professionals_aandeel",
        vergelijking=T,
    ),
    _s(
        "Is de aandacht voor de meldcode bij professionals in {regio} verslapt, bijvoorbeeld door "
        "personeelswisselingen of drukte?",
        "lager",
        "professionals_aandeel",
        vergelijking=T,
    ),
    # adviesvragers: professional groups
    _s(
        "Waarom komt in {regio} een groter deel van de adviesvragen van {categorie} dan elders?",
        "hoger",
        AVT,
        BEROEPEN_AVT,
        vergelijking=V,
    ),
    _s(
        "Gaat het om veel adviesvragen van {categorie}, of alleen om een groter deel doordat "
        "andere groepen weinig advies vragen?",
        "hoger",
        AVT,
        BEROEPEN_AVT + ("Politie",),
    ),
    _s(
        "Wat werkt er bij {categorie} in {regio} goed in het herkennen van signalen en het vragen "
        "van advies, en wat kunnen anderen daarvan leren?",
        "hoger",
        AVT,
        BEROEPEN_AVT,
    ),
    _s(
        "Waarom komt in {regio} een kleiner deel van de adviesvragen van {categorie} dan elders?",
        "lager",
        AVT,
        BEROEPEN_AVT,
        vergelijking=V,
    ),
    _s(
        "Is Veilig Thuis bij {categorie} in {regio} bekend genoeg als plek om advies te vragen?",
        "lager",
        AVT,
        BEROEPEN_AVT,
    ),
    _s(
        "Wordt er bij {categorie} in {regio} misschien zelf hulp geboden, zonder Veilig Thuis om "
        "advies te vragen?",
        "lager",
        AVT,
        BEROEPEN_AVT,
    ),
    _s(
        "Gaat het om weinig adviesvragen van {categorie}, of alleen om een kleiner deel doordat "
        "andere groepen juist veel advies vragen?",
        "lager",
        AVT,
        BEROEPEN_AVT + ("Politie",),
    ),
    _s(
        "Wat is er in {regio} veranderd waardoor nu een groter deel van de adviesvragen van "
        "{categorie} komt, bijvoorbeeld scholing, een campagne of nieuwe afspraken?",
        "hoger",
        AVT,
        BEROEPEN_AVT + ("Politie",),
        vergelijking=T,
    ),
    _s(
        "Waarom komt in {regio} nu een kleiner deel van de adviesvragen van {categorie}: is er "
        "iets veranderd in het werk, de afspraken of de bekendheid van Veilig Thuis?",
        "lager",
        AVT,
        BEROEPEN_AVT + ("Politie",),
        vergelijking=T,
    ),
    # adviesvragers: the police
    _s(
        "Waarom vraagt de politie in {regio} naar verhouding vaak advies aan Veilig Thuis, in "
        "plaats van direct te melden?",
        "hoger",
        AVT,
        "Politie",
        vergelijking=V,
    ),
    _s(
        "Waarom komt in {regio} een kleiner deel van de adviesvragen van de politie: meldt de "
        "politie hier direct, zonder eerst advies te vragen?",
        "lager",
        AVT,
        "Politie",
        vergelijking=V,
    ),
    # melders: professional groups
    _s(
        "Waarom komt in {regio} een groter deel van de meldingen van {categorie} dan elders?",
        "hoger",
        MT,
        BEROEPEN_MT,
        vergelijking=V,
    ),
    _s(
        "Gaat het om veel meldingen van {categorie}, of alleen om een groter deel doordat andere "
        "melders weinig melden?",
        "hoger",
        MT,
        BEROEPEN_MT,
    ),
    _s(
        "Wat werkt er bij {categorie} in {regio} goed in het herkennen en melden van "
        "onveiligheid, en wat kunnen anderen daarvan leren?",
        "hoger",
        MT,
        BEROEPEN_MT,
    ),
    _s(
        "Waarom komt in {regio} een kleiner deel van de meldingen van {categorie} dan elders?",
        "lager",
        MT,
        BEROEPEN_MT,
        vergelijking=V,
    ),
    _s(
        "Is de meldcode bij {categorie} in {regio} goed bekend, en weten professionals wanneer "
        "een melding nodig is?",
        "lager",
        MT,
        BEROEPEN_MT,
    ),
    _s(
        "Gaat het om weinig meldingen van {categorie}, of alleen om een kleiner deel doordat "
        "andere melders juist veel melden?",
        "lager",
        MT,
        BEROEPEN_MT,
    ),
    _s(
        "Wat is er in {regio} veranderd waardoor nu een groter deel van de meldingen van "
        "{categorie} komt, bijvoorbeeld scholing, een campagne of nieuwe afspraken?",
        "hoger",
        MT,
        BEROEPEN_MT,
        vergelijking=T,
    ),
    _s(
        "Waarom komt in {regio} nu een kleiner deel van de meldingen van {categorie}: is er iets "
        "veranderd in het werk, de afspraken of de bekendheid van de meldcode?",
        "lager",
        MT,
        BEROEPEN_MT,
        vergelijking=T,
    ),
    # melders: the police
    _s(
        "Waarom komt in {regio} een groter deel van de meldingen van de politie dan elders: door "
        "de werkafspraken tussen politie en Veilig Thuis, of doordat andere partners weinig "
        "melden?",
        "hoger",
        MT,
        "Politie",
        vergelijking=V,
    ),
    _s(
        "Komen zorgen over gezinnen in {regio} vooral via een incident en de politie in beeld, en "
        "niet via professionals die het gezin al kennen?",
        "hoger",
        MT,
        "Politie",
    ),
    _s(
        "Waarom komt in {regio} een kleiner deel van de meldingen van de politie dan elders: "
        "meldt de politie anders, of melden andere partners juist veel?",
        "lager",
        MT,
        "Politie",
        vergelijking=V,
    ),
    _s(
        "Welke werkafspraken hebben politie en Veilig Thuis in {regio} over wanneer de politie "
        "een melding doet?",
        "lager",
        MT,
        "Politie",
    ),
    _s(
        "Komen de incidenten van huiselijk geweld die de politie in {regio} ziet wel allemaal bij "
        "Veilig Thuis terecht?",
        "lager",
        MT,
        "Politie",
    ),
    _s(
        "Wat is er veranderd in de werkafspraken tussen politie en Veilig Thuis in {regio}, nu "
        "een groter deel van de meldingen van de politie komt?",
        "hoger",
        MT,
        "Politie",
        vergelijking=T,
    ),
    _s(
        "Wat is er veranderd in de werkafspraken tussen politie en Veilig Thuis in {regio}, nu "
        "een kleiner deel van de meldingen van de politie komt?",
        "lager",
        MT,
        "Politie",
        vergelijking=T,
    ),
    # burgers (adviesvragers and melders)
    _s(
        "Wat maakt dat burgers in {regio} vaker zelf Veilig Thuis om advies vragen dan elders?",
        "hoger",
        AVT,
        "Burger",
        vergelijking=V,
    ),
    _s(
        "Gaat het om veel adviesvragen van burgers, of alleen om een groter deel doordat "
        "professionals in {regio} weinig advies vragen?",
        "hoger",
        AVT,
        "Burger",
    ),
    _s(
        "Waarom vragen burgers in {regio} minder vaak zelf advies aan Veilig Thuis dan elders: "
        "kennen zij Veilig Thuis wel?",
        "lager",
        AVT,
        "Burger",
        vergelijking=V,
    ),
    _s(
        "Welke drempels ervaren omstanders in {regio}, en hoe kunnen gemeente en partners die "
        "wegnemen?",
        "lager",
        (AVT, MT),
        "Burger",
    ),
    _s(
        "Is het grotere aandeel adviesvragen van burgers in {regio} het gevolg van een campagne of "
        "van meer aandacht in de buurt?",
        "hoger",
        AVT,
        "Burger",
        vergelijking=T,
    ),
    _s(
        "Waarom vragen burgers in {regio} nu minder vaak zelf advies: is de aandacht voor Veilig "
        "Thuis weggezakt?",
        "lager",
        AVT,
        "Burger",
        vergelijking=T,
    ),
    _s(
        "Wat maakt dat burgers in {regio} vaker zelf een melding doen bij Veilig Thuis dan elders?",
        "hoger",
        MT,
        "Burger",
        vergelijking=V,
    ),
    _s(
        "Zien de professionals rond deze gezinnen in {regio} de signalen ook, of zijn burgers hier "
        "vaak de eersten die iets merken?",
        "hoger",
        MT,
        "Burger",
    ),
    _s(
        "Waarom doen burgers in {regio} minder vaak zelf een melding dan elders: kennen zij Veilig "
        "Thuis, en durven zij te melden?",
        "lager",
        MT,
        "Burger",
        vergelijking=V,
    ),
    _s(
        "Is het grotere aandeel meldingen van burgers in {regio} het gevolg van een campagne of van "
        "meer aandacht in de buurt?",
        "hoger",
        MT,
        "Burger",
        vergelijking=T,
    ),
    _s(
        "Waarom doen burgers in {regio} nu minder vaak zelf een melding: is de aandacht voor "
        "Veilig Thuis weggezakt?",
        "lager",
        MT,
        "Burger",
        vergelijking=T,
    ),
    # other professions: a catch-all
    _s(
        "Om welke beroepsgroepen gaat het in {regio} precies, en is het de moeite waard om die "
        "apart vast te leggen?",
        "beide",
        (AVT, MT),
        "Beroepsmatig overig",
    ),
    # unknown who asked or reported: registration
    _s(
        "Waarom is in {regio} bij een groter deel van de adviesvragen niet vastgelegd wie advies "
        "vroeg?",
        "hoger",
        AVT,
        "Onbekend",
    ),
    _s(
        "Waarom is in {regio} bij een groter deel van de meldingen niet vastgelegd wie meldde?",
        "hoger",
        MT,
        "Onbekend",
    ),
    _s(
        "Wat is er nodig om in {regio} beter vast te leggen wie contact opneemt met Veilig Thuis?",
        "hoger",
        (AVT, MT),
        "Onbekend",
    ),
    _s(
        "Hoe betrouwbaar zijn de aandelen van de andere groepen als bij zoveel contacten niet "
        "bekend is van wie ze komen?",
        "hoger",
        (AVT, MT),
        "Onbekend",
    ),
    _s(
        "Wat doet Veilig Thuis in {regio} goed in het vastleggen van wie advies vraagt of meldt, "
        "en kunnen andere regio's daarvan leren?",
        "lager",
        (AVT, MT),
        "Onbekend",
    ),
    _s(
        "Wat is er veranderd in de registratie bij Veilig Thuis in {regio}, nu bij een groter deel "
        "van de contacten niet is vastgelegd van wie ze komen?",
        "hoger",
        (AVT, MT),
        "Onbekend",
        vergelijking=T,
    ),
    _s(
        "Wat is er veranderd in de registratie bij Veilig Thuis in {regio}, nu bij een kleiner "
        "deel van de contacten niet is vastgelegd van wie ze komen?",
        "lager",
        (AVT, MT),
        "Onbekend",
        vergelijking=T,
    ),
    # generic (the survey indicators)
    _s(
        "Wat helpt mensen in {regio} om signalen te zien en erover te praten, en hoe houden we dat "
        "vast?",
        "hoger",
        beter="hoger_beter",
    ),
    _s(
        "Wat houdt mensen in {regio} tegen om signalen te zien en erover te praten?",
        "lager",
        beter="hoger_beter",
    ),
    _s(
        "Wat houdt mensen in {regio} tegen om signalen te zien en erover te praten?",
        "hoger",
        beter="lager_beter",
    ),
    _s(
        "Wat helpt mensen in {regio} om signalen te zien en erover te praten, en hoe houden we dat "
        "vast?",
        "lager",
        beter="lager_beter",
    ),
    _s(
        "Wat verklaart het hogere cijfer voor {onderwerp} in {regio}, en wat zegt dat over hoe "
        "goed signalen worden gezien en besproken?",
        "hoger",
        beter="geen",
    ),
    _s(
        "Wat verklaart het lagere cijfer voor {onderwerp} in {regio}, en wat zegt dat over hoe "
        "goed signalen worden gezien en besproken?",
        "lager",
        beter="geen",
    ),
)

# How long the violence lasted when it came to Veilig Thuis.
KORT = ("≤ 1 week", "1 week – 1 maand")
MIDDEN = ("1 – 6 maanden", "6 maanden – 1 jaar")
LANG = ("1 – 5 jaar", "> 5 jaar")
_duur: list[list[Sjabloon]] = []
for _id, _wat, _registratie in (
    ("duur_geweld_meldingen", "meldingen",
     "bijvoorbeeld omdat bij een melding na een incident vaak alleen de korte duur wordt "
     "vastgelegd"),
    ("duur_geweld_adviezen", "adviesvragen",
     "bijvoorbeeld omdat de adviesvrager niet weet hoe lang het al speelt"),
):  # fmt: skip
    _duur += [
        _s(
            f"Waarom gaat in {{regio}} een groter deel van de {_wat} dan elders over geweld dat "
            "{categorie} duurde?",
            "hoger",
            _id,
            vergelijking=V,
        ),
        _s(
            f"Waarom gaat in {{regio}} een kleiner deel van de {_wat} dan elders over geweld dat "
            "{categorie} duurde?",
            "lager",
            _id,
            vergelijking=V,
        ),
        _s(
            f"Waarom gaat in {{regio}} nu een groter deel van de {_wat} dan eerder over geweld dat "
            "{categorie} duurde?",
            "hoger",
            _id,
            vergelijking=T,
        ),
        _s(
            f"Waarom gaat in {{regio}} nu een kleiner deel van de {_wat} dan eerder over geweld dat "
            "{categorie} duurde?",
            "lager",
            _id,
            vergelijking=T,
        ),
        # long-lasting violence
        _s(
            "Komen gezinnen in {regio} pas in beeld als het geweld al lang speelt: zien partners "
            "de signalen te laat, of durven betrokkenen pas laat hulp te vragen?",
            "hoger",
            _id,
            LANG,
        ),
        _s(
            f"Wordt langdurig geweld in {{regio}} beter herkend en wordt er doorgevraagd, zodat de "
            f"werkelijke duur bij meer {_wat} wordt vastgelegd?",
            "hoger",
            _id,
            LANG,
        ),
        _s(
            f"Wordt geweld dat {{categorie}} duurde in {{regio}} minder vaak herkend of "
            f"vastgelegd, {_registratie}?",
            "lager",
            _id,
            LANG,
        ),
        _s(
            "Komt geweld in {regio} eerder in beeld, voordat het jaren duurt? En zo ja, welke "
            "inzet heeft daaraan bijgedragen?",
            "lager",
            _id,
            LANG,
        ),
        _s(
            f"Bij hoeveel {_wat} in {{regio}} is de duur van het geweld onbekend? Die tellen niet "
            "mee, en dat kan het beeld veranderen.",
            "lager",
            _id,
            LANG,
        ),
        # short
        _s(
            "Komt geweld in {regio} snel na het begin in beeld, en welke partners of afspraken "
            "dragen daaraan bij?",
            "hoger",
            _id,
            KORT,
        ),
        _s(
            f"Wordt bij {_wat} in {{regio}} goed doorgevraagd hoe lang het geweld al speelt, of "
            "wordt vaak alleen het laatste incident vastgelegd?",
            "hoger",
            _id,
            KORT,
        ),
        _s(
            "Komt geweld in {regio} minder vaak snel na het begin in beeld, en wat is nodig om dat "
            "te verbeteren?",
            "lager",
            _id,
            KORT,
        ),
        _s(
            f"Is het verschil vooral een verschil in hoe de duur bij {_wat} in {{regio}} wordt "
            "gevraagd en vastgelegd?",
            "lager",
            _id,
            KORT,
            vergelijking=V,
        ),
        # in between
        _s(
            "Welke signalen waren er in {regio} in de eerste maanden al, en bij wie?",
            "hoger",
            _id,
            MIDDEN,
        ),
        _s(
            "Verschuift het beeld in {regio} naar korter of juist naar langer durend geweld, en wat "
            "betekent dat voor de aanpak?",
            "lager",
            _id,
            MIDDEN,
        ),
    ]
_DUUR = _groep(
    "duur",
    *_duur,
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} in {regio} over hoe snel geweld in beeld "
        "komt?",
        "hoger",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} in {regio} over hoe snel geweld in beeld "
        "komt?",
        "lager",
    ),
)

# How unsafe: acute and/or structural unsafety at the first assessment.
ERNST = {
    "acuut_structureel_onveilig": "acuut en/of structureel onveilig",
    "acuut_onveilig": "acuut onveilig",
    "structureel_onveilig": "structureel onveilig",
}
_ernst: list[list[Sjabloon]] = []
for _id, _wat in ERNST.items():
    _ernst += [
        _s(
            f"Waarom is het in {{regio}} bij een groter deel van de meldingen dan elders {_wat}?",
            "hoger",
            _id,
            vergelijking=V,
        ),
        _s(
            f"Is het in {{regio}} bij een kleiner deel van de meldingen dan elders {_wat} omdat de zaken "
            "werkelijk minder ernstig zijn, of omdat de veiligheid anders wordt beoordeeld of "
            "vastgelegd?",
            "lager",
            _id,
            vergelijking=V,
        ),
        _s(
            f"Waarom is het in {{regio}} nu bij een groter deel van de meldingen dan eerder "
            f"{_wat}: worden de zaken zwaarder, of is de manier van beoordelen veranderd?",
            "hoger",
            _id,
            vergelijking=T,
        ),
        _s(
            f"Waarom is het in {{regio}} nu bij een kleiner deel van de meldingen dan eerder "
            f"{_wat}: zijn de zaken lichter geworden, of is de manier van beoordelen veranderd?",
            "lager",
            _id,
            vergelijking=T,
        ),
    ]
del _id, _wat, _registratie

_ERNST = _groep(
    "ernst",
    *_ernst,
    _s(
        "Zijn de zaken in {regio} zwaarder dan elders, en wat zou daar de oorzaak van kunnen zijn?",
        "hoger",
        tuple(ERNST),
        vergelijking=V,
    ),
    _s(
        "Speelt de onveiligheid in {regio} vaak al lang voordat er een melding komt, en zien "
        "partners de signalen op tijd?",
        "hoger",
        ("acuut_structureel_onveilig", "structureel_onveilig"),
    ),
    _s(
        "Komen in {regio} vooral de ernstige zaken bij Veilig Thuis binnen, terwijl andere zorgen "
        "elders worden opgepakt, bijvoorbeeld door het wijkteam?",
        "hoger",
        ("acuut_structureel_onveilig", "acuut_onveilig"),
        vergelijking=V,
    ),
    _s(
        "Komen in {regio} veel meldingen direct na een incident binnen, bijvoorbeeld via de "
        "politie, zodat er vaak direct gevaar is?",
        "hoger",
        "acuut_onveilig",
    ),
    _s(
        "Komen in {regio} ook lichtere zorgen bij Veilig Thuis binnen, bijvoorbeeld door een "
        "laagdrempelige route?",
        "lager",
        tuple(ERNST),
        vergelijking=V,
    ),
    _s(
        "Wordt structurele onveiligheid in {regio} herkend, ook als een melding over één incident "
        "gaat?",
        "lager",
        ("acuut_structureel_onveilig", "structureel_onveilig"),
    ),
    _s(
        "Komen situaties met direct gevaar in {regio} wel bij Veilig Thuis, of handelen politie en "
        "hulpverleners die zelf af?",
        "lager",
        "acuut_onveilig",
    ),
    _s(
        "Heeft de inzet tegen ernstig en langdurig geweld in {regio} bijgedragen aan deze daling, "
        "of komen ernstige zaken nu ergens anders terecht?",
        "lager",
        tuple(ERNST),
        vergelijking=T,
    ),
    _s(
        "Wat verklaart het hogere cijfer voor {onderwerp} in {regio}: zwaardere zaken, of een "
        "andere manier van beoordelen?",
        "hoger",
    ),
    _s(
        "Wat verklaart het lagere cijfer voor {onderwerp} in {regio}: lichtere zaken, of een "
        "andere manier van beoordelen?",
        "lager",
    ),
)

# What kind of violence.
AARD = ("Kindermishandeling", "(Ex-)partnergeweld", "Ouderenmishandeling", "Geweld tegen ouders",
        "Huiselijk geweld overig")  # fmt: skip
_AARD = _groep(
    "aard",
    _s(
        "Waarom gaat in {regio} een groter deel van de meldingen dan elders over {categorie}?",
        "hoger",
        "aard_geweld",
        AARD,
        vergelijking=V,
    ),
    _s(
        "Is er in {regio} meer {categorie}, of wordt het hier beter herkend en gemeld?",
        "hoger",
        "aard_geweld",
        AARD,
        vergelijking=V,
    ),
    _s(
        "Vraagt {categorie} in {regio} om een eigen aanpak, of om andere partners aan tafel?",
        "hoger",
        "aard_geweld",
        AARD,
    ),
    _s(
        "Waarom gaat in {regio} een kleiner deel van de meldingen dan elders over {categorie}?",
        "lager",
        "aard_geweld",
        AARD,
        vergelijking=V,
    ),
    _s(
        "Is er in {regio} minder {categorie}, of blijft het hier uit beeld?",
        "lager",
        "aard_geweld",
        AARD,
        vergelijking=V,
    ),
    _s(
        "Bij welke partners zou {categorie} in {regio} het eerst zichtbaar worden, en zien zij "
        "het?",
        "lager",
        "aard_geweld",
        AARD,
    ),
    _s(
        "Zijn scholen, kinderopvang en jeugdgezondheidszorg in {regio} alert op signalen van "
        "kindermishandeling?",
        "lager",
        "aard_geweld",
        "Kindermishandeling",
    ),
    _s(
        "Zijn thuiszorg, huisartsen en mantelzorgondersteuning in {regio} alert op signalen van "
        "ouderenmishandeling?",
        "lager",
        "aard_geweld",
        "Ouderenmishandeling",
    ),
    _s(
        "Past het verschil bij de samenstelling van de bevolking in {regio}, of bij de manier van "
        "registreren?",
        "beide",
        "aard_geweld",
        AARD,
        vergelijking=V,
    ),
    _s(
        "Waarom gaat in {regio} nu een groter deel van de meldingen dan eerder over {categorie}: "
        "is er iets veranderd in het geweld, in de aandacht ervoor of in de registratie?",
        "hoger",
        "aard_geweld",
        AARD,
        vergelijking=T,
    ),
    _s(
        "Waarom gaat in {regio} nu een kleiner deel van de meldingen dan eerder over {categorie}: "
        "is er iets veranderd in het geweld, in de aandacht ervoor of in de registratie?",
        "lager",
        "aard_geweld",
        AARD,
        vergelijking=T,
    ),
    _s(
        "Waarom is in {regio} bij een groter deel van de meldingen niet vastgelegd om wat voor "
        "geweld het gaat?",
        "hoger",
        "aard_geweld",
        "Onbekend",
    ),
    _s(
        "Wat doet Veilig Thuis in {regio} goed in het vastleggen van de soort geweld, en kunnen "
        "andere regio's daarvan leren?",
        "lager",
        "aard_geweld",
        "Onbekend",
    ),
    # characteristics of victims and perpetrators (no single direction of 'good')
    _s(
        "Welke kenmerken van slachtoffers en plegers wijken in {regio} af, en vraagt dat om een "
        "eigen aanpak of om andere partners?",
        "beide",
        "kenmerken_slachtoffers_plegers",
    ),
    # generic
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} over de aard van het geweld in {regio}, en "
        "vraagt dat om een andere aanpak?",
        "hoger",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} over de aard van het geweld in {regio}, en "
        "vraagt dat om een andere aanpak?",
        "lager",
    ),
)

# What Veilig Thuis does after the safety assessment.
VVB = "vervolg_veiligheidsbeoordeling"
VERVOLG_ZIN = {  # 'wat is er veranderd, nu ...' ({groot}: 'groter' or 'kleiner')
    "Vervolgstappen bij Veilig Thuis": (
        "Veilig Thuis bij een {groot} deel van de meldingen zelf de vervolgstappen zet"
    ),
    "Overdracht": "Veilig Thuis een {groot} deel van de meldingen overdraagt aan hulp in de buurt",
    "Geen vervolgstappen nodig": (
        "Veilig Thuis bij een {groot} deel van de meldingen geen vervolg nodig vindt"
    ),
    "Inzet regionaal maatwerk": "bij een {groot} deel van de meldingen regionaal maatwerk wordt ingezet",
    "Nog niet beoordeeld": "een {groot} deel van de meldingen nog niet is beoordeeld",
}
_VERVOLG = _groep(
    "vervolg",
    *[
        _s(
            "Wat is er in {regio} veranderd in werkwijze, capaciteit of afspraken, nu "
            + zin.replace("{groot}", groot)
            + "?",
            r,
            VVB,
            cat,
            vergelijking=T,
        )
        for cat, zin in VERVOLG_ZIN.items()
        for r, groot in (("hoger", "groter"), ("lager", "kleiner"))
    ],
    _s(
        "Waarom houdt Veilig Thuis in {regio} een groter deel van de meldingen dan elders zelf in "
        "handen, met onderzoek of met het stellen en volgen van voorwaarden?",
        "hoger",
        VVB,
        "Vervolgstappen bij Veilig Thuis",
        vergelijking=V,
    ),
    _s(
        "Is er in {regio} genoeg hulp in de buurt die gezinnen na de beoordeling kan oppakken?",
        "hoger",
        VVB,
        "Vervolgstappen bij Veilig Thuis",
    ),
    _s(
        "Waarom houdt Veilig Thuis in {regio} een kleiner deel van de meldingen dan elders zelf in "
        "handen: "
        "zijn de zaken lichter, of zijn er andere afspraken met partners in de buurt?",
        "lager",
        VVB,
        "Vervolgstappen bij Veilig Thuis",
        vergelijking=V,
    ),
    _s(
        "Heeft Veilig Thuis in {regio} genoeg mensen om zelf onderzoek te doen en voorwaarden te "
        "volgen?",
        "lager",
        VVB,
        "Vervolgstappen bij Veilig Thuis",
    ),
    _s(
        "Waarom draagt Veilig Thuis in {regio} een groter deel van de meldingen over aan hulp in de "
        "buurt dan elders?",
        "hoger",
        VVB,
        "Overdracht",
        vergelijking=V,
    ),
    _s(
        "Kunnen de wijkteams en de hulp in de buurt in {regio} deze gezinnen goed oppakken, en wie "
        "volgt daarna de veiligheid?",
        "hoger",
        VVB,
        "Overdracht",
    ),
    _s(
        "Waarom draagt Veilig Thuis in {regio} een kleiner deel van de meldingen over aan hulp in "
        "de buurt: is die hulp er niet, of is er weinig vertrouwen in?",
        "lager",
        VVB,
        "Overdracht",
    ),
    _s(
        "Waarom vindt Veilig Thuis in {regio} vaker dan elders dat een melding geen vervolg nodig "
        "heeft?",
        "hoger",
        VVB,
        "Geen vervolgstappen nodig",
        vergelijking=V,
    ),
    _s(
        "Gaat het om zaken die bij nader inzien veilig zijn, of om gezinnen die al hulp krijgen?",
        "hoger",
        VVB,
        "Geen vervolgstappen nodig",
    ),
    _s(
        "Hoe vaak komen deze gezinnen in {regio} later toch terug bij Veilig Thuis?",
        "hoger",
        VVB,
        "Geen vervolgstappen nodig",
    ),
    _s(
        "Waarom vindt Veilig Thuis in {regio} bij een kleiner deel van de meldingen geen vervolg "
        "nodig: zijn de zaken ernstiger, of is Veilig Thuis hier voorzichtiger met afsluiten?",
        "lager",
        VVB,
        "Geen vervolgstappen nodig",
    ),
    _s(
        "Wat houdt het regionale maatwerk in {regio} in, en waarom wordt het bij een groter deel "
        "van de meldingen ingezet dan elders?",
        "hoger",
        VVB,
        "Inzet regionaal maatwerk",
        vergelijking=V,
    ),
    _s(
        "Wat houdt het regionale maatwerk in {regio} in, en waarom wordt het bij een kleiner deel "
        "van de meldingen ingezet dan elders?",
        "lager",
        VVB,
        "Inzet regionaal maatwerk",
        vergelijking=V,
    ),
    _s(
        "Is een groter deel van de meldingen in {regio} nog niet beoordeeld door een achterstand "
        "of wachtlijst bij Veilig Thuis?",
        "hoger",
        VVB,
        "Nog niet beoordeeld",
    ),
    _s(
        "Wat betekent de wachttijd voor de veiligheid van de gezinnen die in {regio} nog wachten?",
        "hoger",
        VVB,
        "Nog niet beoordeeld",
    ),
    _s(
        "Wat helpt Veilig Thuis in {regio} om meldingen snel te beoordelen, en kunnen andere "
        "regio's daarvan leren?",
        "lager",
        VVB,
        "Nog niet beoordeeld",
    ),
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} in {regio} over wat Veilig Thuis na de "
        "beoordeling doet?",
        "hoger",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} in {regio} over wat Veilig Thuis na de "
        "beoordeling doet?",
        "lager",
    ),
)

# Repeat reports.
_HERHALING = _groep(
    "herhaling",
    _s(
        "Waarom komen gezinnen in {regio} vaker opnieuw bij Veilig Thuis terecht dan elders?",
        "hoger",
        "hermeldingen",
        vergelijking=V,
    ),
    _s(
        "Wordt de veiligheid in {regio} na het afsluiten lang genoeg gevolgd?",
        "hoger",
        "hermeldingen",
    ),
    _s(
        "Sluit de hulp na Veilig Thuis in {regio} aan bij wat gezinnen nodig hebben?",
        "hoger",
        "hermeldingen",
    ),
    _s(
        "Wat gaat in {regio} goed in de hulp en nazorg na Veilig Thuis, en wat kunnen andere "
        "regio's daarvan leren?",
        "lager",
        "hermeldingen",
        vergelijking=V,
    ),
    _s(
        "Worden hermeldingen in {regio} anders herkend of vastgelegd, bijvoorbeeld omdat een "
        "nieuwe melding niet aan een oud dossier wordt gekoppeld?",
        "lager",
        "hermeldingen",
    ),
    _s(
        "Komt terugkerende onveiligheid in {regio} misschien ergens anders terecht dan bij Veilig "
        "Thuis?",
        "lager",
        "hermeldingen",
    ),
    _s(
        "Waarom komen gezinnen in {regio} nu vaker opnieuw bij Veilig Thuis terecht dan eerder: is "
        "er iets veranderd in de hulp of de nazorg?",
        "hoger",
        "hermeldingen",
        vergelijking=T,
    ),
    _s(
        "Waarom komen gezinnen in {regio} nu minder vaak opnieuw bij Veilig Thuis terecht: werkt "
        "de hulp beter, of wordt terugkerende onveiligheid nu minder vaak gemeld?",
        "lager",
        "hermeldingen",
        vergelijking=T,
    ),
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} in {regio} over onveiligheid die terugkomt?",
        "hoger",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} in {regio} over onveiligheid die terugkomt?",
        "lager",
    ),
)

# The chain of care and safety.
OVERDRACHT = ("overdracht_rvdk", "overdracht_om", "overdracht_politie")
_KETEN = _groep(
    "keten",
    # transfers by Veilig Thuis
    _s(
        "Waarom draagt Veilig Thuis in {regio} een groter deel van de casussen over aan {partner} "
        "dan elders: zijn de zaken zwaarder, of zijn de afspraken anders?",
        "hoger",
        OVERDRACHT,
        vergelijking=V,
    ),
    _s(
        "Hoe verloopt in {regio} de samenwerking tussen zorg en veiligheid na de overdracht aan "
        "{partner}?",
        "beide",
        OVERDRACHT,
    ),
    _s(
        "Krijgen deze gezinnen in {regio} eerst genoeg vrijwillige hulp voordat de Raad wordt "
        "ingeschakeld?",
        "hoger",
        "overdracht_rvdk",
    ),
    _s(
        "Wat gebeurt er in {regio} met deze zaken bij het OM, en krijgt het gezin intussen ook "
        "hulp?",
        "hoger",
        "overdracht_om",
    ),
    _s(
        "Gaat het in {regio} vooral om direct gevaar, of ook om aangifte en opsporing?",
        "hoger",
        "overdracht_politie",
    ),
    _s(
        "Draagt Veilig Thuis in {regio} een kleiner deel van de casussen over aan {partner} omdat "
        "de zaken lichter zijn, of loopt de samenwerking stroever?",
        "lager",
        OVERDRACHT,
        vergelijking=V,
    ),
    _s(
        "Komen kinderen die bescherming nodig hebben in {regio} wel op tijd bij de Raad voor de "
        "Kinderbescherming?",
        "lager",
        "overdracht_rvdk",
    ),
    _s(
        "Komen zaken waarin strafrechtelijk optreden tegen de pleger nodig is in {regio} wel bij "
        "het Openbaar Ministerie?",
        "lager",
        "overdracht_om",
    ),
    _s(
        "Wordt de politie in {regio} ingeschakeld als de veiligheid direct hersteld moet worden?",
        "lager",
        "overdracht_politie",
    ),
    _s(
        "Waarom draagt Veilig Thuis in {regio} nu een groter deel van de casussen over aan "
        "{partner} dan eerder: zijn de zaken zwaarder geworden, of zijn er nieuwe afspraken?",
        "hoger",
        OVERDRACHT,
        vergelijking=T,
    ),
    _s(
        "Waarom draagt Veilig Thuis in {regio} nu een kleiner deel van de casussen over aan "
        "{partner} dan eerder: zijn de zaken lichter, of zijn de afspraken veranderd?",
        "lager",
        OVERDRACHT,
        vergelijking=T,
    ),
    # reports by the police
    _s(
        "Doet de politie in {regio} naar verhouding vaker een melding bij Veilig Thuis dan elders, "
        "en welke werkafspraken spelen daarbij mee?",
        "hoger",
        "politiemeldingen",
        vergelijking=V,
    ),
    _s(
        "Doet de politie in {regio} naar verhouding minder vaak een melding bij Veilig Thuis dan "
        "elders, en welke werkafspraken spelen daarbij mee?",
        "lager",
        "politiemeldingen",
        vergelijking=V,
    ),
    _s(
        "Wat verklaart de toename van het aantal meldingen van de politie aan Veilig Thuis in "
        "{regio}: meer incidenten, of andere werkafspraken?",
        "hoger",
        "politiemeldingen",
        vergelijking=T,
    ),
    _s(
        "Kan Veilig Thuis in {regio} de extra meldingen van de politie op tijd beoordelen?",
        "hoger",
        "politiemeldingen",
        vergelijking=T,
    ),
    _s(
        "Wat verklaart de daling van het aantal meldingen van de politie in {regio}: minder "
        "incidenten, of andere prioriteiten en werkafspraken bij de politie?",
        "lager",
        "politiemeldingen",
        vergelijking=T,
    ),
    _s(
        "Komen de incidenten van huiselijk geweld die de politie in {regio} ziet nog wel bij Veilig "
        "Thuis terecht?",
        "lager",
        "politiemeldingen",
    ),
    # ondertoezichtstelling: the lightest child-protection measure
    _s(
        "Waarom spreekt de kinderrechter in {regio} naar verhouding vaker een ondertoezichtstelling "
        "uit dan elders: zijn er grote zorgen over kinderen, of lukt het hier vaak niet om met "
        "vrijwillige hulp genoeg veiligheid te bereiken?",
        "hoger",
        "ots_per_10000",
        vergelijking=V,
    ),
    _s(
        "Een ondertoezichtstelling is de lichtste kinderbeschermingsmaatregel: wordt die in "
        "{regio} ingezet om zwaardere maatregelen te voorkomen?",
        "hoger",
        "ots_per_10000",
    ),
    _s(
        "Zijn er in {regio} genoeg jeugdbeschermers om al deze ondertoezichtstellingen goed uit te "
        "voeren?",
        "hoger",
        "ots_per_10000",
    ),
    _s(
        "Spreekt de kinderrechter in {regio} minder vaak een ondertoezichtstelling uit omdat "
        "vrijwillige hulp hier goed werkt, of omdat zorgen over kinderen niet bij de Raad en de "
        "rechter terechtkomen?",
        "lager",
        "ots_per_10000",
        vergelijking=V,
    ),
    _s(
        "Komen kinderen die bescherming nodig hebben in {regio} op tijd in beeld bij de Raad voor "
        "de Kinderbescherming?",
        "lager",
        "ots_per_10000",
    ),
    _s(
        "Wat verklaart de stijging van het aantal ondertoezichtstellingen in {regio}: meer zorgen "
        "over de veiligheid van kinderen, of een andere aanpak van de Raad, de jeugdbescherming en "
        "de gemeente?",
        "hoger",
        "ots_per_10000",
        vergelijking=T,
    ),
    _s(
        "Wat verklaart de daling van het aantal ondertoezichtstellingen in {regio}: werkt "
        "vrijwillige hulp beter, of komen zorgen over kinderen minder vaak bij de kinderrechter?",
        "lager",
        "ots_per_10000",
        vergelijking=T,
    ),
    _s(
        "Welk deel van deze ondertoezichtstellingen heeft in {regio} met huiselijk geweld of "
        "kindermishandeling te maken?",
        "beide",
        "ots_per_10000",
    ),
    # child-protection investigations
    _s(
        "Rondt de Raad voor de Kinderbescherming in {regio} naar verhouding meer "
        "beschermingsonderzoeken af dan elders, en wat zegt dat over de zorgen om kinderen?",
        "hoger",
        "rvdk_onderzoeken",
        vergelijking=V,
    ),
    _s(
        "Rondt de Raad voor de Kinderbescherming in {regio} naar verhouding minder "
        "beschermingsonderzoeken af dan elders: zijn er minder zorgen om kinderen, of is er een "
        "wachtlijst?",
        "lager",
        "rvdk_onderzoeken",
        vergelijking=V,
    ),
    _s(
        "Waarom rondt de Raad voor de Kinderbescherming in {regio} nu meer beschermingsonderzoeken "
        "af dan eerder: zijn er meer zorgen om kinderen, of is een wachtlijst weggewerkt?",
        "hoger",
        "rvdk_onderzoeken",
        vergelijking=T,
    ),
    _s(
        "Waarom rondt de Raad voor de Kinderbescherming in {regio} nu minder "
        "beschermingsonderzoeken af: zijn er minder zorgen om kinderen, of loopt er een wachtlijst "
        "op?",
        "lager",
        "rvdk_onderzoeken",
        vergelijking=T,
    ),
    _s(
        "Hoe vaak leidt een beschermingsonderzoek in {regio} tot een maatregel, zoals een "
        "ondertoezichtstelling?",
        "beide",
        "rvdk_onderzoeken",
    ),
    # temporary restraining orders
    _s(
        "Waarom legt de burgemeester in {regio} naar verhouding vaker een tijdelijk huisverbod op "
        "dan elders: meer ernstige incidenten, of een ander beleid bij burgemeester en politie?",
        "hoger",
        "tijdelijk_huisverbod",
        vergelijking=V,
    ),
    _s(
        "Waarom legt de burgemeester in {regio} nu vaker een tijdelijk huisverbod op dan eerder: "
        "meer ernstige incidenten, of een ander beleid bij burgemeester en politie?",
        "hoger",
        "tijdelijk_huisverbod",
        vergelijking=T,
    ),
    _s(
        "Krijgen gezinnen in {regio} tijdens en na het huisverbod snel genoeg hulp?",
        "hoger",
        "tijdelijk_huisverbod",
    ),
    _s(
        "Waarom legt de burgemeester in {regio} naar verhouding minder vaak een tijdelijk "
        "huisverbod op dan elders: minder ernstige incidenten, of wordt het middel weinig "
        "ingezet?",
        "lager",
        "tijdelijk_huisverbod",
        vergelijking=V,
    ),
    _s(
        "Waarom legt de burgemeester in {regio} nu minder vaak een tijdelijk huisverbod op: minder "
        "ernstige incidenten, of wordt het middel minder ingezet?",
        "lager",
        "tijdelijk_huisverbod",
        vergelijking=T,
    ),
    _s(
        "Uit welke registratie komt het cijfer over huisverboden, en klopt het met wat de "
        "gemeenten in {regio} zelf bijhouden?",
        "beide",
        "tijdelijk_huisverbod",
    ),
    # generic (criminal justice and other national figures)
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} over de samenwerking tussen zorg en "
        "veiligheid in {regio}, en hoe kijken de betrokken partners ernaar?",
        "hoger",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} over de samenwerking tussen zorg en "
        "veiligheid in {regio}, en hoe kijken de betrokken partners ernaar?",
        "lager",
    ),
)

# Coherent help and cooperation.
LEES_COHORT = ("Lijken de gezinnen uit het cohortonderzoek in {regio} op de gezinnen die elders "
               "werden gevolgd, zodat de uitkomsten te vergelijken zijn?")  # fmt: skip
_SAMENWERKING = _groep(
    "samenwerking",
    _s(
        "Hebben gezinnen in {regio} met meer hulporganisaties tegelijk te maken dan elders, en "
        "wie houdt dan het overzicht?",
        "hoger",
        "aantal_hulpinstellingen",
        vergelijking=V,
    ),
    _s("Gaat het om passende brede hulp, of om versnippering?", "hoger", "aantal_hulpinstellingen"),
    _s(
        "Hebben gezinnen in {regio} met minder hulporganisaties te maken omdat de hulp beter "
        "samenhangt, of omdat niet alle nodige hulp er is?",
        "lager",
        "aantal_hulpinstellingen",
    ),
    _s(
        "Waarom zijn er bij gezinnen in {regio} nu meer hulporganisaties betrokken dan eerder?",
        "hoger",
        "aantal_hulpinstellingen",
        vergelijking=T,
    ),
    _s(LEES_COHORT, "beide", "aantal_hulpinstellingen"),
    # generic
    _s(
        "Wat gaat er in {regio} goed in de samenwerking rond gezinnen, en hoe houden we dat vast?",
        "hoger",
        beter="hoger_beter",
    ),
    _s(
        "Waar stokt de samenwerking rond gezinnen in {regio}: bij de regie, het plan of de inzet "
        "van de juiste hulp?",
        "lager",
        beter="hoger_beter",
    ),
    _s(
        "Waar stokt de samenwerking rond gezinnen in {regio}: bij de regie, het plan of de inzet "
        "van de juiste hulp?",
        "hoger",
        beter="lager_beter",
    ),
    _s(
        "Wat gaat er in {regio} goed in de samenwerking rond gezinnen, en hoe houden we dat vast?",
        "lager",
        beter="lager_beter",
    ),
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} over de samenhang van de hulp in {regio}?",
        "hoger",
        beter="geen",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} over de samenhang van de hulp in {regio}?",
        "lager",
        beter="geen",
    ),
)

# Outcome: the cohort study (13 regions, no time series per region), recidivism.
COHORT = ("geweld_gestopt", "opvoedingsrelatie_verbeterd", "welzijn_clienten",
          "ervaren_veiligheid", "tevredenheid_hulp")  # fmt: skip
_OUTCOME = _groep(
    "outcome",
    _s(
        "Wat werkt er in {regio} om het geweld te laten stoppen, en hoe houden we dat vast?",
        "hoger",
        "geweld_gestopt",
    ),
    _s(
        "Waarom stopt het geweld in {regio} bij een kleiner deel van de gezinnen: stokt de hulp "
        "bij de toegang, de samenhang of de duur?",
        "lager",
        "geweld_gestopt",
    ),
    _s(
        "Wat helpt ouders en kinderen in {regio} om hun band te verbeteren, en kunnen andere "
        "regio's daarvan leren?",
        "hoger",
        "opvoedingsrelatie_verbeterd",
    ),
    _s(
        "Krijgen ouders in {regio} na de melding genoeg steun bij de opvoeding en bij "
        "opvoedingsstress?",
        "lager",
        "opvoedingsrelatie_verbeterd",
    ),
    _s(
        "Wat draagt in {regio} bij aan het welzijn van ouders en kinderen na de melding?",
        "hoger",
        "welzijn_clienten",
    ),
    _s(
        "Krijgen ouders en kinderen in {regio} genoeg hulp bij traumaklachten en andere gevolgen "
        "van het geweld?",
        "lager",
        "welzijn_clienten",
    ),
    _s(
        "Wat maakt dat volwassenen en kinderen in {regio} zich na de melding veiliger voelen?",
        "hoger",
        "ervaren_veiligheid",
    ),
    _s(
        "Waarom voelen volwassenen en kinderen in {regio} zich na de melding minder veilig, en wat "
        "hebben zij nodig?",
        "lager",
        "ervaren_veiligheid",
    ),
    _s(
        "Wat waarderen ouders en kinderen in {regio} aan de hulp, en helpt die hulp ook om het "
        "geweld te stoppen?",
        "hoger",
        "tevredenheid_hulp",
    ),
    _s(
        "Waar zijn ouders en kinderen in {regio} ontevreden over: de hulp zelf, of hoe de "
        "verschillende vormen van hulp op elkaar aansluiten?",
        "lager",
        "tevredenheid_hulp",
    ),
    _s(
        "Waarom is de veiligheidsscore van Veilig Thuis in {regio} hoger: door de gezinnen, de "
        "hulp of de manier van scoren?",
        "hoger",
        "veiligheidsscore_vt",
    ),
    _s(
        "Waarom is de veiligheidsscore van Veilig Thuis in {regio} lager: door de gezinnen, de "
        "hulp of de manier van scoren?",
        "lager",
        "veiligheidsscore_vt",
    ),
    _s(LEES_COHORT, "beide", COHORT),
    # generic, by whether higher is better
    _s(
        "Wat werkt er in {regio} voor deze gezinnen, en hoe houden we dat vast?",
        "hoger",
        beter="hoger_beter",
    ),
    _s(
        "Waar stokt de hulp voor gezinnen in {regio}: bij de toegang, de samenhang of de duur?",
        "lager",
        beter="hoger_beter",
    ),
    _s(
        "Waar stokt de aanpak in {regio}: bij de hulp aan gezinnen, bij de aanpak van plegers of "
        "bij de samenwerking?",
        "hoger",
        beter="lager_beter",
    ),
    _s(
        "Wat werkt er in {regio} om herhaling te voorkomen, en hoe houden we dat vast?",
        "lager",
        beter="lager_beter",
    ),
    _s(
        "Wat zegt het hogere cijfer voor {onderwerp} over de hulp aan gezinnen in {regio}?",
        "hoger",
        beter="geen",
    ),
    _s(
        "Wat zegt het lagere cijfer voor {onderwerp} over de hulp aan gezinnen in {regio}?",
        "lager",
        beter="geen",
    ),
)

# Population surveys (national only; a region gets these only through its own survey).
_OMVANG = _groep(
    "omvang",
    _s(
        "Wijst het hogere cijfer voor {onderwerp} op meer geweld, of op geweld dat beter wordt "
        "herkend en benoemd?",
        "hoger",
    ),
    _s(
        "Wijst het lagere cijfer voor {onderwerp} op minder geweld, of op geweld dat niet wordt "
        "herkend en benoemd?",
        "lager",
    ),
)

# Every finding: the time questions, and the question that always closes.
ALTIJD = (
    "Welke verklaring zien de partners in {regio} zelf, en welke (lokale) cijfers zijn nodig om "
    "die te toetsen?"
)
_ALLE = _groep(
    "alle",
    _s(
        "Is de stijging blijvend, of een uitschieter die de volgende periode weer verdwijnt?",
        "hoger",
        vergelijking=T,
    ),
    _s(
        "Is de daling blijvend, of een uitschieter die de volgende periode weer verdwijnt?",
        "lager",
        vergelijking=T,
    ),
    _s(
        "Is er in deze periode iets veranderd in werkwijze, registratie of beleid in {regio}?",
        "beide",
        vergelijking=T,
    ),
    _s(ALTIJD, "beide"),
)

SJABLONEN: dict[str, dict[str, list[Sjabloon]]] = {
    "omvang": _OMVANG,
    "bereik": _BEREIK,
    "signaleren": _SIGNALEREN,
    "duur": _DUUR,
    "ernst": _ERNST,
    "aard": _AARD,
    "vervolg": _VERVOLG,
    "herhaling": _HERHALING,
    "keten": _KETEN,
    "samenwerking": _SAMENWERKING,
    "outcome": _OUTCOME,
    "alle": _ALLE,
}


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


def sjablonen_bij(indicator_id: str, richting: str, tijd: bool = False,
                  categorie: str | None = None) -> list[Sjabloon]:  # fmt: skip
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
    specifiek = sorted((s for s in passend if not s.is_algemeen),
                       key=lambda s: s.vergelijking == "beide")  # fmt: skip
    uit = specifiek[:MAX_SPECIFIEK] or [s for s in passend if s.is_algemeen]
    uit += [s for s in SJABLONEN["alle"][richting] if s.past_bij(indicator_id, richting, tijd,
                                                                  categorie, beter)]  # fmt: skip
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
    onderwerp = _netjes(onderwerp[:1].lower() + onderwerp[1:] if onderwerp[1:2].islower()
                        else onderwerp)  # fmt: skip
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
