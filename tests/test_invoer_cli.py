"""Bad input on the command line: Dutch messages, exit codes, never a traceback."""

import pytest

from impactkit import cli


def draai(capsys, *argv):
    try:
        code = cli.main(list(argv))
    except SystemExit as e:  # argparse exits itself
        code = e.code
    uit = capsys.readouterr()
    tekst = uit.out + uit.err
    assert "Traceback" not in tekst
    for engels in (
        "invalid choice",
        "choose from",
        "invalid int value",
        "the following arguments",
        "unrecognized arguments",
        "expected one argument",
        "Error",
    ):
        assert engels not in tekst
    return code, tekst


@pytest.mark.parametrize(
    "argv, woorden",
    [
        (["profiel"], ["ontbreekt: regio (verplicht)"]),
        (["controleer"], ["ontbreekt: bestand"]),
        (["batch"], ["ontbreekt: --uit"]),
        (["onzin"], ["'onzin' is geen geldige keuze", "kies uit", "'profiel'"]),
        (["data", "kapot"], ["'kapot' is geen geldige keuze", "'ophalen'"]),
        (["oefendata", "weg"], ["'weg' is geen geldige keuze", "'maken'"]),
        (["batch", "--uit", "x", "--werkers", "twee"], ["--werkers: 'twee' is geen geheel getal"]),
        (["batch", "--uit", "x", "--werkers", "1.5"], ["'1.5' is geen geheel getal"]),
        (["profiel", "VT22", "--periode"], ["--periode: verwacht één waarde"]),
        (["indicatoren", "--zoek"], ["--zoek: verwacht één waarde"]),
        (["indicatoren", "--kleur", "rood"], ["onbekende argumenten: --kleur rood"]),
        (["profiel", "VT22", "extra"], ["onbekende argumenten: extra"]),
        (["batch", "--uit", "x", "--regio"], ["--regio: verwacht minstens één waarde"]),
    ],
)
def test_argparse_in_het_nederlands(capsys, argv, woorden):
    code, tekst = draai(capsys, *argv)
    assert code == 2
    assert "fout:" in tekst
    for w in woorden:
        assert w in tekst


@pytest.mark.parametrize(
    "argv, woorden",
    [
        (["profiel", "Zaanstreek-Waterlnd"], ["is onbekend", "Zaanstreek-Waterland"]),
        (["profiel", "VT22", "--periode", "2021H3"], ["Periode '2021H3'"]),
        (["profiel", "VT22", "--bron", "weg.csv"], ["bestaat niet"]),
        (["indicatoren", "--thema", "bereik"], ["Thema 'bereik' bestaat niet", "bereik_vt"]),
        (["indicatoren", "--thema", "bereik", "--zoek", "politie"], ["bestaat niet"]),
        (["controleer", "weg.csv"], ["bestaat niet"]),
    ],
)
def test_invoerfouten_geven_exitcode_2(capsys, argv, woorden):
    code, tekst = draai(capsys, *argv)
    assert code == 2 and tekst.startswith("Fout: ")
    for w in woorden:
        assert w in tekst


def test_map_als_bestand(capsys, tmp_path):
    code, tekst = draai(capsys, "controleer", str(tmp_path))
    assert code == 2 and "is een map, geen bestand" in tekst


def test_excel_als_csv(capsys, tmp_path):
    pad = tmp_path / "cijfers.csv"
    pad.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    code, tekst = draai(capsys, "controleer", str(pad))
    assert code == 2 and "Excel" in tekst and "Opslaan als" in tekst


def test_controleer_noemt_regel(capsys, tmp_path):
    pad = tmp_path / "cijfers.csv"
    pad.write_text("indicator;regio;periode;waarde\nacuut_structureel_onveilig;VT22;2021H1;120\n")
    code, tekst = draai(capsys, "controleer", str(pad))
    assert code == 2 and "regel 2, kolom 'waarde'" in tekst and "120% kan niet" in tekst


def test_controleer_goed_bestand(capsys, tmp_path):
    pad = tmp_path / "cijfers.csv"
    pad.write_text("indicator,regio,periode,waarde\nmeldingen,VT22,2021H1,1.070\n")
    code, tekst = draai(capsys, "controleer", str(pad))
    assert code == 0 and "1 rijen in orde" in tekst


def test_zoeken_zonder_treffer(capsys):
    code, tekst = draai(capsys, "indicatoren", "--zoek", "xyzzy")
    assert code == 1
    assert "Geen indicatoren gevonden voor 'xyzzy'" in tekst and "Empty DataFrame" not in tekst


def test_zoeken_met_treffer(capsys):
    code, tekst = draai(capsys, "indicatoren", "--zoek", "politie")
    assert code == 0 and "politiemeldingen" in tekst


def test_ctrl_c(capsys, monkeypatch):
    def onderbroken(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "overzicht", onderbroken)
    code, tekst = draai(capsys, "indicatoren")
    assert code == 130 and tekst.strip() == "Afgebroken."


def test_onverwachte_fout_zonder_traceback(capsys, monkeypatch):
    def kapot(*a, **k):
        raise RuntimeError("'int' object is not iterable")

    monkeypatch.setattr(cli, "overzicht", kapot)
    monkeypatch.delenv("IMPACTKIT_DEBUG", raising=False)
    code, tekst = draai(capsys, "indicatoren")
    assert code == 1 and "onverwacht" in tekst and "IMPACTKIT_DEBUG" in tekst
    assert "object is not iterable" not in tekst


def test_debug_toont_de_technische_fout(monkeypatch):
    monkeypatch.setattr(cli, "overzicht", lambda *a: 1 / 0)
    monkeypatch.setenv("IMPACTKIT_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["indicatoren"])


@pytest.mark.parametrize(
    "fout, woorden",
    [
        (FileExistsError(17, "File exists", "uitvoer"), ["'uitvoer' bestaat al als bestand"]),
        (NotADirectoryError(20, "Not a directory", "uitvoer"), ["is een bestand, geen map"]),
        (PermissionError(13, "Permission denied", "/root/x"), ["geen toestemming"]),
        (IsADirectoryError(21, "Is a directory", "map"), ["is een map, geen bestand"]),
        (OSError(28, "No space left on device"), ["niet te lezen of te schrijven"]),
    ],
)
def test_bestandsfouten_in_het_nederlands(capsys, monkeypatch, fout, woorden):
    import impactkit.batch

    def faalt(*a, **k):
        raise fout

    monkeypatch.setattr(impactkit.batch, "draai_batch", faalt)
    code, tekst = draai(capsys, "batch", "--uit", "uitvoer")
    assert code == 2
    for w in woorden:
        assert w in tekst
    assert "Errno" not in tekst


def test_zonder_opdracht_hulp(capsys):
    code, tekst = draai(capsys)
    assert code == 1 and "gebruik:" in tekst and "opdrachten" in tekst


def test_hulp_in_het_nederlands(capsys):
    code, tekst = draai(capsys, "profiel", "--help")
    assert code == 0 and "gebruik:" in tekst and "toon deze hulp" in tekst
    assert "usage:" not in tekst and "show this help" not in tekst
