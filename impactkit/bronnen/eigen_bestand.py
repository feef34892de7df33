"""The user's own figures: a CSV file read line by line into the tidy table.

Problems are reported with file, line and column, and nothing is imported until the whole file
is right.
"""

from __future__ import annotations

from collections.abc import Callable
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
from ..indicatoren import Indicator, indicator
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
JA = ("ja", "j", "yes", "y", "true", "t", "waar", "1", "x", "onderdrukt", "\u2713", "\u2714")
"""What the ``onderdrukt`` column accepts as 'yes' (case-insensitive): the value is withheld."""
NEE = ("nee", "n", "no", "false", "f", "onwaar", "0", "")
"""What the ``onderdrukt`` column accepts as 'no' (an empty cell too); anything else is refused."""


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
    ``categorie``, ``teller``, ``noemer``, ``status``; also read: ``regio_code`` (must be the
    same region as ``regio``), ``eenheid`` (must be the indicator's) and ``onderdrukt``: 'ja',
    'j', 'yes', 'y', 'true', 't', 'waar', '1', 'x', 'onderdrukt' or a check mark withhold the
    value, 'nee', 'n', 'no', 'false', 'f', 'onwaar', '0' or an empty cell do not (any case);
    any other word is refused. Separator ';' or ','; decimal comma or
    point; a CBS '.' marks a withheld value. Invisible characters (zero-width spaces) are
    removed and no-break or thin spaces read as ordinary spaces, in names and numbers alike. Numbers are read by their column's unit (a count is
    a whole number, so '1.070' is 1070; an ambiguous '55.600' for a share is refused), and what
    can be checked is checked: shares between 0 and 100, no region above Nederland, no more
    casussen than meldingen, no year below one of its own half-years (counts), shares of a
    distribution adding up to about 100, no period in the future. Problems are reported with file, line and column, and nothing is imported until the
    whole file is right.
    """
    pad, teken, kop, records = _lees_kop(pad)
    fouten: list[str] = []
    rijen: list[dict] = []
    regelnummers: list[int] = []
    gezien: dict[tuple, int] = {}
    vandaag = date.today()
    for regelnr, velden in records[1:]:
        if not any(v.strip() for v in velden):
            continue
        rij = _velden(pad, kop, teken, regelnr, velden, fouten)
        if rij is None:
            continue

        def fout(kolom: str, bericht: str, _r: int = regelnr) -> None:
            fouten.append(f"{pad.name}, regel {_r}, kolom '{kolom}': {bericht}")

        uit = _lees_rij(rij, teken, herkomst, vandaag, fout)
        if uit is None:
            continue
        sleutel = (uit["indicator"], uit["regio_code"], uit["periode"], uit["categorie"])
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


Melding = Callable[[str, str], None]
"""Reports a problem in one column of the line being read: ``fout(kolom, bericht)``."""


def _lees_kop(pad: str | Path) -> tuple[Path, str, list[str], list[tuple[int, list[str]]]]:
    """The file, its separator, its checked header (lower case) and all its records."""
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
    return pad, teken, kop, records


def _velden(
    pad: Path, kop: list[str], teken: str, regelnr: int, velden: list[str], fouten: list[str]
) -> dict[str, str] | None:
    """The line as column -> text, or None (reported) when its fields do not fit the header."""
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
        return None
    rij = dict(zip(kop, (v.strip() for v in velden)))
    naamloos = [i + 1 for i, k in enumerate(kop) if not k and velden[i].strip()]
    if naamloos:
        fouten.append(
            f"{pad.name}, regel {regelnr}: kolom {naamloos[0]} heeft geen naam in de "
            "kopregel, maar er staat wel iets in. Geef de kolom een naam of maak "
            "hem leeg."
        )
        return None
    return rij


def _lees_rij(
    rij: dict[str, str], teken: str, herkomst: str, vandaag: date, fout: Melding
) -> dict | None:
    """One line as a row of the tidy table, or None when a problem was reported."""
    uit: dict = {"herkomst": herkomst}
    ind = _indicator(rij, uit, fout)
    if ind is None or not (
        _regio(rij, uit, fout)
        and _periode(rij, uit, vandaag, fout)
        and _categorie(rij, ind, uit, fout)
    ):
        return None
    getallen = _getallen(rij, ind, teken, fout)
    if getallen is None:
        return None
    waarden = _controleer_getallen(ind, *getallen, fout)
    if waarden is None:
        return None
    uit.update(waarden)
    return uit


def _indicator(rij: dict[str, str], uit: dict, fout: Melding) -> Indicator | None:
    """The indicator (a catalogue id), and the unit when the file gives one."""
    try:
        ind = indicator(rij["indicator"])
        uit["indicator"] = ind.id
        uit["eenheid"] = ind.eenheid
    except ImpactkitFout as e:
        fout(
            "indicator",
            f"{e} Is het een eigen (lokale) indicator? Declareer die "
            "dan eerst met impactkit.lokale_indicatoren('bestand.csv').",
        )
        return None
    if rij.get("eenheid") and rij["eenheid"] != ind.eenheid:
        fout(
            "eenheid",
            f"{ind.id} heeft als eenheid '{ind.eenheid}', niet "
            f"'{rij['eenheid']}'. Controleer of de cijfers in de goede eenheid staan.",
        )
        return None
    return ind


def _regio(rij: dict[str, str], uit: dict, fout: Melding) -> bool:
    """The region, by name or code; a ``regio_code`` beside it must be the same region."""
    try:
        gekozen = zoek_regio(rij["regio"])
    except ImpactkitFout as e:
        fout("regio", str(e))
        return False
    if rij.get("regio_code"):
        try:
            volgens_code = zoek_regio(rij["regio_code"])
        except ImpactkitFout as e:
            fout("regio_code", str(e))
            return False
        if volgens_code.code != gekozen.code:
            fout(
                "regio_code",
                f"'{rij['regio_code']}' is {volgens_code.naam} ({volgens_code.code}), maar in de "
                f"kolom 'regio' staat '{rij['regio']}' ({gekozen.naam}, {gekozen.code}). Welke "
                "klopt? Maak ze gelijk, of laat de kolom regio_code leeg.",
            )
            return False
    uit["regio_code"] = gekozen.code
    return True


def _periode(rij: dict[str, str], uit: dict, vandaag: date, fout: Melding) -> bool:
    """The period (not in the future) and its status (definitief or voorlopig)."""
    try:
        p = Periode.parse(rij["periode"])
    except OngeldigePeriode as e:
        fout("periode", str(e))
        return False
    if _begin_van(p) > vandaag:
        fout(
            "periode",
            f"{p.label} ligt in de toekomst; daarover kunnen nog geen "
            "cijfers bestaan. Controleer het jaar.",
        )
        return False
    uit["periode"] = p.code
    status = rij.get("status", "").lower() or (
        "voorlopig" if Periode.is_voorlopig_label(rij["periode"]) else "definitief"
    )
    if status not in ("definitief", "voorlopig"):
        fout(
            "status",
            f"'{rij['status']}' is geen geldige status; kies 'definitief' of 'voorlopig'.",
        )
        return False
    uit["status"] = status
    return True


def _categorie(rij: dict[str, str], ind: Indicator, uit: dict, fout: Melding) -> bool:
    """The category: one of the indicator's for a distribution, empty otherwise."""
    categorie = rij.get("categorie", "") or None
    if ind.is_verdeling and categorie not in ind.categorieen:
        fout(
            "categorie",
            f"'{categorie or ''}' is geen categorie van {ind.id}."
            f"{bedoelde_je(categorie or '', ind.categorieen)} "
            f"Kies uit: {'; '.join(ind.categorieen)}.",
        )
        return False
    if not ind.is_verdeling and categorie:
        fout("categorie", f"{ind.id} heeft geen categorieën; laat de kolom leeg.")
        return False
    uit["categorie"] = categorie
    return True


def _getallen(
    rij: dict[str, str], ind: Indicator, teken: str, fout: Melding
) -> tuple[float | None, float | None, float | None, bool] | None:
    """``(waarde, teller, noemer, onderdrukt)``, each read by its column's unit.

    None when a number could not be read; every such column is reported.
    """
    vlag = rij.get("onderdrukt", "").strip().lower()
    if vlag not in JA + NEE:
        fout(
            "onderdrukt",
            f"'{rij['onderdrukt']}' is geen ja of nee. Schrijf ja (of {', '.join(JA[1:10])}) als "
            f"het cijfer onderdrukt is, en nee (of {', '.join(NEE[1:7])}) of niets als het "
            "getoond mag worden.",
        )
        return None
    onderdrukt = vlag in JA
    getallen: dict[str, float | None] = {}
    fout_gemeld = False
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
            fout(kolom, str(e))
            fout_gemeld = True
    if fout_gemeld:
        return None
    return getallen["waarde"], getallen["teller"], getallen["noemer"], onderdrukt


def _controleer_getallen(
    ind: Indicator,
    w: float | None,
    t: float | None,
    n: float | None,
    onderdrukt: bool,
    fout: Melding,
) -> dict | None:
    """The numbers checked against each other and the unit; the value derived where it can be."""
    if n is not None and n == 0 and (ind.is_aandeel or ind.is_ratio):
        fout(
            "noemer",
            "de noemer is 0, dus een percentage of ratio bestaat niet. "
            "Laat de rij weg of vul de juiste noemer in.",
        )
        return None
    negatief = next(
        (k for k, x in zip(("waarde", "teller", "noemer"), (w, t, n)) if x is not None and x < 0),
        None,
    )
    if negatief:
        fout(
            negatief,
            "negatieve getallen kunnen niet: een aantal, percentage of ratio is 0 of meer.",
        )
        return None
    if ind.is_aandeel and w is not None and w > 100:
        fout(
            "waarde",
            f"{_nl(w)}% kan niet: een percentage ligt tussen 0 en 100. "
            "Staat er een aantal in plaats van een percentage?",
        )
        return None
    if ind.is_ratio and w is not None and w > 10_000:
        fout(
            "waarde",
            f"{_nl(w)} per 10.000 inwoners kan niet (meer dan alle "
            "inwoners). Staat er een aantal in plaats van een ratio?",
        )
        return None
    if ind.is_aandeel and t is not None and n is not None and t > n:
        fout(
            "teller",
            f"teller ({_nl(t)}) is groter dan noemer ({_nl(n)}); een deel "
            "kan niet groter zijn dan het geheel.",
        )
        return None
    if ind.eenheid == "aantal" and w is not None and t is not None and w != t:
        fout(
            "teller",
            f"bij een aantal is de teller het aantal zelf, maar waarde "
            f"({_nl(w)}) en teller ({_nl(t)}) verschillen. Vul er één in.",
        )
        return None
    if w is None and t is not None and n:
        w = t / n * (100 if ind.is_aandeel else 10_000 if ind.is_ratio else 1)
    elif w is not None and t is not None and n and (ind.is_aandeel or ind.is_ratio):
        factor = 100 if ind.is_aandeel else 10_000
        if abs(w - t / n * factor) > 0.051 * max(1.0, abs(w) / 100):
            fout(
                "waarde",
                f"waarde {_nl(w)} past niet bij teller/noemer "
                f"({_nl(t)}/{_nl(n)} = {opmaak_getal(t / n * factor)}). "
                "Controleer de rij.",
            )
            return None
    if ind.eenheid == "aantal" and t is None and w is not None:
        t = w
    if w is None and not onderdrukt:
        fout("waarde", "geen waarde. Vul een getal in, of '.' als het cijfer onderdrukt is.")
        return None
    return {"waarde": w, "teller": t, "noemer": n, "onderdrukt": onderdrukt}


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
    fouten += _jaar_onder_halfjaar(index, naam)
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


def _jaar_onder_halfjaar(index: dict[tuple, tuple[dict, int]], naam: str) -> list[str]:
    """A count of a year cannot be below the count of one of its own half-years."""
    fouten: list[str] = []
    for (ind_id, code, periode, cat), (r, nr) in index.items():
        if r["eenheid"] != "aantal" or r["waarde"] is None or Periode.parse(periode).halfjaar:
            continue
        for helft, woord in (("H1", "eerste"), ("H2", "tweede")):
            half = index.get((ind_id, code, f"{periode}{helft}", cat))
            if half and half[0]["waarde"] is not None and r["waarde"] < half[0]["waarde"]:
                fouten.append(
                    f"{naam}, regel {nr}: {ind_id} in {periode} ({_nl(r['waarde'])}) is minder "
                    f"dan in het {woord} halfjaar van {periode} ({_nl(half[0]['waarde'])}, regel "
                    f"{half[1]}). Een jaar omvat beide halfjaren, dus het jaarcijfer kan niet "
                    "kleiner zijn. Controleer beide regels: staat elk cijfer bij de goede periode?"
                )
                break
    return fouten
