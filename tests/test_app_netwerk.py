"""``impactkit app`` as a trainer's laptop in a workshop treats it (issue 27).

Started as a user would (the command line, in a process of its own): with ``--netwerk`` it refuses
requests without the access code in Dutch and serves the app with it; with ``--max-paginas 2`` a
third page gets the Dutch "vol" page and a page that is closed or left while loading gives its
place back at once; SIGTERM, SIGHUP or killing ``impactkit app`` outright leaves no server on the
port and no kernel. One server for the network tests; the stop tests each start their own, with
one page open. Only 127.0.0.1 is contacted. The burst of 30 page loads is in bench/bench_app.py.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

import psutil
import pytest

from impactkit import app
from impactkit.cli import main
from impactkit.fouten import ImpactkitFout

VOL = "De app is vol: sluit een ander tabblad of probeer het over een minuut opnieuw."


def _start(*argumenten: str) -> tuple[subprocess.Popen, list[str]]:
    """``impactkit app`` in a session of its own; its lines up to the one about the cap."""
    proces = subprocess.Popen(
        [sys.executable, "-c", "import sys; from impactkit.cli import main; sys.exit(main())"]
        + ["app", "--niet-openen", *argumenten],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    regels = []
    while not regels or not regels[-1].startswith("De app houdt hoogstens"):
        regel = proces.stdout.readline()
        assert regel, "impactkit app stopte:\n" + "".join(regels)
        regels.append(regel)
    return proces, regels


def _nakomelingen(proces: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(proces.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _nakomelingen_van(processen: list[psutil.Process]) -> list[psutil.Process]:
    """The processes and, for those still running, their descendants (kernels started later)."""
    alle = list(processen)
    for p in _levend(processen):
        try:
            alle += p.children(recursive=True)
        except psutil.NoSuchProcess:
            pass
    return alle


def _kernels(processen: list[psutil.Process]) -> list[psutil.Process]:
    """The kernels among the processes: a kernel's own child (a library running a command) has
    the kernel's command line for a moment after the fork, and is not a kernel."""
    uit = []
    for p in processen:
        try:
            if p.is_running() and "ipykernel_launcher" in " ".join(p.cmdline()):
                if "ipykernel_launcher" not in " ".join(p.parent().cmdline()):
                    uit.append(p)
        except (psutil.NoSuchProcess, psutil.ZombieProcess, AttributeError):
            pass
    return uit


def _levend(processen: list[psutil.Process]) -> list[psutil.Process]:
    uit = []
    for p in processen:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                uit.append(p)
        except psutil.NoSuchProcess:
            pass
    return uit


def _poort_bezet(poort: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", poort)) == 0


def _stop(proces: subprocess.Popen, rest: list[psutil.Process]) -> None:
    """Whatever a failed test left: impactkit app, Voila and kernels (this test's own only)."""
    if proces.poll() is None:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(timeout=10)
    for p in _levend(rest):
        p.kill()


def _wacht(voorwaarde, seconden: float = 20) -> bool:
    tot = time.monotonic() + seconden
    while time.monotonic() < tot:
        if voorwaarde():
            return True
        time.sleep(0.2)
    return False


class Pagina:
    """One page load, read up to its kernel id and kept open like a browser tab that is loading."""

    def __init__(self, poort: int, pad: str, koek: str = ""):
        self.verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        self.verbinding.request("GET", pad, headers={"Cookie": koek} if koek else {})
        self.antwoord = self.verbinding.getresponse()
        self.status = self.antwoord.status
        self.koekjes = self.antwoord.headers.get_all("Set-Cookie") or []
        self.tekst, self.kernel = "", None
        if self.status != 200:
            self.tekst = self.antwoord.read().decode("utf-8")
            self.sluit()
            return
        while self.kernel is None:
            stuk = self.antwoord.read1(65536).decode("utf-8", errors="replace")
            assert stuk, "pagina zonder kernel"
            self.tekst += stuk
            gevonden = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', self.tekst)
            self.kernel = gevonden.group(1) if gevonden else None

    def sluit(self) -> None:
        """Leave the page before it is complete (F5, a closed tab while it loads)."""
        self.verbinding.sock and self.verbinding.sock.close()
        self.verbinding.close()

    def sluit_tabblad(self, poort: int) -> int | None:
        """Close the page as a browser closes a tab: on 'beforeunload' Voila's page sends this
        beacon, with the value of the page's _xsrf cookie (without that cookie it was refused)."""
        self.sluit()
        if self.kernel is None:
            return None
        koek = _koek(self.koekjes)
        xsrf = re.search(r"(?:^|; )_xsrf=([^;]+)", koek).group(1)
        beacon = urllib.parse.urlencode({"_xsrf": xsrf})
        return _vraag(poort, "POST", f"/voila/api/shutdown/{self.kernel}", koek, beacon)[0]


def _vraag(poort: int, methode: str, pad: str, koek: str = "", body: str = ""):
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    kop = {"Cookie": koek} if koek else {}
    if body:
        kop["Content-Type"] = "application/x-www-form-urlencoded"
    verbinding.request(methode, pad, body=body or None, headers=kop)
    antwoord = verbinding.getresponse()
    uit = antwoord.status, antwoord.headers, antwoord.read().decode("utf-8")
    verbinding.close()
    return uit


def _koek(koekjes: list[str]) -> str:
    return "; ".join(k.split(";", 1)[0] for k in koekjes)


def _nederlandse_pagina(tekst: str, kop: str) -> None:
    assert '<html lang="nl">' in tekst and f"<title>{kop} – Stappenplan-app</title>" in tekst
    assert tekst.count("<h1>") == 1 and f"<h1>{kop}</h1>" in tekst
    assert "http" not in tekst  # nothing from another host


def test_voila_opdracht_voor_de_zaal():
    opdracht = app.app_opdracht(8899, netwerk=True, max_paginas=5)
    assert "--Voila.ip=0.0.0.0" in opdracht and "--Voila.auto_token=True" in opdracht
    assert "--AppKernels.max_kernels=5" in opdracht and "--Voila.port_retries=0" in opdracht
    assert f"--Voila.config_file_paths={app.VOILA_INSTELLINGEN}" in opdracht
    assert (app.VOILA_INSTELLINGEN / "voila.py").is_file()
    assert "--Voila.auto_token=True" not in app.app_opdracht(8899)  # localhost: no code


def test_omgeving_geeft_de_code_alleen_als_die_er_is(monkeypatch):
    monkeypatch.setenv("JUPYTER_TOKEN", "van-iemand-anders")
    assert "JUPYTER_TOKEN" not in app.app_omgeving()
    omgeving = app.app_omgeving("abc")
    assert omgeving["JUPYTER_TOKEN"] == "abc"
    assert omgeving["IMPACTKIT_APP_OUDER"] == str(os.getpid())  # Voila stops when we are gone


def test_toegangscode_is_goed_over_te_nemen():
    codes = {app.toegangscode() for _ in range(20)}
    assert len(codes) == 20
    assert all(re.fullmatch(r"[a-hj-km-np-z2-9]{10}", c) for c in codes)


def test_standaard_grens_past_in_het_geheugen():
    mb = 2**20
    assert app.standaard_max_paginas(0) == 2  # always room for a trainer and one more
    assert app.standaard_max_paginas(1024 * mb + 10 * 320 * mb) == 10
    assert app.standaard_max_paginas(int(4.6 * 1024 * mb)) == 11  # an 8 GB laptop, 4.6 GB free
    assert app.standaard_max_paginas(64 * 1024 * mb) == app.MAX_PAGINAS_HOOGSTENS
    assert app.standaard_max_paginas() >= 2


def test_bezette_poort_en_grens_nul_geven_nederlandse_fout(capsys):
    with pytest.raises(ImpactkitFout, match="minstens 1"):
        app.start_app(max_paginas=0, openen=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        bezet = s.getsockname()[1]
        assert main(["app", "--poort", str(bezet), "--niet-openen"]) == 2
    assert f"Poort {bezet} is al in gebruik" in capsys.readouterr().err


@pytest.fixture(scope="module")
def netwerkapp():
    """``impactkit app --netwerk --max-paginas 2``; stopped with SIGTERM afterwards."""
    poort = app.vrije_poort(8990)
    proces, regels = _start("--netwerk", "--max-paginas", "2", "--poort", str(poort))
    processen = _nakomelingen(proces)
    try:
        code = re.search(r"\?token=([a-z0-9]+)", regels[0]).group(1)
        yield poort, code, regels, processen
        proces.send_signal(signal.SIGTERM)
        proces.wait(timeout=30)
        assert not _poort_bezet(poort), "Voila draait nog na SIGTERM"
    finally:
        _stop(proces, processen)


def test_netwerk_adres_met_toegangscode(netwerkapp):
    poort, code, regels, _ = netwerkapp
    assert regels[0].strip() == f"De app draait op http://127.0.0.1:{poort}/?token={code}"
    assert re.fullmatch(r"[a-hj-km-np-z2-9]{10}", code)  # no i, l, o, 0, 1
    tekst = "".join(regels)
    assert f":{poort}/?token={code}" in tekst and f"De toegangscode is {code}" in tekst
    assert "hoogstens 2 pagina's" in tekst


def test_netwerk_zonder_code_geweigerd_in_het_nederlands(netwerkapp):
    poort, code, _, processen = netwerkapp
    for pad in ("/", "/?token=verkeerd"):
        status, kop, _ = _vraag(poort, "GET", pad)
        assert status == 302 and kop["Location"].startswith("/login?next=")
        status, _, tekst = _vraag(poort, "GET", kop["Location"])
        assert status == 403
        _nederlandse_pagina(tekst, "Toegangscode nodig")
        assert "Deze app opent alleen met de toegangscode." in tekst
    # The API and a kernel's connection refuse too, and no kernel was started.
    assert _vraag(poort, "GET", "/api/kernels/00000000-0000-0000-0000-000000000000")[0] == 403
    assert _kernels(_nakomelingen_van(processen)) == []


def test_netwerk_code_intypen(netwerkapp):
    poort, code, _, _ = netwerkapp
    status, kop, tekst = _vraag(poort, "GET", "/login?next=%2F")
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', tekst).group(1)
    koek = _koek(kop.get_all("Set-Cookie"))
    formulier = {"_xsrf": xsrf, "password": "fout"}
    status, _, tekst = _vraag(
        poort, "POST", "/login?next=%2F", koek, urllib.parse.urlencode(formulier)
    )
    assert status == 403 and "Deze code klopt niet." in tekst
    formulier["password"] = code
    status, kop, _ = _vraag(
        poort, "POST", "/login?next=%2F", koek, urllib.parse.urlencode(formulier)
    )
    assert status == 302 and kop["Location"] == "/"
    ingelogd = _koek(kop.get_all("Set-Cookie"))
    # With the cookie the API answers (no such kernel) instead of refusing.
    onbekend = "/api/kernels/00000000-0000-0000-0000-000000000000"
    assert _vraag(poort, "GET", onbekend, ingelogd)[0] == 404


def test_netwerk_met_code_de_app_tot_de_grens_dan_vol(netwerkapp):
    """Cap 2: a page left while loading gives its place back at once; two pages are served,
    the third gets the Dutch 'vol' page and starts nothing; a page that is closed (Voila's
    beacon) gives its place back at once."""
    poort, code, _, processen = netwerkapp
    met_code = f"/?token={code}"
    a = Pagina(poort, met_code)
    b = Pagina(poort, met_code)
    paginas = [a, b]
    try:
        assert a.status == b.status == 200 and a.kernel != b.kernel
        assert '<html lang="nl"' in a.tekst
        koek = _koek(a.koekjes)
        b.sluit()  # F5 or a closed tab while the page loads (its notebook still runs)
        assert _wacht(lambda: _vraag(poort, "GET", f"/api/kernels/{b.kernel}", koek)[0] == 404)

        paginas.append(tweede := Pagina(poort, met_code))
        assert tweede.status == 200
        assert _wacht(lambda: len(_kernels(_nakomelingen_van(processen))) == 2)
        vol = Pagina(poort, met_code)
        assert vol.status == 503 and VOL in " ".join(vol.tekst.split())
        _nederlandse_pagina(vol.tekst, "De app is vol")
        assert len(_kernels(_nakomelingen_van(processen))) == 2

        # A page that is closed stops its kernel (Voila's beacon, see Pagina.sluit_tabblad).
        assert a.sluit_tabblad(poort) == 204
        assert _vraag(poort, "GET", f"/api/kernels/{a.kernel}", koek)[0] == 404
        paginas.append(daarna := Pagina(poort, met_code))
        assert daarna.status == 200
    finally:
        for pagina in paginas:
            pagina.sluit_tabblad(poort)
        assert _wacht(lambda: not _kernels(_nakomelingen_van(processen)))


def _wacht_in(tab, voorwaarde: str, seconden: float) -> bool:
    return _wacht(lambda: tab.evalueer(f"!!({voorwaarde})"), seconden)


@pytest.mark.browser
@pytest.mark.traag
def test_netwerk_in_chromium_code_intypen_vol_en_sluiten(netwerkapp, chromium):
    """In a browser, cap 2: the address without the code asks for it and the typed code opens
    the app (its widgets connect with the cookie the code gave); a third tab gets the 'vol'
    page; closing a tab stops its kernel at once, and 'Opnieuw proberen' then opens the app; a
    page whose kernel is gone says so in Dutch. The Dutch pages pass axe."""
    from browser import beschrijf

    poort, code, _, processen = netwerkapp
    adres = f"http://127.0.0.1:{poort}/"
    app_klaar = "document.querySelectorAll('.impactkit-app select').length >= 3"
    kernel_van = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    tabs = [chromium.tabblad(breedte=390, hoogte=900) for _ in range(3)]
    eerste, tweede, derde = tabs
    try:
        eerste.open(adres)
        assert eerste.evalueer("document.title") == "Toegangscode nodig – Stappenplan-app"
        eerste.stuur("Page.bringToFront")  # axe waits for animation frames: not in the background
        overtredingen = eerste.axe()
        assert overtredingen == [], beschrijf(overtredingen)
        eerste.evalueer(f"document.getElementById('code').value = {code!r}")
        eerste.evalueer("document.querySelector('form').submit(), true")
        assert _wacht_in(eerste, app_klaar, 60)
        tweede.open(adres + f"?token={code}")
        assert _wacht_in(tweede, app_klaar, 60)

        derde.open(adres + f"?token={code}")
        assert derde.evalueer("document.title") == "De app is vol – Stappenplan-app"
        assert VOL in " ".join(derde.evalueer("document.body.innerText").split())
        derde.stuur("Page.bringToFront")
        overtredingen = derde.axe()
        assert overtredingen == [], beschrijf(overtredingen)

        # Closing a tab as a user does (its 'beforeunload' runs): the kernel stops at once,
        # and the full tab gets its place when it tries again.
        weg = f"fetch('/api/kernels/{tweede.evalueer(kernel_van)}').then(r => r.status === 404)"
        tweede.stuur("Page.close")
        chromium._tabbladen.pop(tweede.sessie, None)
        assert _wacht_in(eerste, weg, 5)
        derde.evalueer("document.querySelector('a.knop').click(), true")
        assert _wacht_in(derde, app_klaar, 60)

        # The page's own kernel stopped (as after a minute without connection): it says so.
        eerste.evalueer(f"""(() => {{
            const f = new FormData();
            f.append('_xsrf', document.cookie.split('; ').find(c => c.startsWith('_xsrf=')).slice(6));
            return fetch('/voila/api/shutdown/' + {kernel_van}, {{method: 'POST', body: f}})
              .then(r => r.status); }})()""")
        assert _wacht_in(eerste, "document.querySelector('.impactkit-verbinding-weg')", 15)
        melding = eerste.evalueer("document.querySelector('[role=alert]').textContent")
        assert "Deze pagina is niet meer verbonden met de app" in melding
        assert "Laad de pagina opnieuw" in melding
        assert all(t.geblokkeerd == [] for t in (eerste, derde))
    finally:
        for t in tabs:
            if t.sessie in chromium._tabbladen:
                t.stuur("Page.close")  # as a user closes it: the kernel goes too
                chromium._tabbladen.pop(t.sessie, None)
        assert _wacht(lambda: not _kernels(_nakomelingen_van(processen)))


@pytest.mark.parametrize("signaal", ["SIGTERM", "SIGHUP", "SIGKILL"])
def test_app_stoppen_laat_geen_server_en_geen_kernel_achter(signaal):
    """``kill -TERM``, a closed terminal (SIGHUP) or killing ``impactkit app`` outright: Voila
    and the kernel of an open page stop, the port is free. (SIGHUP takes SIGTERM's way, so it
    is tested without a page.)"""
    poort = app.vrije_poort(9010)
    proces, _ = _start("--poort", str(poort), "--max-paginas", "1")
    processen, pagina = [], None
    try:
        if signaal != "SIGHUP":
            pagina = Pagina(poort, "/")
            assert pagina.status == 200
        processen = _nakomelingen(proces)
        assert len(_kernels(processen)) == (signaal != "SIGHUP")
        os.kill(proces.pid, getattr(signal, signaal))  # impactkit app only, not its group
        proces.wait(timeout=30)
        assert _wacht(lambda: not _levend(processen), 30), _levend(processen)
        assert not _poort_bezet(poort), f"Voila draait nog na {signaal}"
    finally:
        if pagina is not None:
            pagina.sluit()
        _stop(proces, processen)
