"""Pages from the book as printed material: MyST to Markdown to HTML, and a page cut into
its '##' sections (for the slides and the role cards)."""

from __future__ import annotations

import re


def myst_naar_markdown(tekst: str) -> str:
    """MyST roles and comments to plain Markdown (for the printed material)."""
    tekst = re.sub(r"\A---\n.*?\n---\n", "", tekst, flags=re.S)  # jupytext header
    tekst = re.sub(r"<!--.*?-->", "", tekst, flags=re.S)
    tekst = re.sub(r"^\(.+\)=\s*$", "", tekst, flags=re.M)  # (label)=
    tekst = re.sub(r"\{(?:ref|doc|numref)\}`([^<`]+?)\s*<[^>]+>`", r"\1", tekst)
    tekst = re.sub(r"\{(?:ref|doc|numref)\}`([^`]+)`", r"\1", tekst)
    return tekst


def markdown_html(tekst: str) -> str:
    """Markdown to HTML; raw HTML in the text is escaped."""
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(tekst)


def secties(tekst: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Split a page into (title, [(heading, body, notes)]) at every '##' heading.

    A ``:::{admonition} Voor de begeleider`` block inside a section becomes its notes.
    """
    tekst = myst_naar_markdown(tekst)
    titel = re.search(r"^# (.+)$", tekst, flags=re.M)
    delen = re.split(r"^## (.+)$", tekst, flags=re.M)
    uit = []
    for kop, body in zip(delen[1::2], delen[2::2]):
        notities = []

        def vang(m: re.Match, notities: list = notities) -> str:
            notities.append(m["inhoud"].strip())
            return ""

        body = re.sub(
            r"^:{3,}\{admonition\}\s*Voor de begeleider[ \t]*\n(?::class:[^\n]*\n)?(?P<inhoud>.*?)^:{3,}\s*$",
            vang,
            body,
            flags=re.S | re.M,
        )
        body = re.sub(
            r"^:{3,}\{[^}]+\}[^\n]*\n(?::\w+:[^\n]*\n)*", "", body, flags=re.M
        )  # other blocks
        body = re.sub(r"^:{3,}\s*$", "", body, flags=re.M)
        uit.append((kop.strip(), body.strip(), "\n\n".join(notities)))
    return (titel[1].strip() if titel else ""), uit
