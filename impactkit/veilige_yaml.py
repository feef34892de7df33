"""Plan files and deelvragen as YAML (or JSON), read strictly.

A plan is text a coordinator edits by hand and a trainer hands out, so it is read as data and
nothing more: no anchors and aliases (a few hundred bytes can expand to gigabytes), no key given
twice (YAML silently keeps one), and at most :data:`MAX_PLAN_TEKENS` characters. Every problem
is a Dutch :class:`~impactkit.fouten.ImpactkitFout` with the line and column.
"""

from __future__ import annotations

import yaml

from .fouten import ImpactkitFout

MAX_PLAN_TEKENS = 1_000_000
"""Longest plan (file or deelvragen text) read or saved: a real plan is a few thousand."""


class _Weigering(yaml.MarkedYAMLError):
    """Valid YAML that a plan refuses (an alias, a key given twice)."""


class _StrengeLader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases (``&``/``*``: a few hundred bytes can expand to
    gigabytes, the 'billion laughs') and without a key given twice in one mapping (YAML keeps
    the last one and silently drops the other)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Weigering(
                problem="verwijzingen (& en *) zijn in een stappenplan niet toegestaan. Schrijf "
                "de tekst of lijst voluit op elke plek waar hij hoort.",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        gezien: dict = {}
        for knoop, _ in node.value:
            sleutel = self.construct_object(knoop, deep=True)
            try:
                if sleutel in gezien:
                    raise _Weigering(
                        problem=f"het onderdeel '{sleutel}' staat er twee keer (ook op regel "
                        f"{gezien[sleutel]}). Laat er één staan: anders valt er één ongemerkt weg.",
                        problem_mark=knoop.start_mark,
                    )
                gezien[sleutel] = knoop.start_mark.line + 1
            except TypeError:  # an unhashable key: SafeLoader names it
                continue
        return super().construct_mapping(node, deep)


def getal_met_punten(n: int) -> str:
    """1234567 -> '1.234.567' (Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def lees_yaml(tekst: str, plek: str, hulp: str, soort: str = "YAML") -> object:
    """YAML (or JSON) text read strictly: no aliases, no duplicate keys, at most
    :data:`MAX_PLAN_TEKENS` characters. Problems raise :class:`ImpactkitFout` naming ``plek``,
    the line and the key; ``hulp`` ends the message for text that is no ``soort`` at all.
    """
    if len(tekst) > MAX_PLAN_TEKENS:
        raise ImpactkitFout(
            f"{plek} is te lang ({getal_met_punten(len(tekst))} tekens; een stappenplan heeft er hooguit "
            f"{getal_met_punten(MAX_PLAN_TEKENS)}). Is dit het goede bestand?"
        )
    try:
        return yaml.load(tekst, Loader=_StrengeLader)  # SafeLoader: no objects
    except _Weigering as e:
        m = e.problem_mark
        raise ImpactkitFout(
            f"{plek}, regel {m.line + 1}, kolom {m.column + 1}: {e.problem}"
        ) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        waar = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
        raise ImpactkitFout(f"{plek} is geen leesbare {soort}{waar}. {hulp}") from None


__all__ = ["MAX_PLAN_TEKENS", "getal_met_punten", "lees_yaml"]
