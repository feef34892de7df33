"""Hostile and mistaken input to the workshop: a user's own files, odd participant files, formulas.

Chosen behaviour:

- The workshop keeps a manifest (``.impactkit-workshop.json``) of what it wrote, as the batch
  does, and refuses before anything is made when a file it would write (or a folder it needs)
  is already there and not its own. Output of a workshop run made before the manifest existed
  is therefore refused too: choose a new folder once.
- Names are compared without case and with runs of spaces as one space.
- A participant named like a Windows device (CON, nul, aux, com1, LPT1) gets the folder
  ``<name>-deelnemer``; ``con.txt`` becomes ``con-txt``, which Windows accepts.
- The workshop itself writes no CSV; every CSV the kit writes uses
  :func:`impactkit.csvveilig.veilige_csv_cel` (OWASP CSV injection). Numbers the kit computed
  stay numbers; text that looks like a number is text and gets the quote.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from impactkit import workshop
from impactkit.cli import main
from impactkit.csvveilig import veilige_csv_cel, veilige_csv_tabel
from impactkit.fouten import ImpactkitFout
from impactkit.namen import WINDOWS_GERESERVEERD

PERIODE = "2021H1"


def geen_batch(doel, **kw):
    """A stand-in for the batch: no reports (the workshop makes the plans itself)."""
    return pd.DataFrame(
        [
            {"regio_code": c, "map": str(doel / c), "status": "mislukt", "fout": "test"}
            for c in kw["regio_namen"]
        ]
    )


def bereid(csv_pad, uit):
    return workshop.workshop_voorbereiden(csv_pad, uit, PERIODE, draai=geen_batch, voortgang=False)


@pytest.fixture
def deelnemers(tmp_path):
    pad = tmp_path / "deelnemers.csv"
    pad.write_text("naam;regio\nAnna;Twente\nBram;Friesland\n", encoding="utf-8")
    return pad


def momentopname(map_):
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


# -- the user's own files in --uit ----------------------------------------------------------------
@pytest.mark.parametrize(
    "eigen",
    [
        "index.html",
        "antwoorden.html",
        "dias.html",
        "dias-notities.html",
        "rolkaarten.html",
        "deelnemers/anna/werkblad.html",
        "deelnemers/bram/stappenplan.yaml",
    ],
)
def test_eigen_bestand_in_uitvoermap_wordt_niet_overschreven(tmp_path, deelnemers, eigen):
    uit = tmp_path / "uit"
    (uit / eigen).parent.mkdir(parents=True)
    (uit / eigen).write_text("mijn eigen bestand", encoding="utf-8")
    voor = momentopname(uit)
    with pytest.raises(ImpactkitFout) as e:
        bereid(deelnemers, uit)
    m = str(e.value)
    assert f"'{eigen}'" in m and "niets gemaakt" in m and "--uit" in m
    assert momentopname(uit) == voor  # nothing written, not even the manifest


def test_melding_noemt_alle_eigen_bestanden(tmp_path, deelnemers):
    uit = tmp_path / "uit"
    uit.mkdir()
    for naam in ("index.html", "antwoorden.html", "dias.html"):
        (uit / naam).write_text("x")
    with pytest.raises(ImpactkitFout, match="'antwoorden.html', 'dias.html', 'index.html'"):
        bereid(deelnemers, uit)


def test_een_bestand_waar_een_map_moet_komen(tmp_path, deelnemers):
    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / "deelnemers").write_text("x")
    with pytest.raises(ImpactkitFout, match="staat al: 'deelnemers'"):
        bereid(deelnemers, uit)


def test_een_vreemd_manifest_wordt_geweigerd(tmp_path, deelnemers):
    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / workshop.MANIFEST).write_text('{"gemaakt_door": "iemand anders"}')
    with pytest.raises(ImpactkitFout, match="niet heeft gemaakt"):
        bereid(deelnemers, uit)


def test_opnieuw_over_eigen_uitvoer_werkt(tmp_path, deelnemers):
    uit = tmp_path / "uit"
    bereid(deelnemers, uit)
    manifest = json.loads((uit / workshop.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["gemaakt_door"] == "impactkit workshop"
    assert "index.html" in manifest["bestanden"]
    (uit / "index.html").write_text("verouderd")
    (uit / "mijn-aantekeningen.txt").write_text("blijft")
    klaar = bereid(deelnemers, uit)
    assert "verouderd" not in (uit / "index.html").read_text(encoding="utf-8")
    assert (uit / "mijn-aantekeningen.txt").read_text() == "blijft"
    assert sorted(klaar.status) == ["anna", "bram"]


def test_nieuwe_deelnemer_bij_tweede_keer(tmp_path, deelnemers):
    uit = tmp_path / "uit"
    bereid(deelnemers, uit)
    deelnemers.write_text("naam;regio\nAnna;Twente\nChantal;Zeeland\n", encoding="utf-8")
    bereid(deelnemers, uit)
    assert (uit / "deelnemers/chantal/werkblad.html").exists()


def test_cli_weigert_met_code_2_en_laat_het_bestand_staan(tmp_path, deelnemers, capsys):
    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / "index.html").write_text("mijn eigen index", encoding="utf-8")
    code = main(
        ["workshop", "voorbereiden", str(deelnemers), "--periode", PERIODE, "--uit", str(uit)]
    )
    assert code == 2
    fout = capsys.readouterr().err
    assert "'index.html'" in fout and "Traceback" not in fout
    assert (uit / "index.html").read_text(encoding="utf-8") == "mijn eigen index"
    assert [p.name for p in uit.iterdir()] == ["index.html"]


# -- the participants file -------------------------------------------------------------------------
def lees(tmp_path, tekst: str, codering: str = "utf-8"):
    pad = tmp_path / "d.csv"
    pad.write_bytes(tekst.encode(codering))
    return workshop.lees_deelnemers(pad, PERIODE)


@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "cp1252"])
def test_excel_sep_regel_wordt_begrepen(tmp_path, codering):
    lijst = lees(tmp_path, "sep=;\r\nnaam;regio\r\nAnna, de Vries;Twente\r\nBram;Friesland\r\n")
    assert [(d.naam, d.regio) for d in lijst] == [
        ("Anna, de Vries", "Twente"),
        ("Bram", "Friesland"),
    ]
    lijst = lees(tmp_path, "sep=,\nnaam,regio\nAnna; de Vries,Twente\n", codering)
    assert [d.naam for d in lijst] == ["Anna; de Vries"]


def test_regelnummers_tellen_de_sep_regel_mee(tmp_path):
    with pytest.raises(ImpactkitFout, match=r"regel 3, kolom 'regio'"):
        lees(tmp_path, "sep=;\nnaam;regio\nAnna;Twentee\n")
    with pytest.raises(ImpactkitFout, match=r"regel 2, kolom 2: onbekende kolom 'regoi'"):
        lees(tmp_path, "sep=;\nnaam;regoi\nAnna;Twente\n")


def test_tweede_naamkolom_geweigerd(tmp_path):
    with pytest.raises(ImpactkitFout) as e:
        lees(tmp_path, "naam;regio;Naam\nAnna;Twente;Bram\n")
    assert "regel 1, kolom 3: de kolom 'naam' staat er twee keer (ook kolom 1)" in str(e.value)


@pytest.mark.parametrize("tweede", ["Anna  de vries", "ANNA DE VRIES", " anna de\tvries "])
def test_namen_die_alleen_in_spaties_of_hoofdletters_verschillen(tmp_path, tweede):
    with pytest.raises(ImpactkitFout) as e:
        lees(tmp_path, f"naam;regio\nAnna de Vries;Twente\n{tweede};Friesland\n")
    m = str(e.value)
    assert "regel 3, kolom 'naam'" in m and "staat er al (regel 2" in m


def test_dubbele_spaties_in_een_naam_worden_een_spatie(tmp_path):
    (d,) = lees(tmp_path, "naam;regio\n  Anna   de  Vries ;Twente\n")
    assert (d.naam, d.map) == ("Anna de Vries", "anna-de-vries")


def test_windows_apparaatnamen_krijgen_een_veilige_map(tmp_path):
    namen = ["CON", "nul", "aux", "com1", "LPT1", "Prn", "con.txt", "COM¹", "con deelnemer"]
    lijst = lees(tmp_path, "naam;regio\n" + "".join(f"{n};Twente\n" for n in namen))
    mappen = [d.map for d in lijst]
    assert mappen[:5] == [
        "con-deelnemer",
        "nul-deelnemer",
        "aux-deelnemer",
        "com1-deelnemer",
        "lpt1-deelnemer",
    ]
    assert len(set(mappen)) == len(mappen)  # never two participants in one folder
    for m in mappen:
        assert m.split(".")[0].casefold() not in WINDOWS_GERESERVEERD


def test_apparaatnaam_in_de_workshop(tmp_path):
    pad = tmp_path / "d.csv"
    pad.write_text("naam;regio\nCON;Twente\nAUX;Twente\n", encoding="utf-8")
    klaar = bereid(pad, tmp_path / "uit")
    assert sorted(klaar.status) == ["aux-deelnemer", "con-deelnemer"]
    assert (tmp_path / "uit/deelnemers/con-deelnemer/werkblad.html").exists()


# -- formulas (OWASP CSV injection) ----------------------------------------------------------------
@pytest.mark.parametrize(
    "invoer, uit",
    [
        ("-2+3", "'-2+3"),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("=1", "'=1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("gewone tekst", "gewone tekst"),
        ("Anna - de Vries", "Anna - de Vries"),
        ("", ""),
        (None, ""),
        ("-2", "'-2"),  # text that looks like a number is still text
        (-2, "-2"),  # a number the kit computed stays a number
        (-2.5, "-2.5"),
        (3, "3"),
    ],
)
def test_veilige_csv_cel(invoer, uit):
    assert veilige_csv_cel(invoer) == uit


def test_veilige_csv_tabel_laat_getallen_staan():
    tabel = pd.DataFrame(
        {"naam": ["=1+1", "Anna", None], "verschil": [-2, 3, 4], "x": [-1.5, None, 2.0]}
    )
    tekst = veilige_csv_tabel(tabel).to_csv(index=False)
    assert tekst.splitlines() == ["naam,verschil,x", "'=1+1,-2,-1.5", "Anna,3,", ",4,2.0"]
    assert tabel.loc[0, "naam"] == "=1+1"  # the original is not changed


def test_formule_als_deelnemersnaam(tmp_path):
    naam = '=HYPERLINK("http://x","klik")'
    pad = tmp_path / "d.csv"
    pad.write_text(f"naam;regio\n{naam};Twente\n+31 6;Twente\n", encoding="utf-8")
    uit = tmp_path / "uit"
    klaar = bereid(pad, uit)
    assert sorted(klaar.status) == ["31-6", "hyperlink-http-x-klik"]
    veilig = "<td>=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)</td>"
    for pagina in ("index.html", "antwoorden.html"):
        tekst = (uit / pagina).read_text(encoding="utf-8")
        assert veilig in tekst and 'href="http://x"' not in tekst  # shown as text, escaped
    # the workshop writes no CSV of its own (the batch's CSV is checked in the batch's tests)
    assert [p for p in uit.rglob("*.csv") if "rapporten" not in p.parts] == []


def test_schrijffout_in_het_nederlands(tmp_path, deelnemers, monkeypatch, capsys):
    import errno
    from pathlib import Path

    schrijf = Path.write_text

    def alleen_lezen(self, *args, **kwargs):
        if self.name == "antwoorden.html":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return schrijf(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", alleen_lezen)
    monkeypatch.setattr("impactkit.batch.draai_batch", geen_batch)
    code = main(
        ["workshop", "voorbereiden", str(deelnemers), "--periode", PERIODE, "--uit", str(tmp_path)]
    )
    fout = capsys.readouterr().err
    assert code == 2
    assert "antwoorden.html' niet schrijven: de schijf of map is alleen-lezen" in fout
    assert "Read-only" not in fout
