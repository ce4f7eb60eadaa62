// The inline script of coverage.html. The page is complete without it; the script adds the
// evidence dialog behind each matrix cell, the filters, the state in the URL's fragment
// (`#cell=<topic>.<column>&category=…&verdict=…&accord=…&group=…`, so a link opens the same
// view) and keyboard navigation of the matrix (arrows, Home/End, Enter opens, Escape
// closes). It reads no data of its own: everything comes from the page's attributes, so
// the script is the same for every study and language, and its hash in the page's
// Content-Security-Policy changes only when this text does.

export const HTML_SCRIPT = `
(function () {
  "use strict";
  var doc = document;
  var table = doc.getElementById("matrix");
  var form = doc.getElementById("filters");
  var dialog = doc.getElementById("evidence-dialog");
  if (!table || !form || !dialog || typeof dialog.showModal !== "function") return;
  var title = doc.getElementById("evidence-dialog-title");
  var body = doc.getElementById("evidence-dialog-body");
  var status = doc.getElementById("filter-status");
  var FILTERS = ["category", "verdict", "accord", "group"];
  var state = { cell: "", category: "", verdict: "", accord: "", group: "" };
  var active = null;
  var opener = null;

  doc.documentElement.classList.add("js");
  form.hidden = false;
  table.setAttribute("role", "grid");
  table.setAttribute("aria-readonly", "true");

  function toArray(list) { return Array.prototype.slice.call(list); }
  function rows() { return toArray(table.querySelectorAll("tbody tr[data-topic]")).filter(function (row) { return !row.hidden; }); }
  function cellsOf(row) { return toArray(row.querySelectorAll("a.cell")); }
  function cellFor(topic, col) {
    var row = table.querySelector('tr[data-topic="' + topic + '"]');
    return row ? row.querySelector('a.cell[data-col="' + col + '"]') : null;
  }
  function keyOf(link) { return link.closest("tr").getAttribute("data-topic") + "." + link.getAttribute("data-col"); }
  function linkForKey(key) {
    var dot = key.indexOf(".");
    if (dot < 1 || !/^[a-z0-9_.-]+$/.test(key)) return null;
    return cellFor(key.slice(0, dot), key.slice(dot + 1));
  }

  // One tab stop for the whole matrix (a roving tabindex): the last cell used.
  function setActive(link, focus) {
    if (!link) return;
    toArray(table.querySelectorAll("a.cell")).forEach(function (a) { a.tabIndex = -1; });
    link.tabIndex = 0;
    active = link;
    if (focus) link.focus();
  }
  function firstVisible() { var r = rows(); return r.length ? cellsOf(r[0])[0] : null; }

  function matches(el) {
    if (state.category && el.getAttribute("data-category") !== state.category) return false;
    if (state.verdict && el.getAttribute("data-verdict") !== state.verdict) return false;
    if (state.accord && (" " + el.getAttribute("data-accords") + " ").indexOf(" " + state.accord + " ") < 0) return false;
    if (state.group && (" " + el.getAttribute("data-groups") + " ").indexOf(" " + state.group + " ") < 0) return false;
    return true;
  }

  function applyFilters() {
    var all = toArray(table.querySelectorAll("tbody tr[data-topic]"));
    var shown = 0;
    all.forEach(function (row) { row.hidden = !matches(row); if (!row.hidden) shown++; });
    toArray(table.tBodies).forEach(function (tbody) {
      tbody.hidden = !tbody.querySelector("tr[data-topic]:not([hidden])");
    });
    toArray(doc.querySelectorAll("details.topic")).forEach(function (d) { d.hidden = !matches(d); });
    toArray(doc.querySelectorAll("section.evidence-category")).forEach(function (s) {
      s.hidden = !s.querySelector("details.topic:not([hidden])");
    });
    FILTERS.forEach(function (name) { form.elements[name].value = state[name]; });
    if (status) {
      status.textContent = shown === 0 ? status.getAttribute("data-none")
        : status.getAttribute("data-template").replace("{shown}", String(shown)).replace("{total}", String(all.length));
    }
    if (!active || active.closest("tr").hidden) setActive(firstVisible(), false);
  }

  function writeHash() {
    var parts = [];
    if (state.cell) parts.push("cell=" + state.cell);
    FILTERS.forEach(function (name) { if (state[name]) parts.push(name + "=" + state[name]); });
    var url = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    try { history.replaceState(null, "", url); } catch (err) { location.replace(parts.length ? url : "#"); }
  }

  // A fragment typed or cut off by hand may not be valid percent-encoding: that part is ignored.
  function decodePart(text) {
    try { return decodeURIComponent(text); } catch (err) { return null; }
  }

  // A fragment is either our state or the id of an element (the links of the page without script).
  function readHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf("=") < 0) return false;
    var next = { cell: "", category: "", verdict: "", accord: "", group: "" };
    hash.split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      var name = decodePart(pair.slice(0, eq));
      var value = decodePart(pair.slice(eq + 1));
      if (name === null || value === null) return;
      if (name === "cell") next.cell = value;
      else if (FILTERS.indexOf(name) >= 0) {
        var known = toArray(form.elements[name].options).some(function (o) { return o.value === value; });
        if (known) next[name] = value;
      }
    });
    state = next;
    return true;
  }

  function openCell(link, fromUser) {
    var row = link.closest("tr");
    var topic = row.getAttribute("data-topic");
    var col = link.getAttribute("data-col");
    var details = doc.getElementById("t-" + topic);
    if (!details) return;
    var evidence = details.querySelector(".evidence").cloneNode(true);
    toArray(evidence.querySelectorAll("[id]")).forEach(function (el) { el.removeAttribute("id"); });
    var current = evidence.querySelector('[data-part="' + col + '"]');
    if (current && col !== "topic") current.classList.add("current");
    var head = table.querySelector('thead th[data-col="' + col + '"]');
    var name = row.querySelector(".label").textContent;
    title.textContent = head ? name + " — " + head.textContent : name;
    body.textContent = "";
    body.appendChild(evidence);
    opener = link;
    setActive(link, false);
    state.cell = keyOf(link);
    if (fromUser) writeHash();
    if (!dialog.open) dialog.showModal();
    title.focus();
    if (current && col !== "topic") current.scrollIntoView({ block: "start" });
    else dialog.scrollTop = 0;
  }

  dialog.addEventListener("close", function () {
    state.cell = "";
    writeHash();
    if (opener && !opener.closest("tr").hidden) opener.focus();
    opener = null;
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.hasAttribute("data-close")) dialog.close();
  });

  table.addEventListener("click", function (event) {
    var link = event.target.closest("a.cell");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    openCell(link, true);
  });

  table.addEventListener("focusin", function (event) {
    var link = event.target.closest("a.cell");
    if (link) setActive(link, false);
  });

  table.addEventListener("keydown", function (event) {
    var link = event.target.closest("a.cell");
    if (!link) return;
    var visible = rows();
    var r = visible.indexOf(link.closest("tr"));
    var cells = cellsOf(visible[r]);
    var c = cells.indexOf(link);
    var target = null;
    switch (event.key) {
      case "ArrowRight": target = cells[Math.min(c + 1, cells.length - 1)]; break;
      case "ArrowLeft": target = cells[Math.max(c - 1, 0)]; break;
      case "ArrowDown": if (r + 1 < visible.length) target = cellsOf(visible[r + 1])[c]; break;
      case "ArrowUp": if (r > 0) target = cellsOf(visible[r - 1])[c]; break;
      case "Home": target = event.ctrlKey ? cellsOf(visible[0])[0] : cells[0]; break;
      case "End": target = event.ctrlKey ? cellsOf(visible[visible.length - 1]).slice(-1)[0] : cells[cells.length - 1]; break;
      case "PageDown": target = cellsOf(visible[Math.min(r + 5, visible.length - 1)])[c]; break;
      case "PageUp": target = cellsOf(visible[Math.max(r - 5, 0)])[c]; break;
      case " ": event.preventDefault(); openCell(link, true); return;
      default: return;
    }
    event.preventDefault();
    if (target) setActive(target, true);
  });

  form.addEventListener("change", function () {
    FILTERS.forEach(function (name) { state[name] = form.elements[name].value; });
    applyFilters();
    writeHash();
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    FILTERS.forEach(function (name) { state[name] = ""; });
    applyFilters();
    writeHash();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function showState() {
    applyFilters();
    var link = state.cell ? linkForKey(state.cell) : null;
    if (link && !link.closest("tr").hidden) openCell(link, false);
    else {
      if (state.cell) { state.cell = ""; writeHash(); }
      if (dialog.open) dialog.close();
    }
  }

  function openTarget() {
    var id = decodePart(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    var details = target && target.closest("details");
    if (details && !details.open) { details.open = true; target.scrollIntoView(); }
  }

  window.addEventListener("hashchange", function () { if (readHash()) showState(); else openTarget(); });

  // Print the evidence expanded, also where the browser cannot style closed <details>.
  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    closedForPrint = toArray(doc.querySelectorAll("details:not([open])"));
    closedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (d) { d.open = false; });
    closedForPrint = [];
  });

  if (readHash()) showState();
  else { applyFilters(); openTarget(); }
})();
`.trim();
