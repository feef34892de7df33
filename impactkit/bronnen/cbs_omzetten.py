"""Turn CBS table records into tidy observations, following the mapping.

:func:`naar_observaties` / :func:`gemeente_observaties` turn one table's records (as
``cbsodata.get_data`` returns them: dicts with Dutch labels) into the tidy table;
:func:`observaties_uit_tabellen` does the same for several tables at once. Which cell becomes
which indicator is in :mod:`impactkit.bronnen.cbs_koppeling`.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd

from ..fouten import (
    DataFout,
    ImpactkitFout,
    OnbekendeRegio,
    OngeldigePeriode,
    bedoelde_je,
)
from ..indicatoren import indicator as zoek_indicator
from ..observaties import DTYPES, KOLOMMEN, valideer
from ..onderdrukking import onderdruk
from ..regioindeling import regios
from .cbs_bevolking import bevolkingstabel, inwoners_per_jaar, inwoners_voor
from .cbs_indeling import regio_van_gemeente, tel_op_per_regio
from .cbs_koppeling import (
    HERKOMST,
    TABELTITELS,
    ZELFDE_OPBOUW,
    kolommen_voor,
    koppeling_alleen_lezen,
    lees_filters,
    niveaus_voor,
    soortkolom,
    tabellen_in_koppeling,
    uitpakken,
)
from .cbs_labels import (
    celwaarde,
    gemeenten_met_regio,
    periodelabel,
    regiolabel,
    schoon,
    vergelijksleutel,
)


# -- Records -> parts -> observations ------------------------------------------------------
def _delen(tabel_id: str, records: list[dict], props: list[dict], rijen: pd.DataFrame):
    """Extract the parts (one count per mapping row x region x period) from one table.

    Returns ``(parts, failed_rows, messages, notes)``: parts has columns regel, soort, regio_code,
    gemeente_code, gemeente_label, periode, voorlopig, aantal, onderdrukt, n.
    """
    meldingen: list[str] = []
    notities: list[str] = []  # not warnings: skipped labels are expected on real tables
    mislukt: set[int] = set()
    leeg = _lege_delen()
    if not records:
        return leeg, set(rijen["regel"]), [f"{tabel_id}: de tabel bevat geen records."], []
    df = pd.DataFrame.from_records(records)
    regio_kol = soortkolom(props, df.columns, "GeoDimension", ("regios", "regio's", "regio"))
    periode_kol = soortkolom(props, df.columns, "TimeDimension", ("perioden", "periode"))
    vergelijk_cache: dict[str, pd.Series] = {}
    labels: dict = {}
    stukken = []
    for r in rijen.itertuples(index=False):
        kolommen, reden = kolommen_voor(r, df, props, labels)
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
                vergelijk_cache[kolom] = df[kolom].map(vergelijksleutel)
            masker &= vergelijk_cache[kolom].isin({vergelijksleutel(k) for k in keuzes})
        sub = df.loc[masker, [regio_kol, periode_kol, kolommen["maat"]]]
        sub.columns = ["regio_label", "periode_label", "ruw"]
        sub = sub.assign(regel=r.regel)
        stukken.append(sub)
    if not stukken:
        return leeg, mislukt, meldingen, notities
    delen = pd.concat(stukken, ignore_index=True)
    # Labels -> codes (once per distinct label); unknown VT labels stop the import.
    regio_map = {}
    for label in delen["regio_label"].dropna().unique():
        try:
            regio_map[label] = regiolabel(str(label))
        except OnbekendeRegio as e:
            regio_map[label] = ("onbekend", None)
            notities.append(
                f"{tabel_id}: {str(e).split(' Bekijk')[0]} Deze regio is overgeslagen; "
                "de rest van de tabel is ingelezen."
            )
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
            getallen[_hashbaar(waarde)] = celwaarde(waarde)
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
            "gemeente_label": delen["regio_label"].map(schoon),
            "periode": per.str[0],
            "voorlopig": per.str[1].astype(bool),
            "aantal": pd.to_numeric(getal.str[0], errors="coerce"),
            "onderdrukt": getal.str[1].astype(bool),
        }
    )
    uit["n"] = 1
    return uit, mislukt, meldingen, notities


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
    k = koppeling_alleen_lezen()
    meldingen = []
    if ruim:
        zus = {ZELFDE_OPBOUW[t]: t for t in beschikbaar if t in ZELFDE_OPBOUW}
        k = k[k["tabel"].isin(beschikbaar | set(zus))].copy()
        k["tabel"] = k["tabel"].replace(zus)
        k = k.drop_duplicates(["tabel", "indicator", "categorie", "rol", "maat", "filters"])
    else:
        k = k[k["niveau"].isin(niveaus_voor(niveau))]
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


def _uit_gemeenten(delen: pd.DataFrame, rijen: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """For mapping rows with niveau 'regio_uit_gemeenten': VT parts summed from gemeente parts.

    The table's own VT rows (if any) of those mapping rows are replaced; Nederland stays CBS's.
    """
    som_regels = set(rijen.loc[rijen["niveau"] == "regio_uit_gemeenten", "regel"].astype(int))
    if not som_regels:
        return delen, []
    eigen = delen["regel"].isin(som_regels)
    gem = delen[eigen & (delen["soort"] == "gemeente") & delen["gemeente_code"].notna()]
    per_regio, onvolledig = tel_op_per_regio(
        pd.DataFrame(
            {
                "sleutel": gem["regel"],
                "gemeente_code": gem["gemeente_code"],
                "periode": gem["periode"],
                "voorlopig": gem["voorlopig"],
                "aantal": gem["aantal"].where(~gem["onderdrukt"].astype(bool)),
            }
        )
    )
    # Only periods the table has for Nederland or a gemeente; regions outside their years vanish.
    opgeteld = pd.DataFrame(
        {
            "regel": per_regio["sleutel"].astype("int64"),
            "soort": "vt",
            "regio_code": per_regio["regio_code"],
            "gemeente_code": None,
            "gemeente_label": None,
            "periode": per_regio["periode"],
            "voorlopig": per_regio["voorlopig"].astype(bool),
            "aantal": per_regio["aantal"].astype(float),
            "onderdrukt": per_regio["onvolledig"].astype(bool),
            "n": 1,
        }
    )
    rest = delen[~(eigen & (delen["soort"] == "vt"))]
    return pd.concat([rest, opgeteld], ignore_index=True), onvolledig


def _combineer(
    delen: pd.DataFrame,
    rijen: pd.DataFrame,
    mislukt: set[int],
    niveau: str,
    bevolking: pd.DataFrame | None = None,
):
    """Parts -> observation rows for ``niveau`` ('regio' or 'gemeente')."""
    onvolledig: list[dict] = []
    if niveau == "regio":
        delen, onvolledig = _uit_gemeenten(delen, rijen)
        delen = delen[delen["soort"].isin(["land", "vt"])]
        sleutel = ["regio_code", "periode"]
    else:
        delen = delen[(delen["soort"] == "gemeente")]
        sleutel = ["gemeente_label", "gemeente_code", "periode"]
    verwacht = {
        int(r.regel): math.prod(len(k) for _, k in lees_filters(r.filters))
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
        return pd.DataFrame(), meldingen, {}
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
        return pd.DataFrame(), meldingen, {}
    df["categorie"] = df["categorie"].replace("", None)
    df = df.rename(columns={"aantal": "teller", "aantal_n": "noemer"})
    df["onderdrukt"] = df["onderdrukt"].astype(bool) | df["onderdrukt_n"].astype(bool)
    df["status"] = (df["voorlopig"].astype(bool) | df["voorlopig_n"].astype(bool)).map(
        {True: "voorlopig", False: "definitief"}
    )
    extra: dict = {}
    if niveau == "regio":
        extra = _inwoners_en_toelichting(df, rijen, onvolledig, bevolking)
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
    return df, meldingen, extra


def _inwoners_en_toelichting(
    df: pd.DataFrame, rijen: pd.DataFrame, onvolledig: list[dict], bevolking: pd.DataFrame | None
) -> dict:
    """Fill in the inhabitants as the denominator of a rate (in ``df``); the notes that go with it.

    The notes: where the inhabitants come from, regions summed from incomplete gemeenten, and
    which indicators are sums of gemeenten.
    """
    extra: dict = {}
    ratio = df["eenheid"] == "per 10.000 inwoners"
    inwoners, jaar, bron = inwoners_voor(
        bevolking, df.loc[ratio, "regio_code"], df.loc[ratio, "periode"]
    )
    df.loc[ratio, "noemer"] = inwoners
    if ratio.any():
        per_periode = (
            pd.DataFrame({"periode": df.loc[ratio, "periode"], "jaar": jaar})
            .dropna()
            .drop_duplicates("periode")
        )
        extra["inwoners"] = {
            "bron": bron,
            "jaar_per_periode": {p: int(j) for p, j in zip(per_periode.periode, per_periode.jaar)},
        }
    regel_ind = dict(zip(rijen["regel"].astype(int), rijen["indicator"]))
    if onvolledig:
        extra["onvolledig"] = [
            {
                "indicator": regel_ind.get(int(o["sleutel"]), ""),
                "regio_code": o["regio_code"],
                "periode": o["periode"],
                "reden": o["reden"],
            }
            for o in onvolledig
        ]
    som = rijen.loc[rijen["niveau"] == "regio_uit_gemeenten", "indicator"]
    if len(som):
        extra["uit_gemeenten"] = sorted(set(som) & set(df["indicator"]))
    return extra


def observaties_uit_tabellen(
    bronnen: dict, niveau: str = "regio", *, ruim: bool = False
) -> pd.DataFrame:
    """Tidy observations from several CBS tables at once (what :func:`laad_cbs` uses).

    ``bronnen`` maps a table id to a :class:`CBSTabel` or ``(records, dataproperties)``.
    ``niveau='regio'`` gives Nederland (NL01) and the VT regions in the columns of
    ``impactkit.observaties.KOLOMMEN``; ``niveau='gemeente'`` gives gemeenten (see
    :func:`gemeente_observaties`). Messages about skipped parts are in ``df.attrs["meldingen"]``
    and are also issued as warnings when a title in the mapping is not found.
    """
    if niveau not in ("regio", "gemeente"):
        raise ImpactkitFout(f"niveau '{niveau}' bestaat niet; kies 'regio' of 'gemeente'.")
    bronnen = dict(bronnen)
    bevolking, notities = None, []
    bev_id = next((t for t in bronnen if str(t).upper() == bevolkingstabel()), None)
    if bev_id is not None:
        bevolking, extra_meldingen = inwoners_per_jaar(*uitpakken(bronnen.pop(bev_id)))
        notities += extra_meldingen
    beschikbaar = set(bronnen)
    rijen, meldingen = _regels_voor(niveau, beschikbaar, ruim)
    for tabel_id in sorted(beschikbaar - set(rijen["tabel"])):
        andere = "gemeente" if niveau == "regio" else "regio"
        if tabel_id in tabellen_in_koppeling(andere):
            functie = "gemeente_observaties" if andere == "gemeente" else "naar_observaties"
            meldingen.append(
                f"{tabel_id} heeft in de koppeling alleen cijfers op {andere}niveau; "
                f"gebruik {functie}."
            )
    alle_delen, mislukt = [], set()
    for tabel_id in sorted(beschikbaar & set(rijen["tabel"])):
        records, props = uitpakken(bronnen[tabel_id])
        delen, fout, berichten, notes = _delen(
            tabel_id, records, props, rijen[rijen["tabel"] == tabel_id]
        )
        notities += notes
        alle_delen.append(delen)
        mislukt |= fout
        meldingen += berichten
        for b in berichten:
            warnings.warn(b, stacklevel=2)
    delen = pd.concat([d for d in alle_delen if not d.empty] or [_lege_delen()], ignore_index=True)
    df, extra, toelichting = _combineer(delen, rijen, mislukt, niveau, bevolking)
    meldingen += extra
    if niveau == "regio":
        uit = _regio_tabel(df)
    else:
        uit = _gemeente_tabel(df)
    uit.attrs["meldingen"] = meldingen + notities
    uit.attrs["cbs_tabellen"] = sorted(beschikbaar)
    uit.attrs.update(toelichting)
    uit.attrs["toelichting"] = toelichting_tekst(toelichting)
    return uit


def toelichting_tekst(extra: dict) -> list[str]:
    """Dutch sentences on how figures were made: population year, summed gemeenten, gaps."""
    zinnen = []
    if "inwoners" in extra:
        jaren = extra["inwoners"]["jaar_per_periode"]
        paren = ", ".join(f"{p}: {j}" for p, j in sorted(jaren.items()))
        zinnen.append(
            f"Per 10.000 inwoners: {extra['inwoners']['bron']} (periode: jaar — {paren})."
        )
    for ind in extra.get("uit_gemeenten", []):
        zinnen.append(
            f"{ind}: het CBS publiceert dit alleen per gemeente; de cijfers per Veilig Thuis-regio "
            "zijn opgeteld uit de gemeenten, met de gemeente-indeling van elk jaar."
        )
    onvolledig = extra.get("onvolledig", [])
    if onvolledig:
        voorbeelden = "; ".join(
            f"{o['regio_code']} {o['periode']}: {o['reden']}" for o in onvolledig[:3]
        )
        zinnen.append(
            f"{len(onvolledig)} regiocijfer(s) zijn onvolledig en daarom leeg gelaten (nooit een te "
            f"laag totaal): {voorbeelden}{' ...' if len(onvolledig) > 3 else ''}."
        )
    return zinnen


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
    info = gemeenten_met_regio()
    df["gemeente"] = df["gemeente_code"].map(lambda c: info[c][0])
    df["regio_code"] = [
        regio_van_gemeente(c, int(str(p)[:4])) or info[c][1]
        for c, p in zip(df["gemeente_code"], df["periode"])
    ]
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
    tabel_id = controleer_tabel_id(tabel_id)
    return observaties_uit_tabellen({tabel_id: (records, metadata)}, "regio")


def gemeente_observaties(tabel_id: str, records: list[dict], metadata: list[dict]) -> pd.DataFrame:
    """Like :func:`naar_observaties`, for the gemeenten CBS publishes (84849NED, 84851NED,
    84855NED, 85361NED).

    Adds columns ``gemeente_code`` (GM code, 2022 division) and ``gemeente``; ``regio_code`` is
    the gemeente's Veilig Thuis-regio. Suppression is applied as everywhere in the kit.
    """
    tabel_id = controleer_tabel_id(tabel_id)
    return observaties_uit_tabellen({tabel_id: (records, metadata)}, "gemeente")


def controleer_tabel_id(tabel_id: str) -> str:
    """The table id in capitals when the mapping knows it; otherwise a Dutch message."""
    t = str(tabel_id).strip().upper()
    bekend = sorted(set(koppeling_alleen_lezen()["tabel"]) | {bevolkingstabel()})
    if t not in bekend:
        titels = [f"{k} ({TABELTITELS.get(k, '?')})" for k in bekend]
        raise DataFout(
            f"CBS-tabel '{tabel_id}' kent impactkit niet.{bedoelde_je(t, bekend)} Tabellen in de "
            f"koppeling: {'; '.join(titels)}. Een nieuwe tabel voeg je toe in "
            "data/cbs/koppeling.csv."
        )
    return t
