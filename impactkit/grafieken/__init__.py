"""Charts for the step plan: Altair charts in Dutch, with an honest caption on every chart.

Every function returns an ``alt.Chart`` or ``alt.LayerChart`` and nothing else: no display, no
global theme. The kit's look (Dutch number format, Okabe-Ito colours, font sizes) is set per
chart in its ``config``, so a chart looks the same in a notebook, the book and an exported file.
Because the config sits on the returned chart, Altair refuses to concatenate the charts as
they are: remove it first (``g.config = alt.Undefined``) and configure the combination once,
``alt.vconcat(g1, g2).configure(**thema())``.

Colours (Okabe-Ito, safe for colour blindness): the chosen region in vermilion ``#D55E00``,
Nederland in blue ``#0072B2``, other regions grey ``#BBBBBB``.

Every chart says where its figures come from, says so loudly when they are practice data
(``herkomst == "oefendata"``), and says when small numbers were suppressed. The charts embed
only the aggregated rows they draw, never the observation table.

The rooms: :mod:`.thema` (look, captions, shared helpers), :mod:`.tijd` (one region against
Nederland: bars and time series), :mod:`.spreiding` (all regions: ranking and funnel),
:mod:`.verdeling` (categories), :mod:`.kaart` (the map) and :mod:`.bewaren` (PNG/SVG export).

Examples
--------
>>> g = staaf_vergelijking("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1")
>>> OEFENDATA_TEKST in g.to_dict()["title"]["subtitle"]
True
"""

from .bewaren import bewaar, bewaar_alles
from .kaart import kaart
from .spreiding import rangorde, trechter
from .thema import (
    ACCENT,
    BRON_CBS,
    BRON_EIGEN,
    BRON_OEFEN,
    GRAFIEKEN,
    LANDELIJK,
    OEFENDATA_TEKST,
    ONDERDRUKT_KLEUR,
    ONDERDRUKT_TEKST,
    OVERIG,
    STANDAARD_INDICATOREN,
    thema,
)
from .tijd import staaf_vergelijking, tijdreeks
from .verdeling import verdeling_grafiek

__all__ = [
    "ACCENT",
    "BRON_CBS",
    "BRON_EIGEN",
    "BRON_OEFEN",
    "GRAFIEKEN",
    "LANDELIJK",
    "OEFENDATA_TEKST",
    "ONDERDRUKT_KLEUR",
    "ONDERDRUKT_TEKST",
    "OVERIG",
    "STANDAARD_INDICATOREN",
    "bewaar",
    "bewaar_alles",
    "kaart",
    "rangorde",
    "staaf_vergelijking",
    "thema",
    "tijdreeks",
    "trechter",
    "verdeling_grafiek",
]
