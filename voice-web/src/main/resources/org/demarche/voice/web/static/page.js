// The supporters' page without this file is a plain form; with it: the prefecture list shows only for Japan,
// and "use my location" asks the browser (which asks the supporter) for a position. Nothing here contacts
// anything but this page's own server.
(function () {
  'use strict';
  var country = document.getElementById('country');
  var regionRow = document.getElementById('region-row');
  var region = document.getElementById('region');
  function regionsOf(code) {
    var any = false;
    for (var i = 0; i < region.options.length; i++) {
      var o = region.options[i];
      var mine = o.value === '' || o.value.indexOf(code + '-') === 0;
      o.hidden = !mine;
      any = any || (mine && o.value !== '');
    }
    return any;
  }
  function sync() {
    if (!country || !regionRow) { return; }
    var any = regionsOf(country.value);
    regionRow.hidden = !any;
    if (!any) { region.value = ''; }
  }
  if (country) { country.addEventListener('change', sync); sync(); }
  var locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.parentElement.hidden = false;
    locate.addEventListener('click', function () {
      var status = document.getElementById('locate-status');
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lat').value = p.coords.latitude.toFixed(4);
        document.getElementById('lon').value = p.coords.longitude.toFixed(4);
        status.textContent = '\u2713';
      }, function (e) { status.textContent = e.message; }, { maximumAge: 600000, timeout: 10000 });
    });
  }
})();
