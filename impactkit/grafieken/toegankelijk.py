"""What a reader who cannot see a chart needs: its alt text, its caption and its data as a table.

Every chart function of the kit describes its chart when it builds it, in the chart's
``usermeta`` (a free field of Vega-Lite that renderers ignore): the kind of chart, an alt text
of one or two sentences with the key figure, the caption (title and subtitle lines as sentences)
and the rows it draws as a small table with Dutch column names. The description travels with the
chart: through ``.properties(...)``, ``.to_dict()`` and a JSON file.

- :func:`alt_tekst` — the text alternative (for ``alt=""`` or ``aria-label``);
- :func:`bijschrift` — the visible caption (for ``<figcaption>``);
- :func:`grafiek_tabel` — what is drawn, as a tidy DataFrame (``opgemaakt=True``: Dutch
  number strings, ready for "Grafiek als tabel");
- :func:`tabel_html` — that table as a collapsed ``<details>`` block of plain, offline HTML;
- :func:`contrast` — the WCAG contrast ratio of two colours (graphics need at least 3:1).

Examples
--------
>>> contrast("#BBBBBB") < 3 <= contrast("#8C8C8C")
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ..fouten import ImpactkitFout
from ..opmaak import EENHEID_DECIMALEN, getal, met_eenheid

SLEUTEL = "impactkit"
TABEL_KOP = "Grafiek als tabel"


# -- Contrast -------------------------------------------------------------------------------------
def _luminantie(kleur: str) -> float:
    h = kleur.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    kanalen = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(voorgrond: str, achtergrond: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two hex colours (1 to 21); graphics need 3, text 4,5.

    Examples
    --------
    >>> round(contrast("#767676"), 2)
    4.54
    """
    a, b = sorted((_luminantie(voorgrond), _luminantie(achtergrond)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# -- Writing the description ----------------------------------------------------------------------
def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst if not tekst or tekst[-1] in ".!?:" else f"{tekst}."


def _titel_tekst(grafiek: alt.TopLevelMixin) -> tuple[str, list[str]]:
    titel = getattr(grafiek, "title", alt.Undefined)
    if titel is alt.Undefined:
        return "", []
    if isinstance(titel, str):
        return titel, []
    tekst = titel.text if isinstance(titel.text, str) else " ".join(titel.text)
    sub = titel.subtitle
    regels = [] if sub is alt.Undefined else [sub] if isinstance(sub, str) else list(sub)
    return tekst, regels


def _json(x: object) -> object:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    if hasattr(x, "item"):  # numpy scalars
        return x.item()
    return x


def beschrijf(
    grafiek: alt.TopLevelMixin,
    soort: str,
    alt_tekst: str,
    tabel: pd.DataFrame,
    decimalen: Mapping[str, int] | None = None,
    eenheid_kolom: str | None = None,
) -> alt.TopLevelMixin:
    """Attach the description of a chart (used by the kit's chart functions).

    ``tabel`` holds what is drawn with Dutch column names; ``decimalen`` names its number
    columns and their decimals, or ``eenheid_kolom`` names a column with each row's unit (then
    every number column is formatted with that unit, as in the profile).
    """
    titel, regels = _titel_tekst(grafiek)
    bijschrift_tekst = " ".join(_zin(t) for t in [titel, *regels] if t)
    meta = {
        "soort": soort,
        "alt": alt_tekst.strip(),
        "bijschrift": bijschrift_tekst,
        "tabel": {
            "kolommen": [str(k) for k in tabel.columns],
            "rijen": [[_json(v) for v in rij] for rij in tabel.itertuples(index=False)],
            "decimalen": dict(decimalen or {}),
            "eenheid_kolom": eenheid_kolom,
        },
    }
    return grafiek.properties(usermeta={SLEUTEL: meta})


# -- Reading it -----------------------------------------------------------------------------------
def _meta(grafiek: alt.TopLevelMixin | dict) -> dict:
    if isinstance(grafiek, dict):
        meta = grafiek.get("usermeta", {})
    else:
        meta = getattr(grafiek, "usermeta", alt.Undefined)
        meta = {} if meta is alt.Undefined else meta
    if SLEUTEL not in meta:
        raise ImpactkitFout(
            "Deze grafiek heeft geen beschrijving. Alleen grafieken van impactkit "
            "(ik.grafieken) hebben een alt-tekst, bijschrift en tabel."
        )
    return meta[SLEUTEL]


def soort(grafiek: alt.TopLevelMixin | dict) -> str:
    """The kind of chart: 'staaf_vergelijking', 'tijdreeks', 'profiel', 'kaart', ..."""
    return _meta(grafiek)["soort"]


def alt_tekst(grafiek: alt.TopLevelMixin | dict) -> str:
    """The chart's text alternative: one or two sentences with the key figure.

    Works on the chart object and on its ``to_dict()`` (or a spec read back from JSON).

    Examples
    --------
    >>> from impactkit.grafieken import staaf_vergelijking
    >>> alt_tekst(staaf_vergelijking("acuut_structureel_onveilig", "VT22", "2021H1"))[:60]
    'Staafdiagram: meldingen met acute en/of structurele onveilig'
    """
    return _meta(grafiek)["alt"]


def bijschrift(grafiek: alt.TopLevelMixin | dict) -> str:
    """The visible caption: the title and every line under it, as sentences."""
    return _meta(grafiek)["bijschrift"]


def grafiek_tabel(grafiek: alt.TopLevelMixin | dict, opgemaakt: bool = False) -> pd.DataFrame:
    """What the chart draws, as a tidy table with Dutch column names.

    ``opgemaakt=False``: numbers as floats (missing or suppressed: ``NaN``). ``opgemaakt=True``:
    every cell a string in Dutch notation ('55,6', '1.495'; missing '–'), for a report.

    Examples
    --------
    >>> from impactkit.grafieken import staaf_vergelijking
    >>> t = grafiek_tabel(staaf_vergelijking("hermeldingen", "VT22", "2021H1"), opgemaakt=True)
    >>> t.iloc[0].tolist()[:2]
    ['Zaanstreek-Waterland', '39,3']
    """
    tab = _meta(grafiek)["tabel"]
    df = pd.DataFrame(tab["rijen"], columns=tab["kolommen"])
    getallen = _getal_kolommen(tab, df)
    if not opgemaakt:
        for k in getallen:
            df[k] = pd.to_numeric(df[k], errors="coerce").astype(float)
        return df
    uit = df.astype(object).where(df.notna(), None)
    eenheid = tab.get("eenheid_kolom")
    for k in uit.columns:
        if k in getallen:
            if eenheid:
                uit[k] = [_kort(_float(x), e) for x, e in zip(df[k], df[eenheid], strict=True)]
            else:
                uit[k] = [getal(_float(x), getallen[k]) for x in df[k]]
        else:
            uit[k] = ["–" if x is None else str(x) for x in uit[k]]
    return uit


def in_zin(naam: str) -> str:
    """An indicator name inside a sentence: 'Hermeldingen' -> 'hermeldingen', 'OTS' stays."""
    return naam[:1].lower() + naam[1:] if naam[1:2].islower() else naam


def waarde_tekst(x: object, eenheid: str) -> str:
    """A value with its unit for a sentence; missing -> 'onderdrukt of onbekend'."""
    x = _float(_json(x))
    return "onderdrukt of onbekend" if x is None else met_eenheid(x, eenheid)


def _kort(x: float | None, eenheid: str) -> str:
    """A number in a table whose unit is in its own column: '55,6%', '43,4', '1.495'."""
    if x is None:
        return "–"
    return met_eenheid(x, "%") if eenheid == "%" else getal(x, EENHEID_DECIMALEN.get(eenheid, 1))


def _float(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _getal_kolommen(tab: dict, df: pd.DataFrame) -> dict[str, int]:
    if tab.get("eenheid_kolom"):
        return {k: 1 for k in df.columns if k in tab["decimalen"]}
    return dict(tab["decimalen"])


def tabel_html(grafiek: alt.TopLevelMixin | dict, uitgeklapt: bool = False) -> str:
    """The chart's data as a collapsed ``<details>`` block: plain HTML, no script, no style sheet.

    Text columns are left-aligned, number columns right-aligned (class ``getal`` plus an inline
    ``text-align: right``), headers are ``<th scope="col">``, and the caption names the chart.
    """
    meta = _meta(grafiek)
    tab = meta["tabel"]
    df = grafiek_tabel(grafiek, opgemaakt=True)
    getallen = set(_getal_kolommen(tab, df))
    kop = "".join(
        f'<th scope="col"{_uitlijning(k in getallen)}>{html.escape(k)}</th>' for k in df.columns
    )
    rijen = "".join(
        "<tr>"
        + "".join(
            f"<td{_uitlijning(k in getallen)}>{html.escape(str(v))}</td>"
            for k, v in zip(df.columns, rij, strict=True)
        )
        + "</tr>"
        for rij in df.itertuples(index=False)
    )
    titel, _ = (
        _titel_tekst(grafiek) if not isinstance(grafiek, dict) else (_dict_titel(grafiek), [])
    )
    open_attr = " open" if uitgeklapt else ""
    return (
        f'<details class="grafiektabel"{open_attr}><summary>{TABEL_KOP}</summary>'
        f'<table class="grafiektabel"><caption>{html.escape(titel)}</caption>'
        f"<thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table></details>"
    )


def _dict_titel(spec: dict) -> str:
    titel = spec.get("title", "")
    if isinstance(titel, dict):
        titel = titel.get("text", "")
    return titel if isinstance(titel, str) else " ".join(titel)


def _uitlijning(is_getal: bool) -> str:
    return ' class="getal" style="text-align: right"' if is_getal else ""


class Figuur:
    """A chart as an accessible figure for notebooks and the book (see :func:`figuur`)."""

    def __init__(self, grafiek: alt.TopLevelMixin, tabel: bool = True) -> None:
        self.grafiek = grafiek
        self.tabel = tabel

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        # JupyterLab shows the interactive Vega-Lite chart (rendered offline by its own
        # extension); the book and other front ends take the static, accessible HTML figure.
        major = alt.SCHEMA_VERSION.lstrip("v").split(".")[0]
        return {
            f"application/vnd.vegalite.v{major}+json": self.grafiek.to_dict(),
            "text/html": self._repr_html_(),
        }

    def _repr_html_(self) -> str:
        import base64

        import vl_convert as vlc

        spec = self.grafiek.to_dict()
        # The caption says the title and subtitle once, as text above the picture (it wraps on a
        # phone and screen readers read it); the picture is drawn without them.
        zonder_titel = {k: v for k, v in spec.items() if k != "title"}
        svg = vlc.vegalite_to_svg(zonder_titel, vl_version=_vl_versie())
        bron = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        tabel = tabel_html(self.grafiek) if self.tabel else ""
        return (
            f'<figure class="ik-grafiek"><figcaption>{html.escape(bijschrift(self.grafiek))}'
            f'</figcaption><img src="{bron}" alt="{html.escape(alt_tekst(self.grafiek))}"'
            f' style="max-width:100%;height:auto">{tabel}</figure>'
        )


def _vl_versie() -> str:
    return "_".join(alt.SCHEMA_VERSION.split(".")[:2])


def figuur(grafiek: alt.TopLevelMixin, tabel: bool = True) -> Figuur:
    """Show a chart as a static figure with its alt text, caption and (collapsed) data table.

    The picture is an SVG embedded in the page (no script, no request to another host), so it
    works offline and in print; screen readers read the alt text, and the table gives the
    figures behind the chart.

    Examples
    --------
    >>> from impactkit.grafieken import tijdreeks
    >>> f = figuur(tijdreeks("hermeldingen", "Twente"))
    >>> html_tekst = f._repr_html_()
    >>> 'alt="' in html_tekst and "<figcaption>" in html_tekst and "http" not in html_tekst
    True
    """
    return Figuur(grafiek, tabel=tabel)
