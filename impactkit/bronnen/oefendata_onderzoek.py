"""Research indicators of the practice data: prevalence, OM and rechtspraak, the cohort study.

Called by :func:`impactkit.bronnen.oefendata.genereer` after the half-yearly Veilig Thuis
series; national figures except the cohort study, which has 13 regions and one measurement.
"""

from __future__ import annotations

import numpy as np

from ..perioden import Periode
from ..regioindeling import NEDERLAND, regio
from .oefendata_doelen import PERIODEN, REGIO_INDICATOREN_COHORT
from .oefendata_ruis import rond5


def voeg_onderzoek_toe(gen) -> None:
    """Add the research indicators to ``gen`` (the generator of :mod:`.oefendata`).

    At their own frequency and level, all invented but plausible. ``gen`` has ``rng`` (its
    random stream, drawn from after the half-yearly series) and ``voeg_toe`` (adds one row).
    """
    rng = gen.rng
    # National prevalence (Prevalentiemonitor, every two years): 8 % (2020), 9 % (2022) as
    # published; 2024 invented.
    for jaar, pct in [(2020, 8.0), (2022, 9.0), (2024, 8.8)]:
        gen.voeg_toe("prevalentie_huiselijk_geweld", NEDERLAND, Periode(jaar), pct, None, None, "%")
    for jaar, pct in [(2021, 3.4)]:
        gen.voeg_toe(
            "prevalentie_kindermishandeling", NEDERLAND, Periode(jaar), pct, None, None, "%"
        )
    # burgers_handelen is advised but not yet measured: no practice data.
    for ind, basis in [("vermoeden_getuige", 11.5), ("gepraat_over_vermoeden", 62.0)]:
        for j, jaar in enumerate((2020, 2022, 2024)):
            gen.voeg_toe(ind, NEDERLAND, Periode(jaar), round(basis + 0.6 * j, 1), None, None, "%")
    for jaar in range(2019, 2024):
        n = int(rng.integers(38, 52))
        gen.voeg_toe(
            "slachtoffers_moord_doodslag", NEDERLAND, Periode(jaar), float(n), n, None, "aantal"
        )
    for jaar, pct in [(2019, 31.0), (2021, 29.5)]:
        gen.voeg_toe("recidive_plegers", NEDERLAND, Periode(jaar), pct, None, None, "%")
    for t, p in enumerate(PERIODEN):
        if p >= Periode(2021, 1):
            n = 5 * int(round((9100 - 60 * t + rng.normal(0, 80)) / 5))
            gen.voeg_toe("om_instroom_hgkm", NEDERLAND, p, float(n), n, None, "aantal")
    # Half-yearly (seed 001, appendix 2): the invented year totals, split 49/51 over the halves.
    for jaar in (2021, 2022, 2023):
        n = 5 * int(round((5600 - 150 * (jaar - 2021) + rng.normal(0, 60)) / 5))
        h1 = rond5(0.49 * n)
        for halfjaar, aantal in [(1, h1), (2, n - h1)]:
            gen.voeg_toe(
                "zm_eindvonnissen",
                NEDERLAND,
                Periode(jaar, halfjaar),
                float(aantal),
                aantal,
                None,
                "aantal",
            )

    # Cohort study (Verwey-Jonker): 13 regions only, one measurement (2020); Nederland = the 13
    # regions together. Counts are respondents (families), not rounded to 5.
    codes = [regio(naam).code for naam in REGIO_INDICATOREN_COHORT]
    gezinnen = rng.integers(30, 62, len(codes))
    gestopt_p = np.clip(rng.normal(0.30, 0.06, len(codes)), 0.15, 0.45)
    gestopt = np.round(gezinnen * gestopt_p).astype(int)
    # Re-scale so the 13 regions together give the published 30 %.
    tekort = int(round(0.30 * gezinnen.sum())) - gestopt.sum()
    gestopt[np.argsort(-gezinnen)[: abs(tekort)]] += int(np.sign(tekort))
    relatie_p = np.clip(rng.normal(0.45, 0.07, len(codes)), 0.25, 0.65)
    relatie = np.round(gezinnen * relatie_p).astype(int)
    p2020 = Periode(2020)
    for ind, teller in [("geweld_gestopt", gestopt), ("opvoedingsrelatie_verbeterd", relatie)]:
        for code, t, n in zip(
            [NEDERLAND, *codes], [teller.sum(), *teller], [gezinnen.sum(), *gezinnen]
        ):
            gen.voeg_toe(ind, code, p2020, 100.0 * t / n, int(t), int(n), "%")
    for ind, gem, sd, eenheid in [
        ("welzijn_clienten", 6.6, 0.3, "score"),
        ("ervaren_veiligheid", 7.1, 0.3, "score"),
        ("tevredenheid_hulp", 6.9, 0.35, "score"),
        ("aantal_hulpinstellingen", 3.4, 0.4, "gemiddelde"),
    ]:
        scores = np.round(rng.normal(gem, sd, len(codes)), 1)
        landelijk = round(float(np.average(scores, weights=gezinnen)), 1)
        for code, s, n in zip(
            [NEDERLAND, *codes], [landelijk, *scores], [gezinnen.sum(), *gezinnen]
        ):
            gen.voeg_toe(ind, code, p2020, float(s), None, int(n), eenheid)
