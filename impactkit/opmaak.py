"""Dutch number formatting for text, tables and charts (decimal comma, thousands dot)."""

from __future__ import annotations

import math

import pandas as pd

EENHEID_DECIMALEN = {"aantal": 0, "%": 1, "per 10.000 inwoners": 1, "score": 1, "gemiddelde": 1}
D3_FORMAAT = {
    "aantal": ",.0f",
    "%": ".1f",
    "per 10.000 inwoners": ".1f",
    "score": ".1f",
    "gemiddelde": ".1f",
}
VEGA_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€", ""]}


def ontbreekt(x: object) -> bool:
    """True for a missing value: None, pd.NA, NaN and NaT (a suppressed count is missing).

    Anything else is present, text included; for "is this a usable number" see
    :func:`impactkit.oordelen.geen_getal`.

    >>> ontbreekt(None), ontbreekt(float("nan")), ontbreekt(pd.NA), ontbreekt(0), ontbreekt("x")
    (True, True, True, False, False)
    """
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def getal(x: float | None, decimalen: int = 1) -> str:
    """Format a number the Dutch way: ``getal(1234.5)`` -> '1.234,5'; missing -> '–'.

    Examples
    --------
    >>> getal(55.6075)
    '55,6'
    >>> getal(60880, 0)
    '60.880'
    """
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return "–"
    tekst = f"{float(x):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def met_eenheid(x: float | None, eenheid: str) -> str:
    """Format a value with its unit: '55,6%', '2,2 per 10.000 inwoners', '1.070'."""
    tekst = getal(x, EENHEID_DECIMALEN.get(eenheid, 1))
    if tekst == "–":
        return tekst
    if eenheid == "%":
        return f"{tekst}%"
    if eenheid == "aantal":
        return tekst
    return f"{tekst} {eenheid}"


def tabelgetal(x: float) -> str:
    """How a number shows in a table: whole counts from 100 without decimals, small ones with 3.

    >>> tabelgetal(1070.0), tabelgetal(55.6075), tabelgetal(0.0123)
    ('1.070', '55,6', '0,012')
    """
    if float(x).is_integer() and abs(x) >= 100:
        return getal(x, 0)
    return getal(x, 3) if 0 < abs(x) < 0.1 else getal(x, 1)


def nederlandse_tabellen() -> None:
    """Show pandas tables in a notebook the Dutch way: full texts, decimal comma, thousands dot.

    Changes pandas' display options of the running notebook (that is its job); the book's pages
    and the workbook call it once at the top instead of repeating the options.
    """
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.float_format", tabelgetal)
