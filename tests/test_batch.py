"""The batch: three regions, one deliberately broken; outputs, index, summary, skipping."""

import json
import re

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
    assert tabel["regio"].tolist() == sorted(REGIOS)  # sorted by name
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
    assert (zw / "oordelen.json").exists()  # verdicts for the overview page
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


def test_index_kaart_van_de_regios_in_de_batch(batch):
    """The map on the index: the batch's regions coloured by their number of notable verdicts
    (the same as the table below it), the others grey; Atlantis is no region, so not on it."""
    uit, _ = batch
    index = (uit / "index.html").read_text(encoding="utf-8")
    spec = json.loads(re.search(r'id="spec-1">(.*?)</script>', index, re.S).group(1))
    per_code = {r["regio_code"]: r for r in spec["datasets"]["vt_batch"]}
    assert len(per_code) == 26  # the division of 2021
    gekleurd = {c for c, r in per_code.items() if r["klasse"] != "niet in deze batch"}
    assert gekleurd == {"VT19", "VT22"}
    for code, map_ in (("VT19", "twente"), ("VT22", "zaanstreek-waterland")):
        rij = re.search(rf'<tr><th scope="row"><a href="{map_}/rapport.html">.*?</tr>', index)
        opvallend = len(re.findall(r'class="oordeel (?:hoger|lager)"', rij.group(0)))
        assert (
            per_code[code]["aantal"] == opvallend
            and per_code[code]["link"] == f"{map_}/rapport.html"
        )
    assert per_code["VT22"]["aantal"] >= 1  # 55,6% against 42,8%: opvallend hoger
    bijschrift = re.search(r"<figcaption>(.*?)</figcaption>", index, re.S).group(1)
    assert "Oefendata" in bijschrift and "niet in deze batch" in bijschrift
    assert index.index("<figcaption>") < index.index('<table class="overzicht"')
    assert '<script src="vega/vega-bundel.js"></script>' in index  # interactive, offline


def test_tweede_keer_actuele_regios_overgeslagen(batch):
    uit, _ = batch
    tabel = draai_batch(uit, REGIOS[:2], periode="2021H1", werkers=1, voortgang=False)
    assert tabel["status"].tolist() == ["overgeslagen", "overgeslagen"]
    assert "55,6%" in tabel.set_index("regio").loc["Zaanstreek-Waterland", "kop"]
    opnieuw = draai_batch(uit, ["Twente"], periode="2021H2", werkers=1, voortgang=False)
    assert opnieuw["status"].tolist() == ["gelukt"]  # other parameters: not up to date


def test_cli_exitcode_en_samenvatting(batch, capsys):
    uit, _ = batch
    code = main(
        [
            "batch",
            "--uit",
            str(uit),
            "--regio",
            "Twente",
            "Atlantis",
            "--periode",
            "2021H2",
            "--werkers",
            "1",
        ]
    )
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


def test_regio_optie_telt_op():
    from impactkit.cli import maak_parser

    args = maak_parser().parse_args(
        [
            "batch",
            "--uit",
            "x",
            "--regio",
            "Twente",
            "--regio",
            "Utrecht",
            "Zeeland",
            "--startvraag",
            "a",
            "b",
            "--startvraag",
            "c",
        ]
    )
    assert args.regio == ["Twente", "Utrecht", "Zeeland"]
    assert args.startvraag == ["a", "b", "c"]
    assert args.pdf is False


def test_ontbrekende_kernel_geeft_nederlandse_melding(tmp_path, monkeypatch, capsys):
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def geen(self, naam):
        raise NoSuchKernel(naam)

    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", geen)
    code = main(["batch", "--uit", str(tmp_path), "--regio", "Twente", "--periode", "2021H1"])
    assert code == 2
    fout = capsys.readouterr().err
    assert "Python-kernel 'python3'" in fout and "pip install ipykernel" in fout
    assert "Traceback" not in fout


def test_pdf_zonder_chromium_geeft_nederlandse_melding(tmp_path, monkeypatch):
    from impactkit.fouten import ImpactkitFout

    monkeypatch.setenv("IMPACTKIT_CHROMIUM", str(tmp_path / "bestaat-niet"))
    with pytest.raises(ImpactkitFout, match="Voor een PDF is de browser Chromium nodig"):
        draai_batch(tmp_path, ["Twente"], periode="2021H1", pdf=True, voortgang=False)
    assert not (tmp_path / "twente").exists()  # nothing started


def test_pdf_met_chromium(batch):
    from impactkit.rapport import naar_pdf, vind_chromium

    if vind_chromium() is None:
        pytest.skip("geen Chromium op deze machine")
    uit, _ = batch
    pdf = naar_pdf(uit / "twente" / "rapport.html")
    inhoud = pdf.read_bytes()
    assert inhoud[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    # A4 (595 x 842 pt), as Dutch readers print, not US Letter (612 x 792 pt)
    maten = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", inhoud)
    assert maten and all(
        abs(float(b) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for b, h in maten
    ), maten[:3]


def test_meer_startvragen_een_rapport_per_vraag(tmp_path):
    vragen = ["heftig_structureel_geweld", "eerder_signaleren"]
    tabel = draai_batch(
        tmp_path, ["Twente"], periode="2021H1", werkers=2, voortgang=False, startvragen=vragen
    )
    assert tabel["startvraag"].tolist() == vragen
    assert (tabel["status"] == "gelukt").all()
    for v in vragen:
        assert (tmp_path / slug(v) / "twente" / "rapport.html").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    koppen = re.findall(r"<h2>(Startvraag: .*?)</h2>", index)
    assert len(koppen) == 2 and koppen[0] != koppen[1]
    assert f'href="{slug(vragen[1])}/twente/rapport.html"' in index
    assert 'src="../../vega/vega-bundel.js"' in (
        tmp_path / slug(vragen[0]) / "twente" / "rapport.html"
    ).read_text(encoding="utf-8")


def test_mislukte_herhaling_houdt_het_goede_rapport(batch):
    """Last in this module: it leaves Twente out of date. A rerun that fails (an unknown
    indicator) keeps the good report byte for byte, and says so in the index."""
    uit, _ = batch
    goed = (uit / "twente" / "rapport.html").read_bytes()
    tabel = draai_batch(
        uit,
        ["Twente"],
        periode="2021H2",
        werkers=1,
        voortgang=False,
        parameters={"indicatoren": "bestaat_niet"},
    )
    rij = tabel.iloc[0]
    assert (rij["status"], bool(rij["verouderd"])) == ("mislukt", True)
    assert "bestaat_niet" in rij["fout"]
    assert (uit / "twente" / "rapport.html").read_bytes() == goed
    mislukt = nbformat.read(uit / "twente" / "stappenplan-mislukt.ipynb", as_version=4)
    assert "impactkit-fout" in mislukt.cells[0].metadata["tags"]
    index = (uit / "index.html").read_text(encoding="utf-8")
    assert "en dat is verouderd" in index


def test_regio_heet_zoals_in_de_periode():
    from impactkit.batch import _regio_mappen

    ((_, code, weergave, map_),) = _regio_mappen(["Hart van Brabant"], "2024H2")
    assert (code, weergave, map_) == ("VT15", "Midden-Brabant", "noord-brabant-midden")
    ((_, _, weergave_2021, _),) = _regio_mappen(["VT15"], "2021H1")
    assert weergave_2021 == "Noord-Brabant Midden"


def _inhoud(uit, regio_map):
    """What a run wrote for one region, without the run's date and seconds."""
    map_ = uit / regio_map
    samenvatting = json.loads((map_ / "samenvatting.json").read_text(encoding="utf-8"))
    oordelen = json.loads((map_ / "oordelen.json").read_text(encoding="utf-8"))
    plan = (map_ / "stappenplan.yaml").read_text(encoding="utf-8")
    plan = re.sub(r"(?m)^(aangemaakt|bewaard|datum)\b.*$", "", plan)
    return samenvatting, oordelen, plan


def test_relatief_en_absoluut_geven_hetzelfde(tmp_path, monkeypatch, capsys):
    """'impactkit batch --uit uitvoer' from the user's folder = the same with an absolute path."""
    relatief_map = tmp_path / "gebruiker"
    relatief_map.mkdir()
    monkeypatch.chdir(relatief_map)
    rc = main(["batch", "--uit", "uitvoer", "--regio", "Twente", "--periode", "2021H1"])
    uitvoer = capsys.readouterr()
    assert rc == 0 and "Traceback" not in uitvoer.out + uitvoer.err
    assert "1 gelukt" in uitvoer.out
    absoluut = tmp_path / "absoluut"
    assert main(["batch", "--uit", str(absoluut), "--regio", "Twente", "--periode", "2021H1"]) == 0
    rel = relatief_map / "uitvoer"
    # everything of the region in its own folder, nothing of it at the top
    for naam in ("samenvatting.json", "oordelen.json", "stappenplan.yaml"):
        assert not (rel / naam).exists(), naam
    samenvatting, oordelen, plan = _inhoud(rel, "twente")
    assert samenvatting["kop"] and oordelen and "bevindingen: []" not in plan
    assert (samenvatting, oordelen, plan) == _inhoud(absoluut, "twente")
    index = (rel / "index.html").read_text(encoding="utf-8")
    assert samenvatting["kop"][:40] in index


def test_mislukte_voorbereiding_in_de_kernel_is_mislukt(tmp_path, monkeypatch):
    """A step that fails inside the kernel makes the region 'mislukt', with a Dutch reason."""
    import impactkit.batch_kernels as bk

    echte = bk.Path

    class OnbereikbaarPad(type(echte())):
        def absolute(self):  # the work folder the kernel must enter does not exist
            return echte("/bestaat/niet/werkmap")

    monkeypatch.setattr(bk, "Path", OnbereikbaarPad)
    tabel = draai_batch(tmp_path / "uit", ["Twente"], periode="2021H1", werkers=1, voortgang=False)
    rij = tabel.iloc[0]
    assert rij["status"] == "mislukt"
    assert "werkmap" in rij["fout"] and "kon niet worden klaargezet" in rij["fout"]


def test_pdf_opdracht_meldt_de_pdfs_en_het_overzicht_linkt_ze(tmp_path, monkeypatch, capfd):
    from impactkit.cli import main
    from impactkit.rapport import vind_chromium

    if vind_chromium() is None:
        pytest.skip("geen Chromium op deze machine")
    monkeypatch.chdir(tmp_path)  # as the user types it: a relative folder
    opdracht = ["batch", "--uit", "uit", "--regio", "Twente", "--periode", "2021H1", "--pdf"]
    assert main(opdracht) == 0
    uitvoer, fouten = capfd.readouterr()
    assert "PDF's (A4): 1 gemaakt, 0 al actueel" in uitvoer
    assert "Kernel is running over TCP" not in fouten  # no English kernel noise
    index = (tmp_path / "uit" / "index.html").read_text(encoding="utf-8")
    assert 'href="twente/rapport.pdf"' in index
    assert main(opdracht) == 0  # a second run: the report and its PDF are up to date
    assert "PDF's (A4): 0 gemaakt, 1 al actueel" in capfd.readouterr().out
