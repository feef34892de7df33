// Interactive charts (tooltips) from the Vega bundle next to the report; the static SVG stays
// when the bundle is missing, when a chart fails, and on paper.
(function () {
  if (typeof window.vegaEmbed !== "function") { return; }
  var plekken = document.querySelectorAll("figure.grafiek .vega");
  Array.prototype.forEach.call(plekken, function (plek) {
    var bron = document.getElementById(plek.getAttribute("data-spec"));
    if (!bron) { return; }
    var spec = JSON.parse(bron.textContent);
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
