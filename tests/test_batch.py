"""The batch: three regions, one deliberately broken; outputs, index, summary, skipping."""

import json

import nbformat
import pytest

from impactkit.batch import draai_batch, slug
from impactkit.cli import main

REGIOS = ["Zaanstreek-Waterland", "Twente", "Atlantis"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    uit = tmp_path_factory.mktemp("batch")
    tabel = draai_batch(uit, REGIOS, periode="2021H1", werkers=2, voortgang=False)
    return uit, tabel


def test_samenvatting_per_regio(batch):
    _, tabel = batch
    assert tabel["regio"].tolist() == REGIOS
    status = dict(zip(tabel["regio"], tabel["status"]))
    assert status == {"Zaanstreek-Waterland": "gelukt", "Twente": "gelukt", "Atlantis": "mislukt"}
    fout = tabel.set_index("regio").loc["Atlantis", "fout"]
    assert "Regio 'Atlantis' is onbekend" in fout


def test_uitvoer_per_regio(batch):
    uit, _ = batch
    zw = uit / "zaanstreek-waterland"
    for naam in ("stappenplan.ipynb", "rapport.html", "stappenplan.yaml", "samenvatting.json"):
        assert (zw / naam).exists(), naam
    rapport = (zw / "rapport.html").read_text(encoding="utf-8")
    assert "55,6%" in rapport and "42,8%" in rapport
    assert "oefendata" in rapport.lower()
    assert "werkboek.voorbereiden(" not in rapport  # no code in the report
    assert "data:image/svg+xml" in rapport  # charts embedded as SVG: readable offline
    assert "No description has been provided" not in rapport
    nb = nbformat.read(zw / "stappenplan.ipynb", as_version=4)
    geinjecteerd = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(geinjecteerd) == 1 and "Zaanstreek-Waterland" in geinjecteerd[0].source
    samenvatting = json.loads((zw / "samenvatting.json").read_text(encoding="utf-8"))
    assert samenvatting["regio_code"] == "VT22" and samenvatting["oefendata"] is True


def test_mislukte_regio_toont_melding_bovenaan(batch):
    uit, _ = batch
    nb = nbformat.read(uit / "atlantis" / "stappenplan.ipynb", as_version=4)
    assert "impactkit-fout" in nb.cells[0].metadata.get("tags", [])
    assert "Regio 'Atlantis' is onbekend" in nb.cells[0].source
    assert "niet afgemaakt" in (uit / "atlantis" / "rapport.html").read_text(encoding="utf-8")


def test_index_linkt_alle_regios(batch):
    uit, _ = batch
    index = (uit / "index.html").read_text(encoding="utf-8")
    for s in ("zaanstreek-waterland", "twente", "atlantis"):
        assert f'href="{s}/rapport.html"' in index
    assert "Mislukt: Regio &#x27;Atlantis&#x27; is onbekend" in index
    assert "55,6%" in index  # the headline of Zaanstreek-Waterland
    assert (uit / "samenvatting.csv").exists()


def test_tweede_keer_actuele_regios_overgeslagen(batch):
    uit, _ = batch
    tabel = draai_batch(uit, REGIOS[:2], werkers=1, voortgang=False)
    assert tabel["status"].tolist() == ["overgeslagen", "overgeslagen"]
    assert "55,6%" in tabel["kop"].iloc[0]
    opnieuw = draai_batch(uit, ["Twente"], periode="2021H2", werkers=1, voortgang=False)
    assert opnieuw["status"].tolist() == ["gelukt"]  # other parameters: not up to date


def test_cli_exitcode_en_samenvatting(batch, capsys):
    uit, _ = batch
    code = main(["batch", "--uit", str(uit), "--regio", "Twente", "Atlantis", "--periode", "2021H2",
                 "--werkers", "1"])  # fmt: skip
    assert code == 1
    tekst = capsys.readouterr().out
    assert "1 overgeslagen" in tekst and "1 mislukt" in tekst and "Atlantis" in tekst


@pytest.mark.parametrize(
    "naam, verwacht",
    [
        ("Noord- en Midden Limburg", "noord-en-midden-limburg"),
        ("Fryslân", "fryslan"),
        ("../../etc/passwd", "etc-passwd"),
        ("", "regio"),
    ],
)
def test_veilige_bestandsnamen(naam, verwacht):
    assert slug(naam) == verwacht


def test_relatieve_paden_worden_absoluut(tmp_path, monkeypatch):
    from impactkit.batch import NOTEBOOK, _absolute_paden, _sleutel

    (tmp_path / "mijn.csv").write_text("indicator;regio;periode;waarde\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    uit = _absolute_paden({"bron": "oefendata, mijn.csv", "normen": "", "regio": "VT22"})
    assert uit["bron"] == f"oefendata, {tmp_path / 'mijn.csv'}"
    assert uit["regio"] == "VT22" and uit["normen"] == ""
    # The up-to-date check follows the file's content, not only its name.
    voor = _sleutel(NOTEBOOK, uit)
    (tmp_path / "mijn.csv").write_text(
        "indicator;regio;periode;waarde\nx;y;z;1\n", encoding="utf-8"
    )
    assert _sleutel(NOTEBOOK, uit) != voor
