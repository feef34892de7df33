"""The CBS mapping: which cell of which StatLine table becomes which catalogue indicator.

The mapping is data, not code: ``data/cbs/koppeling.csv`` (see ``data/cbs/LEESMIJ.md``) names
per row the table id, the measure title, dimension filters by category *title*, the catalogue
indicator and category, and the role (``teller``, ``noemer`` or ``waarde``). Percentages are
always computed from counts (teller / noemer), never taken from CBS's rounded percentages.

Examples
--------
>>> k = koppeling()
>>> sorted(set(k["rol"]))
['noemer', 'teller', 'waarde']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..fouten import (
    DataFout,
    bedoelde_je,
)
from ..indicatoren import ids as indicator_ids
from ..indicatoren import indicator as zoek_indicator
from ..paden import data_pad
from .cbs_labels import schoon, vergelijksleutel

HERKOMST = "CBS"
ROLLEN = ("teller", "noemer", "waarde")
NIVEAUS = ("regio", "gemeente", "beide", "regio_uit_gemeenten")
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
    "03759NED": "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
}
"""Titles of the CBS tables as StatLine shows them (see ``data/cbs/LEESMIJ.md``)."""

ZELFDE_OPBOUW: dict[str, str] = {"84848NED": "84849NED", "84849NED": "84848NED"}
"""Tables with the same dimensions, measures and category titles (VT-regio vs. regio table)."""

Ophalen = Callable[[str], tuple[list[dict], list[dict]]]


# -- The mapping -----------------------------------------------------------------------------
def koppeling() -> pd.DataFrame:
    """The mapping CBS table x measure x categories -> indicator, from ``data/cbs/koppeling.csv``.

    One row per part: ``tabel``, ``indicator``, ``categorie`` (empty for single-value
    indicators, and for a ``noemer`` shared by all categories), ``rol`` (teller, noemer or
    waarde), ``maat`` (measure title, its path through the topic groups as
    ``Groep › Maat``, or its DataProperties key), ``filters`` (``Dimensie=Categorie; ...``, with ``|``
    between categories that are summed), ``niveau`` (regio,
    gemeente, beide, or regio_uit_gemeenten: the regional figure is the sum of the gemeenten), ``zekerheid``
    (bevestigd or onbevestigd), ``opmerking``. Column ``regel`` is the line in the file.
    """
    return koppeling_alleen_lezen().copy()


@lru_cache(maxsize=1)
def koppeling_alleen_lezen() -> pd.DataFrame:
    """The mapping, read and checked once and shared: do not change it (:func:`koppeling` copies)."""
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
            lees_filters(r.filters)
        except DataFout as e:
            fouten.append(f"{pad.name}, regel {r.regel}, kolom 'filters': {e}")
    if fouten:
        raise DataFout("\n".join(fouten))
    return df


@lru_cache(maxsize=512)
def lees_filters(tekst: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
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
    k = koppeling_alleen_lezen()
    if niveau is not None:
        k = k[k["niveau"].isin(niveaus_voor(niveau))]
    return sorted(set(k["tabel"]))


def niveaus_voor(niveau: str) -> list[str]:
    """The mapping ``niveau`` values that serve output level ``niveau`` ('regio'/'gemeente')."""
    if niveau == "regio":
        return ["regio", "beide", "regio_uit_gemeenten"]
    return [niveau, "beide"]


def controleer_koppeling(bronnen: dict | None = None) -> pd.DataFrame:
    """Check the mapping against the catalogue and, if given, against fetched tables.

    ``bronnen`` maps a table id to a :class:`CBSTabel` or ``(records, dataproperties)``; each
    mapping row of those tables is then checked for its measure, dimension and category titles.
    Returns one row per problem (``regel``, ``tabel``, ``indicator``, ``probleem``); empty = ok.
    """
    k = koppeling_alleen_lezen()
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
        records, props = uitpakken(bron)
        df = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        labels: dict = {}
        for r in k[k["tabel"] == tabel_id].itertuples(index=False):
            _, reden = kolommen_voor(r, df, props, labels)
            if reden:
                probleem(r, reden)
    return pd.DataFrame(problemen, columns=["regel", "tabel", "indicator", "probleem"])


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


# -- Fetching and caching ----------------------------------------------------------------------


def _nl_datum(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d-%m-%Y %H:%M")


# -- Which columns of a table a mapping row points to -----------------------------------------
def uitpakken(bron) -> tuple[list[dict], list[dict]]:
    """``(records, dataproperties)`` of a :class:`CBSTabel` or of such a pair."""
    if isinstance(bron, CBSTabel):
        return bron.records, bron.dataproperties
    records, props = bron
    return list(records), list(props)


def dimensiekolom(props: list[dict], kolommen: Iterable[str], titel: str) -> str | None:
    """The record column of a dimension given by title (cbsodata keys records by ``Key``)."""
    kolommen = list(kolommen)
    for p in props:
        if str(p.get("Type", "")).endswith("Dimension") and vergelijksleutel(
            p.get("Title", "")
        ) == (vergelijksleutel(titel)):
            for naam in (p.get("Key"), p.get("Title")):
                if naam in kolommen:
                    return naam
    for k in kolommen:  # records keyed by title without matching metadata
        if vergelijksleutel(k) == vergelijksleutel(titel):
            return k
    return None


def soortkolom(props: list[dict], kolommen: Iterable[str], soort: str, namen: tuple) -> str:
    """The record column of the region (``GeoDimension``) or period (``TimeDimension``)."""
    kolommen = list(kolommen)
    for p in props:
        if p.get("Type") == soort:
            for naam in (p.get("Key"), p.get("Title")):
                if naam in kolommen:
                    return naam
    for k in kolommen:
        if vergelijksleutel(k) in namen:
            return k
    raise DataFout(
        f"Geen kolom voor {'regio' if soort == 'GeoDimension' else 'periode'} gevonden "
        f"(kolommen: {', '.join(kolommen[:8])})."
    )


PAD_SCHEIDING = "›"
"""Separator between topic-group titles and the measure title in ``maat`` (also ' > ')."""


def _maat_delen(tekst: str) -> list[str]:
    """'Ontvangen meldingen › Hermelding › Totaal' -> the path parts (spacing collapsed)."""
    t = str(tekst).replace(" > ", f" {PAD_SCHEIDING} ")
    return [schoon(d) for d in t.split(PAD_SCHEIDING) if schoon(d)]


def maatpad(props: list[dict], p: dict) -> list[str]:
    """The full path of a DataProperties row: its topic-group titles (via ``ParentID``) + title."""
    per_id = {q.get("ID"): q for q in props if q.get("ID") is not None}
    pad = [schoon(p.get("Title", ""))]
    ouder, gezien = p.get("ParentID"), set()
    while ouder is not None and ouder in per_id and ouder not in gezien:
        gezien.add(ouder)
        groep = per_id[ouder]
        pad.insert(0, schoon(groep.get("Title", "")))
        ouder = groep.get("ParentID")
    return pad


def pad_tekst(pad: list[str]) -> str:
    return f" {PAD_SCHEIDING} ".join(pad)


def maatkolom(props: list[dict], kolommen: Iterable[str], titel: str) -> tuple[str | None, str]:
    """The record column of a measure (Topic); counts ('aantal') only.

    ``titel`` is the measure's title, its path through the topic groups written with ``›``
    (``Ontvangen meldingen › Hermelding › Totaal``; the trailing part of the path is enough), or
    its DataProperties ``Key`` (``HermeldingTotaal_3``).
    """
    kolommen = list(kolommen)
    topics = [p for p in props if p.get("Type") == "Topic"]
    sleutel = [p for p in topics if str(p.get("Key", "")) == str(titel).strip()]
    if sleutel:
        treffers = sleutel
    else:
        gezocht = [vergelijksleutel(d) for d in _maat_delen(titel)]
        treffers = []
        for p in topics:
            pad = [vergelijksleutel(d) for d in maatpad(props, p)]
            if gezocht and pad[-len(gezocht) :] == gezocht:
                treffers.append(p)
        if not treffers and len(gezocht) > 1:
            # A flat title that writes the path with spaces, as a StatLine CSV header does
            # ('Hermelding Totaal' for 'Ontvangen meldingen › Hermelding › Totaal').
            staarten = {" ".join(gezocht[-k:]) for k in range(2, len(gezocht) + 1)}
            treffers = [p for p in topics if vergelijksleutel(p.get("Title", "")) in staarten]
        if not treffers and len(gezocht) == 1:
            # ... and the other way round: a flat title in the mapping, nested in the table
            for p in topics:
                pad = [vergelijksleutel(d) for d in maatpad(props, p)]
                if any(" ".join(pad[-k:]) == gezocht[0] for k in range(2, len(pad) + 1)):
                    treffers.append(p)
    if not treffers:
        paden = [pad_tekst(maatpad(props, p)) for p in topics]
        laatste = _maat_delen(titel)[-1] if _maat_delen(titel) else str(titel)
        hint = bedoelde_je(titel, paden) or bedoelde_je(
            laatste, [p.get("Title", "") for p in topics]
        )
        return None, (
            f"maat '{titel}' niet gevonden.{hint} Beschikbare maten: "
            f"{'; '.join(dict.fromkeys(paden)) or 'geen'}. Bekijk de tabel met: "
            "impactkit data uitleg TABEL."
        )
    aantal = [p for p in treffers if vergelijksleutel(p.get("Unit") or "aantal") == "aantal"]
    if not aantal:
        eenheden = ", ".join(str(p.get("Unit")) for p in treffers)
        return None, f"maat '{titel}' is er alleen in {eenheden}; impactkit rekent met aantallen."
    if len(aantal) > 1:
        opties = "; ".join(
            f"'{pad_tekst(maatpad(props, p))}' (sleutel {p.get('Key')})" for p in aantal
        )
        return None, (
            f"maat '{titel}' komt {len(aantal)} keer voor als aantal: {opties}. Schrijf in de "
            "kolom 'maat' het groepspad met › of de sleutel."
        )
    for naam in (aantal[0].get("Key"), aantal[0].get("Title")):
        if naam in kolommen:
            return naam, ""
    return None, f"maat '{titel}' staat in de metadata, maar niet in de records."


def kolommen_voor(
    r, df: pd.DataFrame, props: list[dict], labels: dict | None = None
) -> tuple[dict | None, str]:
    """Resolve one mapping row to record columns; returns (columns, '') or (None, reason).

    ``labels`` caches the distinct labels per column between calls for one table.
    """
    labels = {} if labels is None else labels
    maat, reden = maatkolom(props, df.columns, r.maat)
    if maat is None:
        return None, reden
    filters = []
    for dim, keuzes in lees_filters(r.filters):
        kolom = dimensiekolom(props, df.columns, dim)
        if kolom is None:
            dims = [str(p.get("Title")) for p in props if str(p.get("Type")).endswith("Dimension")]
            return None, (
                f"dimensie '{dim}' niet gevonden.{bedoelde_je(dim, dims)} "
                f"Dimensies: {'; '.join(dims)}."
            )
        if kolom not in labels:
            labels[kolom] = {vergelijksleutel(v): schoon(v) for v in df[kolom].dropna().unique()}
        for keuze in keuzes:
            if vergelijksleutel(keuze) not in labels[kolom]:
                hint = bedoelde_je(keuze, list(labels[kolom].values()))
                return None, f"categorie '{keuze}' van '{dim}' niet gevonden.{hint}"
        filters.append((kolom, keuzes))
    return {"maat": maat, "filters": filters}, ""
