"""The batch's overview page (``index.html``): per question a map of the regions and a
region x indicator table of verdicts against Nederland, each region linking to its report.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .batch_manifest import Manifest, lees_json, relatief_pad
from .oordelen import (
    BINNEN_SPREIDING,
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OORDELEN,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    is_opvallend,
)
from .perioden import Periode
from .versie import __version__

OORDEEL_KLASSE = {
    OPVALLEND_HOGER: "hoger",
    OPVALLEND_LAGER: "lager",
    KLEIN_VERSCHIL: "klein",
    MOGELIJK_TOEVAL: "toeval",
    BINNEN_SPREIDING: "klein",
    GEEN_VERSCHIL: "klein",
    GEEN_TOETS: "geen",
    GEEN_GEGEVENS: "geen",
}
"""Verdict -> CSS class on the overview page; the verdict itself is always shown as the word."""


def _datum_kort(iso: str) -> str:
    from datetime import datetime

    from .rapport import datum_tekst

    try:
        return datum_tekst(datetime.fromisoformat(iso))
    except (TypeError, ValueError):
        return ""


def _vraag_tekst(startvraag: str, hoofdvraag: str) -> str:
    if startvraag:
        return f"Startvraag: {hoofdvraag or startvraag}"
    return f"Eigen hoofdvraag: {hoofdvraag}" if hoofdvraag else "Eigen hoofdvraag"


def _badge(oordeel: str) -> str:
    klasse, woord = OORDEEL_KLASSE.get(oordeel, "geen"), oordeel or "–"
    return (
        f'<span class="oordeel {klasse}" title="{html.escape(oordeel)}">{html.escape(woord)}</span>'
    )


def _status_tekst(r) -> str:
    if r.status == "mislukt":
        if getattr(r, "verouderd", False):
            return f"mislukt; dit is het rapport van {_datum_kort(r.datum)}, en dat is verouderd"
        return "mislukt"
    if r.status == "overgeslagen":
        return f"al actueel (gemaakt op {_datum_kort(r.datum)})" if r.datum else "al actueel"
    return "nieuw gemaakt"


def schrijf_index(
    uit: Path,
    tabel: pd.DataFrame,
    periode: str,
    parameters: dict | None = None,
    manifest: Manifest | None = None,
) -> Path:
    """The overview page: the question(s), period and data, then per question a region x
    indicator table of verdicts against Nederland (colour plus word), each row linking to the
    region's report, with status, date and headline of its last run.

    Refuses (Dutch message) to overwrite an ``index.html`` the batch did not make.
    """
    uit = Path(uit)
    manifest = manifest or Manifest(uit)
    manifest.controleer([uit / "index.html"])
    p = Periode.parse(periode)
    parameters = parameters or {}
    oefen = False
    delen = []
    for nummer, (vraag, groep) in enumerate(tabel.groupby("startvraag", sort=False), start=1):
        info = [lees_json(Path(m) / "samenvatting.json", {}) for m in groep["map"]]
        oefen = oefen or any(i.get("oefendata") for i in info)
        delen.append(_vraag_sectie(uit, str(vraag), groep, info, p, parameters, nummer))
    pagina = _pagina(p, _cijfers(oefen, parameters), tabel, "".join(delen), _scripts(uit))
    return manifest.schrijf(uit / "index.html", pagina)


def _scripts(uit: Path) -> str:
    """The Vega bundle the reports share (``uit/vega/``) and the report's chart script: the maps
    become interactive (tooltips, a click opens the region's report). Without the bundle the
    static picture stays; nothing is loaded from another host either way."""
    from .rapport import VEGA_BESTAND, VEGA_MAP, sjabloon

    if not (uit / VEGA_MAP / VEGA_BESTAND).is_file():
        return ""
    return (
        f'<script src="{VEGA_MAP}/{VEGA_BESTAND}"></script>\n'
        f"<script>{sjabloon('rapport.js')}</script>\n"
    )


def _vraag_sectie(
    uit: Path,
    vraag: str,
    groep: pd.DataFrame,
    info: list[dict],
    p: Periode,
    parameters: dict,
    nummer: int = 1,
) -> str:
    """One question's section: a map of the regions, the verdicts per region and indicator,
    then the headline per region with the state of its report. ``nummer`` numbers the map on
    the page."""
    # Verdicts only from a report about this period: a failed run for another period keeps the
    # region's old report, whose verdicts must not fill a table captioned with the new period.
    oordelen = [
        lees_json(Path(m) / "oordelen.json", []) if i.get("periode") == str(p) else []
        for m, i in zip(groep["map"], info)
    ]
    andere = {
        m: i["periode"]
        for m, i in zip(groep["map"], info)
        if i.get("periode") not in (None, str(p))
    }
    hoofdvragen = [i.get("hoofdvraag", "") for i in info if i.get("hoofdvraag")]
    hoofdvraag = hoofdvragen[0] if hoofdvragen else str(parameters.get("hoofdvraag", ""))
    kolommen: dict[str, str] = {}
    for rijen in oordelen:
        for o in rijen:
            kolommen.setdefault(f"{o['indicator']}:{o.get('categorie') or ''}", o["naam"])
    kop = ["Regio", *kolommen.values()]
    matrix, kernen = _regiorijen(uit, groep, oordelen, kolommen, andere)
    koppen = "".join(f'<th scope="col">{html.escape(k)}</th>' for k in kop)
    titel = _vraag_tekst(vraag, hoofdvraag)
    kaart = _kaart(uit, groep, info, oordelen, len(kolommen), p, parameters, nummer)
    return (
        f"<section>\n<h2>{html.escape(titel)}</h2>\n{kaart}"
        '<div class="tabel" role="region" tabindex="0" aria-label="Oordelen per regio">'
        f'<table class="overzicht" style="--kolommen: {len(kolommen)}">'
        "<caption>Oordeel per regio en indicator, tegenover "
        f"Nederland, {html.escape(p.label)}. Klik op een regio voor het rapport.</caption>"
        f"<thead><tr>{koppen}</tr></thead><tbody>{''.join(matrix)}</tbody></table></div>\n"
        '<div class="tabel" role="region" tabindex="0" aria-label="De kern per regio">'
        "<table><caption>De kern per regio, met de stand van het rapport</caption>"
        '<thead><tr><th scope="col">Regio</th><th scope="col">Rapport</th>'
        '<th scope="col">Kern</th></tr></thead>'
        f"<tbody>{''.join(kernen)}</tbody></table></div>\n</section>"
    )


def _kaart(
    uit: Path,
    groep: pd.DataFrame,
    info: list[dict],
    oordelen: list[list[dict]],
    indicatoren: int,
    p: Periode,
    parameters: dict,
    nummer: int,
) -> str:
    """The map of the regions in the batch (HTML figure): per region the number of indicators
    with an *opvallend* verdict in the table below it, each region linking to its report.

    The figure is the report's (caption, static SVG, interactive chart, its figures as a
    table), so it reads and prints offline like a report's chart."""
    from .grafieken.batchkaart import kaart_batch
    from .rapport import grafiek_html, svg_zonder_titel

    aantallen: dict[str, int | None] = {}
    links: dict[str, str] = {}
    for r, o in zip(groep.itertuples(index=False), oordelen):
        code = r.regio_code if isinstance(r.regio_code, str) else ""
        if not code or code in aantallen:
            continue  # a name that is no region has no place on the map
        aantallen[code] = sum(is_opvallend(x["oordeel"]) for x in o) if o else None
        links[code] = relatief_pad(Path(r.map) / "rapport.html", uit)
    if not aantallen:
        return ""
    grafiek = kaart_batch(
        p.code,
        aantallen,
        indicatoren,
        links=links,
        oefendata=any(i.get("oefendata") for i in info),
        bron=str(parameters.get("bron", "")) or None,
    )
    spec = grafiek.to_dict()
    return grafiek_html(spec, svg_zonder_titel(spec), nummer) + "\n"


def _regiorijen(
    uit: Path,
    groep: pd.DataFrame,
    oordelen: list[list[dict]],
    kolommen: dict[str, str],
    andere_periode: dict[str, str] | None = None,
) -> tuple[list[str], list[str]]:
    """Per region a row of verdicts (``matrix``) and a row with status and headline (``kernen``).

    ``andere_periode``: region folder -> period of the report in it, where that is not the
    batch's period (the status then says so)."""
    andere_periode = andere_periode or {}
    matrix, kernen = [], []
    for r, o in zip(groep.itertuples(index=False), oordelen):
        link = html.escape(relatief_pad(Path(r.map) / "rapport.html", uit))
        pdf = Path(r.map) / "rapport.pdf"
        pdf_link = (
            f' <a class="pdf" href="{html.escape(relatief_pad(pdf, uit))}">(PDF)</a>'
            if r.status != "mislukt" and pdf.exists()
            else ""
        )
        naam = f'<th scope="row"><a href="{link}">{html.escape(r.regio)}</a>{pdf_link}</th>'
        per = {f"{x['indicator']}:{x.get('categorie') or ''}": x["oordeel"] for x in o}
        cellen = [f"<td>{_badge(per[k]) if k in per else '–'}</td>" for k in kolommen]
        klasse = ' class="mislukt"' if r.status == "mislukt" else ""
        matrix.append(f"<tr{klasse}>{naam}{''.join(cellen)}</tr>")
        kern = f"Mislukt: {r.fout}" if r.status == "mislukt" else r.kop
        status = _status_tekst(r)
        if r.map in andere_periode:
            status += (
                f"; het rapport in de map gaat over {Periode.parse(andere_periode[r.map]).label}"
            )
        kernen.append(
            f"<tr{klasse}>{naam}<td>{html.escape(status)}</td>"
            f'<td class="kern">{html.escape(kern)}</td></tr>'
        )
    return matrix, kernen


def _cijfers(oefen: bool, parameters: dict) -> str:
    """The page's line on the figures (HTML): practice data said plainly, else the source."""
    bron = str(parameters.get("bron", "oefendata"))
    if oefen:
        return (
            "<b>oefendata</b>: verzonnen cijfers om mee te oefenen, geen echte cijfers. "
            "Trek er geen conclusies uit over een regio."
        )
    return html.escape(bron if bron != "oefendata" else "zie het rapport per regio")


def _pagina(p: Periode, data: str, tabel: pd.DataFrame, secties: str, scripts: str = "") -> str:
    """The whole page around the questions' sections."""
    from .rapport import aanmaakmoment, datum_tekst, html_tabel_uit_rijen, sjabloon

    mislukt = int((tabel["status"] == "mislukt").sum())
    uitleg = html_tabel_uit_rijen(
        ["Oordeel", "Betekenis"],
        [[o, OORDELEN[o]] for o in OORDEEL_KLASSE if o in OORDELEN],
        "Wat de woorden in de tabel betekenen",
    )
    moment = aanmaakmoment()
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stappenplan per regio, {html.escape(p.label)} — overzicht</title>
<style>
{sjabloon("rapport.css")}
main {{ max-width: 80rem; }}
/* The verdict table fills the page and no more: fixed, equal indicator columns whose words
   wrap. Below its minimum width (a phone) it scrolls inside its own frame, the region's name
   staying in view; the page itself never scrolls sideways. */
table.overzicht {{ width: 100%; table-layout: fixed;
                   min-width: calc(9rem + var(--kolommen, 1) * 7rem); }}
table.overzicht th, table.overzicht td {{ overflow-wrap: anywhere; hyphens: auto; }}
table.overzicht thead th {{ font-weight: 600; }}
table.overzicht thead th:first-child {{ width: 9rem; }}
table.overzicht .oordeel {{ white-space: normal; overflow-wrap: normal; hyphens: manual; }}
table.overzicht tbody th, table.overzicht thead th:first-child {{
  position: sticky; left: 0; z-index: 1; background: #fff; }}
table.overzicht thead th:first-child {{ background: var(--vlak); }}
td.kern {{ min-width: 18rem; }}
tr.mislukt td, tr.mislukt th, table.overzicht tr.mislukt th {{ background: #fff4ee; }}
</style>
</head>
<body>
<main>
<h1>Stappenplan per regio, {html.escape(p.label)}</h1>
<p class="aangemaakt">Gemaakt op: <time datetime="{moment:%Y-%m-%dT%H:%M}">{datum_tekst(moment)}</time></p>
<ul class="over">
<li><strong>Periode:</strong> {html.escape(p.label)}</li>
<li><strong>Cijfers:</strong> {data}</li>
<li><strong>Regio's:</strong> {tabel["regio"].nunique()}, waarvan {mislukt} mislukt{"" if mislukt == 1 else ""}.</li>
<li><strong>Gemaakt met:</strong> impactkit {__version__}. Alle regio's staan ook in samenvatting.csv.</li>
</ul>
{secties}
<section>
<h2>Zo lees je de tabel</h2>
<p>Elke cel zegt in een woord en een kleur hoe de regio zich verhoudt tot Nederland (zonder de
regio), met de toets uit het rapport. Een kleur staat nooit alleen: het woord zegt het ook.</p>
{uitleg}
</section>
</main>
{scripts}</body>
</html>
"""
