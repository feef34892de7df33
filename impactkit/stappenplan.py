"""The six steps of *kennisgestuurd werken* for one region, recorded in a readable file.

A :class:`Stappenplan` holds the hoofdvraag, the deelvragen with their chosen indicators (and why
each answers which deelvraag), the comparisons and findings with their questions, and the duiding
(who took part, interpretations, conclusions, agreed actions). It saves to and loads from YAML, so
a coordinator can stop and resume and a trainer can hand out a prepared plan.

Examples
--------
>>> plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "Zaanstreek-Waterland", "2021H1")
>>> plan.regio_code, len(plan.deelvragen)
('VT22', 4)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .bevindingen import analyseer
from .fouten import DataFout, ImpactkitFout
from .indicatoren import indicator
from .laden import laad
from .perioden import Periode
from .regioindeling import regio
from .startvraagbank import startvraag

STAPPEN = ("hoofdvraag", "deelvragen", "indicatoren", "vergelijken", "analyseren", "duiden")
VERSIE = 1


@dataclass
class GekozenIndicator:
    indicator: str
    waarom: str = ""
    categorie: str | None = None


@dataclass
class DeelvraagPlan:
    vraag: str
    indicatoren: list[GekozenIndicator] = field(default_factory=list)


@dataclass
class Bevinding:
    indicator: str
    vergelijking: str
    oordeel: str
    tekst: str
    categorie: str | None = None
    vragen: list[str] = field(default_factory=list)


@dataclass
class Duiding:
    datum: str = ""
    deelnemers: list[str] = field(default_factory=list)
    interpretaties: list[str] = field(default_factory=list)
    conclusies: list[str] = field(default_factory=list)
    acties: list[str] = field(default_factory=list)


@dataclass
class Stappenplan:
    """The step plan for one region and period."""

    regio_code: str
    periode: str
    hoofdvraag: str = ""
    toelichting: str = ""
    deelvragen: list[DeelvraagPlan] = field(default_factory=list)
    bevindingen: list[Bevinding] = field(default_factory=list)
    duiding: Duiding = field(default_factory=Duiding)
    bron: str = "oefendata"
    startvraag: str | None = None

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def nieuw(cls, regio_naam: str, periode: str, hoofdvraag: str = "") -> Stappenplan:
        return cls(regio_code=regio(regio_naam).code, periode=Periode.parse(periode).code,
                   hoofdvraag=hoofdvraag)  # fmt: skip

    @classmethod
    def uit_startvraag(cls, sleutel: str, regio_naam: str, periode: str) -> Stappenplan:
        """A plan prepared from a starter question (hoofdvraag, deelvragen and indicators)."""
        s = startvraag(sleutel)
        plan = cls.nieuw(regio_naam, periode, s.hoofdvraag)
        plan.toelichting = s.toelichting
        plan.startvraag = s.sleutel
        plan.deelvragen = [
            DeelvraagPlan(
                d.vraag,
                [GekozenIndicator(k.indicator, k.waarom, k.categorie) for k in d.indicatoren],
            )  # fmt: skip
            for d in s.deelvragen
        ]
        return plan

    # -- steps ----------------------------------------------------------------------------------
    @property
    def regio_naam(self) -> str:
        return regio(self.regio_code).naam

    def voeg_deelvraag_toe(self, vraag: str) -> DeelvraagPlan:
        d = DeelvraagPlan(vraag)
        self.deelvragen.append(d)
        return d

    def kies_indicator(
        self, deelvraag: int, indicator_id: str, waarom: str = "", categorie: str | None = None
    ) -> None:
        """Step 3: add an indicator to a sub-question (checked against the catalogue)."""
        ind = indicator(indicator_id)
        if not 0 <= deelvraag < len(self.deelvragen):
            raise ImpactkitFout(
                f"Deelvraag {deelvraag} bestaat niet; het plan heeft er {len(self.deelvragen)} "
                "(tel vanaf 0)."
            )
        if categorie is not None and categorie not in ind.categorieen:
            raise ImpactkitFout(f"'{categorie}' is geen categorie van {ind.id}.")
        if ind.is_verdeling and categorie is None:
            raise ImpactkitFout(
                f"{ind.id} is een verdeling; kies ook een categorie: {'; '.join(ind.categorieen)}."
            )
        self.deelvragen[deelvraag].indicatoren.append(
            GekozenIndicator(ind.id, waarom.strip(), categorie)
        )

    def indicatoren(self) -> list[str | tuple[str, str]]:
        """All chosen indicators, each once (id, or (id, categorie))."""
        uit: list[str | tuple[str, str]] = []
        for d in self.deelvragen:
            for k in d.indicatoren:
                item = k.indicator if k.categorie is None else (k.indicator, k.categorie)
                if item not in uit:
                    uit.append(item)
        return uit

    def analyseer(self, data: pd.DataFrame | None = None, normen=None) -> pd.DataFrame:
        """Steps 4 and 5: compare and analyse the chosen indicators; the findings are stored.

        Without ``data`` the plan's own source (``plan.bron``) is loaded.
        """
        if data is None:
            data = laad(self.bron)
        tabel = analyseer(self.regio_code, self.periode, self.indicatoren(), data=data,
                          normen=normen)  # fmt: skip
        self.bevindingen = [
            Bevinding(
                r.indicator,
                r.vergelijking,
                r.oordeel,
                r.tekst,
                r.categorie if isinstance(r.categorie, str) else None,
                list(r.vragen),
            )  # fmt: skip
            for r in tabel.itertuples(index=False)
        ]
        return tabel

    def vragen_voor_gesprek(self) -> list[str]:
        """Questions from the notable findings, each once (input for step 6, duiden)."""
        uit: list[str] = []
        for b in self.bevindingen:
            if b.oordeel.startswith("opvallend"):
                uit += [v for v in b.vragen if v not in uit]
        return uit

    def stand(self) -> dict[str, bool]:
        """Which steps have been filled in."""
        return {
            "hoofdvraag": bool(self.hoofdvraag.strip()),
            "deelvragen": bool(self.deelvragen),
            "indicatoren": bool(self.indicatoren()),
            "vergelijken": bool(self.bevindingen),
            "analyseren": any(
                b.oordeel.startswith("opvallend") or b.tekst for b in self.bevindingen
            ),
            "duiden": bool(self.duiding.conclusies or self.duiding.interpretaties),
        }

    # -- files ----------------------------------------------------------------------------------
    def naar_dict(self) -> dict:
        return {"versie": VERSIE, **asdict(self)}

    def bewaar(self, pad: str | Path) -> Path:
        """Save as YAML (readable and editable by hand)."""
        pad = Path(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        tekst = yaml.safe_dump(self.naar_dict(), allow_unicode=True, sort_keys=False, width=100)
        pad.write_text(
            "# Stappenplan kennisgestuurd werken (impactkit)\n" + tekst, encoding="utf-8"
        )
        return pad

    @classmethod
    def van_dict(cls, d: dict, bron: str = "plan") -> Stappenplan:
        if not isinstance(d, dict) or "regio_code" not in d or "periode" not in d:
            raise DataFout(f"{bron}: dit is geen stappenplan (regio_code en periode ontbreken).")
        try:
            plan = cls(
                regio_code=regio(str(d["regio_code"])).code,
                periode=Periode.parse(str(d["periode"])).code,
                hoofdvraag=d.get("hoofdvraag") or "",
                toelichting=d.get("toelichting") or "",
                deelvragen=[
                    DeelvraagPlan(
                        dv["vraag"], [GekozenIndicator(**k) for k in dv.get("indicatoren") or []]
                    )
                    for dv in d.get("deelvragen") or []
                ],
                bevindingen=[Bevinding(**b) for b in d.get("bevindingen") or []],
                duiding=Duiding(**(d.get("duiding") or {})),
                bron=d.get("bron") or "oefendata",
                startvraag=d.get("startvraag"),
            )
        except ImpactkitFout as e:
            raise DataFout(f"{bron}: {e}") from None
        except (TypeError, KeyError) as e:
            raise DataFout(
                f"{bron}: onderdeel van het plan heeft een onverwachte vorm ({e})."
            ) from None
        for i in plan.indicatoren():
            try:
                indicator(i if isinstance(i, str) else i[0])
            except ImpactkitFout as e:
                raise DataFout(f"{bron}: {e}") from None
        return plan

    @classmethod
    def laad(cls, pad: str | Path) -> Stappenplan:
        """Load a saved plan; an unreadable file gives a Dutch message naming the problem."""
        pad = Path(pad)
        if not pad.exists():
            raise DataFout(f"Stappenplan '{pad}' bestaat niet. Controleer het pad.")
        try:
            inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            plek = getattr(e, "problem_mark", None)
            waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek else ""
            raise DataFout(f"{pad.name} is geen leesbare YAML{waar}. Herstel het bestand of "
                           "begin opnieuw met Stappenplan.uit_startvraag(...).") from None  # fmt: skip
        return cls.van_dict(inhoud, pad.name)
