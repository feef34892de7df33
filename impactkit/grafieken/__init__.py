"""Charts for the step plan: Altair charts in Dutch, with an honest caption on every chart.

Every function returns an ``alt.Chart`` or ``alt.LayerChart`` and nothing else: no display, no
global theme. The kit's look (Dutch number format, Okabe-Ito colours, font sizes) is set per
chart in its ``config``, so a chart looks the same in a notebook, the book and an exported file.
Because the config sits on the returned chart, Altair refuses to concatenate the charts as
they are: remove it first (``g.config = alt.Undefined``) and configure the combination once,
``alt.vconcat(g1, g2).configure(**thema())``.

Colours (Okabe-Ito, safe for colour blindness): the chosen region in vermilion ``#D55E00``,
Nederland in blue ``#0072B2``, other regions grey ``#8C8C8C`` (3,4:1 on white: graphics need
3:1). A verdict always has a colour, a sign and its word (``uiterlijk.OORDEEL_STIJL``).

Every chart carries its own description for readers who cannot see it (:mod:`.toegankelijk`):
:func:`alt_tekst`, :func:`bijschrift` (the visible caption) and :func:`grafiek_tabel` (the data
as a table; :func:`tabel_html` gives it as a collapsed "Grafiek als tabel" block).

Every chart says where its figures come from, says so loudly when they are practice data
(``herkomst == "oefendata"``), and says when small numbers were suppressed. The charts embed
only the aggregated rows they draw, never the observation table.

The rooms: :mod:`.uiterlijk` (look, captions, shared helpers), :mod:`.tijd` (one region against
Nederland: bars and time series), :mod:`.spreiding` (all regions: ranking and funnel),
:mod:`.verdelingsgrafiek` (categories), :mod:`.kaarten` (the maps), :mod:`.profielgrafiek` (a
region on one picture: the spine chart), :mod:`.keuze` (which charts show the notable findings:
:func:`grafiekkeuze`, :func:`maak_grafiek`), :mod:`.toegankelijk` (alt text, caption, table,
contrast) and :mod:`.bewaren` (PNG/SVG export).

Examples
--------
>>> g = staaf_vergelijking("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
>>> OEFENDATA_TEKST in g.to_dict()["title"]["subtitle"]
True
"""

from .bewaren import bewaar, bewaar_alles
from .kaarten import kaart, kaart_oordelen
from .keuze import grafiekkeuze, maak_grafiek
from .profielgrafiek import profiel, profiel_tabel
from .spreiding import rangorde, trechter
from .tijd import staaf_vergelijking, tijdreeks
from .toegankelijk import (
    alt_tekst,
    bijschrift,
    contrast,
    figuur,
    grafiek_tabel,
    soort,
    tabel_html,
)
from .uiterlijk import (
    ACCENT,
    BRON_CBS,
    BRON_EIGEN,
    BRON_OEFEN,
    GRAFIEKEN,
    LANDELIJK,
    OEFENDATA_TEKST,
    ONDERDRUKT_KLEUR,
    ONDERDRUKT_LABEL,
    ONDERDRUKT_TEKST,
    OVERIG,
    STANDAARD_INDICATOREN,
    thema,
)
from .verdelingsgrafiek import verdeling_grafiek

__all__ = [
    "ACCENT",
    "BRON_CBS",
    "BRON_EIGEN",
    "BRON_OEFEN",
    "GRAFIEKEN",
    "LANDELIJK",
    "OEFENDATA_TEKST",
    "ONDERDRUKT_KLEUR",
    "ONDERDRUKT_LABEL",
    "ONDERDRUKT_TEKST",
    "OVERIG",
    "STANDAARD_INDICATOREN",
    "alt_tekst",
    "bewaar",
    "bewaar_alles",
    "bijschrift",
    "figuur",
    "contrast",
    "grafiek_tabel",
    "grafiekkeuze",
    "kaart",
    "kaart_oordelen",
    "maak_grafiek",
    "profiel",
    "profiel_tabel",
    "soort",
    "tabel_html",
    "rangorde",
    "staaf_vergelijking",
    "thema",
    "tijdreeks",
    "trechter",
    "verdeling_grafiek",
]
