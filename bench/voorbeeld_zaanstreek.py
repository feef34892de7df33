"""The worked example of the step plan for Zaanstreek-Waterland, 2021H1, in one run.

Prints the findings (verdict, sentence, questions) that the book's example page shows.
Runs on practice data (oefendata) calibrated to the published example.
"""

from impactkit import analyseer, samenvatting, startvraag

vraag = startvraag("heftig_structureel_geweld")
indicatoren = [
    k.indicator if k.categorie is None else (k.indicator, k.categorie) for k in vraag.indicatoren
]
bevindingen = analyseer("Zaanstreek-Waterland", "2021H1", indicatoren)
print(f"Hoofdvraag: {vraag.hoofdvraag}\n")
print(samenvatting(bevindingen))
