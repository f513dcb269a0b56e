// The long-text toolbar: bold, bullet list and link write the editor's own markup (**bold**,
// "- " lines, [text](https://…)) into the textarea. Without JavaScript the toolbar stays hidden
// and the markup is typed by hand, as the hint under each field explains. Our own few lines:
// a rich-text editor library would store HTML, and the markup is what is kept.
(function () {
  function insert(area, start, end, text, selectFrom, selectTo) {
    area.focus();
    area.setSelectionRange(start, end);
    // insertText keeps the browser's undo; where it is missing, set the text directly.
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    area.setSelectionRange(start + selectFrom, start + selectTo);
  }

  function bold(area, button) {
    var start = area.selectionStart, end = area.selectionEnd;
    var chosen = area.value.slice(start, end) || button.dataset.placeholder;
    insert(area, start, end, "**" + chosen + "**", 2, 2 + chosen.length);
  }

  function list(area) {
    var value = area.value;
    var start = value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    var end = value.indexOf("\n", area.selectionEnd);
    if (end === -1) { end = value.length; }
    var lines = value.slice(start, end).split("\n");
    var listed = lines.every(function (line) { return !line.trim() || /^- /.test(line); });
    var text = lines.map(function (line) {
      if (!line.trim()) { return line; }
      return listed ? line.replace(/^- /, "") : "- " + line;
    }).join("\n");
    insert(area, start, end, text, 0, text.length);
  }

  function link(area, button) {
    var address = window.prompt(button.dataset.prompt, "https://");
    if (!address || !/^(https?:\/\/|mailto:)\S+$/i.test(address.trim())) { area.focus(); return; }
    var start = area.selectionStart, end = area.selectionEnd;
    var chosen = area.value.slice(start, end) || button.dataset.placeholder;
    insert(area, start, end, "[" + chosen + "](" + address.trim() + ")", 1, 1 + chosen.length);
  }

  var ACTIONS = { bold: bold, list: list, link: link };

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-sw-format]");
    if (!button) { return; }
    var area = document.getElementById(button.getAttribute("aria-controls"));
    if (area) { ACTIONS[button.dataset.swFormat](area, button); }
  });

  function showToolbars() {
    document.querySelectorAll("[data-sw-toolbar][hidden]").forEach(function (bar) {
      bar.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", showToolbars);
  document.addEventListener("htmx:load", showToolbars);
})();
