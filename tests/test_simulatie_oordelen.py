"""How often the verdicts over time say 'opvallend' when nothing happens, and when something does.

Synthetic tables in the kit's format: 25 regions and Nederland (the sum of the regions), counts
rounded to fives as CBS does. Each region is Nederland plus a constant offset drawn from the
usual spread between regions, plus an extra between-period variation ``tau`` of its true
figure (issue 20). Two nulls, each about the verdicts it is a null for:

* *stabiel*: Nederland is flat, so the region's true figure does not change beyond the extra
  variation. Every verdict over time (previous half-year, a year earlier, trend, course against
  the country) should rarely be 'opvallend': all four counted together (any of them).
* *volgt het land*: Nederland rises and falls (as in the issue); the region follows it. Only the
  course against the country (``verloop``) is a null here: the region really does change.

The level against Nederland (``landelijk``) is counted on its own: the offsets come from the
usual spread, so the region should be 'binnen de gewone spreiding', not 'opvallend', apart from
the 5 % of regions that the spread test itself sends outside by design.

The verdicts come from a fast path (:func:`oordelen_snel`) that calls the kit's own pieces
(:func:`impactkit.ontwikkeling.tijdruis`, ``keerpuntzoektocht``, ``periodetoets``,
``trend_van``'s tests, ``spreiding_van``, Benjamini–Hochberg and :func:`impactkit.oordelen.oordeel`)
for all regions of a table at once; :func:`test_snelle_weg_is_vergelijk` checks that it gives
exactly what :func:`impactkit.vergelijk` gives. ``bench/bench_oordelen.py`` prints the full table,
before (chance only) and after (with the extra variation).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import impactkit as ik
from impactkit import statistiek as st
from impactkit.indicatoren import indicator
from impactkit.ontwikkeling import (
    Tijdruis,
    keerpuntzoektocht,
    periodetoets,
    steekproefvariantie,
    tijdruis,
    trendtoets,
)
from impactkit.oordelen import OPVALLEND, OPVALLEND_HOGER, Drempels, met_spreiding, oordeel
from impactkit.perioden import Periode
from impactkit.spreiding_regios import spreiding_van
from impactkit.vergelijken import TOETSEN_PER_INDICATOR, vergelijk

PROCENT, RATIO = "%", "per 10.000 inwoners"
INDICATOR = {PROCENT: "acuut_structureel_onveilig", RATIO: "meldingen_per_10000"}
REGIOS = [f"VT{i:02d}" for i in range(1, 26)]  # the 25 regions of 2017-2022 (VT16 included)
PERIODEN = {
    5: [p.code for p in ik.halfjaren("2020H1", "2022H1")],
    11: [p.code for p in ik.halfjaren("2017H1", "2022H1")],
}
TIJD = ("vorige_periode", "jaar_eerder", "trend", "verloop")
AFWIJKERS = 5
"""In a power scenario the first five regions drift away from the national course."""


@dataclass(frozen=True)
class Scenario:
    """One simulated situation.

    ``n``: per region per half-year the denominator of a share, or the expected count of a rate
    (population ``n / 0.004``, a rate around 40 per 10.000). ``tau``: extra variation between
    periods of the true figure, in points for a share, as a fraction for a rate (0.05 = 5 %).
    ``land``: ``"stabiel"`` (Nederland flat) or ``"volgt"`` (Nederland rises, then falls).
    ``afwijking``: how far the first :data:`AFWIJKERS` regions drift from the national course
    over the series (points, or a fraction of the rate).
    """

    eenheid: str
    n: int
    perioden: int
    tau: float = 0.0
    land: str = "stabiel"
    afwijking: float = 0.0

    @property
    def naam(self) -> str:
        tau = f"tau={self.tau:g}" if self.eenheid == PROCENT else f"{100 * self.tau:g}%"
        return f"{'aandeel' if self.eenheid == PROCENT else 'ratio'} {tau} n={self.n} T={self.perioden}"


def tabellen(s: Scenario, rng: np.random.Generator, aantal: int) -> list[pd.DataFrame]:
    """``aantal`` tidy tables for scenario ``s`` (one indicator, 25 regions and Nederland)."""
    g, t = len(REGIOS), s.perioden
    i = np.arange(t)
    top = t // 2
    vorm = np.minimum(i, top) - 0.75 * np.maximum(0, i - top)  # up 1 per step, then down 0.75
    if s.land == "stabiel":
        vorm = np.zeros(t)
    drift = np.zeros((g, t))
    drift[:AFWIJKERS] = s.afwijking * i / (t - 1)
    u = rng.normal(0.0, s.tau, (aantal, g, t)) if s.tau > 0 else np.zeros((aantal, g, t))
    if s.eenheid == PROCENT:
        offset = rng.normal(0.0, 4.0, (aantal, g, 1))
        q = (40.0 + 2.0 * vorm + offset + u + drift) / 100
        x = rng.binomial(s.n, np.clip(q, 0.01, 0.99))
        noemer = np.full((aantal, g, t), float(s.n))
    else:
        bevolking = s.n / 0.004
        factor = np.exp(rng.normal(0.0, 0.2, (aantal, g, 1)))
        rate = 0.004 * (1 + 0.05 * vorm) * factor * np.clip(1 + u, 0.05, None) * (1 + drift)
        x = rng.poisson(bevolking * rate)
        noemer = np.full((aantal, g, t), bevolking)
    return [_tidy(s, x[k], noemer[k]) for k in range(aantal)]


def _rond5(x: np.ndarray) -> np.ndarray:
    return 5.0 * np.round(np.asarray(x, dtype=float) / 5.0)


def _tidy(s: Scenario, x: np.ndarray, noemer: np.ndarray) -> pd.DataFrame:
    """One table: counts rounded to fives; Nederland is the (rounded) sum of the regions."""
    perioden = PERIODEN[s.perioden]
    teller = np.vstack([_rond5(x), _rond5(x.sum(axis=0))])
    noemers = np.vstack([_rond5(noemer), _rond5(noemer.sum(axis=0))])
    schaal = 100.0 if s.eenheid == PROCENT else 10_000.0
    codes = [*REGIOS, "NL01"]
    return pd.DataFrame(
        {
            "indicator": INDICATOR[s.eenheid],
            "regio_code": np.repeat(codes, len(perioden)),
            "periode": np.tile(perioden, len(codes)),
            "categorie": pd.array([pd.NA] * teller.size, dtype="string"),
            "waarde": (schaal * teller / noemers).ravel(),
            "teller": teller.ravel(),
            "noemer": noemers.ravel(),
            "onderdrukt": False,
            "herkomst": "simulatie",
        }
    ).astype({"regio_code": "string", "periode": "string", "onderdrukt": "boolean"})


def oordelen_snel(
    data: pd.DataFrame, eenheid: str, met_ruis: bool = True
) -> dict[str, dict[str, tuple[str, float]]]:
    """Per region its tested verdicts ``{vergelijking: (oordeel, p_gecorrigeerd)}``, as
    :func:`vergelijk` gives them, for all regions of a table at once.

    ``met_ruis=False`` is the kit before issue 20: chance only (``Tijdruis`` 'toeval').
    """
    ind = indicator(INDICATOR[eenheid])
    codes = [*REGIOS, "NL01"]
    perioden = list(pd.unique(data["periode"]))
    tot = Periode.parse(perioden[-1])
    # The tables of tabellen() are laid out region by region, period by period.
    assert list(data["regio_code"].iloc[:: len(perioden)]) == codes
    teller = data["teller"].to_numpy(float).reshape(len(codes), len(perioden))
    noemer = data["noemer"].to_numpy(float).reshape(len(codes), len(perioden))
    w = (100.0 if eenheid == PROCENT else 10_000.0) * teller / noemer
    g = len(REGIOS)
    t, n, tl, nl = teller[:g], noemer[:g], teller[g], noemer[g]
    ruis = tijdruis(ind, data, tot) if met_ruis else Tijdruis(eenheid, 0.0, "toeval")
    spreiding = spreiding_van(ind, data[data["periode"] == tot.code].set_index("regio_code"))
    minimum = np.vectorize(Drempels().minimum, otypes=[float])
    # Columns: landelijk, vorige_periode, jaar_eerder, trend, verloop (difference, p, minimum).
    d, p, m = np.empty((g, 5)), np.empty((g, 5)), np.empty((g, 5))
    d[:, 0], m[:, 0] = w[:g, -1] - w[g, -1], minimum(eenheid, np.full(g, w[g, -1]))
    p[:, 0] = _p_twee(eenheid, t[:, -1], n[:, -1], tl[-1] - t[:, -1], nl[-1] - n[:, -1])
    for kolom, j in ((1, -2), (2, -3)):
        d[:, kolom], m[:, kolom] = w[:g, -1] - w[:g, j], minimum(eenheid, w[:g, j])
        if ruis.tau2 > 0:
            p[:, kolom] = [
                periodetoets(eenheid, (t[i, -1], n[i, -1]), (t[i, j], n[i, j]), ruis)[1]
                for i in range(g)
            ]
        else:
            p[:, kolom] = _p_twee(eenheid, t[:, -1], n[:, -1], t[:, j], n[:, j])
    x = np.array([q.jaar + ((q.halfjaar or 1) - 1) / 2 for q in map(Periode.parse, perioden)])
    d[:, 3], p[:, 3] = _lijn(x, w[:g])
    if ruis.bron != "toeval":
        v = steekproefvariantie(eenheid, t, n) + ruis.variantie(w[:g])
        p[:, 3] = np.maximum(p[:, 3], [trendtoets(x, w[i], v[i]) for i in range(g)])
    m[:, 3] = minimum(eenheid, w[:g, -1]) / 2
    for i in range(g):
        _, toets, p[i, 4], _ = keerpuntzoektocht(
            eenheid, np.c_[t[i], n[i]], np.c_[tl - t[i], nl - n[i]], ruis
        )
        d[i, 4] = toets.verschil
    m[:, 4] = minimum(eenheid, w[g, 0])
    pc = _bh_per_rij(p)
    buiten = spreiding.loc[REGIOS, "buiten_spreiding"].to_numpy(bool)
    uit = {}
    for i, code in enumerate(REGIOS):
        uit[code] = {
            k: (oordeel(d[i, c], pc[i, c], m[i, c]), float(pc[i, c]))
            for c, k in enumerate(TOETSEN_PER_INDICATOR)
        }
        uit[code]["landelijk"] = (
            met_spreiding(uit[code]["landelijk"][0], bool(buiten[i])),
            pc[i, 0],
        )
    return uit


def _p_twee(eenheid: str, t1, n1, t0, n0) -> np.ndarray:
    """The p of the kit's chance-only test of two figures (as :func:`impactkit.vergelijk`).

    Shares: :func:`impactkit.statistiek.toets_twee_proporties` on whole arrays. Rates: the
    p-value of :func:`impactkit.statistiek.toets_twee_ratios` (an exact binomial test) without
    its interval, which takes most of its time.
    """
    if eenheid == PROCENT:
        return np.asarray(st.toets_twee_proporties(t1, n1, t0, n0).p, dtype=float)
    return np.array(
        [
            1.0 if a + b == 0 else stats.binomtest(int(a), int(a + b), s / (s + u)).pvalue
            for a, s, b, u in zip(t1, n1, t0, n0)
        ]
    )


def _lijn(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Slope and two-sided p per row, as :func:`scipy.stats.linregress` (t-test, T - 2 df)."""
    xc = x - x.mean()
    yc = y - y.mean(axis=1, keepdims=True)
    sxx, syy, sxy = xc @ xc, (yc**2).sum(axis=1), yc @ xc
    helling = sxy / sxx
    df = len(x) - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(syy > 0, np.clip(sxy / np.sqrt(sxx * syy), -1.0, 1.0), 0.0)  # as scipy
        tw = r * np.sqrt(df / ((1.0 - r) * (1.0 + r)))
    return helling, 2 * stats.t.sf(np.abs(tw), df)


def _bh_per_rij(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg per row (each region's own family), as ``benjamini_hochberg``."""
    volgorde = np.argsort(p, axis=1)
    gesorteerd = np.take_along_axis(p, volgorde, axis=1)
    k = p.shape[1]
    aangepast = gesorteerd * k / np.arange(1, k + 1)
    aangepast = np.minimum.accumulate(aangepast[:, ::-1], axis=1)[:, ::-1]
    uit = np.empty_like(p)
    np.put_along_axis(uit, volgorde, np.minimum(aangepast, 1.0), axis=1)
    return uit


def kansen(s: Scenario, runs: int, seed: int, met_ruis: bool = True) -> dict[str, float]:
    """Share of region-runs with an 'opvallend' verdict: over time (any), level, and power."""
    rng = np.random.default_rng(seed)
    tijd = [v for v in TIJD if s.land == "stabiel" or v == "verloop"]
    tellers = {"tijd": 0, "landelijk": 0, "gevonden": 0}
    regios = tellers_regios = 0
    for data in tabellen(s, rng, max(1, round(runs / len(REGIOS)))):
        for g, rij in enumerate(oordelen_snel(data, s.eenheid, met_ruis).values()):
            if g < AFWIJKERS and s.afwijking:
                tellers["gevonden"] += rij["verloop"][0] == OPVALLEND_HOGER
                tellers_regios += 1
                continue
            regios += 1
            tellers["tijd"] += any(rij[v][0] in OPVALLEND for v in tijd)
            tellers["landelijk"] += rij["landelijk"][0] in OPVALLEND
    return {
        "tijd": tellers["tijd"] / regios,
        "landelijk": tellers["landelijk"] / regios,
        "gevonden": tellers["gevonden"] / tellers_regios if tellers_regios else float("nan"),
        "runs": regios,
    }


NULLEN = [
    Scenario(eenheid, n, t, tau, land)
    for land in ("stabiel", "volgt")
    for eenheid, taus in ((PROCENT, (0, 1, 2, 3)), (RATIO, (0, 0.05, 0.10)))
    for tau in taus
    for n in (150, 1000, 3000)
    for t in (5, 11)
]


# -- The fast path is vergelijk ---------------------------------------------------------------
@pytest.mark.parametrize(
    "s",
    [
        Scenario(PROCENT, 1000, 5, 2.0, "volgt"),
        Scenario(RATIO, 150, 11, 0.10),
        Scenario(RATIO, 3000, 5),
    ],
    ids=lambda s: f"{s.naam} {s.land}",
)
def test_snelle_weg_is_vergelijk(s):
    data = tabellen(s, np.random.default_rng(5), 1)[0]
    snel = oordelen_snel(data, s.eenheid)
    tot = PERIODEN[s.perioden][-1]
    for code in REGIOS:
        v = vergelijk(INDICATOR[s.eenheid], code, tot, data=data).set_index("vergelijking")
        for soort in TOETSEN_PER_INDICATOR:
            assert v.loc[soort, "oordeel"] == snel[code][soort][0], (code, soort)
            assert v.loc[soort, "p_gecorrigeerd"] == pytest.approx(snel[code][soort][1], rel=1e-9)


# -- Under the null ---------------------------------------------------------------------------
@pytest.mark.traag
def test_zelden_opvallend_zonder_echte_verandering():
    # 300 region-runs per scenario: a true 5 % is above 8 % with probability < 1 %.
    te_vaak = []
    for k, s in enumerate(NULLEN):
        kans = kansen(s, 300, seed=2000 + k)
        if kans["tijd"] > 0.08 or kans["landelijk"] > 0.08:
            te_vaak.append((s.naam, s.land, round(kans["tijd"], 3), round(kans["landelijk"], 3)))
    assert te_vaak == []


@pytest.mark.parametrize("perioden", [5, 11])
def test_een_echte_afwijking_van_12_punten_wordt_gevonden(perioden):
    s = Scenario(PROCENT, 1000, perioden, 0.0, "volgt", afwijking=12.0)
    assert kansen(s, 500, seed=31 + perioden)["gevonden"] >= 0.90


def test_zonder_extra_variatie_blijft_de_toets_gelijk():
    # No extra variation in the data: the estimate is 0, so the period comparisons and the
    # course are tested as before (chance only); the trend is never called clearer than before.
    s = Scenario(PROCENT, 1000, 5)
    data = tabellen(s, np.random.default_rng(8), 1)[0]
    ruis = tijdruis(indicator(INDICATOR[PROCENT]), data, Periode.parse(PERIODEN[5][-1]))
    assert ruis.bron == "regio's" and ruis.k == len(REGIOS) and ruis.tau2 == 0
    na, voor = oordelen_snel(data, PROCENT), oordelen_snel(data, PROCENT, met_ruis=False)
    for code in REGIOS:
        for soort in ("vorige_periode", "jaar_eerder", "verloop"):
            assert na[code][soort][0] == voor[code][soort][0]
        assert na[code]["trend"][1] >= voor[code]["trend"][1] - 1e-12


def test_schatting_vindt_de_extra_variatie():
    # 25 regions x 11 half-years at tau = 2 points: the estimate is close to 4 (points²).
    s = replace(Scenario(PROCENT, 3000, 11, 2.0), land="volgt")
    schattingen = [
        tijdruis(indicator(INDICATOR[PROCENT]), d, Periode.parse(PERIODEN[11][-1])).tau2
        for d in tabellen(s, np.random.default_rng(9), 10)
    ]
    assert np.mean(schattingen) == pytest.approx(4.0, rel=0.15)
