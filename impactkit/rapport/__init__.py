"""The per-region report: an executed step-plan notebook as a finished, self-contained document.

One module per job:

- :mod:`~impactkit.rapport.pagina`: the HTML page (:func:`maak_rapport`), its tables and charts,
  and the Vega libraries shipped once per output folder (:func:`schrijf_vega`);
- :mod:`~impactkit.rapport.pdf`: the page printed to PDF by headless Chromium (:func:`naar_pdf`);
- :mod:`~impactkit.rapport.tabellen`: tables for the notebook in words a reader knows, and the
  verdicts the batch's overview page reads (:func:`bewaar_oordelen`);
- :mod:`~impactkit.rapport.weergave`: the Altair renderer that puts static SVG plus the Vega-Lite
  spec in the notebook (:func:`gebruik_rapportweergave`), the SVG without the chart's title
  (:func:`svg_zonder_titel`): the page says title and subtitle once, in the caption.

Everything is importable from ``impactkit.rapport`` as well.
"""

from __future__ import annotations

from .pagina import (
    MAANDEN,
    SECTIES,
    VEGA_BESTAND,
    VEGA_MAP,
    aanmaakmoment,
    datum_tekst,
    grafiek_html,
    html_tabel_uit_rijen,
    html_uit_markdown,
    maak_rapport,
    schrijf_vega,
    sjabloon,
    vega_tabel_rijen,
    zonder_datum,
    zonder_titel,
)
from .pdf import CHROMIUM, GEEN_CHROMIUM, naar_pdf, vind_chromium
from .tabellen import (
    DEELVRAAG_KOLOMMEN,
    VERGELIJKING_LABELS,
    bewaar_oordelen,
    deelvragen_weergave,
    vergelijkingen_tabel,
)
from .weergave import gebruik_rapportweergave, svg_zonder_titel

__all__ = [
    "CHROMIUM",
    "DEELVRAAG_KOLOMMEN",
    "GEEN_CHROMIUM",
    "MAANDEN",
    "SECTIES",
    "VEGA_BESTAND",
    "VEGA_MAP",
    "VERGELIJKING_LABELS",
    "aanmaakmoment",
    "bewaar_oordelen",
    "datum_tekst",
    "deelvragen_weergave",
    "gebruik_rapportweergave",
    "grafiek_html",
    "html_tabel_uit_rijen",
    "html_uit_markdown",
    "maak_rapport",
    "naar_pdf",
    "schrijf_vega",
    "sjabloon",
    "svg_zonder_titel",
    "vega_tabel_rijen",
    "vergelijkingen_tabel",
    "vind_chromium",
    "zonder_datum",
    "zonder_titel",
]
