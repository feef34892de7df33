"""Statistical disclosure control: small counts never leave the kit.

CBS does not publish counts below its disclosure threshold in the Veilig Thuis tables (shown as
'.'); after rounding to multiples of 5 that means a count of 5. The kit applies the same rule to
every table it returns or writes, whatever the source: a count from 1 to ``GRENS - 1``, or a
percentage or rate built on such a count or denominator, is replaced by a missing value and
flagged ``onderdrukt``. Every small count the row carries is withheld with it: a suppressed share
does not keep a denominator of 1 to 9 visible, nor a numerator that waarde x noemer would give
back. Zero stays zero: 'no cases' is not disclosive.

That primary suppression is followed by secondary suppression
(:mod:`impactkit.aanvullende_onderdrukking`): more cells are withheld until no withheld count
can be recovered by subtraction from a total or the other categories, regions or half-years.
Those cells are flagged ``onderdrukt`` too.
"""

from __future__ import annotations

import pandas as pd

from .aanvullende_onderdrukking import aanvullend

GRENS = 10
"""Smallest count that may be shown."""


def is_klein(aantal: pd.Series) -> pd.Series:
    """True where a count is positive but below the threshold (missing counts: False)."""
    a = pd.to_numeric(aantal, errors="coerce")
    return ((a > 0) & (a < GRENS)).fillna(False).astype(bool)


def onderdruk(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a tidy observation table with small counts suppressed.

    Primary and secondary suppression (see the module docstring). The table needs the columns ``waarde``, ``teller``, ``noemer``, ``eenheid``; ``onderdrukt``
    is added or updated (existing flags, e.g. CBS '.' markers, are kept).

    Examples
    --------
    >>> t = pd.DataFrame({"waarde": [5.0, 40.0], "teller": [5, 40], "noemer": [None, None],
    ...                   "eenheid": ["aantal", "aantal"]})
    >>> onderdruk(t)["waarde"].isna().tolist()
    [True, False]
    """
    uit = df.copy()
    aantal_rij = uit["eenheid"].astype("string") == "aantal"
    klein = is_klein(uit["teller"]) | is_klein(uit["noemer"])
    klein |= aantal_rij & uit["teller"].isna() & is_klein(uit["waarde"])
    eerder = uit["onderdrukt"].fillna(False).astype(bool) if "onderdrukt" in uit else False
    vlag = (klein | eerder).to_numpy(dtype=bool)
    # A small denominator is itself a small count: withhold it too (a large one may stay).
    noemer_weg = vlag & is_klein(uit["noemer"]).to_numpy(dtype=bool)
    vlag, noemer_weg = aanvullend(uit, vlag, noemer_weg)
    uit.loc[vlag, "waarde"] = pd.NA
    uit.loc[vlag, "teller"] = pd.NA
    uit.loc[noemer_weg, "noemer"] = pd.NA
    uit["onderdrukt"] = pd.array(vlag, dtype="boolean")
    return uit
