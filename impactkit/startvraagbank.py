"""A starter library of main questions (hoofdvragen) for the step plan.

Each starter question comes with sub-questions (deelvragen); each sub-question says why its
indicators answer it (``waarom``) and gives, per indicator, what it shows. Written for this kit;
the first one follows the worked example of Zaanstreek-Waterland (heavy and structural violence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fouten import ImpactkitFout, bedoelde_je
from .vraagsoort import MIX, NIVEAU, SOORTEN, VERANDERING, soort_van_vraag


@dataclass(frozen=True)
class Keuze:
    """An indicator chosen for a sub-question, with the reason (and optionally a category)."""

    indicator: str
    waarom: str
    categorie: str | None = None


@dataclass(frozen=True)
class Deelvraag:
    """A sub-question, the indicators that help answer it, and why these indicators answer it."""

    vraag: str
    indicatoren: tuple[Keuze, ...] = field(default_factory=tuple)
    waarom: str = ""


@dataclass(frozen=True)
class Startvraag:
    sleutel: str
    thema: str
    hoofdvraag: str
    toelichting: str
    deelvragen: tuple[Deelvraag, ...]
    soort: str = NIVEAU
    """What kind of question it is (:mod:`impactkit.vraagsoort`): the answer leads with it."""

    @property
    def indicatoren(self) -> list[Keuze]:
        """All chosen indicators, each once, in the order of the sub-questions."""
        gezien: dict[tuple[str, str | None], Keuze] = {}
        for d in self.deelvragen:
            for k in d.indicatoren:
                gezien.setdefault((k.indicator, k.categorie), k)
        return list(gezien.values())


STARTVRAGEN: tuple[Startvraag, ...] = (
    Startvraag(
        sleutel="heftig_structureel_geweld",
        soort=VERANDERING,
        thema="bereik_vt",
        hoofdvraag="Is het gelukt om het heftige en structurele geweld in onze regio terug te dringen?",
        toelichting="De regio heeft ingezet op het verminderen van ernstig en langdurig geweld en wil "
        "weten of dat zichtbaar is in de cijfers van Veilig Thuis en de keten.",
        deelvragen=(
            Deelvraag(
                "Komt ernstige onveiligheid minder vaak voor in de meldingen?",
                (
                    Keuze(
                        "acuut_structureel_onveilig",
                        "laat zien hoe vaak een melding over acute of structurele onveiligheid gaat",
                    ),
                ),
                waarom="Als de inzet werkt, gaat een kleiner deel van de meldingen over acute of "
                "structurele onveiligheid, vergeleken met eerder en met het land.",
            ),
            Deelvraag(
                "Duurt het geweld korter voordat het bij Veilig Thuis bekend wordt?",
                (
                    Keuze(
                        "duur_geweld_meldingen",
                        "aandeel meldingen waarin het geweld al meer dan vijf jaar duurt",
                        "> 5 jaar",
                    ),
                    Keuze(
                        "duur_geweld_meldingen",
                        "aandeel meldingen waarin het geweld hooguit een week duurt",
                        "≤ 1 week",
                    ),
                ),
                waarom="Minder langdurig geweld zie je aan minder meldingen waarin het geweld al "
                "jaren speelt en meer meldingen waarin het pas kort speelt.",
            ),
            Deelvraag(
                "Komen gezinnen minder vaak opnieuw in beeld?",
                (Keuze("hermeldingen", "een hermelding wijst op geweld dat terugkomt"),),
                waarom="Geweld dat echt stopt, komt minder vaak terug als nieuwe melding bij "
                "Veilig Thuis.",
            ),
            Deelvraag(
                "Worden minder zaken doorgezet naar het justitiële kader?",
                (
                    Keuze("overdracht_om", "overdracht aan het OM volgt bij ernstige zaken"),
                    Keuze(
                        "overdracht_rvdk",
                        "overdracht aan de Raad bij zorgen over de ontwikkeling van kinderen",
                    ),
                    Keuze(
                        "ots_per_10000",
                        "een ondertoezichtstelling is de lichtste kinderbeschermingsmaatregel: de "
                        "ouders houden het gezag, maar krijgen een jeugdbeschermer naast zich",
                    ),
                ),
                waarom="Overdracht aan OM en Raad en een ondertoezichtstelling volgen vooral bij "
                "ernstige zaken; minder ervan kan op minder ernstig geweld wijzen, maar ook op "
                "een andere werkwijze.",
            ),
        ),
    ),
    Startvraag(
        sleutel="bereik_burgers_professionals",
        soort=VERANDERING,
        thema="bereik_vt",
        hoofdvraag="Weten burgers en professionals in onze regio Veilig Thuis beter te vinden?",
        toelichting="Na campagnes en trainingen over de meldcode wil de regio weten of meer mensen "
        "advies vragen of melden, en wie dat zijn.",
        deelvragen=(
            Deelvraag(
                "Vragen meer mensen advies aan Veilig Thuis?",
                (
                    Keuze(
                        "adviezen_per_10000", "adviesvragen per inwoner maken regio's vergelijkbaar"
                    ),
                ),
                waarom="Wie Veilig Thuis kent, vraagt er eerder advies; per 10.000 inwoners is dat "
                "te vergelijken met andere regio's en eerdere jaren.",
            ),
            Deelvraag(
                "Komen er meer meldingen binnen?",
                (
                    Keuze(
                        "meldingen_per_10000", "meldingen per inwoner maken regio's vergelijkbaar"
                    ),
                ),
                waarom="Meer meldingen per inwoner kan betekenen dat Veilig Thuis beter gevonden "
                "wordt.",
            ),
            Deelvraag(
                "Vinden burgers zelf de weg naar Veilig Thuis?",
                (Keuze("adviesvrager_type", "aandeel adviezen dat van burgers komt", "Burger"),),
                waarom="Het aandeel adviesvragen van burgers laat zien of campagnes burgers "
                "bereiken.",
            ),
            Deelvraag(
                "Signaleren professionals vaker?",
                (
                    Keuze(
                        "professionals_aandeel", "aandeel adviezen en meldingen van professionals"
                    ),
                    Keuze("adviesvrager_type", "adviesvragen vanuit het onderwijs", "Onderwijs"),
                ),
                waarom="Trainingen over de meldcode horen terug te komen in meer adviesvragen en "
                "meldingen van professionals, bijvoorbeeld uit het onderwijs.",
            ),
        ),
    ),
    Startvraag(
        sleutel="zorg_en_veiligheid",
        soort=MIX,
        thema="zorg_veiligheid",
        hoofdvraag="Werken zorg en veiligheid in onze regio beter samen?",
        toelichting="De regio heeft afspraken gemaakt tussen Veilig Thuis, politie, Raad voor de "
        "Kinderbescherming en OM en wil zien of zaken vlot en passend worden overgedragen.",
        deelvragen=(
            Deelvraag(
                "Meldt de politie huiselijk geweld bij Veilig Thuis?",
                (
                    Keuze(
                        "melder_type",
                        "aandeel meldingen dat van de politie komt, de grootste stroom",
                        "Politie",
                    ),
                ),
                waarom="De politie is de grootste melder; haar aandeel laat zien of de afspraken "
                "tussen politie en Veilig Thuis werken.",
            ),
            Deelvraag(
                "Worden zaken overgedragen aan de justitiële partners als dat nodig is?",
                (
                    Keuze("overdracht_politie", "overdracht aan de politie"),
                    Keuze("overdracht_om", "overdracht aan het OM"),
                    Keuze("overdracht_rvdk", "overdracht aan de Raad voor de Kinderbescherming"),
                ),
                waarom="De overdrachten laten zien hoe vaak Veilig Thuis een zaak bij politie, OM "
                "of Raad neerlegt.",
            ),
            Deelvraag(
                "Hoe vaak is gedwongen hulp voor kinderen nodig?",
                (
                    Keuze(
                        "ots_per_10000",
                        "gestarte ondertoezichtstellingen (de lichtste "
                        "kinderbeschermingsmaatregel) per 10.000 inwoners",
                    ),
                ),
                waarom="Een ondertoezichtstelling is de lichtste kinderbeschermingsmaatregel; het "
                "aantal per inwoner laat zien hoe vaak de kinderrechter hulp verplicht maakt.",
            ),
            Deelvraag(
                "Wat gebeurt er na de veiligheidsbeoordeling?",
                (
                    Keuze(
                        "vervolg_veiligheidsbeoordeling",
                        "aandeel meldingen dat wordt overgedragen na de beoordeling",
                        "Overdracht",
                    ),
                ),
                waarom="Het vervolg na de beoordeling laat zien hoe vaak Veilig Thuis een zaak aan "
                "een partner overdraagt.",
            ),
        ),
    ),
    Startvraag(
        sleutel="eerder_signaleren",
        soort=MIX,
        thema="eerder_signaleren",
        hoofdvraag="Wordt huiselijk geweld in onze regio eerder gesignaleerd?",
        toelichting="Eerder signaleren betekent dat geweld korter duurt voordat hulp op gang komt, "
        "en dat professionals uit de basisvoorzieningen vaker advies vragen.",
        deelvragen=(
            Deelvraag(
                "Is het geweld korter gaande als het bij Veilig Thuis bekend wordt?",
                (
                    Keuze(
                        "duur_geweld_adviezen",
                        "geweld dat hooguit een week speelt bij een adviesvraag",
                        "≤ 1 week",
                    ),
                ),
                waarom="Wie eerder signaleert, vraagt advies als het geweld nog maar kort speelt.",
            ),
            Deelvraag(
                "Vragen professionals vaker advies?",
                (Keuze("professionals_aandeel", "aandeel professionals in adviezen en meldingen"),),
                waarom="Professionals in de basisvoorzieningen zien gezinnen vaak als eersten.",
            ),
            Deelvraag(
                "Signaleren huisartsen en het onderwijs?",
                (
                    Keuze("adviesvrager_type", "adviesvragen vanuit de huisarts", "Huisarts"),
                    Keuze("adviesvrager_type", "adviesvragen vanuit het onderwijs", "Onderwijs"),
                ),
                waarom="Huisartsen en scholen zien veel gezinnen; hun adviesvragen laten zien of "
                "zij geweld herkennen en er iets mee doen.",
            ),
        ),
    ),
    Startvraag(
        sleutel="aard_en_kenmerken",
        soort=NIVEAU,
        thema="aard_kenmerken",
        hoofdvraag="Welke vormen van geweld vragen in onze regio de meeste aandacht?",
        toelichting="Om de aanpak te richten wil de regio weten welke vormen van geweld het vaakst "
        "gemeld worden en hoe dat zich tot het landelijke beeld verhoudt.",
        deelvragen=(
            Deelvraag(
                "Hoe vaak gaat het om kindermishandeling?",
                (
                    Keuze(
                        "aard_geweld",
                        "aandeel meldingen over kindermishandeling",
                        "Kindermishandeling",
                    ),
                ),
                waarom="Het aandeel meldingen over een vorm van geweld laat zien hoeveel aandacht "
                "die vorm bij Veilig Thuis vraagt.",
            ),
            Deelvraag(
                "Hoe vaak gaat het om (ex-)partnergeweld?",
                (
                    Keuze(
                        "aard_geweld",
                        "aandeel meldingen over (ex-)partnergeweld",
                        "(Ex-)partnergeweld",
                    ),
                ),
                waarom="Het aandeel meldingen over een vorm van geweld laat zien hoeveel aandacht "
                "die vorm bij Veilig Thuis vraagt.",
            ),
            Deelvraag(
                "Is ouderenmishandeling in beeld?",
                (
                    Keuze(
                        "aard_geweld",
                        "aandeel meldingen over ouderenmishandeling",
                        "Ouderenmishandeling",
                    ),
                ),
                waarom="Ouderenmishandeling wordt weinig gemeld; een klein aandeel kan betekenen "
                "dat het minder in beeld is, niet dat het minder voorkomt.",
            ),
            Deelvraag(
                "Hoe vaak grijpt de burgemeester in met een tijdelijk huisverbod?",
                (Keuze("tijdelijk_huisverbod", "een huisverbod wordt opgelegd bij acuut gevaar"),),
                waarom="Een tijdelijk huisverbod laat zien hoe vaak het geweld zo acuut is dat de "
                "burgemeester ingrijpt.",
            ),
        ),
    ),
    Startvraag(
        sleutel="outcome_na_melding",
        soort=NIVEAU,
        thema="outcome",
        hoofdvraag="Gaat het beter met gezinnen nadat zij bij Veilig Thuis zijn gemeld?",
        toelichting="Alleen de 13 regio's van de cohortstudie hebben cijfers over de situatie van "
        "gezinnen na een melding; andere regio's gebruiken de hermeldingen als aanwijzing.",
        deelvragen=(
            Deelvraag(
                "Stopt het geweld na de melding?",
                (Keuze("geweld_gestopt", "aandeel gezinnen waarin het geweld gestopt is"),),
                waarom="De cohortstudie vraagt gezinnen na de melding of het geweld gestopt is.",
            ),
            Deelvraag(
                "Verbetert de relatie tussen ouder en kind?",
                (
                    Keuze(
                        "opvoedingsrelatie_verbeterd",
                        "aandeel gezinnen met een betere opvoedingsrelatie",
                    ),
                ),
                waarom="Een betere relatie tussen ouder en kind is een doel van de hulp na een "
                "melding.",
            ),
            Deelvraag(
                "Komen gezinnen opnieuw bij Veilig Thuis terecht?",
                (Keuze("hermeldingen", "een hermelding wijst erop dat de onveiligheid terugkwam"),),
                waarom="Regio's zonder cijfers uit de cohortstudie zien aan hermeldingen of de "
                "onveiligheid terugkwam.",
            ),
        ),
    ),
    Startvraag(
        sleutel="hermeldingen_nazorg",
        soort=NIVEAU,
        thema="bereik_vt",
        hoofdvraag="Blijft de veiligheid in gezinnen na afsluiting bij Veilig Thuis bestaan?",
        toelichting="Een hoog aandeel hermeldingen kan betekenen dat de nazorg tekortschiet; een "
        "laag aandeel kan ook op een andere registratie wijzen.",
        deelvragen=(
            Deelvraag(
                "Hoe vaak gaat een melding over een gezin dat al bekend was?",
                (Keuze("hermeldingen", "aandeel hermeldingen"),),
                waarom="Een hermelding betekent dat een gezin opnieuw bij Veilig Thuis terechtkomt.",
            ),
            Deelvraag(
                "Worden zaken na de veiligheidsbeoordeling bij Veilig Thuis gehouden?",
                (
                    Keuze(
                        "vervolg_veiligheidsbeoordeling",
                        "aandeel met vervolgstappen bij Veilig Thuis",
                        "Vervolgstappen bij Veilig Thuis",
                    ),
                ),
                waarom="Zaken die Veilig Thuis zelf volgt, krijgen daar ook de nazorg.",
            ),
            Deelvraag(
                "Is de onveiligheid ernstig bij de meldingen?",
                (Keuze("acuut_structureel_onveilig", "ernst van de meldingen"),),
                waarom="Bij ernstige onveiligheid is goede nazorg extra belangrijk.",
            ),
        ),
    ),
)


def startvragen() -> list[Startvraag]:
    """All starter questions."""
    return list(STARTVRAGEN)


def startvraag(sleutel: str) -> Startvraag:
    """One starter question by key; unknown keys get the closest suggested.

    Examples
    --------
    >>> startvraag("zorg_en_veiligheid").thema
    'zorg_veiligheid'
    """
    for s in STARTVRAGEN:
        if s.sleutel == sleutel:
            return s
    sleutels = [s.sleutel for s in STARTVRAGEN]
    raise ImpactkitFout(
        f"Startvraag '{sleutel}' bestaat niet.{bedoelde_je(sleutel, sleutels)} "
        f"Kies uit: {', '.join(sleutels)}."
    )


def soort_van_plan(plan: object) -> str:
    """The kind of the plan's hoofdvraag: the start question's own, or read from the words."""
    hoofdvraag = str(getattr(plan, "hoofdvraag", "") or "")
    eigen = getattr(plan, "soort", None)
    if eigen in SOORTEN:
        return str(eigen)
    sleutel = getattr(plan, "startvraag", None)
    for s in STARTVRAGEN:
        if s.sleutel == sleutel and s.hoofdvraag.strip() == hoofdvraag.strip():
            return s.soort
    return soort_van_vraag(hoofdvraag)
