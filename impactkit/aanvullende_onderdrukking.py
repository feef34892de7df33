"""Secondary (complementary) suppression: a withheld count cannot be recovered by subtraction.

Primary suppression (:mod:`impactkit.onderdrukking`) withholds counts from 1 to 9. On its own
that does not protect: a count is also a total minus the other parts of that total. The kit's
tables hold these additive relations between cells, where a *cell* is a row's teller (the count
itself for ``aantal``) or its noemer when that is a count (not inhabitants, which are public):

1. Distribution: within one indicator x region (x gemeente) x period, the tellers of the
   categories add up to the total: the noemer, or the row of that indicator without a
   category. The total counts as known even when the table does not show it (it is usually
   another indicator, such as the number of adviezen). Distributions whose categories overlap
   (:data:`OVERLAPPENDE_VERDELINGEN`: one case can have several characteristics, so the shares
   add up above 100 %) have no such relation: subtraction recovers nothing exactly there.
2. Regions: within one indicator x period x category, Nederland is the sum of the regions, for
   tellers and for noemers. Every indicator counts as additive (counts, the numerators and
   denominators of shares and rates, a mean times its noemer): the safe side. The relation is
   used when the regions in the table make up Nederland: all regions of a division (26 up to
   2022; 25 from 2023, VT27 Oost-Brabant instead of VT16 and VT26), or regions whose noemers add
   up exactly to the national noemer (a research cohort of a few regions). Where VT27 and VT16
   and VT26 stand side by side, VT27 is their sum. In a table of gemeenten, the gemeenten of a
   region add up to the region's published figure.
3. Periods: a year is the sum of its two half-years where the table holds all three.
4. The noemer of a distribution is the same number in every category row.

An attacker knows every shown cell and these relations. A hidden cell is *derivable* when every
solution of the relations gives it the same value: it has no component in the null space of
the relations restricted to the hidden cells. The plain case is a relation with one hidden
cell (the total minus the rest); combinations of relations are checked too.

The rule: while some hidden cell is derivable, hide one more cell in a relation it is in,
preferring a relation where it is the only hidden cell (distributions first, then regions,
then periods), and in it the smallest shown non-zero part (ties: the first row), or a zero
part, or finally the total. Choosing by size makes tables that share numbers (the adviezen
and the noemer of ``adviesvrager_type``) hide the same region. Hiding a teller suppresses its
row like a primary suppression (``waarde`` and ``teller`` missing, ``onderdrukt`` True);
hiding a noemer suppresses every row that carries it.

Not covered: relations between different indicators other than a shared noemer (for example
``politiemeldingen`` and the police category of ``melder_type``), and bounds (an attacker knows
a withheld count lies between 1 and 9).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import pandas as pd

from .paden import data_pad

NEDERLAND = "NL01"
OVERLAPPENDE_VERDELINGEN = ("kenmerken_slachtoffers_plegers",)
"""Distributions whose categories overlap (several characteristics), so shares need not add up."""
INWONERS = "per 10.000 inwoners"
"""The unit whose noemer is the number of inhabitants: public, so never a hidden cell."""
SOORTEN = ("verdeling", "regio", "periode")
"""Kinds of relation, in the order they are preferred when a cell needs a partner."""


@lru_cache(maxsize=1)
def indelingen() -> tuple[tuple[frozenset[str], ...], dict[str, tuple[str, ...]]]:
    """The region divisions (sets of VT codes) and the mergers (new code -> old codes)."""
    codes = set(pd.read_csv(data_pad("referentie", "vt_regions.csv"), dtype="string")["vt_code"])
    overgang = pd.read_csv(data_pad("cbs", "regio_overgangen.csv"), dtype="string")
    samen = overgang[overgang["soort"] == "samenvoeging"]
    fusies = {str(n): tuple(sorted(g["van_code"])) for n, g in samen.groupby("naar_code")}
    oud = frozenset(codes - set(fusies))
    nieuw = frozenset(codes - {c for v in fusies.values() for c in v})
    return (oud, nieuw), fusies


def groepen(sleutel: list[pd.Series]) -> list[np.ndarray]:
    """Row positions of each group of equal keys, in order of first appearance."""
    return list(pd.Series(0, index=sleutel[0].index).groupby(sleutel, sort=False).indices.values())


class Relaties:
    """The additive relations of a tidy table, over cells numbered ``0..2n``.

    Cell ``i < n`` is the teller of row ``i``; cell ``n + i`` is the noemer of row ``i`` (for the
    category rows of a distribution: the noemer of its first row, shared by all of them).
    Each relation is ``(soort, delen, totaal)``: parts add up to the total cell, or to a known
    number when ``totaal`` is ``None``.
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self.n = n = len(df)
        self.df = d = df.reset_index(drop=True).copy()
        for k in ("indicator", "regio_code", "periode", "categorie"):
            d[k] = d[k].astype("string").fillna("") if k in d else ""
        self.cat = d["categorie"]
        gem = d["gemeente_code"].astype("string").fillna("") if "gemeente_code" in d else None
        self.gem = gem if gem is not None else pd.Series("", index=d.index, dtype="string")
        self.verdeling = (self.cat != "") & ~d["indicator"].isin(OVERLAPPENDE_VERDELINGEN)
        # Which noemer cell each row has (-1: none, the noemer is public or unknown).
        heeft_noemer = d["eenheid"].astype("string").fillna("") != INWONERS
        self.noemer = np.where(heeft_noemer, n + np.arange(n), -1)
        sleutel = [d["indicator"], d["regio_code"], self.gem, d["periode"]]
        eerste = pd.Series(np.arange(n)).groupby(sleutel + [self.verdeling]).transform("min")
        self.noemer = np.where(
            heeft_noemer & self.verdeling, n + eerste.to_numpy(), self.noemer
        ).astype(int)
        self.lijst: list[tuple[str, list[int], int | None]] = []
        self._gezien: set[tuple] = set()
        self._verdelingen(sleutel)
        self._regios()
        self._perioden()
        self.per_cel: dict[int, list[int]] = {}
        for i, (_, delen, totaal) in enumerate(self.lijst):
            for c in {*delen, *([totaal] if totaal is not None else [])}:
                self.per_cel.setdefault(c, []).append(i)

    def _voeg_toe(self, soort: str, delen: list[int], totaal: int | None) -> None:
        delen = [c for c in delen if c >= 0]
        sleutel = (tuple(sorted(delen)), totaal)
        if delen and (totaal is None or totaal >= 0) and sleutel not in self._gezien:
            self._gezien.add(sleutel)
            self.lijst.append((soort, delen, totaal))

    def _verdelingen(self, sleutel: list[pd.Series]) -> None:
        for rijen in groepen(sleutel):
            cats = rijen[self.verdeling.to_numpy()[rijen]]
            if len(cats) == 0:
                continue
            noemer = int(self.noemer[cats[0]])
            self._voeg_toe("verdeling", list(cats), noemer if noemer >= 0 else None)
            for t in rijen[(self.cat.to_numpy()[rijen] == "")]:
                self._voeg_toe("verdeling", list(cats), int(t))

    def _regios(self) -> None:
        d = self.df
        if (self.gem != "").any():
            sleutel = [d["indicator"], d["periode"], self.cat, d["regio_code"]]
            for rijen in groepen(sleutel):
                rijen = [int(r) for r in rijen]
                self._voeg_toe("regio", rijen, None)
                self._voeg_toe("regio", [int(self.noemer[r]) for r in rijen], None)
            return
        (oud, nieuw), fusies = indelingen()
        codes = d["regio_code"].astype(str).to_numpy()
        for rijen in groepen([d["indicator"], d["periode"], self.cat]):
            per_code = {codes[r]: int(r) for r in rijen}
            for nieuw_code, oude in fusies.items():
                if nieuw_code in per_code and all(c in per_code for c in oude):
                    self._paar([per_code[c] for c in oude], per_code[nieuw_code])
            land = per_code.pop(NEDERLAND, None)
            if land is None:
                continue
            if oud <= per_code.keys():
                delen = [per_code[c] for c in sorted(oud)]
            elif nieuw <= per_code.keys():
                delen = [per_code[c] for c in sorted(nieuw)]
            elif len(per_code) >= 2 and self._noemers_kloppen(list(per_code.values()), land):
                delen = list(per_code.values())
            else:
                continue
            self._paar(delen, land)

    def _paar(self, delen: list[int], totaal: int, soort: str = "regio") -> None:
        """Teller and noemer relations for parts (rows) that add up to a total row."""
        self._voeg_toe(soort, delen, totaal)
        noemers = [int(self.noemer[r]) for r in delen]
        if all(c >= 0 for c in noemers) and self.noemer[totaal] >= 0:
            self._voeg_toe(soort, noemers, int(self.noemer[totaal]))

    def _noemers_kloppen(self, delen: list[int], totaal: int) -> bool:
        """True when the parts' noemers (shown) add up exactly to the total's noemer."""
        noemer = pd.to_numeric(self.df["noemer"], errors="coerce").to_numpy(dtype=float)
        waarden = noemer[delen]
        return bool(np.isfinite(waarden).all() and np.isclose(waarden.sum(), noemer[totaal]))

    def _perioden(self) -> None:
        per = self.df["periode"].astype(str).to_numpy()
        if not any(len(p) == 4 for p in per):
            return
        d = self.df
        sleutel = [d["indicator"], d["regio_code"], self.gem, self.cat, d["periode"].str[:4]]
        for rijen in groepen(sleutel):
            per_p = {per[r]: int(r) for r in rijen}
            jaar = per[rijen[0]][:4]
            if {jaar, f"{jaar}H1", f"{jaar}H2"} <= per_p.keys():
                self._paar([per_p[f"{jaar}H1"], per_p[f"{jaar}H2"]], per_p[jaar], "periode")

    def met_cel(self, cel: int) -> Iterator[tuple[str, list[int], int | None]]:
        """The relations a cell is in."""
        for i in self.per_cel.get(cel, []):
            yield self.lijst[i]

    def aantal_verborgen(self, rel: tuple[str, list[int], int | None], verborgen) -> int:
        """How many cells of a relation are hidden."""
        return int(verborgen[rel[1]].sum()) + int(rel[2] is not None and bool(verborgen[rel[2]]))


def afleidbaar(relaties: Relaties, verborgen: np.ndarray) -> list[int]:
    """The hidden cells whose value follows exactly from the shown cells and the relations."""
    betrokken = [
        (delen, totaal)
        for _, delen, totaal in relaties.lijst
        if verborgen[delen].any() or (totaal is not None and verborgen[totaal])
    ]
    if not betrokken:
        return []
    # Connected groups of hidden cells (union-find), then one null space per group.
    ouder: dict[int, int] = {}

    def wortel(c: int) -> int:
        while ouder.setdefault(c, c) != c:
            ouder[c] = ouder[ouder[c]]
            c = ouder[c]
        return c

    rijen = []
    for delen, totaal in betrokken:
        rij = {c: 1.0 for c in delen if verborgen[c]}
        if totaal is not None and verborgen[totaal]:
            rij[totaal] = rij.get(totaal, 0.0) - 1.0
        rijen.append(rij)
        cellen = list(rij)
        for c in cellen[1:]:
            ouder[wortel(c)] = wortel(cellen[0])
        wortel(cellen[0])
    groepen: dict[int, list[dict[int, float]]] = {}
    for rij in rijen:
        groepen.setdefault(wortel(next(iter(rij))), []).append(rij)
    uit = []
    for groep in groepen.values():
        cellen = sorted({c for rij in groep for c in rij})
        plek = {c: i for i, c in enumerate(cellen)}
        a = np.zeros((len(groep), len(cellen)))
        for i, rij in enumerate(groep):
            for c, w in rij.items():
                a[i, plek[c]] = w
        _, s, vt = np.linalg.svd(a)
        rang = int((s > 1e-9).sum())
        nul = vt[rang:]
        uit += [c for c in cellen if not (np.abs(nul[:, plek[c]]) > 1e-9).any()]
    return sorted(uit)


def celwaarden(df: pd.DataFrame) -> np.ndarray:
    """The value of every cell (tellers, then noemers); a missing teller read from waarde."""
    teller = pd.to_numeric(df["teller"], errors="coerce").to_numpy(dtype=float)
    waarde = pd.to_numeric(df["waarde"], errors="coerce").to_numpy(dtype=float)
    noemer = pd.to_numeric(df["noemer"], errors="coerce").to_numpy(dtype=float)
    factor = df["eenheid"].astype("string").map({"%": 100.0, INWONERS: 10_000.0})
    factor = pd.to_numeric(factor, errors="coerce").fillna(1.0).to_numpy(dtype=float)
    uit_waarde = np.where(np.isfinite(noemer) & (factor > 1), waarde * noemer / factor, waarde)
    return np.concatenate([np.where(np.isfinite(teller), teller, uit_waarde), noemer])


def partner(relaties: Relaties, cel: int, verborgen: np.ndarray, waarden: np.ndarray) -> int | None:
    """The cell to hide so that ``cel`` is no longer derivable (None: none can be hidden)."""
    rels = sorted(
        relaties.met_cel(cel),
        key=lambda r: (relaties.aantal_verborgen(r, verborgen) != 1, SOORTEN.index(r[0])),
    )
    for _, delen, totaal in rels:
        zichtbaar = [c for c in delen if not verborgen[c] and np.isfinite(waarden[c])]
        for keuze in ([c for c in zichtbaar if waarden[c] > 0], zichtbaar):
            if keuze:
                return min(keuze, key=lambda c: (waarden[c], c))
        if totaal is not None and not verborgen[totaal] and np.isfinite(waarden[totaal]):
            return totaal
    return None


def aanvullend(
    df: pd.DataFrame, rij_weg: np.ndarray, noemer_weg: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rows to suppress and noemers to withhold once no withheld cell is derivable.

    ``rij_weg`` and ``noemer_weg`` are the primary choices (boolean, one per row); ``df`` still
    holds the values. Returns both, extended.

    Examples
    --------
    >>> t = pd.DataFrame({"indicator": "melder_type", "regio_code": "VT01", "periode": "2024H1",
    ...     "categorie": ["a", "b", "c"], "waarde": [5.0, 20.0, 75.0], "teller": [5, 20, 75],
    ...     "noemer": 100, "eenheid": "%"})
    >>> rij, _ = aanvullend(t, np.array([True, False, False]), np.zeros(3, dtype=bool))
    >>> rij.tolist()
    [True, True, False]
    """
    rij_weg = np.asarray(rij_weg, dtype=bool).copy()
    noemer_weg = np.asarray(noemer_weg, dtype=bool).copy()
    if not rij_weg.any():
        return rij_weg, noemer_weg
    if "indicator" in df:
        # Relations never cross indicators: only those with a withheld cell need work.
        ind = df["indicator"].astype("string").fillna("").to_numpy()
        deel = np.isin(ind, np.unique(ind[rij_weg | noemer_weg]))
        if not deel.all():
            rij, noemer = aanvullend(df[deel], rij_weg[deel], noemer_weg[deel])
            rij_weg[deel], noemer_weg[deel] = rij, noemer
            return rij_weg, noemer_weg
    n = len(df)
    rel = Relaties(df)
    waarden = celwaarden(rel.df)
    drager = rel.noemer - n  # the row whose noemer cell each row uses (negative: none)
    onbeschermd: set[int] = set()
    while True:
        verborgen = np.zeros(2 * n, dtype=bool)
        verborgen[:n] = rij_weg
        met = drager >= 0
        np.logical_or.at(verborgen, rel.noemer[met], noemer_weg[met])
        open_ = [c for c in afleidbaar(rel, verborgen) if c not in onbeschermd]
        if not open_:
            return rij_weg, noemer_weg
        # A partner for every cell that is still alone in a relation; when there is none, for
        # the first cell (derivable only from a combination of relations).
        alleen = [
            c for c in open_ if any(rel.aantal_verborgen(r, verborgen) == 1 for r in rel.met_cel(c))
        ]
        for cel in alleen or open_[:1]:
            if cel in alleen and not any(
                rel.aantal_verborgen(r, verborgen) == 1 for r in rel.met_cel(cel)
            ):
                continue  # an earlier partner in this round protects it already
            keuze = partner(rel, cel, verborgen, waarden)
            if keuze is None:
                onbeschermd.add(cel)
                continue
            if keuze < n:
                rij_weg[keuze] = True
            else:
                dragers = drager == keuze - n
                rij_weg |= dragers
                noemer_weg |= dragers
            verborgen[keuze] = True
            verborgen[:n] |= rij_weg
