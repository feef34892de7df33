"""Resolve the kit's data files through one function.

Jupyter Book, papermill and nbval start kernels in different working directories, so no
module may use a relative path like ``../data``. Set ``IMPACTKIT_DATA`` to use another folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PAKKET_MAP = Path(__file__).resolve().parent
PROJECT_MAP = PAKKET_MAP.parent


def data_map() -> Path:
    """The root folder of the kit's data (``data/`` in the repository)."""
    return Path(os.environ.get("IMPACTKIT_DATA", PROJECT_MAP / "data"))


def data_pad(*delen: str) -> Path:
    """Path of a file under the data root, e.g. ``data_pad("oefendata", "observaties.csv")``."""
    return data_map().joinpath(*delen)


def notebook_pad(naam: str) -> Path:
    """Path of one of the kit's notebooks, e.g. ``notebook_pad("stappenplan.ipynb")``.

    Set ``IMPACTKIT_NOTEBOOKS`` to use another folder than ``notebooks/`` in the repository.
    """
    return Path(os.environ.get("IMPACTKIT_NOTEBOOKS", PROJECT_MAP / "notebooks")) / naam
