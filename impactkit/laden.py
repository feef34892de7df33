"""The front door for data: ``laad`` picks a source and returns the one tidy table.

The table's columns and types are described in :mod:`impactkit.observaties`.

Sources: ``laad("oefendata")`` (default), ``laad("pad/naar/bestand.csv")`` for the user's own
file (checked line by line, see :func:`lees_csv`), or a DataFrame in this shape.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .bronnen.cbs_odata import laad_cbs
from .bronnen.eigen_bestand import lees_csv
from .bronnen.oefendata import lees_oefendata
from .bronnen.statline_csv import is_statline_csv, lees_statline_csv
from .fouten import DataFout, OngeldigeInvoer, bedoelde_je, soort_invoer
from .observaties import DTYPES, valideer
from .onderdrukking import onderdruk

BRONNEN = ("oefendata", "cbs")


def laad(bron: str | Path | pd.DataFrame | list = "oefendata") -> pd.DataFrame:
    """The tidy observation table.

    ``bron`` is ``"oefendata"`` (the practice data, default), ``"cbs"`` (real CBS figures:
    network, then the local cache, then the practice data, saying which in
    ``df.attrs["bron_melding"]``), the path of a CSV file with your own figures or a StatLine
    download, a DataFrame in the tidy shape, or several of these (a list, or a text with the
    sources separated by commas) to combine them: a later source replaces rows of an earlier
    one for the same indicator, region, period and category, every row keeps its
    ``herkomst``, and suppression is applied to the combination once more.

    Examples
    --------
    >>> df = laad()
    >>> df["herkomst"].unique().tolist()
    ['oefendata']
    """
    if isinstance(bron, str) and "," in bron:
        bron = [b.strip() for b in bron.split(",") if b.strip()]
    if isinstance(bron, (list, tuple)):
        if not bron:
            raise OngeldigeInvoer(
                "Geen bron opgegeven (een lege lijst). Geef 'oefendata', 'cbs', het pad van een "
                "CSV-bestand, of een lijst daarvan."
            )
        delen = [laad(b) for b in bron]
        samen = pd.concat(delen, ignore_index=True)
        sleutel = ["indicator", "regio_code", "periode", "categorie"]
        samen = samen.drop_duplicates(subset=sleutel, keep="last")
        # Each source is protected on its own; a mix could pair a figure of one with a sum of
        # another, so the combination gets secondary suppression too.
        return onderdruk(samen.reset_index(drop=True).astype(DTYPES))
    if isinstance(bron, pd.DataFrame):
        return valideer(bron)
    if isinstance(bron, str) and bron.strip().lower() == "oefendata":
        return lees_oefendata().copy()
    if isinstance(bron, str) and bron.strip().lower() == "cbs":
        return laad_cbs()
    if isinstance(bron, bytes) or not isinstance(bron, (str, Path)) or not str(bron).strip():
        raise OngeldigeInvoer(
            f"laad() kreeg {soort_invoer(bron)} als bron. Geef 'oefendata', 'cbs', het pad van een "
            "CSV-bestand (tekst), een tabel in de vorm van laad(), of een lijst daarvan."
        )
    pad = Path(bron)
    if pad.is_dir():
        raise DataFout(
            f"'{bron}' is een map, geen bestand. Geef het pad van het CSV-bestand zelf, bv. "
            f"'{pad / 'eigen_cijfers.csv'}'."
        )
    if not pad.exists():
        hint = bedoelde_je(str(bron), BRONNEN)
        raise DataFout(
            f"Bron '{bron}' bestaat niet.{hint} Kies 'oefendata' of geef het pad van een "
            "CSV-bestand met je eigen cijfers."
        )
    if is_statline_csv(pad):
        return lees_statline_csv(pad)
    return lees_csv(pad)
