"""Real CBS figures from the StatLine OData service, with a local cache.

* :func:`haal_op` fetches the Veilig Thuis tables the catalogue needs with ``cbsodata`` and
  keeps a copy per table in a cache folder (CSV plus a small JSON with table id, date fetched
  and cbsodata version; default ``~/.cache/impactkit/cbs``, never inside the repository).
* :func:`laad_cbs` is what ``laad("cbs")`` uses: network, else the cache, else the practice
  data, and it always says which one is in use (``df.attrs["bron_melding"]``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import math
import os
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from ..fouten import CBSNietBereikbaar, DataFout, ImpactkitFout
from ..opmaak import getal
from ..paden import PROJECT_MAP
from .cbs_bevolking import bevolkingstabel
from .cbs_koppeling import TABELTITELS, CBSTabel, Ophalen, tabellen_in_koppeling
from .cbs_omzetten import controleer_tabel_id, observaties_uit_tabellen
from .oefendata import lees_oefendata

MAX_DAGEN_CACHE = 7
"""How old (days) a cached table may be before :func:`laad_cbs` tries the network again."""


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


MAX_FILTERWAARDEN = 60
"""Above this many keys per dimension, the filter is written with key prefixes or left out."""


def selectie(tabel_id: str, props: list[dict], categorieen: Callable[[str], list[dict]]):
    """The OData ``$filter`` and ``$select`` that fetch only what the mapping needs.

    ``categorieen(dimensie_key)`` returns that dimension's ``Key``/``Title`` rows (cbsodata's
    ``get_meta(id, key)``). Measures: the mapped ones; category dimensions: the mapped
    categories; regions: Nederland and the Veilig Thuis-regio's only, unless the mapping also
    needs gemeenten. Periods are never filtered (the series need all of them). A title that is
    not found leaves its dimension unfiltered, so :func:`controleer_koppeling` can report it.
    Returns ``(filter_or_None, select_list_or_None)``.
    """
    from .cbs_koppeling import dimensiekolom, lees_filters, maatkolom, vergelijksleutel

    k = _koppeling_rijen(tabel_id)
    if k.empty:
        return None, None
    topics = [q.get("Key") for q in props if q.get("Type") == "Topic"]
    maten = set()
    for r in k.itertuples(index=False):
        kolom, _ = maatkolom(props, topics, r.maat)
        if kolom is None:
            maten = None
            break
        maten.add(kolom)
    dims = [q for q in props if str(q.get("Type", "")).endswith("Dimension")]
    delen = []
    gewenst: dict[str, set[str] | None] = {}
    for r in k.itertuples(index=False):
        for dim, keuzes in lees_filters(r.filters):
            key = dimensiekolom(props, [q.get("Key") for q in dims], dim)
            if key is None:
                continue
            if key in gewenst and gewenst[key] is None:
                continue
            gewenst.setdefault(key, set())
            gewenst[key] |= {vergelijksleutel(c) for c in keuzes}
    for key, titels in gewenst.items():
        cats = categorieen(key)
        sleutels = [c["Key"] for c in cats if vergelijksleutel(c.get("Title", "")) in titels]
        if titels and len(sleutels) >= len(titels):
            delen.append(_of(key, sleutels, [c["Key"] for c in cats]))
    if set(k["niveau"]) == {"regio"}:
        geo = next((q.get("Key") for q in dims if q.get("Type") == "GeoDimension"), None)
        if geo:
            cats = categorieen(geo)
            sleutels = [
                c["Key"]
                for c in cats
                if str(c.get("Title", "")).strip() == "Nederland"
                or str(c.get("Title", "")).strip().endswith("(VT)")
            ]
            if sleutels:
                delen.append(_of(geo, sleutels, [c["Key"] for c in cats]))
    filter_ = " and ".join(d for d in delen if d) or None
    select = None
    if maten:
        select = [q.get("Key") for q in dims] + sorted(maten)
    return filter_, select


def _of(dim: str, sleutels: list[str], alle: list[str]) -> str:
    """``(Dim eq 'a' or Dim eq 'b')``, or with ``substringof`` on key prefixes when long."""
    if len(sleutels) <= MAX_FILTERWAARDEN:
        return "(" + " or ".join(f"{dim} eq '{s}'" for s in sleutels) + ")"
    voorvoegsels = sorted({s.strip()[:2] for s in sleutels})
    anders = [s for s in alle if s not in set(sleutels)]
    if any(s.strip()[:2] in voorvoegsels for s in anders):
        return ""
    return "(" + " or ".join(f"substringof('{v}', {dim})" for v in voorvoegsels) + ")"


def _koppeling_rijen(tabel_id: str):
    from .cbs_bevolking import bevolkingsbron, bevolkingstabel
    from .cbs_koppeling import koppeling_alleen_lezen

    if tabel_id.upper() == bevolkingstabel():
        b = bevolkingsbron()
        return pd.DataFrame(
            [{"maat": b.maat, "filters": b.filters, "niveau": "regio_uit_gemeenten"}]
        )
    k = koppeling_alleen_lezen()
    return k[k["tabel"] == tabel_id]


def cbsodata_ophalen(
    tabel_id: str, voortgang: Callable[[str], None] | None = None, *, filteren: bool = True
) -> tuple[list[dict], list[dict]]:
    """Fetch one table with ``cbsodata``: the records and the DataProperties.

    With ``filteren`` only the measures, categories and regions the mapping needs are fetched
    (see :func:`selectie`). ``voortgang`` gets a Dutch progress line per page of 10.000
    records. ``timeout`` is passed on to ``requests`` so a silent network cannot hang a notebook.
    """
    import cbsodata

    with _Paginateller(tabel_id, None):
        props = cbsodata.get_meta(tabel_id, "DataProperties", timeout=WACHTTIJD)
        filter_, select = None, None
        if filteren:
            filter_, select = selectie(
                tabel_id, props, lambda key: cbsodata.get_meta(tabel_id, key, timeout=WACHTTIJD)
            )
    with _Paginateller(tabel_id, voortgang):
        records = cbsodata.get_data(tabel_id, filters=filter_, select=select, timeout=WACHTTIJD)
    return records, props


class _Paginateller(logging.Handler):
    """Turns cbsodata's 'Download <url>' log lines for data pages into progress lines."""

    def __init__(self, tabel_id: str, voortgang: Callable[[str], None] | None):
        super().__init__(logging.INFO)
        self.tabel_id, self.voortgang, self.paginas = tabel_id, voortgang, 0
        self._niveau = None

    def emit(self, record: logging.LogRecord) -> None:
        bericht = record.getMessage()
        if "DataSet" in bericht and self.voortgang is not None:
            self.paginas += 1
            self.voortgang(f"{self.tabel_id}: pagina {self.paginas} opgehaald")

    def __enter__(self):
        wortel = logging.getLogger()
        self._niveau = wortel.level
        self._anderen = list(wortel.handlers)
        for h in self._anderen:  # cbsodata logs on the root logger: keep its lines off screen
            h.addFilter(_zonder_cbsodata)
        if wortel.level > logging.INFO or wortel.level == logging.NOTSET:
            wortel.setLevel(logging.INFO)
        wortel.addHandler(self)
        return self

    def __exit__(self, *exc):
        wortel = logging.getLogger()
        wortel.removeHandler(self)
        for h in self._anderen:
            h.removeFilter(_zonder_cbsodata)
        wortel.setLevel(self._niveau)
        return False


def _zonder_cbsodata(record: logging.LogRecord) -> bool:
    return record.module != "cbsodata3"


def _cbsodata_versie() -> str:
    try:
        from importlib.metadata import version

        return version("cbsodata")
    except Exception:  # noqa: BLE001 - the version is informative only
        return "onbekend"


def _nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        "koppeling": koppeling_vingerafdruk(tabel.id),
        "dataproperties": tabel.dataproperties,
    }
    tijdelijk = json_pad.with_suffix(".json.tmp")
    tijdelijk.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    tijdelijk.replace(json_pad)  # written last: a JSON means the CSV beside it is complete


def koppeling_vingerafdruk(tabel_id: str) -> str:
    """A short hash of the mapping rows of a table: a filtered cached copy is only reused while
    the rows it was fetched for are unchanged."""
    k = _koppeling_rijen(tabel_id)
    tekst = k[["maat", "filters", "niveau"]].to_csv(index=False) if len(k) else ""
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:12]


def lees_cache(tabel_id: str, cache_map: str | Path | None = None) -> CBSTabel | None:
    """The cached copy of a table, or None when there is none (or it is incomplete)."""
    map = cache_locatie(cache_map)
    csv_pad, json_pad = _cache_paden(map, controleer_tabel_id(tabel_id))
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
    if meta.get("koppeling") not in (None, koppeling_vingerafdruk(meta["tabel"])):
        meta["opgehaald"] = "1970-01-01T00:00:00+00:00"  # mapping changed since: stale
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
    voortgang: Callable[[str], None] | None = None,
) -> dict[str, CBSTabel]:
    """Fetch CBS tables (default: every table in the mapping) and cache them.

    A table already in the cache is taken from there, unless ``vernieuw`` is true or the copy is
    older than ``max_dagen`` days. ``ophalen(tabel_id) -> (records, dataproperties)`` does the
    network call (default :func:`cbsodata_ophalen`; tests pass a fake). The cache folder holds
    ``<id>.csv`` and ``<id>.json`` (table id, date fetched, cbsodata version, DataProperties).
    A table that cannot be fetched raises :class:`CBSNietBereikbaar` with the reason in Dutch.
    """
    if tabellen is None:
        tabellen = [*tabellen_in_koppeling(), bevolkingstabel()]
    elif isinstance(tabellen, str):
        tabellen = [tabellen]
    ids = [controleer_tabel_id(t) for t in tabellen]
    map = cache_locatie(cache_map)
    if ophalen is None:

        def ophalen(t):
            return cbsodata_ophalen(t, voortgang)

    uit: dict[str, CBSTabel] = {}
    for tabel_id in ids:
        kopie = None if vernieuw else lees_cache(tabel_id, map)
        if kopie is not None and (max_dagen is None or _leeftijd_dagen(kopie) <= max_dagen):
            uit[tabel_id] = kopie
            continue
        begin = time.perf_counter()
        if voortgang is not None:
            voortgang(f"{tabel_id}: ophalen bij het CBS ...")
        try:
            records, props = ophalen(tabel_id)
        except ImpactkitFout:
            raise
        except Exception as e:  # any network/library failure becomes one message
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
        if voortgang is not None:
            duur = time.perf_counter() - begin
            voortgang(f"{tabel_id}: {getal(len(records), 0)} records in {getal(duur, 1)} s")
    return uit


def data_ophalen(
    tabellen: Iterable[str] | None = None,
    cache_map: str | Path | None = None,
    ophalen: Ophalen | None = None,
    voortgang: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Fetch all tables anew and return an overview (for ``impactkit data ophalen``).

    Columns: ``tabel``, ``titel``, ``records``, ``opgehaald``, ``status``. A table that fails
    does not stop the others; its ``status`` says why (and an older cached copy stays usable).
    """
    rijen = []
    alle = tabellen or [*tabellen_in_koppeling(), bevolkingstabel()]
    for tabel_id in [controleer_tabel_id(t) for t in alle]:
        try:
            t = haal_op([tabel_id], cache_map, ophalen, vernieuw=True, voortgang=voortgang)[
                tabel_id
            ]
            rijen.append(
                {
                    "tabel": tabel_id,
                    "titel": TABELTITELS.get(tabel_id, ""),
                    "records": len(t.records),
                    "opgehaald": t.opgehaald_op,
                    "status": "opgehaald",
                }
            )
        except CBSNietBereikbaar as e:
            kopie = lees_cache(tabel_id, cache_map)
            status = str(e) + (f" Opgeslagen kopie van {kopie.opgehaald_op}." if kopie else "")
            rijen.append(
                {
                    "tabel": tabel_id,
                    "titel": TABELTITELS.get(tabel_id, ""),
                    "records": len(kopie.records) if kopie else 0,
                    "opgehaald": kopie.opgehaald_op if kopie else "",
                    "status": status,
                }
            )
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
    if niveau == "regio" and beschikbaar:
        try:
            beschikbaar.update(
                haal_op(
                    [bevolkingstabel()], cache_map, ophalen, vernieuw=vernieuw, max_dagen=max_dagen
                )
            )
        except (CBSNietBereikbaar, ImpactkitFout):
            kopie = lees_cache(bevolkingstabel(), cache_map)
            if kopie is not None:
                beschikbaar[bevolkingstabel()] = kopie
    if not beschikbaar:
        df = lees_oefendata().copy()
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
    delen_toelichting = list(df.attrs.get("toelichting", []))
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
            "df.attrs['meldingen'] of impactkit.controleer_koppeling()."
        )
    bron = "CBS (deels)" if ontbreekt else ("CBS (cache)" if uit_cache else "CBS")
    delen += delen_toelichting
    melding = f"Bron: echte CBS-cijfers{' (deels)' if ontbreekt else ''}. " + " ".join(delen)
    return _met_melding(df, bron, melding, melden)


def _met_melding(df: pd.DataFrame, bron: str, melding: str, melden: bool) -> pd.DataFrame:
    df.attrs["bron"] = bron
    df.attrs["bron_melding"] = melding
    if melden:
        print(melding)
    return df
