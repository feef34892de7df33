"""Known-answer tests for impactkit.statistiek.

Every statistic is checked against a published reference value (source in the comment next to
it) or against an independent computation from the definition (a different scipy route, or a
hand computation written out in the comment). Tolerances match the reference's decimals.
"""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impactkit import statistiek as st

# --------------------------------------------------------------------------------------------
# Wilson score interval


@pytest.mark.parametrize(
    ("x", "n", "laag", "hoog"),
    [
        # Newcombe RG (1998). Two-sided confidence intervals for the single proportion:
        # comparison of seven methods. Stat Med 17:857-872, Table I, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_newcombe_tabel_1(x, n, laag, hoog):
    lo, hi = st.wilson(x, n)
    assert lo == pytest.approx(laag, abs=5e-5)
    assert hi == pytest.approx(hoog, abs=5e-5)


@pytest.mark.parametrize("betrouwbaarheid", [0.90, 0.95, 0.99])
def test_wilson_is_inversie_van_scoretoets(betrouwbaarheid):
    # Definition (Wilson 1927): the limits L are the proportions where the score statistic
    # (x - nL)^2 / (n L (1 - L)) equals z^2, z the two-sided normal quantile.
    x, n = 15, 148
    z = stats.norm.ppf(1 - (1 - betrouwbaarheid) / 2)
    for grens in st.wilson(x, n, betrouwbaarheid):
        assert (x - n * grens) ** 2 / (n * grens * (1 - grens)) == pytest.approx(z**2, rel=1e-10)


def test_wilson_randen_en_symmetrie():
    # x = 0 gives exactly 0, x = n exactly 1; the interval for n - x mirrors the one for x.
    assert st.wilson(0, 20)[0] == 0.0
    assert st.wilson(20, 20)[1] == 1.0
    lo, hi = st.wilson(1, 29)
    lo2, hi2 = st.wilson(28, 29)
    assert (lo2, hi2) == pytest.approx((1 - hi, 1 - lo), abs=1e-12)


# --------------------------------------------------------------------------------------------
# Exact Poisson (Garwood) interval


@pytest.mark.parametrize(
    ("aantal", "laag", "hoog", "tol"),
    [
        # Garwood (1936) exact limits; standard tables (e.g. Sahai & Khurshid 1993; Geigy
        # Scientific Tables) and R: poisson.test(0)$conf.int = 0 3.688879,
        # poisson.test(1)$conf.int = 0.02531781 5.57164339,
        # poisson.test(10)$conf.int = 4.795389 18.390356.
        (0, 0.0, 3.689, 5e-4),
        (1, 0.0253, 5.572, 5e-4),
        (10, 4.795, 18.390, 5e-4),
        (10, 4.795389, 18.390356, 5e-7),
    ],
)
def test_poisson_exact_tabelwaarden(aantal, laag, hoog, tol):
    lo, hi = st.poisson_exact(aantal)
    assert lo == pytest.approx(laag, abs=tol)
    assert hi == pytest.approx(hoog, abs=tol)


@pytest.mark.parametrize("aantal", [1, 4, 10, 57])
def test_poisson_exact_definitie(aantal):
    # Definition of the exact interval (via the Poisson cdf, not the chi-square route used in
    # the module): at the upper limit U, P(X <= x | U) = 0.025; at the lower limit L,
    # P(X >= x | L) = 0.025.
    lo, hi = st.poisson_exact(aantal)
    assert stats.poisson.cdf(aantal, hi) == pytest.approx(0.025, rel=1e-8)
    assert stats.poisson.sf(aantal - 1, lo) == pytest.approx(0.025, rel=1e-8)


def test_ratio_interval_geschaald():
    # 10 events in 50 000 inhabitants: 2.0 per 10 000; limits are R's
    # poisson.test(10)$conf.int (4.795389, 18.390356) times 10 000 / 50 000.
    waarde, lo, hi = st.ratio_interval(10, 50_000)
    assert waarde == pytest.approx(2.0)
    assert lo == pytest.approx(4.795389 / 5, abs=5e-7)
    assert hi == pytest.approx(18.390356 / 5, abs=5e-7)
    waarde, lo, hi = st.ratio_interval(10, 50_000, per=1_000)
    assert (waarde, lo, hi) == pytest.approx((0.2, 0.4795389 / 5, 1.8390356 / 5), abs=5e-8)


# --------------------------------------------------------------------------------------------
# Two proportions: z-test and Newcombe hybrid score interval


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "laag", "hoog"),
    [
        # Newcombe RG (1998). Interval estimation for the difference between independent
        # proportions: comparison of eleven methods. Stat Med 17:873-890, Table II,
        # method 10 (hybrid score interval from Wilson limits), examples (a)-(h).
        (56, 70, 48, 80, 0.0524, 0.3339),
        (9, 10, 3, 10, 0.1705, 0.8090),
        (6, 7, 2, 7, 0.0582, 0.8062),
        (5, 56, 0, 29, -0.0381, 0.1926),
        (0, 10, 0, 20, -0.1611, 0.2775),
        (0, 10, 0, 10, -0.2775, 0.2775),
        (10, 10, 0, 20, 0.6791, 1.0000),
        (10, 10, 0, 10, 0.6075, 1.0000),
    ],
)
def test_newcombe_tabel_2_methode_10(x1, n1, x2, n2, laag, hoog):
    t = st.toets_twee_proporties(x1, n1, x2, n2)
    assert t.verschil == pytest.approx(x1 / n1 - x2 / n2)
    assert t.laag == pytest.approx(laag, abs=5e-5)
    assert t.hoog == pytest.approx(hoog, abs=5e-5)


def test_z_toets_handberekening():
    # Hand computation for 56/70 vs 48/80 (Newcombe's example (a)):
    #   p1 = 0.8, p2 = 0.6, pooled p = 104/150 = 0.693333
    #   SE = sqrt(0.693333 * 0.306667 * (1/70 + 1/80)) = sqrt(0.212622 * 0.0267857)
    #      = sqrt(0.00569524) = 0.0754668
    #   z  = 0.2 / 0.0754668 = 2.65017;  p = 2 * (1 - Phi(2.65017)) = 0.008045
    t = st.toets_twee_proporties(56, 70, 48, 80)
    assert t.verschil == pytest.approx(0.2)
    assert t.z == pytest.approx(2.65017, abs=5e-6)
    assert t.p == pytest.approx(0.008045, abs=5e-7)


def test_z_toets_gelijk_aan_pearson_chi2():
    # Independent route: the pooled z-test is the Pearson chi-square test of the 2x2 table
    # without continuity correction (z^2 = X^2, same p-value; R prop.test(correct=FALSE)).
    for x1, n1, x2, n2 in [(56, 70, 48, 80), (9, 10, 3, 10), (130, 1000, 100, 1000)]:
        tabel = [[x1, n1 - x1], [x2, n2 - x2]]
        chi2, p, _, _ = stats.chi2_contingency(tabel, correction=False)
        t = st.toets_twee_proporties(x1, n1, x2, n2)
        assert t.z**2 == pytest.approx(chi2, rel=1e-10)
        assert t.p == pytest.approx(p, rel=1e-10)
        assert t.z > 0


def test_z_toets_zonder_variatie():
    # Both groups 0 cases: no difference, no evidence.
    t = st.toets_twee_proporties(0, 10, 0, 20)
    assert (t.verschil, t.z, t.p) == (0.0, 0.0, 1.0)


# --------------------------------------------------------------------------------------------
# Two rates: exact conditional test


def test_ratio_toets_r_voorbeeld():
    # R documentation of poisson.test ("Comparing cancer rates"):
    #   poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))
    #   count1 = 11, expected count1 = 6.7174, p-value = 0.07967
    #   95 percent confidence interval: 0.8584264 4.2772659; rate ratio 1.971488
    t = st.toets_twee_ratios(11, 800, 6 + 8 + 7, 1083 + 1050 + 878)
    assert t.ratio == pytest.approx(1.971488, abs=5e-7)
    assert t.p == pytest.approx(0.07967, abs=5e-6)
    assert t.laag == pytest.approx(0.8584264, abs=5e-8)
    assert t.hoog == pytest.approx(4.2772659, abs=5e-8)


@pytest.mark.parametrize(
    ("x1", "t1", "x2", "t2"),
    [(11, 800, 21, 3011), (11, 800, 23, 3011), (3, 1000, 12, 1500), (40, 2e5, 10, 1e5)],
)
def test_ratio_toets_definitie(x1, t1, x2, t2):
    # Definition: x1 | x1 + x2 ~ Binomial(x1 + x2, t1/(t1 + t2)); p from scipy binomtest
    # directly; CI = Clopper-Pearson limits (here via beta quantiles, a different route than
    # the module's proportion_ci) transformed by pi/(1 - pi) * t2/t1.
    t = st.toets_twee_ratios(x1, t1, x2, t2)
    n = x1 + x2
    assert t.ratio == pytest.approx((x1 / t1) / (x2 / t2), rel=1e-12)
    assert t.p == pytest.approx(stats.binomtest(x1, n, t1 / (t1 + t2)).pvalue, rel=1e-12)
    pi_l = stats.beta.ppf(0.025, x1, n - x1 + 1)
    pi_u = stats.beta.ppf(0.975, x1 + 1, n - x1)
    assert t.laag == pytest.approx(pi_l / (1 - pi_l) * t2 / t1, rel=1e-8)
    assert t.hoog == pytest.approx(pi_u / (1 - pi_u) * t2 / t1, rel=1e-8)


def test_ratio_toets_randgevallen():
    # No events at all: no information.
    t = st.toets_twee_ratios(0, 100, 0, 200)
    assert math.isnan(t.ratio) and t.p == 1.0 and t.laag == 0.0 and t.hoog == math.inf
    # No events in group 2: ratio and upper limit infinite; Clopper-Pearson lower limit for
    # x = n = 5 is 0.025^(1/5), so laag = 0.025^(1/5) / (1 - 0.025^(1/5)) * t2/t1.
    t = st.toets_twee_ratios(5, 100, 0, 100)
    assert t.ratio == math.inf and t.hoog == math.inf
    pi_l = 0.025 ** (1 / 5)
    assert t.laag == pytest.approx(pi_l / (1 - pi_l), rel=1e-8)
    # p = 2 * 0.5^5 (all 5 events in one of two equal-exposure groups)
    assert t.p == pytest.approx(2 * 0.5**5, rel=1e-12)


# --------------------------------------------------------------------------------------------
# Funnel limits


def test_funnel_z_waarden():
    # Standard normal quantiles (e.g. Spiegelhalter 2005, section 3: 95% and 99.8% limits at
    # about 2 and 3 SDs): z_0.975 = 1.959964, z_0.999 = 3.090232.
    assert stats.norm.ppf(0.975) == pytest.approx(1.959964, abs=5e-7)
    assert stats.norm.ppf(0.999) == pytest.approx(3.090232, abs=5e-7)


def test_funnel_proportie_handberekening():
    # p0 = 0.3, n = 100: SE = sqrt(0.3 * 0.7 / 100) = sqrt(0.0021) = 0.0458258
    #   95%:   0.3 -/+ 1.959964 * 0.0458258 = 0.210183 / 0.389817
    #   99.8%: 0.3 -/+ 3.090232 * 0.0458258 = 0.158388 / 0.441612
    g = st.trechtergrenzen(0.3, [100])
    assert list(g.columns) == ["noemer", "niveau", "laag", "hoog"]
    assert g["niveau"].tolist() == [0.95, 0.998]
    se = math.sqrt(0.21 / 100)
    assert g["laag"].tolist() == pytest.approx([0.3 - 1.959964 * se, 0.3 - 3.090232 * se], abs=1e-6)
    assert g["hoog"].tolist() == pytest.approx([0.3 + 1.959964 * se, 0.3 + 3.090232 * se], abs=1e-6)
    assert g["laag"].tolist() == pytest.approx([0.210183, 0.158388], abs=5e-7)
    assert g["hoog"].tolist() == pytest.approx([0.389817, 0.441612], abs=5e-7)


def test_funnel_proportie_afgekapt_en_vorm():
    # n = 5, p0 = 0.1: 0.1 - 1.959964 * sqrt(0.09/5) < 0, so the lower limit is clipped to 0.
    g = st.trechtergrenzen(0.1, [5, 50, 500], niveaus=(0.95, 0.99, 0.998))
    assert len(g) == 9
    assert g["noemer"].tolist() == [5.0, 50.0, 500.0] * 3
    assert g.loc[0, "laag"] == 0.0
    assert (g["laag"] >= 0).all() and (g["hoog"] <= 1).all()


def _poisson_grens_via_chi2(lam, q):
    # Spiegelhalter (2005) appendix A.1.1 interpolation, computed independently: the Poisson
    # cdf from its chi-square identity P(X <= r | lam) = chi2.sf(2 lam, 2(r + 1)), and r_q by
    # an explicit search for the smallest r with P(X <= r) >= q.
    def cdf(r):
        return 0.0 if r < 0 else stats.chi2.sf(2 * lam, 2 * (r + 1))

    r = 0
    while cdf(r) < q:
        r += 1
    return max(r - (cdf(r) - q) / (cdf(r) - cdf(r - 1)), 0.0)


@pytest.mark.parametrize("p0", [2.5, 20.0, 87.0])
def test_funnel_ratio_via_chi2(p0):
    noemers = [800, 5_000, 60_000, 400_000]
    g = st.trechtergrenzen(p0, noemers, soort="ratio", per=10_000)
    for rij in g.itertuples():
        lam = p0 * rij.noemer / 10_000
        staart = (1 - rij.niveau) / 2
        assert rij.laag == pytest.approx(
            _poisson_grens_via_chi2(lam, staart) / rij.noemer * 10_000, rel=1e-8, abs=1e-12
        )
        assert rij.hoog == pytest.approx(
            _poisson_grens_via_chi2(lam, 1 - staart) / rij.noemer * 10_000, rel=1e-8
        )


def test_funnel_ratio_handvoorbeeld():
    # p0 = 20 per 10 000, n = 5 000 inhabitants: expected count lam = 10.
    # Poisson(10) cdf (sum of e^-10 10^k / k!): F(3) = 0.01034, F(4) = 0.02925,
    #   F(16) = 0.97296, F(17) = 0.98572, F(1) = 0.00050, F(2) = 0.00277,
    #   F(20) = 0.99841, F(21) = 0.99919.
    # 2.5%:  r = 4,  a = (0.02925 - 0.025) / (0.02925 - 0.01034) = 0.2248 -> 3.7752 counts
    # 97.5%: r = 17, a = (0.98572 - 0.975) / (0.98572 - 0.97296) = 0.8400 -> 16.1600
    # 0.1%:  r = 2,  a = (0.00277 - 0.001) / (0.00277 - 0.00050) = 0.7795 -> 1.2205
    # 99.9%: r = 21, a = (0.99919 - 0.999) / (0.99919 - 0.99841) = 0.3380 -> 20.6620
    # As a rate: counts / 5 000 * 10 000 = counts * 2.
    g = st.trechtergrenzen(20.0, [5_000], soort="ratio")
    assert g["laag"].tolist() == pytest.approx([2 * 3.7752, 2 * 1.2205], abs=2e-3)
    assert g["hoog"].tolist() == pytest.approx([2 * 16.1600, 2 * 20.6620], abs=2e-3)


def test_funnel_positie_proportie():
    # p0 = 0.3, n = 100: limits 95% 0.2102-0.3898, 99.8% 0.1584-0.4416 (see hand computation)
    labels = st.trechterpositie([30, 35, 40, 48, 20, 10], 100, 0.3)
    assert labels.tolist() == [
        "binnen",
        "binnen",
        "boven 95%",
        "boven 99,8%",
        "onder 95%",
        "onder 99,8%",
    ]
    assert st.trechterpositie(30, 100, 0.3) == "binnen"
    assert set(labels) <= set(st.LABELS)


def test_funnel_positie_ratio_en_index():
    # p0 = 20 per 10 000, population 5 000 (lam = 10): 95% limits 7.55-32.32, 99.8% limits
    # 2.44-41.32 per 10 000 (hand example above). 10 cases = 20.0, 17 = 34.0, 25 = 50.0,
    # 3 = 6.0, 1 = 2.0 per 10 000.
    teller = pd.Series([10, 17, 25, 3, 1, None], index=list("abcdef"), dtype="Int64")
    labels = st.trechterpositie(teller, 5_000, 20.0, soort="ratio")
    assert list(labels.index) == list("abcdef")
    assert labels.iloc[:5].tolist() == [
        "binnen",
        "boven 95%",
        "boven 99,8%",
        "onder 95%",
        "onder 99,8%",
    ]
    assert pd.isna(labels["f"])


# --------------------------------------------------------------------------------------------
# is_significant_en_relevant


def test_is_significant_en_relevant():
    assert st.is_significant_en_relevant(0.01, 0.08, 0.05) is True
    assert st.is_significant_en_relevant(0.01, -0.08, 0.05) is True  # direction does not matter
    assert st.is_significant_en_relevant(0.20, 0.08, 0.05) is False  # not statistically clear
    assert st.is_significant_en_relevant(0.01, 0.01, 0.05) is False  # too small to matter
    assert st.is_significant_en_relevant(0.05, 0.08, 0.05) is False  # p must be below alpha
    assert st.is_significant_en_relevant(0.001, 0.3 - 0.2, 0.1) is True  # float rounding tolerated
    assert st.is_significant_en_relevant(float("nan"), 0.08, 0.05) is False
    assert st.is_significant_en_relevant(0.01, None, 0.05) is False
    uit = st.is_significant_en_relevant(pd.Series([0.01, 0.2, pd.NA], index=[7, 8, 9]), 0.1, 0.05)
    assert uit.tolist() == [True, False, False] and list(uit.index) == [7, 8, 9]


# --------------------------------------------------------------------------------------------
# Missing values, vectorisation


def test_ontbrekend_blijft_ontbrekend():
    for leeg in (None, float("nan"), pd.NA):
        assert all(math.isnan(v) for v in st.wilson(leeg, 100))
        assert all(math.isnan(v) for v in st.wilson(10, leeg))
        assert all(math.isnan(v) for v in st.poisson_exact(leeg))
        assert all(math.isnan(v) for v in st.ratio_interval(leeg, 50_000))
        assert all(math.isnan(v) for v in st.toets_twee_proporties(leeg, 10, 3, 10))
        assert all(math.isnan(v) for v in st.toets_twee_ratios(11, 800, leeg, 3011))
        assert pd.isna(st.trechterpositie(leeg, 100, 0.3))
    g = st.trechtergrenzen(float("nan"), [100, 1000])
    assert g[["laag", "hoog"]].isna().all().all()


def test_onderdrukte_tellers_in_series():
    # A suppressed count (pd.NA in an Int64 column) gives NaN, never the interval of 0.
    teller = pd.Series([81, pd.NA, 0], dtype="Int64", index=["x", "y", "z"])
    lo, hi = st.wilson(teller, 263)
    assert isinstance(lo, pd.Series) and list(lo.index) == ["x", "y", "z"]
    assert math.isnan(lo["y"]) and math.isnan(hi["y"])
    assert lo["x"] == pytest.approx(0.2553, abs=5e-5)
    assert hi["z"] == pytest.approx(st.wilson(0, 263)[1])


def test_vectorisatie_vormen():
    lo, hi = st.wilson(np.array([81, 15, 0, 1]), np.array([263, 148, 20, 29]))
    assert isinstance(lo, np.ndarray) and lo.shape == (4,) and hi.shape == (4,)
    assert hi.tolist() == pytest.approx([0.3662, 0.1605, 0.1611, 0.1718], abs=5e-5)
    lo, hi = st.poisson_exact([[0, 1], [10, 10]])
    assert lo.shape == (2, 2)
    assert hi[1].tolist() == pytest.approx([18.390356, 18.390356], abs=5e-7)
    w, lo, hi = st.ratio_interval([10, 20, None], 50_000)
    assert w.shape == lo.shape == hi.shape == (3,)
    t = st.toets_twee_proporties([56, 9], [70, 10], [48, 3], [80, 10])
    assert t.laag.tolist() == pytest.approx([0.0524, 0.1705], abs=5e-5)
    t = st.toets_twee_ratios([11, 11], 800, [21, 23], 3011)
    assert t.p.shape == (2,) and t.p[0] == pytest.approx(0.07967, abs=5e-6)
    assert isinstance(st.wilson(1, 29)[0], float)
    assert isinstance(st.toets_twee_proporties(56, 70, 48, 80)._asdict(), dict)


# --------------------------------------------------------------------------------------------
# Invalid input: ValueError with a Dutch message


@pytest.mark.parametrize(
    ("aanroep", "woord"),
    [
        (lambda: st.wilson(-1, 10), "negatief"),
        (lambda: st.wilson(11, 10), "groter dan"),
        (lambda: st.wilson(0, 0), "noemer van 0"),
        (lambda: st.wilson([1, 2], [10, 10, 10]), "verschillende lengtes"),
        (lambda: st.wilson(5, 10, betrouwbaarheid=95), "tussen 0 en 1"),
        (lambda: st.wilson("veel", 10), "geen getal"),
        (lambda: st.poisson_exact([3, -2]), "negatief"),
        (lambda: st.ratio_interval(10, 0), "noemer van 0"),
        (lambda: st.toets_twee_proporties(5, 10, 12, 10), "verwisseld"),
        (lambda: st.toets_twee_ratios(2.5, 100, 3, 100), "geen geheel getal"),
        (lambda: st.toets_twee_ratios(2, 0, 3, 100), "noemer van 0"),
        (lambda: st.trechtergrenzen(30, [100]), "aandeel tussen 0 en 1"),
        (lambda: st.trechtergrenzen(0.3, [100], soort="percentage"), "Onbekende soort"),
        (lambda: st.trechtergrenzen(0.3, [0, 100]), "noemer van 0"),
        (lambda: st.trechterpositie(120, 100, 0.3), "groter dan"),
        (lambda: st.is_significant_en_relevant(5, 0.1, 0.05), "kans tussen 0 en 1"),
        (lambda: st.is_significant_en_relevant(0.01, 0.1, -0.05), "0 of groter"),
        (
            lambda: st.wilson(pd.Series([1, 2], index=[0, 1]), pd.Series([9, 9], index=[1, 2])),
            "verschillende index",
        ),
    ],
)
def test_ongeldige_invoer_nederlandse_melding(aanroep, woord):
    with pytest.raises(ValueError, match=woord):
        aanroep()


# -- Over-dispersion (Spiegelhalter 2005, section 3.5) -----------------------------------------------
def test_overspreiding_handberekening():
    # p0 = 0.5, n = 100 -> se = 0.05; z = 2, -2, 0, 0 -> phi = 8 / 4 = 2 (no winsorising).
    assert st.overspreiding([60, 40, 50, 50], [100] * 4, 0.5, winsor=0) == pytest.approx(2.0)
    # Rates: p0 = 20 per 10 000, n = 10 000 -> se = sqrt(20 * 10 000 / 10 000) = sqrt(20);
    # values 30 and 10 -> z = +-10/sqrt(20), z^2 = 5 -> phi = 5.
    assert st.overspreiding([30, 10], [10_000] * 2, 20.0, soort="ratio", winsor=0) == pytest.approx(
        5.0
    )


def test_overspreiding_winsoriseert_uitschieters():
    tellers = [50] * 9 + [90]  # one extreme unit (z = 8)
    zonder = st.overspreiding(tellers, [100] * 10, 0.5, winsor=0)
    met = st.overspreiding(tellers, [100] * 10, 0.5, winsor=0.1)
    assert zonder == pytest.approx(6.4) and met < zonder


def test_funnelgrenzen_met_phi_verbreden_met_wortel_phi():
    g1 = st.trechtergrenzen(0.3, [100], niveaus=(0.95,))
    g4 = st.trechtergrenzen(0.3, [100], niveaus=(0.95,), phi=4.0)
    half1 = float(g1["hoog"].iloc[0]) - 0.3
    half4 = float(g4["hoog"].iloc[0]) - 0.3
    assert half4 == pytest.approx(2 * half1)  # sqrt(4) = 2
    assert half1 == pytest.approx(1.959964 * (0.21 / 100) ** 0.5, rel=1e-5)


def test_funnel_met_overspreiding_in_vergelijken():
    from impactkit.spreiding_regios import trechtercijfers

    regs, grenzen = trechtercijfers("meldingen_per_10000", "2021H1", overspreiding=False)
    regs2, grenzen2 = trechtercijfers("meldingen_per_10000", "2021H1", overspreiding=True)
    assert grenzen2.attrs["phi"] > 1
    # Default: widened because the test shows over-dispersion; the plain limits are kept.
    regs3, grenzen3 = trechtercijfers("meldingen_per_10000", "2021H1")
    assert grenzen3.attrs["p_overspreiding"] < 0.05
    assert grenzen3.attrs["phi"] == pytest.approx(grenzen2.attrs["phi"])
    assert (grenzen3["hoog_gewoon"] < grenzen3["hoog"]).all()
    assert "laag_gewoon" not in grenzen.columns
    assert (regs2["positie"] != "binnen").sum() < (regs["positie"] != "binnen").sum()
    # Zaanstreek-Waterland's unsafe share stays outside the widened funnel.
    r, _ = trechtercijfers("acuut_structureel_onveilig", "2021H1", overspreiding=True)
    assert r.set_index("regio_code").loc["VT22", "positie"] == "boven 99,8%"


# --------------------------------------------------------------------------------------------
# Extra variation between periods (tijdspreiding)


def test_tijdspreiding_met_de_hand():
    # One series, x = 0..4, y = 1, 4, 2, 6, 3, v = 0.5 each.
    # x̄ = 2, Sxx = 10, ȳ = 3.2, slope = (-2·-2.2 + -1·0.8 + 0 + 1·2.8 + 2·-0.2)/10 = 0.6.
    # Fitted 2.0, 2.6, 3.2, 3.8, 4.4; residuals -1, 1.4, -1.2, 2.2, -1.4:
    # RSS = 1 + 1.96 + 1.44 + 4.84 + 1.96 = 11.2.
    # Leverages 0.2 + (x - 2)²/10 = 0.6, 0.3, 0.2, 0.3, 0.6, so m = 0.4, 0.7, 0.8, 0.7, 0.4
    # (sum 3 = T - 2); chance gives 0.5·3 = 1.5. tau2 = (11.2 - 1.5)/3 = 9.7/3.
    s = st.tijdspreiding([1, 4, 2, 6, 3], [0.5] * 5, [0, 1, 2, 3, 4])
    assert s.rss == pytest.approx(11.2)
    assert s.verwacht == pytest.approx(1.5)
    assert (s.df, s.k) == (3.0, 1)
    assert s.tau2 == pytest.approx(9.7 / 3)


def test_tijdspreiding_ongelijke_varianties_en_ontbrekende_perioden():
    # The missing period leaves x = 0, 1, 3 for series 1: x̄ = 4/3, Sxx = 14/3,
    # m = 1 - 1/3 - (x - 4/3)²·3/14 = 2/7, 9/14, 1/14 (sum 1). With v = 1, 2, 4 chance gives
    # 2/7 + 9/7 + 2/7 = 13/7. Series 2 is too short and is left out.
    y = [[0, 2, np.nan, 1], [5, np.nan, np.nan, 5]]
    v = [[1, 2, 9, 4], [1, 1, 1, 1]]
    s = st.tijdspreiding(y, v, [0, 1, 2, 3])
    xs, ys = np.array([0.0, 1, 3]), np.array([0.0, 2, 1])
    fit = np.polyfit(xs, ys, 1)
    rss = float(((ys - np.polyval(fit, xs)) ** 2).sum())
    assert s.k == 1 and s.df == pytest.approx(1.0)
    assert s.verwacht == pytest.approx(13 / 7)
    assert s.tau2 == pytest.approx(max(0.0, rss - 13 / 7))


def test_tijdspreiding_nooit_negatief_en_zuiver_in_simulatie():
    rng = np.random.default_rng(1)
    x = np.arange(8) / 2
    v = rng.uniform(0.5, 2.0, (400, 8))
    # tau2 = 1.5 on top of known chance variances: the pooled estimate is unbiased.
    y = 3 + 0.7 * x + rng.normal(0, np.sqrt(v + 1.5))
    assert st.tijdspreiding(y, v, x).tau2 == pytest.approx(1.5, rel=0.08)
    # No extra variation: truncated at 0, never negative.
    y0 = rng.normal(0, np.sqrt(v[:3]))
    assert st.tijdspreiding(y0 * 0.1, v[:3], x).tau2 == 0.0


def test_tijdspreiding_te_weinig_perioden_en_foute_invoer():
    assert math.isnan(st.tijdspreiding([1, 2], [1, 1], [0, 1]).tau2)
    with pytest.raises(ValueError, match="dezelfde vorm"):
        st.tijdspreiding([[1, 2, 3]], [[1, 1]], [0, 1, 2])
    with pytest.raises(ValueError, match="negatief"):
        st.tijdspreiding([1, 2, 3], [1, -1, 1], [0, 1, 2])
