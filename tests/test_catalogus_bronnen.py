"""The catalogue agrees with the source documents (issue 10, section 3).

The expected values come from appendix 2 of the committee's final report (seed 001) and the dummy
monitor of its 2019 advice (seed 000); ``data/catalogus_BRON.md`` records the check per indicator.

The catalogue is read straight from ``data/catalogus.csv`` with pandas, the same way
``impactkit.indicatoren`` reads it, so these tests do not depend on where the package keeps its
modules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "catalogus.csv"

KOLOMMEN = [
    "id",
    "naam",
    "thema",
    "laag",
    "bron",
    "frequentie",
    "niveaus",
    "eenheid",
    "teller",
    "noemer",
    "beschikbaarheid",
    "cbs_tabel",
    "richting",
    "uitleg",
    "definitie",
    "beperking",
    "categorieen",
    "licentie",
    "vindplaats",
]
TEKSTKOLOMMEN = ["naam", "teller", "noemer", "uitleg", "definitie", "beperking"]

# Sources the seeds name (001 appendix 2 and 003), compared case-insensitively.
BEKENDE_BRONNEN = {
    "prevalentiemonitor",
    "prevalentieonderzoek kindermishandeling",
    "beleidsinformatie veilig thuis",
    "beleidsinformatie jeugd",
    "politie",
    "raad voor de kinderbescherming",
    "om/zm",
    "khonraad",
    "dossieranalyse",
    "cohortstudie verwey-jonker",
    "recidiveonderzoek wodc",
}
# Explicit markers: the figure exists but no seed names where it comes from, or the committee
# advised the indicator without choosing a source yet.
NIET_VASTGESTELD = "Herkomst niet vastgesteld"
NOG_TE_BEPALEN = "Nog te bepalen"


@pytest.fixture(scope="module")
def cat() -> pd.DataFrame:
    df = pd.read_csv(CSV, dtype="string", keep_default_na=False, encoding="utf-8")
    return df.set_index("id", drop=False)


def niveaus(cat: pd.DataFrame, ind: str) -> set[str]:
    return set(cat.at[ind, "niveaus"].split(";"))


def test_kolommen_ongewijzigd(cat):
    assert list(cat.columns) == KOLOMMEN
    assert cat["id"].is_unique and len(cat) == 50


# -- The known errors --------------------------------------------------------------------------
def test_eindvonnissen_halfjaarlijks_en_landelijk(cat):
    # 001 app. 2: OM and ZM cases, advice OM/RvdR, half-yearly (May and November), landelijk.
    assert cat.at["zm_eindvonnissen", "frequentie"] == "halfjaarlijks"
    assert niveaus(cat, "zm_eindvonnissen") == {"landelijk"}


def test_kenmerken_landelijk_en_regionaal_voor_het_veilig_thuis_deel(cat):
    # 001 app. 2: the VT part (aard geweld bij adviezen en meldingen) is landelijk/regionaal.
    assert niveaus(cat, "kenmerken_slachtoffers_plegers") == {"landelijk", "regionaal"}
    rij = cat.loc["kenmerken_slachtoffers_plegers"]
    assert "Beleidsinformatie Veilig Thuis" in rij["bron"]
    assert "per Veilig Thuis-regio" in rij["definitie"]
    assert "halfjaar" in rij["definitie"]
    assert "Alleen landelijk" not in rij["beperking"]


def test_burgers_handelen_is_geadviseerd_en_nog_niet_gemeten(cat):
    # 001 app. 2 lists only an advice (Prevalentiemonitor and KM research); 002 does not show it.
    rij = cat.loc["burgers_handelen"]
    assert "advies" in rij["bron"] and "nog niet gemeten" in rij["bron"]
    assert rij["beperking"].startswith("Nog niet gemeten")
    assert "Nog niet gemeten" in rij["uitleg"]
    assert "adviseerde" in rij["definitie"]
    assert rij["beschikbaarheid"] != "registratie"
    assert rij["licentie"] == ""  # no published figure, so no licence


@pytest.mark.parametrize("ind", ["tijdelijk_huisverbod", "slachtoffers_moord_doodslag"])
def test_herkomst_die_geen_brondocument_noemt_is_gemarkeerd(cat, ind):
    rij = cat.loc[ind]
    assert rij["bron"] == NIET_VASTGESTELD
    assert "De brondocumenten noemen niet" in rij["beperking"]
    assert "niet vastgesteld" in rij["licentie"]
    for naam in ("Politie", "Doodsoorzaken"):
        assert naam not in rij["bron"] and naam not in rij["licentie"]


def test_huisverbod_verwijst_naar_het_advies_khonraad(cat):
    assert "Khonraad" in cat.at["tijdelijk_huisverbod", "beperking"]


def test_moord_en_doodslag_legt_geen_afbakening_vast_die_niemand_noemt(cat):
    definitie = cat.at["slachtoffers_moord_doodslag", "definitie"]
    assert "(ex-)partner" in definitie
    assert "staat niet in de brondocumenten" in definitie


def _zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.;:])\s+", tekst) if z]


def test_geen_tekst_noemt_de_ots_de_zwaarste_maatregel(cat):
    alle_tekst = " ".join(cat[TEKSTKOLOMMEN].agg(" ".join, axis=1))
    assert not re.search(r"zwaarste vorm", alle_tekst, flags=re.IGNORECASE)
    for ind, rij in cat.iterrows():
        for kolom in TEKSTKOLOMMEN:
            for zin in _zinnen(rij[kolom]):
                if re.search(r"ondertoezicht|\bOTS\b", zin, flags=re.IGNORECASE):
                    assert not re.search(r"zwaarst", zin, flags=re.IGNORECASE), (ind, zin)


def test_ots_is_de_lichtste_kinderbeschermingsmaatregel(cat):
    definitie = cat.at["ots_per_10000", "definitie"]
    assert "lichtste kinderbeschermingsmaatregel" in definitie
    assert "gezag" in definitie


def test_casussen_zijn_niet_adviezen_plus_meldingen(cat):
    # CBS 84850/84851NED publish 'Casussen met ontvangen melding(en)' (shared/data/cbs_tables.md).
    definitie = cat.at["casussen_vt", "definitie"]
    assert "niet de som van adviezen en meldingen" in definitie
    assert "ten minste één ontvangen melding" in definitie
    for ind in ("overdracht_rvdk", "overdracht_om", "overdracht_politie"):
        noemer = cat.at[ind, "noemer"]
        assert "ontvangen meldingen" in noemer and "adviezen en meldingen samen" not in noemer


# -- Every row: a named source or an explicit marker ---------------------------------------------
def _delen(bron: str) -> list[str]:
    zonder_haakjes = re.sub(r"\s*\([^)]*\)", "", bron)
    return [d.strip().lower() for d in re.split(r",\s*|\s+en\s+", zonder_haakjes) if d.strip()]


def test_elke_rij_noemt_een_bron_of_is_gemarkeerd(cat):
    for ind, rij in cat.iterrows():
        bron = rij["bron"]
        assert bron.strip(), ind
        if bron in (NIET_VASTGESTELD, NOG_TE_BEPALEN):
            continue
        onbekend = set(_delen(bron)) - BEKENDE_BRONNEN
        assert not onbekend, (ind, onbekend)


def test_gemarkeerde_rijen_leggen_uit_waarom(cat):
    for ind, rij in cat[cat["bron"] == NIET_VASTGESTELD].iterrows():
        assert "brondocumenten noemen niet" in rij["beperking"], ind
    nog = cat[cat["bron"] == NOG_TE_BEPALEN]
    assert len(nog) and set(nog["beschikbaarheid"]) == {"nog_niet_meetbaar"}


# -- Frequency and level per appendix 2 of seed 001 ---------------------------------------------
HALFJAARLIJKS_REGIONAAL = [
    "professionals_aandeel",
    "aard_geweld",
    "adviezen",
    "meldingen",
    "adviezen_per_10000",
    "meldingen_per_10000",
    "adviesvrager_type",
    "melder_type",
    "duur_geweld_adviezen",
    "duur_geweld_meldingen",
    "acuut_structureel_onveilig",
    "acuut_onveilig",
    "structureel_onveilig",
    "vervolg_veiligheidsbeoordeling",
    "hermeldingen",
    "overdracht_rvdk",
    "overdracht_om",
    "overdracht_politie",
    "politiemeldingen",
    "ots_per_10000",
    "rvdk_onderzoeken",
    "veiligheidsscore_vt",
]
HALFJAARLIJKS_LANDELIJK = ["om_instroom_hgkm", "zm_eindvonnissen"]
COHORT = [
    "aantal_hulpinstellingen",
    "geweld_gestopt",
    "welzijn_clienten",
    "ervaren_veiligheid",
    "opvoedingsrelatie_verbeterd",
    "tevredenheid_hulp",
]
NTB = [
    "toerusting_opleiding",
    "procesregie",
    "casusregie",
    "veiligheidsplan",
    "zorgplan",
    "traumaklachten",
    "effectieve_interventies",
    "systeemgerichte_inzet",
    "huisverbod_ggz_khonraad",
]
ONDERZOEK_LANDELIJK = {
    "prevalentie_huiselijk_geweld": "tweejaarlijks",
    "prevalentie_kindermishandeling": "vierjaarlijks",
    "burgers_handelen": "tweejaarlijks",
    "slachtoffers_plegers_bespreken": "tweejaarlijks",
    "recidive_plegers": "nog niet bepaald",  # 001 gives only '2021'
}


@pytest.mark.parametrize("ind", HALFJAARLIJKS_REGIONAAL)
def test_registraties_halfjaarlijks_landelijk_en_regionaal(cat, ind):
    assert cat.at[ind, "frequentie"] == "halfjaarlijks"
    assert {"landelijk", "regionaal"} <= niveaus(cat, ind)


@pytest.mark.parametrize("ind", HALFJAARLIJKS_LANDELIJK)
def test_strafrecht_halfjaarlijks_alleen_landelijk(cat, ind):
    assert cat.at[ind, "frequentie"] == "halfjaarlijks"
    assert niveaus(cat, ind) == {"landelijk"}


@pytest.mark.parametrize("ind", COHORT)
def test_cohortstudie_landelijk_en_regionaal(cat, ind):
    rij = cat.loc[ind]
    assert rij["bron"] == "Cohortstudie Verwey-Jonker"
    assert niveaus(cat, ind) == {"landelijk", "regionaal"}
    assert "13" in rij["beperking"]


@pytest.mark.parametrize("ind", NTB)
def test_geadviseerd_zonder_meetwijze_is_nog_niet_meetbaar(cat, ind):
    # 001 app. 2 gives 'ntb' for frequency and level of these rows.
    assert cat.at[ind, "beschikbaarheid"] == "nog_niet_meetbaar"
    assert cat.at[ind, "frequentie"] == "nog niet bepaald"
    assert cat.at[ind, "licentie"] == ""


@pytest.mark.parametrize("ind, frequentie", sorted(ONDERZOEK_LANDELIJK.items()))
def test_bevolkingsonderzoek_alleen_landelijk(cat, ind, frequentie):
    assert cat.at[ind, "frequentie"] == frequentie
    assert niveaus(cat, ind) == {"landelijk"}


def test_veiligheidsscore_is_nog_een_advies(cat):
    # 001 app. 2: advised from the BI VT, not yet delivered.
    assert cat.at["veiligheidsscore_vt", "beschikbaarheid"] == "nog_niet_meetbaar"


def test_rijen_uit_bijlage_2_verwijzen_naar_001(cat):
    for ind in HALFJAARLIJKS_LANDELIJK + COHORT + NTB + list(ONDERZOEK_LANDELIJK):
        assert "001" in cat.at[ind, "vindplaats"].split(";"), ind
