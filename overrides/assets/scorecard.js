/* Hiring scorecard: keeps the scores typed on screen in localStorage and computes the weighted total and the
   recommendation band. The table, anchors and bands come from overrides/handbook/role_hiring.md. */
(function () {
  "use strict";

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return {}; // storage disabled or a corrupt entry: start empty
    }
  }

  function bands(root) {
    return Array.prototype.slice.call(root.querySelectorAll(".hb-bands li")).map(function (li) {
      return { min: Number(li.dataset.min), label: li.textContent.trim() };
    });
  }

  function init() {
    var root = document.querySelector(".hb-scorecard");
    if (!root) return;
    var key = "handbook:hiring:" + root.dataset.role;
    var state = load(key);
    var fields = Array.prototype.slice.call(root.querySelectorAll("input[name]"));
    var total = root.querySelector('output[name="total"]'), band = root.querySelector('output[name="band"]');
    var status = root.querySelector(".hb-status");
    var recommendation = bands(root);
    root.querySelector(".hb-toolbar").hidden = false;

    fields.forEach(function (input) { input.value = state[input.name] || ""; });

    function score(input) {
      var value = Number(input.value);
      return input.value !== "" && Number.isInteger(value) && value >= 1 && value <= 10 ? value : null;
    }

    function refresh() {
      var sum = 0, weights = 0, scored = 0, rows = root.querySelectorAll(".hb-criterion");
      rows.forEach(function (row) {
        var input = row.querySelector('input[type="number"]'), value = score(input);
        input.setAttribute("aria-invalid", input.value !== "" && value === null ? "true" : "false");
        if (value === null) return;
        sum += value * Number(row.dataset.weight);
        weights += Number(row.dataset.weight);
        scored++;
      });
      if (!scored) { total.textContent = "–"; band.textContent = "–"; return; }
      var weighted = sum / weights;
      total.textContent = weighted.toFixed(1) + (scored < rows.length ? " (" + scored + " of " + rows.length + " scored)" : "");
      var match = recommendation.find(function (b) { return weighted >= b.min; });
      band.textContent = match ? match.label : "–";
    }

    root.addEventListener("input", function (event) {
      if (!event.target.name) return;
      state[event.target.name] = event.target.value;
      try { window.localStorage.setItem(key, JSON.stringify(state)); }
      catch (error) { status.textContent = "This browser refused to save the scorecard (storage full or disabled)."; }
      refresh();
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      if (button.dataset.action === "print") window.print();
      if (button.dataset.action === "reset" && window.confirm("Clear the candidate, the interviewer and every score?")) {
        state = {};
        window.localStorage.removeItem(key);
        fields.forEach(function (input) { input.value = ""; });
        refresh();
        status.textContent = "Scorecard cleared.";
      }
    });
    refresh();
  }

  if (window.document$) window.document$.subscribe(init); // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", init);
})();
