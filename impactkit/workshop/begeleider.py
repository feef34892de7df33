"""The trainer's pages: the overview with every participant's material and the answer sheet."""

from __future__ import annotations

from ..fouten import ImpactkitFout
from ..opmaak import getal
from .bouwstenen import band, cijfer, html_tekst, oefendata_blok, pagina, tabel
from .werkblad import Werkblad


def antwoorden_html(bladen: list[Werkblad], boek: str = "") -> str:
    """The trainer's answer sheet: per participant the figures an answer turns on."""
    if not bladen:
        raise ImpactkitFout("Geen deelnemers: er is geen antwoordblad te maken.")
    w0 = bladen[0]
    delen = [
        f"<h1>Antwoordblad voor de begeleider</h1>{band('Workshop stappenplan', w0.periode_label, w0.oefendata)}",
        oefendata_blok(w0.oefendata),
        "<p>Per deelnemer de cijfers waar de antwoorden op steunen. De uitgewerkte antwoorden met "
        "uitleg staan in het handboek (Workshop › Oefeningen, de uitwerkingen openklappen).</p>",
        "<h2>Voor iedereen hetzelfde</h2><ul>"
        "<li><strong>Oefening 1.</strong> Vragen over de omvang van het geweld kan de monitor "
        "per regio niet beantwoorden: die cijfers zijn er alleen landelijk. En meer meldingen "
        "betekent niet meer geweld; een campagne die werkt, geeft juist meer meldingen.</li>"
        "<li><strong>Oefening 3.</strong> <code>adviesvrager_type</code>, categorie 'Huisarts': "
        "een aandeel is eerlijker dan een aantal.</li>"
        "<li><strong>Oefening 4.</strong> Vergelijk per 10.000 inwoners; een groot deel van het "
        "verschil in aantallen komt door het aantal inwoners. Meer meldingen kan ook betekenen "
        "dat Veilig Thuis beter gevonden wordt.</li>"
        "<li><strong>Oefening 8.</strong> Een norm die je kiest na het zien van de cijfers, "
        "zegt niets meer.</li></ul>",
        "<h2>Per deelnemer</h2>",
    ]
    rijen = []
    for w in bladen:
        m = {r["regio"]: r for r in w.meldingen}
        eigen = next((r for r in w.meldingen if r["eigen"]), None)
        ander = next((r for r in w.meldingen if not r["eigen"] and r["regio"] != "Nederland"), None)
        if eigen and ander and eigen["meldingen"] and ander["meldingen"] and ander["per_10000"]:
            v4 = (
                f"{getal(eigen['meldingen'] / ander['meldingen'])}× zoveel meldingen als "
                f"{ander['regio']}, per inwoner {getal(eigen['per_10000'] / ander['per_10000'])}×"
            )
        else:
            v4 = "–"
        del m
        opv = "–" if w.opvallend is None else f"{w.opvallend} van {w.bevindingen}"
        prof = (
            f"{cijfer(w.professionals['waarde'])}% ({cijfer(w.professionals['laag'])}–"
            f"{cijfer(w.professionals['hoog'])})"
            if w.professionals
            else "–"
        )
        rijen.append(
            [
                html_tekst(w.deelnemer.naam),
                html_tekst(w.deelnemer.regio),
                html_tekst(w.hoofdvraag),
                html_tekst(v4),
                f"plek {w.plek} van {len(w.rangorde)}; {w.overlap} regio's overlappen",
                html_tekst(opv),
                html_tekst(prof),
            ]
        )
    delen.append(
        tabel(
            [
                "deelnemer",
                "regio",
                "hoofdvraag",
                "oef. 4: meldingen",
                "oef. 5: adviezen per 10.000",
                "oef. 6: opvallende bevindingen",
                "oef. 8: aandeel professionals",
            ],
            rijen,
            f"Cijfers per deelnemer, {w0.periode_label}. Bron: impactkit, "
            + ("oefendata (verzonnen cijfers)." if w0.oefendata else "eigen bron."),
        )
    )
    return pagina(f"Antwoordblad workshop — {w0.periode_label}", "\n".join(delen))


def overzicht_html(
    bladen: list[Werkblad], status: dict[str, str], extra: list[tuple[str, str]]
) -> str:
    """The trainer's overview page: every participant with links to their material."""
    w0 = bladen[0]
    rijen = []
    for w in bladen:
        d = w.deelnemer
        basis = f"deelnemers/{d.map}"
        rijen.append(
            [
                html_tekst(d.naam),
                html_tekst(d.regio),
                html_tekst(w.hoofdvraag),
                f'<a href="{basis}/werkblad.html">werkblad</a> · '
                f'<a href="{basis}/rapport.html">rapport</a> · '
                f'<a href="{basis}/stappenplan.yaml">plan</a>',
                html_tekst(status.get(d.map, "klaar")),
            ]
        )
    links = "".join(f'<li><a href="{html_tekst(h)}">{html_tekst(t)}</a></li>' for h, t in extra)
    inhoud = (
        f"<h1>Workshop stappenplan — overzicht voor de begeleider</h1>"
        f"{band(f'{len(bladen)} deelnemers', w0.periode_label, w0.oefendata)}"
        f"{oefendata_blok(w0.oefendata)}"
        f"<p>Alles is gemaakt voor de periode <strong>{html_tekst(w0.periode_label)}</strong> "
        f"({html_tekst(w0.periode)}). Print per deelnemer het werkblad en het rapport; geef het plan "
        "(<code>stappenplan.yaml</code>) digitaal mee.</p>"
        f"<h2>Voor de begeleider</h2><ul>{links}</ul><h2>Deelnemers</h2>"
        + tabel(
            ["deelnemer", "regio", "hoofdvraag", "materiaal", "status"],
            rijen,
            f"Deelnemers en hun materiaal, {w0.periode_label}.",
        )
    )
    return pagina(f"Workshop — overzicht, {w0.periode_label}", inhoud)
