// Interactive charts (tooltips) from the Vega bundle next to the report; the static SVG stays
// when the bundle is missing, when a chart fails, and on paper.
(function () {
  if (typeof window.vegaEmbed !== "function") { return; }
  var plekken = document.querySelectorAll("figure.grafiek .vega");
  Array.prototype.forEach.call(plekken, function (plek) {
    var bron = document.getElementById(plek.getAttribute("data-spec"));
    if (!bron) { return; }
    var spec = JSON.parse(bron.textContent);
    // On a narrow screen the chart is drawn for the width (axes and legend included) instead of
    // being shrunk as a picture: its text keeps its size and stays readable on a phone.
    // The profile places its columns at fixed positions: it keeps its size and scrolls sideways
    // inside its own frame (the page itself never does).
    var ruimte = plek.clientWidth || plek.parentNode.clientWidth;
    var soort = ((spec.usermeta || {}).impactkit || {}).soort;
    if (typeof spec.width === "number" && ruimte && spec.width + 60 > ruimte) {
      if (soort === "profiel") {
        plek.parentNode.classList.add("schuifbaar");
      } else {
        spec.width = Math.max(200, ruimte - 8);
        spec.autosize = { type: "fit-x", contains: "padding" };
      }
    }
    window.vegaEmbed(plek, spec, { renderer: "svg", actions: false })
      .then(function () {
        // The interactive chart gets the same accessible name as the static picture.
        var statisch = plek.parentNode.querySelector("img.statisch");
        var svg = plek.querySelector("svg");
        if (svg && statisch) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", statisch.getAttribute("alt") || "");
        }
        plek.parentNode.classList.add("interactief");
      })
      .catch(function () { /* keep the static chart */ });
  });
})();
