"""Batch and report input (issue 13): user text is escaped, the batch writes only what it made,
distinct regions get distinct folders, a failed rerun never replaces a good report.

These tests need no Jupyter kernel: where a region would run, a stand-in writes the files a run
writes (``_nep_draaien``), so the coordinator's rules are checked exactly and fast.
"""

import json
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest

import impactkit.batch as batch
from impactkit.batch import Resultaat, schrijf_index, slug
from impactkit.cli import main
from impactkit.fouten import ImpactkitFout
from impactkit.rapport import html_uit_markdown, maak_rapport

AANVALLEN = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
]


class _Elementen(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []  # the text of each inline script

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "script":
            self.scripts[-1] += data


def _live(pagina: str) -> list[str]:
    """What would run in a browser: scripts other than ours, event handlers, svg/img elements
    other than the report's own charts."""
    from impactkit.rapport import sjabloon

    lezer = _Elementen()
    lezer.feed(pagina)
    gevonden = []
    eigen = sjabloon("rapport.js").strip()
    gevonden += [
        "script"
        for s in lezer.scripts
        if s.strip() and s.strip() != eigen and not s.lstrip().startswith("{")
    ]
    for tag, attrs in lezer.tags:
        if any(a.lower().startswith("on") for a in attrs):
            gevonden.append(f"{tag} met {sorted(attrs)}")
        if tag == "svg" or (tag == "img" and attrs.get("class") != "statisch"):
            gevonden.append(tag)
        if tag == "script" and attrs.get("type") not in (None, "application/json"):
            gevonden.append(f"script {attrs}")
    return gevonden


@pytest.fixture
def zonder_kernel(monkeypatch):
    monkeypatch.setattr(batch, "controleer_kernel", lambda: None)


# -- escaping ------------------------------------------------------------------------------------
@pytest.mark.parametrize("naam", ["../../etc/passwd", "..", "a/b\\c", "~/thuis", "C:\\temp"])
def test_slug_blijft_in_de_uitvoermap(naam):
    s = slug(naam)
    assert "/" not in s and "\\" not in s and s not in ("", ".", "..")


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_gebruikerstekst_wordt_ge_escaped_in_het_rapport(aanval):
    uit = html_uit_markdown(f"**Hoofdvraag:** {aanval}")
    assert _live(uit) == []
    assert "<script" not in uit and "<svg" not in uit and "<img" not in uit
    # The reader still sees exactly what was typed, as text.
    import html

    assert aanval in html.unescape(uit)


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("[klik](javascript:alert(1))", '<p><a href="#harmful-link">klik</a></p>\n'),
        ("![spoor](https://voorbeeld.nl/pixel.png)", "<p>spoor</p>\n"),  # nothing loaded
        ("a & b < c", "<p>a &amp; b &lt; c</p>\n"),
    ],
)
def test_markdown_links_en_plaatjes_veilig(tekst, verwacht):
    assert html_uit_markdown(tekst) == verwacht


def _notebook_met(tekst: str):
    """An executed-notebook stand-in: user text in a heading, a quote, a table and a chart."""
    nb = nbformat.v4.new_notebook()
    kop = nbformat.v4.new_code_cell("")
    kop.metadata["rapport"] = "kop"
    kop.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"text/markdown": f"# Twente {tekst}\n\n> **{tekst}**\n\n- {tekst}"},
        )
    ]
    bewijs = nbformat.v4.new_code_cell("")
    bewijs.metadata["rapport"] = "bevindingen"
    tabel = (
        f"<table><caption>{tekst}</caption><thead><tr><th>Indicator</th></tr></thead>"
        f"<tbody><tr><td>{tekst}</td></tr></tbody></table>"
    )
    spec = {
        "title": tekst,
        "description": tekst,
        "mark": "point",
        "data": {"name": "d"},
        "datasets": {"d": [{"naam": tekst}]},
        "encoding": {"tooltip": [{"field": "naam", "type": "nominal", "title": tekst}]},
    }
    bewijs.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": tabel}),
        nbformat.v4.new_output(
            "display_data",
            data={
                "image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
                "application/vnd.vegalite.v6+json": spec,
            },
        ),
    ]
    nb.cells = [kop, bewijs]
    return nb


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_rapport_zonder_levende_html(aanval):
    pagina = maak_rapport(_notebook_met(aanval), vega="../vega/vega-bundel.js")
    assert _live(pagina) == [], _live(pagina)
    assert "</script><script>alert" not in pagina
    assert pagina.count("<script") == 3  # the chart's spec (JSON), the Vega bundle, our script


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_index_zonder_levende_html(tmp_path, aanval):
    regio = tmp_path / "twente"
    regio.mkdir()
    (regio / "samenvatting.json").write_text(json.dumps({"hoofdvraag": aanval, "kop": aanval}))
    (regio / "oordelen.json").write_text(
        json.dumps([{"indicator": "eigen", "categorie": None, "naam": aanval, "oordeel": aanval}])
    )
    tabel = pd.DataFrame(
        [
            Resultaat(
                regio=aanval,
                regio_code="",
                status="mislukt",
                map=str(regio),
                kop=aanval,
                fout=aanval,
                startvraag=aanval,
            ).__dict__
        ]
    )
    index = schrijf_index(tmp_path, tabel, "2021H1", {"hoofdvraag": aanval}).read_text()
    assert _live(index) == [], _live(index)


# -- the batch writes only what it made ----------------------------------------------------------
def test_index_van_de_gebruiker_blijft_staan(tmp_path):
    eigen = tmp_path / "index.html"
    eigen.write_text("<p>mijn eigen pagina</p>", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="index.html"):
        schrijf_index(tmp_path, pd.DataFrame(), "2021H1")
    assert eigen.read_text(encoding="utf-8") == "<p>mijn eigen pagina</p>"


def test_samenvatting_van_de_gebruiker_blijft_staan(tmp_path, zonder_kernel):
    eigen = tmp_path / "samenvatting.csv"
    eigen.write_text("mijn;eigen;tabel\n", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="samenvatting.csv") as fout:
        batch.draai_batch(tmp_path, regio_namen=[], voortgang=False)
    assert "schrijft alleen over bestanden die hij zelf heeft gemaakt" in str(fout.value)
    assert eigen.read_text(encoding="utf-8") == "mijn;eigen;tabel\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["samenvatting.csv"]  # nothing written


def test_regiomap_van_de_gebruiker_blijft_staan(tmp_path, zonder_kernel):
    eigen = tmp_path / "twente"
    eigen.mkdir()
    (eigen / "notities.txt").write_text("van mij", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="'twente'"):
        batch.draai_batch(tmp_path, ["Twente"], periode="2021H1", voortgang=False)
    assert [p.name for p in eigen.iterdir()] == ["notities.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["twente"]


def test_bestand_als_uitvoermap(tmp_path, zonder_kernel):
    bestand = tmp_path / "uitvoer"
    bestand.write_text("niet weggooien", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="is een bestand, geen map"):
        batch.draai_batch(bestand, regio_namen=["Twente"], voortgang=False)
    assert bestand.read_text(encoding="utf-8") == "niet weggooien"


@pytest.mark.parametrize("werkers", [0, -1, True, 1.5, "2"])
def test_werkers_moet_een_of_meer_zijn(tmp_path, werkers):
    with pytest.raises(ImpactkitFout, match="Het aantal werkers moet een heel getal van 1 of meer"):
        batch.draai_batch(tmp_path / "uit", ["Twente"], werkers=werkers, voortgang=False)
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("waarde", ["0", "-2"])
def test_cli_werkers_nul_geweigerd(tmp_path, capsys, waarde):
    code = main(["batch", "--uit", str(tmp_path / "uit"), "--regio", "Twente", "--werkers", waarde])
    assert code == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: Het aantal werkers moet een heel getal van 1 of meer zijn")
    assert "Traceback" not in fout and not (tmp_path / "uit").exists()


# -- one region, one folder ----------------------------------------------------------------------
def test_namen_met_dezelfde_slug_krijgen_eigen_mappen():
    mappen = batch._regio_mappen(["Twente", "Twente!", "twente", "VT19", "Atlantis", "atlantis!"])
    # 'twente' and 'VT19' are Twente: one run. 'Twente!' is no region: a run that fails, in a
    # folder of its own; the same for two unknown names with one slug.
    assert [(naam, code, m) for naam, code, _, m in mappen] == [
        ("Twente", "VT19", "twente"),
        ("Twente!", "", "twente-" + batch.hashlib.sha256(b"Twente!").hexdigest()[:8]),
        ("Atlantis", "", "atlantis"),
        ("atlantis!", "", "atlantis-" + batch.hashlib.sha256(b"atlantis!").hexdigest()[:8]),
    ]
    assert len({m for *_, m in mappen}) == len(mappen)


def test_elke_regio_een_eigen_map():
    from impactkit import regios

    namen = regios().query("soort == 'vt'")["naam"].tolist()
    mappen = batch._regio_mappen(namen)
    assert len({m for *_, m in mappen}) == len(namen) == 26


# -- a failed rerun never replaces a good report -------------------------------------------------
def _nep_draaien(mislukt: set[str]):
    """Stand-in for running the notebook: writes what a run writes, in the work folder."""

    def draai(taken, werkers, uit, voortgang):
        for basis, taak in taken:
            werk = batch.Path(taak["werkmap"])
            werk.mkdir(parents=True)
            fout = basis.regio in mislukt
            (werk / "rapport.html").write_text("mislukt" if fout else f"goed {taak['sleutel']}")
            (werk / "stappenplan.ipynb").write_text("{}")
            yield (
                basis,
                {
                    "status": "mislukt" if fout else "gelukt",
                    "kop": "" if fout else "kern",
                    "fout": "Regio kapot." if fout else "",
                    "seconden": 1.0,
                    "datum": "2026-12-01T10:00",
                    "sleutel": taak["sleutel"],
                    "taak": taak,
                },
            )

    return draai


def test_mislukte_herhaling_laat_goed_rapport_staan(tmp_path, zonder_kernel, monkeypatch):
    import impactkit.rapport as rapport

    monkeypatch.setattr(rapport, "schrijf_vega", lambda uit: None)
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien(set()))
    eerste = batch.draai_batch(tmp_path, ["Twente", "Utrecht"], periode="2021H1", voortgang=False)
    assert eerste["status"].tolist() == ["gelukt", "gelukt"]
    goed = (tmp_path / "twente" / "rapport.html").read_bytes()

    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien({"Twente"}))
    tweede = batch.draai_batch(tmp_path, ["Twente", "Utrecht"], periode="2021H2", voortgang=False)
    assert tweede["status"].tolist() == ["mislukt", "gelukt"]
    assert tweede["verouderd"].tolist() == [True, False]
    assert tweede["fout"].tolist()[0] == "Regio kapot."
    assert (tmp_path / "twente" / "rapport.html").read_bytes() == goed  # the old one stays
    assert (tmp_path / "twente" / "stappenplan-mislukt.ipynb").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "mislukt; dit is het rapport van 1 december 2026, 10:00, en dat is verouderd" in index
    assert "Mislukt: Regio kapot." in index
    assert not (tmp_path / batch.WERKMAP).exists()

    # Not up to date after a failed attempt: the next run tries again and replaces it.
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien(set()))
    derde = batch.draai_batch(tmp_path, ["Twente", "Utrecht"], periode="2021H2", voortgang=False)
    assert derde["status"].tolist() == ["gelukt", "overgeslagen"]
    assert (tmp_path / "twente" / "rapport.html").read_bytes() != goed
    assert not (tmp_path / "twente" / "stappenplan-mislukt.ipynb").exists()

    manifest = json.loads((tmp_path / batch.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["bestanden"] == ["index.html", "samenvatting.csv"]
    assert manifest["mappen"] == [batch.WERKMAP, "twente", "utrecht", "vega"]


def test_mislukte_eerste_run_schrijft_een_foutrapport(tmp_path, zonder_kernel, monkeypatch):
    import impactkit.rapport as rapport

    monkeypatch.setattr(rapport, "schrijf_vega", lambda uit: None)
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien({"Twente!"}))
    tabel = batch.draai_batch(tmp_path, ["Twente", "Twente!"], periode="2021H1", voortgang=False)
    assert tabel.set_index("regio")["status"].to_dict() == {
        "Twente": "gelukt",
        "Twente!": "mislukt",
    }
    assert (tmp_path / "twente" / "rapport.html").read_text().startswith("goed ")
    [fout_map] = [m for m in tabel["map"] if batch.Path(m).name != "twente"]
    assert batch.Path(fout_map).name == "twente-" + batch.hashlib.sha256(b"Twente!").hexdigest()[:8]
    assert batch.Path(fout_map, "rapport.html").read_text() == "mislukt"


# -- up to date: by content ----------------------------------------------------------------------
def test_sleutel_volgt_inhoud_niet_de_tijd(tmp_path, monkeypatch):
    import os

    eigen = tmp_path / "mijn.csv"
    eigen.write_text("indicator;regio;periode;waarde\n", encoding="utf-8")
    params = {"bron": str(eigen), "regio": "Twente"}
    basis = batch._basis_sleutel(batch.NOTEBOOK)
    voor = batch._sleutel(batch.NOTEBOOK, params, basis)
    os.utime(eigen, (1, 1))  # only the time changes: still up to date
    assert batch._sleutel(batch.NOTEBOOK, params, basis) == voor
    eigen.write_text("indicator;regio;periode;waarde\nx;y;z;1\n", encoding="utf-8")
    assert batch._sleutel(batch.NOTEBOOK, params, basis) != voor  # new content: runs again
    assert batch._basis_sleutel(batch.NOTEBOOK) == basis  # the same kit, notebook and data
    monkeypatch.setattr(batch, "__version__", "99.0")
    assert batch._basis_sleutel(batch.NOTEBOOK) != basis  # a new version of the kit: runs again


# -- second round (issue 19) -----------------------------------------------------------------------
def _nep_met_oordelen(mislukt: set[str], periode: str):
    """Like _nep_draaien, and a good run also writes its summary and verdicts for ``periode``."""
    basis_draai = _nep_draaien(mislukt)

    def draai(taken, werkers, uit, voortgang):
        for basis, uitkomst in basis_draai(taken, werkers, uit, voortgang):
            if uitkomst["status"] == "gelukt":
                werk = batch.Path(uitkomst["taak"]["werkmap"])
                (werk / "samenvatting.json").write_text(json.dumps({"periode": periode}))
                oordeel = [
                    {"indicator": "x", "categorie": None, "naam": "X", "oordeel": "opvallend hoger"}
                ]
                (werk / "oordelen.json").write_text(json.dumps(oordeel))
            yield basis, uitkomst

    return draai


def test_herhaling_met_andere_periode_laat_eigen_bestanden_staan(
    tmp_path, zonder_kernel, monkeypatch
):
    import impactkit.rapport as rapport

    monkeypatch.setattr(rapport, "schrijf_vega", lambda uit: None)
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien(set()))
    batch.draai_batch(tmp_path, ["Twente"], periode="2021H1", voortgang=False)
    aantekeningen = tmp_path / "twente" / "aantekeningen.txt"
    aantekeningen.write_text("mijn eigen notities", encoding="utf-8")
    (tmp_path / "twente" / "eigen").mkdir()
    (tmp_path / "twente" / "eigen" / "kaart.png").write_bytes(b"png")
    tweede = batch.draai_batch(tmp_path, ["Twente"], periode="2021H2", voortgang=False)
    assert tweede["status"].tolist() == ["gelukt"]
    assert aantekeningen.read_text(encoding="utf-8") == "mijn eigen notities"
    assert (tmp_path / "twente" / "eigen" / "kaart.png").read_bytes() == b"png"
    assert "goed" in (tmp_path / "twente" / "rapport.html").read_text()  # the new run is in place


def test_mislukte_regio_vult_het_overzicht_niet_met_een_andere_periode(
    tmp_path, zonder_kernel, monkeypatch
):
    import impactkit.rapport as rapport

    monkeypatch.setattr(rapport, "schrijf_vega", lambda uit: None)
    monkeypatch.setattr(batch, "_draai_taken", _nep_met_oordelen(set(), "2021H1"))
    batch.draai_batch(tmp_path, ["Twente", "Utrecht"], periode="2021H1", voortgang=False)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count("opvallend hoger</span>") == 2
    monkeypatch.setattr(batch, "_draai_taken", _nep_met_oordelen({"Twente"}, "2021H2"))
    batch.draai_batch(tmp_path, ["Twente", "Utrecht"], periode="2021H2", voortgang=False)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "2e halfjaar 2021" in index
    # Utrecht's new verdict only; Twente's kept report is about 2021H1 and says so
    assert index.count("opvallend hoger</span>") == 1
    assert "het rapport in de map gaat over 1e halfjaar 2021" in index


@pytest.mark.parametrize("naam", ["vega", "VEGA", ".impactkit-werk", "CON", "nul", "Lpt1"])
def test_regionaam_kan_geen_gedeelde_of_windowsmap_worden(naam):
    (_, code, _, mapnaam), (_, _, _, twente) = batch._regio_mappen([naam, "Twente"])
    assert code == "" and twente == "twente"
    assert mapnaam not in {"vega", ".impactkit-werk", "impactkit-werk"}
    assert mapnaam.split("-")[0] == slug(naam).split("-")[0] and mapnaam.endswith("-regio")


def test_tikfout_vega_laat_de_gedeelde_map_heel(tmp_path, zonder_kernel, monkeypatch):
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien({"vega"}))
    batch.draai_batch(tmp_path, ["vega"], periode="2021H1", voortgang=False)
    assert (tmp_path / "vega" / "vega-bundel.js").is_file()  # the reports' shared bundle
    assert (tmp_path / "vega-regio" / "rapport.html").is_file()


FORMULES = ['=HYPERLINK("http://voorbeeld.invalid","klik")', "@SUM(A1:A9)", "+1+1", "-2+3"]


def test_samenvatting_csv_zonder_formules(tmp_path, zonder_kernel, monkeypatch):
    import impactkit.rapport as rapport

    monkeypatch.setattr(rapport, "schrijf_vega", lambda uit: None)
    monkeypatch.setattr(batch, "_draai_taken", _nep_draaien(set(FORMULES)))
    batch.draai_batch(
        tmp_path,
        FORMULES,
        periode="2021H1",
        voortgang=False,
        startvragen=["=1+1", "heftig_structureel_geweld"],
    )
    cellen = pd.read_csv(tmp_path / "samenvatting.csv", dtype=str, keep_default_na=False)
    for waarde in cellen.to_numpy().ravel():
        assert not waarde.startswith(("=", "+", "-", "@", "\t", "\r")), waarde
    assert set(cellen["regio"]) >= {"'" + f for f in FORMULES}
