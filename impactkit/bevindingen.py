"""Step 5 of the plan, *analyseren*: findings as data and as plain Dutch sentences.

:func:`analyseer` runs :func:`~impactkit.vergelijken.vergelijk` for a set of indicators and
turns the comparisons into findings: one row per finding with the numbers, the verdict, a short
Dutch sentence (``tekst``) and the questions it raises for the conversation with partners
(``vragen``). A finding is *opvallend* only when the comparison says so (statistically clear and
large enough); otherwise the sentence says the difference may be chance.
"""

from __future__ import annotations

import math

import pandas as pd

from . import statistiek as st
from .fouten import GeenWaarde, ImpactkitFout
from .indicatoren import Indicator, indicator
from .laden import laad
from .opmaak import getal, met_eenheid
from .opvragen import reeks
from .perioden import Periode
from .regioindeling import regio
from .vergelijken import Drempels, vergelijk
from .vragen import vragen_bij

STANDAARD_INDICATOREN: list[str | tuple[str, str]] = [
    "acuut_structureel_onveilig",
    "meldingen_per_10000",
    "adviezen_per_10000",
    "professionals_aandeel",
    "hermeldingen",
    ("duur_geweld_meldingen", "> 5 jaar"),
    "ots_per_10000",
    "overdracht_rvdk",
    "overdracht_om",
    "overdracht_politie",
]

KOLOMMEN = [
    "regio_code",
    "regio",
    "periode",
    "indicator",
    "naam",
    "categorie",
    "vergelijking",
    "referentie",
    "waarde",
    "laag",
    "hoog",
    "referentiewaarde",
    "verschil",
    "p",
    "oordeel",
    "opvallend",
    "tekst",
    "vragen",
    "eenheid",
    "herkomst",
]


def _onderwerp(ind: Indicator, categorie: str | None) -> str:
    naam = ind.naam[0].lower() + ind.naam[1:]
    return f"{naam} ({categorie})" if categorie else naam


def _verschil_tekst(ind: Indicator, verschil: float, ref: float) -> str:
    if ind.eenheid == "%":
        return f"{getal(abs(verschil))} procentpunt"
    if ref:
        return f"{getal(abs(100 * verschil / ref), 0)}%"
    return getal(abs(verschil))


def _interval_tekst(ind: Indicator, laag: float, hoog: float) -> str:
    if st.ontbreekt(laag) or st.ontbreekt(hoog):
        return ""
    d = 0 if ind.eenheid == "aantal" else 1
    teken = "%" if ind.eenheid == "%" else ""
    return f" (95%-interval {getal(laag, d)}–{getal(hoog, d)}{teken})"


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _zin_landelijk(ind, r, p, rij, rang_rij, categorie) -> str:
    w = met_eenheid(rij.waarde, ind.eenheid)
    ref = met_eenheid(rij.referentiewaarde, ind.eenheid)
    zin = (
        f"{_hoofdletter(_onderwerp(ind, categorie))} in {r.naam}, {p.label}: {w}"
        f"{_interval_tekst(ind, rij.laag, rij.hoog)}; landelijk {ref}."
    )
    verschil = _verschil_tekst(ind, rij.verschil, rij.referentiewaarde)
    if rij.oordeel.startswith("opvallend"):
        richting = "hoger" if rij.verschil > 0 else "lager"
        zin += f" Dat is duidelijk {richting} dan landelijk ({verschil} verschil)."
    elif rij.oordeel == "verschil te klein om te tellen":
        zin += (f" Het verschil ({verschil}) is statistisch duidelijk, maar te klein om van "
                "betekenis te zijn.")  # fmt: skip
    elif rij.oordeel == "geen verschil":
        zin += " Er is geen verschil met landelijk."
    else:
        zin += f" Het verschil ({verschil}) kan op toeval berusten."
    if rang_rij is not None and not st.ontbreekt(rang_rij.rang):
        zin += (f" {r.naam} staat daarmee op plaats {rang_rij.rang} van "
                f"{rang_rij.aantal_regios} regio's (1 = hoogste).")  # fmt: skip
    return zin


def _zin_tijd(ind, r, p, rij, categorie) -> str:
    eerder = Periode.parse(rij.referentie)
    onderwerp = _onderwerp(ind, categorie)
    if st.ontbreekt(rij.verschil):
        return f"Voor {eerder.label} is er geen vergelijkbaar cijfer voor {r.naam}."
    richting = "hoger" if rij.verschil > 0 else "lager" if rij.verschil < 0 else "gelijk"
    zin = (
        f"{_hoofdletter(onderwerp)} in {r.naam}, {p.label} tegenover {eerder.label}: "
        f"{met_eenheid(rij.waarde, ind.eenheid)} tegen {met_eenheid(rij.referentiewaarde, ind.eenheid)}"
    )
    if richting == "gelijk":
        return zin + ", gelijk gebleven."
    zin += f", {_verschil_tekst(ind, rij.verschil, rij.referentiewaarde)} {richting}"
    if rij.oordeel.startswith("opvallend"):
        return zin + ". Dat is een duidelijke verandering."
    if rij.oordeel == "verschil te klein om te tellen":
        return zin + ". De verandering is statistisch duidelijk, maar klein."
    return zin + ". Die verandering kan op toeval berusten."


def verloop(
    indicator_id: str,
    regio_naam: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    drempels: Drempels | None = None,
) -> dict | None:
    """The course over time up to ``periode``: rise to a peak (or fall to a trough) and after.

    Returns a dict with the turning period, the region's change up to it, Nederland's change over
    the same periods, the change after it, a p-value for the region's change, a verdict and a
    sentence; None when the series is too short.
    """
    ind = indicator(indicator_id)
    r = regio(regio_naam)
    p = Periode.parse(periode)
    drempels = drempels or Drempels()
    s = reeks(ind.id, r.code, categorie=categorie, data=data)
    s = s[s["periode"].map(lambda x: Periode.parse(x) <= p)]
    s = s[s["waarde"].notna() & s["landelijk"].notna()]
    if len(s) < 4 or s["periode"].iloc[-1] != p.code:
        return None
    w = s["waarde"].astype(float).to_numpy()
    nl = s["landelijk"].astype(float).to_numpy()
    piek, dal = int(w.argmax()), int(w.argmin())
    if 0 < piek < len(w) - 1:
        keer, soort = piek, "piek"
    elif 0 < dal < len(w) - 1:
        keer, soort = dal, "dal"
    else:
        keer, soort = len(w) - 1, "doorlopend"
    start = s.iloc[0]
    kp = s.iloc[keer]
    verandering = w[keer] - w[0]
    landelijk = nl[keer] - nl[0]
    na = w[-1] - w[keer]
    pw = math.nan
    if ind.eenheid == "%" and not any(st.ontbreekt(x) for x in (start.teller, kp.teller)):
        pw = float(st.toets_twee_proporties(int(kp.teller), int(kp.noemer), int(start.teller),
                                            int(start.noemer)).p)  # fmt: skip
    elif ind.eenheid == "per 10.000 inwoners" and not any(
        st.ontbreekt(x) for x in (start.teller, kp.teller)
    ):
        pw = float(st.toets_twee_ratios(int(kp.teller), int(kp.noemer), int(start.teller),
                                        int(start.noemer)).p)  # fmt: skip
    minimum = drempels.minimum(ind.eenheid, w[0])
    sterker = abs(verandering) - abs(landelijk) >= minimum and (verandering * landelijk >= 0 or
                                                                 abs(verandering) >= minimum)  # fmt: skip
    opvallend = bool(not st.ontbreekt(pw) and pw < drempels.alpha and sterker)
    richting = "steeg" if verandering > 0 else "daalde"
    pl = Periode.parse(kp.periode)
    eenheid_tekst = "procentpunt" if ind.eenheid == "%" else ind.eenheid
    zin = (
        f"{_hoofdletter(_onderwerp(ind, categorie))} in {r.naam} {richting} van "
        f"{met_eenheid(w[0], ind.eenheid)} ({Periode.parse(start.periode).label}) tot "
        f"{met_eenheid(w[keer], ind.eenheid)} ({pl.label}): {getal(abs(verandering))} "
        f"{eenheid_tekst}; landelijk was de verandering in die tijd "
        f"{'+' if landelijk >= 0 else '−'}{getal(abs(landelijk))} {eenheid_tekst}."
    )
    if soort != "doorlopend":
        zin += (
            f" Daarna {'daalde' if na < 0 else 'steeg'} het tot {met_eenheid(w[-1], ind.eenheid)} "
            f"({p.label})."
        )
    if opvallend:
        zin += f" De {'stijging' if verandering > 0 else 'daling'} was duidelijk sterker dan landelijk."
    else:
        zin += " Het verschil met de landelijke ontwikkeling kan op toeval berusten."
    return {
        "keerpunt": pl.code,
        "soort": soort,
        "verandering": float(verandering),
        "landelijke_verandering": float(landelijk),
        "verandering_erna": float(na),
        "p": pw,
        "opvallend": opvallend,
        "tekst": zin,
        "start": start.periode,
    }


def analyseer(
    regio_naam: str,
    periode: str,
    indicatoren: list[str | tuple[str, str]] | None = None,
    data: pd.DataFrame | None = None,
    normen: pd.DataFrame | str | None = None,
    drempels: Drempels | None = None,
) -> pd.DataFrame:
    """Findings for a region and period, each with verdict, Dutch sentence and questions.

    ``indicatoren``: ids, or (id, categorie) pairs for a category of a distribution; default
    :data:`STANDAARD_INDICATOREN`. Indicators without data for the region are reported as a
    finding with ``oordeel = "geen gegevens"`` and the reason, so nothing disappears silently.

    Examples
    --------
    >>> b = analyseer("Zaanstreek-Waterland", "2021H1", ["acuut_structureel_onveilig"])
    >>> b.set_index("vergelijking").loc["landelijk", "oordeel"]
    'opvallend hoger'
    """
    r = regio(regio_naam)
    p = Periode.parse(periode)
    df = laad() if data is None else data
    drempels = drempels or Drempels()
    rijen: list[dict] = []
    for item in indicatoren or STANDAARD_INDICATOREN:
        ind_id, categorie = (item, None) if isinstance(item, str) else item
        ind = indicator(ind_id)
        basis = {"regio_code": r.code, "regio": r.naam, "periode": p.code, "indicator": ind.id,
                 "naam": ind.naam, "categorie": categorie, "eenheid": ind.eenheid}  # fmt: skip
        try:
            v = vergelijk(ind.id, r.code, p.code, categorie=categorie, data=df, normen=normen,
                          drempels=drempels)  # fmt: skip
        except ImpactkitFout as e:
            rijen.append({**basis, "vergelijking": "landelijk", "oordeel": "geen gegevens",
                          "opvallend": False, "tekst": str(e), "vragen": []})  # fmt: skip
            continue
        per = {row.vergelijking: row for row in v.itertuples(index=False)}
        herkomst = v["herkomst"].iloc[0]
        basis["herkomst"] = herkomst
        onderwerp = ind.naam.lower()

        if "landelijk" in per:
            rij = per["landelijk"]
            if rij.oordeel == "geen gegevens":
                tekst = f"{r.naam}, {p.label}: {rij.toelichting}"
                vragen: list[str] = []
            elif ind.eenheid == "aantal":
                tekst = (f"In {r.naam} was het aantal {onderwerp} in {p.label} "
                         f"{met_eenheid(rij.waarde, ind.eenheid)}. {rij.toelichting}")  # fmt: skip
                vragen = []
            else:
                tekst = _zin_landelijk(ind, r, p, rij, per.get("regios"), categorie)
                richting = "hoger" if (rij.verschil or 0) > 0 else "lager"
                vragen = vragen_bij(ind.id, richting, r.naam, onderwerp, categorie=categorie)
            rijen.append(_bevinding(basis, rij, tekst, vragen))

        for soort in ("jaar_eerder", "vorige_periode"):
            if soort in per and per[soort].oordeel != "geen gegevens":
                rij = per[soort]
                richting = "hoger" if (rij.verschil or 0) > 0 else "lager"
                vragen = vragen_bij(ind.id, richting, r.naam, onderwerp, tijd=True, categorie=categorie) \
                    if rij.oordeel.startswith("opvallend") else []  # fmt: skip
                rijen.append(_bevinding(basis, rij, _zin_tijd(ind, r, p, rij, categorie), vragen))

        if ind.eenheid in ("%", "per 10.000 inwoners"):
            vl = verloop(ind.id, r.code, p.code, categorie=categorie, data=df, drempels=drempels)
            if vl is not None:
                richting = "hoger" if vl["verandering"] > 0 else "lager"
                rijen.append(
                    {
                        **basis,
                        "vergelijking": "verloop",
                        "referentie": f"{vl['start']}–{vl['keerpunt']}",
                        "waarde": per["landelijk"].waarde if "landelijk" in per else math.nan,
                        "referentiewaarde": math.nan,
                        "verschil": vl["verandering"],
                        "p": vl["p"],
                        "oordeel": ("opvallend " + ("hoger" if vl["verandering"] > 0 else "lager"))
                        if vl["opvallend"]
                        else "verschil kan toeval zijn",
                        "opvallend": vl["opvallend"],
                        "tekst": vl["tekst"],
                        "vragen": vragen_bij(
                            ind.id, richting, r.naam, onderwerp, tijd=True, categorie=categorie
                        )
                        if vl["opvallend"]
                        else [],
                    }  # fmt: skip
                )

        if "norm" in per:
            rij = per["norm"]
            tekst = (f"Eigen norm voor {onderwerp}: {rij.referentie}. {r.naam} heeft "
                     f"{met_eenheid(rij.waarde, ind.eenheid)}: {rij.oordeel}.")  # fmt: skip
            rijen.append(_bevinding(basis, rij, tekst, []))

    uit = pd.DataFrame(rijen).reindex(columns=KOLOMMEN)
    uit["opvallend"] = uit["opvallend"].fillna(False).astype(bool)
    uit["vragen"] = uit["vragen"].map(lambda x: x if isinstance(x, list) else [])
    return uit


def _bevinding(basis: dict, rij, tekst: str, vragen: list[str]) -> dict:
    return {
        **basis,
        "vergelijking": rij.vergelijking,
        "referentie": rij.referentie,
        "waarde": rij.waarde,
        "laag": rij.laag,
        "hoog": rij.hoog,
        "referentiewaarde": rij.referentiewaarde,
        "verschil": rij.verschil,
        "p": rij.p,
        "oordeel": rij.oordeel,
        "opvallend": str(rij.oordeel).startswith("opvallend"),
        "tekst": tekst,
        "vragen": vragen,
    }


def samenvatting(bevindingen: pd.DataFrame) -> str:
    """The notable findings as Markdown: sentence, then its questions (for reports)."""
    regels = []
    if (bevindingen["herkomst"] == "oefendata").any():
        regels.append("*Oefendata: verzonnen cijfers om mee te oefenen, geen echte cijfers.*\n")
    opvallend = bevindingen[bevindingen["opvallend"]]
    if opvallend.empty:
        regels.append(
            "Geen opvallende verschillen: de verschillen die er zijn kunnen op toeval berusten."
        )
    for rij in opvallend.itertuples(index=False):
        regels.append(f"- **{rij.naam}** — {rij.tekst}")
        for vraag in rij.vragen:
            regels.append(f"  - {vraag}")
    return "\n".join(regels)


__all__ = ["STANDAARD_INDICATOREN", "analyseer", "samenvatting", "verloop", "GeenWaarde"]
