"""The usual spread between regions for one indicator and period: funnel data and positions.

Registrations differ between regions for reasons no binomial or Poisson model knows, so a
region is compared with the *usual spread* between regions (random effects, τ² by
DerSimonian–Laird with counts rounded to fives taken into account) rather than with chance
alone. :func:`trechtercijfers` gives the funnel chart's data, :func:`spreiding_van` every region's
position in the spread and :func:`trechterpositie_van` one region's funnel position; the verdicts
of :func:`impactkit.vergelijk` use the same model.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import statistiek as st
from .fouten import GeenWaarde
from .geheugen import onthoud, vingerafdruk
from .indicatoren import Indicator, indicator
from .laden import laad
from .opmaak import getal, ontbreekt
from .perioden import Periode
from .regioindeling import NEDERLAND


def getoonde_waarde(rij: pd.Series) -> float:
    """A row's value as a number, NaN when it is missing or suppressed."""
    x = rij["waarde"]
    return math.nan if ontbreekt(x) or bool(rij.get("onderdrukt", False)) else float(x)


def trechtercijfers(
    indicator_id: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    overspreiding: bool | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Funnel-plot data: (regions, limits).

    The limits are widened by the usual spread between regions (random effects: τ² by
    DerSimonian–Laird, with the rounding of counts to fives taken into account), the same model
    as the verdicts of :func:`vergelijk`: a region outside the widened 95 % limit falls outside
    the usual spread. ``overspreiding=False`` draws the plain limits (chance alone); ``None``
    (default) and ``True`` widen by the estimated τ² (zero when the regions vary no more than
    chance). ``limits.attrs`` holds ``tau2``, ``spreiding`` (τ in the indicator's unit),
    ``p_overspreiding`` (Cochran's Q) and ``phi`` (the unbiased over-dispersion factor, for
    reference); when widened, the plain limits stay in ``laag_gewoon``/``hoog_gewoon``.

    ``regions``: one row per region with ``waarde``, ``noemer`` (denominator: number of meldingen
    or inhabitants), ``positie`` ('binnen', 'boven 95%', 'boven 99,8%', ...). ``limits``: the 95 %
    and 99,8 % control limits around Nederland's value over the range of denominators.
    """
    ind = indicator(indicator_id)
    if ind.eenheid not in ("%", "per 10.000 inwoners"):
        raise GeenWaarde(
            f"Een trechterdiagram kan alleen voor percentages en ratio's; {ind.naam} is "
            f"'{ind.eenheid}'."
        )
    p = Periode.parse(periode)
    df = laad() if data is None else data
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    sel = sel[sel["categorie"].isna()] if categorie is None else sel[sel["categorie"] == categorie]
    if sel.empty:
        raise GeenWaarde(f"Geen cijfers voor {ind.naam} over {p.label}.")
    nu = sel.set_index("regio_code")
    if NEDERLAND not in nu.index:
        raise GeenWaarde("Voor een trechterdiagram is het landelijke cijfer nodig.")
    soort = "proportie" if ind.eenheid == "%" else "ratio"
    schaal = 100.0 if soort == "proportie" else 1.0
    p0 = float(nu.loc[NEDERLAND, "waarde"]) / schaal
    regs = nu.drop(index=NEDERLAND).reset_index()
    regs = regs[regs["waarde"].notna() & regs["noemer"].notna()].copy()
    tellers = regs["teller"].astype(float).to_numpy()
    noemers_r = regs["noemer"].astype(float).to_numpy()
    spreiding = spreiding_van(ind, nu)
    tau2 = 0.0 if spreiding is None or overspreiding is False else float(spreiding.attrs["tau2"])
    afronding = 1 if spreiding is None else int(spreiding.attrs["afronding"])
    posities = st.trechterpositie(
        tellers, noemers_r, p0, soort=soort, tau2=tau2, afronding=afronding
    )
    regs["positie"] = list(posities)
    n_min = max(1.0, float(regs["noemer"].min()) * 0.8)
    n_max = float(regs["noemer"].max()) * 1.1
    noemers = np.unique(np.geomspace(n_min, n_max, 120).round())
    grenzen = st.trechtergrenzen(p0, noemers, soort=soort, tau2=tau2, afronding=afronding)
    if tau2 > 0:
        gewoon = st.trechtergrenzen(p0, noemers, soort=soort, afronding=afronding)
        grenzen["laag_gewoon"] = gewoon["laag"].to_numpy() * schaal
        grenzen["hoog_gewoon"] = gewoon["hoog"].to_numpy() * schaal
    grenzen.attrs["tau2"] = tau2
    grenzen.attrs["spreiding"] = math.sqrt(tau2) * schaal
    grenzen.attrs["p_overspreiding"] = (
        math.nan if spreiding is None else float(spreiding.attrs["p_heterogeniteit"])
    )
    grenzen.attrs["phi"] = 1.0 if spreiding is None else float(spreiding.attrs["phi"])
    for k in ("laag", "hoog"):
        grenzen[k] = grenzen[k] * schaal
    grenzen["landelijk"] = p0 * schaal
    kolommen = ["regio_code", "regio", "waarde", "teller", "noemer", "positie", "herkomst"]
    return regs[kolommen].reset_index(drop=True), grenzen


def spreiding_van(ind: Indicator, nu: pd.DataFrame) -> pd.DataFrame | None:
    """Every region of a cross-section (indexed by region code) in the usual spread between
    regions: :func:`impactkit.statistiek.positie_in_spreiding` (DerSimonian–Laird τ², counts
    rounded to fives taken into account). None for a count, without Nederland or below 3 regions.
    """
    if ind.eenheid not in ("%", "per 10.000 inwoners") or NEDERLAND not in nu.index:
        return None
    regs = nu.drop(index=NEDERLAND, errors="ignore")
    regs = regs[regs["teller"].notna() & regs["noemer"].notna() & ~regs["onderdrukt"].astype(bool)]
    regs = regs[regs["noemer"].astype(float) > 0]
    land = getoonde_waarde(nu.loc[NEDERLAND])
    if len(regs) < 3 or ontbreekt(land):
        return None
    soort = "proportie" if ind.eenheid == "%" else "ratio"
    p0 = float(land) / (100.0 if soort == "proportie" else 1.0)
    # Every region of a batch needs the same cross-section: remembered by its figures.
    sleutel = ("spreiding", soort, p0, vingerafdruk(regs, ["teller", "noemer"]))
    uit = onthoud(
        sleutel,
        lambda: st.positie_in_spreiding(
            regs["teller"].astype(float), regs["noemer"].astype(float), p0, soort=soort
        ),
    )
    return uit.copy()


def spreiding_tekst(ind: Indicator, tau2: float) -> str:
    """The usual spread between regions in the indicator's unit, in words."""
    if ind.eenheid == "%":
        return f"ongeveer {getal(100 * math.sqrt(tau2), 1)} procentpunt"
    return f"ongeveer {getal(math.sqrt(tau2), 1)} per 10.000 inwoners"


def trechterpositie_van(ind: Indicator, nu: pd.DataFrame, code: str) -> tuple[str | None, float]:
    """Funnel position of one region in a cross-section indexed by region code, and the τ².

    The limits are widened by the usual spread between regions (τ², DerSimonian–Laird), the same
    model as the verdict: 'boven'/'onder' means outside the usual spread.
    """
    spreiding = spreiding_van(ind, nu)
    if spreiding is None or code not in spreiding.index:
        return None, 0.0
    soort = "proportie" if ind.eenheid == "%" else "ratio"
    p0 = float(getoonde_waarde(nu.loc[NEDERLAND])) / (100.0 if soort == "proportie" else 1.0)
    eigen = nu.loc[code]
    tau2, afronding = float(spreiding.attrs["tau2"]), int(spreiding.attrs["afronding"])
    uit = st.trechterpositie(
        np.array([float(eigen["teller"])]),
        np.array([float(eigen["noemer"])]),
        p0,
        soort=soort,
        tau2=tau2,
        afronding=afronding,
    )
    return str(list(uit)[0]), tau2


__all__ = [
    "getoonde_waarde",
    "spreiding_tekst",
    "spreiding_van",
    "trechtercijfers",
    "trechterpositie_van",
]
