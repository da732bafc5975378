/* CSV for the widgets that export and import spreadsheets (checklist.js, team.js): RFC 4180 fields and parsing,
   and the guard against spreadsheet formulas. Loaded before them; nothing here touches the page. */
(function () {
  "use strict";

  /* Spreadsheet formulas (OWASP's CSV injection advice): a cell starting with = + - @, a tab or a carriage return
     would run as a formula in Excel or LibreOffice, so export puts a single quote ' before it; plain numbers such
     as -0.5 stay numbers. So that the round trip is lossless, a cell that already starts with ' gets one more, and
     restore() removes exactly one: "=1+1" <-> "'=1+1", "'quoted" <-> "''quoted", anything else unchanged. */
  function defuse(text) {
    return /^[=+\-@\t\r']/.test(text) && !/^-?[0-9.]+$/.test(text) ? "'" + text : text;
  }

  function restore(text) {
    return text.charAt(0) === "'" ? text.slice(1) : text;
  }

  /* One cell: formula-guarded, and quoted (quotes doubled) when it holds , " or a line break. */
  function field(value) {
    var text = defuse(value === null || value === undefined ? "" : String(value));
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* Rows of cells; a byte-order mark and blank lines are ignored, CRLF and LF both end a row. */
  function parse(text) {
    var rows = [], row = [], cell = "", quoted = false;
    text = text.replace(/^\uFEFF/, "");
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows.filter(function (r) { return r.length > 1 || r[0] !== ""; });
  }

  window.handbookCsv = { field: field, parse: parse, restore: restore };
})();
