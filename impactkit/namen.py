"""Safe names made from user text: one slug function for folders, files and heading ids.

Examples
--------
>>> slug("Noord- en Midden Limburg")
'noord-en-midden-limburg'
>>> slug("../../etc/passwd"), slug("")
('etc-passwd', 'regio')
>>> slug("duur_geweld_meldingen", "kaart", "Fryslân", "2021H1", lengte=None, leeg="")
'duur-geweld-meldingen-kaart-fryslan-2021h1'
>>> slug("Antwoord op de hoofdvraag", lengte=50, leeg="kop")
'antwoord-op-de-hoofdvraag'
"""

from __future__ import annotations

import re
import unicodedata


def slug(*delen: object, lengte: int | None = 60, leeg: str = "regio") -> str:
    """The parts joined by '-', as lower-case ASCII letters and digits separated by single '-'.

    Accents are dropped (``Fryslân`` -> ``fryslan``); everything else that is not a letter or a
    digit becomes '-', never at the start or end. ``lengte``: cut to at most this many
    characters (``None``: no limit); ``leeg``: the slug when nothing is left.
    """
    tekst = "-".join(str(d) for d in delen)
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    tekst = re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")
    return tekst[:lengte] or leeg
