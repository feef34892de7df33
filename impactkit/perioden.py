"""Half-year and year periods as users meet them.

The monitor reports per half-year ("1e halfjaar 2021") and per year. :class:`Periode` parses all
the spellings that appear in CBS tables, dashboards and our own files, sorts, and steps back.

Examples
--------
>>> Periode.parse("1e halfjaar 2021")
Periode('2021H1')
>>> Periode.parse("2021HJ02").vorige()
Periode('2021H1')
>>> str(Periode.parse("2021-H1").jaar_eerder())
'2020H1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

from .fouten import OngeldigePeriode

VOORBEELDEN = "'2021H1', '2021-H1', '1e halfjaar 2021', '2021', '2021HJ01' of '2021JJ00'"

_PATRONEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<jaar>\d{4})$"), "jaar"),
    (re.compile(r"^(?P<jaar>\d{4})\s*[-_/ ]?\s*h(?:j)?0?(?P<h>[12])$"), "half"),
    (re.compile(r"^h(?P<h>[12])\s*[-_/ ]?\s*(?P<jaar>\d{4})$"), "half"),
    (re.compile(r"^(?P<jaar>\d{4})\s*jj\s*00$"), "jaar"),
    (re.compile(r"^(?P<jaar>\d{4})\s*hj\s*0?(?P<h>[12])$"), "half"),
    (
        re.compile(
            r"^(?P<h>1|2|eerste|tweede)\s*(?:e|ste|de)?\s*(?:half\s*jaar|hj)\s*(?P<jaar>\d{4})$"
        ),
        "half",
    ),
    (re.compile(r"^(?P<jaar>\d{4})\s*[-_ ]?\s*(?P<h>1|2)e?\s*(?:half\s*jaar|hj)$"), "half"),
]


@total_ordering
@dataclass(frozen=True)
class Periode:
    """A reporting period: a whole year (``halfjaar=None``) or half-year 1 or 2."""

    jaar: int
    halfjaar: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.jaar <= 2100:
            raise OngeldigePeriode(
                f"Jaar {self.jaar} valt buiten 1900-2100. Gebruik bv. {VOORBEELDEN}."
            )
        if self.halfjaar not in (None, 1, 2):
            raise OngeldigePeriode(
                f"Halfjaar moet 1 of 2 zijn, niet {self.halfjaar!r}. Gebruik bv. {VOORBEELDEN}."
            )

    # -- parsing -----------------------------------------------------------------------------
    @classmethod
    def parse(cls, tekst: str | int | Periode) -> Periode:
        """Parse any supported spelling; a trailing CBS '*' (provisional) is ignored."""
        if isinstance(tekst, Periode):
            return tekst
        if isinstance(tekst, int) and not isinstance(tekst, bool):
            return cls(tekst)
        if not isinstance(tekst, str):
            raise OngeldigePeriode(
                f"Periode {tekst!r} is geen tekst of jaartal. Gebruik bv. {VOORBEELDEN}."
            )
        schoon = tekst.strip().lower().rstrip("*").strip()
        schoon = " ".join(schoon.replace("\u00a0", " ").split())
        for patroon, soort in _PATRONEN:
            m = patroon.match(schoon)
            if m:
                jaar = int(m.group("jaar"))
                if soort == "jaar":
                    return cls(jaar)
                h = m.group("h")
                return cls(jaar, 1 if h in ("1", "eerste") else 2)
        raise OngeldigePeriode(
            f"Periode '{tekst}' is niet te lezen. Schrijf een halfjaar of jaar, bv. {VOORBEELDEN}."
        )

    @staticmethod
    def is_voorlopig_label(tekst: str) -> bool:
        """CBS marks provisional figures with '*' (and '**' for 'nader voorlopig')."""
        return isinstance(tekst, str) and tekst.strip().endswith("*")

    # -- properties ----------------------------------------------------------------------------
    @property
    def is_halfjaar(self) -> bool:
        return self.halfjaar is not None

    @property
    def code(self) -> str:
        """Canonical short form used in our tables: '2021H1' or '2021'."""
        return f"{self.jaar}H{self.halfjaar}" if self.halfjaar else str(self.jaar)

    @property
    def cbs_code(self) -> str:
        """CBS StatLine period key: '2021HJ01' or '2021JJ00'."""
        return f"{self.jaar}HJ0{self.halfjaar}" if self.halfjaar else f"{self.jaar}JJ00"

    @property
    def label(self) -> str:
        """Dutch label as CBS writes it: '1e halfjaar 2021' or '2021'."""
        return f"{self.halfjaar}e halfjaar {self.jaar}" if self.halfjaar else str(self.jaar)

    # -- arithmetic --------------------------------------------------------------------------
    def vorige(self) -> Periode:
        """The period just before: 2021H1 -> 2020H2, 2021H2 -> 2021H1, 2021 -> 2020."""
        if self.halfjaar is None:
            return Periode(self.jaar - 1)
        if self.halfjaar == 2:
            return Periode(self.jaar, 1)
        return Periode(self.jaar - 1, 2)

    def volgende(self) -> Periode:
        """The period just after."""
        if self.halfjaar is None:
            return Periode(self.jaar + 1)
        if self.halfjaar == 1:
            return Periode(self.jaar, 2)
        return Periode(self.jaar + 1, 1)

    def jaar_eerder(self) -> Periode:
        """Same half-year one year earlier (for comparisons without seasonal effects)."""
        return Periode(self.jaar - 1, self.halfjaar)

    def jaar_periode(self) -> Periode:
        """The whole year this period falls in."""
        return Periode(self.jaar)

    def _sleutel(self) -> tuple[int, int]:
        # A whole year sorts after both of its half-years.
        return (self.jaar, self.halfjaar or 3)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Periode):
            return NotImplemented
        return self._sleutel() < other._sleutel()

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Periode('{self.code}')"


def periode(tekst: str | int | Periode) -> Periode:
    """Parse a period (the Dutch public name for :meth:`Periode.parse`)."""
    return Periode.parse(tekst)


def halfjaren(van: str | Periode, tot: str | Periode) -> list[Periode]:
    """All half-years from ``van`` up to and including ``tot``."""
    begin, eind = Periode.parse(van), Periode.parse(tot)
    if not (begin.is_halfjaar and eind.is_halfjaar):
        raise OngeldigePeriode("Geef begin en eind als halfjaar, bv. '2019H1' en '2024H2'.")
    uit, p = [], begin
    while p <= eind:
        uit.append(p)
        p = p.volgende()
    return uit
