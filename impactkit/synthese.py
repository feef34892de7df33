"""Step 6 closes the plan: from the findings to an honest answer on the hoofdvraag.

:func:`beantwoord` takes the plan (hoofdvraag, deelvragen with their indicators and reasons) and
the findings table of :func:`impactkit.bevindingen.analyseer` and returns a :class:`Synthese`:

- per deelvraag (a tidy table, one row per deelvraag): what its indicators show (verdicts with
  intervals, in words), how strong that evidence is (:data:`STERKTES`) and what the monitor cannot
  tell for it (the catalogue's ``beperking`` of each indicator and the general limits);
- the answer to the hoofdvraag in two to four Dutch sentences. It says "De cijfers wijzen erop
  dat ..." only when at least one verdict is *opvallend* (or a norm is clearly met or missed),
  and "De cijfers geven geen uitsluitsel over ..." otherwise. With practice data the first
  sentence says so;
- the questions for the conversation with partners (from the findings) and the duiding template.

The verdict words come from :mod:`impactkit.oordelen`. A difference whose verdict is
``mogelijk toeval`` is never described as higher or lower. When the findings carry
``p_gecorrigeerd`` (p-values adjusted for many tests), an *opvallend* verdict whose adjusted
p-value is not below ``alpha`` does not count as evidence.

Everything here is a pure function of its inputs; :func:`synthese_markdown` renders the result
for notebooks and reports.

Examples
--------
>>> import pandas as pd
>>> from impactkit.oordelen import OPVALLEND_HOGER
>>> from impactkit.stappenplan import Stappenplan
>>> plan = Stappenplan.nieuw("VT22", "2021H1", "Is het geweld ernstiger dan elders?")
>>> _ = plan.voeg_deelvraag_toe("Is de onveiligheid ernstig?", indicatoren="acuut_structureel_onveilig")
>>> bevindingen = pd.DataFrame([{"indicator": "acuut_structureel_onveilig", "categorie": None,
...     "vergelijking": "landelijk", "referentie": "Nederland", "waarde": 55.6, "laag": 52.6,
...     "hoog": 58.6, "referentiewaarde": 42.8, "verschil": 12.8, "p": 1e-9,
...     "oordeel": OPVALLEND_HOGER, "opvallend": True, "vragen": [], "eenheid": "%",
...     "herkomst": "CBS"}])
>>> s = beantwoord(plan, bevindingen)
>>> s.sterkte
'beperkt'
>>> s.kern.startswith("De cijfers wijzen erop dat het aandeel meldingen met acute")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .indicatoren import Indicator, indicator
from .oordelen import (
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    ONZEKER_NORM,
    OORDELEN,
    OPVALLEND,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    VOLDOET,
    VOLDOET_NIET,
)
from .opmaak import EENHEID_DECIMALEN, getal, met_eenheid, ontbreekt
from .regioindeling import regio as zoek_regio
from .zinnen import hoofdletter, interval_tekst, klein, onderwerp, periode_tekst

# -- how strong the evidence is -------------------------------------------------------------------
STERK = "sterk"
BEPERKT = "beperkt"
WISSELEND = "wisselend"
GEEN_UITSLUITSEL = "geen uitsluitsel"

STERKTES: dict[str, str] = {
    STERK: "Twee of meer indicatoren laten een opvallend verschil zien, en ze wijzen dezelfde kant "
    "op.",
    BEPERKT: "Eén indicator laat een opvallend verschil zien.",
    WISSELEND: "Twee of meer indicatoren laten een opvallend verschil zien, maar niet dezelfde "
    "kant op.",
    GEEN_UITSLUITSEL: "Geen indicator laat een opvallend verschil zien: de verschillen kunnen "
    "toeval zijn, zijn klein, of er zijn geen cijfers.",
}
"""How strong the evidence for a deelvraag (or the hoofdvraag) is, with its meaning in Dutch."""

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

_VOLGORDE = {
    "landelijk": 0,
    "regios": 1,
    "verloop": 2,
    "jaar_eerder": 3,
    "vorige_periode": 4,
    "norm": 5,
}
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
    """One row per deelvraag: nummer, deelvraag, waarom, indicatoren, toont, sterkte, uitleg,
    niet_te_zeggen, opvallend (number of indicators with clear evidence), vragen."""
    vragen: list[str] = field(default_factory=list)
    """Questions for the conversation with partners."""
    grenzen: list[str] = field(default_factory=list)
    """What the monitor cannot tell, in general, plus a note on the number of tests."""
    sjabloon: str = ""
    """The duiding template (Markdown) for the conversation with partners."""
    oefendata: bool = False
    toetsen: int = 0
    gecorrigeerd: bool = False


@dataclass
class _Keuze:
    """One chosen indicator (with category) and its findings."""

    ind: Indicator | None
    indicator_id: str
    categorie: str | None
    rijen: pd.DataFrame

    @property
    def sleutel(self) -> tuple[str, str | None]:
        return (self.indicator_id, self.categorie)

    @property
    def helder(self) -> pd.DataFrame:
        return self.rijen[self.rijen["_helder"]]

    @property
    def richting(self) -> int | None:
        """+1 or -1 when every clear finding points that way; None when mixed or no direction."""
        tekens = {int(t) for t in self.helder["_richting"] if t != 0}
        return tekens.pop() if len(tekens) == 1 else None


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


def _onderwerp(k: _Keuze) -> str:
    """What the figure is about, as the subject of a sentence (the wording of the findings)."""
    if k.ind is None:
        return f"het cijfer voor {k.indicator_id}" + (f" ({k.categorie})" if k.categorie else "")
    if k.ind.id in ("melder_type", "adviesvrager_type") and k.categorie in _GROEP:
        soort = "meldingen" if k.ind.id == "melder_type" else "adviezen"
        return f"het aandeel {soort} van {_GROEP[k.categorie]}"
    return onderwerp(k.ind, k.categorie)


# -- reading the findings table --------------------------------------------------------------------
def _woord(oordeel: object, verschil: object) -> str:
    """The verdict in the one vocabulary; older wordings are mapped onto it."""
    if ontbreekt(oordeel):
        return GEEN_GEGEVENS
    o = str(oordeel).strip()
    if o in OORDELEN:
        return o
    if "toeval" in o:
        return MOGELIJK_TOEVAL
    if "te klein" in o or "klein" in o:
        return KLEIN_VERSCHIL
    if o.startswith("opvallend"):
        if "lager" in o or (not ontbreekt(verschil) and float(verschil) < 0):  # type: ignore[arg-type]
            return OPVALLEND_LAGER
        return OPVALLEND_HOGER
    return o


def _voorbereid(bevindingen: pd.DataFrame, alpha: float) -> pd.DataFrame:
    kolommen = [
        "indicator",
        "categorie",
        "vergelijking",
        "referentie",
        "waarde",
        "laag",
        "hoog",
        "referentiewaarde",
        "verschil",
        "p",
        "oordeel",
        "vragen",
        "eenheid",
        "herkomst",
        "tekst",
    ]
    df = bevindingen.copy()
    for k in kolommen:
        if k not in df.columns:
            df[k] = None
    df = df.reset_index(drop=True)
    # Object dtype: a string column would turn 'no category' (None) into NaN.
    df["categorie"] = pd.Series(
        [c.strip() if isinstance(c, str) and c.strip() else None for c in df["categorie"]],
        index=df.index,
        dtype=object,
    )
    df["oordeel"] = [_woord(o, v) for o, v in zip(df["oordeel"], df["verschil"])]
    pg = df["p_gecorrigeerd"] if "p_gecorrigeerd" in df.columns else pd.Series([None] * len(df))
    df["_gecorrigeerd_toeval"] = [
        o in OPVALLEND and not ontbreekt(q) and float(q) >= alpha for o, q in zip(df["oordeel"], pg)
    ]
    df["_helder"] = [
        (o in OPVALLEND and not t) or o in (VOLDOET, VOLDOET_NIET)
        for o, t in zip(df["oordeel"], df["_gecorrigeerd_toeval"])
    ]
    df["_richting"] = [
        (1 if o == OPVALLEND_HOGER else -1 if o == OPVALLEND_LAGER else 0) if h else 0
        for o, h in zip(df["oordeel"], df["_helder"])
    ]
    df["_volgorde"] = df["vergelijking"].map(lambda v: _VOLGORDE.get(v, 9))
    df["vragen"] = df["vragen"].map(lambda x: list(x) if isinstance(x, (list, tuple)) else [])
    return df.sort_values("_volgorde", kind="stable")


def _keuze(df: pd.DataFrame, indicator_id: str, categorie: str | None) -> _Keuze:
    try:
        ind: Indicator | None = indicator(indicator_id)
    except Exception:  # noqa: BLE001
        ind = None
    ind_id = ind.id if ind is not None else indicator_id
    cat = categorie if isinstance(categorie, str) and categorie.strip() else None
    rijen = df[(df["indicator"] == ind_id) & (df["categorie"].map(lambda c: c == cat))]
    return _Keuze(ind, ind_id, cat, rijen)


def _eenheid(k: _Keuze) -> str:
    if k.ind is not None:
        return k.ind.eenheid
    eenheden = [e for e in k.rijen["eenheid"] if isinstance(e, str)]
    return eenheden[0] if eenheden else "aantal"


# -- sentences -------------------------------------------------------------------------------------
def _interval(k: _Keuze, laag: object, hoog: object) -> str:
    if k.ind is None or ontbreekt(laag) or ontbreekt(hoog):
        return ""
    return interval_tekst(k.ind, float(laag), float(hoog))  # type: ignore[arg-type]


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


def _oordeel_tekst(rij) -> str:
    if rij["_gecorrigeerd_toeval"]:
        return f"{rij['oordeel']}, maar na correctie voor het aantal toetsen kan het toeval zijn"
    return str(rij["oordeel"])


def _toont(k: _Keuze, periode: str) -> str:
    """What one indicator shows: its value with interval, then every comparison's verdict."""
    subject = hoofdletter(_onderwerp(k))
    eenheid = _eenheid(k)
    if k.rijen.empty:
        return f"{subject}: er zijn geen bevindingen voor deze indicator."
    met_waarde = k.rijen[k.rijen["waarde"].map(lambda x: not ontbreekt(x))]
    if met_waarde.empty:
        redenen = [str(t) for t in k.rijen["tekst"] if isinstance(t, str) and t.strip()]
        reden = f" {redenen[0]}" if redenen else ""
        return f"{subject}: {GEEN_GEGEVENS} over {periode_tekst(periode)}.{reden}"
    eerst = met_waarde.iloc[0]
    zinnen = [
        f"{subject} was in {periode_tekst(periode)} {met_eenheid(eerst['waarde'], eenheid)}"
        f"{_interval(k, eerst['laag'], eerst['hoog'])}."
    ]
    for _, rij in k.rijen.iterrows():
        soort = rij["vergelijking"]
        ref = rij["referentiewaarde"]
        ref_tekst = "" if ontbreekt(ref) else f" ({met_eenheid(ref, eenheid)})"
        if soort == "landelijk":
            kop = f"Tegenover landelijk{ref_tekst}"
        elif soort == "regios":
            kop = "Tegenover alle regio's"
        elif soort in ("vorige_periode", "jaar_eerder"):
            kop = f"Tegenover {_periode_of_tekst(rij['referentie'])}{ref_tekst}"
        elif soort == "verloop":
            perioden = _verloop_perioden(rij["referentie"])
            kop = (
                "De ontwikkeling tussen {} en {}, tegenover de landelijke".format(*perioden)
                if perioden
                else "De ontwikkeling, tegenover de landelijke"
            )
        elif soort == "norm":
            kop = f"Tegenover de eigen norm ({rij['referentie']})"
        else:
            kop = f"Vergelijking '{soort}'"
        zinnen.append(f"{kop}: {_oordeel_tekst(rij)}.")
    return " ".join(zinnen)


def _gezegde(rij, eenheid: str) -> str:
    """The predicate of a clear finding, for a 'dat'-clause: 'hoger is dan landelijk (…)'."""
    soort, oordeel = rij["vergelijking"], rij["oordeel"]
    if oordeel in (VOLDOET, VOLDOET_NIET):
        niet = "" if oordeel == VOLDOET else "niet "
        return (
            f"de eigen norm ({rij['referentie']}) {niet}haalt "
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
        return f"{richting} is dan in {_periode_of_tekst(rij['referentie'])}{waarden}"
    if soort == "verloop":
        perioden = _verloop_perioden(rij["referentie"])
        tijd = "tussen {} en {} ".format(*perioden) if perioden else ""
        return f"{tijd}ten opzichte van landelijk is {'gestegen' if hoger else 'gedaald'}"
    return f"{richting} is ({soort}){waarden}"


def _bewering(k: _Keuze, regio_naam: str) -> str:
    """'het aandeel … in <regio> hoger is dan landelijk (…) en …' for one indicator."""
    eenheid = _eenheid(k)
    gezegden = list(dict.fromkeys(_gezegde(r, eenheid) for _, r in k.helder.iterrows()))[:2]
    return f"{_onderwerp(k)} in {regio_naam} {_opsomming(gezegden)}"


def _sterkte(keuzes: list[_Keuze]) -> str:
    met = [k for k in keuzes if not k.helder.empty]
    if not met:
        return GEEN_UITSLUITSEL
    if len(met) == 1:
        return BEPERKT
    # Categories of one distribution add up to 100 %: opposite signs there are no contradiction,
    # so a direction is taken per indicator (id), and only over findings that agree.
    per_id: dict[str, set[int]] = {}
    for k in met:
        per_id.setdefault(k.indicator_id, set())
        if k.richting is not None:
            per_id[k.indicator_id].add(k.richting)
    richtingen = {r.pop() for r in per_id.values() if len(r) == 1}
    return WISSELEND if len(richtingen) > 1 else STERK


def _totaal(sterktes: list[str]) -> str:
    """The strength for the hoofdvraag: the strongest of its deelvragen.

    Directions are only compared within a deelvraag: across deelvragen 'higher' and 'lower'
    measure different things.
    """
    for s in (STERK, WISSELEND, BEPERKT):
        if s in sterktes:
            return s
    return GEEN_UITSLUITSEL


def _reden_geen_uitsluitsel(keuzes: list[_Keuze]) -> str:
    oordelen = {o for k in keuzes for o in k.rijen["oordeel"]}
    if not keuzes:
        return "er is geen indicator gekozen"
    if not oordelen - {GEEN_GEGEVENS, GEEN_TOETS}:
        return "er zijn geen cijfers die een vergelijking toelaten"
    toeval = bool(oordelen & {MOGELIJK_TOEVAL, ONZEKER_NORM}) or any(
        bool(k.rijen["_gecorrigeerd_toeval"].any()) for k in keuzes
    )
    klein = bool(oordelen & {KLEIN_VERSCHIL, GEEN_VERSCHIL})
    if toeval and klein:
        reden = "de verschillen kunnen op toeval berusten of zijn te klein om ertoe te doen"
    elif klein:
        reden = "de verschillen die er zijn, zijn te klein om ertoe te doen"
    elif toeval:
        reden = "de verschillen die er zijn, kunnen op toeval berusten"
    else:
        reden = "de cijfers laten geen toets toe"
    zonder = sum(not set(k.rijen["oordeel"]) - {GEEN_GEGEVENS, GEEN_TOETS} for k in keuzes)
    if zonder:
        wie = "één indicator" if zonder == 1 else f"{_telwoord(zonder)} indicatoren"
        reden = f"voor {wie} zijn er geen cijfers die een vergelijking toelaten, en {reden}"
    return reden


def _uitleg(sterkte: str, keuzes: list[_Keuze]) -> str:
    n = sum(not k.helder.empty for k in keuzes)
    if sterkte == GEEN_UITSLUITSEL:
        return hoofdletter(_reden_geen_uitsluitsel(keuzes)) + "."
    if sterkte == BEPERKT:
        rest = len(keuzes) - 1
        return "Eén indicator laat een opvallend verschil zien" + (
            f"; {'de andere geeft' if rest == 1 else 'de andere geven'} geen uitsluitsel."
            if rest
            else "."
        )
    kant = "en ze wijzen dezelfde kant op" if sterkte == STERK else "maar niet dezelfde kant op"
    return f"{hoofdletter(_telwoord(n))} indicatoren laten een opvallend verschil zien, {kant}."


def _niet_te_zeggen(keuzes: list[_Keuze]) -> str:
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


def _grenzen(
    df: pd.DataFrame, attrs: dict, alpha: float, oefendata: bool
) -> tuple[list[str], int, bool]:
    toetsen = attrs.get("toetsen")
    if not isinstance(toetsen, int):
        toetsen = int(df["p"].map(lambda x: not ontbreekt(x)).sum())
    gecorrigeerd = "p_gecorrigeerd" in df.columns and bool(
        df["p_gecorrigeerd"].map(lambda x: not ontbreekt(x)).any()
    )
    uit = list(GRENZEN)
    if toetsen and gecorrigeerd:
        uit.append(_toeval_gecorrigeerd(df, attrs, toetsen, alpha))
    elif toetsen:
        verwacht = alpha * toetsen
        uit.append(
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
    return uit, toetsen, gecorrigeerd


def _toeval_gecorrigeerd(df: pd.DataFrame, attrs: dict, toetsen: int, alpha: float) -> str:
    """The analysis's own sentence on chance findings when it has one (one wording everywhere)."""
    try:
        from .bevindingen import toeval_tekst

        tabel = df.copy()
        tabel.attrs = {"toetsen": toetsen, "alpha": alpha, **attrs}
        if "opvallend" not in tabel.columns:
            tabel["opvallend"] = tabel["oordeel"].isin(OPVALLEND)
        tabel["opvallend"] = tabel["opvallend"].fillna(False).astype(bool)
        return toeval_tekst(tabel)
    except Exception:  # noqa: BLE001 - fall back to a plain statement
        return (
            f"Er zijn {getal(toetsen, 0)} toetsen gedaan. De p-waarden zijn gecorrigeerd voor dat "
            f"aantal (Benjamini-Hochberg): van de opvallende uitkomsten is naar verwachting "
            f"hooguit {getal(100 * alpha, 0)}% toeval."
        )


def beantwoord(plan: Any, bevindingen: pd.DataFrame, alpha: float = 0.05) -> Synthese:
    """The answer to the hoofdvraag, per deelvraag and as a whole, from the plan and its findings.

    ``plan``: a :class:`~impactkit.stappenplan.Stappenplan` (or anything with ``hoofdvraag`` and
    ``deelvragen``, each with ``vraag``, ``indicatoren`` and optionally ``waarom``).
    ``bevindingen``: the table of :func:`impactkit.bevindingen.analyseer` (one row per finding).
    ``alpha``: the level for ``p_gecorrigeerd`` when the table has it.
    """
    df = _voorbereid(bevindingen, alpha)
    regio_naam, periode = _regio_en_periode(plan, df)
    hoofdvraag = str(getattr(plan, "hoofdvraag", "") or "")
    oefendata = bool((df["herkomst"] == "oefendata").any())

    rijen: list[dict] = []
    alle: dict[tuple[str, str | None], _Keuze] = {}
    nummers: dict[tuple[str, str | None], int] = {}
    zonder: list[int] = []  # deelvragen without clear evidence
    vragen: list[str] = []
    for nummer, (vraag, waarom, paren) in enumerate(_deelvragen_van(plan, df), start=1):
        keuzes = [_keuze(df, i, c) for i, c in paren]
        keuzes = list({k.sleutel: k for k in keuzes}.values())
        for k in keuzes:
            alle.setdefault(k.sleutel, k)
            nummers.setdefault(k.sleutel, nummer)
        sterkte = _sterkte(keuzes)
        if sterkte == GEEN_UITSLUITSEL:
            zonder.append(nummer)
        eigen_vragen = list(
            dict.fromkeys(v for k in keuzes for lijst in k.helder["vragen"] for v in lijst)
        )
        if not keuzes:
            eigen_vragen = [f"Wat weten de partners over deelvraag {nummer}: {vraag}"]
        vragen += [v for v in eigen_vragen if v not in vragen]
        rijen.append(
            {
                "nummer": nummer,
                "deelvraag": vraag,
                "waarom": waarom,
                "indicatoren": "; ".join(
                    (k.ind.naam if k.ind else k.indicator_id)
                    + (f" ({k.categorie})" if k.categorie else "")
                    for k in keuzes
                ),
                "toont": " ".join(_toont(k, periode) for k in keuzes)
                or "Er is geen indicator gekozen.",
                "sterkte": sterkte,
                "uitleg": _uitleg(sterkte, keuzes),
                "niet_te_zeggen": _niet_te_zeggen(keuzes),
                "opvallend": int(sum(not k.helder.empty for k in keuzes)),
                "vragen": eigen_vragen,
            }
        )
    tabel = pd.DataFrame(
        rijen,
        columns=[
            "nummer",
            "deelvraag",
            "waarom",
            "indicatoren",
            "toont",
            "sterkte",
            "uitleg",
            "niet_te_zeggen",
            "opvallend",
            "vragen",
        ],
    )

    keuzes = list(alle.values())
    sterkte = _totaal(tabel["sterkte"].tolist())
    wisselend = tabel.loc[tabel["sterkte"] == WISSELEND, "nummer"].astype(int).tolist()
    kern = _kern(keuzes, sterkte, wisselend, regio_naam, nummers)
    zinnen = [OEFENDATA_ZIN.format(regio=regio_naam)] if oefendata else []
    zinnen.append(kern)
    if sterkte != GEEN_UITSLUITSEL and zonder and len(zonder) < len(rijen):
        wie = (
            f"deelvraag {zonder[0]}"
            if len(zonder) == 1
            else f"de deelvragen {_opsomming([str(n) for n in zonder])}"
        )
        zinnen.append(f"Over {wie} geven de cijfers geen uitsluitsel.")
    registratie = any(k.ind is not None and k.ind.beschikbaarheid == "registratie" for k in keuzes)
    if sterkte == GEEN_UITSLUITSEL:
        zinnen.append(
            (
                "Het gaat om registraties, niet om hoe vaak geweld werkelijk voorkomt; bespreek"
                if registratie
                else "Bespreek"
            )
            + " met de partners wat zij zien en welke andere informatie de vraag kan beantwoorden."
        )
    else:
        zinnen.append(
            (
                "Het gaat om registraties, niet om hoe vaak geweld werkelijk voorkomt, en de cijfers"
                if registratie
                else "De cijfers"
            )
            + " zeggen niet waardoor de verschillen komen: dat bespreek je met de partners."
        )
    if sterkte == GEEN_UITSLUITSEL or not vragen:
        vragen += [v for v in GESPREKSVRAGEN if v not in vragen]
    else:
        vragen.append(GESPREKSVRAGEN[0])
    grenzen, toetsen, gecorrigeerd = _grenzen(df, dict(bevindingen.attrs), alpha, oefendata)
    antwoord = " ".join(zinnen)
    return Synthese(
        regio=regio_naam,
        periode=periode,
        hoofdvraag=hoofdvraag,
        antwoord=antwoord,
        kern=kern,
        sterkte=sterkte,
        deelvragen=tabel,
        vragen=vragen,
        grenzen=grenzen,
        sjabloon=duiding_sjabloon_tekst(
            regio_naam, periode, hoofdvraag, vragen, getattr(plan, "duiding", None), antwoord
        ),
        oefendata=oefendata,
        toetsen=toetsen,
        gecorrigeerd=gecorrigeerd,
    )


def _kern(
    keuzes: list[_Keuze],
    sterkte: str,
    wisselend: list[int],
    regio_naam: str,
    nummers: dict[tuple[str, str | None], int] | None = None,
    maximum: int = 2,
) -> str:
    """The sentence that carries the answer: the first clear findings, then where to find more.

    At most ``maximum`` comparisons are spelled out (one indicator with two clear comparisons,
    or two indicators with one each), so the sentence stays readable; the others are counted
    with the numbers of their deelvragen.
    """
    if sterkte == GEEN_UITSLUITSEL:
        return (
            f"De cijfers geven geen uitsluitsel over de hoofdvraag: "
            f"{_reden_geen_uitsluitsel(keuzes)}."
        )
    met = [k for k in keuzes if not k.helder.empty]
    getoond: list[_Keuze] = []
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
    # Repeat 'dat' per indicator: a clause can itself contain 'en'.
    zin = "De cijfers wijzen erop dat " + beweringen[0]
    if len(beweringen) > 1:
        voegwoord = ", en dat " if any(" en " in b for b in beweringen) else " en dat "
        zin = "De cijfers wijzen erop dat " + ", dat ".join(beweringen[:-1])
        zin += voegwoord + beweringen[-1]
    rest = met[len(getoond) :]
    if rest:
        waar = sorted({(nummers or {}).get(k.sleutel, 0) for k in rest} - {0})
        deel = (
            f" ({'deelvraag' if len(waar) == 1 else 'deelvragen'} "
            f"{_opsomming([str(n) for n in waar])})"
            if waar
            else ""
        )
        zin += (
            f"; ook bij één andere indicator{deel} is er een opvallend verschil"
            if len(rest) == 1
            else f"; ook bij {_telwoord(len(rest))} andere indicatoren{deel} zijn er opvallende "
            "verschillen"
        )
    if len(met) == 1:
        zin += ", al steunt dat op één indicator"
    if wisselend:
        wie = (
            f"deelvraag {wisselend[0]}"
            if len(wisselend) == 1
            else f"de deelvragen {_opsomming([str(n) for n in wisselend])}"
        )
        zin += f", maar bij {wie} wijzen de indicatoren niet dezelfde kant op"
    return zin + "."


# -- Markdown ----------------------------------------------------------------------------------------
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
    regels += [f"{kop} Vragen voor het gesprek met partners", ""]
    regels += [f"- {v}" for v in s.vragen]
    regels += ["", f"{kop} Wat de cijfers niet kunnen zeggen", ""]
    regels += [f"- {g}" for g in s.grenzen]
    if sjabloon and s.sjabloon:
        niveau = min(kop_niveau, 6)
        regels += ["", s.sjabloon.replace("## ", "#" * niveau + " ", 1)]
    return "\n".join(regels)


__all__ = [
    "BEPERKT",
    "GEEN_UITSLUITSEL",
    "GESPREKSVRAGEN",
    "GRENZEN",
    "STERK",
    "STERKTES",
    "Synthese",
    "WISSELEND",
    "antwoord_markdown",
    "beantwoord",
    "duiding_sjabloon_tekst",
    "synthese_markdown",
]
