"""Dutch sentences for findings: what changed, in the right number and tense, rounded consistently.

Rules every sentence follows (``tests/test_zinnen.py`` renders the whole matrix of indicators,
comparisons, directions and units over the practice data and checks them):

* The subject says what is measured: *het aandeel meldingen met …*, *het aantal meldingen per
  10.000 inwoners*, *de score voor …*; the verb agrees with it (singular).
* Differences are computed from the values as shown (rounded to the unit's decimals), so the
  text never says '55,6% tegen 55,6%: 0,1 procentpunt'. Equal rounded values are called equal,
  never a rise or a fall, and there is no '−0,0'.
* The verdict words come from :mod:`impactkit.oordelen`; 'mogelijk toeval' never gets a
  direction in the text.
* Periods read as Dutch: *in het eerste halfjaar van 2021*, *in 2021*.
"""

from __future__ import annotations

from .indicatoren import Indicator
from .oordelen import (
    BINNEN_SPREIDING,
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    geen_getal,
)
from .opmaak import EENHEID_DECIMALEN, afronden, getal, met_eenheid
from .perioden import Periode

RANGTELWOORD = {1: "eerste", 2: "tweede"}

DUUR = {
    "≤ 1 week": "hooguit een week",
    "1 week – 1 maand": "een week tot een maand",
    "1 – 6 maanden": "een tot zes maanden",
    "6 maanden – 1 jaar": "een half jaar tot een jaar",
    "1 – 5 jaar": "een tot vijf jaar",
    "> 5 jaar": "langer dan vijf jaar",
}


# Subjects that the catalogue name alone does not make into good Dutch.
ONDERWERPEN: dict[str, str] = {
    "prevalentie_huiselijk_geweld": "het aandeel inwoners van 16 jaar en ouder dat slachtoffer is "
    "van huiselijk geweld",
    "prevalentie_kindermishandeling": "het aandeel kinderen dat mishandeld wordt",
    "vermoeden_getuige": "het aandeel inwoners met een vermoeden van huiselijk geweld of dat er "
    "getuige van was",
    "kenmerken_slachtoffers_plegers": "het cijfer voor kenmerken van slachtoffers, plegers en het "
    "geweld",
    "toerusting_opleiding": "het cijfer voor toerusting in de opleiding",
    "burgers_handelen": "het aandeel burgers dat iets doet bij een vermoeden",
    "gepraat_over_vermoeden": "het aandeel inwoners dat over een vermoeden heeft gepraat",
    "slachtoffers_plegers_bespreken": "het aandeel slachtoffers en plegers dat erover praat",
    "procesregie": "het cijfer voor de organisatie van procesregie",
    "casusregie": "het cijfer voor de organisatie van casusregie",
    "veiligheidsplan": "het aandeel gezinnen met een veiligheidsplan dat aanwezig is en gebruikt "
    "wordt",
    "zorgplan": "het aandeel gezinnen met een risicogestuurd en herstelgericht zorgplan",
    "traumaklachten": "het aandeel gezinnen waarin aandacht is voor traumaklachten",
    "effectieve_interventies": "het aandeel gezinnen met inzet van effectieve interventies",
    "systeemgerichte_inzet": "het aandeel gezinnen met multidisciplinaire en systeemgerichte hulp",
    "aantal_hulpinstellingen": "het gemiddelde aantal betrokken hulporganisaties per gezin",
    "geweld_gestopt": "het aandeel gezinnen waarin het geweld gestopt is",
    "opvoedingsrelatie_verbeterd": "het aandeel gezinnen met een verbeterde opvoedingsrelatie",
    "recidive_plegers": "het aandeel plegers dat opnieuw geweld pleegt",
    "veiligheidsscore_vt": "de veiligheidsscore van Veilig Thuis",
    "casussen_vt": "het aantal casussen met een ontvangen melding bij Veilig Thuis",
}


# Who reports or asks for advice, as it reads after 'van' / 'gevraagd door'.
WIE: dict[str, str] = {
    "Politie": "de politie",
    "Justitie overig": "overige justitiële organisaties",
    "Justitie en veiligheid, exclusief politie": "justitie en veiligheid (zonder de politie)",
    "Gezondheidszorg": "de gezondheidszorg",
    "Overig gezondheidszorg": "de overige gezondheidszorg",
    "Huisarts": "huisartsen",
    "GGZ": "de ggz",
    "Preventieve basisvoorzieningen": "preventieve basisvoorzieningen",
    "Onderwijs": "het onderwijs",
    "Jeugdhulp/zorg": "de jeugdhulp",
    "Kinderopvang": "de kinderopvang",
    "Maatschappelijk werk": "het maatschappelijk werk",
    "Beroepsmatig overig": "overige beroepskrachten",
    "Burger": "burgers",
}


# What follows the safety assessment of a melding, as it reads after 'het aandeel meldingen'
# (the denominator is all meldingen received in the period).
VERVOLG: dict[str, str] = {
    "Vervolgstappen bij Veilig Thuis": "waarbij Veilig Thuis na de beoordeling zelf vervolgstappen zet",
    "Overdracht": "die na de beoordeling worden overgedragen",
    "Geen vervolgstappen nodig": "waarbij na de beoordeling geen vervolgstappen nodig zijn",
    "Inzet regionaal maatwerk": "waarbij na de beoordeling regionaal maatwerk wordt ingezet",
    "Nog niet beoordeeld": "die nog niet beoordeeld zijn",
}


# -- Building blocks -------------------------------------------------------------------------------
def periode_tekst(p: Periode | str) -> str:
    """'het eerste halfjaar van 2021' or '2021'."""
    p = Periode.parse(p) if not isinstance(p, Periode) else p
    if p.halfjaar:
        return f"het {RANGTELWOORD[p.halfjaar]} halfjaar van {p.jaar}"
    return str(p.jaar)


def in_periode(p: Periode | str) -> str:
    """'in het eerste halfjaar van 2021' or 'in 2021'.

    Examples
    --------
    >>> in_periode("2021H1")
    'in het eerste halfjaar van 2021'
    """
    return f"in {periode_tekst(p)}"


def klein(naam: str) -> str:
    """Lower-case the first letter unless the word is an abbreviation ('OTS', 'GGZ').

    Leading punctuation is skipped: '(Ex-)partnergeweld' becomes '(ex-)partnergeweld'.

    Examples
    --------
    >>> klein("(Ex-)partnergeweld"), klein("GGZ"), klein("Huisarts")
    ('(ex-)partnergeweld', 'GGZ', 'huisarts')
    """
    i = next((k for k, c in enumerate(naam) if c.isalpha()), None)
    if i is None or (i + 1 < len(naam) and naam[i + 1].isupper()):
        return naam
    return naam[:i] + naam[i].lower() + naam[i + 1 :]


def hoofdletter(zin: str) -> str:
    return zin[:1].upper() + zin[1:]


def onderwerp(ind: Indicator, categorie: str | None = None) -> str:
    """What the figure is, as the subject of a sentence ('het aandeel meldingen met …').

    Examples
    --------
    >>> from impactkit import indicator
    >>> onderwerp(indicator("duur_geweld_meldingen"), "> 5 jaar")
    'het aandeel meldingen waarbij het geweld langer dan vijf jaar duurde'
    >>> onderwerp(indicator("meldingen_per_10000"))
    'het aantal meldingen per 10.000 inwoners'
    """
    naam = klein(ind.naam)
    if ind.id in ONDERWERPEN and not categorie:
        return ONDERWERPEN[ind.id]
    if ind.eenheid == "%":
        if categorie:
            return _aandeel_categorie(ind, categorie)
        if ind.id.startswith("overdracht_"):
            return f"het aandeel casussen met een {naam}"
        if naam.startswith("aandeel "):
            return "het " + naam
        return f"het aandeel {naam}"
    if ind.eenheid in ("per 10.000 inwoners", "aantal"):
        naam = naam.removeprefix("aantal ")
        return f"het aantal {naam}"
    if ind.eenheid == "gemiddelde":
        return (
            f"het gemiddelde {naam.removeprefix('aantal ')}"
            if naam.startswith("aantal")
            else f"het gemiddelde voor {naam}"
        )
    return f"de score voor {naam}"


def _aandeel_categorie(ind: Indicator, categorie: str) -> str:
    if ind.id in ("duur_geweld_meldingen", "duur_geweld_adviezen"):
        soort = "meldingen" if ind.id.endswith("meldingen") else "adviezen"
        return f"het aandeel {soort} waarbij het geweld {DUUR.get(categorie, categorie)} duurde"
    if ind.id == "melder_type":
        if categorie in WIE:
            return f"het aandeel meldingen van {WIE[categorie]}"
        return f"het aandeel meldingen met als melder: {klein(categorie)}"
    if ind.id == "adviesvrager_type":
        if categorie in WIE:
            return f"het aandeel adviezen gevraagd door {WIE[categorie]}"
        return f"het aandeel adviezen met als adviesvrager: {klein(categorie)}"
    if ind.id == "aard_geweld":
        if categorie == "Onbekend":
            return "het aandeel meldingen waarvan de soort geweld onbekend is"
        return f"het aandeel meldingen over {klein(categorie)}"
    if ind.id == "vervolg_veiligheidsbeoordeling":
        if categorie in VERVOLG:
            return f"het aandeel meldingen {VERVOLG[categorie]}"
        return f"het aandeel veiligheidsbeoordelingen met als vervolg: {klein(categorie)}"
    return f"het aandeel '{categorie}' bij {klein(ind.naam)}"


def afgerond(ind: Indicator, x: float) -> float:
    """The value as it is shown (rounded to the unit's decimals)."""
    return afronden(float(x), EENHEID_DECIMALEN.get(ind.eenheid, 1))


def verschil_getoond(ind: Indicator, a: float, b: float) -> float:
    """a - b computed from the shown (rounded) values, so text and numbers agree."""
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    return round(afgerond(ind, a) - afgerond(ind, b), d)


def grootte(ind: Indicator, verschil: float) -> str:
    """'3,1 procentpunt', '1,2 per 10.000 inwoners', '15' (always without sign)."""
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    if ind.eenheid == "%":
        return f"{getal(abs(verschil), d)} procentpunt"
    if ind.eenheid in ("aantal",):
        return getal(abs(verschil), d)
    if ind.eenheid == "per 10.000 inwoners":
        return f"{getal(abs(verschil), d)} per 10.000 inwoners"
    return getal(abs(verschil), d)


def met_teken(ind: Indicator, verschil: float) -> str:
    """'+3,1 procentpunt' / '−2,0 procentpunt'; what rounds to zero has no sign."""
    if round(abs(verschil), EENHEID_DECIMALEN.get(ind.eenheid, 1)) == 0:
        return grootte(ind, 0)
    return ("+" if verschil > 0 else "−") + grootte(ind, verschil)


def _getal(ind: Indicator, x: float) -> str:
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    tekst = getal(0.0 if round(float(x), d) == 0 else x, d)
    return "−" + tekst[1:] if tekst.startswith("-") else tekst


def interval_tekst(ind: Indicator, laag: float, hoog: float, verschil: bool = False) -> str:
    """' (95%-interval 52,6 tot 58,6%)'; for a difference of shares the unit is procentpunt."""
    if geen_getal(laag) or geen_getal(hoog):
        return ""
    eenheid = {"%": " procentpunt" if verschil else "%"}.get(ind.eenheid, "")
    return f" (95%-interval {_getal(ind, laag)} tot {_getal(ind, hoog)}{eenheid})"


def kort(ind: Indicator, x: float) -> str:
    """A reference value without repeating a long unit: '42,8%', '34,8', '1.070'."""
    return met_eenheid(x, ind.eenheid) if ind.eenheid == "%" else _getal(ind, x)


def _beweging(verschil: float, verleden: bool = True) -> str:
    if verschil > 0:
        return "steeg"
    if verschil < 0:
        return "daalde"
    return "bleef gelijk"


# -- Sentences ------------------------------------------------------------------------------------
def zin_landelijk(
    ind,
    regio: str,
    p,
    waarde,
    laag,
    hoog,
    referentie,
    verdict,
    rang=None,
    aantal_regios=None,
    categorie=None,
) -> str:
    """The region against Nederland in one period."""
    ow = onderwerp(ind, categorie)
    zin = (
        f"{hoofdletter(ow)} was in {regio} {in_periode(p)} {met_eenheid(waarde, ind.eenheid)}"
        f"{interval_tekst(ind, laag, hoog)}; in heel Nederland {kort(ind, referentie)}."
    )
    d = verschil_getoond(ind, waarde, referentie)
    if d == 0 or verdict == GEEN_VERSCHIL:
        zin += " Dat is (afgerond) gelijk aan het landelijke cijfer."
    elif verdict == OPVALLEND_HOGER:
        zin += f" Dat is opvallend hoger dan landelijk: {grootte(ind, d)} meer."
    elif verdict == OPVALLEND_LAGER:
        zin += f" Dat is opvallend lager dan landelijk: {grootte(ind, d)} minder."
    elif verdict == KLEIN_VERSCHIL:
        zin += (
            f" Het verschil van {grootte(ind, d)} is groter dan toeval verklaart, maar te "
            "klein om in de praktijk te tellen."
        )
    elif verdict == BINNEN_SPREIDING:
        zin += (
            f" Het verschil van {grootte(ind, d)} is groter dan toeval verklaart, maar zo ver "
            "liggen regio's vaker uit elkaar: het valt binnen de gewone spreiding tussen regio's."
        )
    elif verdict == MOGELIJK_TOEVAL:
        zin += f" Het verschil van {grootte(ind, d)} kan op toeval berusten."
    elif verdict == GEEN_TOETS:
        zin += " Een toets is met deze cijfers niet mogelijk."
    if rang is not None and not geen_getal(rang) and aantal_regios:
        zin += (
            f" Van de {int(aantal_regios)} regio's staat {regio} op plaats {int(rang)} "
            "(1 = hoogste)."
        )
    return zin


def zin_tijd(ind, regio: str, p, eerder, waarde, referentie, verdict, categorie=None) -> str:
    """The region now against an earlier period."""
    ow = onderwerp(ind, categorie)
    zin = (
        f"{hoofdletter(ow)} in {regio} was {met_eenheid(waarde, ind.eenheid)} "
        f"{in_periode(p)}, tegen {kort(ind, referentie)} "
        f"{in_periode(eerder)}."
    )
    d = verschil_getoond(ind, waarde, referentie)
    if d == 0 or verdict == GEEN_VERSCHIL:
        return zin + " Het is (afgerond) gelijk gebleven."
    beweging = _beweging(d)
    if verdict in (OPVALLEND_HOGER, OPVALLEND_LAGER):
        return zin + f" Het {beweging} duidelijk, met {grootte(ind, d)}."
    if verdict == KLEIN_VERSCHIL:
        return zin + (
            f" Het {beweging} met {grootte(ind, d)}: meer dan toeval, maar te weinig "
            "om in de praktijk te tellen."
        )
    if verdict == GEEN_TOETS:
        return zin + f" Het {beweging} met {grootte(ind, d)}; een toets is niet mogelijk."
    return zin + (
        f" Dit verschil van {grootte(ind, d)} kan op toeval berusten: halfjaarcijfers schommelen "
        "ook gewoon op en neer."
    )


def zin_verloop(ind, regio: str, vl: dict, categorie=None) -> str:
    """The course over time from :func:`impactkit.ontwikkeling.verloop` in two to four sentences."""
    ow = onderwerp(ind, categorie)
    start, eind = vl["start"], vl["keerpunt"] or vl["eind"]
    w, nl = vl["regio_waarden"], vl["landelijke_waarden"]
    d_r = verschil_getoond(ind, w[eind], w[start])
    d_n = verschil_getoond(ind, nl[eind], nl[start])
    if d_r == 0:
        zin = (
            f"{hoofdletter(ow)} in {regio} was {in_periode(eind)} even hoog als "
            f"{in_periode(start)}: {met_eenheid(w[eind], ind.eenheid)}."
        )
    else:
        zin = (
            f"{hoofdletter(ow)} in {regio} {_beweging(d_r)} van "
            f"{met_eenheid(w[start], ind.eenheid)} {in_periode(start)} tot "
            f"{met_eenheid(w[eind], ind.eenheid)} {in_periode(eind)} "
            f"({met_teken(ind, d_r)})."
        )
    if d_n == 0:
        zin += f" Landelijk bleef het in die tijd gelijk ({met_eenheid(nl[eind], ind.eenheid)})."
    else:
        zin += (
            f" Landelijk {_beweging(d_n)} het in die tijd van "
            f"{kort(ind, nl[start])} tot {kort(ind, nl[eind])} "
            f"({met_teken(ind, d_n)})."
        )
    if vl["keerpunt"]:
        na = verschil_getoond(ind, w[vl["eind"]], w[eind])
        if na == 0:
            zin += f" Daarna bleef het in {regio} gelijk tot {in_periode(vl['eind'])}."
        else:
            zin += (
                f" Daarna {_beweging(na)} het in {regio} tot "
                f"{met_eenheid(w[vl['eind']], ind.eenheid)} {in_periode(vl['eind'])}."
            )
    ontw = (
        f"verschil in ontwikkeling met de rest van Nederland: {met_teken(ind, vl['verschil'])}"
        f"{interval_tekst(ind, vl['laag'], vl['hoog'], verschil=True).replace(' (', ', ').rstrip(')')}"
    )
    verdict = vl["oordeel"]
    if verdict in (OPVALLEND_HOGER, OPVALLEND_LAGER):
        vergelijking = ontwikkeling_tegenover_land(regio, d_r, d_n, verdict, vl.get("minimum"))
        zin += f" {hoofdletter(vergelijking)} ({ontw})."
        if vl["keerpunt"]:
            zin += " Dat blijft zo als je meetelt dat er naar het keerpunt is gezocht."
    elif verdict == KLEIN_VERSCHIL:
        zin += f" De ontwikkeling wijkt meer af dan toeval verklaart, maar weinig ({ontw})."
    elif verdict == GEEN_GEGEVENS:
        zin += " Een toets op het verschil met de landelijke ontwikkeling is niet mogelijk."
    else:
        zin += f" Het verschil met de landelijke ontwikkeling kan op toeval berusten ({ontw})."
        if not (geen_getal(vl["laag"]) or geen_getal(vl["hoog"])) and (
            vl["laag"] > 0 or vl["hoog"] < 0
        ):
            zin += (
                " Het interval geldt voor deze ene vergelijking; na de correctie voor het zoeken "
                "naar een keerpunt en voor het aantal toetsen is het verschil niet meer zeker."
            )
    return zin


def richting_van(verschil: float, minimum: float | None) -> int:
    """+1 for a rise of at least ``minimum``, -1 for such a fall, 0 for a smaller change.

    Without a known ``minimum`` only no change at all counts as flat.

    >>> richting_van(-0.3, 5.0), richting_van(-5.0, 5.0), richting_van(2.0, None)
    (0, -1, 1)
    """
    if verschil is None or geen_getal(verschil) or verschil == 0:
        return 0
    if minimum is not None and not geen_getal(minimum) and abs(verschil) < minimum * (1 - 1e-9):
        return 0
    return 1 if verschil > 0 else -1


def eigen_verandering(ind: Indicator, vl: dict) -> tuple[float, float]:
    """(region, Nederland): the changes of a :func:`~impactkit.ontwikkeling.verloop` as shown."""
    start, eind = vl["start"], vl["keerpunt"] or vl["eind"]
    w, nl = vl["regio_waarden"], vl["landelijke_waarden"]
    return verschil_getoond(ind, w[eind], w[start]), verschil_getoond(ind, nl[eind], nl[start])


# The region's own course (+1 rise, -1 fall, 0 below the minimum), Nederland's, and whether the
# verdict is 'opvallend hoger' -> (main clause with {regio}, 'dat'-clause predicate).
# Comparatives ('sterker', 'minder sterk') are used only when the shown changes agree with the
# verdict; 'duidelijk' only for an own change of at least the minimum.
_TEGENOVER_LAND: dict[tuple[int, int, bool], tuple[str, str]] = {
    (1, 1, True): (
        "in {regio} steeg het sterker dan landelijk",
        "sterker is gestegen dan landelijk",
    ),
    (1, 1, False): (
        "in {regio} steeg het minder sterk dan landelijk",
        "minder sterk is gestegen dan landelijk",
    ),
    (-1, -1, True): (
        "in {regio} daalde het minder sterk dan landelijk",
        "minder sterk is gedaald dan landelijk",
    ),
    (-1, -1, False): (
        "in {regio} daalde het sterker dan landelijk",
        "sterker is gedaald dan landelijk",
    ),
    (1, 0, True): (
        "in {regio} steeg het duidelijk, terwijl het landelijk nauwelijks veranderde",
        "duidelijk is gestegen, terwijl het landelijk nauwelijks veranderde",
    ),
    (1, -1, True): (
        "in {regio} steeg het duidelijk, terwijl het landelijk daalde",
        "duidelijk is gestegen, terwijl het landelijk daalde",
    ),
    (-1, 0, False): (
        "in {regio} daalde het duidelijk, terwijl het landelijk nauwelijks veranderde",
        "duidelijk is gedaald, terwijl het landelijk nauwelijks veranderde",
    ),
    (-1, 1, False): (
        "in {regio} daalde het duidelijk, terwijl het landelijk steeg",
        "duidelijk is gedaald, terwijl het landelijk steeg",
    ),
    (0, 1, False): (
        "in {regio} veranderde het nauwelijks, terwijl het landelijk steeg",
        "nauwelijks is veranderd, terwijl het landelijk steeg",
    ),
    (0, -1, True): (
        "in {regio} veranderde het nauwelijks, terwijl het landelijk daalde",
        "nauwelijks is veranderd, terwijl het landelijk daalde",
    ),
    (0, 0, True): (
        "in {regio} veranderde het nauwelijks, en landelijk ook niet, maar de verandering in "
        "{regio} lag wel boven de landelijke",
        "nauwelijks is veranderd, net als landelijk, maar met een verandering die boven de "
        "landelijke lag",
    ),
    (0, 0, False): (
        "in {regio} veranderde het nauwelijks, en landelijk ook niet, maar de verandering in "
        "{regio} lag wel onder de landelijke",
        "nauwelijks is veranderd, net als landelijk, maar met een verandering die onder de "
        "landelijke lag",
    ),
}
_EIGEN = {1: ("steeg het", "is gestegen"), -1: ("daalde het", "is gedaald")}
_EIGEN[0] = ("veranderde het nauwelijks", "nauwelijks is veranderd")
_LAND = {1: "steeg het", -1: "daalde het", 0: "veranderde het nauwelijks"}


def ontwikkeling_tegenover_land(
    regio: str, d_r: float, d_n: float, verdict: str, minimum: float | None, bijzin: bool = False
) -> str:
    """How the region's change ``d_r`` compares with Nederland's ``d_n`` under a clear verdict.

    One table for every combination of the two directions (a change smaller than ``minimum``
    counts as 'nauwelijks veranderd') and the verdict (``opvallend hoger``: the region's change
    was more positive than the national one). Never 'steeg' for a region that fell, and
    'duidelijk' only for an own change of at least ``minimum``. With ``bijzin=True`` the
    predicate of a 'dat'-clause whose subject is the measure in the region. When the shown
    changes contradict the verdict (a rounding edge) the two movements are only described.

    >>> ontwikkeling_tegenover_land("Utrecht", -0.4, -1.0, "opvallend hoger", 0.2)
    'in Utrecht daalde het minder sterk dan landelijk'
    >>> ontwikkeling_tegenover_land("Utrecht", -0.3, 13.4, "opvallend lager", 3.0, bijzin=True)
    'nauwelijks is veranderd, terwijl het landelijk steeg'
    """
    hoger = verdict == OPVALLEND_HOGER
    r, n = richting_van(d_r, minimum), richting_van(d_n, minimum)
    past = (d_r - d_n > 0) if hoger else (d_r - d_n < 0)
    if past and (r, n, hoger) in _TEGENOVER_LAND:
        hoofd, bij = _TEGENOVER_LAND[(r, n, hoger)]
        return bij if bijzin else hoofd.format(regio=regio)
    if bijzin:
        return f"{_EIGEN[r][1]}, en landelijk {_LAND[n]}"
    return f"in {regio} {_EIGEN[r][0]}, en landelijk {_LAND[n]}"


def zin_aantal(ind, regio: str, p, waarde, toelichting: str = "") -> str:
    zin = (
        f"{hoofdletter(onderwerp(ind))} in {regio} was {in_periode(p)} "
        f"{met_eenheid(waarde, ind.eenheid)}."
    )
    return f"{zin} {toelichting}".strip()


def zin_norm(ind, regio: str, waarde, norm_tekst: str, verdict: str, categorie=None) -> str:
    return (
        f"Eigen norm voor {onderwerp(ind, categorie)}: {norm_tekst}. {regio} heeft "
        f"{met_eenheid(waarde, ind.eenheid)}: {verdict}."
    )
