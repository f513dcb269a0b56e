// The school finder's enhancements; the page works without them.
// "Use my location": the browser's position fills lat/lon and the form is sent; nothing is
// stored, and the position is rounded to about 100 m before it leaves the browser.
(function () {
  var form = document.getElementById("zoeken");
  var button = document.getElementById("use-location");
  if (form && button && "geolocation" in navigator) {
    var note = document.getElementById("use-location-note");
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      note.textContent = button.dataset.busy;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          form.elements.postcode.value = "";
          ["lat", "lon"].forEach(function (name) {
            var input = form.elements[name];
            if (!input) {
              input = document.createElement("input");
              input.type = "hidden";
              input.name = name;
              form.appendChild(input);
            }
            var degrees = name === "lat" ? position.coords.latitude : position.coords.longitude;
            input.value = degrees.toFixed(3);
          });
          form.submit();
        },
        function () { note.textContent = button.dataset.denied; },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
  }
  // A postcode typed after using one's location wins: the old position is dropped.
  var postcode = document.getElementById("id_postcode");
  if (form && postcode) {
    postcode.addEventListener("input", function () {
      ["lat", "lon"].forEach(function (name) {
        var input = form.elements[name];
        if (input) { input.remove(); }
      });
    });
  }
})();

// The map beside the list, on wide screens only: the list stays the main view. Markers are
// the listed schools and link to their pages.
(function () {
  var box = document.getElementById("finder-map");
  if (!box || typeof L === "undefined" || !window.matchMedia("(min-width: 64rem)").matches) {
    return;
  }
  var schools = Array.prototype.filter.call(
    document.querySelectorAll(".sw-result[data-lat]"), function (item) { return item.dataset.url; }
  );
  if (!schools.length) { return; }
  box.hidden = false;
  var map = L.map(box, { keyboard: false, scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  var points = schools.map(function (item) {
    var point = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
    var link = document.createElement("a");
    link.href = item.dataset.url;
    link.className = "utrecht-link";
    link.textContent = item.dataset.name;
    L.circleMarker(point, { radius: 8, weight: 2, className: "sw-map-marker" })
      .bindPopup(link, { closeButton: false }).addTo(map);
    return point;
  });
  map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
})();
