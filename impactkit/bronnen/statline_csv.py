"""Read a CSV file downloaded from CBS StatLine ('gebruikersweergave') into the tidy table."""

from __future__ import annotations

import csv
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..fouten import (
    DataFout,
    OnbekendeRegio,
    OngeldigePeriode,
    niet_ingelezen,
)
from .cbs_koppeling import TABELTITELS, koppeling_alleen_lezen, lees_filters
from .cbs_labels import celwaarde, periodelabel, regiolabel, vergelijksleutel
from .cbs_omzetten import controleer_tabel_id, observaties_uit_tabellen
from .tekstbestand import lees_regels, lees_tekstbestand

# -- StatLine CSV downloads ----------------------------------------------------------------------
_MAAT_KOP = re.compile(r"^(?P<titel>.*?)\s*\((?P<eenheid>[^()]*)\)\s*$")
_SLEUTEL = re.compile(r"^[A-Z][A-Za-z0-9]*_\d+$")
WAT = "CSV-bestand van StatLine"
"""What the file is called in a message ('Het CSV-bestand van StatLine ... bestaat niet')."""


def _is_kop(velden: list[str]) -> bool:
    namen = {vergelijksleutel(v) for v in velden}
    return len([v for v in velden if v.strip()]) >= 2 and bool(
        namen & {"perioden", "regio's", "regios", "periode"}
    )


def is_statline_csv(pad: str | Path) -> bool:
    """True when a file looks like a StatLine CSV download (not the kit's own CSV template)."""
    try:
        _, tekst = lees_tekstbestand(pad, WAT)
    except DataFout:
        return False
    for regel in tekst.splitlines()[:15]:
        teken = ";" if regel.count(";") >= regel.count(",") else ","
        velden = next(csv.reader([regel], delimiter=teken), [])
        if _is_kop(velden):
            return "indicator" not in {vergelijksleutel(v) for v in velden}
    return False


def _herken_tabel(pad: Path, titels: list[str], kop: list[str]) -> str:
    for tekst in [pad.name, *titels]:
        m = re.search(r"(?<![0-9A-Za-z])(\d{5}[A-Za-z]{3})(?![A-Za-z])", tekst)
        if m and m.group(1).upper() in set(koppeling_alleen_lezen()["tabel"]):
            return m.group(1).upper()
    for titel in titels:
        for tabel_id, t in TABELTITELS.items():
            if vergelijksleutel(t) == vergelijksleutel(titel) and tabel_id in set(
                koppeling_alleen_lezen()["tabel"]
            ):
                return tabel_id
    # Recognise the table by its dimension and measure titles.
    kopnamen = {vergelijksleutel(_MAAT_KOP.sub(r"\g<titel>", k)) for k in kop} | {
        vergelijksleutel(k) for k in kop
    }
    scores = {}
    for tabel_id, groep in koppeling_alleen_lezen().groupby("tabel"):
        dims = {vergelijksleutel(d) for f in groep["filters"] for d, _ in lees_filters(f)}
        maten = {vergelijksleutel(m) for m in groep["maat"]}
        if dims <= kopnamen and maten & kopnamen:
            scores[tabel_id] = (len(dims), len(maten & kopnamen), len(groep))
    if scores:
        hoogste = max(scores.values())
        return sorted(t for t, s in scores.items() if s == hoogste)[0]
    raise DataFout(
        f"{pad.name}: niet te herkennen uit welke CBS-tabel dit bestand komt. Geef de tabel op, "
        f"bv. lees_statline_csv('{pad.name}', tabel='84852NED'). Tabellen: "
        f"{', '.join(sorted(set(koppeling_alleen_lezen()['tabel'])))}."
    )


def lees_statline_csv(pad: str | Path, tabel: str | None = None) -> pd.DataFrame:
    """Read a CSV file downloaded from CBS StatLine into the tidy table (Nederland + VT regions).

    The 'gebruikersweergave' download is understood: ';' between columns (',' also works),
    labels in quotes, decimal comma, '.' for a withheld figure, title lines above and notes
    ('Bron: CBS', '©...') below the table, and a header with the units either in brackets
    ('Ontvangen meldingen (aantal)') or on a line of their own. The table is recognised from
    the file name, the title line or the column names, or given with ``tabel``. An
    'onbewerkte dataset' (codes such as 'VT0022' and 'OntvangenMeldingen_1' instead of names)
    gets a message explaining what to download instead. The file is read with the same checks
    as an own CSV file (size, encoding, a spreadsheet or PDF instead of text). Problems are
    reported with file, line and column, and nothing is imported until the whole file is right.
    """
    pad, tekst = lees_tekstbestand(pad, WAT)
    if not tekst.strip():
        raise DataFout(f"{pad.name} is leeg.")
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    teken = ";" if tekst.count(";") >= tekst.count(",") or ";" in eerste else ","
    regels = lees_regels(tekst, teken, pad)
    kop_index = _kopregel(pad, regels)
    kop_regelnr, kop = regels[kop_index]
    kop = [k.strip() for k in kop]
    titels = [v[0].strip() for _, v in regels[:kop_index] if v and v[0].strip()]
    _geen_onbewerkte_dataset(pad, kop_regelnr, kop)
    tabel_id = controleer_tabel_id(tabel) if tabel else _herken_tabel(pad, titels, kop)
    k = _kolommen(pad, kop_regelnr, kop, tabel_id)
    # Units on a line of their own under the header (older downloads).
    eenheden = {}
    data_vanaf = kop_index + 1
    if data_vanaf < len(regels):
        _, volgende = regels[data_vanaf]
        if (
            len(volgende) == len(kop)
            and not any(volgende[i].strip() for i in [k.regio, k.periode, *k.dims])
            and any(volgende[i].strip() for i in k.maten)
        ):
            eenheden = {i: volgende[i].strip() for i in k.maten}
            data_vanaf += 1
    records = _records(pad, regels[data_vanaf:], k)
    return _naar_observaties(pad, tabel_id, records, _eigenschappen(k, eenheden))


@dataclass(frozen=True)
class _Kop:
    """The header of a StatLine table: its line, names and which column holds what."""

    regelnr: int
    namen: list[str]
    regio: int
    periode: int
    dims: list[int]
    maten: list[int]


def _kopregel(pad: Path, regels: list[tuple[int, list[str]]]) -> int:
    """Index of the header line (with 'Regio's' and 'Perioden'), or a message saying what to do."""
    kop_index = next((i for i, (_, v) in enumerate(regels) if _is_kop(v)), None)
    if kop_index is None:
        sleutels = any(
            vergelijksleutel(v) in ("regios", "id") or _SLEUTEL.match(v.strip())
            for _, velden in regels[:5]
            for v in velden
        )
        raise DataFout(
            f"{pad.name}: geen kopregel met de kolommen 'Regio's' en 'Perioden' gevonden."
            + (" Het lijkt een 'onbewerkte dataset'." if sleutels else "")
            + " Download in StatLine de tabel als CSV in de gebruikersweergave, met de regio's en "
            "perioden als kolommen."
        )
    return kop_index


def _geen_onbewerkte_dataset(pad: Path, kop_regelnr: int, kop: list[str]) -> None:
    """Refuse an 'onbewerkte dataset': codes instead of names cannot be translated."""
    if "ID" in kop or "RegioS" in kop or any(_SLEUTEL.match(k) for k in kop):
        raise DataFout(
            f"{pad.name}, regel {kop_regelnr}: dit is een 'onbewerkte dataset' (kolommen als "
            f"{', '.join(k for k in kop if k == 'RegioS' or _SLEUTEL.match(k))[:80]}, met codes "
            "in plaats van namen). Die kan impactkit niet vertalen naar regio's en categorieën. "
            "Kies bij Downloaden in StatLine de gebruikersweergave (CSV), of haal de tabel op met "
            "impactkit data ophalen."
        )


def _kolommen(pad: Path, kop_regelnr: int, kop: list[str], tabel_id: str) -> _Kop:
    """Which columns hold the region, the period, the table's dimensions and the measures."""
    k = koppeling_alleen_lezen()
    dims = {
        vergelijksleutel(d)
        for f in k.loc[k["tabel"] == tabel_id, "filters"]
        for d, _ in lees_filters(f)
    }
    regio_i = next(
        (i for i, n in enumerate(kop) if vergelijksleutel(n) in ("regio's", "regios", "regio")),
        None,
    )
    periode_i = next(
        (i for i, n in enumerate(kop) if vergelijksleutel(n) in ("perioden", "periode")), None
    )
    for naam, index in (("Regio's", regio_i), ("Perioden", periode_i)):
        if index is None:
            raise DataFout(
                f"{pad.name}, regel {kop_regelnr}: kolom '{naam}' ontbreekt. Zet in StatLine de "
                "regio's en perioden als kolommen in de tabel voordat je downloadt."
            )
    assert regio_i is not None and periode_i is not None
    dim_i = [i for i, n in enumerate(kop) if vergelijksleutel(n) in dims]
    maat_i = [i for i in range(len(kop)) if i not in {regio_i, periode_i, *dim_i} and kop[i]]
    return _Kop(kop_regelnr, kop, regio_i, periode_i, dim_i, maat_i)


def _eigenschappen(k: _Kop, eenheden: dict[int, str]) -> list[dict]:
    """The columns described as CBS DataProperties, so the CBS conversion can read the records."""
    kop = k.namen
    props: list[dict] = [
        {"Type": "GeoDimension", "Key": kop[k.regio], "Title": "Regio's"},
        {"Type": "TimeDimension", "Key": kop[k.periode], "Title": "Perioden"},
    ]
    props += [{"Type": "Dimension", "Key": kop[i], "Title": kop[i]} for i in k.dims]
    for i in k.maten:
        m = _MAAT_KOP.match(kop[i])
        titel, eenheid = (m.group("titel"), m.group("eenheid")) if m else (kop[i], None)
        props.append(
            {"Type": "Topic", "Key": f"maat{i}", "Title": titel, "Unit": eenheden.get(i, eenheid)}
        )
    return props


def _records(pad: Path, data: list[tuple[int, list[str]]], k: _Kop) -> list[dict]:
    """The data lines as CBS records; every problem is reported with its line and column."""
    kop = k.namen
    fouten: list[str] = []
    records: list[dict] = []

    def fout(regel: int, kolom: str, bericht: str) -> None:
        fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")

    laatste = max(
        (i for i, (_, v) in enumerate(data) if len([x for x in v if x.strip()]) > 1), default=-1
    )
    dubbel = _dubbele_regels(pad, data[: laatste + 1], k)
    for positie, (regelnr, velden) in enumerate(data):
        gevuld = [v for v in velden if v.strip()]
        if not gevuld or (positie > laatste and len(velden) < len(kop)):
            continue  # blank line, or notes such as 'Bron: CBS' under the table
        if len(velden) != len(kop):
            fouten.append(
                f"{pad.name}, regel {regelnr}: {len(velden)} velden, maar de kopregel (regel "
                f"{k.regelnr}) heeft er {len(kop)}. Ontbreekt er een veld, of staat er een ';' "
                "of aanhalingsteken te veel?"
            )
            continue
        rec: dict = {}
        goed = True
        label = velden[k.regio].strip()
        try:
            regiolabel(label)
        except OnbekendeRegio as e:
            fout(regelnr, kop[k.regio], str(e))
            goed = False
        try:
            periodelabel(velden[k.periode])
        except OngeldigePeriode:
            fout(
                regelnr,
                kop[k.periode],
                f"'{velden[k.periode].strip()}' is geen periode; "
                "verwacht bv. '2023*', '1e halfjaar 2023*' of '2e halfjaar 2020'.",
            )
            goed = False
        for i in k.maten:
            try:
                rec[f"maat{i}"] = celwaarde(velden[i])[0]
            except ValueError:
                fout(
                    regelnr,
                    kop[i],
                    f"'{velden[i].strip()}' is geen getal. Verwacht bv. 3060, "
                    "38,1 of '.' voor een onderdrukt cijfer.",
                )
                goed = False
        if not goed:
            continue
        rec[kop[k.regio]] = label
        rec[kop[k.periode]] = velden[k.periode].strip()
        for i in k.dims:
            rec[kop[i]] = velden[i].strip()
        records.append(rec)
    if dubbel or fouten:
        raise niet_ingelezen(pad.name, dubbel + fouten)
    if not records:
        raise DataFout(
            f"{pad.name} bevat geen gegevensregels onder de kopregel (regel {k.regelnr})."
        )
    return records


def _dubbele_regels(pad: Path, data: list[tuple[int, list[str]]], k: _Kop) -> list[str]:
    """Lines with the same region, period and categories as an earlier line, each named.

    Such a file cannot be converted (which of the two figures is right?), and without this
    check the conversion would only say that categories are missing.
    """
    fouten: list[str] = []
    gezien: dict[tuple, int] = {}
    for regelnr, velden in data:
        if len(velden) != len(k.namen) or not any(v.strip() for v in velden):
            continue
        label = velden[k.regio]
        try:
            regio: tuple = regiolabel(label)
            if regio[1] is None:
                regio = (vergelijksleutel(label),)
        except OnbekendeRegio:
            regio = (vergelijksleutel(label),)
        try:
            periode = periodelabel(velden[k.periode])[0]
        except OngeldigePeriode:
            periode = vergelijksleutel(velden[k.periode])
        sleutel = (regio, periode, *(vergelijksleutel(velden[i]) for i in k.dims))
        if sleutel in gezien:
            wat = "regio, periode" + (" en categorie" if k.dims else "")
            fouten.append(
                f"{pad.name}, regel {regelnr}: dubbele regel, dezelfde {wat} als regel "
                f"{gezien[sleutel]} ({label.strip()}, {velden[k.periode].strip()}). Houd één van "
                "beide; download de tabel opnieuw als je niet weet welke klopt."
            )
        else:
            gezien[sleutel] = regelnr
    if len(fouten) > 3:
        fouten.insert(
            0,
            f"{pad.name}: {len(fouten)} regels staan er twee keer in. Staat de tabel (of een deel "
            "ervan) twee keer in het bestand, bv. na twee keer plakken? Download hem dan opnieuw.",
        )
    return fouten


def _naar_observaties(
    pad: Path, tabel_id: str, records: list[dict], props: list[dict]
) -> pd.DataFrame:
    """The records turned into the tidy table by the CBS conversion, with its notes kept."""
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        df = observaties_uit_tabellen({tabel_id: (records, props)}, "regio", ruim=True)
    if df.empty:
        alle = list(dict.fromkeys([str(w.message) for w in gevangen] or df.attrs["meldingen"]))
        redenen = " ".join(alle[:3]) + (
            f" (en nog {len(alle) - 3} meldingen)" if len(alle) > 3 else ""
        )
        raise DataFout(
            f"{pad.name} (CBS-tabel {tabel_id}) bevat geen cijfers die impactkit kent voor "
            f"Nederland of een Veilig Thuis-regio. {redenen}".strip()
        )
    df.attrs["cbs_tabel"] = tabel_id
    df.attrs["bestand"] = str(pad)
    df.attrs["meldingen"] = [str(w.message) for w in gevangen] + df.attrs.get("meldingen", [])
    return df
