"""Generate the practice data ('oefendata'): synthetic, deterministic, calibrated.

The practice data let trainers and coordinators learn every step of the plan without real
figures. They are generated here, from a fixed seed, and written to
``data/oefendata/observaties.csv``; a test regenerates them and compares byte for byte.

What is calibrated (the targets are the constants of :mod:`impactkit.bronnen.oefendata_doelen`;
``tests/test_oefendata.py`` checks each):

* national half-year totals of adviezen and meldingen (CBS Impactmonitor 2022, table 4.1, for
  2019H1-2022H1; StatLine 84849NED for the year 2023; CBS news for 2024H1), national OTS starts
  (CBS jeugdbescherming), the published shares of type adviesvrager (2020H1, 2021H1, 2022H1),
  police meldingen (2019H2, 2021H2), hermeldingen (38 % in 2022H1) and acute/structurele
  onveiligheid (5 % and 40 % in 2021);
* regional totals published for Drenthe (2023) and the three Gelderland regions (2023), and the
  lowest/highest hermeldingen shares (Gooi en Vechtstreek 20,6 %, Zuid-Limburg 52,5 %, 2022H1);
* casussen (``casussen_vt``): CBS 'Casussen met ontvangen melding(en)' (84850/84851NED), the
  casussen with at least one received melding in the period. This is not adviezen + meldingen:
  adviezen without a melding do not count and several meldingen about one casus count once, so a
  region never has more casussen than meldingen. The only published total in our reference data
  is Drenthe (VT) 2023: 1.495 casussen against 1.905 meldingen (and 2.960 adviezen). The practice
  data reproduce that figure exactly and use its ratio (1.495 / 1.905 = 0,785 casussen per
  melding) as the national level for every half-year; no national total of casussen is
  published there (84850NED only gives the mensenhandel subset, 470 casussen in 2023);
* Zaanstreek-Waterland in 2021H1 as in the worked example of the step plan: 55,6 % acuut en/of
  structureel onveilig (Nederland 42,8 %), 61 % duur <= 1 week and 1,4 % > 5 jaar, 2,2 OTS per
  10.000 inwoners, no overdracht to the OM and 0,7 % of the casussen to the RvdK, and a rise of
  the unsafe share up to 2020H2, larger than the national rise, followed by a fall.

The overdracht shares (politie, OM, RvdK) are shares of the casussen, as CBS defines them. Because
counts from 1 to 9 are suppressed, 0,7 % needs at least 10 overdrachten and so at least 1.335
casussen (10 / 1.335 = 0,75 %), more than the 1.070 meldingen the example region had in earlier
versions of the practice data. Zaanstreek-Waterland therefore has 1.475 meldingen and 1.350
casussen in 2021H1 (10 / 1.350 = 0,7 %; 820, 900 and 20 of 1.475 meldingen give 55,6 %, 61 % and
1,4 %). Only 1.385 to 1.480 meldingen fit all four figures without raising the region far above
the national rate; 1.475 gives the lowest ratio of casussen to meldingen (0,92, against 0,785
nationally), so Zaanstreek-Waterland is a region with few meldingen per casus. The worked example
itself gives no count of meldingen.

Everything else (regional differences, trends, categories without a published figure, the
national overdracht shares) is invented, plausibly. Indicators the catalogue marks as not yet
measurable (such as ``burgers_handelen``) have no practice data. Counts are multiples of 5, as
CBS rounds them; regional counts add up to the national count exactly; counts from 1 to 9 are
suppressed (see :mod:`impactkit.onderdrukking`).

Each region has a smooth path (level, trend, a fixed regional effect per share or category), but
its value in a half-year is drawn around that path, as rough as real registrations: an extra
deviation per half-year plus binomial, multinomial or Poisson chance, then rounding to fives
(:mod:`impactkit.bronnen.oefendata_ruis`, from separate random streams). The calibrated cells
above are pinned and carry no noise; the pinned regions' other half-years do. Zaanstreek-
Waterland's unsafe share is pinned from 2019H1 to 2021H2, the rise and fall of the example.
Every row carries ``herkomst = "oefendata"``.

Regions follow CBS's division per period (``data/cbs/regio_overgangen.csv``): from 2023 CBS
reports Oost-Brabant (VT27) instead of Brabant Noordoost (VT16) and Zuidoost-Brabant (VT26), so
the practice data have VT27 rows from 2023H1 and no VT16 or VT26 rows after 2022. The figures
are generated for the 26 regions of 2022 and the two old regions are then added up (tellers and
noemers; percentages and rates computed again), so every other region, every national total and
every calibration target is the same as without the merger.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..fouten import DataFout
from ..observaties import DTYPES, met_regionaam
from ..observaties import KOLOMMEN as TIDY_KOLOMMEN
from ..onderdrukking import onderdruk
from ..paden import data_pad
from ..perioden import Periode
from ..regioindeling import NEDERLAND, regio_overgangen, regios
from .oefendata_doelen import (
    AARD,
    AARD_AANDELEN,
    ACUUT_NL,
    ACUUT_OOK_STRUCTUREEL,
    ADVIESVRAGER,
    ADVIESVRAGER_GEPUBLICEERD,
    CASUSSEN_PER_MELDING_NL,
    CASUSSEN_PER_MELDING_ZW,
    CASUSSEN_VAST,
    DUUR,
    DUUR_ADVIEZEN,
    DUUR_MELDINGEN,
    HERMELDINGEN_NL,
    HERMELDINGEN_VAST,
    LANDELIJK_TOTAAL,
    MELDER,
    MELDER_OVERIG,
    ONVEILIG_NL,
    ONVEILIG_ZW,
    OVERDRACHT_NL,
    PERIODEN,
    POLITIE_AANDEEL,
    REGIO_INDICATOREN_COHORT,  # noqa: F401 (the book and the tests read it here)
    VASTE_REGIOWAARDEN,
    VERVOLG,
    VERVOLG_AANDELEN,
    ZW_DUUR,
)
from .oefendata_onderzoek import voeg_onderzoek_toe
from .oefendata_ruis import (
    binaire_effecten,
    logit,
    rond5,
    ruisbron,
    ruwe_aandelen,
    ruwe_aantallen,
    ruwe_verdeling,
    verdeel_categorieen,
    verdeel_in_vijftallen,
)

SEED = 20_190_101
VOORLOPIG_VANAF = Periode(2024, 1)
HERKOMST = "oefendata"
# The tidy columns without the region name (added when the file is loaded).
KOLOMMEN = [k for k in TIDY_KOLOMMEN if k != "regio"]


@dataclass
class _Generator:
    """Holds the random state and the region arrays while the tables are built."""

    rng: np.random.Generator
    codes: list[str]
    inwoners: np.ndarray
    seed: int = SEED
    rijen: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The noise of the distributions over categories, drawn half-year after half-year.
        self.toeval = ruisbron(self.seed, "verdelingen")

    def verdeel(self, totalen, aandelen, effecten, vast=None) -> np.ndarray:
        """One half-year's region x category counts: drawn around the regions' effects."""
        getrokken = ruwe_verdeling(self.toeval, totalen, aandelen, effecten)
        return verdeel_categorieen(totalen, aandelen, getrokken, vast)

    @property
    def n(self) -> int:
        return len(self.codes)

    def index(self, code: str) -> int:
        return self.codes.index(code)

    # -- rows ------------------------------------------------------------------------------
    def voeg_toe(self, indicator, code, periode, waarde, teller, noemer, eenheid, categorie=None):
        self.rijen.append(
            {
                "indicator": indicator,
                "regio_code": code,
                "periode": str(periode),
                "categorie": categorie,
                "waarde": waarde,
                "teller": teller,
                "noemer": noemer,
                "eenheid": eenheid,
                "status": "voorlopig" if (periode.jaar >= VOORLOPIG_VANAF.jaar) else "definitief",
            }
        )

    def voeg_aantallen_toe(self, indicator, periode, regio_aantallen: np.ndarray) -> None:
        for code, x in zip([NEDERLAND, *self.codes], [regio_aantallen.sum(), *regio_aantallen]):
            self.voeg_toe(indicator, code, periode, float(x), int(x), None, "aantal")

    def voeg_aandelen_toe(self, indicator, periode, tellers, noemers, categorie=None) -> None:
        alle_t = [tellers.sum(), *tellers]
        alle_n = [noemers.sum(), *noemers]
        for code, t, n in zip([NEDERLAND, *self.codes], alle_t, alle_n):
            waarde = 100.0 * t / n if n > 0 else np.nan
            self.voeg_toe(indicator, code, periode, waarde, int(t), int(n), "%", categorie)

    def voeg_ratio_toe(self, indicator, periode, tellers) -> None:
        alle_t = [tellers.sum(), *tellers]
        alle_n = [self.inwoners.sum(), *self.inwoners]
        for code, t, n in zip([NEDERLAND, *self.codes], alle_t, alle_n):
            waarde = 10_000.0 * t / n
            self.voeg_toe(indicator, code, periode, waarde, int(t), int(n), "per 10.000 inwoners")


def _verwacht(gen: _Generator, niveau: np.ndarray, helling: np.ndarray, t: int) -> np.ndarray:
    return gen.inwoners * niveau * np.exp(helling * (t - 5.5) / 2.0)


def _tijdvakken(per: str) -> list[int]:
    """The half-year indices a target period ('2021H1' or '2023') covers."""
    return [t for t, p in enumerate(PERIODEN) if str(p) == per or str(p.jaar) == per]


def _reeks_aantallen(gen: _Generator, indicator: str, spreiding: float) -> np.ndarray:
    """Region x period counts for a count indicator, fitted to national and fixed values.

    The smooth path (level, trend, a small wiggle) comes from the generator's stream; each
    half-year's count is then drawn around it (:func:`ruwe_aantallen`) and the drawn counts are
    scaled to the national total in multiples of 5. Fixed values are met exactly; a fixed year
    total is split over its half-years by a binomial draw.
    """
    totaal = LANDELIJK_TOTAAL[indicator]
    niveau = np.exp(gen.rng.normal(0.0, spreiding, gen.n))
    helling = gen.rng.normal(0.0, 0.04, gen.n)
    ruis = np.exp(gen.rng.normal(0.0, 0.02, (len(PERIODEN), gen.n)))
    vaste = VASTE_REGIOWAARDEN.get(indicator, [])
    toeval = ruisbron(gen.seed, indicator)

    def aandeel(t: int) -> np.ndarray:
        w = _verwacht(gen, niveau, helling, t) * ruis[t]
        return w / w.sum()

    # Calibrate the levels so the fixed regions' other periods are consistent with the fixed ones.
    for _ in range(30):
        for code, per, waarde in vaste:
            i = gen.index(code)
            verwacht = sum(aandeel(t)[i] * totaal[t] for t in _tijdvakken(per))
            niveau[i] *= waarde / verwacht

    vast: dict[tuple[int, int], int] = {}
    for code, per, waarde in vaste:
        i = gen.index(code)
        ts = _tijdvakken(per)
        if len(ts) == 1:
            vast[(ts[0], i)] = waarde
            continue
        e1, e2 = (aandeel(t)[i] * totaal[t] for t in ts)
        h1 = rond5(toeval.binomial(waarde, e1 / (e1 + e2)))
        vast[(ts[0], i)], vast[(ts[1], i)] = h1, waarde - h1

    uit = np.zeros((len(PERIODEN), gen.n), dtype=int)
    for t in range(len(PERIODEN)):
        getrokken = ruwe_aantallen(toeval, aandeel(t) * totaal[t])
        vrij = np.array([(t, i) not in vast for i in range(gen.n)])
        rest = totaal[t] - sum(w for (tv, _), w in vast.items() if tv == t)
        uit[t, vrij] = verdeel_in_vijftallen(rest, getrokken[vrij])
        for (tv, i), waarde in vast.items():
            if tv == t:
                uit[t, i] = waarde
    return uit


def _effecten(gen: _Generator, k: int, spreiding: float) -> np.ndarray:
    return np.clip(gen.rng.normal(0.0, spreiding, (gen.n, k)), -2 * spreiding, 2 * spreiding)


def _binair(
    gen: _Generator,
    noemers: np.ndarray,
    aandelen_nl: list[float],
    spreiding: float,
    toeval: np.random.Generator,
    paden: dict[str, list[float]] | None = None,
    vast: dict[str, dict[int, int]] | None = None,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Region x period counts of 'ja' for a yes/no share, national share met per period.

    Each region has a fixed effect (log-odds, drawn from ``rng``, default the generator's own
    stream) or its own path of shares (``paden``: code -> share per period). Every half-year the
    teller is drawn from ``toeval`` around that share (:func:`ruwe_aandelen`), and the drawn
    tellers are fitted to the national share in multiples of 5. ``vast`` pins cells (code ->
    {period index: count of 'ja'}).
    """
    effect = (rng or gen.rng).normal(0.0, spreiding, gen.n)
    effect = np.clip(effect, -1.6 * spreiding, 1.6 * spreiding)
    uit = np.zeros_like(noemers)
    for t in range(len(PERIODEN)):
        p = aandelen_nl[t]
        if np.isnan(p):
            uit[t] = -1
            continue
        logits = logit(p) + effect
        for code, pad in (paden or {}).items():
            logits[gen.index(code)] = logit(pad[t])
        getrokken = ruwe_aandelen(toeval, noemers[t], logits)
        vaste_rijen = {}
        for code, cellen in (vast or {}).items():
            if t in cellen:
                i = gen.index(code)
                vaste_rijen[i] = np.array([cellen[t], noemers[t, i] - cellen[t]])
        effecten = binaire_effecten(getrokken, noemers[t], p)
        m = verdeel_categorieen(noemers[t], np.array([p, 1 - p]), effecten, vaste_rijen)
        uit[t] = m[:, 0]
    return uit


def _casussen(gen: _Generator, meldingen: np.ndarray) -> np.ndarray:
    """Region x period casussen with at least one received melding (never more than meldingen).

    The fixed values of ``CASUSSEN_VAST`` are met exactly (a year figure is split over its
    half-years by a binomial draw on the meldingen); in their other periods the fixed regions
    follow their own ratio, with noise. The regional effects come from a separate stream, so
    adding this indicator left every other random draw of the generator unchanged.
    """
    toeval = ruisbron(gen.seed, "casussen")
    verhouding = {"VT02": CASUSSEN_PER_MELDING_NL, "VT22": CASUSSEN_PER_MELDING_ZW}
    paden = {code: [v] * len(PERIODEN) for code, v in verhouding.items()}
    vast: dict[str, dict[int, int]] = {}
    for code, (per, waarde) in CASUSSEN_VAST.items():
        i = gen.index(code)
        ts = _tijdvakken(per)
        if len(ts) == 1:
            vast[code] = {ts[0]: waarde}
            continue
        m1, m2 = meldingen[ts, i]
        h1 = rond5(toeval.binomial(waarde, m1 / (m1 + m2)))
        vast[code] = {ts[0]: h1, ts[1]: waarde - h1}
    rng = np.random.default_rng((gen.seed, 84851))
    nl = [CASUSSEN_PER_MELDING_NL] * len(PERIODEN)
    return _binair(gen, meldingen, nl, 0.2, toeval, paden=paden, vast=vast, rng=rng)


def genereer(seed: int = SEED) -> pd.DataFrame:
    """Build the complete practice table (tidy, one row per indicator x region x period x category)."""
    vt = regios().query("soort == 'vt'")
    gen = _Generator(
        rng=np.random.default_rng(seed),
        codes=vt["code"].tolist(),
        inwoners=vt["inwoners"].to_numpy(dtype=np.int64),
        seed=seed,
    )
    t_2021h1 = PERIODEN.index(Periode(2021, 1))

    adviezen = _reeks_aantallen(gen, "adviezen", 0.18)
    meldingen = _reeks_aantallen(gen, "meldingen", 0.15)
    ots = _reeks_aantallen(gen, "ots", 0.20)
    rvdk = _reeks_aantallen(gen, "rvdk_onderzoeken", 0.20)
    thv = _reeks_aantallen(gen, "tijdelijk_huisverbod", 0.25)

    # Distributions (effects fixed per region over time, so regions keep their character).
    eff_advies = _effecten(gen, len(ADVIESVRAGER), 0.25)
    eff_melder = _effecten(gen, len(MELDER), 0.25)
    eff_duur_m = _effecten(gen, len(DUUR), 0.15)
    eff_duur_a = _effecten(gen, len(DUUR), 0.15)
    eff_aard = _effecten(gen, len(AARD), 0.2)
    eff_vervolg = _effecten(gen, len(VERVOLG), 0.3)

    reeksen = {"adviezen": adviezen, "meldingen": meldingen, "ots": ots, "rvdk": rvdk, "thv": thv}
    reeksen.update(_aandelen_reeksen(gen, meldingen))
    effecten = {
        "advies": eff_advies,
        "melder": eff_melder,
        "duur_m": eff_duur_m,
        "duur_a": eff_duur_a,
        "aard": eff_aard,
        "vervolg": eff_vervolg,
    }
    for t, p in enumerate(PERIODEN):
        _voeg_periode_toe(gen, t, p, reeksen, effecten, t_2021h1)

    voeg_onderzoek_toe(gen)

    df = pd.DataFrame(_volg_regio_overgangen(gen.rijen), columns=KOLOMMEN[:-2])
    df["herkomst"] = HERKOMST
    df = onderdruk(df)
    return _ordenen(df)


def _aandelen_reeksen(gen: _Generator, meldingen: np.ndarray) -> dict:
    """The yes/no shares of the meldingen and casussen, as region x period tellers."""
    t_2021h2 = PERIODEN.index(Periode(2021, 2))
    t_2022h1 = PERIODEN.index(Periode(2022, 1))
    zw = gen.index("VT22")
    # A small spread keeps Zaanstreek-Waterland among the regions with the highest unsafe
    # share, as on the worked example's map. Its path up to 2021H2 is the example's rise and
    # fall, so it is pinned; from 2022 it has noise like every other region.
    zw_onveilig = {t: rond5(ONVEILIG_ZW[t] * meldingen[t, zw]) for t in range(t_2021h2 + 1)}
    onveilig = _binair(
        gen,
        meldingen,
        ONVEILIG_NL,
        0.12,
        ruisbron(gen.seed, "onveilig"),
        paden={"VT22": ONVEILIG_ZW},
        vast={"VT22": zw_onveilig},
    )
    # Acute unsafety as a share of the unsafe meldingen, with its own regional effects (from a
    # separate stream) and its own noise.
    acuut = _binair(
        gen,
        onveilig,
        [a / o for a, o in zip(ACUUT_NL, ONVEILIG_NL)],
        0.10,
        ruisbron(gen.seed, "acuut"),
        rng=np.random.default_rng((gen.seed, 5051)),
    )
    beide = np.array([[rond5(ACUUT_OOK_STRUCTUREEL * a) for a in rij] for rij in acuut])
    structureel = onveilig - acuut + beide

    her_pad = {
        "VT07": [0.215, 0.214, 0.212, 0.210, 0.208, 0.207, HERMELDINGEN_VAST["VT07"], 0.209,
                 0.211, 0.212, 0.214, 0.215],
        "VT25": [0.50, 0.505, 0.51, 0.515, 0.52, 0.523, HERMELDINGEN_VAST["VT25"], 0.522,
                 0.52, 0.518, 0.517, 0.515],
    }  # fmt: skip
    her_vast = {
        code: {t_2022h1: rond5(pad[t_2022h1] * meldingen[t_2022h1, gen.index(code)])}
        for code, pad in her_pad.items()
    }
    hermeld = _binair(
        gen, meldingen, HERMELDINGEN_NL, 0.10, ruisbron(gen.seed, "hermeldingen"), her_pad, her_vast
    )

    # Overdracht as a share of the casussen. Zaanstreek-Waterland follows its own path: about
    # 15 to the RvdK per half-year and 10 in 2021H1 (0,7 %, pinned); to the OM none in 2021H1
    # (pinned) and otherwise so few that most half-years are suppressed.
    casussen = _casussen(gen, meldingen)
    zw_pad = {
        "rvdk": [15, 15, 15, 15, 10, 15, 15, 15, 15, 15, 15, 15],
        "om": [10, 5, 5, 5, 0, 5, 5, 5, 5, 5, 10, 10],
    }
    zw_vast = {"rvdk": 10, "om": 0}
    overdracht = {}
    for soort, spreiding in [("rvdk", 0.25), ("om", 0.3), ("politie", 0.25)]:
        paden = vast = None
        if soort in zw_pad:
            paden = {"VT22": [a / c for a, c in zip(zw_pad[soort], casussen[:, zw])]}
            vast = {"VT22": {PERIODEN.index(Periode(2021, 1)): zw_vast[soort]}}
        overdracht[soort] = _binair(
            gen,
            casussen,
            [OVERDRACHT_NL[soort]] * len(PERIODEN),
            spreiding,
            ruisbron(gen.seed, f"overdracht_{soort}"),
            paden,
            vast,
        )
    return {
        "casussen": casussen,
        "onveilig": onveilig,
        "acuut": acuut,
        "structureel": structureel,
        "hermeld": hermeld,
        "overdracht": overdracht,
    }


def _voeg_periode_toe(
    gen: _Generator,
    t: int,
    p: Periode,
    r: dict,
    eff: dict[str, np.ndarray],
    t_2021h1: int,
) -> None:
    """Add every indicator of half-year ``p`` (index ``t``) from the drawn series ``r``."""
    zw = gen.index("VT22")
    gen.voeg_aantallen_toe("adviezen", p, r["adviezen"][t])
    gen.voeg_aantallen_toe("meldingen", p, r["meldingen"][t])
    gen.voeg_ratio_toe("adviezen_per_10000", p, r["adviezen"][t])
    gen.voeg_ratio_toe("meldingen_per_10000", p, r["meldingen"][t])
    gen.voeg_aantallen_toe("casussen_vt", p, r["casussen"][t])
    gen.voeg_ratio_toe("ots_per_10000", p, r["ots"][t])
    gen.voeg_aantallen_toe("rvdk_onderzoeken", p, r["rvdk"][t])
    gen.voeg_aantallen_toe("tijdelijk_huisverbod", p, r["thv"][t])

    # Type adviesvrager: published shares where known, linear in between, flat outside.
    av = _adviesvrager_aandelen(p)
    m_av = gen.verdeel(r["adviezen"][t], av, eff["advies"])
    _voeg_verdeling_toe(gen, "adviesvrager_type", p, ADVIESVRAGER, m_av)

    overig = np.array(MELDER_OVERIG) / sum(MELDER_OVERIG) * (1 - POLITIE_AANDEEL[t])
    m_md = gen.verdeel(r["meldingen"][t], np.array([POLITIE_AANDEEL[t], *overig]), eff["melder"])
    _voeg_verdeling_toe(gen, "melder_type", p, MELDER, m_md)
    gen.voeg_aantallen_toe("politiemeldingen", p, m_md[:, 0])

    beroeps_a = r["adviezen"][t] - m_av[:, ADVIESVRAGER.index("Burger")] - m_av[:, -1]
    beroeps_m = r["meldingen"][t] - m_md[:, MELDER.index("Burger")] - m_md[:, -1]
    gen.voeg_aandelen_toe(
        "professionals_aandeel", p, beroeps_a + beroeps_m, r["adviezen"][t] + r["meldingen"][t]
    )

    drift = np.array([1 + 0.01 * (t - 5.5), 1, 1, 1, 1, 1 - 0.01 * (t - 5.5)])
    # Zaanstreek-Waterland has short durations throughout (worked example: 61 % <= 1 week
    # and 1,4 % > 5 jaar in 2021H1, exactly 900 and 20 of 1475, pinned); in other half-years
    # its own distribution, with noise.
    eff_duur = eff["duur_m"].copy()
    eff_duur[zw] = np.log(ZW_DUUR / np.array(DUUR_MELDINGEN))
    vast_duur = {zw: np.array([900, 125, 150, 100, 180, 20])} if t == t_2021h1 else None
    m_dm = gen.verdeel(r["meldingen"][t], DUUR_MELDINGEN * drift, eff_duur, vast_duur)
    _voeg_verdeling_toe(gen, "duur_geweld_meldingen", p, DUUR, m_dm)
    m_da = gen.verdeel(r["adviezen"][t], DUUR_ADVIEZEN * drift, eff["duur_a"])
    _voeg_verdeling_toe(gen, "duur_geweld_adviezen", p, DUUR, m_da)

    m_aard = gen.verdeel(r["meldingen"][t], AARD_AANDELEN, eff["aard"])
    _voeg_verdeling_toe(gen, "aard_geweld", p, AARD, m_aard)
    m_vv = gen.verdeel(r["meldingen"][t], VERVOLG_AANDELEN, eff["vervolg"])
    _voeg_verdeling_toe(gen, "vervolg_veiligheidsbeoordeling", p, VERVOLG, m_vv)

    gen.voeg_aandelen_toe("acuut_structureel_onveilig", p, r["onveilig"][t], r["meldingen"][t])
    gen.voeg_aandelen_toe("acuut_onveilig", p, r["acuut"][t], r["meldingen"][t])
    gen.voeg_aandelen_toe("structureel_onveilig", p, r["structureel"][t], r["meldingen"][t])
    if r["hermeld"][t, 0] >= 0:
        gen.voeg_aandelen_toe("hermeldingen", p, r["hermeld"][t], r["meldingen"][t])
    for soort, reeks in r["overdracht"].items():
        gen.voeg_aandelen_toe(f"overdracht_{soort}", p, reeks[t], r["casussen"][t])


def _volg_regio_overgangen(rijen: list[dict]) -> list[dict]:
    """Merge regions as CBS does from the year of a merger (VT16 + VT26 = VT27 from 2023).

    The rows of the old regions in those years are replaced by one row of the new region, in
    the place of the last old region's row: tellers and noemers added up, the value computed
    again from them (counts, percentages, rates per 10.000 inwoners). Before the merger the
    old regions keep their rows and the new region has none, as in CBS's tables.
    """
    samen = regio_overgangen()
    samen = samen[samen["soort"] == "samenvoeging"]
    naar = {str(r.van_code): (str(r.naar_code), int(r.vanaf_jaar)) for r in samen.itertuples()}
    aantal_oud = samen.groupby("naar_code")["van_code"].nunique().to_dict()

    def sleutel(rij: dict) -> tuple | None:
        doel = naar.get(rij["regio_code"])
        if doel is None or int(str(rij["periode"])[:4]) < doel[1]:
            return None
        return (doel[0], rij["indicator"], rij["periode"], rij["categorie"])

    delen: dict[tuple, list[dict]] = {}
    for rij in rijen:
        k = sleutel(rij)
        if k is not None:
            delen.setdefault(k, []).append(rij)
    uit = []
    for rij in rijen:
        k = sleutel(rij)
        if k is None:
            uit.append(rij)
        elif rij is delen[k][-1]:
            groep = delen[k]
            if len(groep) != aantal_oud[k[0]]:
                raise DataFout(f"Samenvoegen tot {k[0]}: niet elke oude regio heeft {k[1:]}.")
            uit.append(_samengevoegd(groep, k[0]))
    return uit


def _samengevoegd(groep: list[dict], code: str) -> dict:
    teller = (
        sum(r["teller"] for r in groep) if all(r["teller"] is not None for r in groep) else None
    )
    noemer = (
        sum(r["noemer"] for r in groep) if all(r["noemer"] is not None for r in groep) else None
    )
    eenheid = groep[0]["eenheid"]
    factor = {"%": 100.0, "per 10.000 inwoners": 10_000.0}.get(eenheid)
    if eenheid == "aantal" and teller is not None:
        waarde = float(teller)
    elif factor is not None and teller is not None and noemer:
        waarde = factor * teller / noemer
    else:
        waarde = np.nan  # scores and averages cannot be added up
    return {**groep[-1], "regio_code": code, "waarde": waarde, "teller": teller, "noemer": noemer}


def _adviesvrager_aandelen(p: Periode) -> np.ndarray:
    ankers = {Periode.parse(k): np.array(v) for k, v in ADVIESVRAGER_GEPUBLICEERD.items()}
    punten = sorted(ankers)
    if p <= punten[0]:
        a = ankers[punten[0]]
    elif p >= punten[-1]:
        a = ankers[punten[-1]]
    else:
        for links, rechts in zip(punten, punten[1:]):
            if links <= p <= rechts:
                stappen = PERIODEN.index(rechts) - PERIODEN.index(links)
                f = (PERIODEN.index(p) - PERIODEN.index(links)) / stappen
                a = (1 - f) * ankers[links] + f * ankers[rechts]
                break
    return a / a.sum()


def _voeg_verdeling_toe(gen, indicator, p, categorieen, matrix) -> None:
    noemers = matrix.sum(axis=1)
    for k, cat in enumerate(categorieen):
        gen.voeg_aandelen_toe(indicator, p, matrix[:, k], noemers, categorie=cat)


def _ordenen(df: pd.DataFrame) -> pd.DataFrame:
    df = df.astype({k: v for k, v in DTYPES.items() if k != "regio"})
    df["waarde"] = df["waarde"].round(4)
    return df[KOLOMMEN].reset_index(drop=True)


def als_csv(df: pd.DataFrame) -> str:
    """Serialise deterministically (same bytes on every machine)."""
    uit = df.copy()
    uit["waarde"] = [
        "" if pd.isna(x) else f"{float(x):.4f}".rstrip("0").rstrip(".") for x in uit["waarde"]
    ]
    buf = io.StringIO()
    uit.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def bestand() -> Path:
    """Where the committed practice data live."""
    return data_pad("oefendata", "observaties.csv")


def schrijf(pad: Path | None = None, seed: int = SEED) -> Path:
    """Generate and write the practice data; returns the path written."""
    pad = pad or bestand()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(als_csv(genereer(seed)), encoding="utf-8")
    return pad


@lru_cache(maxsize=1)
def lees_oefendata() -> pd.DataFrame:
    """The committed practice data as the tidy table (read once per session)."""
    pad = bestand()
    if not pad.exists():
        raise DataFout(
            f"De oefendata ontbreken ({pad}). Maak ze opnieuw met: impactkit oefendata maken"
        )
    df = pd.read_csv(
        pad,
        dtype={k: v for k, v in DTYPES.items() if k != "regio"},
        keep_default_na=False,
        na_values={"waarde": [""], "teller": [""], "noemer": [""], "categorie": [""]},
    )
    return met_regionaam(df)
