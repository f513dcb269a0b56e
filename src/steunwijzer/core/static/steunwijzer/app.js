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
