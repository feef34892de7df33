"""The offline slides (dia's), made from the book page ``book/workshop/presentatie.md``."""

from __future__ import annotations

import re
from pathlib import Path

from ..fouten import ImpactkitFout
from ..paden import boek_pad
from .boekpagina import markdown_html, myst_naar_markdown, secties
from .bouwstenen import html_tekst, stijl


def dia_blok(naam: str) -> str:
    """Markdown for a slide made from the kit itself: 'stappen', 'oordelen', 'programma'.

    The book page ``presentatie.md`` shows the same block with a hidden code cell, so the slides
    and the book cannot drift apart.
    """
    if naam == "stappen":
        index = boek_pad("stappenplan", "index.md").read_text(encoding="utf-8")
        regels = [r for r in index.splitlines() if r.startswith("| ")]
        rijen = []
        for r in regels[1:]:
            cellen = [c.strip() for c in r.strip("|").split("|")]
            if len(cellen) >= 3 and not set(cellen[0]) <= {"-", " "}:
                rijen.append(f"| {myst_naar_markdown(cellen[0])} | {cellen[1]} | {cellen[2]} |")
        return "| Stap | De vraag | Wat je aan het eind hebt |\n| --- | --- | --- |\n" + "\n".join(
            rijen
        )
    if naam == "oordelen":
        from ..oordelen import OORDELEN

        kies = ("opvallend hoger", "opvallend lager", "klein verschil", "mogelijk toeval")
        return "\n".join(f"- **{w}**: {OORDELEN[w]}" for w in kies)
    if naam == "programma":
        index = boek_pad("workshop", "index.md").read_text(encoding="utf-8")
        tabel = [
            r
            for r in index.split("## Programma", 1)[1].split("\n## ", 1)[0].splitlines()
            if r.startswith("|")
        ]
        rijen = []
        for r in tabel[2:]:
            c = [x.strip() for x in r.strip("|").split("|")]
            rijen.append(f"| {c[0]} | {myst_naar_markdown(c[1])} | {c[2]} |")
        return "| Tijd | Onderdeel | Werkvorm |\n| --- | --- | --- |\n" + "\n".join(rijen)
    raise ImpactkitFout(f"Onbekend diablok '{naam}'. Kies uit: stappen, oordelen, programma.")


def _vul_blokken(tekst: str) -> str:
    """Replace the book's hidden code cells ``display(Markdown(dia_blok("x")))`` by the block."""
    return re.sub(
        r"```\{code-cell\}[^\n]*\n(?::tags:[^\n]*\n)?[^`]*?dia_blok\(\"(\w+)\"\)[^`]*?```",
        lambda m: dia_blok(m[1]),
        tekst,
    )


DIA_CSS = stijl("workshop-dias.css")


def dias_html(
    bron: str | Path, periode_label: str, oefendata: bool = True, notities: bool = False
) -> str:
    """Offline slides from the book page ``bron``: one '##' section per slide, plain HTML/CSS.

    Printed, each slide fills one landscape A4 page; with ``notities`` the facilitator's notes
    for a slide follow it on a page of their own (and show under it on screen).
    """
    titel, blokken = secties(_vul_blokken(Path(bron).read_text(encoding="utf-8")))
    herkomst = (
        "<strong>Oefendata</strong>: verzonnen cijfers" if oefendata else "Cijfers: eigen bron"
    )
    voet = f"<footer><span>Workshop stappenplan · {html_tekst(periode_label)}</span><span>{herkomst}</span></footer>"
    dias = [
        f'<section class="dia" aria-label="Dia 1"><div class="inhoud"><h2 class="titel">{html_tekst(titel)}</h2>'
        f"<p>Periode in deze workshop: <strong>{html_tekst(periode_label)}</strong></p>"
        + (
            "<p>Alle cijfers zijn <strong>oefendata</strong>: verzonnen, om mee te oefenen.</p>"
            if oefendata
            else ""
        )
        + f"</div>{voet}</section>"
    ]
    for n, (kop, body, notitie) in enumerate(blokken, 2):
        dias.append(
            f'<section class="dia" aria-label="Dia {n}"><div class="inhoud"><h2>{html_tekst(kop)}</h2>'
            f"{markdown_html(body)}</div>{voet}</section>"
        )
        if notities and notitie:
            dias.append(
                f'<aside class="notities" aria-label="Aantekening bij dia {n}"><h3>Voor de '
                f"begeleider (dia {n}: {html_tekst(kop)})</h3>{markdown_html(notitie)}</aside>"
            )
    uitleg = (
        '<p class="uitleg">Dia\'s voor de presentatie. Afdrukken (liggend, A4) geeft één dia '
        "per pagina"
        + (
            ", met de aantekening voor de begeleider op de pagina erna."
            if notities
            else ". De versie met aantekeningen staat in dias-notities.html."
        )
        + "</p>"
    )
    klasse = "" if notities else ' class="zonder-notities"'
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_tekst(titel)} — dia's</title>\n<style>{DIA_CSS}</style>\n</head>\n"
        f'<body{klasse}>\n<main>\n<h1 class="uitleg">{html_tekst(titel)}</h1>{uitleg}\n'
        + "\n".join(dias)
        + "\n</main>\n</body>\n</html>\n"
    )
