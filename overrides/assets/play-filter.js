/* Playbook filter: show only the plays that match the chosen role, journey phase, deal stage and buyer role.
   The choice lives in the URL query (?role=..&stage=..), so a filtered view can be linked and bookmarked.
   Without JavaScript the form is hidden (a <noscript> style, overrides/main.html) and every play is listed. */
(function () {
  "use strict";

  var KEYS = ["role", "phase", "stage", "buyer"];
  // Which data attribute of a play card each filter reads; the attribute holds space-separated ids.
  var CARD_ATTRIBUTE = { role: "roles", phase: "phase", stage: "stages", buyer: "buyers" };

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value && !option.disabled;
    });
  }

  function matches(card, chosen) {
    return KEYS.every(function (key) {
      if (!chosen[key]) return true;
      return (card.dataset[CARD_ATTRIBUTE[key]] || "").split(" ").indexOf(chosen[key]) !== -1;
    });
  }

  // Only the stages of the chosen phase can be picked; a stage from another phase is cleared.
  function limitStages(form) {
    var phase = form.elements.phase.value;
    Array.prototype.forEach.call(form.elements.stage.options, function (option) {
      var other = phase && option.dataset.phase && option.dataset.phase !== phase;
      option.disabled = Boolean(other);
      option.hidden = Boolean(other);
    });
    if (form.elements.stage.selectedOptions[0] && form.elements.stage.selectedOptions[0].disabled) {
      form.elements.stage.value = "";
    }
  }

  function init() {
    var form = document.querySelector("form[data-play-filter]");
    if (!form) return;
    var cards = Array.prototype.slice.call(document.querySelectorAll(".hb-play-card"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".hb-play-group"));
    var count = form.querySelector("[data-play-count]");
    var params = new URLSearchParams(window.location.search);

    KEYS.forEach(function (key) {
      var value = params.get(key);
      if (key !== "stage" && value && hasOption(form.elements[key], value)) form.elements[key].value = value;
    });
    limitStages(form);
    var stage = params.get("stage");
    if (stage && hasOption(form.elements.stage, stage)) form.elements.stage.value = stage;

    function apply(updateUrl) {
      limitStages(form);
      var chosen = {};
      KEYS.forEach(function (key) {
        chosen[key] = form.elements[key].value;
      });
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, chosen);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".hb-play-card:not([hidden])");
      });
      var filtered = KEYS.some(function (key) {
        return chosen[key];
      });
      count.textContent = filtered
        ? shown === 0
          ? "No play matches these filters. Clear one to see more."
          : "Showing " + shown + " of " + cards.length + " plays."
        : "Showing all " + cards.length + " plays.";
      if (updateUrl) {
        var url = new URL(window.location.href);
        KEYS.forEach(function (key) {
          if (chosen[key]) url.searchParams.set(key, chosen[key]);
          else url.searchParams.delete(key);
        });
        window.history.replaceState(window.history.state, "", url.toString());
      }
    }

    form.addEventListener("change", function () {
      apply(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.querySelector("[data-play-clear]").addEventListener("click", function () {
      KEYS.forEach(function (key) {
        form.elements[key].value = "";
      });
      apply(true);
    });
    apply(false);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // Material's instant navigation: run on every page load
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
