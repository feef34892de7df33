"""Correction for multiple testing: Benjamini–Hochberg adjusted p-values."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats


def benjamini_hochberg(p: Any) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate); NaN stays NaN.

    A finding is kept at false discovery rate ``q`` when its adjusted p-value is below ``q``.
    Equal to R's ``p.adjust(p, "BH")`` over the non-missing values.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.005]).round(4).tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    p = np.asarray(p, dtype=float)
    uit = np.full(p.shape, np.nan)
    bekend = ~np.isnan(p)
    if bekend.any():
        uit[bekend] = stats.false_discovery_control(p[bekend], method="bh")
    return uit
