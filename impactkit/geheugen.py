"""A bounded memo for pure computations keyed by the *content* of the figures they use.

The batch runs the same notebook for every region in one kernel, and every region needs the same
cross-sections: the usual spread between regions per indicator and period, and the extra
variation between half-years. Those are pure functions of the figures, so they are remembered by
a fingerprint of exactly the rows and columns they read. Other figures give another fingerprint,
so a changed table is never answered from memory; the memo only saves time. ``vergeet()``
empties it (tests, benchmarks).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

T = TypeVar("T")

GROOTTE = 512
"""Entries kept per memo (oldest dropped first); a national batch needs about 2 x 40."""

_MEMO: OrderedDict[Hashable, object] = OrderedDict()


def vingerafdruk(df: pd.DataFrame, kolommen: list[str]) -> str:
    """A fingerprint of the content of ``kolommen`` of ``df`` (with the index), order-sensitive.

    >>> a = pd.DataFrame({"x": [1, 2]})
    >>> vingerafdruk(a, ["x"]) == vingerafdruk(a.copy(), ["x"])
    True
    >>> vingerafdruk(a, ["x"]) == vingerafdruk(a.assign(x=[1, 3]), ["x"])
    False
    """
    waarden = pd.util.hash_pandas_object(df[kolommen], index=True).to_numpy()
    return hashlib.blake2b(waarden.tobytes(), digest_size=16).hexdigest()


def onthoud(sleutel: Hashable, bereken: Callable[[], T]) -> T:
    """``bereken()``, or its earlier result for the same key."""
    if sleutel in _MEMO:
        _MEMO.move_to_end(sleutel)
        return _MEMO[sleutel]  # type: ignore[return-value]
    uitkomst = bereken()
    _MEMO[sleutel] = uitkomst
    while len(_MEMO) > GROOTTE:
        _MEMO.popitem(last=False)
    return uitkomst


def vergeet() -> None:
    """Empty the memo."""
    _MEMO.clear()


__all__ = ["GROOTTE", "onthoud", "vergeet", "vingerafdruk"]
