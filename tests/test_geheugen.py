"""The content-keyed memo saves time only: the same figures give the same answer, other figures
never get a remembered one."""

import pandas as pd

import impactkit as ik
from impactkit.geheugen import GROOTTE, onthoud, vergeet, vingerafdruk
from impactkit.indicatoren import indicator
from impactkit.ontwikkeling import tijdruis
from impactkit.perioden import Periode
from impactkit.spreiding_regios import trechtercijfers


def test_zelfde_cijfers_zelfde_antwoord():
    vergeet()
    eerst = ik.vergelijk("hermeldingen", "Twente", "2022H1")
    daarna = ik.vergelijk("hermeldingen", "Twente", "2022H1")
    pd.testing.assert_frame_equal(eerst, daarna)


def test_andere_cijfers_krijgen_nooit_een_onthouden_antwoord():
    data = ik.laad()
    _, voor = trechtercijfers("hermeldingen", "2022H1", data=data)
    ruis_voor = tijdruis(indicator("hermeldingen"), data, Periode.parse("2022H1"))
    anders = data.copy()
    rij = (
        (anders["indicator"] == "hermeldingen")
        & (anders["regio_code"] == "VT19")
        & anders["categorie"].isna()
        & anders["periode"].isin(["2022H1", "2021H2"])
    )
    anders.loc[rij, "teller"] = anders.loc[rij, "noemer"] * 0.9  # Twente: 90 % hermeldingen
    _, na = trechtercijfers("hermeldingen", "2022H1", data=anders)
    ruis_na = tijdruis(indicator("hermeldingen"), anders, Periode.parse("2022H1"))
    assert na.attrs["tau2"] > voor.attrs["tau2"]
    assert ruis_na.tau2 != ruis_voor.tau2
    # and the original figures still give the original answer
    _, weer = trechtercijfers("hermeldingen", "2022H1", data=data)
    assert weer.attrs["tau2"] == voor.attrs["tau2"]


def test_begrensd_en_oudste_eerst_weg():
    vergeet()
    for i in range(GROOTTE + 5):
        onthoud(("t", i), lambda i=i: i)
    teller = []
    assert onthoud(("t", 0), lambda: teller.append(1) or -1) == -1  # dropped: computed again
    assert onthoud(("t", GROOTTE + 4), lambda: -2) == GROOTTE + 4  # kept
    vergeet()


def test_vingerafdruk_ziet_index_en_waarden():
    a = pd.DataFrame({"x": [1.0, 2.0]}, index=["VT01", "VT02"])
    assert vingerafdruk(a, ["x"]) != vingerafdruk(a.set_axis(["VT02", "VT01"]), ["x"])
    assert vingerafdruk(a, ["x"]) == vingerafdruk(a.copy(), ["x"])
