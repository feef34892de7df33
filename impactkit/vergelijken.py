"""Step 4 of the plan, *vergelijken*: honest comparisons of a region's figure.

For one indicator, region and period, :func:`vergelijk` returns a tidy table with one row per
comparison: with Nederland, with all other regions (rank, quartile, funnel position), with regions
of similar size, with the region itself over time (previous half-year, a year earlier, trend)
and with the region's own norm when one is given.

Every row carries the region's value with its 95 % interval (Wilson for shares, exact Poisson
for rates), the reference value, the difference in points and relatively, a p-value where a test
applies, and a verdict (``oordeel``). A difference is called *opvallend* only when it is both
statistically clear (p < 0,05) and at least the minimum difference for the unit
(:class:`Drempels`); otherwise the verdict says it may be chance. Suppressed or missing values
give a row with ``oordeel = "geen gegevens"`` and the reason, never a zero. The comparisons over
time allow for the extra variation between periods, estimated from the data
(:func:`impactkit.ontwikkeling.tijdruis`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import statistiek as st
from .bronnen.normen import lees_normen, normen_voor
from .fouten import GeenWaarde, ImpactkitFout
from .indicatoren import Indicator, indicator
from .laden import laad
from .ontwikkeling import EENHEDEN, Tijdruis, periodetoets, tijdruis, trend_van, verloop
from .oordelen import (
    GEEN_TOETS,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    ONZEKER_NORM,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    SPREIDING_BINNEN,
    SPREIDING_BUITEN,
    VOLDOET,
    VOLDOET_NIET,
    Drempels,
    met_spreiding,
    oordeel,
)
from .oordelen import OORDELEN as ALLE_OORDELEN
from .opmaak import ontbreekt
from .perioden import Periode
from .regioindeling import NEDERLAND, Regio, regio, regios
from .spreiding_regios import getoonde_waarde, spreiding_tekst, spreiding_van, trechterpositie_van

KOLOMMEN = [
    "indicator",
    "regio_code",
    "regio",
    "periode",
    "categorie",
    "vergelijking",
    "referentie",
    "waarde",
    "laag",
    "hoog",
    "referentiewaarde",
    "ref_laag",
    "ref_hoog",
    "verschil",
    "verschil_relatief",
    "p",
    "p_gecorrigeerd",
    "spreiding",
    "p_spreiding",
    "minimum",
    "rang",
    "kwartiel",
    "aantal_regios",
    "oordeel",
    "toelichting",
    "eenheid",
    "herkomst",
]

OORDELEN = tuple(ALLE_OORDELEN)
"""The verdicts a comparison can give (defined in :mod:`impactkit.oordelen`)."""


# -- Intervals ---------------------------------------------------------------------------------
def interval(ind: Indicator, teller: object, noemer: object) -> tuple[float, float]:
    """95 % interval of a value in the indicator's unit (NaN where no interval applies)."""
    if ontbreekt(teller) or (ind.eenheid != "aantal" and ontbreekt(noemer)):
        return (math.nan, math.nan)
    if ind.eenheid == "%":
        laag, hoog = st.wilson(int(teller), int(noemer))
        return (100 * float(laag), 100 * float(hoog))
    if ind.eenheid == "per 10.000 inwoners":
        _, laag, hoog = st.ratio_interval(int(teller), int(noemer))
        return (float(laag), float(hoog))
    if ind.eenheid == "aantal":
        laag, hoog = st.poisson_exact(int(teller))
        return (float(laag), float(hoog))
    return (math.nan, math.nan)


def met_intervallen(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``laag`` and ``hoog`` (95 % interval) to a tidy observation table."""
    uit = df.copy()
    grenzen = [
        interval(indicator(r.indicator), r.teller, r.noemer)
        for r in uit[["indicator", "teller", "noemer"]].itertuples(index=False)
    ]
    uit["laag"] = pd.array([g[0] for g in grenzen], dtype="Float64")
    uit["hoog"] = pd.array([g[1] for g in grenzen], dtype="Float64")
    return uit


# -- Tests between two observations ---------------------------------------------------------------
def _toets(ind: Indicator, a: pd.Series, b: pd.Series) -> float:
    """Two-sided p-value for the difference between observation a and b (NaN if no test)."""
    if any(ontbreekt(x) for x in (a["teller"], b["teller"])):
        return math.nan
    if ind.eenheid == "%":
        if any(ontbreekt(x) for x in (a["noemer"], b["noemer"])):
            return math.nan
        uitkomst = st.toets_twee_proporties(
            int(a["teller"]), int(a["noemer"]), int(b["teller"]), int(b["noemer"])
        )
        return float(uitkomst.p)
    if ind.eenheid == "per 10.000 inwoners":
        uitkomst = st.toets_twee_ratios(
            int(a["teller"]), int(a["noemer"]), int(b["teller"]), int(b["noemer"])
        )
        return float(uitkomst.p)
    if ind.eenheid == "aantal":
        # Counts of the same region in two periods: equal exposure.
        uitkomst = st.toets_twee_ratios(int(a["teller"]), 1, int(b["teller"]), 1)
        return float(uitkomst.p)
    return math.nan


def _rest_van_land(land: pd.Series, eigen: pd.Series) -> pd.Series:
    """Nederland minus the region: the fair reference for a test (the region is part of NL)."""
    rest = land.copy()
    for kolom in ("teller", "noemer"):
        if not (ontbreekt(land[kolom]) or ontbreekt(eigen[kolom])):
            rest[kolom] = int(land[kolom]) - int(eigen[kolom])
    return rest


# -- The main function ------------------------------------------------------------------------------
def vergelijk(
    indicator_id: str,
    regio_naam: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    normen: pd.DataFrame | str | Path | None = None,
    drempels: Drempels | None = None,
) -> pd.DataFrame:
    """All comparisons for one indicator, region and period, as a tidy table.

    Examples
    --------
    >>> v = vergelijk("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
    >>> v.set_index("vergelijking").loc["landelijk", "oordeel"]
    'opvallend hoger'
    """
    v = _Vergelijking.maak(indicator_id, regio_naam, periode, categorie, data, drempels)
    if ontbreekt(v.waarde):
        reden = (
            "onderdrukt (klein aantal, of er is een klein aantal uit terug te rekenen)"
            if bool(v.eigen["onderdrukt"])
            else "onbekend"
        )
        for soort in ("landelijk", "regios", "vorige_periode", "jaar_eerder"):
            v.rij(
                soort,
                "",
                oordeel="geen gegevens",
                toelichting=f"Het cijfer van {v.r.naam_in(v.p)} is {reden}.",
            )
        return _als_tabel(v.rijen)
    _met_nederland(v)
    _met_alle_regios(v)
    if v.ind.eenheid in EENHEDEN:
        v.ruis = tijdruis(v.ind, v.sel, v.p, v.categorie)
    _met_zichzelf(v)
    _trend(v)
    _verloop(v)
    if normen is not None:
        _met_norm(v, normen)
    _corrigeer(v)
    tabel = _als_tabel(v.rijen)
    tabel.attrs["verloop"] = v.verloop
    return tabel


TOETSEN_PER_INDICATOR = ("landelijk", "vorige_periode", "jaar_eerder", "trend", "verloop")
"""The tested comparisons of one indicator: the family corrected together (Benjamini–Hochberg),
once, in :func:`vergelijk`; the analysis (steps 5 and 6) uses these verdicts unchanged."""


def _corrigeer(v: _Vergelijking) -> None:
    """One correction for the indicator's tested comparisons, then the verdicts.

    The level against Nederland is ``opvallend`` only when it is also outside the usual spread
    between regions (:func:`impactkit.oordelen.met_spreiding`); the comparison with all regions
    gives the same verdict as the one with Nederland.
    """
    getoetst = [
        r
        for r in v.rijen
        if r["vergelijking"] in TOETSEN_PER_INDICATOR and not ontbreekt(r.get("p"))
    ]
    if getoetst:
        gecorrigeerd = st.benjamini_hochberg(np.array([float(r["p"]) for r in getoetst]))
        for r, pc in zip(getoetst, gecorrigeerd):
            r["p_gecorrigeerd"] = float(pc)
            r["oordeel"] = oordeel(r["verschil"], pc, r["minimum"], v.drempels.alpha)
            if r["vergelijking"] == "landelijk":
                r["oordeel"] = met_spreiding(r["oordeel"], r.get("buiten_spreiding"))
    landelijk = next((r for r in v.rijen if r["vergelijking"] == "landelijk"), None)
    for r in v.rijen:
        if r["vergelijking"] == "regios" and landelijk is not None and "p" in landelijk:
            r["oordeel"] = landelijk["oordeel"]


@dataclass
class _Vergelijking:
    """One region's figure with what it is compared to, and the rows found so far."""

    ind: Indicator
    r: Regio
    p: Periode
    categorie: str | None
    drempels: Drempels
    sel: pd.DataFrame
    """The indicator's (and category's) rows of all regions and periods."""
    per_periode: dict[str, pd.DataFrame]
    """Per period code, its rows indexed by region code."""
    eigen: pd.Series
    """The region's row of this period."""
    waarde: float
    laag: float
    hoog: float
    rijen: list[dict] = field(default_factory=list)
    verloop: dict | None = None
    """The course over time against the rest of Nederland (:func:`impactkit.verloop`)."""
    ruis: Tijdruis | None = None
    """The extra variation between periods the comparisons over time allow for."""

    @property
    def nu(self) -> pd.DataFrame:
        """All regions in this period, indexed by region code."""
        return self.per_periode[self.p.code]

    @classmethod
    def maak(
        cls,
        indicator_id: str,
        regio_naam: str,
        periode: str,
        categorie: str | None,
        data: pd.DataFrame | None,
        drempels: Drempels | None,
    ) -> _Vergelijking:
        """Check the choice and find the region's figure; a Dutch message when there is none."""
        ind = indicator(indicator_id)
        r = regio(regio_naam)
        p = Periode.parse(periode)
        drempels = drempels or Drempels()
        if r.code == NEDERLAND:
            raise GeenWaarde("Kies een Veilig Thuis-regio; Nederland is zelf de referentie.")
        if not ind.is_regionaal:
            raise GeenWaarde(
                f"{ind.naam} is niet per regio beschikbaar ({', '.join(ind.niveaus)}), dus er valt "
                "niets regionaal te vergelijken. Kies een regionale indicator, bv. met "
                "impactkit.selecteer(niveau='regionaal')."
            )
        if ind.is_verdeling and categorie is None:
            raise GeenWaarde(
                f"{ind.naam} is een verdeling; kies een categorie: {'; '.join(ind.categorieen)}."
            )
        df = laad() if data is None else data
        sel = df[df["indicator"] == ind.id]
        sel = (
            sel[sel["categorie"].isna()]
            if categorie is None
            else sel[sel["categorie"] == categorie]
        )
        if sel.empty:
            raise GeenWaarde(f"Er zijn geen cijfers voor {ind.naam} in deze gegevens.")
        perioden = sorted({Periode.parse(x) for x in sel["periode"]})
        if p not in perioden:
            raise GeenWaarde(
                f"Geen cijfers voor {ind.naam} over {p.label}. Beschikbare perioden: "
                f"{', '.join(x.code for x in perioden)}."
            )
        if r.code not in set(sel["regio_code"]):
            raise GeenWaarde(
                f"Geen cijfers voor {ind.naam} in {r.naam_in(p)}"
                + (
                    " (de cohortstudie is in 13 regio's gedaan)."
                    if ind.bron.startswith("Cohort")
                    else "."
                )
            )
        per_periode = {pp: g.set_index("regio_code") for pp, g in sel.groupby("periode")}
        nu = per_periode[p.code]
        if r.code not in nu.index:  # e.g. Brabant Noordoost (VT16) after it became part of VT27
            eigen_perioden = set(sel.loc[sel["regio_code"] == r.code, "periode"])
            uitleg = " ".join(filter(None, [r.overgang_in(p), "Beschikbare perioden:"]))
            raise GeenWaarde(
                f"Geen cijfer voor {ind.naam} in {r.naam_in(p)} over {p.label}. {uitleg} "
                f"{', '.join(sorted(eigen_perioden, key=Periode.parse))}."
            )
        eigen = nu.loc[r.code]
        laag, hoog = interval(ind, eigen["teller"], eigen["noemer"])
        return cls(
            ind,
            r,
            p,
            categorie,
            drempels,
            sel,
            per_periode,
            eigen,
            getoonde_waarde(eigen),
            laag,
            hoog,
        )

    def rij(self, vergelijking: str, referentie: str, **velden) -> None:
        """Add a row for one comparison; the region's value and interval are filled in."""
        self.rijen.append(
            {
                "indicator": self.ind.id,
                "regio_code": self.r.code,
                "regio": self.r.naam_in(self.p),
                "periode": self.p.code,
                "categorie": self.categorie,
                "eenheid": self.ind.eenheid,
                "herkomst": str(self.eigen["herkomst"]),
                "vergelijking": vergelijking,
                "referentie": referentie,
                "waarde": self.waarde,
                "laag": self.laag,
                "hoog": self.hoog,
                **velden,
            }
        )

    def oordeel(self, verschil: float, p: float, referentie: float, deel: float = 1) -> str:
        """The verdict against the minimum difference for this unit (``deel`` of it for a trend)."""
        minimum = self.drempels.minimum(self.ind.eenheid, referentie) / deel
        return oordeel(verschil, p, minimum, self.drempels.alpha)


def _met_nederland(v: _Vergelijking) -> None:
    """1. With Nederland (the test uses the rest of the country as reference)."""
    nu, ind, waarde = v.nu, v.ind, v.waarde
    if not (NEDERLAND in nu.index and not ontbreekt(getoonde_waarde(nu.loc[NEDERLAND]))):
        return
    land = nu.loc[NEDERLAND]
    ref = getoonde_waarde(land)
    r_laag, r_hoog = interval(ind, land["teller"], land["noemer"])
    if ind.eenheid == "aantal":
        v.rij(
            "landelijk",
            "Nederland",
            referentiewaarde=ref,
            ref_laag=r_laag,
            ref_hoog=r_hoog,
            oordeel=GEEN_TOETS,
            toelichting=_toelichting_aantal(ind),
        )
        return
    pw = _toets(ind, v.eigen, _rest_van_land(land, v.eigen))
    verschil = waarde - ref
    spreiding = spreiding_van(ind, v.nu)
    buiten, p_spreiding, woord = None, math.nan, None
    if spreiding is not None and v.r.code in spreiding.index:
        eigen = spreiding.loc[v.r.code]
        if not ontbreekt(eigen["p_spreiding"]):
            buiten = bool(eigen["buiten_spreiding"])
            p_spreiding = float(eigen["p_spreiding"])
            woord = SPREIDING_BUITEN if buiten else SPREIDING_BINNEN
    v.rij(
        "landelijk",
        "Nederland",
        referentiewaarde=ref,
        ref_laag=r_laag,
        ref_hoog=r_hoog,
        verschil=verschil,
        verschil_relatief=_relatief(verschil, ref),
        p=pw,
        minimum=v.drempels.minimum(ind.eenheid, ref),
        spreiding=woord,
        p_spreiding=p_spreiding,
        buiten_spreiding=buiten,
        oordeel=v.oordeel(verschil, pw, ref),
        toelichting="Toets tegen de rest van Nederland (Nederland zonder de regio); daarnaast "
        "of de regio buiten de gewone spreiding tussen regio's valt.",
    )


def _met_alle_regios(v: _Vergelijking) -> None:
    """2. With all regions: rank (1 = highest), quartile (4 = highest quarter), funnel position."""
    nu, ind, waarde, drempels = v.nu, v.ind, v.waarde, v.drempels
    alle = nu.drop(index=NEDERLAND, errors="ignore")
    waarden = alle.apply(getoonde_waarde, axis=1).astype(float).dropna()
    if not (ind.eenheid != "aantal" and len(waarden) > 1):
        return
    rang = int((waarden > waarde).sum() + 1)
    kwartiel = int(min(4, 1 + math.floor(4 * (waarden < waarde).sum() / len(waarden))))
    mediaan = float(waarden.median())
    toelichting = f"Rang {rang} van {len(waarden)} (1 = hoogste)."
    positie, tau2 = trechterpositie_van(ind, nu, v.r.code)
    if positie:
        toelichting += f" Trechterdiagram: {positie}"
        toelichting += (
            " (grenzen verruimd voor de gewone spreiding tussen regio's: "
            f"{spreiding_tekst(ind, tau2)})."
            if tau2 > 0
            else "."
        )
    # The verdict is the one of the comparison with Nederland (filled in by _corrigeer); without
    # that comparison, the position in the widened funnel speaks for itself.
    oordeel_r = GEEN_TOETS
    landelijk = getoonde_waarde(nu.loc[NEDERLAND]) if NEDERLAND in nu.index else math.nan
    groot_genoeg = not ontbreekt(landelijk) and abs(waarde - landelijk) >= drempels.minimum(
        ind.eenheid, landelijk
    )
    if positie and positie.startswith(("boven", "onder")):
        if groot_genoeg:
            oordeel_r = OPVALLEND_HOGER if positie.startswith("boven") else OPVALLEND_LAGER
        else:
            oordeel_r = KLEIN_VERSCHIL
    elif positie == "binnen":
        oordeel_r = MOGELIJK_TOEVAL
    v.rij(
        "regios",
        "alle regio's (mediaan)",
        referentiewaarde=mediaan,
        verschil=waarde - mediaan,
        verschil_relatief=_relatief(waarde - mediaan, mediaan),
        rang=rang,
        kwartiel=kwartiel,
        aantal_regios=len(waarden),
        oordeel=oordeel_r,
        toelichting=toelichting,
    )
    _met_vergelijkbare_regios(v, waarden)


def _met_vergelijkbare_regios(v: _Vergelijking, waarden: pd.Series) -> None:
    """3. Regions of similar size (the 7 nearest in population, including the region)."""
    r, p, waarde = v.r, v.p, v.waarde
    inwoners = regios(periode=p).set_index("code")["inwoners"]  # regions of this period
    buren = (inwoners.drop(NEDERLAND) - inwoners[r.code]).abs().sort_values().index[:7].tolist()
    groep = waarden[waarden.index.isin(buren)]
    if len(groep) > 2:
        rang_groep = int((groep > waarde).sum() + 1)
        med = float(groep.median())
        v.rij(
            "vergelijkbaar",
            "regio's van vergelijkbare omvang (mediaan)",
            referentiewaarde=med,
            verschil=waarde - med,
            verschil_relatief=_relatief(waarde - med, med),
            rang=rang_groep,
            aantal_regios=len(groep),
            oordeel="geen toets mogelijk",
            toelichting=f"Rang {rang_groep} van {len(groep)}: "
            + ", ".join(regio(c).naam_in(p) for c in groep.index if c != r.code)
            + ".",
        )


def _met_zichzelf(v: _Vergelijking) -> None:
    """4. With itself over time: the previous period and a year earlier."""
    r, p, ind, waarde, per_periode = v.r, v.p, v.ind, v.waarde, v.per_periode
    for soort, eerder in (("vorige_periode", p.vorige()), ("jaar_eerder", p.jaar_eerder())):
        if eerder.code not in per_periode or r.code not in per_periode[eerder.code].index:
            v.rij(
                soort,
                eerder.code,
                oordeel="geen gegevens",
                toelichting=f"Geen cijfer over {eerder.label}.",
            )
            continue
        oud = per_periode[eerder.code].loc[r.code]
        ref = getoonde_waarde(oud)
        if ontbreekt(ref):
            v.rij(
                soort,
                eerder.code,
                oordeel="geen gegevens",
                toelichting=f"Het cijfer over {eerder.label} is onderdrukt of onbekend.",
            )
            continue
        r_laag, r_hoog = interval(ind, oud["teller"], oud["noemer"])
        pw, toelichting = _toets(ind, v.eigen, oud), ""
        if v.ruis is not None and not ontbreekt(oud["teller"]) and not ontbreekt(oud["noemer"]):
            toelichting = v.ruis.toelichting
            if v.ruis.tau2 > 0:
                pw = periodetoets(
                    ind.eenheid,
                    (float(v.eigen["teller"]), float(v.eigen["noemer"])),
                    (float(oud["teller"]), float(oud["noemer"])),
                    v.ruis,
                )[1]
        verschil = waarde - ref
        v.rij(
            soort,
            eerder.code,
            referentiewaarde=ref,
            ref_laag=r_laag,
            ref_hoog=r_hoog,
            verschil=verschil,
            verschil_relatief=_relatief(verschil, ref),
            p=pw,
            minimum=v.drempels.minimum(ind.eenheid, ref),
            oordeel=v.oordeel(verschil, pw, ref),
            toelichting=toelichting,
        )


def _trend(v: _Vergelijking) -> None:
    """5. Trend over all periods up to this one (least squares slope per year)."""
    trend = trend_van(v.ind, v.sel, v.r.code, tot=v.p, ruis=v.ruis)
    if trend is not None:
        helling, pw, n, eerste = trend
        v.rij(
            "trend",
            f"{eerste}–{v.p.code}",
            verschil=helling,
            p=pw,
            minimum=v.drempels.minimum(v.ind.eenheid, v.waarde) / 2,
            oordeel=v.oordeel(helling, pw, v.waarde, deel=2),
            toelichting=f"Gemiddelde verandering per jaar over {n} perioden."
            + (f" {v.ruis.toelichting}" if v.ruis is not None else ""),
        )


def _verloop(v: _Vergelijking) -> None:
    """6. The course over time against the rest of Nederland (:func:`impactkit.verloop`)."""
    if v.ind.eenheid not in ("%", "per 10.000 inwoners") or not any(
        r["vergelijking"] == "landelijk" for r in v.rijen
    ):
        return
    vl = verloop(
        v.ind.id,
        v.r.code,
        v.p.code,
        categorie=v.categorie,
        data=v.sel,
        drempels=v.drempels,
        ruis=v.ruis,
    )
    if vl is None:
        return
    v.verloop = vl
    eind = vl["keerpunt"] or vl["eind"]
    v.rij(
        "verloop",
        f"{vl['start']}–{eind}",
        referentiewaarde=vl["regio_waarden"][vl["start"]],
        verschil=vl["verschil"],
        p=vl["p_gecorrigeerd"],
        minimum=vl["minimum"],
        oordeel=vl["oordeel"],
        toelichting="Verandering van de regio tegenover de rest van Nederland "
        "(verschil in verschillen); de p-waarde rekent de zoektocht naar een keerpunt mee. "
        + vl["ruis"].toelichting,
    )
    v.rijen[-1]["waarde"] = vl["regio_waarden"][eind]


def _met_norm(v: _Vergelijking, normen: pd.DataFrame | str | Path) -> None:
    """7. With the region's own norm."""
    waarde = v.waarde
    tabel = normen if isinstance(normen, pd.DataFrame) else lees_normen(normen)
    for norm in normen_voor(tabel, v.ind.id, v.r.code, v.categorie):
        v.rij(
            "norm",
            f"norm {norm['soort']} {norm['norm']:g}",
            referentiewaarde=norm["norm"],
            verschil=waarde - norm["norm"],
            verschil_relatief=_relatief(waarde - norm["norm"], norm["norm"]),
            oordeel=_oordeel_norm(norm, waarde, v.laag, v.hoog),
            toelichting=norm.get("toelichting") or "",
        )


def _relatief(verschil: float, ref: float) -> float:
    return math.nan if ontbreekt(ref) or ref == 0 else 100.0 * verschil / ref


def _als_tabel(rijen: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rijen).reindex(columns=KOLOMMEN)
    for k in (
        "waarde",
        "laag",
        "hoog",
        "referentiewaarde",
        "ref_laag",
        "ref_hoog",
        "verschil",
        "verschil_relatief",
        "p",
    ):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype("Float64")
    for k in ("rang", "kwartiel", "aantal_regios"):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype("Int64")
    for k in ("oordeel", "toelichting", "referentie", "vergelijking", "categorie"):
        df[k] = df[k].astype("string")
    return df


def _toelichting_aantal(ind: Indicator) -> str:
    """Why a count is not tested, and which rate to use instead when the catalogue has one."""
    tekst = "Een aantal is niet te vergelijken met het landelijke aantal."
    per_inwoners = f"{ind.id}_per_10000"
    try:
        indicator(per_inwoners)
    except ImpactkitFout:
        return (
            tekst
            + " Er is geen indicator per 10.000 inwoners voor; vergelijk het verloop in de tijd."
        )
    return tekst + f" Gebruik de indicator per 10.000 inwoners ({per_inwoners})."


def _oordeel_norm(norm: dict, waarde: float, laag: float, hoog: float) -> str:
    grens = norm["norm"]
    goed = waarde >= grens if norm["soort"] == "minimaal" else waarde <= grens
    if ontbreekt(laag) or ontbreekt(hoog):
        return VOLDOET if goed else VOLDOET_NIET
    if norm["soort"] == "minimaal":
        if laag >= grens:
            return VOLDOET
        if hoog < grens:
            return VOLDOET_NIET
    else:
        if hoog <= grens:
            return VOLDOET
        if laag > grens:
            return VOLDOET_NIET
    return ONZEKER_NORM
