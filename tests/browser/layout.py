"""The overlap check: text that paints over other text, or is cut off by its box.

For every visible text node the check takes the rectangles its lines occupy (a Range's client
rects), clipped by every ancestor that hides or scrolls its overflow. Two text nodes of
different elements whose rectangles cross by more than a sliver are reported (a sliver: the
glyph boxes of adjacent lines may touch where line-height is tight). An element that hides
its overflow (`overflow: hidden` or `clip`) and holds text is reported when its content is
larger than its box. Visually hidden text (1 px boxes, `.sw-visually-hidden`) is for screen
readers and is left out, and so is a fixed box parked outside the viewport (the skip link).
"""

OVERLAP_SCRIPT = """() => {
  const SLIVER = 3;  // px
  const hides = (v) => v === 'hidden' || v === 'clip';
  const clips = (v) => v !== 'visible';
  const tiny = (el) => {
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1;
  };
  // A fixed box parked outside the viewport (the skip link until it has focus) is seen by
  // no one, whatever part of the page lies under its rectangle once scrolled.
  const parkedOutside = (e) => {
    if (getComputedStyle(e).position !== 'fixed') return false;
    const r = e.getBoundingClientRect();
    return r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
  };
  const hiddenForEyes = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (e.classList.contains('sw-visually-hidden') || tiny(e) || parkedOutside(e)) return true;
    }
    return !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.className && typeof el.className === 'string') {
      s += '.' + el.className.trim().split(/\\s+/).join('.');
    }
    return s;
  };
  const clipBox = (el) => {
    let box = {left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity};
    for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (clips(st.overflowX) || clips(st.overflowY)) {
        const r = e.getBoundingClientRect();
        if (clips(st.overflowX)) {
          box.left = Math.max(box.left, r.left);
          box.right = Math.min(box.right, r.right);
        }
        if (clips(st.overflowY)) {
          box.top = Math.max(box.top, r.top);
          box.bottom = Math.min(box.bottom, r.bottom);
        }
      }
    }
    return box;
  };
  const pieces = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Map();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!seen.has(el)) seen.set(el, hiddenForEyes(el) ? null : clipBox(el));
    const box = seen.get(el);
    if (!box) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const left = Math.max(r.left, box.left), right = Math.min(r.right, box.right);
      const top = Math.max(r.top, box.top), bottom = Math.min(r.bottom, box.bottom);
      if (right - left > 1 && bottom - top > 1) {
        pieces.push({el, left, right, top, bottom, text: node.textContent.trim().slice(0, 40)});
      }
    }
  }
  const problems = [];
  pieces.sort((a, b) => a.top - b.top);
  for (let i = 0; i < pieces.length && problems.length < 10; i++) {
    const a = pieces[i];
    for (let j = i + 1; j < pieces.length && pieces[j].top < a.bottom - SLIVER; j++) {
      const b = pieces[j];
      if (a.el === b.el) continue;
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx > SLIVER && dy > SLIVER) {
        problems.push(`"${a.text}" (${name(a.el)}) overlaps "${b.text}" (${name(b.el)})`);
        break;
      }
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (problems.length >= 20) break;
    const st = getComputedStyle(el);
    const x = hides(st.overflowX), y = hides(st.overflowY);
    if (!(x || y) || !el.textContent.trim() || hiddenForEyes(el)) continue;
    // A map pans: its tiles and markers lie beyond its box by design, and the list beside it
    // holds every school it shows.
    if (el.closest('.leaflet-container')) continue;
    const wide = x && el.scrollWidth > el.clientWidth + 1;
    if (wide || (y && el.scrollHeight > el.clientHeight + 1)) {
      const sizes = `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`;
      problems.push(`${name(el)} cuts off its text (${sizes})`);
    }
  }
  return problems;
}"""


def overlapping_or_clipped_text(page) -> list[str]:
    """What text on the page paints over other text or is cut off (empty when none)."""
    page.wait_for_load_state("load")  # measured with the page's stylesheets, not without
    return page.evaluate(OVERLAP_SCRIPT)
