"""The Veilig Thuis regions: codes, names, population, gemeenten and name resolution.

Reference data: ``data/referentie/vt_regions.csv`` and ``gemeente_vt.csv`` (CBS gebiedsindeling
2022, CC BY 4.0, see ``data/referentie/BRON.md``). The registry holds Nederland (``NL01``), the 26
regions VT01-VT26 of the 2022 division, and VT27 Oost-Brabant, which CBS uses from 2023 for the
merged VT16 Brabant Noordoost + VT26 Zuidoost-Brabant (VT15 is then called Midden-Brabant).
Which years a region exists and which name it has when come from the crosswalk
``data/cbs/regio_overgangen.csv``: a region is called by the name valid in the period shown
(:meth:`Regio.naam_in`, :func:`regionaam`); older names and the organisations' own names
('Hart van Brabant') stay aliases.

Examples
--------
>>> regio("zaanstreek waterland (VT)").code
'VT22'
>>> regio("Hart van Brabant").naam
'Noord-Brabant Midden'
>>> regio("Hart van Brabant").naam_in("2024H1")
'Midden-Brabant'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .fouten import DataFout, OnbekendeRegio, bedoelde_je, soort_invoer, suggesties
from .onderdrukking import onderdruk
from .paden import data_pad
from .perioden import Periode

NEDERLAND = "NL01"

# Names as CBS StatLine writes them (without the ' (VT)' suffix). The 2022 gebiedsindeling
# spells VT21 'West-brabant'; StatLine and the regions themselves write 'West-Brabant'.
_NAAM_CORRECTIES = {"VT21": "West-Brabant"}

# Other names people use for a region: the organisation's own name, the veiligheidsregio's
# name, and the names CBS uses from 2023. Keys are free text; they are normalised on use.
ALTERNATIEVE_NAMEN: dict[str, str] = {
    "Hart van Brabant": "VT15",
    "Midden-Brabant": "VT15",
    "Midden-en West-Brabant": "VT21",
    "Limburg-Noord": "VT13",
    "Noord- en Midden-Limburg": "VT13",
    "Noord-Limburg": "VT13",
    "Limburg-Zuid": "VT25",
    "Fryslân": "VT04",
    "Brabant-Noord": "VT16",
    "Brabant-Zuidoost": "VT26",
    "Noord-Holland-Noord": "VT17",
    "Rijnmond": "VT18",
    "Amsterdam": "VT01",
    "Den Haag": "VT09",
    "Nederland": NEDERLAND,
    "Landelijk": NEDERLAND,
    "NL": NEDERLAND,
}


# The 13 regions where the Verwey-Jonker cohort study measured outcomes after a melding (Q&A of
# the Impactmonitor, 2022). Outcome indicators exist only for these regions.
COHORTREGIOS: tuple[str, ...] = (
    "Amsterdam-Amstelland",
    "Brabant Noordoost",
    "Flevoland",
    "Gooi en Vechtstreek",
    "Groningen",
    "Haaglanden",
    "IJsselland",
    "Kennemerland",
    "Noord-Brabant Midden",
    "Rotterdam-Rijnmond",
    "Twente",
    "Utrecht",
    "Zaanstreek-Waterland",
)


@dataclass(frozen=True)
class Regio:
    """One region of the registry."""

    code: str
    naam: str
    inwoners: int
    inwoners_jaar: int
    soort: str  # 'land' or 'vt'
    geldig_van: int | None = None  # first year CBS uses the region (None: from the start)
    geldig_tot: int | None = None  # last year CBS uses the region (None: still in use)
    opgevolgd_door: str | None = None
    naam_vanaf_2023: str | None = None
    # Later names as (first year, name), from the crosswalk; ``naam`` holds before the first.
    latere_namen: tuple[tuple[int, str], ...] = ()

    @property
    def cbs_label(self) -> str:
        """The label in CBS StatLine tables, e.g. 'Zaanstreek-Waterland (VT)'."""
        return self.naam if self.soort == "land" else f"{self.naam} (VT)"

    def naam_in(self, periode: str | int | Periode) -> str:
        """The region's name in a period: VT15 is 'Midden-Brabant' from 2023.

        Examples
        --------
        >>> regio("VT15").naam_in("2022H2"), regio("VT15").naam_in("2023H1")
        ('Noord-Brabant Midden', 'Midden-Brabant')
        >>> regio("Twente").naam_in("2024")
        'Twente'
        """
        jaar = Periode.parse(periode).jaar
        naam = self.naam
        for vanaf, later in self.latere_namen:
            if jaar >= vanaf:
                naam = later
        return naam

    def geldig_in(self, periode: str | int | Periode) -> bool:
        """Whether CBS reports the region in this period (VT16 and VT26 until 2022, VT27 from 2023).

        Examples
        --------
        >>> regio("VT16").geldig_in("2022H2"), regio("VT16").geldig_in("2023H1")
        (True, False)
        """
        jaar = Periode.parse(periode).jaar
        return (self.geldig_van is None or jaar >= self.geldig_van) and (
            self.geldig_tot is None or jaar <= self.geldig_tot
        )

    def overgang_in(self, periode: str | int | Periode) -> str:
        """Why the region has no figures of its own in a period (empty when it has them).

        Examples
        --------
        >>> regio("VT26").overgang_in("2024H1")  # doctest: +ELLIPSIS
        'Zuidoost-Brabant (VT26) bestaat vanaf 2023 niet meer als aparte regio: het CBS telt ...'
        """
        if self.geldig_in(periode):
            return ""
        if self.geldig_tot is not None and self.opgevolgd_door:
            opvolger = regio(self.opgevolgd_door)
            return (
                f"{self.naam} ({self.code}) bestaat vanaf {self.geldig_tot + 1} niet meer als "
                f"aparte regio: het CBS telt de cijfers mee bij {opvolger.naam} "
                f"({opvolger.code}). Kies {opvolger.naam} of een periode tot en met "
                f"{self.geldig_tot}."
            )
        return (
            f"{self.naam} ({self.code}) bestaat pas vanaf {self.geldig_van}. Kies een periode "
            f"vanaf {self.geldig_van}, of maak de cijfers vergelijkbaar met "
            f"impactkit.maak_vergelijkbaar(data, '{self.code}')."
        )

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


def normaliseer_naam(tekst: str) -> str:
    """Fold case, accents, hyphens, the CBS '(VT)' suffix and spacing for name matching."""
    tekst = unicodedata.normalize("NFKD", str(tekst)).encode("ascii", "ignore").decode()
    tekst = tekst.lower().strip()
    for achtervoegsel in ("(vt)", "(veilig thuis)"):
        tekst = tekst.replace(achtervoegsel, " ")
    if tekst.startswith("veilig thuis "):
        tekst = tekst[len("veilig thuis ") :]
    for teken in "-_/.,'":
        tekst = tekst.replace(teken, " ")
    return " ".join(tekst.split())


@lru_cache(maxsize=1)
def regioregister() -> tuple[Regio, ...]:
    """Nederland and every VT region (VT27 too) as :class:`Regio`, read once."""
    ruw = pd.read_csv(
        data_pad("referentie", "vt_regions.csv"),
        dtype={"vt_code": "string", "vt_name": "string", "population": "Int64"},
    )
    # Validity and later names follow the crosswalk of region changes.
    overgang = regio_overgangen()
    samen = overgang[overgang["soort"] == "samenvoeging"]
    hernoemd = overgang[overgang["soort"] == "naamswijziging"]
    regios = []
    for rij in ruw.itertuples(index=False):
        code = str(rij.vt_code)
        naam = _NAAM_CORRECTIES.get(code, str(rij.vt_name))
        geldig_van = geldig_tot = opvolger = None
        weg = samen[samen["van_code"] == code]
        if len(weg):
            geldig_tot, opvolger = int(weg["vanaf_jaar"].min()) - 1, str(weg["naar_code"].iloc[0])
        nieuw = samen[samen["naar_code"] == code]
        if len(nieuw):
            geldig_van = int(nieuw["vanaf_jaar"].min())
        namen = hernoemd[hernoemd["van_code"] == code].sort_values("vanaf_jaar")
        latere = tuple((int(r.vanaf_jaar), str(r.naar_naam)) for r in namen.itertuples())
        later = next((n for j, n in reversed(latere) if j <= 2023), None)
        regios.append(
            Regio(
                code=code,
                naam=naam,
                inwoners=int(rij.population),
                inwoners_jaar=int(rij.population_year),
                soort="vt",
                geldig_van=geldig_van,
                geldig_tot=geldig_tot,
                opgevolgd_door=opvolger,
                naam_vanaf_2023=later,
                latere_namen=latere,
            )
        )
    # Nederland = the 26 regions of the 2022 division (VT27 overlaps VT16 + VT26).
    totaal = sum(r.inwoners for r in regios if r.code != "VT27")
    land = Regio(NEDERLAND, "Nederland", totaal, regios[0].inwoners_jaar, "land")
    return (land, *regios)


def regios(alle: bool = False, periode: str | int | Periode | None = None) -> pd.DataFrame:
    """Regions as a table: Nederland and the 26 VT regions (``alle=True`` adds VT27).

    With ``periode``: Nederland and the regions CBS reports in that period, each with the name
    valid then (from 2023: 25 regions, VT27 Oost-Brabant instead of VT16 and VT26, and VT15
    called Midden-Brabant); ``alle`` is then ignored.

    Columns: ``code``, ``naam``, ``cbs_label``, ``inwoners``, ``inwoners_jaar``, ``soort``,
    ``geldig_van``, ``geldig_tot``, ``opgevolgd_door``, ``naam_vanaf_2023``.

    Examples
    --------
    >>> regios().query("soort == 'vt'").shape[0]
    26
    >>> regios(periode="2024H1").query("soort == 'vt'").shape[0]
    25
    >>> regios(periode="2024H1").set_index("code").loc["VT15", "naam"]
    'Midden-Brabant'
    """
    if periode is not None:
        gekozen = [r for r in regioregister() if r.geldig_in(periode)]
    else:
        gekozen = [r for r in regioregister() if alle or r.code != "VT27"]
    rijen = [
        {
            "code": r.code,
            "naam": r.naam if periode is None else r.naam_in(periode),
            "cbs_label": r.cbs_label
            if periode is None or r.soort == "land"
            else f"{r.naam_in(periode)} (VT)",
            "inwoners": r.inwoners,
            "inwoners_jaar": r.inwoners_jaar,
            "soort": r.soort,
            "geldig_van": r.geldig_van,
            "geldig_tot": r.geldig_tot,
            "opgevolgd_door": r.opgevolgd_door,
            "naam_vanaf_2023": r.naam_vanaf_2023,
        }
        for r in gekozen
    ]
    df = pd.DataFrame(rijen)
    df["geldig_van"] = df["geldig_van"].astype("Int64")
    df["geldig_tot"] = df["geldig_tot"].astype("Int64")
    return df.astype({"code": "string", "naam": "string", "cbs_label": "string"})


def vt_codes(periode: str | int | Periode | None = None) -> list[str]:
    """The 26 region codes of the 2022 division, VT01..VT26; with ``periode``: those CBS
    reports in that period (from 2023 the 25 codes with VT27)."""
    if periode is not None:
        return [r.code for r in regioregister() if r.soort == "vt" and r.geldig_in(periode)]
    return [r.code for r in regioregister() if r.soort == "vt" and r.code != "VT27"]


def regionaam(naam_of_code: str | Regio, periode: str | int | Periode) -> str:
    """The name of a region as it is called in a period (any name, alias or code accepted).

    Use it wherever a region is named for a period: VT15 is 'Noord-Brabant Midden' up to 2022
    and 'Midden-Brabant' from 2023; 'Hart van Brabant' (the organisation) stays an alias.

    Examples
    --------
    >>> regionaam("Hart van Brabant", "2024H1")
    'Midden-Brabant'
    >>> regionaam("VT15", "2021H1")
    'Noord-Brabant Midden'
    """
    return regio(naam_of_code).naam_in(periode)


@lru_cache(maxsize=1)
def _naamindex() -> dict[str, str]:
    index: dict[str, str] = {}
    for r in regioregister():
        index[normaliseer_naam(r.code)] = r.code
        index[normaliseer_naam(r.naam)] = r.code
        for _, later in r.latere_namen:
            index[normaliseer_naam(later)] = r.code
    ruw = pd.read_csv(data_pad("referentie", "vt_regions.csv"), dtype="string")
    for rij in ruw.itertuples(index=False):
        index.setdefault(normaliseer_naam(rij.vt_name), str(rij.vt_code))
        # A veiligheidsregio name is an alias only when it maps to a single VT region.
        vr = rij.veiligheidsregio_name
        if isinstance(vr, str) and (ruw["veiligheidsregio_name"] == vr).sum() == 1:
            index.setdefault(normaliseer_naam(vr), str(rij.vt_code))
    for alias, code in ALTERNATIEVE_NAMEN.items():
        index.setdefault(normaliseer_naam(alias), code)
    return index


def regio(naam_of_code: str | Regio) -> Regio:
    """Find a region by name or code, forgiving case, hyphens, spacing and '(VT)'.

    Unknown names raise :class:`OnbekendeRegio` with the closest region names suggested.

    Examples
    --------
    >>> regio("VT22").naam
    'Zaanstreek-Waterland'
    >>> regio("Limburg-Noord").code
    'VT13'
    """
    if isinstance(naam_of_code, Regio):
        return naam_of_code
    if not isinstance(naam_of_code, str) or not naam_of_code.strip():
        raise OnbekendeRegio(
            f"Geef een regionaam of -code als tekst, bv. 'Zaanstreek-Waterland' of 'VT22' "
            f"(kreeg {soort_invoer(naam_of_code)})."
        )
    sleutel = normaliseer_naam(naam_of_code)
    index = _naamindex()
    nummer = sleutel.replace(" ", "").removeprefix("vt")
    if nummer.isdigit() and 1 <= int(nummer) <= 27:  # 5, 05, vt5, VT 05
        sleutel = f"vt{int(nummer):02d}"
    code = index.get(sleutel)
    if code is None:
        gm = _gemeenten()
        als_gemeente = gm[gm["naam"].map(normaliseer_naam) == sleutel]
        if not als_gemeente.empty:
            r = regio(str(als_gemeente["regio_code"].iloc[0]))
            raise OnbekendeRegio(
                f"'{naam_of_code}' is een gemeente, geen Veilig Thuis-regio. De gemeente hoort bij "
                f"de regio '{r.naam}' ({r.code}); gebruik die."
            )
        bijna = suggesties(naam_of_code, gm["naam"].tolist(), n=1, cutoff=0.85)
        if bijna:
            r = gemeente_regio(bijna[0])
            raise OnbekendeRegio(
                f"Regio '{naam_of_code}' is onbekend. Bedoelde je de gemeente '{bijna[0]}'? Die "
                f"hoort bij de Veilig Thuis-regio '{r.naam}' ({r.code})."
            )
        namen = [r.naam for r in regioregister()]
        hint = bedoelde_je(naam_of_code, namen + list(ALTERNATIEVE_NAMEN))
        if not hint:
            hint = " Bekijk de geldige namen met impactkit.regios()."
        raise OnbekendeRegio(f"Regio '{naam_of_code}' is onbekend.{hint}")
    return next(r for r in regioregister() if r.code == code)


@lru_cache(maxsize=1)
def _gemeenten() -> pd.DataFrame:
    ruw = pd.read_csv(data_pad("referentie", "gemeente_vt.csv"), dtype="string")
    naar_code = {normaliseer_naam(r.naam): r.code for r in regioregister()}
    naar_code.update({normaliseer_naam(n): c for n, c in ALTERNATIEVE_NAMEN.items()})
    ruw["regio_code"] = [naar_code[normaliseer_naam(n)] for n in ruw["vt_name"]]
    return ruw.rename(columns={"gemeente_code": "code", "gemeente_name": "naam"})[
        ["code", "naam", "regio_code"]
    ].astype("string")


def gemeenten(regio_naam_of_code: str | None = None) -> pd.DataFrame:
    """Gemeenten (2022 division) with their VT region; optionally only those of one region.

    Examples
    --------
    >>> sorted(gemeenten("Zaanstreek-Waterland")["naam"])[:2]
    ['Edam-Volendam', 'Landsmeer']
    """
    df = _gemeenten().copy()
    if regio_naam_of_code is not None:
        df = df[df["regio_code"] == regio(regio_naam_of_code).code]
    return df.reset_index(drop=True)


def gemeente_regio(gemeente: str) -> Regio:
    """The VT region a gemeente (name or GM code) belongs to."""
    if not isinstance(gemeente, str) or not gemeente.strip():
        raise OnbekendeRegio(
            f"Geef een gemeentenaam of GM-code als tekst, bv. 'Tilburg' of 'GM0855' "
            f"(kreeg {soort_invoer(gemeente)})."
        )
    df = _gemeenten()
    sleutel = normaliseer_naam(gemeente)
    treffer = df[
        (df["naam"].map(normaliseer_naam) == sleutel) | (df["code"].str.lower() == sleutel)
    ]
    if treffer.empty:
        hint = bedoelde_je(gemeente, df["naam"].tolist()) or " Zie impactkit.gemeenten()."
        raise OnbekendeRegio(f"Gemeente '{gemeente}' is onbekend (indeling 2022).{hint}")
    return regio(str(treffer["regio_code"].iloc[0]))


def cohortregios() -> pd.DataFrame:
    """The 13 regions with outcome data from the cohort study (code and name).

    Examples
    --------
    >>> len(cohortregios())
    13
    """
    codes = [regio(n).code for n in COHORTREGIOS]
    tabel = regios()
    return tabel[tabel["code"].isin(codes)].reset_index(drop=True)[["code", "naam"]]


# -- Region changes over time (the crosswalk) --------------------------------------------------
def _als_float(reeks: pd.Series) -> pd.Series:
    """Numbers as plain float64 with NaN for missing (pd.NA, None)."""
    getallen = pd.to_numeric(reeks.astype(object).where(reeks.notna(), None), errors="coerce")
    return pd.Series(
        getallen.astype("Float64").to_numpy(dtype=float, na_value=float("nan")), index=reeks.index
    )


def regio_overgangen() -> pd.DataFrame:
    """The crosswalk of Veilig Thuis-regions over time (``data/cbs/regio_overgangen.csv``)."""
    df = pd.read_csv(data_pad("cbs", "regio_overgangen.csv"), dtype="string", keep_default_na=False)
    return df.astype({"vanaf_jaar": "int64"})


def maak_vergelijkbaar(df: pd.DataFrame, naar: str = "VT27") -> pd.DataFrame:
    """Make a region's series comparable across a region change.

    For ``naar='VT27'`` (Oost-Brabant, from 2023) the counts of Brabant Noordoost (VT16) and
    Zuidoost-Brabant (VT26) before 2023 are added up (teller and noemer) into VT27 rows, and
    percentages and rates are computed again from the sums; from 2023 the VT27 rows CBS
    publishes are kept. VT16 and VT26 rows then leave the table. A period is only aggregated
    when every old region has the row; a withheld part makes the sum withheld. Indicators
    without counts (scores, averages) cannot be added up and get no aggregated value.
    ``naar='VT15'`` only notes the new name (Midden-Brabant). Every row of the region gets the
    column ``regio_overgang`` explaining the change (empty for other regions); the same text is
    in ``df.attrs["regio_overgang"]`` for charts and reports.
    """
    doel = regio(naar).code
    overgang = regio_overgangen()
    rijen = overgang[overgang["naar_code"] == doel]
    if rijen.empty:
        bekend = sorted(set(overgang["naar_code"]))
        raise DataFout(
            f"Voor {doel} is geen regio-overgang bekend. Bekend: {', '.join(bekend)} "
            "(zie data/cbs/regio_overgangen.csv)."
        )
    vanaf = int(rijen["vanaf_jaar"].min())
    oud = [c for c in rijen["van_code"] if c != doel]
    namen = dict(zip(regios(alle=True)["code"], regios(alle=True)["naam"]))
    if not oud:
        r = rijen.iloc[0]
        tekst = (
            f"{r['van_naam']} ({doel}) heet vanaf {vanaf} {r['naar_naam']}; de code blijft {doel}."
        )
        uit = df.copy()
        uit["regio_overgang"] = pd.array(
            [tekst if c == doel else pd.NA for c in uit["regio_code"]], dtype="string"
        )
        uit.attrs["regio_overgang"] = tekst
        return uit
    tekst = (
        f"{namen[doel]} ({doel}) bestaat vanaf {vanaf}; de cijfers van eerdere perioden zijn "
        f"opgeteld uit {' en '.join(f'{namen[c]} ({c})' for c in oud)}."
    )
    jaar = df["periode"].astype("string").str[:4].astype(int)
    voor = df[df["regio_code"].isin(oud) & (jaar < vanaf)]
    sleutel = ["indicator", "periode", "categorie"]
    delen = voor.assign(categorie=voor["categorie"].fillna(""))
    g = delen.groupby(sleutel, sort=False)
    som = g.agg(
        regios=("regio_code", "nunique"),
        teller=("teller", lambda s: s.sum() if s.notna().all() else pd.NA),
        noemer=("noemer", lambda s: s.sum() if s.notna().all() else pd.NA),
        onderdrukt=("onderdrukt", "any"),
        voorlopig=("status", lambda s: (s == "voorlopig").any()),
        eenheid=("eenheid", "first"),
        herkomst=("herkomst", lambda s: ", ".join(sorted(set(s)))),
    ).reset_index()
    som = som[som["regios"] == len(oud)]
    factor = som["eenheid"].map({"%": 100.0, "per 10.000 inwoners": 10_000.0})
    teller = _als_float(som["teller"])
    noemer = _als_float(som["noemer"])
    waarde = pd.Series(float("nan"), index=som.index)
    waarde[som["eenheid"] == "aantal"] = teller
    deelbaar = factor.notna() & noemer.gt(0)
    waarde[deelbaar] = teller / noemer * factor
    nieuw = pd.DataFrame(
        {
            "indicator": som["indicator"],
            "regio_code": doel,
            "regio": namen[doel],
            "periode": som["periode"],
            "categorie": som["categorie"].replace("", pd.NA),
            "waarde": waarde,
            "teller": teller,
            "noemer": noemer,
            "eenheid": som["eenheid"],
            "status": som["voorlopig"].map({True: "voorlopig", False: "definitief"}),
            "onderdrukt": som["onderdrukt"].astype(bool),
            "herkomst": som["herkomst"],
        }
    )
    eigen = df[(df["regio_code"] == doel) & (jaar >= vanaf)]
    rest = df[~df["regio_code"].isin([*oud, doel])]
    samen = pd.concat(
        [rest, eigen, nieuw.astype(df.dtypes[nieuw.columns].to_dict())], ignore_index=True
    )
    for k in ("teller", "noemer"):
        samen[k] = pd.array([pd.NA if pd.isna(x) else round(x) for x in samen[k]], dtype="Int64")
    samen = onderdruk(samen.astype(df.dtypes[samen.columns].to_dict()))
    samen["regio_overgang"] = pd.array(
        [tekst if c == doel else pd.NA for c in samen["regio_code"]], dtype="string"
    )
    samen = samen.sort_values(["indicator", "regio_code", "periode"], kind="stable")
    samen = samen.reset_index(drop=True)
    samen.attrs = dict(df.attrs)
    samen.attrs["regio_overgang"] = tekst
    return samen
