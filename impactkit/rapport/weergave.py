"""The Altair renderer for the report: notebook charts as static SVG plus their Vega-Lite spec.

:func:`impactkit.rapport.maak_rapport` takes both from the executed notebook (the SVG as the
fallback and for print, the spec for the interactive chart). The SVG is drawn without the chart's
title and subtitle: the report says them once, in the figure's caption.
"""

from __future__ import annotations


def svg_zonder_titel(spec: dict) -> str:
    """The chart as static SVG without its own title and subtitle.

    In the report (and the app) the title and subtitle stand once, as text in the figure's
    caption (:func:`impactkit.rapport.grafiek_html`); drawn in the picture as well they were
    said twice.
    """
    import vl_convert as vlc

    from .pagina import zonder_titel

    return vlc.vegalite_to_svg(zonder_titel(spec))  # the Dutch locale sits in the chart's config


def _renderer(spec: dict, **kwargs) -> dict:
    """The SVG without the chart's title (the report's caption says it); the spec with it.

    The spec keeps its title: the report takes the caption from it, and a notebook opened in
    Jupyter shows the chart with its title.
    """
    sleutel = f"application/vnd.vegalite.v{_vl_hoofdversie()}+json"
    return {"image/svg+xml": svg_zonder_titel(spec), sleutel: spec}


def _vl_hoofdversie() -> str:
    import altair as alt

    return alt.SCHEMA_VERSION.lstrip("v").split(".")[0]


def _toon_zonder_validatie(grafiek) -> dict:
    """A chart's MIME bundle, built without Altair's JSON-schema validation.

    The kit's charts are validated in its test suite; in a batch kernel the validation of every
    chart on every display costs about 0,08 s a chart and checks nothing new.
    """
    return _renderer(grafiek.to_dict(validate=False, context={"pre_transform": False}))


def gebruik_rapportweergave(valideren: bool = False) -> None:
    """Show Altair charts as static SVG *plus* their Vega-Lite spec (for :func:`maak_rapport`).

    ``valideren=False`` (the batch): charts are not validated again against the Vega-Lite
    schema, neither when they are built (Altair's debug mode) nor when they are shown.
    """
    import altair as alt

    if "impactkit-rapport" not in alt.renderers.names():
        alt.renderers.register("impactkit-rapport", _renderer)
    alt.renderers.enable("impactkit-rapport")
    if valideren:
        return
    alt.utils.schemapi.disable_debug_mode()
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the kernel
        return
    schil = get_ipython()
    if schil is not None:  # a registered type printer wins over the chart's own repr
        schil.display_formatter.mimebundle_formatter.for_type(
            alt.TopLevelMixin, _toon_zonder_validatie
        )
