// Home page. The "Search the handbook" button opens whatever search the header offers. The search itself is not
// the home page's business, so the button looks for the header's search by what a reader would use: a search
// toggle (Material's checkbox and the label that flips it), or a search box in the header. With none found the
// button is hidden rather than doing nothing. The handbook's own search dialog (overrides/assets/search.js) shows
// and opens such buttons itself.
// The button and the pickers are in the page from the first paint (showing them later would move the cards).
// The sellers' and managers' cards have a role picker: the chosen role (kept in this browser under
// handbook:home:role:<card>) turns the card's buttons into links to that role's pages, from the data-role-href
// patterns the page carries (ROLEID stands for the role's id).
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

  function load(key) {
    try {
      return window.localStorage.getItem(key) || "";
    } catch (error) {
      return ""; // blocked storage: nothing chosen yet
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      // Private browsing may refuse storage; the choice still works for this visit.
    }
  }

  function setUpRolePicker(select) {
    var card = select.closest("li");
    var key = "handbook:home:role:" + select.getAttribute("data-my-role");
    var links = card.querySelectorAll("a[data-role-href]");
    links.forEach(function (link) {
      if (!link.hasAttribute("data-plain-href")) link.setAttribute("data-plain-href", link.getAttribute("href"));
    });

    function apply() {
      var role = select.value;
      links.forEach(function (link) {
        var pattern = link.getAttribute("data-role-href");
        link.setAttribute("href", role ? pattern.replace("ROLEID", encodeURIComponent(role)) : link.getAttribute("data-plain-href"));
        if (link.hasAttribute("data-role-only")) link.hidden = !role;
      });
      card.querySelectorAll("a[data-role-none]").forEach(function (link) { link.hidden = !!role; });
      // overrides/main.html set this class before the first paint from the saved choice; keep it in step.
      document.documentElement.classList.toggle("hb-role-chosen-" + select.getAttribute("data-my-role"), !!role);
    }

    var saved = load(key);
    if (saved && select.querySelector("option[value='" + saved.replace(/[^a-z0-9-]/g, "") + "']")) select.value = saved;
    if (!select.hasAttribute("data-ready")) {
      select.setAttribute("data-ready", "1"); // instant navigation can run init twice on the same element
      select.addEventListener("change", function () {
        save(key, select.value);
        apply();
      });
    }
    apply();
  }

  function init() {
    document.querySelectorAll("select[data-my-role]").forEach(setUpRolePicker);
    document.querySelectorAll("button.hb-search-open").forEach(function (button) {
      var search = findSearch();
      button.hidden = !search;
      if (!search) return;
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
