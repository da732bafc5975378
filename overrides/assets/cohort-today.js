// Cohort "today": where a cohort is on the browser's own date, with today's and the next sessions and their pre-work.
// The page carries every day's ISO date and "Day N" label on its heading (N counts training days, as the schedule
// does); this script only picks today, so without it the page is still complete. The browser's local date is used,
// not UTC: just after midnight in Berlin it is already the next day for the trainee, while UTC still says yesterday.
(function () {
  "use strict";

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function localIso(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  // Whole calendar days from one ISO date to another; UTC midnights, so a daylight-saving change cannot shift it.
  function daysBetween(fromIso, toIso) {
    function utc(iso) {
      var parts = iso.split("-");
      return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    }
    return Math.round((utc(toIso) - utc(fromIso)) / 86400000);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The days of the schedule, in order, read from their headings.
  function scheduleDays(article) {
    return Array.prototype.map.call(article.querySelectorAll(".hb-day[data-date][data-day]"), function (heading) {
      var label = heading.querySelector(".hb-day-number");
      var title = Array.prototype.filter.call(heading.childNodes, function (node) {
        return node !== label && !(node.classList && node.classList.contains("headerlink"));
      }).map(function (node) { return node.textContent; }).join("").trim();
      return {
        heading: heading,
        date: heading.getAttribute("data-date"),
        day: heading.getAttribute("data-day"),
        place: heading.getAttribute("data-place"),
        title: title, // "Wednesday 13 January 2027: Search and the sales process"
      };
    });
  }

  // A day's sessions as a list: time, title and pre-work, each copied as text from the schedule.
  function sessionList(article, day) {
    var list = element("ul", "hb-today__sessions");
    article.querySelectorAll("input.hb-tick[data-day='" + day.day + "']").forEach(function (box) {
      var item = box.closest("li");
      var row = element("li");
      var time = item.querySelector(".hb-session-time");
      var title = item.querySelector(".hb-session-title");
      row.appendChild(element("span", "hb-today__time", time ? time.textContent : ""));
      row.appendChild(document.createTextNode(" " + (title ? title.textContent : "")));
      var prework = item.querySelector(".hb-prework");
      if (prework) row.appendChild(element("span", "hb-today__prework", prework.textContent));
      list.appendChild(row);
    });
    return list;
  }

  function dayBlock(article, day, lead) {
    var block = element("div", "hb-today__day");
    var heading = element("p", "hb-today__when");
    heading.appendChild(element("strong", "", lead));
    heading.appendChild(document.createTextNode(" "));
    var link = element("a", "", day.title);
    link.href = "#" + day.heading.id;
    heading.appendChild(link);
    block.appendChild(heading);
    block.appendChild(sessionList(article, day));
    return block;
  }

  function render(panel, article, today) {
    var days = scheduleDays(article);
    var total = panel.getAttribute("data-days") || String(days.length);
    panel.textContent = "";
    article.querySelectorAll(".hb-day--today").forEach(function (heading) {
      heading.classList.remove("hb-day--today");
      heading.removeAttribute("aria-current");
    });
    if (!days.length) return;
    var first = days[0];
    var last = days[days.length - 1];
    var status = element("p", "hb-today__status");
    panel.appendChild(status);

    if (today < first.date) {
      var wait = daysBetween(today, first.date);
      status.textContent = "Starts in " + wait + " day" + (wait === 1 ? "" : "s") + ": " + first.title.split(":")[0] + ".";
      var prepare = dayBlock(article, first, "Day 1:");
      panel.appendChild(prepare);
      if (!prepare.querySelector(".hb-today__prework")) {
        panel.appendChild(element("p", "hb-today__note", "Nothing to prepare before day 1."));
      }
    } else if (today > last.date) {
      status.textContent = "This cohort has ended: its last day was " + last.title.split(":")[0] + ".";
    } else {
      var current = days.filter(function (day) { return day.date === today; })[0];
      var next = days.filter(function (day) { return day.date > today; })[0];
      if (current) {
        status.textContent = current.place + ": today (day " + current.day + " of " + total + ")";
        current.heading.classList.add("hb-day--today");
        current.heading.setAttribute("aria-current", "date");
        panel.appendChild(dayBlock(article, current, "Today:"));
      } else {
        var done = days.filter(function (day) { return day.date < today; }).length;
        status.textContent = "No sessions today; " + done + " of " + total + " days done.";
      }
      if (next) {
        panel.appendChild(dayBlock(article, next, "Next, " + next.place + " (day " + next.day + "):"));
      } else {
        panel.appendChild(element("p", "hb-today__note", "Today is the last day of the cohort."));
      }
    }
    panel.hidden = false;
  }

  function init() {
    document.querySelectorAll(".hb-today[data-cohort-today]").forEach(function (panel) {
      var article = panel.closest("article") || document;
      render(panel, article, localIso(new Date()));
    });
  }

  // Material's instant navigation swaps pages without reloading: document$ emits on every page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
