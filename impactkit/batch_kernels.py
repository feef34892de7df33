"""The batch's kernel pool: Jupyter kernels, each driven by a thread of the batch process.

A kernel is reused for every region its thread gets (the namespace is reset between regions), so
the cost of starting a kernel and importing the kit is paid once per kernel instead of once per
region. :func:`draai_taken` runs the regions and yields each outcome as it finishes; the
coordinator (:func:`impactkit.batch.draai_batch`) puts it in place.
"""

from __future__ import annotations

import html
import json
import os
import threading
import time
from pathlib import Path

from .fouten import ImpactkitFout

TIJDSLIMIET = 600  # seconds per cell

GEEN_KERNEL = (
    "De batch heeft de Python-kernel 'python3' nodig (het pakket ipykernel), en die is niet "
    "gevonden. Installeer hem in dezelfde omgeving als impactkit: 'pip install ipykernel'. "
    "Controleer daarna met 'jupyter kernelspec list' dat 'python3' erbij staat."
)


def controleer_kernel() -> None:
    """Stop with one Dutch message when the kernel the batch needs is missing."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as e:  # pragma: no cover - jupyter_client comes with nbclient
        raise ImpactkitFout(GEEN_KERNEL) from e
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel as e:
        raise ImpactkitFout(GEEN_KERNEL) from e


class _Kernel:
    """One Jupyter kernel, reused for every region a thread gets.

    The kernel is its own process, so the batch drives it from a thread of the batch process:
    no second Python process per worker that imports the whole kit only to wait on a socket.
    The namespace is reset between regions; imported modules (the kit, its data) stay loaded.
    """

    def __init__(self, cwd: str) -> None:
        self.cwd, self.km, self.kc = cwd, None, None

    def start(self) -> None:
        from jupyter_client.manager import KernelManager

        for poging in (1, 2):  # a failed kernel start is retried once
            try:
                self.km = KernelManager(kernel_name="python3")
                # The kernel listens on localhost only; its English warning that the TCP
                # connection is not encrypted is noise in every batch run (errors still show).
                self.km.start_kernel(cwd=self.cwd, extra_arguments=["--log-level=ERROR"])
                self.kc = self.km.client()
                self.kc.start_channels()
                self.kc.wait_for_ready(timeout=120)
                return
            except Exception:
                self.stop()
                if poging == 2:
                    raise

    def levend(self) -> bool:
        return self.km is not None and self.km.is_alive()

    def stop(self) -> None:
        kc, km, self.kc, self.km = self.kc, self.km, None, None
        try:
            if kc is not None:
                kc.stop_channels()
            if km is not None and km.has_kernel:
                km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - stopping is best effort
            pass

    def voer_uit(self, nb, werkmap: Path):
        """Execute a parameterised notebook; return (nb, (ename, evalue) or None)."""
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, DeadKernelError

        if not self.levend():
            self.stop()
            self.start()
        # Fresh namespace and working directory for every region; imported modules stay cached.
        antwoord = self.kc.execute_interactive(
            f"%reset -f\nimport os as _os\n_os.chdir({str(Path(werkmap).absolute())!r})\ndel _os",
            timeout=60,
            output_hook=lambda bericht: None,  # a failure is reported below, in Dutch
        )
        if antwoord["content"].get("status") != "ok":
            inhoud = antwoord["content"]
            return nb, (
                "Voorbereiding mislukt",
                f"De werkmap {werkmap} kon niet worden klaargezet in de kernel "
                f"({inhoud.get('ename', '')}: {inhoud.get('evalue', '')}).",
            )
        client = NotebookClient(
            nb,
            km=self.km,
            kernel_name="python3",
            timeout=TIJDSLIMIET,
            allow_errors=False,
            record_timing=False,
        )
        client.kc = self.kc
        try:
            client.execute()
            return nb, None
        except CellExecutionError as e:
            return nb, (e.ename, e.evalue)
        except DeadKernelError as e:
            self.stop()
            return nb, ("DeadKernelError", f"De kernel stopte onverwacht: {e}")
        finally:
            # nbclient registers a clean-up per client at exit; ours stops the kernel itself,
            # and the registration would keep every executed notebook in memory.
            import atexit

            atexit.unregister(client._cleanup_kernel)


def _foutcel(ename: str, evalue: str):
    import nbformat

    uitleg = evalue.strip().splitlines()[-1] if evalue.strip() else ename
    # Plain Markdown, user text escaped: the message may quote what the user typed.
    cel = nbformat.v4.new_markdown_cell(
        f"**Dit werkboek is niet afgemaakt.** {html.escape(uitleg, quote=False)}\n\n"
        f"Soort fout: {html.escape(ename, quote=False)}. Pas de parameters aan en draai opnieuw."
    )
    cel.metadata["tags"] = ["impactkit-fout"]
    return cel


def _draai_regio(taak: dict, kernel: _Kernel) -> dict:
    """Run one region: executed notebook, report, status.

    Everything is written to the region's work folder (``taak["werkmap"]``); the coordinator
    then puts it in place (``impactkit.batch``), so a failed run never touches a good report.
    """
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .rapport import aanmaakmoment, maak_rapport

    begin = time.perf_counter()
    doelmap = Path(taak["werkmap"])
    doelmap.mkdir(parents=True, exist_ok=True)
    nb = load_notebook_node(taak["notebook"])
    nb = parameterize_notebook(nb, taak["parameters"], kernel_name="python3", language="python")
    nb, fout = kernel.voer_uit(nb, doelmap)
    if fout is not None:
        nb.cells.insert(0, _foutcel(*fout))
    nbformat.write(nb, doelmap / "stappenplan.ipynb")
    moment = aanmaakmoment()
    (doelmap / "rapport.html").write_text(
        maak_rapport(nb, aangemaakt=moment, vega=taak.get("vega")), encoding="utf-8"
    )
    kop, melding = "", ""
    if fout is None:
        samenvatting = doelmap / "samenvatting.json"
        if samenvatting.exists():
            kop = json.loads(samenvatting.read_text(encoding="utf-8")).get("kop", "")
    else:
        ename, evalue = fout
        melding = (evalue.strip().splitlines() or [ename])[-1]
    return {
        "status": "mislukt" if fout else "gelukt",
        "kop": kop,
        "fout": melding,
        "seconden": round(time.perf_counter() - begin, 2),
        "datum": moment.isoformat(timespec="minutes"),
        "sleutel": taak["sleutel"],
    }


def draai_taken(taken: list, werkers: int | None, uit: Path, voortgang: bool):
    """Run the regions on ``werkers`` kernels at once; yields (Resultaat, outcome) as each
    region finishes. Each kernel is driven by a thread of this process and reused."""
    import queue

    from tqdm.auto import tqdm

    werkers = max(1, min(werkers or os.cpu_count() or 1, len(taken)))
    wachtrij: queue.Queue = queue.Queue()
    for item in taken:
        wachtrij.put(item)
    klaar: queue.Queue = queue.Queue()
    kernels = [_Kernel(str(uit)) for _ in range(werkers)]
    stop = threading.Event()

    def werker(kernel: _Kernel) -> None:
        try:
            while not stop.is_set():
                try:
                    basis, taak = wachtrij.get_nowait()
                except queue.Empty:
                    return
                try:
                    uitkomst = _draai_regio(taak, kernel)
                except Exception as e:  # noqa: BLE001 - one broken region must not stop the batch
                    uitkomst = {
                        "status": "mislukt",
                        "fout": f"{type(e).__name__}: {e}",
                        "kop": "",
                        "seconden": 0.0,
                        "sleutel": "",
                        "datum": "",
                    }
                uitkomst["taak"] = taak
                klaar.put((basis, uitkomst))
        finally:
            kernel.stop()

    draden = [
        threading.Thread(target=werker, args=(k,), daemon=True, name=f"impactkit-{i}")
        for i, k in enumerate(kernels)
    ]
    balk = tqdm(total=len(taken), desc="Regio's", unit="regio", disable=not voortgang)
    try:
        for draad in draden:
            draad.start()
        for _ in range(len(taken)):
            basis, uitkomst = klaar.get()
            balk.set_postfix_str(f"{basis.regio}: {uitkomst['status']}")
            balk.update()
            yield basis, uitkomst
    finally:
        stop.set()
        balk.close()
        for kernel in kernels:  # also on Ctrl-C: no kernel is left running
            kernel.stop()
        for draad in draden:
            draad.join(timeout=10)
