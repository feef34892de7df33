"""Headless Chromium for the tests, driven over the DevTools Protocol, plus axe-core.

No driver package and no browser download: Chromium is started with
``--remote-debugging-pipe`` and spoken to over two file descriptors (fd 3: our commands, fd 4:
its answers and events, JSON messages separated by NUL bytes) — the same protocol as over a
websocket, with only the standard library and no open port.

Nothing may leave the machine: every http(s) request to a host other than localhost/127.0.0.1 is
failed in the browser (and recorded in ``Tabblad.geblokkeerd``); pages are loaded from files or
a localhost server.

Use::

    from tests.browser import axe_overtredingen, chromium_beschikbaar, Chromium

    axe_overtredingen("uitvoer/rapport.html")      # -> list of axe violations (dicts), [] is good
    with Chromium() as browser:
        tab = browser.tabblad(breedte=320)
        tab.open("uitvoer/index.html")
        tab.evalueer("document.documentElement.scrollWidth")
        tab.schermafdruk("index-320.png")

Tests that need the browser carry ``@pytest.mark.browser`` and are skipped (with a Dutch
reason) when Chromium is not installed.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("IMPACTKIT_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
AXE_VERSIE = "4.14.1"
# WCAG 2.0 and 2.1, levels A and AA: what Dutch public bodies must meet.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REDEN_GEEN_BROWSER = (
    f"geen browser: Chromium ontbreekt ({CHROMIUM}); installeer het Debian-pakket 'chromium' "
    "om de toegankelijkheidstests te draaien"
)

# Flags from the machine notes: no background traffic, no first-run UI, root-safe.
VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    # File pages may load their own neighbouring files (the book's _static, a report's vega/).
    "--allow-file-access-from-files",
    "--remote-debugging-pipe",
]
LOKALE_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def chromium_beschikbaar() -> bool:
    return os.access(CHROMIUM, os.X_OK)


class BrowserFout(RuntimeError):
    """Chromium did not start, answered with an error, or took too long."""


def naar_url(pad_of_url: str | os.PathLike) -> str:
    """A file path (str or Path) becomes a file:// URL; URLs are passed through."""
    tekst = str(pad_of_url)
    if "://" in tekst or tekst.startswith(("about:", "data:")):
        return tekst
    return Path(tekst).resolve().as_uri()


class Chromium:
    """One headless Chromium process; ``tabblad()`` opens a page target in it."""

    def __init__(self, timeout: float = 60.0):
        if not chromium_beschikbaar():
            raise BrowserFout(REDEN_GEEN_BROWSER)
        self.timeout = timeout
        self._profiel = tempfile.mkdtemp(prefix="impactkit-chromium-")
        # Two pipes: we write commands into ons_schrijf -> Chromium reads fd 3;
        # Chromium writes fd 4 -> we read ons_lees.
        kind_lees, self._schrijf = os.pipe()
        self._lees, kind_schrijf = os.pipe()

        def koppel():  # runs in the child between fork and exec
            a = fcntl.fcntl(kind_lees, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(kind_schrijf, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._proces = subprocess.Popen(
            [CHROMIUM, *VLAGGEN, f"--user-data-dir={self._profiel}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=koppel,
            pass_fds=(3, 4),
        )
        os.close(kind_lees)
        os.close(kind_schrijf)
        self._buffer = b""
        self._volgnummer = 0
        self._gebeurtenissen: list[dict] = []
        self._tabbladen: dict[str, Tabblad] = {}
        try:
            self.stuur("Browser.getVersion")
        except Exception:
            self.sluit()
            raise

    # -- protocol ------------------------------------------------------------------------------

    def _lees_bericht(self, tot: float) -> dict | None:
        while b"\0" not in self._buffer:
            rest = tot - time.monotonic()
            if rest <= 0:
                return None
            klaar, _, _ = select.select([self._lees], [], [], rest)
            if not klaar:
                return None
            stuk = os.read(self._lees, 1 << 20)
            if not stuk:
                raise BrowserFout("Chromium is onverwacht gestopt")
            self._buffer += stuk
        bericht, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(bericht)

    def _verwerk(self, bericht: dict) -> None:
        """Handle an event: answer paused requests at once, keep the rest for waiters."""
        if bericht.get("method") == "Fetch.requestPaused":
            tab = self._tabbladen.get(bericht.get("sessionId"))
            if tab is not None:
                tab._beslis(bericht["params"])
            return
        self._gebeurtenissen.append(bericht)
        del self._gebeurtenissen[:-500]

    def _schrijf_bericht(self, bericht: dict) -> None:
        data = json.dumps(bericht).encode() + b"\0"
        while data:
            data = data[os.write(self._schrijf, data) :]

    def verstuur(self, methode: str, params: dict | None = None, sessie: str | None = None) -> int:
        """Send one command without waiting; its answer is ignored."""
        self._volgnummer += 1
        bericht = {"id": self._volgnummer, "method": methode, "params": params or {}}
        if sessie:
            bericht["sessionId"] = sessie
        self._schrijf_bericht(bericht)
        return self._volgnummer

    def stuur(self, methode: str, params: dict | None = None, sessie: str | None = None) -> dict:
        """Send one command and wait for its result (events meanwhile are handled or kept)."""
        nummer = self.verstuur(methode, params, sessie)
        tot = time.monotonic() + self.timeout
        while True:
            antwoord = self._lees_bericht(tot)
            if antwoord is None:
                raise BrowserFout(f"geen antwoord van Chromium op {methode} binnen {self.timeout}s")
            if antwoord.get("id") == nummer:
                if "error" in antwoord:
                    raise BrowserFout(f"{methode}: {antwoord['error']}")
                return antwoord.get("result", {})
            if "method" in antwoord:
                self._verwerk(antwoord)

    def wacht_op(self, methode: str, sessie: str | None, timeout: float | None = None) -> dict:
        """Wait for an event (one that already arrived counts, and is consumed)."""
        tot = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, g in enumerate(self._gebeurtenissen):
                if g.get("method") == methode and g.get("sessionId") == sessie:
                    return self._gebeurtenissen.pop(i).get("params", {})
            bericht = self._lees_bericht(tot)
            if bericht is None:
                raise BrowserFout(f"{methode} bleef uit")
            if "method" in bericht:
                self._verwerk(bericht)

    # -- pages ---------------------------------------------------------------------------------

    def tabblad(self, breedte: int = 1280, hoogte: int = 900) -> Tabblad:
        doel = self.stuur("Target.createTarget", {"url": "about:blank"})["targetId"]
        sessie = self.stuur("Target.attachToTarget", {"targetId": doel, "flatten": True})
        tab = Tabblad(self, doel, sessie["sessionId"])
        self._tabbladen[tab.sessie] = tab
        tab._zet_op(breedte, hoogte)
        return tab

    def sluit(self) -> None:
        if self._proces.poll() is None:
            try:
                self._schrijf_bericht({"id": 0, "method": "Browser.close", "params": {}})
                self._proces.wait(timeout=10)
            except Exception:  # noqa: BLE001 - closing is best effort; kill the browser instead
                self._proces.kill()
                self._proces.wait()
        for fd in (self._lees, self._schrijf):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profiel, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.sluit()


class Tabblad:
    """One page: open a URL, evaluate JavaScript, change the viewport, run axe."""

    def __init__(self, browser: Chromium, doel: str, sessie: str):
        self.browser = browser
        self.doel = doel
        self.sessie = sessie
        self.geblokkeerd: list[str] = []

    def stuur(self, methode: str, params: dict | None = None) -> dict:
        return self.browser.stuur(methode, params, self.sessie)

    def _zet_op(self, breedte: int, hoogte: int) -> None:
        self.stuur("Page.enable")
        self.stuur("Runtime.enable")
        # Only http(s) is intercepted: file:, data: and blob: never touch the network.
        self.stuur("Fetch.enable", {"patterns": [{"urlPattern": "http*"}]})
        self.zet_breedte(breedte, hoogte)

    def _beslis(self, params: dict) -> None:
        url = params["request"]["url"]
        host = urlsplit(url).hostname or ""
        if host in LOKALE_HOSTS:
            self.browser.verstuur(
                "Fetch.continueRequest", {"requestId": params["requestId"]}, self.sessie
            )
        else:
            self.geblokkeerd.append(url)
            self.browser.verstuur(
                "Fetch.failRequest",
                {"requestId": params["requestId"], "errorReason": "BlockedByClient"},
                self.sessie,
            )

    def zet_breedte(self, breedte: int, hoogte: int = 900) -> None:
        """Viewport width in CSS pixels (320 = WCAG reflow: 1280 px at 400% zoom)."""
        self.stuur(
            "Emulation.setDeviceMetricsOverride",
            {"width": breedte, "height": hoogte, "deviceScaleFactor": 1, "mobile": False},
        )

    def zet_kleurschema(self, schema: str) -> None:
        """'light' or 'dark': emulate prefers-color-scheme (the book theme follows it)."""
        self.stuur(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": schema}]},
        )

    def open(self, pad_of_url: str | os.PathLike) -> None:
        """Load a page and wait for its load event (and for web fonts)."""
        self.geblokkeerd = []
        self.browser._gebeurtenissen = [
            g for g in self.browser._gebeurtenissen if g.get("sessionId") != self.sessie
        ]
        antwoord = self.stuur("Page.navigate", {"url": naar_url(pad_of_url)})
        if antwoord.get("errorText"):
            raise BrowserFout(f"{pad_of_url}: {antwoord['errorText']}")
        self.browser.wacht_op("Page.loadEventFired", self.sessie)
        self.evalueer("document.fonts ? document.fonts.ready.then(() => true) : true")

    def evalueer(self, expressie: str):
        """Evaluate JavaScript in the page (promises are awaited) and return its JSON value."""
        antwoord = self.stuur(
            "Runtime.evaluate",
            {"expression": expressie, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in antwoord:
            details = antwoord["exceptionDetails"]
            uitleg = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserFout(f"JavaScript-fout: {uitleg}")
        return antwoord["result"].get("value")

    def wacht_tot(self, voorwaarde: str, seconden: float) -> bool:
        """Poll the JavaScript condition every 0.25 s; True as soon as it holds, False after
        ``seconden``."""
        import time

        tot = time.monotonic() + seconden
        while time.monotonic() < tot:
            if self.evalueer(f"!!({voorwaarde})"):
                return True
            time.sleep(0.25)
        return False

    def schermafdruk(self, pad: str | os.PathLike, hele_pagina: bool = True) -> Path:
        """Save a PNG of the page (the whole page by default) and return its path."""
        import base64

        antwoord = self.stuur(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": hele_pagina}
        )
        pad = Path(pad)
        pad.write_bytes(base64.b64decode(antwoord["data"]))
        return pad

    def axe(self, tags: list[str] | None = None, regels_uit: tuple[str, ...] = ()) -> list[dict]:
        """Run axe-core on the loaded page; return its violations (see ``axe_overtredingen``)."""
        if not self.evalueer("typeof window.axe === 'object'"):
            self.evalueer(AXE_JS.read_text(encoding="utf-8") + "\n;true")
        opties = {
            "runOnly": {"type": "tag", "values": tags or WCAG_AA},
            "resultTypes": ["violations"],
            "rules": {regel: {"enabled": False} for regel in regels_uit},
        }
        # Wait for running CSS transitions first: the theme fades its colours in after it sets
        # light or dark, and axe measuring mid-fade reports contrasts no reader ever sees (seen on
        # a slow CI machine: the search button's text at 1.12:1 between two themes).
        script = f"""
        new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
        .then(() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null))))
        .then(() => axe.run(document, {json.dumps(opties)}).then(r => r.violations.map(v => ({{
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
            nodes: v.nodes.map(n => ({{
                target: n.target.map(String), html: n.html.slice(0, 300),
                samenvatting: n.failureSummary || ''
            }}))
        }}))))
        """
        return self.evalueer(script)

    def sluit(self) -> None:
        self.browser._tabbladen.pop(self.sessie, None)
        self.browser.stuur("Target.closeTarget", {"targetId": self.doel})


_GEDEELD: Chromium | None = None


def gedeelde_browser() -> Chromium:
    """One Chromium for the whole test run, started on first use and stopped at exit."""
    global _GEDEELD
    if _GEDEELD is None or _GEDEELD._proces.poll() is not None:
        _GEDEELD = Chromium()
        atexit.register(_GEDEELD.sluit)
    return _GEDEELD


def axe_overtredingen(
    pad_of_url: str | os.PathLike,
    *,
    breedte: int = 1280,
    kleurschema: str | None = None,
    regels_uit: tuple[str, ...] = (),
    browser: Chromium | None = None,
) -> list[dict]:
    """axe-core (WCAG 2.0/2.1 A + AA rules) on one page; ``[]`` means no violations found.

    Each violation is a dict: ``id`` (axe rule), ``impact``, ``help``, ``helpUrl``, ``tags`` and
    ``nodes`` (per element: CSS ``target``, the start of its ``html``, axe's ``samenvatting``).
    Requests to other hosts are blocked; if the page tried any, that is reported as a violation
    with id ``extern-verzoek`` (a published page loads nothing from another host).
    """
    tab = (browser or gedeelde_browser()).tabblad(breedte=breedte)
    try:
        if kleurschema:
            tab.zet_kleurschema(kleurschema)
        tab.open(pad_of_url)
        overtredingen = tab.axe(regels_uit=regels_uit)
        if tab.geblokkeerd:
            overtredingen.append(
                {
                    "id": "extern-verzoek",
                    "impact": "serious",
                    "help": "De pagina laadt iets van een andere host",
                    "helpUrl": "",
                    "tags": [],
                    "nodes": [
                        {"target": [u], "html": "", "samenvatting": ""} for u in tab.geblokkeerd
                    ],
                }
            )
        return overtredingen
    finally:
        tab.sluit()


def beschrijf(overtredingen: list[dict], max_elementen: int = 3) -> str:
    """A readable summary for assertion messages: rule, impact, count, first elements."""
    regels = []
    for o in overtredingen:
        regels.append(f"- {o['id']} ({o['impact']}, {len(o['nodes'])}x): {o['help']}")
        for n in o["nodes"][:max_elementen]:
            regels.append(f"    {' '.join(n['target'])}: {n['html'][:160]}")
    return "\n".join(regels)
