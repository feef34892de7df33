"""The workshop: prepare everything a trainer hands out, from a list of participants.

``voorbereiden("deelnemers.csv", "workshop")`` reads the participants (naam, regio, optional
startvraag or hoofdvraag), runs the batch for their regions and writes, for each participant, an
exercise sheet with their own region's figures (``werkblad.html``), their region's report and
their saved plan (``stappenplan.yaml``, to continue in the notebook with ``plan_bestand``); for
the trainer an overview page, the answer sheet, the role cards and the slides. The slides and
role cards are made from the book's own pages (``book/workshop/presentatie.md`` and
``rolkaarten.md``), so the book and the printed material say the same thing.

The period is explicit everywhere: the one given, or the latest period with figures, and every
page states it. Every page says when the figures are practice data (oefendata).

Reading, computing and writing HTML are separate, pure functions; only :func:`voorbereiden`
runs the batch and writes files.
"""

from __future__ import annotations

import csv
import difflib
import html
import io
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .fouten import ImpactkitFout
from .opmaak import getal
from .paden import PROJECT_MAP
from .perioden import Periode
from .regioindeling import NEDERLAND, regio

KOLOMMEN = ("naam", "regio", "startvraag", "hoofdvraag")
VERPLICHT = ("naam", "regio")
STANDAARD_STARTVRAAG = "bereik_burgers_professionals"  # the book's workshop exercises use it
WORKSHOP_BOEK = PROJECT_MAP / "book" / "workshop"
OEFENDATA_ZIN = (
    "Dit zijn oefendata: verzonnen cijfers om mee te oefenen. Ze lijken op echte cijfers, maar "
    "zeggen niets over je regio. Gebruik ze niet in een vergadering, nota of presentatie."
)


# -- participants --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Deelnemer:
    """One participant, as read from the CSV (line ``regel``)."""

    naam: str
    regio_code: str
    regio: str  # the region's name in the workshop's period
    startvraag: str  # with an own hoofdvraag: where its sub-questions and indicators come from
    hoofdvraag: str  # '' means: the start question's
    regel: int
    map: str = ""  # folder name under deelnemers/, unique

    @property
    def groep(self) -> str:
        """Participants with the same question share one batch run."""
        if self.hoofdvraag:
            return f"eigen-{self.map}"
        return self.startvraag


def _lees_tekst(pad: Path) -> str:
    if not pad.exists():
        raise ImpactkitFout(f"Het bestand '{pad}' bestaat niet.")
    if pad.is_dir():
        raise ImpactkitFout(f"'{pad}' is een map. Geef het CSV-bestand met de deelnemers op.")
    ruw = pad.read_bytes()
    if ruw[:4] == b"PK\x03\x04":
        raise ImpactkitFout(
            f"'{pad.name}' is een Excel-bestand. Sla het in Excel op als 'CSV UTF-8' en probeer "
            "het opnieuw."
        )
    for codering in (
        ("utf-8-sig", "utf-16")
        if ruw[:2] in (b"\xff\xfe", b"\xfe\xff")
        else ("utf-8-sig", "cp1252")
    ):
        try:
            return ruw.decode(codering)
        except UnicodeDecodeError:
            continue
    raise ImpactkitFout(f"'{pad.name}' is geen tekstbestand (CSV).")


def lees_deelnemers(
    pad: str | Path, periode: str, data: pd.DataFrame | None = None
) -> list[Deelnemer]:
    """The participants from a CSV with columns naam, regio and optionally startvraag, hoofdvraag.

    Separator ``,`` or ``;``; UTF-8, UTF-16 or Windows characters. Every row is checked before
    anything is made: an unknown column, region or start question, a region without figures in
    ``periode``, an empty name or a name given twice each give a Dutch message with the line and
    the column, with a suggestion where there is one. All problems are reported at once.
    """
    from .laden import laad
    from .startvraagbank import startvraag, startvragen

    pad = Path(pad)
    p = Periode.parse(periode)
    tekst = _lees_tekst(pad)
    if not tekst.strip():
        raise ImpactkitFout(f"'{pad.name}' is leeg. Zet op de eerste regel: naam;regio;startvraag")
    eerste = tekst.splitlines()[0]
    scheiding = max(";,\t", key=eerste.count)
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    kop = [k.strip().lower() for k in next(lezer)]
    fouten: list[str] = []
    for nr, k in enumerate(kop, 1):
        if k not in KOLOMMEN:
            hint = difflib.get_close_matches(k, KOLOMMEN, n=1, cutoff=0.6)
            voorstel = f" Bedoel je '{hint[0]}'?" if hint else ""
            fouten.append(
                f"{pad.name}, regel 1, kolom {nr}: onbekende kolom '{k}'.{voorstel} "
                f"Toegestaan: {', '.join(KOLOMMEN)}."
            )
    for k in VERPLICHT:
        if k not in kop:
            fouten.append(f"{pad.name}, regel 1: de kolom '{k}' ontbreekt (verplicht).")
    if fouten:
        raise ImpactkitFout("\n".join(fouten))

    df = laad() if data is None else data
    met_cijfers = set(df.loc[(df["periode"] == p.code) & df["waarde"].notna(), "regio_code"])
    sleutels = [s.sleutel for s in startvragen()]
    gezien: dict[str, int] = {}
    uit: list[Deelnemer] = []
    for rij in lezer:
        regel = lezer.line_num
        if not any(c.strip() for c in rij):
            continue
        if len(rij) > len(kop):
            fouten.append(
                f"{pad.name}, regel {regel}: {len(rij)} waarden, maar {len(kop)} kolommen. "
                "Staat er een scheidingsteken in een naam? Zet de tekst dan tussen "
                "aanhalingstekens."
            )
            continue
        w = {k: (rij[i].strip() if i < len(rij) else "") for i, k in enumerate(kop)}

        def fout(kolom: str, bericht: str) -> None:
            fouten.append(f"{pad.name}, regel {regel}, kolom '{kolom}': {bericht}")  # noqa: B023

        naam = w.get("naam", "")
        if not naam:
            fout("naam", "de naam is leeg.")
        elif naam.casefold() in gezien:
            fout(
                "naam",
                f"'{naam}' staat er al (regel {gezien[naam.casefold()]}). Maak de namen "
                "uniek, bijvoorbeeld met een achternaam.",
            )
        else:
            gezien[naam.casefold()] = regel
        r = None
        if not w.get("regio"):
            fout("regio", "de regio is leeg. Vul de naam of code van een Veilig Thuis-regio in.")
        else:
            try:
                r = regio(w["regio"])
            except ImpactkitFout as e:
                fout("regio", str(e))
            if r is not None and (r.code == NEDERLAND or r.code not in met_cijfers):
                overgang = f" {r.overgang_in(p)}" if r.overgang_in(p) else ""
                fout(
                    "regio",
                    f"voor {r.naam_in(p)} zijn er geen cijfers over {p.label}."
                    f"{overgang} Kies een andere regio of een andere periode (--periode).",
                )
                r = None
        vraag, hoofdvraag = w.get("startvraag", ""), w.get("hoofdvraag", "")
        if vraag:
            if vraag not in sleutels:
                hint = difflib.get_close_matches(vraag, sleutels, n=1, cutoff=0.5)
                voorstel = f" Bedoel je '{hint[0]}'?" if hint else ""
                fout(
                    "startvraag",
                    f"'{vraag}' is geen startvraag.{voorstel} Kies uit: {', '.join(sleutels)}.",
                )
                vraag = ""
            else:
                vraag = startvraag(vraag).sleutel
        else:  # an own hoofdvraag starts from the default question's sub-questions
            vraag = STANDAARD_STARTVRAAG
        if r is not None and naam:
            uit.append(Deelnemer(naam, r.code, r.naam_in(p), vraag, hoofdvraag, regel))
    if fouten:
        meer = f"\n… en nog {len(fouten) - 12} fouten." if len(fouten) > 12 else ""
        raise ImpactkitFout(
            "Het deelnemersbestand klopt niet; er is nog niets gemaakt.\n"
            + "\n".join(fouten[:12])
            + meer
        )
    if not uit:
        raise ImpactkitFout(f"'{pad.name}' heeft geen deelnemers: alleen een kopregel.")
    return _unieke_mappen(uit)


def _unieke_mappen(deelnemers: list[Deelnemer]) -> list[Deelnemer]:
    from dataclasses import replace

    from .batch import slug

    uit, bezet = [], set()
    for d in deelnemers:
        basis = slug(d.naam) or "deelnemer"
        naam, n = basis, 2
        while naam in bezet:
            naam, n = f"{basis}-{n}", n + 1
        bezet.add(naam)
        uit.append(replace(d, map=naam))
    return uit


# -- the figures on an exercise sheet ------------------------------------------------------------
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
    from .opvragen import waarde

    try:
        return waarde(indicator, code, periode, categorie, data=data)
    except ImpactkitFout:
        return None


def werkblad_gegevens(
    d: Deelnemer, periode: str, data: pd.DataFrame, plan=None, samenvatting: dict | None = None
) -> Werkblad:
    """The figures for one participant's exercise sheet (pure: data in, numbers out)."""
    from .indicatoren import catalogus, indicator, zoek
    from .opvragen import doorsnede
    from .stappenplan import Stappenplan
    from .vergelijken import met_intervallen

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

    # Exercise 4: a region of a clearly different size than the participant's.
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
    meldingen = [
        {
            "regio": "Nederland" if c == NEDERLAND else regio(c).naam_in(p),
            "eigen": c == d.regio_code,
            "meldingen": _waarde("meldingen", c, p.code, data),
            "per_10000": _waarde("meldingen_per_10000", c, p.code, data),
        }
        for c in codes
    ]

    # Exercise 5: ranking with intervals.
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

    prof = met_intervallen(doorsnede("professionals_aandeel", p.code, data=data))
    prof = prof[prof["regio_code"] == d.regio_code]
    professionals = (
        {
            "waarde": prof["waarde"].iloc[0],
            "laag": prof["laag"].iloc[0],
            "hoog": prof["hoog"].iloc[0],
        }
        if not prof.empty and pd.notna(prof["waarde"].iloc[0])
        else {}
    )
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


# -- HTML ----------------------------------------------------------------------------------------
def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _g(x, decimalen: int = 1) -> str:
    return "–" if x is None or (isinstance(x, float) and pd.isna(x)) else getal(x, decimalen)


CSS = """
:root { --inkt: #1a1a1a; --accent: #0b5394; --zacht: #f3f6fa; --rand: #9aa7b5; --let: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--inkt);
       background: #fff; line-height: 1.5; margin: 0 auto; max-width: 52rem; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.3rem 0 0.6rem; }
h2 { font-size: 1.25rem; margin: 1.4rem 0 0.4rem; color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
p, li { overflow-wrap: anywhere; }
a { color: var(--accent); }
.band { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; justify-content: space-between;
        border-bottom: 2px solid var(--accent); padding: 0.2rem 0; font-size: 0.9rem; }
.oefendata { border: 2px solid var(--let); background: #fff7ec; padding: 0.5rem 0.75rem;
             margin: 0.6rem 0; }
.oefendata strong { color: var(--let); }
.echt { border: 2px solid var(--accent); background: var(--zacht); padding: 0.5rem 0.75rem; }
.opdracht { background: var(--zacht); border-left: 4px solid var(--accent); padding: 0.4rem 0.8rem; }
.python { font-size: 0.9rem; border: 1px dashed var(--rand); padding: 0.3rem 0.6rem; }
.invul { border-bottom: 1px solid var(--rand); height: 1.9rem; }
.tabelvak { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.4rem 0; font-size: 0.92rem; }
caption { text-align: left; font-size: 0.88rem; caption-side: bottom; padding-top: 0.2rem; }
th, td { border: 1px solid var(--rand); padding: 0.2rem 0.45rem; text-align: left;
         vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.eigen td { font-weight: 700; background: #fff2cc; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
.klein { font-size: 0.88rem; }
.blad + .blad { margin-top: 2rem; }
@media print {
  @page { size: A4; margin: 14mm 14mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .blad { break-before: page; }
  .blad:first-of-type { break-before: auto; }
  .blad + .blad { margin-top: 0; }
  .tabelvak { overflow: visible; }
  table, .opdracht, .oefendata { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .scherm { display: none; }
}
"""


def _pagina(titel: str, inhoud: str, css: str = CSS) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(titel)}</title>\n<style>{css}</style>\n</head>\n<body>\n{inhoud}\n"
        "</body>\n</html>\n"
    )


def _band(links: str, periode_label: str, oefendata: bool) -> str:
    herkomst = "<strong>oefendata</strong> (verzonnen cijfers)" if oefendata else "echte cijfers"
    return (
        f'<div class="band"><span>{_e(links)}</span><span>Periode: <strong>'
        f"{_e(periode_label)}</strong></span><span>Cijfers: {herkomst}</span></div>"
    )


def _oefendata_blok(oefendata: bool) -> str:
    if not oefendata:
        return (
            '<p class="echt">Deze cijfers komen uit de gekozen bron (geen oefendata). Controleer '
            "ze voordat je ze deelt.</p>"
        )
    return f'<p class="oefendata"><strong>Let op: oefendata.</strong> {_e(OEFENDATA_ZIN)}</p>'


def _tabel(
    kop: list[str],
    rijen: list[list[str]],
    bijschrift: str,
    getallen: set[int] = frozenset(),
    eigen: list[bool] | None = None,
) -> str:
    th = "".join(
        f'<th scope="col"{" class=getal" if i in getallen else ""}>{_e(k)}</th>'
        for i, k in enumerate(kop)
    )
    body = []
    for n, rij in enumerate(rijen):
        klasse = ' class="eigen"' if eigen and eigen[n] else ""
        cellen = "".join(
            f"<td{' class=getal' if i in getallen else ''}>{c}</td>" for i, c in enumerate(rij)
        )
        body.append(f"<tr{klasse}>{cellen}</tr>")
    return (
        f'<div class="tabelvak"><table><caption>{_e(bijschrift)}</caption><thead><tr>{th}'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _lijnen(n: int) -> str:
    return '<div class="invul"></div>' * n


def werkblad_html(w: Werkblad, rapport: str = "rapport.html", boek: str = "") -> str:
    """The printable exercise sheet of one participant: one A4 page per part of the afternoon."""
    d, pl = w.deelnemer, w.periode_label
    bron = "Bron: impactkit, " + ("oefendata (verzonnen cijfers)" if w.oefendata else "eigen bron")
    titel = f"Werkblad {d.naam} — {d.regio}, {pl}"

    def blad(inhoud: str) -> str:
        return (
            f'<section class="blad">{_band(f"{d.naam} · {d.regio}", pl, w.oefendata)}'
            f"{inhoud}</section>"
        )

    deelvragen = "".join(f"<li>{_e(v)}</li>" for v in w.deelvragen) or (
        "<li><em>Nog geen deelvragen: die schrijf je zelf in oefening 2.</em></li>"
    )
    vraag = (
        f"startvraag <code>{_e(w.startvraag)}</code>"
        if w.startvraag and not d.hoofdvraag
        else "je eigen hoofdvraag"
    )
    deel1 = f"""
<h1>Werkblad workshop stappenplan — {_e(d.regio)}</h1>
<p>Voor <strong>{_e(d.naam)}</strong>. Regio <strong>{_e(d.regio)}</strong> ({_e(d.regio_code)}),
periode <strong>{_e(pl)}</strong> ({_e(w.periode)}). Naast dit werkblad heb je het rapport van je
regio (<a href="{_e(rapport)}">rapport.html</a>) en je plan (<code>stappenplan.yaml</code>).</p>
{_oefendata_blok(w.oefendata)}
<p class="klein">Je kunt alle oefeningen doen met dit werkblad en het rapport; je hebt geen Python
nodig. Een blok met een stippellijn is een extra voor wie in het werkboek werkt.</p>
<h2>Oefening 1 — De hoofdvraag</h2>
<p>Je plan begint met {vraag}:</p>
<p class="opdracht"><strong>{_e(w.hoofdvraag or "(nog geen hoofdvraag)")}</strong></p>
<p>Waar heeft jouw regio het afgelopen jaar op ingezet? Past de hoofdvraag daarbij? Schrijf hem
zo nodig opnieuw op, in één zin:</p>{_lijnen(2)}
<p>Deze indicatoren zijn er <strong>alleen voor heel Nederland</strong>, niet per regio. Een vraag
die daarover gaat, kan de monitor voor jouw regio niet beantwoorden:
{_e(", ".join(n.lower() for n in w.alleen_landelijk))}.</p>
<h2>Oefening 2 — Deelvragen</h2>
<p>De deelvragen in je plan:</p><ol>{deelvragen}</ol>
<p>Schrijf één eigen deelvraag op, als iets wat je kunt zien ('vragen huisartsen vaker
advies?'), niet als verklaring:</p>{_lijnen(2)}
"""
    huis = _tabel(
        ["indicator (id)", "naam", "eenheid"],
        [
            [f"<code>{_e(r['id'])}</code>", _e(r["naam"]), _e(r["eenheid"])]
            for r in w.huisarts_indicatoren
        ],
        "Zoeken in de catalogus op 'huisarts'. Bron: catalogus van impactkit.",
    )
    cats = ", ".join(_e(c) for c in w.huisarts_categorieen)
    deel2 = f"""
<h2>Oefening 3 — Een indicator kiezen</h2>
<p>Zo ziet de zoekopdracht 'huisarts' in de catalogus eruit:</p>{huis}
<p>Dit is een verdeling: je kiest er een categorie bij. De categorieën zijn: {cats}.</p>
<p>Welke indicator en categorie koppel je aan je deelvraag, en waarom (één zin)?</p>{_lijnen(2)}
"""
    m_rijen = [[_e(r["regio"]), _g(r["meldingen"], 0), _g(r["per_10000"])] for r in w.meldingen]
    m_tabel = _tabel(
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
            _e(r["regio"]) + (" (jouw regio)" if r["eigen"] else ""),
            _g(r["waarde"]),
            f"{_g(r['laag'])} – {_g(r['hoog'])}",
        ]
        for r in w.rangorde
    ]
    r_tabel = _tabel(
        ["plek", "regio", "adviezen per 10.000 inwoners", "interval (95%)"],
        r_rijen,
        f"Rangorde van de regio's, adviezen per 10.000 inwoners, {pl}. Jouw regio is "
        f"vet gedrukt en gemarkeerd met '(jouw regio)'. {bron}.",
        {0, 2, 3},
        [r["eigen"] for r in w.rangorde],
    )
    deel3 = f"""
<h2>Oefening 4 — Meer meldingen, of meer inwoners?</h2>
<p class="opdracht">Iemand zegt: '{_e(d.regio)} heeft veel meer (of minder) meldingen dan
{_e(andere)}, dus bij ons gaat het slechter (of beter).' Wat klopt daarvan, en wat niet?</p>
{m_tabel}{_lijnen(2)}
<h2>Oefening 5 — De rangorde en de intervallen</h2>
<p class="opdracht">Op welke plek staat {_e(d.regio)}? Van hoeveel regio's kun je met deze cijfers
níet zeggen dat ze anders zijn? (Tip: overlappen de intervallen?)</p>
{r_tabel}{_lijnen(1)}
"""
    professionals = (
        f"{_g(w.professionals['waarde'])}% (interval {_g(w.professionals['laag'])}% – "
        f"{_g(w.professionals['hoog'])}%)"
        if w.professionals
        else "geen cijfer in deze periode"
    )
    deel4 = f"""
<h2>Oefening 6 — Wat valt op, en wat niet?</h2>
<p class="opdracht">Lees in het rapport het antwoord op de hoofdvraag en de bevindingen. Schrijf
twee zinnen: één over wat opvalt en één over wat níet opvalt (en wat je wel had verwacht).</p>
{_lijnen(3)}
<h2>Oefening 7 — Rollenspel: het gesprek met partners</h2>
<p>Je krijgt een rolkaart. De voorzitter opent met de vragen voor het gesprek uit het rapport.
Schrijf na het gesprek op: wie er waren, twee interpretaties, één conclusie en één afspraak (met
een eigenaar en een datum).</p>{_lijnen(4)}
<h2>Oefening 8 — Een norm, vooraf vastgelegd</h2>
<p class="opdracht">Schrijf op, <strong>zonder in het rapport te kijken</strong>, welk aandeel
professionals onder de adviezen en meldingen jouw regio minimaal wil halen, en waarom.</p>
<p>Norm: minimaal ______ %, omdat</p>{_lijnen(2)}
<p class="klein">Pas daarna kijken. Aandeel professionals in {_e(d.regio)}, {_e(pl)}:
<strong>{professionals}</strong> ({_e(bron)}). Haalt de regio je norm? En als de norm binnen het
interval ligt?</p>
<h2>Na de workshop</h2>
<p>Je plan staat in <code>stappenplan.yaml</code>, naast dit werkblad. Ga ermee verder in het
werkboek: open <code>notebooks/stappenplan.ipynb</code> en vul bij <code>plan_bestand</code> het pad
naar je plan in. Het plan brengt zijn regio ({_e(d.regio)}) en periode ({_e(w.periode)}) mee.
Met echte cijfers verder? Zie het hoofdstuk 'Werken met echte cijfers' in het handboek.</p>
<p class="python klein">Voor wie in Python werkt: <code>plan = ik.Stappenplan.laad(
"stappenplan.yaml")</code>. De uitwerkingen staan in het handboek, Workshop › Oefeningen.</p>
"""
    return _pagina(titel, blad(deel1) + blad(deel2 + deel3) + blad(deel4))


def antwoorden_html(bladen: list[Werkblad], boek: str = "") -> str:
    """The trainer's answer sheet: per participant the figures an answer turns on."""
    if not bladen:
        raise ImpactkitFout("Geen deelnemers: er is geen antwoordblad te maken.")
    w0 = bladen[0]
    delen = [
        f"<h1>Antwoordblad voor de begeleider</h1>{_band('Workshop stappenplan', w0.periode_label, w0.oefendata)}",
        _oefendata_blok(w0.oefendata),
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
            f"{_g(w.professionals['waarde'])}% ({_g(w.professionals['laag'])}–"
            f"{_g(w.professionals['hoog'])})"
            if w.professionals
            else "–"
        )
        rijen.append(
            [
                _e(w.deelnemer.naam),
                _e(w.deelnemer.regio),
                _e(w.hoofdvraag),
                _e(v4),
                f"plek {w.plek} van {len(w.rangorde)}; {w.overlap} regio's overlappen",
                _e(opv),
                _e(prof),
            ]
        )
    delen.append(
        _tabel(
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
    return _pagina(f"Antwoordblad workshop — {w0.periode_label}", "\n".join(delen))


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
                _e(d.naam),
                _e(d.regio),
                _e(w.hoofdvraag),
                f'<a href="{basis}/werkblad.html">werkblad</a> · '
                f'<a href="{basis}/rapport.html">rapport</a> · '
                f'<a href="{basis}/stappenplan.yaml">plan</a>',
                _e(status.get(d.map, "klaar")),
            ]
        )
    links = "".join(f'<li><a href="{_e(h)}">{_e(t)}</a></li>' for h, t in extra)
    inhoud = (
        f"<h1>Workshop stappenplan — overzicht voor de begeleider</h1>"
        f"{_band(f'{len(bladen)} deelnemers', w0.periode_label, w0.oefendata)}"
        f"{_oefendata_blok(w0.oefendata)}"
        f"<p>Alles is gemaakt voor de periode <strong>{_e(w0.periode_label)}</strong> "
        f"({_e(w0.periode)}). Print per deelnemer het werkblad en het rapport; geef het plan "
        "(<code>stappenplan.yaml</code>) digitaal mee.</p>"
        f"<h2>Voor de begeleider</h2><ul>{links}</ul><h2>Deelnemers</h2>"
        + _tabel(
            ["deelnemer", "regio", "hoofdvraag", "materiaal", "status"],
            rijen,
            f"Deelnemers en hun materiaal, {w0.periode_label}.",
        )
    )
    return _pagina(f"Workshop — overzicht, {w0.periode_label}", inhoud)


# -- pages from the book: role cards and slides -------------------------------------------------
def _myst_naar_markdown(tekst: str) -> str:
    """MyST roles and comments to plain Markdown (for the printed material)."""
    tekst = re.sub(r"\A---\n.*?\n---\n", "", tekst, flags=re.S)  # jupytext header
    tekst = re.sub(r"<!--.*?-->", "", tekst, flags=re.S)
    tekst = re.sub(r"^\(.+\)=\s*$", "", tekst, flags=re.M)  # (label)=
    tekst = re.sub(r"\{(?:ref|doc|numref)\}`([^<`]+?)\s*<[^>]+>`", r"\1", tekst)
    tekst = re.sub(r"\{(?:ref|doc|numref)\}`([^`]+)`", r"\1", tekst)
    return tekst


def _md(tekst: str) -> str:
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(tekst)


def _blokken(tekst: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Split a page into (title, [(heading, body, notes)]) at every '##' heading.

    A ``:::{admonition} Voor de begeleider`` block inside a section becomes its notes.
    """
    tekst = _myst_naar_markdown(tekst)
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


def dia_blok(naam: str) -> str:
    """Markdown for a slide made from the kit itself: 'stappen', 'oordelen', 'programma'.

    The book page ``presentatie.md`` shows the same block with a hidden code cell, so the slides
    and the book cannot drift apart.
    """
    if naam == "stappen":
        index = (PROJECT_MAP / "book" / "stappenplan" / "index.md").read_text(encoding="utf-8")
        regels = [r for r in index.splitlines() if r.startswith("| ")]
        rijen = []
        for r in regels[1:]:
            cellen = [c.strip() for c in r.strip("|").split("|")]
            if len(cellen) >= 3 and not set(cellen[0]) <= {"-", " "}:
                rijen.append(f"| {_myst_naar_markdown(cellen[0])} | {cellen[1]} | {cellen[2]} |")
        return "| Stap | De vraag | Wat je aan het eind hebt |\n| --- | --- | --- |\n" + "\n".join(
            rijen
        )
    if naam == "oordelen":
        from .oordelen import OORDELEN

        kies = ("opvallend hoger", "opvallend lager", "klein verschil", "mogelijk toeval")
        return "\n".join(f"- **{w}**: {OORDELEN[w]}" for w in kies)
    if naam == "programma":
        index = (WORKSHOP_BOEK / "index.md").read_text(encoding="utf-8")
        tabel = [
            r
            for r in index.split("## Programma", 1)[1].split("\n## ", 1)[0].splitlines()
            if r.startswith("|")
        ]
        rijen = []
        for r in tabel[2:]:
            c = [x.strip() for x in r.strip("|").split("|")]
            rijen.append(f"| {c[0]} | {_myst_naar_markdown(c[1])} | {c[2]} |")
        return "| Tijd | Onderdeel | Werkvorm |\n| --- | --- | --- |\n" + "\n".join(rijen)
    raise ImpactkitFout(f"Onbekend diablok '{naam}'. Kies uit: stappen, oordelen, programma.")


def _vul_blokken(tekst: str) -> str:
    """Replace the book's hidden code cells ``display(Markdown(dia_blok("x")))`` by the block."""
    return re.sub(
        r"```\{code-cell\}[^\n]*\n(?::tags:[^\n]*\n)?[^`]*?dia_blok\(\"(\w+)\"\)[^`]*?```",
        lambda m: dia_blok(m[1]),
        tekst,
    )


DIA_CSS = """
:root { --inkt: #1a1a1a; --accent: #0b5394; --let: #8a4b00; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9edf2; color: var(--inkt);
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
.dia { background: #fff; aspect-ratio: 16 / 9; margin: 0 0 1.5rem; padding: 2.2rem 3rem 1.2rem;
       display: flex; flex-direction: column; box-shadow: 0 1px 4px rgba(0,0,0,.25);
       font-size: clamp(0.9rem, 1.7vw, 1.35rem); line-height: 1.4; overflow: hidden; }
.dia h1, .dia h2 { color: var(--accent); margin: 0 0 0.8em; line-height: 1.2; }
.dia h2.titel { font-size: 2.2em; margin-top: 2em; } .dia h2 { font-size: 1.6em; }
.dia .inhoud { flex: 1; overflow-wrap: break-word; hyphens: auto; }
.dia table { border-collapse: collapse; font-size: 0.8em; }
.dia th, .dia td { border: 1px solid #9aa7b5; padding: 0.15em 0.4em; text-align: left; }
.dia footer { display: flex; justify-content: space-between; gap: 1em; font-size: 0.65em;
              border-top: 1px solid #9aa7b5; padding-top: 0.3em; color: #333; }
.dia footer strong { color: var(--let); }
.notities { background: #fffbe6; border-left: 4px solid var(--let); padding: 0.5rem 1rem;
            margin: -1rem 0 2rem; font-size: 0.95rem; line-height: 1.45; }
.notities h3 { margin: 0 0 0.3rem; font-size: 1rem; }
.uitleg { font-size: 0.95rem; }
@media (max-width: 40rem) {
  .dia { aspect-ratio: auto; min-height: 56vw; padding: 1rem 1.1rem 0.6rem; font-size: 0.95rem; }
  .dia table { font-size: 0.78rem; }
}
@media print {
  @page { size: A4 landscape; margin: 0; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .uitleg { display: none; }
  .dia { width: 297mm; height: 210mm; aspect-ratio: auto; margin: 0; box-shadow: none;
         padding: 16mm 20mm 8mm; font-size: 17pt; break-after: page; }
  .notities { break-after: page; margin: 0; padding: 12mm 20mm; border: 0; font-size: 12pt; }
  .zonder-notities .notities { display: none; }
}
"""


def dias_html(
    bron: str | Path, periode_label: str, oefendata: bool = True, notities: bool = False
) -> str:
    """Offline slides from the book page ``bron``: one '##' section per slide, plain HTML/CSS.

    Printed, each slide fills one landscape A4 page; with ``notities`` the facilitator's notes
    for a slide follow it on a page of their own (and show under it on screen).
    """
    titel, blokken = _blokken(_vul_blokken(Path(bron).read_text(encoding="utf-8")))
    herkomst = (
        "<strong>Oefendata</strong>: verzonnen cijfers" if oefendata else "Cijfers: eigen bron"
    )
    voet = f"<footer><span>Workshop stappenplan · {_e(periode_label)}</span><span>{herkomst}</span></footer>"
    dias = [
        f'<section class="dia" aria-label="Dia 1"><div class="inhoud"><h2 class="titel">{_e(titel)}</h2>'
        f"<p>Periode in deze workshop: <strong>{_e(periode_label)}</strong></p>"
        + (
            "<p>Alle cijfers zijn <strong>oefendata</strong>: verzonnen, om mee te oefenen.</p>"
            if oefendata
            else ""
        )
        + f"</div>{voet}</section>"
    ]
    for n, (kop, body, notitie) in enumerate(blokken, 2):
        dias.append(
            f'<section class="dia" aria-label="Dia {n}"><div class="inhoud"><h2>{_e(kop)}</h2>'
            f"{_md(body)}</div>{voet}</section>"
        )
        if notities and notitie:
            dias.append(
                f'<aside class="notities" aria-label="Aantekening bij dia {n}"><h3>Voor de '
                f"begeleider (dia {n}: {_e(kop)})</h3>{_md(notitie)}</aside>"
            )
    uitleg = (
        '<p class="uitleg">Dia\'s voor de presentatie. Afdrukken (liggend, A4) geeft één dia '
        "per pagina"
        + (
            ", met de aantekening voor de begeleider op de pagina erna."
            if notities
            else ". De versie met aantekeningen staat in dias-notities.html."
        )
        + "</p>"
    )
    klasse = "" if notities else ' class="zonder-notities"'
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(titel)} — dia's</title>\n<style>{DIA_CSS}</style>\n</head>\n"
        f'<body{klasse}>\n<main>\n<h1 class="uitleg">{_e(titel)}</h1>{uitleg}\n'
        + "\n".join(dias)
        + "\n</main>\n</body>\n</html>\n"
    )


KAART_CSS = (
    CSS
    + """
.kaarten { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.kaart { border: 2px dashed #555; padding: 0.8rem 1rem; break-inside: avoid; }
.kaart h2 { margin-top: 0; }
@media print { .kaarten { grid-template-columns: 1fr 1fr; gap: 8mm; } .kaart { min-height: 125mm; }
               .kaart:nth-child(4n+1) { break-before: page; } .kaart:first-child { break-before: auto; } }
"""
)


def rolkaarten_html(bron: str | Path, periode_label: str, oefendata: bool = True) -> str:
    """The role cards from the book page ``bron``: one '##' section per card, four per A4."""
    titel, blokken = _blokken(Path(bron).read_text(encoding="utf-8"))
    kaarten = "".join(
        f'<article class="kaart"><h2>{_e(k)}</h2>{_md(b)}</article>' for k, b, _ in blokken
    )
    inhoud = (
        f"<h1>{_e(titel)}</h1>{_band('Rollenspel (oefening 7)', periode_label, oefendata)}"
        '<p class="scherm">Print op A4 en knip langs de stippellijnen: vier kaarten per '
        f'vel.</p><div class="kaarten">{kaarten}</div>'
    )
    return _pagina(titel, inhoud, KAART_CSS)


# -- the command ----------------------------------------------------------------------------------
@dataclass
class Voorbereiding:
    """What :func:`voorbereiden` made."""

    map: Path
    periode: str
    deelnemers: list[Deelnemer]
    status: dict[str, str]  # participant folder -> 'klaar' or a Dutch problem

    @property
    def overzicht(self) -> Path:
        return self.map / "index.html"


def _schrijf(pad: Path, tekst: str) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    return pad


def voorbereiden(
    deelnemers: str | Path,
    uit: str | Path,
    periode: str | None = None,
    pdf: bool = False,
    werkers: int | None = None,
    voortgang: bool = True,
    draai: Callable | None = None,
) -> Voorbereiding:
    """Prepare a workshop for the participants in the CSV ``deelnemers`` in the folder ``uit``.

    ``periode``: a half-year such as '2024H2' (default: the latest period with figures). Runs
    the batch once per start question (and once per participant with an own hoofdvraag), then
    writes ``uit/index.html`` (overview), ``antwoorden.html``, ``rolkaarten.html``,
    ``dias.html`` and ``dias-notities.html``, and per participant ``deelnemers/<naam>/`` with
    ``werkblad.html``, ``rapport.html`` and ``stappenplan.yaml`` (and PDFs with ``pdf``).
    ``draai`` replaces :func:`impactkit.batch.draai_batch` (for tests).
    """
    from .batch import draai_batch
    from .laden import laad
    from .opvragen import laatste_periode
    from .stappenplan import Stappenplan

    data = laad()
    p = Periode.parse(periode or laatste_periode(data))
    lijst = lees_deelnemers(deelnemers, p.code, data)
    uit = Path(uit)
    if uit.exists() and not uit.is_dir():
        raise ImpactkitFout(f"'{uit}' is een bestand, geen map. Geef een map op voor de uitvoer.")
    draai = draai or draai_batch

    groepen: dict[str, list[Deelnemer]] = {}
    for d in lijst:
        groepen.setdefault(d.groep, []).append(d)
    batchmap: dict[tuple[str, str], tuple[Path, str, str]] = {}
    for groep, leden in groepen.items():
        d0 = leden[0]
        extra = {"hoofdvraag": d0.hoofdvraag} if d0.hoofdvraag else {}
        doel = uit / "rapporten" / groep
        tabel = draai(
            doel,
            regio_namen=sorted({d.regio_code for d in leden}),
            periode=p.code,
            werkers=werkers,
            parameters=extra,
            startvragen=[d0.startvraag],
            pdf=pdf,
            voortgang=voortgang,
        )
        for rij in tabel.itertuples(index=False):
            batchmap[(groep, rij.regio_code)] = (Path(rij.map), rij.status, rij.fout)

    doelen = uit / "deelnemers"
    bladen, status = [], {}
    for d in lijst:
        bron, st, fout = batchmap.get((d.groep, d.regio_code), (None, "mislukt", "geen rapport"))
        map_ = doelen / d.map
        map_.mkdir(parents=True, exist_ok=True)
        plan, samenvatting = None, {}
        if bron is not None and (bron / "stappenplan.yaml").exists():
            shutil.copyfile(bron / "stappenplan.yaml", map_ / "stappenplan.yaml")
            plan = Stappenplan.laad(map_ / "stappenplan.yaml")
        else:
            plan = (
                Stappenplan.uit_startvraag(d.startvraag, d.regio_code, p.code)
                if d.startvraag
                else Stappenplan.nieuw(d.regio_code, p.code, d.hoofdvraag)
            )
            if d.hoofdvraag:
                plan.hoofdvraag = d.hoofdvraag
            plan.bewaar(map_ / "stappenplan.yaml")
        if bron is not None and (bron / "samenvatting.json").exists():
            samenvatting = json.loads((bron / "samenvatting.json").read_text(encoding="utf-8"))
        if bron is not None and (bron / "rapport.html").exists():
            shutil.copyfile(bron / "rapport.html", map_ / "rapport.html")
            vega = bron.parent / "vega"
            if vega.is_dir() and not (doelen / "vega").exists():
                shutil.copytree(vega, doelen / "vega")  # the reports' shared chart script
            if (bron / "rapport.pdf").exists():
                shutil.copyfile(bron / "rapport.pdf", map_ / "rapport.pdf")
        status[d.map] = "klaar" if st in ("gelukt", "overgeslagen") else f"rapport mislukt: {fout}"
        w = werkblad_gegevens(d, p.code, data, plan=plan, samenvatting=samenvatting)
        _schrijf(map_ / "werkblad.html", werkblad_html(w))
        bladen.append(w)

    oefendata = any(w.oefendata for w in bladen)
    _schrijf(uit / "antwoorden.html", antwoorden_html(bladen))
    _schrijf(
        uit / "rolkaarten.html",
        rolkaarten_html(WORKSHOP_BOEK / "rolkaarten.md", p.label, oefendata),
    )
    for naam, met in (("dias.html", False), ("dias-notities.html", True)):
        _schrijf(uit / naam, dias_html(WORKSHOP_BOEK / "presentatie.md", p.label, oefendata, met))
    extra = [
        ("dias.html", "Dia's voor de presentatie (13:15)"),
        ("dias-notities.html", "Dia's met aantekeningen voor de begeleider"),
        ("rolkaarten.html", "Rolkaarten voor het rollenspel (oefening 7)"),
        ("antwoorden.html", "Antwoordblad"),
    ]
    _schrijf(uit / "index.html", overzicht_html(bladen, status, extra))
    if pdf:
        from .rapport import naar_pdf

        for d in lijst:
            naar_pdf(doelen / d.map / "werkblad.html")
        naar_pdf(uit / "rolkaarten.html")
        naar_pdf(uit / "dias.html")
    return Voorbereiding(uit, p.code, lijst, status)
