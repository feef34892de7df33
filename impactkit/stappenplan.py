"""The six steps of *kennisgestuurd werken* for one region, recorded in a readable file.

A :class:`Stappenplan` holds the hoofdvraag, the deelvragen with their chosen indicators (and why
they answer the deelvraag), the comparisons and findings with their questions, the answer to the
hoofdvraag and the duiding (who took part, interpretations, conclusions, agreed actions). It saves
to and loads from YAML, so a coordinator can stop and resume and a trainer can hand out a prepared
plan.

Deelvragen can also be written as text (YAML or JSON), which is how the notebook takes them as a
papermill parameter; :func:`lees_deelvragen` reads and checks that text and
:func:`deelvragen_als_tekst` writes it::

    - vraag: Komen gezinnen minder vaak opnieuw in beeld?
      waarom: Geweld dat stopt, komt minder vaak terug als nieuwe melding.
      indicatoren: [hermeldingen, "duur_geweld_meldingen:> 5 jaar"]

Examples
--------
>>> plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "Zaanstreek-Waterland", "2021H1")
>>> plan.regio_code, len(plan.deelvragen)
('VT22', 4)
>>> [d.vraag for d in lees_deelvragen('[{vraag: "Hoe vaak?", indicatoren: [hermeldingen]}]')]
['Hoe vaak?']
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import yaml

from .bevindingen import analyseer
from .fouten import (
    DataFout,
    ImpactkitFout,
    OnbekendeIndicator,
    bedoelde_je,
    bestandsreden,
    soort_invoer,
    suggesties,
)
from .indicatoren import indicator
from .laden import laad
from .oordelen import is_opvallend
from .perioden import Periode
from .regioindeling import regio
from .startvraagbank import startvraag
from .synthese import beantwoord
from .veilige_yaml import MAX_PLAN_TEKENS, getal_met_punten, lees_yaml

STAPPEN = ("hoofdvraag", "deelvragen", "indicatoren", "vergelijken", "analyseren", "duiden")
VERSIE = 2
"""Plan-file version. 2 added ``waarom`` per deelvraag and ``antwoord``; version 1 still loads."""

VOORBEELD_DEELVRAGEN = (
    '[{vraag: "Komen gezinnen minder vaak opnieuw in beeld?", indicatoren: [hermeldingen], '
    'waarom: "een hermelding wijst op geweld dat terugkomt"}]'
)
"""A one-line example of deelvragen as text, shown in error messages."""


@dataclass
class GekozenIndicator:
    indicator: str
    waarom: str = ""
    categorie: str | None = None

    @property
    def als_tekst(self) -> str:
        """The short form used in parameters: ``id`` or ``id:categorie``."""
        return self.indicator if self.categorie is None else f"{self.indicator}:{self.categorie}"


@dataclass
class DeelvraagPlan:
    """A sub-question, its indicators, and why these indicators answer it (``waarom``)."""

    vraag: str
    indicatoren: list[GekozenIndicator] = field(default_factory=list)
    waarom: str = ""


# -- deelvragen as text (papermill parameter, plan file, widget) ------------------------------------
_DEELVRAAG_VELDEN = ("vraag", "indicatoren", "waarom")
_INDICATOR_VELDEN = ("indicator", "categorie", "waarom")
_SYNONIEMEN = {"reden": "waarom", "deelvraag": "vraag", "id": "indicator"}
_VELDNAMEN = (*_INDICATOR_VELDEN, *_SYNONIEMEN)


_TYPENAMEN = {str: "tekst", int: "getal", float: "getal", bool: "ja/nee-waarde", list: "lijst"}
_TYPENAMEN[dict] = "losse deelvraag (een woordenboek)"


def _typenaam(x: object) -> str:
    return _TYPENAMEN.get(type(x), type(x).__name__)


def _velden(d: dict, toegestaan: tuple[str, ...], plek: str) -> dict:
    """Keys of one item, with Dutch synonyms mapped and unknown keys refused (with a suggestion)."""
    uit, bron = {}, {}
    for sleutel, waarde in d.items():
        naam = _SYNONIEMEN.get(str(sleutel).strip().lower(), str(sleutel).strip().lower())
        if naam not in toegestaan:
            raise ImpactkitFout(
                f"{plek}: onbekend onderdeel '{sleutel}'.{bedoelde_je(str(sleutel), toegestaan)} "
                f"Gebruik alleen: {', '.join(toegestaan)}."
            )
        if naam in uit:
            raise ImpactkitFout(
                f"{plek}: '{bron[naam]}' en '{sleutel}' betekenen allebei '{naam}'. Laat er één "
                "staan: anders valt de ene ongemerkt weg."
            )
        uit[naam], bron[naam] = waarde, sleutel
    return uit


def lees_indicator(item: object, plek: str = "indicator") -> GekozenIndicator:
    """One chosen indicator from ``'id'``, ``'id:categorie'`` or ``{indicator, categorie, waarom}``.

    Checked against the catalogue: an unknown id or category gets the closest suggested, and a
    distribution needs a category. ``plek`` says where the item stands, for the message.
    """
    if isinstance(item, GekozenIndicator):
        item = asdict(item)
    if isinstance(item, str):
        ind_id, _, categorie = item.partition(":")
        velden = {"indicator": ind_id, "categorie": categorie}
    elif isinstance(item, dict) and len(item) == 1 and next(iter(item)) not in _VELDNAMEN:
        # YAML reads an unquoted 'aard_geweld: Ouderenmishandeling' as a mapping: accept it.
        ((ind_id, categorie),) = item.items()
        velden = {"indicator": str(ind_id), "categorie": "" if categorie is None else categorie}
    elif isinstance(item, dict):
        velden = _velden(item, _INDICATOR_VELDEN, plek)
    else:
        raise ImpactkitFout(
            f"{plek}: een indicator is een id zoals 'hermeldingen' of 'id:categorie' zoals "
            f"'duur_geweld_meldingen:> 5 jaar', niet een {_typenaam(item)} ({item!r})."
        )
    ind_id = str(velden.get("indicator") or "").strip()
    if not ind_id:
        raise ImpactkitFout(f"{plek}: de naam van de indicator ontbreekt (bv. 'hermeldingen').")
    try:
        ind = indicator(ind_id)
    except OnbekendeIndicator as e:
        raise OnbekendeIndicator(f"{plek}: {e}") from None
    cat = velden.get("categorie")
    cat = str(cat).strip() if cat is not None and str(cat).strip() else None
    if cat is not None and cat not in ind.categorieen:
        if not ind.categorieen:
            raise ImpactkitFout(
                f"{plek}: {ind.id} heeft geen categorieën; schrijf alleen '{ind.id}'."
            )
        raise ImpactkitFout(
            f"{plek}: '{cat}' is geen categorie van {ind.id}.{bedoelde_je(cat, ind.categorieen)} "
            f"Kies uit: {'; '.join(ind.categorieen)}."
        )
    if ind.is_verdeling and cat is None:
        raise ImpactkitFout(
            f"{plek}: {ind.id} is een verdeling; kies ook een categorie en schrijf "
            f"'{ind.id}:categorie', bv. '{ind.id}:{ind.categorieen[0]}'. "
            f"Categorieën: {'; '.join(ind.categorieen)}."
        )
    return GekozenIndicator(ind.id, _tekst(velden.get("waarom"), f"{plek} › waarom"), cat)


def _lees_deelvraag(item: object, plek: str) -> DeelvraagPlan:
    if isinstance(item, DeelvraagPlan):
        item = asdict(item)
    if isinstance(item, str):
        item = {"vraag": item}
    if not isinstance(item, dict):
        raise ImpactkitFout(
            f"{plek} is een {_typenaam(item)}; een deelvraag heeft de vorm "
            f"{{vraag: ..., indicatoren: [...], waarom: ...}}."
        )
    velden = _velden(item, _DEELVRAAG_VELDEN, plek)
    vraag = velden.get("vraag")
    if not isinstance(vraag, str) or not vraag.strip():
        raise ImpactkitFout(
            f"{plek} heeft geen vraag. Schrijf de deelvraag als tekst achter 'vraag:'."
        )
    lijst = velden.get("indicatoren")
    if lijst is None:
        lijst = []
    elif isinstance(lijst, str):
        lijst = [d for d in lijst.split(",") if d.strip()]
    elif isinstance(lijst, dict):
        lijst = [lijst]
    elif not isinstance(lijst, list):
        raise ImpactkitFout(
            f"{plek}: 'indicatoren' moet een lijst zijn, bv. [hermeldingen, "
            f"'duur_geweld_meldingen:> 5 jaar'], niet een {_typenaam(lijst)}."
        )
    indicatoren = [lees_indicator(k, f"{plek}, indicator {j}") for j, k in enumerate(lijst, 1)]
    waarom = _tekst(velden.get("waarom"), f"{plek} › waarom")
    return DeelvraagPlan(vraag.strip(), indicatoren, waarom)


def lees_deelvragen(
    invoer: str | list | None, naam: str = "deelvragen", bron: str | None = None
) -> list[DeelvraagPlan]:
    """Read and check deelvragen given as YAML/JSON text or as a list (a papermill parameter).

    Each deelvraag is a question (text) or ``{vraag, indicatoren, waarom}``; each indicator is
    ``'id'``, ``'id:categorie'`` or ``{indicator, categorie, waarom}``. Empty input gives an empty
    list. Problems raise :class:`~impactkit.fouten.ImpactkitFout` (an unknown indicator
    :class:`~impactkit.fouten.OnbekendeIndicator`) with a Dutch message that names the parameter,
    the deelvraag and the fix. ``bron`` replaces "Parameter '<naam>'" at the start of a message.
    """
    plek = bron or f"Parameter '{naam}'"
    if invoer is None or (isinstance(invoer, str) and not invoer.strip()):
        return []
    if isinstance(invoer, str):
        hulp = "Zet teksten met een dubbele punt of komma tussen aanhalingstekens. Voorbeeld: "
        invoer = lees_yaml(invoer, plek, hulp + VOORBEELD_DEELVRAGEN, "YAML of JSON")
    if isinstance(invoer, dict) and "deelvragen" in invoer:
        invoer = invoer["deelvragen"]  # a pasted piece of a plan file
    if isinstance(invoer, (dict, DeelvraagPlan)):
        invoer = [invoer]
    if invoer is None:
        return []
    if not isinstance(invoer, (list, tuple)):
        raise ImpactkitFout(
            f"{plek} moet een lijst van deelvragen zijn, niet een {_typenaam(invoer)} "
            f"({invoer!r}). Voorbeeld: {VOORBEELD_DEELVRAGEN}"
        )
    return [
        _lees_deelvraag(item, f"{plek}, deelvraag {i}") for i, item in enumerate(invoer, start=1)
    ]


def deelvragen_als_tekst(deelvragen: list[DeelvraagPlan]) -> str:
    """The deelvragen as compact YAML: the form :func:`lees_deelvragen` reads (and round-trips)."""
    return yaml.safe_dump(
        [_deelvraag_dict(d, kort=True) for d in deelvragen],
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=None,
    )


def _deelvraag_dict(d: DeelvraagPlan, kort: bool = False) -> dict:
    indicatoren: list = []
    for k in d.indicatoren:
        if kort and not k.waarom:
            indicatoren.append(k.als_tekst)
            continue
        item: dict = {"indicator": k.indicator}
        if k.categorie is not None:
            item["categorie"] = k.categorie
        item["waarom"] = k.waarom
        indicatoren.append(item)
    return {"vraag": d.vraag, "waarom": d.waarom, "indicatoren": indicatoren}


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


# -- the plan-file schema -------------------------------------------------------------------------
_TEKSTEN = "lijst van teksten"
PLAN_SCHEMA = {"versie": "getal", **dict.fromkeys(("regio_code", "periode"), "tekst")}
PLAN_SCHEMA |= {"hoofdvraag": "tekst", "toelichting": "tekst", "deelvragen": "lijst"}
PLAN_SCHEMA |= {"bevindingen": "lijst", "duiding": "onderdelen", "bron": "tekst"}
PLAN_SCHEMA |= {"startvraag": "tekst", "antwoord": "tekst"}
"""Top-level keys of a plan file and the kind of value each holds."""
DUIDING_SCHEMA = {"datum": "tekst"} | dict.fromkeys(
    ("deelnemers", "interpretaties", "conclusies", "acties"), _TEKSTEN
)
BEVINDING_SCHEMA = dict.fromkeys(("indicator", "vergelijking", "oordeel", "tekst"), "tekst")
BEVINDING_SCHEMA |= {"categorie": "tekst", "vragen": _TEKSTEN}


def _sleutels(d: dict, schema: dict, plek: str) -> None:
    """Refuse keys the schema does not know, suggesting the closest one."""
    onbekend = [k for k in d if str(k) not in schema]
    if onbekend:
        k = onbekend[0]
        raise ImpactkitFout(
            f"onbekend onderdeel '{k}' in {plek}.{bedoelde_je(str(k), schema, n=1)} Mogelijk: "
            f"{', '.join(schema)}. Een onbekend onderdeel zou anders ongemerkt wegvallen."
        )


def _tekst(x: object, naam: str) -> str:
    """A text field: text stays text, a date becomes 2024-03-01, nothing becomes ''."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x.strip()
    if isinstance(x, (date, datetime)):
        return x.isoformat()
    raise ImpactkitFout(
        f"'{naam}' moet een tekst zijn, niet een {_typenaam(x)}. Schrijf de tekst achter "
        f"'{naam.split(' › ')[-1]}:' (tussen aanhalingstekens als hij begint met een cijfer of "
        "een dubbele punt bevat)."
    )


def _verplicht(d: dict, naam: str, voorbeeld: str) -> str:
    """A required text field (a year such as 2024 may be a number); empty is refused."""
    x = d[naam]
    tekst = str(x) if isinstance(x, int) and not isinstance(x, bool) else _tekst(x, naam)
    if not tekst:
        raise ImpactkitFout(f"'{naam}' is leeg. Vul hem in, bv. '{naam}: {voorbeeld}'.")
    return tekst


def _lijst(x: object, naam: str, splits: bool = False, teksten: bool = True) -> list:
    """A list field; one text becomes a list of one (names separated by commas are split)."""
    if x is None:
        return []
    if isinstance(x, str) and teksten:
        if splits:
            return [d.strip() for d in re.split(r"[,;]", x) if d.strip()]
        return [x.strip()] if x.strip() else []
    if not isinstance(x, list):
        raise ImpactkitFout(
            f"'{naam}' moet een lijst zijn (elk item op een eigen regel met '- '), niet een "
            f"{_typenaam(x)}."
        )
    if teksten:
        return [_tekst(item, f"{naam}, item {i}") for i, item in enumerate(x, 1)]
    return x


def _lees_bevinding(b: object, i: int) -> Bevinding:
    plek = f"bevinding {i}"
    if not isinstance(b, dict):
        raise ImpactkitFout(
            f"{plek} is een {_typenaam(b)}; een bevinding heeft de onderdelen "
            f"{', '.join(BEVINDING_SCHEMA)}."
        )
    _sleutels(b, BEVINDING_SCHEMA, plek)
    try:
        ind = indicator(_tekst(b.get("indicator"), f"{plek} › indicator"))
    except OnbekendeIndicator as e:
        raise OnbekendeIndicator(f"{plek}: {e}") from None
    categorie = _tekst(b.get("categorie"), f"{plek} › categorie") or None
    if categorie is not None and categorie not in ind.categorieen:
        keuze = f" Kies uit: {'; '.join(ind.categorieen)}." if ind.categorieen else ""
        raise ImpactkitFout(
            f"{plek}: '{categorie}' is geen categorie van {ind.id}."
            f"{bedoelde_je(categorie, ind.categorieen)}"
            + (keuze or " Deze indicator heeft geen categorieën.")
        )
    teksten = [_tekst(b.get(k), f"{plek} › {k}") for k in ("vergelijking", "oordeel", "tekst")]
    vragen = _lijst(b.get("vragen"), f"{plek} › vragen")
    return Bevinding(ind.id, *teksten, categorie=categorie, vragen=vragen)


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
    antwoord: str = ""

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def nieuw(cls, regio_naam: str, periode: str, hoofdvraag: str = "") -> Stappenplan:
        return cls(regio(regio_naam).code, Periode.parse(periode).code, hoofdvraag=hoofdvraag)

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
                d.waarom,
            )
            for d in s.deelvragen
        ]
        return plan

    # -- steps ----------------------------------------------------------------------------------
    @property
    def regio_naam(self) -> str:
        return regio(self.regio_code).naam

    def voeg_deelvraag_toe(
        self, vraag: str, waarom: str = "", indicatoren: list | str | None = None
    ) -> DeelvraagPlan:
        """Step 2: add a sub-question, optionally with its indicators (``'id'``/``'id:categorie'``)."""
        d = _lees_deelvraag(
            {"vraag": vraag, "waarom": waarom, "indicatoren": indicatoren},
            f"Deelvraag {len(self.deelvragen) + 1}",
        )
        self.deelvragen.append(d)
        return d

    def kies_indicator(
        self, deelvraag: int, indicator_id: str, waarom: str = "", categorie: str | None = None
    ) -> None:
        """Step 3: add an indicator to a sub-question (checked against the catalogue)."""
        ind = indicator(indicator_id)
        if isinstance(deelvraag, bool) or not isinstance(deelvraag, int):
            raise ImpactkitFout(
                f"Geef de deelvraag als getal (tel vanaf 0), bv. kies_indicator(0, "
                f"'{ind.id}'), niet {soort_invoer(deelvraag)}."
            )
        if not 0 <= deelvraag < len(self.deelvragen):
            raise ImpactkitFout(
                f"Deelvraag {deelvraag} bestaat niet; het plan heeft er {len(self.deelvragen)} "
                "(tel vanaf 0)."
            )
        gekozen = lees_indicator(
            {"indicator": ind.id, "categorie": categorie, "waarom": waarom},
            f"Deelvraag {deelvraag} (geteld vanaf 0)",
        )
        self.deelvragen[deelvraag].indicatoren.append(gekozen)

    def indicatoren(self) -> list[str | tuple[str, str]]:
        """All chosen indicators, each once (id, or (id, categorie))."""
        uit: list[str | tuple[str, str]] = []
        for d in self.deelvragen:
            for k in d.indicatoren:
                item = k.indicator if k.categorie is None else (k.indicator, k.categorie)
                if item not in uit:
                    uit.append(item)
        return uit

    @property
    def kenmerk(self) -> tuple:
        """What the analysis and the answer depend on: region, period, hoofdvraag, deelvragen
        and their indicators. The notebook analyses again when it changed (after the panel)."""
        return (
            self.regio_code,
            self.periode,
            self.hoofdvraag,
            tuple(
                (d.vraag, tuple((k.indicator, k.categorie) for k in d.indicatoren))
                for d in self.deelvragen
            ),
        )

    def analyseer(self, data: pd.DataFrame | None = None, normen=None) -> pd.DataFrame:
        """Steps 4 and 5: compare and analyse the chosen indicators; the findings are stored.

        Without ``data`` the plan's own source (``plan.bron``) is loaded. The answer to the
        hoofdvraag (:func:`impactkit.synthese.beantwoord`) is stored in ``plan.antwoord``.
        """
        if data is None:
            data = laad(self.bron)
        tabel = analyseer(
            self.regio_code, self.periode, self.indicatoren(), data=data, normen=normen
        )
        self.bevindingen = [
            Bevinding(
                r.indicator,
                r.vergelijking,
                r.oordeel,
                r.tekst,
                r.categorie if isinstance(r.categorie, str) else None,
                list(r.vragen),
            )
            for r in tabel.itertuples(index=False)
        ]
        self.antwoord = beantwoord(self, tabel).antwoord
        return tabel

    def vragen_voor_gesprek(self) -> list[str]:
        """Questions from the notable findings, each once (input for step 6, duiden)."""
        uit: list[str] = []
        for b in self.bevindingen:
            if is_opvallend(b.oordeel):
                uit += [v for v in b.vragen if v not in uit]
        return uit

    def stand(self) -> dict[str, bool]:
        """Which steps have been filled in."""
        return {
            "hoofdvraag": bool(self.hoofdvraag.strip()),
            "deelvragen": bool(self.deelvragen),
            "indicatoren": bool(self.indicatoren()),
            "vergelijken": bool(self.bevindingen),
            "analyseren": any(is_opvallend(b.oordeel) or b.tekst for b in self.bevindingen),
            "duiden": bool(self.duiding.conclusies or self.duiding.interpretaties),
        }

    # -- files ----------------------------------------------------------------------------------
    def naar_dict(self) -> dict:
        """The plan as plain data (the plan-file format, version :data:`VERSIE`)."""
        d = asdict(self)
        d["deelvragen"] = [_deelvraag_dict(x) for x in self.deelvragen]
        return {"versie": VERSIE, **d}

    def bewaar(self, pad: str | Path) -> Path:
        """Save as YAML (readable and editable by hand).

        The file is written whole or not at all (a new file, then renamed), so a full disk or
        a read-only folder never leaves half a plan. A folder, a plan over
        :data:`MAX_PLAN_TEKENS` characters or a file-system problem raises
        :class:`~impactkit.fouten.ImpactkitFout` with the reason in Dutch; nothing is written.
        """
        pad = Path(pad)
        if pad.is_dir():
            raise ImpactkitFout(
                f"'{pad}' is een map. Geef de naam van het planbestand, bv. "
                f"'{pad / 'stappenplan.yaml'}'."
            )
        tekst = "# Stappenplan kennisgestuurd werken (impactkit)\n" + yaml.safe_dump(
            self.naar_dict(), allow_unicode=True, sort_keys=False, width=100
        )
        if len(tekst) > MAX_PLAN_TEKENS:
            raise ImpactkitFout(
                f"Het plan is niet bewaard: het is te groot ({getal_met_punten(len(tekst))} tekens; "
                f"hooguit {getal_met_punten(MAX_PLAN_TEKENS)}). Maak de teksten korter."
            )
        tijdelijk = pad.with_name(f".{pad.name}.tmp")
        try:
            pad.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk.write_text(tekst, encoding="utf-8")
            os.replace(tijdelijk, pad)
        except OSError as e:
            with contextlib.suppress(OSError):
                tijdelijk.unlink(missing_ok=True)
            raise ImpactkitFout(
                f"Het plan is niet bewaard in '{pad}': {bestandsreden(e)}. Kies een andere "
                "map of naam."
            ) from None
        return pad

    @classmethod
    def van_dict(cls, d: dict, bron: str = "plan") -> Stappenplan:
        """A plan from plain data; reads every plan-file version up to :data:`VERSIE`.

        The data is checked against the plan-file schema (:data:`PLAN_SCHEMA`): an unknown or
        misspelled key is named with the key it probably should be, a value of the wrong kind
        is named with the kind it should have, and indicators and categories are checked
        against the catalogue.
        """
        if not isinstance(d, dict) or "regio_code" not in d or "periode" not in d:
            hint = "".join(
                f" Bedoelde je '{k}' in plaats van '{x}'?"
                for x in (d if isinstance(d, dict) else ())
                for k in ("regio_code", "periode")
                if k not in d and suggesties(str(x), [k], n=1, cutoff=0.6)
            )
            raise DataFout(
                f"{bron}: dit is geen stappenplan (regio_code en periode ontbreken).{hint}"
            )
        versie = 1 if d.get("versie") is None else d["versie"]
        if isinstance(versie, str) and versie.strip().isdigit():
            versie = int(versie.strip())  # versie: '2' is version 2
        if not isinstance(versie, int) or isinstance(versie, bool) or versie < 1:
            raise DataFout(
                f"{bron}: 'versie' moet een geheel getal zijn, 1 tot en met {VERSIE}, niet "
                f"{soort_invoer(versie)}. Een plan van deze impactkit heeft 'versie: {VERSIE}'."
            )
        if versie > VERSIE:
            raise DataFout(
                f"{bron}: dit plan heeft versie {versie} en is gemaakt met een nieuwere impactkit; "
                f"deze versie leest tot en met versie {VERSIE}. Werk impactkit bij."
            )
        try:
            _sleutels(d, PLAN_SCHEMA, "het plan")
            deelvragen = d.get("deelvragen") or []
            if not isinstance(deelvragen, list):
                raise ImpactkitFout(
                    f"'deelvragen' moet een lijst zijn (elke deelvraag op een regel met '- '), "
                    f"niet een {_typenaam(deelvragen)}."
                )
            bevindingen = _lijst(d.get("bevindingen"), "bevindingen", teksten=False)
            duiding = d.get("duiding") or {}
            if not isinstance(duiding, dict):
                raise ImpactkitFout(
                    f"'duiding' moet onderdelen hebben ({', '.join(DUIDING_SCHEMA)}), niet een "
                    f"{_typenaam(duiding)}."
                )
            _sleutels(duiding, DUIDING_SCHEMA, "'duiding'")
            startvraag_sleutel = _tekst(d.get("startvraag"), "startvraag") or None
            if startvraag_sleutel is not None:
                startvraag(startvraag_sleutel)  # unknown keys get a suggestion
            plan = cls(
                regio_code=regio(_verplicht(d, "regio_code", "VT22")).code,
                periode=Periode.parse(_verplicht(d, "periode", "2024H2")).code,
                hoofdvraag=_tekst(d.get("hoofdvraag"), "hoofdvraag"),
                toelichting=_tekst(d.get("toelichting"), "toelichting"),
                deelvragen=[
                    _lees_deelvraag(dv, f"deelvraag {i}") for i, dv in enumerate(deelvragen, 1)
                ],
                bevindingen=[_lees_bevinding(b, i) for i, b in enumerate(bevindingen, 1)],
                duiding=Duiding(
                    datum=_tekst(duiding.get("datum"), "duiding › datum"),
                    deelnemers=_lijst(duiding.get("deelnemers"), "duiding › deelnemers", True),
                    interpretaties=_lijst(
                        duiding.get("interpretaties"), "duiding › interpretaties"
                    ),
                    conclusies=_lijst(duiding.get("conclusies"), "duiding › conclusies"),
                    acties=_lijst(duiding.get("acties"), "duiding › acties"),
                ),
                bron=_tekst(d.get("bron"), "bron") or "oefendata",
                startvraag=startvraag_sleutel,
                antwoord=_tekst(d.get("antwoord"), "antwoord"),
            )
        except ImpactkitFout as e:
            raise DataFout(f"{bron}: {e}") from None
        return plan

    @classmethod
    def laad(cls, pad: str | Path) -> Stappenplan:
        """Load a saved plan; an unreadable file gives a Dutch message naming the problem."""
        from .bronnen.tekstbestand import lees_tekstbestand

        pad, tekst = lees_tekstbestand(pad, "stappenplan")
        hulp = "Herstel het bestand of begin opnieuw met Stappenplan.uit_startvraag(...)."
        try:
            inhoud = lees_yaml(tekst, pad.name, hulp)
        except ImpactkitFout as e:
            raise DataFout(str(e)) from None
        return cls.van_dict(inhoud, pad.name)
