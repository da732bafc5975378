/* Team view: reads behavior checklist CSVs (overrides/assets/checklist.js exports them) in the browser and shows,
   per role, a heatmap of people x competencies, self against manager, the calibration gap, the weakest competencies
   and the trend across dates. The roles, competencies, expected levels and develop links come from team.json, fetched
   from this site when the first files are loaded. The CSV files are only read, never uploaded or stored. */
(function () {
  "use strict";

  var MODES = ["self", "manager"];
  var MODE_NAMES = { self: "Self", manager: "Manager" };
  var SUMMARY_COLUMNS = ["role", "person", "date", "competency", "competency_name", "expected", "self", "manager", "gap"];

  function mean(values) {
    if (!values.length) return null;
    return values.reduce(function (a, b) { return a + b; }, 0) / values.length;
  }

  function fmt(value) {
    return value === null || value === undefined ? "–" : value.toFixed(1);
  }

  function signed(value) {
    return value === null ? "–" : (value > 0 ? "+" : "") + value.toFixed(1);
  }

  var csv = window.handbookCsv; // overrides/assets/csv.js: RFC 4180 cells and the spreadsheet-formula guard

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The roles the handbook knows, from team.json (macros/site/team_data.py); its links are relative to the site root,
     so they are resolved against the file's own address. */
  function readRoles(data, base) {
    function link(url, text, kind) {
      var a = el("a", { href: new URL(url, base).href }, text);
      if (kind) a.dataset.kind = kind;
      return a;
    }
    var known = data.competencies.map(function (c) {
      return { id: c.id, name: c.name, link: link(c.url, c.name),
        develop: c.develop.map(function (d) { return link(d.url, d.title, d.kind); }) };
    });
    var roles = {};
    data.roles.forEach(function (r) {
      roles[r.id] = { id: r.id, name: r.name, expected: r.expected, link: link(r.url, r.name),
        competencies: r.competencies.map(function (i) { return known[i]; }) };
    });
    return roles;
  }

  function Team(root) {
    this.root = root;
    this.roles = null; // read from team.json when the first files are loaded
    this.source = new URL(root.dataset.source, window.location.href);
    this.sheets = []; // one per loaded file: {role, mode, person, date, scores: {competency: mean}}
    this.status = root.querySelector(".hb-status");
    this.results = root.querySelector(".hb-team__results");
  }

  Team.prototype.start = function () {
    var self = this, drop = this.root.querySelector(".hb-team__drop");
    this.root.querySelector(".hb-team__controls").hidden = false;
    this.root.querySelector(".hb-team__nojs").hidden = true;
    this.root.addEventListener("change", function (event) {
      if (event.target.dataset.action === "load" && event.target.files.length) { self.loadFiles(event.target.files); event.target.value = ""; }
    });
    this.root.addEventListener("click", function (event) {
      var action = event.target.closest("button[data-action]");
      if (!action) return;
      if (action.dataset.action === "export") self.exportCsv();
      else if (action.dataset.action === "print") window.print();
      else if (action.dataset.action === "clear") { self.sheets = []; self.render(); self.say("Cleared."); }
    });
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("hb-team__drop--over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("hb-team__drop--over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("hb-team__drop--over");
      if (event.dataTransfer && event.dataTransfer.files.length) self.loadFiles(event.dataTransfer.files);
    });
  };

  Team.prototype.say = function (message) {
    this.status.textContent = message;
  };

  /* The roles, fetched once: a page that is only opened costs nothing more than its HTML. */
  Team.prototype.loadRoles = function () {
    var self = this;
    if (!this.rolesLoading) {
      this.rolesLoading = fetch(this.source.href)
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) { self.roles = readRoles(data, self.source); })
        .catch(function (error) { self.rolesLoading = null; throw error; });
    }
    return this.rolesLoading;
  };

  Team.prototype.loadFiles = function (files) {
    var self = this;
    files = Array.prototype.slice.call(files);
    this.say("Reading " + files.length + " file" + (files.length === 1 ? "" : "s") + " ...");
    this.loadRoles().then(function () { self.readFiles(files); }, function (error) {
      self.say("Could not read the handbook's roles (" + self.source.pathname + ": " + error.message + "); nothing was loaded. Reload the page and try again.");
    });
  };

  Team.prototype.readFiles = function (files) {
    var self = this, pending = files.length, problems = [], loaded = 0;
    files.forEach(function (file) {
      var reader = new FileReader();
      reader.onload = function () {
        var problem = self.addSheet(file.name, String(reader.result));
        if (problem) problems.push(file.name + ": " + problem); else loaded++;
        if (--pending === 0) {
          self.render();
          self.say("Loaded " + loaded + " file" + (loaded === 1 ? "" : "s") + " (" + self.sheets.length + " in all)." +
            (problems.length ? " Not loaded: " + problems.join("; ") : ""));
        }
      };
      reader.readAsText(file);
    });
  };

  /* One checklist CSV: one role and mode; person and date are optional (older exports have neither). */
  Team.prototype.addSheet = function (name, text) {
    var rows = csv.parse(text), header = (rows.shift() || []).map(function (h) { return h.trim().toLowerCase(); });
    var col = {};
    ["role", "mode", "competency", "rating", "person", "date"].forEach(function (c) { col[c] = header.indexOf(c); });
    if (col.role < 0 || col.mode < 0 || col.competency < 0 || col.rating < 0) return "not a checklist export";
    var byKey = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], role = this.roles[row[col.role]], mode = row[col.mode];
      if (!role) return "unknown role '" + row[col.role] + "'";
      if (MODES.indexOf(mode) < 0) return "mode must be self or manager, found '" + mode + "'";
      var person = csv.restore((col.person >= 0 && row[col.person] || "").trim()) || name.replace(/\.csv$/i, "");
      var date = (col.date >= 0 && row[col.date] || "").trim() || "undated";
      var key = [role.id, mode, person, date].join("\u0000");
      var sheet = byKey[key] || (byKey[key] = { role: role.id, mode: mode, person: person, date: date, ratings: {} });
      var rating = (row[col.rating] || "").trim();
      if (/^[1-9][0-9]?$/.test(rating)) (sheet.ratings[row[col.competency]] = sheet.ratings[row[col.competency]] || []).push(Number(rating));
    }
    var self = this;
    Object.keys(byKey).forEach(function (key) {
      var sheet = byKey[key];
      sheet.scores = {};
      Object.keys(sheet.ratings).forEach(function (c) { sheet.scores[c] = mean(sheet.ratings[c]); });
      // The same person, role, mode and date loaded again replaces the earlier file.
      self.sheets = self.sheets.filter(function (s) { return [s.role, s.mode, s.person, s.date].join("\u0000") !== key; });
      self.sheets.push(sheet);
    });
    return Object.keys(byKey).length ? null : "no ratings";
  };

  /* role -> person -> date -> {self: scores, manager: scores}, dates sorted. */
  Team.prototype.grouped = function () {
    var out = {};
    this.sheets.forEach(function (s) {
      var people = out[s.role] || (out[s.role] = {});
      var dates = people[s.person] || (people[s.person] = {});
      var at = dates[s.date] || (dates[s.date] = { self: null, manager: null });
      at[s.mode] = s.scores;
    });
    return out;
  };

  function score(entry, mode, competency) {
    var scores = entry && entry[mode];
    return scores && scores[competency] !== undefined ? scores[competency] : null;
  }

  /* The latest date's ratings of a person, per mode; a mode missing then falls back to its own latest date. */
  function latest(dates) {
    var keys = Object.keys(dates).sort(), result = { self: null, manager: null, date: keys[keys.length - 1] };
    keys.forEach(function (d) { MODES.forEach(function (m) { if (dates[d][m]) result[m] = dates[d][m]; }); });
    return result;
  }

  Team.prototype.summaryRows = function () {
    var rows = [], groups = this.grouped(), self = this;
    Object.keys(groups).sort().forEach(function (roleId) {
      var role = self.roles[roleId];
      Object.keys(groups[roleId]).sort().forEach(function (person) {
        var dates = groups[roleId][person];
        Object.keys(dates).sort().forEach(function (date) {
          role.competencies.forEach(function (c) {
            var a = score(dates[date], "self", c.id), b = score(dates[date], "manager", c.id);
            rows.push([role.id, person, date, c.id, c.name, role.expected, a === null ? "" : a.toFixed(1), b === null ? "" : b.toFixed(1), a !== null && b !== null ? (a - b).toFixed(1) : ""]);
          });
        });
      });
    });
    return rows;
  };

  Team.prototype.render = function () {
    var self = this, groups = this.grouped();
    while (this.results.firstChild) this.results.firstChild.remove();
    this.root.querySelector('button[data-action="export"]').disabled = !this.sheets.length;
    Object.keys(groups).sort(function (x, y) { return self.roles[x].name.localeCompare(self.roles[y].name); }).forEach(function (roleId) {
      self.results.appendChild(self.renderRole(self.roles[roleId], groups[roleId]));
    });
  };

  function scrollBox(table) {
    // Focusable, so a keyboard can scroll a table wider than the screen.
    var box = el("div", { class: "hb-team__scroll", tabindex: "0", role: "region", "aria-label": table.dataset.label });
    box.appendChild(table);
    return box;
  }

  function level(value, expected) {
    if (value === null) return "none";
    if (value >= expected) return "met";
    return value >= expected - 1 ? "near" : "below";
  }

  Team.prototype.renderRole = function (role, people) {
    var section = el("section", { class: "hb-team__role", "data-role": role.id });
    var heading = el("h2", {}, role.name + " (" + Object.keys(people).length + " people, expected " + role.expected + ")");
    section.appendChild(heading);
    var names = Object.keys(people).sort(), current = {};
    names.forEach(function (p) { current[p] = latest(people[p]); });

    // Heatmap: one row per person, one column per competency; self and manager side by side in each cell.
    var table = el("table", { class: "hb-team__heatmap", "data-label": role.name + ": heatmap" });
    table.appendChild(el("caption", {}, "Latest ratings per competency: self | manager, against " + role.expected));
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Person"));
    role.competencies.forEach(function (c) { head.appendChild(el("th", { scope: "col" }, c.name)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    names.forEach(function (p) {
      var tr = el("tr", { "data-person": p });
      tr.appendChild(el("th", { scope: "row" }, p));
      role.competencies.forEach(function (c) {
        var td = el("td", { "data-competency": c.id });
        MODES.forEach(function (m) {
          var v = score(current[p], m, c.id);
          td.appendChild(el("span", { class: "hb-team__sr" }, MODE_NAMES[m] + " ")); // colour and order alone do not say which is which
          td.appendChild(el("span", { class: "hb-team__cell hb-team__cell--" + level(v, role.expected), "data-mode": m, title: MODE_NAMES[m] }, fmt(v)));
        });
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    section.appendChild(el("h3", {}, "Heatmap"));
    section.appendChild(el("p", { class: "hb-note-text" }, "Each cell: self-assessment, then manager observation. Colour: at or above the expected level, within one point, more than one point below."));
    section.appendChild(scrollBox(table));

    // Calibration: how far each person's self-assessment is from the manager's observation, on competencies both rated.
    var cal = el("table", { class: "hb-team__calibration", "data-label": role.name + ": calibration" });
    var calHead = el("tr");
    ["Person", "Self average", "Manager average", "Gap (self − manager)", "Competencies compared"].forEach(function (h) { calHead.appendChild(el("th", { scope: "col" }, h)); });
    cal.appendChild(el("thead")).appendChild(calHead);
    var calBody = cal.appendChild(el("tbody"));
    names.forEach(function (p) {
      var mine = [], theirs = [];
      role.competencies.forEach(function (c) {
        var a = score(current[p], "self", c.id), b = score(current[p], "manager", c.id);
        if (a !== null && b !== null) { mine.push(a); theirs.push(b); }
      });
      var gap = mine.length ? mean(mine) - mean(theirs) : null;
      var tr = el("tr", { "data-person": p });
      tr.appendChild(el("th", { scope: "row" }, p));
      tr.appendChild(el("td", {}, fmt(mean(mine))));
      tr.appendChild(el("td", {}, fmt(mean(theirs))));
      tr.appendChild(el("td", { "data-cell": "gap" }, signed(gap)));
      tr.appendChild(el("td", {}, String(mine.length)));
      calBody.appendChild(tr);
    });
    section.appendChild(el("h3", {}, "Calibration"));
    section.appendChild(el("p", { class: "hb-note-text" }, "A positive gap: the person rates themself higher than their manager observed."));
    section.appendChild(scrollBox(cal));

    // Weakest: the team average per mode (never mixed), ranked by the manager's observation where there is one.
    var ranked = role.competencies.map(function (c) {
      var avg = {};
      MODES.forEach(function (m) {
        var values = names.map(function (p) { return score(current[p], m, c.id); }).filter(function (v) { return v !== null; });
        avg[m] = mean(values);
      });
      return { competency: c, self: avg.self, manager: avg.manager, key: avg.manager !== null ? avg.manager : avg.self };
    }).filter(function (r) { return r.key !== null && r.key < role.expected; })
      .sort(function (x, y) { return x.key - y.key; }).slice(0, 3);
    section.appendChild(el("h3", {}, "Weakest competencies"));
    section.appendChild(el("p", { class: "hb-note-text" },
      "Up to three competencies below the expected level, lowest first: by the team's average manager observation, or by its self-assessment where no manager rated it."));
    if (!ranked.length) section.appendChild(el("p", {}, "Every rated competency is at or above the expected level."));
    else {
      var list = el("ol", { class: "hb-team__weakest" });
      ranked.forEach(function (r) {
        var li = el("li", { "data-competency": r.competency.id });
        li.appendChild(r.competency.link.cloneNode(true));
        li.appendChild(document.createTextNode(" — team self " + fmt(r.self) + ", manager " + fmt(r.manager) + " against " + role.expected));
        if (r.competency.develop.length) {
          var develop = el("span", { class: "hb-develop" }, "Develop it with: ");
          r.competency.develop.forEach(function (a, i) {
            if (i) develop.appendChild(document.createTextNode("; "));
            develop.appendChild(a.cloneNode(true));
          });
          li.appendChild(el("br"));
          li.appendChild(develop);
        }
        list.appendChild(li);
      });
      section.appendChild(list);
    }

    // Trend: people with checklists of several dates, their average per mode at each date.
    var trending = names.filter(function (p) { return Object.keys(people[p]).length > 1; });
    if (trending.length) {
      var trend = el("table", { class: "hb-team__trend", "data-label": role.name + ": trend" });
      var trendHead = el("tr");
      ["Person", "Date", "Self average", "Manager average"].forEach(function (h) { trendHead.appendChild(el("th", { scope: "col" }, h)); });
      trend.appendChild(el("thead")).appendChild(trendHead);
      var trendBody = trend.appendChild(el("tbody"));
      trending.forEach(function (p) {
        Object.keys(people[p]).sort().forEach(function (date) {
          var tr = el("tr", { "data-person": p, "data-date": date });
          tr.appendChild(el("th", { scope: "row" }, p));
          tr.appendChild(el("td", {}, date));
          MODES.forEach(function (m) {
            var values = role.competencies.map(function (c) { return score(people[p][date], m, c.id); }).filter(function (v) { return v !== null; });
            tr.appendChild(el("td", { "data-mode": m }, fmt(mean(values))));
          });
          trendBody.appendChild(tr);
        });
      });
      section.appendChild(el("h3", {}, "Trend"));
      section.appendChild(scrollBox(trend));
    }
    return section;
  };

  Team.prototype.exportCsv = function () {
    var lines = [SUMMARY_COLUMNS.join(",")].concat(this.summaryRows().map(function (r) { return r.map(csv.field).join(","); }));
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "team-summary.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    this.say("Exported the team summary as team-summary.csv.");
  };

  function init() {
    var root = document.querySelector(".hb-team");
    if (root) new Team(root).start();
  }

  if (window.document$) window.document$.subscribe(init); // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", init);
})();
