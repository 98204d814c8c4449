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
    if (!(node instanceof Element) || !node.matches('.md-tooltip2[role="dialog"]')) return;
    if (node.hasAttribute("aria-label") || !node.id) return;
    var host = document.querySelector('[aria-controls="' + node.id + '"]');
    var name = host && (host.getAttribute("aria-label") || host.textContent.trim());
    if (name) node.setAttribute("aria-label", name);
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(nameTooltip); });
  }).observe(document.body, { childList: true });

  // 3. Instant navigation to another page's anchor (a citation in a note to its
  //    bibliography entry, a "Cited in" link back to the note) must land on that
  //    anchor. The theme records the scroll offset in the history entry 100 ms after
  //    each scroll; a link followed within those 100 ms (a click right after
  //    scrolling, a tap during momentum scrolling) finds the old page's offset on
  //    the new entry and the new page opens at that offset instead of the anchor.
  //    After each instant page change that did not come from Back/Forward, go to
  //    the anchor of the address.
  if (typeof window.document$ === "undefined") return;
  var fromHistory = false;
  var first = true;
  window.addEventListener("popstate", function () { fromHistory = true; });
  window.document$.subscribe(function () {
    var skip = first || fromHistory;
    first = false;
    fromHistory = false;
    if (skip || !location.hash) return;
    if (!document.getElementById(decodeURIComponent(location.hash.slice(1)))) return;
    // Follow the fragment as the theme does (a native jump: it sets :target and
    // keeps the target clear of the sticky header), out of the theme's click handler.
    var link = document.createElement("a");
    link.href = location.hash;
    link.addEventListener("click", function (event) { event.stopPropagation(); });
    link.click();
  });
})();
