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
