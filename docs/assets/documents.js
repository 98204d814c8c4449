/* The Documents page (issue 9): a table sorted by date, which a reader can sort by any column.
   Only reorders the table's rows; reads cells' data-sort or textContent, writes nothing but the header
   buttons' text and aria-sort. The date column goes back to the generated (date) order. */
(function () {
  "use strict";

  // A cell's sort value: its data-sort (the generator's: an ISO date, a surname, a note
  // number), else its words. Numbers compare as numbers: n. 7 before n. 10.
  function key(row, column) {
    if (column === 0) return Number(row.getAttribute("data-order"));
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim().toLowerCase();
    return /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }

  function compare(x, y) {
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function sortBy(table, column, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = compare(key(a, column), key(b, column));
      return (ascending ? order : -order) || key(a, 0) - key(b, 0);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.setAttribute("aria-sort", i === column ? (ascending ? "ascending" : "descending") : "none");
    });
  }

  function setUp() {
    // One table, or at hundreds of texts a table a year (each sorts on its own).
    Array.prototype.forEach.call(document.querySelectorAll(".documents-table table"), sortable);
  }

  function sortable(table) {
    if (table.hasAttribute("data-sortable")) return;
    table.setAttribute("data-sortable", "");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
      row.setAttribute("data-order", String(i));
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "documents-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", column === 0 ? "ascending" : "none");
      button.addEventListener("click", function () {
        sortBy(table, column, th.getAttribute("aria-sort") !== "ascending");
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);   // Material's instant navigation: on every page shown
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
