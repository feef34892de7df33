"""The profile of a region on one picture: a spine chart, as area-health profiles draw them.

Every indicator of the analysis is one row. Per row: the region's value and Nederland's value
as numbers, then the spine: a light bar from the lowest to the highest region, a dark bar over
the middle half of the regions (25 % to 75 %), a black line for Nederland in the middle, and the
region's marker, whose colour and shape follow its verdict against Nederland. The verdict is
also written out at the end of the row, so colour never carries it alone.

Each row is scaled on its own, with Nederland in the middle: the further a marker sits from the
black line, the more the region differs from Nederland compared with how far the regions lie
apart on that indicator. Units differ between rows, so the numbers are in the columns.

The verdicts come from :func:`impactkit.analyseer` or :func:`impactkit.vergelijk` (the
comparison ``landelijk``); the words are those of :mod:`impactkit.oordelen`.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import replace

import altair as alt
import pandas as pd

from ..fouten import GeenWaarde
from ..indicatoren import indicator as zoek_indicator
from ..oordelen import GEEN_GEGEVENS, OPVALLEND_HOGER, OPVALLEND_LAGER, is_opvallend
from ..opmaak import EENHEID_DECIMALEN, getal, met_eenheid
from ..opvragen import doorsnede
from ..perioden import Periode
from ..regioindeling import regio as zoek_regio
from .toegankelijk import beschrijf
from .uiterlijk import (
    BRON_CBS,
    BRON_EIGEN,
    BRON_OEFEN,
    OEFENDATA_TEKST,
    ONDERDRUKT_TEKST,
    OORDEEL_STIJL,
    TEKST_KLEUR,
    data_of_laad,
    met_thema,
)

LANDELIJK_VERGELIJKING = "landelijk"  # the comparison with Nederland in analyseer/vergelijk
BEREIK_KLEUR = "#E0E0E0"  # range of all regions, drawn with an outline of RAND
BEREIK_RAND = "#767676"  # 4,5:1 on white: the range bar's outline carries its extent
MIDDEN_KLEUR = "#8C8C8C"  # the middle half of the regions: 3,4:1 on white
NEDERLAND_KLEUR = "#000000"
STREEP_KLEUR = "#F4F4F4"  # alternate row shading (decoration only)

# Horizontal layout in pixels: name | region | Nederland | spine | verdict.
_X_REGIO, _X_NL, _SPINE, _X_OORDEEL, _BREEDTE = 320, 410, (440, 700), 716, 880
_REGEL = 34  # characters per line of an indicator name


def _kort(x: float | None, eenheid: str) -> str:
    """A value for a narrow column: '55,6%', '43,4', '1.495'; missing -> '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return met_eenheid(x, "%") if eenheid == "%" else getal(x, EENHEID_DECIMALEN.get(eenheid, 1))


def _f(x: object) -> float:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _landelijke_rijen(bevindingen: pd.DataFrame) -> pd.DataFrame:
    rijen = bevindingen
    if "vergelijking" in rijen:
        rijen = rijen[rijen["vergelijking"].astype(str) == LANDELIJK_VERGELIJKING]
    return rijen.drop_duplicates(subset=["indicator", "categorie"]).reset_index(drop=True)


def profiel_tabel(
    regio: str,
    periode: str,
    bevindingen: pd.DataFrame | None = None,
    indicatoren: list[str | tuple[str, str]] | None = None,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The figures behind :func:`profiel`: one row per indicator of the analysis.

    ``bevindingen``: rows of :func:`impactkit.analyseer` or :func:`impactkit.vergelijk` for this
    region and period (only the comparison ``landelijk`` is used); without them the analysis is
    run here, with ``indicatoren`` (default: the analysis' standard set).

    Columns: ``indicator``, ``categorie``, ``naam``, ``eenheid``, ``waarde`` (the region),
    ``nederland``, ``laagste``, ``kwartiel_1``, ``mediaan``, ``kwartiel_3``, ``hoogste``,
    ``aantal_regios`` (regions with a figure), ``oordeel``, ``herkomst``, ``onderdrukt`` (the
    region's own figure withheld: fewer than 10), and the spine positions ``pos_*`` (0 to 1,
    Nederland at 0,5).

    Examples
    --------
    >>> t = profiel_tabel("Zaanstreek-Waterland", "2021H1")
    >>> t.loc[t["indicator"] == "acuut_structureel_onveilig", "oordeel"].iloc[0]
    'opvallend hoger'
    """
    r, p = zoek_regio(regio), Periode.parse(periode)
    r = replace(r, naam=r.naam_in(p))  # the name valid in the period (Midden-Brabant from 2023)
    df = data_of_laad(data)
    if bevindingen is None:
        from ..bevindingen import analyseer

        bevindingen = analyseer(r.code, p.code, indicatoren, data=df)
    rijen = _landelijke_rijen(bevindingen)
    if "regio_code" in rijen:
        rijen = rijen[rijen["regio_code"].astype(str) == r.code]
    if rijen.empty:
        raise GeenWaarde(
            f"Geen vergelijking met Nederland voor {r.naam} over {p.label} in de bevindingen: "
            "geef de uitkomst van ik.analyseer of ik.vergelijk voor deze regio en periode."
        )
    uit = [_profielrij(rij, r, p, df) for rij in rijen.to_dict("records")]
    return pd.DataFrame(uit)


def _profielrij(rij: dict, r, p: Periode, df: pd.DataFrame) -> dict:
    ind = zoek_indicator(str(rij["indicator"]))
    cat = rij.get("categorie")
    cat = (
        None
        if cat is None or (isinstance(cat, float) and math.isnan(cat)) or cat is pd.NA
        else str(cat)
    )
    try:
        alle = doorsnede(ind.id, p.code, categorie=cat, data=df)
    except GeenWaarde:
        alle = pd.DataFrame(columns=["regio_code", "waarde", "landelijk", "herkomst"])
    waarden = pd.to_numeric(alle["waarde"], errors="coerce").dropna().astype(float)
    eigen = alle[alle["regio_code"].astype(str) == r.code]
    waarde = _f(rij.get("waarde"))
    if math.isnan(waarde) and len(eigen):
        waarde = _f(eigen["waarde"].iloc[0])
    nederland = _f(rij.get("referentiewaarde"))
    if math.isnan(nederland) and len(alle):
        nederland = _f(alle["landelijk"].iloc[0])
    oordeel = str(rij.get("oordeel") or GEEN_GEGEVENS)
    if math.isnan(waarde):
        oordeel = GEEN_GEGEVENS
    kw = waarden.quantile([0.25, 0.5, 0.75]).tolist() if len(waarden) else [math.nan] * 3
    uit = {
        "indicator": ind.id,
        "categorie": cat,
        "naam": f"{ind.naam}: {cat}" if cat else ind.naam,
        "eenheid": ind.eenheid,
        "waarde": waarde,
        "nederland": nederland,
        "laagste": float(waarden.min()) if len(waarden) else math.nan,
        "kwartiel_1": kw[0],
        "mediaan": kw[1],
        "kwartiel_3": kw[2],
        "hoogste": float(waarden.max()) if len(waarden) else math.nan,
        "aantal_regios": len(waarden),
        "oordeel": oordeel,
        "herkomst": str(rij.get("herkomst") or (alle["herkomst"].iloc[0] if len(alle) else "")),
        "onderdrukt": bool(
            len(eigen) and "onderdrukt" in eigen and bool(eigen["onderdrukt"].fillna(False).iloc[0])
        ),
    }
    uit.update(_posities(uit))
    return uit


def _posities(rij: dict) -> dict:
    """Spine positions: Nederland (or the median) at 0,5, the furthest value at 0 or 1."""
    midden = rij["nederland"] if not math.isnan(rij["nederland"]) else rij["mediaan"]
    namen = ["laagste", "kwartiel_1", "kwartiel_3", "hoogste", "waarde"]
    afstanden = [abs(rij[k] - midden) for k in namen if not math.isnan(rij[k])]
    half = max(afstanden, default=0.0) if not math.isnan(midden) else 0.0
    uit = {}
    for k in namen:
        x = rij[k]
        if math.isnan(x) or math.isnan(midden):
            uit[f"pos_{k}"] = math.nan
        else:
            uit[f"pos_{k}"] = 0.5 if half == 0 else round(0.5 + 0.5 * (x - midden) / half, 4)
    return uit


def _regels(naam: str) -> list[str]:
    return textwrap.wrap(naam, _REGEL, break_long_words=False) or [naam]


def _bron(tab: pd.DataFrame) -> list[str]:
    soorten = {str(h).strip().lower() for h in tab["herkomst"] if str(h).strip()}
    bronnen = [
        {"cbs": BRON_CBS, "oefendata": BRON_OEFEN, "eigen data": BRON_EIGEN}.get(s, f"Bron: {s}")
        for s in sorted(soorten)
    ]
    regels = ["; ".join(bronnen) or "Bron: onbekend"]
    if "oefendata" in soorten:
        regels.append(OEFENDATA_TEKST)
    if tab["onderdrukt"].any() or (tab["aantal_regios"] < tab["aantal_regios"].max()).any():
        regels.append(ONDERDRUKT_TEKST)
    return regels


def _sleutel(tab: pd.DataFrame) -> str:
    """The signs of the verdicts on the chart, in the vocabulary's order: '▲ opvallend hoger, ...'."""
    getoond = set(tab["oordeel"])
    return ", ".join(f"{s['teken']} {w}" for w, s in OORDEEL_STIJL.items() if w in getoond)


def _meervoud(n: int) -> str:
    return f"{n} indicator" if n == 1 else f"{n} indicatoren"


def _kop(r, tab: pd.DataFrame) -> str:
    """The title states the finding: how many indicators stand out, and which way."""
    hoger = int((tab["oordeel"] == OPVALLEND_HOGER).sum())
    lager = int((tab["oordeel"] == OPVALLEND_LAGER).sum())
    if hoger == lager == 0:
        return f"{r.naam} wijkt bij geen van de {len(tab)} indicatoren opvallend af van Nederland"
    delen = [f"{_meervoud(hoger)} opvallend hoger"] if hoger else []
    delen += [f"{lager if hoger else _meervoud(lager)} opvallend lager"] if lager else []
    return f"{r.naam}: {' en '.join(delen)} dan Nederland"


def _alt(r, p: Periode, tab: pd.DataFrame) -> str:
    zin = (
        f"Profiel van {r.naam}, {p.label}: {_meervoud(len(tab))}, elk met de waarde van de "
        "regio tegen de spreiding over alle regio's en tegen Nederland."
    )
    delen = []
    for woord in (OPVALLEND_HOGER, OPVALLEND_LAGER):
        sel = tab[tab["oordeel"] == woord]
        if len(sel):
            namen = [
                f"{n} ({_kort(w, e)}; Nederland {_kort(nl, e)})"
                for n, w, nl, e in sel[["naam", "waarde", "nederland", "eenheid"]].itertuples(
                    index=False
                )
            ]
            delen.append(f"{woord.capitalize()} dan Nederland: {'; '.join(namen)}")
    tweede = ". ".join(delen) + "." if delen else "Geen indicator wijkt opvallend af."
    return f"{zin} {tweede}"


def _tabel_voor_lezer(tab: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Indicator": tab["naam"],
            "Eenheid": tab["eenheid"],
            "Regio": tab["waarde"],
            "Nederland": tab["nederland"],
            "Laagste regio": tab["laagste"],
            "25%-punt": tab["kwartiel_1"],
            "Mediaan": tab["mediaan"],
            "75%-punt": tab["kwartiel_3"],
            "Hoogste regio": tab["hoogste"],
            "Aantal regio's": tab["aantal_regios"].astype(str),
            "Oordeel (ten opzichte van Nederland)": tab["oordeel"],
        }
    )


def profiel(
    regio: str,
    periode: str,
    bevindingen: pd.DataFrame | None = None,
    indicatoren: list[str | tuple[str, str]] | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Spine chart of a region: every indicator on one row, against all regions and Nederland.

    Arguments as :func:`profiel_tabel`. Pass the ``bevindingen`` of the analysis the report
    shows, so the chart and the text give the same verdicts.

    Examples
    --------
    >>> g = profiel("Zaanstreek-Waterland", "2021H1")
    >>> g.to_dict()["title"]["text"]
    'Zaanstreek-Waterland: 1 indicator opvallend hoger en 2 opvallend lager dan Nederland'
    """
    r, p = zoek_regio(regio), Periode.parse(periode)
    r = replace(r, naam=r.naam_in(p))  # the name valid in the period (Midden-Brabant from 2023)
    tab = profiel_tabel(r.code, p.code, bevindingen, indicatoren, data)
    regels = [_regels(n) for n in tab["naam"]]
    stap = 16 * max(len(x) for x in regels) + 14
    hoogte = stap * len(tab)
    rijen = _grafiekrijen(tab, regels)
    lagen = _rijlagen(rijen, regels, r.naam)
    lagen += _koppen(r, tab, hoogte)
    titel = alt.TitleParams(
        text=_kop(r, tab),
        subtitle=[
            f"Profiel, {p.label}: {_meervoud(len(tab))} uit de analyse, elk op één rij.",
            *_bron(tab),
            "Lichte balk: laagste tot hoogste regio; donkere balk: de middelste helft van de "
            "regio's; zwarte lijn: Nederland.",
            f"Teken en woord geven het oordeel ten opzichte van Nederland ({_sleutel(tab)}).",
        ],
        offset=30,
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=_BREEDTE, height=hoogte)
    return beschrijf(
        met_thema(grafiek),
        "profiel",
        _alt(r, p, tab),
        _tabel_voor_lezer(tab),
        {
            k: 1
            for k in (
                "Regio",
                "Nederland",
                "Laagste regio",
                "25%-punt",
                "Mediaan",
                "75%-punt",
                "Hoogste regio",
            )
        },
        eenheid_kolom="Eenheid",
    )


def _grafiekrijen(tab: pd.DataFrame, regels: list[list[str]]) -> pd.DataFrame:
    """One row per indicator as the chart draws it: name lines, texts, verdict and positions."""
    rijen = pd.DataFrame(
        {
            "rij": [str(i) for i in range(len(tab))],
            "naam": regels,
            "t_regio": [
                ("onderdrukt" if o else "–") if math.isnan(w) else _kort(w, e)
                for w, e, o in zip(tab["waarde"], tab["eenheid"], tab["onderdrukt"], strict=True)
            ],
            "t_nl": [_kort(w, e) for w, e in zip(tab["nederland"], tab["eenheid"], strict=True)],
            "t_bereik": [
                f"{_kort(a, e)} tot {_kort(b, e)}"
                for a, b, e in zip(tab["laagste"], tab["hoogste"], tab["eenheid"], strict=True)
            ],
            "t_midden": [
                f"{_kort(a, e)} tot {_kort(b, e)}"
                for a, b, e in zip(
                    tab["kwartiel_1"], tab["kwartiel_3"], tab["eenheid"], strict=True
                )
            ],
            "oordeel": tab["oordeel"],
            "nadruk": [is_opvallend(o) for o in tab["oordeel"]],
            "streep": [i % 2 == 1 for i in range(len(tab))],
            **{k: tab[k] for k in tab.columns if k.startswith("pos_")},
        }
    )
    return rijen.astype(object).where(rijen.notna(), None)


def _oordeelmarker() -> dict:
    """The encodings of a verdict's marker: shape, outline and fill as in ``OORDEEL_STIJL``."""
    woorden = list(OORDEEL_STIJL)
    vulling = [("white" if s["teken"] in "○◇–" else s["kleur"]) for s in OORDEEL_STIJL.values()]
    return {
        "shape": alt.Shape(
            "oordeel:N",
            legend=None,
            scale=alt.Scale(domain=woorden, range=[s["vorm"] for s in OORDEEL_STIJL.values()]),
        ),
        "stroke": alt.Stroke(
            "oordeel:N",
            legend=None,
            scale=alt.Scale(domain=woorden, range=[s["kleur"] for s in OORDEEL_STIJL.values()]),
        ),
        "fill": alt.Fill("oordeel:N", legend=None, scale=alt.Scale(domain=woorden, range=vulling)),
    }


def _rijlagen(rijen: pd.DataFrame, regels: list[list[str]], naam: str) -> list[alt.Chart]:
    """The rows: shading, name, the region's and Nederland's value, the spine and the verdict."""
    y = alt.Y(
        "rij:N", sort=list(rijen["rij"]), axis=None, scale=alt.Scale(paddingInner=0, paddingOuter=0)
    )
    spine = alt.Scale(domain=[0, 1], range=list(_SPINE))
    basis = alt.Chart(rijen).encode(y=y)
    marker = _oordeelmarker()
    tooltip = [
        alt.Tooltip("naam:N", title="Indicator"),
        alt.Tooltip("t_regio:N", title=naam),
        alt.Tooltip("t_nl:N", title="Nederland"),
        alt.Tooltip("t_bereik:N", title="Laagste tot hoogste regio"),
        alt.Tooltip("t_midden:N", title="Middelste helft van de regio's"),
        alt.Tooltip("oordeel:N", title="Oordeel"),
    ]

    def vet_of_niet(x: int, veld: str, align: str) -> list[alt.Chart]:
        # Vega-Lite has no fontWeight channel: notable rows in bold, the others plain.
        return [
            basis.transform_filter(f"{'' if vet else '!'}datum.nadruk")
            .mark_text(
                align=align,
                baseline="middle",
                color=TEKST_KLEUR,
                fontWeight="bold" if vet else "normal",
            )
            .encode(x=alt.value(x), text=f"{veld}:N")
            for vet in (False, True)
        ]

    return [
        basis.transform_filter("datum.streep")
        .mark_rect(color=STREEP_KLEUR)
        .encode(x=alt.value(-6), x2=alt.value(_BREEDTE)),
        *[
            # Multi-line names: move the first line up so the block is centred on the row.
            basis.transform_filter(f"length(datum.naam) == {k}")
            .mark_text(
                align="left", baseline="middle", lineHeight=15, color=TEKST_KLEUR, dy=-7.5 * (k - 1)
            )
            .encode(x=alt.value(0), text="naam:N", tooltip=tooltip)
            for k in sorted({len(x) for x in regels})
        ],
        *vet_of_niet(_X_REGIO, "t_regio", "right"),
        basis.mark_text(align="right", baseline="middle", color=TEKST_KLEUR).encode(
            x=alt.value(_X_NL), text="t_nl:N"
        ),
        basis.mark_bar(height=12, color=BEREIK_KLEUR, stroke=BEREIK_RAND, strokeWidth=1).encode(
            x=alt.X("pos_laagste:Q", scale=spine, axis=None), x2="pos_hoogste:Q", tooltip=tooltip
        ),
        basis.mark_bar(height=12, color=MIDDEN_KLEUR).encode(
            x=alt.X("pos_kwartiel_1:Q", scale=spine, axis=None),
            x2="pos_kwartiel_3:Q",
            tooltip=tooltip,
        ),
        alt.Chart(pd.DataFrame({"x": [0.5]}))
        .mark_rule(color=NEDERLAND_KLEUR, strokeWidth=2)
        .encode(x=alt.X("x:Q", scale=spine, axis=None)),
        basis.transform_filter("isValid(datum.pos_waarde)")
        .mark_point(size=170, strokeWidth=1.8, opacity=1, filled=False)
        .encode(x=alt.X("pos_waarde:Q", scale=spine, axis=None), tooltip=tooltip, **marker),
        basis.mark_point(size=90, strokeWidth=1.5, opacity=1, filled=False).encode(
            x=alt.value(_X_OORDEEL + 6),
            shape=marker["shape"],
            stroke=marker["stroke"],
            fill=marker["fill"],
        ),
        *vet_of_niet(_X_OORDEEL + 18, "oordeel", "left"),
    ]


def _koppen(r, tab: pd.DataFrame, hoogte: int) -> list[alt.Chart]:
    """Column heads above the rows and the reading aid under the spine."""
    n = int(tab["aantal_regios"].max()) if len(tab) else 0
    midden = (_SPINE[0] + _SPINE[1]) / 2

    def tekst(x: float, y: float, woord: str, align: str, **stijl) -> alt.Chart:
        return (
            alt.Chart(pd.DataFrame({"t": [woord]}))
            .mark_text(
                align=align,
                baseline="bottom",
                fontWeight=stijl.pop("gewicht", "bold"),
                color=TEKST_KLEUR,
                **stijl,
            )
            .encode(x=alt.value(x), y=alt.value(y), text="t:N")
        )

    return [
        tekst(0, -8, "Indicator", "left"),
        tekst(_X_REGIO, -8, r.naam, "right"),
        tekst(_X_NL, -8, "Nederland", "right"),
        tekst(midden, -8, f"Spreiding over {n} regio's", "center"),
        tekst(_X_OORDEEL, -8, "Oordeel", "left"),
        tekst(_SPINE[0], hoogte + 18, "◀ lager", "left", gewicht="normal"),
        tekst(midden, hoogte + 18, "Nederland", "center", gewicht="normal"),
        tekst(_SPINE[1], hoogte + 18, "hoger ▶", "right", gewicht="normal"),
    ]
