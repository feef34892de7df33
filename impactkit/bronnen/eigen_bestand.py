"""The user's own figures: a CSV file read line by line into the tidy table.

Problems are reported with file, line and column, and nothing is imported until the whole file
is right.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pandas as pd

from ..fouten import (
    DataFout,
    ImpactkitFout,
    OngeldigeInvoer,
    OngeldigePeriode,
    bedoelde_je,
    niet_ingelezen,
    soort_invoer,
    suggesties,
)
from ..indicatoren import indicator
from ..observaties import KOLOMMEN, met_regionaam
from ..onderdrukking import onderdruk
from ..opmaak import getal as opmaak_getal
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio

VERPLICHT = ("indicator", "regio", "periode", "waarde")
OPTIONEEL = ("categorie", "teller", "noemer", "status")
GEDOOGD = ("regio_code", "eenheid", "onderdrukt", "herkomst", "opmerking", "toelichting")
"""Columns that may stand in the file and are read (``eenheid``: checked) or left alone."""
MAX_BYTES = 50 * 1024 * 1024
"""Largest file read: a bigger one is almost certainly not a table of regional figures."""
SOM_MARGE = 2.0
"""How far (percentage points) the shares of a distribution may add up above 100 (rounding)."""
GEEN_SOM_CONTROLE = ("kenmerken_slachtoffers_plegers",)
"""Distributions whose categories overlap (several characteristics), so shares need not add up."""

# -- Reading any text file the user gives (CSV files, norms, local indicators) -------------------


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
        raise DataFout(f"Het {wat} '{pad}' is niet te openen ({e.strerror}).") from None
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
    return pad, tekst.replace("\ufeff", "")


# -- Reading the user's own CSV files ------------------------------------------------------------
_DUIZEND_PUNT = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.070, 12.345.678
_DUIZEND_KOMMA = re.compile(r"^\d{1,3}(,\d{3})+$")  # 1,070 (English thousands, or 1,07?)
_NL_DECIMAAL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")  # 1.070,5
_EN_DECIMAAL = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")  # 1,070.5
_EENVOUDIG = re.compile(r"^\d+([.,]\d+)?$")  # 1070, 55,6, 55.6


class _GeenGetal(ValueError):
    """A field that is not a number in the column's unit; the argument is the Dutch reason."""


def _lees_getal(tekst: str, teken: str, aantal: bool = False) -> float | None:
    """Parse a number by its column's unit; ambiguous notations are refused.

    A count (``aantal``: teller, noemer, the value of a count indicator) is a whole number, so
    '1.070' can only be 1070. For a share, rate or score '55.600' could be 55,6 or 55600, and
    is refused; in a ';' file (the Dutch/StatLine form) '2,206' is a decimal comma.
    """
    t = tekst.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if t == "":
        return None
    teken_min = t[:1] in ("-", "\u2212")
    if teken_min:
        t = t[1:]
    if not aantal and t.endswith("%"):
        t = t[:-1]
    min_ = -1.0 if teken_min else 1.0
    if aantal:
        if t.isdigit() or _DUIZEND_PUNT.match(t):
            return min_ * float(t.replace(".", ""))
        if _DUIZEND_KOMMA.match(t):
            raise _GeenGetal(
                f"'{tekst}' is dubbelzinnig in een kolom met aantallen: {t.replace(',', '')} "
                f"(Engelse schrijfwijze) of {t} met decimale komma? Een aantal is een heel getal: "
                f"schrijf {t.replace(',', '')} (zonder komma) of {t.replace(',', '.')}."
            )
        if re.match(r"^\d+[.,]0+$", t):
            return min_ * float(re.split(r"[.,]", t)[0])
        if _EENVOUDIG.match(t) or _NL_DECIMAAL.match(t) or _EN_DECIMAAL.match(t):
            raise _GeenGetal(
                f"'{tekst}' is geen heel getal, en een aantal (meldingen, teller, noemer) is altijd "
                "een heel getal. Schrijf het aantal zonder decimalen, bv. 12 of 1070 (of 1.070)."
            )
    else:
        if _EENVOUDIG.match(t):
            geheel, _, decimalen = t.replace(",", ".").partition(".")
            scheiding = "." if "." in t else ","
            if (
                len(decimalen) == 3
                and len(geheel) <= 3
                and (scheiding == "." or teken == ",")
                and geheel != "0"
            ):
                raise _GeenGetal(
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
    raise _GeenGetal(
        f"'{tekst}' is geen getal. Schrijf bv. 55,6 of 55.6 (een aantal als 1070 of 1.070); "
        "gebruik '.' alleen voor een onderdrukt cijfer."
    )


def _scheidingsteken(kop: str, pad: Path) -> str:
    tellingen = {t: kop.count(t) for t in (";", ",", "\t")}
    teken, aantal = max(tellingen.items(), key=lambda kv: kv[1])
    if aantal == 0:
        raise DataFout(
            f"{pad.name}, regel 1: de kopregel '{kop.strip()[:60]}' bevat geen puntkomma, komma of "
            "tab. Gebruik ';' (zoals StatLine) of ',' als scheidingsteken tussen de kolommen."
        )
    return teken


def _lees_regels(tekst: str, teken: str, pad: Path) -> list[tuple[int, list[str]]]:
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


def _kolomfouten(kop: list[str], pad: Path) -> None:
    """Refuse a header with unknown, unnamed twice-named columns (their data would be lost)."""
    bekend = (*VERPLICHT, *OPTIONEEL, *GEDOOGD)
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    if dubbel:
        raise DataFout(
            f"{pad.name}, regel 1: de kolom(men) {', '.join(repr(k) for k in dubbel)} staan er "
            "twee keer in. Houd er één van elk."
        )
    onbekend = [k for k in kop if k and k not in bekend]
    if onbekend:
        hints = "".join(
            f" Bedoelde je '{s[0]}' in plaats van '{k}'?"
            for k in onbekend
            if (s := suggesties(k, bekend, n=1, cutoff=0.6))
        )
        raise DataFout(
            f"{pad.name}, regel 1: onbekende kolom(men) {', '.join(repr(k) for k in onbekend)}; "
            f"die zouden niet worden ingelezen.{hints} Verplicht: {', '.join(VERPLICHT)}; "
            f"mogelijk: {', '.join(OPTIONEEL)}. Hernoem de kolom of haal hem weg."
        )


def _nl(x: float) -> str:
    """A number as a Dutch reader writes it (1.070; 55,6)."""
    return opmaak_getal(x, 0 if float(x).is_integer() else 1)


def _begin_van(p: Periode) -> date:
    return date(p.jaar, 7 if p.halfjaar == 2 else 1, 1)


def lees_csv(pad: str | Path, herkomst: str = "eigen data") -> pd.DataFrame:
    """Read a CSV file with your own figures into the tidy table, checking every line.

    Required columns: ``indicator``, ``regio`` (name or code), ``periode``, ``waarde``; optional:
    ``categorie``, ``teller``, ``noemer``, ``status``. Separator ';' or ','; decimal comma or
    point; a CBS '.' marks a withheld value. Numbers are read by their column's unit (a count is
    a whole number, so '1.070' is 1070; an ambiguous '55.600' for a share is refused), and what
    can be checked is checked: shares between 0 and 100, no region above Nederland, no more
    casussen than meldingen, shares of a distribution adding up to about 100, no period in the
    future. Problems are reported with file, line and column, and nothing is imported until the
    whole file is right.
    """
    pad, tekst = lees_tekstbestand(pad, "bestand met eigen cijfers")
    regels = tekst.splitlines()
    if not regels or not regels[0].strip():
        raise DataFout(f"{pad.name} is leeg. Zet op regel 1 de kolomnamen: {', '.join(VERPLICHT)}.")
    teken = _scheidingsteken(regels[0], pad)
    records = _lees_regels(tekst, teken, pad)
    kop = [k.strip().lower() for k in records[0][1]]
    if "regio_code" in kop and "regio" not in kop:
        kop[kop.index("regio_code")] = "regio"
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        hints = "".join(bedoelde_je(k, kop) for k in ontbreekt)
        raise DataFout(
            f"{pad.name}, regel 1: kolom(men) {', '.join(repr(k) for k in ontbreekt)} ontbreken."
            f"{hints} Gevonden kolommen: {', '.join(kop)}. Verplicht zijn: {', '.join(VERPLICHT)}."
        )
    _kolomfouten(kop, pad)
    fouten: list[str] = []
    rijen: list[dict] = []
    regelnummers: list[int] = []
    gezien: dict[tuple, int] = {}
    vandaag = date.today()

    def fout(regel: int, kolom: str, bericht: str) -> None:
        fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")

    for regelnr, velden in records[1:]:
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            extra = ""
            if teken == "," and len(velden) > len(kop):
                extra = (
                    " Staat er een decimale komma in een getal? Gebruik dan ';' als "
                    "scheidingsteken, of zet het getal tussen aanhalingstekens."
                )
            fouten.append(
                f"{pad.name}, regel {regelnr}: {len(velden)} velden, maar de kopregel heeft er "
                f"{len(kop)}.{extra}"
            )
            continue
        rij = dict(zip(kop, (v.strip() for v in velden)))
        naamloos = [i + 1 for i, k in enumerate(kop) if not k and velden[i].strip()]
        if naamloos:
            fouten.append(
                f"{pad.name}, regel {regelnr}: kolom {naamloos[0]} heeft geen naam in de "
                "kopregel, maar er staat wel iets in. Geef de kolom een naam of maak "
                "hem leeg."
            )
            continue
        uit: dict = {"herkomst": herkomst}
        # indicator
        try:
            ind = indicator(rij["indicator"])
            uit["indicator"] = ind.id
            uit["eenheid"] = ind.eenheid
        except ImpactkitFout as e:
            fout(
                regelnr,
                "indicator",
                f"{e} Is het een eigen (lokale) indicator? Declareer die "
                "dan eerst met impactkit.lokale_indicatoren('bestand.csv').",
            )
            continue
        if rij.get("eenheid") and rij["eenheid"] != ind.eenheid:
            fout(
                regelnr,
                "eenheid",
                f"{ind.id} heeft als eenheid '{ind.eenheid}', niet "
                f"'{rij['eenheid']}'. Controleer of de cijfers in de goede eenheid staan.",
            )
            continue
        # region
        try:
            uit["regio_code"] = zoek_regio(rij["regio"]).code
        except ImpactkitFout as e:
            fout(regelnr, "regio", str(e))
            continue
        # period
        try:
            p = Periode.parse(rij["periode"])
        except OngeldigePeriode as e:
            fout(regelnr, "periode", str(e))
            continue
        if _begin_van(p) > vandaag:
            fout(
                regelnr,
                "periode",
                f"{p.label} ligt in de toekomst; daarover kunnen nog geen "
                "cijfers bestaan. Controleer het jaar.",
            )
            continue
        uit["periode"] = p.code
        status = rij.get("status", "").lower() or (
            "voorlopig" if Periode.is_voorlopig_label(rij["periode"]) else "definitief"
        )
        if status not in ("definitief", "voorlopig"):
            fout(
                regelnr,
                "status",
                f"'{rij['status']}' is geen geldige status; kies 'definitief' of 'voorlopig'.",
            )
            continue
        uit["status"] = status
        categorie = rij.get("categorie", "") or None
        if ind.is_verdeling and categorie not in ind.categorieen:
            fout(
                regelnr,
                "categorie",
                f"'{categorie or ''}' is geen categorie van {ind.id}."
                f"{bedoelde_je(categorie or '', ind.categorieen)} "
                f"Kies uit: {'; '.join(ind.categorieen)}.",
            )
            continue
        if not ind.is_verdeling and categorie:
            fout(regelnr, "categorie", f"{ind.id} heeft geen categorieën; laat de kolom leeg.")
            continue
        uit["categorie"] = categorie
        # numbers, each read by its column's unit
        onderdrukt = rij.get("onderdrukt", "").lower() in ("true", "waar", "ja", "1")
        getallen: dict[str, float | None] = {}
        for kolom in ("waarde", "teller", "noemer"):
            ruw = rij.get(kolom, "")
            if ruw == ".":
                onderdrukt = True
                getallen[kolom] = None
                continue
            try:
                aantal = kolom != "waarde" or ind.eenheid == "aantal"
                getallen[kolom] = _lees_getal(ruw, teken, aantal=aantal)
            except _GeenGetal as e:
                fout(regelnr, kolom, str(e))
                getallen[kolom] = None
                onderdrukt = True  # already reported; skip the rules below
        if len(fouten) and fouten[-1].startswith(f"{pad.name}, regel {regelnr},"):
            continue
        w, t, n = getallen["waarde"], getallen["teller"], getallen["noemer"]
        if n is not None and n == 0 and (ind.is_aandeel or ind.is_ratio):
            fout(
                regelnr,
                "noemer",
                "de noemer is 0, dus een percentage of ratio bestaat niet. "
                "Laat de rij weg of vul de juiste noemer in.",
            )
            continue
        negatief = next(
            (
                k
                for k, x in zip(("waarde", "teller", "noemer"), (w, t, n))
                if x is not None and x < 0
            ),
            None,
        )
        if negatief:
            fout(
                regelnr,
                negatief,
                "negatieve getallen kunnen niet: een aantal, percentage of ratio is 0 of meer.",
            )
            continue
        if ind.is_aandeel and w is not None and w > 100:
            fout(
                regelnr,
                "waarde",
                f"{_nl(w)}% kan niet: een percentage ligt tussen 0 en 100. "
                "Staat er een aantal in plaats van een percentage?",
            )
            continue
        if ind.is_ratio and w is not None and w > 10_000:
            fout(
                regelnr,
                "waarde",
                f"{_nl(w)} per 10.000 inwoners kan niet (meer dan alle "
                "inwoners). Staat er een aantal in plaats van een ratio?",
            )
            continue
        if ind.is_aandeel and t is not None and n is not None and t > n:
            fout(
                regelnr,
                "teller",
                f"teller ({_nl(t)}) is groter dan noemer ({_nl(n)}); een deel "
                "kan niet groter zijn dan het geheel.",
            )
            continue
        if ind.eenheid == "aantal" and w is not None and t is not None and w != t:
            fout(
                regelnr,
                "teller",
                f"bij een aantal is de teller het aantal zelf, maar waarde "
                f"({_nl(w)}) en teller ({_nl(t)}) verschillen. Vul er één in.",
            )
            continue
        if w is None and t is not None and n:
            w = t / n * (100 if ind.is_aandeel else 10_000 if ind.is_ratio else 1)
        elif w is not None and t is not None and n and (ind.is_aandeel or ind.is_ratio):
            factor = 100 if ind.is_aandeel else 10_000
            if abs(w - t / n * factor) > 0.051 * max(1.0, abs(w) / 100):
                fout(
                    regelnr,
                    "waarde",
                    f"waarde {_nl(w)} past niet bij teller/noemer "
                    f"({_nl(t)}/{_nl(n)} = {opmaak_getal(t / n * factor)}). "
                    "Controleer de rij.",
                )
                continue
        if ind.eenheid == "aantal" and t is None and w is not None:
            t = w
        if w is None and not onderdrukt:
            fout(
                regelnr,
                "waarde",
                "geen waarde. Vul een getal in, of '.' als het cijfer onderdrukt is.",
            )
            continue
        uit.update(waarde=w, teller=t, noemer=n, onderdrukt=onderdrukt)
        sleutel = (uit["indicator"], uit["regio_code"], uit["periode"], categorie)
        if sleutel in gezien:
            fouten.append(
                f"{pad.name}, regel {regelnr}: dubbele rij, dezelfde indicator, regio, periode en "
                f"categorie als regel {gezien[sleutel]}. Houd één van beide."
            )
            continue
        gezien[sleutel] = regelnr
        rijen.append(uit)
        regelnummers.append(regelnr)
    fouten += _samenhangfouten(rijen, regelnummers, pad.name)
    if fouten:
        raise niet_ingelezen(pad.name, fouten)
    if not rijen:
        raise DataFout(f"{pad.name} bevat geen gegevensregels onder de kopregel.")
    df = pd.DataFrame(rijen)
    for k in ("teller", "noemer"):
        df[k] = pd.array([None if pd.isna(x) else round(x) for x in df[k]], dtype="Int64")
    df["onderdrukt"] = df["onderdrukt"].astype("boolean")
    return met_regionaam(onderdruk(df.reindex(columns=[k for k in KOLOMMEN if k != "regio"])))


def _samenhangfouten(rijen: list[dict], regelnummers: list[int], naam: str) -> list[str]:
    """Rules across lines: region within Nederland, casussen within meldingen, shares add up."""
    fouten: list[str] = []
    index = {
        (r["indicator"], r["regio_code"], r["periode"], r["categorie"]): (r, nr)
        for r, nr in zip(rijen, regelnummers)
    }
    for (ind_id, code, periode, cat), (r, nr) in index.items():
        if code == NEDERLAND:
            continue
        land = index.get((ind_id, NEDERLAND, periode, cat))
        if land:
            for kolom in ("teller", "noemer") + (("waarde",) if r["eenheid"] == "aantal" else ()):
                eigen, nl = r.get(kolom), land[0].get(kolom)
                if eigen is not None and nl is not None and eigen > nl:
                    fouten.append(
                        f"{naam}, regel {nr}, kolom '{kolom}': {_nl(eigen)} is meer dan Nederland "
                        f"({_nl(nl)}, regel {land[1]}). Een regio is een deel van Nederland; "
                        "controleer beide regels."
                    )
                    break
        if ind_id == "casussen_vt":
            melding = index.get(("meldingen", code, periode, None))
            if melding and r["waarde"] is not None and melding[0]["waarde"] is not None:
                if r["waarde"] > melding[0]["waarde"]:
                    fouten.append(
                        f"{naam}, regel {nr}: {_nl(r['waarde'])} casussen, maar {_nl(melding[0]['waarde'])} "
                        f"meldingen (regel {melding[1]}). Elke casus heeft minstens één melding, "
                        "dus er kunnen niet meer casussen dan meldingen zijn."
                    )
    sommen: dict[tuple, list] = {}
    for r, nr in zip(rijen, regelnummers):
        if r["categorie"] and r["eenheid"] == "%" and r["indicator"] not in GEEN_SOM_CONTROLE:
            sommen.setdefault((r["indicator"], r["regio_code"], r["periode"]), []).append((r, nr))
    for (ind_id, code, periode), groep in sommen.items():
        totaal = sum(r["waarde"] for r, _ in groep if r["waarde"] is not None)
        if totaal > 100 + SOM_MARGE:
            regels = ", ".join(str(nr) for _, nr in groep)
            fouten.append(
                f"{naam}, regels {regels}: de aandelen van {ind_id} ({code}, {periode}) tellen op "
                f"tot {opmaak_getal(totaal)}%. De categorieën van een verdeling tellen samen op "
                "tot 100%. Controleer de getallen."
            )
    return fouten
