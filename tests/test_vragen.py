"""Questions for the conversation (step 6): every question fits the finding it is asked for.

The full matrix: every catalogue indicator x every category (and none) x 'hoger'/'lager' x a
difference (with Nederland or other regions) or a change over time. A cell fails on a question
whose declared fit differs from the finding, a word that contradicts the direction or the kind
of comparison, an unfilled placeholder, a question naming another category, a duplicate, or no
specific question for a regional indicator.
"""

from __future__ import annotations

import re
from functools import cache
from types import SimpleNamespace

import pytest

from impactkit import catalogus, indicator
from impactkit.vragen import (
    CATEGORIE_TEKST,
    SJABLONEN,
    SOORT_PER_INDICATOR,
    Sjabloon,
    categorie_tekst,
    sjablonen_bij,
    soort_van,
    vragen_bij,
)

REGIO = "Zaanstreek-Waterland"

# Words that say the opposite of the finding's direction (whole words, case-insensitive).
TEGEN_LAGER = (
    "vaker",
    "meer",
    "hoger",
    "hogere",
    "toename",
    "toenemen",
    "toeneemt",
    "toegenomen",
    "stijging",
    "stijgen",
    "stijgt",
    "steeg",
    "gestegen",
    "zwaarder",
    "zwaardere",
    "later",
    "latere",
    "laat",
    "groter",
    "grotere",
    "groei",
    "gegroeid",
)
TEGEN_HOGER = (
    "minder",
    "lager",
    "lagere",
    "daling",
    "dalen",
    "daalt",
    "daalde",
    "gedaald",
    "afname",
    "afnemen",
    "afneemt",
    "afgenomen",
    "kleiner",
    "kleinere",
    "lichter",
    "lichtere",
    "krimp",
    "gekrompen",
    "vroege",
    "vroeger",
)
# Words that belong to the other kind of comparison.
ALLEEN_TIJD = (
    r"dan eerder",
    r"nu",
    r"voorheen",
    r"stijging",
    r"daling",
    r"toename",
    r"afname",
    r"gestegen",
    r"gedaald",
    r"toegenomen",
    r"afgenomen",
    r"geworden",
    r"blijvend",
    r"in deze periode",
)
ALLEEN_VERSCHIL = (r"dan elders", r"dan landelijk", r"rest van het land", r"dan in andere regio")

# How each category is recognised in a question (to catch a question naming another category).
KENMERK: dict[str, str] = {
    # adviesvrager_type, melder_type
    "Preventieve basisvoorzieningen": r"preventieve basisvoorziening",
    "Huisarts": r"\bhuisarts(en)?\b",
    "Overig gezondheidszorg": r"overige gezondheidszorg",
    "Gezondheidszorg": r"gezondheidszorg",
    "GGZ": r"\bggz\b",
    "Kinderopvang": r"\bkinderopvang\b",
    "Onderwijs": r"\bonderwijs\b|\bscholen\b",
    "Jeugdhulp/zorg": r"\bjeugdhulp\b|\bjeugdzorg\b",
    "Politie": r"\bpolitie\b",
    "Justitie en veiligheid, exclusief politie": r"\bjustitie|\bjustitiële\b",
    "Justitie overig": r"\bjustitie|\bjustitiële\b",
    "Maatschappelijk werk": r"maatschappelijk werk",
    "Beroepsmatig overig": r"beroepsgroep",
    "Burger": r"\bburgers?\b|\bomstanders\b",
    "Onbekend": r"onbekend|niet bekend|vastgelegd|vastleggen",
    # duur_geweld_*
    "≤ 1 week": r"hooguit een week",
    "1 week – 1 maand": r"een week tot een maand",
    "1 – 6 maanden": r"één tot zes maanden",
    "6 maanden – 1 jaar": r"een half jaar tot een jaar",
    "1 – 5 jaar": r"één tot vijf jaar",
    "> 5 jaar": r"langer dan vijf jaar",
    # aard_geweld
    "Kindermishandeling": r"kindermishandeling",
    "(Ex-)partnergeweld": r"partnergeweld",
    "Ouderenmishandeling": r"ouderenmishandeling",
    "Geweld tegen ouders": r"geweld tegen ouders",
    "Huiselijk geweld overig": r"overig huiselijk geweld",
    # vervolg_veiligheidsbeoordeling
    "Vervolgstappen bij Veilig Thuis": r"zelf in handen|zelf de vervolgstappen|zelf onderzoek",
    "Overdracht": r"\bover(gedragen|dragen|dracht|draagt)\b|\bdraagt\b",
    "Geen vervolgstappen nodig": r"geen vervolg",
    "Inzet regionaal maatwerk": r"maatwerk",
    "Nog niet beoordeeld": r"nog niet (is )?beoordeeld|wachtlijst|achterstand|snel te beoordelen",
}
TOEGESTANE_VELDEN = {"regio", "onderwerp", "naam", "partner", "categorie"}


def _woorden(woorden) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(woorden) + r")\b", re.IGNORECASE)


TEGEN = {"lager": _woorden(TEGEN_LAGER), "hoger": _woorden(TEGEN_HOGER)}
NIET_BIJ = {True: _woorden(ALLEEN_VERSCHIL), False: _woorden(ALLEEN_TIJD)}


@cache
def _ids() -> tuple[str, ...]:
    return tuple(catalogus()["id"])


def _cellen():
    for ind_id in _ids():
        ind = indicator(ind_id)
        for categorie in (None, *ind.categorieen):
            for richting in ("hoger", "lager"):
                for tijd in (False, True):
                    soort = "tijd" if tijd else "verschil"
                    yield pytest.param(
                        ind_id,
                        categorie,
                        richting,
                        tijd,
                        id=f"{ind_id}|{categorie or '-'}|{richting}|{soort}",
                    )


CELLEN = list(_cellen())


def _onderwerp(ind_id: str) -> str:
    naam = indicator(ind_id).naam
    return naam if naam[1:2].isupper() else naam[:1].lower() + naam[1:]


def fouten_in_cel(ind_id: str, categorie: str | None, richting: str, tijd: bool) -> list[str]:
    """Everything wrong with the questions for one finding (empty: all fine)."""
    ind = indicator(ind_id)
    sjablonen = sjablonen_bij(ind_id, richting, tijd, categorie)
    vragen = vragen_bij(ind_id, richting, REGIO, _onderwerp(ind_id), tijd=tijd, categorie=categorie)
    fout: list[str] = []

    if not vragen:
        fout.append("geen vragen")
    if len(vragen) != len(set(vragen)):
        fout.append(f"dubbele vragen: {vragen}")
    if len(sjablonen) != len(vragen):
        fout.append("vragen_bij gebruikt andere sjablonen dan sjablonen_bij")

    # what each template declares
    soort = soort_van(ind_id)
    for s in sjablonen:
        if s.richting != richting:
            fout.append(f"sjabloon voor {s.richting!r}: {s.tekst!r}")
        if s.vergelijking not in ("beide", "tijd" if tijd else "verschil"):
            fout.append(f"sjabloon voor {s.vergelijking!r}: {s.tekst!r}")
        if s.indicatoren and ind_id not in s.indicatoren:
            fout.append(f"sjabloon voor {s.indicatoren}: {s.tekst!r}")
        if not s.indicatoren and s.soort not in (soort, "alle"):
            fout.append(f"algemeen sjabloon van soort {s.soort!r}: {s.tekst!r}")
        if s.categorieen and categorie not in s.categorieen:
            fout.append(f"sjabloon voor {s.categorieen}: {s.tekst!r}")
        if s.beter is not None and s.beter != ind.richting:
            fout.append(f"sjabloon voor {s.beter!r}, indicator is {ind.richting!r}: {s.tekst!r}")

    # a regional indicator gets questions written for it (for a real category, if it has them)
    if ind.is_regionaal and (categorie or not ind.categorieen):
        if not any(s.indicatoren for s in sjablonen):
            fout.append("geen vraag die voor deze indicator is geschreven")

    for v in vragen:
        if "{" in v or "}" in v:
            fout.append(f"placeholder niet ingevuld: {v!r}")
        if m := TEGEN[richting].search(v):
            fout.append(f"'{m.group(0)}' spreekt richting {richting!r} tegen: {v!r}")
        if m := NIET_BIJ[tijd].search(v):
            soort_vgl = "verandering in de tijd" if tijd else "verschil met elders"
            fout.append(f"'{m.group(0)}' past niet bij een {soort_vgl}: {v!r}")
        if categorie:
            # the own category's name may contain another's word ('overige gezondheidszorg')
            rest = v.replace(categorie_tekst(categorie), "")
            for andere in ind.categorieen:
                if andere != categorie and re.search(KENMERK[andere], rest, re.IGNORECASE):
                    fout.append(f"noemt categorie {andere!r} bij {categorie!r}: {v!r}")
    if categorie and categorie in KENMERK:
        if not any(re.search(KENMERK[categorie], v, re.IGNORECASE) for v in vragen):
            fout.append(f"geen vraag noemt de categorie {categorie!r}: {vragen}")
    return fout


@pytest.mark.parametrize(("ind_id", "categorie", "richting", "tijd"), CELLEN)
def test_vragen_passen_bij_bevinding(ind_id, categorie, richting, tijd):
    fout = fouten_in_cel(ind_id, categorie, richting, tijd)
    assert not fout, "\n".join(fout)


def test_matrix_is_volledig():
    """Every indicator and every category is in the matrix; every template is used."""
    cat = catalogus()
    verwacht = sum((1 + len(indicator(i).categorieen)) * 4 for i in cat["id"])
    assert len(CELLEN) == verwacht
    assert {c.values[0] for c in CELLEN} == set(cat["id"])
    gebruikt: set[tuple[str, str]] = set()
    for c in CELLEN:
        ind_id, categorie, richting, tijd = c.values
        gebruikt |= {
            (s.tekst, s.richting) for s in sjablonen_bij(ind_id, richting, tijd, categorie)
        }
    ongebruikt = [
        (soort, s.tekst)
        for soort, sets in SJABLONEN.items()
        for lijst in sets.values()
        for s in lijst
        if (s.tekst, s.richting) not in gebruikt and not s.is_algemeen
    ]
    assert not ongebruikt, "\n".join(f"{soort}: {tekst}" for soort, tekst in ongebruikt)


@pytest.mark.parametrize("beter", ["hoger_beter", "lager_beter", "geen"])
@pytest.mark.parametrize("soort", [s for s in SJABLONEN if s != "alle"])
def test_algemene_vragen_voor_een_nieuwe_indicator(monkeypatch, soort, beter):
    """An indicator without questions of its own gets the generic ones of its kind."""
    import impactkit.vragen as vragen

    nieuw = SimpleNamespace(id="nieuwe_indicator", thema="", richting=beter, naam="Nieuw cijfer")
    monkeypatch.setitem(vragen.SOORT_PER_INDICATOR, nieuw.id, soort)
    monkeypatch.setattr(vragen, "_catalogus", lambda _id: nieuw)
    fout = []
    for richting in ("hoger", "lager"):
        for tijd in (False, True):
            sjablonen = sjablonen_bij(nieuw.id, richting, tijd)
            v = vragen_bij(nieuw.id, richting, REGIO, "het nieuwe cijfer", tijd=tijd)
            if not any(s.soort == soort for s in sjablonen):
                fout.append(f"{richting}/{tijd}: geen algemene vraag voor {soort}")
            for s in sjablonen:
                if s.indicatoren or s.richting != richting or s.beter not in (None, beter):
                    fout.append(f"{richting}/{tijd}: past niet: {s.tekst!r}")
            for x in v:
                if "{" in x or TEGEN[richting].search(x) or NIET_BIJ[tijd].search(x):
                    fout.append(f"{richting}/{tijd}: {x!r}")
    assert not fout, "\n".join(fout)


# -- the declarations themselves ------------------------------------------------------------------


def _alle_sjablonen() -> list[tuple[str, str, Sjabloon]]:
    return [
        (soort, r, s)
        for soort, sets in SJABLONEN.items()
        for r, lijst in sets.items()
        for s in lijst
    ]


def test_sjablonen_verklaren_wat_ze_passen():
    ids = set(_ids())
    fout = []
    for soort, r, s in _alle_sjablonen():
        if set(SJABLONEN[soort]) != {"hoger", "lager"}:
            fout.append(f"{soort}: richtingen {set(SJABLONEN[soort])}")
        if s.richting != r or s.soort != soort:
            fout.append(f"{soort}/{r}: staat op de verkeerde plek: {s.tekst!r}")
        if onbekend := set(s.indicatoren) - ids:
            fout.append(f"onbekende indicator {onbekend}: {s.tekst!r}")
        for ind_id in s.indicatoren:
            if SOORT_PER_INDICATOR.get(ind_id) != soort:
                fout.append(f"{ind_id} is geen {soort}: {s.tekst!r}")
        if s.categorieen:
            bekend = {c for i in s.indicatoren for c in indicator(i).categorieen}
            if not s.indicatoren or set(s.categorieen) - bekend:
                fout.append(f"categorie {set(s.categorieen) - bekend} bestaat niet: {s.tekst!r}")
        velden = set(re.findall(r"{(\w*)}", s.tekst))
        if velden - TOEGESTANE_VELDEN:
            fout.append(f"onbekende placeholder {velden - TOEGESTANE_VELDEN}: {s.tekst!r}")
        if TEGEN[s.richting].search(s.tekst):
            fout.append(f"woord tegen de eigen richting {s.richting!r}: {s.tekst!r}")
    assert not fout, "\n".join(fout)


def test_elke_indicator_heeft_een_soort():
    assert set(SOORT_PER_INDICATOR) == set(_ids())
    assert set(SOORT_PER_INDICATOR.values()) <= set(SJABLONEN) - {"alle"}


def test_elke_categorie_heeft_een_naam_en_kenmerk():
    for ind_id in _ids():
        for c in indicator(ind_id).categorieen:
            assert c in KENMERK, (ind_id, c)
            if c in CATEGORIE_TEKST:
                assert re.search(KENMERK[c], categorie_tekst(c), re.IGNORECASE), (ind_id, c)


def test_richting_moet_hoger_of_lager_zijn():
    with pytest.raises(ValueError, match="hoger"):
        vragen_bij("hermeldingen", "gelijk", REGIO, "hermeldingen")


def test_onbekende_indicator_krijgt_algemene_vragen():
    v = vragen_bij("bestaat_niet", "hoger", REGIO, "iets", tijd=True)
    assert v and all("{" not in x for x in v)
    assert not any(TEGEN["hoger"].search(x) for x in v)


# -- the three bad cases from issue 10, and the worked example -------------------------------------


@pytest.mark.parametrize("tijd", [False, True])
@pytest.mark.parametrize("ind_id", ["duur_geweld_meldingen", "duur_geweld_adviezen"])
def test_minder_langdurig_geweld_is_geen_minder_ernstige_onveiligheid(ind_id, tijd):
    v = vragen_bij(ind_id, "lager", REGIO, _onderwerp(ind_id), tijd=tijd, categorie="> 5 jaar")
    assert not any("minder ernstige onveiligheid" in x for x in v)
    assert not any("pas in beeld" in x or "te laat" in x for x in v)


@pytest.mark.parametrize("tijd", [False, True])
def test_minder_meldingen_van_politie_noemt_de_politie(tijd):
    v = vragen_bij(
        "melder_type", "lager", REGIO, "wie meldt (type melder)", tijd=tijd, categorie="Politie"
    )
    assert not any("beroepsgroepen" in x.lower() for x in v)
    assert not any("signaleren minder" in x for x in v)
    assert sum("politie" in x for x in v) >= 2


def test_zaanstreek_waterland_langdurig_geweld_lager():
    """Worked example: > 5 jaar 1,4 % against 8,2 % nationally, so LOWER."""
    v = vragen_bij(
        "duur_geweld_meldingen",
        "lager",
        REGIO,
        "duur van het geweld bij meldingen",
        categorie="> 5 jaar",
    )
    assert not any("Komen gezinnen pas in beeld als het geweld al lang speelt" in x for x in v)
    assert not any("pas in beeld" in x for x in v)
    lang = [x for x in v if "langer dan vijf jaar" in x]
    assert any(re.search(r"herkend|vastgelegd|gezien", x) for x in lang), v


def test_zaanstreek_waterland_in_de_analyse():
    """The finding in the worked example carries the fitting questions."""
    from impactkit import analyseer

    b = analyseer(REGIO, "2021H1", [("duur_geweld_meldingen", "> 5 jaar")])
    rij = b[b.vergelijking == "landelijk"].iloc[0]
    assert rij.oordeel.endswith("lager")
    assert rij.vragen, "een opvallende bevinding hoort vragen te hebben"
    assert not any("pas in beeld" in x for x in rij.vragen)
    assert any("langer dan vijf jaar" in x and "vastgelegd" in x for x in rij.vragen)


def test_langdurig_geweld_hoger_vraagt_wel_naar_laat_signaleren():
    v = vragen_bij("duur_geweld_meldingen", "hoger", REGIO, "duur", categorie="> 5 jaar")
    assert any("pas in beeld" in x for x in v)


def test_ots_is_de_lichtste_maatregel():
    v = vragen_bij("ots_per_10000", "hoger", REGIO, "ondertoezichtstellingen per 10.000 inwoners")
    assert any("lichtste kinderbeschermingsmaatregel" in x for x in v)
    alle = [s.tekst for _, _, s in _alle_sjablonen()]
    assert not any("zwaarste" in t for t in alle)


def test_overdracht_noemt_de_partner():
    v = vragen_bij("overdracht_om", "lager", "Twente", "overdracht aan het OM")
    assert any("het Openbaar Ministerie" in x for x in v)
    v = vragen_bij("overdracht_rvdk", "hoger", "Twente", "overdracht aan de Raad", tijd=True)
    assert any("de Raad voor de Kinderbescherming" in x for x in v)


def test_burger_krijgt_eigen_vragen():
    v = vragen_bij("adviesvrager_type", "lager", "Twente", "wie vraagt advies", categorie="Burger")
    assert any("burgers" in x for x in v)
    assert not any("professionals" in x and "burgers" not in x for x in v)


def test_tijd_vragen_eerst_bij_verandering():
    v = vragen_bij("hermeldingen", "hoger", "Twente", "hermeldingen", tijd=True)
    assert "dan eerder" in v[0]
    assert any("Is de stijging blijvend" in x for x in v)
    v = vragen_bij("hermeldingen", "hoger", "Twente", "hermeldingen")
    assert not any("stijging" in x for x in v)


def test_eigennamen_in_onderwerp_blijven_hoofdletters():
    v = vragen_bij("om_instroom_hgkm", "hoger", "Twente", "huiselijkgeweldzaken bij het om")
    assert any("bij het OM" in x for x in v)
