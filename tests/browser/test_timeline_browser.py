"""The documents in time, in Chromium at 375 px: the marks are reached with the keyboard,
the drawing scrolls inside its frame and not the page."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SHOWS_LAST = """e => { const f = e.getBoundingClientRect();
  const marks = [...e.querySelectorAll('a[data-key]')].map(a => a.getBoundingClientRect());
  const last = marks.reduce((a, b) => (b.right > a.right ? b : a));
  const first = marks.reduce((a, b) => (b.left < a.left ? b : a));
  return last.right <= f.right && last.left >= f.left && first.right < f.left; }"""
FOCUSED = "() => { const a = document.activeElement; return a && a.closest('svg.traffic') ? a.getAttribute('data-key') : null; }"


def test_marks_are_reached_by_keyboard_at_375(browser, served, tmp_path):
    context = browser.new_context(viewport={"width": 375, "height": 800}, service_workers="block")
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(served.url("documents/timeline/"))
        tab.wait_for_load_state("load")
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 375    # the page does not scroll sideways
        frame = tab.locator(".traffic-frame")
        assert frame.evaluate("e => e.scrollWidth > e.clientWidth")                # the drawing does, in its frame
        # It opens at its latest months, the war's, with a shadow where it goes on, at a
        # desktop's width too: the edge of the frame is not taken for the end of the documents.
        for width in (1280, 375):
            tab.set_viewport_size({"width": width, "height": 800})
            assert frame.evaluate(SHOWS_LAST), width
            assert "radial-gradient" in frame.evaluate("e => getComputedStyle(e).backgroundImage")
        assert tab.locator(".traffic-caption").is_visible()
        # Every lane's name stands whole at the frame's left edge, over its own lane, where the
        # drawing opens and wherever it is scrolled to (the names do not scroll with it).
        lanes = tab.locator("svg.traffic .lane-name").all_text_contents()
        assert tab.locator(".traffic-name").all_text_contents() == lanes and len(lanes) >= 10
        for scrolled in ("0", "-e.scrollWidth", "-e.scrollWidth / 2"):     # right to left: 0 is the end
            frame.evaluate(f"e => {{ e.scrollLeft = {scrolled}; }}")
            misplaced = tab.evaluate("""() => { const f = document.querySelector('.traffic-frame').getBoundingClientRect();
              const drawn = [...document.querySelectorAll('svg.traffic .lane-name')];
              return [...document.querySelectorAll('.traffic-name')].filter((n, i) => {
                const b = n.getBoundingClientRect(), lane = drawn[i].getBoundingClientRect();
                return b.left < f.left || b.right > f.right || b.width < 10
                  || Math.abs(b.top + b.height / 2 - (lane.top + lane.height / 2)) > 4; })
                .map(n => n.textContent); }""")
            assert misplaced == [], scrolled
        frame.evaluate("e => { e.scrollLeft = 0; }")
        frame.focus()
        keys = []
        for _ in range(6):
            tab.keyboard.press("Tab")
            key = tab.evaluate(FOCUSED)
            if key:
                keys.append(key)
        assert len(keys) >= 5 and len(set(keys)) == len(keys)                   # Tab walks from mark to mark
        tab.screenshot(path=str(tmp_path / "timeline-375.png"), full_page=True)
        tab.keyboard.press("Enter")                                              # a mark is a link
        tab.wait_for_url(f"**/documents/{keys[-1]}/")
        assert errors == []
    finally:
        context.close()
