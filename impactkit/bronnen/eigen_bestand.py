"""The user's own figures: a CSV file read line by line into the tidy table.

Problems are reported with file, line and column, and nothing is imported until the whole file
is right.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from ..fouten import DataFout, ImpactkitFout, OngeldigePeriode, bedoelde_je, niet_ingelezen
from ..indicatoren import indicator
from ..observaties import KOLOMMEN, met_regionaam
from ..onderdrukking import onderdruk
from ..perioden import Periode
from ..regioindeling import regio as zoek_regio

VERPLICHT = ("indicator", "regio", "periode", "waarde")
# -- Reading the user's own CSV files ------------------------------------------------------------
_GETAL_NL = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$")
_GETAL_EN = re.compile(r"^-?\d+(\.\d+)?$")


def _scheidingsteken(kop: str, pad: Path) -> str:
    tellingen = {t: kop.count(t) for t in (";", ",", "\t")}
    teken, aantal = max(tellingen.items(), key=lambda kv: kv[1])
    if aantal == 0:
        raise DataFout(
            f"{pad.name}, regel 1: de kopregel '{kop.strip()[:60]}' bevat geen puntkomma, komma of "
            "tab. Gebruik ';' (zoals StatLine) of ',' als scheidingsteken tussen de kolommen."
        )
    return teken


def _lees_getal(tekst: str, teken: str) -> float | None:
    """Parse a number in Dutch (decimal comma, '.' thousands) or English notation."""
    t = tekst.strip().replace("\u00a0", "").replace(" ", "")
    if t == "":
        return None
    if _GETAL_EN.match(t) and not (teken == ";" and re.match(r"^-?\d{1,3}(\.\d{3})+$", t)):
        return float(t)
    if _GETAL_NL.match(t):
        return float(t.replace(".", "").replace(",", "."))
    raise ValueError(t)


def lees_csv(pad: str | Path, herkomst: str = "eigen data") -> pd.DataFrame:
    """Read a CSV file with your own figures into the tidy table, checking every line.

    Required columns: ``indicator``, ``regio`` (name or code), ``periode``, ``waarde``; optional:
    ``categorie``, ``teller``, ``noemer``, ``status``. Separator ';' or ','; decimal comma or
    point; a CBS '.' marks a withheld value. Problems are reported with file, line and column,
    and nothing is imported until the whole file is right.
    """
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        tekst = pad.read_text(encoding="latin-1")
    except OSError as e:
        raise DataFout(f"Bestand '{pad}' is niet te openen: {e.strerror}.") from None
    regels = tekst.splitlines()
    if not regels or not regels[0].strip():
        raise DataFout(f"{pad.name} is leeg. Zet op regel 1 de kolomnamen: {', '.join(VERPLICHT)}.")
    teken = _scheidingsteken(regels[0], pad)
    lezer = csv.reader(io.StringIO(tekst), delimiter=teken)
    kop = [k.strip().lower() for k in next(lezer)]
    if "regio_code" in kop and "regio" not in kop:
        kop[kop.index("regio_code")] = "regio"
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        hints = "".join(bedoelde_je(k, kop) for k in ontbreekt)
        raise DataFout(
            f"{pad.name}, regel 1: kolom(men) {', '.join(repr(k) for k in ontbreekt)} ontbreken."
            f"{hints} Gevonden kolommen: {', '.join(kop)}. Verplicht zijn: {', '.join(VERPLICHT)}."
        )
    fouten: list[str] = []
    rijen: list[dict] = []
    gezien: dict[tuple, int] = {}

    def fout(regel: int, kolom: str, bericht: str) -> None:
        fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")

    for regelnr, velden in enumerate(lezer, start=2):
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            extra = ""
            if teken == "," and len(velden) > len(kop):
                extra = (
                    " Staat er een decimale komma in een getal? Gebruik dan ';' als "
                    "scheidingsteken, of zet het getal tussen aanhalingstekens."
                )
            fouten.append(
                f"{pad.name}, regel {regelnr}: {len(velden)} velden, maar de kopregel heeft er "
                f"{len(kop)}.{extra}"
            )
            continue
        rij = dict(zip(kop, (v.strip() for v in velden)))
        uit: dict = {"herkomst": herkomst}
        # indicator
        try:
            ind = indicator(rij["indicator"])
            uit["indicator"] = ind.id
            uit["eenheid"] = ind.eenheid
        except ImpactkitFout as e:
            fout(regelnr, "indicator", f"{e} Is het een eigen (lokale) indicator? Declareer die "
                 "dan eerst met impactkit.lokale_indicatoren('bestand.csv').")  # fmt: skip
            continue
        # region
        try:
            uit["regio_code"] = zoek_regio(rij["regio"]).code
        except ImpactkitFout as e:
            fout(regelnr, "regio", str(e))
            continue
        # period
        try:
            uit["periode"] = Periode.parse(rij["periode"]).code
        except OngeldigePeriode as e:
            fout(regelnr, "periode", str(e))
            continue
        status = rij.get("status", "").lower() or (
            "voorlopig" if Periode.is_voorlopig_label(rij["periode"]) else "definitief"
        )
        if status not in ("definitief", "voorlopig"):
            fout(regelnr, "status", f"'{rij['status']}' is geen geldige status; kies 'definitief' of "
                 "'voorlopig'.")  # fmt: skip
            continue
        uit["status"] = status
        categorie = rij.get("categorie", "") or None
        if ind.is_verdeling and categorie not in ind.categorieen:
            fout(regelnr, "categorie", f"'{categorie or ''}' is geen categorie van {ind.id}. "
                 f"Kies uit: {'; '.join(ind.categorieen)}.")  # fmt: skip
            continue
        if not ind.is_verdeling and categorie:
            fout(regelnr, "categorie", f"{ind.id} heeft geen categorieën; laat de kolom leeg.")
            continue
        uit["categorie"] = categorie
        # numbers
        onderdrukt = False
        getallen: dict[str, float | None] = {}
        for kolom in ("waarde", "teller", "noemer"):
            ruw = rij.get(kolom, "")
            if ruw == ".":
                onderdrukt = True
                getallen[kolom] = None
                continue
            try:
                getallen[kolom] = _lees_getal(ruw, teken)
            except ValueError:
                fout(regelnr, kolom, f"'{ruw}' is geen getal. Schrijf bv. 55,6 of 55.6; gebruik "
                     "'.' alleen voor een onderdrukt cijfer.")  # fmt: skip
                getallen[kolom] = None
        w, t, n = getallen["waarde"], getallen["teller"], getallen["noemer"]
        if n is not None and n == 0 and (ind.is_aandeel or ind.is_ratio):
            fout(regelnr, "noemer", "de noemer is 0, dus een percentage of ratio bestaat niet. "
                 "Laat de rij weg of vul de juiste noemer in.")  # fmt: skip
            continue
        if any(x is not None and x < 0 for x in (w, t, n)):
            fout(regelnr, "waarde", "negatieve getallen kunnen niet voor deze indicator.")
            continue
        if ind.is_aandeel and t is not None and n is not None and t > n:
            fout(regelnr, "teller", f"teller ({t:g}) is groter dan noemer ({n:g}).")
            continue
        if w is None and t is not None and n:
            w = t / n * (100 if ind.is_aandeel else 10_000 if ind.is_ratio else 1)
        elif w is not None and t is not None and n and (ind.is_aandeel or ind.is_ratio):
            factor = 100 if ind.is_aandeel else 10_000
            if abs(w - t / n * factor) > 0.051 * max(1.0, abs(w) / 100):
                fout(regelnr, "waarde", f"waarde {w:g} past niet bij teller/noemer "
                     f"({t:g}/{n:g} = {t / n * factor:.1f}). Controleer de rij.")  # fmt: skip
                continue
        if ind.eenheid == "aantal" and t is None and w is not None:
            t = w
        if w is None and not onderdrukt:
            fout(regelnr, "waarde", "geen waarde. Vul een getal in, of '.' als het cijfer "
                 "onderdrukt is.")  # fmt: skip
            continue
        uit.update(waarde=w, teller=t, noemer=n, onderdrukt=onderdrukt)
        sleutel = (uit["indicator"], uit["regio_code"], uit["periode"], categorie)
        if sleutel in gezien:
            fouten.append(
                f"{pad.name}, regel {regelnr}: dubbele rij, dezelfde indicator, regio, periode en "
                f"categorie als regel {gezien[sleutel]}. Houd één van beide."
            )
            continue
        gezien[sleutel] = regelnr
        rijen.append(uit)
    if fouten:
        raise niet_ingelezen(pad.name, fouten)
    if not rijen:
        raise DataFout(f"{pad.name} bevat geen gegevensregels onder de kopregel.")
    df = pd.DataFrame(rijen)
    for k in ("teller", "noemer"):
        df[k] = pd.array([None if pd.isna(x) else round(x) for x in df[k]], dtype="Int64")
    df["onderdrukt"] = df["onderdrukt"].astype("boolean")
    return met_regionaam(onderdruk(df.reindex(columns=[k for k in KOLOMMEN if k != "regio"])))
