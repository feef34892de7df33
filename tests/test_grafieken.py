"""Charts: tested through ``chart.to_dict()`` (encodings, titles, data), exports by their files."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

import impactkit as ik
from impactkit import grafieken as gr
from impactkit.grafieken.bewaren import _slug
from impactkit.grafieken.uiterlijk import KAART_KLEUREN, MARKERING_KLEUR, OORDEEL_STIJL, RAND_KLEUR
from impactkit.opmaak import VEGA_LOCALE
from impactkit.paden import data_pad
from impactkit.regioindeling import vt_codes
from impactkit.vergelijken import met_intervallen

REGIO = "Zaanstreek-Waterland"
CODE = "VT22"
PERIODE = "2021H1"
PNG_HANDTEKENING = b"\x89PNG\r\n\x1a\n"


# -- Helpers ---------------------------------------------------------------------------------------
def lagen(spec: dict) -> list[dict]:
    """All unit specs of a (nested) layer spec."""
    if "layer" in spec:
        return [u for laag in spec["layer"] for u in lagen(laag)]
    return [spec]


def rijen(spec: dict) -> list[dict]:
    """Every inline data row of a spec: top-level datasets plus any inline ``values``."""
    uit = [r for waarden in spec.get("datasets", {}).values() for r in waarden]

    def zoek(deel: object) -> None:
        if isinstance(deel, dict):
            if isinstance(deel.get("values"), list):
                uit.extend(deel["values"])
            for k, v in deel.items():
                if k != "datasets":
                    zoek(v)
        elif isinstance(deel, list):
            for v in deel:
                zoek(v)

    zoek({k: v for k, v in spec.items() if k != "datasets"})
    return uit


def ondertitel(spec: dict) -> list[str]:
    sub = spec["title"]["subtitle"]
    return [sub] if isinstance(sub, str) else list(sub)


def kleur_van(encoding: dict, waarde: str) -> str:
    schaal = encoding["color"]["scale"]
    return schaal["range"][schaal["domain"].index(waarde)]


@pytest.fixture(scope="module")
def eigen_data(oefendata: pd.DataFrame) -> pd.DataFrame:
    """The practice data relabelled as the user's own figures."""
    df = oefendata.copy()
    df["herkomst"] = pd.array(["eigen data"] * len(df), dtype="string")
    return df


@pytest.fixture(scope="module")
def grafieken(oefendata: pd.DataFrame) -> dict[str, dict]:
    """One spec of every chart kind (built once: specs are plain dicts)."""
    d = oefendata
    return {
        "staaf": gr.staaf_vergelijking("acuut_structureel_onveilig", REGIO, PERIODE, data=d),
        "tijdreeks": gr.tijdreeks("hermeldingen", REGIO, data=d),
        "rangorde": gr.rangorde("hermeldingen", PERIODE, REGIO, data=d),
        "trechter": gr.trechter("acuut_structureel_onveilig", PERIODE, REGIO, data=d),
        "verdeling": gr.verdeling_grafiek("melder_type", REGIO, PERIODE, data=d),
        "kaart": gr.kaart("meldingen_per_10000", PERIODE, REGIO, data=d),
    }


@pytest.fixture(scope="module")
def specs(grafieken: dict) -> dict[str, dict]:
    return {k: g.to_dict() for k, g in grafieken.items()}


# -- Every chart -----------------------------------------------------------------------------------
def test_soort_grafiek(grafieken):
    for g in grafieken.values():
        assert isinstance(g, alt.LayerChart)


def test_dutch_locale_and_theme_on_every_chart(specs):
    for naam, spec in specs.items():
        assert spec["config"]["locale"]["number"] == VEGA_LOCALE, naam
        assert spec["config"]["locale"]["number"]["decimal"] == ","
        assert spec["config"]["axis"]["labelFontSize"] >= 11
        assert spec["config"]["title"]["fontSize"] >= 14


def test_geen_globaal_thema(specs):
    # The kit's look rides on each chart; a plain Altair chart is left alone.
    kaal = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q").to_dict()
    assert "locale" not in kaal.get("config", {})


def test_oefendata_caption_on_every_chart(specs):
    for naam, spec in specs.items():
        regels = ondertitel(spec)
        assert gr.OEFENDATA_TEKST in regels, naam
        assert any(r.startswith("Bron:") for r in regels), naam


def test_caption_for_own_data_has_no_practice_warning(eigen_data):
    maak = [
        lambda: gr.staaf_vergelijking("hermeldingen", REGIO, PERIODE, data=eigen_data),
        lambda: gr.tijdreeks("hermeldingen", REGIO, data=eigen_data),
        lambda: gr.rangorde("hermeldingen", PERIODE, REGIO, data=eigen_data),
        lambda: gr.trechter("hermeldingen", PERIODE, REGIO, data=eigen_data),
        lambda: gr.verdeling_grafiek("melder_type", REGIO, PERIODE, data=eigen_data),
        lambda: gr.kaart("hermeldingen", PERIODE, REGIO, data=eigen_data),
    ]
    for f in maak:
        regels = ondertitel(f().to_dict())
        assert gr.OEFENDATA_TEKST not in regels
        assert not any("Oefendata" in r or "oefendata" in r for r in regels)
        assert gr.BRON_EIGEN in regels


def test_mixed_data_still_warns(eigen_data):
    # One practice row among own data is enough for the warning.
    df = eigen_data.copy()
    df.loc[(df["regio_code"] == "NL01") & (df["indicator"] == "hermeldingen"), "herkomst"] = (
        "oefendata"
    )
    regels = ondertitel(gr.staaf_vergelijking("hermeldingen", REGIO, PERIODE, data=df).to_dict())
    assert gr.OEFENDATA_TEKST in regels
    assert gr.BRON_EIGEN in " ".join(regels)


def test_national_practice_row_warns_on_ranking_and_map(eigen_data):
    # Nederland is drawn as a line on the ranking and used in the map's caption rows.
    df = eigen_data.copy()
    df.loc[df["regio_code"] == "NL01", "herkomst"] = "oefendata"
    for g in (
        gr.rangorde("hermeldingen", PERIODE, data=df),
        gr.kaart("hermeldingen", PERIODE, data=df),
    ):
        assert gr.OEFENDATA_TEKST in ondertitel(g.to_dict())


def test_cbs_caption_names_table(eigen_data):
    df = eigen_data.copy()
    df["herkomst"] = "CBS"
    regels = ondertitel(
        gr.staaf_vergelijking("acuut_structureel_onveilig", REGIO, PERIODE, data=df).to_dict()
    )
    assert "Bron: CBS Impactmonitor (Beleidsinformatie Veilig Thuis, tabel 84852NED)" in regels
    assert gr.OEFENDATA_TEKST not in regels


def test_onderdrukt_caption_only_when_suppressed(oefendata):
    met = gr.verdeling_grafiek("melder_type", REGIO, PERIODE, data=oefendata).to_dict()
    zonder = gr.verdeling_grafiek("duur_geweld_meldingen", REGIO, PERIODE, data=oefendata)
    assert gr.ONDERDRUKT_TEKST in ondertitel(met)
    assert gr.ONDERDRUKT_TEKST not in ondertitel(zonder.to_dict())


def test_inline_data_small(specs):
    # Only aggregated rows: never more rows than drawn, never the observation columns.
    grenzen = {
        "staaf": 2,
        "tijdreeks": 2 * 12,
        "rangorde": 26 + 1,
        "verdeling": 2 * 10,
        "kaart": 26 + 26 + 1,
        "trechter": 26 + 3 * 60 + 1,
    }  # plus the plain 95% limits
    for naam, spec in specs.items():
        json.dumps(spec, allow_nan=False)  # strict JSON: missing values are null, never NaN
        data = rijen(spec)
        assert 0 < len(data) <= grenzen[naam], (naam, len(data))
        velden = set().union(*(r.keys() for r in data))
        assert not velden & {"teller", "herkomst", "indicator", "eenheid"}, naam


# -- 1. staaf_vergelijking -------------------------------------------------------------------------
def test_staaf_encodings_and_titles(specs):
    spec = specs["staaf"]
    assert spec["title"]["text"] == "Meldingen met acute en/of structurele onveiligheid"
    assert ondertitel(spec)[0].startswith(f"{REGIO} vergeleken met Nederland, 1e halfjaar 2021")
    staaf = next(u for u in lagen(spec) if u["mark"]["type"] == "bar")
    enc = staaf["encoding"]
    assert enc["x"]["field"] == "waarde" and enc["x"]["type"] == "quantitative"
    assert enc["x"]["title"] == "Percentage (%)"
    assert enc["y"]["field"] == "regio" and enc["y"]["type"] == "nominal"
    assert kleur_van(enc, REGIO) == gr.ACCENT
    assert kleur_van(enc, "Nederland") == gr.LANDELIJK
    fout = next(u for u in lagen(spec) if u["mark"]["type"] == "rule")
    assert fout["encoding"]["x"]["field"] == "laag" and fout["encoding"]["x2"]["field"] == "hoog"
    data = {r["regio"]: r for r in rijen(spec)}
    assert set(data) == {REGIO, "Nederland"}
    assert round(data[REGIO]["waarde"], 1) == 55.6
    assert data[REGIO]["laag"] < data[REGIO]["waarde"] < data[REGIO]["hoog"]


def test_staaf_intervals_from_vergelijken(specs, oefendata):
    verwacht = met_intervallen(ik.reeks("acuut_structureel_onveilig", CODE))
    verwacht = verwacht[verwacht["periode"] == PERIODE].iloc[0]
    rij = next(r for r in rijen(specs["staaf"]) if r["regio"] == REGIO)
    assert rij["laag"] == pytest.approx(float(verwacht["laag"]), abs=1e-3)
    assert rij["hoog"] == pytest.approx(float(verwacht["hoog"]), abs=1e-3)


def test_staaf_region_by_code_and_without_national_rows(oefendata):
    alleen_regio = oefendata[oefendata["regio_code"] == CODE]
    spec = gr.staaf_vergelijking("hermeldingen", CODE, PERIODE, data=alleen_regio).to_dict()
    assert [r["regio"] for r in rijen(spec)] == [REGIO]


# -- 2. tijdreeks ----------------------------------------------------------------------------------
def test_tijdreeks_encodings(specs):
    spec = specs["tijdreeks"]
    assert spec["title"]["text"] == "Hermeldingen"
    soorten = [u["mark"]["type"] for u in lagen(spec)]
    assert soorten == ["area", "line", "point"]
    band, lijn, punt = lagen(spec)
    assert band["encoding"]["y"]["field"] == "laag" and band["encoding"]["y2"]["field"] == "hoog"
    assert band["mark"]["color"] == gr.ACCENT
    x = lijn["encoding"]["x"]
    assert x["field"] == "periode" and x["type"] == "ordinal" and x["title"] == "Periode"
    assert x["sort"] == sorted(x["sort"]) and x["sort"][0] == "2020H1"
    assert kleur_van(lijn["encoding"], REGIO) == gr.ACCENT
    assert kleur_van(punt["encoding"], "Nederland") == gr.LANDELIJK
    assert {r["regio"] for r in rijen(spec)} == {REGIO, "Nederland"}


# -- 3. rangorde -----------------------------------------------------------------------------------
def test_rangorde_all_regions_sorted_and_highlighted(specs):
    spec = specs["rangorde"]
    data = [r for r in rijen(spec) if "regio" in r]
    assert len(data) == 26
    punten = next(u for u in lagen(spec) if u["mark"]["type"] == "circle")
    enc = punten["encoding"]
    assert enc["x"]["field"] == "waarde" and enc["x"]["type"] == "quantitative"
    volgorde = enc["y"]["sort"]
    waarden = {r["regio"]: r["waarde"] for r in data}
    assert [waarden[n] for n in volgorde] == sorted(waarden.values(), reverse=True)
    eigen = next(r for r in data if r["regio"] == REGIO)
    assert kleur_van(enc, eigen["groep"]) == gr.ACCENT
    assert kleur_van(enc, "Andere regio's") == gr.OVERIG
    nl = next(u for u in lagen(spec) if u["mark"]["type"] == "rule" and "x2" not in u["encoding"])
    assert nl["encoding"]["x"]["field"] == "landelijk"
    nl_label = next(d for d in enc["color"]["scale"]["domain"] if d.startswith("Nederland"))
    assert nl_label == "Nederland (37,1%)"
    assert kleur_van(nl["encoding"], nl_label) == gr.LANDELIJK


def test_rangorde_without_region_and_with_suppressed(oefendata):
    spec = gr.rangorde("melder_type", PERIODE, categorie="Kinderopvang", data=oefendata).to_dict()
    assert gr.ACCENT not in str(spec["layer"])
    assert gr.ONDERDRUKT_TEKST in ondertitel(spec)
    assert any(u["mark"]["type"] == "text" for u in lagen(spec))  # 'onderdrukt' labels


# -- 4. trechter -----------------------------------------------------------------------------------
def test_trechter_limits_points_and_national_rule(specs):
    spec = specs["trechter"]
    alle = lagen(spec)
    grenslijnen = [u for u in alle if u["mark"]["type"] == "line"]
    assert {u["encoding"]["y"]["field"] for u in grenslijnen} == {"laag", "hoog"}
    streep = grenslijnen[0]["encoding"]["strokeDash"]
    assert streep["field"] == "grens"
    assert streep["scale"]["domain"] == ["95%-grens", "99,8%-grens"]
    assert {r["grens"] for r in rijen(spec) if "grens" in r} == {"95%-grens", "99,8%-grens"}
    punten = next(u for u in alle if u["mark"]["type"] == "circle")
    enc = punten["encoding"]
    assert enc["x"]["field"] == "noemer" and enc["y"]["field"] == "waarde"
    assert {t["field"] for t in enc["tooltip"]} >= {"regio", "positie"}
    assert kleur_van(enc, REGIO) == gr.ACCENT
    regio_rij = next(r for r in rijen(spec) if r.get("regio") == REGIO)
    assert regio_rij["groep"] == REGIO and regio_rij["positie"].startswith("boven")
    nl = next(u for u in alle if u["mark"]["type"] == "rule")
    assert nl["encoding"]["y"]["field"] == "landelijk" and nl["mark"]["color"] == gr.LANDELIJK


def test_trechter_legends_under_the_plot_one_under_the_other(specs):
    """Side by side above the plot they ran past the chart's edge on a phone (issue 22)."""
    spec = specs["trechter"]
    legendas = [
        enc[kanaal]["legend"]
        for u in lagen(spec)
        for enc in [u.get("encoding", {})]
        for kanaal in ("color", "strokeDash")
        if enc.get(kanaal, {}).get("legend")
    ]
    assert len(legendas) >= 2 and all(leg["orient"] == "bottom" for leg in legendas)
    assert {leg.get("columns") for leg in legendas} == {1, 2}  # the region's name: own line
    layout = spec["config"]["legend"]["layout"]["expr"]
    assert "bottom" in layout and "direction: 'vertical'" in layout


@pytest.mark.browser
def test_trechter_legend_fits_at_390_px(chromium, tmp_path):
    """In the report at 390 px the funnel is drawn for the width: every text of the drawn SVG
    (legend, axes, the region's name) lies within the SVG's box."""
    import time

    from impactkit.rapport import grafiek_html, schrijf_vega, sjabloon, svg_zonder_titel

    bundel = schrijf_vega(tmp_path)
    # A long name, its point in the middle of the plot: the widest case the practice data give.
    spec = gr.trechter("ots_per_10000", "2024H2", regio="Noord- en Midden-Limburg").to_dict()
    pagina = tmp_path / "trechter.html"
    pagina.write_text(
        f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Trechter</title>
<style>{sjabloon("rapport.css")}</style></head><body><main>
{grafiek_html(spec, svg_zonder_titel(spec), 1)}</main>
<script src="{bundel.parent.name}/{bundel.name}"></script><script>{sjabloon("rapport.js")}</script>
</body></html>""",
        encoding="utf-8",
    )
    tab = chromium.tabblad(breedte=390)
    try:
        tab.open(pagina)
        for _ in range(50):
            if tab.evalueer("!!document.querySelector('figure.grafiek.interactief .vega svg')"):
                break
            time.sleep(0.2)
        meting = tab.evalueer(
            """(() => {
            const svg = document.querySelector('figure.grafiek .vega svg');
            const b = svg.getBoundingClientRect();
            const tekst = (sel) => Array.from(svg.querySelectorAll(sel))
                .filter(t => t.textContent.trim())
                .map(t => { const r = t.getBoundingClientRect();
                    return [t.textContent, r.left, r.right, r.top, r.bottom]; });
            return {box: [b.left, b.right, b.top, b.bottom], legenda: tekst('.role-legend text'),
                    alle: tekst('text')};
        })()"""
        )
        links, rechts, boven, onder = meting["box"]
        assert rechts - links <= 390
        legenda = [t[0] for t in meting["legenda"]]
        assert {"95%-grens", "99,8%-grens", "Noord- en Midden Limburg", "Andere regio's"} <= set(
            legenda
        ), legenda
        buiten = [
            t
            for t in meting["alle"]
            if t[1] < links - 0.5 or t[2] > rechts + 0.5 or t[3] < boven - 0.5 or t[4] > onder + 0.5
        ]
        assert buiten == [], buiten
        assert tab.evalueer("document.documentElement.scrollWidth") <= 390
        assert tab.geblokkeerd == []
    finally:
        tab.sluit()


def test_trechter_with_suppressed_region_says_so(oefendata):
    spec = gr.trechter("melder_type", PERIODE, REGIO, categorie="Kinderopvang", data=oefendata)
    spec = spec.to_dict()
    assert any(r.startswith(f"{REGIO} ontbreekt") for r in ondertitel(spec))
    assert REGIO not in {r.get("regio") for r in rijen(spec)}
    assert gr.ONDERDRUKT_TEKST in ondertitel(spec)


def test_staaf_suppressed_region_is_labelled(oefendata):
    spec = gr.staaf_vergelijking(
        "melder_type", REGIO, PERIODE, categorie="Kinderopvang", data=oefendata
    ).to_dict()
    eigen = next(r for r in rijen(spec) if r["regio"] == REGIO)
    assert eigen["waarde"] is None
    assert f"'{gr.ONDERDRUKT_LABEL}'" in str(spec["layer"])
    assert gr.ONDERDRUKT_TEKST in ondertitel(spec)


def test_trechter_needs_share_or_rate(oefendata):
    with pytest.raises(ik.GeenWaarde, match="trechterdiagram"):
        gr.trechter("meldingen", PERIODE, data=oefendata)


# -- 5. verdeling ----------------------------------------------------------------------------------
def test_verdeling_grouped_in_catalogue_order(specs):
    spec = specs["verdeling"]
    staaf = next(u for u in lagen(spec) if u["mark"]["type"] == "bar")
    enc = staaf["encoding"]
    assert enc["y"]["field"] == "categorie"
    assert enc["y"]["sort"] == list(ik.indicator("melder_type").categorieen)
    assert enc["yOffset"]["field"] == "regio"
    assert kleur_van(enc, REGIO) == gr.ACCENT and kleur_van(enc, "Nederland") == gr.LANDELIJK
    assert len([r for r in rijen(spec) if r["regio"] == REGIO]) == 10


def test_verdeling_stacked(oefendata):
    spec = gr.verdeling_grafiek(
        "duur_geweld_meldingen", REGIO, PERIODE, gestapeld=True, data=oefendata
    ).to_dict()
    enc = lagen(spec)[0]["encoding"]
    assert enc["x"]["stack"] == "zero" and enc["color"]["field"] == "categorie"
    assert enc["color"]["scale"]["domain"] == list(
        ik.indicator("duur_geweld_meldingen").categorieen
    )


def test_verdeling_needs_distribution(oefendata):
    with pytest.raises(ik.GeenWaarde, match="geen verdeling"):
        gr.verdeling_grafiek("hermeldingen", REGIO, PERIODE, data=oefendata)


# -- 6. kaart --------------------------------------------------------------------------------------
def test_kaart_features_lookup_and_outline(specs):
    spec = specs["kaart"]
    gebieden = spec["datasets"][spec["data"]["name"]]
    assert len(gebieden) == 26
    assert {f["properties"]["vt_code"] for f in gebieden} == set(vt_codes())
    alle = lagen(spec)
    assert {u["mark"]["type"] for u in alle} == {"geoshape", "text"}  # text: the region's name
    opzoeken = [t["lookup"] for u in alle for t in u.get("transform", []) if "lookup" in t]
    assert opzoeken and set(opzoeken) == {"properties.vt_code"}
    waarden = spec["datasets"]["vt_waarden"]
    assert len(waarden) == 26 and {"regio_code", "waarde"} <= set(waarden[0])
    rand = next(u for u in alle if u["mark"].get("stroke") == gr.ACCENT)
    assert CODE in str(rand["transform"])
    # More than an orange border: a black outline under it and the name on a white halo.
    zwart = next(u for u in alle if u["mark"].get("stroke") == "#000000")
    assert zwart["mark"]["strokeWidth"] > rand["mark"]["strokeWidth"] >= 3
    assert CODE in str(zwart["transform"])
    naam = [r for r in rijen(spec) if r.get("naam") == REGIO]
    assert len(naam) == 1 and 4.5 < naam[0]["lon"] < 5.2 and 52.3 < naam[0]["lat"] < 52.7
    halo = [u for u in alle if u["mark"]["type"] == "text"]
    assert {u["mark"].get("stroke") for u in halo} == {"white", None}
    kleur = next(u for u in alle if u["encoding"].get("color", {}).get("field") == "waarde")
    assert kleur["encoding"]["color"]["type"] == "quantitative"


def test_kaart_coordinates_untouched(specs):
    with open(data_pad("referentie", "vt_regions.geojson"), encoding="utf-8") as f:
        bron = {ft["properties"]["vt_code"]: ft["geometry"] for ft in json.load(f)["features"]}
    for ft in specs["kaart"]["datasets"]["vt_gebieden"]:
        assert ft["geometry"] == bron[ft["properties"]["vt_code"]]


def test_kaart_suppressed_regions_get_legend(oefendata):
    spec = gr.kaart("melder_type", PERIODE, REGIO, categorie="Kinderopvang", data=oefendata)
    spec = spec.to_dict()
    onderdrukt = [r for r in spec["datasets"]["vt_waarden"] if r["waarde"] is None]
    assert onderdrukt
    grijs = next(
        u for u in lagen(spec) if u["encoding"].get("color", {}).get("field") == "toestand"
    )
    assert grijs["encoding"]["color"]["scale"]["range"] == [gr.ONDERDRUKT_KLEUR]
    assert grijs["encoding"]["color"]["legend"] is not None


# -- Errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "maak",
    [
        lambda d: gr.staaf_vergelijking("prevalentie_huiselijk_geweld", REGIO, "2020", data=d),
        lambda d: gr.tijdreeks("prevalentie_huiselijk_geweld", REGIO, data=d),
        lambda d: gr.rangorde("prevalentie_huiselijk_geweld", "2020", data=d),
        lambda d: gr.kaart("prevalentie_huiselijk_geweld", "2020", data=d),
    ],
)
def test_national_only_indicator_raises(oefendata, maak):
    with pytest.raises(ik.GeenWaarde, match="landelijk|niet per regio"):
        maak(oefendata)


@pytest.mark.parametrize(
    "maak",
    [
        lambda d: gr.staaf_vergelijking("hermeldingen", REGIO, "2019H1", data=d),
        lambda d: gr.rangorde("hermeldingen", "2019H1", data=d),
        lambda d: gr.trechter("hermeldingen", "2019H1", data=d),
        lambda d: gr.kaart("hermeldingen", "2019H1", data=d),
        lambda d: gr.verdeling_grafiek("melder_type", REGIO, "2030H1", data=d),
    ],
)
def test_period_without_data_raises(oefendata, maak):
    with pytest.raises(ik.GeenWaarde, match="[Gg]een cijfer"):
        maak(oefendata)


def test_staaf_names_available_periods(oefendata):
    with pytest.raises(ik.GeenWaarde, match="Beschikbare perioden: 2020H1"):
        gr.staaf_vergelijking("hermeldingen", REGIO, "2019H1", data=oefendata)


# -- The whole catalogue: the practice warning is never missing ------------------------------------
def _regionale_indicatoren() -> list[tuple[str, str, str | None]]:
    df = ik.laad()
    uit = []
    for ind_id in ik.catalogus()["id"]:
        ind = ik.indicator(ind_id)
        sel = df[(df["indicator"] == ind_id) & (df["regio_code"] != "NL01")]
        if not ind.is_regionaal or sel.empty:
            continue
        laatste = max(sel["periode"].map(ik.periode)).code
        uit.append((ind_id, laatste, ind.categorieen[0] if ind.is_verdeling else None))
    return uit


@pytest.mark.parametrize("ind_id, periode, categorie", _regionale_indicatoren())
def test_every_regional_indicator_ranks_with_warning(oefendata, ind_id, periode, categorie):
    spec = gr.rangorde(ind_id, periode, categorie=categorie, data=oefendata).to_dict()
    assert gr.OEFENDATA_TEKST in ondertitel(spec)
    assert spec["title"]["text"] == ik.indicator(ind_id).naam


# -- Export ----------------------------------------------------------------------------------------
def test_bewaar_png(grafieken, tmp_path):
    pad = gr.bewaar(grafieken["staaf"], tmp_path / "sub" / "staaf.png")
    assert pad == tmp_path / "sub" / "staaf.png"
    inhoud = pad.read_bytes()
    assert inhoud.startswith(PNG_HANDTEKENING)
    assert len(inhoud) > 10_000


def test_bewaar_svg_with_dutch_numbers(grafieken, tmp_path):
    pad = gr.bewaar(grafieken["staaf"], tmp_path / "staaf.SVG")
    wortel = ET.fromstring(pad.read_text(encoding="utf-8"))
    assert wortel.tag.endswith("svg")
    tekst = " ".join(t for t in wortel.itertext())
    assert "55,6%" in tekst  # the locale is applied when rendered, not only declared
    assert "Oefendata: verzonnen cijfers" in tekst


@pytest.mark.parametrize("naam", ["staaf.pdf", "staaf", "staaf.jpeg"])
def test_bewaar_unknown_extension(grafieken, tmp_path, naam):
    with pytest.raises(ik.ImpactkitFout, match=r"\.png, \.svg"):
        gr.bewaar(grafieken["staaf"], tmp_path / naam)
    assert not (tmp_path / naam).exists()


def test_bewaar_alles(oefendata, tmp_path):
    tabel = gr.bewaar_alles(
        REGIO,
        PERIODE,
        tmp_path / "uit",
        indicatoren=["hermeldingen", "duur_geweld_meldingen"],
        formaten=("svg",),
        data=oefendata,
    )
    assert list(tabel.columns) == ["grafiek", "indicator", "pad", "formaat"]
    assert tabel["grafiek"].tolist() == [
        "staaf_vergelijking",
        "tijdreeks",
        "rangorde",
        "trechter",
        "kaart",
        "verdeling",
    ]
    assert set(tabel["formaat"]) == {"svg"}
    for pad in tabel["pad"]:
        assert pad.exists() and pad.parent == tmp_path / "uit"
        assert re.fullmatch(r"[a-z0-9-]+\.svg", pad.name)
        assert ET.parse(pad).getroot().tag.endswith("svg")
    assert (tmp_path / "uit" / "hermeldingen-tijdreeks-zaanstreek-waterland-2021h1.svg").exists()


def test_bewaar_alles_skips_charts_without_data(oefendata, tmp_path):
    with pytest.warns(UserWarning, match="overgeslagen"):
        tabel = gr.bewaar_alles(
            CODE, "2019H1", tmp_path, indicatoren=["hermeldingen"], formaten=["svg"], data=oefendata
        )
    assert tabel["grafiek"].tolist() == ["tijdreeks"]


def test_bewaar_alles_refuses_bad_input(oefendata, tmp_path):
    with pytest.raises(ik.ImpactkitFout, match=r"\.png, \.svg"):
        gr.bewaar_alles(REGIO, PERIODE, tmp_path, formaten=["pdf"], data=oefendata)
    with pytest.raises(ik.GeenWaarde, match="alleen landelijk"):
        gr.bewaar_alles(
            REGIO, PERIODE, tmp_path, indicatoren=["prevalentie_huiselijk_geweld"], data=oefendata
        )
    assert not list(tmp_path.iterdir())


def test_standaard_indicatoren_are_regional():
    for ind_id in gr.STANDAARD_INDICATOREN:
        assert ik.indicator(ind_id).is_regionaal
    assert "duur_geweld_meldingen" in gr.STANDAARD_INDICATOREN


def test_slug():
    assert _slug("duur_geweld_meldingen", "kaart", "Noord- en Midden Limburg", "2021H1") == (
        "duur-geweld-meldingen-kaart-noord-en-midden-limburg-2021h1"
    )
    assert _slug("Fryslân") == "fryslan"


def test_trechter_met_overspreiding_noemt_de_gewone_spreiding():
    from impactkit.spreiding_regios import trechtercijfers

    g = gr.trechter("meldingen_per_10000", "2021H1", regio="VT22", overspreiding=True).to_dict()
    _, grenzen = trechtercijfers("meldingen_per_10000", "2021H1")
    tau = ik.getal(grenzen.attrs["spreiding"], 1)
    assert grenzen.attrs["spreiding"] > 0
    onder = g["title"]["subtitle"]
    assert any(f"ongeveer {tau} per 10.000 inwoners" in regel for regel in onder), onder
    assert not any("φ" in regel for regel in onder)  # no method symbols in the caption
    zonder = gr.trechter("meldingen_per_10000", "2021H1", overspreiding=False).to_dict()
    assert not any("gewone spreiding" in r for r in zonder["title"]["subtitle"])


# -- Accessibility: alt text, caption, table, contrast ---------------------------------------------
SOORTEN = {
    "staaf": "staaf_vergelijking",
    "tijdreeks": "tijdreeks",
    "rangorde": "rangorde",
    "trechter": "trechter",
    "verdeling": "verdeling",
    "kaart": "kaart",
}


def test_every_chart_describes_itself(grafieken, specs):
    for naam, g in grafieken.items():
        tekst = gr.alt_tekst(g)
        assert gr.soort(g) == SOORTEN[naam]
        assert gr.alt_tekst(specs[naam]) == tekst  # also from the spec (e.g. read from JSON)
        assert 40 < len(tekst) < 600 and tekst.endswith("."), (naam, tekst)
        assert len(re.findall(r"[.!?](?:\s|$)", tekst)) <= 3, (naam, tekst)
        assert re.search(r"\d+,\d", tekst), (naam, tekst)  # a key figure, Dutch decimal comma
        assert not re.search(r"\d\.\d{1,2}(?!\d)", tekst), (naam, tekst)  # no decimal point
        onder = gr.bijschrift(g)
        assert onder.startswith(specs[naam]["title"]["text"])
        assert gr.OEFENDATA_TEKST in onder  # practice data said in every caption


def test_alt_text_key_figures(grafieken):
    staaf = gr.alt_tekst(grafieken["staaf"])
    assert "55,6%" in staaf and "42,8% in Nederland" in staaf and REGIO in staaf
    assert "plaats 3 van 26" in gr.alt_tekst(grafieken["rangorde"])
    assert "boven de 99,8%-grens" in gr.alt_tekst(grafieken["trechter"])
    assert f"{REGIO}: 43,4 per 10.000 inwoners" in gr.alt_tekst(grafieken["kaart"])


def test_every_chart_gives_its_data_as_table(grafieken, specs):
    for naam, g in grafieken.items():
        tab = gr.grafiek_tabel(g)
        opgemaakt = gr.grafiek_tabel(g, opgemaakt=True)
        assert len(tab) > 0 and list(tab.columns) == list(opgemaakt.columns)
        assert "Regio" in tab.columns, naam
        assert all(isinstance(v, str) for v in opgemaakt.to_numpy().ravel()), naam
        assert not any(re.fullmatch(r"-?\d+\.\d{1,2}", v) for v in opgemaakt.to_numpy().ravel())
    staaf = gr.grafiek_tabel(grafieken["staaf"], opgemaakt=True)
    assert staaf.iloc[0].tolist() == [REGIO, "55,6", "53,0", "58,1"]
    assert len(gr.grafiek_tabel(grafieken["rangorde"])) == 26 + 1  # plus Nederland
    assert set(gr.grafiek_tabel(grafieken["kaart"])["Regio"]) >= {REGIO}


def test_tabel_html_is_plain_and_collapsed(grafieken):
    blok = gr.tabel_html(grafieken["staaf"])
    assert blok.startswith('<details class="grafiektabel"><summary>Grafiek als tabel</summary>')
    assert "<script" not in blok and "http" not in blok
    assert '<th scope="col">Regio</th>' in blok
    assert '<td class="getal" style="text-align: right">55,6</td>' in blok
    assert " open>" in gr.tabel_html(grafieken["staaf"], uitgeklapt=True)


def test_chart_without_description_says_so():
    kaal = alt.Chart(pd.DataFrame({"a": [1]})).mark_point()
    with pytest.raises(ik.ImpactkitFout, match="geen beschrijving"):
        gr.alt_tekst(kaal)


def test_contrast_of_graphics():
    assert gr.contrast("#BBBBBB") < 3  # the old grey: why it changed
    for kleur in (gr.OVERIG, gr.ACCENT, gr.LANDELIJK, *KAART_KLEUREN, RAND_KLEUR, MARKERING_KLEUR):
        assert gr.contrast(kleur) >= 3, kleur
    for stijl in OORDEEL_STIJL.values():
        assert gr.contrast(stijl["kleur"]) >= 3, stijl
    assert gr.contrast("#000000") == pytest.approx(21)


def test_kaart_colours_reach_3_to_1(specs):
    vlak = next(
        u for u in lagen(specs["kaart"]) if u["encoding"].get("color", {}).get("field") == "waarde"
    )
    schaal = vlak["encoding"]["color"]["scale"]
    assert "scheme" not in schaal and schaal["range"] == KAART_KLEUREN
    assert min(gr.contrast(k) for k in schaal["range"]) >= 3


def test_rangorde_other_regions_reach_3_to_1(specs):
    punten = next(u for u in lagen(specs["rangorde"]) if u["mark"]["type"] == "circle")
    assert gr.contrast(kleur_van(punten["encoding"], "Andere regio's")) >= 3


# -- The analysed period in a time series ----------------------------------------------------------
def test_tijdreeks_marks_analysed_period(oefendata):
    g = gr.tijdreeks("hermeldingen", REGIO, data=oefendata, periode=PERIODE)
    spec = g.to_dict()
    alle = lagen(spec)
    lijn = next(u for u in alle if u["mark"]["type"] == "rule")
    assert lijn["encoding"]["x"]["field"] == "periode" and lijn["mark"]["strokeDash"]
    assert {"periode": PERIODE} in rijen(spec)
    woord = next(u for u in alle if u["mark"]["type"] == "text")
    assert woord["mark"]["text"] == "geanalyseerd"
    ring = [u for u in alle if u["mark"]["type"] == "point" and u["mark"].get("filled") is False]
    assert ring and PERIODE in str(ring[0]["transform"])
    assert any("1e halfjaar 2021" in r and "geanalyseerd" in r for r in ondertitel(spec))
    assert "geanalyseerde halfjaar, 1e halfjaar 2021" in gr.alt_tekst(g)
    tab = gr.grafiek_tabel(g)
    assert set(tab.loc[tab["Geanalyseerd"] == "ja", "Periode"]) == {"1e halfjaar 2021"}


def test_tijdreeks_without_periode_or_at_the_end_is_unmarked(oefendata):
    laatste = max(oefendata["periode"].map(ik.periode)).code
    for periode in (None, laatste):
        spec = gr.tijdreeks("hermeldingen", REGIO, data=oefendata, periode=periode).to_dict()
        assert [u["mark"]["type"] for u in lagen(spec)] == ["area", "line", "point"]


def test_kaart_vanaf_2023_met_oost_brabant():
    # CBS reports VT16 + VT26 as VT27 Oost-Brabant from 2023: the map draws 25 regions then.
    spec = gr.kaart("meldingen_per_10000", "2024H1", regio="Oost-Brabant").to_dict()
    codes = [f["properties"]["vt_code"] for f in spec["datasets"]["vt_gebieden"]]
    assert len(codes) == 25 and "VT27" in codes and not {"VT16", "VT26"} & set(codes)
    assert len(gr.kaart("meldingen_per_10000", "2022H2").to_dict()["datasets"]["vt_gebieden"]) == 26
    assert "Oost-Brabant" in ik.grafieken.alt_tekst(
        gr.kaart("meldingen_per_10000", "2024H1", "VT27")
    )


def test_bewaren_op_een_bestand_of_map_geeft_nederlandse_melding(tmp_path):
    from impactkit.fouten import ImpactkitFout

    g = ik.grafieken.staaf_vergelijking("hermeldingen", "VT22", "2021H1")
    bestand = tmp_path / "al_een_bestand"
    bestand.write_text("van mij", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="is een bestand, geen map"):
        ik.bewaar(g, bestand / "grafiek.svg")
    with pytest.raises(ImpactkitFout, match="is een bestand, geen map"):
        ik.bewaar_alles("VT22", "2021H1", bestand, indicatoren=["hermeldingen"], formaten=["svg"])
    (tmp_path / "map.svg").mkdir()
    with pytest.raises(ImpactkitFout, match="is een map"):
        ik.bewaar(g, tmp_path / "map.svg")
    assert bestand.read_text(encoding="utf-8") == "van mij"


def test_cli_bestandsfout_zonder_engels():
    import errno

    from impactkit.cli import _bestandsfout

    tekst = _bestandsfout(OSError(errno.EROFS, "Read-only file system", "uitvoer"))
    assert "alleen-lezen" in tekst and "Read-only" not in tekst


def test_rapportweergave_zegt_titel_en_ondertitel_een_keer(oefendata):
    """The report's renderer draws the SVG without the chart's title and subtitle; the page says
    them once, as caption text above the picture, and the interactive spec leaves them out."""
    import base64
    import html

    from impactkit.rapport import grafiek_html
    from impactkit.rapport.weergave import _renderer

    spec = gr.tijdreeks("hermeldingen", REGIO, data=oefendata, periode=PERIODE).to_dict()
    bundel = _renderer(spec)
    svg = bundel["image/svg+xml"]
    titel = spec["title"]["text"]
    assert titel == "Hermeldingen" and gr.OEFENDATA_TEKST in spec["title"]["subtitle"]
    assert "Hermeldingen" not in svg and "Oefendata" not in svg and "Bron:" not in svg
    assert "<svg" in svg and "Nederland" in svg  # the chart itself, legend and all
    vl = next(v for k, v in bundel.items() if k.startswith("application/vnd.vegalite"))
    assert vl["title"]["text"] == titel  # a notebook in Jupyter still shows it with its title

    figuur = grafiek_html(vl, svg, 7)
    assert figuur.index("<figcaption>") < figuur.index('<img class="statisch"')
    onderschrift = re.search(r"<figcaption>(.*?)</figcaption>", figuur, flags=re.S).group(1)
    assert onderschrift.startswith("<strong>Hermeldingen</strong><br>")
    assert html.unescape(onderschrift).count(gr.OEFENDATA_TEKST) == 1
    ingebed = json.loads(re.search(r'id="spec-7">(.*?)</script>', figuur, flags=re.S).group(1))
    assert "title" not in ingebed and ingebed["description"] == gr.alt_tekst(vl)
    plaatje = re.search(r'base64,([^"]+)"', figuur).group(1)
    assert "Hermeldingen" not in base64.b64decode(plaatje).decode("utf-8")
    assert "<caption>Cijfers bij: Hermeldingen</caption>" in figuur


def test_figuur_zegt_titel_een_keer():
    """The book's figure: title and subtitle in the caption above the picture, not in it."""
    import base64
    import re

    g = ik.grafieken.tijdreeks("hermeldingen", "Twente")
    titel = g.to_dict()["title"]["text"]
    tekst = ik.grafieken.figuur(g)._repr_html_()
    svg = base64.b64decode(re.search(r"base64,([^\"]+)", tekst).group(1)).decode("utf-8")
    assert titel not in svg and "Oefendata" not in svg
    bijschrift = re.search(r"<figcaption>(.*?)</figcaption>", tekst, re.S).group(1)
    assert titel in bijschrift
    assert tekst.index("<figcaption>") < tekst.index("<img")


@pytest.mark.parametrize(
    "maak",
    [
        lambda p: ik.grafieken.rangorde("hermeldingen", p, regio="VT15"),
        lambda p: ik.grafieken.trechter("hermeldingen", p, regio="VT15"),
    ],
)
def test_regionamen_zoals_ze_in_de_periode_heetten(maak):
    """VT15 is 'Noord-Brabant Midden' until 2022 and 'Midden-Brabant' from 2023."""
    import json

    voor = json.dumps(maak("2021H1").to_dict(), ensure_ascii=False)
    na = json.dumps(maak("2024H2").to_dict(), ensure_ascii=False)
    assert "Noord-Brabant Midden" in voor and "Midden-Brabant" not in voor
    assert "Midden-Brabant" in na and "Noord-Brabant Midden" not in na


def test_tijdreeks_noemt_de_regio_zoals_die_nu_heet():
    import json

    tekst = json.dumps(ik.grafieken.tijdreeks("hermeldingen", "VT15").to_dict(), ensure_ascii=False)
    assert "Midden-Brabant" in tekst and "Noord-Brabant Midden" not in tekst


def test_tijdas_zegt_halfjaren_in_woorden():
    import re

    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(ik.grafieken.tijdreeks("hermeldingen", "Twente").to_dict())
    labels = re.findall(r">([^<>]*halfjaar \d{4}|\d{4}H[12])<", svg)
    assert "2e halfjaar 2024" in labels and not any(re.fullmatch(r"\d{4}H[12]", x) for x in labels)
