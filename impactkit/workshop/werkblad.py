"""One participant's exercise sheet: the figures it shows (:func:`werkblad_gegevens`, pure
computation) and the printable page (:func:`werkblad_html`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..fouten import ImpactkitFout
from ..perioden import Periode
from ..regioindeling import NEDERLAND, regio
from .bouwstenen import band, cijfer, html_tekst, invullijnen, oefendata_blok, pagina, tabel
from .deelnemers import Deelnemer


@dataclass
class Werkblad:
    """Everything the exercise sheet of one participant shows; computed, not formatted."""

    deelnemer: Deelnemer
    periode: str
    periode_label: str
    oefendata: bool
    hoofdvraag: str
    startvraag: str
    deelvragen: list[str]
    alleen_landelijk: list[str]  # exercise 1: indicators without regional figures
    huisarts_indicatoren: list[dict]  # exercise 3: the catalogue search 'huisarts'
    huisarts_categorieen: list[str]
    meldingen: list[dict]  # exercise 4: own region, a region of another size, Nederland
    rangorde: list[dict]  # exercise 5: every region, adviezen per 10.000 with interval
    plek: int
    overlap: int
    professionals: dict  # exercise 8: own value with interval (after the norm)
    opvallend: int | None = None  # exercise 6: from the report's summary
    bevindingen: int | None = None
    vragen: list[str] = field(default_factory=list)  # exercise 7: the questions for the talk


def _waarde(indicator: str, code: str, periode: str, data: pd.DataFrame, categorie=None):
    from ..opvragen import waarde

    try:
        return waarde(indicator, code, periode, categorie, data=data)
    except ImpactkitFout:
        return None


def _meldingen(d: Deelnemer, p: Periode, data: pd.DataFrame) -> list[dict]:
    """Exercise 4: own region, a region of a clearly different size, Nederland."""
    from ..opvragen import doorsnede

    aantallen = doorsnede("meldingen", p.code, data=data).dropna(subset=["waarde"])
    aantallen = aantallen[aantallen["regio_code"] != NEDERLAND]
    eigen_aantal = _waarde("meldingen", d.regio_code, p.code, data)
    anders = aantallen[aantallen["regio_code"] != d.regio_code]
    if eigen_aantal is not None and not anders.empty:
        mediaan = aantallen["waarde"].median()
        ander = anders.sort_values("waarde").iloc[0 if eigen_aantal >= mediaan else -1]
        codes = [d.regio_code, ander["regio_code"], NEDERLAND]
    else:
        codes = [d.regio_code, NEDERLAND]
    return [
        {
            "regio": "Nederland" if c == NEDERLAND else regio(c).naam_in(p),
            "eigen": c == d.regio_code,
            "meldingen": _waarde("meldingen", c, p.code, data),
            "per_10000": _waarde("meldingen_per_10000", c, p.code, data),
        }
        for c in codes
    ]


def _rangorde(d: Deelnemer, p: Periode, data: pd.DataFrame) -> tuple[list[dict], dict | None, int]:
    """Exercise 5: ranking with intervals; the own row and how many regions overlap with it."""
    from ..opvragen import doorsnede
    from ..vergelijken import met_intervallen

    alle = met_intervallen(doorsnede("adviezen_per_10000", p.code, data=data))
    alle = alle[(alle["regio_code"] != NEDERLAND) & alle["waarde"].notna()]
    alle = alle.sort_values("waarde", ascending=False).reset_index(drop=True)
    rangorde = [
        {
            "plek": i + 1,
            "regio": regio(r.regio_code).naam_in(p),
            "eigen": r.regio_code == d.regio_code,
            "waarde": r.waarde,
            "laag": r.laag,
            "hoog": r.hoog,
        }
        for i, r in enumerate(alle.itertuples())
    ]
    eigen = next((r for r in rangorde if r["eigen"]), None)
    overlap = (
        sum(
            1
            for r in rangorde
            if not r["eigen"] and r["laag"] <= eigen["hoog"] and r["hoog"] >= eigen["laag"]
        )
        if eigen
        else 0
    )
    return rangorde, eigen, overlap


def _professionals(d: Deelnemer, p: Periode, data: pd.DataFrame) -> dict:
    """Exercise 8: the own region's share of professionals with its interval ({} without one)."""
    from ..opvragen import doorsnede
    from ..vergelijken import met_intervallen

    prof = met_intervallen(doorsnede("professionals_aandeel", p.code, data=data))
    prof = prof[prof["regio_code"] == d.regio_code]
    return (
        {
            "waarde": prof["waarde"].iloc[0],
            "laag": prof["laag"].iloc[0],
            "hoog": prof["hoog"].iloc[0],
        }
        if not prof.empty and pd.notna(prof["waarde"].iloc[0])
        else {}
    )


def werkblad_gegevens(
    d: Deelnemer, periode: str, data: pd.DataFrame, plan=None, samenvatting: dict | None = None
) -> Werkblad:
    """The figures for one participant's exercise sheet (pure: data in, numbers out)."""
    from ..indicatoren import catalogus, indicator, zoek
    from ..stappenplan import Stappenplan

    p = Periode.parse(periode)
    if plan is None:
        plan = (
            Stappenplan.uit_startvraag(d.startvraag, d.regio_code, p.code)
            if d.startvraag
            else Stappenplan.nieuw(d.regio_code, p.code)
        )
        if d.hoofdvraag:
            plan.hoofdvraag = d.hoofdvraag
    sel = data[data["periode"] == p.code]
    oefendata = bool((sel["herkomst"] == "oefendata").any()) if "herkomst" in sel else True

    cat = catalogus()
    landelijk = cat[~cat["niveaus"].str.contains("regionaal")]
    landelijk = landelijk[landelijk["thema"] == "omvang"]
    huisarts = zoek("huisarts")
    huisarts_rijen = [
        {"id": r.id, "naam": r.naam, "eenheid": r.eenheid} for r in huisarts.itertuples()
    ]
    meldingen = _meldingen(d, p, data)
    rangorde, eigen, overlap = _rangorde(d, p, data)
    professionals = _professionals(d, p, data)
    samenvatting = samenvatting or {}
    return Werkblad(
        deelnemer=d,
        periode=p.code,
        periode_label=p.label,
        oefendata=oefendata,
        hoofdvraag=plan.hoofdvraag,
        startvraag=d.startvraag,
        deelvragen=[dv.vraag for dv in plan.deelvragen],
        alleen_landelijk=[f"{r.naam}" for r in landelijk.itertuples()],
        huisarts_indicatoren=huisarts_rijen,
        huisarts_categorieen=list(getattr(indicator("adviesvrager_type"), "categorieen", ()) or ()),
        meldingen=meldingen,
        rangorde=rangorde,
        plek=eigen["plek"] if eigen else 0,
        overlap=overlap,
        professionals=professionals,
        opvallend=samenvatting.get("opvallend"),
        bevindingen=samenvatting.get("bevindingen"),
        vragen=list(samenvatting.get("vragen") or [])[:5],
    )


def _oefeningen_1_2(w: Werkblad, rapport: str) -> str:
    """Page 1 of the sheet: the introduction, the main question and the sub-questions."""
    d, pl = w.deelnemer, w.periode_label
    deelvragen = "".join(f"<li>{html_tekst(v)}</li>" for v in w.deelvragen) or (
        "<li><em>Nog geen deelvragen: die schrijf je zelf in oefening 2.</em></li>"
    )
    vraag = (
        f"startvraag <code>{html_tekst(w.startvraag)}</code>"
        if w.startvraag and not d.hoofdvraag
        else "je eigen hoofdvraag"
    )
    return f"""
<h1>Werkblad workshop stappenplan — {html_tekst(d.regio)}</h1>
<p>Voor <strong>{html_tekst(d.naam)}</strong>. Regio <strong>{html_tekst(d.regio)}</strong> ({html_tekst(d.regio_code)}),
periode <strong>{html_tekst(pl)}</strong> ({html_tekst(w.periode)}). Naast dit werkblad heb je het rapport van je
regio (<a href="{html_tekst(rapport)}">rapport.html</a>) en je plan (<code>stappenplan.yaml</code>).</p>
{oefendata_blok(w.oefendata)}
<p class="klein">Je kunt alle oefeningen doen met dit werkblad en het rapport; je hebt geen Python
nodig. Een blok met een stippellijn is een extra voor wie in het werkboek werkt.</p>
<h2>Oefening 1 — De hoofdvraag</h2>
<p>Je plan begint met {vraag}:</p>
<p class="opdracht"><strong>{html_tekst(w.hoofdvraag or "(nog geen hoofdvraag)")}</strong></p>
<p>Waar heeft jouw regio het afgelopen jaar op ingezet? Past de hoofdvraag daarbij? Schrijf hem
zo nodig opnieuw op, in één zin:</p>{invullijnen(2)}
<p>Deze indicatoren zijn er <strong>alleen voor heel Nederland</strong>, niet per regio. Een vraag
die daarover gaat, kan de monitor voor jouw regio niet beantwoorden:
{html_tekst(", ".join(n.lower() for n in w.alleen_landelijk))}.</p>
<h2>Oefening 2 — Deelvragen</h2>
<p>De deelvragen in je plan:</p><ol>{deelvragen}</ol>
<p>Schrijf één eigen deelvraag op, als iets wat je kunt zien ('vragen huisartsen vaker
advies?'), niet als verklaring:</p>{invullijnen(2)}
"""


def _oefening_3(w: Werkblad) -> str:
    """Exercise 3: choosing an indicator from the catalogue."""
    huis = tabel(
        ["indicator (id)", "naam", "eenheid"],
        [
            [f"<code>{html_tekst(r['id'])}</code>", html_tekst(r["naam"]), html_tekst(r["eenheid"])]
            for r in w.huisarts_indicatoren
        ],
        "Zoeken in de catalogus op 'huisarts'. Bron: catalogus van impactkit.",
    )
    cats = ", ".join(html_tekst(c) for c in w.huisarts_categorieen)
    return f"""
<h2>Oefening 3 — Een indicator kiezen</h2>
<p>Zo ziet de zoekopdracht 'huisarts' in de catalogus eruit:</p>{huis}
<p>Dit is een verdeling: je kiest er een categorie bij. De categorieën zijn: {cats}.</p>
<p>Welke indicator en categorie koppel je aan je deelvraag, en waarom (één zin)?</p>{invullijnen(2)}
"""


def _oefeningen_4_5(w: Werkblad, bron: str) -> str:
    """Exercises 4 and 5: counts against rates, and the ranking with its intervals."""
    d, pl = w.deelnemer, w.periode_label
    m_rijen = [
        [html_tekst(r["regio"]), cijfer(r["meldingen"], 0), cijfer(r["per_10000"])]
        for r in w.meldingen
    ]
    m_tabel = tabel(
        ["regio", "meldingen", "meldingen per 10.000 inwoners"],
        m_rijen,
        f"Meldingen bij Veilig Thuis, {pl}. {bron}.",
        {1, 2},
        [r["eigen"] for r in w.meldingen],
    )
    andere = next(
        (r["regio"] for r in w.meldingen if not r["eigen"] and r["regio"] != "Nederland"),
        "een andere regio",
    )
    r_rijen = [
        [
            str(r["plek"]),
            html_tekst(r["regio"]) + (" (jouw regio)" if r["eigen"] else ""),
            cijfer(r["waarde"]),
            f"{cijfer(r['laag'])} – {cijfer(r['hoog'])}",
        ]
        for r in w.rangorde
    ]
    r_tabel = tabel(
        ["plek", "regio", "adviezen per 10.000 inwoners", "interval (95%)"],
        r_rijen,
        f"Rangorde van de regio's, adviezen per 10.000 inwoners, {pl}. Jouw regio is "
        f"vet gedrukt en gemarkeerd met '(jouw regio)'. {bron}.",
        {0, 2, 3},
        [r["eigen"] for r in w.rangorde],
    )
    return f"""
<h2>Oefening 4 — Meer meldingen, of meer inwoners?</h2>
<p class="opdracht">Iemand zegt: '{html_tekst(d.regio)} heeft veel meer (of minder) meldingen dan
{html_tekst(andere)}, dus bij ons gaat het slechter (of beter).' Wat klopt daarvan, en wat niet?</p>
{m_tabel}{invullijnen(2)}
<h2>Oefening 5 — De rangorde en de intervallen</h2>
<p class="opdracht">Op welke plek staat {html_tekst(d.regio)}? Van hoeveel regio's kun je met deze cijfers
níet zeggen dat ze anders zijn? (Tip: overlappen de intervallen?)</p>
{r_tabel}{invullijnen(1)}
"""


def _oefeningen_6_8(w: Werkblad, bron: str) -> str:
    """Page 3 of the sheet: exercises 6 to 8 and how to go on after the workshop."""
    d, pl = w.deelnemer, w.periode_label
    professionals = (
        f"{cijfer(w.professionals['waarde'])}% (interval {cijfer(w.professionals['laag'])}% – "
        f"{cijfer(w.professionals['hoog'])}%)"
        if w.professionals
        else "geen cijfer in deze periode"
    )
    return f"""
<h2>Oefening 6 — Wat valt op, en wat niet?</h2>
<p class="opdracht">Lees in het rapport het antwoord op de hoofdvraag en de bevindingen. Schrijf
twee zinnen: één over wat opvalt en één over wat níet opvalt (en wat je wel had verwacht).</p>
{invullijnen(3)}
<h2>Oefening 7 — Rollenspel: het gesprek met partners</h2>
<p>Je krijgt een rolkaart. De voorzitter opent met de vragen voor het gesprek uit het rapport.
Schrijf na het gesprek op: wie er waren, twee interpretaties, één conclusie en één afspraak (met
een eigenaar en een datum).</p>{invullijnen(4)}
<h2>Oefening 8 — Een norm, vooraf vastgelegd</h2>
<p class="opdracht">Schrijf op, <strong>zonder in het rapport te kijken</strong>, welk aandeel
professionals onder de adviezen en meldingen jouw regio minimaal wil halen, en waarom.</p>
<p>Norm: minimaal ______ %, omdat</p>{invullijnen(2)}
<p class="klein">Pas daarna kijken. Aandeel professionals in {html_tekst(d.regio)}, {html_tekst(pl)}:
<strong>{professionals}</strong> ({html_tekst(bron)}). Haalt de regio je norm? En als de norm binnen het
interval ligt?</p>
<h2>Na de workshop</h2>
<p>Je plan staat in <code>stappenplan.yaml</code>, naast dit werkblad. Ga ermee verder in het
werkboek: open <code>notebooks/stappenplan.ipynb</code> en vul bij <code>plan_bestand</code> het pad
naar je plan in. Het plan brengt zijn regio ({html_tekst(d.regio)}) en periode ({html_tekst(w.periode)}) mee.
Met echte cijfers verder? Zie het hoofdstuk 'Werken met echte cijfers' in het handboek.</p>
<p class="python klein">Voor wie in Python werkt: <code>plan = ik.Stappenplan.laad(
"stappenplan.yaml")</code>. De uitwerkingen staan in het handboek, Workshop › Oefeningen.</p>
"""


def werkblad_html(w: Werkblad, rapport: str = "rapport.html", boek: str = "") -> str:
    """The printable exercise sheet of one participant: one A4 page per part of the afternoon."""
    d, pl = w.deelnemer, w.periode_label
    bron = "Bron: impactkit, " + ("oefendata (verzonnen cijfers)" if w.oefendata else "eigen bron")
    titel = f"Werkblad {d.naam} — {d.regio}, {pl}"

    def blad(inhoud: str) -> str:
        return (
            f'<section class="blad">{band(f"{d.naam} · {d.regio}", pl, w.oefendata)}'
            f"{inhoud}</section>"
        )

    deel1 = _oefeningen_1_2(w, rapport)
    deel2 = _oefening_3(w)
    deel3 = _oefeningen_4_5(w, bron)
    deel4 = _oefeningen_6_8(w, bron)
    return pagina(titel, blad(deel1) + blad(deel2 + deel3) + blad(deel4))
