/* The Documents page (issue 9): a table sorted by date, which a reader can sort by any column.
   Only reorders the table's rows; reads cells' textContent, writes nothing but the header
   buttons' text and aria-sort. The date column goes back to the generated (date) order. */
(function () {
  "use strict";

  function key(row, column) {
    return column === 0 ? Number(row.getAttribute("data-order"))
                        : row.cells[column].textContent.trim().toLowerCase();
  }

  function sortBy(table, column, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      var order = x < y ? -1 : x > y ? 1 : 0;
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
