"""Dutch number formatting for text, tables and charts (decimal comma, thousands dot)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

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


def afronden(x: float, decimalen: int = 1) -> float:
    """Round as :func:`getal` prints: halves up, on the number as written (0,25 -> 0,3).

    >>> afronden(0.25), afronden(1.25), afronden(2.5, 0), round(2.5)
    (0.3, 1.3, 3.0, 2)
    """
    if not math.isfinite(float(x)):
        return float(x)
    stap = Decimal(1).scaleb(-decimalen)
    return float(Decimal(repr(float(x))).quantize(stap, rounding=ROUND_HALF_UP))


def getal(x: float | None, decimalen: int = 1) -> str:
    """Format a number the Dutch way: ``getal(1234.5)`` -> '1.234,5'; missing -> '–'.

    Examples
    --------
    >>> getal(55.6075)
    '55,6'
    >>> getal(60880, 0)
    '60.880'

    Halves round up, as a Dutch reader (and CBS) rounds them, on the number as it is printed
    (0,25 -> 0,3 and 2,5 -> 3; Python's own formatting would give 0,2 and 2):

    >>> getal(0.25), getal(2.5, 0), getal(-1.45)
    ('0,3', '3', '-1,5')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return "–"
    if isinstance(x, float | int) and not math.isfinite(float(x)):
        return "–"
    afgerond = Decimal(repr(afronden(x, decimalen))).quantize(Decimal(1).scaleb(-decimalen))
    if afgerond == 0:
        afgerond = abs(afgerond)  # no '-0,0'
    tekst = f"{afgerond:,.{decimalen}f}"
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
