"""The workbook's form (the widget panel), driven through the ipywidgets API (no browser, no kernel).

Each choice changes the plan in place, analyses again and writes the plan file that the notebook
continues from (``plan_bestand``). The deelvragen are a form with indicators chosen by name; a
workbook with its own plan file keeps its region.
"""

import pytest

from impactkit import werkboek, widgets
from impactkit.deelvraagformulier import indicator_keuzes, indicator_naam
from impactkit.stappenplan import Stappenplan


@pytest.fixture
def paneel(tmp_path):
    plan_pad = Stappenplan.uit_startvraag("heftig_structureel_geweld", "VT22", "2024H2").bewaar(
        tmp_path / "stappenplan.yaml"
    )
    wb = werkboek.voorbereiden("VT22", "2024H2", plan_bestand=str(plan_pad))
    return widgets.keuzepaneel(wb), wb, plan_pad


@pytest.fixture
def vrij_paneel(tmp_path):
    """A panel outside a workbook (no plan file of its own): the region can be chosen."""
    wb = werkboek.voorbereiden(
        "VT22", "2024H2", startvraag="heftig_structureel_geweld", uitvoer=str(tmp_path)
    )
    return widgets.keuzepaneel(wb), wb, tmp_path / "stappenplan.yaml"


def test_regio_kiezen_buiten_een_werkboek_rekent_opnieuw_en_bewaart_het_plan(vrij_paneel):
    p, wb, plan_pad = vrij_paneel
    plan = wb.plan
    p.regio.value = "VT19"  # Twente
    assert wb.plan is plan  # changed in place: the notebook's 'plan' sees it
    assert plan.regio_code == "VT19" and plan.periode == "2024H2"
    assert "2,7 tegen 1,8 per 10.000 inwoners" in p.uitkomst.antwoord  # OTS, Twente vs NL
    assert "Twente" in p.bericht.value and "Plan bewaard in" in p.bericht.value
    bewaard = Stappenplan.laad(plan_pad)
    assert bewaard.regio_code == "VT19" and bewaard.antwoord == plan.antwoord


def test_een_werkboek_houdt_zijn_regio(paneel):
    """The folder werkboek-zaanstreek-waterland must never end up holding a Twente plan."""
    p, wb, plan_pad = paneel
    assert p.regio.disabled
    p.regio.value = "VT19"
    assert p.regio.value == "VT22" and wb.plan.regio_code == "VT22"
    assert Stappenplan.laad(plan_pad).regio_code == "VT22"


def test_periode_en_startvraag_kiezen(paneel):
    p, wb, plan_pad = paneel
    p.periode.value = "2021H1"
    assert wb.plan.periode == "2021H1"
    assert "55,6%" in p.uitkomst.antwoord  # the worked example's figure
    assert (
        "het eerste halfjaar van 2021" in p.bericht.value or "1e halfjaar 2021" in p.bericht.value
    )
    p.startvraag.value = "zorg_en_veiligheid"
    assert wb.plan.hoofdvraag == "Werken zorg en veiligheid in onze regio beter samen?"
    assert p.hoofdvraag.value == wb.plan.hoofdvraag
    assert len(wb.plan.deelvragen) == 4
    assert [v.vraag.value for v in p.deelvragen.vakken] == [d.vraag for d in wb.plan.deelvragen]
    bewaard = Stappenplan.laad(plan_pad)
    assert (bewaard.periode, bewaard.startvraag) == ("2021H1", "zorg_en_veiligheid")


def test_het_formulier_toont_indicatoren_bij_hun_naam(paneel):
    p, wb, _ = paneel
    getoond = [naam for vak in p.deelvragen.vakken for naam in vak.indicatoren.value]
    assert getoond == [indicator_naam(k) for d in wb.plan.deelvragen for k in d.indicatoren]
    assert "Duur van het geweld bij meldingen: > 5 jaar" in getoond
    assert not any("_" in naam for naam in getoond)  # names, not ids
    keuzes = indicator_keuzes()
    assert keuzes["Duur van het geweld bij meldingen: > 5 jaar"] == (
        "duur_geweld_meldingen",
        "> 5 jaar",
    )
    assert "Soort geweld bij meldingen" not in keuzes  # a distribution only per category


def test_deelvragen_en_duiding_overnemen(paneel):
    p, wb, plan_pad = paneel
    while len(p.deelvragen.vakken) > 1:
        p.deelvragen.vakken[-1].weg.click()
    vak = p.deelvragen.vakken[0]
    vak.vraag.value = "Komen gezinnen minder vaak opnieuw in beeld?"
    vak.indicatoren.value = ["Hermeldingen", "Meldingen per 10.000 inwoners"]
    vak.waarom.value = "een hermelding wijst op geweld dat terugkomt"
    p.deelvragen.toevoegen.click()
    p.deelvragen.vakken[1].vraag.value = "Duurt het geweld korter?"
    p.deelvragen.vakken[1].indicatoren.value = ["Duur van het geweld bij meldingen: ≤ 1 week"]
    p.deelnemers.value = "Veilig Thuis\nPolitie"
    p.knop.click()
    assert [d.vraag for d in wb.plan.deelvragen] == [
        "Komen gezinnen minder vaak opnieuw in beeld?",
        "Duurt het geweld korter?",
    ]
    assert wb.plan.deelvragen[0].waarom == "een hermelding wijst op geweld dat terugkomt"
    assert wb.plan.indicatoren() == [
        "hermeldingen",
        "meldingen_per_10000",
        ("duur_geweld_meldingen", "≤ 1 week"),
    ]
    assert wb.plan.duiding.deelnemers == ["Veilig Thuis", "Politie"]
    assert set(p.bevindingen["indicator"]) == {
        "hermeldingen",
        "meldingen_per_10000",
        "duur_geweld_meldingen",
    }
    bewaard = Stappenplan.laad(plan_pad)
    assert bewaard.indicatoren() == wb.plan.indicatoren()
    assert bewaard.duiding.deelnemers == ["Veilig Thuis", "Politie"]


def test_eigen_hoofdvraag(paneel):
    p, wb, plan_pad = paneel
    p.hoofdvraag.value = "Zien we in onze regio minder langdurig geweld?"
    p.knop.click()
    assert wb.plan.hoofdvraag == "Zien we in onze regio minder langdurig geweld?"
    assert wb.plan.startvraag is None and p.startvraag.value == ""
    assert Stappenplan.laad(plan_pad).hoofdvraag == wb.plan.hoofdvraag


def test_fout_in_deelvragen_verandert_niets_en_toont_geen_code(paneel):
    from traitlets import TraitError

    p, wb, plan_pad = paneel
    voor = plan_pad.read_text(encoding="utf-8")
    with pytest.raises(TraitError):  # the field only takes names from the list
        p.deelvragen.vakken[0].indicatoren.value = ["Hermelding"]
    p.deelvragen.vakken[0].vraag.value = ""
    p.knop.click()
    tekst = "Deelvraag 1 heeft indicatoren maar geen vraag. Schrijf de vraag erbij."
    assert "Niet overgenomen" in p.bericht.value and tekst in p.bericht.value
    for code in ("impactkit.", "zoek(", "YAML", "regel ", "kolom "):
        assert code not in p.bericht.value
    assert len(wb.plan.deelvragen) == 4
    assert plan_pad.read_text(encoding="utf-8") == voor


def test_keuzes_overleven_een_herstart(paneel):
    p, wb, plan_pad = paneel
    p.periode.value = "2021H1"
    p.startvraag.value = "zorg_en_veiligheid"
    # A restart runs the notebook again with the same parameters: the plan file wins.
    opnieuw = werkboek.voorbereiden("VT22", "2024H2", plan_bestand=str(plan_pad))
    assert opnieuw.plan.periode == "2021H1"
    assert opnieuw.plan.startvraag == "zorg_en_veiligheid"
    assert opnieuw.meldingen == [
        "Dit werkboek gaat verder met je bewaarde plan (stappenplan.yaml): "
        "Zaanstreek-Waterland, 1e halfjaar 2021."
    ]
    assert widgets.keuzepaneel(opnieuw).periode.value == "2021H1"


def test_de_pagina_boven_het_paneel_wordt_bijgewerkt(paneel, monkeypatch):
    """In a kernel the panel replaces the notebook's heading and answer where they stand."""
    p, wb, _ = paneel
    bijgewerkt = {}

    class Kernel:
        kernel = object()

    monkeypatch.setattr("IPython.get_ipython", lambda: Kernel())
    monkeypatch.setattr(
        "IPython.display.update_display",
        lambda inhoud, display_id: bijgewerkt.__setitem__(display_id, inhoud.data),
    )
    monkeypatch.setattr(p, "_voer_stappen_opnieuw_uit", lambda: None)
    p.periode.value = "2021H1"
    assert bijgewerkt[widgets.KOP_ID].startswith(
        "## Zaanstreek-Waterland, het eerste halfjaar van 2021"
    )
    assert "55,6%" in bijgewerkt[widgets.ANTWOORD_ID]
    # the notebook's cells display under exactly these ids
    sjabloon = werkboek.Path(werkboek.__file__).parents[1] / "notebooks" / "stappenplan.ipynb"
    tekst = sjabloon.read_text(encoding="utf-8")
    assert f'display_id=\\"{widgets.KOP_ID}\\"' in tekst
    assert f'display_id=\\"{widgets.ANTWOORD_ID}\\"' in tekst


def test_zonder_plan_bestand_bewaart_het_paneel_in_de_uitvoermap(vrij_paneel, tmp_path):
    p, _, _ = vrij_paneel
    assert p.plan_bestand == tmp_path / "stappenplan.yaml"
    p.knop.click()
    assert Stappenplan.laad(tmp_path / "stappenplan.yaml").regio_code == "VT22"


def test_regiolijst_zonder_nederland():
    wb = werkboek.voorbereiden("VT22", "2021H1", startvraag="heftig_structureel_geweld")
    opties = widgets.keuzepaneel(wb).regio.options
    codes = [c for _, c in opties]
    # The 26 regions of the plan's period (VT16 still on its own in 2021), alphabetical,
    # each with the name valid then.
    assert "NL01" not in codes and "VT16" in codes and "VT27" not in codes and len(codes) == 26
    namen = [n for n, _ in opties]
    assert namen == sorted(namen, key=str.casefold)
    assert dict(opties)["Noord-Brabant Midden"] == "VT15"
    later = werkboek.voorbereiden("Twente", "2024H2", startvraag="heftig_structureel_geweld")
    paneel = widgets.keuzepaneel(later)
    assert dict(paneel.regio.options)["Midden-Brabant"] == "VT15"
    assert "VT27" in dict(paneel.regio.options).values()
    assert paneel.periode.options[0] == ("2e halfjaar 2024", "2024H2")
