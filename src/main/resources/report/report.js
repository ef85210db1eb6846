(function () {
  "use strict";
  // report.html without this script is complete: tables in page order, every control hidden.
  // With it: click-to-sort headers and the filters above today's list and the review list. Both work on every
  // row the page holds; when a list is cut, the page says so above its filters.
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var rowsOf = function (table) { return Array.prototype.slice.call(table.tBodies[0].rows); };
  var lang = document.documentElement.lang || "en";
  // one collator for every comparison: localeCompare with options makes one per call
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
    return collator.compare(a, b);
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    each(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(headers, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        // every row of the table, hidden by a filter or not: each cell read once, then sorted in memory
        var keyed = rowsOf(table).map(function (row) {
          return { row: row, value: cellValue(row, index), order: Number(row.getAttribute("data-order")) };
        });
        keyed.sort(function (k1, k2) {
          var c = compare(k1.value, k2.value);
          if (!ascending) { c = -c; }
          // equal values keep the page's order (the ranking)
          return c !== 0 ? c : k1.order - k2.order;
        });
        var sorted = document.createDocumentFragment();
        keyed.forEach(function (k) { sorted.appendChild(k.row); });
        body.appendChild(sorted);
      });
    });
  }

  function makeFilterable(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) { return; }
    var inputs = form.querySelectorAll("[data-filter]");
    var status = form.querySelector(".shown");
    var province = form.querySelector("select[data-filter='province']");
    if (province) {
      // the provinces of the rows shown, as the codes of the cohort files
      var seen = {};
      rowsOf(table).forEach(function (row) {
        var p = row.getAttribute("data-province");
        if (p) { seen[p] = true; }
      });
      Object.keys(seen).sort().forEach(function (p) {
        var option = document.createElement("option");
        option.value = p;
        option.textContent = p;
        province.appendChild(option);
      });
    }
    function matches(row, input) {
      var wanted = input.value.trim();
      if (wanted === "") { return true; }
      var key = input.getAttribute("data-filter");
      var value = row.getAttribute("data-" + key) || "";
      if (key === "id") { return value.toLowerCase().indexOf(wanted.toLowerCase()) >= 0; }
      if (key === "flag") { return (" " + value + " ").indexOf(" " + wanted + " ") >= 0; }
      return value === wanted;
    }
    function apply() {
      var rows = rowsOf(table);
      var shown = 0;
      rows.forEach(function (row) {
        var visible = Array.prototype.every.call(inputs, function (input) { return matches(row, input); });
        row.hidden = !visible;
        if (visible) { shown++; }
      });
      if (status) {
        status.textContent = status.getAttribute("data-pattern")
            .replace("{0}", String(shown)).replace("{1}", String(rows.length));
      }
    }
    each(inputs, function (input) {
      input.addEventListener("input", apply);
      input.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  each(document.querySelectorAll("table.sortable"), makeSortable);
  each(document.querySelectorAll("form.controls"), makeFilterable);
})();
