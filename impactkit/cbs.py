"""The CBS adapter: real figures from StatLine into the tidy observation table.

Four ways in, one way out:

* :func:`haal_op` fetches the Veilig Thuis tables the catalogue needs with ``cbsodata`` and
  keeps a copy per table in a cache folder (CSV plus a small JSON with table id, date fetched
  and cbsodata version; default ``~/.cache/impactkit/cbs``, never inside the repository).
* :func:`naar_observaties` / :func:`gemeente_observaties` turn one table's records (as
  ``cbsodata.get_data`` returns them: dicts with Dutch labels) into the tidy table;
  :func:`observaties_uit_tabellen` does the same for several tables at once.
* :func:`lees_statline_csv` reads a CSV file downloaded from StatLine ('gebruikersweergave').
* :func:`laad_cbs` is what ``laad("cbs")`` uses: network, else the cache, else the practice
  data, and it always says which one is in use (``df.attrs["bron_melding"]``).

What becomes which indicator is not in this code but in the data file ``data/cbs/koppeling.csv``
(see ``data/cbs/LEESMIJ.md``): table id, measure title, dimension filters by category *title*,
catalogue indicator and category, and role (``teller``, ``noemer`` or ``waarde``). Percentages
are always computed from counts (teller / noemer), never taken from CBS's rounded percentages.

Region changes (VT16 + VT26 -> VT27 Oost-Brabant from 2023; VT15 renamed Midden-Brabant) are
in ``data/cbs/regio_overgangen.csv``; :func:`maak_vergelijkbaar` makes a series comparable.
Municipal mergers are out of scope: gemeenten follow the 2022 division.

Examples
--------
>>> k = koppeling()
>>> sorted(set(k["rol"]))
['noemer', 'teller', 'waarde']
>>> regiolabel("Zaanstreek-Waterland (VT)")
('vt', 'VT22')
>>> periodelabel("1e halfjaar 2023*")
('2023H1', True)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .fouten import (
    DataFout,
    ImpactkitFout,
    OnbekendeRegio,
    OngeldigePeriode,
    bedoelde_je,
    niet_ingelezen,
)
from .indicatoren import ids as indicator_ids
from .indicatoren import indicator as zoek_indicator
from .laden import DTYPES, KOLOMMEN, valideer
from .onderdrukking import onderdruk
from .paden import PROJECT_MAP, data_pad
from .perioden import Periode
from .regios import NEDERLAND, _normaliseer, gemeenten, regios
from .regios import regio as zoek_regio

HERKOMST = "CBS"
ROLLEN = ("teller", "noemer", "waarde")
NIVEAUS = ("regio", "gemeente", "beide")
ZEKERHEDEN = ("bevestigd", "onbevestigd")
KOPPELING_KOLOMMEN = [
    "tabel",
    "indicator",
    "categorie",
    "rol",
    "maat",
    "filters",
    "niveau",
    "zekerheid",
    "opmerking",
]
MAX_DAGEN_CACHE = 7
"""How old (days) a cached table may be before :func:`laad_cbs` tries the network again."""

TABELTITELS: dict[str, str] = {
    "84847NED": "Huiselijk geweld; kerncijfers Veilig Thuis, regio",
    "84848NED": "Huiselijk geweld; rol/functie, organisatie, duur geweld, Veilig Thuis-regio",
    "84849NED": "Huiselijk geweld; rol/functie, organisatie, duur geweld, regio",
    "84850NED": "Huiselijk geweld; aard geweld, aanvullende informatie, Veilig Thuis-regio",
    "84851NED": "Huiselijk geweld; aard geweld, aanvullende informatie, regio",
    "84852NED": "Huiselijk geweld; veiligheidsbeoordeling en -taxatie Veilig Thuis, regio",
    "84853NED": "Huiselijk geweld; uitkomsten onderzoeken Veilig Thuis, Veilig Thuis-regio",
    "84854NED": "Huiselijk geweld; organisatie van overdracht, type hulp, Veilig Thuis-regio",
    "84855NED": "Huiselijk geweld; organisatie van overdracht, type hulp, regio",
    "85361NED": "Huiselijk geweld; meldingen naar eerdere betrokkenheid Veilig Thuis, regio",
    "82975NED": "Jeugdbeschermingstrajecten; regio",
    "82977NED": "Jeugdreclasseringstrajecten; regio",
}
"""Titles of the CBS tables as StatLine shows them (see ``data/cbs/LEESMIJ.md``)."""

ZELFDE_OPBOUW: dict[str, str] = {"84848NED": "84849NED", "84849NED": "84848NED"}
"""Tables with the same dimensions, measures and category titles (VT-regio vs. regio table)."""

Ophalen = Callable[[str], tuple[list[dict], list[dict]]]


class CBSNietBereikbaar(ImpactkitFout):
    """CBS StatLine could not be reached, or a table could not be fetched."""


@dataclass
class CBSTabel:
    """One fetched or cached CBS table: records with Dutch labels plus its DataProperties."""

    id: str
    records: list[dict]
    dataproperties: list[dict]
    opgehaald: str  # ISO 8601 moment the table was fetched from CBS
    cbsodata_versie: str
    bron: str  # 'netwerk' (just fetched) or 'cache'

    @property
    def opgehaald_op(self) -> str:
        """The fetch date in Dutch notation, e.g. '12-03-2025 14:05'."""
        return _nl_datum(self.opgehaald)


# -- The mapping -----------------------------------------------------------------------------
def koppeling() -> pd.DataFrame:
    """The mapping CBS table x measure x categories -> indicator, from ``data/cbs/koppeling.csv``.

    One row per part: ``tabel``, ``indicator``, ``categorie`` (empty for single-value
    indicators, and for a ``noemer`` shared by all categories), ``rol`` (teller, noemer or
    waarde), ``maat`` (measure title), ``filters`` (``Dimensie=Categorie; ...``, with ``|``
    between categories that are summed), ``niveau`` (regio, gemeente or beide), ``zekerheid``
    (bevestigd or onbevestigd), ``opmerking``. Column ``regel`` is the line in the file.
    """
    return _koppeling().copy()


@lru_cache(maxsize=1)
def _koppeling() -> pd.DataFrame:
    pad = data_pad("cbs", "koppeling.csv")
    df = pd.read_csv(pad, dtype="string", keep_default_na=False)
    ontbreekt = [k for k in KOPPELING_KOLOMMEN if k not in df.columns]
    if ontbreekt:
        raise DataFout(f"{pad.name}, regel 1: kolom(men) {', '.join(ontbreekt)} ontbreken.")
    df = df[KOPPELING_KOLOMMEN].apply(lambda s: s.str.strip())
    df.insert(0, "regel", range(2, len(df) + 2))
    fouten = []
    for r in df.itertuples(index=False):
        for kolom, geldig in (("rol", ROLLEN), ("niveau", NIVEAUS), ("zekerheid", ZEKERHEDEN)):
            if getattr(r, kolom) not in geldig:
                fouten.append(
                    f"{pad.name}, regel {r.regel}, kolom '{kolom}': '{getattr(r, kolom)}' is "
                    f"ongeldig; kies uit {', '.join(geldig)}."
                )
        try:
            _filters(r.filters)
        except DataFout as e:
            fouten.append(f"{pad.name}, regel {r.regel}, kolom 'filters': {e}")
    if fouten:
        raise DataFout("\n".join(fouten))
    return df


@lru_cache(maxsize=512)
def _filters(tekst: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Parse 'Dim=A|B; Dim2=C' into ((dim, (A, B)), (dim2, (C,)))."""
    uit = []
    for deel in (d.strip() for d in str(tekst).split(";")):
        if not deel:
            continue
        if "=" not in deel:
            raise DataFout(f"'{deel}' mist een '='; schrijf Dimensie=Categorie.")
        dim, waarden = deel.split("=", 1)
        keuzes = tuple(w.strip() for w in waarden.split("|") if w.strip())
        if not dim.strip() or not keuzes:
            raise DataFout(f"'{deel}' mist een dimensie of categorie.")
        uit.append((dim.strip(), keuzes))
    return tuple(uit)


def tabellen_in_koppeling(niveau: str | None = None) -> list[str]:
    """The CBS tables the mapping uses (optionally only for ``niveau`` 'regio' or 'gemeente')."""
    k = _koppeling()
    if niveau is not None:
        k = k[k["niveau"].isin([niveau, "beide"])]
    return sorted(set(k["tabel"]))


def controleer_koppeling(bronnen: dict | None = None) -> pd.DataFrame:
    """Check the mapping against the catalogue and, if given, against fetched tables.

    ``bronnen`` maps a table id to a :class:`CBSTabel` or ``(records, dataproperties)``; each
    mapping row of those tables is then checked for its measure, dimension and category titles.
    Returns one row per problem (``regel``, ``tabel``, ``indicator``, ``probleem``); empty = ok.
    """
    k = _koppeling()
    problemen: list[dict] = []

    def probleem(r, tekst: str) -> None:
        problemen.append(
            {"regel": r.regel, "tabel": r.tabel, "indicator": r.indicator, "probleem": tekst}
        )

    bekend = set(indicator_ids())
    for r in k.itertuples(index=False):
        if r.indicator not in bekend:
            probleem(r, f"indicator '{r.indicator}' staat niet in de catalogus.")
            continue
        ind = zoek_indicator(r.indicator)
        if r.categorie and r.categorie not in ind.categorieen:
            probleem(r, f"'{r.categorie}' is geen categorie van {ind.id}.")
        if r.rol == "waarde" and ind.eenheid != "aantal":
            probleem(r, f"rol 'waarde' kan alleen bij een aantal, {ind.id} is in '{ind.eenheid}'.")
        if r.rol == "noemer" and ind.eenheid != "%":
            probleem(r, f"een noemer uit CBS kan alleen bij een %; {ind.id} is '{ind.eenheid}'.")
        if r.rol in ("teller", "waarde") and r.tabel not in ind.cbs_tabel:
            probleem(r, f"tabel {r.tabel} staat niet bij {ind.id} in de catalogus (cbs_tabel).")
        if r.niveau in ("gemeente", "beide") and "gemeente" not in ind.niveaus:
            probleem(r, f"{ind.id} heeft geen gemeenteniveau in de catalogus.")
    for (ind_id, niveau), groep in k.groupby(["indicator", "niveau"]):
        if ind_id not in bekend:
            continue
        ind = zoek_indicator(ind_id)
        rollen = set(groep["rol"])
        if ind.eenheid == "%" and not {"teller", "noemer"} <= rollen:
            r = groep.iloc[0]
            probleem(r, f"{ind.id} ({niveau}) heeft zowel teller- als noemerregels nodig.")
    for tabel_id, bron in (bronnen or {}).items():
        records, props = _uitpakken(bron)
        df = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        labels: dict = {}
        for r in k[k["tabel"] == tabel_id].itertuples(index=False):
            _, reden = _kolommen_voor(r, df, props, labels)
            if reden:
                probleem(r, reden)
    return pd.DataFrame(problemen, columns=["regel", "tabel", "indicator", "probleem"])


# -- Labels --------------------------------------------------------------------------------
def _schoon(tekst: object) -> str:
    return " ".join(str(tekst).split())


def _vergelijk(tekst: object) -> str:
    """Key for comparing CBS titles: spacing collapsed and case folded."""
    return _schoon(tekst).casefold()


@lru_cache(maxsize=4096)
def regiolabel(label: str) -> tuple[str, str | None]:
    """Classify a CBS region label: ``(soort, code)``.

    ``soort`` is 'land' (code NL01), 'vt' (VT01..VT27), 'gemeente' (GM code, or None when the
    name is not in the 2022 division), 'provincie', 'landsdeel' or 'overig' (code None).
    Raw CBS keys ('NL01', 'VT0022', 'GM0479') are understood too. A '(VT)' label that is no
    Veilig Thuis-region raises :class:`~impactkit.OnbekendeRegio` with the closest names.

    >>> regiolabel("Nederland"), regiolabel("Gelderland (PV)"), regiolabel("Zaanstad")
    (('land', 'NL01'), ('provincie', None), ('gemeente', 'GM0479'))
    """
    t = _schoon(label)
    u = t.upper()
    if t.casefold() == "nederland" or u in ("NL01", "NL00", "NL"):
        return ("land", NEDERLAND)
    m = re.fullmatch(r"VT0*(\d{1,2})", u)
    if m:
        return ("vt", zoek_regio(f"VT{int(m.group(1)):02d}").code)
    if re.fullmatch(r"GM\d{4}", u):
        return ("gemeente", u)
    if re.fullmatch(r"PV\d{2}", u) or t.endswith("(PV)"):
        return ("provincie", None)
    if re.fullmatch(r"LD\d{2}", u) or t.endswith("(LD)"):
        return ("landsdeel", None)
    achtervoegsel = re.search(r"\(([A-Za-z]{2,4})\)$", t)
    if achtervoegsel and achtervoegsel.group(1).upper() == "VT":
        try:
            return ("vt", zoek_regio(t).code)
        except OnbekendeRegio:
            naam = t[: achtervoegsel.start()].strip()
            namen = [f"{r.naam} (VT)" for r in _vt_regios()] + [
                f"{r.naam_vanaf_2023} (VT)" for r in _vt_regios() if r.naam_vanaf_2023
            ]
            hint = bedoelde_je(t, namen) or bedoelde_je(naam, [n[:-5] for n in namen])
            raise OnbekendeRegio(
                f"Regiolabel '{t}' is geen bekende Veilig Thuis-regio.{hint or ''} "
                "Bekijk de geldige namen met impactkit.regios()."
            ) from None
    if achtervoegsel and achtervoegsel.group(1).casefold() != "gemeente":
        return ("overig", None)
    return ("gemeente", _gemeente_index().get(_normaliseer(re.sub(r"\(gemeente\)$", "", t))))


def _vt_regios():
    from .regios import _registry

    return [r for r in _registry() if r.soort == "vt"]


@lru_cache(maxsize=1)
def _gemeente_index() -> dict[str, str]:
    g = gemeenten()
    return {_normaliseer(n): c for n, c in zip(g["naam"], g["code"])}


@lru_cache(maxsize=1)
def _gemeente_info() -> dict[str, tuple[str, str]]:
    g = gemeenten()
    return {c: (n, r) for c, n, r in zip(g["code"], g["naam"], g["regio_code"])}


@lru_cache(maxsize=1024)
def periodelabel(label: str) -> tuple[str, bool]:
    """``(periode, voorlopig)`` from a CBS period label or key.

    Understands '1e halfjaar 2021*', '2e halfjaar 2020', '2021*', '2021', '2021HJ01',
    '2021JJ00'; a '*' (voorlopig) or '**' (nader voorlopig) makes the figure provisional.

    >>> periodelabel("2021JJ00"), periodelabel("2e halfjaar 2020")
    (('2021', False), ('2020H2', False))
    """
    t = _schoon(label)
    return (Periode.parse(t).code, Periode.is_voorlopig_label(t))


_NIHIL = ("-", "–")
_ONDERDRUKT = ("", ".", "..", "x", "X")


def _getal(waarde: object) -> tuple[float | None, bool]:
    """``(number, onderdrukt)`` for one CBS cell; raises ValueError for text that is no number.

    ``None``, '' and the CBS markers '.' (onbekend/geheim) and 'x' are withheld, never 0;
    '-' is CBS's sign for 'nihil' (0). cbsodata's untyped values are padded text ('  3060').
    """
    if waarde is None:
        return (None, True)
    if isinstance(waarde, bool):
        raise ValueError(str(waarde))
    if isinstance(waarde, (int, float)):
        if isinstance(waarde, float) and math.isnan(waarde):
            return (None, True)
        return (float(waarde), False)
    t = str(waarde).strip().replace("\u00a0", "").replace(" ", "")
    if t in _ONDERDRUKT:
        return (None, True)
    if t in _NIHIL:
        return (0.0, False)
    if re.fullmatch(r"-?\d+", t):
        return (float(t), False)
    if re.fullmatch(r"-?\d+\.\d+", t) and not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        return (float(t), False)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+(,\d+)?", t):
        return (float(t.replace(".", "").replace(",", ".")), False)
    raise ValueError(t)


# -- Records -> parts -> observations ------------------------------------------------------
def _uitpakken(bron) -> tuple[list[dict], list[dict]]:
    if isinstance(bron, CBSTabel):
        return bron.records, bron.dataproperties
    records, props = bron
    return list(records), list(props)


def _dim_kolom(props: list[dict], kolommen: Iterable[str], titel: str) -> str | None:
    """The record column of a dimension given by title (cbsodata keys records by ``Key``)."""
    kolommen = list(kolommen)
    for p in props:
        if str(p.get("Type", "")).endswith("Dimension") and _vergelijk(p.get("Title", "")) == (
            _vergelijk(titel)
        ):
            for naam in (p.get("Key"), p.get("Title")):
                if naam in kolommen:
                    return naam
    for k in kolommen:  # records keyed by title without matching metadata
        if _vergelijk(k) == _vergelijk(titel):
            return k
    return None


def _soort_kolom(props: list[dict], kolommen: Iterable[str], soort: str, namen: tuple) -> str:
    kolommen = list(kolommen)
    for p in props:
        if p.get("Type") == soort:
            for naam in (p.get("Key"), p.get("Title")):
                if naam in kolommen:
                    return naam
    for k in kolommen:
        if _vergelijk(k) in namen:
            return k
    raise DataFout(
        f"Geen kolom voor {'regio' if soort == 'GeoDimension' else 'periode'} gevonden "
        f"(kolommen: {', '.join(kolommen[:8])})."
    )


def _maat_kolom(props: list[dict], kolommen: Iterable[str], titel: str) -> tuple[str | None, str]:
    """The record column of a measure (Topic) by title; counts ('aantal') only."""
    kolommen = list(kolommen)
    treffers = [
        p
        for p in props
        if p.get("Type") == "Topic" and _vergelijk(p.get("Title", "")) == _vergelijk(titel)
    ]
    if not treffers:
        maten = [str(p.get("Title")) for p in props if p.get("Type") == "Topic"]
        hint = bedoelde_je(titel, maten)
        return None, (
            f"maat '{titel}' niet gevonden.{hint} Beschikbare maten: "
            f"{'; '.join(dict.fromkeys(maten)) or 'geen'}."
        )
    aantal = [p for p in treffers if _vergelijk(p.get("Unit") or "aantal") == "aantal"]
    if not aantal:
        eenheden = ", ".join(str(p.get("Unit")) for p in treffers)
        return None, f"maat '{titel}' is er alleen in {eenheden}; impactkit rekent met aantallen."
    if len(aantal) > 1:
        return None, f"maat '{titel}' komt {len(aantal)} keer voor als aantal; maak hem eenduidig."
    for naam in (aantal[0].get("Key"), aantal[0].get("Title")):
        if naam in kolommen:
            return naam, ""
    return None, f"maat '{titel}' staat in de metadata, maar niet in de records."


def _kolommen_voor(
    r, df: pd.DataFrame, props: list[dict], labels: dict | None = None
) -> tuple[dict | None, str]:
    """Resolve one mapping row to record columns; returns (columns, '') or (None, reason).

    ``labels`` caches the distinct labels per column between calls for one table.
    """
    labels = {} if labels is None else labels
    maat, reden = _maat_kolom(props, df.columns, r.maat)
    if maat is None:
        return None, reden
    filters = []
    for dim, keuzes in _filters(r.filters):
        kolom = _dim_kolom(props, df.columns, dim)
        if kolom is None:
            dims = [str(p.get("Title")) for p in props if str(p.get("Type")).endswith("Dimension")]
            return None, (
                f"dimensie '{dim}' niet gevonden.{bedoelde_je(dim, dims)} "
                f"Dimensies: {'; '.join(dims)}."
            )
        if kolom not in labels:
            labels[kolom] = {_vergelijk(v): _schoon(v) for v in df[kolom].dropna().unique()}
        for keuze in keuzes:
            if _vergelijk(keuze) not in labels[kolom]:
                hint = bedoelde_je(keuze, list(labels[kolom].values()))
                return None, f"categorie '{keuze}' van '{dim}' niet gevonden.{hint}"
        filters.append((kolom, keuzes))
    return {"maat": maat, "filters": filters}, ""


def _delen(tabel_id: str, records: list[dict], props: list[dict], rijen: pd.DataFrame):
    """Extract the parts (one count per mapping row x region x period) from one table.

    Returns ``(parts, failed_rows, messages)``: parts has columns regel, soort, regio_code,
    gemeente_code, gemeente_label, periode, voorlopig, aantal, onderdrukt, n.
    """
    meldingen: list[str] = []
    mislukt: set[int] = set()
    leeg = _lege_delen()
    if not records:
        return leeg, set(rijen["regel"]), [f"{tabel_id}: de tabel bevat geen records."]
    df = pd.DataFrame.from_records(records)
    regio_kol = _soort_kolom(props, df.columns, "GeoDimension", ("regios", "regio's", "regio"))
    periode_kol = _soort_kolom(props, df.columns, "TimeDimension", ("perioden", "periode"))
    vergelijk_cache: dict[str, pd.Series] = {}
    labels: dict = {}
    stukken = []
    for r in rijen.itertuples(index=False):
        kolommen, reden = _kolommen_voor(r, df, props, labels)
        if kolommen is None:
            mislukt.add(r.regel)
            meldingen.append(
                f"{tabel_id}: {r.indicator}{' / ' + r.categorie if r.categorie else ''} "
                f"overgeslagen, {reden} Pas zo nodig data/cbs/koppeling.csv regel {r.regel} aan."
            )
            continue
        masker = pd.Series(True, index=df.index)
        for kolom, keuzes in kolommen["filters"]:
            if kolom not in vergelijk_cache:
                vergelijk_cache[kolom] = df[kolom].map(_vergelijk)
            masker &= vergelijk_cache[kolom].isin({_vergelijk(k) for k in keuzes})
        sub = df.loc[masker, [regio_kol, periode_kol, kolommen["maat"]]]
        sub.columns = ["regio_label", "periode_label", "ruw"]
        sub = sub.assign(regel=r.regel)
        stukken.append(sub)
    if not stukken:
        return leeg, mislukt, meldingen
    delen = pd.concat(stukken, ignore_index=True)
    # Labels -> codes (once per distinct label); unknown VT labels stop the import.
    regio_map = {}
    for label in delen["regio_label"].dropna().unique():
        try:
            regio_map[label] = regiolabel(str(label))
        except OnbekendeRegio as e:
            raise DataFout(f"CBS-tabel {tabel_id}: {e}") from None
    periode_map = {}
    for label in delen["periode_label"].dropna().unique():
        try:
            periode_map[label] = periodelabel(str(label))
        except OngeldigePeriode as e:
            raise DataFout(
                f"CBS-tabel {tabel_id}: periode '{label}' is niet te lezen. {e}"
            ) from None
    getallen = {}
    for waarde in set(map(_hashbaar, delen["ruw"])):
        try:
            getallen[_hashbaar(waarde)] = _getal(waarde)
        except ValueError:
            raise DataFout(
                f"CBS-tabel {tabel_id}: '{waarde}' is geen getal (verwacht een aantal of '.')."
            ) from None
    soort_code = delen["regio_label"].map(regio_map)
    per = delen["periode_label"].map(periode_map)
    getal = delen["ruw"].map(lambda w: getallen[_hashbaar(w)])
    uit = pd.DataFrame(
        {
            "regel": delen["regel"],
            "soort": soort_code.str[0],
            "regio_code": soort_code.map(lambda sc: sc[1] if sc[0] in ("land", "vt") else None),
            "gemeente_code": soort_code.map(lambda sc: sc[1] if sc[0] == "gemeente" else None),
            "gemeente_label": delen["regio_label"].map(_schoon),
            "periode": per.str[0],
            "voorlopig": per.str[1].astype(bool),
            "aantal": pd.to_numeric(getal.str[0], errors="coerce"),
            "onderdrukt": getal.str[1].astype(bool),
        }
    )
    uit["n"] = 1
    return uit, mislukt, meldingen


def _hashbaar(waarde: object) -> object:
    if isinstance(waarde, float) and math.isnan(waarde):
        return None
    return waarde


def _regels_voor(niveau: str, beschikbaar: set[str], ruim: bool):
    """Mapping rows to use per (indicator, categorie) for ``niveau``, and skip messages.

    Normal mode uses the rows of ``niveau`` (or 'beide') and skips an indicator when one of its
    tables is not available. ``ruim`` (a single downloaded file) uses every row of the available
    tables, whatever their niveau.
    """
    k = _koppeling()
    meldingen = []
    if ruim:
        zus = {ZELFDE_OPBOUW[t]: t for t in beschikbaar if t in ZELFDE_OPBOUW}
        k = k[k["tabel"].isin(beschikbaar | set(zus))].copy()
        k["tabel"] = k["tabel"].replace(zus)
        k = k.drop_duplicates(["tabel", "indicator", "categorie", "rol", "maat", "filters"])
    else:
        k = k[k["niveau"].isin([niveau, "beide"])]
    gebruik = []
    for ind_id, groep in k.groupby("indicator", sort=False):
        ontbreekt = sorted(set(groep["tabel"]) - beschikbaar)
        if ontbreekt:
            if set(groep["tabel"]) & beschikbaar:
                meldingen.append(
                    f"{ind_id} overgeslagen: daarvoor is ook tabel {', '.join(ontbreekt)} nodig."
                )
            continue
        ind = zoek_indicator(ind_id)
        if niveau == "gemeente" and "gemeente" not in ind.niveaus:
            continue
        rollen = set(groep["rol"])
        if ind.eenheid == "%" and not {"teller", "noemer"} <= rollen:
            meldingen.append(f"{ind_id} overgeslagen: teller of noemer ontbreekt in dit bestand.")
            continue
        gebruik.append(groep)
    if not gebruik:
        return k.iloc[0:0], meldingen
    return pd.concat(gebruik), meldingen


def _som(delen: pd.DataFrame, sleutel: list[str], stukken: str = "n") -> pd.DataFrame:
    """Add up ``aantal`` per key. ``stukken`` counts the parts; a withheld part makes the sum
    withheld (never a partial sum)."""
    g = delen.groupby(sleutel, dropna=False, sort=False)
    uit = g.agg(
        n=(stukken, "sum"),
        aantal=("aantal", "sum"),
        bekend=("aantal", "count"),
        aanwezig=("aantal", "size"),
        onderdrukt=("onderdrukt", "any"),
        voorlopig=("voorlopig", "any"),
    ).reset_index()
    uit.loc[uit["bekend"] < uit["aanwezig"], "aantal"] = float("nan")
    return uit.drop(columns=["bekend", "aanwezig"])


def _toewijzing(rijen: pd.DataFrame, mislukt: set[int]) -> pd.DataFrame:
    """Which mapping row counts towards which (indicator, categorie) as teller (T) or noemer (N).

    A noemer row without categorie serves every category of its indicator. ``nodig`` is the
    number of rows that must all be present. Indicators with a failed row are left out.
    """
    uit = []
    for ind_id, groep in rijen.groupby("indicator", sort=False):
        if set(groep["regel"]) & mislukt:
            continue
        eenheid = zoek_indicator(ind_id).eenheid
        categorieen = [c for c in dict.fromkeys(groep["categorie"]) if c] or [""]
        for cat in categorieen:
            teller = groep[groep["rol"].isin(["teller", "waarde"]) & (groep["categorie"] == cat)]
            noemer = groep[(groep["rol"] == "noemer") & groep["categorie"].isin([cat, ""])]
            delen = [("T", teller)] + ([("N", noemer)] if eenheid == "%" else [])
            for deel, regels in delen:
                for regel in regels["regel"]:
                    uit.append((int(regel), ind_id, cat, deel, len(regels), eenheid))
    return pd.DataFrame(
        uit, columns=["regel", "indicator", "categorie", "deel", "nodig", "eenheid"]
    )


def _combineer(delen: pd.DataFrame, rijen: pd.DataFrame, mislukt: set[int], niveau: str):
    """Parts -> observation rows for ``niveau`` ('regio' or 'gemeente')."""
    if niveau == "regio":
        delen = delen[delen["soort"].isin(["land", "vt"])]
        sleutel = ["regio_code", "periode"]
    else:
        delen = delen[(delen["soort"] == "gemeente")]
        sleutel = ["gemeente_label", "gemeente_code", "periode"]
    verwacht = {
        int(r.regel): math.prod(len(k) for _, k in _filters(r.filters))
        for r in rijen.itertuples(index=False)
    }
    mislukt = set(mislukt)
    meldingen = []
    # 1. One sum per mapping row, region and period ('|' alternatives and their count).
    per_regel = _som(delen, ["regel", *sleutel])
    per_regel["verwacht"] = per_regel["regel"].map(verwacht)
    for regel in sorted(set(per_regel.loc[per_regel["n"] > per_regel["verwacht"], "regel"])):
        r = rijen[rijen["regel"] == regel].iloc[0]
        mislukt.add(int(regel))
        meldingen.append(
            f"{r['tabel']}: {r['indicator']} overgeslagen, meer cijfers per regio en periode dan "
            f"verwacht; heeft de tabel een dimensie zonder filter in data/cbs/koppeling.csv regel "
            f"{regel}?"
        )
    per_regel = per_regel[per_regel["n"] == per_regel["verwacht"]].drop(columns="verwacht")
    # 2. Rows -> teller and noemer per indicator and category; every row must be there.
    toewijzing = _toewijzing(rijen, mislukt)
    if toewijzing.empty or per_regel.empty:
        return pd.DataFrame(), meldingen
    samen = per_regel.drop(columns="n").merge(toewijzing, on="regel")
    samen["een"] = 1
    delen_som = _som(samen, ["indicator", "categorie", "deel", "eenheid", "nodig", *sleutel], "een")
    delen_som = delen_som[delen_som["n"] == delen_som["nodig"]].drop(columns=["n", "nodig"])
    t = delen_som[delen_som["deel"] == "T"].drop(columns="deel")
    n = delen_som[delen_som["deel"] == "N"].drop(columns=["deel", "eenheid"])
    procent = t["eenheid"] == "%"
    df = pd.concat(
        [
            t[procent].merge(n, on=["indicator", "categorie", *sleutel], suffixes=("", "_n")),
            t[~procent].assign(aantal_n=float("nan"), onderdrukt_n=False, voorlopig_n=False),
        ],
        ignore_index=True,
    )
    if df.empty:
        return pd.DataFrame(), meldingen
    df["categorie"] = df["categorie"].replace("", None)
    df = df.rename(columns={"aantal": "teller", "aantal_n": "noemer"})
    df["onderdrukt"] = df["onderdrukt"].astype(bool) | df["onderdrukt_n"].astype(bool)
    df["status"] = (df["voorlopig"].astype(bool) | df["voorlopig_n"].astype(bool)).map(
        {True: "voorlopig", False: "definitief"}
    )
    if niveau == "regio":
        inwoners = dict(zip(regios(alle=True)["code"], regios(alle=True)["inwoners"]))
        ratio = df["eenheid"] == "per 10.000 inwoners"
        df.loc[ratio, "noemer"] = df.loc[ratio, "regio_code"].map(inwoners).astype(float)
    else:
        df = df[df["eenheid"] != "per 10.000 inwoners"].copy()
    factor = df["eenheid"].map({"%": 100.0, "per 10.000 inwoners": 10_000.0})
    deelbaar = df["noemer"].notna() & (df["noemer"] > 0)
    df["waarde"] = float("nan")
    df.loc[df["eenheid"] == "aantal", "waarde"] = df["teller"]
    df.loc[deelbaar & factor.notna(), "waarde"] = df["teller"] / df["noemer"] * factor
    df.loc[df["onderdrukt"], ["waarde", "teller"]] = float("nan")
    df.loc[df["eenheid"] == "aantal", "noemer"] = float("nan")
    df["herkomst"] = HERKOMST
    return df, meldingen


def observaties_uit_tabellen(
    bronnen: dict, niveau: str = "regio", *, ruim: bool = False
) -> pd.DataFrame:
    """Tidy observations from several CBS tables at once (what :func:`laad_cbs` uses).

    ``bronnen`` maps a table id to a :class:`CBSTabel` or ``(records, dataproperties)``.
    ``niveau='regio'`` gives Nederland (NL01) and the VT regions in the columns of
    ``impactkit.laden.KOLOMMEN``; ``niveau='gemeente'`` gives gemeenten (see
    :func:`gemeente_observaties`). Messages about skipped parts are in ``df.attrs["meldingen"]``
    and are also issued as warnings when a title in the mapping is not found.
    """
    if niveau not in ("regio", "gemeente"):
        raise ImpactkitFout(f"niveau '{niveau}' bestaat niet; kies 'regio' of 'gemeente'.")
    beschikbaar = set(bronnen)
    rijen, meldingen = _regels_voor(niveau, beschikbaar, ruim)
    for tabel_id in sorted(beschikbaar - set(rijen["tabel"])):
        andere = "gemeente" if niveau == "regio" else "regio"
        if tabel_id in tabellen_in_koppeling(andere):
            functie = "gemeente_observaties" if andere == "gemeente" else "naar_observaties"
            meldingen.append(f"{tabel_id} heeft in de koppeling alleen cijfers op {andere}niveau; "
                             f"gebruik {functie}.")  # fmt: skip
    alle_delen, mislukt = [], set()
    for tabel_id in sorted(beschikbaar & set(rijen["tabel"])):
        records, props = _uitpakken(bronnen[tabel_id])
        delen, fout, berichten = _delen(tabel_id, records, props, rijen[rijen["tabel"] == tabel_id])
        alle_delen.append(delen)
        mislukt |= fout
        meldingen += berichten
        for b in berichten:
            warnings.warn(b, stacklevel=2)
    delen = pd.concat([d for d in alle_delen if not d.empty] or [_lege_delen()], ignore_index=True)
    df, extra = _combineer(delen, rijen, mislukt, niveau)
    meldingen += extra
    if niveau == "regio":
        uit = _regio_tabel(df)
    else:
        uit = _gemeente_tabel(df)
    uit.attrs["meldingen"] = meldingen
    uit.attrs["cbs_tabellen"] = sorted(beschikbaar)
    return uit


def _lege_delen() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "regel": pd.Series(dtype="int64"),
            "soort": pd.Series(dtype="object"),
            "regio_code": pd.Series(dtype="object"),
            "gemeente_code": pd.Series(dtype="object"),
            "gemeente_label": pd.Series(dtype="object"),
            "periode": pd.Series(dtype="object"),
            "voorlopig": pd.Series(dtype="bool"),
            "aantal": pd.Series(dtype="float64"),
            "onderdrukt": pd.Series(dtype="bool"),
            "n": pd.Series(dtype="int64"),
        }
    )


def _leeg_model(extra: list[str] | None = None) -> pd.DataFrame:
    kolommen = KOLOMMEN + (extra or [])
    df = pd.DataFrame({k: pd.Series(dtype=DTYPES.get(k, "string")) for k in kolommen})
    return df


def _regio_tabel(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return _leeg_model()
    # A region outside the years CBS uses it (VT27 before 2023, VT16/VT26 from 2023) without a
    # figure is an empty cell of the CBS cube, not an observation.
    geldig = regios(alle=True).set_index("code")
    jaar = df["periode"].str[:4].astype(int)
    van = df["regio_code"].map(geldig["geldig_van"]).astype("Float64")
    tot = df["regio_code"].map(geldig["geldig_tot"]).astype("Float64")
    buiten = ((jaar < van) | (jaar > tot)).fillna(False).astype(bool)
    df = df[~(buiten & df["waarde"].isna())]
    df = df.drop_duplicates(["indicator", "regio_code", "periode", "categorie"])
    tabel = df.reindex(columns=[k for k in KOLOMMEN if k != "regio"]).copy()
    for k in ("teller", "noemer"):
        tabel[k] = pd.array([pd.NA if pd.isna(x) else round(x) for x in tabel[k]], dtype="Int64")
    tabel["onderdrukt"] = tabel["onderdrukt"].astype("boolean")
    tabel["regio"] = pd.NA
    uit = valideer(tabel.astype({k: v for k, v in DTYPES.items() if k != "regio"}))
    return uit.sort_values(["indicator", "regio_code", "periode", "categorie"]).reset_index(
        drop=True
    )


def _gemeente_tabel(df: pd.DataFrame) -> pd.DataFrame:
    extra = ["gemeente_code", "gemeente"]
    if df.empty:
        return _leeg_model(extra)
    onbekend = sorted(set(df.loc[df["gemeente_code"].isna(), "gemeente_label"]))
    if onbekend:
        warnings.warn(
            f"{len(onbekend)} gemeente(n) niet in de indeling van 2022 en overgeslagen: "
            f"{', '.join(onbekend[:8])}{' ...' if len(onbekend) > 8 else ''}. Gemeentelijke "
            "herindelingen na 2022 volgt impactkit (nog) niet.",
            stacklevel=3,
        )
    df = df[df["gemeente_code"].notna()].copy()
    info = _gemeente_info()
    df["gemeente"] = df["gemeente_code"].map(lambda c: info[c][0])
    df["regio_code"] = df["gemeente_code"].map(lambda c: info[c][1])
    namen = dict(zip(regios(alle=True)["code"], regios(alle=True)["naam"]))
    df["regio"] = df["regio_code"].map(namen)
    df = df.drop_duplicates(["indicator", "gemeente_code", "periode", "categorie"])
    tabel = df.reindex(columns=KOLOMMEN + extra).copy()
    for k in ("teller", "noemer"):
        tabel[k] = pd.array([pd.NA if pd.isna(x) else round(x) for x in tabel[k]], dtype="Int64")
    tabel["onderdrukt"] = tabel["onderdrukt"].astype("boolean")
    tabel = onderdruk(tabel.astype(DTYPES | {"gemeente_code": "string", "gemeente": "string"}))
    return tabel.sort_values(["indicator", "gemeente_code", "periode", "categorie"]).reset_index(
        drop=True
    )


def naar_observaties(tabel_id: str, records: list[dict], metadata: list[dict]) -> pd.DataFrame:
    """One CBS table (records as ``cbsodata.get_data`` returns them) -> the tidy table.

    ``metadata`` is the table's DataProperties (``cbsodata.get_meta(id, "DataProperties")``).
    Only Nederland and the Veilig Thuis-regions are kept (provinces '(PV)', landsdelen '(LD)'
    and gemeenten are left out; gemeenten: :func:`gemeente_observaties`). Withheld values (None,
    '.') stay withheld (``onderdrukt``), never 0; '*' marks a provisional period. Indicators
    whose parts are in another table too (e.g. a noemer) need
    :func:`observaties_uit_tabellen`.
    """
    tabel_id = _tabel_id(tabel_id)
    return observaties_uit_tabellen({tabel_id: (records, metadata)}, "regio")


def gemeente_observaties(tabel_id: str, records: list[dict], metadata: list[dict]) -> pd.DataFrame:
    """Like :func:`naar_observaties`, for the gemeenten CBS publishes (84849NED, 84851NED,
    84855NED, 85361NED).

    Adds columns ``gemeente_code`` (GM code, 2022 division) and ``gemeente``; ``regio_code`` is
    the gemeente's Veilig Thuis-regio. Suppression is applied as everywhere in the kit.
    """
    tabel_id = _tabel_id(tabel_id)
    return observaties_uit_tabellen({tabel_id: (records, metadata)}, "gemeente")


def _tabel_id(tabel_id: str) -> str:
    t = str(tabel_id).strip().upper()
    bekend = sorted(set(_koppeling()["tabel"]))
    if t not in bekend:
        titels = [f"{k} ({TABELTITELS.get(k, '?')})" for k in bekend]
        raise DataFout(
            f"CBS-tabel '{tabel_id}' kent impactkit niet.{bedoelde_je(t, bekend)} Tabellen in de "
            f"koppeling: {'; '.join(titels)}. Een nieuwe tabel voeg je toe in "
            "data/cbs/koppeling.csv."
        )
    return t


# -- Fetching and caching ----------------------------------------------------------------------
def cache_locatie(map: str | Path | None = None) -> Path:
    """The cache folder: ``map``, else ``$IMPACTKIT_CBS_CACHE``, else ``~/.cache/impactkit/cbs``.

    A folder inside the repository is refused (the cache never goes into git).
    """
    if map is None:
        map = os.environ.get("IMPACTKIT_CBS_CACHE") or (
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "impactkit" / "cbs"
        )
    pad = Path(map).expanduser().resolve()
    if pad == PROJECT_MAP or PROJECT_MAP in pad.parents:
        raise DataFout(
            f"De CBS-cache mag niet in de repository staan ({pad}). Kies een map erbuiten, "
            "bv. ~/.cache/impactkit/cbs (de standaard)."
        )
    return pad


WACHTTIJD = 120
"""Seconds to wait for an answer from CBS per request before giving up."""


def cbsodata_ophalen(tabel_id: str) -> tuple[list[dict], list[dict]]:
    """Fetch one table with ``cbsodata``: the records and the DataProperties.

    ``timeout`` is passed on to ``requests`` so a silent network cannot hang a notebook.
    """
    import cbsodata

    records = cbsodata.get_data(tabel_id, timeout=WACHTTIJD)
    return records, cbsodata.get_meta(tabel_id, "DataProperties", timeout=WACHTTIJD)


def _cbsodata_versie() -> str:
    try:
        from importlib.metadata import version

        return version("cbsodata")
    except Exception:  # noqa: BLE001 - the version is informative only
        return "onbekend"


def _nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _nl_datum(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d-%m-%Y %H:%M")


def _cache_paden(map: Path, tabel_id: str) -> tuple[Path, Path]:
    return map / f"{tabel_id}.csv", map / f"{tabel_id}.json"


def _schrijf_cache(tabel: CBSTabel, map: Path) -> None:
    map.mkdir(parents=True, exist_ok=True)
    csv_pad, json_pad = _cache_paden(map, tabel.id)
    kolommen = list(dict.fromkeys(k for rec in tabel.records for k in rec))
    tijdelijk = csv_pad.with_suffix(".csv.tmp")
    with tijdelijk.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=kolommen, lineterminator="\n")
        w.writeheader()
        for rec in tabel.records:
            w.writerow({k: "" if v is None else v for k, v in rec.items()})
    tijdelijk.replace(csv_pad)
    meta = {
        "tabel": tabel.id,
        "titel": TABELTITELS.get(tabel.id, ""),
        "opgehaald": tabel.opgehaald,
        "cbsodata_versie": tabel.cbsodata_versie,
        "records": len(tabel.records),
        "dataproperties": tabel.dataproperties,
    }
    tijdelijk = json_pad.with_suffix(".json.tmp")
    tijdelijk.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    tijdelijk.replace(json_pad)  # written last: a JSON means the CSV beside it is complete


def lees_cache(tabel_id: str, cache_map: str | Path | None = None) -> CBSTabel | None:
    """The cached copy of a table, or None when there is none (or it is incomplete)."""
    map = cache_locatie(cache_map)
    csv_pad, json_pad = _cache_paden(map, _tabel_id(tabel_id))
    if not (csv_pad.exists() and json_pad.exists()):
        return None
    try:
        meta = json.loads(json_pad.read_text(encoding="utf-8"))
        with csv_pad.open(newline="", encoding="utf-8") as f:
            records = [
                {k: (v if v != "" else None) for k, v in rij.items()} for rij in csv.DictReader(f)
            ]
    except (OSError, ValueError, csv.Error):
        return None
    if meta.get("records") not in (None, len(records)):
        return None
    return CBSTabel(
        id=meta["tabel"],
        records=records,
        dataproperties=meta.get("dataproperties", []),
        opgehaald=meta.get("opgehaald", ""),
        cbsodata_versie=meta.get("cbsodata_versie", "onbekend"),
        bron="cache",
    )


def _leeftijd_dagen(tabel: CBSTabel) -> float:
    try:
        moment = dt.datetime.fromisoformat(tabel.opgehaald)
    except ValueError:
        return math.inf
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (_nu() - moment).total_seconds() / 86_400


def _waarom(fout: BaseException) -> str:
    tekst = str(fout)
    if "404" in tekst or "Not Found" in tekst:
        return "de tabel bestaat niet (meer) op StatLine; misschien is hij vervangen"
    naam = type(fout).__name__
    if "Connection" in naam or "Timeout" in naam or "Resolve" in tekst or "timed out" in tekst:
        return "geen verbinding met opendata.cbs.nl (geen internet, of CBS is onbereikbaar)"
    if naam in ("ModuleNotFoundError", "ImportError"):
        return "het pakket cbsodata ontbreekt; installeer het met: pip install cbsodata"
    return f"{naam}: {tekst[:200]}"


def haal_op(
    tabellen: Iterable[str] | str | None = None,
    cache_map: str | Path | None = None,
    ophalen: Ophalen | None = None,
    *,
    vernieuw: bool = False,
    max_dagen: float | None = None,
) -> dict[str, CBSTabel]:
    """Fetch CBS tables (default: every table in the mapping) and cache them.

    A table already in the cache is taken from there, unless ``vernieuw`` is true or the copy is
    older than ``max_dagen`` days. ``ophalen(tabel_id) -> (records, dataproperties)`` does the
    network call (default :func:`cbsodata_ophalen`; tests pass a fake). The cache folder holds
    ``<id>.csv`` and ``<id>.json`` (table id, date fetched, cbsodata version, DataProperties).
    A table that cannot be fetched raises :class:`CBSNietBereikbaar` with the reason in Dutch.
    """
    if tabellen is None:
        tabellen = tabellen_in_koppeling()
    elif isinstance(tabellen, str):
        tabellen = [tabellen]
    ids = [_tabel_id(t) for t in tabellen]
    map = cache_locatie(cache_map)
    ophalen = ophalen or cbsodata_ophalen
    uit: dict[str, CBSTabel] = {}
    for tabel_id in ids:
        kopie = None if vernieuw else lees_cache(tabel_id, map)
        if kopie is not None and (max_dagen is None or _leeftijd_dagen(kopie) <= max_dagen):
            uit[tabel_id] = kopie
            continue
        try:
            records, props = ophalen(tabel_id)
        except ImpactkitFout:
            raise
        except Exception as e:  # noqa: BLE001 - any network/library failure becomes one message
            raise CBSNietBereikbaar(f"CBS-tabel {tabel_id} is niet opgehaald: {_waarom(e)}.") from e
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records[:5]):
            raise DataFout(f"CBS-tabel {tabel_id}: onverwacht antwoord (geen lijst met records).")
        tabel = CBSTabel(
            id=tabel_id,
            records=records,
            dataproperties=list(props or []),
            opgehaald=_nu().isoformat(timespec="seconds"),
            cbsodata_versie=_cbsodata_versie(),
            bron="netwerk",
        )
        _schrijf_cache(tabel, map)
        uit[tabel_id] = tabel
    return uit


def data_ophalen(
    tabellen: Iterable[str] | None = None,
    cache_map: str | Path | None = None,
    ophalen: Ophalen | None = None,
) -> pd.DataFrame:
    """Fetch all tables anew and return an overview (for ``impactkit data ophalen``).

    Columns: ``tabel``, ``titel``, ``records``, ``opgehaald``, ``status``. A table that fails
    does not stop the others; its ``status`` says why (and an older cached copy stays usable).
    """
    rijen = []
    for tabel_id in [_tabel_id(t) for t in (tabellen or tabellen_in_koppeling())]:
        try:
            t = haal_op([tabel_id], cache_map, ophalen, vernieuw=True)[tabel_id]
            rijen.append(
                {"tabel": tabel_id, "titel": TABELTITELS.get(tabel_id, ""),
                 "records": len(t.records), "opgehaald": t.opgehaald_op, "status": "opgehaald"}
            )  # fmt: skip
        except CBSNietBereikbaar as e:
            kopie = lees_cache(tabel_id, cache_map)
            status = str(e) + (f" Opgeslagen kopie van {kopie.opgehaald_op}." if kopie else "")
            rijen.append(
                {"tabel": tabel_id, "titel": TABELTITELS.get(tabel_id, ""),
                 "records": len(kopie.records) if kopie else 0,
                 "opgehaald": kopie.opgehaald_op if kopie else "", "status": status}
            )  # fmt: skip
    return pd.DataFrame(rijen, columns=["tabel", "titel", "records", "opgehaald", "status"])


def laad_cbs(
    cache_map: str | Path | None = None,
    ophalen: Ophalen | None = None,
    *,
    vernieuw: bool = False,
    max_dagen: float = MAX_DAGEN_CACHE,
    niveau: str = "regio",
    melden: bool = True,
) -> pd.DataFrame:
    """Real CBS figures as the tidy table; what ``laad("cbs")`` returns.

    Per table: a cached copy younger than ``max_dagen`` days is used as is; otherwise the
    network is tried; when that fails, an older cached copy is used; when no table at all is
    available, the practice data are returned. Which one is in use is in
    ``df.attrs["bron"]`` ('CBS', 'CBS (cache)', 'CBS (deels)' or 'oefendata') and, in a Dutch
    sentence, ``df.attrs["bron_melding"]``; ``melden=True`` also prints that sentence.
    Rows from CBS have ``herkomst='CBS'``; practice rows keep ``herkomst='oefendata'``.
    """
    if niveau not in ("regio", "gemeente"):
        raise ImpactkitFout(f"niveau '{niveau}' bestaat niet; kies 'regio' of 'gemeente'.")
    beschikbaar: dict[str, CBSTabel] = {}
    storingen: list[str] = []
    for tabel_id in tabellen_in_koppeling(niveau):
        try:
            beschikbaar.update(
                haal_op([tabel_id], cache_map, ophalen, vernieuw=vernieuw, max_dagen=max_dagen)
            )
        except CBSNietBereikbaar as e:
            storingen.append(str(e))
            kopie = lees_cache(tabel_id, cache_map)
            if kopie is not None:
                beschikbaar[tabel_id] = kopie
    if not beschikbaar:
        from .laden import laad

        df = laad("oefendata")
        reden = storingen[0].rstrip(".") if storingen else "geen tabellen in de koppeling"
        melding = (
            f"CBS StatLine is niet bereikbaar en er zijn geen opgeslagen CBS-cijfers ({reden}). "
            "Ik gebruik de OEFENDATA: verzonnen cijfers om mee te oefenen, geen echte cijfers. "
            "Probeer later opnieuw met: impactkit data ophalen"
        )
        return _met_melding(df, "oefendata", melding, melden)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skipped parts are reported in the status sentence
        df = observaties_uit_tabellen(beschikbaar, niveau)
    uit_cache = sorted(t for t, v in beschikbaar.items() if v.bron == "cache")
    ontbreekt = sorted(set(tabellen_in_koppeling(niveau)) - set(beschikbaar))
    delen = []
    if storingen:
        delen.append(
            f"CBS StatLine is niet (helemaal) bereikbaar: {storingen[0]}"
            + (f" (en {len(storingen) - 1} andere tabel(len))" if len(storingen) > 1 else "")
        )
    if uit_cache:
        oudste = min((beschikbaar[t] for t in uit_cache), key=lambda t: t.opgehaald)
        delen.append(
            f"Ik gebruik opgeslagen CBS-cijfers ({len(uit_cache)} tabel(len), opgehaald vanaf "
            f"{oudste.opgehaald_op}) uit {cache_locatie(cache_map)}."
        )
    if len(uit_cache) < len(beschikbaar):
        delen.append(f"Net opgehaald bij CBS: {len(beschikbaar) - len(uit_cache)} tabel(len).")
    if ontbreekt:
        delen.append(f"Niet beschikbaar: {', '.join(ontbreekt)}; de indicatoren daaruit ontbreken.")
    if df.attrs.get("meldingen"):
        delen.append(
            f"{len(df.attrs['meldingen'])} onderdeel/onderdelen overgeslagen; zie "
            "df.attrs['meldingen'] of cbs.controleer_koppeling()."
        )
    bron = "CBS (deels)" if ontbreekt else ("CBS (cache)" if uit_cache else "CBS")
    melding = f"Bron: echte CBS-cijfers{' (deels)' if ontbreekt else ''}. " + " ".join(delen)
    return _met_melding(df, bron, melding, melden)


def _met_melding(df: pd.DataFrame, bron: str, melding: str, melden: bool) -> pd.DataFrame:
    df.attrs["bron"] = bron
    df.attrs["bron_melding"] = melding
    if melden:
        print(melding)
    return df


# -- StatLine CSV downloads ----------------------------------------------------------------------
_MAAT_KOP = re.compile(r"^(?P<titel>.*?)\s*\((?P<eenheid>[^()]*)\)\s*$")
_SLEUTEL = re.compile(r"^[A-Z][A-Za-z0-9]*_\d+$")


def _lees_tekst(pad: Path) -> str:
    try:
        return pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return pad.read_text(encoding="latin-1")  # older StatLine downloads
    except OSError as e:
        raise DataFout(f"Bestand '{pad}' is niet te openen: {e.strerror}.") from None


def _regels(tekst: str, teken: str) -> list[tuple[int, list[str]]]:
    lezer = csv.reader(io.StringIO(tekst), delimiter=teken)
    uit, begin = [], 1
    for velden in lezer:
        uit.append((begin, velden))
        begin = lezer.line_num + 1
    return uit


def _is_kop(velden: list[str]) -> bool:
    namen = {_vergelijk(v) for v in velden}
    return len([v for v in velden if v.strip()]) >= 2 and bool(
        namen & {"perioden", "regio's", "regios", "periode"}
    )


def is_statline_csv(pad: str | Path) -> bool:
    """True when a file looks like a StatLine CSV download (not the kit's own CSV template)."""
    try:
        tekst = _lees_tekst(Path(pad))
    except DataFout:
        return False
    for regel in tekst.splitlines()[:15]:
        teken = ";" if regel.count(";") >= regel.count(",") else ","
        velden = next(csv.reader([regel], delimiter=teken), [])
        if _is_kop(velden):
            return "indicator" not in {_vergelijk(v) for v in velden}
    return False


def _herken_tabel(pad: Path, titels: list[str], kop: list[str]) -> str:
    for tekst in [pad.name, *titels]:
        m = re.search(r"(?<![0-9A-Za-z])(\d{5}[A-Za-z]{3})(?![A-Za-z])", tekst)
        if m and m.group(1).upper() in set(_koppeling()["tabel"]):
            return m.group(1).upper()
    for titel in titels:
        for tabel_id, t in TABELTITELS.items():
            if _vergelijk(t) == _vergelijk(titel) and tabel_id in set(_koppeling()["tabel"]):
                return tabel_id
    # Recognise the table by its dimension and measure titles.
    kopnamen = {_vergelijk(_MAAT_KOP.sub(r"\g<titel>", k)) for k in kop} | {
        _vergelijk(k) for k in kop
    }
    scores = {}
    for tabel_id, groep in _koppeling().groupby("tabel"):
        dims = {_vergelijk(d) for f in groep["filters"] for d, _ in _filters(f)}
        maten = {_vergelijk(m) for m in groep["maat"]}
        if dims <= kopnamen and maten & kopnamen:
            scores[tabel_id] = (len(dims), len(maten & kopnamen), len(groep))
    if scores:
        hoogste = max(scores.values())
        return sorted(t for t, s in scores.items() if s == hoogste)[0]
    raise DataFout(
        f"{pad.name}: niet te herkennen uit welke CBS-tabel dit bestand komt. Geef de tabel op, "
        f"bv. lees_statline_csv('{pad.name}', tabel='84852NED'). Tabellen: "
        f"{', '.join(sorted(set(_koppeling()['tabel'])))}."
    )


def lees_statline_csv(pad: str | Path, tabel: str | None = None) -> pd.DataFrame:
    """Read a CSV file downloaded from CBS StatLine into the tidy table (Nederland + VT regions).

    The 'gebruikersweergave' download is understood: ';' between columns (',' also works),
    labels in quotes, decimal comma, '.' for a withheld figure, title lines above and notes
    ('Bron: CBS', '©...') below the table, and a header with the units either in brackets
    ('Ontvangen meldingen (aantal)') or on a line of their own. The table is recognised from
    the file name, the title line or the column names, or given with ``tabel``. An
    'onbewerkte dataset' (codes such as 'VT0022' and 'OntvangenMeldingen_1' instead of names)
    gets a message explaining what to download instead. Problems are reported with file, line
    and column, and nothing is imported until the whole file is right.
    """
    pad = Path(pad)
    tekst = _lees_tekst(pad)
    if not tekst.strip():
        raise DataFout(f"{pad.name} is leeg.")
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    teken = ";" if tekst.count(";") >= tekst.count(",") or ";" in eerste else ","
    regels = _regels(tekst, teken)
    kop_index = next((i for i, (_, v) in enumerate(regels) if _is_kop(v)), None)
    if kop_index is None:
        sleutels = any(
            _vergelijk(v) in ("regios", "id") or _SLEUTEL.match(v.strip())
            for _, velden in regels[:5]
            for v in velden
        )
        raise DataFout(
            f"{pad.name}: geen kopregel met de kolommen 'Regio's' en 'Perioden' gevonden."
            + (" Het lijkt een 'onbewerkte dataset'." if sleutels else "")
            + " Download in StatLine de tabel als CSV in de gebruikersweergave, met de regio's en "
            "perioden als kolommen."
        )
    kop_regelnr, kop = regels[kop_index]
    kop = [k.strip() for k in kop]
    titels = [v[0].strip() for _, v in regels[:kop_index] if v and v[0].strip()]
    if "ID" in kop or "RegioS" in kop or any(_SLEUTEL.match(k) for k in kop):
        raise DataFout(
            f"{pad.name}, regel {kop_regelnr}: dit is een 'onbewerkte dataset' (kolommen als "
            f"{', '.join(k for k in kop if k == 'RegioS' or _SLEUTEL.match(k))[:80]}, met codes "
            "in plaats van namen). Die kan impactkit niet vertalen naar regio's en categorieën. "
            "Kies bij Downloaden in StatLine de gebruikersweergave (CSV), of haal de tabel op met "
            "impactkit data ophalen."
        )
    tabel_id = _tabel_id(tabel) if tabel else _herken_tabel(pad, titels, kop)
    k = _koppeling()
    dims = {_vergelijk(d) for f in k.loc[k["tabel"] == tabel_id, "filters"] for d, _ in _filters(f)}
    regio_i = next(
        (i for i, n in enumerate(kop) if _vergelijk(n) in ("regio's", "regios", "regio")), None
    )
    periode_i = next(
        (i for i, n in enumerate(kop) if _vergelijk(n) in ("perioden", "periode")), None
    )
    for naam, index in (("Regio's", regio_i), ("Perioden", periode_i)):
        if index is None:
            raise DataFout(
                f"{pad.name}, regel {kop_regelnr}: kolom '{naam}' ontbreekt. Zet in StatLine de "
                "regio's en perioden als kolommen in de tabel voordat je downloadt."
            )
    dim_i = [i for i, n in enumerate(kop) if _vergelijk(n) in dims]
    maat_i = [i for i in range(len(kop)) if i not in {regio_i, periode_i, *dim_i} and kop[i]]
    # Units on a line of their own under the header (older downloads).
    eenheden = {}
    data_vanaf = kop_index + 1
    if data_vanaf < len(regels):
        _, volgende = regels[data_vanaf]
        if (
            len(volgende) == len(kop)
            and not any(volgende[i].strip() for i in [regio_i, periode_i, *dim_i])
            and any(volgende[i].strip() for i in maat_i)
        ):
            eenheden = {i: volgende[i].strip() for i in maat_i}
            data_vanaf += 1
    props: list[dict] = [
        {"Type": "GeoDimension", "Key": kop[regio_i], "Title": "Regio's"},
        {"Type": "TimeDimension", "Key": kop[periode_i], "Title": "Perioden"},
    ]
    props += [{"Type": "Dimension", "Key": kop[i], "Title": kop[i]} for i in dim_i]
    for i in maat_i:
        m = _MAAT_KOP.match(kop[i])
        titel, eenheid = (m.group("titel"), m.group("eenheid")) if m else (kop[i], None)
        props.append(
            {"Type": "Topic", "Key": f"maat{i}", "Title": titel, "Unit": eenheden.get(i, eenheid)}
        )
    fouten: list[str] = []
    records: list[dict] = []

    def fout(regel: int, kolom: str, bericht: str) -> None:
        fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")

    data = regels[data_vanaf:]
    laatste = max(
        (i for i, (_, v) in enumerate(data) if len([x for x in v if x.strip()]) > 1), default=-1
    )
    for positie, (regelnr, velden) in enumerate(data):
        gevuld = [v for v in velden if v.strip()]
        if not gevuld or (positie > laatste and len(velden) < len(kop)):
            continue  # blank line, or notes such as 'Bron: CBS' under the table
        if len(velden) != len(kop):
            fouten.append(
                f"{pad.name}, regel {regelnr}: {len(velden)} velden, maar de kopregel (regel "
                f"{kop_regelnr}) heeft er {len(kop)}. Ontbreekt er een veld, of staat er een ';' "
                "of aanhalingsteken te veel?"
            )
            continue
        rec: dict = {}
        goed = True
        label = velden[regio_i].strip()
        try:
            regiolabel(label)
        except OnbekendeRegio as e:
            fout(regelnr, kop[regio_i], str(e))
            goed = False
        try:
            periodelabel(velden[periode_i])
        except OngeldigePeriode:
            fout(regelnr, kop[periode_i], f"'{velden[periode_i].strip()}' is geen periode; "
                 "verwacht bv. '2023*', '1e halfjaar 2023*' of '2e halfjaar 2020'.")  # fmt: skip
            goed = False
        for i in maat_i:
            try:
                rec[f"maat{i}"] = _getal(velden[i])[0]
            except ValueError:
                fout(regelnr, kop[i], f"'{velden[i].strip()}' is geen getal. Verwacht bv. 3060, "
                     "38,1 of '.' voor een onderdrukt cijfer.")  # fmt: skip
                goed = False
        if not goed:
            continue
        rec[kop[regio_i]] = label
        rec[kop[periode_i]] = velden[periode_i].strip()
        for i in dim_i:
            rec[kop[i]] = velden[i].strip()
        records.append(rec)
    if fouten:
        raise niet_ingelezen(pad.name, fouten)
    if not records:
        raise DataFout(
            f"{pad.name} bevat geen gegevensregels onder de kopregel (regel {kop_regelnr})."
        )
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        df = observaties_uit_tabellen({tabel_id: (records, props)}, "regio", ruim=True)
    if df.empty:
        redenen = " ".join(str(w.message) for w in gevangen) or " ".join(df.attrs["meldingen"])
        raise DataFout(
            f"{pad.name} (CBS-tabel {tabel_id}) bevat geen cijfers die impactkit kent voor "
            f"Nederland of een Veilig Thuis-regio. {redenen}".strip()
        )
    df.attrs["cbs_tabel"] = tabel_id
    df.attrs["bestand"] = str(pad)
    df.attrs["meldingen"] = [str(w.message) for w in gevangen] + df.attrs.get("meldingen", [])
    return df


# -- Region changes ----------------------------------------------------------------------------
def _als_float(reeks: pd.Series) -> pd.Series:
    """Numbers as plain float64 with NaN for missing (pd.NA, None)."""
    getallen = pd.to_numeric(reeks.astype(object).where(reeks.notna(), None), errors="coerce")
    return pd.Series(getallen.astype("Float64").to_numpy(dtype=float, na_value=float("nan")),
                     index=reeks.index)  # fmt: skip


def regio_overgangen() -> pd.DataFrame:
    """The crosswalk of Veilig Thuis-regions over time (``data/cbs/regio_overgangen.csv``)."""
    df = pd.read_csv(data_pad("cbs", "regio_overgangen.csv"), dtype="string", keep_default_na=False)
    return df.astype({"vanaf_jaar": "int64"})


def maak_vergelijkbaar(df: pd.DataFrame, naar: str = "VT27") -> pd.DataFrame:
    """Make a region's series comparable across a region change.

    For ``naar='VT27'`` (Oost-Brabant, from 2023) the counts of Brabant Noordoost (VT16) and
    Zuidoost-Brabant (VT26) before 2023 are added up (teller and noemer) into VT27 rows, and
    percentages and rates are computed again from the sums; from 2023 the VT27 rows CBS
    publishes are kept. VT16 and VT26 rows then leave the table. A period is only aggregated
    when every old region has the row; a withheld part makes the sum withheld. Indicators
    without counts (scores, averages) cannot be added up and get no aggregated value.
    ``naar='VT15'`` only notes the new name (Midden-Brabant). Every row of the region gets the
    column ``regio_overgang`` explaining the change (empty for other regions); the same text is
    in ``df.attrs["regio_overgang"]`` for charts and reports.
    """
    doel = zoek_regio(naar).code
    overgang = regio_overgangen()
    rijen = overgang[overgang["naar_code"] == doel]
    if rijen.empty:
        bekend = sorted(set(overgang["naar_code"]))
        raise DataFout(
            f"Voor {doel} is geen regio-overgang bekend. Bekend: {', '.join(bekend)} "
            "(zie data/cbs/regio_overgangen.csv)."
        )
    vanaf = int(rijen["vanaf_jaar"].min())
    oud = [c for c in rijen["van_code"] if c != doel]
    namen = dict(zip(regios(alle=True)["code"], regios(alle=True)["naam"]))
    if not oud:
        r = rijen.iloc[0]
        tekst = (
            f"{r['van_naam']} ({doel}) heet vanaf {vanaf} {r['naar_naam']}; de code blijft {doel}."
        )
        uit = df.copy()
        uit["regio_overgang"] = pd.array(
            [tekst if c == doel else pd.NA for c in uit["regio_code"]], dtype="string"
        )
        uit.attrs["regio_overgang"] = tekst
        return uit
    tekst = (
        f"{namen[doel]} ({doel}) bestaat vanaf {vanaf}; de cijfers van eerdere perioden zijn "
        f"opgeteld uit {' en '.join(f'{namen[c]} ({c})' for c in oud)}."
    )
    jaar = df["periode"].astype("string").str[:4].astype(int)
    voor = df[df["regio_code"].isin(oud) & (jaar < vanaf)]
    sleutel = ["indicator", "periode", "categorie"]
    delen = voor.assign(categorie=voor["categorie"].fillna(""))
    g = delen.groupby(sleutel, sort=False)
    som = g.agg(
        regios=("regio_code", "nunique"),
        teller=("teller", lambda s: s.sum() if s.notna().all() else pd.NA),
        noemer=("noemer", lambda s: s.sum() if s.notna().all() else pd.NA),
        onderdrukt=("onderdrukt", "any"),
        voorlopig=("status", lambda s: (s == "voorlopig").any()),
        eenheid=("eenheid", "first"),
        herkomst=("herkomst", lambda s: ", ".join(sorted(set(s)))),
    ).reset_index()
    som = som[som["regios"] == len(oud)]
    factor = som["eenheid"].map({"%": 100.0, "per 10.000 inwoners": 10_000.0})
    teller = _als_float(som["teller"])
    noemer = _als_float(som["noemer"])
    waarde = pd.Series(float("nan"), index=som.index)
    waarde[som["eenheid"] == "aantal"] = teller
    deelbaar = factor.notna() & noemer.gt(0)
    waarde[deelbaar] = teller / noemer * factor
    nieuw = pd.DataFrame(
        {
            "indicator": som["indicator"],
            "regio_code": doel,
            "regio": namen[doel],
            "periode": som["periode"],
            "categorie": som["categorie"].replace("", pd.NA),
            "waarde": waarde,
            "teller": teller,
            "noemer": noemer,
            "eenheid": som["eenheid"],
            "status": som["voorlopig"].map({True: "voorlopig", False: "definitief"}),
            "onderdrukt": som["onderdrukt"].astype(bool),
            "herkomst": som["herkomst"],
        }
    )
    eigen = df[(df["regio_code"] == doel) & (jaar >= vanaf)]
    rest = df[~df["regio_code"].isin([*oud, doel])]
    samen = pd.concat([rest, eigen, nieuw.astype(DTYPES)], ignore_index=True)
    for k in ("teller", "noemer"):
        samen[k] = pd.array([pd.NA if pd.isna(x) else round(x) for x in samen[k]], dtype="Int64")
    samen = onderdruk(samen.astype({k: v for k, v in DTYPES.items() if k in samen.columns}))
    samen["regio_overgang"] = pd.array(
        [tekst if c == doel else pd.NA for c in samen["regio_code"]], dtype="string"
    )
    samen = samen.sort_values(["indicator", "regio_code", "periode"], kind="stable")
    samen = samen.reset_index(drop=True)
    samen.attrs = dict(df.attrs)
    samen.attrs["regio_overgang"] = tekst
    return samen
