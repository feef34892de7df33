"""Errors with Dutch, actionable messages.

Every error a coordinator can trigger derives from :class:`ImpactkitFout`, so notebooks and
the batch runner can catch one type and show the message without a traceback. The whole tree
(each class also derives from the built-in error a Python user would try first)::

    ImpactkitFout (ValueError)              the user's input, with a Dutch message naming the fix
    ├── OnbekendeRegio (KeyError)           a region name or code that is not recognised
    ├── OnbekendeIndicator (KeyError)       an indicator id that is not in the catalogue
    ├── OnbekendeKeuze (KeyError)           a value outside a fixed list (theme, level, ...)
    ├── OngeldigePeriode                    a period text that cannot be read
    ├── GeenWaarde (LookupError)            no figure for a query (not measured, suppressed, ...)
    ├── DataFout                            a data file that cannot be read into the one table
    ├── OngeldigeInvoer (TypeError)         an argument of the wrong kind
    └── CBSNietBereikbaar                   a CBS table that cannot be fetched (network, table id)

The helpers below the classes build the recurring parts of messages: a Dutch name for the
kind of a value, 'did you mean' suggestions and the list of a file's problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ImpactkitFout(ValueError):
    """Base class: a problem in the user's input, with a Dutch message naming the fix."""


class _MeldingAlsTekst(KeyError):
    """KeyError would otherwise quote the message; show it as written."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


class OnbekendeRegio(ImpactkitFout, _MeldingAlsTekst):
    """Region name or code not recognised."""


class OnbekendeIndicator(ImpactkitFout, _MeldingAlsTekst):
    """Indicator id not in the catalogue."""


class OnbekendeKeuze(ImpactkitFout, _MeldingAlsTekst):
    """A value outside a fixed list of choices (a catalogue theme, level, layer, ...)."""


class OngeldigePeriode(ImpactkitFout):
    """A period string that cannot be parsed."""


class GeenWaarde(ImpactkitFout, LookupError):
    """No value exists for a query (not measured, not regional, suppressed, ...)."""


class DataFout(ImpactkitFout):
    """A data file that cannot be read into the observation model."""


class OngeldigeInvoer(ImpactkitFout, TypeError):
    """An argument of the wrong kind (a number where a name or a path belongs, ...)."""


class CBSNietBereikbaar(ImpactkitFout):
    """A CBS table could not be fetched (no network, unknown table, service error)."""


def soort_invoer(x: object) -> str:
    """A Dutch name for the kind of a value, for messages (never a Python type name)."""
    if x is None:
        return "niets (None)"
    if isinstance(x, bool):
        return "ja/nee-waarde"
    if isinstance(x, (int, float)):
        return f"getal ({x})"
    if isinstance(x, str):
        return f"tekst ('{x[:40]}')"
    if isinstance(x, (list, tuple, set)):
        return "lege lijst" if not x else "lijst"
    if isinstance(x, dict):
        return "woordenboek"
    if type(x).__name__ == "DataFrame":
        return "tabel"
    return "iets anders dan tekst"


def suggesties(
    invoer: str, kandidaten: Iterable[str], n: int = 3, cutoff: float = 0.5
) -> list[str]:
    """Return up to ``n`` close matches of ``invoer`` among ``kandidaten`` (case-insensitive)."""
    kandidaten = list(dict.fromkeys(kandidaten))
    lager = {k.lower(): k for k in kandidaten}
    treffers = difflib.get_close_matches(invoer.lower(), list(lager), n=n, cutoff=cutoff)
    return [lager[t] for t in treffers]


def bedoelde_je(invoer: str, kandidaten: Iterable[str], n: int = 3) -> str:
    """Dutch 'did you mean' phrase, or an empty string when nothing is close."""
    treffers = suggesties(invoer, kandidaten, n=n)
    if not treffers:
        return ""
    return " Bedoelde je: " + ", ".join(f"'{t}'" for t in treffers) + "?"


MAX_MELDINGEN = 10
"""How many problems of one file are listed before '... en nog N meldingen'."""


def niet_ingelezen(bestand: str, fouten: list[str], maximum: int = MAX_MELDINGEN) -> DataFout:
    """The error for a file with problems: nothing imported, the first problems listed."""
    meer = len(fouten) - maximum
    lijst = "\n".join(fouten[:maximum]) + (f"\n... en nog {meer} meldingen." if meer > 0 else "")
    return DataFout(f"{bestand} is niet ingelezen; herstel eerst:\n{lijst}")


_OS_REDENEN = {
    "EROFS": "de schijf of map is alleen-lezen",
    "EACCES": "geen toestemming",
    "EPERM": "geen toestemming",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "je schijfruimte (quotum) is op",
    "EISDIR": "dit is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is een bestand, geen map",
    "ENOENT": "het bestand of de map bestaat niet",
    "EEXIST": "er staat een bestand waar een map moet komen",
    "ENAMETOOLONG": "de naam is te lang",
    "EBUSY": "het bestand is in gebruik",
}


def bestandsreden(e: OSError) -> str:
    """The reason of a file-system error in Dutch, for the end of a Dutch message.

    The common reasons (read-only, no permission, disk full, a folder, not found) are translated;
    anything else keeps the system's own words with its error number.

    >>> import errno
    >>> bestandsreden(OSError(errno.EROFS, "Read-only file system"))
    'de schijf of map is alleen-lezen'
    >>> bestandsreden(PermissionError(errno.EACCES, "Permission denied"))
    'geen toestemming'
    """
    import errno

    naam = errno.errorcode.get(e.errno or 0, "")
    if naam in _OS_REDENEN:
        return _OS_REDENEN[naam]
    if isinstance(e, PermissionError):
        return _OS_REDENEN["EACCES"]
    return f"systeemfout {e.errno}: {e.strerror}" if e.errno else "onbekende oorzaak"
