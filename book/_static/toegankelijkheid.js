// Dutch names for the few labels the book's extensions set in JavaScript (WCAG 3.1.2, 4.1.2).
// Loaded after sphinx-copybutton and sphinx-togglebutton; nothing here loads anything.
(function () {
  "use strict";

  // sphinx-copybutton picks its messages by <html lang>, and has no Dutch ones. `messages` and
  // `locale` are global bindings of its script, so they can be completed before it runs
  // (it adds its buttons when the DOM is ready).
  try {
    if (typeof messages === "object" && !messages.nl) {
      messages.nl = {
        copy: "Kopiëren",
        copy_to_clipboard: "Kopieer naar het klembord",
        copy_success: "Gekopieerd!",
        copy_failure: "Kopiëren is mislukt",
      };
      if (document.documentElement.lang === "nl") {
        locale = "nl"; // eslint-disable-line no-global-assign
      }
    }
  } catch (e) {
    /* copybutton not on this page */
  }

  // sphinx-togglebutton names its buttons "Toggle hidden content" while they show
  // "Klik om te tonen": give them their visible hint as name, and keep it in step.
  function naamVanHint(knop) {
    const hint = knop.dataset.toggleHint;
    if (hint) knop.setAttribute("aria-label", hint);
  }

  // The theme switch cycles light → dark → system: say the current mode in its name.
  const MODI = { light: "licht", dark: "donker", auto: "zoals het systeem" };
  function naamVanKleurmodus() {
    const modus = MODI[document.documentElement.dataset.mode];
    document.querySelectorAll(".theme-switch-button").forEach((knop) => {
      if (modus) knop.setAttribute("aria-label", "Kleurmodus: " + modus);
    });
  }

  function werkBij() {
    document.querySelectorAll("button.toggle-button").forEach(naamVanHint);
    // myst-nb's hidden code cells: <summary aria-label="Toggle hidden content"> around the
    // visible "Toon de code"; without the label the name is that visible text.
    document
      .querySelectorAll('summary[aria-label="Toggle hidden content"]')
      .forEach((s) => s.removeAttribute("aria-label"));
    naamVanKleurmodus();
  }

  function start() {
    werkBij();
    new MutationObserver((wijzigingen) => {
      for (const w of wijzigingen) {
        if (w.attributeName === "data-toggle-hint") naamVanHint(w.target);
        if (w.attributeName === "data-mode") naamVanKleurmodus();
      }
    }).observe(document.documentElement, {
      attributes: true,
      subtree: true,
      attributeFilter: ["data-toggle-hint", "data-mode"],
    });
  }

  if (document.readyState === "loading") {
    // After the extensions' own DOMContentLoaded handlers, which were registered first.
    document.addEventListener("DOMContentLoaded", () => setTimeout(start, 0));
  } else {
    setTimeout(start, 0);
  }
})();
