// The article page's confidence slider: technique highlights (and their name badges) scoring below
// the chosen value are dimmed out. A separate file because the page's CSP allows no inline script.
(function () {
  "use strict";
  var slider = document.getElementById("tech-threshold");
  var shown = document.getElementById("tech-threshold-value");
  if (!slider) return;
  var marked = document.querySelectorAll(".text [data-score]");
  function apply() {
    var t = parseFloat(slider.value);
    if (shown) shown.textContent = t.toFixed(2);
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.toggle("below", parseFloat(marked[i].getAttribute("data-score")) < t);
    }
  }
  slider.addEventListener("input", apply);
  apply();
})();
