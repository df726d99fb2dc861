// Oxidizer report: sortable and filterable candidates table, copy buttons, panels expanded for printing.
// Reads only the page's own DOM; fetches nothing. Allowed by the page's CSP through its SHA-256 hash.
(function () {
  "use strict";
  var table = document.getElementById("candidates-table");
  if (table) {
    var tbody = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var sortValue = function (row, i, type) {
      var v = row.cells[i].getAttribute("data-sort");
      if (v === null) { v = row.cells[i].textContent; }
      if (type !== "num") { return v.toLowerCase(); }
      return v === "" ? null : parseFloat(v);
    };
    headers.forEach(function (th, i) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var type = button.getAttribute("data-type");
        var asc = th.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a, i, type), y = sortValue(b, i, type);
          // Absent figures go last whatever the direction; ties keep rank order.
          if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
          var c = type === "num" ? x - y : x.localeCompare(y);
          if (c === 0) { c = sortValue(a, 0, "num") - sortValue(b, 0, "num"); return c; }
          return asc ? c : -c;
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      });
    });
    var filter = document.getElementById("filter");
    var count = document.getElementById("filter-count");
    var apply = function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0, total = tbody.rows.length;
      var visible = {};
      Array.prototype.forEach.call(tbody.rows, function (r) {
        var text = r.getAttribute("data-search") || "";
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown++; visible[r.getAttribute("data-key")] = true; }
      });
      Array.prototype.forEach.call(document.querySelectorAll("details.panel"), function (d) {
        d.hidden = !visible[d.getAttribute("data-key")];
      });
      count.textContent = words.length ? shown + " of " + total + " shown" : total + " candidates";
    };
    filter.addEventListener("input", apply);
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (b) {
    b.addEventListener("click", function () {
      var text = b.getAttribute("data-copy");
      var done = function (ok) { b.textContent = ok ? "Copied" : "Select"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      } else {
        var range = document.createRange();
        range.selectNodeContents(b.parentNode.querySelector("code"));
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        done(false);
      }
    });
  });
  // A link to a candidate (table row, or a #m-N address) opens its panel.
  var openTarget = function (id) {
    var d = document.getElementById(id);
    if (d && d.tagName === "DETAILS") { d.open = true; }
  };
  Array.prototype.forEach.call(document.querySelectorAll("a[href^='#m-']"), function (a) {
    a.addEventListener("click", function () { openTarget(a.getAttribute("href").slice(1)); });
  });
  if (location.hash.indexOf("#m-") === 0) { openTarget(location.hash.slice(1)); }
  // Print every panel expanded, then restore what the reader had open.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
