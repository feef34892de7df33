"""Fetching a large CBS table: the whole table vs. only what the mapping needs.

A loopback HTTP server (separate process) serves a synthetic table in the shape and size of
84851NED (about 155.000 records x 5 measures, 388 regions incl. 345 gemeenten, 40 categories,
10 periods) as the OData-v3 bulk feed does, 10.000 records per page. Measured in the same run:
``cbsodata.get_data`` of the whole table (the obvious way) against
``impactkit.bronnen.cbs_odata.cbsodata_ophalen`` (filter on mapped categories, select mapped
measures). Time is wall-clock; memory is the tracemalloc peak of the fetching process.
Writes ``bench/bench_cbs.md``. Run: ``python bench/bench_cbs.py``.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "cbs"))

from odata_server import ODataServer, Tabel  # noqa: E402

TABEL = "84851NED"
AARD = [
    "Totaal",
    "Kindermishandeling",
    "Geweld tegen ouders",
    "(Ex-)Partnergeweld",
    "Ouderenmishandeling (ouder dan 65 jaar)",
    "Huiselijk geweld overig",
    "Onbekend",
]
MATEN = [
    ("GestarteAdviezen_1", "Gestarte adviezen", ("Adviezen, meldingen en diensten",)),
    ("OntvangenMeldingen_2", "Ontvangen meldingen", ("Adviezen, meldingen en diensten",)),
    (
        "CasussenMetOntvangenMeldingEn_3",
        "Casussen met ontvangen melding(en)",
        ("Adviezen, meldingen en diensten",),
    ),
    (
        "AfgerondeDienstenOnderzoek_4",
        "Afgeronde diensten onderzoek",
        ("Adviezen, meldingen en diensten", "Afgeronde diensten"),
    ),
    (
        "AfgerondeDienstenVoorwaardenEnVervolg_5",
        "Afgeronde diensten voorwaarden en vervolg",
        ("Adviezen, meldingen en diensten", "Afgeronde diensten"),
    ),
]


def maak_tabel() -> Tabel:
    from maak_fixtures import eigenschappen

    from impactkit.regioindeling import gemeenten, regios

    props = eigenschappen(
        [
            (
                "KenmerkenAdviezenMeldingenDiensten",
                "Kenmerken adviezen, meldingen, diensten",
                "Dimension",
            ),
            ("RegioS", "Regio's", "GeoDimension"),
            ("Perioden", "Perioden", "TimeDimension"),
        ],
        [(k, t, "aantal", g) for k, t, g in MATEN],
    )
    cats = AARD + [f"Aanvullend kenmerk {i}" for i in range(33)]
    regio = [("NL01  ", "Nederland")]
    regio += [(f"LD0{i}  ", f"Landsdeel {i} (LD)") for i in range(1, 5)]
    regio += [(f"PV{20 + i}  ", f"Provincie {i} (PV)") for i in range(12)]
    regio += [
        (f"VT{int(c[2:]):04d}", f"{n} (VT)")
        for c, n in zip(regios()["code"][1:], regios()["naam"][1:])
    ]
    regio += list(zip(gemeenten()["code"], gemeenten()["naam"]))
    perioden = [(f"{j}HJ0{h}", f"{h}e halfjaar {j}") for j in range(2020, 2025) for h in (1, 2)]
    categorieen = {
        "KenmerkenAdviezenMeldingenDiensten": [
            {"Key": f"T{i:06d}", "Title": t} for i, t in enumerate(cats)
        ],
        "RegioS": [{"Key": k, "Title": t} for k, t in regio],
        "Perioden": [{"Key": k, "Title": t} for k, t in perioden],
    }
    records, i = [], 0
    for c in categorieen["KenmerkenAdviezenMeldingenDiensten"]:
        for r in categorieen["RegioS"]:
            for p in categorieen["Perioden"]:
                rec = {
                    "ID": i,
                    "KenmerkenAdviezenMeldingenDiensten": c["Key"],
                    "RegioS": r["Key"],
                    "Perioden": p["Key"],
                }
                for j, (k, _, _) in enumerate(MATEN):
                    rec[k] = (i * 7 + j * 13) % 500 * 5
                records.append(rec)
                i += 1
    return Tabel(props, categorieen, records)


def _serveer(klaar, adres, stop):
    with ODataServer({TABEL: maak_tabel()}) as s:
        adres.put(s.adres)
        klaar.set()
        stop.wait()


def meet(functie):
    tracemalloc.start()
    begin = time.perf_counter()
    records, _ = functie()
    duur = time.perf_counter() - begin
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return len(records), duur, piek / 1e6


def main() -> None:
    import cbsodata

    from impactkit.bronnen.cbs_odata import cbsodata_ophalen

    ctx = mp.get_context("fork")
    klaar, stop, adres = ctx.Event(), ctx.Event(), ctx.Queue()
    proces = ctx.Process(target=_serveer, args=(klaar, adres, stop), daemon=True)
    proces.start()
    klaar.wait(120)
    cbsodata.options.use_https = False
    cbsodata.options.catalog_url = adres.get()
    try:
        paginas = []
        gefilterd = meet(lambda: cbsodata_ophalen(TABEL, paginas.append))
        heel = meet(lambda: (cbsodata.get_data(TABEL), None))
    finally:
        stop.set()
        proces.join(10)
    from impactkit.opmaak import getal

    n_f, t_f, m_f = gefilterd
    n_h, t_h, m_h = heel
    regels = [
        "# Bench: een grote CBS-tabel ophalen (84851NED-formaat, loopback OData v3)",
        "",
        f"Synthetische tabel: {getal(n_h, 0)} records x {len(MATEN)} maten, 388 regio's, 40 categorieën, "
        "10 perioden, 10.000 records per pagina; server in een apart proces op 127.0.0.1.",
        "",
        "| manier | records | tijd (s) | geheugenpiek (MB, tracemalloc) |",
        "|---|---:|---:|---:|",
        f"| hele tabel: `cbsodata.get_data` | {getal(n_h, 0)} | {getal(t_h)} | {getal(m_h, 0)} |",
        f"| gefilterd: `cbsodata_ophalen` | {getal(n_f, 0)} | {getal(t_f)} | {getal(m_f, 0)} |",
        f"| verhouding heel / gefilterd | {getal(n_h / n_f)}x | {getal(t_h / t_f)}x "
        f"| {getal(m_h / m_f)}x |",
        "",
        f"Voortgangsregels bij gefilterd ophalen: {len(paginas)} (één per pagina).",
        "Gefilterd = alleen de 7 gekoppelde categorieën en 2 gekoppelde maten; alle regio's "
        "(84851NED is ook op gemeenteniveau gekoppeld) en alle perioden.",
    ]
    tekst = "\n".join(regels) + "\n"
    (ROOT / "bench" / "bench_cbs.md").write_text(tekst, encoding="utf-8")
    print(tekst)


if __name__ == "__main__":
    main()
