"""Command line: a thin Dutch layer over the Python API.

Every command calls a function you can also call from a notebook. Errors in the user's input are
printed as one Dutch message (no traceback) and give exit code 2.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .bronnen.cbs_odata import cache_locatie, data_ophalen
from .bronnen.lokaal import lokale_indicatoren
from .bronnen.oefendata import schrijf
from .fouten import ImpactkitFout, bestandsreden
from .indicatoren import catalogus as catalogus_tabel
from .indicatoren import overzicht, zoek
from .laden import laad
from .opmaak import met_eenheid
from .perioden import Periode
from .regioindeling import NEDERLAND, regio


def regioprofiel(regio_naam: str, periode: str, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every single-value indicator of a region in one period, with Nederland alongside.

    Returns a tidy table: ``indicator``, ``naam``, ``eenheid``, ``regio``, ``landelijk``,
    ``onderdrukt``, ``herkomst``.
    """
    r = regio(regio_naam)
    p = Periode.parse(periode)
    df = laad() if data is None else data
    sel = df[(df["periode"] == p.code) & df["categorie"].isna()]
    eigen = sel[sel["regio_code"] == r.code].set_index("indicator")
    land = sel[sel["regio_code"] == NEDERLAND].set_index("indicator")["waarde"]
    if eigen.empty:
        beschikbaar = sorted(set(df.loc[df["regio_code"] == r.code, "periode"]), key=Periode.parse)
        overgang = f" {r.overgang_in(p)}" if r.overgang_in(p) else ""
        raise ImpactkitFout(
            f"Geen cijfers voor {r.naam_in(p)} over {p.label}.{overgang} Beschikbare perioden: "
            f"{', '.join(beschikbaar) or 'geen'}."
        )
    catalogus = catalogus_tabel().set_index("id")
    uit = pd.DataFrame(
        {
            "indicator": eigen.index,
            "naam": [catalogus.loc[i, "naam"] for i in eigen.index],
            "eenheid": eigen["eenheid"].to_numpy(),
            "regio": eigen["waarde"].to_numpy(),
            "landelijk": [land.get(i, pd.NA) for i in eigen.index],
            "onderdrukt": eigen["onderdrukt"].to_numpy(),
            "herkomst": eigen["herkomst"].to_numpy(),
        }
    )
    volgorde = {i: n for n, i in enumerate(catalogus.index)}
    return uit.sort_values("indicator", key=lambda s: s.map(volgorde)).reset_index(drop=True)


def _print_profiel(args: argparse.Namespace) -> int:
    from .opvragen import laatste_periode

    r = regio(args.regio)
    data = laad(args.bron)
    p = Periode.parse(args.periode or laatste_periode(data, regio=r.code))
    tabel = regioprofiel(r.code, p.code, data)
    herkomst = ", ".join(sorted(set(tabel["herkomst"])))
    print(f"{r.naam_in(p)} ({r.code}) — {p.label}")
    if "oefendata" in herkomst:
        print("LET OP: oefendata — verzonnen cijfers om mee te oefenen, geen echte cijfers.")
    print(f"Bron: {herkomst}\n")
    breedte = max(len(n) for n in tabel["naam"]) + 2
    print(f"{'indicator':<{breedte}}{r.naam_in(p)[:20]:>22}{'Nederland':>22}")
    for rij in tabel.itertuples(index=False):
        eigen = "onderdrukt" if rij.onderdrukt else met_eenheid(rij.regio, rij.eenheid)
        land = met_eenheid(rij.landelijk, rij.eenheid)
        eigen = eigen.replace(" per 10.000 inwoners", " /10.000")
        land = land.replace(" per 10.000 inwoners", " /10.000")
        print(f"{rij.naam:<{breedte}}{eigen:>22}{land:>22}")
    return 0


def _print_indicatoren(args: argparse.Namespace) -> int:
    tabel = overzicht(args.thema) if not args.zoek else zoek(args.zoek)
    if args.thema and args.zoek:
        overzicht(args.thema)  # an unknown theme gets its message
        tabel = tabel[tabel["thema"] == args.thema]
    if tabel.empty:
        print(
            f"Geen indicatoren gevonden voor '{args.zoek}'. Probeer een ander of korter "
            "trefwoord, of bekijk alle indicatoren met: impactkit indicatoren"
        )
        return 1
    with pd.option_context("display.max_rows", 200, "display.width", 200):
        print(tabel[["id", "naam", "eenheid"]].to_string(index=False))
    return 0


def _maak_oefendata(args: argparse.Namespace) -> int:

    pad = schrijf()
    print(f"Oefendata geschreven naar {pad}")
    return 0


def _controleer_eigen_data(args: argparse.Namespace) -> int:

    if args.lokaal:
        lokaal = lokale_indicatoren(args.lokaal)
        print(f"{len(lokaal)} lokale indicator(en) in orde: {', '.join(lokaal['id'])}")
    data = laad(args.bestand)
    print(
        f"{args.bestand}: {len(data)} rijen in orde ({data['indicator'].nunique()} indicatoren, "
        f"{data['regio_code'].nunique()} regio's, {int(data['onderdrukt'].sum())} onderdrukt)."
    )
    return 0


def _data_ophalen(args: argparse.Namespace) -> int:
    if args.actie == "uitleg":
        from .bronnen.cbs_uitleg import uitleg_tabel

        if not args.tabel_id:
            raise ImpactkitFout("Noem de tabel, bv.: impactkit data uitleg 85361NED")
        print(uitleg_tabel(args.tabel_id, cache_map=args.cache))
        return 0
    tabel = data_ophalen(args.tabel, args.cache, voortgang=lambda t: print(t, flush=True))
    for rij in tabel.itertuples(index=False):
        if rij.status == "opgehaald":
            print(f"{rij.tabel}  opgehaald: {rij.records} records  {rij.titel}")
        else:
            print(f"{rij.tabel}  MISLUKT: {rij.status}")
    print(f"Opgeslagen in {cache_locatie(args.cache)}")
    return 0 if (tabel["status"] == "opgehaald").all() else 1


def _draai_batch(args: argparse.Namespace) -> int:
    from .batch import draai_batch

    extra = {}
    if args.bron != "oefendata":
        extra["bron"] = args.bron  # relative paths are made absolute by draai_batch
    if args.lokaal:
        extra["lokale_indicatoren"] = str(Path(args.lokaal).resolve())
    startvragen = [v for v in (args.startvraag or []) if v.strip()]
    tabel = draai_batch(
        args.uit,
        regio_namen=args.regio or None,
        periode=args.periode,
        werkers=args.werkers,
        parameters=extra,
        opnieuw=args.opnieuw,
        startvragen=startvragen or None,
        pdf=args.pdf,
    )
    tellingen = tabel["status"].value_counts()
    print(
        f"Klaar: {tellingen.get('gelukt', 0)} gelukt, {tellingen.get('overgeslagen', 0)} "
        f"overgeslagen (al actueel), {tellingen.get('mislukt', 0)} mislukt."
    )
    if args.pdf:
        klaar = int((tabel["status"] != "mislukt").sum())
        gemaakt = int(tabel.attrs.get("pdfs_gemaakt", 0))
        print(
            f"PDF's (A4): {gemaakt} gemaakt, {klaar - gemaakt} al actueel; "
            "ze staan naast elk rapport (rapport.pdf) en het overzicht linkt ernaar."
        )
    for rij in tabel[tabel["status"] == "mislukt"].itertuples(index=False):
        oud = " (het vorige rapport blijft staan, maar is verouderd)" if rij.verouderd else ""
        print(f"  mislukt: {rij.regio} — {rij.fout}{oud}")
    print(f"Overzicht: {Path(args.uit) / 'index.html'}")
    return 1 if (tabel["status"] == "mislukt").any() else 0


def _werkboek(args: argparse.Namespace) -> int:
    from .eigen_werkboek import maak_werkboek, open_in_jupyterlab

    def bevestig(vraag: str) -> bool:
        if not sys.stdin.isatty():
            return False
        return input(f"{vraag} [j/N] ").strip().lower() in ("j", "ja", "y", "yes")

    uit = maak_werkboek(
        args.regio or "",
        args.periode,
        args.startvraag,
        args.map,
        args.opnieuw,
        bevestig,
        plan=args.plan,
        uitvoeren=True,
        voortgang=lambda tekst: print(tekst, flush=True),
    )
    print(uit.bericht)
    if args.niet_openen:
        print(f'Openen: impactkit werkboek "{regio_naam(uit)}" --map "{uit.map}"')
        return 0
    print("JupyterLab start; stop met Ctrl-C.")
    return open_in_jupyterlab(uit.notebook)


def regio_naam(uit) -> str:
    """The region's name (as it is called in the plan's period) for the command that reopens a
    workbook."""
    from .regioindeling import regio

    return regio(uit.plan.regio_code).naam_in(uit.plan.periode)


def _app(args: argparse.Namespace) -> int:
    from .app import start_app

    return start_app(
        poort=args.poort,
        openen=not args.niet_openen,
        netwerk=args.netwerk,
        max_paginas=args.max_paginas,
    )


def _workshop(args: argparse.Namespace) -> int:
    from .workshop import workshop_voorbereiden

    klaar = workshop_voorbereiden(
        args.deelnemers, args.uit, periode=args.periode, pdf=args.pdf, werkers=args.werkers
    )
    mislukt = {m: s for m, s in klaar.status.items() if s != "klaar"}
    n = len(klaar.deelnemers)
    print(
        f"Workshop voorbereid voor {n} {'deelnemer' if n == 1 else 'deelnemers'}, "
        f"periode {klaar.periode}."
    )
    for m, s in mislukt.items():
        print(f"  {m}: {s}")
    print(f"Overzicht voor de begeleider: {klaar.overzicht}")
    return 1 if mislukt else 0


class _NederlandseHulp(argparse.HelpFormatter):
    """argparse's own headings in Dutch."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _NederlandseHulp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {_vertaal(message)}\n")


_ARGPARSE_NL = [
    (r"the following arguments are required: (.*)", r"ontbreekt: \1 (verplicht)"),
    (
        r"argument (\S+): invalid choice: '?([^']*?)'? \(choose from (.*)\)",
        r"\1: '\2' is geen geldige keuze; kies uit: \3",
    ),
    (r"argument (\S+): invalid int value: '?([^']*?)'?$", r"\1: '\2' is geen geheel getal"),
    (r"argument (\S+): invalid float value: '?([^']*?)'?$", r"\1: '\2' is geen getal"),
    (r"argument (\S+): expected one argument", r"\1: verwacht één waarde"),
    (r"argument (\S+): expected at least one argument", r"\1: verwacht minstens één waarde"),
    (r"argument (\S+): ignored explicit argument '(.*)'", r"\1: neemt geen waarde ('\2')"),
    (r"ambiguous option: (\S+) could match (.*)", r"optie \1 is dubbelzinnig: \2"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 kan niet samen met \2"),
]


def _vertaal(bericht: str) -> str:
    """argparse's English messages in Dutch (anything unknown is left as it is)."""
    for patroon, nl in _ARGPARSE_NL:
        bericht = re.sub(patroon, nl, bericht)
    return bericht


def _opdracht_profiel(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profiel", help="alle indicatoren van een regio in één periode")
    p.add_argument("regio", help="naam of code van de Veilig Thuis-regio, bv. Zaanstreek-Waterland")
    p.add_argument(
        "--periode",
        default=None,
        help="halfjaar, bv. 2021H1 (standaard: de laatste periode met cijfers van de regio)",
    )
    p.add_argument("--bron", default="oefendata", help="'oefendata' of pad naar eigen CSV-bestand")
    p.set_defaults(functie=_print_profiel)


def _opdracht_indicatoren(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("indicatoren", help="de indicatoren uit de catalogus")
    p.add_argument("--thema", help="alleen dit thema, bv. bereik_vt")
    p.add_argument("--zoek", help="zoek op trefwoord, bv. politie")
    p.set_defaults(functie=_print_indicatoren)


def _opdracht_batch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="het stappenplan-werkboek draaien voor alle (of enkele) regio's",
        description="Draait notebooks/stappenplan.ipynb per regio en maakt per regio een "
        "uitgevoerd werkboek en een rapport (HTML zonder code), plus een overzichtspagina.",
    )
    p.add_argument("--uit", required=True, help="map voor de uitvoer")
    p.add_argument(
        "--regio",
        nargs="+",
        action="extend",
        help="regio's (naam of code), bv. --regio Twente Utrecht of --regio Twente "
        "--regio Utrecht; standaard alle regio's van de periode (25 vanaf 2023)",
    )
    p.add_argument(
        "--periode",
        default=None,
        help="halfjaar, bv. 2021H1 (standaard: de laatste periode met cijfers)",
    )
    p.add_argument(
        "--werkers",
        type=int,
        default=None,
        help="hoeveel regio's tegelijk (1 of meer; standaard: het aantal processorkernen)",
    )
    p.add_argument(
        "--startvraag",
        nargs="+",
        action="extend",
        help="sleutel van de startvraag; geef er meer, dan krijgt elke regio een "
        "rapport per startvraag",
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help="maak van elk rapport ook een PDF (nodig: de browser Chromium)",
    )
    p.add_argument(
        "--bron",
        default="oefendata",
        help="'oefendata', 'cbs' of pad naar eigen CSV (ook een StatLine-download)",
    )
    p.add_argument("--lokaal", default="", help="CSV met eigen (proces)indicatoren")
    p.add_argument(
        "--opnieuw",
        action="store_true",
        help="ook regio's die al actueel zijn "
        "(actueel: zelfde versie van impactkit, werkboek, cijfers en instellingen)",
    )
    p.set_defaults(functie=_draai_batch)


def _opdracht_werkboek(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "werkboek",
        help="je eigen werkboek (stappenplan) voor je regio maken en openen in JupyterLab",
        description="Maakt een kopie van het stappenplan-werkboek voor je regio in een eigen map, "
        "met je plan (stappenplan.yaml) ernaast, en opent het in JupyterLab. Bestaat het "
        "werkboek al, dan ga je verder met je bewaarde plan.",
    )
    p.add_argument(
        "regio",
        nargs="?",
        default="",
        help="naam of code van de Veilig Thuis-regio, bv. 'Midden-Brabant' (weg te laten met --plan)",
    )
    p.add_argument(
        "--plan",
        default="",
        help="verder met een bewaard plan, bv. het plan dat je uit de app hebt gedownload "
        "(stappenplan-….yaml)",
    )
    p.add_argument(
        "--periode",
        default="",
        help="halfjaar, bv. 2024H2 (standaard: de laatste periode met cijfers)",
    )
    p.add_argument(
        "--startvraag",
        default="",
        help="sleutel van de startvraag (standaard: heftig_structureel_geweld)",
    )
    p.add_argument(
        "--map",
        default=None,
        help="map voor je werkboek (standaard: werkboek-<regio> in de huidige map)",
    )
    p.add_argument(
        "--opnieuw",
        action="store_true",
        help="opnieuw beginnen (vraagt eerst of je bestaande werkboek overschreven mag worden)",
    )
    p.add_argument(
        "--niet-openen", action="store_true", help="alleen klaarzetten, JupyterLab niet starten"
    )
    p.set_defaults(functie=_werkboek)


def _opdracht_app(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "app",
        help="het stappenplan als app zonder code, in de browser (ook voor een workshop)",
        description="Start de app op deze computer (Voilà) en toont het adres. Kies in de "
        "pagina je regio, periode en vraag; je ziet het antwoord, de bevindingen, grafieken en "
        "vragen, en je kunt je plan downloaden. Werkt zonder internet.",
    )
    p.add_argument(
        "--poort", type=int, default=None, help="poort (standaard: een vrije poort vanaf 8866)"
    )
    p.add_argument("--niet-openen", action="store_true", help="geen browser openen")
    p.add_argument(
        "--netwerk",
        action="store_true",
        help="ook bereikbaar voor andere laptops op hetzelfde netwerk (workshop), met een "
        "toegangscode in het adres; alleen op een vertrouwd netwerk",
    )
    p.add_argument(
        "--max-paginas",
        type=int,
        default=None,
        metavar="AANTAL",
        help="hoogstens zoveel app-pagina's tegelijk open (standaard: wat in het vrije geheugen "
        "van deze computer past)",
    )
    p.set_defaults(functie=_app)


def _opdracht_workshop(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workshop",
        help="een workshop voorbereiden: per deelnemer werkblad, rapport en plan",
        description="Leest een CSV met deelnemers (kolommen naam, regio en eventueel startvraag "
        "of hoofdvraag) en maakt per deelnemer een werkblad met de cijfers van de eigen regio, "
        "het rapport en het plan; voor de begeleider een overzicht, het antwoordblad, de "
        "rolkaarten en de dia's.",
    )
    p.add_argument("actie", choices=["voorbereiden"], help="voorbereiden: alles klaarzetten")
    p.add_argument("deelnemers", help="CSV met de deelnemers, bv. deelnemers.csv")
    p.add_argument("--uit", required=True, help="map voor de uitvoer")
    p.add_argument(
        "--periode",
        default=None,
        help="halfjaar, bv. 2024H2 (standaard: de laatste "
        "periode met cijfers; elke pagina noemt de periode)",
    )
    p.add_argument("--pdf", action="store_true", help="maak ook PDF's (nodig: de browser Chromium)")
    p.add_argument("--werkers", type=int, default=None, help="aantal parallelle werkers")
    p.set_defaults(functie=_workshop)


def _opdracht_controleer(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("controleer", help="een bestand met eigen cijfers controleren")
    p.add_argument("bestand", help="CSV met eigen cijfers (zie data/voorbeelden/eigen_cijfers.csv)")
    p.add_argument("--lokaal", default="", help="CSV met eigen (proces)indicatoren")
    p.set_defaults(functie=_controleer_eigen_data)


def _opdracht_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="echte CBS-cijfers ophalen en bewaren")
    p.add_argument(
        "actie",
        choices=["ophalen", "uitleg"],
        help="ophalen: haal de CBS-tabellen (opnieuw) op; uitleg TABEL: toon dimensies, "
        "categorieën en maten van een tabel",
    )
    p.add_argument("tabel_id", nargs="?", help="bij uitleg: de tabel, bv. 85361NED")
    p.add_argument("--tabel", nargs="+", help="alleen deze tabellen, bv. 84852NED 85361NED")
    p.add_argument(
        "--cache",
        default=None,
        help="map voor de opgeslagen tabellen (standaard ~/.cache/impactkit/cbs)",
    )
    p.set_defaults(functie=_data_ophalen)


def _opdracht_oefendata(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("oefendata", help="oefendata opnieuw maken")
    p.add_argument("actie", choices=["maken"], help="maken: genereer data/oefendata opnieuw")
    p.set_defaults(functie=_maak_oefendata)


def maak_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="impactkit",
        description="Werken met de Impactmonitor huiselijk geweld en kindermishandeling.",
    )
    sub = parser.add_subparsers(
        dest="opdracht", metavar="OPDRACHT", parser_class=_Parser, title="opdrachten"
    )
    _opdracht_profiel(sub)
    _opdracht_indicatoren(sub)
    _opdracht_batch(sub)
    _opdracht_werkboek(sub)
    _opdracht_app(sub)
    _opdracht_workshop(sub)
    _opdracht_controleer(sub)
    _opdracht_data(sub)
    _opdracht_oefendata(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the user sees Dutch messages and exit codes, never a traceback.

    Exit codes: 0 done, 1 partly failed or nothing found, 2 wrong input, 130 interrupted.
    Set ``IMPACTKIT_DEBUG=1`` to see the technical details of an unexpected error.
    """
    try:
        parser = maak_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "functie", None):
            parser.print_help()
            return 1
        return args.functie(args)
    except KeyboardInterrupt:
        print("\nAfgebroken.", file=sys.stderr)
        return 130
    except ImpactkitFout as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"Fout: {_bestandsfout(e)}", file=sys.stderr)
        return 2
    except Exception:
        if os.environ.get("IMPACTKIT_DEBUG"):
            raise
        print(
            "Fout: er ging onverwacht iets mis in impactkit. Meld dit bij de beheerders, met de "
            "opdracht die je gaf. Technische details: zet IMPACTKIT_DEBUG=1 en probeer opnieuw.",
            file=sys.stderr,
        )
        return 1


def _bestandsfout(e: OSError) -> str:
    """A file-system error in Dutch, naming the path."""
    pad = f"'{e.filename}'" if e.filename else "het bestand of de map"
    if isinstance(e, FileExistsError):
        return f"{pad} bestaat al als bestand; kies een map (of een naam die nog niet bestaat)."
    if isinstance(e, NotADirectoryError):
        return f"{pad} is een bestand, geen map. Geef een map op."
    if isinstance(e, IsADirectoryError):
        return f"{pad} is een map, geen bestand. Geef het pad van het bestand zelf."
    if isinstance(e, FileNotFoundError):
        return f"{pad} bestaat niet. Controleer de naam en de map."
    if isinstance(e, PermissionError):
        return f"geen toestemming voor {pad}. Kies een map waarin je mag schrijven."
    return f"{pad} is niet te lezen of te schrijven ({bestandsreden(e)})."


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
