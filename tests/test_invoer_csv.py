"""Bad input in the user's own CSV file: every case gets a Dutch message naming line and rule.

Numbers are read by their column's unit; what can be checked is checked; nothing is imported
until the whole file is right.
"""

import pandas as pd
import pytest

import impactkit as ik
from impactkit.fouten import DataFout, ImpactkitFout

KOP = "indicator;regio;periode;categorie;waarde;teller;noemer\n"
KOMMA_KOP = "indicator,regio,periode,categorie,waarde,teller,noemer\n"


def melding(pad) -> str:
    with pytest.raises(DataFout) as e:
        ik.laad(pad)
    tekst = str(e.value)
    assert "Traceback" not in tekst and "Error" not in tekst
    return tekst


# -- numbers by their column's unit ---------------------------------------------------------------
@pytest.mark.parametrize(
    "kop, rij, verwacht",
    [
        (KOMMA_KOP, "meldingen,VT22,2021H1,,1.070,,", 1070),  # thousands dot in a ',' file
        (KOP, "meldingen;VT22;2021H1;;1.070;;", 1070),
        (KOP, "meldingen;VT22;2021H1;;1070;;", 1070),
        (KOP, "meldingen;VT22;2021H1;;1 070;;", 1070),
        (KOP, "meldingen;VT22;2021H1;;1\u00a0070;;", 1070),
        (KOP, "meldingen;VT22;2021H1;;1070,0;;", 1070),
        (KOMMA_KOP, 'meldingen,VT22,2021H1,,"12.345",,', 12345),
        (KOP, "meldingen;NL01;2021H1;;60.880;;", 60880),
        (KOP, "meldingen;NL01;2021H1;;1.060.880;;", 1060880),
    ],
)
def test_aantallen_met_duizendtallen(csv_bestand, kop, rij, verwacht):
    df = ik.laad(csv_bestand(kop + rij + "\n"))
    assert df.iloc[0].waarde == verwacht and df.iloc[0].teller == verwacht


@pytest.mark.parametrize(
    "kop, rij, verwacht",
    [
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55,6;;", 55.6),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55.6;;", 55.6),
        (KOMMA_KOP, "acuut_structureel_onveilig,VT22,2021H1,,55.6,,", 55.6),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55,6%;;", 55.6),
        (KOP, "ots_per_10000;VT22;2021H1;;2,206;;", 2.206),  # ';' file: decimal comma
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;0.125;;", 0.125),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;100;;", 100.0),
    ],
)
def test_aandelen_en_ratio_s_goed_gelezen(csv_bestand, kop, rij, verwacht):
    assert ik.laad(csv_bestand(kop + rij + "\n")).iloc[0].waarde == pytest.approx(verwacht)


@pytest.mark.parametrize(
    "kop, rij, kolom, woorden",
    [
        (KOP, "meldingen;VT22;2021H1;;12,5;;", "waarde", ["'12,5' is geen heel getal"]),
        (KOP, "meldingen;VT22;2021H1;;12.5;;", "waarde", ["geen heel getal"]),
        (KOP, "meldingen;VT22;2021H1;;1,070;;", "waarde", ["dubbelzinnig", "1070"]),
        (KOMMA_KOP, 'meldingen,VT22,2021H1,,"1,070",,', "waarde", ["dubbelzinnig"]),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55,6;59,5;107", "teller", ["heel getal"]),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55,6;595;1,070", "noemer", ["dubbelzinnig"]),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;55.600;;", "waarde", ["dubbelzinnig"]),
        (
            KOMMA_KOP,
            "acuut_structureel_onveilig,VT22,2021H1,,55.600,,",
            "waarde",
            ["55,6 of 55600"],
        ),
        (KOMMA_KOP, "ots_per_10000,VT22,2021H1,,1.070,,", "waarde", ["dubbelzinnig"]),
        (KOMMA_KOP, 'ots_per_10000,VT22,2021H1,,"2,206",,', "waarde", ["dubbelzinnig"]),
        (KOP, "meldingen;VT22;2021H1;;veel;;", "waarde", ["'veel' is geen getal"]),
        (KOP, "meldingen;VT22;2021H1;;inf;;", "waarde", ["'inf' is geen getal"]),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;nan;;", "waarde", ["'nan' is geen getal"]),
        (KOP, "acuut_structureel_onveilig;VT22;2021H1;;1e2;;", "waarde", ["'1e2' is geen getal"]),
        (KOP, "meldingen;VT22;2021H1;;€ 100;;", "waarde", ["geen getal"]),
        (KOP, "meldingen;VT22;2021H1;;1.07;;", "waarde", ["geen heel getal"]),
    ],
)
def test_getallen_die_niet_passen_bij_de_eenheid(csv_bestand, kop, rij, kolom, woorden):
    m = melding(csv_bestand(kop + rij + "\n"))
    assert f"regel 2, kolom '{kolom}'" in m
    for w in woorden:
        assert w in m


# -- rules on one line ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rij, kolom, woorden",
    [
        ("acuut_structureel_onveilig;VT22;2021H1;;120;;", "waarde", ["120% kan niet", "0 en 100"]),
        ("acuut_structureel_onveilig;VT22;2021H1;;100,1;;", "waarde", ["100,1% kan niet"]),
        ("hermeldingen;VT22;2021H1;;1.070,5;;", "waarde", ["percentage ligt tussen 0 en 100"]),
        ("ots_per_10000;VT22;2021H1;;20000;;", "waarde", ["per 10.000 inwoners kan niet"]),
        ("meldingen;VT22;2021H1;;-5;;", "waarde", ["negatieve getallen"]),
        ("meldingen;VT22;2021H1;;\u22125;;", "waarde", ["negatieve getallen"]),
        ("acuut_structureel_onveilig;VT22;2021H1;;;-5;100", "teller", ["negatieve"]),
        ("acuut_structureel_onveilig;VT22;2021H1;;;600;500", "teller", ["groter dan noemer"]),
        ("acuut_structureel_onveilig;VT22;2021H1;;55,6;;0", "noemer", ["de noemer is 0"]),
        ("acuut_structureel_onveilig;VT22;2021H1;;12;595;1070", "waarde", ["past niet"]),
        ("meldingen;VT22;2021H1;;1070;1000;", "teller", ["verschillen"]),
        ("meldingen;VT22;2027H1;;1070;;", "periode", ["ligt in de toekomst"]),
        ("meldingen;VT22;2099;;1070;;", "periode", ["ligt in de toekomst"]),
        ("meldingen;VT22;2021H3;;1070;;", "periode", []),
        ("meldingen;VT22;;;1070;;", "periode", []),
        ("meldingen;VT22;2021H1;;;;", "waarde", ["geen waarde"]),
        ("meldingen;Tilburgg;2021H1;;1070;;", "regio", ["onbekend"]),
        ("meldingn;VT22;2021H1;;1070;;", "indicator", ["Bedoelde je", "'meldingen'"]),
        ("aard_geweld;VT22;2021H1;Kindermishandelng;50;;", "categorie", ["Kindermishandeling"]),
        ("aard_geweld;VT22;2021H1;;50;;", "categorie", ["Kies uit"]),
        ("meldingen;VT22;2021H1;Politie;1070;;", "categorie", ["geen categorieën"]),
    ],
)
def test_regels_per_rij(csv_bestand, rij, kolom, woorden):
    m = melding(csv_bestand(KOP + rij + "\n"))
    assert f"regel 2, kolom '{kolom}'" in m
    for w in woorden:
        assert w in m


def test_status_moet_bekend_zijn(csv_bestand):
    m = melding(
        csv_bestand("indicator;regio;periode;waarde;status\nmeldingen;VT22;2021H1;1070;x\n")
    )
    assert "kolom 'status'" in m and "'definitief'" in m


def test_eenheid_kolom_moet_kloppen(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde;eenheid\nmeldingen;VT22;2021H1;55;%\n"))
    assert "kolom 'eenheid'" in m and "'aantal'" in m


# -- rules across lines ---------------------------------------------------------------------------
def test_regio_groter_dan_nederland(csv_bestand):
    m = melding(
        csv_bestand(KOP + "meldingen;NL01;2021H1;;60880;;\nmeldingen;VT22;2021H1;;70000;;\n")
    )
    assert "regel 3" in m and "meer dan Nederland" in m and "regel 2" in m


def test_regio_noemer_groter_dan_nederland(csv_bestand):
    m = melding(
        csv_bestand(
            KOP
            + "acuut_structureel_onveilig;NL01;2021H1;;;26055;60880\n"
            + "acuut_structureel_onveilig;VT22;2021H1;;;595;70000\n"
        )
    )
    assert "regel 3, kolom 'noemer'" in m and "Nederland" in m


def test_meer_casussen_dan_meldingen(csv_bestand):
    m = melding(
        csv_bestand(KOP + "meldingen;VT22;2021H1;;1070;;\ncasussen_vt;VT22;2021H1;;1200;;\n")
    )
    assert "regel 3" in m and "casussen" in m and "meldingen (regel 2)" in m


def test_verdeling_telt_op_tot_veel_meer_dan_100(csv_bestand):
    rijen = [
        "aard_geweld;VT22;2021H1;Kindermishandeling;80;;",
        "aard_geweld;VT22;2021H1;(Ex-)partnergeweld;80;;",
    ]
    m = melding(csv_bestand(KOP + "\n".join(rijen) + "\n"))
    assert "regels 2, 3" in m and "160,0%" in m and "100%" in m


def test_verdeling_met_afronding_is_goed(csv_bestand):
    cats = ik.indicator("duur_geweld_meldingen").categorieen
    delen = [100.4 / len(cats)] * len(cats)
    rijen = [
        f"duur_geweld_meldingen;VT22;2021H1;{c};{d:.1f};;".replace(".", ",")
        for c, d in zip(cats, delen)
    ]
    df = ik.laad(csv_bestand(KOP + "\n".join(rijen) + "\n"))
    assert len(df) == len(cats)


def test_goede_samenhang_wordt_ingelezen(csv_bestand):
    df = ik.laad(
        csv_bestand(
            KOP
            + "meldingen;NL01;2021H1;;60.880;;\nmeldingen;VT22;2021H1;;1.070;;\n"
            + "casussen_vt;VT22;2021H1;;900;;\n"
        )
    )
    assert sorted(df["waarde"].tolist()) == [900, 1070, 60880]


# -- columns --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kolom, bedoeld",
    [("noemr", "noemer"), ("teler", "teller"), ("catgorie", "categorie"), ("statu", "status")],
)
def test_optionele_kolom_met_tikfout(csv_bestand, kolom, bedoeld):
    m = melding(
        csv_bestand(
            f"indicator;regio;periode;waarde;{kolom}\nacuut_structureel_onveilig;VT22;"
            "2021H1;55,6;1070\n"
        )
    )
    assert "regel 1" in m and f"'{kolom}'" in m and f"Bedoelde je '{bedoeld}'" in m


def test_onbekende_kolom_zonder_gelijkenis(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde;xyz\nmeldingen;VT22;2021H1;1070;1\n"))
    assert "onbekende kolom(men) 'xyz'" in m and "niet worden ingelezen" in m


def test_dubbele_kolom(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde;waarde\nmeldingen;VT22;2021H1;1;2\n"))
    assert "twee keer" in m and "'waarde'" in m


def test_naamloze_kolom_met_inhoud(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde;\nmeldingen;VT22;2021H1;1070;x\n"))
    assert "regel 2" in m and "geen naam" in m


def test_lege_kolommen_achteraan_mogen(csv_bestand):
    df = ik.laad(csv_bestand("indicator;regio;periode;waarde;;\nmeldingen;VT22;2021H1;1070;;\n"))
    assert df.iloc[0].waarde == 1070


def test_extra_veld_achteraan_is_verschuiving(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde\nmeldingen;VT22;2021H1;1070;\n"))
    assert "regel 2: 5 velden" in m


def test_te_weinig_velden(csv_bestand):
    m = melding(csv_bestand("indicator;regio;periode;waarde\nmeldingen;VT22;2021H1\n"))
    assert "regel 2: 3 velden" in m and "heeft er 4" in m


def test_export_van_laad_wordt_weer_ingelezen(csv_bestand, oefendata):
    deel = oefendata[(oefendata.regio_code == "VT22") & (oefendata.periode == "2021H1")]
    pad = csv_bestand(deel.to_csv(sep=";", index=False, decimal=","))
    terug = ik.laad(pad)
    assert len(terug) == len(deel)
    assert int(terug["onderdrukt"].sum()) == int(deel["onderdrukt"].sum())


def test_onderdrukt_aandeel_toont_geen_kleine_noemer(csv_bestand):
    df = ik.laad(csv_bestand(KOP + "acuut_structureel_onveilig;VT22;2021H1;;;3;7\n"))
    rij = df.iloc[0]
    assert bool(rij.onderdrukt) and pd.isna(rij.teller) and pd.isna(rij.noemer)


# -- encodings and file kinds ---------------------------------------------------------------------
RIJ = "indicator;regio;periode;waarde\nmeldingen;Fryslân;2021H1;1070\n"


@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16"])
def test_tekensets_worden_herkend(tmp_path, codering):
    pad = tmp_path / "eigen.csv"
    pad.write_bytes(RIJ.encode(codering))
    df = ik.laad(pad)
    assert df.iloc[0].regio_code == ik.regio("Fryslân").code and df.iloc[0].waarde == 1070


@pytest.mark.parametrize("codering", ["utf-16-le", "utf-16-be"])
def test_utf16_zonder_bom(tmp_path, codering):
    pad = tmp_path / "eigen.csv"
    pad.write_bytes(RIJ.encode(codering))
    assert ik.laad(pad).iloc[0].waarde == 1070


def test_windows_regeleinden(csv_bestand):
    assert len(ik.laad(csv_bestand(RIJ.replace("\n", "\r\n")))) == 1


@pytest.mark.parametrize(
    "inhoud, woorden",
    [
        (b"PK\x03\x04" + b"\x00" * 200, ["Excel", "Opslaan als", "CSV"]),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, ["Excel"]),
        (b"%PDF-1.4\n" + b"\x00\x01" * 50, ["PDF"]),
        (bytes(range(256)) * 4, ["geen tekstbestand"]),
        (b"", ["leeg"]),
        (b"\n\n", ["leeg"]),
    ],
)
def test_geen_csv_bestand(tmp_path, inhoud, woorden):
    pad = tmp_path / "cijfers.csv"
    pad.write_bytes(inhoud)
    m = melding(pad)
    for w in woorden:
        assert w in m


def test_map_in_plaats_van_bestand(tmp_path):
    (tmp_path / "cijfers.csv").write_text(RIJ, encoding="utf-8")
    m = melding(tmp_path)
    assert "is een map, geen bestand" in m


def test_map_via_lees_csv(tmp_path):
    from impactkit.bronnen.eigen_bestand import lees_csv

    (tmp_path / "a.csv").write_text(RIJ, encoding="utf-8")
    with pytest.raises(DataFout, match="is een map") as e:
        lees_csv(tmp_path)
    assert "a.csv" in str(e.value)


def test_open_aanhalingsteken_noemt_de_regel(csv_bestand):
    m = melding(csv_bestand('indicator,regio,periode,waarde\nmeldingen,VT22,2021H1,"1070\n'))
    assert "regel" in m


def test_niets_half_ingelezen(csv_bestand):
    m = melding(csv_bestand(KOP + "meldingen;VT22;2021H1;;1070;;\nmeldingen;VT07;2021H1;;12,5;;\n"))
    assert "is niet ingelezen" in m and "regel 3" in m


def test_veel_fouten_worden_samengevat(csv_bestand):
    rijen = "".join(f"meldingen;VT{i:02d};2021H1;;12,5;;\n" for i in range(1, 25))
    m = melding(csv_bestand(KOP + rijen))
    assert "... en nog 14 meldingen." in m


def test_alles_is_een_impactkit_fout(csv_bestand):
    with pytest.raises(ImpactkitFout):
        ik.laad(csv_bestand("a|b\n1|2\n"))
