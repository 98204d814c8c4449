/* The header's search box, over Pagefind's index (built by `make site`).
 *
 * Nothing is fetched until the reader types: then pagefind.js, and for each query only
 * the index chunks and page fragments it needs. A result leads to the paragraph (#pN),
 * the note (#fn:N) or the entry where the words stand, with the print page and the words
 * around them, and the words are highlighted there. Every string from the index is set as
 * textContent, never as HTML.
 *
 * Order: the texts' pages first (the pages marked part:texts), then the rest; within
 * each, the pages that hold the words as a phrase first, then Pagefind's own order. A
 * query in quotation marks matches only the phrase (Pagefind's exact-phrase search).
 *
 * A date range ("Dated from … to …", under Filters) keeps what is dated within it. Each
 * dated page carries the months its dates begin and end in (the `month` filter, which
 * Pagefind narrows the search with) and which of its places carry which dates (the `dates`
 * meta: a paragraph's dates, a note's cited documents, a document's own date for the whole
 * page); a result then leads to the best match in a place dated within the range, and a
 * page without one drops out. The range's choices are the years the edition dates.
 */
(function () {
  "use strict";

  var FILTERS = [["text", "Text"], ["person", "Person"], ["archive", "Archive"], ["type", "Document type"]];
  var SHOWN = 5;             // results shown at once: each one fetches its page's fragment
  var PLACE = /^(p\d+|fn:\d+(-editor)?|document-.+)$/;  // anchors a result can lead to, besides headings and entries
  var HIGHLIGHT = "highlight";    // the address parameter that carries the words to highlight
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var WHOLE_PAGE = "*";           // in the `dates` meta, the place that stands for the whole page

  function resolved(box) {
    // Resolved once against the page the header came from: instant navigation keeps the
    // header while the address changes, and a relative URL would then point elsewhere.
    if (!box.dataset.resolved) box.dataset.resolved = new URL(box.dataset.bundle, location.href).href;
    return box.dataset.resolved;
  }
  document.querySelectorAll(".ed-search").forEach(resolved);

  var loading = null;
  function pagefind(box) {
    if (!loading) {
      var bundle = resolved(box);
      loading = import(bundle).then(function (module) {
        // Result URLs start from the site's root, which under a sub-path is not "/".
        // pageLength: the texts' section pages are long, and Pagefind's default (0.75) would
        // rank every short page that names a word above the passages that speak of it.
        // noWorker: search in the page's own thread. Pagefind's web worker is a second copy of
        // its code (12 KB compressed) fetched on every first search; the searches here are small.
        return module.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24,
                                ranking: { pageLength: 0.25 }, noWorker: true })
          .then(function () { module.init(); return module; });
      });
    }
    return loading;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Where the words stand together: the match that opens the closest group of matches
  // (a few words' span), by the sum of their scores; the first such group on a tie. A lone
  // common word ("delo") does not outweigh the place where all the words stand.
  function best(data, span, matches) {
    var found = (matches || data.weighted_locations || []).slice().sort(function (a, b) { return a.location - b.location; });
    if (!found.length) return (data.locations || [0])[0];
    var top = -1, at = found[0].location;
    found.forEach(function (start, i) {
      var score = 0;
      for (var j = i; j < found.length && found[j].location < start.location + span; j++) score += found[j].balanced_score;
      if (score > top + 1e-9) { top = score; at = start.location; }
    });
    return at;
  }

  // Where on the page the best match stands: the last paragraph, note or entry (element
  // with an id) that opens before it, else the last heading; and the last print-page
  // marker before it, else the page the section opens on.
  function standsIn(data, at) {
    var anchor = null, heading = null, printPage = data.meta.print_page || "";
    (data.anchors || []).forEach(function (a) {
      if (a.location > at) return;
      if (/^page-/.test(a.id)) printPage = a.id.slice(5);
      else if (/^h[1-6]$/.test(a.element)) { heading = a; anchor = null; }
      else if (PLACE.test(a.id) || a.element === "div") anchor = a;
    });
    return { target: anchor || heading, printPage: printPage };
  }

  // The page's `dates` meta ("p12=1950-06/1950-06;1950-01/1950-12 fn:3=…"): place -> [[from, to]].
  function datesOf(data) {
    var dates = {};
    (data.meta.dates || "").split(" ").filter(Boolean).forEach(function (entry) {
      var at = entry.lastIndexOf("=");
      dates[entry.slice(0, at)] = entry.slice(at + 1).split(";").map(function (s) { return s.split("/"); });
    });
    return dates;
  }

  // Every match on the page, with its score.
  function allMatches(data) {
    return data.weighted_locations && data.weighted_locations.length ? data.weighted_locations
      : (data.locations || []).map(function (l) { return { location: l, balanced_score: 1 }; });
  }

  // The matches that stand in a place dated within the range (months "YYYY-MM" compare as text).
  function datedMatches(data, range) {
    var dates = datesOf(data);
    return allMatches(data).filter(function (m) {
      var target = standsIn(data, m.location).target;
      var spans = (dates[WHOLE_PAGE] || []).concat(target ? dates[target.id] || [] : []);
      return spans.some(function (s) { return s[0] >= range.from && s[1] <= range.to; });
    });
  }

  // The words of the place the result leads to: from its anchor to the next place's (a
  // note's excerpt never opens with the end of the note before it).
  function placeWords(data, target) {
    var from = target ? target.location : 0, to = Infinity;
    (data.anchors || []).forEach(function (a) {
      var opens = /^h[1-6]$/.test(a.element) || PLACE.test(a.id) || a.element === "div";
      if (opens && a.location > from && a.location < to) to = a.location;
    });
    return { from: from, to: to };
  }

  // The words around the match chosen, within its place, those matched marked. (Pagefind's
  // own excerpt is drawn around its best match, which may stand elsewhere: in another note,
  // or in a place dated outside the range.)
  function excerptAt(data, at, matches, bounds) {
    var words = (data.content || "").split(/[\r\n\s]+/g), marked = {};
    matches.forEach(function (m) { marked[m.location] = true; });
    var to = Math.min(words.length, bounds.to);
    var start = Math.max(bounds.from, Math.min(at - 4, to - 24));
    var out = el("span", "ed-search__excerpt");
    words.slice(start, Math.min(to, start + 24)).forEach(function (word, i) {
      if (i) out.append(" ");
      out.append(marked[start + i] ? el("mark", "", word) : document.createTextNode(word));
    });
    return out;
  }

  // The place of the best match (within a range: of the best match dated in it), or null
  // for a page with no match dated in the range.
  function place(data, span, marks, range) {
    var matches = range ? datedMatches(data, range) : null;
    if (matches && !matches.length) return null;
    var at = best(data, span, matches), stands = standsIn(data, at), printPage = stands.printPage;
    var target = stands.target;
    // A note stands at the foot of its own print page, not the last one the section shows.
    var note = target && /^fn:(\d+)(-editor)?$/.exec(target.id);
    var notePage = note && new RegExp("(?:^| )" + note[1] + ":(\\d+)").exec(data.meta.note_pages || "");
    if (notePage) printPage = notePage[1];
    // A match in the page's own heading (a document's title): the title is shown already,
    // and the words after it (the catalogue record) say more than the heading alone.
    var heading = target && target.element === "h1"
      && { from: target.location + target.text.split(/\s+/).length, to: Infinity };
    if (heading) target = null;
    var url = data.url.split("#")[0] + marks + (target && target.location > 0 ? "#" + target.id : "");
    var where = [];
    if (target && /^p\d+$/.test(target.id)) where.push("¶ " + target.id.slice(1));
    else if (note) where.push("n. " + note[1] + (note[2] ? ", the editor's comment"
      : editorsNote(data, note[1]) ? ", the editor's identification" : ""));
    else if (target && target.location > 0) where.push(target.text.replace(/#$/, ""));
    if (printPage && data.meta.text) where.push((/–/.test(printPage) ? "pp. " : "p. ") + printPage);
    return { url: url, where: where.join(" · "),
             excerpt: excerptAt(data, at, matches || allMatches(data),
                                heading || placeWords(data, target)) };
  }

  // A note whose words are the editor's (the page's meta `editors_notes`: "18 24 31").
  function editorsNote(data, number) {
    return (" " + (data.meta.editors_notes || "") + " ").indexOf(" " + number + " ") >= 0;
  }

  function result(data, search) {
    var spot = place(data, search.span, search.marks, search.range);
    var item = el("li", "ed-search__result");
    var link = el("a", "ed-search__link");
    link.href = spot.url;
    var head = el("span", "ed-search__title", (data.meta.title || data.url).replace(/#$/, ""));
    link.append(head);
    var sub = [data.meta.text, spot.where].filter(Boolean).join(" · ");
    if (sub) link.append(el("span", "ed-search__where", sub));
    link.append(spot.excerpt);
    item.append(link);
    return item;
  }

  // The filters' values are fetched only when the reader opens "Filters".
  function filters(box, module) {
    var holder = box.querySelector(".ed-search__filters");
    if (holder.dataset.filled || !holder.open) return Promise.resolve();
    holder.dataset.filled = "1";
    return module.filters().then(function (available) {
      FILTERS.forEach(function (pair) {
        var values = Object.keys(available[pair[0]] || {}).sort();
        if (!values.length) return;
        var select = el("select", "ed-search__filter");
        select.name = pair[0];
        select.setAttribute("aria-label", pair[1]);
        select.append(el("option", "", pair[1] + ": all"));
        select.options[0].value = "";
        values.forEach(function (value) {
          var option = el("option", "", value);
          option.value = value;
          select.append(option);
        });
        holder.append(select);
      });
      dateRange(holder, Object.keys(available.month || {}).sort());
    });
  }

  // "Dated from [month][year] to [month][year]": the years are those the edition dates
  // (from the `month` filter's values); a year without a month is the whole year.
  function dateRange(holder, months) {
    if (!months.length) return;
    var years = months.map(function (m) { return m.slice(0, 4); }).filter(function (y, i, all) { return all.indexOf(y) === i; });
    var group = el("fieldset", "ed-search__dates");
    group.dataset.first = months[0];
    group.dataset.last = months[months.length - 1];
    group.dataset.months = months.join(" ");
    group.append(el("legend", "", "Dated"));
    [["from", "From"], ["to", "To"]].forEach(function (bound) {
      var part = el("span", "ed-search__bound");
      part.append(el("span", "", bound[1]));
      part.append(choice(bound[0] + "-month", bound[1] + " month", "month", MONTHS.map(function (name, i) {
        return [("0" + (i + 1)).slice(-2), name];
      })));
      part.append(choice(bound[0] + "-year", bound[1] + " year", "year", years.map(function (y) { return [y, y]; })));
      group.append(part);
    });
    holder.append(group);
  }

  function choice(name, label, blank, values) {
    var select = el("select", "ed-search__date");
    select.name = name;
    select.setAttribute("aria-label", label);
    select.append(el("option", "", blank));
    select.options[0].value = "";
    values.forEach(function (pair) {
      var option = el("option", "", pair[1]);
      option.value = pair[0];
      select.append(option);
    });
    return select;
  }

  // The range chosen, or null: {from, to} as "YYYY-MM", the months of the index within it
  // (for Pagefind's filter) and the words that say it. A bound without a year is open: it
  // runs to the first or the last month the edition dates.
  function range(box) {
    var group = box.querySelector(".ed-search__dates");
    if (!group) return null;
    var value = function (name) { return group.querySelector('[name="' + name + '"]').value; };
    if (!value("from-year") && !value("to-year")) return null;
    var from = value("from-year") ? value("from-year") + "-" + (value("from-month") || "01") : group.dataset.first;
    var to = value("to-year") ? value("to-year") + "-" + (value("to-month") || "12") : group.dataset.last;
    if (from > to) { var t = from; from = to; to = t; }
    return { from: from, to: to, label: "Dated " + rangeLabel(from, to),
             months: group.dataset.months.split(" ").filter(function (m) { return m >= from && m <= to; }) };
  }

  // "June 1950", "May–June 1950", "1950", "1949–1950", "May 1950 – March 1951".
  function rangeLabel(from, to) {
    var month = function (m) { return MONTHS[+m.slice(5) - 1]; };
    var fy = from.slice(0, 4), ty = to.slice(0, 4);
    if (from.slice(5) === "01" && to.slice(5) === "12") return fy === ty ? fy : fy + "–" + ty;
    if (from === to) return month(from) + " " + fy;
    if (fy === ty) return month(from) + "–" + month(to) + " " + fy;
    return month(from) + " " + fy + " – " + month(to) + " " + ty;
  }

  function chosen(box) {
    var picked = {}, dated = range(box);
    box.querySelectorAll(".ed-search__filter").forEach(function (select) {
      if (select.value) picked[select.name] = select.value;
    });
    // A range with no month of the index in it: a value no page carries, so that nothing is found.
    if (dated) picked.month = { any: dated.months.length ? dated.months : ["none"] };
    return picked;
  }

  var generation = 0;
  function run(box) {
    var input = box.querySelector(".ed-search__input");
    var status = box.querySelector(".ed-search__status");
    var list = box.querySelector(".ed-search__results");
    var query = input.value.trim(), mine = ++generation;
    open(box, query.length > 0);
    if (!query) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = "Searching…";
    pagefind(box).then(function (module) {
      return filters(box, module).then(function () {
        return module.debouncedSearch(query, { filters: chosen(box) }, 150);
      }).then(function (search) {
        if (!search || mine !== generation) return null;  // a newer query is on its way
        return ordered(module, query, chosen(box), search);
      }).then(function (search) {
        if (!search || mine !== generation) return null;
        return inRange(search, range(box));
      }).then(function (search) {
        if (!search || mine !== generation) return null;
        list.replaceChildren();
        return more(box, search, mine);
      });
    }).catch(function (error) {
      status.textContent = "Search is not available here (" + error.message + ").";
    });
  }

  // All the results, the texts' pages first and, within each part, the pages that hold the
  // words as a phrase first. The further searches reuse the index chunks already fetched.
  function ordered(module, query, picked, all) {
    var words = query.split(/\s+/).filter(Boolean);
    var phrase = words.length > 1 && !/"/.test(query) ? '"' + words.join(" ") + '"' : null;
    var inTexts = Object.assign({}, picked, { part: "texts" });
    var searches = [module.search(query, { filters: inTexts })];
    if (phrase) searches.push(module.search(phrase, { filters: inTexts }), module.search(phrase, { filters: picked }));
    return Promise.all(searches).then(function (found) {
      var texts = found[0].results, seen = {}, out = [];
      var groups = phrase ? [found[1].results, texts, found[2].results, all.results] : [texts, all.results];
      groups.forEach(function (group) {
        group.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; out.push(r); } });
      });
      return { results: out, span: words.length + 2, marks: highlightQuery(query) };
    });
  }

  // Within a range, the pages that hold a match in a place dated in it (each page's
  // fragment fetched now, to count them; the results shown reuse it).
  function inRange(search, dated) {
    if (!dated) return search;
    return Promise.all(search.results.map(function (r) { return r.data(); })).then(function (pages) {
      search.range = dated;
      search.results = pages.filter(function (data) { return place(data, search.span, search.marks, dated); })
        .map(function (data) { return { data: function () { return Promise.resolve(data); } }; });
      return search;
    });
  }

  // "?highlight=…" for a result's address: the words as the reader typed them (a phrase in
  // quotation marks as one), which highlight() marks where the reader lands. Pagefind's own
  // highlight words are its index forms ("nsc482" for "NSC-48/2"), which the page does not hold.
  function highlightQuery(query) {
    var params = new URLSearchParams(), rest = query.replace(/"([^"]+)"/g, function (_, phrase) {
      params.append(HIGHLIGHT, phrase.trim());
      return " ";
    });
    rest.split(/\s+/).filter(Boolean).forEach(function (word) { params.append(HIGHLIGHT, word.replace(/"/g, "")); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  // The next SHOWN results, and a button for the ones after them.
  function more(box, search, mine) {
    var list = box.querySelector(".ed-search__results");
    var status = box.querySelector(".ed-search__status");
    var shown = list.querySelectorAll(".ed-search__result").length;
    return Promise.all(search.results.slice(shown, shown + SHOWN).map(function (r) { return r.data(); }))
      .then(function (pages) {
        if (mine !== generation) return;
        var button = list.querySelector(".ed-search__more");
        if (button) button.parentNode.remove();
        pages.forEach(function (data) { list.append(result(data, search)); });
        var n = search.results.length, now = shown + pages.length;
        status.textContent = (search.range ? search.range.label + ": " : "") + (n === 0
          ? (search.range ? "no page holds these words in a place dated so." : "No page contains these words.")
          : n + (n === 1 ? " page" : " pages") + (n > now ? ", " + now + " shown" : ""));
        if (n > now) {
          var item = el("li", "");
          var next = el("button", "ed-search__more", "More results");
          next.type = "button";
          next.addEventListener("click", function () {
            more(box, search, mine).then(function () {
              var links = box.querySelectorAll(".ed-search__link");
              if (links[now]) links[now].focus();
            });
          });
          item.append(next);
          list.append(item);
        }
      });
  }

  function open(box, yes) {
    box.querySelector(".ed-search__panel").hidden = !yes;
  }

  function links(box) {
    return Array.prototype.slice.call(box.querySelectorAll(".ed-search__link"));
  }

  document.addEventListener("input", function (event) {
    var box = event.target.closest && event.target.closest(".ed-search");
    if (box) run(box);
  });

  // The "/" key's hint (the box's title, which the theme shows as a tooltip under the box)
  // only where a keyboard is likely: a phone has no "/" key, and the tooltip would stand
  // over the results. Set before the theme makes its tooltips (at DOMContentLoaded).
  if (window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    document.querySelectorAll(".ed-search__input").forEach(function (input) {
      input.title = "Search the edition (/)";
    });
  }

  document.addEventListener("keydown", function (event) {
    var box = event.target.closest && event.target.closest(".ed-search");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var input = document.querySelector(".ed-search__input");
      if (input) { event.preventDefault(); event.stopPropagation(); input.focus(); input.select(); }
      return;
    }
    if (!box) return;
    var items = links(box), index = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.stopPropagation();  // the box's own: Material's keys do not act on it
      // A first Escape closes the results and keeps the words; a second clears them
      // (the browser's own behaviour for a search field).
      if (!box.querySelector(".ed-search__panel").hidden) event.preventDefault();
      open(box, false);
      box.querySelector(".ed-search__input").focus();
    } else if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      items[Math.min(index + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? box.querySelector(".ed-search__input") : items[index - 1]).focus();
    } else if (event.key === "Enter" && event.target.classList.contains("ed-search__input") && items.length) {
      event.preventDefault();
      items[0].click();
    }
  }, true);

  document.addEventListener("change", function (event) {
    var box = event.target.closest && event.target.closest(".ed-search");
    if (box && /\bed-search__(filter|date)\b/.test(event.target.className)) run(box);
  });
  document.addEventListener("toggle", function (event) {
    var box = event.target.closest && event.target.closest(".ed-search");
    if (box && event.target.open && event.target.classList.contains("ed-search__filters")) {
      pagefind(box).then(function (module) { return filters(box, module); });
    }
  }, true);

  // The words of the search that led here (?highlight=…), marked in the article with
  // Pagefind's own highlighter (pagefind-highlight.js, written with the index), fetched
  // only on a page reached from a result.
  var highlighter = null;
  function highlight() {
    if (!new URLSearchParams(location.search).has(HIGHLIGHT)) return;
    var box = document.querySelector(".ed-search");
    var article = document.querySelector("article.md-content__inner");
    if (!box || !article || article.querySelector("mark.search-highlight")) return;
    highlighter = highlighter || import(new URL("pagefind-highlight.js", resolved(box)).href);
    highlighter.then(function (module) {
      new module.default({ highlightParam: HIGHLIGHT, markContext: article, addStyles: false,
                           markOptions: { className: "search-highlight", acrossElements: true, exclude: [
                             "[data-pagefind-ignore]", "[data-pagefind-ignore] *", ".headerlink",
                             ".para-num", ".cite-box", ".cite-box *", ".search-fields *"] } });
    }).catch(function () { /* no highlight: the page reads as it is */ });
  }
  if (window.document$) window.document$.subscribe(highlight);
  else highlight();

  // A result chosen, or a click elsewhere: the panel closes. The path the click took, not
  // where its target is now: "More results" removes its own button before this runs.
  document.addEventListener("click", function (event) {
    var path = event.composedPath();
    document.querySelectorAll(".ed-search").forEach(function (box) {
      if (path.indexOf(box) < 0 || event.target.closest(".ed-search__link")) open(box, false);
    });
  });
  document.addEventListener("focusin", function (event) {
    var box = event.target.closest && event.target.closest(".ed-search");
    if (box && event.target.classList.contains("ed-search__input") && event.target.value.trim()) open(box, true);
  });
})();
