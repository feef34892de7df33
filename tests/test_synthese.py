"""Step 6: the answer to the hoofdvraag, per deelvraag and as a whole, honest about its strength.

Most tests build their own small findings tables with the verdict words of impactkit.oordelen,
so they do not depend on how bevindingen decides verdicts; one integration test runs the real
analysis for the worked example (Zaanstreek-Waterland, 2021H1).
"""

import re

import pandas as pd
import pytest

import impactkit as ik
from impactkit.oordelen import (
    GEEN_GEGEVENS,
    GEEN_TOETS,
    GEEN_VERSCHIL,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    VOLDOET_NIET,
)
from impactkit.stappenplan import Stappenplan
from impactkit.synthese import (
    BEPERKT,
    GEEN_UITSLUITSEL,
    GESPREKSVRAGEN,
    STERK,
    STERKTES,
    WISSELEND,
    antwoord_markdown,
    beantwoord,
    synthese_markdown,
)

RICHTINGSWOORDEN = re.compile(
    r"\b(hoger|lager|gestegen|gedaald|stijging|daling|steeg|daalde|toegenomen|afgenomen)\b",
    flags=re.IGNORECASE,
)


def zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.!?])\s+(?=[A-Z])", tekst.strip()) if z]


def antwoordzinnen(tekst: str) -> list[str]:
    """The answer's sentences after the practice-data sentence (which only says what data)."""
    return [z for z in zinnen(tekst) if not z.startswith("Dit zijn oefendata")]


def plan_met(
    *deelvragen: tuple[str, list[str]],
    hoofdvraag="Is het beeld in onze regio anders dan landelijk?",
):
    plan = Stappenplan.nieuw("Zaanstreek-Waterland", "2021H1", hoofdvraag)
    for vraag, indicatoren in deelvragen:
        plan.voeg_deelvraag_toe(vraag, "omdat het erover gaat", indicatoren)
    return plan


def rij(
    indicator,
    oordeel,
    vergelijking="landelijk",
    categorie=None,
    waarde=40.0,
    ref=30.0,
    herkomst="CBS",
    vragen=None,
    p="standaard",
    **extra,
):
    verschil = None if waarde is None or ref is None else waarde - ref
    if p == "standaard":
        p = 0.001 if oordeel in (OPVALLEND_HOGER, OPVALLEND_LAGER, KLEIN_VERSCHIL) else 0.4
    referentie = {
        "landelijk": "Nederland",
        "jaar_eerder": "2020H1",
        "vorige_periode": "2020H2",
        "verloop": "2019H1–2020H2",
        "regios": "alle regio's",
        "norm": "minstens 50%",
    }[vergelijking]
    eenheid = ik.indicator(indicator).eenheid
    return {
        "regio_code": "VT22",
        "regio": "Zaanstreek-Waterland",
        "periode": "2021H1",
        "indicator": indicator,
        "naam": ik.indicator(indicator).naam,
        "categorie": categorie,
        "vergelijking": vergelijking,
        "referentie": referentie,
        "waarde": waarde,
        "laag": None if waarde is None else waarde - 2,
        "hoog": None if waarde is None else waarde + 2,
        "referentiewaarde": ref,
        "verschil": verschil,
        "p": p,
        "oordeel": oordeel,
        "opvallend": oordeel in (OPVALLEND_HOGER, OPVALLEND_LAGER),
        "tekst": "…",
        "vragen": list(vragen or []),
        "eenheid": eenheid,
        "herkomst": herkomst,
        **extra,
    }


def tabel(*rijen):
    return pd.DataFrame(list(rijen))


# -- the matrix of small cases --------------------------------------------------------------------
TWEE = plan_met(("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig", "hermeldingen"]))
TWEE_DEELVRAGEN = plan_met(
    ("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]),
    ("Komen gezinnen terug?", ["hermeldingen"]),
)

GEVALLEN = {
    "alles_opvallend_dezelfde_kant": (
        TWEE,
        tabel(
            rij(
                "acuut_structureel_onveilig",
                OPVALLEND_HOGER,
                waarde=55.6,
                ref=42.8,
                vragen=["Waarom is het aandeel hier groter?"],
            ),
            rij("hermeldingen", OPVALLEND_HOGER, waarde=45.0, ref=37.0),
        ),
    ),
    "alles_mogelijk_toeval": (
        TWEE,
        tabel(
            rij(
                "acuut_structureel_onveilig",
                MOGELIJK_TOEVAL,
                waarde=44.0,
                ref=42.8,
                vragen=["Waarom is het aandeel hier groter?"],
            ),
            rij(
                "acuut_structureel_onveilig", MOGELIJK_TOEVAL, "jaar_eerder", waarde=44.0, ref=41.0
            ),
            rij("acuut_structureel_onveilig", MOGELIJK_TOEVAL, "verloop", waarde=44.0, ref=None),
            rij("hermeldingen", MOGELIJK_TOEVAL, waarde=35.0, ref=37.0),
        ),
    ),
    "gemengd": (
        TWEE_DEELVRAGEN,
        tabel(
            rij("acuut_structureel_onveilig", OPVALLEND_HOGER, waarde=55.6, ref=42.8),
            rij("hermeldingen", MOGELIJK_TOEVAL, waarde=35.0, ref=37.0),
        ),
    ),
    "tegengesteld": (
        TWEE,
        tabel(
            rij("acuut_structureel_onveilig", OPVALLEND_HOGER, waarde=55.6, ref=42.8),
            rij("hermeldingen", OPVALLEND_LAGER, waarde=30.0, ref=37.0),
        ),
    ),
    "geen_gegevens": (
        TWEE,
        tabel(
            rij(
                "acuut_structureel_onveilig",
                GEEN_GEGEVENS,
                waarde=None,
                ref=None,
                tekst="Het cijfer is onderdrukt: te weinig meldingen.",
            )
        ),
    ),
    "klein_verschil": (
        TWEE,
        tabel(
            rij("acuut_structureel_onveilig", KLEIN_VERSCHIL, waarde=44.0, ref=42.8),
            rij("hermeldingen", GEEN_VERSCHIL, waarde=37.0, ref=37.0),
        ),
    ),
    "oefendata": (
        TWEE_DEELVRAGEN,
        tabel(
            rij(
                "acuut_structureel_onveilig",
                OPVALLEND_HOGER,
                waarde=55.6,
                ref=42.8,
                herkomst="oefendata",
            ),
            rij("hermeldingen", MOGELIJK_TOEVAL, herkomst="oefendata"),
        ),
    ),
    "oefendata_zonder_uitsluitsel": (
        TWEE,
        tabel(rij("acuut_structureel_onveilig", MOGELIJK_TOEVAL, herkomst="oefendata")),
    ),
}


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_antwoord_heeft_twee_tot_vier_zinnen(naam):
    plan, bevindingen = GEVALLEN[naam]
    s = beantwoord(plan, bevindingen)
    assert 2 <= len(antwoordzinnen(s.antwoord)) <= 4, s.antwoord
    assert s.kern in s.antwoord
    assert s.sterkte in STERKTES and set(s.deelvragen["sterkte"]) <= set(STERKTES)
    assert s.hoofdvraag == plan.hoofdvraag
    assert "(en)" not in s.antwoord and "(en)" not in synthese_markdown(s)


def test_alles_opvallend_dezelfde_kant_wijst_erop():
    s = beantwoord(*GEVALLEN["alles_opvallend_dezelfde_kant"])
    assert s.sterkte == STERK and s.deelvragen["sterkte"].tolist() == [STERK]
    assert s.kern.startswith("De cijfers wijzen erop dat")
    assert "hoger is dan landelijk (55,6% tegen 42,8%)" in s.antwoord
    assert "uitsluitsel" not in s.antwoord
    assert "Waarom is het aandeel hier groter?" in s.vragen
    assert s.deelvragen["opvallend"].tolist() == [2]


def test_alles_mogelijk_toeval_geeft_geen_uitsluitsel():
    s = beantwoord(*GEVALLEN["alles_mogelijk_toeval"])
    assert s.sterkte == GEEN_UITSLUITSEL
    assert s.kern.startswith("De cijfers geven geen uitsluitsel over")
    assert "toeval" in s.kern and "wijzen erop" not in s.antwoord
    # Questions of findings that may be chance do not go to the conversation; general ones do.
    assert "Waarom is het aandeel hier groter?" not in s.vragen
    assert s.vragen == list(GESPREKSVRAGEN)


def test_gemengd_noemt_wat_opvalt_en_wat_geen_uitsluitsel_geeft():
    s = beantwoord(*GEVALLEN["gemengd"])
    assert s.deelvragen["sterkte"].tolist() == [BEPERKT, GEEN_UITSLUITSEL]
    assert s.sterkte == BEPERKT
    assert "De cijfers wijzen erop dat het aandeel meldingen met acute" in s.antwoord
    assert "al steunt dat op één indicator" in s.antwoord
    # a deelvraag is named by its question, never by a number the reader does not see
    assert "Over de deelvraag ‘Komen gezinnen terug?’ geven de cijfers geen uitsluitsel." in (
        s.antwoord
    )


def test_tegengestelde_richtingen_heten_wisselend():
    s = beantwoord(*GEVALLEN["tegengesteld"])
    assert s.deelvragen["sterkte"].tolist() == [WISSELEND]
    assert "niet dezelfde kant op" in s.antwoord
    assert (
        "Twee verschillende indicatoren laten een opvallend verschil van dezelfde soort zien"
        in (s.deelvragen["uitleg"].iloc[0])
    )


def test_categorieen_van_een_verdeling_spreken_elkaar_niet_tegen():
    # More short violence and less long violence both say "shorter": one distribution.
    plan = plan_met(
        (
            "Duurt het geweld korter?",
            ["duur_geweld_meldingen:> 5 jaar", "duur_geweld_meldingen:≤ 1 week"],
        )
    )
    s = beantwoord(
        plan,
        tabel(
            rij(
                "duur_geweld_meldingen", OPVALLEND_LAGER, categorie="> 5 jaar", waarde=1.4, ref=8.2
            ),
            rij(
                "duur_geweld_meldingen",
                OPVALLEND_HOGER,
                categorie="≤ 1 week",
                waarde=61.0,
                ref=54.6,
            ),
        ),
    )
    # One distribution is one indicator: its categories moving apart are one fact, not 'sterk'.
    assert s.sterkte == BEPERKT
    assert s.deelvragen["uitleg"].iloc[0].startswith("Eén indicator laat")
    assert "het aandeel meldingen waarbij het geweld langer dan vijf jaar duurde" in s.antwoord
    assert "(1,4% tegen 8,2%)" in s.antwoord


def test_geen_gegevens_geeft_geen_uitsluitsel_en_zegt_waarom():
    s = beantwoord(*GEVALLEN["geen_gegevens"])
    assert s.sterkte == GEEN_UITSLUITSEL
    assert "geen cijfers" in s.kern
    detail = " ".join(s.deelvragen["detail"].iloc[0])
    assert "onderdrukt" in detail  # the reason from the finding
    assert "geen bevindingen" in detail  # hermeldingen is not in the table at all


def test_klein_verschil_is_geen_bewijs():
    s = beantwoord(*GEVALLEN["klein_verschil"])
    assert s.sterkte == GEEN_UITSLUITSEL
    assert "te klein" in s.kern


@pytest.mark.parametrize("naam", ["oefendata", "oefendata_zonder_uitsluitsel"])
def test_oefendata_staat_in_de_eerste_zin(naam):
    s = beantwoord(*GEVALLEN[naam])
    assert s.oefendata
    eerste = zinnen(s.antwoord)[0]
    assert eerste.startswith("Dit zijn oefendata") and "Zaanstreek-Waterland" in eerste
    assert "oefendata" in s.grenzen[0]


def test_echte_cijfers_noemen_geen_oefendata():
    s = beantwoord(*GEVALLEN["gemengd"])
    assert not s.oefendata and "oefendata" not in s.antwoord.lower()


@pytest.mark.parametrize(
    "vergelijking", ["landelijk", "jaar_eerder", "vorige_periode", "verloop", "regios"]
)
@pytest.mark.parametrize("teken", [1, -1])
def test_mogelijk_toeval_is_nooit_hoger_of_lager(vergelijking, teken):
    plan = plan_met(("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]))
    s = beantwoord(
        plan,
        tabel(
            rij(
                "acuut_structureel_onveilig",
                MOGELIJK_TOEVAL,
                vergelijking,
                waarde=42.8 + teken * 5,
                ref=42.8,
                vragen=["Waarom is het hier hoger?"],
            ),
        ),
    )
    teksten = [s.antwoord, *s.deelvragen["toont"], *s.deelvragen["uitleg"], *s.vragen]
    for tekst in teksten:
        assert not RICHTINGSWOORDEN.search(tekst), tekst


@pytest.mark.parametrize(
    "oud", ["verschil kan toeval zijn", "hoger, mogelijk toeval", "lager, mogelijk toeval"]
)
def test_oudere_woorden_voor_toeval_worden_mogelijk_toeval(oud):
    plan = plan_met(("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]))
    s = beantwoord(plan, tabel(rij("acuut_structureel_onveilig", oud)))
    assert s.sterkte == GEEN_UITSLUITSEL
    assert "op toeval berusten" in s.deelvragen["uitleg"].iloc[0]
    assert not RICHTINGSWOORDEN.search(s.deelvragen["toont"].iloc[0])


def test_gecorrigeerde_p_telt_mee():
    plan = plan_met(("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]))
    bevindingen = tabel(
        rij("acuut_structureel_onveilig", OPVALLEND_HOGER, p=0.01, p_gecorrigeerd=0.2),
        rij(
            "acuut_structureel_onveilig", MOGELIJK_TOEVAL, "jaar_eerder", p=0.5, p_gecorrigeerd=0.6
        ),
    )
    s = beantwoord(plan, bevindingen)
    assert s.sterkte == GEEN_UITSLUITSEL and s.gecorrigeerd
    # corrected away: the main text says 'toeval' in plain words, no direction
    assert "op toeval berusten" in s.deelvragen["uitleg"].iloc[0]
    assert not RICHTINGSWOORDEN.search(s.deelvragen["toont"].iloc[0])
    regel = next(g for g in s.techniek if "toetsen gedaan" in g)
    assert "per indicator de vergelijkingen samen beoordeeld" in regel
    assert "Benjamini" not in regel  # method names belong in the technical note


def test_zonder_correctie_zegt_hoeveel_toeval_geeft():
    s = beantwoord(*GEVALLEN["alles_mogelijk_toeval"])
    assert s.toetsen == 4  # every row with a p-value is a test
    regel = next(g for g in s.techniek if "toetsen gedaan" in g)
    assert "ongeveer 0,2 uitkomsten met p onder 0,05" in regel


def test_norm_niet_gehaald_is_bewijs():
    plan = plan_met(("Halen we onze norm?", ["hermeldingen"]))
    s = beantwoord(plan, tabel(rij("hermeldingen", VOLDOET_NIET, "norm", waarde=41.0, ref=None)))
    assert s.sterkte == BEPERKT
    assert "de eigen norm (minstens 50%) niet haalt (41,0%)" in s.kern


def test_per_deelvraag_wat_de_monitor_niet_kan_zeggen():
    s = beantwoord(*GEVALLEN["alles_opvallend_dezelfde_kant"])
    niet = s.deelvragen["niet_te_zeggen"].iloc[0]
    assert ik.indicator("hermeldingen").beperking[:30].lower() in niet.lower()
    assert "registraties" in niet
    assert any("registraties" in g for g in s.grenzen)
    assert any("waardoor" in g for g in s.grenzen)


def test_deelvraag_zonder_indicator_gaat_naar_het_gesprek():
    plan = plan_met(
        ("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]),
        ("Weten ouderen waar ze terechtkunnen?", []),
    )
    s = beantwoord(plan, tabel(rij("acuut_structureel_onveilig", OPVALLEND_HOGER)))
    tweede = s.deelvragen.iloc[1]
    assert tweede["sterkte"] == GEEN_UITSLUITSEL and tweede["indicatoren"] == ""
    assert "geen indicator" in tweede["niet_te_zeggen"]
    assert any("Weten ouderen waar ze terechtkunnen?" in v for v in s.vragen)


def test_tabel_per_deelvraag_is_netjes():
    s = beantwoord(*GEVALLEN["gemengd"])
    assert s.deelvragen.columns.tolist() == [
        "nummer",
        "deelvraag",
        "soort",
        "waarom",
        "indicatoren",
        "toont",
        "detail",
        "sterkte",
        "uitleg",
        "niet_te_zeggen",
        "opvallend",
        "vragen",
    ]
    assert s.deelvragen["nummer"].tolist() == [1, 2]
    toont = s.deelvragen["toont"].iloc[0]
    assert "in Zaanstreek-Waterland hoger is dan landelijk (55,6% tegen 42,8%)" in toont
    assert s.deelvragen["detail"].iloc[0] == ["…"]  # the findings' own sentences, each once
    assert s.deelvragen["soort"].tolist() == ["niveau", "niveau"]


def test_getallen_per_10000_inwoners():
    plan = plan_met(("Is er meer gedwongen hulp?", ["ots_per_10000"]))
    s = beantwoord(plan, tabel(rij("ots_per_10000", OPVALLEND_HOGER, waarde=4.0, ref=2.5)))
    assert (
        "het aantal ondertoezichtstellingen per 10.000 inwoners in Zaanstreek-Waterland "
        "hoger is dan landelijk (4,0 tegen 2,5 per 10.000 inwoners)"
    ) in s.kern


def test_markdown_opent_met_het_antwoord():
    s = beantwoord(*GEVALLEN["oefendata"])
    md = synthese_markdown(s)
    assert md.startswith("### Antwoord op de hoofdvraag")
    assert md.index(s.antwoord) < md.index("### Per deelvraag") < md.index("### Vragen voor het")
    assert "Duiding met partners" in md
    assert "Duiding met partners" not in synthese_markdown(s, sjabloon=False)
    assert antwoord_markdown(s).endswith(s.antwoord)
    assert f"**{s.hoofdvraag}**" in antwoord_markdown(s)


def test_werkt_met_een_startvraag_als_plan():
    s = beantwoord(
        ik.startvraag("heftig_structureel_geweld"),
        tabel(rij("acuut_structureel_onveilig", OPVALLEND_HOGER)),
    )
    assert len(s.deelvragen) == 4 and s.deelvragen["waarom"].str.len().min() > 0


# -- integration: the real analysis -----------------------------------------------------------------
@pytest.fixture(scope="module")
def zaanstreek():
    plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", "Zaanstreek-Waterland", "2021H1")
    return plan, plan.analyseer()


def test_zaanstreek_waterland_structuur(zaanstreek):
    plan, bevindingen = zaanstreek
    s = beantwoord(plan, bevindingen)
    assert s.regio == "Zaanstreek-Waterland" and s.periode == "2021H1"
    assert len(s.deelvragen) == len(plan.deelvragen) == 4
    assert set(s.deelvragen["sterkte"]) <= set(STERKTES)
    assert 2 <= len(antwoordzinnen(s.antwoord)) <= 4
    assert zinnen(s.antwoord)[0].startswith("Dit zijn oefendata")
    assert s.toetsen > 0 and s.vragen
    assert plan.antwoord == s.antwoord  # analyseer() stores the answer in the plan


def test_zaanstreek_waterland_antwoord_noemt_de_ernstige_onveiligheid(zaanstreek):
    # The worked example (seed 004): 55,6% acute and/or structural unsafety against 42,8%.
    plan, bevindingen = zaanstreek
    s = beantwoord(plan, bevindingen)
    assert "acute en/of structurele onveiligheid" in s.kern
    assert "55,6%" in s.kern and "42,8%" in s.kern


@pytest.mark.parametrize("regio", ["Twente", "Friesland", "Zuid-Limburg"])
def test_echte_analyse_noemt_toeval_nooit_hoger_of_lager(regio):
    plan = Stappenplan.uit_startvraag("heftig_structureel_geweld", regio, "2021H2")
    bevindingen = plan.analyseer()
    s = beantwoord(plan, bevindingen)
    assert 2 <= len(antwoordzinnen(s.antwoord)) <= 4
    for r in s.deelvragen.itertuples():
        if r.sterkte == GEEN_UITSLUITSEL:
            # a clear finding of another kind than the deelvraag asks may follow ('Daarnaast')
            eigen = [z for z in zinnen(r.toont) if not z.startswith("Daarnaast")]
            assert not RICHTINGSWOORDEN.search(" ".join(eigen)), r.toont
    if s.sterkte == GEEN_UITSLUITSEL:
        eigen = [z for z in zinnen(s.antwoord) if not z.startswith("Daarnaast")]
        assert not RICHTINGSWOORDEN.search(" ".join(eigen)), s.antwoord


def test_oordeel_geen_toets_voor_aantallen():
    plan = plan_met(("Hoe vaak een huisverbod?", ["tijdelijk_huisverbod"]))
    s = beantwoord(
        plan, tabel(rij("tijdelijk_huisverbod", GEEN_TOETS, waarde=120, ref=5000, p=None))
    )
    assert s.sterkte == GEEN_UITSLUITSEL
    assert "geen toets" in s.kern or "geen cijfers" in s.kern


def test_lange_antwoorden_verwijzen_naar_de_deelvragen():
    plan = plan_met(
        ("Is de onveiligheid ernstiger?", ["acuut_structureel_onveilig"]),
        ("Komen gezinnen terug?", ["hermeldingen"]),
        ("Is er meer gedwongen hulp?", ["ots_per_10000", "overdracht_rvdk"]),
    )
    s = beantwoord(
        plan,
        tabel(
            rij("acuut_structureel_onveilig", OPVALLEND_HOGER, waarde=55.6, ref=42.8),
            rij("acuut_structureel_onveilig", OPVALLEND_HOGER, "verloop", waarde=55.6, ref=None),
            rij("hermeldingen", OPVALLEND_LAGER),
            rij("ots_per_10000", OPVALLEND_HOGER, waarde=4.0, ref=2.5),
            rij("overdracht_rvdk", OPVALLEND_HOGER, waarde=2.0, ref=1.5),
        ),
    )
    # One indicator with two clear comparisons is spelled out; the rest is counted.
    # The course row has no start value here: no rise or fall is claimed, only the verdict's side.
    assert "een verandering had die boven de landelijke lag" in s.kern
    assert "ook bij twee andere indicatoren zijn er opvallende verschillen" in s.kern
    assert not re.search(r"deelvra(ag|gen) \d", s.antwoord)
    assert 2 <= len(antwoordzinnen(s.antwoord)) <= 4


def test_geen_uitsluitsel_noemt_ook_ontbrekende_cijfers():
    s = beantwoord(
        TWEE,
        tabel(
            rij("acuut_structureel_onveilig", GEEN_GEGEVENS, waarde=None, ref=None),
            rij("hermeldingen", MOGELIJK_TOEVAL),
        ),
    )
    assert "voor één indicator zijn er geen cijfers die een vergelijking toelaten, en de " in (
        s.kern.lower()
    )
    assert "kunnen op toeval berusten" in s.kern


def test_geen_uitsluitsel_binnen_de_gewone_spreiding_zegt_dat_en_niet_toeval():
    from impactkit.oordelen import BINNEN_SPREIDING

    alleen = beantwoord(
        TWEE,
        tabel(
            rij("acuut_structureel_onveilig", BINNEN_SPREIDING),
            rij("hermeldingen", BINNEN_SPREIDING),
        ),
    )
    assert "de verschillen die er zijn, vallen binnen de gewone spreiding tussen regio's" in (
        alleen.kern.lower()
    )
    assert "toeval" not in alleen.kern
    gemengd = beantwoord(
        TWEE,
        tabel(
            rij("acuut_structureel_onveilig", BINNEN_SPREIDING),
            rij("hermeldingen", MOGELIJK_TOEVAL),
        ),
    )
    assert (
        "de verschillen kunnen op toeval berusten of vallen binnen de gewone spreiding tussen "
        "regio's"
    ) in gemengd.kern.lower()


def test_verloop_in_het_antwoord_volgt_de_eigen_verandering():
    # Fell from 2,1 to 1,7 while Nederland fell more: 'opvallend hoger' is not a rise.
    plan = plan_met(("Is er meer gedwongen hulp?", ["ots_per_10000"]))
    rijen = [
        rij("ots_per_10000", OPVALLEND_HOGER, "verloop", waarde=1.7, ref=2.1, **extra)
        for extra in [{"landelijke_verandering": -0.9, "minimum": 0.2}]
    ]
    s = beantwoord(plan, tabel(*rijen))
    assert "minder sterk is gedaald dan landelijk" in s.antwoord
    assert "gestegen" not in s.antwoord
