"""The role cards for the role play (exercise 7), made from the book page
``book/workshop/rolkaarten.md``."""

from __future__ import annotations

from pathlib import Path

from .boekpagina import markdown_html, secties
from .bouwstenen import CSS, band, html_tekst, pagina, stijl

KAART_CSS = CSS + stijl("workshop-rolkaarten.css")


def rolkaarten_html(bron: str | Path, periode_label: str, oefendata: bool = True) -> str:
    """The role cards from the book page ``bron``: one '##' section per card, four per A4."""
    titel, blokken = secties(Path(bron).read_text(encoding="utf-8"))
    kaarten = "".join(
        f'<article class="kaart"><h2>{html_tekst(k)}</h2>{markdown_html(b)}</article>'
        for k, b, _ in blokken
    )
    inhoud = (
        f"<h1>{html_tekst(titel)}</h1>{band('Rollenspel (oefening 7)', periode_label, oefendata)}"
        '<p class="scherm">Print op A4 en knip langs de stippellijnen: vier kaarten per '
        f'vel.</p><div class="kaarten">{kaarten}</div>'
    )
    return pagina(titel, inhoud, KAART_CSS)
