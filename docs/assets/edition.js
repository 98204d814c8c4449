// Small repairs to the theme's behaviour, for readers of the edition.
(function () {
  // 1. The search overlay is a dialog (role="dialog") without a name, which screen
  //    readers announce as just "dialog". Instant navigation keeps the header, so
  //    this is needed once per full page load.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    if (dialog) dialog.setAttribute("aria-label", "Search");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearchDialog);
  } else {
    nameSearchDialog();
  }

  // 2. The theme's tooltips (a note's text on its number) are dialogs (role="dialog")
  //    without a name, and each is created when first shown: name each after the
  //    element that opens it ("Note 33"), found by its aria-controls.
  function nameTooltip(node) {
    if (!(node instanceof Element)) return;
    // A plain tooltip (an abbreviation's expansion, a link's title) is its host's
    // description (aria-describedby), which is read from it even when it is hidden: out of
    // the page's reading order, it stands outside every landmark for nothing.
    if (node.matches('.md-tooltip2[role="tooltip"]')) node.setAttribute("aria-hidden", "true");
    if (!node.matches('.md-tooltip2[role="dialog"]')) return;
    if (node.hasAttribute("aria-label") || !node.id) return;
    var host = document.querySelector('[aria-controls="' + node.id + '"]');
    var name = host && (host.getAttribute("aria-label") || host.textContent.trim());
    if (name) node.setAttribute("aria-label", name);
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(nameTooltip); });
  }).observe(document.body, { childList: true });

  // 3. Keyboard: following an in-page link (a note number, the back-link of a note, a
  //    page marker, a heading's permalink) moves the focus to its target, so that the
  //    next Tab continues from there and not from the top of the page. Paragraph numbers
  //    are handled by cite.js (focus goes to the citation shown under the paragraph).
  var pendingFocus = null;
  function focusTarget(id) {
    var target = document.getElementById(id);
    if (!target) return;
    if (target.matches("sup")) target = target.querySelector("a") || target;  // a note marker
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  }
  document.addEventListener("click", function (event) {
    // The theme makes every link absolute: an in-page link is one to this page with a hash.
    var link = event.target instanceof Element && event.target.closest("article a[href]");
    if (!link || link.matches(".para-num") || link.closest(".cite-panel")) return;
    if (!link.hash || link.pathname !== location.pathname || link.origin !== location.origin) return;
    var id = decodeURIComponent(link.hash.slice(1));
    if (!id) return;
    // After the browser (or the theme) has scrolled to the target; and again if the
    // theme's instant navigation reloads the page's content for the new address, which
    // replaces the element (see perPage).
    pendingFocus = { id: id, until: Date.now() + 3000 };
    setTimeout(function () {
      // Unless the focus has moved on meanwhile (a busy page runs this late): never take it
      // from where the reader has put it since.
      var now = document.activeElement;
      if (!now || now === document.body || now === link) focusTarget(id);
    }, 0);
  });

  // 4. Escape closes an open tooltip (a note's text, an abbreviation's expansion) without
  //    moving the focus or the mouse (WCAG 1.4.13: dismissible). It stays closed until the
  //    focus or the pointer moves to something else.
  var dismissedHost = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
      tooltip.classList.add("edition-dismissed");
      dismissedHost = document.querySelector('[aria-controls="' + tooltip.id + '"], [aria-describedby="' +
                                              tooltip.id + '"]') || dismissedHost;
    });
  });
  function undismiss(event) {
    if (dismissedHost && event.target instanceof Node && dismissedHost.contains(event.target)) return;
    dismissedHost = null;
    document.querySelectorAll(".md-tooltip2.edition-dismissed").forEach(function (tooltip) {
      tooltip.classList.remove("edition-dismissed");
    });
  }
  document.addEventListener("focusin", undismiss);
  document.addEventListener("pointerover", undismiss);

  // 5. Per page (and again after each instant navigation): abbreviations reachable by
  //    keyboard, sidenotes, the search button of the 404 page.
  function perPage() {
    // Only when the reload dropped the focus (to the body): never take it from where the
    // reader has moved it since.
    var dropped = !document.activeElement || document.activeElement === document.body;
    if (pendingFocus && Date.now() < pendingFocus.until && dropped) focusTarget(pendingFocus.id);
    pendingFocus = null;
    nameNavigationLandmarks();
    reachableAbbreviations();
    // After the text's face has loaded, so that the notes are placed once, on the final lines.
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(sidenotes);
    else sidenotes();
    var search = document.querySelector("[data-open-search]");
    if (search && !search.dataset.bound) {
      search.dataset.bound = "1";
      search.addEventListener("click", function () {
        // The edition's search box in the header (Pagefind; overrides/partials/search-box.html).
        var input = document.getElementById("ed-search-input");
        if (input) input.focus();
      });
    }
  }

  // With navigation.indexes, a section of the navigation that has an index page is a
  // <nav> labelled by an icon-only label: several navigation landmarks without a name
  // (axe: landmark-unique). Name each after its section's title ("Texts", "Kim 2016").
  function nameNavigationLandmarks() {
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (label && label.textContent.trim()) return;
      var title = nav.querySelector(":scope > .md-nav__title");
      var name = title && title.textContent.trim();
      if (!name) return;
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", name);
    });
  }

  // An abbreviation is marked at its first use on a page and plain afterwards: the first
  // keeps its expansion (a tooltip, which the keyboard opens too: it takes the focus); the
  // later ones become plain text. (Python-Markdown's abbr extension marks every one; the
  // glossary page lists them all.)
  function reachableAbbreviations() {
    var seen = {};
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      var key = abbr.textContent + "\u0000" + abbr.getAttribute("title");
      // In a heading (a title) the mark would only disturb: the text's first use has it.
      if (seen[key] || abbr.closest("h1, h2, h3, h4, h5, h6")) {
        abbr.replaceWith(document.createTextNode(abbr.textContent));
        return;
      }
      seen[key] = true;
      abbr.tabIndex = 0;
    });
  }

  // Sidenotes: each note also in the margin, beside the line that calls it, numbered as
  // in print. Only wide screens show them (edition.css reserves their column before this
  // script runs, so nothing moves when they appear); the notes list stays, for print,
  // narrow screens and assistive technology (the sidenotes are hidden from it, being a
  // copy). Built from the notes list with cloned nodes, never from markup.
  function sidenotes() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || article.querySelector(".sidenotes")) return;
    var refs = article.querySelectorAll("p.para sup > a.footnote-ref");
    if (!refs.length && !article.querySelector("p.para > .counterparts")) return;
    var column = document.createElement("div");
    column.className = "sidenotes";
    column.setAttribute("aria-hidden", "true");
    refs.forEach(function (ref) {
      var id = decodeURIComponent(ref.hash.slice(1));
      var item = document.getElementById(id);
      if (!item || !item.matches(".footnote li")) return;
      var note = document.createElement("div");
      note.className = "sidenote";
      note.dataset.note = id;
      var body = document.createElement("div");
      body.className = "sidenote__body";
      var number = document.createElement("span");
      number.className = "sidenote__number";
      number.textContent = item.getAttribute("value") || ref.textContent;
      body.append(number, " ");
      var source = item.querySelector("p") || item;
      source.childNodes.forEach(function (child) {
        if (child instanceof Element && child.matches(".footnote-backref")) return;
        body.appendChild(child.cloneNode(true));
      });
      body.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
      // Out of the tab order: the keyboard reaches the whole note through its number.
      body.querySelectorAll("a, button, [tabindex]").forEach(function (e) { e.setAttribute("tabindex", "-1"); });
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "sidenote__toggle";
      toggle.tabIndex = -1;
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = "more";
      toggle.addEventListener("click", function () {
        setOpen(note, !note.classList.contains("is-open"));
      });
      note.append(body, toggle);
      note.ref = ref;
      column.appendChild(note);
    });
    article.appendChild(column);
    layoutSidenotes();
    if (textBox) {
      textBox.disconnect();
      textBox.observe(article);
    }
  }

  function setOpen(note, open) {
    note.classList.toggle("is-open", open);
    var toggle = note.querySelector(".sidenote__toggle");
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "less" : "more";
    layoutSidenotes();
  }

  // Each note's top as near its marker's line as the notes above allow:
  // top = max(marker top, previous note's bottom + gap). A note taller than the room
  // before the next marker shows its first lines (at least two, at most twelve) and a
  // "more" button;
  // the last note's room ends where the text ends (the notes list begins). A note opened
  // with "more" lies over the notes below it, which keep their places beside their
  // markers: it takes no more room than it did folded.
  function layoutSidenotes() {
    var article = document.querySelector("article.md-content__inner");
    var column = article && article.querySelector(".sidenotes");
    if (!column || getComputedStyle(column).display === "none") return;
    var base = column.getBoundingClientRect().top;
    var list = article.querySelector(".footnote");
    var end = (list ? list.getBoundingClientRect().top : article.getBoundingClientRect().bottom) - base;
    // The links to the other text's passage (.counterparts) share the column, each at its
    // paragraph's last line, where it stands in the text.
    var items = Array.prototype.slice.call(column.children).map(function (note) {
      return { element: note, anchor: note.ref.getBoundingClientRect().top - base, note: true };
    });
    article.querySelectorAll("p.para > .counterparts").forEach(function (links) {
      links.style.top = "";
      // After the notes of its line (the sort keeps equal anchors in this order).
      var anchor = links.getBoundingClientRect().top - base;
      links.parentNode.querySelectorAll("sup > a.footnote-ref").forEach(function (ref) {
        anchor = Math.max(anchor, ref.getBoundingClientRect().top - base);
      });
      items.push({ element: links, anchor: anchor, note: false });
    });
    items.sort(function (a, b) { return a.anchor - b.anchor; });
    var style = getComputedStyle(column);
    var line = parseFloat(style.lineHeight);
    var gap = parseFloat(style.fontSize) * 0.6;
    var bottom = -Infinity;
    items.forEach(function (item, i) {
      var element = item.element;
      var top = Math.max(item.anchor, bottom + gap);
      var next = i + 1 < items.length ? Math.max(items[i + 1].anchor, top) : end;
      if (item.note) {
        element.classList.remove("is-clamped");
        element.style.top = top + "px";
        // At most a dozen lines even where there is room: the margin stays quiet.
        var lines = Math.min(12, Math.max(2, Math.floor((next - gap - top) / line)));
        var open = element.classList.contains("is-open");
        if (!open && element.offsetHeight > (lines + 1) * line) {
          element.classList.add("is-clamped");
          element.style.setProperty("--lines", String(lines));
        }
        if (open) {   // the room it had folded: the notes below stay where they were
          bottom = top + Math.min(element.offsetHeight, (lines + 1) * line);
          return;
        }
      } else {
        // Placed within its paragraph (its containing block).
        var para = element.parentNode.getBoundingClientRect().top - base;
        element.style.top = (top - para) + "px";
      }
      bottom = top + element.offsetHeight;
    });
  }
  // Placed again whenever the text's box changes size, before the change is painted: a new
  // width moves the lines; a new height means that something in the text opened, closed or
  // loaded (a citation panel, the "Cite this page" box, an image) and moved the markers
  // below it. Placing the notes never changes that box (they and the links beside the
  // paragraphs are out of its flow), so it cannot set itself off again; scrolling changes
  // no size and costs nothing.
  var textBox = window.ResizeObserver ? new ResizeObserver(layoutSidenotes) : null;

  function markSidenote(event) {
    var ref = event.target instanceof Element && event.target.closest("a.footnote-ref");
    document.querySelectorAll(".sidenote.is-current").forEach(function (n) { n.classList.remove("is-current"); });
    if (!ref) return;
    var id = decodeURIComponent(ref.hash.slice(1));
    var note = document.querySelector('.sidenote[data-note="' + CSS.escape(id) + '"]');
    if (!note) return;
    note.classList.add("is-current");
    // The keyboard reaches a shortened note's whole text with its number.
    if (event.type === "focusin" && note.classList.contains("is-clamped")) setOpen(note, true);
  }
  document.addEventListener("focusin", markSidenote);
  document.addEventListener("pointerover", markSidenote);

  if (window.document$) {
    window.document$.subscribe(perPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", perPage);
  } else {
    perPage();
  }

  // 6. Instant navigation to another page's anchor (a citation in a note to its
  //    bibliography entry, a "Cited in" link back to the note, a search result) must
  //    land on that anchor. The theme records the scroll offset in the history entry
  //    100 ms after each scroll; a link followed within those 100 ms (a click right
  //    after scrolling, a tap during momentum scrolling) finds the old page's offset on
  //    the new entry and the new page opens at that offset instead of the anchor.
  //    After an instant page change that a followed link started (Back and Forward
  //    restore their offset, rightly), go to the link's anchor: in the next task, after
  //    the theme has set the offset. (Not told apart by popstate: the theme's own jump
  //    to an anchor fires popstate too.)
  if (typeof window.document$ === "undefined") return;
  var followed = null;   // the page and anchor of the link just followed to another page
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    followed = link && link.hash && link.origin === location.origin && link.pathname !== location.pathname
      ? { pathname: link.pathname, hash: link.hash } : null;
  }, true);
  window.document$.subscribe(function () {
    var link = followed;
    followed = null;
    if (!link || location.pathname !== link.pathname || location.hash !== link.hash) return;
    setTimeout(function () {
      if (location.hash !== link.hash || !document.getElementById(decodeURIComponent(link.hash.slice(1)))) return;
      // Follow the fragment as the theme does (a native jump: it sets :target and
      // keeps the target clear of the sticky header), out of the theme's click handler.
      var jump = document.createElement("a");
      jump.href = link.hash;
      jump.addEventListener("click", function (event) { event.stopPropagation(); });
      jump.click();
    }, 0);
  });
})();
