"""Real CBS figures from the StatLine OData service, with a local cache.

* :func:`haal_op` fetches the Veilig Thuis tables the catalogue needs with ``cbsodata`` and
  keeps a copy per table in a cache folder (CSV plus a small JSON with table id, date fetched
  and cbsodata version; default ``~/.cache/impactkit/cbs``, never inside the repository).
* :func:`laad_cbs` is what ``laad("cbs")`` uses: network, else the cache, else the practice
  data, and it always says which one is in use (``df.attrs["bron_melding"]``).
* ``$IMPACTKIT_CBS_ADRES`` points the fetch at a copy of the OData service (an organisation's
  mirror, or the loopback server of the tests): see :func:`cbs_adres`.
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


ADRES_VARIABELE = "IMPACTKIT_CBS_ADRES"
"""Environment variable with the address of a copy of CBS's OData service (instead of CBS)."""


def cbs_adres() -> tuple[str, bool] | None:
    """``(host[:port][/path], https)`` from ``$IMPACTKIT_CBS_ADRES``, or None when it is not set.

    'https://spiegel.example.nl/cbs' and 'http://10.0.0.5:8080' are taken as written; without a
    scheme the address is reached over https, except the own machine (localhost, 127.x.x.x,
    ::1), which is reached over http. cbsodata adds '/ODataFeed/odata/<tabel>/' itself.
    Anything else is refused with a Dutch message.
    """
    ruw = os.environ.get(ADRES_VARIABELE, "").strip()
    if not ruw:
        return None
    schema, scheiding, rest = ruw.partition("://")
    if not scheiding:
        schema, rest = "", ruw
    rest = rest.strip().rstrip("/")
    host = rest.split("/")[0].rsplit(":", 1)[0].strip("[]")
    if schema.lower() not in ("", "http", "https") or not host or " " in rest:
        raise CBSNietBereikbaar(
            f"{ADRES_VARIABELE}='{ruw}' is geen adres van een OData-dienst. Geef bv. "
            f"https://spiegel.voorbeeld.nl of http://127.0.0.1:8080, of maak {ADRES_VARIABELE} "
            "leeg om bij het CBS zelf op te halen."
        )
    lokaal = host in ("localhost", "::1") or host.startswith("127.")
    https = schema.lower() == "https" or (schema == "" and not lokaal)
    return rest, https


class _Adres:
    """Points cbsodata at ``$IMPACTKIT_CBS_ADRES`` for the duration of a fetch (then back)."""

    def __enter__(self):
        import cbsodata

        self.oud = (cbsodata.options.catalog_url, cbsodata.options.use_https)
        adres = cbs_adres()
        if adres is not None:
            cbsodata.options.catalog_url, cbsodata.options.use_https = adres
        return self

    def __exit__(self, *exc):
        import cbsodata

        cbsodata.options.catalog_url, cbsodata.options.use_https = self.oud
        return False


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

    with _Adres(), _Paginateller(tabel_id, None):
        props = cbsodata.get_meta(tabel_id, "DataProperties", timeout=WACHTTIJD)
        filter_, select = None, None
        if filteren:
            filter_, select = selectie(
                tabel_id, props, lambda key: cbsodata.get_meta(tabel_id, key, timeout=WACHTTIJD)
            )
    with _Adres(), _Paginateller(tabel_id, voortgang):
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
    """The cached copy of a table, or None when there is none (or it is incomplete or damaged)."""
    return cache_toestand(tabel_id, cache_map)[0]


def cache_toestand(
    tabel_id: str, cache_map: str | Path | None = None
) -> tuple[CBSTabel | None, str | None]:
    """``(copy, None)``, ``(None, None)`` when there is no copy, or ``(None, reason)``.

    The reason says in Dutch why the files in the cache cannot be used: a JSON that is cut off
    or of the wrong shape, a copy of another table (its table id is checked), a CSV that does
    not fit its description. Such a copy is treated as absent: :func:`haal_op` fetches anew,
    and names the damaged file when that fails.
    """
    map = cache_locatie(cache_map)
    tabel_id = controleer_tabel_id(tabel_id)
    csv_pad, json_pad = _cache_paden(map, tabel_id)
    if not (csv_pad.exists() and json_pad.exists()):
        return None, None
    try:
        meta = json.loads(json_pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, f"{json_pad.name} is afgebroken of geen JSON"
    try:
        with csv_pad.open(newline="", encoding="utf-8") as f:
            lezer = csv.DictReader(f)
            records = [{k: (v if v != "" else None) for k, v in rij.items()} for rij in lezer]
            kolommen = list(lezer.fieldnames or [])
    except (OSError, ValueError, csv.Error):
        return None, f"{csv_pad.name} is niet te lezen als CSV"
    reden = _metafout(meta, tabel_id, json_pad.name) or _csvfout(
        meta, records, kolommen, csv_pad.name, json_pad.name
    )
    if reden is not None:
        return None, reden
    if meta.get("koppeling") not in (None, koppeling_vingerafdruk(tabel_id)):
        meta["opgehaald"] = "1970-01-01T00:00:00+00:00"  # mapping changed since: stale
    tabel = CBSTabel(
        id=tabel_id,
        records=records,
        dataproperties=meta["dataproperties"],
        opgehaald=meta.get("opgehaald", ""),
        cbsodata_versie=meta.get("cbsodata_versie", "onbekend"),
        bron="cache",
    )
    return tabel, None


def _csvfout(meta: dict, records: list[dict], kolommen: list[str], naam: str, json_naam: str):
    """Why the cached CSV does not fit the description beside it, or None."""
    if any(None in r for r in records):
        return f"{naam} heeft regels met meer velden dan de kopregel"
    if meta.get("records") not in (None, len(records)):
        return f"{naam} heeft {len(records)} records, {json_naam} zegt {meta['records']}"
    bekend = {str(q.get(k)) for q in meta["dataproperties"] for k in ("Key", "Title")}
    vreemd = [k for k in kolommen if k != "ID" and k not in bekend]
    if meta["dataproperties"] and vreemd:
        return (
            f"de kolom(men) {', '.join(vreemd[:3])} van {naam} staan niet in de beschrijving "
            f"in {json_naam}"
        )
    return None


def _metafout(meta: object, tabel_id: str, naam: str) -> str | None:
    """Why the JSON beside a cached table cannot be its description, or None."""
    if not isinstance(meta, dict):
        return f"{naam} is geen beschrijving van een tabel"
    if meta.get("tabel") != tabel_id:
        if isinstance(meta.get("tabel"), str):
            return f"{naam} hoort bij tabel {meta['tabel']}, niet bij {tabel_id}"
        return f"in {naam} ontbreekt de tabel-id"
    soorten = {
        "opgehaald": str,
        "cbsodata_versie": str,
        "koppeling": str,
        "records": int,
        "dataproperties": list,
    }
    for sleutel, soort in soorten.items():
        if sleutel in meta and meta[sleutel] is not None and not isinstance(meta[sleutel], soort):
            return f"in {naam} is '{sleutel}' van de verkeerde soort"
    meta.setdefault("dataproperties", [])
    if meta["dataproperties"] is None or not all(
        isinstance(q, dict) for q in meta["dataproperties"]
    ):
        return f"in {naam} is 'dataproperties' geen lijst met beschrijvingen"
    return None


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
        if os.environ.get(ADRES_VARIABELE, "").strip():
            return (
                f"geen verbinding met {os.environ[ADRES_VARIABELE].strip()} (het adres in "
                f"{ADRES_VARIABELE}); klopt het adres, en draait die dienst?"
            )
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
        kopie, schade = (None, None) if vernieuw else cache_toestand(tabel_id, map)
        if kopie is not None and (max_dagen is None or _leeftijd_dagen(kopie) <= max_dagen):
            uit[tabel_id] = kopie
            continue
        if schade and voortgang is not None:
            voortgang(f"{tabel_id}: de opgeslagen kopie is onbruikbaar ({schade})")
        begin = time.perf_counter()
        if voortgang is not None:
            adres = os.environ.get(ADRES_VARIABELE, "").strip()
            voortgang(f"{tabel_id}: ophalen bij {adres or 'het CBS'} ...")
        try:
            records, props = ophalen(tabel_id)
        except ImpactkitFout:
            raise
        except Exception as e:  # any network/library failure becomes one message
            reden = _waarom(e)
            reden += "" if reden.endswith(("?", ".")) else "."
            raise CBSNietBereikbaar(
                f"CBS-tabel {tabel_id} is niet opgehaald: {reden}{_schade(tabel_id, map)}"
            ) from e
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


def _schade(tabel_id: str, map: Path) -> str:
    """A sentence naming a damaged cached copy and how to repair it, or ''."""
    try:
        reden = cache_toestand(tabel_id, map)[1]
    except ImpactkitFout:
        return ""
    if reden is None:
        return ""
    csv_pad, json_pad = _cache_paden(map, tabel_id)
    return (
        f" De opgeslagen kopie in {map} is beschadigd of hoort niet bij deze tabel ({reden}) en "
        f"wordt niet gebruikt. Verwijder {csv_pad.name} en {json_pad.name} uit die map en haal "
        f"de tabel opnieuw op met: impactkit data ophalen --tabel {tabel_id} (met internet)."
    )


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
    schade = _beschadigd(tabellen_in_koppeling(niveau), cache_map) if storingen else ""
    if not beschikbaar:
        df = lees_oefendata().copy()
        reden = storingen[0].rstrip(".") if storingen else "geen tabellen in de koppeling"
        melding = (
            f"CBS StatLine is niet bereikbaar en er zijn geen opgeslagen CBS-cijfers ({reden}). "
            "Ik gebruik de OEFENDATA: verzonnen cijfers om mee te oefenen, geen echte cijfers. "
            "Probeer later opnieuw met: impactkit data ophalen" + (f". {schade}" if schade else "")
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
    if schade:
        delen.append(schade)
    if df.attrs.get("meldingen"):
        delen.append(
            f"{len(df.attrs['meldingen'])} onderdeel/onderdelen overgeslagen; zie "
            "df.attrs['meldingen'] of impactkit.controleer_koppeling()."
        )
    bron = "CBS (deels)" if ontbreekt else ("CBS (cache)" if uit_cache else "CBS")
    delen += delen_toelichting
    melding = f"Bron: echte CBS-cijfers{' (deels)' if ontbreekt else ''}. " + " ".join(delen)
    return _met_melding(df, bron, melding, melden)


def _beschadigd(tabellen: Iterable[str], cache_map: str | Path | None) -> str:
    """A sentence naming the damaged cached copies among ``tabellen``, or ''."""
    kapot = []
    for tabel_id in tabellen:
        reden = cache_toestand(tabel_id, cache_map)[1]
        if reden:
            kapot.append(f"{tabel_id} ({reden})")
    if not kapot:
        return ""
    return (
        f"Beschadigde opgeslagen kopieën in {cache_locatie(cache_map)}, niet gebruikt: "
        f"{'; '.join(kapot)}. Verwijder die bestanden en haal de tabellen opnieuw op met: "
        "impactkit data ophalen."
    )


def _met_melding(df: pd.DataFrame, bron: str, melding: str, melden: bool) -> pd.DataFrame:
    df.attrs["bron"] = bron
    df.attrs["bron_melding"] = melding
    if melden:
        print(melding)
    return df
