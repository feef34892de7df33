"""Reading CBS labels: regions, gemeenten, periods and cell values as StatLine writes them.

Examples
--------
>>> regiolabel("Zaanstreek-Waterland (VT)")
('vt', 'VT22')
>>> periodelabel("1e halfjaar 2023*")
('2023H1', True)
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..fouten import (
    OnbekendeRegio,
    bedoelde_je,
)
from ..perioden import Periode
from ..regioindeling import NEDERLAND, gemeenten, normaliseer_naam, regioregister
from ..regioindeling import regio as zoek_regio
from .cbs_indeling import gemeente_info, gemeentecode, regio_van_gemeente


# -- Labels --------------------------------------------------------------------------------
def schoon(tekst: object) -> str:
    """A CBS label with its spacing collapsed."""
    return " ".join(str(tekst).split())


def vergelijksleutel(tekst: object) -> str:
    """Key for comparing CBS titles: spacing collapsed and case folded."""
    return schoon(tekst).casefold()


@lru_cache(maxsize=4096)
def regiolabel(label: str) -> tuple[str, str | None]:
    """Classify a CBS region label: ``(soort, code)``.

    ``soort`` is 'land' (code NL01), 'vt' (VT01..VT27), 'gemeente' (GM code, or None when the
    name is unknown; CBS's disambiguators such as 'Hengelo (O.)' and the gemeenten in
    ``data/cbs/gemeente_wijzigingen.csv`` are known), 'provincie', 'landsdeel' or 'overig' (code None).
    Raw CBS keys ('NL01', 'VT0022', 'GM0479') are understood too. A '(VT)' label that is no
    Veilig Thuis-region raises :class:`~impactkit.OnbekendeRegio` with the closest names.

    >>> regiolabel("Nederland"), regiolabel("Gelderland (PV)"), regiolabel("Zaanstad")
    (('land', 'NL01'), ('provincie', None), ('gemeente', 'GM0479'))
    """
    t = schoon(label)
    u = t.upper()
    if t.casefold() == "nederland" or u in ("NL01", "NL00", "NL"):
        return ("land", NEDERLAND)
    m = re.fullmatch(r"VT0*(\d{1,2})", u)
    if m:
        return ("vt", zoek_regio(f"VT{int(m.group(1)):02d}").code)
    if re.fullmatch(r"GM\d{4}", u):
        return ("gemeente", u)
    if re.fullmatch(r"PV\d{2}", u) or t.endswith("(PV)"):
        return ("provincie", None)
    if re.fullmatch(r"LD\d{2}", u) or t.endswith("(LD)"):
        return ("landsdeel", None)
    achtervoegsel = re.search(r"\(([A-Za-z]{2,4})\)$", t)
    if achtervoegsel and achtervoegsel.group(1).upper() == "VT":
        try:
            return ("vt", zoek_regio(t).code)
        except OnbekendeRegio:
            naam = t[: achtervoegsel.start()].strip()
            namen = [f"{r.naam} (VT)" for r in _vt_regios()] + [
                f"{r.naam_vanaf_2023} (VT)" for r in _vt_regios() if r.naam_vanaf_2023
            ]
            hint = bedoelde_je(t, namen) or bedoelde_je(naam, [n[:-5] for n in namen])
            raise OnbekendeRegio(
                f"Regiolabel '{t}' is geen bekende Veilig Thuis-regio.{hint or ''} "
                "Bekijk de geldige namen met impactkit.regios()."
            ) from None
    if achtervoegsel and achtervoegsel.group(1).casefold() != "gemeente":
        return ("overig", None)
    return ("gemeente", gemeentecode(t))


def _vt_regios():

    return [r for r in regioregister() if r.soort == "vt"]


@lru_cache(maxsize=1)
def _gemeente_index() -> dict[str, str]:
    g = gemeenten()
    return {normaliseer_naam(n): c for n, c in zip(g["naam"], g["code"])}


def gemeenten_met_regio() -> dict[str, tuple[str, str]]:
    """Name and 2022 region per gemeente code, including the known later/earlier gemeenten."""
    return _gemeente_info_cache()


@lru_cache(maxsize=1)
def _gemeente_info_cache() -> dict[str, tuple[str, str]]:
    g = gemeenten()
    uit = {c: (n, r) for c, n, r in zip(g["code"], g["naam"], g["regio_code"])}
    for code in list(_alle_codes()):
        if code not in uit:
            info = gemeente_info(code)
            uit[code] = (info.naam, regio_van_gemeente(code, 2022))
    return uit


def _alle_codes():
    from .cbs_indeling import alle_gemeenten

    return alle_gemeenten().keys()


@lru_cache(maxsize=1024)
def periodelabel(label: str) -> tuple[str, bool]:
    """``(periode, voorlopig)`` from a CBS period label or key.

    Understands '1e halfjaar 2021*', '2e halfjaar 2020', '2021*', '2021', '2021HJ01',
    '2021JJ00'; a '*' (voorlopig) or '**' (nader voorlopig) makes the figure provisional.

    >>> periodelabel("2021JJ00"), periodelabel("2e halfjaar 2020")
    (('2021', False), ('2020H2', False))
    """
    t = schoon(label)
    return (Periode.parse(t).code, Periode.is_voorlopig_label(t))


_NIHIL = ("-", "–")
_ONDERDRUKT = ("", ".", "..", "x", "X")


def celwaarde(waarde: object) -> tuple[float | None, bool]:
    """``(number, onderdrukt)`` for one CBS cell; raises ValueError for text that is no number.

    ``None``, '' and the CBS markers '.' (onbekend/geheim) and 'x' are withheld, never 0;
    '-' is CBS's sign for 'nihil' (0). cbsodata's untyped values are padded text ('  3060').
    """
    if waarde is None:
        return (None, True)
    if isinstance(waarde, bool):
        raise ValueError(str(waarde))
    if isinstance(waarde, (int, float)):
        if isinstance(waarde, float) and math.isnan(waarde):
            return (None, True)
        return (float(waarde), False)
    t = str(waarde).strip().replace("\u00a0", "").replace(" ", "")
    if t in _ONDERDRUKT:
        return (None, True)
    if t in _NIHIL:
        return (0.0, False)
    if re.fullmatch(r"-?\d+", t):
        return (float(t), False)
    if re.fullmatch(r"-?\d+\.\d+", t) and not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        return (float(t), False)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+(,\d+)?", t):
        return (float(t.replace(".", "").replace(",", ".")), False)
    raise ValueError(t)
