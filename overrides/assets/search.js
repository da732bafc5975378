// Site search: the header's search button opens a dialog that queries the Pagefind index written by the build
// (macros/site/search.py). Pagefind's script, its WebAssembly and the index chunks load only when the reader opens
// search, and each query fetches only the chunks and result fragments it needs, so page weight stays low at any size.
// Ranking: the index weighs a page's own names (role titles, competency aliases) far above body text, and this script
// lists dated cohort pages after every other result, whatever their scores.
(function () {
  "use strict";
  var root = document.querySelector("[data-hb-search]");
  if (!root || typeof HTMLDialogElement === "undefined") return;
  var openButton = root.querySelector("[data-hb-search-open]");
  var dialog = root.querySelector("[data-hb-search-dialog]");
  var input = dialog.querySelector("input");
  var status = dialog.querySelector("[data-hb-search-status]");
  var list = dialog.querySelector("[data-hb-search-results]");
  var ready = root.getAttribute("data-ready") === "true";
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var SHOWN = 10;
  var LAST_KINDS = ["Cohort"];
  // Meta fields outrank body text: `names` holds a page's own names (macros/site/search.py).
  var RANKING = { metaWeights: { title: 5, names: 10 } };
  var MIN_LENGTH = 2;
  var engine = null;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        // Result URLs are site paths: the site may be published under a folder (/handbook/).
        var base = new URL("..", bundle).pathname;
        return pagefind.options({ baseUrl: base, ranking: RANKING, excerptLength: 24 }).then(function () {
          return pagefind.init().then(function () {
            return pagefind;
          });
        });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

  function open() {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    if (ready) load().catch(failed);
  }

  function close() {
    if (dialog.open) dialog.close();
  }

  function failed() {
    status.textContent = "Search could not be loaded. Reload the page to try again.";
  }

  // Pagefind's excerpt is escaped text with <mark> around the matches: rebuild it from text nodes only.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createElement("span");
    out.className = "hb-search__excerpt";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.className = "hb-search__result";
    var kind = document.createElement("span");
    kind.className = "hb-search__kind";
    kind.textContent = (data.meta && data.meta.kind) || "Page";
    var title = document.createElement("span");
    title.className = "hb-search__title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    link.append(kind, title, excerpt(data.excerpt || ""));
    li.appendChild(link);
    return li;
  }

  function show(query, found, pages, atLeast) {
    list.replaceChildren.apply(list, pages.map(item));
    list.setAttribute("data-query", query); // which query the list answers (the tests and bench/reader.py wait on it)
    if (!found) status.textContent = "No results for “" + query + "”.";
    else if (found <= pages.length) status.textContent = found + (found === 1 ? " result." : " results.");
    else status.textContent = (atLeast ? "At least " : "") + found + " results, the first " + pages.length + " shown.";
  }

  function clear(message) {
    list.replaceChildren();
    list.removeAttribute("data-query");
    status.textContent = message;
  }

  // One search at a time, and only the latest query: while the reader types, the queries typed in between are
  // skipped rather than queued, so results follow the last keystroke however slow the device.
  var pending = null;
  var busy = false;

  function search() {
    pending = input.value.trim();
    if (!busy) next();
  }

  function next() {
    var query = pending;
    pending = null;
    if (query === null || !ready) return;
    // A single letter matches nearly every word: it would cost more than any real query and show nothing useful.
    if (query.length < MIN_LENGTH) {
      clear(query ? "Keep typing…" : "");
      return;
    }
    busy = true;
    answer(query)
      .catch(failed)
      .then(function () {
        busy = false;
        next();
      });
  }

  function answer(query) {
    return load().then(function (pagefind) {
      return pagefind.search(query, { filters: { kind: { none: LAST_KINDS } } }).then(function (first) {
        if (pending !== null || !first) return; // the reader typed on: the newer query is answered instead
        // Cohort pages come after every other result: they are searched only to fill a short list.
        var rest = first.results.length >= SHOWN ? null : pagefind.search(query, { filters: { kind: { any: LAST_KINDS } } });
        return Promise.resolve(rest).then(function (last) {
          if (pending !== null) return;
          var results = last ? first.results.concat(last.results) : first.results;
          return Promise.all(
            results.slice(0, SHOWN).map(function (result) {
              return result.data();
            }),
          ).then(function (pages) {
            if (pending === null) show(query, results.length, pages, !rest);
          });
        });
      });
    });
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  openButton.addEventListener("click", open);
  // A page's own "Search the handbook" buttons (class hb-search-open, hidden until a search exists) open it too.
  document.querySelectorAll("button.hb-search-open").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", open);
  });
  dialog.querySelector("[data-hb-search-close]").addEventListener("click", close);
  dialog.addEventListener("close", function () {
    openButton.focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) close();
  });
  input.addEventListener("input", search);
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
    event.preventDefault();
  });
  // "/" or "s" opens search from anywhere but a form field, as in most documentation sites.
  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
    }
  });
})();
