"""Generated Dutch, tested like a statistic: the whole matrix of indicators, comparisons,
verdicts, directions and units, synthetic and over the practice data."""

from __future__ import annotations

import itertools
import re

import pytest

import impactkit as ik
from impactkit import zinnen as z
from impactkit.bevindingen import STANDAARD_INDICATOREN, analyseer
from impactkit.oordelen import (
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
)

VERDICTS = [OPVALLEND_HOGER, OPVALLEND_LAGER, KLEIN_VERSCHIL, MOGELIJK_TOEVAL, GEEN_VERSCHIL]
# (value, reference): clearly higher, clearly lower, equal after rounding, tiny but visible.
PAREN = [(55.63, 42.81), (1.4, 8.2), (2.61, 2.64), (0.66, 0.71), (31.5, 31.5), (1070.0, 995.0)]
CATALOGUS = ik.catalogus()
NAMEN = {r.id: r.naam for r in CATALOGUS.itertuples()}

SLECHT = [
    (
        r"(steeg|daalde) van ([\d.,]+%?) [^()]*? tot \2 ",
        "stijging of daling tussen gelijke waarden",
    ),
    (r"[−+-]0,0\b", "nul met een teken"),
    (
        r"(?<![\d,.])0(,0)? (procentpunt|per 10\.000 inwoners) (meer|minder)",
        "nul als verschil met richting",
    ),
    (r"\(en\)", "enkel- en meervoud tegelijk"),
    (r"\bin [12]e halfjaar\b", "periode zonder lidwoord"),
    (r"verschil te klein om te tellen|kan toeval zijn|mogelijk toeval,", "oud oordeelwoord"),
    (r"\{|\}", "niet ingevulde plaatshouder"),
    (r"  |\s\.|\.\.", "dubbele spatie of punt"),
    (r"\bnan\b|<NA>|None", "ontbrekende waarde in de tekst"),
    (r"(\d),(\d{3})\b(?!,)", "Engelse duizendtallen"),
]


def fouten_in(tekst: str, verdict: str | None = None) -> list[str]:
    gevonden = [uitleg for patroon, uitleg in SLECHT if re.search(patroon, tekst)]
    # Indicator names keep a capital only at the start of a sentence.
    for naam in NAMEN.values():
        if (
            len(naam) > 1
            and naam[1].islower()
            and re.search(rf"[a-z,;:] {re.escape(naam)}\b", tekst)
        ):
            gevonden.append(f"naam met hoofdletter midden in de zin: {naam}")
    if verdict == MOGELIJK_TOEVAL and re.search(
        r"opvallend|duidelijk|hoger dan landelijk|lager dan landelijk", tekst
    ):
        gevonden.append("richting of 'opvallend' bij mogelijk toeval")
    if verdict in (OPVALLEND_HOGER, OPVALLEND_LAGER) and "toeval berusten" in tekst:
        gevonden.append("opvallend en toeval tegelijk")
    # A stated difference equals the difference of the values as shown.
    m = re.search(
        r"was in .*? ([\d.,]+)(%| per 10\.000 inwoners)? \(95%.*?; in heel Nederland "
        r"([\d.,]+)%?\. .*?([\d.,]+) (procentpunt|per 10\.000)",
        tekst,
    )
    if m:
        a, b, d = (float(x.replace(".", "").replace(",", ".")) for x in (m[1], m[3], m[4]))
        if abs(abs(a - b) - d) > 0.051:
            gevonden.append(f"verschil {d} past niet bij {a} en {b}")
    return gevonden


def _items():
    for r in CATALOGUS.itertuples():
        ind = ik.indicator(r.id)
        for cat in ind.categorieen or [None]:
            yield ind, cat


@pytest.mark.parametrize("ind,cat", list(_items()), ids=lambda x: getattr(x, "id", str(x)))
def test_synthetische_matrix(ind, cat):
    problemen = []
    p, eerder = ik.Periode.parse("2021H1"), ik.Periode.parse("2020H1")
    for (w, ref), verdict in itertools.product(PAREN, VERDICTS):
        if (verdict == OPVALLEND_HOGER and w <= ref) or (verdict == OPVALLEND_LAGER and w >= ref):
            continue  # a verdict always has the sign of the difference it judges
        zinnen = [
            z.zin_landelijk(
                ind,
                "Twente",
                p,
                w,
                w - 1,
                w + 1,
                ref,
                verdict,
                rang=3.0,
                aantal_regios=26.0,
                categorie=cat,
            ),
            z.zin_tijd(ind, "Twente", p, eerder, w, ref, verdict, categorie=cat),
            z.zin_aantal(ind, "Twente", p, w),
        ]
        for keer in (None, "2020H1"):
            waarden = {"2019H1": ref, "2020H1": w, "2021H1": (w + ref) / 2}
            vl = {
                "start": "2019H1",
                "keerpunt": keer,
                "eind": "2021H1",
                "regio_waarden": waarden,
                "landelijke_waarden": {k: v * 0.9 for k, v in waarden.items()},
                "verschil": w - ref,
                "laag": w - ref - 2,
                "hoog": w - ref + 2,
                "oordeel": verdict,
            }
            zinnen.append(z.zin_verloop(ind, "Twente", vl, categorie=cat))
        for zin in zinnen:
            problemen += [
                f"{verdict}, {w} vs {ref}: {f}\n    {zin}" for f in fouten_in(zin, verdict)
            ]
    assert problemen == []


@pytest.mark.parametrize("periode", ["2021H1", "2024H1"])
def test_alle_regios_over_de_oefendata(periode):
    df = ik.laad()
    items = [
        *STANDAARD_INDICATOREN,
        ("aard_geweld", "Kindermishandeling"),
        ("melder_type", "Politie"),
        ("duur_geweld_meldingen", "≤ 1 week"),
    ]
    problemen, aantal = [], 0
    for code in ik.regios(periode=periode).query("soort == 'vt'")["code"]:  # VT27 from 2023
        try:
            ik.regio(code)
        except ik.ImpactkitFout:
            continue
        b = analyseer(code, periode, items, data=df)
        for rij in b.itertuples():
            aantal += 1
            problemen += [
                f"{code} {rij.indicator} {rij.vergelijking}: {f}\n    {rij.tekst}"
                for f in fouten_in(rij.tekst, rij.oordeel)
            ]
    assert aantal > 500
    assert problemen == []


def test_onderwerp_zegt_wat_er_veranderde():
    assert z.onderwerp(ik.indicator("hermeldingen")) == "het aandeel hermeldingen"
    assert (
        z.onderwerp(ik.indicator("melder_type"), "Politie")
        == "het aandeel meldingen van de politie"
    )
    assert z.onderwerp(ik.indicator("adviesvrager_type"), "Huisarts") == (
        "het aandeel adviezen gevraagd door huisartsen"
    )
    # Every category of who reports reads as Dutch (no raw category title after 'met als').
    for ind_id in ("melder_type", "adviesvrager_type"):
        for cat in ik.indicator(ind_id).categorieen:
            if cat != "Onbekend":
                assert "met als" not in z.onderwerp(ik.indicator(ind_id), cat), cat
    assert z.in_periode("2021H2") == "in het tweede halfjaar van 2021"
    assert z.in_periode("2023") == "in 2023"


def test_gelijke_afgeronde_waarden_heten_gelijk():
    ind = ik.indicator("overdracht_rvdk")
    zin = z.zin_tijd(ind, "Twente", "2021H1", "2020H1", 2.61, 2.64, MOGELIJK_TOEVAL)
    assert "gelijk gebleven" in zin and "steeg" not in zin and "daalde" not in zin
