"""The tidy observation table: its columns, their types, and the check every source passes.

Every data source (practice data, CBS, StatLine downloads, the user's own files) produces this
one table, with one row per indicator x region x period (x category for distributions):

=============  ==========================================================================
kolom          betekenis
=============  ==========================================================================
indicator      id from the catalogue
regio_code     NL01 (Nederland) or VT01..VT27
regio          region name
periode        '2021H1' (half-year) or '2021' (year)
categorie      category of a distribution, empty for single-value indicators
waarde         the figure in the indicator's unit (missing when suppressed or unknown)
teller         numerator count (or the count itself for 'aantal')
noemer         denominator (count, or inhabitants for rates per 10.000)
eenheid        aantal, %, per 10.000 inwoners, score or gemiddelde
status         definitief or voorlopig
onderdrukt     True when the value was withheld (small count, CBS '.')
herkomst       oefendata, CBS or eigen data
=============  ==========================================================================
"""

from __future__ import annotations

import pandas as pd

from .fouten import DataFout, OngeldigeInvoer, bedoelde_je, soort_invoer
from .indicatoren import ids
from .onderdrukking import onderdruk
from .perioden import Periode
from .regioindeling import regios

KOLOMMEN = [
    "indicator",
    "regio_code",
    "regio",
    "periode",
    "categorie",
    "waarde",
    "teller",
    "noemer",
    "eenheid",
    "status",
    "onderdrukt",
    "herkomst",
]
DTYPES = {
    "indicator": "string",
    "regio_code": "string",
    "regio": "string",
    "periode": "string",
    "categorie": "string",
    "waarde": "Float64",
    "teller": "Int64",
    "noemer": "Int64",
    "eenheid": "string",
    "status": "string",
    "onderdrukt": "boolean",
    "herkomst": "string",
}


def met_regionaam(df: pd.DataFrame) -> pd.DataFrame:
    namen = dict(zip(regios(alle=True)["code"], regios(alle=True)["naam"]))
    df = df.copy()
    df["regio"] = df["regio_code"].map(namen).astype("string")
    return df[KOLOMMEN].astype(DTYPES)


def controleer_vorm(df: object, wat: str = "De tabel") -> None:
    """Refuse anything that is not a table in the tidy shape, with a Dutch message."""
    if not isinstance(df, pd.DataFrame):
        raise OngeldigeInvoer(
            f"{wat} moet een tabel zijn zoals impactkit.laad() die geeft, niet {soort_invoer(df)}."
        )
    ontbreekt = [k for k in KOLOMMEN if k not in df.columns and k != "regio"]
    if ontbreekt:
        raise DataFout(
            f"{wat} mist de kolom(men) {', '.join(ontbreekt)}. Verwacht: {', '.join(KOLOMMEN)}. "
            "Maak de tabel met impactkit.laad(...)."
        )


def valideer(df: pd.DataFrame) -> pd.DataFrame:
    """Check a tidy table (columns, known ids, regions, periods, numbers) and apply suppression."""
    controleer_vorm(df)
    if df.empty:
        raise DataFout("De tabel is leeg: er staan geen rijen in.")
    df = df.copy()
    for kolom in ("waarde", "teller", "noemer"):
        getal = pd.to_numeric(df[kolom], errors="coerce")
        fout = getal.isna() & df[kolom].notna()
        if fout.any():
            rij = fout.to_numpy().nonzero()[0][0]
            raise DataFout(
                f"Kolom '{kolom}', rij {rij + 1}: '{df[kolom].iloc[rij]}' is geen getal. Zet in "
                f"'{kolom}' alleen getallen (of laat de cel leeg)."
            )
        if kolom != "waarde":
            heel = getal.dropna()
            if not (heel == heel.round()).all():
                raise DataFout(
                    f"Kolom '{kolom}' bevat getallen met decimalen; een {kolom} is een "
                    "aantal, dus een heel getal."
                )
        df[kolom] = getal
    for kolom in ("indicator", "regio_code", "periode"):
        if df[kolom].isna().any():
            rij = df[kolom].isna().to_numpy().nonzero()[0][0]
            raise DataFout(
                f"Kolom '{kolom}', rij {rij + 1}, is leeg; elke rij heeft een {kolom} nodig."
            )
        df[kolom] = df[kolom].astype(str)
    onbekend = sorted(set(df["indicator"]) - set(ids()))
    if onbekend:
        raise DataFout(
            f"Onbekende indicator(en): {', '.join(onbekend[:5])}."
            f"{bedoelde_je(onbekend[0], ids())} Zie impactkit.catalogus()."
        )
    codes = set(regios(alle=True)["code"])
    vreemd = sorted(set(df["regio_code"]) - codes)
    if vreemd:
        raise DataFout(
            f"Onbekende regiocode(s): {', '.join(vreemd[:5])}. Gebruik NL01 of VT01-VT27."
        )
    for p in set(df["periode"]):
        Periode.parse(p)
    return met_regionaam(onderdruk(df))
