from impactkit.cli import main, regioprofiel


def test_profiel_toont_oefendata_en_cijfers(capsys):
    assert main(["profiel", "Zaanstreek-Waterland", "--periode", "2021H1"]) == 0
    uit = capsys.readouterr().out
    assert "oefendata" in uit.lower()
    assert "55,6%" in uit and "42,8%" in uit and "1.475" in uit


def test_regioprofiel_is_tabel():
    t = regioprofiel("VT22", "2021H1")
    rij = t.set_index("indicator").loc["ots_per_10000"]
    assert round(float(rij.regio), 1) == 2.2 and rij.herkomst == "oefendata"


def test_onbekende_regio_geeft_nette_fout(capsys):
    assert main(["profiel", "Zaanstreek-Watreland"]) == 2
    fout = capsys.readouterr().err
    assert "Bedoelde je" in fout and "Traceback" not in fout


def test_onbekende_periode(capsys):
    assert main(["profiel", "VT22", "--periode", "2030H1"]) == 2
    assert "Beschikbare perioden" in capsys.readouterr().err


def test_indicatoren_zoeken(capsys):
    assert main(["indicatoren", "--zoek", "politie"]) == 0
    assert "politiemeldingen" in capsys.readouterr().out
