"""Direction words never contradict the figures (issue 21).

(a) The phrase table of :func:`impactkit.zinnen.ontwikkeling_tegenover_land` over every
combination of the region's change, Nederland's change and the verdict. (b) Over the practice
data: the sentences, questions and synthesis answers of every course-over-time finding.
"""

import re

import pandas as pd
import pytest

from impactkit.indicatoren import indicator
from impactkit.oordelen import OPVALLEND_HOGER, OPVALLEND_LAGER
from impactkit.opmaak import EENHEID_DECIMALEN, afronden
from impactkit.regioindeling import regios
from impactkit.vragen import neutrale_vragen
from impactkit.zinnen import (
    onderwerp,
    ontwikkeling_tegenover_land,
    periode_tekst,
    richting_van,
)
from tests.antwoordmatrix import alle_antwoorden

MINIMUM = 1.0
REGIO_D = {"groot +": 3.0, "klein +": 0.4, "0": 0.0, "klein −": -0.4, "groot −": -3.0}
LAND_D = {"+": 2.0, "0": 0.0, "−": -2.0}

STIJGT = re.compile(r"\b(steeg|gestegen|toegenomen|toename|stijging)\b")
DAALT = re.compile(r"\b(daalde|gedaald|afgenomen|afname|daling)\b")


def _regiodeel(zin: str) -> str:
    """What a phrase says about the region: up to the national part."""
    return re.split(r",| dan landelijk|\(", zin, maxsplit=1)[0]


def _controleer(regiodeel: str, heel: str, d_r: float, minimum: float) -> None:
    if d_r <= 0 or richting_van(d_r, minimum) == 0:
        assert not STIJGT.search(regiodeel), heel
    if d_r >= 0 or richting_van(d_r, minimum) == 0:
        assert not DAALT.search(regiodeel), heel
    if "duidelijk" in heel:
        assert abs(d_r) >= minimum, heel


@pytest.mark.parametrize("bijzin", [False, True])
@pytest.mark.parametrize("verdict", [OPVALLEND_HOGER, OPVALLEND_LAGER])
@pytest.mark.parametrize("land", LAND_D)
@pytest.mark.parametrize("eigen", REGIO_D)
def test_tabel_spreekt_de_cijfers_niet_tegen(eigen, land, verdict, bijzin):
    d_r, d_n = REGIO_D[eigen], LAND_D[land]
    if (d_r - d_n > 0) != (verdict == OPVALLEND_HOGER) or d_r == d_n:
        pytest.skip("dit oordeel kan bij deze veranderingen niet")
    zin = ontwikkeling_tegenover_land("Twente", d_r, d_n, verdict, MINIMUM, bijzin=bijzin)
    regiodeel = _regiodeel(zin)
    _controleer(regiodeel, zin, d_r, MINIMUM)
    if richting_van(d_r, MINIMUM) == 0:
        assert "nauwelijks" in regiodeel
    assert "duidelijk" in zin or abs(d_r) < MINIMUM or re.search(r"sterk", zin)
    assert ("{" not in zin) and (bijzin or zin.startswith("in Twente "))
    if richting_van(d_n, MINIMUM) == 0 and "landelijk" in zin.split(",")[-1]:
        assert not re.search(r"landelijk (steeg|daalde)", zin), zin


def test_tabel_bij_een_oordeel_dat_de_cijfers_niet_volgen():
    # Rounding can make the shown changes disagree with the verdict: then only the movements.
    zin = ontwikkeling_tegenover_land("Twente", -2.0, -3.0, OPVALLEND_LAGER, MINIMUM)
    assert zin == "in Twente daalde het, en landelijk daalde het"
    assert "sterk" not in zin


def test_utrecht_ots_voorbeeld():
    # Utrecht, OTS per 10.000: fell from 2,1 to 1,7 while Nederland fell more.
    zin = ontwikkeling_tegenover_land("Utrecht", -0.4, -0.9, OPVALLEND_HOGER, 0.2, bijzin=True)
    assert zin == "minder sterk is gedaald dan landelijk"


PERIODEN = ("2021H1", "2022H2", "2024H2")
NEUTRAAL_VERBODEN = re.compile(STIJGT.pattern + "|" + DAALT.pattern + r"|\bnu (minder|meer)\b")


def _regio_namen(periode: str) -> list[str]:
    return list(regios(periode=periode).query("soort == 'vt'")["naam"])


def _eigen(rij) -> tuple[float, int]:
    dec = EENHEID_DECIMALEN.get(rij["eenheid"], 1)
    d_r = round(afronden(rij["waarde"], dec) - afronden(rij["referentiewaarde"], dec), dec)
    return d_r, richting_van(d_r, rij["minimum"])


def _antwoordzinnen(synthese) -> str:
    delen = [synthese.antwoord, synthese.kern]
    if "antwoord" in synthese.deelvragen:
        delen += [str(t) for t in synthese.deelvragen["antwoord"]]
    return " ".join(delen)


@pytest.mark.parametrize("periode", PERIODEN)
def test_oefendata_verloop_zonder_tegenspraak(periode):
    """Over the answer matrix (every region x start question, ``tests/antwoordmatrix.py``)."""
    gevonden = {"tekst": 0, "antwoord": 0}
    per_regio: dict[str, list] = {}
    for a in alle_antwoorden():
        if a.periode == periode:
            per_regio.setdefault(a.regio, []).append(a)
    for regio_antwoorden in per_regio.values():
        verloop = pd.concat([a.bevindingen for a in regio_antwoorden], ignore_index=True)
        verloop = verloop[(verloop["vergelijking"] == "verloop") & verloop["opvallend"]]
        verloop = verloop.drop_duplicates(["indicator", "categorie", "referentie"])
        antwoorden = " ".join(_antwoordzinnen(a.synthese) for a in regio_antwoorden)
        for _, rij in verloop.iterrows():
            d_r, eigen = _eigen(rij)
            regio = rij["regio"]
            # the sentence of the finding: the comparison starts with 'In <regio> '
            for zin in re.findall(rf"In {re.escape(regio)} [^.]*\.", rij["tekst"]):
                gevonden["tekst"] += 1
                _controleer(_regiodeel(zin), rij["tekst"], d_r, rij["minimum"])
            # the questions: rise/fall only when the region itself moved that way, clearly
            verdict_richting = 1 if rij["oordeel"] == OPVALLEND_HOGER else -1
            if eigen != verdict_richting:
                assert rij["vragen"] == neutrale_vragen(regio), (regio, rij["indicator"])
            for vraag in rij["vragen"]:
                if eigen <= 0:
                    assert not STIJGT.search(vraag), vraag
                if eigen >= 0:
                    assert not DAALT.search(vraag), vraag
                if eigen == 0:
                    assert not NEUTRAAL_VERBODEN.search(vraag), vraag
            # the synthesis answer: the predicate after 'tussen <start> en <eind> '
            ind = indicator(rij["indicator"])
            cat = rij["categorie"] if isinstance(rij["categorie"], str) else None
            start, eind = rij["referentie"].split("–")
            kop = (
                f"{onderwerp(ind, cat)} in {regio} tussen {periode_tekst(start)} en "
                f"{periode_tekst(eind)} "
            )
            for gezegde in re.findall(re.escape(kop) + r"([^.;]*)", antwoorden):
                gezegde = re.split(r",? en dat ", gezegde)[0]  # the next claim is another's
                gevonden["antwoord"] += 1
                _controleer(_regiodeel(gezegde), gezegde, d_r, rij["minimum"])
                assert "ten opzichte van landelijk" not in gezegde
    assert gevonden["tekst"] > 0
