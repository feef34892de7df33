"""Statistics for comparing regions and periods: intervals, funnel limits and tests.

Every function is pure and vectorised: it accepts scalars, lists, numpy arrays or pandas Series
(positionally aligned; Series inputs must share one index, which the result keeps) and returns
the same kind of object. A scalar input gives Python floats.

Missing input (``NaN``, ``None``, ``pd.NA``; for instance a count suppressed by
:mod:`impactkit.onderdrukking`) propagates as ``NaN``: a missing count is never read as 0.
Invalid input (a negative count, a numerator above its denominator, a denominator of 0) raises
:class:`~impactkit.fouten.ImpactkitFout`, a ``ValueError`` with a Dutch message that names the
problem and the fix.

Methods and references
----------------------
- :func:`wilson`: Wilson (1927) score interval; Newcombe (1998a), Stat Med 17:857-872, method 3.
- :func:`poisson_exact`: Garwood (1936) exact interval via chi-square quantiles.
- :func:`ratio_interval`: a rate per ``per`` inhabitants with the Garwood interval, scaled.
- :func:`trechtergrenzen` / :func:`trechterpositie`: Spiegelhalter (2005), "Funnel plots for
  comparing institutional performance", Stat Med 24:1185-1202.
- :func:`toets_twee_proporties`: pooled two-proportion z-test with the Newcombe (1998b),
  Stat Med 17:873-890, hybrid score interval (method 10) for the difference.
- :func:`toets_twee_ratios`: exact conditional test of two Poisson rates (as R's
  ``poisson.test``) with the Clopper-Pearson based interval for the rate ratio.
- :func:`is_significant_en_relevant`: a difference that is both statistically clear and large enough to matter.
- :func:`overspreiding` / :func:`overspreiding_toets`: multiplicative over-dispersion ``phi``
  and its chi-square test, Spiegelhalter (2005), Stat Med 24:1185-1202, section 3.5.
- :func:`tussen_regio_variantie`: DerSimonian and Laird (1986), Controlled Clinical Trials
  7:177-188, between-region variance ``tau2`` with Cochran's Q and I².
- :func:`positie_in_spreiding`: per region "differs from Nederland beyond chance" and "outside
  the usual spread between regions" (additive random effects, Spiegelhalter 2005, Qual Saf
  Health Care 14:347-351).
- :func:`binnenvariantie` / :func:`afrondingsvariantie` / :func:`afronding_in`: chance
  variance of a share or rate at the norm, plus the variance CBS rounding to multiples of 5 adds.
- :func:`tijdspreiding`: extra variance between periods around each series' own trend, pooled
  over regions (method of moments; issue 20).

The rooms: :mod:`.invoer` (reading and checking the input, shared by all),
:mod:`.intervallen` (Wilson, Garwood), :mod:`.toetsen` (two proportions, two rates, significant
and relevant), :mod:`.trechters` (funnel limits and positions, over-dispersion) and
:mod:`.meervoudig_toetsen` (Benjamini–Hochberg), :mod:`.afronding` (within-region variance
with rounding), :mod:`.spreiding` (the usual spread between regions) and :mod:`.schommeling`
(extra variation between periods).
"""

from .afronding import afronding_in, afrondingsvariantie, binnenvariantie
from .intervallen import poisson_exact, ratio_interval, wilson
from .meervoudig_toetsen import benjamini_hochberg as benjamini_hochberg
from .schommeling import TijdSpreiding, tijdspreiding
from .spreiding import SpreidingTussenRegios, positie_in_spreiding, tussen_regio_variantie
from .toetsen import (
    ProportieToets,
    RatioToets,
    is_significant_en_relevant,
    toets_twee_proporties,
    toets_twee_ratios,
)
from .trechters import LABELS, overspreiding, overspreiding_toets, trechtergrenzen, trechterpositie

__all__ = [
    "LABELS",
    "RatioToets",
    "ProportieToets",
    "trechtergrenzen",
    "trechterpositie",
    "is_significant_en_relevant",
    "poisson_exact",
    "ratio_interval",
    "toets_twee_proporties",
    "toets_twee_ratios",
    "wilson",
    "overspreiding",
    "overspreiding_toets",
    "SpreidingTussenRegios",
    "tussen_regio_variantie",
    "positie_in_spreiding",
    "binnenvariantie",
    "afrondingsvariantie",
    "afronding_in",
    "TijdSpreiding",
    "tijdspreiding",
]
