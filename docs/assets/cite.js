// Citing on text pages.
//
// Clicking a paragraph number (or Enter on it) shows that paragraph's citation in a panel
// right under the paragraph, with copy buttons, and leaves the paragraph where it was on
// screen. The panel follows the address, which names it apart from the paragraph: citing
// ¶ 31 puts #cite-p31 in the address, and opening the page at #cite-p31, an in-page link
// (hashchange), Back and Forward (popstate) and the theme's instant navigation (document$)
// each show the panel the address names, or close it. A link to the paragraph itself
// (#p31: from another text, the chronology or search) is followed to read it, without a
// panel: one opened there would stand in the middle of what the reader came to read.
//
// The citation's wording comes from the generator, as JSON in the page
// (the data-citation attribute of #cite-data); it is read as text and put into the
// page with textContent and DOM nodes only, never as markup.
(function () {
  "use strict";
  var CITING = /^#cite-p(\d+)$/;   // the address of a paragraph's citation panel

  function citeData() {
    var node = document.getElementById("cite-data");
    if (!node) return null;
    try { return JSON.parse(node.getAttribute("data-citation") || "null"); } catch (error) { return null; }
  }

  function pageUrl(data) {
    if (data && typeof data.url === "string" && /^https?:\/\//.test(data.url)) return data.url;
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href.split("#")[0] : location.origin + location.pathname;
  }

  function fill(template, values) {
    return String(template).replace(/\{(page|n|url)\}/g, function (_, name) { return values[name]; });
  }

  function copyText(text, button) {
    function done(ok) {
      button.textContent = ok ? "Copied" : "Select and copy";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      return;
    }
    // Without the clipboard API (a page not served over https): a hidden text area.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    done(ok);
  }

  function copyButton(label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy md-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", label);
    button.addEventListener("click", function () { copyText(typeof text === "function" ? text() : text, button); });
    return button;
  }

  // --- the panel beside a paragraph ---------------------------------------------------

  function buildPanel(paragraph, data) {
    var number = paragraph.id.slice(1);
    var page = paragraph.getAttribute("data-page") || "";
    var url = pageUrl(data) + "#" + paragraph.id;
    var values = { page: page, n: number, url: url };

    var panel = document.createElement("div");
    panel.className = "cite-panel";
    panel.id = "cite-panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "Cite paragraph " + number);
    panel.tabIndex = -1;

    var head = document.createElement("p");
    head.className = "cite-panel__head";
    var title = document.createElement("strong");
    title.textContent = "Cite ¶ " + number + (data && data.text ? " of " + data.text : "");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cite-close";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close the citation of paragraph " + number);
    close.addEventListener("click", function () { closeFromPanel(paragraph); });
    head.append(title, " ", close);

    var chicago = document.createElement("p");
    chicago.className = "cite-panel__chicago";
    var runs = (data && Array.isArray(data.chicago)) ? data.chicago : [];
    runs.forEach(function (run) {
      var text = fill(run[0], values);
      if (run[1]) {
        var em = document.createElement("em");
        em.textContent = text;
        chicago.appendChild(em);
      } else {
        chicago.appendChild(document.createTextNode(text));
      }
    });
    var chicagoRow = row("Chicago", chicago, copyButton("Copy the Chicago citation", function () {
      return chicago.textContent;
    }));

    var bibtex = ((data && Array.isArray(data.bibtex)) ? data.bibtex : []).map(function (entry) {
      return fill(entry, values);
    }).join("\n\n");
    var pre = document.createElement("pre");
    pre.className = "cite-panel__bibtex";
    var code = document.createElement("code");
    // The code box scrolls (the theme's style; a long entry): the keyboard must reach it to
    // scroll it, and a reader of the screen hears what it is.
    code.tabIndex = 0;
    code.setAttribute("role", "region");
    code.setAttribute("aria-label", "BibTeX entries");
    code.textContent = bibtex;
    pre.appendChild(code);
    var bibtexRow = row("BibTeX", pre, copyButton("Copy the BibTeX entries", bibtex));

    var link = document.createElement("a");
    link.className = "cite-panel__url";
    link.href = "#" + paragraph.id;
    link.textContent = url;
    var urlRow = row("Address", link, copyButton("Copy the address of paragraph " + number, url));

    panel.append(head, chicagoRow, bibtexRow, urlRow);
    return panel;
  }

  function row(label, content, button) {
    var wrap = document.createElement("div");
    wrap.className = "cite-panel__row";
    var name = document.createElement("span");
    name.className = "cite-panel__label";
    name.textContent = label;
    wrap.append(name, content, button);
    return wrap;
  }

  function currentPanel() { return document.getElementById("cite-panel"); }

  function closePanel() {
    var panel = currentPanel();
    if (panel) panel.remove();
    document.querySelectorAll("p.para.cite-current").forEach(function (p) { p.classList.remove("cite-current"); });
  }

  // Show the panel under the paragraph; the paragraph stays where it is on screen.
  function showPanel(paragraph, focus) {
    var data = citeData();
    var before = paragraph.getBoundingClientRect().top;
    var open = currentPanel();
    if (!(open && open.previousElementSibling === paragraph)) {
      closePanel();
      paragraph.after(buildPanel(paragraph, data));
      paragraph.classList.add("cite-current");
    }
    var shift = paragraph.getBoundingClientRect().top - before;
    if (shift) window.scrollBy(0, shift);
    if (focus) currentPanel().focus({ preventScroll: true });
  }

  function closeFromPanel(paragraph) {
    closePanel();
    if (CITING.test(location.hash)) history.pushState(null, "", "#" + paragraph.id);
    var number = paragraph.querySelector(".para-num");
    if (number) number.focus({ preventScroll: true });
  }

  // The address decides: #cite-pN shows that paragraph's panel, anything else closes it.
  // No element bears that name, so the browser does not scroll to it: the paragraph is
  // brought into view here when its panel was not open already.
  function followAddress() {
    var match = CITING.exec(location.hash);
    var paragraph = match && document.getElementById("p" + match[1]);
    if (paragraph && paragraph.matches("p.para") && document.getElementById("cite-data")) {
      var open = currentPanel();
      if (!(open && open.previousElementSibling === paragraph)) {
        closePanel();
        paragraph.after(buildPanel(paragraph, citeData()));
        paragraph.classList.add("cite-current");
        paragraph.scrollIntoView({ block: "start" });
      }
    } else {
      closePanel();
    }
  }

  function onNumberClick(event) {
    var number = event.currentTarget;
    var paragraph = number.closest("p.para");
    if (!paragraph || !document.getElementById("cite-data")) return;
    event.preventDefault();
    event.stopPropagation();   // the theme's instant navigation would jump to the paragraph
    if (location.hash !== "#cite-" + paragraph.id) history.pushState(null, "", "#cite-" + paragraph.id);
    showPanel(paragraph, true);
  }

  // --- the "Cite this page" box --------------------------------------------------------

  function setUpBox() {
    var box = document.querySelector(".cite-box");
    if (!box || box.querySelector(".cite-copy")) return;
    var chicago = box.querySelector(".cite-chicago");
    if (chicago) chicago.after(copyButton("Copy the citation of the original", function () {
      return chicago.textContent.trim();
    }));
    var edition = box.querySelector(".cite-edition");
    if (edition) edition.after(copyButton("Copy the citation of this page of the edition", function () {
      return edition.textContent.replace(/^In this edition:\s*/, "").trim();
    }));
  }

  // A site built without a configured address cites the address
  // the page is read at: the generator leaves an empty span where the address goes.
  function fillReadAt() {
    document.querySelectorAll("[data-read-at]").forEach(function (span) {
      span.textContent = ", " + location.origin + location.pathname;
    });
  }

  function setUp() {
    fillReadAt();
    setUpBox();
    document.querySelectorAll("article p.para > a.para-num").forEach(function (number) {
      if (number.dataset.cites) return;
      number.dataset.cites = "1";
      number.addEventListener("click", onNumberClick);
    });
    followAddress();
  }

  window.addEventListener("hashchange", followAddress);
  window.addEventListener("popstate", followAddress);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var panel = currentPanel();
    if (panel && panel.contains(document.activeElement)) closeFromPanel(panel.previousElementSibling);
  });

  if (window.document$) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
