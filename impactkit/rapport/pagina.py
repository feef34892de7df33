"""The per-region report page: an executed step-plan notebook as a self-contained HTML document.

:func:`maak_rapport` turns the executed ``notebooks/stappenplan.ipynb`` into one HTML page that
reads like a memo: region, period, data source, hoofdvraag and answer first, then the findings and
their charts, then the conversation with partners, and at the end what the report is based on.
It never shows code, notebook boilerplate or tool vocabulary.

Which cells go where is said by the notebook itself, in the cell metadata ``rapport``: a section
key (:data:`SECTIES`), or a mapping from a heading in the cell's Markdown output to a section key
(``""`` for the text before the first heading; a key that is not a section drops that part).
Cells without ``rapport`` are not in the report; the Dutch error message the batch puts on top of a
failed notebook (tag ``impactkit-fout``) always is.

The page:

- is offline and self-contained: CSS inline, no font, script or stylesheet from another host.
  Charts are static SVG (the fallback, also for print) and, when the Vega libraries are next to the
  report (:func:`schrijf_vega`, once per output folder), interactive with tooltips;
- has ``lang="nl"``, a real ``<title>``, exactly one ``h1`` and headings without gaps; tables
  with a caption, text left and numbers right, scrolling sideways on a phone; every chart has an
  alt text, a visible caption and its figures as a table (collapsed);
- is byte-identical for the same inputs, apart from the line with the creation date
  (``class="aangemaakt"``); ``SOURCE_DATE_EPOCH`` fixes that date too.

Examples
--------
>>> _getal_cel("55,6%"), _getal_cel("-4,6"), _getal_cel("36,3 – 40,2%"), _getal_cel("Twente")
(True, True, True, False)
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import os
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

from ..namen import slug
from ..oordelen import OORDELEN, TOETSWIJZE
from ..versie import __version__

SECTIES: dict[str, str] = {
    "kop": "",
    "antwoord": "",
    "bevindingen": "Bevindingen",
    "gesprek": "Gesprek met partners",
    "verantwoording": "Over dit rapport",
}
"""Report sections in reading order, with the heading the report gives them ('' = none)."""

VEGA_MAP = "vega"
VEGA_BESTAND = "vega-bundel.js"
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


# -- small helpers -------------------------------------------------------------------------------
_GETAL = re.compile(
    r"^[−\-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?\s*(%|‰|procentpunt|per 10\.000 inwoners)?"
    r"(\s*–\s*[−\-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?\s*(%|‰|per 10\.000 inwoners)?)?$"
)


def _getal_cel(tekst: str) -> bool:
    """True when a table cell holds a number (Dutch formatting, optional unit): align right."""
    return bool(_GETAL.match(tekst.strip()))


def datum_tekst(moment: dt.datetime) -> str:
    """'1 december 2025, 09:12'."""
    return f"{moment.day} {MAANDEN[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def aanmaakmoment() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now().astimezone()


def sjabloon(naam: str) -> str:
    """A file from ``impactkit/sjablonen`` (CSS, JS) as text."""
    return resources.files("impactkit").joinpath("sjablonen", naam).read_text(encoding="utf-8")


_MARKDOWN = None


def html_uit_markdown(tekst: str) -> str:
    """Markdown to HTML with every piece of raw HTML escaped.

    Markdown in a report carries user text (hoofdvraag, deelvragen, conclusions, names of local
    indicators, region names), so raw HTML in it is shown as text, never run. Links to
    ``javascript:`` and the like become harmless, and an image becomes its alt text: a report
    loads nothing from another host.
    """
    global _MARKDOWN
    if _MARKDOWN is None:
        import mistune

        class _Veilig(mistune.HTMLRenderer):
            def image(self, text: str, url: str, title: str | None = None) -> str:
                return text  # already escaped by the renderer

        _MARKDOWN = mistune.create_markdown(
            renderer=_Veilig(escape=True), plugins=["table", "strikethrough"]
        )
    return _uitklapbaar(_MARKDOWN(tekst))


def _uitklapbaar(html_tekst: str) -> str:
    """The list under a detail label (``**Alle vergelijkingen bij deze deelvraag**``) folded
    away in a ``<details>``: the short text stays in view, every comparison one click away."""
    from ..synthese.beantwoorden import DETAIL_KOP

    kop = html.escape(DETAIL_KOP)
    return re.sub(
        rf"<p><strong>{re.escape(kop)}</strong></p>\s*(<ul>.*?</ul>)",
        rf'<details class="detail"><summary>{kop}</summary>\1</details>',
        html_tekst,
        flags=re.S,
    )


# -- tables ----------------------------------------------------------------------------------------
class _TabelLezer(HTMLParser):
    """Reads a (pandas Styler) HTML table: caption, header cells and body rows as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.caption, self.kop, self.rijen = "", [], []
        self._waar, self._cel, self._rij, self._in_kop = "", None, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self._waar = "caption"
        elif tag == "thead":
            self._in_kop = True
        elif tag == "tbody":
            self._in_kop = False
        elif tag == "tr":
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._cel = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self._waar = ""
        elif tag in ("td", "th") and self._cel is not None and self._rij is not None:
            self._rij.append(" ".join("".join(self._cel).split()))
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            (self.kop if self._in_kop else self.rijen).append(self._rij)
            self._rij = None

    def handle_data(self, data):
        if self._waar == "caption":
            self.caption += data
        elif self._cel is not None:
            self._cel.append(data)


def _ontbrekend(tekst: str) -> str:
    return "–" if tekst.strip() in ("<NA>", "nan", "NaN", "None", "NaT") else tekst


def html_tabel_uit_rijen(kop: list[str], rijen: list[list[str]], bijschrift: str = "") -> str:
    """A clean, accessible table: caption, header cells with scope, numbers right-aligned.

    The table sits in a focusable region that scrolls sideways on a narrow screen, so the page
    itself never does.
    """
    delen = [
        '<div class="tabel" role="region" tabindex="0"'
        + (f' aria-label="{html.escape(bijschrift)}">' if bijschrift else ' aria-label="Tabel">'),
        "<table>",
    ]
    if bijschrift:
        delen.append(f"<caption>{html.escape(bijschrift)}</caption>")
    kolommen_getal = [
        bool(rijen)
        and all(
            _getal_cel(_ontbrekend(r[i])) or _ontbrekend(r[i]) == "–" for r in rijen if i < len(r)
        )
        and any(_getal_cel(r[i]) for r in rijen if i < len(r))
        for i in range(len(kop))
    ]
    if kop:
        getal = ' class="getal"'
        cellen = "".join(
            f'<th scope="col"{getal if kolommen_getal[i] else ""}>{html.escape(k)}</th>'
            for i, k in enumerate(kop)
        )
        delen.append(f"<thead><tr>{cellen}</tr></thead>")
    delen.append("<tbody>")
    for rij in rijen:
        cellen = []
        for i, cel in enumerate(rij):
            cel = _ontbrekend(cel)
            klasse = ' class="getal"' if (i < len(kolommen_getal) and kolommen_getal[i]) else ""
            cellen.append(f"<td{klasse}>{html.escape(cel)}</td>")
        delen.append(f"<tr>{''.join(cellen)}</tr>")
    delen.append("</tbody></table></div>")
    return "".join(delen)


def _tabel_uit_html(tekst: str) -> str:
    lezer = _TabelLezer()
    lezer.feed(tekst)
    kop = lezer.kop[-1] if lezer.kop else []
    return html_tabel_uit_rijen(kop, lezer.rijen, " ".join(lezer.caption.split()))


# -- charts ----------------------------------------------------------------------------------------
def _tekst(x: Any) -> str:
    if isinstance(x, list):
        return " ".join(str(d) for d in x)
    return "" if x is None else str(x)


def _titels(spec: dict) -> tuple[str, list[str]]:
    titel = spec.get("title", "")
    if isinstance(titel, dict):
        sub = titel.get("subtitle", [])
        return _tekst(titel.get("text", "")), ([sub] if isinstance(sub, str) else list(sub))
    return _tekst(titel), []


def _lagen(spec: dict):
    yield spec
    for sleutel in ("layer", "hconcat", "vconcat", "concat"):
        for deel in spec.get(sleutel, []) or []:
            yield from _lagen(deel)


def _decimalen(formaat: str) -> int:
    m = re.search(r"\.(\d+)", formaat or "")
    return int(m.group(1)) if m else (0 if "d" in (formaat or "") else 1)


def _celwaarde(waarde: Any, tip: dict) -> str:
    from ..opmaak import getal

    if waarde is None:
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float) and tip.get("type") == "quantitative":
        return getal(waarde, _decimalen(str(tip.get("format", ""))))
    return str(waarde)


def vega_tabel_rijen(spec: dict) -> tuple[list[str], list[list[str]]]:
    """The chart's figures as a table, with the Dutch column names of its tooltip.

    The chart's own description wins (``usermeta.impactkit.tabel``, written by
    :mod:`impactkit.grafieken.toegankelijk`); otherwise the layer with the richest tooltip and
    the rows that layer draws.
    """
    eigen = (spec.get("usermeta") or {}).get("impactkit", {}).get("tabel")
    if isinstance(eigen, dict) and eigen.get("kolommen"):
        try:  # the chart describes itself (impactkit.grafieken.toegankelijk)
            from ..grafieken.toegankelijk import grafiek_tabel as beschreven

            df = beschreven(spec, opgemaakt=True)
            return [str(k) for k in df.columns], [
                [str(c) for c in r] for r in df.itertuples(index=False)
            ]
        except Exception:  # noqa: BLE001 - an older description: show it as it is
            return [str(k) for k in eigen["kolommen"]], [
                ["–" if c is None else str(c) for c in r] for r in eigen["rijen"]
            ]
    beste, data_naam = [], None
    bovenste = (spec.get("data") or {}).get("name")
    for laag in _lagen(spec):
        tips = (laag.get("encoding") or {}).get("tooltip")
        if isinstance(tips, dict):
            tips = [tips]
        if isinstance(tips, list) and len(tips) > len(beste):
            beste = [t for t in tips if isinstance(t, dict) and t.get("field")]
            data_naam = (laag.get("data") or {}).get("name") or bovenste
    rijen_bron = (spec.get("datasets") or {}).get(data_naam or "", [])
    if not beste or not rijen_bron:
        return [], []
    kop = [str(t.get("title") or t["field"]) for t in beste]
    rijen, gezien = [], set()
    for rec in rijen_bron:
        rij = [_celwaarde(rec.get(t["field"]), t) for t in beste]
        if tuple(rij) not in gezien:
            gezien.add(tuple(rij))
            rijen.append(rij)
    return kop, rijen


def _hernummer(spec_tekst: str, svg: str) -> tuple[str, str]:
    """Altair numbers its params and views per kernel (``param_7``); number them per chart."""
    namen: dict[str, str] = {}
    for m in re.finditer(r"\b(param|view|concat|layer)_(\d+)\b", spec_tekst):
        namen.setdefault(
            m.group(0), f"{m.group(1)}_{sum(k.startswith(m.group(1)) for k in namen) + 1}"
        )
    if not namen:
        return spec_tekst, svg
    patroon = re.compile(r"\b(?:" + "|".join(map(re.escape, namen)) + r")\b")
    return (
        patroon.sub(lambda m: namen[m.group(0)], spec_tekst),
        patroon.sub(lambda m: namen[m.group(0)], svg),
    )


def zonder_titel(spec: dict) -> dict:
    """The chart's spec without its own title and subtitle (the page's caption carries them).

    Examples
    --------
    >>> zonder_titel({"title": {"text": "T", "subtitle": ["s"]}, "mark": "bar"})
    {'mark': 'bar'}
    """
    return {k: v for k, v in spec.items() if k != "title"}


def grafiek_html(spec: dict | None, svg: str, nummer: int) -> str:
    """One chart: caption, interactive place, static SVG (fallback and print), data table.

    The chart's title and subtitle are said once, as text in the ``<figcaption>`` above the
    picture (it wraps on a phone and is read by screen readers): the static ``svg`` is drawn
    without them (:func:`~impactkit.rapport.weergave.svg_zonder_titel`) and the interactive
    version gets the spec without them. The alt text and the data table's caption name the title.
    """
    spec = spec or {}
    titel, sub = _titels(spec)
    meta = (spec.get("usermeta") or {}).get("impactkit", {})
    alt = (
        meta.get("alt")
        or spec.get("description")
        or (f"Grafiek: {titel}." if titel else "Grafiek; de cijfers staan in de tabel eronder.")
    )
    spec_tekst = json.dumps(
        {**zonder_titel(spec), "description": alt} if spec else {},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    spec_tekst, svg = _hernummer(spec_tekst, svg)
    if titel:
        regels = [f"<strong>{html.escape(titel)}</strong>"]
        bijschrift = "<br>".join(regels + [html.escape(str(r)) for r in sub if str(r).strip()])
    else:
        bijschrift = html.escape(str(meta.get("bijschrift") or ""))
    kop, rijen = vega_tabel_rijen(spec)
    delen = [f'<figure class="grafiek" id="grafiek-{nummer}">']
    if bijschrift:
        delen.append(f"<figcaption>{bijschrift}</figcaption>")
    if spec:
        delen.append(f'<div class="vega" id="vega-{nummer}" data-spec="spec-{nummer}"></div>')
    bron = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    delen.append(
        f'<img class="statisch" src="data:image/svg+xml;base64,{bron}" alt="{html.escape(alt)}">'
    )
    if kop:
        delen.append(
            "<details><summary>De cijfers bij deze grafiek</summary>"
            + html_tabel_uit_rijen(kop, rijen, f"Cijfers bij: {titel}" if titel else "")
            + "</details>"
        )
    if spec:
        # '<' never appears raw inside the script element (no '</script>', no '<!--').
        veilig = spec_tekst.replace("<", "\\u003c")
        delen.append(f'<script type="application/json" id="spec-{nummer}">{veilig}</script>')
    delen.append("</figure>")
    return "\n".join(delen)


def _vega_lite_spec(data: dict) -> dict | None:
    for mime, waarde in data.items():
        if mime.startswith("application/vnd.vegalite.") and mime.endswith("+json"):
            return waarde if isinstance(waarde, dict) else json.loads(waarde)
    return None


# -- the page --------------------------------------------------------------------------------------
def _routes(cel) -> dict[str, str] | None:
    if "impactkit-fout" in cel.metadata.get("tags", []):
        return {"": "fout"}
    route = cel.metadata.get("rapport")
    if not route:
        return None
    return {"": route} if isinstance(route, str) else dict(route)


def _splits_markdown(tekst: str, routes: dict[str, str]) -> list[tuple[str, str]]:
    """(section, markdown) parts: the text under each heading goes where ``routes`` says."""
    if set(routes) == {""}:
        return [(routes[""], tekst)]
    delen, huidig, buffer = [], routes.get("", ""), []
    for regel in tekst.splitlines():
        m = re.match(r"^#{1,6}\s+(.*?)\s*$", regel)
        if m and m.group(1) in routes:
            delen.append((huidig, "\n".join(buffer)))
            huidig, buffer = routes[m.group(1)], []
        buffer.append(regel)
    delen.append((huidig, "\n".join(buffer)))
    return [(s, t) for s, t in delen if t.strip()]


def _inhoud(nb) -> tuple[dict[str, list[str]], int]:
    """The report's HTML fragments per section, in notebook order."""
    secties: dict[str, list[str]] = {s: [] for s in ("fout", *SECTIES)}
    nummer = 0
    for cel in nb.cells:
        routes = _routes(cel)
        if routes is None:
            continue
        if cel.cell_type == "markdown":
            for sectie, tekst in _splits_markdown(cel.source, routes):
                if sectie in secties:
                    secties[sectie].append(html_uit_markdown(tekst))
            continue
        for uit in cel.get("outputs", []):
            if uit.get("output_type") not in ("display_data", "execute_result"):
                continue  # streams and tracebacks are tool output, not report text
            data = uit.get("data", {})
            sectie = (uit.get("metadata") or {}).get("rapport") or routes.get("", "")
            if "image/svg+xml" in data:
                nummer += 1
                if sectie in secties:
                    secties[sectie].append(
                        grafiek_html(_vega_lite_spec(data), data["image/svg+xml"], nummer)
                    )
            elif "text/html" in data and "<table" in data["text/html"]:
                if sectie in secties:
                    secties[sectie].append(_tabel_uit_html(data["text/html"]))
            elif "text/markdown" in data:
                for sectie, tekst in _splits_markdown(data["text/markdown"], routes):
                    if sectie in secties:
                        secties[sectie].append(html_uit_markdown(tekst))
    return secties, nummer


def _koppen_op_orde(tekst: str) -> tuple[str, str]:
    """Exactly one h1 (the first heading), no skipped levels, stable ids; returns (html, h1)."""
    gebruikt: dict[str, int] = {}
    vorige = 0
    eerste = ""

    def vervang(m: re.Match) -> str:
        nonlocal vorige, eerste
        niveau, inhoud = int(m.group(1)), m.group(3)
        if vorige == 0:
            nieuw = 1
            eerste = re.sub(r"<[^>]+>", "", inhoud)
        else:
            nieuw = max(2, min(niveau, vorige + 1))
        vorige = nieuw
        basis = slug(html.unescape(re.sub(r"<[^>]+>", "", inhoud)), lengte=50, leeg="kop")
        gebruikt[basis] = gebruikt.get(basis, 0) + 1
        ident = basis if gebruikt[basis] == 1 else f"{basis}-{gebruikt[basis]}"
        return f'<h{nieuw} id="{ident}">{inhoud}</h{nieuw}>'

    uit = re.sub(r"<h([1-6])([^>]*)>(.*?)</h\1>", vervang, tekst, flags=re.S)
    return uit, html.unescape(eerste)


def _verschuif_koppen(tekst: str, verschuif: int) -> str:
    def nieuw(m: re.Match) -> str:
        return f"<{m.group(1)}h{min(6, max(1, int(m.group(2)) + verschuif))}{m.group(3)}"

    return re.sub(r"<(/?)h([1-6])([\s>])", nieuw, tekst)


def _sectiekoppen(secties: dict[str, list[str]]) -> str:
    """Shift each section's own headings below the section heading the report adds."""
    delen = []
    for sleutel in ("fout", *SECTIES):
        fragmenten = secties.get(sleutel, [])
        if not fragmenten:
            continue
        tekst = "\n".join(fragmenten)
        niveaus = [int(n) for n in re.findall(r"<h([1-6])[\s>]", tekst)]
        kop = SECTIES.get(sleutel, "")
        if niveaus and sleutel != "kop":
            doel = 3 if kop else 2
            tekst = _verschuif_koppen(tekst, doel - min(niveaus))
        klasse = f"sectie-{sleutel}"
        kop_html = f"<h2>{html.escape(kop)}</h2>\n" if kop else ""
        delen.append(f'<section class="{klasse}">\n{kop_html}{tekst}\n</section>')
    return "\n".join(delen)


def _verklarende_woorden() -> str:
    rijen = [[woord, uitleg] for woord, uitleg in OORDELEN.items()]
    return (
        "<p>De oordelen in dit rapport gebruiken steeds dezelfde woorden:</p>"
        + html_tabel_uit_rijen(["Oordeel", "Betekenis"], rijen, "De woorden voor een oordeel")
        + f"<p><strong>Technische toelichting.</strong> {html.escape(TOETSWIJZE)}</p>"
    )


def maak_rapport(
    nb,
    aangemaakt: dt.datetime | None = None,
    vega: str | None = None,
    titel_achtervoegsel: str = "Stappenplan kennisgestuurd werken",
) -> str:
    """The report for an executed step-plan notebook, as one HTML page.

    ``vega``: relative URL of the Vega bundle written by :func:`schrijf_vega` (``None``: static
    charts only). ``aangemaakt``: the creation moment shown on the page (default: now).
    """
    secties, n_grafieken = _inhoud(nb)
    if secties["verantwoording"] or secties["bevindingen"]:
        secties["verantwoording"].append(_verklarende_woorden())
    lichaam, h1 = _koppen_op_orde(_sectiekoppen(secties))
    if not h1:  # nothing ran (e.g. a failed region): still one h1 and a real title
        h1 = "Rapport stappenplan"
        lichaam = f'<h1 id="rapport">{h1}</h1>\n' + lichaam
    moment = aangemaakt or aanmaakmoment()
    datum = (
        f'<p class="aangemaakt">Gemaakt op: <time datetime="{moment:%Y-%m-%dT%H:%M}">'
        f"{datum_tekst(moment)}</time></p>"
    )
    # The creation date goes right under the h1, on its own line.
    lichaam = re.sub(r"(</h1>)", r"\1\n" + datum.replace("\\", "\\\\"), lichaam, count=1)
    scripts = ""
    if vega and n_grafieken:
        scripts = (
            f'<script src="{html.escape(vega)}"></script>\n'
            f"<script>{sjabloon('rapport.js')}</script>"
        )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="impactkit {__version__}">
<title>{html.escape(h1)} — {html.escape(titel_achtervoegsel)}</title>
<style>
{sjabloon("rapport.css")}</style>
</head>
<body>
<main>
{lichaam}
<footer><p>Gemaakt met impactkit {__version__}. Dit rapport werkt zonder internet: alles staat in
dit bestand{" en in de map " + VEGA_MAP + " ernaast" if scripts else ""}.</p></footer>
</main>
{scripts}</body>
</html>
"""


def zonder_datum(tekst: str) -> str:
    """The report without its creation-date line (to compare two runs)."""
    return "\n".join(r for r in tekst.splitlines() if 'class="aangemaakt"' not in r)


# -- shipped once per output folder ----------------------------------------------------------------
def schrijf_vega(uit: str | Path) -> Path:
    """Write the Vega, Vega-Lite and Vega-Embed libraries (one bundle) to ``uit/vega/``.

    The bundle comes from vl-convert (already a dependency), so nothing is downloaded. Written
    only when missing or of another version; returns the bundle's path.
    """
    import vl_convert as vlc

    doel = Path(uit) / VEGA_MAP
    doel.mkdir(parents=True, exist_ok=True)
    bundel = doel / VEGA_BESTAND
    versies = (
        f"vega {vlc.get_vega_version()}, vega-lite {vlc.get_vegalite_versions()[-1]}, "
        f"vega-embed {vlc.get_vega_embed_version()}"
    )
    leesmij = doel / "LEESMIJ.txt"
    if bundel.exists() and leesmij.exists() and versies in leesmij.read_text(encoding="utf-8"):
        return bundel
    bundel.write_text(vlc.javascript_bundle(), encoding="utf-8")
    leesmij.write_text(
        "Deze map hoort bij de rapporten in de map erboven: de grafiekbibliotheken Vega, Vega-Lite\n"
        f"en Vega-Embed ({versies}; BSD-3-licentie, https://vega.github.io),\n"
        "gebundeld door vl-convert. Zonder deze map tonen de rapporten dezelfde grafieken als\n"
        "vaste afbeelding, zonder tooltips.\n",
        encoding="utf-8",
    )
    return bundel
