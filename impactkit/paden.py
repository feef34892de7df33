"""Where the kit's files are: one resolver for data, the workbook notebooks and the book's pages.

Jupyter Book, papermill and nbval start kernels in different working directories, so no
module may use a relative path like ``../data``. Every file the library reads outside its own
code comes through this module:

- in a checkout (``make``; ``pip install -e .``) from the repository's ``data/``,
  ``notebooks/`` and ``book/``;
- in an installed kit (``pip install impactkit-….whl``) from the copies that ship inside the
  package (``impactkit/gegevens``, ``impactkit/werkboeken``, ``impactkit/boekbronnen``; see
  ``[tool.setuptools.package-dir]`` in ``pyproject.toml``).

``IMPACTKIT_DATA``, ``IMPACTKIT_NOTEBOOKS`` and ``IMPACTKIT_BOEK`` point to another folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PAKKET_MAP = Path(__file__).resolve().parent
PROJECT_MAP = PAKKET_MAP.parent

MEEGELEVERD = {"data": "gegevens", "notebooks": "werkboeken", "book": "boekbronnen"}
"""Folder in the repository -> the package folder its copy ships in."""


def in_checkout() -> bool:
    """True when the kit runs from the repository (editable install), not from a wheel."""
    return (PROJECT_MAP / "pyproject.toml").is_file() and (PROJECT_MAP / "data").is_dir()


def bronmap(naam: str, omgevingsvariabele: str) -> Path:
    """The folder ``naam`` (``data``, ``notebooks`` or ``book``): variable, checkout or package."""
    if os.environ.get(omgevingsvariabele):
        return Path(os.environ[omgevingsvariabele])
    if in_checkout():
        return PROJECT_MAP / naam
    return PAKKET_MAP / MEEGELEVERD[naam]


def boek_pad(*delen: str) -> Path:
    """A path under the handbook's source, ``book/`` or ``IMPACTKIT_BOEK`` when set."""
    return bronmap("book", "IMPACTKIT_BOEK").joinpath(*delen)


def data_map() -> Path:
    """The root folder of the kit's data (``data/`` in the repository)."""
    return bronmap("data", "IMPACTKIT_DATA")


def data_pad(*delen: str) -> Path:
    """Path of a file under the data root, e.g. ``data_pad("oefendata", "observaties.csv")``."""
    return data_map().joinpath(*delen)


def notebook_pad(naam: str) -> Path:
    """Path of one of the kit's notebooks, e.g. ``notebook_pad("stappenplan.ipynb")``.

    Set ``IMPACTKIT_NOTEBOOKS`` to use another folder than ``notebooks/`` in the repository.
    """
    return bronmap("notebooks", "IMPACTKIT_NOTEBOOKS") / naam
