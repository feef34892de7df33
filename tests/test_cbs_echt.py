"""The CBS adapter on the real table structure: nested measures, gemeente-only tables summed to
regions, population per year, and the means to repair a mapping (known answers, fixtures)."""

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from impactkit.bronnen import cbs_indeling, cbs_koppeling, cbs_omzetten
from impactkit.bronnen.cbs_uitleg import uitleg_tabel

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"


def fixture(tabel):
    data = json.loads((FIXTURES / f"{tabel}_data.json").read_text(encoding="utf-8"))
    props = json.loads((FIXTURES / f"{tabel}_DataProperties.json").read_text(encoding="utf-8"))
    return data, props


def rij(df, indicator, regio, periode):
    sel = df[(df.indicator == indicator) & (df.regio_code == regio) & (df.periode == periode)]
    assert len(sel) == 1, (indicator, regio, periode, len(sel))
    return sel.iloc[0]


@pytest.fixture(scope="module")
def met_bevolking():
    bronnen = {t: fixture(t) for t in cbs_koppeling.tabellen_in_koppeling()}
    bronnen["03759NED"] = fixture("03759NED")
    return cbs_omzetten.observaties_uit_tabellen(bronnen)


# -- Measures nested in topic groups ---------------------------------------------------------
@pytest.mark.parametrize(
    ("maat", "sleutel"),
    [
        ("Ontvangen meldingen › Hermelding › Totaal", "Totaal_3"),
        ("Hermelding › Totaal", "Totaal_3"),
        ("Ontvangen meldingen > Vervolgmelding tijdens betrokkenheid VT > Totaal", "Totaal_6"),
        ("Totaal_6", "Totaal_6"),  # the DataProperties key
        ("Hermelding Totaal", "Totaal_3"),  # as a StatLine CSV header writes the path
        ("Ontvangen meldingen, totaal", "OntvangenMeldingenTotaal_1"),  # title only still works
    ],
)
def test_maat_via_groepspad_of_sleutel(maat, sleutel):
    data, props = fixture("85361NED")
    kolom, reden = cbs_koppeling.maatkolom(props, data[0].keys(), maat)
    assert (kolom, reden) == (sleutel, "")


def test_dubbele_titel_noemt_de_paden_en_sleutels():
    data, props = fixture("85361NED")
    kolom, reden = cbs_koppeling.maatkolom(props, data[0].keys(), "Totaal")
    assert kolom is None
    assert "komt 2 keer voor als aantal" in reden
    assert "'Ontvangen meldingen › Hermelding › Totaal' (sleutel Totaal_3)" in reden
    assert "Vervolgmelding tijdens betrokkenheid VT › Totaal' (sleutel Totaal_6)" in reden


def test_controleer_koppeling_stelt_de_dichtstbijzijnde_echte_titels_voor():
    data, props = fixture("82975NED")
    r = SimpleNamespace(maat="Begonnen jeugdbeschermingstrajecten", filters="")
    kolom, reden = cbs_koppeling.kolommen_voor(r, pd.DataFrame(data), props)
    assert kolom is None
    assert "Ondertoezichtstelling › Begonnen trajecten › Totaal begonnen trajecten" in reden
    bronnen = {"84852NED": fixture("84852NED")}
    data52, props52 = bronnen["84852NED"]
    anders = [
        r | {"Veiligheidstaxatie": "Structureel onveilig"}
        if r["Veiligheidstaxatie"] == "Structurele onveiligheid"
        else r
        for r in data52
    ]
    problemen = cbs_koppeling.controleer_koppeling({"84852NED": (anders, props52)})
    assert set(problemen.indicator) == {"structureel_onveilig", "acuut_structureel_onveilig"}
    assert problemen.probleem.str.contains("Bedoelde je: 'Structureel onveilig'").all()


# -- A gemeente-only table summed to Veilig Thuis-regio's --------------------------------------
def test_ots_per_regio_opgeteld_uit_gemeenten(met_bevolking):
    zw = rij(met_bevolking, "ots_per_10000", "VT22", "2021H1")
    # 10 + 0 + 0 + 20 + 0 + 0 + 45 over seven gemeenten; inwoners 1-1-2021 summed likewise
    assert zw.teller == 75 and zw.noemer == 329000
    assert zw.waarde == pytest.approx(75 / 329000 * 10_000)
    assert zw.status == "definitief"
    nl = rij(met_bevolking, "ots_per_10000", "NL01", "2022H1")  # CBS's own Nederland row
    assert (nl.teller, nl.noemer, nl.status) == (3250, 17590672, "voorlopig")  # '**'
    assert "ots_per_10000" in met_bevolking.attrs["uit_gemeenten"]
    assert any("opgeteld uit de gemeenten" in z for z in met_bevolking.attrs["toelichting"])


def test_onderdrukte_of_ontbrekende_gemeente_maakt_regio_onvolledig(met_bevolking):
    zw = rij(met_bevolking, "ots_per_10000", "VT22", "2023")  # Oostzaan '.'
    assert bool(zw.onderdrukt) and pd.isna(zw.waarde) and pd.isna(zw.teller)
    gooi_2021 = rij(met_bevolking, "ots_per_10000", "VT07", "2021H1")  # Wijdemeren missing
    assert bool(gooi_2021.onderdrukt) and pd.isna(gooi_2021.waarde)
    redenen = {
        (o["regio_code"], o["periode"]): o["reden"] for o in met_bevolking.attrs["onvolledig"]
    }
    assert redenen[("VT22", "2023")] == "1 van de 7 gemeenten onderdrukt (Oostzaan)"
    assert redenen[("VT07", "2021H1")] == "1 van de 6 gemeenten ontbreken (Wijdemeren)"
    gooi = rij(met_bevolking, "ots_per_10000", "VT07", "2022H1")  # Laren (NH.) resolved
    assert gooi.teller == 0 + 20 + 10 + 0 + 0 + 15 and not bool(gooi.onderdrukt)


def test_indeling_per_jaar():
    assert cbs_indeling.regio_van_gemeente("GM1982", 2022) == "VT16"  # Land van Cuijk
    assert cbs_indeling.regio_van_gemeente("GM1982", 2023) == "VT27"
    assert cbs_indeling.regio_van_gemeente("GM1696", 2020) == "VT20"  # CBS 2020 layer
    assert cbs_indeling.regio_van_gemeente("GM1696", 2022) == "VT07"
    assert cbs_indeling.regio_van_gemeente("GM1992", 2023) == "VT18"  # Voorne aan Zee
    assert len(cbs_indeling.gemeenten_van_regio("VT27", 2023)) == 31
    assert cbs_indeling.gemeenten_van_regio("VT27", 2022) == []
    # Heerhugowaard and Langedijk (before 2022) together cover Dijk en Waard
    delen = pd.DataFrame(
        {
            "sleutel": 1,
            "periode": "2021",
            "gemeente_code": cbs_indeling.gemeenten_van_regio("VT17", 2021),
            "aantal": 10.0,
            "voorlopig": False,
        }
    )
    delen = delen[delen.gemeente_code != "GM1980"]
    extra = pd.DataFrame(
        {
            "sleutel": 1,
            "periode": "2021",
            "gemeente_code": ["GM0398"],
            "aantal": 5.0,
            "voorlopig": False,
        }
    )
    som, onvolledig = cbs_indeling.tel_op_per_regio(pd.concat([delen, extra]))
    assert onvolledig[0]["reden"] == "1 van de 17 gemeenten ontbreken (Dijk en Waard)"
    extra2 = extra.assign(gemeente_code="GM0416")
    som, onvolledig = cbs_indeling.tel_op_per_regio(pd.concat([delen, extra, extra2]))
    assert onvolledig == [] and som.aantal.tolist() == [16 * 10 + 5 + 5]


# -- Population per year ----------------------------------------------------------------------
def test_inwoners_per_jaar_met_het_jaar_erbij(met_bevolking):
    jaren = met_bevolking.attrs["inwoners"]["jaar_per_periode"]
    assert jaren["2021H1"] == 2021 and jaren["2022H1"] == 2022 and jaren["2023"] == 2023
    assert "CBS 03759NED" in met_bevolking.attrs["inwoners"]["bron"]
    nl = rij(met_bevolking, "adviezen_per_10000", "NL01", "2023")
    assert nl.noemer == 17811291 and nl.waarde == pytest.approx(143210 / 17811291 * 10_000)
    # A region the population table lacks keeps the register's 2021 figure, and it says so.
    vt02 = rij(met_bevolking, "adviezen_per_10000", "VT02", "2023")
    assert vt02.noemer == 494760
    assert "VT02" in met_bevolking.attrs["inwoners"]["bron"]


# -- Explaining a table --------------------------------------------------------------------------
def test_uitleg_tabel():
    tekst = uitleg_tabel("82975NED", fixture("82975NED"))
    regels = tekst.splitlines()
    assert regels[0] == "Tabel 82975NED: Jeugdbeschermingstrajecten; regio"
    assert regels[1] == "50 records."
    assert "- Regio's (sleutel RegioS; regio): 17 waarden" in regels
    assert (
        "- Ondertoezichtstelling › Beëindigde trajecten › Reden beëindigde trajecten › "
        "Beëindigd volgens plan (aantal); sleutel BeeindigdVolgensPlan_3"
    ) in regels
    assert "- regel 113, ots_per_10000 (teller): gevonden" in regels[-1]
    tekst52 = uitleg_tabel("84852NED", fixture("84852NED"))
    assert "- Veiligheidstaxatie (sleutel Veiligheidstaxatie; categorie): 3 waarden" in tekst52
    assert "    Structurele onveiligheid" in tekst52.splitlines()
