// Maps without tiles from elsewhere: GeoJSON shapes and circles on a plain background (a deployment may configure
// its own tile server, data-tiles). No token is ever here: the page talks to the portal only.
(function () {
  'use strict';
  function baseMap(el) {
    var map = L.map(el, { attributionControl: false, zoomControl: true, keyboard: true });
    var tiles = el.getAttribute('data-tiles');
    if (tiles) { L.tileLayer(tiles, { maxZoom: 19 }).addTo(map); }
    map.setView([45.52, -122.67], 11);
    return map;
  }
  function fit(map, layer) {
    try { var b = layer.getBounds(); if (b.isValid()) { map.fitBounds(b, { padding: [20, 20] }); } } catch (e) { /* nothing drawn */ }
  }
  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }

  document.querySelectorAll('.map').forEach(function (el) {
    var map = baseMap(el);
    var group = L.featureGroup().addTo(map);
    var shapes = parse(el.getAttribute('data-geojson') || 'null');
    if (shapes) {
      L.geoJSON(shapes, {
        style: function (f) { var s = f.properties && f.properties.state; return { color: s === 'APPROVED' ? '#1d6b35' : '#a3161b', weight: 2 }; },
        onEachFeature: function (f, layer) { if (f.properties && f.properties.name) { layer.bindTooltip(f.properties.name); } }
      }).eachLayer(function (l) { group.addLayer(l); });
    }
    (parse(el.getAttribute('data-circles') || '[]') || []).forEach(function (c) {
      group.addLayer(L.circle([c.lat, c.lon], { radius: c.r, color: '#0b5cad' }).bindTooltip(String(c.label || '')));
    });
    (parse(el.getAttribute('data-points') || '[]') || []).forEach(function (p) {
      group.addLayer(L.circleMarker([p.lat, p.lon], { radius: 6, color: '#7a3b00' }).bindTooltip(String(p.label || '')));
    });
    fit(map, group);

    // Drawing a polygon corner by corner into a GeoJSON textarea.
    var drawInto = el.getAttribute('data-draw');
    if (drawInto) {
      var target = document.getElementById(drawInto);
      var corners = [];
      var drawn = null;
      var existing = parse(target.value);
      if (existing && existing.type === 'Polygon') { fit(map, L.geoJSON(existing).addTo(group)); }
      map.on('click', function (e) {
        corners.push([Number(e.latlng.lng.toFixed(5)), Number(e.latlng.lat.toFixed(5))]);
        if (drawn) { group.removeLayer(drawn); }
        drawn = L.polygon(corners.map(function (c) { return [c[1], c[0]]; })).addTo(group);
        if (corners.length >= 3) {
          target.value = JSON.stringify({ type: 'Polygon', coordinates: [corners.concat([corners[0]])] });
        }
      });
      var clear = document.querySelector('[data-clear="' + drawInto + '"]');
      if (clear) { clear.addEventListener('click', function () { corners = []; if (drawn) { group.removeLayer(drawn); drawn = null; } target.value = ''; }); }
    }

    // Picking a circle's centre inside a jurisdiction: fills the latitude and longitude inputs.
    var pick = el.getAttribute('data-pick');
    if (pick) {
      var lat = document.getElementById(pick + 'Latitude');
      var lon = document.getElementById(pick + 'Longitude');
      var radius = document.getElementById(pick + 'Radius');
      var circle = null;
      var redraw = function () {
        if (circle) { group.removeLayer(circle); circle = null; }
        var a = parseFloat(lat.value), o = parseFloat(lon.value), r = parseFloat(radius ? radius.value : '100');
        if (!isNaN(a) && !isNaN(o)) { circle = L.circle([a, o], { radius: isNaN(r) ? 100 : r, color: '#7a3b00' }).addTo(group); }
      };
      map.on('click', function (e) { lat.value = e.latlng.lat.toFixed(6); lon.value = e.latlng.lng.toFixed(6); redraw(); });
      [lat, lon, radius].forEach(function (i) { if (i) { i.addEventListener('change', redraw); } });
      redraw();
    }
  });
})();
