import pytest

from impactkit import OngeldigePeriode, Periode
from impactkit.perioden import halfjaren


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("2021H1", "2021H1"),
        ("2021-H1", "2021H1"),
        ("2021 h2", "2021H2"),
        ("H2 2020", "2020H2"),
        ("1e halfjaar 2021", "2021H1"),
        ("2e halfjaar 2020", "2020H2"),
        ("1e halfjaar 2023*", "2023H1"),
        ("eerste halfjaar 2022", "2022H1"),
        ("tweede halfjaar 2022", "2022H2"),
        ("2021", "2021"),
        ("2023*", "2023"),
        ("2021HJ01", "2021H1"),
        ("2021HJ02", "2021H2"),
        ("2021JJ00", "2021"),
        (2020, "2020"),
    ],
)
def test_parse_vormen(tekst, verwacht):
    assert Periode.parse(tekst).code == verwacht


@pytest.mark.parametrize("tekst", ["2021H3", "H1", "halfjaar", "21H1", "", "2021Q1", None, 3.5])
def test_ongeldige_periode_geeft_nederlandse_melding(tekst):
    with pytest.raises(OngeldigePeriode) as e:
        Periode.parse(tekst)
    assert "2021H1" in str(e.value)  # the message shows valid examples


def test_sorteren_jaar_na_halfjaren():
    ps = [Periode.parse(x) for x in ["2021", "2021H2", "2020H1", "2021H1", "2020"]]
    assert [p.code for p in sorted(ps)] == ["2020H1", "2020", "2021H1", "2021H2", "2021"]


def test_stappen_terug():
    assert Periode.parse("2021H1").vorige().code == "2020H2"
    assert Periode.parse("2021H2").vorige().code == "2021H1"
    assert Periode.parse("2021").vorige().code == "2020"
    assert Periode.parse("2021H2").jaar_eerder().code == "2020H2"
    assert Periode.parse("2020H2").volgende().code == "2021H1"
    assert Periode.parse("2021H2").jaar_periode().code == "2021"


def test_cbs_code_en_label():
    p = Periode.parse("2021H1")
    assert p.cbs_code == "2021HJ01" and p.label == "1e halfjaar 2021"
    assert Periode.parse("2021").cbs_code == "2021JJ00"
    assert Periode.parse(p.cbs_code) == p


def test_voorlopig_label():
    assert Periode.is_voorlopig_label("1e halfjaar 2023*")
    assert not Periode.is_voorlopig_label("2020")


def test_halfjaren_reeks():
    r = halfjaren("2019H1", "2024H2")
    assert len(r) == 12 and r[0].code == "2019H1" and r[-1].code == "2024H2"
