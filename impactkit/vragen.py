"""Questions for the conversation with partners ('het goede gesprek'), per kind of finding.

A finding in the monitor is a starting point, not an answer. For each kind of indicator and each
direction of a difference, these templates give the questions a region can take to its partners.
They are written for this kit; ``{regio}``, ``{naam}`` and ``{partner}`` are filled in.
"""

from __future__ import annotations

# Kind of indicator -> which template set applies.
SOORT_PER_INDICATOR: dict[str, str] = {
    "adviezen": "omvang",
    "meldingen": "omvang",
    "adviezen_per_10000": "omvang",
    "meldingen_per_10000": "omvang",
    "casussen_vt": "omvang",
    "professionals_aandeel": "signaleren",
    "adviesvrager_type": "signaleren",
    "melder_type": "signaleren",
    "acuut_structureel_onveilig": "ernst",
    "acuut_onveilig": "ernst",
    "structureel_onveilig": "ernst",
    "duur_geweld_meldingen": "ernst",
    "duur_geweld_adviezen": "ernst",
    "aard_geweld": "aard",
    "hermeldingen": "herhaling",
    "overdracht_rvdk": "keten",
    "overdracht_om": "keten",
    "overdracht_politie": "keten",
    "ots_per_10000": "keten",
    "rvdk_onderzoeken": "keten",
    "politiemeldingen": "keten",
    "tijdelijk_huisverbod": "keten",
    "vervolg_veiligheidsbeoordeling": "keten",
    "geweld_gestopt": "outcome",
    "opvoedingsrelatie_verbeterd": "outcome",
    "welzijn_clienten": "outcome",
    "ervaren_veiligheid": "outcome",
    "tevredenheid_hulp": "outcome",
    "aantal_hulpinstellingen": "outcome",
}

PARTNER: dict[str, str] = {
    "overdracht_rvdk": "de Raad voor de Kinderbescherming",
    "overdracht_om": "het Openbaar Ministerie",
    "overdracht_politie": "de politie",
    "ots_per_10000": "de jeugdbescherming",
    "rvdk_onderzoeken": "de Raad voor de Kinderbescherming",
    "politiemeldingen": "de politie",
    "tijdelijk_huisverbod": "de burgemeester en de politie",
}

SJABLONEN: dict[str, dict[str, list[str]]] = {
    "ernst": {
        "hoger": [
            "Waarom gaat het in {regio} vaker om meldingen waarin het acuut of structureel "
            "onveilig is dan in de rest van het land?",
            "Zijn de zaken in {regio} zwaarder geworden, en wat zou daar de oorzaak van kunnen zijn?",
            "Komen gezinnen pas in beeld als het geweld al lang speelt: signaleren partners te laat, "
            "of schiet de preventie tekort?",
            "Verwijzen partners eerder door naar Veilig Thuis, zodat lichtere zaken elders blijven?",
        ],
        "lager": [
            "Is er in {regio} werkelijk minder ernstige onveiligheid, of wordt die anders "
            "beoordeeld of vastgelegd?",
            "Komen lichtere zaken hier vaker bij Veilig Thuis binnen, bijvoorbeeld door een "
            "laagdrempelige route?",
        ],
    },
    "omvang": {
        "hoger": [
            "Wat maakt dat er in {regio} meer {naam} zijn: komt er meer geweld voor, of is het "
            "beter zichtbaar?",
            "Vinden burgers en professionals Veilig Thuis hier beter, en welke afspraken of "
            "campagnes spelen daarbij mee?",
            "Kan Veilig Thuis dit aantal aan zonder dat wachttijden oplopen?",
        ],
        "lager": [
            "Wordt er in {regio} minder gemeld omdat het minder voorkomt, of omdat signalen "
            "blijven liggen?",
            "Welke groepen burgers of professionals vinden de weg naar Veilig Thuis nog niet?",
        ],
    },
    "signaleren": {
        "hoger": [
            "Welke beroepsgroepen in {regio} zoeken vaker contact met Veilig Thuis, en wat "
            "helpt hen daarbij?",
            "Kunnen andere sectoren leren van de werkwijze van deze beroepsgroepen?",
        ],
        "lager": [
            "Welke beroepsgroepen in {regio} signaleren minder dan elders, en kennen zij de "
            "meldcode voldoende?",
            "Wat houdt professionals tegen om advies te vragen of te melden?",
        ],
    },
    "aard": {
        "hoger": [
            "Vraagt deze vorm van geweld in {regio} om een eigen aanpak of eigen partners?",
            "Is het verschil te verklaren uit de samenstelling van de bevolking of uit de manier "
            "van registreren?",
        ],
        "lager": [
            "Blijft deze vorm van geweld in {regio} uit beeld, en bij wie zou het eerst zichtbaar "
            "worden?",
        ],
    },
    "herhaling": {
        "hoger": [
            "Waarom komen gezinnen in {regio} vaker opnieuw bij Veilig Thuis terecht?",
            "Wordt de veiligheid na het afsluiten lang genoeg gevolgd?",
            "Sluit de hulp na Veilig Thuis aan bij wat gezinnen nodig hebben?",
        ],
        "lager": [
            "Wat gaat in {regio} goed in de nazorg, en wat kunnen andere regio's daarvan leren?",
            "Of worden hermeldingen hier anders herkend of vastgelegd?",
        ],
    },
    "keten": {
        "hoger": [
            "Waarom komen in {regio} meer zaken bij {partner} terecht: is de problematiek "
            "zwaarder of zijn de afspraken anders?",
            "Hoe verloopt de samenwerking tussen zorg en veiligheid na de overdracht?",
        ],
        "lager": [
            "Gaan in {regio} minder zaken naar {partner} omdat ze lichter zijn, of loopt de "
            "samenwerking stroever?",
            "Komen zaken die een justitieel kader nodig hebben wel op tijd daar terecht?",
        ],
    },
    "burgers": {
        "hoger": [
            "Wat maakt dat burgers in {regio} vaker zelf Veilig Thuis om advies vragen?",
            "Weten professionals in {regio} even goed de weg, of laten zij het aan burgers over?",
        ],
        "lager": [
            "Waarom vragen burgers in {regio} minder vaak zelf advies: kennen zij Veilig Thuis?",
            "Welke drempels ervaren omstanders, en hoe kunnen gemeenten en partners die verlagen?",
        ],
    },
    "outcome": {
        "hoger": [
            "Wat werkt er in {regio} voor deze gezinnen, en hoe houden we dat vast?",
        ],
        "lager": [
            "Waar stokt de hulp voor gezinnen in {regio}: bij de toegang, de samenhang of de duur?",
        ],
    },
}

TIJD_VRAGEN = {
    "stijging": [
        "Wat is er in deze periode veranderd in werkwijze, registratie of beleid in {regio}?",
        "Is de stijging blijvend, of een uitschieter die de volgende periode weer verdwijnt?",
    ],
    "daling": [
        "Welke inzet in {regio} kan de daling verklaren, en is die daling blijvend?",
        "Is de daling echt, of veranderde er iets in de manier van registreren?",
    ],
}

ALTIJD = (
    "Welke verklaring zien de partners in {regio} zelf, en welke (lokale) cijfers zijn nodig om "
    "die te toetsen?"
)


def vragen_bij(
    indicator_id: str,
    richting: str,
    regio: str,
    naam: str,
    tijd: bool = False,
    categorie: str | None = None,
) -> list[str]:
    """The questions for a finding.

    ``richting`` is 'hoger' or 'lager' (than the reference); with ``tijd=True`` it is read as a
    rise ('hoger') or fall ('lager') over time and the time questions come first.

    Examples
    --------
    >>> vragen_bij("hermeldingen", "hoger", "Twente", "hermeldingen")[0]
    'Waarom komen gezinnen in Twente vaker opnieuw bij Veilig Thuis terecht?'
    """
    soort = SOORT_PER_INDICATOR.get(indicator_id)
    if categorie == "Burger":
        soort = "burgers"
    waarden = {
        "regio": regio,
        "naam": naam.lower(),
        "partner": PARTNER.get(indicator_id, "partners"),
    }
    uit: list[str] = []
    if tijd:
        uit += TIJD_VRAGEN["stijging" if richting == "hoger" else "daling"]
    if soort:
        uit += SJABLONEN[soort].get(richting, [])
    uit.append(ALTIJD)
    return [v.format(**waarden) for v in dict.fromkeys(uit)]
