// "Cite this" box on text pages: citing a paragraph. Clicking a paragraph number
// (or opening the page at #pN) puts that paragraph's print page and its address in
// this edition into the box. Re-run on every page of Material's instant navigation.
(function () {
  function citeParagraph(box, paragraph) {
    var chicago = box.querySelector(".cite-chicago");
    var number = paragraph.id.slice(1);
    var page = paragraph.getAttribute("data-page");
    // prefix and suffix are the generator's own, escaped HTML (data attributes)
    chicago.innerHTML = chicago.getAttribute("data-prefix") + (page ? ": " + page : "") +
      chicago.getAttribute("data-suffix").replace(/\.$/, "") +
      "; this edition, ¶ " + number + ".";
    box.querySelector(".cite-target").textContent = "paragraph " + number;
    var link = box.querySelector(".cite-url");
    var url = location.origin + location.pathname + "#" + paragraph.id;
    link.href = "#" + paragraph.id;
    link.textContent = url;
  }

  function setUp() {
    var box = document.querySelector(".cite-box");
    if (!box) return;
    var link = box.querySelector(".cite-url");
    link.href = location.pathname;
    link.textContent = location.origin + location.pathname;
    document.querySelectorAll("p.para").forEach(function (paragraph) {
      var number = paragraph.querySelector(".para-num");
      if (number) number.addEventListener("click", function () { citeParagraph(box, paragraph); });
    });
    var target = /^#p\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
    if (target) citeParagraph(box, target);
  }

  if (window.document$) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
