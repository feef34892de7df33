"""Local (proces)indicators: a region's own indicators next to those of the monitor.

The committee's advice and the Q&A ask regions to add local process indicators (e.g. 'time from
melding to first contact with the wijkteam'). A region declares them in a CSV file; this module
checks every declaration against the catalogue and registers them for the session, after which
every step of the plan (values, comparisons, charts, the notebook and the batch) can use them
with figures from the region's own data file (``laad("eigen_cijfers.csv")``).

Declaration columns (one row per indicator): ``id``, ``naam``, ``thema``, ``eenheid``,
``richting``, ``definitie``, and for ratios ``teller`` and ``noemer``; optional ``uitleg``,
``bron``, ``frequentie``, ``niveaus``, ``beperking``, ``categorieen``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..fouten import DataFout, bedoelde_je, niet_ingelezen
from ..indicatoren import EENHEDEN, RICHTINGEN, THEMAS, monitor_catalogus, registreer
from ..indicatoren import KOLOMMEN as CATALOGUS_KOLOMMEN
from .tekstbestand import lees_regels, lees_tekstbestand, scheidingsteken

VERPLICHT = ("id", "naam", "thema", "eenheid", "richting", "definitie")
OPTIONEEL = (
    "teller",
    "noemer",
    "uitleg",
    "bron",
    "frequentie",
    "niveaus",
    "beperking",
    "categorieen",
    "laag",
)


def lees_lokale_indicatoren(pad: str | Path) -> pd.DataFrame:
    """Check a declaration file; returns the rows as they will appear in the catalogue.

    Every problem is reported with file, line and column; nothing is registered unless the whole
    file is right.
    """
    pad, lezer = _lees_declaraties(pad)
    bestaand = set(monitor_catalogus()["id"])
    fouten, rijen, gezien = [], [], set()
    for regelnr, ruw in lezer:
        rij = {k: (v or "").strip() for k, v in ruw.items() if k}

        def fout(kolom: str, bericht: str, _r: int = regelnr) -> None:
            fouten.append(f"{pad.name}, regel {_r}, kolom '{kolom}': {bericht}")

        ind_id = rij.get("id", "")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", ind_id):
            fout("id", f"'{ind_id}' is geen geldige id; gebruik kleine letters, cijfers en _.")
            continue
        if ind_id in bestaand:
            fout(
                "id",
                f"'{ind_id}' bestaat al in de monitor; kies een andere id (bv. lokaal_{ind_id}).",
            )
            continue
        if ind_id in gezien:
            fout("id", f"'{ind_id}' staat twee keer in het bestand.")
            continue
        gezien.add(ind_id)
        _controleer_velden(rij, fout)
        rijen.append(_catalogusrij(rij, ind_id))
    if fouten:
        raise niet_ingelezen(pad.name, fouten)
    if not rijen:
        raise DataFout(f"{pad.name} bevat geen indicatoren onder de kopregel.")
    return pd.DataFrame(rijen, columns=CATALOGUS_KOLOMMEN).astype("string")


def _lees_declaraties(pad: str | Path) -> tuple[Path, list[tuple[int, dict[str, str]]]]:
    """The checked file and its declarations, each with its line; the header is checked first."""
    pad, tekst = lees_tekstbestand(pad, "bestand met lokale indicatoren")
    if not tekst.strip():
        raise DataFout(f"{pad.name} is leeg. Zet op regel 1 de kolomnamen: {', '.join(VERPLICHT)}.")
    teken = scheidingsteken(tekst.splitlines()[0], pad)
    regels = lees_regels(tekst, teken, pad)
    kolommen = [k.strip().lower() for k in regels[0][1]]
    ontbreekt = [k for k in VERPLICHT if k not in kolommen]
    if ontbreekt:
        hints = "".join(bedoelde_je(k, kolommen, n=1) for k in ontbreekt)
        raise DataFout(
            f"{pad.name}, regel 1: kolom(men) {', '.join(ontbreekt)} ontbreken.{hints} Een lokale "
            f"indicator declareert minstens: {', '.join(VERPLICHT)} (en teller/noemer bij een "
            "percentage of ratio)."
        )
    onbekend = [k for k in kolommen if k and k not in (*VERPLICHT, *OPTIONEEL)]
    if onbekend:
        hints = "".join(bedoelde_je(k, (*VERPLICHT, *OPTIONEEL), n=1) for k in onbekend)
        raise DataFout(
            f"{pad.name}, regel 1: onbekende kolom(men) {', '.join(repr(k) for k in onbekend)}; "
            f"die zouden niet worden ingelezen.{hints} Mogelijk: "
            f"{', '.join((*VERPLICHT, *OPTIONEEL))}."
        )
    lezer = []
    for nr, velden in regels[1:]:
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kolommen):
            raise DataFout(
                f"{pad.name}, regel {nr}: {len(velden)} velden, maar de kopregel heeft er "
                f"{len(kolommen)}. Staat er een '{teken}' in een tekst (bv. de definitie)? Zet "
                'die tekst dan tussen aanhalingstekens: "tekst, met komma".'
            )
        lezer.append((nr, dict(zip(kolommen, velden))))
    return pad, lezer


def _controleer_velden(rij: dict[str, str], fout: Callable[[str, str], None]) -> None:
    """Report every empty required field and every theme, unit or direction the kit does not know."""
    for kolom in VERPLICHT:
        if not rij.get(kolom):
            fout(
                kolom,
                "is leeg; een lokale indicator heeft een naam, thema, eenheid, "
                "richting en definitie nodig.",
            )
    if rij.get("thema") and rij["thema"] not in THEMAS:
        fout(
            "thema",
            f"'{rij['thema']}' bestaat niet.{bedoelde_je(rij['thema'], THEMAS)} "
            f"Kies uit: {', '.join(THEMAS)}.",
        )
    if rij.get("eenheid") and rij["eenheid"] not in EENHEDEN:
        fout("eenheid", f"'{rij['eenheid']}' kan niet; kies uit: {', '.join(EENHEDEN)}.")
    if rij.get("richting") and rij["richting"] not in RICHTINGEN:
        fout("richting", f"'{rij['richting']}' kan niet; kies uit: {', '.join(RICHTINGEN)}.")
    if rij.get("eenheid") in ("%", "per 10.000 inwoners") and not (
        rij.get("teller") and rij.get("noemer")
    ):
        fout("teller", "een percentage of ratio heeft een teller en een noemer nodig.")


def _catalogusrij(rij: dict[str, str], ind_id: str) -> dict[str, str]:
    """A declaration as a catalogue row, with the defaults for a local indicator."""
    return {
        "id": ind_id,
        "naam": rij.get("naam", ""),
        "thema": rij.get("thema", ""),
        "laag": rij.get("laag") or "proces",
        "bron": rij.get("bron") or "Eigen registratie regio",
        "frequentie": rij.get("frequentie") or "halfjaarlijks",
        "niveaus": rij.get("niveaus") or "regionaal",
        "eenheid": rij.get("eenheid", ""),
        "teller": rij.get("teller", ""),
        "noemer": rij.get("noemer", ""),
        "beschikbaarheid": "registratie",
        "cbs_tabel": "",
        "richting": rij.get("richting", ""),
        "uitleg": rij.get("uitleg") or rij.get("definitie", ""),
        "definitie": rij.get("definitie", ""),
        "beperking": rij.get("beperking")
        or "Lokale indicator: alleen voor deze regio, niet te vergelijken met andere regio's.",
        "categorieen": rij.get("categorieen", ""),
        "licentie": "",
        "vindplaats": "lokaal",
    }


def lokale_indicatoren(pad: str | Path) -> pd.DataFrame:
    """Check a declaration file and add its indicators to this session's catalogue.

    Examples
    --------
    >>> import impactkit as ik
    >>> from impactkit.paden import data_pad
    >>> lokaal = ik.lokale_indicatoren(data_pad("voorbeelden", "lokale_indicatoren.csv"))
    >>> ik.indicator("lokaal_eerste_contact_binnen_5_dagen").eenheid
    '%'
    >>> ik.vergeet_lokale_indicatoren()
    """
    tabel = lees_lokale_indicatoren(pad)
    registreer(tabel.to_dict("records"))
    return tabel
