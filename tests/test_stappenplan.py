import pytest

import impactkit as ik
from impactkit import DataFout, ImpactkitFout
from impactkit.indicatoren import THEMAS
from impactkit.stappenplan import STAPPEN, Stappenplan
from impactkit.startvraagbank import startvraag, startvragen


def test_zes_stappen():
    assert STAPPEN == ("hoofdvraag", "deelvragen", "indicatoren", "vergelijken", "analyseren",
                       "duiden")  # fmt: skip


def test_startvragen_dekken_de_themas():
    alle = startvragen()
    assert len(alle) >= 6
    assert len({s.sleutel for s in alle}) == len(alle)
    themas = {s.thema for s in alle}
    assert {
        "bereik_vt",
        "zorg_veiligheid",
        "outcome",
        "eerder_signaleren",
        "aard_kenmerken",
    } <= themas
    assert themas <= set(THEMAS)


@pytest.mark.parametrize("s", startvragen(), ids=lambda s: s.sleutel)
def test_startvraag_indicatoren_bestaan_en_hebben_reden(s):
    assert s.hoofdvraag.endswith("?") and len(s.deelvragen) >= 3
    for k in s.indicatoren:
        ind = ik.indicator(k.indicator)
        assert k.waarom
        assert (k.categorie is None) == (not ind.is_verdeling), (k.indicator, k.categorie)
        if k.categorie:
            assert k.categorie in ind.categorieen


def test_onbekende_startvraag():
    with pytest.raises(ImpactkitFout) as e:
        startvraag("zorg_veiligheid")
    assert "zorg_en_veiligheid" in str(e.value)


def test_plan_uit_startvraag_en_analyse():
    plan = Stappenplan.uit_startvraag(
        "heftig_structureel_geweld", "zaanstreek waterland", "1e halfjaar 2021"
    )
    assert plan.regio_code == "VT22" and plan.periode == "2021H1"
    assert ("duur_geweld_meldingen", "> 5 jaar") in plan.indicatoren()
    assert plan.stand() == {"hoofdvraag": True, "deelvragen": True, "indicatoren": True,
                            "vergelijken": False, "analyseren": False, "duiden": False}  # fmt: skip
    tabel = plan.analyseer()
    assert len(plan.bevindingen) == len(tabel)
    assert plan.stand()["vergelijken"] and plan.stand()["analyseren"]
    vragen = plan.vragen_voor_gesprek()
    assert vragen and len(vragen) == len(set(vragen))
    assert any("zwaarder" in v for v in vragen)


def test_bewaren_en_laden(tmp_path):
    plan = Stappenplan.uit_startvraag("zorg_en_veiligheid", "Twente", "2022H1")
    plan.analyseer()
    plan.duiding.deelnemers = ["Veilig Thuis Twente", "Politie Oost-Nederland"]
    plan.duiding.conclusies = ["De overdracht aan de politie loopt goed."]
    pad = plan.bewaar(tmp_path / "plan.yaml")
    tekst = pad.read_text(encoding="utf-8")
    assert "Werken zorg en veiligheid" in tekst and "Politie Oost-Nederland" in tekst
    terug = Stappenplan.laad(pad)
    assert terug == plan
    assert terug.stand()["duiden"]


def test_kies_indicator_controleert():
    plan = Stappenplan.nieuw("VT22", "2021H1", "Eigen vraag?")
    plan.voeg_deelvraag_toe("Hoe vaak?")
    plan.kies_indicator(0, "hermeldingen", "  omdat het kan ")
    assert plan.deelvragen[0].indicatoren[0].waarom == "omdat het kan"
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(3, "hermeldingen")
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(0, "duur_geweld_meldingen", categorie="lang")
    with pytest.raises(ImpactkitFout):
        plan.kies_indicator(0, "hermelding")


@pytest.mark.parametrize(
    "inhoud, tekst",
    [
        ("regio_code: VT22\nperiode: [2021H1\n", "geen leesbare YAML (regel"),
        ("- a\n- b\n", "geen stappenplan"),
        ("regio_code: Atlantis\nperiode: 2021H1\n", "Atlantis"),
        (
            "regio_code: VT22\nperiode: 2021H1\ndeelvragen:\n  - vraag: x\n    indicatoren:\n"
            "      - {indicator: bestaat_niet}\n",
            "bestaat_niet",
        ),
        ("regio_code: VT22\nperiode: 2021H1\nduiding: {stemming: goed}\n", "onverwachte vorm"),
    ],
)
def test_onleesbaar_plan(tmp_path, inhoud, tekst):
    pad = tmp_path / "kapot.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(pad)
    assert tekst in str(e.value) and "kapot.yaml" in str(e.value)


def test_plan_bestaat_niet(tmp_path):
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(tmp_path / "weg.yaml")
    assert "bestaat niet" in str(e.value)
