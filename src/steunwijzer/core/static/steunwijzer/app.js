// Small progressive enhancements; every page also works without JavaScript.
document.addEventListener("htmx:responseError", function (event) {
  var status = document.getElementById("save-status");
  if (status) {
    var xhr = event.detail.xhr;
    // 401: the session ended (idle too long); the server's Dutch message says what to do.
    status.textContent = xhr.status === 401 && xhr.responseText
      ? xhr.responseText + " Kopieer eerst uw laatste tekst."
      : "Automatisch opslaan lukte niet (fout " + xhr.status + "). Klik op Opslaan.";
    status.className = "sw-status sw-status--error";
  }
});
document.addEventListener("htmx:sendError", function () {
  var status = document.getElementById("save-status");
  if (status) {
    status.textContent = "Geen verbinding: uw wijzigingen zijn nog niet opgeslagen.";
    status.className = "sw-status sw-status--error";
  }
});
// A table wider than the screen scrolls inside its container (cells keep whole words), and so
// does a chart; such a container becomes a named, focusable region so keyboard users can
// scroll it too. A ResizeObserver follows every later change of width (window, fonts arriving,
// htmx swaps), which the load and resize events alone miss.
function scrollsInside(box) {
  return box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
}
// Each region's name is unique on the page (a screen reader lists regions by name): a second
// region with the same caption is numbered.
function uniqueName(name) {
  var taken = {};
  document.querySelectorAll("[data-sw-scrolls][aria-label]").forEach(function (other) {
    taken[other.getAttribute("aria-label")] = true;
  });
  var unique = name;
  for (var n = 2; taken[unique]; n++) { unique = name + " (" + n + ")"; }
  return unique;
}
function markScrolling(box) {
  var scrolls = scrollsInside(box);
  if (scrolls && !box.hasAttribute("tabindex")) {
    var caption = box.querySelector("caption");
    var figure = caption ? null : box.closest("figure");
    // A chart's region is named apart from its data table, which carries the same title.
    var name = uniqueName(caption ? caption.textContent.trim()
      : figure ? "Grafiek: " + figure.querySelector("figcaption").textContent.trim() : "Tabel");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", name);
    box.dataset.swScrolls = "1";
  } else if (!scrolls && box.dataset.swScrolls) {
    ["tabindex", "role", "aria-label", "data-sw-scrolls"].forEach(function (name) {
      box.removeAttribute(name);
    });
  }
}
var SCROLLERS = ".utrecht-table-container, .sw-chart__canvas";
var tableSizes = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
  entries.forEach(function (entry) {
    var box = entry.target.closest(SCROLLERS);
    if (box) { markScrolling(box); }
  });
}) : null;
function watchTables() {
  document.querySelectorAll(SCROLLERS).forEach(function (box) {
    markScrolling(box);
    if (tableSizes) {
      tableSizes.observe(box);
      if (box.firstElementChild) { tableSizes.observe(box.firstElementChild); }
    }
  });
}
document.addEventListener("DOMContentLoaded", watchTables);
document.addEventListener("htmx:load", watchTables);
window.addEventListener("resize", watchTables);
// Filters that fold (the partnership overview): open without JavaScript and on a wide screen,
// folded on a phone at load, so the table comes first and the filters are a tap away.
if (window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) {
  document.querySelectorAll("details[data-sw-fold-narrow]").forEach(function (fold) {
    fold.open = false;
  });
}
