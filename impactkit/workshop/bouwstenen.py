"""The HTML building blocks every workshop page shares: page, band, practice-data notice, table.

The stylesheets live in ``impactkit/sjablonen`` (``workshop*.css``) and are read by :func:`stijl`.
"""

from __future__ import annotations

import html
from importlib import resources

import pandas as pd

from ..opmaak import getal

OEFENDATA_ZIN = (
    "Dit zijn oefendata: verzonnen cijfers om mee te oefenen. Ze lijken op echte cijfers, maar "
    "zeggen niets over je regio. Gebruik ze niet in een vergadering, nota of presentatie."
)


def stijl(naam: str) -> str:
    """The stylesheet ``naam`` from ``impactkit/sjablonen``, after a newline (inside ``<style>``
    it starts on a line of its own)."""
    tekst = resources.files("impactkit").joinpath("sjablonen", naam).read_text(encoding="utf-8")
    return "\n" + tekst


CSS = stijl("workshop.css")


def html_tekst(x: object) -> str:
    """``x`` as text, escaped for HTML (quotes included)."""
    return html.escape(str(x), quote=True)


def cijfer(x, decimalen: int = 1) -> str:
    """A number in Dutch notation, or '–' when there is none."""
    return "–" if x is None or (isinstance(x, float) and pd.isna(x)) else getal(x, decimalen)


def pagina(titel: str, inhoud: str, css: str = CSS) -> str:
    """A whole HTML page (Dutch, mobile-friendly) with its stylesheet inline."""
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_tekst(titel)}</title>\n<style>{css}</style>\n</head>\n<body>\n{inhoud}\n"
        "</body>\n</html>\n"
    )


def band(links: str, periode_label: str, oefendata: bool) -> str:
    """The band at the top of a page: what it is, the period and where the figures come from."""
    herkomst = "<strong>oefendata</strong> (verzonnen cijfers)" if oefendata else "echte cijfers"
    return (
        f'<div class="band"><span>{html_tekst(links)}</span><span>Periode: <strong>'
        f"{html_tekst(periode_label)}</strong></span><span>Cijfers: {herkomst}</span></div>"
    )


def oefendata_blok(oefendata: bool) -> str:
    """The notice that the figures are practice data (or, for real figures, to check them)."""
    if not oefendata:
        return (
            '<p class="echt">Deze cijfers komen uit de gekozen bron (geen oefendata). Controleer '
            "ze voordat je ze deelt.</p>"
        )
    return (
        f'<p class="oefendata"><strong>Let op: oefendata.</strong> {html_tekst(OEFENDATA_ZIN)}</p>'
    )


def tabel(
    kop: list[str],
    rijen: list[list[str]],
    bijschrift: str,
    getallen: set[int] = frozenset(),
    eigen: list[bool] | None = None,
) -> str:
    """A table with a caption; ``rijen`` hold HTML, columns in ``getallen`` align right and the
    rows marked in ``eigen`` (the participant's own region) stand out."""
    th = "".join(
        f'<th scope="col"{" class=getal" if i in getallen else ""}>{html_tekst(k)}</th>'
        for i, k in enumerate(kop)
    )
    body = []
    for n, rij in enumerate(rijen):
        klasse = ' class="eigen"' if eigen and eigen[n] else ""
        cellen = "".join(
            f"<td{' class=getal' if i in getallen else ''}>{c}</td>" for i, c in enumerate(rij)
        )
        body.append(f"<tr{klasse}>{cellen}</tr>")
    return (
        f'<div class="tabelvak"><table><caption>{html_tekst(bijschrift)}</caption><thead><tr>{th}'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def invullijnen(n: int) -> str:
    """``n`` lines to write on."""
    return '<div class="invul"></div>' * n
