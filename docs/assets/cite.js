// "Cite this" box on text pages: citing a paragraph. Clicking a paragraph number
// (or opening the page at #pN) puts that paragraph's print page and its address in
// this edition into the box. Re-run on every page of Material's instant navigation.
(function () {
  function citeParagraph(box, paragraph) {
    var chicago = box.querySelector(".cite-chicago");
    var number = paragraph.id.slice(1);
    var page = paragraph.getAttribute("data-page");
    // The citation's markup is the generator's; only text is set here (never innerHTML).
    chicago.querySelector(".cite-pin").textContent = page ? ": " + page : "";
    chicago.querySelector(".cite-end").textContent = "; this edition, ¶ " + number + ". ";
    box.querySelector(".cite-target").textContent = "paragraph " + number;
    box.open = true;
    var link = box.querySelector(".cite-url");
    var url = location.origin + location.pathname + "#" + paragraph.id;
    link.href = "#" + paragraph.id;
    link.textContent = url;
  }

  // A copy button beside the citation and the address (the BibTeX block has the theme's own).
  function addCopyButton(box, selector, label) {
    var source = box.querySelector(selector);
    if (!source || source.parentNode.querySelector("button[data-copies='" + selector + "']")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy md-button";
    button.setAttribute("data-copies", selector);
    button.textContent = "Copy";
    button.setAttribute("aria-label", label);
    button.addEventListener("click", function () {
      var text = Array.from(source.childNodes).filter(function (node) { return node !== button; })
        .map(function (node) { return node.textContent; }).join("");
      if (navigator.clipboard) navigator.clipboard.writeText(text.trim());
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    });
    source.insertAdjacentElement(selector === ".cite-url" ? "afterend" : "beforeend", button);
  }

  function setUp() {
    var box = document.querySelector(".cite-box");
    if (!box) return;
    addCopyButton(box, ".cite-chicago", "Copy the citation");
    addCopyButton(box, ".cite-url", "Copy the address");
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
