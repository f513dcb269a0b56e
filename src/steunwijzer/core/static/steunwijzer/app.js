// Small progressive enhancements; every page also works without JavaScript.
document.addEventListener("htmx:responseError", function (event) {
  var status = document.getElementById("save-status");
  if (status) {
    status.textContent = "Automatisch opslaan lukte niet (fout " + event.detail.xhr.status + "). Klik op Opslaan.";
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
