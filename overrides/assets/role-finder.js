/* Role finder: ranks the benchmark profiles by how many of the answered profile-mapping questions they match.
   The questions and each role's answers are in the HTML (overrides/handbook/role_finder.html). */
(function () {
  "use strict";

  function init() {
    var form = document.querySelector(".hb-finder");
    if (!form) return;
    form.hidden = false;
    var list = form.querySelector(".hb-finder__roles");
    var summary = form.querySelector(".hb-finder__summary");
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (li, index) { li.dataset.order = index; });

    function update() {
      var answered = Array.prototype.slice.call(form.querySelectorAll('input[type="radio"]:checked'))
        .filter(function (input) { return input.value; })
        .map(function (input) { return input.name + "=" + input.value; });
      items.forEach(function (li) {
        var profile = li.dataset.profile.split(" ");
        li.dataset.matches = answered.filter(function (pair) { return profile.indexOf(pair) >= 0; }).length;
      });
      var best = Math.max.apply(null, items.map(function (li) { return Number(li.dataset.matches); }));
      items.sort(function (a, b) { return b.dataset.matches - a.dataset.matches || a.dataset.order - b.dataset.order; });
      items.forEach(function (li) {
        var top = Number(li.dataset.matches) === best;
        li.hidden = answered.length > 0 && !top;
        li.querySelector(".hb-finder__why").textContent = answered.length ? "matches " + li.dataset.matches + " of " + answered.length + " answers" : "";
        list.appendChild(li);
      });
      var shown = items.filter(function (li) { return !li.hidden; }).length;
      if (!answered.length) summary.textContent = "Answer the questions to narrow the " + items.length + " profiles down.";
      else if (best === answered.length) summary.textContent = shown === 1 ? "One profile matches every answer:" : shown + " profiles match every answer:";
      else summary.textContent = "No profile matches every answer; the closest " + (shown === 1 ? "is" : "are") + ":";
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  if (window.document$) window.document$.subscribe(init); // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", init);
})();
