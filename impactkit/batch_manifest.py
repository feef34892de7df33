"""What the batch made in an output folder (``.impactkit-batch.json``), and the small file helpers
the batch and its overview page share.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from .fouten import ImpactkitFout
from .versie import __version__

MANIFEST = ".impactkit-batch.json"


def relatief_pad(doel: Path, van: Path) -> str:
    """``doel`` relative to ``van``, with '/' (for links and the manifest)."""
    return Path(os.path.relpath(doel, van)).as_posix()


def lees_json(pad: Path, standaard):
    """The JSON in ``pad``, or ``standaard`` when the file is missing or not JSON."""
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return standaard


class Manifest:
    """What the batch made in an output folder (``.impactkit-batch.json``).

    The batch writes only files and folders listed here: before it writes anything it checks
    that every path it is about to write either does not exist yet or was made by an earlier
    batch. A file the user put there (their own ``index.html``) is never overwritten.
    """

    def __init__(self, uit: Path) -> None:
        self.uit = uit
        self.pad = uit / MANIFEST
        self.bestanden: set[str] = set()
        self.mappen: set[str] = set()
        self._slot = threading.Lock()
        if self.pad.exists():
            data = lees_json(self.pad, None)
            if not (isinstance(data, dict) and data.get("gemaakt_door") == "impactkit batch"):
                raise ImpactkitFout(
                    f"In '{uit}' staat een bestand '{MANIFEST}' dat de batch niet heeft gemaakt. "
                    "Kies een andere map voor de uitvoer."
                )
            self.bestanden = {str(b) for b in data.get("bestanden", [])}
            self.mappen = {str(m) for m in data.get("mappen", [])}

    def _rel(self, pad: Path) -> str:
        return relatief_pad(Path(pad), self.uit)

    def van_batch(self, pad: Path) -> bool:
        rel = self._rel(pad)
        return rel in self.bestanden or any(
            rel == m or rel.startswith(m + "/") for m in self.mappen
        )

    def controleer(self, paden: list[Path]) -> None:
        """Refuse (Dutch message, nothing written) when a path exists that the batch did not make."""
        vreemd = [
            self._rel(p) for p in paden if (p.exists() or p.is_symlink()) and not self.van_batch(p)
        ]
        if vreemd:
            lijst = ", ".join(f"'{v}'" for v in sorted(vreemd)[:5])
            meer = f" en nog {len(vreemd) - 5}" if len(vreemd) > 5 else ""
            raise ImpactkitFout(
                f"De batch schrijft alleen over bestanden die hij zelf heeft gemaakt. In de "
                f"uitvoermap '{self.uit}' staat al: {lijst}{meer}. Die laat de batch staan. Kies "
                "een andere (lege) map met --uit, of verplaats of hernoem deze bestanden."
            )

    def noteer(self, pad: Path, is_map: bool = False) -> None:
        with self._slot:
            (self.mappen if is_map else self.bestanden).add(self._rel(pad))
            inhoud = {
                "gemaakt_door": "impactkit batch",
                "versie": __version__,
                "uitleg": "Wat de batch in deze map heeft gemaakt. Alleen deze bestanden en "
                "mappen schrijft hij opnieuw.",
                "bestanden": sorted(self.bestanden),
                "mappen": sorted(self.mappen),
            }
            tijdelijk = self.pad.with_name(self.pad.name + ".tmp")
            tijdelijk.write_text(json.dumps(inhoud, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(tijdelijk, self.pad)

    def schrijf(self, pad: Path, tekst: str) -> Path:
        """Write a text file the batch owns (checked, then noted, then written)."""
        self.controleer([pad])
        self.noteer(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        return pad
