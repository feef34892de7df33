import json

import pytest

from impactkit import (
    GeenWaarde,
    ImpactkitFout,
    OnbekendeIndicator,
    OnbekendeRegio,
    eigen_werkboek,
    werkboek,
)
from impactkit.stappenplan import Stappenplan


def test_voorbereiden_met_startvraag_en_extra_indicatoren(tmp_path):
    wb = werkboek.voorbereiden(
        "VT22",
        "2021H1",
        startvraag="heftig_structureel_geweld",
        indicatoren="meldingen_per_10000, aard_geweld:Ouderenmishandeling",
        uitvoer=str(tmp_path / "uit"),
    )
    assert wb.is_oefendata and wb.uitvoer.exists()
    items = wb.plan.indicatoren()
    assert "meldingen_per_10000" in items and ("aard_geweld", "Ouderenmishandeling") in items
    assert "oefendata" in werkboek.koptekst(wb).lower()
    k = werkboek.kerncijfers(wb).set_index("indicator")
    assert (
        k.loc["Meldingen met acute en/of structurele onveiligheid", "Zaanstreek-Waterland"]
        == "55,6%"
    )
    bev = wb.plan.analyseer(data=wb.data)
    s = werkboek.schrijf_samenvatting(wb, bev)
    assert (tmp_path / "uit" / "samenvatting.json").exists()
    assert (tmp_path / "uit" / "stappenplan.yaml").exists()
    assert s["opvallend"] >= 1 and "55,6%" in s["kop"]
    assert "Vragen voor het gesprek" in werkboek.duiding_sjabloon(wb)


@pytest.mark.parametrize(
    "kwargs, fout, tekst",
    [
        ({"regio_naam": "Zaanstrek"}, OnbekendeRegio, "Zaanstreek-Waterland"),
        ({"indicatoren": "hermelding"}, OnbekendeIndicator, "hermeldingen"),
        ({"indicatoren": "aard_geweld"}, ImpactkitFout, "aard_geweld:"),
        ({"periode": "2031H1"}, GeenWaarde, "Beschikbare perioden"),
        ({"startvraag": "", "hoofdvraag": ""}, ImpactkitFout, "geen hoofdvraag"),
        ({"startvraag": "", "hoofdvraag": "Eigen?"}, ImpactkitFout, "geen indicatoren"),
    ],
)
def test_foute_parameters(kwargs, fout, tekst):
    args = {"regio_naam": "VT22", "periode": "2021H1", "startvraag": "zorg_en_veiligheid", **kwargs}
    with pytest.raises(fout) as e:
        werkboek.voorbereiden(**args)
    assert tekst in str(e.value)


# -- deelvragen as a papermill parameter ------------------------------------------------------------
DEELVRAGEN_TEKST = (
    '[{vraag: "Komen gezinnen minder vaak opnieuw in beeld?", indicatoren: [hermeldingen], '
    'waarom: "een hermelding wijst op geweld dat terugkomt"}, '
    '{vraag: "Duurt het geweld korter?", indicatoren: ["duur_geweld_meldingen:> 5 jaar"]}]'
)
DEELVRAGEN_LIJST = [
    {
        "vraag": "Komen gezinnen minder vaak opnieuw in beeld?",
        "indicatoren": ["hermeldingen"],
        "waarom": "een hermelding wijst op geweld dat terugkomt",
    },
    {"vraag": "Duurt het geweld korter?", "indicatoren": ["duur_geweld_meldingen:> 5 jaar"]},
]


def _geinjecteerd(parameters: dict) -> dict:
    """What the notebook sees after papermill injected ``parameters`` (no kernel needed)."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from impactkit.paden import PROJECT_MAP

    nb = load_notebook_node(str(PROJECT_MAP / "notebooks" / "stappenplan.ipynb"))
    nb = parameterize_notebook(nb, parameters, kernel_name="python3", language="python")
    ruimte: dict = {}
    for cel in nb.cells:
        tags = cel.metadata.get("tags", [])
        if "parameters" in tags or "injected-parameters" in tags:
            exec(cel.source, ruimte)
    return ruimte


@pytest.mark.parametrize("waarde", [DEELVRAGEN_TEKST, DEELVRAGEN_LIJST], ids=["tekst", "lijst"])
def test_deelvragen_via_papermill(waarde):
    p = _geinjecteerd({"regio": "Twente", "deelvragen": waarde})
    wb = werkboek.voorbereiden(
        p["regio"], p["periode"], startvraag=p["startvraag"], deelvragen=p["deelvragen"]
    )
    assert [d.vraag for d in wb.plan.deelvragen] == [
        "Komen gezinnen minder vaak opnieuw in beeld?",
        "Duurt het geweld korter?",
    ]
    assert wb.plan.deelvragen[0].waarom == "een hermelding wijst op geweld dat terugkomt"
    assert wb.plan.indicatoren() == ["hermeldingen", ("duur_geweld_meldingen", "> 5 jaar")]
    # The starter question still gives the hoofdvraag.
    assert wb.plan.hoofdvraag.startswith("Is het gelukt")


def test_standaard_deelvragen_komen_uit_de_startvraag():
    p = _geinjecteerd({})
    assert p["deelvragen"] == ""
    wb = werkboek.voorbereiden(
        p["regio"], p["periode"], startvraag=p["startvraag"], deelvragen=p["deelvragen"]
    )
    assert len(wb.plan.deelvragen) == 4 and all(d.waarom for d in wb.plan.deelvragen)


@pytest.mark.parametrize(
    "waarde, fout, tekst",
    [
        (12, ImpactkitFout, "moet een lijst van deelvragen zijn, niet een getal"),
        ("vraag: [", ImpactkitFout, "geen leesbare YAML of JSON"),
        ("[{vraag: x, indicatoren: [hermelding]}]", OnbekendeIndicator, "'hermeldingen'"),
        ([{"vraag": "x", "indicatoren": ["aard_geweld"]}], ImpactkitFout, "aard_geweld:"),
        ([{"deelvraag": "x", "indicator": "hermeldingen"}], ImpactkitFout, "'indicatoren'"),
    ],
)
def test_foute_deelvragen_via_papermill(waarde, fout, tekst):
    p = _geinjecteerd({"deelvragen": waarde})
    with pytest.raises(fout) as e:
        werkboek.voorbereiden(p["regio"], p["periode"], deelvragen=p["deelvragen"])
    assert str(e.value).startswith("Parameter 'deelvragen'") and tekst in str(e.value)


def test_deelvragen_vervangen_die_uit_een_plan_bestand(tmp_path):
    plan = Stappenplan.uit_startvraag("zorg_en_veiligheid", "Twente", "2021H1")
    pad = plan.bewaar(tmp_path / "plan.yaml")
    wb = werkboek.voorbereiden(
        "Twente", "2021H1", plan_bestand=str(pad), deelvragen=DEELVRAGEN_LIJST
    )
    assert len(wb.plan.deelvragen) == 2
    assert any("vervangen de 4 deelvragen uit plan.yaml" in m for m in wb.meldingen)


def test_kop_en_samenvatting_openen_met_het_antwoord(tmp_path):
    wb = werkboek.voorbereiden(
        "VT22", "2021H1", startvraag="heftig_structureel_geweld", uitvoer=str(tmp_path)
    )
    kop = werkboek.koptekst(wb)
    assert kop.startswith("## Zaanstreek-Waterland, het eerste halfjaar van 2021")
    assert "**Bron van de cijfers:** oefendata" in kop and "**Hoofdvraag:** Is het gelukt" in kop
    assert "\n# " not in "\n" + kop  # the notebook's title is the only first-level heading
    bevindingen = wb.plan.analyseer(data=wb.data)
    s = werkboek.schrijf_samenvatting(wb, bevindingen)
    # The batch reads 'kop' and 'oefendata'; the other keys stay for readers of the file.
    for sleutel in (
        "regio_code",
        "regio",
        "periode",
        "hoofdvraag",
        "kop",
        "opvallend",
        "bevindingen",
        "oefendata",
        "antwoord",
        "sterkte",
        "deelvragen",
        "vragen",
    ):
        assert sleutel in s, sleutel
    assert s["kop"] in s["antwoord"] and s["antwoord"].startswith("Dit zijn oefendata")
    assert [d["nummer"] for d in s["deelvragen"]] == [1, 2, 3, 4]
    bestand = json.loads((tmp_path / "samenvatting.json").read_text(encoding="utf-8"))
    assert bestand["antwoord"] == s["antwoord"]
    assert Stappenplan.laad(tmp_path / "stappenplan.yaml").antwoord == s["antwoord"]
    sjabloon = werkboek.duiding_sjabloon(wb)
    assert "**Antwoord uit de cijfers:** Dit zijn oefendata" in sjabloon


def test_enkelvoud_en_meervoud():
    from impactkit.synthese import beantwoord

    wb = werkboek.voorbereiden("VT22", "2021H1", startvraag="heftig_structureel_geweld")
    bevindingen = wb.plan.analyseer(data=wb.data)
    uitkomst = beantwoord(wb.plan, bevindingen)
    een = bevindingen.copy()
    een["opvallend"] = [True] + [False] * (len(een) - 1)
    assert "1 opvallende bevinding van" in werkboek.samenvatting_tekst(uitkomst, een)
    een["opvallend"] = False
    assert "0 opvallende bevindingen van" in werkboek.samenvatting_tekst(uitkomst, een)
    assert "(en)" not in werkboek.samenvatting_tekst(uitkomst, bevindingen)


def test_deelvraag_zonder_indicator_staat_in_de_tabel():
    wb = werkboek.voorbereiden(
        "VT22",
        "2021H1",
        startvraag="",
        hoofdvraag="Komt ouderenmishandeling in beeld?",
        deelvragen=[
            {"vraag": "Hoe vaak?", "indicatoren": ["hermeldingen"], "waarom": "omdat"},
            "Weten ouderen waar ze terechtkunnen?",
        ],
    )
    t = werkboek.deelvragen_tabel(wb)
    assert t["deelvraag"].tolist() == ["1. Hoe vaak?", "2. Weten ouderen waar ze terechtkunnen?"]
    assert t["waarom_deelvraag"].iloc[0] == "omdat" and "geen indicator" in t["indicator"].iloc[1]


# -- Default period and names valid in the period -----------------------------------------------
def test_lege_periode_is_de_laatste_periode_met_cijfers():
    wb = werkboek.voorbereiden("Twente", "", startvraag="zorg_en_veiligheid")
    assert wb.plan.periode == "2024H2"
    # A region that stopped gets its own last period.
    wb = werkboek.voorbereiden("Brabant Noordoost", "", startvraag="zorg_en_veiligheid")
    assert wb.plan.periode == "2022H2"


def test_regio_heet_zoals_in_de_periode():
    wb = werkboek.voorbereiden("Hart van Brabant", "2024H1", startvraag="zorg_en_veiligheid")
    assert werkboek.koptekst(wb).startswith("## Midden-Brabant, het eerste halfjaar van 2024")
    assert "Midden-Brabant" in werkboek.kerncijfers(wb).columns
    wb = werkboek.voorbereiden("Hart van Brabant", "2021H1", startvraag="zorg_en_veiligheid")
    assert werkboek.koptekst(wb).startswith("## Noord-Brabant Midden, het eerste halfjaar van 2021")


def test_opgeheven_regio_in_latere_periode_zegt_waarom():
    with pytest.raises(GeenWaarde) as e:
        werkboek.voorbereiden("VT16", "2024H1", startvraag="zorg_en_veiligheid")
    assert "Oost-Brabant (VT27)" in str(e.value) and "tot en met 2022" in str(e.value)


# -- impactkit werkboek: a coordinator's own copy --------------------------------------------------
def _parameters(notebook) -> dict:
    """The values of the workbook's one parameters cell (no injected cell below a template)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    assert not [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    cellen = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cellen) == 1
    ruimte: dict = {}
    exec(cellen[0].source, ruimte)
    return ruimte


def test_eigen_werkboek_maken(tmp_path):
    import hashlib

    voor = hashlib.sha256(eigen_werkboek.SJABLOON.read_bytes()).hexdigest()
    uit = eigen_werkboek.maak_werkboek("Hart van Brabant", "2024H2", map=tmp_path / "wb")
    assert uit.status == "nieuw"
    assert uit.notebook == tmp_path / "wb" / "stappenplan.ipynb" and uit.notebook.exists()
    assert (
        hashlib.sha256(eigen_werkboek.SJABLOON.read_bytes()).hexdigest() == voor
    )  # template untouched
    p = _parameters(uit.notebook)
    assert (p["periode"], p["startvraag"]) == ("2024H2", "heftig_structureel_geweld")
    assert (p["plan_bestand"], p["uitvoer"], p["weergave"]) == ("stappenplan.yaml", ".", "svg")
    plan = Stappenplan.laad(tmp_path / "wb" / "stappenplan.yaml")
    assert (plan.regio_code, plan.periode) == ("VT15", "2024H2")
    assert plan.hoofdvraag.startswith("Is het gelukt")


def test_eigen_werkboek_standaardmap_en_laatste_periode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    uit = eigen_werkboek.maak_werkboek("Twente", startvraag="zorg_en_veiligheid")
    assert uit.map == tmp_path / "werkboek-twente"
    assert uit.plan.periode == "2024H2" and uit.plan.startvraag == "zorg_en_veiligheid"
    assert werkboek.laatste_periode_in_bron("Twente") == "2024H2"


def test_opnieuw_draaien_gaat_verder_met_het_plan(tmp_path):
    doel = tmp_path / "wb"
    eerste = eigen_werkboek.maak_werkboek("Twente", "2024H2", map=doel)
    plan = Stappenplan.laad(eerste.plan_bestand)
    plan.hoofdvraag = "Mijn eigen hoofdvraag?"
    plan.bewaar(eerste.plan_bestand)
    notebook_voor = eerste.notebook.read_bytes()
    tweede = eigen_werkboek.maak_werkboek("Twente", "2021H1", map=doel)
    assert tweede.status == "verder" and "bestond al" in tweede.bericht
    assert tweede.plan.hoofdvraag == "Mijn eigen hoofdvraag?" and tweede.plan.periode == "2024H2"
    assert eerste.notebook.read_bytes() == notebook_voor
    assert Stappenplan.laad(eerste.plan_bestand).hoofdvraag == "Mijn eigen hoofdvraag?"


def test_nooit_overschrijven_zonder_te_vragen(tmp_path):
    doel = tmp_path / "wb"
    eerste = eigen_werkboek.maak_werkboek("Twente", "2024H2", map=doel)
    eerste.notebook.write_text(eerste.notebook.read_text(encoding="utf-8") + " ", encoding="utf-8")
    voor = eerste.notebook.read_bytes()
    with pytest.raises(ImpactkitFout, match="Niets overschreven"):
        eigen_werkboek.maak_werkboek("Twente", map=doel, opnieuw=True)
    gevraagd = []
    with pytest.raises(ImpactkitFout, match="Niets overschreven"):
        eigen_werkboek.maak_werkboek(
            "Twente", map=doel, opnieuw=True, bevestig=lambda v: gevraagd.append(v) or False
        )
    assert eerste.notebook.read_bytes() == voor and "opnieuw beginnen" in gevraagd[0]
    weer = eigen_werkboek.maak_werkboek(
        "Twente", "2021H1", map=doel, opnieuw=True, bevestig=lambda v: True
    )
    assert weer.status == "opnieuw" and weer.plan.periode == "2021H1"
    assert eerste.notebook.read_bytes() != voor


def test_andere_regio_in_dezelfde_map(tmp_path):
    eigen_werkboek.maak_werkboek("Twente", "2024H2", map=tmp_path / "wb")
    with pytest.raises(ImpactkitFout, match="gaat over Twente"):
        eigen_werkboek.maak_werkboek("Utrecht", map=tmp_path / "wb")


def test_periode_zonder_cijfers(tmp_path):
    with pytest.raises(GeenWaarde, match="2024H2"):
        eigen_werkboek.maak_werkboek("Twente", "2031H1", map=tmp_path / "wb")
    assert not (tmp_path / "wb").exists()


def test_cli_werkboek(tmp_path, capsys):
    from impactkit.cli import main

    doel = tmp_path / "wb"
    assert (
        main(
            [
                "werkboek",
                "Hart van Brabant",
                "--periode",
                "2024H2",
                "--map",
                str(doel),
                "--niet-openen",
            ]
        )
        == 0
    )
    uit = capsys.readouterr().out
    assert f"Nieuw werkboek: {doel / 'stappenplan.ipynb'}" in uit
    assert "Het antwoord is al uitgerekend" in uit
    _is_klaar_om_te_lezen(
        doel / "stappenplan.ipynb", "Midden-Brabant, het tweede halfjaar van 2024"
    )
    # executed in its own folder: the summary and the plan (with the answer) are beside it
    samenvatting = json.loads((doel / "samenvatting.json").read_text(encoding="utf-8"))
    assert samenvatting["regio"] == "Midden-Brabant" and samenvatting["periode"] == "2024H2"
    assert Stappenplan.laad(doel / "stappenplan.yaml").antwoord == samenvatting["antwoord"]
    assert main(["werkboek", "Hart van Brabant", "--map", str(doel), "--niet-openen"]) == 0
    assert "Je werkboek bestond al" in capsys.readouterr().out
    # --opnieuw asks first; without a terminal to answer, nothing is overwritten.
    assert (
        main(["werkboek", "Hart van Brabant", "--map", str(doel), "--opnieuw", "--niet-openen"])
        == 2
    )
    assert "Niets overschreven" in capsys.readouterr().err


def test_werkboekmap_heeft_de_huidige_naam_van_de_regio(tmp_path, monkeypatch):
    from impactkit.eigen_werkboek import werkboek_map

    monkeypatch.chdir(tmp_path)
    assert werkboek_map("VT15").name == "werkboek-midden-brabant"
    assert werkboek_map("Noord-Brabant Midden").name == "werkboek-midden-brabant"
    assert werkboek_map("Twente").name == "werkboek-twente"


def _is_klaar_om_te_lezen(notebook, kop: str) -> None:
    """Executed, with the answer on top; a 'zo werk je' cell; code collapsed; trusted."""
    import nbformat
    from nbformat.sign import NotebookNotary

    nb = nbformat.read(notebook, as_version=4)
    assert nb.cells[1].source.startswith("## Zo werk je met dit werkboek")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.metadata["jupyter"]["source_hidden"] for c in code)
    teksten = [
        o.get("data", {}).get("text/markdown", "") for c in code for o in c.get("outputs", [])
    ]
    eerste = [t for t in teksten if t][:2]
    assert eerste[0].startswith(f"## {kop}")
    assert eerste[1].startswith("### Antwoord op de hoofdvraag")
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    paneel = next(c for c in code if "keuzepaneel" in c.metadata.get("tags", []))
    assert "Run All Cells" in paneel.outputs[0]["data"]["text/markdown"]
    assert NotebookNotary().check_signature(nb)  # JupyterLab shows its SVG charts


def test_verder_met_een_gedownload_plan(tmp_path, monkeypatch, capsys):
    from impactkit.cli import main
    from impactkit.eigen_werkboek import plan_bestandsnaam

    monkeypatch.chdir(tmp_path)
    plan = Stappenplan.uit_startvraag("zorg_en_veiligheid", "Drenthe", "2024H1")
    plan.hoofdvraag = "Onze eigen vraag?"
    naam = plan_bestandsnaam(plan)
    assert naam == "stappenplan-drenthe-1e-halfjaar-2024.yaml"
    plan.bewaar(tmp_path / naam)
    uit = eigen_werkboek.maak_werkboek(plan=naam)
    assert uit.map == tmp_path / "werkboek-drenthe" and uit.status == "nieuw"
    bewaard = Stappenplan.laad(uit.plan_bestand)
    assert (bewaard.regio_code, bewaard.periode, bewaard.hoofdvraag) == (
        "VT02",
        "2024H1",
        "Onze eigen vraag?",
    )
    assert _parameters(uit.notebook)["plan_bestand"] == "stappenplan.yaml"
    # a second plan into the same folder is refused, naming the way out
    with pytest.raises(ImpactkitFout, match="Er staat al een werkboek in .*--map.*--opnieuw"):
        eigen_werkboek.maak_werkboek(plan=naam)
    # a region that contradicts the plan
    assert main(["werkboek", "Twente", "--plan", naam, "--map", "ander", "--niet-openen"]) == 2
    fout = capsys.readouterr().err
    assert "gaat over Drenthe, niet over Twente" in fout and "Traceback" not in fout
    # no region and no plan
    assert main(["werkboek", "--niet-openen"]) == 2
    assert "Welke regio?" in capsys.readouterr().err


def test_toon_laat_ontbrekende_waarden_als_streepje_zien():
    import pandas as pd

    tabel = pd.DataFrame({"getal": [1234.56, None], "tekst": pd.array([None, "x"], dtype="string")})
    html = werkboek.toon(tabel).to_html()
    assert "1.234,6" in html and html.count(">–<") == 2
    assert "nan" not in html and "<NA>" not in html and "&lt;NA&gt;" not in html
