"""Workshop load on one laptop: N participants open the app at once and each choose a region.

Starts ``impactkit app`` (Voila) on a free localhost port and runs N simultaneous sessions, each
as a browser would: load the page (Voila runs notebooks/app.ipynb in a new kernel), connect to the
kernel's websocket, ask for the widget states, choose a region in the 'Regio' dropdown and wait
until the page's answer names that region; then wait for the charts. Reports per session the time
to the first answer (from opening the page) and to the charts, and the memory of the server and
its kernels together (sum of RSS, sampled every 0.2 s). Afterwards the sessions leave without
saying goodbye (as a closed laptop does) and the script checks that idle-kernel culling stops
their kernels.

Targets (issue 15): every participant's first answer within 30 s on 2 cores, memory under 4 GB,
no kernels left after culling. Only localhost is contacted; every loop is bounded.

    python bench/bench_app.py                  # 12 sessions, culling after 30 s idle
    python bench/bench_app.py --sessies 4 --json uitvoer.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import websocket  # websocket-client, installed with jupyter_server

from impactkit.app import app_omgeving, app_opdracht, vrije_poort, wacht_op_app
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
    n = 0
    for p in boom(pid)[1:]:
        try:
            if b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes():
                n += 1
        except OSError:
            pass
    return n


class Geheugenmeter(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.piek, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.piek = max(self.piek, rss_mb(boom(self.pid)))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessies", type=int, default=12)
    parser.add_argument(
        "--opruimen",
        type=int,
        default=30,
        help="seconds of idle time before a kernel without page is stopped",
    )
    parser.add_argument("--json", default="", help="write the figures to this file")
    args = parser.parse_args(argv)

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
    if args.json:
        Path(args.json).write_text(json.dumps(uit, indent=2, ensure_ascii=False), encoding="utf-8")
    geslaagd = (
        len(antwoorden) == args.sessies and max(antwoorden) < 30 and meter.piek < 4096 and over == 0
    )
    return 0 if geslaagd else 1


if __name__ == "__main__":
    sys.exit(main())
