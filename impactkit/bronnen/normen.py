"""A region's own norms: the norms file (CSV or YAML) read and checked before anything is used.

The kit never invents a norm: the file is the region's own statement. :func:`lees_normen` reads
it with the checked text reader of :mod:`impactkit.bronnen.tekstbestand`, :func:`valideer_normen`
checks every norm (known indicator, a number in the indicator's unit, soort, no conflicts), and
:func:`normen_voor` picks the norms for one comparison of :func:`impactkit.vergelijken.vergelijk`.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..fouten import DataFout, ImpactkitFout, bedoelde_je, niet_ingelezen
from ..indicatoren import Indicator, indicator
from ..opmaak import getal
from ..regioindeling import regio
from .tekstbestand import GeenGetal, lees_getal, lees_regels, lees_tekstbestand, scheidingsteken

NORM_KOLOMMEN = ("indicator", "norm", "soort")
NORM_OPTIONEEL = ("regio", "categorie", "toelichting")


def lees_normen(pad: str | Path) -> pd.DataFrame:
    """Read a region's own norms (CSV or YAML).

    Columns/keys: ``indicator``, ``norm`` (a number in the indicator's unit), ``soort``
    (``minimaal``: the value should be at least the norm; ``maximaal``: at most), optional
    ``regio`` (empty = every region), ``categorie`` and ``toelichting``. The kit never invents a
    norm: this file is the region's own statement. Every problem is reported with its line, and
    nothing is used until the whole file is right.
    """
    pad, tekst = lees_tekstbestand(pad, "normenbestand")
    if not tekst.strip():
        raise DataFout(f"{pad.name} is leeg. Zet op regel 1: {';'.join(NORM_KOLOMMEN)}.")
    if pad.suffix.lower() in (".yml", ".yaml"):
        import yaml

        try:
            inhoud = yaml.safe_load(tekst) or []
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            waar = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
            raise DataFout(
                f"{pad.name} is geen leesbare YAML{waar}. Zet teksten met een dubbele "
                "punt tussen aanhalingstekens."
            ) from None
        if isinstance(inhoud, dict):
            inhoud = inhoud.get("normen", [])
        if not isinstance(inhoud, list) or not all(isinstance(x, dict) for x in inhoud):
            raise DataFout(
                f"{pad.name}: verwacht een lijst van normen, elk met indicator, norm en soort, "
                "bv. 'normen:\n  - {indicator: hermeldingen, norm: 30, soort: maximaal}'."
            )
        tabel = pd.DataFrame(inhoud)
        plekken = [f"norm {i}" for i in range(1, len(tabel) + 1)]
        return valideer_normen(tabel, pad.name, _plekken=plekken)
    teken = scheidingsteken(tekst.splitlines()[0], pad)
    regels = lees_regels(tekst, teken, pad)
    kop = [k.strip().lower() for k in regels[0][1]]
    rijen, plekken = [], []
    for nr, velden in regels[1:]:
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            raise DataFout(
                f"{pad.name}, regel {nr}: {len(velden)} velden, maar de kopregel heeft "
                f"er {len(kop)}. Zet een tekst met een '{teken}' tussen "
                "aanhalingstekens."
            )
        rijen.append(dict(zip(kop, (v.strip() for v in velden))))
        plekken.append(f"regel {nr}")
    tabel = pd.DataFrame(rijen, columns=kop)
    return valideer_normen(tabel, pad.name, _plekken=plekken, _teken=teken)


def valideer_normen(
    tabel: pd.DataFrame,
    naam: str = "normen",
    _plekken: list[str] | None = None,
    _teken: str = ";",
) -> pd.DataFrame:
    """Check a norms table: known indicators, a number in the indicator's unit, soort, no conflicts.

    A norm for a count is a whole number ('1.070' is 1070); a share lies between 0 and 100, a
    rate per 10.000 between 0 and 10.000; no negative or infinite norms; one indicator, region
    and category has at most one norm of each soort, and a minimum above a maximum is refused.
    """
    if not isinstance(tabel, pd.DataFrame):
        raise DataFout(f"{naam}: normen zijn een tabel met de kolommen {', '.join(NORM_KOLOMMEN)}.")
    tabel = tabel.rename(columns=lambda k: str(k).strip().lower())
    _controleer_kolommen(tabel, naam)
    plekken = _plekken or [f"regel {i}" for i in range(2, len(tabel) + 2)]
    fouten: list[str] = []
    uit: list[dict] = []
    gezien: dict[tuple, str] = {}
    for plek, rij in zip(plekken, tabel.to_dict("records")):
        try:
            uit.append(_norm_uit_rij(rij, plek, _teken, gezien))
        except _Afgekeurd as e:
            bericht = str(e)
            scheiding = ", " if bericht.startswith("kolom") else ": "
            fouten.append(f"{naam}, {plek}{scheiding}{bericht}")
    fouten += _tegenstrijdige_normen(uit, naam)
    if fouten:
        raise niet_ingelezen(naam, fouten)
    for r in uit:
        del r["_plek"]
    return pd.DataFrame(
        uit, columns=["indicator", "regio_code", "categorie", "norm", "soort", "toelichting"]
    )


class _Afgekeurd(ValueError):
    """One norm refused; the argument is the Dutch reason (reported with its line)."""


def _controleer_kolommen(tabel: pd.DataFrame, naam: str) -> None:
    """Every required column present, and no unknown column (its content would be lost)."""
    ontbreekt = [k for k in NORM_KOLOMMEN if k not in tabel.columns]
    if ontbreekt:
        hint = "".join(bedoelde_je(k, [str(c) for c in tabel.columns]) for k in ontbreekt)
        raise DataFout(
            f"{naam}: kolom(men) {', '.join(ontbreekt)} ontbreken.{hint} Verplicht: "
            f"{', '.join(NORM_KOLOMMEN)}."
        )
    onbekend = [k for k in tabel.columns if k not in (*NORM_KOLOMMEN, *NORM_OPTIONEEL)]
    if onbekend:
        hint = "".join(bedoelde_je(k, (*NORM_KOLOMMEN, *NORM_OPTIONEEL), n=1) for k in onbekend)
        raise DataFout(
            f"{naam}: onbekende kolom(men) {', '.join(repr(k) for k in onbekend)}.{hint} "
            f"Mogelijk: {', '.join((*NORM_KOLOMMEN, *NORM_OPTIONEEL))}."
        )


def _norm_uit_rij(rij: dict, plek: str, teken: str, gezien: dict[tuple, str]) -> dict:
    """One checked norm; raises :class:`_Afgekeurd` with the first problem of the row."""
    try:
        ind = indicator(str(rij["indicator"]))
    except ImpactkitFout as e:
        raise _Afgekeurd(f"norm voor een onbekende indicator. {e}") from None
    soort = str(rij["soort"]).strip().lower()
    if soort not in ("minimaal", "maximaal"):
        raise _Afgekeurd(
            f"kolom 'soort': '{rij['soort']}' moet 'minimaal' of 'maximaal' zijn."
            f"{bedoelde_je(soort, ('minimaal', 'maximaal'))}"
        )
    norm = _normgetal(rij["norm"], ind, teken)
    code = rij.get("regio")
    try:
        code = regio(str(code)).code if isinstance(code, str) and code.strip() else None
    except ImpactkitFout as e:
        raise _Afgekeurd(f"kolom 'regio': {e}") from None
    categorie = rij.get("categorie")
    categorie = categorie.strip() if isinstance(categorie, str) and categorie.strip() else None
    if categorie and categorie not in ind.categorieen:
        raise _Afgekeurd(
            f"'{categorie}' is geen categorie van {ind.id}."
            f"{bedoelde_je(categorie, ind.categorieen)}"
        )
    sleutel = (ind.id, code, categorie, soort)
    if sleutel in gezien:
        raise _Afgekeurd(
            f"een tweede {soort}e norm voor {ind.id}"
            f"{' in ' + code if code else ''}{' (' + categorie + ')' if categorie else ''} "
            f"(de eerste staat op {gezien[sleutel]}). Houd er één; twee normen voor "
            "hetzelfde spreken elkaar tegen."
        )
    gezien[sleutel] = plek
    toel = rij.get("toelichting")
    return {
        "indicator": ind.id,
        "regio_code": code,
        "categorie": categorie,
        "norm": norm,
        "soort": soort,
        "toelichting": toel if isinstance(toel, str) else "",
        "_plek": plek,
    }


def _normgetal(ruw: object, ind: Indicator, teken: str) -> float:
    """The norm as a number in the indicator's unit, within the unit's range."""
    aantal = ind.eenheid == "aantal"
    if isinstance(ruw, bool) or ruw is None or (isinstance(ruw, float) and math.isnan(ruw)):
        raise _Afgekeurd(
            "kolom 'norm' is leeg of geen getal. Vul een getal in de eenheid van "
            f"{ind.id} ({ind.eenheid}) in."
        )
    if isinstance(ruw, (int, float)):
        norm = float(ruw)
        if not math.isfinite(norm):
            raise _Afgekeurd(f"kolom 'norm': '{ruw}' is geen eindig getal.")
        if aantal and not norm.is_integer():
            raise _Afgekeurd(
                f"kolom 'norm': {getal(norm, 3)} is geen heel getal, en {ind.id} is een "
                "aantal. Bedoel je een duizendtal (1.070 = 1070)? Schrijf dan 1070."
            )
    else:
        try:
            gelezen = lees_getal(str(ruw), teken, aantal=aantal)
        except GeenGetal as e:
            raise _Afgekeurd(f"kolom 'norm': {e}") from None
        if gelezen is None:
            raise _Afgekeurd(f"kolom 'norm' is leeg. Vul een getal in de eenheid van {ind.id} in.")
        norm = gelezen
    if norm < 0:
        raise _Afgekeurd(
            f"kolom 'norm': {_getal_kort(norm)} is negatief; een norm voor {ind.id} is 0 of meer."
        )
    if ind.is_aandeel and norm > 100:
        raise _Afgekeurd(
            f"kolom 'norm': {_getal_kort(norm)}% kan niet; een percentage ligt tussen 0 en 100."
        )
    if ind.is_ratio and norm > 10_000:
        raise _Afgekeurd(f"kolom 'norm': {_getal_kort(norm)} per 10.000 inwoners kan niet.")
    return norm


def _tegenstrijdige_normen(uit: list[dict], naam: str) -> list[str]:
    """A minimum above a maximum for the same indicator, region and category cannot both be met."""
    fouten = []
    for r in uit:
        if r["soort"] != "minimaal":
            continue
        for m in uit:
            if (
                m["soort"] == "maximaal"
                and (m["indicator"], m["regio_code"], m["categorie"])
                == (r["indicator"], r["regio_code"], r["categorie"])
                and r["norm"] > m["norm"]
            ):
                fouten.append(
                    f"{naam}, {r['_plek']}: de minimale norm ({_getal_kort(r['norm'])}) ligt boven de "
                    f"maximale ({_getal_kort(m['norm'])}, {m['_plek']}) voor {r['indicator']}; aan "
                    "beide tegelijk kan niemand voldoen."
                )
    return fouten


def _getal_kort(x: float) -> str:
    """A norm as written: 150 stays '150', 45.5 becomes '45,5'."""
    return getal(x, 0 if float(x).is_integer() else 1)


def normen_voor(tabel: pd.DataFrame, ind_id: str, code: str, categorie: str | None) -> list[dict]:
    """The norms that apply to one indicator, region and category (a region's own first)."""
    tabel = valideer_normen(tabel) if "regio_code" not in tabel.columns else tabel
    sel = tabel[(tabel["indicator"] == ind_id)]
    sel = sel[sel["regio_code"].isna() | (sel["regio_code"] == code)]
    sel = sel[sel["categorie"].isna() | (sel["categorie"] == categorie)]
    # A region's own norm replaces the national norm of the same kind (minimaal/maximaal).
    eigen = set(sel.loc[sel["regio_code"] == code, "soort"])
    sel = sel[(sel["regio_code"] == code) | ~sel["soort"].isin(eigen)]
    return sel.to_dict("records")
