"""What a reader sees in the built handbook: no raw tool output, no placeholders, code collapsed.

These tests read the HTML of the session's one book build (the fixture ``boek`` in conftest.py);
they add no build of their own. A page's text is taken without its code cells' input (a
programmer may write ``None`` in code) and without scripts and styles.
"""

import re

import pytest

# Pages a policy reader follows: the code on them is collapsed behind 'Toon de code'.
ZONDER_OPEN_CODE = [
    "book/impactmonitor.html",
    "book/indicatoren.html",
    "book/cbs-dashboard.html",
    "book/stappenplan/index.html",
    "book/stappenplan/hoofdvraag.html",
    "book/stappenplan/deelvragen.html",
    "book/stappenplan/indicatoren-kiezen.html",
    "book/stappenplan/vergelijken.html",
    "book/stappenplan/analyseren.html",
    "book/stappenplan/duiden.html",
    "book/voorbeelden/zaanstreek-waterland.html",
    "book/voorbeelden/bereik.html",
    "book/voorbeelden/zorg-en-veiligheid.html",
    "book/goede-gesprek.html",
]

STAPPEN = [p for p in ZONDER_OPEN_CODE if p.startswith("book/stappenplan/") and "index" not in p]

# Raw pandas/Python output that a reader should never see (the API reference quotes docstrings
# and is checked for placeholders only).
RUW = {
    "pandas Series-voettekst": r"\bdtype: \w+|\bName: \w+,",
    "pandas lege waarde": r"<NA>|\bNaN\b|\bnan\b|\bNone\b",
    "lang kommagetal": r"(?<![\d.,])\d+\.\d{5,}(?![\d.])",
    "getal met .0": r"(?<![\d.,])\d{2,}\.0(?![\d.])",
    "Python-woordenboek": r"\{'\w+': ",
}

PLAATSHOUDERS = [
    r"(?i)nog te bepalen",
    r"(?i)herkomst niet vastgesteld",
    r"(?i)plaats voor een kaart",
    r"\bTODO\b",
    r"\bFIXME\b",
    r"ISSUE_TEKST",
    r"(?i)lorem ipsum",
]


def _html(boek, pad: str) -> str:
    html, _ = boek
    return (html / pad).read_text(encoding="utf-8")


def _leestekst(html: str) -> str:
    """The text a reader sees: no scripts, styles or code-cell input, tags removed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<div class="cell_input.*?</pre></div>\s*</div>\s*</div>', " ", html, flags=re.S)
    tekst = re.sub(r"<[^>]+>", " ", html)
    tekst = tekst.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"\s+", " ", tekst)


def _paginas(boek):
    html, _ = boek
    for pad in sorted(html.rglob("*.html")):
        deel = pad.relative_to(html).as_posix()
        if deel.startswith(("_static", "_sources", "_modules")) or deel in ("genindex.html",):
            continue
        yield deel, pad.read_text(encoding="utf-8")


def test_geen_ruwe_uitvoer_van_pandas(boek):
    gevonden = []
    for pad, html in _paginas(boek):
        if pad in ("book/api.html", "search.html"):
            continue
        # A styled table shows a missing value as a bare '<NA>' tag, which the browser hides.
        if re.search(r"<NA>", html):
            gevonden.append(f"{pad}: '<NA>' als ruwe tag in een tabel")
        tekst = _leestekst(html)
        for soort, patroon in RUW.items():
            for m in re.finditer(patroon, tekst):
                gevonden.append(f"{pad}: {soort}: …{tekst[max(0, m.start() - 50) : m.end() + 30]}…")
    assert gevonden == []


def test_geen_plaatshouders(boek):
    gevonden = [
        f"{pad}: {patroon}"
        for pad, html in _paginas(boek)
        for patroon in PLAATSHOUDERS
        if re.search(patroon, _leestekst(html))
    ]
    assert gevonden == []


@pytest.mark.parametrize("pad", ZONDER_OPEN_CODE)
def test_code_staat_ingeklapt(boek, pad):
    html = _html(boek, pad)
    alle = len(re.findall(r'<div class="cell_input', html))
    ingeklapt = len(re.findall(r'</summary>\s*<div class="cell_input', html))
    assert alle == ingeklapt, f"{alle - ingeklapt} van de {alle} codecellen staan open"


def test_dias_tonen_echte_tabellen(boek):
    html = _html(boek, "book/workshop/presentatie.html")
    tekst = _leestekst(html)
    assert not re.search(r"\|\s*(Stap|Tijd)\s*\|", tekst)
    assert "| ---" not in tekst and "| —" not in tekst
    koppen = re.findall(r"<th[^>]*>(.*?)</th>", html, flags=re.S)
    koppen = [re.sub(r"<[^>]+>", "", k).strip() for k in koppen]
    assert "Wat je aan het eind hebt" in koppen and "Werkvorm" in koppen


@pytest.mark.parametrize("pad", STAPPEN)
def test_stappen_linken_naar_de_begrippenlijst(boek, pad):
    assert re.search(r'href="[./]*begrippenlijst\.html#term-', _html(boek, pad)), pad


def test_begrippenlijst_legt_de_kernbegrippen_uit(boek):
    tekst = _leestekst(_html(boek, "book/begrippenlijst.html"))
    for begrip in (
        "Advies",
        "Melding",
        "Hermelding",
        "Casus",
        "Veiligheidsbeoordeling",
        "Ondertoezichtstelling (OTS)",
        "Teller en noemer",
        "Interval",
        "p-waarde",
        "Cohortstudie",
        "Registratie",
        "Onderdrukt",
    ):
        assert begrip in tekst, begrip


def test_een_uitleg_van_het_interval(boek):
    # One explanation everywhere: how much a figure moves by chance alone. A poll's margin,
    # 'the true figure' and 'if you could measure again' suggest a sample, which a complete
    # registration is not.
    for pad, html in _paginas(boek):
        tekst = _leestekst(html)
        for fout in (
            "zoals een peiling",
            "zoals bij een peiling",
            "het 'echte' cijfer",
            "het ‘echte’ cijfer",
            "meting zou kunnen overdoen",
            "meting opnieuw kon doen",
        ):
            assert fout not in tekst, (pad, fout)


def test_p_waarde_en_toeval_niet_te_stellig(boek):
    for pad, html in _paginas(boek):
        tekst = _leestekst(html)
        for fout in ("kans dat het alleen door toeval komt", "Dat is geen toeval"):
            assert fout not in tekst, (pad, fout)


def test_taal_voor_beleidslezers(boek):
    verboden = [
        "vallen 1 van de",
        "nog 1 regio's",
        "nog 1 regio’s",
        "Dat zoeken wordt betaald",
        "na betaling voor",
        "declareer je",
        "groepspad",
        "Onthullingscontrole",
        "een beetje buiten het model",
        "geen verwijt aan de Raad",
        "vanaf 0, zoals Python",
        "Het plan als object",
    ]
    for pad, html in _paginas(boek):
        if pad == "book/api.html":
            continue
        tekst = _leestekst(html)
        for woorden in verboden:
            assert woorden not in tekst, (pad, woorden)


def test_nieuwe_hoofdstukken(boek):
    dashboard = _leestekst(_html(boek, "book/cbs-dashboard.html"))
    assert "dashboards.cbs.nl" in _html(boek, "book/cbs-dashboard.html")
    for woorden in (
        "Landelijk",
        "Regionaal",
        "Tijdreeksen",
        "belangrijke beleidsvragen",
        "Download",
    ):
        assert woorden in dashboard, woorden
    handreikingen = _leestekst(_html(boek, "book/goede-gesprek.html")) + _leestekst(
        _html(boek, "book/lokale-indicatoren.html")
    )
    assert "Handreiking 07" in handreikingen and "Handreiking 08" in handreikingen
    assert "geen extra registratielast" in handreikingen
    privacy = _leestekst(_html(boek, "book/privacy.html"))
    assert "AVG" in privacy and "beroepsgeheim" in privacy
    for pad in ("book/goede-gesprek.html", "book/stappenplan/duiden.html"):
        assert 'href="privacy.html' in _html(boek, pad) or 'href="../privacy.html' in _html(
            boek, pad
        ), pad


def test_hermeldingen_zeggen_dat_het_dashboard_ze_niet_heeft(boek):
    # The final report advises hermeldingen only 'op termijn' and the dashboard does not have
    # them: every page that builds on them says so (or links to the glossary entry that does).
    for pad, html in _paginas(boek):
        if pad in ("book/api.html", "search.html", "book/begrippenlijst.html"):
            continue
        tekst = _leestekst(html)
        if "hermelding" not in tekst.lower() or not pad.startswith(
            ("book/stappenplan", "book/voorbeelden")
        ):
            continue
        assert "op termijn" in tekst or "begrippenlijst.html#term-hermelding" in html, pad


def test_zaanstreek_waterland_noemt_waar_het_afwijkt_van_de_bron(boek):
    tekst = _leestekst(_html(boek, "book/voorbeelden/zaanstreek-waterland.html"))
    assert "Waar dit voorbeeld afwijkt van het gepubliceerde voorbeeld" in tekst
    for woorden in (
        "bestaande",
        "nieuwe casussen",
        "Neemt recidive af?",
        "bij adviezen",
        "iets toegenomen",
    ):
        assert woorden in tekst, woorden
    # the list of questions for the conversation is printed once
    assert tekst.count("Vragen voor het gesprek met partners") == 1
