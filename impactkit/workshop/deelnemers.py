"""The workshop's participants: read and check the CSV the trainer fills in."""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..fouten import ImpactkitFout
from ..perioden import Periode
from ..regioindeling import NEDERLAND, Regio, regio

KOLOMMEN = ("naam", "regio", "startvraag", "hoofdvraag")
VERPLICHT = ("naam", "regio")
STANDAARD_STARTVRAAG = "bereik_burgers_professionals"  # the book's workshop exercises use it


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


def _controleer_kop(kop: list[str], bestand: str, r: int = 1) -> None:
    """Every column known and every required column there, or one error naming them all."""
    fouten: list[str] = []
    for nr, k in enumerate(kop, 1):
        if k in kop[: nr - 1]:
            fouten.append(
                f"{bestand}, regel {r}, kolom {nr}: de kolom '{k}' staat er twee keer (ook kolom "
                f"{kop.index(k) + 1}). Haal er één weg."
            )
        elif k not in KOLOMMEN:
            hint = difflib.get_close_matches(k, KOLOMMEN, n=1, cutoff=0.6)
            voorstel = f" Bedoel je '{hint[0]}'?" if hint else ""
            fouten.append(
                f"{bestand}, regel {r}, kolom {nr}: onbekende kolom '{k}'.{voorstel} "
                f"Toegestaan: {', '.join(KOLOMMEN)}."
            )
    for k in VERPLICHT:
        if k not in kop:
            fouten.append(f"{bestand}, regel {r}: de kolom '{k}' ontbreekt (verplicht).")
    if fouten:
        raise ImpactkitFout("\n".join(fouten))


Fout = Callable[[str, str], None]  # fout(kolom, bericht) records a problem on the current line


def _naam(w: dict[str, str], regel: int, gezien: dict[str, int], fout: Fout) -> str:
    naam = " ".join(w.get("naam", "").split())  # 'Anna  de Vries' is 'Anna de Vries'
    sleutel = naam.casefold()
    if not naam:
        fout("naam", "de naam is leeg.")
    elif sleutel in gezien:
        fout(
            "naam",
            f"'{naam}' staat er al (regel {gezien[sleutel]}; hoofdletters en spaties tellen niet "
            "mee). Maak de namen uniek, bijvoorbeeld met een achternaam.",
        )
    else:
        gezien[sleutel] = regel
    return naam


def _regio(w: dict[str, str], p: Periode, met_cijfers: set[str], fout: Fout) -> Regio | None:
    """The row's region, or None when it is unknown or has no figures in ``p``."""
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
    return r


def _startvraag(w: dict[str, str], sleutels: list[str], fout: Fout) -> str:
    from ..startvraagbank import startvraag

    vraag = w.get("startvraag", "")
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
    return vraag


def lees_deelnemers(
    pad: str | Path, periode: str, data: pd.DataFrame | None = None
) -> list[Deelnemer]:
    """The participants from a CSV with columns naam, regio and optionally startvraag, hoofdvraag.

    Separator ``,`` or ``;``; UTF-8, UTF-16 or Windows characters. Every row is checked before
    anything is made: an unknown column, region or start question, a region without figures in
    ``periode``, an empty name or a name given twice each give a Dutch message with the line and
    the column, with a suggestion where there is one. All problems are reported at once.
    """
    from ..laden import laad
    from ..startvraagbank import startvragen

    pad = Path(pad)
    p = Periode.parse(periode)
    tekst = _lees_tekst(pad)
    excel = re.match(r"\s*sep=(.)[ \t]*\r?\n", tekst)  # Excel's 'sep=;' line names the separator
    if excel:
        tekst = tekst[excel.end() :]
    if not tekst.strip():
        raise ImpactkitFout(f"'{pad.name}' is leeg. Zet op de eerste regel: naam;regio;startvraag")
    eerste = tekst.splitlines()[0]
    scheiding = excel.group(1) if excel else max(";,\t", key=eerste.count)
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    kop = [k.strip().lower() for k in next(lezer)]
    extra = 1 if excel else 0  # line numbers as in the file, 'sep=' line included
    _controleer_kop(kop, pad.name, 1 + extra)

    df = laad() if data is None else data
    met_cijfers = set(df.loc[(df["periode"] == p.code) & df["waarde"].notna(), "regio_code"])
    sleutels = [s.sleutel for s in startvragen()]
    fouten: list[str] = []
    gezien: dict[str, int] = {}
    uit: list[Deelnemer] = []
    for rij in lezer:
        regel = lezer.line_num + extra
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

        naam = _naam(w, regel, gezien, fout)
        r = _regio(w, p, met_cijfers, fout)
        vraag = _startvraag(w, sleutels, fout)
        if r is not None and naam:
            uit.append(Deelnemer(naam, r.code, r.naam_in(p), vraag, w.get("hoofdvraag", ""), regel))
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


def mapnaam(naam: str) -> str:
    """A safe folder name for a participant: lower case letters, digits and '-'. A name Windows
    reserves for a device (CON, nul, aux, com1, LPT1, any case; ``con.txt`` becomes ``con-txt``,
    which Windows accepts) gets '-deelnemer' added.

    >>> mapnaam("Anna de Vries"), mapnaam("CON"), mapnaam("lpt1.txt"), mapnaam('=HYPERLINK("x")')
    ('anna-de-vries', 'con-deelnemer', 'lpt1-txt', 'hyperlink-x')
    """
    from ..namen import veilige_mapnaam

    return veilige_mapnaam(naam, "deelnemer")


def _unieke_mappen(deelnemers: list[Deelnemer]) -> list[Deelnemer]:
    from dataclasses import replace

    uit, bezet = [], set()
    for d in deelnemers:
        basis = mapnaam(d.naam)
        naam, n = basis, 2
        while naam in bezet:
            naam, n = f"{basis}-{n}", n + 1
        bezet.add(naam)
        uit.append(replace(d, map=naam))
    return uit
