"""Number exercises per page from 1 (sphinx-exercise numbers them across the whole book).

sphinx-exercise uses Sphinx's figure numbering (numfig), which counts per section number, and
this book has no numbered sections: the counter runs on over every page ("Opgave 15" on the
workshop page, "Opgave 2" as the first exercise of step 1). After Sphinx has assigned the
numbers, this extension renumbers the exercises of each page 1, 2, 3, … in their order.
"""

from __future__ import annotations


def _per_pagina(app, env) -> list[str]:  # noqa: ANN001
    gewijzigd = []
    for docname, soorten in env.toc_fignumbers.items():
        nummers = soorten.get("exercise")
        if not nummers:
            continue
        volgorde = sorted(nummers, key=lambda i: nummers[i])
        nieuw = {ident: (n,) for n, ident in enumerate(volgorde, 1)}
        if nieuw != nummers:
            soorten["exercise"] = nieuw
            gewijzigd.append(docname)
    return gewijzigd


def setup(app):  # noqa: ANN001, ANN201
    app.connect("env-get-updated", _per_pagina, priority=900)  # after the toctree collector
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
