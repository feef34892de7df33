"""Filtered fetching against a loopback OData-v3 server in the real shape (no internet)."""

import json
import sys
from pathlib import Path

import cbsodata
import pytest

from impactkit.bronnen import cbs_odata, cbs_omzetten

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"
sys.path.insert(0, str(FIXTURES))
from odata_server import ODataServer, uit_fixture  # noqa: E402


def fixture(tabel):
    data = json.loads((FIXTURES / f"{tabel}_data.json").read_text(encoding="utf-8"))
    props = json.loads((FIXTURES / f"{tabel}_DataProperties.json").read_text(encoding="utf-8"))
    return data, props


@pytest.fixture
def server(monkeypatch):
    tabellen = {t: uit_fixture(*fixture(t)) for t in ("84852NED", "85361NED", "84851NED")}
    with ODataServer(tabellen) as s:
        monkeypatch.setattr(cbsodata.options, "use_https", False)
        monkeypatch.setattr(cbsodata.options, "catalog_url", s.adres)
        yield s


def test_gefilterd_ophalen_haalt_alleen_wat_de_koppeling_nodig_heeft(server):
    regels = []
    records, props = cbs_odata.cbsodata_ophalen("84852NED", regels.append)
    alles, _ = cbs_odata.cbsodata_ophalen("84852NED", filteren=False)
    # 84852NED is mapped at region level only: no provinces or landsdelen, all periods.
    assert {r["RegioS"] for r in records} < {r["RegioS"] for r in alles}
    assert not any(r["RegioS"].endswith(("(PV)", "(LD)")) for r in records)
    assert "Niet in te delen (VT)" in {r["RegioS"] for r in records}
    assert {r["Perioden"] for r in records} == {r["Perioden"] for r in alles}
    assert (len(records), len(alles)) == (328, 408)  # 8 cells per region x period: 41 vs 51
    assert regels == ["84852NED: pagina 1 opgehaald"]
    df = cbs_omzetten.naar_observaties("84852NED", records, props)
    gm = df[(df.indicator == "acuut_onveilig") & (df.regio_code == "VT05") & (df.periode == "2023")]
    assert gm.teller.tolist() == [20] and gm.noemer.tolist() == [3060]


def test_filter_op_categorieen_en_maten(server):
    records, props = cbs_odata.cbsodata_ophalen("84851NED")
    # mapped: Totaal and six aard classes, not 'Geen kindermishandeling/huiselijk geweld'
    cats = {r["KenmerkenAdviezenMeldingenDiensten"] for r in records}
    assert "Geen kindermishandeling/huiselijk geweld" not in cats and len(cats) == 7
    assert set(records[0]) == {
        "KenmerkenAdviezenMeldingenDiensten",
        "RegioS",
        "Perioden",
        "OntvangenMeldingen_2",
        "CasussenMetOntvangenMeldingEn_3",
    }
    # gemeenten stay (the table is mapped at gemeente level)
    assert "Assen" in {r["RegioS"] for r in records}
    filter_, select = cbs_odata.selectie(
        "85361NED", props=fixture("85361NED")[1], categorieen=lambda key: []
    )
    assert filter_ is None and select == [
        "RegioS",
        "Perioden",
        "OntvangenMeldingenTotaal_1",
        "Totaal_3",
    ]


def test_voortgang_per_tabel_en_cache(server, tmp_path):
    regels = []
    cbs_odata.haal_op(["85361NED"], tmp_path, voortgang=regels.append)
    assert regels[0] == "85361NED: ophalen bij het CBS ..."
    assert regels[1] == "85361NED: pagina 1 opgehaald"
    assert regels[-1].startswith("85361NED: 16 records in ")
    meta = json.loads((tmp_path / "85361NED.json").read_text(encoding="utf-8"))
    assert meta["koppeling"] == cbs_odata.koppeling_vingerafdruk("85361NED")
