"""Voila's server settings for the app, loaded by ``impactkit app`` (``--Voila.config_file_paths``).

A traitlets configuration file: Voila executes it in the server process before it starts. It runs
in the server only, so it imports nothing from impactkit (a kernel's pandas and Altair would
double the server's memory). What it adds to Voila:

- :class:`AppKernels` caps the live kernels (``--AppKernels.max_kernels``): a page load beyond the
  cap waits a few seconds for a place, then gets the template's Dutch ``503.html`` ("De app is
  vol") and starts nothing. A kernel is stopped as soon as its page is gone: the page was closed
  or reloaded (Voila's beacon to ``voila/api/shutdown``, which needs the ``_xsrf`` cookie set
  here), the page load broke off before the page was complete (F5 or a closed tab while
  loading), its page's connection stayed closed for ``los_na`` seconds, or no page ever
  connected to it within ``nooit_verbonden_na`` idle seconds.
- :class:`Toegangscode` refuses requests without the access code (Jupyter's token, from
  ``JUPYTER_TOKEN``) with the template's Dutch ``toegangscode.html``, where the code can be typed.
  Without a token (the app on localhost only) every request is let in, as before.
- The server stops (and stops its kernels) when the ``impactkit app`` that started it is gone,
  even if that was killed without a chance to stop it (``IMPACTKIT_APP_OUDER``); SIGHUP stops it
  as SIGTERM does.
"""

import asyncio
import os
import signal
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.auth.login import LoginFormHandler
from jupyter_server.base.call_context import CallContext
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from markupsafe import Markup
from tornado import web
from tornado.escape import url_escape
from tornado.ioloop import PeriodicCallback
from traitlets import Bool, Float, Integer

RUIM_OP_ELKE = 2.0  # seconds between checks for kernels whose page is gone


class AppKernels(AsyncMappingKernelManager):
    """Voila's kernels, at most ``max_kernels`` at once, stopped as soon as their page is gone."""

    max_kernels = Integer(
        0, config=True, help="Most kernels (open app pages) at once; 0: no limit."
    )
    los_na = Float(
        60,
        config=True,
        help="Seconds a kernel is kept after its page's last connection closed (a page "
        "that comes back within this time, after a Wi-Fi hiccup, carries on).",
    )
    nooit_verbonden_na = Float(
        60,
        config=True,
        help="Seconds a kernel is kept idle when no page ever connected to it (its page "
        "load was left before the browser connected).",
    )
    wacht_op_plaats = Float(
        3,
        config=True,
        help="Seconds a page load waits for a place when the app is full before it gets the "
        "'vol' page: a reload (F5) closes the page's kernel and asks for a new one at once, and "
        "its closing may reach the server just after the new page load.",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._starten: set[str] = set()  # kernels being started (not yet in self._kernels)
        self._stoppen: set[str] = set()  # kernels being stopped: their place is free
        self._ooit_verbonden: set[str] = set()
        self._los_sinds: dict[str, float] = {}
        self._ruimer: PeriodicCallback | None = None

    def bezet(self) -> int:
        """Places taken: kernels running or being started, not those being stopped."""
        return len((set(self._kernels) - self._stoppen) | self._starten)

    async def start_kernel(self, *, kernel_id=None, path=None, **kwargs):
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        tot = time.monotonic() + self.wacht_op_plaats
        while self.max_kernels and self.bezet() >= self.max_kernels:
            if time.monotonic() >= tot:
                raise web.HTTPError(
                    503, "app full: %d kernels", self.max_kernels, reason="De app is vol"
                )
            await asyncio.sleep(0.1)
        # No await between the check above and this reservation: page loads at the same
        # moment cannot both take the last place.
        kernel_id = kernel_id or str(uuid.uuid4())
        self._starten.add(kernel_id)
        try:
            kernel_id = await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        finally:
            self._starten.discard(kernel_id)
        self._volg_pagina(kernel_id)
        if self._ruimer is None:
            self._ruimer = PeriodicCallback(self._ruim_op, RUIM_OP_ELKE * 1000)
            self._ruimer.start()
        return kernel_id

    async def shutdown_kernel(self, kernel_id, now=False, restart=False):
        if restart:
            return await super().shutdown_kernel(kernel_id, now=now, restart=restart)
        self._stoppen.add(kernel_id)
        try:
            return await super().shutdown_kernel(kernel_id, now=now, restart=restart)
        finally:
            self._stoppen.discard(kernel_id)

    def _volg_pagina(self, kernel_id: str) -> None:
        """Tie the kernel to the page load that started it (the request being handled).

        The page gets its ``_xsrf`` cookie: the shutdown beacon Voila's page sends when it is
        closed carries that cookie's value, and without it the server refuses the beacon
        (voila-dashboards/voila#1458), so a closed page kept its kernel. And the kernel is
        stopped when the page load breaks off before it is done.
        """
        handler = CallContext.get(CallContext.JUPYTER_HANDLER)
        if handler is None:
            return
        handler.xsrf_token  # noqa: B018 - sets the cookie (the page's headers are not sent yet)
        verbinding = handler.request.connection

        def gesloten():
            handler.on_connection_close()
            if not handler._finished and kernel_id in self:  # tornado has no public flag
                self.log.info("Page load of kernel %s broke off: stopping it", kernel_id)
                self._stop(kernel_id)

        # Tornado clears this callback when the response is finished.
        verbinding.set_close_callback(gesloten)
        stroom = getattr(verbinding, "stream", None)
        if stroom is not None and stroom.closed():  # it broke off while the kernel started
            gesloten()

    def notify_connect(self, kernel_id):
        super().notify_connect(kernel_id)
        self._ooit_verbonden.add(kernel_id)
        self._los_sinds.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id):
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 0) <= 0:
            self._los_sinds[kernel_id] = time.monotonic()

    def _stop(self, kernel_id: str) -> None:
        if kernel_id in self._stoppen or kernel_id not in self:
            return

        async def stop():
            try:
                await self.shutdown_kernel(kernel_id)
            except Exception:  # a kernel that was stopped in the meantime
                self.log.debug("Kernel %s was already stopped", kernel_id, exc_info=True)

        asyncio.ensure_future(stop())

    async def _ruim_op(self) -> None:
        nu = time.monotonic()
        for kernel_id in list(self._los_sinds):
            if kernel_id not in self._kernels:
                self._los_sinds.pop(kernel_id, None)
                self._ooit_verbonden.discard(kernel_id)
            elif nu - self._los_sinds[kernel_id] > self.los_na:
                self.log.info(
                    "Page of kernel %s gone for %.0f s: stopping it", kernel_id, self.los_na
                )
                self._los_sinds.pop(kernel_id, None)
                self._stop(kernel_id)
        grens = datetime.now(UTC) - timedelta(seconds=self.nooit_verbonden_na)
        for kernel_id, kernel in list(self._kernels.items()):
            if kernel_id in self._ooit_verbonden or kernel_id in self._starten:
                continue
            if getattr(kernel, "execution_state", "") != "idle":
                continue
            laatst = getattr(kernel, "last_activity", None)
            if laatst is not None and laatst < grens:
                self.log.info("No page connected to kernel %s: stopping it", kernel_id)
                self._stop(kernel_id)
        self._ooit_verbonden &= set(self._kernels)


class CodeInvoer(LoginFormHandler):
    """The page for a request without the access code: refused (403), in Dutch, with a field to
    type the code (a wrong code is refused the same way)."""

    def _render(self, message=None):
        self.set_status(403)
        volgende = self.get_argument("next", default=self.base_url)
        sjabloon = self.settings["voila_jinja2_env"].get_template("toegangscode.html")
        self.write(
            sjabloon.render(
                actie=f"{self.base_url}login?next={url_escape(volgende)}",
                xsrf=Markup(self.xsrf_form_html()),
                fout=bool(message),
            )
        )


class Toegangscode(PasswordIdentityProvider):
    """Jupyter's token as the app's access code, with :class:`CodeInvoer` as its login page."""

    # Never let the code be turned into a password through the login form (that writes a file).
    allow_password_change = Bool(False, config=True)

    def get_handlers(self):
        return [(r"/login", CodeInvoer)] if self.login_available else []


def _stop_zonder_ouder() -> None:
    """Stop the server (as SIGTERM does) when the process that started it is gone."""
    ouder = int(os.environ.pop("IMPACTKIT_APP_OUDER", "0") or 0)
    if not ouder:
        return

    def wacht():
        while os.getppid() == ouder:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=wacht, name="impactkit-ouder", daemon=True).start()


if hasattr(signal, "SIGHUP"):
    signal.signal(signal.SIGHUP, lambda *_: os.kill(os.getpid(), signal.SIGTERM))
_stop_zonder_ouder()

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
c.VoilaConfiguration.multi_kernel_manager_class = AppKernels
c.Voila.identity_provider_class = Toegangscode
