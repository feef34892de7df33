import pandas as pd

from impactkit.onderdrukking import GRENS, onderdruk


def tabel(**kolommen):
    return pd.DataFrame(kolommen)


def test_grens_is_tien():
    assert GRENS == 10


def test_kleine_tellers_en_noemers():
    t = tabel(
        waarde=[5.0, 0.0, 10.0, 50.0, 40.0],
        teller=pd.array([5, 0, 10, 4, 2], dtype="Int64"),
        noemer=pd.array([None, None, None, 8, 2000], dtype="Int64"),
        eenheid=["aantal", "aantal", "aantal", "%", "%"],
    )
    uit = onderdruk(t)
    assert uit["onderdrukt"].tolist() == [True, False, False, True, True]
    assert uit["waarde"].isna().tolist() == [True, False, False, True, True]
    assert uit["teller"].isna().tolist() == [True, False, False, True, True]
    assert pd.isna(uit["noemer"].tolist()[3])  # a small denominator is withheld too
    assert uit["noemer"].tolist()[4] == 2000  # a large one may stay


def test_bestaande_vlag_blijft():
    t = tabel(
        waarde=[None],
        teller=pd.array([None], dtype="Int64"),
        noemer=pd.array([None], dtype="Int64"),
        eenheid=["aantal"],
        onderdrukt=[True],
    )
    assert onderdruk(t)["onderdrukt"].tolist() == [True]


def test_origineel_onveranderd():
    t = tabel(
        waarde=[5.0],
        teller=pd.array([5], dtype="Int64"),
        noemer=pd.array([None], dtype="Int64"),
        eenheid=["aantal"],
    )
    onderdruk(t)
    assert t["waarde"].tolist() == [5.0]


# -- Secondary suppression ---------------------------------------------------------------------
# An attacker who knows the published table and its sums: a category is the noemer minus the
# other categories, a region is Nederland minus the other regions.
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import impactkit as ik  # noqa: E402
from impactkit import onderdrukking  # noqa: E402
from impactkit.aanvullende_onderdrukking import (  # noqa: E402
    OVERLAPPENDE_VERDELINGEN,
    Relaties,
    aanvullend,
    afleidbaar,
    indelingen,
)
from impactkit.bronnen import oefendata  # noqa: E402


def aanval(df: pd.DataFrame) -> list[tuple[str, int, float]]:
    """Every withheld teller that one subtraction gives back: (kind, row label, value)."""
    df = df.assign(cat=df["categorie"].astype("string").fillna(""))
    weg = df["onderdrukt"].fillna(False).astype(bool)
    teller = pd.to_numeric(df["teller"], errors="coerce")
    gevonden = []
    verdelingen = df[(df["cat"] != "") & ~df["indicator"].isin(OVERLAPPENDE_VERDELINGEN)]
    for _, g in verdelingen.groupby(["indicator", "regio_code", "periode"]):
        noemer = pd.to_numeric(g["noemer"], errors="coerce")
        if weg[g.index].sum() == 1 and noemer.notna().any():
            rest = teller[g.index][~weg[g.index]].sum()
            gevonden.append(("verdeling", weg[g.index].idxmax(), noemer.max() - rest))
    for _, g in df.groupby(["indicator", "periode", "cat"]):
        land = g[g["regio_code"] == "NL01"]
        delen = g[g["regio_code"] != "NL01"]
        if len(land) != 1 or weg[land.index].any() or weg[delen.index].sum() != 1:
            continue
        rest = teller[delen.index][~weg[delen.index]].sum()
        gevonden.append(("regio", weg[delen.index].idxmax(), teller[land.index[0]] - rest))
    return gevonden


def _regiotabel(aantallen: dict[str, int], indicator="meldingen", eenheid="aantal"):
    land = sum(aantallen.values())
    rijen = [("NL01", land), *aantallen.items()]
    return tabel(
        indicator=indicator,
        regio_code=[c for c, _ in rijen],
        periode="2022H1",
        categorie=pd.array([None] * len(rijen), dtype="string"),
        waarde=[float(a) for _, a in rijen],
        teller=pd.array([a for _, a in rijen], dtype="Int64"),
        noemer=pd.array([None] * len(rijen), dtype="Int64"),
        eenheid=eenheid,
    )


def test_verdeling_een_categorie_onderdrukt_dan_ook_de_kleinste_andere():
    t = tabel(
        indicator="melder_type",
        regio_code="VT22",
        periode="2024H1",
        categorie=["Politie", "Kinderopvang", "Onderwijs", "Burger"],
        waarde=[60.0, 5.0, 15.0, 20.0],
        teller=pd.array([60, 5, 15, 20], dtype="Int64"),
        noemer=pd.array([100] * 4, dtype="Int64"),
        eenheid="%",
    )
    # Without secondary suppression the count is simply 100 - 60 - 15 - 20.
    naief = t.assign(onderdrukt=[False, True, False, False], teller=t["teller"].astype("Float64"))
    naief.loc[1, "teller"] = pd.NA
    assert [w for _, _, w in aanval(naief)] == [5]
    uit = onderdruk(t)
    assert uit["onderdrukt"].tolist() == [False, True, True, False]  # 15: smallest other
    assert uit["teller"].isna().tolist() == [False, True, True, False]
    assert uit["noemer"].tolist() == [100] * 4
    assert aanval(uit) == []


def test_overlappende_verdeling_krijgt_geen_tweede_cel():
    t = tabel(
        indicator=OVERLAPPENDE_VERDELINGEN[0],
        regio_code="VT22",
        periode="2024H1",
        categorie=["a", "b", "c"],
        waarde=[60.0, 5.0, 70.0],
        teller=pd.array([60, 5, 70], dtype="Int64"),
        noemer=pd.array([100] * 3, dtype="Int64"),
        eenheid="%",
    )
    assert onderdruk(t)["onderdrukt"].tolist() == [False, True, False]


def test_regio_een_regio_onderdrukt_dan_ook_de_volgende_kleinste():
    (oud, _), _ = indelingen()
    aantallen = {c: 100 + 10 * i for i, c in enumerate(sorted(oud))}
    aantallen["VT05"] = 5
    aantallen["VT09"] = 20  # the smallest other region
    t = _regiotabel(aantallen)
    uit = onderdruk(t).set_index("regio_code")
    assert uit.loc[["VT05", "VT09"], "onderdrukt"].tolist() == [True, True]
    assert int(uit["onderdrukt"].sum()) == 2
    assert not bool(uit.loc["NL01", "onderdrukt"])
    assert aanval(uit.reset_index()) == []


def test_regio_alleen_als_de_regios_nederland_vormen():
    # Nederland and one region (a user's own file, or a selection): Nederland minus that region
    # is not a region, so nothing more is withheld.
    t = _regiotabel({"VT22": 5, "VT01": 400})
    t = t[t["regio_code"] != "VT01"].assign(teller=pd.array([405, 5], dtype="Int64"))
    assert onderdruk(t)["onderdrukt"].tolist() == [False, True]


def test_vanaf_2023_de_indeling_met_oost_brabant():
    (_, nieuw), _ = indelingen()
    assert len(nieuw) == 25 and "VT27" in nieuw and "VT16" not in nieuw
    aantallen = {c: 100 + 10 * i for i, c in enumerate(sorted(nieuw))}
    aantallen["VT27"] = 5
    uit = onderdruk(_regiotabel(aantallen))
    assert int(uit["onderdrukt"].sum()) == 2
    assert aanval(uit) == []


def test_een_combinatie_van_sommen_wordt_ook_gevonden():
    # Regions A..D (their noemers add up to Nederland's) x categories x..w. Hidden: a 2x2 block
    # A,B x x,y, a 2x2 block C,D x z,w, and A-z joining them. Every row and column has two or
    # more hidden cells, so no single subtraction works; A-z still follows from the sums.
    regios_ = ["VT01", "VT02", "VT03", "VT04"]
    cats = ["x", "y", "z", "w", "v"]
    rng = np.random.default_rng(1)
    waarden = {(r, c): int(rng.integers(20, 60)) for r in regios_ for c in cats}
    rijen = []
    for r in ["NL01", *regios_]:
        deel = regios_ if r == "NL01" else [r]
        noemer = sum(waarden[(q, c)] for q in deel for c in cats)
        for c in cats:
            a = sum(waarden[(q, c)] for q in deel)
            rijen.append((r, c, a, noemer))
    t = tabel(
        indicator="melder_type",
        regio_code=[r for r, *_ in rijen],
        periode="2024H1",
        categorie=[c for _, c, *_ in rijen],
        waarde=[100 * a / n for *_, a, n in rijen],
        teller=pd.array([a for *_, a, _ in rijen], dtype="Int64"),
        noemer=pd.array([n for *_, n in rijen], dtype="Int64"),
        eenheid="%",
    )
    verborgen_cellen = {("VT01", "x"), ("VT01", "y"), ("VT02", "x"), ("VT02", "y")}
    verborgen_cellen |= {("VT03", "z"), ("VT03", "w"), ("VT04", "z"), ("VT04", "w")}
    verborgen_cellen |= {("VT01", "z")}
    weg = np.array([(r, c) in verborgen_cellen for r, c, *_ in rijen])
    assert aanval(t.assign(onderdrukt=weg)) == []  # the naive attacker finds nothing
    rel = Relaties(t)
    cellen = np.concatenate([weg, np.zeros(len(t), dtype=bool)])
    brug = [i for i, (r, c, *_) in enumerate(rijen) if (r, c) == ("VT01", "z")]
    assert afleidbaar(rel, cellen) == brug
    rij, _ = aanvullend(t, weg, np.zeros(len(t), dtype=bool))
    cellen = np.concatenate([rij, np.zeros(len(t), dtype=bool)])
    assert rij.sum() > weg.sum()
    assert afleidbaar(rel, cellen) == []


def test_een_kleine_noemer_blijft_ook_tussen_regios_verborgen():
    (oud, _), _ = indelingen()
    noemers = {c: 200 + 10 * i for i, c in enumerate(sorted(oud))}
    noemers["VT05"] = 8
    rijen = [("NL01", sum(noemers.values())), *noemers.items()]
    t = tabel(
        indicator="hermeldingen",
        regio_code=[c for c, _ in rijen],
        periode="2022H1",
        categorie=pd.array([None] * len(rijen), dtype="string"),
        waarde=[50.0] * len(rijen),
        teller=pd.array([n // 2 for _, n in rijen], dtype="Int64"),
        noemer=pd.array([n for _, n in rijen], dtype="Int64"),
        eenheid="%",
    )
    uit = onderdruk(t).set_index("regio_code")
    # VT05's noemer of 8 would be Nederland's noemer minus the others: a second one goes too.
    assert uit["noemer"].isna().sum() == 2
    assert uit.loc[uit["noemer"].isna(), "onderdrukt"].all()


# -- The practice data as published --------------------------------------------------------------
@pytest.fixture(scope="module")
def oefen() -> pd.DataFrame:
    return ik.laad()


@pytest.fixture(scope="module")
def zonder_onderdrukking() -> pd.DataFrame:
    """The practice data as generated, before any suppression (the true counts)."""
    echt = oefendata.onderdruk
    oefendata.onderdruk = lambda df: df.assign(onderdrukt=False)
    try:
        return oefendata.genereer().reset_index(drop=True)
    finally:
        oefendata.onderdruk = echt


def test_oefendata_niets_terug_te_rekenen(oefen):
    assert aanval(oefen) == []
    weg = oefen["onderdrukt"].to_numpy(dtype=bool)
    cellen = np.concatenate([weg, oefen["noemer"].isna().to_numpy() & weg])
    assert afleidbaar(Relaties(oefen), cellen) == []


def test_oefendata_zonder_aanvulling_wel_terug_te_rekenen(zonder_onderdrukking, monkeypatch):
    echt = zonder_onderdrukking["teller"].astype("Float64")
    monkeypatch.setattr(onderdrukking, "aanvullend", lambda df, rij, noemer: (rij, noemer))
    primair = onderdruk(zonder_onderdrukking)
    monkeypatch.undo()
    volledig = onderdruk(zonder_onderdrukking)
    treffers = [(s, i) for s, i, v in aanval(primair) if v == echt[i]]
    # nearly every primary cell (147 of 163 in these practice data) comes back by subtraction
    assert len(treffers) >= 0.8 * int(primair["onderdrukt"].sum()) > 0
    assert {s for s, _ in treffers} == {"verdeling", "regio"}
    assert [v for _, i, v in aanval(volledig) if v == echt[i]] == []
    # Secondary cells are real, positive counts (never a zero hidden for nothing).
    extra = volledig["onderdrukt"].to_numpy(dtype=bool) & ~primair["onderdrukt"].to_numpy(bool)
    assert extra.sum() > 0 and (echt[extra] > 0).all()
    # The published table is exactly this result.
    assert (volledig["onderdrukt"].to_numpy() == ik.laad()["onderdrukt"].to_numpy()).all()


def test_oefendata_csv_en_grafiekdata_tonen_niets_terug_te_rekenen(oefen, tmp_path):
    pad = oefendata.schrijf(tmp_path / "observaties.csv")
    gelezen = pd.read_csv(pad, dtype={"categorie": "string"})
    assert aanval(gelezen) == []
    assert gelezen["onderdrukt"].sum() == oefen["onderdrukt"].sum()
    weg = gelezen[gelezen["onderdrukt"]]
    assert weg["teller"].isna().all() and weg["waarde"].isna().all()
    # A chart's data table shows no value for a withheld cell.
    grafiek = ik.grafieken.staaf_vergelijking(
        "melder_type", "Zaanstreek-Waterland", "2021H1", categorie="Kinderopvang", data=oefen
    ).to_dict()
    sel = oefen[
        (oefen["indicator"] == "melder_type")
        & (oefen["periode"] == "2021H1")
        & (oefen["categorie"] == "Kinderopvang")
    ]
    verborgen = set(sel.loc[sel["onderdrukt"], "regio"])
    rijen = [r for d in grafiek["datasets"].values() for r in d if r.get("regio") in verborgen]
    assert rijen and all(r.get("waarde") is None for r in rijen)


def test_opnieuw_onderdrukken_verandert_niets(oefen):
    assert (ik.laad(oefen)["onderdrukt"] == oefen["onderdrukt"]).all()


def test_eigen_bestand_krijgt_aanvullende_onderdrukking(tmp_path):
    pad = tmp_path / "eigen.csv"
    regels = ["indicator;regio;periode;categorie;waarde;teller;noemer"]
    for cat, a in [("Politie", 60), ("Kinderopvang", 5), ("Onderwijs", 15), ("Burger", 20)]:
        regels.append(f"melder_type;Zaanstreek-Waterland;2024H1;{cat};{a},0;{a};100")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit = ik.laad(pad)
    assert uit["onderdrukt"].sum() == 2
    assert aanval(uit) == []


def test_jaar_min_een_halfjaar():
    t = tabel(
        indicator="meldingen",
        regio_code="VT22",
        periode=["2020H1", "2020H2", "2020"],
        categorie=pd.array([None] * 3, dtype="string"),
        waarde=[70.0, 5.0, 75.0],
        teller=pd.array([70, 5, 75], dtype="Int64"),
        noemer=pd.array([None] * 3, dtype="Int64"),
        eenheid="aantal",
    )
    # 2020 minus 2020H1 would give the 5 back: one half-year more is withheld.
    assert onderdruk(t)["onderdrukt"].tolist() == [True, True, False]
