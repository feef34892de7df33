"""Step 5 of the plan, *analyseren*: findings as data and as plain Dutch sentences.

:func:`analyseer` runs :func:`~impactkit.vergelijken.vergelijk` and
:func:`~impactkit.ontwikkeling.verloop` for a set of indicators and turns the comparisons into
findings: one row per finding with the numbers, the verdict (from :mod:`impactkit.oordelen`),
a Dutch sentence (``tekst``, see :mod:`impactkit.zinnen`) and the questions it raises for the
conversation with partners (``vragen``).

One analysis runs many tests (about 30 for ten indicators). The false discovery rate over all
of them is controlled with Benjamini–Hochberg: the verdict uses ``p_gecorrigeerd``, and the
table says in ``attrs`` how many tests were run and how many 'opvallend' findings chance alone
would give without that correction (:func:`samenvatting` prints it).
"""

from __future__ import annotations

import math

import pandas as pd

from .fouten import GeenWaarde, ImpactkitFout
from .indicatoren import indicator
from .laden import laad
from .ontwikkeling import verloop
from .oordelen import GEEN_GEGEVENS, TOETSWIJZE, is_opvallend
from .perioden import Periode
from .regioindeling import regio
from .vergelijken import Drempels, vergelijk
from .vragen import neutrale_vragen, vragen_bij
from .zinnen import (
    eigen_verandering,
    klein,
    richting_van,
    zin_aantal,
    zin_landelijk,
    zin_norm,
    zin_tijd,
    zin_verloop,
)

STANDAARD_INDICATOREN: list[str | tuple[str, str]] = [
    "acuut_structureel_onveilig",
    "meldingen_per_10000",
    "adviezen_per_10000",
    "professionals_aandeel",
    "hermeldingen",
    ("duur_geweld_meldingen", "> 5 jaar"),
    "ots_per_10000",
    "overdracht_rvdk",
    "overdracht_om",
    "overdracht_politie",
]

KOLOMMEN = [
    "regio_code",
    "regio",
    "periode",
    "indicator",
    "naam",
    "categorie",
    "vergelijking",
    "referentie",
    "waarde",
    "laag",
    "hoog",
    "referentiewaarde",
    "verschil",
    "p",
    "p_gecorrigeerd",
    "spreiding",
    "p_spreiding",
    "oordeel",
    "opvallend",
    "tekst",
    "vragen",
    "eenheid",
    "herkomst",
    "minimum",
    "landelijke_verandering",
]


TOETSBARE_VERGELIJKINGEN = ("landelijk", "vorige_periode", "jaar_eerder", "verloop")

CORRECTIE = (
    "per indicator: de vergelijkingen met Nederland, met eerdere perioden, de trend en het "
    "verloop tegenover het land zijn samen gecorrigeerd voor het aantal toetsen"
)
"""The stated family of the one correction, in plain Dutch (reports print it)."""


def analyseer(
    regio_naam: str,
    periode: str,
    indicatoren: list[str | tuple[str, str]] | None = None,
    data: pd.DataFrame | None = None,
    normen: pd.DataFrame | str | None = None,
    drempels: Drempels | None = None,
    basis: str | None = None,
) -> pd.DataFrame:
    """Findings for a region and period, each with verdict, Dutch sentence and questions.

    ``indicatoren``: ids, or (id, categorie) pairs for a category of a distribution; default
    :data:`STANDAARD_INDICATOREN`. ``basis``: the base period of the course over time (default:
    the start of the series). Indicators without data for the region are reported as a finding
    with ``oordeel = "geen gegevens"`` and the reason, so nothing disappears silently.

    The verdicts are those of :func:`impactkit.vergelijk` (step 4), unchanged: the tested
    comparisons of each indicator (with Nederland, earlier periods, the trend and the course over
    time) are corrected together once, there (Benjamini–Hochberg, column ``p_gecorrigeerd``).
    ``attrs["toetsen"]`` is the number of tests behind the findings; ``attrs["correctie"]``
    names the family in plain Dutch.

    Examples
    --------
    >>> b = analyseer("Zaanstreek-Waterland", "2021H1", ["acuut_structureel_onveilig"])
    >>> b.set_index("vergelijking").loc["landelijk", "oordeel"]
    'opvallend hoger'
    """
    r = regio(regio_naam)
    p = Periode.parse(periode)
    df = laad() if data is None else data
    drempels = drempels or Drempels()
    rijen: list[dict] = []
    for item in indicatoren or STANDAARD_INDICATOREN:
        ind_id, categorie = (item, None) if isinstance(item, str) else item
        rijen.extend(_ruwe_bevindingen(ind_id, categorie, r, p, df, normen, drempels, basis))
    uit = pd.DataFrame(rijen)
    toetsbaar = uit["vergelijking"].isin(TOETSBARE_VERGELIJKINGEN) & uit["p"].notna()
    uit["opvallend"] = uit["oordeel"].map(is_opvallend)
    uit["tekst"] = [_tekst(rij, r, p) for rij in uit.to_dict("records")]
    uit["vragen"] = [_vragen(rij, r, p) for rij in uit.to_dict("records")]
    uit = uit.reindex(columns=KOLOMMEN)
    uit.attrs["toetsen"] = int(toetsbaar.sum())
    uit.attrs["correctie"] = CORRECTIE
    uit.attrs["alpha"] = drempels.alpha
    return uit


def _ruwe_bevindingen(ind_id, categorie, r, p, df, normen, drempels, basis) -> list[dict]:
    """The numbers of every comparison for one indicator, before verdicts and sentences."""
    ind = indicator(ind_id)
    basisrij = {
        "regio_code": r.code,
        "regio": r.naam_in(p),
        "periode": p.code,
        "indicator": ind.id,
        "naam": ind.naam,
        "categorie": categorie,
        "eenheid": ind.eenheid,
    }
    try:
        v = vergelijk(
            ind.id, r.code, p.code, categorie=categorie, data=df, normen=normen, drempels=drempels
        )
    except ImpactkitFout as e:
        return [
            {
                **basisrij,
                "vergelijking": "landelijk",
                "oordeel": GEEN_GEGEVENS,
                "toelichting": str(e),
                "p": math.nan,
            }
        ]
    per = {row.vergelijking: row._asdict() for row in v.itertuples(index=False)}
    basisrij["herkomst"] = v["herkomst"].iloc[0]
    rijen = []
    regios_rij = per.get("regios")
    if "landelijk" in per:
        rij = per["landelijk"]
        rij["minimum"] = drempels.minimum(ind.eenheid, rij["referentiewaarde"])
        if regios_rij is not None:
            rij["rang"], rij["aantal_regios"] = regios_rij["rang"], regios_rij["aantal_regios"]
        rijen.append({**basisrij, **_velden(rij)})
    for soort in ("jaar_eerder", "vorige_periode"):
        if soort in per and per[soort]["oordeel"] != GEEN_GEGEVENS:
            rij = per[soort]
            rij["minimum"] = drempels.minimum(ind.eenheid, rij["referentiewaarde"])
            rijen.append({**basisrij, **_velden(rij)})
    if ind.eenheid in ("%", "per 10.000 inwoners") and "landelijk" in per:
        vl = v.attrs.get("verloop") if basis is None else None
        if basis is not None:  # another base period: its own course, corrected with the family
            vl = verloop(
                ind.id, r.code, p.code, categorie=categorie, data=df, drempels=drempels, basis=basis
            )
        if vl is not None:
            eind = vl["keerpunt"] or vl["eind"]
            rijen.append(
                {
                    **basisrij,
                    "vergelijking": "verloop",
                    "referentie": f"{vl['start']}–{eind}",
                    "waarde": vl["regio_waarden"][eind],
                    "referentiewaarde": vl["regio_waarden"][vl["start"]],
                    "verschil": vl["verschil"],
                    "laag": vl["laag"],
                    "hoog": vl["hoog"],
                    "p": vl["p_gecorrigeerd"],
                    "p_gecorrigeerd": (per.get("verloop") or {}).get(
                        "p_gecorrigeerd", vl["p_gecorrigeerd"]
                    )
                    if basis is None
                    else vl["p_gecorrigeerd"],
                    "minimum": vl["minimum"],
                    "landelijke_verandering": eigen_verandering(ind, vl)[1],
                    "oordeel": (per.get("verloop") or {}).get("oordeel", vl["oordeel"])
                    if basis is None
                    else vl["oordeel"],
                    "verloop": vl,
                }
            )
    if "norm" in per:
        rijen.append({**basisrij, **_velden(per["norm"])})
    return rijen


def _velden(rij: dict) -> dict:
    velden = (
        "vergelijking",
        "referentie",
        "waarde",
        "laag",
        "hoog",
        "referentiewaarde",
        "verschil",
        "p",
        "p_gecorrigeerd",
        "spreiding",
        "p_spreiding",
        "oordeel",
        "toelichting",
        "minimum",
        "rang",
        "aantal_regios",
    )
    return {k: _gewoon(rij.get(k)) for k in velden if k in rij}


def _gewoon(x):
    """pd.NA -> nan, so arithmetic and comparisons in the sentences stay plain Python."""
    return math.nan if x is pd.NA else x


def _tekst(rij: dict, r, p) -> str:
    ind = indicator(rij["indicator"])
    naam = r.naam_in(p)  # the name valid in the period (VT15: Midden-Brabant from 2023)
    categorie = rij.get("categorie") if isinstance(rij.get("categorie"), str) else None
    soort = rij["vergelijking"]
    if rij["oordeel"] == GEEN_GEGEVENS and soort == "landelijk":
        return f"{naam}, {p.label}: {rij.get('toelichting') or 'geen cijfer.'}"
    if soort == "landelijk" and ind.eenheid == "aantal":
        return zin_aantal(ind, naam, p, rij["waarde"], rij.get("toelichting") or "")
    if soort == "landelijk":
        return zin_landelijk(
            ind,
            naam,
            p,
            rij["waarde"],
            rij["laag"],
            rij["hoog"],
            rij["referentiewaarde"],
            rij["oordeel"],
            rang=rij.get("rang"),
            aantal_regios=rij.get("aantal_regios"),
            categorie=categorie,
        )
    if soort in ("jaar_eerder", "vorige_periode"):
        return zin_tijd(
            ind,
            naam,
            p,
            Periode.parse(rij["referentie"]),
            rij["waarde"],
            rij["referentiewaarde"],
            rij["oordeel"],
            categorie=categorie,
        )
    if soort == "verloop":
        vl = {**rij["verloop"], "oordeel": rij["oordeel"]}
        return zin_verloop(ind, naam, vl, categorie=categorie)
    if soort == "norm":
        return zin_norm(ind, naam, rij["waarde"], rij["referentie"], rij["oordeel"], categorie)
    return ""


def _vragen(rij: dict, r, p) -> list[str]:
    """Questions only for notable findings, in the direction the finding shows."""
    if not is_opvallend(rij["oordeel"]):
        return []
    ind = indicator(rij["indicator"])
    categorie = rij.get("categorie") if isinstance(rij.get("categorie"), str) else None
    tijd = rij["vergelijking"] in ("jaar_eerder", "vorige_periode", "verloop")
    richting = "hoger" if rij["oordeel"].endswith("hoger") else "lager"
    if rij["vergelijking"] == "verloop":
        # Time questions speak of a rise or fall. Ask them only when the region itself rose or
        # fell by at least the minimum, in the direction the verdict gives against Nederland; a
        # region that fell less than Nederland, or hardly changed, gets the neutral questions.
        d_r, _ = eigen_verandering(ind, rij["verloop"])
        eigen = richting_van(d_r, rij["verloop"].get("minimum"))
        if eigen != (1 if richting == "hoger" else -1):
            return neutrale_vragen(r.naam_in(p), tijd=True)
    return vragen_bij(
        ind.id, richting, r.naam_in(p), klein(ind.naam), tijd=tijd, categorie=categorie
    )


def toeval_tekst(bevindingen: pd.DataFrame) -> str:
    """How many 'opvallend' findings chance alone could give, in plain Dutch (no method names;
    those are in :func:`toeval_techniek`).

    >>> b = pd.DataFrame({"p": [0.01] * 8, "opvallend": [True] * 5 + [False] * 3})
    >>> b.attrs.update(toetsen=8, alpha=0.05)
    >>> toeval_tekst(b).split(". ")[-1]
    'Van zulke opvallende bevindingen is gemiddeld hooguit 1 op de 20 toeval; bij deze 5 is dat naar verwachting minder dan één.'
    """
    m = int(bevindingen.attrs.get("toetsen", bevindingen["p"].notna().sum()))
    alpha = float(bevindingen.attrs.get("alpha", 0.05))
    if m == 0:
        return "Er is geen toets gedaan."
    r = int(bevindingen["opvallend"].sum())
    tekst = (
        f"Er {'is' if m == 1 else 'zijn'} {m} {'toets' if m == 1 else 'toetsen'} gedaan. Ook als "
        f"er nergens een echt verschil was, zou toeval er gemiddeld {st_getal(m * alpha)} "
        "'opvallend' laten lijken. Daarom zijn per indicator de vergelijkingen samen beoordeeld, "
        "en telt een verschil met Nederland pas als het ook buiten de gewone spreiding tussen "
        "regio's valt"
    )
    if r == 0:
        return tekst + "; er is geen opvallende bevinding."
    n = round(1 / alpha) if alpha > 0 else 0
    deel = f"1 op de {n}" if n and abs(n * alpha - 1) < 1e-9 else f"{st_getal(100 * alpha)}%"
    tekst += f". Van zulke opvallende bevindingen is gemiddeld hooguit {deel} toeval"
    if r == 1:
        return tekst + "."
    verwacht = r * alpha
    hoeveel = "minder dan één" if verwacht < 1 else f"ongeveer {st_getal(round(verwacht + 1e-9))}"
    return tekst + f"; bij deze {r} is dat naar verwachting {hoeveel}."


def toeval_techniek(bevindingen: pd.DataFrame) -> str:
    """The technical note behind :func:`toeval_tekst`: the methods and the family, for analysts."""
    alpha = float(bevindingen.attrs.get("alpha", 0.05))
    return f"Toetsen op niveau {st_getal(alpha)}. {TOETSWIJZE}"


def st_getal(x: float) -> str:
    from .opmaak import getal

    return getal(x, 0 if float(x).is_integer() else 1)


def samenvatting(bevindingen: pd.DataFrame) -> str:
    """The notable findings as Markdown: sentence, then its questions, and the chance count."""
    regels = []
    if (bevindingen["herkomst"] == "oefendata").any():
        regels.append("*Oefendata: verzonnen cijfers om mee te oefenen, geen echte cijfers.*\n")
    opvallend = bevindingen[bevindingen["opvallend"]]
    if opvallend.empty:
        regels.append(
            "Geen opvallende verschillen: de verschillen die er zijn, kunnen op toeval "
            "berusten of zijn te klein om in de praktijk te tellen."
        )
    for rij in opvallend.itertuples(index=False):
        regels.append(f"- **{rij.naam}** — {rij.tekst}")
        for vraag in rij.vragen:
            regels.append(f"  - {vraag}")
    regels.append("")
    regels.append(f"*{toeval_tekst(bevindingen)}*")
    return "\n".join(regels)


__all__ = [
    "STANDAARD_INDICATOREN",
    "analyseer",
    "samenvatting",
    "toeval_tekst",
    "toeval_techniek",
    "verloop",
    "GeenWaarde",
]
