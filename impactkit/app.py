"""The step plan as an app without code: ``notebooks/app.ipynb`` served with Voilà.

:class:`App` is the page: region, period and question are chosen in dropdowns; the answer to the
hoofdvraag, the numbered deelvragen it refers to, the findings and the questions appear first, the
charts right after, and the plan can be downloaded as a YAML file named for the region and period
(:func:`impactkit.eigen_werkboek.plan_bestandsnaam`), with the command that continues with it in a workbook.
:func:`start_app` serves it on localhost (``impactkit app``). The page fits a phone's width: the
template (``impactkit/sjablonen/voila``) lays out the controls and keeps the charts' text
readable.

Voilà starts one kernel per open page (about 170 MB, more after an answer with charts), at most
``max_paginas`` at once: the next page load gets a Dutch page saying the app is full. A kernel is
stopped as soon as its page is gone: closed, left while loading, or without connection for a
minute; kernels idle for ``opruimen_na`` seconds without a page are culled as well. With
``netwerk=True`` (a workshop) the app asks for an access code, printed with the address. The
server's side of this is in ``sjablonen/voila/templates/impactkit/voila.py``. Stopping
``impactkit app`` (Ctrl-C, SIGTERM, SIGHUP, or killing it) stops Voilà and its kernels. Everything
the page needs (Voilà's template, the widget JavaScript, the charts as SVG) comes from this
computer: the app works without internet.
"""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import time
from pathlib import Path

import ipywidgets as w

from .fouten import (
    DataFout,
    GeenWaarde,
    ImpactkitFout,
    OnbekendeKeuze,
    OngeldigePeriode,
    bedoelde_je,
)
from .laden import laad
from .paden import notebook_pad
from .regioindeling import NEDERLAND, regio, regios
from .startvraagbank import startvragen
from .synthese import beantwoord
from .werkboek import veilig_thuis_regio, voorbereiden
from .widgets import grafieken_html, halfjaren, plan_downloadlink, resultaat_html

APP_NOTEBOOK = notebook_pad("app.ipynb")
STANDAARD_POORT = 8866
STANDAARD_STARTVRAAG = "heftig_structureel_geweld"
OPRUIMEN_NA = 20 * 60  # seconds without activity before a kernel with no page is stopped


class App(w.VBox):
    """The app's page: three choices, then the answer, the findings, the charts and a download.

    The controls are attributes (``regio``, ``periode``, ``startvraag``), as are the outputs
    (``status``, ``resultaat``, ``grafieken``, ``download``); the last analysis is in ``wb``,
    ``bevindingen`` and ``uitkomst``.
    """

    def __init__(
        self,
        regio_naam: str = "",
        periode: str = "",
        startvraag: str = STANDAARD_STARTVRAAG,
        bron: str = "oefendata",
    ):
        self.bron = bron
        self.data = laad(bron)
        perioden = halfjaren(self.data)
        periode, code = controleer_keuzes(perioden, regio_naam, periode, startvraag, bron)
        self._stil = False
        # Width, the label above the list on a phone and the margins come from the template's CSS
        # (class impactkit-keuze): a list never runs past the screen's edge.
        opmaak = {"description_width": "initial"}
        self.periode = w.Dropdown(
            options=[(_periode_label(p), p) for p in perioden],
            value=periode or perioden[0],
            description="Periode",
            style=opmaak,
        )
        self.regio = w.Dropdown(
            options=self._regio_opties(),
            value=code,
            description="Regio",
            style=opmaak,
        )
        self.startvraag = w.Dropdown(
            options=[(s.hoofdvraag, s.sleutel) for s in startvragen()],
            value=startvraag,
            description="Vraag",
            style=opmaak,
        )
        for keuze in (self.regio, self.periode, self.startvraag):
            keuze.add_class("impactkit-keuze")
        self.startvraag.add_class("impactkit-keuze-vraag")
        # A list shows one line: on a phone the long question is cut off, so it stands in full
        # below it as well (the CSS shows this line only when the list is narrow).
        self.vraag_tekst = w.HTML(_vraag_html(startvraag))
        self.vraag_tekst.add_class("impactkit-gekozen-vraag")
        self.status = w.HTML("<p>Kies je regio. Dan verschijnt hieronder het antwoord.</p>")
        self.resultaat = w.HTML()
        self.grafieken = w.HTML()
        self.download = w.HTML()
        self.wb = self.bevindingen = self.uitkomst = None
        self.periode.observe(self._bij_periode, names="value")
        self.startvraag.observe(
            lambda e: setattr(self.vraag_tekst, "value", _vraag_html(e["new"])), names="value"
        )
        for keuze in (self.regio, self.startvraag):
            keuze.observe(lambda _: None if self._stil else self.toon(), names="value")
        super().__init__(
            [
                self.regio,
                self.periode,
                self.startvraag,
                self.vraag_tekst,
                self.status,
                self.resultaat,
                self.download,
                self.grafieken,
            ]
        )
        self.add_class("impactkit-app")
        if code:
            self.toon()

    def _regio_opties(self) -> list[tuple[str, str]]:
        """The regions CBS reports in the chosen period, with the name valid then."""
        vt = regios(periode=self.periode.value)
        vt = vt[vt["code"] != NEDERLAND]  # the app is about one Veilig Thuis region
        paren = sorted(zip(vt["naam"], vt["code"]), key=lambda p: p[0].casefold())
        return [("Kies je regio", "")] + paren

    def _bij_periode(self, _=None) -> None:
        huidig = self.regio.value
        self._stil = True
        try:
            self.regio.options = self._regio_opties()
            codes = [c for _, c in self.regio.options]
            self.regio.value = huidig if huidig in codes else ""
        finally:
            self._stil = False
        if huidig and not self.regio.value:
            self.resultaat.value = self.grafieken.value = self.download.value = ""
            self.status.value = (
                f"<p>{html.escape(regio(huidig).naam)} heeft over deze periode "
                "geen eigen cijfers (de regio's zijn veranderd). Kies je regio "
                "opnieuw.</p>"
            )
            return
        self.toon()

    def toon(self, grafieken: bool = True) -> bool:
        """Analyse the chosen region, period and question, and show the outcome."""
        if not self.regio.value:
            self.status.value = "<p>Kies je regio. Dan verschijnt hieronder het antwoord.</p>"
            self.resultaat.value = self.grafieken.value = self.download.value = ""
            return False
        naam = regio(self.regio.value).naam
        self.status.value = f"<p><em>Even rekenen aan {html.escape(naam)}…</em></p>"
        self.grafieken.value = ""
        try:
            wb = voorbereiden(
                self.regio.value,
                self.periode.value,
                startvraag=self.startvraag.value,
                bron=self.bron,
            )
            bevindingen = wb.plan.analyseer(data=wb.data, normen=wb.normen)
            uitkomst = beantwoord(wb.plan, bevindingen)
        except ImpactkitFout as e:
            self.status.value = f"<p><strong>Dat lukt niet.</strong> {html.escape(str(e))}</p>"
            self.resultaat.value = self.download.value = ""
            return False
        wb.plan.antwoord = uitkomst.antwoord
        self.wb, self.bevindingen, self.uitkomst = wb, bevindingen, uitkomst
        self.resultaat.value = resultaat_html(wb, bevindingen, uitkomst, deelvragen=True)
        self.download.value = download_html(wb.plan)
        self.status.value = ""
        if grafieken:
            self.grafieken.value = "<p><em>De grafieken komen eraan…</em></p>"
            self.grafieken.value = "<h3>Grafieken</h3>\n" + grafieken_html(wb, bevindingen)
        return True


def _vraag_html(sleutel: str) -> str:
    vraag = next((s.hoofdvraag for s in startvragen() if s.sleutel == sleutel), "")
    return f"<p><strong>Je vraag:</strong> {html.escape(vraag)}</p>" if vraag else ""


def download_html(plan) -> str:
    """The plan as a download, with the command that continues with it in a workbook."""
    from .eigen_werkboek import plan_bestandsnaam

    bestand = plan_bestandsnaam(plan)
    return (
        f'<p class="impactkit-plan">{plan_downloadlink(plan, bestand)}<br>'
        "Ga er later mee verder in je werkboek: zet het bestand in je werkmap en typ daar "
        f"<code>impactkit werkboek --plan {html.escape(bestand)}</code></p>"
    )


def controleer_keuzes(
    perioden: list[str], regio_naam: str, periode: str, startvraag: str, bron: str
) -> tuple[str, str]:
    """Check the app's starting choices before any control is made; (period, region code).

    Dutch errors from :mod:`impactkit.fouten` instead of the controls' English ones: a source
    without half-year figures (:class:`DataFout`), a period that cannot be read
    (:class:`OngeldigePeriode`) or has no figures (:class:`GeenWaarde`), an unknown region,
    Nederland or a region without figures in the period (:class:`OnbekendeRegio`,
    :class:`GeenWaarde`), an unknown start question (:class:`OnbekendeKeuze`).
    """
    from .perioden import Periode

    if not perioden:
        raise DataFout(
            f"De bron '{bron}' heeft geen cijfers per halfjaar (alleen per jaar, of geen). De app "
            "werkt per halfjaar: kies een bron met halfjaarcijfers, bv. 'oefendata' of 'CBS'."
        )
    lijst = ", ".join(perioden)
    if str(periode or "").strip():
        p = Periode.parse(periode)
        if not p.is_halfjaar:
            raise OngeldigePeriode(
                f"De app werkt per halfjaar; '{periode}' is geen halfjaar. Kies uit: {lijst}."
            )
        if p.code not in perioden:
            raise GeenWaarde(f"Er zijn geen cijfers over {p.label} in '{bron}'. Kies uit: {lijst}.")
        periode = p.code
    else:
        periode = perioden[0]
    code = ""
    if str(regio_naam or "").strip():
        r = veilig_thuis_regio(regio_naam)
        vt = regios(periode=periode)
        if r.code not in set(vt["code"]):
            overgang = f" {r.overgang_in(periode)}" if r.overgang_in(periode) else ""
            raise GeenWaarde(
                f"{r.naam} heeft over {_periode_label(periode)} geen eigen cijfers.{overgang} "
                "Kies een andere regio of periode."
            )
        code = r.code
    sleutels = [s.sleutel for s in startvragen()]
    if startvraag not in sleutels:
        raise OnbekendeKeuze(
            f"'{startvraag}' is geen startvraag.{bedoelde_je(str(startvraag), sleutels)} "
            f"Kies uit: {', '.join(sleutels)}."
        )
    return periode, code


def _periode_label(code: str) -> str:
    from .perioden import Periode

    return Periode.parse(code).label


def maak_app(
    regio_naam: str = "",
    periode: str = "",
    startvraag: str = STANDAARD_STARTVRAAG,
    bron: str = "oefendata",
) -> App:
    """The app's page as a widget (``notebooks/app.ipynb`` displays it).

    The choices are checked first (:func:`controleer_keuzes`): a bad period, region, start
    question or a source without half-year figures raises a Dutch error from
    :mod:`impactkit.fouten`.
    """
    return App(regio_naam, periode, startvraag, bron)


def poort_vrij(poort: int) -> bool:
    """Whether nothing listens on ``poort`` on this computer."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As the server binds: connections of a server that just stopped do not count.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", poort))
        except OSError:
            return False
        return True


def vrije_poort(vanaf: int = STANDAARD_POORT, aantal: int = 50) -> int:
    """The first port from ``vanaf`` that is free on localhost."""
    for poort in range(vanaf, vanaf + aantal):
        if poort_vrij(poort):
            return poort
    raise ImpactkitFout(
        f"Geen vrije poort gevonden tussen {vanaf} en {vanaf + aantal - 1}. "
        "Geef er zelf een met --poort."
    )


def app_opdracht(
    poort: int,
    opruimen_na: int = OPRUIMEN_NA,
    openen: bool = False,
    notebook: str | Path = APP_NOTEBOOK,
    netwerk: bool = False,
    max_paginas: int = 0,
) -> list[str]:
    """The Voilà command line for the app: localhost only, no code, idle kernels culled.

    ``netwerk=True`` listens on every network interface, for a workshop where participants'
    laptops use the trainer's app, and asks for the access code (Jupyter's token, taken from
    ``JUPYTER_TOKEN`` in :func:`app_omgeving`). Voilà's kernels accept widget messages only, never
    code. ``max_paginas`` caps the open pages (kernels) at once; 0 is no cap. The server's
    settings (the cap, stopping a kernel as soon as its page is gone, the access code, stopping
    when ``impactkit app`` is gone) are in ``voila.py`` beside the template.
    """
    opdracht = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={poort}",
        "--Voila.port_retries=0",  # a busy port is an error, not another port nobody knows
        f"--Voila.ip={'0.0.0.0' if netwerk else '127.0.0.1'}",
        f"--Voila.config_file_paths={VOILA_INSTELLINGEN}",
        "--theme=light",
        "--template=impactkit",  # impactkit/sjablonen/voila: Voila's lab template without CDN
        "--VoilaExporter.language_code=nl",
        "--strip_sources=True",
        "--show_tracebacks=False",
        f"--AppKernels.max_kernels={max_paginas}",
        # Kernels whose page went away without closing are stopped after this many idle seconds;
        # a page that is still open keeps its kernel.
        f"--MappingKernelManager.cull_idle_timeout={opruimen_na}",
        f"--MappingKernelManager.cull_interval={max(10, min(60, opruimen_na // 2))}",
        "--MappingKernelManager.cull_connected=False",
    ]
    if netwerk:
        opdracht.append("--Voila.auto_token=True")  # the token comes from JUPYTER_TOKEN
    if not openen:
        opdracht.append("--no-browser")
    return opdracht


SJABLONEN = Path(__file__).with_name("sjablonen")
VOILA_INSTELLINGEN = SJABLONEN / "voila" / "templates" / "impactkit"  # holds voila.py

# Memory of one open page: its kernel at the peak of an answer with charts (bench/bench_app.py:
# 313 MB per session with 12 at once; about 170 MB before a region is chosen), and what is kept
# free for the rest of the laptop. An 8 GB laptop with 4.6 GB free gets a cap of 11.
GEHEUGEN_PER_PAGINA = 320 * 2**20
GEHEUGEN_VRIJ_HOUDEN = 1024 * 2**20
MAX_PAGINAS_HOOGSTENS = 40


def standaard_max_paginas(beschikbaar: int | None = None) -> int:
    """How many app pages may be open at once: as many as fit in the free memory (at least 2).

    ``beschikbaar`` is the free memory in bytes (default: what this computer has free now).
    """
    if beschikbaar is None:
        import psutil

        beschikbaar = psutil.virtual_memory().available
    passend = (beschikbaar - GEHEUGEN_VRIJ_HOUDEN) // GEHEUGEN_PER_PAGINA
    return int(max(2, min(MAX_PAGINAS_HOOGSTENS, passend)))


def toegangscode(lengte: int = 10) -> str:
    """A new access code for the app on the network: letters and digits that cannot be misread."""
    import secrets

    tekens = "abcdefghjkmnpqrstuvwxyz23456789"  # no i, l, o, 0, 1
    return "".join(secrets.choice(tekens) for _ in range(lengte))


def app_omgeving(code: str = "") -> dict[str, str]:
    """The environment for Voila: it finds the 'impactkit' template in impactkit/sjablonen.

    ``code`` is the access code the server asks for (with ``netwerk=True``). The server stops
    itself when this process is gone (``IMPACTKIT_APP_OUDER``, read by ``voila.py``).
    """
    import os

    omgeving = dict(os.environ)
    paden = [str(SJABLONEN), *filter(None, omgeving.get("JUPYTER_PATH", "").split(os.pathsep))]
    omgeving["JUPYTER_PATH"] = os.pathsep.join(paden)
    omgeving["IMPACTKIT_APP_OUDER"] = str(os.getpid())
    omgeving.pop("JUPYTER_TOKEN", None)
    if code:
        omgeving["JUPYTER_TOKEN"] = code
    return omgeving


def netwerkadres() -> str:
    """This computer's address on the local network (127.0.0.1 if it has none).

    Asks the operating system which interface it would use; no packet is sent.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def wacht_op_app(
    adres: str, proces: subprocess.Popen | None = None, tijdslimiet: float = 60
) -> None:
    """Wait until the app answers on ``adres`` (raise a Dutch error if it does not)."""
    import urllib.request

    tot = time.monotonic() + tijdslimiet
    while time.monotonic() < tot:
        if proces is not None and proces.poll() is not None:
            raise ImpactkitFout(
                "De app is gestopt voordat hij klaar was. Draai 'impactkit app' "
                "opnieuw en lees de melding hierboven."
            )
        try:
            with urllib.request.urlopen(
                adres + "api/status", timeout=5
            ):  # not "/": that starts a kernel
                return
        except OSError as e:
            if getattr(e, "code", None) is not None:  # an HTTP answer: the server is up
                return
            time.sleep(0.3)
    raise ImpactkitFout(f"De app antwoordde niet binnen {tijdslimiet:.0f} seconden op {adres}.")


def start_app(
    poort: int | None = None,
    openen: bool = True,
    opruimen_na: int = OPRUIMEN_NA,
    netwerk: bool = False,
    max_paginas: int | None = None,
) -> int:
    """Serve the app, print its address and wait until Ctrl-C (``impactkit app``).

    On localhost only, or with ``netwerk=True`` for the room, behind an access code that is
    printed with the address. At most ``max_paginas`` pages at once (default: what fits in the
    free memory, :func:`standaard_max_paginas`). Ctrl-C, SIGTERM and SIGHUP (a closed terminal)
    stop Voila and its kernels; if this process is killed outright, Voila stops itself.
    """
    if not APP_NOTEBOOK.exists():
        raise ImpactkitFout(f"Het app-notebook ontbreekt: {APP_NOTEBOOK}.")
    if poort and not poort_vrij(poort):
        raise ImpactkitFout(
            f"Poort {poort} is al in gebruik (draait de app daar nog?). Kies een andere poort "
            "met --poort, of laat --poort weg: dan kiest de app zelf een vrije."
        )
    poort = poort or vrije_poort()
    if max_paginas is None:
        max_paginas = standaard_max_paginas()
    elif max_paginas < 1:
        raise ImpactkitFout(f"--max-paginas moet minstens 1 zijn, niet {max_paginas}.")
    code = toegangscode() if netwerk else ""
    met_code = f"?token={code}" if code else ""
    adres = f"http://127.0.0.1:{poort}/"
    import tempfile

    logboek = Path(tempfile.gettempdir()) / f"impactkit-app-{poort}.log"
    vorige = _stop_bij_signalen()
    proces = None
    try:
        with logboek.open("w", encoding="utf-8") as log:
            proces = subprocess.Popen(
                app_opdracht(poort, opruimen_na, netwerk=netwerk, max_paginas=max_paginas),
                stdout=log,
                stderr=subprocess.STDOUT,
                env=app_omgeving(code),
                # Its own session: a terminal's Ctrl-C or hang-up reaches this process only,
                # which stops Voila in order (Voila then stops its kernels).
                start_new_session=True,
            )
        try:
            wacht_op_app(adres, proces)
        except ImpactkitFout as e:
            regels = logboek.read_text(encoding="utf-8", errors="replace").splitlines()[-5:]
            raise ImpactkitFout(
                f"{e}\nLaatste regels van het logboek ({logboek}):\n" + "\n".join(regels)
            ) from None
        print(f"De app draait op {adres}{met_code}", flush=True)
        print("Open dit adres in je browser. Stoppen: Ctrl-C.")
        if netwerk:
            print(
                f"Deelnemers op hetzelfde netwerk openen http://{netwerkadres()}:{poort}/{met_code}"
                f"\n(of http://{socket.gethostname()}:{poort}/{met_code}). De toegangscode is "
                f"{code}: wie het adres zonder code opent, wordt geweigerd en kan de code intypen."
            )
        print(
            f"De app houdt hoogstens {max_paginas} pagina's tegelijk open; wie er dan nog een "
            "opent, krijgt de melding dat de app vol is (ander aantal: --max-paginas).",
            flush=True,
        )
        if openen:
            import webbrowser

            webbrowser.open(adres + met_code)
        proces.wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        if proces is not None and proces.poll() is None:
            proces.terminate()
            try:
                proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proces.kill()
        _herstel_signalen(vorige)


# Signals that stop ``impactkit app`` as Ctrl-C does: a service manager or ``kill`` (SIGTERM), a
# closed terminal window (SIGHUP).
STOPSIGNALEN = ("SIGTERM", "SIGHUP")


def _stop_bij_signalen() -> dict:
    """Stop on SIGTERM and SIGHUP as on Ctrl-C, so Voila is stopped too; the previous handlers.

    Without this a terminated ``impactkit app`` (a closed terminal, ``kill``, a test's teardown)
    left Voila and its kernels running on their port.
    """
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    vorige = {}
    for naam in STOPSIGNALEN:
        nummer = getattr(signal, naam, None)
        if nummer is None:  # Windows has no SIGHUP
            continue
        try:
            vorige[nummer] = signal.signal(nummer, stop)
        except ValueError:  # not the main thread: signals cannot be handled here
            break
    return vorige


def _herstel_signalen(vorige: dict) -> None:
    import signal

    for nummer, handler in vorige.items():
        signal.signal(nummer, handler)


__all__ = [
    "APP_NOTEBOOK",
    "App",
    "app_omgeving",
    "app_opdracht",
    "controleer_keuzes",
    "download_html",
    "maak_app",
    "netwerkadres",
    "poort_vrij",
    "standaard_max_paginas",
    "start_app",
    "toegangscode",
    "vrije_poort",
    "wacht_op_app",
]
