"""Step 6 closes the plan: from the findings to an honest answer on the hoofdvraag.

:func:`beantwoord` takes the plan (hoofdvraag, deelvragen with their indicators and reasons) and
the findings table of :func:`impactkit.bevindingen.analyseer` and returns a :class:`Synthese`:

- per deelvraag (a tidy table, one row per deelvraag): what its indicators show (verdicts with
  intervals, in words), how strong that evidence is (:data:`STERKTES`) and what the monitor cannot
  tell for it (the catalogue's ``beperking`` of each indicator and the general limits);
- the answer to the hoofdvraag in two to four Dutch sentences. It says "De cijfers wijzen erop
  dat ..." only when at least one verdict is *opvallend* (or a norm is clearly met or missed),
  and "De cijfers geven geen uitsluitsel over ..." otherwise. With practice data the first
  sentence says so;
- the questions for the conversation with partners (from the findings) and the duiding template.

The verdict words come from :mod:`impactkit.oordelen`. A difference whose verdict is
``mogelijk toeval`` is never described as higher or lower. When the findings carry
``p_gecorrigeerd`` (p-values adjusted for many tests), an *opvallend* verdict whose adjusted
p-value is not below ``alpha`` does not count as evidence.

Everything here is a pure function of its inputs; :func:`synthese_markdown` renders the result
for notebooks and reports.

The rooms: :mod:`.bewijs` (reading the findings, and how strong the evidence is),
:mod:`.formulering` (the Dutch sentences and the duiding template) and :mod:`.beantwoorden`
(:func:`beantwoord`, :class:`Synthese` and the Markdown).

Examples
--------
>>> import pandas as pd
>>> from impactkit.oordelen import OPVALLEND_HOGER
>>> from impactkit.stappenplan import Stappenplan
>>> plan = Stappenplan.nieuw("VT22", "2021H1", "Is het geweld ernstiger dan elders?")
>>> _ = plan.voeg_deelvraag_toe("Is de onveiligheid ernstig?", indicatoren="acuut_structureel_onveilig")
>>> bevindingen = pd.DataFrame([{"indicator": "acuut_structureel_onveilig", "categorie": None,
...     "vergelijking": "landelijk", "referentie": "Nederland", "waarde": 55.6, "laag": 52.6,
...     "hoog": 58.6, "referentiewaarde": 42.8, "verschil": 12.8, "p": 1e-9,
...     "oordeel": OPVALLEND_HOGER, "opvallend": True, "vragen": [], "eenheid": "%",
...     "herkomst": "CBS"}])
>>> s = beantwoord(plan, bevindingen)
>>> s.sterkte
'beperkt'
>>> s.kern.startswith("De cijfers wijzen erop dat het aandeel meldingen met acute")
True
"""

from .beantwoorden import Synthese, antwoord_markdown, beantwoord, synthese_markdown
from .bewijs import BEPERKT, GEEN_UITSLUITSEL, STERK, STERKTES, WISSELEND
from .formulering import GESPREKSVRAGEN, GRENZEN, duiding_sjabloon_tekst
from .formulering import OEFENDATA_ZIN as OEFENDATA_ZIN
from .formulering import OORZAAK as OORZAAK
from .formulering import REGISTRATIEPRAKTIJK as REGISTRATIEPRAKTIJK
from .formulering import REGISTRATIES as REGISTRATIES

__all__ = [
    "BEPERKT",
    "GEEN_UITSLUITSEL",
    "GESPREKSVRAGEN",
    "GRENZEN",
    "STERK",
    "STERKTES",
    "Synthese",
    "WISSELEND",
    "antwoord_markdown",
    "beantwoord",
    "duiding_sjabloon_tekst",
    "synthese_markdown",
]
