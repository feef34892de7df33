"""Saving charts as PNG or SVG, one at a time or all standard charts of a region."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import altair as alt
import pandas as pd

from ..fouten import GeenWaarde, ImpactkitFout, bestandsreden
from ..indicatoren import Indicator
from ..indicatoren import indicator as zoek_indicator
from ..namen import slug
from ..perioden import Periode
from ..regioindeling import regio as zoek_regio
from .kaarten import kaart
from .spreiding import rangorde, trechter
from .tijd import staaf_vergelijking, tijdreeks
from .uiterlijk import FORMATEN, STANDAARD_INDICATOREN, data_of_laad
from .verdelingsgrafiek import verdeling_grafiek


def _vl_versie() -> str:
    # vl-convert names Vega-Lite versions like 'v6_4' (Altair's SCHEMA_VERSION is 'v6.4.1').
    return "_".join(alt.SCHEMA_VERSION.split(".")[:2])


def _controleer_extensie(extensie: str) -> str:
    ext = extensie.lower() if extensie.startswith(".") else f".{extensie.lower()}"
    if ext not in FORMATEN:
        raise ImpactkitFout(
            f"Bestandsformaat '{extensie or '(geen extensie)'}' kan niet. Kies een van de "
            f"toegestane extensies: {', '.join(FORMATEN)}."
        )
    return ext


def bewaar(grafiek: alt.TopLevelMixin, pad: str | Path) -> Path:
    """Write a chart to a PNG or SVG file, chosen by the file's extension; returns the path.

    The folder is created when needed. PNG is rendered at twice the size (sharp in reports).

    Examples
    --------
    >>> import tempfile
    >>> g = staaf_vergelijking("hermeldingen", "VT22", "2021H1")
    >>> bewaar(g, Path(tempfile.mkdtemp()) / "hermeldingen.svg").suffix
    '.svg'
    """
    import vl_convert as vlc

    pad = Path(pad)
    ext = _controleer_extensie(pad.suffix)
    spec = grafiek.to_dict()
    controleer_doelmap(pad.parent)
    if pad.is_dir():
        raise ImpactkitFout(
            f"'{pad}' is een map. Geef de naam van het bestand zelf, bv. '{pad / ('grafiek' + ext)}'."
        )
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        if ext == ".png":
            pad.write_bytes(vlc.vegalite_to_png(spec, vl_version=_vl_versie(), scale=2))
        else:
            pad.write_text(vlc.vegalite_to_svg(spec, vl_version=_vl_versie()), encoding="utf-8")
    except OSError as e:
        raise ImpactkitFout(f"De grafiek is niet bewaard in '{pad}': {bestandsreden(e)}.") from e
    return pad


def controleer_doelmap(map: Path) -> None:
    """Refuse (Dutch message) a folder to write into when it, or a folder above it, is a file."""
    for deel in [map, *map.parents]:
        if deel.exists() and not deel.is_dir():
            raise ImpactkitFout(
                f"'{deel}' is een bestand, geen map, dus '{map}' kan geen map worden. Kies een "
                "andere map, of verplaats of hernoem dat bestand."
            )
        if deel.exists():
            return


def _slug(*delen: str) -> str:
    return slug(*delen, lengte=None, leeg="")


def _grafieken_voor(ind: Indicator) -> list[str]:
    if ind.is_verdeling:
        return ["verdeling"]
    namen = ["staaf_vergelijking", "tijdreeks", "rangorde"]
    if ind.eenheid in ("%", "per 10.000 inwoners"):
        namen.append("trechter")
    namen.append("kaart")
    return namen


def bewaar_alles(
    regio: str,
    periode: str,
    map: str | Path,
    indicatoren: Sequence[str] | None = None,
    formaten: Sequence[str] = ("png", "svg"),
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Write every applicable chart for a region and period to ``map``; returns what was written.

    Per indicator: comparison bar, time series, ranking, funnel (shares and rates) and map; a
    distribution gets its grouped bar chart. Default indicators: acuut_structureel_onveilig,
    meldingen_per_10000, adviezen_per_10000, ots_per_10000, hermeldingen, overdracht_rvdk and
    the distribution duur_geweld_meldingen. File names are slugs such as
    ``hermeldingen-tijdreeks-zaanstreek-waterland-2021h1.svg``.

    A chart without figures (e.g. no data in that period) is skipped with a Dutch warning; when
    nothing at all can be drawn, the first :class:`~impactkit.fouten.GeenWaarde` is raised.
    An indicator without regional figures raises :class:`~impactkit.fouten.GeenWaarde`.

    Returns a table with columns ``grafiek``, ``indicator``, ``pad``, ``formaat``.

    Examples
    --------
    >>> import tempfile
    >>> t = bewaar_alles("VT22", "2021H1", tempfile.mkdtemp(), indicatoren=["hermeldingen"],
    ...                  formaten=["svg"])
    >>> t["grafiek"].tolist()
    ['staaf_vergelijking', 'tijdreeks', 'rangorde', 'trechter', 'kaart']
    """
    r, p = zoek_regio(regio), Periode.parse(periode)
    extensies = [_controleer_extensie(f) for f in formaten]
    if not extensies:
        raise ImpactkitFout(f"Geef minstens één formaat op: {', '.join(FORMATEN)}.")
    if isinstance(indicatoren, str):  # one id, not its letters
        indicatoren = [indicatoren]
    indicatoren = list(STANDAARD_INDICATOREN if indicatoren is None else indicatoren)
    inds = [zoek_indicator(i) for i in indicatoren]
    for ind in inds:
        if not ind.is_regionaal:
            raise GeenWaarde(
                f"{ind.naam} is alleen landelijk beschikbaar ({', '.join(ind.niveaus)}); "
                "daar zijn geen regiografieken van. Laat deze indicator weg."
            )
    df = data_of_laad(data)
    map = Path(map)
    controleer_doelmap(map)
    makers = {
        "staaf_vergelijking": lambda i: staaf_vergelijking(i, r.code, p.code, data=df),
        "tijdreeks": lambda i: tijdreeks(i, r.code, data=df),
        "rangorde": lambda i: rangorde(i, p.code, r.code, data=df),
        "trechter": lambda i: trechter(i, p.code, r.code, data=df),
        "kaart": lambda i: kaart(i, p.code, r.code, data=df),
        "verdeling": lambda i: verdeling_grafiek(i, r.code, p.code, data=df),
    }
    rijen: list[dict] = []
    eerste_fout: GeenWaarde | None = None
    for ind in inds:
        for naam in _grafieken_voor(ind):
            try:
                grafiek = makers[naam](ind.id)
            except GeenWaarde as e:
                eerste_fout = eerste_fout or e
                warnings.warn(f"Grafiek '{naam}' voor {ind.id} overgeslagen: {e}", stacklevel=2)
                continue
            for ext in extensies:
                pad = map / f"{_slug(ind.id, naam, r.naam, p.code)}{ext}"
                bewaar(grafiek, pad)
                rijen.append(
                    {"grafiek": naam, "indicator": ind.id, "pad": pad, "formaat": ext.lstrip(".")}
                )
    if not rijen and eerste_fout is not None:
        raise eerste_fout
    return pd.DataFrame(rijen, columns=["grafiek", "indicator", "pad", "formaat"]).astype(
        {"grafiek": "string", "indicator": "string", "formaat": "string"}
    )
