"""The Altair renderer for the report: notebook charts as static SVG plus their Vega-Lite spec.

:func:`impactkit.rapport.maak_rapport` takes both from the executed notebook (the SVG as the
fallback and for print, the spec for the interactive chart).
"""

from __future__ import annotations


def _renderer(spec: dict, **kwargs) -> dict:
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(spec)  # the Dutch number locale sits in the chart's config
    sleutel = f"application/vnd.vegalite.v{_vl_hoofdversie()}+json"
    return {"image/svg+xml": svg, sleutel: spec}


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
