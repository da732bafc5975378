// Home page: the "Search the handbook" button opens whatever search the header offers. The search itself is not
// the home page's business, so the button looks for the header's search by what a reader would use: a search
// toggle (Material's checkbox and the label that flips it), or a search box in the header. With none found the
// button stays hidden rather than doing nothing.
(function () {
  "use strict";

  function findSearch() {
    var header = document.querySelector("header, .md-header");
    if (!header) return null;
    var box = header.querySelector("input[type='search'], input[name='query'], [role='search'] input, .md-search__input");
    var toggle = document.querySelector("input[type='checkbox'][data-md-toggle='search']");
    if (!box && !toggle) return null;
    return { box: box, toggle: toggle };
  }

  function open(search) {
    if (search.toggle && !search.toggle.checked) {
      // On a phone the box is hidden until the toggle opens the search overlay.
      search.toggle.checked = true;
      search.toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    if (search.box) {
      window.requestAnimationFrame(function () { search.box.focus(); });
    }
  }

  function init() {
    document.querySelectorAll("button.hb-search-open").forEach(function (button) {
      var search = findSearch();
      if (!search) return;
      button.hidden = false;
      if (button.dataset.ready) return; // instant navigation can run init twice on the same element
      button.dataset.ready = "1";
      button.addEventListener("click", function () { open(findSearch() || search); });
    });
  }

  // Material's instant navigation swaps pages without reloading: document$ emits on every page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
