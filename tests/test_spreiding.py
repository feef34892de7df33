"""The usual spread between regions: DerSimonian-Laird tau², rounding, widened funnels.

Known answers carry their source beside the case (as in ``test_statistiek.py``): statsmodels
0.15.0 ``statsmodels.stats.meta_analysis.combine_effects(y, v, method_re="dl")`` (computed once,
statsmodels is not a dependency of the kit), cross-checked with metafor's published ``rma(...,
method="DL")`` output where it exists, and hand computations written out in the comment.
Simulations are seeded and take a few seconds.
"""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impactkit import statistiek as st

# -- Data sets -------------------------------------------------------------------------------
# BCG vaccine trials, Colditz et al. (1994), JAMA 271:698-702, as metafor's ``dat.bcg``:
# TB cases and non-cases among the vaccinated (tpos, tneg) and the controls (cpos, cneg).
BCG_TPOS = np.array([4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27.0])
BCG_TNEG = np.array(
    [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886.0]
)
BCG_CPOS = np.array([11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29.0])
BCG_CNEG = np.array(
    [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825.0]
)

# Practice data (impactkit oefendata), hermeldingen 2022H1, the 26 regions VT01..VT26: counts and
# denominators as published (CBS-rounded to multiples of 5); Nederland 22 795 of 59 985.
HERMELD_X = np.array(
    [1235, 340, 545, 1195, 510, 455, 170, 840, 1380, 1540, 515, 710, 550]
    + [480, 590, 890, 1010, 2130, 925, 1325, 1160, 595, 510, 815, 1050, 1330.0]
)
HERMELD_N = np.array(
    [3195, 945, 1415, 3065, 1465, 1185, 825, 2175, 3715, 4145, 1320, 1915, 1555]
    + [1300, 1625, 2405, 2540, 5515, 2415, 3620, 2970, 1505, 1325, 2220, 2000, 3625.0]
)
HERMELD_P0 = 22795 / 59985

# Practice data, meldingen per 10 000 inwoners 2022H1: meldingen (rounded) and inhabitants;
# Nederland 59 985 per 17 474 693 inhabitants.
MELD_X = HERMELD_N  # the meldingen are the hermeldingen's denominator
MELD_N = np.array(
    [1091773, 494760, 428264, 651459, 701322, 571885, 238592, 586813, 1121614, 814421, 534778]
    + [538154, 513777, 831319, 464230, 614526, 679462, 1329136, 631700, 1361093, 710728]
    + [339925, 385379, 461002, 594212, 784369.0]
)
MELD_P0 = 59985 / 17474693 * 10_000


def _bcg_log_rr():
    # metafor escalc(measure="RR"): yi = log(tpos/n1) - log(cpos/n2), vi = 1/tpos - 1/n1 + 1/cpos - 1/n2
    n1, n2 = BCG_TPOS + BCG_TNEG, BCG_CPOS + BCG_CNEG
    y = np.log(BCG_TPOS / n1) - np.log(BCG_CPOS / n2)
    v = 1 / BCG_TPOS - 1 / n1 + 1 / BCG_CPOS - 1 / n2
    return y, v


def _bcg_log_or():
    # metafor escalc(measure="OR"): yi = log(tpos·cneg / (tneg·cpos)), vi = sum of 1/cell
    y = np.log(BCG_TPOS * BCG_CNEG / (BCG_TNEG * BCG_CPOS))
    v = 1 / BCG_TPOS + 1 / BCG_TNEG + 1 / BCG_CPOS + 1 / BCG_CNEG
    return y, v


# -- tussen_regio_variantie: known answers ---------------------------------------------------
@pytest.mark.parametrize(
    ("data", "tau2", "q", "df", "i2", "p", "gemiddelde"),
    [
        # BCG log risk ratios. statsmodels 0.15.0 combine_effects(y, v, method_re="dl"):
        # tau2 0.3087602628623761, q 152.2330080823733, i2 0.9211734685456205,
        # test_homogeneity().pvalue 1.9967645908459763e-26, mean_effect_re -0.7141172220732273.
        # metafor rma(yi, vi, method="DL") prints tau^2 0.3088 and Q(df = 12) = 152.2330.
        (
            _bcg_log_rr,
            0.3087602628623761,
            152.2330080823733,
            12,
            0.9211734685456205,
            1.9967645908459763e-26,
            -0.7141172220732273,
        ),
        # BCG log odds ratios. statsmodels 0.15.0 combine_effects(y, v, method_re="dl"):
        # tau2 0.3663434067255993, q 163.16491518079977, i2 0.9264547774458557,
        # pvalue 1.1887725911107325e-28, mean -0.7473923497321375. metafor
        # rma(ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg, measure="OR", method="DL")
        # prints tau^2 0.3663, I^2 92.65%, Q(df = 12) = 163.1649, estimate -0.7474.
        (
            _bcg_log_or,
            0.3663434067255993,
            163.16491518079977,
            12,
            0.9264547774458557,
            1.1887725911107325e-28,
            -0.7473923497321375,
        ),
        # Kacker (2004), Metrologia 41:132-136, table 1 (9 laboratories): statsmodels' own test
        # data (statsmodels/stats/tests/results/results_meta.py, exk1_dl, from metafor
        # rma(y, v, method="DL")): tau2 0.288049246973751, QE 24.801897741835,
        # QEp 0.00167935146372742, I2 67.744403741711 %, b 62.3901386044504.
        (
            lambda: (
                np.array([61.00, 61.40, 62.21, 62.30, 62.34, 62.60, 62.70, 62.84, 65.90]),
                np.array([0.2025, 1.2100, 0.0900, 0.2025, 0.3844, 0.5625, 0.0676, 0.0225, 1.8225]),
            ),
            0.288049246973751,
            24.801897741835,
            8,
            0.67744403741711,
            0.00167935146372742,
            62.3901386044504,
        ),
        # Practice data hermeldingen 2022H1 as proportions, v = binnenvariantie(p0, n,
        # afronding=5). statsmodels 0.15.0 combine_effects(x/n, v, method_re="dl"):
        # tau2 0.0012177011648972814, q 319.0268138339525, i2 0.9216366809436525,
        # pvalue 8.962372772351882e-53, mean_effect_re 0.37653848788354927.
        (
            lambda: (
                HERMELD_X / HERMELD_N,
                st.binnenvariantie(HERMELD_P0, HERMELD_N, afronding=5),
            ),
            0.0012177011648972814,
            319.0268138339525,
            25,
            0.9216366809436525,
            8.962372772351882e-53,
            0.37653848788354927,
        ),
        # Practice data meldingen per 10 000 inhabitants 2022H1 (absolute rate scale),
        # v = binnenvariantie(p0, n, "ratio", afronding=5). statsmodels 0.15.0
        # combine_effects(x/n*10_000, v, method_re="dl"): tau2 90.1418648229087,
        # q 4403.520332072367, i2 0.9943227240673975, pvalue 0.0 (underflow),
        # mean_effect_re 34.54498659064169.
        (
            lambda: (
                MELD_X / MELD_N * 10_000,
                st.binnenvariantie(MELD_P0, MELD_N, "ratio", afronding=5),
            ),
            90.1418648229087,
            4403.520332072367,
            25,
            0.9943227240673975,
            0.0,
            34.54498659064169,
        ),
    ],
    ids=[
        "bcg-log-rr",
        "bcg-log-or",
        "kacker-2004",
        "oefendata-hermeldingen",
        "oefendata-meldingen",
    ],
)
def test_dl_tegen_statsmodels(data, tau2, q, df, i2, p, gemiddelde):
    y, v = data()
    s = st.tussen_regio_variantie(y, v)
    assert s.tau2 == pytest.approx(tau2, rel=1e-9)
    assert s.q == pytest.approx(q, rel=1e-9)
    assert s.df == df and s.k == df + 1
    assert s.i2 == pytest.approx(i2, rel=1e-9)
    assert s.p == pytest.approx(p, rel=1e-6, abs=1e-300)
    assert s.gemiddelde == pytest.approx(gemiddelde, rel=1e-9)


def test_dl_handformule():
    # Unequal weights: y = 0, 3 with v = 1, 2 -> w = 1, 0.5, y_w = 1.5/1.5 = 1;
    # Q = 1·1² + 0.5·2² = 3, df = 1, c = 1.5 - 1.25/1.5 = 2/3, tau2 = (3 - 1)/(2/3) = 3;
    # I² = 2/3; p = P(chi2_1 > 3) = 2·Phi(-sqrt(3)); RE weights 1/4, 1/5 -> mean (3/5)/(9/20) = 4/3.
    s = st.tussen_regio_variantie([0, 3], [1, 2])
    assert s.q == pytest.approx(3.0)
    assert s.tau2 == pytest.approx(3.0)
    assert s.i2 == pytest.approx(2 / 3)
    assert s.p == pytest.approx(2 * stats.norm.sf(np.sqrt(3)))
    assert s.gemiddelde == pytest.approx(4 / 3)
    # Q below its df: tau2 and I² are 0, not negative.
    s0 = st.tussen_regio_variantie([1.0, 1.1, 0.9], [1, 1, 1])
    assert s0.tau2 == 0.0 and s0.i2 == 0.0 and s0.p > 0.9


def test_dl_ontbrekend_en_ongeldig():
    s = st.tussen_regio_variantie([0, 2, np.nan, 4], [1, 1, 1, 1])
    assert (s.k, s.q) == (3, 8.0)
    assert np.isnan(st.tussen_regio_variantie([1.0], [1.0]).tau2)
    with pytest.raises(ValueError, match="groter dan 0"):
        st.tussen_regio_variantie([1, 2], [1, 0])


# -- Rounding --------------------------------------------------------------------------------
def test_afrondingsvariantie_is_die_van_de_discrete_uniforme_fout():
    # Rounding an integer to a multiple of 5 leaves an error of -2..2, equally likely:
    # variance (4 + 1 + 0 + 1 + 4)/5 = 2 = (5² - 1)/12.
    fouten = np.round(np.arange(10_000) / 5) * 5 - np.arange(10_000)
    assert np.var(fouten) == pytest.approx(st.afrondingsvariantie(5), rel=1e-3)
    assert st.afrondingsvariantie(1) == 0.0
    with pytest.raises(ValueError, match="afronding"):
        st.afrondingsvariantie(0.5)


def test_binnenvariantie_delta_methode():
    # Share: p(1-p)/n + r/n² + p²r/n² with r = 2; p = 0.01, n = 2000.
    verwacht = 0.01 * 0.99 / 2000 + 2 * (1 + 0.01**2) / 2000**2
    assert st.binnenvariantie(0.01, 2000, afronding=5) == pytest.approx(verwacht, rel=1e-12)
    # Rate per 10 000: p0·per/n + r·(per/n)²·(1 + (p0/per)²); p0 = 30, n = 500 000.
    per_n = 10_000 / 500_000
    verwacht = 30 * per_n + 2 * per_n**2 * (1 + (30 / 10_000) ** 2)
    uit = st.binnenvariantie(30.0, 500_000, "ratio", afronding=5)
    assert uit == pytest.approx(verwacht, rel=1e-12)
    # The rounding share is small for a large count, and dominant for a tiny one.
    assert st.binnenvariantie(0.01, 100, afronding=5) > 3 * st.binnenvariantie(0.01, 100)


def test_afronding_herkennen():
    assert st.afronding_in(HERMELD_X) == 5
    assert st.afronding_in(HERMELD_X + 1) == 1
    assert st.afronding_in([0, 0, 0]) == 1  # nothing to tell from zeros
    assert st.afronding_in([5, np.nan, 10, 15]) == 5


def _nul_trekkingen(p, runs, seed):
    """Null data: 26 regions with the practice data's sizes, all with share ``p``; CBS-rounded."""
    rng = np.random.default_rng(seed)
    n = HERMELD_N.astype(int)
    x = rng.binomial(n, p, size=(runs, len(n)))
    x_rond = np.round(x / 5) * 5  # x/5 is never exactly k + 0.5, so no ties
    p0 = np.round(x.sum(axis=1) / 5) * 5 / n.sum()  # the national count is rounded too
    return x_rond, HERMELD_N, p0


def test_toetsgrootte_met_afronding_blijft_onder_zes_procent():
    # Shares near 1 % in regions of 800-5 500: without the rounding variance the chi-square test
    # rejects far too often (measured 10.9 % here; 11.4 % in 20 000 runs; 12.6 % in the issue's
    # set-up); with it 5.4 % here (5.05 % in 20 000 runs). Cochran's Q: 5.2 % of 500.
    x, n, p0 = _nul_trekkingen(0.01, 2000, seed=20240601)
    p_gewoon = np.array([st.overspreiding_toets(xi, n, p)[1] for xi, p in zip(x, p0)])
    p_rond = np.array([st.overspreiding_toets(xi, n, p, afronding=5)[1] for xi, p in zip(x, p0)])
    assert np.mean(p_gewoon < 0.05) > 0.09
    assert np.mean(p_rond < 0.05) <= 0.06
    # The DL route (Cochran's Q of positie_in_spreiding, rounding detected) holds its size too.
    p_q = np.array(
        [st.positie_in_spreiding(xi, n, p).attrs["p_heterogeniteit"] for xi, p in zip(x[:500], p0)]
    )
    assert np.mean(p_q < 0.05) <= 0.07


# -- Unbiased phi and tau² under the null ----------------------------------------------------
def test_phi_zuiver_is_onvertekend_winsor_niet():
    # 2000 null data sets (shares near 1 %, CBS-rounded). The unbiased phi = sum(z²)/(k-1)
    # averages 1 (measured 1.003); Spiegelhalter's winsorised mean(z²) averages 0.66 (0.659).
    x, n, p0 = _nul_trekkingen(0.01, 2000, seed=7)
    zuiver = [st.overspreiding(xi, n, p, afronding=5, zuiver=True) for xi, p in zip(x, p0)]
    winsor = [st.overspreiding(xi, n, p, afronding=5) for xi, p in zip(x, p0)]
    assert np.mean(zuiver) == pytest.approx(1.0, abs=0.05)
    assert np.mean(winsor) == pytest.approx(0.66, abs=0.03)


def test_tau2_dl_eigenschap_onder_nul_en_met_spreiding():
    # DL: E[Q] = df + tau2·c, so the untruncated (Q - df)/c is unbiased for tau2; truncated at 0
    # it is never negative. Rates per 10 000 with the practice populations, CBS-rounded counts.
    rng = np.random.default_rng(11)
    per, n = 10_000, MELD_N
    for tau2_echt in (0.0, 4.0):
        ruw, afgekapt = [], []
        for _ in range(2000):
            rate = MELD_P0 + rng.normal(0, np.sqrt(tau2_echt), len(n))
            x = np.round(rng.poisson(rate * n / per) / 5) * 5
            p0 = float(np.sum(x) / np.sum(n) * per)
            v = st.binnenvariantie(p0, n, "ratio", afronding=5)
            s = st.tussen_regio_variantie(x / n * per, v)
            w = 1 / v
            ruw.append((s.q - s.df) / (w.sum() - (w**2).sum() / w.sum()))
            afgekapt.append(s.tau2)
        assert min(afgekapt) >= 0
        # Measured means 0.0017 (null) and 4.015 (tau2 = 4); Monte-Carlo se 0.003 and 0.03.
        assert np.mean(ruw) == pytest.approx(tau2_echt, abs=0.12)
    assert np.mean(afgekapt) == pytest.approx(4.0, rel=0.05)


# -- Widened funnels -------------------------------------------------------------------------
@pytest.mark.parametrize("soort", ["proportie", "ratio"])
def test_verbreed_omvat_altijd_exact(soort):
    # For a grid of n and phi / tau2 (including phi = 1.01, where the old normal approximation
    # for rates was narrower than the exact Poisson limit), widened ⊇ plain, at both levels.
    p0 = 0.05 if soort == "proportie" else 20.0
    n = np.geomspace(20, 2e6, 60).round()
    gewoon = st.trechtergrenzen(p0, n, soort=soort)
    for phi in (1.0, 1.01, 1.5, 9.0, 68.0):
        for tau2 in (0.0, 1e-8, 1e-4, 1.0):
            for afronding in (1, 5):
                w = st.trechtergrenzen(p0, n, soort=soort, phi=phi, tau2=tau2, afronding=afronding)
                assert (w["hoog"] >= gewoon["hoog"] - 1e-12).all(), (phi, tau2, afronding)
                assert (w["laag"] <= gewoon["laag"] + 1e-12).all(), (phi, tau2, afronding)


def test_poisson_verbreding_bij_phi_101_niet_smaller():
    # Regression: at 20 per 10 000 and n = 1 000 (lambda = 2 events) the exact 99.8% upper limit
    # is 7.11 events (71.13 per 10 000), but the normal one the kit used at phi = 1.01 was
    # 2 + 3.09·sqrt(1.01·2) = 6.39 events (63.92): "widening" narrowed the funnel.
    exact = st.trechtergrenzen(20.0, [1_000], soort="ratio", niveaus=(0.998,))
    verbreed = st.trechtergrenzen(20.0, [1_000], soort="ratio", niveaus=(0.998,), phi=1.01)
    normaal = 20.0 + stats.norm.ppf(0.999) * np.sqrt(1.01 * 20.0 * 10_000 / 1_000)
    assert float(exact["hoog"].iloc[0]) == pytest.approx(71.126, abs=1e-3)
    assert normaal == pytest.approx(63.920, abs=1e-3)
    assert float(verbreed["hoog"].iloc[0]) == pytest.approx(float(exact["hoog"].iloc[0]))
    # With a large phi the normal limit is the wider one and is used.
    groot = st.trechtergrenzen(20.0, [1_000], soort="ratio", niveaus=(0.998,), phi=9.0)
    assert float(groot["hoog"].iloc[0]) == pytest.approx(
        20.0 + stats.norm.ppf(0.999) * np.sqrt(9 * 20.0 * 10), rel=1e-9
    )


def test_tau2_grenzen_additief_en_parallel():
    # Spiegelhalter (2005), additive random effects: p0 ± z·sqrt(p0(1-p0)/n + tau2). For large n
    # the half-width tends to z·tau, so the funnel becomes two parallel lines.
    g = st.trechtergrenzen(0.3, [100, 1e9], niveaus=(0.95,), tau2=0.0025)
    half = g["hoog"].to_numpy() - 0.3
    assert half[0] == pytest.approx(1.959964 * np.sqrt(0.0021 + 0.0025), rel=1e-6)
    assert half[1] == pytest.approx(1.959964 * 0.05, rel=1e-6)


def test_standaard_blijft_gelijk_voor_bestaande_aanroepen():
    # New parameters default to the old behaviour: no rounding, no tau2, winsorised phi.
    tellers, noemers = [60, 40, 50, 50, 90], [100] * 5
    assert st.overspreiding(tellers, noemers, 0.5) == st.overspreiding(
        tellers, noemers, 0.5, afronding=1, zuiver=False
    )
    g = st.trechtergrenzen(0.3, [100, 400])
    assert g["hoog"].round(4).tolist() == [0.3898, 0.3449, 0.4416, 0.3708]


def test_onder_random_effects_valt_vijf_procent_buiten_de_verbrede_trechter():
    # Simulated regions that differ by tau = 3 points around 38 % (as hermeldingen): about 5 %
    # falls outside the tau2-widened 95% funnel (measured 4.6 %), half outside the plain one.
    rng = np.random.default_rng(3)
    buiten, gewoon = [], []
    for _ in range(300):
        p = np.clip(rng.normal(0.38, 0.03, len(HERMELD_N)), 0.01, 0.99)
        x = np.round(rng.binomial(HERMELD_N.astype(int), p) / 5) * 5
        t = st.positie_in_spreiding(x, HERMELD_N, float(x.sum() / HERMELD_N.sum()))
        buiten.append(t["buiten_spreiding"].mean())
        gewoon.append(t["anders_dan_nederland"].mean())
    assert np.mean(buiten) == pytest.approx(0.05, abs=0.02)
    assert np.mean(gewoon) > 0.4


# -- positie_in_spreiding ---------------------------------------------------------------------
def test_positie_in_spreiding_handvoorbeeld_ratio():
    # Hand-computed example (no published worked example with region-level data was available
    # offline; Spiegelhalter 2005 QSHC gives funnels, not the underlying table). Four regions of
    # 10 000 inhabitants, p0 = 20 per 10 000, counts 30, 10, 20, 20, no rounding:
    # v = 20·10 000/10 000 = 20 for each; y = 30, 10, 20, 20; z_binnen = ±10/sqrt(20) = ±2.2361.
    # Q = (100 + 100)/20 = 10, df = 3, c = 4/20 - (4/400)/(4/20) = 0.15, tau2 = 7/0.15 = 46.667.
    # z_spreiding = 10/sqrt(20 + 46.667) = 1.2247, p_spreiding = 0.2207.
    # p_nederland, exact Poisson (lambda = 20), equal tails: 2·P(X >= 30) = 0.04364,
    # 2·P(X <= 10) = 0.02162, and 1 for 20.
    t = st.positie_in_spreiding([30, 10, 20, 20], [10_000] * 4, 20.0, soort="ratio", afronding=1)
    assert t.attrs["tau2"] == pytest.approx(140 / 3)
    assert t["z_binnen"].tolist() == pytest.approx([2.236068, -2.236068, 0, 0], abs=1e-6)
    assert t["p_nederland"].tolist() == pytest.approx([0.043636, 0.021623, 1, 1], abs=1e-6)
    assert t["z_spreiding"].tolist() == pytest.approx([1.224745, -1.224745, 0, 0], abs=1e-6)
    assert t["p_spreiding"].tolist() == pytest.approx([0.220671, 0.220671, 1, 1], abs=1e-6)
    assert t["anders_dan_nederland"].tolist() == [True, True, False, False]
    assert t["buiten_spreiding"].tolist() == [False, False, False, False]
    assert t.attrs["phi"] == pytest.approx(10 / 3)  # sum(z²)/(k-1) = (5 + 5)/3


def test_positie_in_spreiding_oefendata_hermeldingen():
    # Practice data hermeldingen 2022H1: almost every region "differs from Nederland" by chance
    # alone, but only the planted outliers VT07 (20.6 %) and VT25 (52.5 %) lie outside the usual
    # spread (tau2 from statsmodels above: 0.0012177, tau = 3.5 points).
    codes = [f"VT{i:02d}" for i in range(1, 27)]
    t = st.positie_in_spreiding(
        pd.Series(HERMELD_X, index=codes), pd.Series(HERMELD_N, index=codes), HERMELD_P0
    )
    assert t.attrs["afronding"] == 5  # CBS rounding detected
    assert t.attrs["tau2"] == pytest.approx(0.0012177011648972814, rel=1e-9)
    assert list(t.index) == codes
    assert t.index[t["buiten_spreiding"]].tolist() == ["VT07", "VT25"]
    assert t["anders_dan_nederland"].sum() >= 2
    # Outside the spread implies outside the plain funnel (the widened one contains it).
    assert not (t["buiten_spreiding"] & ~t["anders_dan_nederland"]).any()
    y0 = (t["waarde"] - HERMELD_P0) / np.sqrt(
        st.binnenvariantie(HERMELD_P0, HERMELD_N, afronding=5) + t.attrs["tau2"]
    )
    assert t["z_spreiding"].to_numpy() == pytest.approx(y0.to_numpy())
    assert t["p_spreiding"].to_numpy() == pytest.approx(2 * stats.norm.sf(np.abs(y0)))


def test_positie_in_spreiding_ratio_oefendata_en_ontbrekend():
    x = MELD_X.copy()
    x[3] = np.nan  # a suppressed region: NA verdicts, left out of tau2
    t = st.positie_in_spreiding(x, MELD_N, MELD_P0, soort="ratio")
    assert t.attrs["k"] == 25
    assert pd.isna(t["buiten_spreiding"].iloc[3]) and pd.isna(t["anders_dan_nederland"].iloc[3])
    assert t["buiten_spreiding"].dtype == "boolean"
    volledig = st.positie_in_spreiding(MELD_X, MELD_N, MELD_P0, soort="ratio")
    assert volledig.attrs["tau2"] == pytest.approx(90.1418648229087, rel=1e-9)
    # Funnel and verdict agree: outside the spread <=> outside trechterpositie with tau2.
    posities = st.trechterpositie(
        MELD_X, MELD_N, MELD_P0, soort="ratio", tau2=volledig.attrs["tau2"], afronding=5
    )
    assert (posities != "binnen").tolist() == volledig["buiten_spreiding"].tolist()
