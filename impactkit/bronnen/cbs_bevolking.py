"""Inhabitants per year for rates per 10.000 inwoners, from CBS's population table.

The table, measure and filters are in ``data/cbs/bevolking.csv`` (one row, like a row of
``koppeling.csv``). The population of 1 January of each year is taken per gemeente and added up
to Veilig Thuis-regio's with that year's division (:mod:`impactkit.bronnen.cbs_indeling`);
Nederland is the table's own row. Without the table, the register's 2021 population
(``data/referentie/vt_regions.csv``) is the documented fall-back.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import pandas as pd

from ..paden import data_pad
from ..regioindeling import regios
from .cbs_indeling import tel_op_per_regio
from .cbs_labels import celwaarde, periodelabel, regiolabel


@lru_cache(maxsize=1)
def bevolkingsbron() -> SimpleNamespace:
    """The population table's row from ``data/cbs/bevolking.csv`` (tabel, maat, filters, ...)."""
    df = pd.read_csv(data_pad("cbs", "bevolking.csv"), dtype="string", keep_default_na=False)
    r = df.iloc[0]
    return SimpleNamespace(**{k: str(r[k]).strip() for k in df.columns}, regel=2)


def bevolkingstabel() -> str:
    """The id of the population table, upper case (e.g. '03759NED')."""
    return bevolkingsbron().tabel.upper()


def register_inwoners() -> pd.DataFrame:
    """The fall-back: the register's population (2021) per region, as ``regio_code, inwoners``."""
    r = regios(alle=True)
    return pd.DataFrame(
        {
            "regio_code": r["code"],
            "inwoners": r["inwoners"].astype(float),
            "jaar": r["inwoners_jaar"].astype(int),
        }
    )


def inwoners_per_jaar(records: list[dict], props: list[dict]) -> tuple[pd.DataFrame, list[str]]:
    """Population on 1 January per region and year from the population table's records.

    Returns ``(df, meldingen)``; df has ``regio_code`` (NL01 and VT codes), ``jaar`` and
    ``inwoners`` (NaN when a gemeente was missing). An empty df means the table did not fit
    ``data/cbs/bevolking.csv``; the messages say why.
    """
    from .cbs_koppeling import kolommen_voor, soortkolom

    leeg = pd.DataFrame(columns=["regio_code", "jaar", "inwoners"])
    if not records:
        return leeg, ["bevolkingstabel zonder records"]
    df = pd.DataFrame.from_records(records)
    bron = bevolkingsbron()
    kolommen, reden = kolommen_voor(bron, df, props)
    if kolommen is None:
        return leeg, [
            f"bevolkingstabel {bevolkingstabel()}: {reden} Pas data/cbs/bevolking.csv aan."
        ]
    masker = pd.Series(True, index=df.index)
    for kolom, keuzes in kolommen["filters"]:
        masker &= (
            df[kolom]
            .map(lambda v: " ".join(str(v).split()).casefold())
            .isin({" ".join(k.split()).casefold() for k in keuzes})
        )
    regio_kol = soortkolom(props, df.columns, "GeoDimension", ("regios", "regio's", "regio"))
    periode_kol = soortkolom(props, df.columns, "TimeDimension", ("perioden", "periode"))
    sub = df.loc[masker, [regio_kol, periode_kol, kolommen["maat"]]]
    rijen = []
    for regio, periode, waarde in sub.itertuples(index=False):
        try:
            soort, code = regiolabel(str(regio))
        except Exception:  # noqa: BLE001 - an unknown '(VT)' label is not a gemeente
            continue
        p, _ = periodelabel(str(periode))
        rijen.append((soort, code, int(p[:4]), celwaarde(waarde)[0]))
    delen = pd.DataFrame(rijen, columns=["soort", "code", "jaar", "aantal"])
    land = delen[delen["soort"] == "land"].rename(columns={"code": "regio_code"})
    gem = delen[(delen["soort"] == "gemeente") & delen["code"].notna()]
    som, _ = tel_op_per_regio(
        pd.DataFrame(
            {
                "sleutel": 0,
                "gemeente_code": gem["code"],
                "periode": gem["jaar"].astype(str),
                "aantal": gem["aantal"],
                "voorlopig": False,
            }
        )
    )
    som = som.assign(jaar=som["periode"].astype(int))
    uit = pd.concat(
        [land[["regio_code", "jaar", "aantal"]], som[["regio_code", "jaar", "aantal"]]],
        ignore_index=True,
    ).rename(columns={"aantal": "inwoners"})
    return uit, []


def inwoners_voor(
    tabel: pd.DataFrame | None, regio_code: pd.Series, periode: pd.Series
) -> tuple[pd.Series, pd.Series, str]:
    """Inhabitants and their year per row (region and period), and the source in Dutch.

    With a population ``tabel`` (from :func:`inwoners_per_jaar`) each period gets the population
    of 1 January of its own year, or of the latest earlier year in the table; without one, the
    register's 2021 population.
    """
    jaren = periode.astype(str).str[:4].astype(int)
    if tabel is None or tabel.empty:
        reg = register_inwoners().set_index("regio_code")
        return (
            regio_code.map(reg["inwoners"]).astype(float),
            regio_code.map(reg["jaar"]).astype("Int64"),
            "inwoners uit het regioregister (2021, voor elke periode; geen CBS-bevolkingstabel)",
        )
    bekend = tabel.dropna(subset=["inwoners"])
    per_regio = {
        r: g.set_index("jaar")["inwoners"].sort_index() for r, g in bekend.groupby("regio_code")
    }
    reg = register_inwoners().set_index("regio_code")
    inwoners, gebruikt, uit_register = [], [], set()
    for r, j in zip(regio_code, jaren):
        reeks = per_regio.get(r)
        if reeks is None or reeks[reeks.index <= j].empty:
            # documented fall-back for a region the population table does not cover
            inwoners.append(float(reg["inwoners"].get(r, float("nan"))))
            gebruikt.append(int(reg["jaar"].get(r, 2021)))
            uit_register.add(r)
            continue
        jaar = int(reeks[reeks.index <= j].index.max())
        inwoners.append(float(reeks[jaar]))
        gebruikt.append(jaar)
    return (
        pd.Series(inwoners, index=regio_code.index),
        pd.Series(gebruikt, index=regio_code.index, dtype="Int64"),
        f"inwoners op 1 januari van het jaar van de periode (CBS {bevolkingstabel()}, per "
        "gemeente opgeteld tot regio's)"
        + (
            f"; voor {', '.join(sorted(uit_register))} ontbreekt dat en gelden de inwoners uit het "
            "regioregister (2021)"
            if uit_register
            else ""
        ),
    )
