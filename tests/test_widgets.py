"""The widget panel of the workbook, driven through the ipywidgets API (no browser, no kernel).

Each choice changes the plan in place, analyses again, shows the answer in the panel and writes
the plan file that the notebook continues from (``plan_bestand``).
"""

import pytest

from impactkit import werkboek, widgets
from impactkit.stappenplan import Stappenplan


@pytest.fixture
def paneel(tmp_path):
    plan_pad = Stappenplan.uit_startvraag("heftig_structureel_geweld", "VT22", "2024H2").bewaar(
        tmp_path / "stappenplan.yaml"
    )
    wb = werkboek.voorbereiden("VT22", "2024H2", plan_bestand=str(plan_pad))
    return widgets.keuzepaneel(wb), wb, plan_pad


def test_regio_kiezen_rekent_opnieuw_en_bewaart_het_plan(paneel):
    p, wb, plan_pad = paneel
    plan = wb.plan
    p.regio.value = "VT19"  # Twente
    assert wb.plan is plan  # changed in place: the notebook's 'plan' sees it
    assert plan.regio_code == "VT19" and plan.periode == "2024H2"
    assert "<h2>Twente, het tweede halfjaar van 2024</h2>" in p.resultaat.value
    assert "Antwoord op de hoofdvraag" in p.resultaat.value
    assert "2,7 tegen 1,8 per 10.000 inwoners" in p.resultaat.value  # OTS, Twente vs NL
    assert "Plan bewaard in" in p.bericht.value
    bewaard = Stappenplan.laad(plan_pad)
    assert bewaard.regio_code == "VT19" and bewaard.antwoord == plan.antwoord


def test_periode_en_startvraag_kiezen(paneel):
    p, wb, plan_pad = paneel
    p.periode.value = "2021H1"
    assert wb.plan.periode == "2021H1"
    assert "Zaanstreek-Waterland, het eerste halfjaar van 2021" in p.resultaat.value
    assert "55,6%" in p.resultaat.value  # the worked example's figure
    p.startvraag.value = "zorg_en_veiligheid"
    assert wb.plan.hoofdvraag == "Werken zorg en veiligheid in onze regio beter samen?"
    assert len(wb.plan.deelvragen) == 4
    assert wb.plan.deelvragen[0].vraag in p.deelvragen.value
    bewaard = Stappenplan.laad(plan_pad)
    assert (bewaard.periode, bewaard.startvraag) == ("2021H1", "zorg_en_veiligheid")


def test_deelvragen_en_extra_indicatoren_overnemen(paneel):
    p, wb, plan_pad = paneel
    p.deelvragen.value = (
        "- vraag: Komen gezinnen minder vaak opnieuw in beeld?\n"
        "  indicatoren: [hermeldingen]\n"
        "  waarom: een hermelding wijst op geweld dat terugkomt\n"
    )
    extra = next(i for _, i in p.indicatoren.options if i != "hermeldingen")
    p.indicatoren.value = (*p.indicatoren.value, extra)
    p.deelnemers.value = "Veilig Thuis\nPolitie"
    p.knop.click()
    assert [d.vraag for d in wb.plan.deelvragen] == [
        "Komen gezinnen minder vaak opnieuw in beeld?",
        "Zelf gekozen indicatoren",
    ]
    assert wb.plan.indicatoren() == ["hermeldingen", extra]
    assert wb.plan.duiding.deelnemers == ["Veilig Thuis", "Politie"]
    assert set(p.bevindingen["indicator"]) == {"hermeldingen", extra}
    bewaard = Stappenplan.laad(plan_pad)
    assert bewaard.indicatoren() == ["hermeldingen", extra]
    assert bewaard.duiding.deelnemers == ["Veilig Thuis", "Politie"]


def test_fout_in_deelvragen_verandert_niets(paneel):
    p, wb, plan_pad = paneel
    voor = plan_pad.read_text(encoding="utf-8")
    p.deelvragen.value = "- vraag: x\n  indicatoren: [hermelding]\n"
    p.knop.click()
    assert "Niet overgenomen" in p.bericht.value and "hermeldingen" in p.bericht.value
    assert len(wb.plan.deelvragen) == 4
    assert plan_pad.read_text(encoding="utf-8") == voor


def test_keuzes_overleven_een_herstart(paneel):
    p, wb, plan_pad = paneel
    p.regio.value = "VT19"
    p.startvraag.value = "zorg_en_veiligheid"
    # A restart runs the notebook again with the same parameters: the plan file wins.
    opnieuw = werkboek.voorbereiden("VT22", "2024H2", plan_bestand=str(plan_pad))
    assert opnieuw.plan.regio_code == "VT19"
    assert opnieuw.plan.startvraag == "zorg_en_veiligheid"
    assert any("Twente" in m for m in opnieuw.meldingen)  # says the parameters were ignored
    assert widgets.keuzepaneel(opnieuw).regio.value == "VT19"


def test_zonder_plan_bestand_bewaart_het_paneel_in_de_uitvoermap(tmp_path):
    wb = werkboek.voorbereiden(
        "VT22", "2021H1", startvraag="heftig_structureel_geweld", uitvoer=str(tmp_path)
    )
    p = widgets.keuzepaneel(wb)
    assert p.plan_bestand == tmp_path / "stappenplan.yaml"
    p.bewaar_knop.click()
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
