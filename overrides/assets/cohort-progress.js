// Cohort progress: tick sessions off on a cohort page; kept in this browser under handbook:cohort:<id>.
(function () {
  "use strict";

  function load(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return []; // unreadable or blocked storage: start with nothing ticked
    }
  }

  function save(key, done) {
    try {
      window.localStorage.setItem(key, JSON.stringify(done));
    } catch (error) {
      // Private browsing may refuse storage; ticking still works for this visit.
    }
  }

  function label(doneCount, total) {
    return doneCount + " of " + total + " session" + (total === 1 ? "" : "s") + " done";
  }

  function setUp(widget) {
    var key = "handbook:cohort:" + widget.getAttribute("data-cohort");
    var boxes = Array.prototype.slice.call(widget.querySelectorAll("input.hb-tick"));
    var done = load(key);

    function refresh() {
      widget.querySelectorAll(".hb-cohort-progress").forEach(function (counter) {
        var week = counter.getAttribute("data-week");
        var mine = boxes.filter(function (box) {
          return week === "all" || box.getAttribute("data-week") === week;
        });
        var ticked = mine.filter(function (box) { return box.checked; }).length;
        counter.textContent = label(ticked, mine.length);
        var bar = counter.querySelector("progress") || document.createElement("progress");
        bar.max = mine.length;
        bar.value = ticked;
        bar.setAttribute("aria-hidden", "true"); // the text says the same
        counter.prepend(bar);
        counter.classList.toggle("hb-cohort-progress--complete", mine.length > 0 && ticked === mine.length);
      });
    }

    boxes.forEach(function (box) {
      box.checked = done.indexOf(box.getAttribute("data-session")) !== -1;
      box.addEventListener("change", function () {
        var ids = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-session"); });
        save(key, ids);
        refresh();
      });
    });
    refresh();
  }

  function init() {
    document.querySelectorAll(".hb-cohort[data-cohort]").forEach(setUp);
  }

  // Material's instant navigation swaps pages without reloading: document$ emits on every page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
