"""Explain a CBS table in Dutch: dimensions, categories and measures (with group paths and keys).

What ``impactkit data uitleg TABEL`` prints, so a user can repair a row of
``data/cbs/koppeling.csv`` in one line when CBS names something differently than assumed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..opmaak import getal
from .cbs_koppeling import (
    TABELTITELS,
    kolommen_voor,
    koppeling_alleen_lezen,
    maatpad,
    pad_tekst,
    uitpakken,
)

MAX_CATEGORIEEN = 60
"""How many categories of one dimension are listed before '... en nog N'."""


def uitleg_tabel(
    tabel_id: str, bron=None, cache_map: str | Path | None = None, *, max_categorieen: int = 60
) -> str:
    """A Dutch explanation of a CBS table, from its DataProperties and records.

    ``bron`` is a :class:`~impactkit.bronnen.cbs_koppeling.CBSTabel` or ``(records,
    dataproperties)``; without it the table comes from the cache (or is fetched once). Lists
    every dimension with its categories, every measure with its path through the topic groups
    (``Groep › Maat``), unit and key, and per mapping row of this table whether it is found
    (and if not, the nearest real titles).
    """
    from .cbs_odata import haal_op

    tabel_id = str(tabel_id).strip().upper()
    if bron is None:
        bron = haal_op([tabel_id], cache_map)[tabel_id]
    records, props = uitpakken(bron)
    df = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    regels = [f"Tabel {tabel_id}: {TABELTITELS.get(tabel_id, '(titel onbekend)')}"]
    regels.append(f"{getal(len(records), 0)} records.")
    regels.append("")
    regels.append("Dimensies (schrijf in de kolom 'filters': Dimensie=Categorie):")
    for p in props:
        soort = str(p.get("Type", ""))
        if not soort.endswith("Dimension"):
            continue
        key, titel = p.get("Key"), p.get("Title")
        kolom = key if key in df.columns else titel
        waarden = list(dict.fromkeys(df[kolom].dropna().map(str))) if kolom in df.columns else []
        rol = {"GeoDimension": "regio", "TimeDimension": "periode"}.get(soort, "categorie")
        regels.append(f"- {titel} (sleutel {key}; {rol}): {len(waarden)} waarden")
        if rol == "categorie" or len(waarden) <= 12:
            getoond = waarden[:max_categorieen]
            for w in getoond:
                regels.append(f"    {' '.join(w.split())}")
            if len(waarden) > len(getoond):
                regels.append(f"    ... en nog {len(waarden) - len(getoond)}")
        else:
            regels.append(f"    bv. {', '.join(' '.join(w.split()) for w in waarden[:8])}, ...")
    regels.append("")
    regels.append("Maten (schrijf in de kolom 'maat' het pad met › of de sleutel):")
    for p in props:
        if p.get("Type") != "Topic":
            continue
        regels.append(
            f"- {pad_tekst(maatpad(props, p))} ({p.get('Unit') or 'geen eenheid'}); "
            f"sleutel {p.get('Key')}"
        )
    k = koppeling_alleen_lezen()
    rijen = k[k["tabel"] == tabel_id]
    if len(rijen):
        regels.append("")
        regels.append("Koppeling (data/cbs/koppeling.csv):")
        labels: dict = {}
        for r in rijen.itertuples(index=False):
            _, reden = kolommen_voor(r, df, props, labels)
            naam = r.indicator + (f" / {r.categorie}" if r.categorie else "") + f" ({r.rol})"
            regels.append(f"- regel {r.regel}, {naam}: " + ("gevonden" if not reden else reden))
    return "\n".join(regels)
