"""The indicator catalogue: every indicator of the monitor, documented.

Source: ``data/catalogus.csv`` (compiled from the committee's advice, its final report and the
CBS dashboard; see ``data/catalogus_BRON.md``). One row per indicator.

Examples
--------
>>> indicator("meldingen").eenheid
'aantal'
>>> "hermeldingen" in zoek("hermelding")["id"].tolist()
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .fouten import OnbekendeIndicator, OnbekendeKeuze, bedoelde_je, suggesties
from .paden import data_pad

THEMAS: dict[str, str] = {
    "omvang": "Omvang huiselijk geweld en kindermishandeling",
    "aard_kenmerken": "Aard en kenmerken",
    "eerder_signaleren": "Eerder signaleren en bespreken",
    "bereik_vt": "Vergroting bereik Veilig Thuis",
    "zorg_veiligheid": "Verbinding zorg en veiligheid",
    "hulp_samenwerking": "Samenhangende hulp en samenwerking",
    "outcome": "Verbetering outcome",
}
LAGEN = ("structuur", "proces", "resultaat")
EENHEDEN = ("aantal", "%", "per 10.000 inwoners", "score", "gemiddelde")
BESCHIKBAARHEID = {
    "registratie": "geregistreerd (periodiek)",
    "onderzoek": "uit onderzoek",
    "nog_niet_meetbaar": "nog niet meetbaar",
}
RICHTINGEN = {
    "hoger_beter": "hoger is beter",
    "lager_beter": "lager is beter",
    "geen": "geen richting",
}
NIVEAUS = ("landelijk", "regionaal", "gemeente")
FREQUENTIES = (
    "halfjaarlijks",
    "jaarlijks",
    "tweejaarlijks",
    "vierjaarlijks",
    "eenmalig",
    "nog niet bepaald",
)
KOLOMMEN = [
    "id",
    "naam",
    "thema",
    "laag",
    "bron",
    "frequentie",
    "niveaus",
    "eenheid",
    "teller",
    "noemer",
    "beschikbaarheid",
    "cbs_tabel",
    "richting",
    "uitleg",
    "definitie",
    "beperking",
    "categorieen",
    "licentie",
    "vindplaats",
]


@dataclass(frozen=True)
class Indicator:
    """One indicator with its documentation."""

    id: str
    naam: str
    thema: str
    laag: str
    bron: str
    frequentie: str
    niveaus: tuple[str, ...]
    eenheid: str
    teller: str
    noemer: str
    beschikbaarheid: str
    cbs_tabel: tuple[str, ...]
    richting: str
    uitleg: str
    definitie: str
    beperking: str
    categorieen: tuple[str, ...]
    licentie: str

    @property
    def is_regionaal(self) -> bool:
        return "regionaal" in self.niveaus

    @property
    def is_verdeling(self) -> bool:
        """A distribution over categories (shares that add up to 100 %)."""
        return bool(self.categorieen)

    @property
    def is_aandeel(self) -> bool:
        return self.eenheid == "%"

    @property
    def is_ratio(self) -> bool:
        return self.eenheid == "per 10.000 inwoners"

    @property
    def thema_naam(self) -> str:
        return THEMAS[self.thema]

    def beschrijving(self) -> str:
        """A short Dutch description for notebooks and reports."""
        delen = [
            f"{self.naam} ({self.id})",
            f"  {self.uitleg}",
            f"  Thema: {self.thema_naam}; eenheid: {self.eenheid}; bron: {self.bron}; "
            f"{self.frequentie}; niveau: {', '.join(self.niveaus)}.",
        ]
        if self.teller:
            delen.append(f"  Teller: {self.teller}. Noemer: {self.noemer}.")
        if self.cbs_tabel:
            delen.append(f"  CBS-tabel: {', '.join(self.cbs_tabel)}.")
        delen.append(f"  Let op: {self.beperking}")
        return "\n".join(delen)

    def __str__(self) -> str:
        return self.beschrijving()


def _splits(waarde: object) -> tuple[str, ...]:
    if not isinstance(waarde, str) or not waarde.strip():
        return ()
    return tuple(d.strip() for d in waarde.split(";") if d.strip())


@lru_cache(maxsize=1)
def monitor_catalogus() -> pd.DataFrame:
    """The monitor's own indicators (``catalogus.csv``), without local ones; shared, do not change."""
    df = pd.read_csv(data_pad("catalogus.csv"), dtype="string", keep_default_na=False)
    return df[KOLOMMEN]


# Local (proces)indicators a region declared for this session (see impactkit.bronnen.lokaal). This is
# the kit's one piece of session state: it is only changed by an explicit call to
# impactkit.lokale_indicatoren(...) and can be emptied with vergeet_lokale_indicatoren().
_LOKAAL: dict[str, dict[str, str]] = {}


def _laad() -> pd.DataFrame:
    if not _LOKAAL:
        return monitor_catalogus()
    lokaal = pd.DataFrame(list(_LOKAAL.values()), columns=KOLOMMEN).astype("string")
    return pd.concat([monitor_catalogus(), lokaal], ignore_index=True)


def registreer(rijen: list[dict[str, str]]) -> None:
    """Add checked local indicator rows to the session catalogue (used by impactkit.bronnen.lokaal)."""
    for rij in rijen:
        _LOKAAL[rij["id"]] = {k: rij.get(k, "") for k in KOLOMMEN}
    _indicator.cache_clear()


def vergeet_lokale_indicatoren() -> None:
    """Remove all local indicators from the session catalogue."""
    _LOKAAL.clear()
    _indicator.cache_clear()


def catalogus() -> pd.DataFrame:
    """The catalogue as a table, one row per indicator (columns: ``id``, ``naam``, ``thema``, ...).

    ``thema_naam`` gives the theme's full Dutch name.

    Examples
    --------
    >>> cat = catalogus()
    >>> cat.loc[cat["id"] == "ots_per_10000", "eenheid"].item()
    'per 10.000 inwoners'
    """
    df = _laad().copy()
    df.insert(3, "thema_naam", df["thema"].map(THEMAS).astype("string"))
    return df


def ids() -> list[str]:
    """All indicator ids."""
    return _laad()["id"].tolist()


def indicator(id: str | Indicator) -> Indicator:
    """Look up one indicator by id; unknown ids get the closest ids suggested.

    Examples
    --------
    >>> indicator("acuut_structureel_onveilig").eenheid
    '%'
    """
    if isinstance(id, Indicator):
        return id
    return _indicator(str(id))


@lru_cache(maxsize=256)
def _indicator(id: str) -> Indicator:
    """Cached lookup (indicators are immutable); unknown ids raise without being cached."""
    df = _laad()
    treffer = df[df["id"] == id.strip().lower()]
    if treffer.empty:
        # Suggest ids; a match on a name is translated to its id.
        naar_id = dict(zip(df["naam"], df["id"])) | dict(zip(df["id"], df["id"]))
        treffers = suggesties(str(id), list(naar_id), n=5)
        voorstel = list(dict.fromkeys(naar_id[t] for t in treffers))[:3]
        hint = " Bedoelde je: " + ", ".join(f"'{v}'" for v in voorstel) + "?" if voorstel else ""
        raise OnbekendeIndicator(
            f"Indicator '{id}' staat niet in de catalogus.{hint or ''} "
            "Zoek met impactkit.zoek('trefwoord') of bekijk impactkit.catalogus()."
        )
    r = treffer.iloc[0]
    return Indicator(
        id=r["id"],
        naam=r["naam"],
        thema=r["thema"],
        laag=r["laag"],
        bron=r["bron"],
        frequentie=r["frequentie"],
        niveaus=_splits(r["niveaus"]),
        eenheid=r["eenheid"],
        teller=r["teller"],
        noemer=r["noemer"],
        beschikbaarheid=r["beschikbaarheid"],
        cbs_tabel=_splits(r["cbs_tabel"]),
        richting=r["richting"],
        uitleg=r["uitleg"],
        definitie=r["definitie"],
        beperking=r["beperking"],
        categorieen=_splits(r["categorieen"]),
        licentie=r["licentie"],
    )


def selecteer(
    thema: str | None = None,
    bron: str | None = None,
    niveau: str | None = None,
    beschikbaarheid: str | None = None,
    laag: str | None = None,
) -> pd.DataFrame:
    """Filter the catalogue; every argument is optional and combines with the others.

    ``bron`` matches part of the source name (``"politie"`` finds 'Politie').

    Examples
    --------
    >>> set(selecteer(thema="bereik_vt", niveau="regionaal")["thema"])
    {'bereik_vt'}
    """
    df = catalogus()
    if thema is not None:
        if thema not in THEMAS:
            raise OnbekendeKeuze(
                f"Thema '{thema}' bestaat niet.{bedoelde_je(thema, THEMAS)} "
                f"Kies uit: {', '.join(THEMAS)}."
            )
        df = df[df["thema"] == thema]
    if bron is not None:
        df = df[df["bron"].str.lower().str.contains(bron.lower(), regex=False)]
    if niveau is not None:
        if niveau not in NIVEAUS:
            raise OnbekendeKeuze(f"Niveau '{niveau}' bestaat niet. Kies uit: {', '.join(NIVEAUS)}.")
        df = df[df["niveaus"].str.split(";").map(lambda n: niveau in n)]
    if beschikbaarheid is not None:
        if beschikbaarheid not in BESCHIKBAARHEID:
            raise OnbekendeKeuze(
                f"Beschikbaarheid '{beschikbaarheid}' bestaat niet. "
                f"Kies uit: {', '.join(BESCHIKBAARHEID)}."
            )
        df = df[df["beschikbaarheid"] == beschikbaarheid]
    if laag is not None:
        if laag not in LAGEN:
            raise OnbekendeKeuze(f"Laag '{laag}' bestaat niet. Kies uit: {', '.join(LAGEN)}.")
        df = df[df["laag"] == laag]
    return df.reset_index(drop=True)


def zoek(tekst: str) -> pd.DataFrame:
    """Free-text search in id, name, explanation, definition, source and CBS table.

    Every word must occur somewhere in the row (case-insensitive).

    Examples
    --------
    >>> "politiemeldingen" in zoek("politie")["id"].tolist()
    True
    """
    df = catalogus()
    velden = ["id", "naam", "uitleg", "definitie", "bron", "cbs_tabel", "thema_naam", "categorieen"]
    tekstblok = df[velden].fillna("").agg(" ".join, axis=1).str.lower()
    masker = pd.Series(True, index=df.index)
    for woord in str(tekst).lower().split():
        masker &= tekstblok.str.contains(woord, regex=False)
    return df[masker].reset_index(drop=True)


def overzicht(thema: str | None = None) -> pd.DataFrame:
    """A compact display table (for the book and notebooks): one row per indicator."""
    df = catalogus() if thema is None else selecteer(thema=thema)
    uit = df[["id", "naam", "thema_naam", "bron", "frequentie", "niveaus", "eenheid"]].copy()
    uit["beschikbaarheid"] = df["beschikbaarheid"].map(BESCHIKBAARHEID)
    uit["niveaus"] = uit["niveaus"].str.replace(";", ", ")
    return uit.rename(columns={"thema_naam": "thema"})
