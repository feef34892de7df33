"""CSV cells that a spreadsheet shows as text, never runs as a formula (CSV injection).

A CSV file the kit writes is opened in Excel or LibreOffice. A cell that starts with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return before one) is read there as a formula: a participant
named ``=HYPERLINK("http://x","klik")`` becomes a link, and worse formulas can fetch or run
things. OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection) is to put a
single quote before such a cell, which makes the spreadsheet show it as text.

The rule: **text** the kit writes (names, questions, messages, anything a user typed) goes
through :func:`veilige_csv_cel`; a **number** the kit computed (a count, a percentage, ``-2``)
is written as a number and stays a number. A text that merely looks like a number (``"-2"``
typed by a user) is text, and is neutralised like any other: the kit cannot know it is harmless.

>>> [veilige_csv_cel(t) for t in ("-2+3", "+1+1", "@SUM(A1)", "=1", "\\t=1", "gewoon")]
["'-2+3", "'+1+1", "'@SUM(A1)", "'=1", "'\\t=1", 'gewoon']
>>> veilige_csv_cel(-2), veilige_csv_cel(-2.5), veilige_csv_cel("-2")
('-2', '-2.5', "'-2")
"""

from __future__ import annotations

import pandas as pd

GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""


def veilige_csv_cel(tekst: object) -> str:
    """``tekst`` as a CSV cell that a spreadsheet shows as text (OWASP CSV injection).

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single
    quote in front; other text is returned as is. A number (``int``/``float``, not text) is
    returned as its plain digits: a number the kit wrote stays a number. ``None`` is ''.
    """
    if tekst is None:
        return ""
    if isinstance(tekst, int | float) and not isinstance(tekst, bool):
        return str(tekst)
    tekst = str(tekst)
    return "'" + tekst if tekst.startswith(GEVAARLIJK_BEGIN) else tekst


def veilige_csv_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``tabel`` with every text cell made safe; numbers and empty cells unchanged.

    For ``tabel.to_csv``: numeric columns stay numbers, and so do numbers inside a text column.

    >>> veilige_csv_tabel(pd.DataFrame({"naam": ["=1", "An"], "n": [-2, 3]})).to_csv(index=False)
    "naam,n\\n'=1,-2\\nAn,3\\n"
    """
    uit = tabel.copy()
    for kolom in uit.columns:
        if uit[kolom].dtype == object or pd.api.types.is_string_dtype(uit[kolom]):
            uit[kolom] = uit[kolom].map(lambda x: veilige_csv_cel(x) if isinstance(x, str) else x)
    return uit


__all__ = ["GEVAARLIJK_BEGIN", "veilige_csv_cel", "veilige_csv_tabel"]
