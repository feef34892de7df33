"""Hostile and mistaken plan files, second round: aliases, duplicate keys, types, saving.

Chosen behaviour (written down here, where a case has two reasonable answers):

- YAML anchors and aliases (``&``/``*``) are refused everywhere a plan is read: a plan file,
  the notebook parameter ``deelvragen``, the widget's text box. A plan never needs them.
- A key given twice in one mapping is refused with its line; two synonyms for one field
  (``id`` and ``indicator``) are refused naming both.
- ``waarom`` must be text (a list or a yes/no value is refused, not turned into Python text);
  ``versie: '2'`` is read as version 2; an empty ``periode`` or ``regio_code`` is refused.
- A plan over :data:`~impactkit.stappenplan.MAX_PLAN_TEKENS` characters is neither read nor
  saved; saving onto a folder or into a read-only folder gives a Dutch message, and the old
  file stays whole (the plan is written to a new file and then renamed).
"""

import errno
import os
import time

import pytest

from impactkit.fouten import DataFout, ImpactkitFout, bestandsreden
from impactkit.stappenplan import MAX_PLAN_TEKENS, Stappenplan, lees_deelvragen

BASIS = "versie: 2\nregio_code: VT22\nperiode: 2021H1\n"

LACHEN = (
    BASIS
    + "hoofdvraag: x\ndeelvragen:\n- vraag: v\n  waarom: &a [lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"  w{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(7))
)


def melding(tmp_path, tekst: str) -> str:
    pad = tmp_path / "plan.yaml"
    pad.write_text(tekst, encoding="utf-8")
    voor = pad.read_bytes()
    with pytest.raises(DataFout) as e:
        Stappenplan.laad(pad)
    assert pad.read_bytes() == voor
    return str(e.value)


def test_billion_laughs_wordt_geweigerd_zonder_uit_te_pakken(tmp_path):
    assert len(LACHEN) < 600
    begin = time.perf_counter()
    m = melding(tmp_path, LACHEN)
    assert time.perf_counter() - begin < 2
    assert m.startswith("plan.yaml, regel 7, kolom 11:")
    assert "verwijzingen (& en *)" in m and "voluit" in m


@pytest.mark.parametrize(
    "tekst",
    [
        "- vraag: &v Hoe vaak?\n  indicatoren: [hermeldingen]\n- vraag: *v\n",
        '[{"vraag": "a"}, &x {"vraag": "b"}]',
        "a: &a [1]\nb: *a\n",
    ],
)
def test_verwijzingen_in_deelvragen_geweigerd(tekst):
    with pytest.raises(ImpactkitFout, match=r"regel \d+, kolom \d+: verwijzingen"):
        lees_deelvragen(tekst)


def test_samenvoegen_met_verwijzing_geweigerd(tmp_path):
    tekst = BASIS + "duiding: &d {datum: x}\nbevindingen: [{<<: *d}]\n"
    assert "verwijzingen" in melding(tmp_path, tekst)


@pytest.mark.parametrize(
    "extra, regel, sleutel",
    [
        ("hoofdvraag: a\nhoofdvraag: b\n", 5, "hoofdvraag"),
        ("deelvragen:\n- vraag: a\n  vraag: b\n", 6, "vraag"),
        (
            "deelvragen:\n- vraag: a\n  indicatoren:\n  - {indicator: hermeldingen, "
            "indicator: aard_geweld}\n",
            7,
            "indicator",
        ),
        ("duiding:\n  acties: [a]\n  acties: [b]\n", 6, "acties"),
        ("bevindingen: [{indicator: hermeldingen, oordeel: a, oordeel: b}]\n", 4, "oordeel"),
    ],
)
def test_dubbele_sleutel_met_regel(tmp_path, extra, regel, sleutel):
    m = melding(tmp_path, BASIS + extra)
    assert f"regel {regel}" in m and f"'{sleutel}' staat er twee keer" in m


def test_dubbele_sleutel_in_deelvragen_tekst():
    with pytest.raises(
        ImpactkitFout, match=r"regel 2.*'vraag' staat er twee keer \(ook op regel 1\)"
    ):
        lees_deelvragen("- vraag: a\n  vraag: b\n")
    with pytest.raises(ImpactkitFout, match="'vraag' staat er twee keer"):
        lees_deelvragen('[{"vraag": "a", "vraag": "b"}]')  # JSON too


def test_synoniemen_voor_hetzelfde_veld(tmp_path):
    m = melding(
        tmp_path,
        BASIS + "deelvragen:\n- vraag: a\n  indicatoren:\n  - {id: hermeldingen, indicator: "
        "aard_geweld}\n",
    )
    assert "'id' en 'indicator' betekenen allebei 'indicator'" in m
    with pytest.raises(ImpactkitFout, match="'reden' en 'waarom' betekenen allebei"):
        lees_deelvragen("- {vraag: a, reden: x, waarom: y}")


@pytest.mark.parametrize(
    "waarom, soort",
    [("[a, b]", "lijst"), ("yes", "ja/nee-waarde"), ("{a: b}", "woordenboek"), ("3", "getal")],
)
def test_waarom_moet_tekst_zijn(tmp_path, waarom, soort):
    m = melding(tmp_path, BASIS + f"deelvragen:\n- vraag: a\n  waarom: {waarom}\n")
    assert "deelvraag 1 › waarom' moet een tekst zijn" in m and soort in m
    m = melding(
        tmp_path,
        BASIS + f"deelvragen:\n- vraag: a\n  indicatoren:\n  - {{id: hermeldingen, waarom: "
        f"{waarom}}}\n",
    )
    assert "indicator 1 › waarom' moet een tekst zijn" in m
    with pytest.raises(ImpactkitFout, match="waarom' moet een tekst zijn"):
        lees_deelvragen(f"- vraag: a\n  waarom: {waarom}\n")


def test_waarom_als_tekst_blijft_tekst():
    (d,) = lees_deelvragen("- vraag: a\n  waarom: 'twee redenen: a en b'\n")
    assert d.waarom == "twee redenen: a en b"


@pytest.mark.parametrize("versie", ["'2'", '"2"', "' 1 '", "2"])
def test_versie_als_tekst_wordt_gelezen(tmp_path, versie):
    pad = tmp_path / "plan.yaml"
    pad.write_text(BASIS.replace("versie: 2", f"versie: {versie}"), encoding="utf-8")
    assert Stappenplan.laad(pad).regio_code == "VT22"


@pytest.mark.parametrize("versie", ["0", "-1", "2.5", "ja", "'twee'", "[2]"])
def test_vreemde_versie_geweigerd(tmp_path, versie):
    m = melding(tmp_path, BASIS.replace("versie: 2", f"versie: {versie}"))
    assert "'versie' moet een geheel getal zijn, 1 tot en met 2" in m
    assert "nieuwere" not in m


@pytest.mark.parametrize(
    "tekst, veld",
    [
        ("regio_code: VT22\nperiode:\n", "periode"),
        ("regio_code: VT22\nperiode: ''\n", "periode"),
        ("regio_code: VT22\nperiode: '  '\n", "periode"),
        ("regio_code:\nperiode: 2021H1\n", "regio_code"),
    ],
)
def test_lege_periode_of_regio_geweigerd(tmp_path, tekst, veld):
    m = melding(tmp_path, tekst)
    assert f"'{veld}' is leeg" in m and "None" not in m


def test_periode_als_jaartal_getal(tmp_path):
    pad = tmp_path / "plan.yaml"
    pad.write_text("regio_code: VT22\nperiode: 2021\n", encoding="utf-8")
    assert Stappenplan.laad(pad).periode == "2021"


def test_te_lange_tekst_niet_gelezen(tmp_path):
    m = melding(tmp_path, BASIS + "hoofdvraag: " + "x" * MAX_PLAN_TEKENS + "\n")
    assert "te lang" in m and "1.000.000" in m
    with pytest.raises(ImpactkitFout, match="te lang"):
        lees_deelvragen("- vraag: " + "x" * MAX_PLAN_TEKENS)


def plan() -> Stappenplan:
    return Stappenplan.uit_startvraag("heftig_structureel_geweld", "VT22", "2021H1")


def test_bewaar_op_een_map(tmp_path):
    (tmp_path / "bestaande_map").mkdir()
    with pytest.raises(ImpactkitFout, match="is een map. Geef de naam van het planbestand"):
        plan().bewaar(tmp_path / "bestaande_map")
    assert list((tmp_path / "bestaande_map").iterdir()) == []


def test_bewaar_te_groot_plan_schrijft_niets(tmp_path):
    p = plan()
    p.toelichting = "x" * MAX_PLAN_TEKENS
    with pytest.raises(ImpactkitFout, match="te groot"):
        p.bewaar(tmp_path / "plan.yaml")
    assert not (tmp_path / "plan.yaml").exists()


def test_bewaar_onder_een_bestand(tmp_path):
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(
        ImpactkitFout, match="niet bewaard in .*een bestand waar een map moet komen"
    ):
        plan().bewaar(tmp_path / "bestand" / "plan.yaml")
    assert (tmp_path / "bestand").read_text() == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_bewaar_in_alleen_lezen_map_laat_oud_plan_heel(tmp_path):
    pad = plan().bewaar(tmp_path / "plan.yaml")
    voor = pad.read_bytes()
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ImpactkitFout) as e:
            plan().bewaar(pad)
    finally:
        tmp_path.chmod(0o755)
    assert "niet bewaard" in str(e.value) and "geen toestemming" in str(e.value)
    assert pad.read_bytes() == voor and [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_bewaar_is_heel_of_niets(tmp_path, monkeypatch):
    pad = plan().bewaar(tmp_path / "plan.yaml")
    voor = pad.read_bytes()

    def vol(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", vol)
    nieuw = plan()
    nieuw.hoofdvraag = "anders"
    with pytest.raises(ImpactkitFout, match="de schijf is vol") as e:
        nieuw.bewaar(pad)
    assert "No space" not in str(e.value)
    assert pad.read_bytes() == voor and [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


@pytest.mark.parametrize(
    "fout, reden",
    [
        (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
        (PermissionError(errno.EACCES, "Permission denied"), "geen toestemming"),
        (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "is een map"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "bestaat niet"),
        (PermissionError(0, "x"), "geen toestemming"),
    ],
)
def test_bestandsreden_in_het_nederlands(fout, reden):
    assert reden in bestandsreden(fout)


# -- the widget panel writes the plan file after every change ----------------------------------------
@pytest.fixture
def paneel(tmp_path):
    from impactkit import werkboek, widgets

    plan_pad = plan().bewaar(tmp_path / "stappenplan.yaml")
    wb = werkboek.voorbereiden("VT22", "2021H1", plan_bestand=str(plan_pad))
    return widgets.keuzepaneel(wb), wb, plan_pad


def test_paneel_weigert_een_enorm_tekstvak(paneel):
    from impactkit.widgets import MAX_VAK_TEKENS

    p, wb, plan_pad = paneel
    voor = plan_pad.read_bytes()
    p.conclusies.value = "x" * (MAX_VAK_TEKENS + 1)
    p.knop.click()
    assert "Niet overgenomen" in p.bericht.value and "Conclusies" in p.bericht.value
    assert plan_pad.read_bytes() == voor and wb.plan.duiding.conclusies == []


def test_paneel_op_een_map_zegt_dat_het_plan_niet_bewaard_is(paneel, tmp_path):
    from impactkit import widgets

    _, wb, _ = paneel
    (tmp_path / "map").mkdir()
    p = widgets.keuzepaneel(wb, plan_bestand=tmp_path / "map")
    p.knop.click()
    assert "Plan niet bewaard" in p.bericht.value and "is een map" in p.bericht.value
    assert list((tmp_path / "map").iterdir()) == []
