"""Workshop load on one laptop: participants open the app at once; a room that presses F5.

Starts ``impactkit app`` (Voila) on a free localhost port and runs N simultaneous sessions, each
as a browser would: load the page (Voila runs notebooks/app.ipynb in a new kernel), connect to the
kernel's websocket, ask for the widget states, choose a region in the 'Regio' dropdown and wait
until the page's answer names that region; then wait for the charts. Reports per session the time
to the first answer (from opening the page) and to the charts, and the memory of the server and
its kernels together (sum of RSS, sampled every 0.2 s). Afterwards the sessions leave without
saying goodbye (as a closed laptop does) and the script checks that idle-kernel culling stops
their kernels.

Targets (issue 15): every participant's first answer within 30 s on 2 cores, memory under 4 GB,
no kernels left after culling.

Then a burst (issue 27): 30 page loads within 3 s, each kept open as a browser tab (the page read,
its kernel's websocket connected), first on a server with the cap on open pages, then on the same
server without a cap. Per run: pages served, "vol" answers (the Dutch page, checked), the most
kernels alive at once, the memory peak (server and kernels), and how long after the tabs closed
(Voila's beacon, then the websocket) until no kernel was left. Targets: the cap holds (never more
kernels than the cap), every other load gets "vol", the capped run's memory peak is a fraction of
the uncapped one (printed as a ratio), and closed tabs leave no kernel within 10 s. The cap
defaults to what :func:`impactkit.app.standaard_max_paginas` gives a laptop with 8 GB, 4.6 GB of
it free. Only localhost is contacted; every loop is bounded.

    python bench/bench_app.py                  # 12 sessions, culling after 30 s idle; burst of 30
    python bench/bench_app.py --sessies 4 --burst 0 --json uitvoer.json
    python bench/bench_app.py --sessies 0 --burst 30 --max-paginas 12
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import websocket  # websocket-client, installed with jupyter_server

from impactkit.app import (
    app_omgeving,
    app_opdracht,
    standaard_max_paginas,
    vrije_poort,
    wacht_op_app,
)
from impactkit.regioindeling import regios

TIJDSLIMIET = 240.0  # seconds per session, at most


# -- memory and kernels of the server's process tree -----------------------------------------------
def _kinderen(pid: int) -> list[int]:
    uit = []
    for taak in Path(f"/proc/{pid}/task").glob("*"):
        try:
            uit += [int(x) for x in (taak / "children").read_text().split()]
        except OSError:
            pass
    return uit


def boom(pid: int) -> list[int]:
    """The process and all its descendants."""
    alle, rij = [], [pid]
    while rij:
        p = rij.pop()
        alle.append(p)
        rij += _kinderen(p)
    return alle


def rss_mb(pids: list[int]) -> float:
    totaal = 0
    for p in pids:
        try:
            for regel in Path(f"/proc/{p}/status").read_text().splitlines():
                if regel.startswith("VmRSS:"):
                    totaal += int(regel.split()[1])
        except OSError:
            pass
    return totaal / 1024


def kernels(pid: int) -> int:
    """The server's kernels: its children running ipykernel. Not any descendant: a kernel that
    starts a subprocess (a library asking ``ldconfig``) has a forked child with the kernel's
    command line for a moment, which would count as a kernel too many."""
    n = 0
    for p in _kinderen(pid):
        try:
            if b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes():
                n += 1
        except OSError:
            pass
    return n


class Geheugenmeter(threading.Thread):
    """Peak memory (MB) of the process tree and peak number of kernels, sampled every 0.2 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.piek, self.kernels_piek, self.stop = pid, 0.0, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.piek = max(self.piek, rss_mb(boom(self.pid)))
            self.kernels_piek = max(self.kernels_piek, kernels(self.pid))
            time.sleep(0.2)


# -- one participant -----------------------------------------------------------------------------------
def _bericht(kanaal: str, soort: str, inhoud: dict, sessie: str, meta: dict | None = None) -> str:
    return json.dumps(
        {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "msg_type": soort,
                "username": "bench",
                "session": sessie,
                "date": datetime.now(UTC).isoformat(),
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": meta or {},
            "content": inhoud,
            "channel": kanaal,
            "buffers": [],
        }
    )


def sessie(adres: str, regio_naam: str, uitslag: dict) -> None:
    """Open the page, choose ``regio_naam``, wait for its answer and charts; fill ``uitslag``."""
    begin = time.monotonic()
    tot = begin + TIJDSLIMIET
    try:
        with urllib.request.urlopen(adres, timeout=TIJDSLIMIET) as antwoord:
            pagina = antwoord.read().decode("utf-8")
        uitslag["pagina_s"] = time.monotonic() - begin
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', pagina).group(1)
        sid = uuid.uuid4().hex
        ws = websocket.create_connection(
            adres.replace("http", "ws") + f"api/kernels/{kernel}/channels?session_id={sid}",
            timeout=10,
        )
        controle = uuid.uuid4().hex
        ws.send(
            _bericht(
                "shell",
                "comm_open",
                {"comm_id": controle, "data": {}, "target_name": "jupyter.widget.control"},
                sid,
                {"version": "1.0.0"},
            )
        )
        ws.send(
            _bericht(
                "shell",
                "comm_msg",
                {"comm_id": controle, "data": {"method": "request_states"}},
                sid,
            )
        )
        keuze = None
        gekozen = False
        while time.monotonic() < tot:
            try:
                ruw = ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            if not isinstance(ruw, str):
                continue  # a binary frame (widget buffers): nothing we wait for
            m = json.loads(ruw)
            if m.get("msg_type") != "comm_msg" and m["header"].get("msg_type") != "comm_msg":
                continue
            data = m["content"].get("data", {})
            if data.get("method") == "update_states" and keuze is None:
                for model, s in data["states"].items():
                    st = s.get("state", {})
                    if (
                        st.get("_model_name") == "DropdownModel"
                        and st.get("description") == "Regio"
                    ):
                        keuze = (model, st["_options_labels"].index(regio_naam))
                ws.send(
                    _bericht(
                        "shell",
                        "comm_msg",
                        {
                            "comm_id": keuze[0],
                            "data": {
                                "method": "update",
                                "state": {"index": keuze[1]},
                                "buffer_paths": [],
                            },
                        },
                        sid,
                    )
                )
                uitslag["gekozen_s"] = time.monotonic() - begin
                gekozen = True
                continue
            waarde = str(data.get("state", {}).get("value", ""))
            if gekozen and "Antwoord op de hoofdvraag" in waarde and regio_naam in waarde:
                uitslag.setdefault("antwoord_s", time.monotonic() - begin)
            if gekozen and 'class="grafiek"' in waarde:
                uitslag["grafieken_s"] = time.monotonic() - begin
                break
        ws.close()  # no shutdown request: the kernel stays until the culler stops it
    except Exception as e:  # noqa: BLE001 - report, never hang the benchmark
        uitslag["fout"] = f"{type(e).__name__}: {e}"


# -- a burst of page loads, each kept open as a tab -------------------------------------------------
VOL = "De app is vol: sluit een ander tabblad of probeer het over een minuut opnieuw."


def tabblad(poort: int, uitslag: dict, sluiten: threading.Event) -> None:
    """Load the page as a browser tab does and keep it open until ``sluiten``; then close it as a
    browser closes a tab (Voila's shutdown beacon with the page's _xsrf cookie, then the
    websocket goes). A "vol" answer is recorded with its time."""
    begin = time.monotonic()
    ws = None
    try:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=TIJDSLIMIET)
        verbinding.request("GET", "/")
        antwoord = verbinding.getresponse()
        pagina = antwoord.read().decode("utf-8")
        koekjes = antwoord.headers.get_all("Set-Cookie") or []
        verbinding.close()
        uitslag["status"], uitslag["antwoord_s"] = antwoord.status, time.monotonic() - begin
        if antwoord.status == 503:
            uitslag["vol"] = VOL in " ".join(pagina.split()) and 'lang="nl"' in pagina
            return
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', pagina).group(1)
        koek = "; ".join(k.split(";", 1)[0] for k in koekjes)
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{poort}/api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}",
            timeout=10,
            header=[f"Cookie: {koek}"],
        )
        sluiten.wait(TIJDSLIMIET * 2)
        xsrf = re.search(r"(?:^|; )_xsrf=([^;]+)", koek).group(1)
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        verbinding.request(
            "POST",
            f"/voila/api/shutdown/{kernel}",
            body=urllib.parse.urlencode({"_xsrf": xsrf}),
            headers={"Cookie": koek, "Content-Type": "application/x-www-form-urlencoded"},
        )
        uitslag["sluiten_status"] = verbinding.getresponse().status
        verbinding.close()
    except Exception as e:  # noqa: BLE001 - report, never hang the benchmark
        uitslag["fout"] = f"{type(e).__name__}: {e}"
    finally:
        if ws is not None:
            ws.close()


def burst(aantal: int, max_paginas: int, opruimen: int) -> dict:
    """``aantal`` tabs opened within 3 s on a fresh server with this cap (0: none); figures."""
    poort = vrije_poort(8900)
    log = open(os.devnull, "w")
    server = subprocess.Popen(
        app_opdracht(poort, opruimen, max_paginas=max_paginas),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=app_omgeving(),
    )
    try:
        wacht_op_app(f"http://127.0.0.1:{poort}/", server)
        rust = rss_mb(boom(server.pid))
        meter = Geheugenmeter(server.pid)
        meter.start()
        sluiten = threading.Event()
        uitslagen = [{} for _ in range(aantal)]
        draden = [
            threading.Thread(target=tabblad, args=(poort, u, sluiten), daemon=True)
            for u in uitslagen
        ]
        begin = time.monotonic()
        for d in draden:
            d.start()
            time.sleep(3 / aantal)
        # Every tab answered: served (its websocket connected) or "vol".
        tot = begin + TIJDSLIMIET
        while time.monotonic() < tot and not all("status" in u or "fout" in u for u in uitslagen):
            time.sleep(0.2)
        alles_beantwoord = time.monotonic() - begin
        time.sleep(3)  # the open tabs as they are: memory settles
        open_kernels = kernels(server.pid)
        gesloten = time.monotonic()
        sluiten.set()
        for d in draden:
            d.join(60)
        tot = time.monotonic() + 60
        while kernels(server.pid) and time.monotonic() < tot:
            time.sleep(0.2)
        leeg_na = time.monotonic() - gesloten
        meter.stop.set()
        meter.join()
        over = kernels(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return {
        "max_paginas": max_paginas,
        "paginas": aantal,
        "geserveerd": sum(u.get("status") == 200 for u in uitslagen),
        "vol": sum(u.get("status") == 503 for u in uitslagen),
        "vol_pagina_nederlands": all(u.get("vol") for u in uitslagen if u.get("status") == 503),
        "vol_antwoord_s_max": max(
            (u["antwoord_s"] for u in uitslagen if u.get("status") == 503), default=None
        ),
        "fouten": [u["fout"] for u in uitslagen if "fout" in u],
        "alles_beantwoord_s": alles_beantwoord,
        "kernels_open": open_kernels,
        "kernels_piek": meter.kernels_piek,
        "geheugen_rust_mb": rust,
        "geheugen_piek_mb": meter.piek,
        "leeg_na_sluiten_s": leeg_na,
        "kernels_over": over,
    }


def toon_burst(met: dict, zonder: dict) -> None:
    print(f"Burst: {met['paginas']} pagina's binnen 3 s, elk open gehouden als tabblad")
    for naam, r in (("met grens", met), ("zonder grens", zonder)):
        grens = r["max_paginas"] or "geen"
        print(
            f"  {naam:<13} (grens {grens}): {r['geserveerd']} geserveerd, {r['vol']} 'vol' "
            f"(langzaamste in {r['vol_antwoord_s_max'] or 0:.2f} s), kernels piek "
            f"{r['kernels_piek']}, geheugen piek {r['geheugen_piek_mb']:.0f} MB (rust "
            f"{r['geheugen_rust_mb']:.0f} MB), alles beantwoord na {r['alles_beantwoord_s']:.1f} s, "
            f"na sluiten geen kernel meer na {r['leeg_na_sluiten_s']:.1f} s"
            + (f", FOUTEN: {r['fouten']}" if r["fouten"] else "")
        )
    print(
        f"  Geheugenpiek met grens / zonder grens: "
        f"{met['geheugen_piek_mb'] / zonder['geheugen_piek_mb']:.2f}; kernels "
        f"{met['kernels_piek']} / {zonder['kernels_piek']}"
    )


def burst_geslaagd(met: dict, zonder: dict) -> bool:
    grens = met["max_paginas"]
    return (
        met["kernels_piek"] <= grens
        and met["geserveerd"] == min(grens, met["paginas"])
        and met["vol"] == met["paginas"] - met["geserveerd"]
        and met["vol_pagina_nederlands"]
        and not met["fouten"]
        and zonder["geserveerd"] == zonder["paginas"]
        and met["geheugen_piek_mb"] < zonder["geheugen_piek_mb"]
        and met["leeg_na_sluiten_s"] < 10
        and met["kernels_over"] == zonder["kernels_over"] == 0
    )


def sessies_meten(args: argparse.Namespace) -> tuple[dict, bool]:
    """The participants' sessions (issue 15): figures, and whether the targets were met."""
    poort = vrije_poort(8900)
    adres = f"http://127.0.0.1:{poort}/"
    log = open(os.devnull, "w")
    server = subprocess.Popen(
        app_opdracht(poort, args.opruimen), stdout=log, stderr=subprocess.STDOUT, env=app_omgeving()
    )
    try:
        wacht_op_app(adres, server)
        rust = rss_mb(boom(server.pid))
        meter = Geheugenmeter(server.pid)
        meter.start()
        from impactkit.laden import laad
        from impactkit.widgets import halfjaren

        vt = regios(periode=halfjaren(laad())[0])  # the app opens on the latest half year
        namen = [n for c, n in zip(vt["code"], vt["naam"]) if c != "NL01"]
        uitslagen = [{"regio": namen[(i * 7) % len(namen)]} for i in range(args.sessies)]
        draden = [threading.Thread(target=sessie, args=(adres, u["regio"], u)) for u in uitslagen]
        begin = time.monotonic()
        for d in draden:
            d.start()
        for d in draden:
            d.join(TIJDSLIMIET + 30)
        totaal = time.monotonic() - begin
        na_sessies = kernels(server.pid)
        # Culling: the sessions left without a shutdown request; wait (bounded) for the culler.
        tot = time.monotonic() + args.opruimen + 120
        while kernels(server.pid) and time.monotonic() < tot:
            time.sleep(2)
        opgeruimd_na = time.monotonic() - begin - totaal
        meter.stop.set()
        meter.join()
        over = kernels(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    antwoorden = [u["antwoord_s"] for u in uitslagen if "antwoord_s" in u]
    print(f"{args.sessies} sessies tegelijk op {os.cpu_count()} kernen, app op {adres}")
    for u in uitslagen:
        if "fout" in u or "antwoord_s" not in u:
            print(f"  {u['regio']:<28} MISLUKT: {u.get('fout', 'geen antwoord')}")
        else:
            print(
                f"  {u['regio']:<28} pagina {u['pagina_s']:5.1f} s  antwoord "
                f"{u['antwoord_s']:5.1f} s  grafieken {u.get('grafieken_s', float('nan')):5.1f} s"
            )
    if antwoorden:
        print(
            f"Eerste antwoord: mediaan {sorted(antwoorden)[len(antwoorden) // 2]:.1f} s, "
            f"langzaamste {max(antwoorden):.1f} s (doel < 30 s)"
        )
    print(f"Geheugen: in rust {rust:.0f} MB, piek {meter.piek:.0f} MB (doel < 4096 MB)")
    print(
        f"Kernels: {na_sessies} na de sessies, {over} over na opruimen "
        f"(culling na {args.opruimen} s rust; {opgeruimd_na:.0f} s gewacht)"
    )
    uit = {
        "sessies": args.sessies,
        "kernen": os.cpu_count(),
        "uitslagen": uitslagen,
        "langzaamste_antwoord_s": max(antwoorden) if antwoorden else None,
        "geheugen_rust_mb": rust,
        "geheugen_piek_mb": meter.piek,
        "kernels_na_sessies": na_sessies,
        "kernels_over": over,
    }
    if antwoorden:
        # What one page costs after an answer with charts (impactkit.app.GEHEUGEN_PER_PAGINA).
        print(f"Per sessie: {(meter.piek - rust) / args.sessies:.0f} MB boven de rust")
    geslaagd = (
        len(antwoorden) == args.sessies and max(antwoorden) < 30 and meter.piek < 4096 and over == 0
    )
    return uit, geslaagd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessies", type=int, default=12, help="0: no sessions")
    parser.add_argument(
        "--opruimen",
        type=int,
        default=30,
        help="seconds of idle time before a kernel without page is stopped",
    )
    parser.add_argument("--burst", type=int, default=30, help="page loads in the burst; 0: none")
    parser.add_argument(
        "--max-paginas",
        type=int,
        default=standaard_max_paginas(int(4.6 * 2**30)),  # an 8 GB laptop, 4.6 GB free
        help="the cap in the burst's capped run",
    )
    parser.add_argument("--json", default="", help="write the figures to this file")
    args = parser.parse_args(argv)

    uit, geslaagd = {}, True
    if args.sessies:
        uit, geslaagd = sessies_meten(args)
    if args.burst:
        met = burst(args.burst, args.max_paginas, args.opruimen)
        zonder = burst(args.burst, 0, args.opruimen)  # the same server without a cap
        toon_burst(met, zonder)
        uit["burst"] = {"met_grens": met, "zonder_grens": zonder}
        geslaagd = geslaagd and burst_geslaagd(met, zonder)
    if args.json:
        Path(args.json).write_text(json.dumps(uit, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if geslaagd else 1


if __name__ == "__main__":
    sys.exit(main())
