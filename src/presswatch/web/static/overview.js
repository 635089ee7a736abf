// Draws the technique-by-outlet chart with plotly.js (served locally). Data comes from a JSON block, never inline script.
(function () {
  "use strict";
  var el = document.getElementById("technique-chart");
  var src = document.getElementById("technique-data");
  if (!el || !src || typeof Plotly === "undefined") return;
  var d = JSON.parse(src.textContent);
  // plotly reads a few HTML tags (<a href>, <b>, <br>) in labels; outlet and label names are hostile text
  function plain(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/%/g, "&#37;"); }
  var outlets = d.outlets.map(plain);
  var traces = d.techniques.map(function (tech, j) {
    return {
      type: "bar",
      orientation: "h",
      name: plain(tech.replace(/_/g, " ")),
      marker: { color: d.colors[j] },
      y: outlets,
      x: d.outlets.map(function (_, i) { return d.articles[i] ? d.counts[i][j] / d.articles[i] : 0; }),
      customdata: d.outlets.map(function (_, i) { return [d.counts[i][j], d.articles[i]]; }),
      hovertemplate: "%{y}<br>" + plain(tech.replace(/_/g, " ")) + ": %{customdata[0]} in %{customdata[1]} articles<extra></extra>"
    };
  });
  var height = Math.max(320, 130 + 22 * Math.ceil(d.techniques.length / 4) + 34 * d.outlets.length);
  Plotly.newPlot(el, traces, {
    barmode: "stack",
    height: height,
    margin: { l: 150, r: 20, t: 40 + 22 * Math.ceil(d.techniques.length / 4), b: 50 },
    xaxis: { title: { text: "techniques per article" }, gridcolor: "#eceef1", zeroline: false },
    yaxis: { automargin: true, autorange: "reversed" },
    legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", font: { size: 11 } },
    font: { family: "system-ui, sans-serif", size: 12, color: "#1d2127" },
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)"
  }, { displayModeBar: false, responsive: true });
})();
