"""The user's own figures: a CSV file read line by line into the tidy table.

Problems are reported with file, line and column, and nothing is imported until the whole file
is right.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ..fouten import (
    DataFout,
    ImpactkitFout,
    OngeldigePeriode,
    bedoelde_je,
    niet_ingelezen,
    suggesties,
)
from ..indicatoren import indicator
from ..observaties import KOLOMMEN, met_regionaam
from ..onderdrukking import onderdruk
from ..opmaak import getal as opmaak_getal
from ..perioden import Periode
from ..regioindeling import NEDERLAND
from ..regioindeling import regio as zoek_regio
from .tekstbestand import GeenGetal, lees_getal, lees_regels, lees_tekstbestand, scheidingsteken

VERPLICHT = ("indicator", "regio", "periode", "waarde")
OPTIONEEL = ("categorie", "teller", "noemer", "status")
GEDOOGD = ("regio_code", "eenheid", "onderdrukt", "herkomst", "opmerking", "toelichting")
"""Columns that may stand in the file and are read (``eenheid``: checked) or left alone."""
SOM_MARGE = 2.0
"""How far (percentage points) the shares of a distribution may add up above 100 (rounding)."""
GEEN_SOM_CONTROLE = ("kenmerken_slachtoffers_plegers",)
"""Distributions whose categories overlap (several characteristics), so shares need not add up."""


# -- Reading the user's own CSV files ------------------------------------------------------------
def _kolomfouten(kop: list[str], pad: Path) -> None:
    """Refuse a header with unknown, unnamed twice-named columns (their data would be lost)."""
    bekend = (*VERPLICHT, *OPTIONEEL, *GEDOOGD)
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    if dubbel:
        raise DataFout(
            f"{pad.name}, regel 1: de kolom(men) {', '.join(repr(k) for k in dubbel)} staan er "
            "twee keer in. Houd er één van elk."
        )
    onbekend = [k for k in kop if k and k not in bekend]
    if onbekend:
        hints = "".join(
            f" Bedoelde je '{s[0]}' in plaats van '{k}'?"
            for k in onbekend
            if (s := suggesties(k, bekend, n=1, cutoff=0.6))
        )
        raise DataFout(
            f"{pad.name}, regel 1: onbekende kolom(men) {', '.join(repr(k) for k in onbekend)}; "
            f"die zouden niet worden ingelezen.{hints} Verplicht: {', '.join(VERPLICHT)}; "
            f"mogelijk: {', '.join(OPTIONEEL)}. Hernoem de kolom of haal hem weg."
        )


def _nl(x: float) -> str:
    """A number as a Dutch reader writes it (1.070; 55,6)."""
    return opmaak_getal(x, 0 if float(x).is_integer() else 1)


def _begin_van(p: Periode) -> date:
    return date(p.jaar, 7 if p.halfjaar == 2 else 1, 1)


def lees_csv(pad: str | Path, herkomst: str = "eigen data") -> pd.DataFrame:
    """Read a CSV file with your own figures into the tidy table, checking every line.

    Required columns: ``indicator``, ``regio`` (name or code), ``periode``, ``waarde``; optional:
    ``categorie``, ``teller``, ``noemer``, ``status``. Separator ';' or ','; decimal comma or
    point; a CBS '.' marks a withheld value. Numbers are read by their column's unit (a count is
    a whole number, so '1.070' is 1070; an ambiguous '55.600' for a share is refused), and what
    can be checked is checked: shares between 0 and 100, no region above Nederland, no more
    casussen than meldingen, shares of a distribution adding up to about 100, no period in the
    future. Problems are reported with file, line and column, and nothing is imported until the
    whole file is right.
    """
    pad, tekst = lees_tekstbestand(pad, "bestand met eigen cijfers")
    regels = tekst.splitlines()
    if not regels or not regels[0].strip():
        raise DataFout(f"{pad.name} is leeg. Zet op regel 1 de kolomnamen: {', '.join(VERPLICHT)}.")
    teken = scheidingsteken(regels[0], pad)
    records = lees_regels(tekst, teken, pad)
    kop = [k.strip().lower() for k in records[0][1]]
    if "regio_code" in kop and "regio" not in kop:
        kop[kop.index("regio_code")] = "regio"
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        hints = "".join(bedoelde_je(k, kop) for k in ontbreekt)
        raise DataFout(
            f"{pad.name}, regel 1: kolom(men) {', '.join(repr(k) for k in ontbreekt)} ontbreken."
            f"{hints} Gevonden kolommen: {', '.join(kop)}. Verplicht zijn: {', '.join(VERPLICHT)}."
        )
    _kolomfouten(kop, pad)
    fouten: list[str] = []
    rijen: list[dict] = []
    regelnummers: list[int] = []
    gezien: dict[tuple, int] = {}
    vandaag = date.today()

    def fout(regel: int, kolom: str, bericht: str) -> None:
        fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")

    for regelnr, velden in records[1:]:
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
        naamloos = [i + 1 for i, k in enumerate(kop) if not k and velden[i].strip()]
        if naamloos:
            fouten.append(
                f"{pad.name}, regel {regelnr}: kolom {naamloos[0]} heeft geen naam in de "
                "kopregel, maar er staat wel iets in. Geef de kolom een naam of maak "
                "hem leeg."
            )
            continue
        uit: dict = {"herkomst": herkomst}
        # indicator
        try:
            ind = indicator(rij["indicator"])
            uit["indicator"] = ind.id
            uit["eenheid"] = ind.eenheid
        except ImpactkitFout as e:
            fout(
                regelnr,
                "indicator",
                f"{e} Is het een eigen (lokale) indicator? Declareer die "
                "dan eerst met impactkit.lokale_indicatoren('bestand.csv').",
            )
            continue
        if rij.get("eenheid") and rij["eenheid"] != ind.eenheid:
            fout(
                regelnr,
                "eenheid",
                f"{ind.id} heeft als eenheid '{ind.eenheid}', niet "
                f"'{rij['eenheid']}'. Controleer of de cijfers in de goede eenheid staan.",
            )
            continue
        # region
        try:
            uit["regio_code"] = zoek_regio(rij["regio"]).code
        except ImpactkitFout as e:
            fout(regelnr, "regio", str(e))
            continue
        # period
        try:
            p = Periode.parse(rij["periode"])
        except OngeldigePeriode as e:
            fout(regelnr, "periode", str(e))
            continue
        if _begin_van(p) > vandaag:
            fout(
                regelnr,
                "periode",
                f"{p.label} ligt in de toekomst; daarover kunnen nog geen "
                "cijfers bestaan. Controleer het jaar.",
            )
            continue
        uit["periode"] = p.code
        status = rij.get("status", "").lower() or (
            "voorlopig" if Periode.is_voorlopig_label(rij["periode"]) else "definitief"
        )
        if status not in ("definitief", "voorlopig"):
            fout(
                regelnr,
                "status",
                f"'{rij['status']}' is geen geldige status; kies 'definitief' of 'voorlopig'.",
            )
            continue
        uit["status"] = status
        categorie = rij.get("categorie", "") or None
        if ind.is_verdeling and categorie not in ind.categorieen:
            fout(
                regelnr,
                "categorie",
                f"'{categorie or ''}' is geen categorie van {ind.id}."
                f"{bedoelde_je(categorie or '', ind.categorieen)} "
                f"Kies uit: {'; '.join(ind.categorieen)}.",
            )
            continue
        if not ind.is_verdeling and categorie:
            fout(regelnr, "categorie", f"{ind.id} heeft geen categorieën; laat de kolom leeg.")
            continue
        uit["categorie"] = categorie
        # numbers, each read by its column's unit
        onderdrukt = rij.get("onderdrukt", "").lower() in ("true", "waar", "ja", "1")
        getallen: dict[str, float | None] = {}
        for kolom in ("waarde", "teller", "noemer"):
            ruw = rij.get(kolom, "")
            if ruw == ".":
                onderdrukt = True
                getallen[kolom] = None
                continue
            try:
                aantal = kolom != "waarde" or ind.eenheid == "aantal"
                getallen[kolom] = lees_getal(ruw, teken, aantal=aantal)
            except GeenGetal as e:
                fout(regelnr, kolom, str(e))
                getallen[kolom] = None
                onderdrukt = True  # already reported; skip the rules below
        if len(fouten) and fouten[-1].startswith(f"{pad.name}, regel {regelnr},"):
            continue
        w, t, n = getallen["waarde"], getallen["teller"], getallen["noemer"]
        if n is not None and n == 0 and (ind.is_aandeel or ind.is_ratio):
            fout(
                regelnr,
                "noemer",
                "de noemer is 0, dus een percentage of ratio bestaat niet. "
                "Laat de rij weg of vul de juiste noemer in.",
            )
            continue
        negatief = next(
            (
                k
                for k, x in zip(("waarde", "teller", "noemer"), (w, t, n))
                if x is not None and x < 0
            ),
            None,
        )
        if negatief:
            fout(
                regelnr,
                negatief,
                "negatieve getallen kunnen niet: een aantal, percentage of ratio is 0 of meer.",
            )
            continue
        if ind.is_aandeel and w is not None and w > 100:
            fout(
                regelnr,
                "waarde",
                f"{_nl(w)}% kan niet: een percentage ligt tussen 0 en 100. "
                "Staat er een aantal in plaats van een percentage?",
            )
            continue
        if ind.is_ratio and w is not None and w > 10_000:
            fout(
                regelnr,
                "waarde",
                f"{_nl(w)} per 10.000 inwoners kan niet (meer dan alle "
                "inwoners). Staat er een aantal in plaats van een ratio?",
            )
            continue
        if ind.is_aandeel and t is not None and n is not None and t > n:
            fout(
                regelnr,
                "teller",
                f"teller ({_nl(t)}) is groter dan noemer ({_nl(n)}); een deel "
                "kan niet groter zijn dan het geheel.",
            )
            continue
        if ind.eenheid == "aantal" and w is not None and t is not None and w != t:
            fout(
                regelnr,
                "teller",
                f"bij een aantal is de teller het aantal zelf, maar waarde "
                f"({_nl(w)}) en teller ({_nl(t)}) verschillen. Vul er één in.",
            )
            continue
        if w is None and t is not None and n:
            w = t / n * (100 if ind.is_aandeel else 10_000 if ind.is_ratio else 1)
        elif w is not None and t is not None and n and (ind.is_aandeel or ind.is_ratio):
            factor = 100 if ind.is_aandeel else 10_000
            if abs(w - t / n * factor) > 0.051 * max(1.0, abs(w) / 100):
                fout(
                    regelnr,
                    "waarde",
                    f"waarde {_nl(w)} past niet bij teller/noemer "
                    f"({_nl(t)}/{_nl(n)} = {opmaak_getal(t / n * factor)}). "
                    "Controleer de rij.",
                )
                continue
        if ind.eenheid == "aantal" and t is None and w is not None:
            t = w
        if w is None and not onderdrukt:
            fout(
                regelnr,
                "waarde",
                "geen waarde. Vul een getal in, of '.' als het cijfer onderdrukt is.",
            )
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
        regelnummers.append(regelnr)
    fouten += _samenhangfouten(rijen, regelnummers, pad.name)
    if fouten:
        raise niet_ingelezen(pad.name, fouten)
    if not rijen:
        raise DataFout(f"{pad.name} bevat geen gegevensregels onder de kopregel.")
    df = pd.DataFrame(rijen)
    for k in ("teller", "noemer"):
        df[k] = pd.array([None if pd.isna(x) else round(x) for x in df[k]], dtype="Int64")
    df["onderdrukt"] = df["onderdrukt"].astype("boolean")
    return met_regionaam(onderdruk(df.reindex(columns=[k for k in KOLOMMEN if k != "regio"])))


def _samenhangfouten(rijen: list[dict], regelnummers: list[int], naam: str) -> list[str]:
    """Rules across lines: region within Nederland, casussen within meldingen, shares add up."""
    fouten: list[str] = []
    index = {
        (r["indicator"], r["regio_code"], r["periode"], r["categorie"]): (r, nr)
        for r, nr in zip(rijen, regelnummers)
    }
    for (ind_id, code, periode, cat), (r, nr) in index.items():
        if code == NEDERLAND:
            continue
        land = index.get((ind_id, NEDERLAND, periode, cat))
        if land:
            for kolom in ("teller", "noemer") + (("waarde",) if r["eenheid"] == "aantal" else ()):
                eigen, nl = r.get(kolom), land[0].get(kolom)
                if eigen is not None and nl is not None and eigen > nl:
                    fouten.append(
                        f"{naam}, regel {nr}, kolom '{kolom}': {_nl(eigen)} is meer dan Nederland "
                        f"({_nl(nl)}, regel {land[1]}). Een regio is een deel van Nederland; "
                        "controleer beide regels."
                    )
                    break
        if ind_id == "casussen_vt":
            melding = index.get(("meldingen", code, periode, None))
            if melding and r["waarde"] is not None and melding[0]["waarde"] is not None:
                if r["waarde"] > melding[0]["waarde"]:
                    fouten.append(
                        f"{naam}, regel {nr}: {_nl(r['waarde'])} casussen, maar {_nl(melding[0]['waarde'])} "
                        f"meldingen (regel {melding[1]}). Elke casus heeft minstens één melding, "
                        "dus er kunnen niet meer casussen dan meldingen zijn."
                    )
    sommen: dict[tuple, list] = {}
    for r, nr in zip(rijen, regelnummers):
        if r["categorie"] and r["eenheid"] == "%" and r["indicator"] not in GEEN_SOM_CONTROLE:
            sommen.setdefault((r["indicator"], r["regio_code"], r["periode"]), []).append((r, nr))
    for (ind_id, code, periode), groep in sommen.items():
        totaal = sum(r["waarde"] for r, _ in groep if r["waarde"] is not None)
        if totaal > 100 + SOM_MARGE:
            regels = ", ".join(str(nr) for _, nr in groep)
            fouten.append(
                f"{naam}, regels {regels}: de aandelen van {ind_id} ({code}, {periode}) tellen op "
                f"tot {opmaak_getal(totaal)}%. De categorieën van een verdeling tellen samen op "
                "tot 100%. Controleer de getallen."
            )
    return fouten
