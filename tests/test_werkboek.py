import pytest

from impactkit import GeenWaarde, ImpactkitFout, OnbekendeIndicator, OnbekendeRegio, werkboek


def test_voorbereiden_met_startvraag_en_extra_indicatoren(tmp_path):
    wb = werkboek.voorbereiden("VT22", "2021H1", startvraag="heftig_structureel_geweld",
                               indicatoren="meldingen_per_10000, aard_geweld:Ouderenmishandeling",
                               uitvoer=str(tmp_path / "uit"))  # fmt: skip
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
