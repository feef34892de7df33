"""Charts of all regions at once: the ranking and the funnel plot."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import altair as alt
import pandas as pd

from ..fouten import GeenWaarde
from ..indicatoren import Indicator
from ..indicatoren import indicator as zoek_indicator
from ..opmaak import EENHEID_DECIMALEN, getal, met_eenheid
from ..opvragen import doorsnede
from ..perioden import Periode
from ..regioindeling import NEDERLAND, Regio
from ..regioindeling import regio as zoek_regio
from ..spreiding_regios import trechtercijfers
from ..vergelijken import met_intervallen
from .toegankelijk import beschrijf, in_zin, waarde_tekst
from .uiterlijk import (
    ACCENT,
    INTERVAL_TEKST,
    LANDELIJK,
    NIVEAU_LABEL,
    ONDERDRUKT_LABEL,
    OVERIG,
    TEKST_KLEUR,
    as_titel,
    categorie_tekst,
    compacte_tabel,
    data_of_laad,
    getoonde_rijen,
    met_thema,
    thema,
    titel_met_bijschrift,
    tooltip_waarde,
    wat_getoond,
)


def _doorsnede_met_interval(
    ind: Indicator, p: Periode, categorie: str | None, df: pd.DataFrame
) -> pd.DataFrame:
    rijen = met_intervallen(doorsnede(ind.id, p.code, categorie=categorie, data=df))
    return rijen


def _kleurgroep(rijen: pd.DataFrame, r: Regio | None) -> tuple[pd.Series, list[str], list[str]]:
    """Colour group per row: the chosen region's name, or "Andere regio's"."""
    anders = "Andere regio's"
    if r is None:
        return pd.Series(anders, index=rijen.index), [anders], [OVERIG]
    groep = rijen["regio_code"].astype(str).map(lambda c: r.naam if c == r.code else anders)
    return groep, [r.naam, anders], [ACCENT, OVERIG]


def optionele_regio(regio: str | None, periode: Periode | None = None) -> Regio | None:
    """The chosen region, or ``None`` when none is chosen or it is Nederland itself; with a
    ``periode``, carrying the name valid then (VT15 is 'Midden-Brabant' from 2023)."""
    if regio is None:
        return None
    r = zoek_regio(regio)
    if r.code == NEDERLAND:
        return None
    return replace(r, naam=r.naam_in(periode)) if periode is not None else r


def namen_in_periode(rijen: pd.DataFrame, periode: Periode) -> pd.DataFrame:
    """The rows with every region's name as it was in ``periode``."""
    uit = rijen.copy()
    uit["regio"] = [
        zoek_regio(c).naam_in(periode) if c != NEDERLAND else n
        for c, n in zip(uit["regio_code"].astype(str), uit["regio"])
    ]
    return uit


def rangorde(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Dot plot of all regions sorted by value, with 95 % intervals and Nederland as a line.

    The chosen region (optional) is drawn in vermilion and its name in bold. Suppressed regions
    stay in the list, at the bottom, marked 'onderdrukt'.

    Examples
    --------
    >>> g = rangorde("hermeldingen", "2021H1", "Zaanstreek-Waterland")
    >>> [laag["mark"]["type"] for laag in g.to_dict()["layer"]]
    ['rule', 'rule', 'circle']
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = optionele_regio(regio, p)
    df = data_of_laad(data)
    rijen = namen_in_periode(_doorsnede_met_interval(ind, p, categorie, df), p)
    if r is not None and r.code not in set(rijen["regio_code"]):
        raise GeenWaarde(f"Geen cijfer voor {ind.naam} in {r.naam} over {p.label}.")
    rijen = rijen.sort_values("waarde", ascending=False, na_position="last", kind="stable")
    groep, domein, kleuren = _kleurgroep(rijen, r)
    tabel = compacte_tabel(rijen, ["regio", "waarde", "laag", "hoog"])
    tabel["groep"] = groep.to_numpy()
    volgorde = tabel["regio"].tolist()
    landelijk = rijen["landelijk"].dropna()
    nl_label = None
    if len(landelijk):
        # Nederland joins the colour legend, with its value in the label.
        nl_label = f"Nederland ({met_eenheid(float(landelijk.iloc[0]), ind.eenheid)})"
        domein = [*domein[:-1], nl_label, domein[-1]]
        kleuren = [*kleuren[:-1], LANDELIJK, kleuren[-1]]

    y_as = _regio_as(volgorde, r)
    kleur = alt.Color(
        "groep:N",
        scale=alt.Scale(domain=domein, range=kleuren),
        legend=alt.Legend(title=None, orient="top", direction="horizontal", symbolType="circle")
        if len(domein) > 1
        else None,
    )
    x_as_stijl = alt.Axis(orient="top")
    x_as = alt.X(
        "waarde:Q", title=as_titel(ind), axis=x_as_stijl, scale=alt.Scale(zero=False, nice=True)
    )
    basis = alt.Chart(tabel).encode(y=y_as)
    lagen = _rangorde_punten(basis, ind, x_as, x_as_stijl, kleur)
    if rijen["waarde"].isna().any():
        lagen.append(
            basis.transform_filter("!isValid(datum.waarde)")
            .transform_calculate(label=f"'{ONDERDRUKT_LABEL}'")
            .mark_text(align="left", fontStyle="italic", color="#666666")
            .encode(text="label:N", x=alt.value(4))
        )
    extra = [INTERVAL_TEKST]
    if nl_label is not None:
        nl = pd.DataFrame({"landelijk": [float(landelijk.iloc[0])], "groep": [nl_label]})
        lijn = (
            alt.Chart(nl)
            .mark_rule(strokeWidth=2, strokeDash=[6, 3])
            .encode(x=alt.X("landelijk:Q", title=as_titel(ind), axis=x_as_stijl), color=kleur)
        )
        lagen.insert(0, lijn)
        extra.append("Blauwe stippellijn: Nederland.")
    titel = titel_met_bijschrift(
        ind,
        wat_getoond(ind, "Alle Veilig Thuis-regio's", p.label, categorie_tekst(categorie)),
        getoonde_rijen(df, ind, p, categorie),
        extra,
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=440, height=alt.Step(19))
    nl_waarde = float(landelijk.iloc[0]) if len(landelijk) else None
    return beschrijf(
        met_thema(grafiek),
        "rangorde",
        _rangorde_alt(ind, p, rijen, r, nl_waarde, categorie),
        *_rangorde_tabel(ind, rijen, nl_waarde),
    )


def _rangorde_punten(
    basis: alt.Chart, ind: Indicator, x_as: alt.X, x_as_stijl: alt.Axis, kleur: alt.Color
) -> list[alt.Chart]:
    """Each region's 95 % interval as a line and its value as a dot."""
    intervallen = basis.mark_rule(strokeWidth=2).encode(
        x=alt.X("laag:Q", title=as_titel(ind), axis=x_as_stijl),
        x2="hoog:Q",
        color=kleur,
    )
    punten = basis.mark_circle(size=80, opacity=1).encode(
        x=x_as,
        color=kleur,
        tooltip=[
            alt.Tooltip("regio:N", title="Regio"),
            tooltip_waarde(ind),
            tooltip_waarde(ind, "laag", "95%-interval, ondergrens"),
            tooltip_waarde(ind, "hoog", "95%-interval, bovengrens"),
        ],
    )
    return [intervallen, punten]


def _regio_as(volgorde: list[str], r: Regio | None) -> alt.Y:
    """The regions' axis in the ranking's order, the chosen region's name in bold black."""
    nadruk = f"datum.value == {json.dumps(r.naam)}" if r is not None else "false"
    return alt.Y(
        "regio:N",
        sort=volgorde,
        title=None,
        axis=alt.Axis(
            labelFontWeight=alt.ExprRef(expr=f"{nadruk} ? 'bold' : 'normal'"),
            labelColor=alt.ExprRef(expr=f"{nadruk} ? '#000000' : '{TEKST_KLEUR}'"),
        ),
    )


def _cat(categorie: str | None) -> str:
    return f" (categorie {categorie})" if categorie else ""


def _rangorde_alt(ind, p, rijen: pd.DataFrame, r, nl: float | None, categorie) -> str:
    """'Rangorde van 26 regio's op X: van a (A) tot b (B); Nederland c. R: plaats k met v.'"""
    met = rijen[rijen["waarde"].notna()]
    zin = f"Rangorde van {len(rijen)} Veilig Thuis-regio's op {in_zin(ind.naam)}{_cat(categorie)}"
    zin += f", {p.label}"
    if len(met):
        hoog, laag = met.iloc[0], met.iloc[-1]
        zin += (
            f": van {waarde_tekst(laag['waarde'], ind.eenheid)} ({laag['regio']}) tot "
            f"{waarde_tekst(hoog['waarde'], ind.eenheid)} ({hoog['regio']})"
        )
    if nl is not None:
        zin += f"; Nederland {met_eenheid(nl, ind.eenheid)}"
    zinnen = [zin + "."]
    if r is not None:
        eigen = rijen[rijen["regio_code"].astype(str) == r.code].iloc[0]
        if pd.isna(eigen["waarde"]):
            zinnen.append(f"Het cijfer van {r.naam} is onderdrukt of onbekend.")
        else:
            plaats = list(met["regio_code"].astype(str)).index(r.code) + 1
            zinnen.append(
                f"{r.naam} staat op plaats {plaats} van {len(met)} (1 = hoogste) met "
                f"{waarde_tekst(eigen['waarde'], ind.eenheid)}."
            )
    return " ".join(zinnen)


def _rangorde_tabel(ind, rijen: pd.DataFrame, nl: float | None) -> tuple[pd.DataFrame, dict]:
    d = EENHEID_DECIMALEN.get(ind.eenheid, 1)
    waarde = f"Waarde ({ind.eenheid})"
    getal = rijen["waarde"].notna()
    tab = pd.DataFrame(
        {
            "Plaats": [str(i + 1) if g else "–" for i, g in enumerate(getal)],
            "Regio": rijen["regio"].astype(str).to_numpy(),
            waarde: pd.to_numeric(rijen["waarde"], errors="coerce").to_numpy(),
            "95%-interval, ondergrens": pd.to_numeric(rijen["laag"], errors="coerce").to_numpy(),
            "95%-interval, bovengrens": pd.to_numeric(rijen["hoog"], errors="coerce").to_numpy(),
        }
    )
    if nl is not None:
        tab.loc[len(tab)] = ["–", "Nederland", nl, None, None]
    return tab, {waarde: d, "95%-interval, ondergrens": d, "95%-interval, bovengrens": d}


# -- 4. Funnel plot -------------------------------------------------------------------------------
def _dun_uit(grenzen: pd.DataFrame, max_punten: int = 50) -> pd.DataFrame:
    """Keep at most ``max_punten`` denominators per limit (evenly on the log scale, ends kept)."""
    delen = []
    for _, deel in grenzen.groupby("niveau", sort=True):
        stap = max(1, math.ceil(len(deel) / max_punten))
        keuze = deel.iloc[::stap]
        if keuze.index[-1] != deel.index[-1]:
            keuze = pd.concat([keuze, deel.iloc[[-1]]])
        delen.append(keuze)
    return pd.concat(delen)


def trechter(
    indicator: str,
    periode: str,
    regio: str | None = None,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    overspreiding: bool | None = None,
) -> alt.LayerChart:
    """Funnel plot: every region's value against its denominator, with 95 % and 99,8 % limits.

    By default the limits are widened by the usual spread between regions (random effects,
    DerSimonian–Laird τ², zero when the regions vary no more than chance), the same model as the
    verdicts; the caption gives the spread in the indicator's unit and the plain 95 % limits
    (chance alone) stay visible as a thin grey line. ``False`` draws chance-only limits.

    Points outside the widened funnel fall outside the usual spread. Data from
    :func:`impactkit.trechtercijfers`; only for percentages and rates per 10.000 inwoners
    (otherwise :class:`~impactkit.fouten.GeenWaarde`).

    Examples
    --------
    >>> g = trechter("acuut_structureel_onveilig", "2021H1", "Zaanstreek-Waterland")
    >>> sorted(g.to_dict()["layer"][0]["encoding"]["strokeDash"]["scale"]["domain"])
    ['95%-grens', '99,8%-grens']
    """
    ind, p = zoek_indicator(indicator), Periode.parse(periode)
    r = optionele_regio(regio, p)
    df = data_of_laad(data)
    punten_df, grenzen = trechtercijfers(
        ind.id, p.code, categorie=categorie, data=df, overspreiding=overspreiding
    )
    punten_df = namen_in_periode(punten_df, p)
    getoond = getoonde_rijen(df, ind, p, categorie)
    uitleg = _trechter_uitleg(ind, float(grenzen.attrs.get("spreiding", 0.0)), overspreiding)
    if r is not None and r.code not in set(punten_df["regio_code"]):
        # The funnel is still worth seeing; the caption says why the region is not in it.
        uitleg.insert(0, f"{r.naam} ontbreekt: het cijfer of de noemer is onderdrukt of onbekend.")
        r = None
    groep, domein, kleuren = _kleurgroep(punten_df, r)
    punten_tab = compacte_tabel(punten_df, ["regio", "waarde", "noemer", "positie"])
    punten_tab["groep"] = groep.to_numpy()
    grenzen = _dun_uit(grenzen)
    grens_tab, gewoon_tab = _grens_tabellen(grenzen)
    landelijk = float(grenzen["landelijk"].iloc[0])
    x_titel = _x_titel(ind)
    x_as = alt.X("noemer:Q", title=x_titel, scale=alt.Scale(zero=False))
    y_titel = as_titel(ind)
    lijnen = _grenslijnen(grens_tab, gewoon_tab, landelijk, x_as, y_titel)
    punten = _trechterpunten(ind, punten_tab, x_as, y_titel, r, domein, kleuren)
    lagen = [*lijnen, punten]
    if r is not None:
        # The name beside its point, on the side with room: on a phone the plot is narrow and a
        # name to the right of a point near the right edge ran past the chart's edge.
        align, dx = _naam_kant(punten_tab, grens_tab, r.naam)
        lagen.append(
            alt.Chart(punten_tab)
            .transform_filter(alt.datum.groep == r.naam)
            .mark_text(align=align, dx=dx, dy=-10, fontWeight="bold", color=ACCENT, fontSize=13)
            .encode(x=x_as, y="waarde:Q", text="regio:N")
        )
    titel = titel_met_bijschrift(
        ind,
        wat_getoond(ind, "Trechterdiagram", p.label, categorie_tekst(categorie)),
        getoond,
        uitleg,
    )
    grafiek = alt.layer(*lagen).properties(title=titel, width=500, height=340)
    return beschrijf(
        _met_legenda_onder(grafiek),
        "trechter",
        _trechter_alt(ind, p, punten_df, r, landelijk, categorie),
        *_trechter_tabel(ind, punten_df, x_titel),
    )


def _met_legenda_onder(grafiek: alt.LayerChart) -> alt.LayerChart:
    """The kit's theme, with the legends under the plot, one under the other, from the left.

    On a phone the report draws the chart for the screen's width; two legends side by side above
    the plot ran past its right edge there. Under the plot and stacked, each legend needs only
    the width of its own row of entries.
    """
    config = thema()
    # Vega-Lite takes the legends' layout only as an expression; Vega reads it as an object.
    onder = "{bottom: {anchor: 'start', direction: 'vertical', margin: 10}}"
    config["legend"] = {**config["legend"], "layout": {"expr": onder}}
    return grafiek.configure(**config)


def _naam_kant(punten: pd.DataFrame, grenzen: pd.DataFrame, naam: str) -> tuple[str, int]:
    """Where the chosen region's name goes beside its point: right of it in the left third of
    the x axis, left of it in the right third, centred above it in between."""
    x = punten.loc[punten["groep"] == naam, "noemer"].astype(float)
    hoogste = max(float(punten["noemer"].max()), float(grenzen["noemer"].max()))
    deel = float(x.iloc[0]) / hoogste if len(x) and hoogste > 0 else 0.0
    if deel < 1 / 3:
        return "left", 8
    return ("right", -8) if deel > 2 / 3 else ("center", 0)


def _legenda_onder(titel: str | None, kolommen: int) -> alt.Legend:
    """A legend under the funnel with its entries in ``kolommen`` columns.

    Fixed, not computed from the width: the report redraws the chart for a phone's width after
    its height is laid out, so a legend that grew a line there was cut off at the bottom.
    """
    return alt.Legend(title=titel, orient="bottom", direction="horizontal", columns=kolommen)


def _trechter_uitleg(ind, spreiding: float, overspreiding: bool | None) -> list[str]:
    """The funnel's reading notes: lines and limits, and whether the limits were widened.

    ``spreiding``: the usual spread between regions (τ) in the indicator's unit.
    """
    uitleg = ["Stippellijn: 95%-grens; doorgetrokken lijn: 99,8%-grens; blauw: Nederland."]
    if spreiding > 0 and overspreiding is not False:
        maat = "procentpunt" if ind.eenheid == "%" else ind.eenheid
        uitleg += [
            "Regio's verschillen onderling meer dan toeval verklaart (gewone spreiding tussen "
            f"regio's: ongeveer {getal(spreiding, 1)} {maat}); de grenzen zijn daarmee verruimd.",
            "Een punt buiten de trechter valt buiten die gewone spreiding; dunne grijze lijn: "
            "de 95%-grens als alleen toeval telde.",
        ]
    else:
        uitleg.append("Een punt buiten de trechter wijkt meer af dan toeval verklaart.")
        if overspreiding is not False:
            uitleg.append("Regio's verschillen onderling niet meer dan toeval: gewone grenzen.")
    return uitleg


def _grens_tabellen(grenzen: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The limits to draw, and the plain 95 % limits when they were widened (else ``None``)."""
    gewoon_tab = None
    if "laag_gewoon" in grenzen.columns:
        van95 = grenzen[grenzen["niveau"].astype(float).round(3) == 0.95]
        gewoon_tab = pd.DataFrame(
            {
                "noemer": van95["noemer"].astype(float).round(1),
                "laag": van95["laag_gewoon"].astype(float).round(4),
                "hoog": van95["hoog_gewoon"].astype(float).round(4),
            }
        ).reset_index(drop=True)
    grens_tab = pd.DataFrame(
        {
            "noemer": grenzen["noemer"].astype(float).round(1),
            "grens": grenzen["niveau"].map(lambda n: NIVEAU_LABEL.get(round(float(n), 3), str(n))),
            "laag": grenzen["laag"].astype(float).round(4),
            "hoog": grenzen["hoog"].astype(float).round(4),
        }
    ).reset_index(drop=True)
    return grens_tab, gewoon_tab


def _x_titel(ind: Indicator) -> str:
    """The funnel's x axis title: its denominator."""
    return (
        "Aantal inwoners"
        if ind.is_ratio
        else f"Noemer: {ind.noemer[:1].lower()}{ind.noemer[1:]}".rstrip(".")
    )


def _grenslijnen(
    grens_tab: pd.DataFrame,
    gewoon_tab: pd.DataFrame | None,
    landelijk: float,
    x_as: alt.X,
    y_titel: str,
) -> list[alt.Chart]:
    """The funnel's lines: its limits, the plain 95 % limits when widened, and Nederland."""
    streep = alt.StrokeDash(
        "grens:N",
        scale=alt.Scale(domain=list(NIVEAU_LABEL.values()), range=[[6, 4], [1, 0]]),
        legend=_legenda_onder("Controlegrenzen", len(NIVEAU_LABEL)),  # short labels: one row
    )
    lijnbasis = alt.Chart(grens_tab).encode(x=x_as, strokeDash=streep)
    onder = lijnbasis.mark_line(color="#555555", strokeWidth=1.3).encode(
        y=alt.Y("laag:Q", title=y_titel)
    )
    boven = lijnbasis.mark_line(color="#555555", strokeWidth=1.3).encode(y="hoog:Q")
    nl = pd.DataFrame({"landelijk": [landelijk]})
    nl_lijn = alt.Chart(nl).mark_rule(color=LANDELIJK, strokeWidth=2).encode(y="landelijk:Q")
    lijnen = [onder, boven, nl_lijn]
    if gewoon_tab is not None:
        gewoon = alt.Chart(gewoon_tab).encode(x=x_as)
        lijnen[2:2] = [
            gewoon.mark_line(color="#767676", strokeWidth=0.8).encode(y="laag:Q"),
            gewoon.mark_line(color="#767676", strokeWidth=0.8).encode(y="hoog:Q"),
        ]
    return lijnen


def _trechterpunten(
    ind: Indicator,
    punten_tab: pd.DataFrame,
    x_as: alt.X,
    y_titel: str,
    r: Regio | None,
    domein: list[str],
    kleuren: list[str],
) -> alt.Chart:
    """The regions as points, coloured by group (the chosen region on top)."""
    kleur = alt.Color(
        "groep:N",
        scale=alt.Scale(domain=domein, range=kleuren),
        # A region's name can be long: the entries one under the other.
        legend=_legenda_onder(None, 1) if r is not None else None,
    )
    punten = (
        alt.Chart(punten_tab)
        .mark_circle(size=85, opacity=1, stroke="white", strokeWidth=0.8)
        .encode(
            x=x_as,
            y=alt.Y(
                "waarde:Q",
                title=y_titel,
                scale=alt.Scale(zero=False),
            ),
            color=kleur,
            order=alt.Order("groep:N", sort="ascending" if r is None else "descending"),
            tooltip=[
                alt.Tooltip("regio:N", title="Regio"),
                tooltip_waarde(ind),
                alt.Tooltip("noemer:Q", title="Noemer", format=",.0f"),
                alt.Tooltip("positie:N", title="Positie in de trechter"),
            ],
        )
    )
    return punten


def _trechter_alt(ind, p, punten: pd.DataFrame, r, landelijk: float, categorie) -> str:
    posities = punten["positie"].astype(str)
    boven, onder = posities.str.startswith("boven").sum(), posities.str.startswith("onder").sum()
    zin = (
        f"Trechterdiagram: {in_zin(ind.naam)}{_cat(categorie)}, {p.label}: {boven + onder} "
        f"van de {len(punten)} regio's liggen buiten de 95%-grens ({boven} erboven, {onder} "
        f"eronder); Nederland {met_eenheid(landelijk, ind.eenheid)}."
    )
    if r is not None:
        eigen = punten[punten["regio_code"].astype(str) == r.code].iloc[0]
        plek = str(eigen["positie"])
        woord, _, grens = plek.partition(" ")
        plek = "binnen de trechter" if plek == "binnen" else f"{woord} de {grens}-grens"
        zin += f" {r.naam} ({waarde_tekst(eigen['waarde'], ind.eenheid)}) ligt {plek}."
    return zin


def _trechter_tabel(ind, punten: pd.DataFrame, x_titel: str) -> tuple[pd.DataFrame, dict]:
    waarde = f"Waarde ({ind.eenheid})"
    tab = pd.DataFrame(
        {
            "Regio": punten["regio"].astype(str).to_numpy(),
            waarde: pd.to_numeric(punten["waarde"], errors="coerce").to_numpy(),
            x_titel: pd.to_numeric(punten["noemer"], errors="coerce").to_numpy(),
            "Positie in de trechter": punten["positie"].astype(str).to_numpy(),
        }
    ).sort_values("Regio", kind="stable")
    return tab, {waarde: EENHEID_DECIMALEN.get(ind.eenheid, 1), x_titel: 0}
