"""Mistaken input to the workbook (``impactkit werkboek``) and the app's Python entry.

Chosen behaviour:

- Nederland (also 'Landelijk', 'NL01') is not a Veilig Thuis region: the workbook, the
  notebook's parameters and the app refuse it with :class:`~impactkit.fouten.OnbekendeRegio`
  (exit 2 on the command line) and name regions to choose instead.
- A file where the workbook folder or the notebook's ``uitvoer`` folder must go is refused
  with a Dutch message naming the option to change; the file is left alone.
- ``maak_app`` checks region, period, start question and the source before any control is
  made, so the user never sees an English ``TraitError`` or an ``IndexError``.
"""

from __future__ import annotations

import pytest

from impactkit import app, werkboek
from impactkit.cli import main
from impactkit.fouten import (
    DataFout,
    GeenWaarde,
    ImpactkitFout,
    OnbekendeKeuze,
    OnbekendeRegio,
    OngeldigePeriode,
)


@pytest.mark.parametrize("naam", ["Nederland", "nederland", "NL01", "Landelijk"])
def test_werkboek_voor_nederland_geweigerd(tmp_path, naam, capsys):
    code = main(["werkboek", naam, "--map", str(tmp_path / "wb"), "--niet-openen"])
    assert code == 2
    fout = capsys.readouterr().err
    assert "geen Veilig Thuis-regio" in fout and "bv. 'Amsterdam-Amstelland'" in fout
    assert not (tmp_path / "wb").exists()


def test_notebookparameter_nederland_geweigerd():
    with pytest.raises(OnbekendeRegio, match="het hele land, geen Veilig Thuis-regio"):
        werkboek.voorbereiden("Nederland", "2021H1", startvraag="heftig_structureel_geweld")


@pytest.mark.parametrize("map_", ["bestand", "bestand/dieper"])
def test_werkboekmap_is_een_bestand(tmp_path, map_, capsys):
    (tmp_path / "bestand").write_text("van mij", encoding="utf-8")
    code = main(["werkboek", "Twente", "--map", str(tmp_path / map_), "--niet-openen"])
    assert code == 2
    fout = capsys.readouterr().err
    assert "is een bestand, geen map" in fout and "--map" in fout
    assert "FileExistsError" not in fout and "Errno" not in fout
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "van mij"


@pytest.mark.parametrize("uitvoer", ["bestand", "bestand/dieper"])
def test_uitvoermap_is_een_bestand(tmp_path, uitvoer):
    (tmp_path / "bestand").write_text("van mij", encoding="utf-8")
    with pytest.raises(ImpactkitFout, match="is een bestand, geen map. Kies met uitvoer"):
        werkboek.voorbereiden(
            "Twente",
            "2021H1",
            startvraag="heftig_structureel_geweld",
            uitvoer=str(tmp_path / uitvoer),
        )
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "van mij"


@pytest.mark.parametrize(
    "argumenten, fout, tekst",
    [
        ({"periode": "2024H7"}, OngeldigePeriode, "2024H7"),
        ({"periode": "2030H1"}, GeenWaarde, "Kies uit: 2024H2"),
        ({"periode": "2024"}, OngeldigePeriode, "geen halfjaar"),
        ({"regio_naam": "Twentee"}, OnbekendeRegio, "Twente"),
        ({"regio_naam": "Nederland"}, OnbekendeRegio, "geen Veilig Thuis-regio"),
        ({"regio_naam": "VT16", "periode": "2024H2"}, GeenWaarde, "Brabant Noordoost"),
        ({"startvraag": "heftig_geweld"}, OnbekendeKeuze, "heftig_structureel_geweld"),
        ({"startvraag": ""}, OnbekendeKeuze, "Kies uit"),
    ],
)
def test_maak_app_geeft_nederlandse_fouten(argumenten, fout, tekst):
    with pytest.raises(fout) as e:
        app.maak_app(**argumenten)
    assert tekst in str(e.value)
    assert "Trait" not in str(e.value) and "Error" not in str(e.value)


def test_maak_app_met_alleen_jaarcijfers(monkeypatch):
    from impactkit.laden import laad

    data = laad()
    jaren = data[~data["periode"].str.contains("H")]
    monkeypatch.setattr(app, "laad", lambda bron: jaren)
    with pytest.raises(DataFout, match="geen cijfers per halfjaar"):
        app.maak_app("Twente", bron="jaarcijfers.csv")


def test_maak_app_met_goede_keuzes_werkt_nog():
    a = app.maak_app("Twente", "2021h1")  # the period read as the kit reads it elsewhere
    assert a.periode.value == "2021H1" and a.regio.value == "VT19"
