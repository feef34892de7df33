"""The Dutch words of the synthesis: what each indicator shows, the sentence that carries the
answer, the explanation of its strength, what the monitor cannot tell, and the duiding template.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..oordelen import (
    BINNEN_SPREIDING,
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    ONZEKER_NORM,
    OPVALLEND_HOGER,
    VOLDOET,
    VOLDOET_NIET,
)
from ..opmaak import EENHEID_DECIMALEN, afronden, getal, met_eenheid, ontbreekt
from ..vraagsoort import GROEPEN
from ..zinnen import (
    hoofdletter,
    klein,
    onderwerp,
    ontwikkeling_tegenover_land,
    periode_tekst,
    richting_van,
)
from .bewijs import (
    BEPERKT,
    GEEN_UITSLUITSEL,
    STERK,
    GekozenIndicator,
    eenheid_van,
    groepen_voor,
    helder_buiten_soort,
    richtingen_per_indicator,
)

OVER_GROEP = {
    "eigen verandering": "de verandering in de regio zelf",
    "verandering tegenover Nederland": "de ontwikkeling tegenover Nederland",
    "niveau": "het niveau tegenover Nederland",
    "norm": "de eigen norm",
}
"""What a comparison group says something about, as the object of 'iets opvallen over'."""


def over_andere_vraag(groepen: tuple[str, ...] | list[str]) -> str:
    """'de verandering in de regio zelf en de ontwikkeling tegenover Nederland'."""
    return _opsomming([OVER_GROEP[g] for g in groepen])


# -- what the monitor cannot tell (general limits) -------------------------------------------------
REGISTRATIES = (
    "De monitor laat registraties zien: wat bij Veilig Thuis, politie en justitie bekend wordt. "
    "Hoe vaak geweld werkelijk voorkomt, laat hij niet zien."
)
REGISTRATIEPRAKTIJK = (
    "Verschillen tussen regio's en tussen perioden kunnen ook komen door een andere manier van "
    "registreren of werken."
)
OORZAAK = (
    "De cijfers zeggen niet waardoor een verschil komt, en ook niet of de eigen aanpak het "
    "verschil maakte. Daarvoor is het gesprek met de partners nodig, en soms effectonderzoek."
)
GRENZEN = (REGISTRATIES, REGISTRATIEPRAKTIJK, OORZAAK)

GESPREKSVRAGEN = (
    "Herkennen de partners het beeld uit de cijfers, en wat zien zij zelf in de praktijk?",
    "Welke andere informatie (eigen registratie, dossiers, ervaringen van gezinnen) kan de "
    "hoofdvraag wel beantwoorden?",
    "Wat zou er in de cijfers te zien moeten zijn als de aanpak werkt, en wanneer kijken we "
    "opnieuw?",
)
"""Questions for the conversation when the figures give no clear answer."""

OEFENDATA_ZIN = (
    "Dit zijn oefendata: verzonnen cijfers om mee te oefenen, dus dit antwoord zegt niets over "
    "{regio}."
)

_TELWOORDEN = (
    "geen",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
)


# -- small Dutch helpers ---------------------------------------------------------------------------
def _telwoord(n: int) -> str:
    return _TELWOORDEN[n] if 0 <= n < len(_TELWOORDEN) else getal(n, 0)


def _opsomming(delen: list[str]) -> str:
    delen = [d for d in delen if d]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def _periode_of_tekst(code: object) -> str:
    try:
        return periode_tekst(str(code))
    except Exception:  # noqa: BLE001 - a free-text reference stays as it is
        return str(code)


# Who reported or asked for advice, for a clause without a colon ('van de politie').
_GROEP = {
    "Burger": "burgers",
    "Huisarts": "huisartsen",
    "Onderwijs": "het onderwijs",
    "Politie": "de politie",
    "Kinderopvang": "de kinderopvang",
}


def _onderwerp(k: GekozenIndicator) -> str:
    """What the figure is about, as the subject of a sentence (the wording of the findings)."""
    if k.ind is None:
        return f"het cijfer voor {k.indicator_id}" + (f" ({k.categorie})" if k.categorie else "")
    if k.ind.id in ("melder_type", "adviesvrager_type") and k.categorie in _GROEP:
        soort = "meldingen" if k.ind.id == "melder_type" else "adviezen"
        return f"het aandeel {soort} van {_GROEP[k.categorie]}"
    return onderwerp(k.ind, k.categorie)


# -- sentences -------------------------------------------------------------------------------------
def _twee_waarden(w: object, ref: object, eenheid: str) -> str:
    """'55,6% tegen 42,8%' or '2,2 tegen 2,5 per 10.000 inwoners'."""
    if eenheid in ("%", "aantal"):
        return f"{met_eenheid(w, eenheid)} tegen {met_eenheid(ref, eenheid)}"  # type: ignore[arg-type]
    d = EENHEID_DECIMALEN.get(eenheid, 1)
    return f"{getal(w, d)} tegen {getal(ref, d)} {eenheid}"  # type: ignore[arg-type]


def _verloop_perioden(referentie: object) -> tuple[str, str] | None:
    delen = re.split(r"\s*[–-]\s*", str(referentie or ""))
    if len(delen) != 2:
        return None
    try:
        return periode_tekst(delen[0]), periode_tekst(delen[1])
    except Exception:  # noqa: BLE001
        return None


def norm_tekst(referentie: object, eenheid: str) -> str:
    """'maximaal 35%' from the comparison's 'norm maximaal 35' (a text with its unit stays)."""
    tekst = re.sub(r"^norm\s+", "", str(referentie or "").strip())
    if re.search(r"\d$", tekst) and eenheid != "aantal":
        tekst += "%" if eenheid == "%" else f" {eenheid}"
    return tekst


def _gezegde(rij, eenheid: str) -> str:
    """The predicate of a clear finding, for a 'dat'-clause: 'hoger is dan landelijk (…)'."""
    soort, oordeel = rij["vergelijking"], rij["oordeel"]
    if oordeel in (VOLDOET, VOLDOET_NIET):
        niet = "" if oordeel == VOLDOET else "niet "
        return (
            f"de eigen norm ({norm_tekst(rij['referentie'], eenheid)}) {niet}haalt "
            f"({met_eenheid(rij['waarde'], eenheid)})"
        )
    hoger = oordeel == OPVALLEND_HOGER
    richting = "hoger" if hoger else "lager"
    waarden = ""
    if not ontbreekt(rij["waarde"]) and not ontbreekt(rij["referentiewaarde"]):
        waarden = f" ({_twee_waarden(rij['waarde'], rij['referentiewaarde'], eenheid)})"
    if soort == "landelijk":
        return f"{richting} is dan landelijk{waarden}"
    if soort == "regios":
        return f"in vergelijking met alle regio's opvallend {'hoog' if hoger else 'laag'} is"
    if soort in ("vorige_periode", "jaar_eerder"):
        return _tijd_gezegde(rij, eenheid, hoger)
    if soort == "verloop":
        perioden = _verloop_perioden(rij["referentie"])
        tijd = "tussen {} en {} ".format(*perioden) if perioden else ""
        return f"{tijd}{_verloop_gezegde(rij, eenheid)}"
    return f"{richting} is ({soort}){waarden}"


def _getoond_verschil(rij, eenheid: str) -> float:
    """The region's change as shown (both values rounded first), NaN without both values."""
    if ontbreekt(rij["waarde"]) or ontbreekt(rij["referentiewaarde"]):
        return math.nan
    dec = EENHEID_DECIMALEN.get(eenheid, 1)
    return round(afronden(rij["waarde"], dec) - afronden(rij["referentiewaarde"], dec), dec)


def _tijd_gezegde(rij, eenheid: str, hoger: bool) -> str:
    """'duidelijk is gestegen sinds het eerste halfjaar van 2020 (…)': the shown change agrees
    with the verdict and passes the minimum; otherwise only the two values, without a
    direction word."""
    eerder = _periode_of_tekst(rij["referentie"])
    waarden = _twee_waarden(rij["waarde"], rij["referentiewaarde"], eenheid)
    d = _getoond_verschil(rij, eenheid)
    if not ontbreekt(d) and richting_van(d, rij.get("minimum")) == (1 if hoger else -1):
        woord = "gestegen" if hoger else "gedaald"
        return f"duidelijk is {woord} tegenover {eerder} ({waarden})"
    return f"{'hoger' if hoger else 'lager'} is dan in {eerder} ({waarden})"


def _verloop_gezegde(rij, eenheid: str) -> str:
    """'minder sterk is gedaald dan landelijk': the same table as the findings' sentences."""
    if ontbreekt(rij["waarde"]) or ontbreekt(rij["referentiewaarde"]):
        d_r = math.nan
    else:
        dec = EENHEID_DECIMALEN.get(eenheid, 1)
        d_r = round(afronden(rij["waarde"], dec) - afronden(rij["referentiewaarde"], dec), dec)
    d_n, minimum = rij.get("landelijke_verandering"), rij.get("minimum")
    if ontbreekt(d_r) or d_n is None or ontbreekt(d_n):
        # Without both changes no direction is stated, only the verdict's side.
        kant = "boven" if rij["oordeel"] == OPVALLEND_HOGER else "onder"
        return f"een verandering had die {kant} de landelijke lag"
    return ontwikkeling_tegenover_land("", d_r, d_n, rij["oordeel"], minimum, bijzin=True)


def _bewering(k: GekozenIndicator, regio_naam: str) -> str:
    """'het aandeel … in <regio> hoger is dan landelijk (…) en …' for one indicator."""
    eenheid = eenheid_van(k)
    gezegden = list(dict.fromkeys(_gezegde(r, eenheid) for _, r in k.helder.iterrows()))[:2]
    return f"{_onderwerp(k)} in {regio_naam} {_opsomming(gezegden)}"


def _reden_geen_uitsluitsel(keuzes: list[GekozenIndicator]) -> str:
    oordelen = {o for k in keuzes for o in k.rijen["oordeel"]}
    if not keuzes:
        return "er is geen indicator gekozen"
    if not oordelen - {GEEN_GEGEVENS, GEEN_TOETS}:
        return "er zijn geen cijfers die een vergelijking toelaten"
    toeval = bool(oordelen & {MOGELIJK_TOEVAL, ONZEKER_NORM}) or any(
        bool(k.rijen["_gecorrigeerd_toeval"].any()) for k in keuzes
    )
    klein = bool(oordelen & {KLEIN_VERSCHIL, GEEN_VERSCHIL})
    spreiding = BINNEN_SPREIDING in oordelen
    redenen = [
        tekst
        for geldt, tekst in (
            (toeval, "kunnen op toeval berusten"),
            (klein, "zijn te klein om ertoe te doen"),
            (spreiding, "vallen binnen de gewone spreiding tussen regio's"),
        )
        if geldt
    ]
    if len(redenen) == 1:
        reden = f"de verschillen die er zijn, {redenen[0]}"
    elif redenen:
        reden = f"de verschillen {', '.join(redenen[:-1])} of {redenen[-1]}"
    else:
        reden = "de cijfers laten geen toets toe"
    zonder = sum(not set(k.rijen["oordeel"]) - {GEEN_GEGEVENS, GEEN_TOETS} for k in keuzes)
    if zonder:
        wie = "één indicator" if zonder == 1 else f"{_telwoord(zonder)} indicatoren"
        reden = f"voor {wie} zijn er geen cijfers die een vergelijking toelaten, en {reden}"
    return reden


def uitleg_tekst(sterkte: str, keuzes: list[GekozenIndicator], soort: str = "") -> str:
    """Why the evidence for a deelvraag has this strength, in one or two sentences."""
    if sterkte == GEEN_UITSLUITSEL and keuzes and not _met_cijfers(keuzes):
        return "Zonder cijfers is er geen bewijs, in welke richting dan ook."
    if sterkte == GEEN_UITSLUITSEL:
        groepen = groepen_voor(keuzes, soort) if soort else tuple(GROEPEN)
        eigen = [k for g in groepen for k in _alleen(keuzes, GROEPEN[g])]
        reden = hoofdletter(_reden_geen_uitsluitsel(eigen or keuzes)) + "."
        anders = helder_buiten_soort(keuzes, soort) if soort else ()
        if anders:
            reden += (
                f" Wel valt iets op over {over_andere_vraag(anders)}, maar dat is niet wat deze "
                "deelvraag vraagt: het telt niet mee voor het bewijs."
            )
        return reden
    groepen = groepen_voor(keuzes, soort) if soort else tuple(GROEPEN)
    n = max(len(richtingen_per_indicator(keuzes, g)) for g in groepen)
    if sterkte == BEPERKT:
        rest = len({k.indicator_id for k in keuzes}) - 1
        return "Eén indicator laat een opvallend verschil zien" + (
            f"; {'de andere geeft' if rest == 1 else 'de andere geven'} geen uitsluitsel."
            if rest
            else "."
        )
    kant = "en ze wijzen dezelfde kant op" if sterkte == STERK else "maar niet dezelfde kant op"
    return (
        f"{hoofdletter(_telwoord(n))} verschillende indicatoren laten een opvallend verschil van "
        f"dezelfde soort zien, {kant}."
    )


def deelvraag_tekst(keuzes: list[GekozenIndicator], soort: str, regio_naam: str) -> str:
    """What the figures show for one deelvraag, short: its clear findings of the kind the
    deelvraag asks for (or what they do not show), then a clear finding of another kind."""
    if not keuzes:
        return "Er is geen indicator gekozen."
    if not _met_cijfers(keuzes):
        return "Er zijn geen cijfers die een vergelijking toelaten."
    groepen = groepen_voor(keuzes, soort)
    zinnen: list[str] = []
    for i, g in enumerate(groepen):
        ks = _alleen(keuzes, GROEPEN[g])
        if any(not k.helder.empty for k in ks):
            zinnen.append("De cijfers wijzen erop dat " + _beweringen(ks, regio_naam) + ".")
        elif _met_cijfers(ks) and i < 2:
            zinnen.append(hoofdletter(_niets_duidelijk(g, ks, regio_naam)) + ".")
    anders = [g for g in GROEPEN if g not in groepen]
    for g in anders:
        ks = _alleen(keuzes, GROEPEN[g])
        if any(not k.helder.empty for k in ks):
            zinnen.append(
                "Daarnaast wijzen de cijfers erop dat " + _beweringen(ks, regio_naam, 1) + "."
            )
            break
    return " ".join(zinnen) or "De cijfers geven hier geen uitsluitsel."


def detail_zinnen(keuzes: list[GekozenIndicator]) -> list[str]:
    """Every comparison of the deelvraag's indicators in its own words (the findings'
    sentences), each once: the expandable detail under the short text."""
    uit: list[str] = []
    for k in keuzes:
        if k.rijen.empty:
            uit.append(
                f"{hoofdletter(_onderwerp(k))}: er zijn geen bevindingen voor deze indicator."
            )
        for t in k.rijen["tekst"]:
            if isinstance(t, str) and t.strip() and t.strip() not in uit:
                uit.append(t.strip())
    return uit


def niet_te_zeggen_tekst(keuzes: list[GekozenIndicator]) -> str:
    if not keuzes:
        return (
            "De monitor heeft geen indicator voor deze vraag: bespreek haar met de partners "
            "of zoek lokale cijfers."
        )
    delen: list[str] = []
    gezien: set[str] = set()
    for k in keuzes:
        if k.ind is None or not k.ind.beperking or k.ind.beperking in gezien:
            continue
        gezien.add(k.ind.beperking)
        beperking = k.ind.beperking.strip()
        beperking += "" if beperking.endswith(".") else "."
        delen.append(f"{k.ind.naam}: {klein(beperking)}" if len(keuzes) > 1 else beperking)
    if any(k.ind is not None and k.ind.beschikbaarheid == "registratie" for k in keuzes):
        delen.append(
            "Het gaat om registraties, niet om hoe vaak geweld voorkomt; verschillen "
            "kunnen ook komen door een andere manier van registreren."
        )
    return " ".join(delen)


def _alleen(
    keuzes: list[GekozenIndicator], vergelijkingen: tuple[str, ...]
) -> list[GekozenIndicator]:
    """The chosen indicators with only the findings of these comparisons."""
    return [k.in_groep(vergelijkingen) for k in keuzes]


def _met_cijfers(keuzes: list[GekozenIndicator]) -> bool:
    return any(
        not set(k.rijen["oordeel"]) <= {GEEN_GEGEVENS, GEEN_TOETS} for k in keuzes if len(k.rijen)
    )


def _beweringen(keuzes: list[GekozenIndicator], regio_naam: str, maximum: int = 2) -> str:
    """'het aandeel … in <regio> hoger is dan landelijk (…) en dat …': the clear findings of
    these indicators, at most ``maximum`` comparisons spelled out, the rest counted."""
    met = [k for k in keuzes if not k.helder.empty]
    getoond: list[GekozenIndicator] = []
    ruimte = maximum
    for k in met:
        n = min(len(k.helder), 2)
        if getoond and n > ruimte:
            break
        getoond.append(k)
        ruimte -= n
        if ruimte <= 0:
            break
    beweringen = [_bewering(k, regio_naam) for k in getoond]
    zin = beweringen[0]
    if len(beweringen) > 1:  # repeat 'dat' per indicator: a clause can itself contain 'en'
        voegwoord = ", en dat " if any(" en " in b for b in beweringen) else " en dat "
        zin = ", dat ".join(beweringen[:-1]) + voegwoord + beweringen[-1]
    rest = met[len(getoond) :]
    if rest:
        zin += (
            "; ook bij één andere indicator is er een opvallend verschil"
            if len(rest) == 1
            else f"; ook bij {_telwoord(len(rest))} andere indicatoren zijn er opvallende verschillen"
        )
    if len({k.indicator_id for k in met}) == 1:
        zin += ", al steunt dat op één indicator"
    return zin


def _eerder_tekst(keuzes: list[GekozenIndicator]) -> str:
    soorten = {v for k in keuzes for v in k.rijen["vergelijking"]}
    return "een jaar eerder" if "jaar_eerder" in soorten else "het halfjaar ervoor"


def _niets_duidelijk(groep: str, keuzes: list[GekozenIndicator], regio_naam: str) -> str:
    """What a comparison group does not show, as a clause; one indicator is named."""
    met = [k for k in keuzes if _met_cijfers([k])]
    if len(met) == 1:
        wat = f"{_onderwerp(met[0])} in {regio_naam}"
        if groep == "eigen verandering":
            return f"{wat} is tegenover {_eerder_tekst(keuzes)} niet duidelijk veranderd"
        if groep == "verandering tegenover Nederland":
            return f"de ontwikkeling van {wat} wijkt niet duidelijk af van de landelijke"
        if groep == "norm":
            return f"of {wat} de eigen norm haalt, is niet duidelijk"
        return f"{wat} verschilt niet duidelijk van landelijk"
    if groep == "eigen verandering":
        return (
            f"in {regio_naam} is er tegenover {_eerder_tekst(keuzes)} geen duidelijke verandering"
        )
    if groep == "verandering tegenover Nederland":
        return f"de ontwikkeling in {regio_naam} wijkt niet duidelijk af van de landelijke"
    if groep == "norm":
        return f"of {regio_naam} de eigen normen haalt, is niet duidelijk"
    return f"{regio_naam} verschilt bij geen van de indicatoren duidelijk van landelijk"


def _vraag_tekst(vraag: str) -> str:
    return f"‘{vraag.strip()}’"


def kern_zinnen(
    keuzes: list[GekozenIndicator],
    soort: str,
    regio_naam: str,
    wisselend: list[str] | None = None,
) -> list[str]:
    """The sentences that carry the answer, led by the kind of question (:mod:`impactkit.vraagsoort`).

    A question about change first hears whether the region itself changed (against a year
    earlier), then how its course compares with Nederland's; a question about the level first
    hears the comparison with Nederland. Findings of another kind follow in one sentence.
    ``wisselend``: the deelvragen (their questions) whose indicators point different ways.
    """
    groepen = groepen_voor(keuzes, soort)
    per_groep = {g: _alleen(keuzes, GROEPEN[g]) for g in GROEPEN}
    duidelijk = {g: any(not k.helder.empty for k in ks) for g, ks in per_groep.items()}
    if not any(duidelijk.values()):
        leeg = [g for g in groepen if _met_cijfers(per_groep[g])] or [groepen[0]]
        wat = _opsomming([_niets_duidelijk(g, per_groep[g], regio_naam) for g in leeg[:2]])
        reden = _reden_geen_uitsluitsel([k for g in groepen for k in per_groep[g]])
        return [
            f"De cijfers geven geen uitsluitsel over de hoofdvraag: {wat}.",
            f"{hoofdletter(reden)}.",
        ]
    zinnen: list[str] = []
    niets: list[str] = []  # what the groups without clear findings do not show: one sentence

    def zeg_niets() -> None:
        if niets:
            zinnen.append(hoofdletter(", en ".join(niets)) + ".")
            niets.clear()

    for i, g in enumerate(groepen):
        if duidelijk[g]:
            zeg_niets()
            begin = (
                "De cijfers wijzen erop dat "
                if not zinnen or i == 0
                else (
                    "Ook wijzen de cijfers erop dat "
                    if any(duidelijk[x] for x in groepen[:i])
                    else "Wel wijzen de cijfers erop dat "
                )
            )
            zinnen.append(begin + _beweringen(per_groep[g], regio_naam) + ".")
        elif (_met_cijfers(per_groep[g]) and i < 2) or i == 0:
            niets.append(_niets_duidelijk(g, per_groep[g], regio_naam))
    zeg_niets()
    anders = [g for g in GROEPEN if g not in groepen and duidelijk[g]]
    if anders:
        zinnen.append(
            "Daarnaast wijzen de cijfers erop dat "
            + _beweringen(per_groep[anders[0]], regio_naam, maximum=1)
            + "."
        )
    if wisselend:
        wie = (
            f"bij de deelvraag {_vraag_tekst(wisselend[0])}"
            if len(wisselend) == 1
            else f"bij {_telwoord(len(wisselend))} deelvragen"
        )
        zinnen.append(f"Let op: {wie} wijzen de indicatoren niet dezelfde kant op.")
    return zinnen


def _ander_opvallend_deel(zonder: list[str], zonder_anders: dict[str, tuple[str, ...]]) -> str:
    """The end of 'Over … geven de cijfers geen uitsluitsel' for those deelvragen that still
    show something clear of another kind: it answers another question, so 'geen uitsluitsel'
    and an earlier 'duidelijk gestegen' do not seem to contradict each other. The deelvragen
    were just named, so they are referred to, not repeated. Empty when there are none."""
    if not zonder_anders:
        return ""
    groepen = [g for g in GROEPEN if any(g in gs for gs in zonder_anders.values())]
    over = over_andere_vraag(groepen)
    if len(zonder) == 1:
        wie, wat = "daarbij", "die deelvraag vraagt"
    elif len(zonder_anders) == len(zonder):
        wie = "bij beide" if len(zonder) == 2 else "bij elk ervan"
        wat = "ze vragen"
    elif len(zonder) == 2:
        wie = "bij de eerste" if zonder[0] in zonder_anders else "bij de tweede"
        wat = "die vraagt"
    else:
        n = len(zonder_anders)
        wie, wat = f"bij {_telwoord(n)} daarvan", "die vraagt" if n == 1 else "ze vragen"
    return f"; {wie} valt wel iets op over {over}, maar dat is niet wat {wat}"


def antwoordzinnen(
    kern: list[str],
    sterkte: str,
    zonder: list[str],
    aantal: int,
    keuzes: list[GekozenIndicator],
    regio_naam: str,
    oefendata: bool,
    zonder_anders: dict[str, tuple[str, ...]] | None = None,
) -> list[str]:
    """The sentences of the answer: practice data, the kern, the deelvragen without a clear
    answer (``zonder``: their questions, of ``aantal`` deelvragen; ``zonder_anders``: of those,
    the ones with a clear finding of another kind than they ask, with its groups) and what the
    figures cannot tell.
    """
    zinnen = [OEFENDATA_ZIN.format(regio=regio_naam)] if oefendata else []
    zinnen += kern
    if sterkte != GEEN_UITSLUITSEL and zonder and len(zonder) < aantal:
        if len(zonder) <= 2:
            wie = (
                f"de deelvraag {_vraag_tekst(zonder[0])}"
                if len(zonder) == 1
                else f"de deelvragen {_vraag_tekst(zonder[0])} en {_vraag_tekst(zonder[1])}"
            )
        else:
            wie = f"de andere {_telwoord(len(zonder))} deelvragen"
        anders = _ander_opvallend_deel(zonder, zonder_anders or {})
        zinnen.append(f"Over {wie} geven de cijfers geen uitsluitsel{anders}.")
    soorten = {k.ind.beschikbaarheid for k in keuzes if k.ind is not None}
    # registrations only, or mixed with the cohort study (whose figures are no registrations)
    registraties = (
        "Het gaat om registraties, niet om hoe vaak geweld werkelijk voorkomt"
        if soorten == {"registratie"}
        else "Een deel van deze cijfers zijn registraties, die niet laten zien hoe vaak geweld "
        "werkelijk voorkomt"
        if "registratie" in soorten
        else ""
    )
    if sterkte == GEEN_UITSLUITSEL:
        zinnen.append(
            (f"{registraties}; bespreek" if registraties else "Bespreek")
            + " met de partners wat zij zien en welke andere informatie de vraag kan beantwoorden."
        )
    else:
        zinnen.append(
            (f"{registraties}, en de cijfers" if registraties else "De cijfers")
            + " zeggen niet waardoor de verschillen komen: dat bespreek je met de partners."
        )
    return zinnen


# -- the duiding template -------------------------------------------------------------------------
def duiding_sjabloon_tekst(
    regio_naam: str,
    periode: str,
    hoofdvraag: str,
    vragen: list[str],
    duiding: Any = None,
    antwoord: str = "",
    kop_niveau: int = 2,
) -> str:
    """The template for the joint interpretation (step 6), filled with what is known."""
    d = duiding
    kop = "#" * kop_niveau
    try:
        label = periode_tekst(periode)
    except Exception:  # noqa: BLE001
        label = periode
    deelnemers = list(getattr(d, "deelnemers", []) or [])
    regels = [
        f"{kop} Duiding met partners — {regio_naam}, {label}",
        "",
        f"**Hoofdvraag:** {hoofdvraag}",
        "",
    ]
    if antwoord:
        regels += [f"**Antwoord uit de cijfers:** {antwoord}", ""]
    regels += [
        f"**Datum gesprek:** {getattr(d, 'datum', '') or '…'}",
        "",
        "**Deelnemers:** "
        + (
            ", ".join(deelnemers)
            if deelnemers
            else "… (Veilig Thuis, gemeenten, politie, Raad voor de Kinderbescherming, OM, "
            "zorgpartners)"
        ),
        "",
        "**Vragen voor het gesprek:**",
    ]
    regels += [f"- {v}" for v in vragen] or [f"- {v}" for v in GESPREKSVRAGEN]
    for titel, naam in (
        ("Interpretaties van de partners", "interpretaties"),
        ("Conclusies", "conclusies"),
        ("Afgesproken acties (wie, wat, wanneer)", "acties"),
    ):
        regels += ["", f"**{titel}:**"]
        regels += [f"- {x}" for x in (getattr(d, naam, []) or [])] or ["- …"]
    return "\n".join(regels)
