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
>>> veilige_mapnaam("CON", "deelnemer"), veilige_mapnaam("vega", "regio", bezet={"vega"})
('con-deelnemer', 'vega-regio')
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


WINDOWS_GERESERVEERD = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{s}{i}" for s in ("com", "lpt") for i in range(10)]
)
"""Names Windows cannot use for a file or folder (any case, with any extension)."""


def veilige_mapnaam(
    naam: object, achtervoegsel: str, bezet: set[str] | frozenset = frozenset()
) -> str:
    """A folder name from user text that Windows can open and that no fixed name can take.

    ``slug(naam)``, with ``-<achtervoegsel>`` added when the slug is a Windows device name (CON,
    nul, aux, com1, LPT1, ...) or one of the names in ``bezet`` (the output folder's own
    folders, such as ``vega``).
    """
    basis = slug(naam)
    if basis in WINDOWS_GERESERVEERD or basis in bezet:
        return f"{basis}-{achtervoegsel}"
    return basis
