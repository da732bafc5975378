/* Behavior checklist: saves ratings in localStorage, fills the summary, draws the radar chart,
   ranks role fit, and exports/imports CSV. The page's HTML comes from overrides/handbook/role_checklist.md;
   this script only reads it, fills in text and builds the SVG chart. Nothing leaves the browser. */
(function () {
  "use strict";

  var MODES = { self: "Self-assessment", manager: "Manager observation" };
  // person and date come last: the team page reads them; older files without them still import.
  var CSV_COLUMNS = ["role", "mode", "competency", "behavior", "rating", "note", "competency_name", "behavior_text", "person", "date"];
  var SVG = "http://www.w3.org/2000/svg";
  var FIT_SHARE = 0.5; // role fit needs at least this share of the other role's competencies rated

  function storageKey(role, suffix) {
    return "handbook:checklist:" + role + ":" + suffix;
  }

  function load(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (error) {
      return fallback; // private mode or corrupt entry: start empty rather than break the page
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  function emptyState() {
    return { ratings: {}, notes: {} };
  }

  function mean(values) {
    if (!values.length) return null;
    return values.reduce(function (a, b) { return a + b; }, 0) / values.length;
  }

  function fmt(value) {
    return value === null ? "–" : value.toFixed(1);
  }

  var csv = window.handbookCsv; // overrides/assets/csv.js: RFC 4180 cells and the spreadsheet-formula guard

  /* ---------- the page ---------- */

  /* Performance: the page carries one radio row and one note field in a <template>; give every behavior its own
     copies (a long checklist would otherwise repeat them hundreds of times). */
  function fillScales() {
    var template = document.querySelector("template.hb-scale-template");
    if (!template) return;
    var note = template.content.querySelector(".hb-behavior__note");
    document.querySelectorAll(".hb-behavior__scale[data-field]").forEach(function (scale) {
      if (scale.querySelector("input")) return;
      var row = template.content.firstElementChild.cloneNode(true);
      row.querySelectorAll("input").forEach(function (input) { input.name = scale.dataset.field; });
      while (row.firstChild) scale.appendChild(row.firstChild);
      if (note) {
        var field = note.cloneNode(true);
        field.name = "n" + scale.dataset.field;
        scale.parentNode.insertBefore(field, scale.nextSibling);
      }
    });
  }

  function Checklist(root) {
    fillScales();
    this.root = root;
    this.role = root.dataset.role;
    this.toolbar = root.querySelector(".hb-toolbar");
    this.status = root.querySelector(".hb-status");
    this.ratingAs = root.querySelector(".hb-rating-as");
    this.lists = Array.prototype.slice.call(document.querySelectorAll(".hb-rate-list"));
    this.summary = document.querySelector(".hb-summary");
    this.mode = load(storageKey(this.role, "mode"), "self");
    if (!MODES[this.mode]) this.mode = "self";
    this.target = Number(load(storageKey(this.role, "target"), root.dataset.expected));
    this.states = { self: load(storageKey(this.role, "self"), emptyState()), manager: load(storageKey(this.role, "manager"), emptyState()) };
  }

  Checklist.prototype.start = function () {
    var self = this;
    this.toolbar.hidden = false;
    this.root.querySelector('input[name="hb-mode"][value="' + this.mode + '"]').checked = true;
    this.root.querySelector('input[name="hb-person"]').value = load(storageKey(this.role, "person"), "");
    var select = this.root.querySelector('select[name="hb-target"]');
    if (select.querySelector('option[value="' + this.target + '"]')) select.value = String(this.target);
    else this.target = Number(select.value);

    this.root.addEventListener("change", function (event) {
      var el = event.target;
      if (el.name === "hb-person") save(storageKey(self.role, "person"), el.value.trim());
      else if (el.name === "hb-mode") { self.mode = el.value; save(storageKey(self.role, "mode"), self.mode); self.showMode(); }
      else if (el.name === "hb-target") { self.target = Number(el.value); save(storageKey(self.role, "target"), self.target); self.refresh(); }
      else if (el.dataset.action === "import" && el.files.length) { self.importFile(el.files[0]); el.value = ""; }
    });
    this.root.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action || action.tagName !== "BUTTON") return;
      if (action.dataset.action === "export") self.exportCsv();
      else if (action.dataset.action === "print") window.print();
      else if (action.dataset.action === "reset") self.reset();
      else if (action.dataset.action === "change-mode") self.root.querySelector('input[name="hb-mode"]:checked').focus();
    });
    this.lists.forEach(function (list) {
      list.addEventListener("change", function (event) { self.record(list, event.target); });
      list.addEventListener("input", function (event) { if (event.target.type === "text") self.record(list, event.target); });
    });
    document.querySelector(".hb-summary-empty").hidden = true;
    this.summary.hidden = false;
    this.showMode();
  };

  Checklist.prototype.key = function (list, fieldset) {
    return list.dataset.competency + "/" + fieldset.dataset.behavior;
  };

  Checklist.prototype.record = function (list, input) {
    var fieldset = input.closest(".hb-behavior");
    if (!fieldset) return;
    var state = this.states[this.mode];
    var key = this.key(list, fieldset);
    if (input.type === "radio") state.ratings[key] = Number(input.value);
    else if (input.value.trim()) state.notes[key] = input.value;
    else delete state.notes[key];
    if (!save(storageKey(this.role, this.mode), state)) this.say("This browser refused to save the rating (storage full or disabled).");
    this.refresh();
  };

  Checklist.prototype.showMode = function () {
    var self = this, state = this.states[this.mode];
    this.lists.forEach(function (list) {
      list.querySelectorAll(".hb-behavior").forEach(function (fieldset) {
        var key = self.key(list, fieldset);
        var rating = state.ratings[key];
        fieldset.querySelectorAll('input[type="radio"]').forEach(function (radio) { radio.checked = Number(radio.value) === rating; });
        fieldset.querySelector('input[type="text"]').value = state.notes[key] || "";
      });
    });
    document.body.dataset.hbChecklistMode = this.mode;
    this.refresh();
  };

  Checklist.prototype.scores = function (mode) {
    var self = this, state = this.states[mode], byCompetency = {};
    this.lists.forEach(function (list) {
      var values = [];
      list.querySelectorAll(".hb-behavior").forEach(function (fieldset) {
        var rating = state.ratings[self.key(list, fieldset)];
        if (rating) values.push(rating);
      });
      byCompetency[list.dataset.competency] = mean(values);
    });
    return byCompetency;
  };

  Checklist.prototype.dimensions = function (byCompetency) {
    var order = [], grouped = {};
    this.lists.forEach(function (list) {
      var id = list.dataset.dimension;
      if (!grouped[id]) { grouped[id] = { name: list.dataset.dimensionName, values: [] }; order.push(id); }
      if (byCompetency[list.dataset.competency] !== null) grouped[id].values.push(byCompetency[list.dataset.competency]);
    });
    return order.map(function (id) { return { id: id, name: grouped[id].name, score: mean(grouped[id].values) }; });
  };

  /* How many behaviors a mode has rated, of all the behaviors on the page. */
  Checklist.prototype.progress = function (mode) {
    var self = this, state = this.states[mode], rated = 0, total = 0;
    this.lists.forEach(function (list) {
      list.querySelectorAll(".hb-behavior").forEach(function (fieldset) {
        total++;
        if (state.ratings[self.key(list, fieldset)]) rated++;
      });
    });
    return { rated: rated, total: total };
  };

  /* The bar that always shows who is rating: a manager on a ride-along must never rate into the wrong mode. */
  Checklist.prototype.showProgress = function () {
    if (!this.ratingAs) return;
    var progress = this.progress(this.mode);
    this.ratingAs.querySelector(".hb-rating-as__text").textContent =
      MODES[this.mode] + ": " + progress.rated + " of " + progress.total + " rated";
    this.ratingAs.hidden = false;
  };

  Checklist.prototype.refresh = function () {
    var self = this;
    this.showProgress();
    var mine = this.scores("self"), manager = this.scores("manager"), current = this.mode === "self" ? mine : manager;
    var target = this.target;
    // Scores table, biggest self/manager disagreement first.
    var tbody = document.querySelector(".hb-scores tbody");
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (row) {
      var id = row.dataset.competency, a = mine[id], b = manager[id];
      row.querySelector('[data-cell="expected"]').textContent = String(target);
      row.querySelector('[data-cell="self"]').textContent = fmt(a);
      row.querySelector('[data-cell="manager"]').textContent = fmt(b);
      var gap = a !== null && b !== null ? Math.abs(a - b) : null;
      row.querySelector('[data-cell="gap"]').textContent = fmt(gap);
      row.dataset.gap = gap === null ? -1 : gap;
    });
    rows.sort(function (x, y) { return Number(y.dataset.gap) - Number(x.dataset.gap); }).forEach(function (row) { tbody.appendChild(row); });

    // Up to three competencies below the expected level in the current mode, weakest first; one that meets
    // the level is no development need, however it ranks.
    var below = Object.keys(current).filter(function (id) { return current[id] !== null && current[id] < target; })
      .sort(function (x, y) { return current[x] - current[y]; }).slice(0, 3);
    var list = document.querySelector(".hb-weakest");
    list.querySelectorAll("li").forEach(function (li) { li.hidden = true; });
    below.forEach(function (id) {
      var li = list.querySelector('li[data-competency="' + id + '"]');
      li.querySelector('[data-cell="score"]').textContent = fmt(current[id]) + " against " + target + " (" + MODES[self.mode].toLowerCase() + ")";
      li.hidden = false;
      list.appendChild(li);
    });
    var anyRated = Object.keys(current).some(function (id) { return current[id] !== null; });
    var none = document.querySelector(".hb-weakest-none");
    none.hidden = below.length > 0;
    none.textContent = anyRated ?
      "Every competency rated so far in the " + MODES[this.mode].toLowerCase() + " meets the expected level (" + target + ")." :
      "Nothing is rated yet in the " + MODES[this.mode].toLowerCase() + ".";

    // Role fit: each shared competency counts up to that role's expected rating. A fit on a few ratings
    // would rank roles by chance, so it is shown only once at least half of that role's competencies are rated.
    var fitBody = document.querySelector(".hb-fit tbody");
    var fitRows = Array.prototype.slice.call(fitBody.querySelectorAll("tr[data-role]"));
    fitRows.forEach(function (row) {
      var expected = Number(row.dataset.expected), total = Number(row.dataset.total), parts = [];
      row.dataset.competencies.split(" ").forEach(function (id) {
        if (current[id] !== null && current[id] !== undefined) parts.push(Math.min(current[id], expected) / expected);
      });
      var shared = row.dataset.competencies.split(" ").length;
      var needed = Math.ceil(total * FIT_SHARE), fit = parts.length >= needed ? mean(parts) : null;
      row.dataset.fit = fit === null ? -1 : fit * parts.length / total;
      row.querySelector('[data-cell="fit"]').textContent = fit !== null ?
        Math.round(fit * 100) + "% on " + parts.length + " rated of " + total :
        shared < needed ? "Too few shared competencies to compare (needs " + needed + " of " + total + ")" :
        "Not enough rated: " + parts.length + " of " + total + " (needs " + needed + ")";
    });
    fitRows.sort(function (x, y) { return Number(y.dataset.fit) - Number(x.dataset.fit); }).forEach(function (row) { fitBody.appendChild(row); });

    this.drawRadar(this.dimensions(mine), this.dimensions(manager), target);
  };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    parent.appendChild(node);
    return node;
  }

  /* Words of a label on lines of at most `width` characters (a longer word keeps its own line). */
  function wrap(text, width) {
    var lines = [];
    text.split(/\s+/).forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) lines[last] += " " + word;
      else lines.push(word);
    });
    return lines;
  }

  Checklist.prototype.drawRadar = function (mine, manager, target) {
    var svg = document.querySelector(".hb-radar__chart");
    Array.prototype.slice.call(svg.querySelectorAll("g")).forEach(function (g) { g.remove(); });
    var n = mine.length, radius = 110, max = Number(document.querySelector('select[name="hb-target"] option:last-child').value);
    if (!svg.dataset.radarViewBox) svg.dataset.radarViewBox = svg.getAttribute("viewBox");
    // A radar of one or two axes is a line or a flat triangle: bars show one or two dimensions honestly.
    if (n < 3) { this.drawBars(svg, mine, manager, target, max); return; }
    svg.setAttribute("viewBox", svg.dataset.radarViewBox);
    svg.classList.remove("hb-radar__chart--bars");
    var axes = n;
    function point(i, value) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / axes;
      var r = (radius * (value || 0)) / max;
      return [r * Math.cos(angle), r * Math.sin(angle)];
    }
    var grid = el("g", { class: "hb-radar__grid" }, svg);
    for (var ring = 1; ring <= max; ring++) {
      var pts = [];
      for (var i = 0; i < axes; i++) pts.push(point(i, ring).join(","));
      el("polygon", { points: pts.join(" ") }, grid);
    }
    for (var j = 0; j < axes; j++) {
      var end = point(j, max);
      el("line", { x1: 0, y1: 0, x2: end[0], y2: end[1] }, grid);
      if (j < n) {
        var at = point(j, max + 0.9);
        var label = el("text", { x: at[0], y: at[1], "text-anchor": Math.abs(at[0]) < 5 ? "middle" : at[0] > 0 ? "start" : "end", "dominant-baseline": "middle" }, grid);
        // Long names on short lines, so a phone's narrow chart does not cut them off at its edges.
        var lines = wrap(mine[j].name, 16);
        lines.forEach(function (line, k) {
          el("tspan", { x: at[0], dy: k === 0 ? (-(lines.length - 1) * 0.6) + "em" : "1.2em" }, label).textContent = line + (k < lines.length - 1 ? " " : "");
        });
      }
    }
    function shape(series, cls, value) {
      var g = el("g", { class: "hb-radar__series " + cls }, svg);
      var pts = [];
      for (var i = 0; i < axes; i++) pts.push(point(i, i < n ? value(series[i]) : 0).join(","));
      el("polygon", { points: pts.join(" ") }, g);
      return g;
    }
    shape(mine, "hb-radar__series--expected", function () { return target; });
    if (mine.some(function (d) { return d.score !== null; })) shape(mine, "hb-radar__series--self", function (d) { return d.score; });
    if (manager.some(function (d) { return d.score !== null; })) shape(manager, "hb-radar__series--manager", function (d) { return d.score; });
  };

  /* Horizontal bars per dimension: the expected level, the self-assessment and the manager observation. */
  Checklist.prototype.drawBars = function (svg, mine, manager, target, max) {
    var left = 10, width = 320, block = 62, bar = 12, top = 6;
    var height = top + mine.length * block + 18;
    svg.setAttribute("viewBox", "0 0 340 " + height);
    svg.classList.add("hb-radar__chart--bars");
    function x(value) { return left + (width * value) / max; }
    var grid = el("g", { class: "hb-radar__grid" }, svg);
    var scale = el("g", { class: "hb-radar__scale" }, svg);
    for (var v = 0; v <= max; v++) {
      el("line", { x1: x(v), y1: top + 14, x2: x(v), y2: height - 16 }, scale);
      el("text", { x: x(v), y: height - 4, "text-anchor": "middle" }, scale).textContent = String(v);
    }
    mine.forEach(function (d, i) {
      el("text", { x: left, y: top + i * block + 10 }, grid).textContent = d.name;
    });
    function bars(series, cls, row, value) {
      var g = el("g", { class: "hb-radar__series " + cls }, svg);
      series.forEach(function (d, i) {
        var score = value(d);
        if (score === null) return;
        el("rect", { x: left, y: top + i * block + 16 + row * (bar + 2), width: x(score) - left, height: bar }, g);
      });
    }
    bars(mine, "hb-radar__series--expected", 0, function () { return target; });
    if (mine.some(function (d) { return d.score !== null; })) bars(mine, "hb-radar__series--self", 1, function (d) { return d.score; });
    if (manager.some(function (d) { return d.score !== null; })) bars(manager, "hb-radar__series--manager", 2, function (d) { return d.score; });
  };

  Checklist.prototype.reset = function () {
    if (!window.confirm("Clear every rating and note of the " + MODES[this.mode].toLowerCase() + " on this page?")) return;
    this.states[this.mode] = emptyState();
    save(storageKey(this.role, this.mode), this.states[this.mode]);
    this.showMode();
    this.say(MODES[this.mode] + " cleared.");
  };

  Checklist.prototype.say = function (message) {
    this.status.textContent = message;
  };

  /* Who was rated, as typed on the page (optional), and today's date in the reader's time zone. */
  Checklist.prototype.person = function () {
    var field = this.root.querySelector('input[name="hb-person"]');
    return field ? field.value.trim() : "";
  };

  function today() {
    var now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  Checklist.prototype.exportCsv = function () {
    var self = this, state = this.states[this.mode], lines = [CSV_COLUMNS.join(",")], person = this.person(), date = today();
    this.lists.forEach(function (list) {
      list.querySelectorAll(".hb-behavior").forEach(function (fieldset) {
        var key = self.key(list, fieldset);
        lines.push([self.role, self.mode, list.dataset.competency, fieldset.dataset.behavior, state.ratings[key] || "",
          state.notes[key] || "", list.dataset.name, fieldset.querySelector("legend").textContent, person, date].map(csv.field).join(","));
      });
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = this.role + "-" + this.mode + "-checklist.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    this.say("Exported the " + MODES[this.mode].toLowerCase() + " as " + link.download + ".");
  };

  Checklist.prototype.importFile = function (file) {
    var self = this, reader = new FileReader();
    reader.onload = function () { self.importCsv(String(reader.result)); };
    reader.readAsText(file);
  };

  Checklist.prototype.importCsv = function (text) {
    var rows = csv.parse(text);
    var header = (rows.shift() || []).map(function (h) { return h.trim().toLowerCase(); });
    var col = {};
    CSV_COLUMNS.forEach(function (name) { col[name] = header.indexOf(name); });
    if (col.role < 0 || col.mode < 0 || col.competency < 0 || col.behavior < 0 || col.rating < 0) {
      this.say("Not a checklist export: the first row must name the columns role, mode, competency, behavior and rating.");
      return;
    }
    var known = {}, self = this;
    this.lists.forEach(function (list) {
      list.querySelectorAll(".hb-behavior").forEach(function (fieldset) { known[self.key(list, fieldset)] = true; });
    });
    var imported = { self: emptyState(), manager: emptyState() }, seen = {}, skipped = [], people = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], line = i + 2;
      var role = row[col.role], mode = row[col.mode], key = row[col.competency] + "/" + row[col.behavior];
      if (role !== this.role) { this.say("Row " + line + " is for the role '" + role + "', not '" + this.role + "': nothing was imported."); return; }
      if (!MODES[mode]) { this.say("Row " + line + ": mode must be 'self' or 'manager', found '" + mode + "': nothing was imported."); return; }
      if (!known[key]) { skipped.push(line); continue; }
      var rating = row[col.rating].trim();
      if (rating && !/^[1-9][0-9]?$/.test(rating)) { this.say("Row " + line + ": rating must be a whole number, found '" + rating + "': nothing was imported."); return; }
      seen[mode] = true;
      var person = col.person >= 0 ? csv.restore((row[col.person] || "").trim()) : "";
      if (person) people[person] = true;
      if (rating) imported[mode].ratings[key] = Number(rating);
      var note = col.note >= 0 ? csv.restore(row[col.note] || "") : "";
      if (note.trim()) imported[mode].notes[key] = note;
    }
    var modes = Object.keys(seen);
    if (!modes.length) { this.say("The file has no rows for this checklist: nothing was imported."); return; }
    var replacing = modes.filter(function (mode) {
      var saved = self.states[mode];
      return Object.keys(saved.ratings).length || Object.keys(saved.notes).length;
    });
    if (replacing.length && !window.confirm("This browser already holds a " +
        replacing.map(function (m) { return MODES[m].toLowerCase(); }).join(" and a ") +
        " for this role. Replace it with the file's ratings?")) {
      this.say("Nothing was imported: the saved " + replacing.map(function (m) { return MODES[m].toLowerCase(); }).join(" and ") + " stays as it was.");
      return;
    }
    // The file's ratings go to the mode the file names; the mode the reader is rating in never changes,
    // so a manager who imports a rep's self-assessment keeps rating as the manager.
    var parts = modes.map(function (mode) {
      self.states[mode] = imported[mode];
      save(storageKey(self.role, mode), imported[mode]);
      var ratings = Object.keys(imported[mode].ratings).length, notes = Object.keys(imported[mode].notes).length;
      return ratings + (ratings === 1 ? " rating" : " ratings") + (notes ? " and " + notes + (notes === 1 ? " note" : " notes") : "") +
        " into the " + MODES[mode].toLowerCase();
    });
    this.showMode();
    var personNote = this.adoptPerson(Object.keys(people));
    var elsewhere = modes.filter(function (mode) { return mode !== self.mode; });
    this.say("Imported " + parts.join(" and ") + "." +
      (elsewhere.length ? " You are still rating as " + MODES[this.mode] + "; choose " + MODES[elsewhere[0]] + " under Who is rating to see the imported ratings." : "") +
      (skipped.length ? " Skipped rows " + skipped.join(", ") + ", whose behaviors are no longer on this checklist." : "") +
      personNote);
  };

  /* Who the imported file rated fills an empty "Who is rated", so the manager's own export names the same person;
     a different name already typed is kept and pointed out rather than overwritten. */
  Checklist.prototype.adoptPerson = function (people) {
    if (people.length !== 1) return "";
    var field = this.root.querySelector('input[name="hb-person"]'), current = this.person();
    if (!field || current === people[0]) return "";
    if (!current) {
      field.value = people[0];
      save(storageKey(this.role, "person"), people[0]);
      return " Who is rated is now '" + people[0] + "', as in the file.";
    }
    return " The file rated '" + people[0] + "'; Who is rated still says '" + current + "'.";
  };

  function init() {
    var root = document.querySelector(".hb-checklist");
    if (root) new Checklist(root).start();
  }

  if (window.document$) window.document$.subscribe(init); // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", init);
})();
