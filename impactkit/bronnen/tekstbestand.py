"""Reading a text file the user gives: own figures, StatLine downloads, norms, local indicators.

One reader for all of them, with the same checks and the same Dutch messages: a path that is no
file, a file that is too big, a spreadsheet or PDF instead of text, an unknown encoding; then the
separator, the records with the line each starts on, and numbers written the Dutch or English way.

Invisible characters never make a difference the user cannot see: zero-width characters
(U+200B-U+200D, U+2060, U+FEFF, soft hyphen, direction marks) are removed from the whole text,
and the other spaces (no-break U+00A0, thin U+2009, narrow no-break U+202F, ...) become an
ordinary space, so 'waarde\u200b' is the column 'waarde' and 'Hollands\u00a0Midden' the region.
In a number a space of any kind is a thousands separator ('1 070', '1\u202f070' = 1070) only
where it stands before a group of three digits; anywhere else the number is refused.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..fouten import DataFout, OngeldigeInvoer, bestandsreden, soort_invoer

MAX_BYTES = 50 * 1024 * 1024
"""Largest file read: a bigger one is almost certainly not a table of regional figures."""


def controleer_pad(pad: object, wat: str = "bestand") -> Path:
    """The path of an existing file, or a Dutch message (not a path, missing, a folder)."""
    if isinstance(pad, bytes) or not isinstance(pad, (str, Path)) or not str(pad).strip():
        raise OngeldigeInvoer(
            f"Geef het {wat} als pad (tekst), bv. 'mijn_cijfers.csv', niet {soort_invoer(pad)}."
        )
    pad = Path(pad)
    if pad.is_dir():
        csvs = sorted(p.name for p in pad.glob("*.csv"))[:3]
        hint = f" Bedoel je een bestand daarin, bv. '{pad / csvs[0]}'?" if csvs else ""
        raise DataFout(f"'{pad}' is een map, geen bestand. Geef het pad van het {wat} zelf.{hint}")
    if not pad.exists():
        raise DataFout(f"Het {wat} '{pad}' bestaat niet. Controleer de naam en de map.")
    return pad


def lees_tekstbestand(pad: object, wat: str = "bestand") -> tuple[Path, str]:
    """Read a text file whatever its encoding (UTF-8, UTF-16, Windows/latin-1).

    Spreadsheets (Excel, OpenDocument), PDFs and other binary files get a Dutch message saying
    what to do instead.
    """
    pad = controleer_pad(pad, wat)
    try:
        grootte = pad.stat().st_size
        if grootte > MAX_BYTES:
            raise DataFout(
                f"{pad.name} is {grootte / 1024 / 1024:.0f} MB; impactkit leest bestanden tot "
                f"{MAX_BYTES // 1024 // 1024} MB. Is dit wel het goede bestand?"
            )
        ruw = pad.read_bytes()
    except PermissionError:
        raise DataFout(
            f"Geen toestemming om '{pad}' te lezen. Is het bestand nog open in een "
            "ander programma of afgeschermd?"
        ) from None
    except OSError as e:
        raise DataFout(f"Het {wat} '{pad}' is niet te openen ({bestandsreden(e)}).") from None
    if ruw.startswith(b"PK\x03\x04") or ruw.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataFout(
            f"{pad.name} is een Excel-werkmap (of een ander spreadsheetbestand), geen CSV-tekst. "
            "Open het in Excel en kies Opslaan als > 'CSV (gescheiden door lijstscheidingsteken)'; "
            "geef dan dat .csv-bestand op."
        )
    if ruw.startswith(b"%PDF"):
        raise DataFout(f"{pad.name} is een PDF, geen CSV-bestand. Geef de cijfers als CSV-tekst.")
    if ruw.startswith((b"\xff\xfe", b"\xfe\xff")):
        tekst = ruw.decode("utf-16")
    elif b"\x00" in ruw[:4096]:
        voor = ruw[:4096]
        if voor[1::2].count(0) > len(voor) // 4 and voor[0::2].count(0) == 0:
            tekst = ruw.decode("utf-16-le", errors="replace")
        elif voor[0::2].count(0) > len(voor) // 4 and voor[1::2].count(0) == 0:
            tekst = ruw.decode("utf-16-be", errors="replace")
        else:
            raise DataFout(
                f"{pad.name} is geen tekstbestand (het bevat binaire gegevens). Geef een CSV-bestand "
                "op, opgeslagen als 'CSV UTF-8' of 'CSV (gescheiden door lijstscheidingsteken)'."
            )
    else:
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                tekst = ruw.decode("cp1252")  # Excel on Windows: 'CSV (lijstscheidingsteken)'
            except UnicodeDecodeError:
                tekst = ruw.decode("latin-1")
    if "\ufffd" in tekst[:4096]:
        raise DataFout(
            f"{pad.name}: de tekenset van het bestand is niet te herkennen. Sla het opnieuw op als "
            "'CSV UTF-8 (door komma's gescheiden)' en probeer het nog eens."
        )
    return pad, zichtbaar(tekst)


_ONZICHTBAAR = (
    dict.fromkeys(
        map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"),
        None,
    )
    | dict.fromkeys(range(0x202A, 0x202F), None)
    | dict.fromkeys(range(0x2066, 0x206A), None)
)
_SPATIES = dict.fromkeys([0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " ")


def zichtbaar(tekst: str) -> str:
    """The text without invisible characters, every kind of space an ordinary space.

    >>> zichtbaar("waarde\u200b;Hollands\u00a0Midden;1\u202f070")
    'waarde;Hollands Midden;1 070'
    """
    return tekst.translate(_ONZICHTBAAR | _SPATIES)


_DUIZEND_PUNT = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.070, 12.345.678
_DUIZEND_KOMMA = re.compile(r"^\d{1,3}(,\d{3})+$")  # 1,070 (English thousands, or 1,07?)
_NL_DECIMAAL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")  # 1.070,5
_EN_DECIMAAL = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")  # 1,070.5
_EENVOUDIG = re.compile(r"^\d+([.,]\d+)?$")  # 1070, 55,6, 55.6
_SPATIE_DUIZEND = re.compile(r"^[-\u2212]?\d{1,3}( \d{3})+([.,]\d+)?%?$")  # 1 070, 12 345,6


class GeenGetal(ValueError):
    """A field that is not a number in the column's unit; the argument is the Dutch reason."""


def lees_getal(tekst: str, teken: str, aantal: bool = False) -> float | None:
    """Parse a number by its column's unit; ambiguous notations are refused.

    A count (``aantal``: teller, noemer, the value of a count indicator) is a whole number, so
    '1.070' can only be 1070. For a share, rate or score '55.600' could be 55,6 or 55600, and
    is refused; in a ';' file (the Dutch/StatLine form) '2,206' is a decimal comma.
    """
    t = zichtbaar(tekst).strip()
    if t == "":
        return None
    t = re.sub(r"^([-\u2212])\s+", r"\1", re.sub(r"\s+%$", "%", t))
    if " " in t:
        if re.fullmatch(r"[-\u2212]?[\d .,]+%?", t) and not _SPATIE_DUIZEND.match(t):
            raise GeenGetal(
                f"'{t}' bevat een spatie (misschien een vaste of smalle spatie) die geen scheiding "
                "tussen duizendtallen is: zo'n spatie staat altijd vóór drie cijfers, zoals in "
                "1 070. Schrijf het getal zonder spatie."
            )
        t = t.replace(" ", "")
    teken_min = t[:1] in ("-", "\u2212")
    if teken_min:
        t = t[1:]
    if not aantal and t.endswith("%"):
        t = t[:-1]
    min_ = -1.0 if teken_min else 1.0
    ascii_ = t.isascii()  # '²', '½' or digits of another script are no number of ours
    if ascii_ and aantal:
        if t.isdigit() or _DUIZEND_PUNT.match(t):
            return min_ * float(t.replace(".", ""))
        if _DUIZEND_KOMMA.match(t):
            raise GeenGetal(
                f"'{tekst}' is dubbelzinnig in een kolom met aantallen: {t.replace(',', '')} "
                f"(Engelse schrijfwijze) of {t} met decimale komma? Een aantal is een heel getal: "
                f"schrijf {t.replace(',', '')} (zonder komma) of {t.replace(',', '.')}."
            )
        if re.match(r"^\d+[.,]0+$", t):
            return min_ * float(re.split(r"[.,]", t)[0])
        if _EENVOUDIG.match(t) or _NL_DECIMAAL.match(t) or _EN_DECIMAAL.match(t):
            raise GeenGetal(
                f"'{tekst}' is geen heel getal, en een aantal (meldingen, teller, noemer) is altijd "
                "een heel getal. Schrijf het aantal zonder decimalen, bv. 12 of 1070 (of 1.070)."
            )
    elif ascii_:
        if _EENVOUDIG.match(t):
            geheel, _, decimalen = t.replace(",", ".").partition(".")
            scheiding = "." if "." in t else ","
            if (
                len(decimalen) == 3
                and len(geheel) <= 3
                and (scheiding == "." or teken == ",")
                and geheel != "0"
            ):
                raise GeenGetal(
                    f"'{tekst}' is dubbelzinnig: {geheel},{decimalen.rstrip('0') or '0'} of "
                    f"{geheel}{decimalen} (met een punt voor de duizendtallen)? Schrijf een "
                    f"decimaal getal met één of twee decimalen (bv. {geheel},"
                    f"{decimalen[:1]}), zonder scheiding voor de duizendtallen."
                )
            return min_ * float(t.replace(",", "."))
        if _DUIZEND_PUNT.match(t) or _NL_DECIMAAL.match(t):
            return min_ * float(t.replace(".", "").replace(",", "."))
        if _EN_DECIMAAL.match(t) or (_DUIZEND_KOMMA.match(t) and t.count(",") > 1):
            return min_ * float(t.replace(",", ""))
    raise GeenGetal(
        f"'{tekst}' is geen getal. Schrijf bv. 55,6 of 55.6 (een aantal als 1070 of 1.070); "
        "gebruik '.' alleen voor een onderdrukt cijfer."
    )


def scheidingsteken(kop: str, pad: Path) -> str:
    """The separator of a header line: the most frequent of ';', ',' and tab."""
    tellingen = {t: kop.count(t) for t in (";", ",", "\t")}
    teken, aantal = max(tellingen.items(), key=lambda kv: kv[1])
    if aantal == 0:
        raise DataFout(
            f"{pad.name}, regel 1: de kopregel '{kop.strip()[:60]}' bevat geen puntkomma, komma of "
            "tab. Gebruik ';' (zoals StatLine) of ',' als scheidingsteken tussen de kolommen."
        )
    return teken


def lees_regels(tekst: str, teken: str, pad: Path) -> list[tuple[int, list[str]]]:
    """All records with the line each starts on; a broken quote names its line."""
    lezer = csv.reader(io.StringIO(tekst), delimiter=teken)
    uit: list[tuple[int, list[str]]] = []
    begin = 1
    try:
        for velden in lezer:
            if any("\n" in v or "\r" in v for v in velden):
                raise DataFout(
                    f"{pad.name}, regel {begin}: een veld loopt door over de volgende regel(s). "
                    'Waarschijnlijk wordt een aanhalingsteken (") niet gesloten; zo zouden '
                    "regels ongemerkt samenvallen. Sluit het aanhalingsteken of haal het weg."
                )
            uit.append((begin, velden))
            begin = lezer.line_num + 1
    except csv.Error:
        raise DataFout(
            f"{pad.name}, regel {begin}: deze regel is niet te lezen als CSV (een aanhalingsteken "
            "dat niet wordt gesloten, of een te lang veld). Controleer de aanhalingstekens."
        ) from None
    return uit
