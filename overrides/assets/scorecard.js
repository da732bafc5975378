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
      return { min: Number(li.dataset.min), minEach: li.dataset.minEach ? Number(li.dataset.minEach) : null, label: li.textContent.trim() };
    });
  }

  function init() {
    var root = document.querySelector(".hb-scorecard");
    if (!root) return;
    var key = "handbook:hiring:" + root.dataset.role;
    var state = load(key);
    var fields = Array.prototype.slice.call(root.querySelectorAll("input[name]"));
    var total = root.querySelector('output[name="total"]'), band = root.querySelector('output[name="band"]');
    var reason = root.querySelector('output[name="reason"]');
    var status = root.querySelector(".hb-status");
    var recommendation = bands(root);
    root.querySelector(".hb-toolbar").hidden = false;

    fields.forEach(function (input) { input.value = state[input.name] || ""; });

    function score(input) {
      var value = Number(input.value);
      return input.value !== "" && Number.isInteger(value) && value >= 1 && value <= 10 ? value : null;
    }

    function criterionName(row) {
      return row.querySelector("th").firstChild.textContent.trim();
    }

    function refresh() {
      var sum = 0, weights = 0, scored = [], rows = Array.prototype.slice.call(root.querySelectorAll(".hb-criterion"));
      rows.forEach(function (row) {
        var input = row.querySelector('input[type="number"]'), value = score(input);
        input.setAttribute("aria-invalid", input.value !== "" && value === null ? "true" : "false");
        if (value === null) return;
        sum += value * Number(row.dataset.weight);
        weights += Number(row.dataset.weight);
        scored.push({ name: criterionName(row), value: value });
      });
      if (!scored.length) { total.textContent = "–"; band.textContent = "–"; reason.textContent = ""; return; }
      var weighted = sum / weights;
      total.textContent = weighted.toFixed(1) + (scored.length < rows.length ? " (" + scored.length + " of " + rows.length + " scored)" : "");
      // A recommendation on part of the criteria would be read as the final one: wait for every score.
      if (scored.length < rows.length) {
        band.textContent = "–";
        reason.textContent = "No recommendation until every criterion is scored: " + (rows.length - scored.length) + " of " + rows.length + " still to score.";
        return;
      }
      var lowest = Math.min.apply(null, scored.map(function (item) { return item.value; }));
      var passed = []; // bands the total reaches but a single low criterion rules out
      var match = recommendation.find(function (b) {
        if (weighted < b.min) return false;
        if (b.minEach !== null && lowest < b.minEach) { passed.push(b); return false; }
        return true;
      });
      band.textContent = match ? match.label : "–";
      if (!passed.length) { reason.textContent = ""; return; }
      var strictest = Math.max.apply(null, passed.map(function (b) { return b.minEach; }));
      var same = passed.every(function (b) { return b.minEach === passed[0].minEach; });
      var low = scored.filter(function (item) { return item.value < strictest; })
        .map(function (item) { return item.name + " scored " + item.value; });
      reason.textContent = same ?
        "Not " + passed.map(function (b) { return b.label; }).join(" or ") + (passed.length > 1 ? ", which need" : ", which needs") +
          " every criterion at " + strictest + " or more: " + low.join(", ") + "." :
        "Not " + passed.map(function (b) { return b.label + " (every criterion at " + b.minEach + " or more)"; }).join(" or ") + ": " + low.join(", ") + ".";
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
