// Draws the dashboard's charts from their data-chart attribute ({type: line | bar | stack, labels, series: [{name, values}]}).
// The same numbers stand in the table under each chart; without script the tables are the dashboard.
document.querySelectorAll('.dashboards .chart[data-chart], .annual-report .chart[data-chart]').forEach(function (element) {
  if (typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  var line = data.type === 'line';
  chart.setOption({
    color: ['#b3261e', '#1a7f37', '#0969da', '#d4a72c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, bottom: 70, top: 36 },
    xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map(function (s) {
      return {
        name: s.name, type: line ? 'line' : 'bar', data: s.values, smooth: false,
        stack: data.type === 'stack' ? 'total' : undefined, symbolSize: 7
      };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});

// The county map: the city's real outlines (GeoJSON from /maps/{city}.geojson), each county filled with the colour
// and labelled with the figure the table beside it shows; a click opens that county's dashboard. The KPI select swaps
// the map's part with htmx, so a new part is drawn when it settles. Without script, or without outlines, the table
// is the map.
function drawCountyMaps(root) {
  if (typeof echarts === 'undefined' || !window.fetch) {
    return;
  }
  root.querySelectorAll('.county-echart[data-map]:not([data-drawn])').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-map'));
    element.setAttribute('data-drawn', 'pending');
    var outlines = echarts.getMap(data.city) ? Promise.resolve(null)
      : fetch(data.url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); });
    outlines.then(function (geo) {
      if (geo) {
        echarts.registerMap(data.city, geo);
      }
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        tooltip: { trigger: 'item', formatter: function (p) { return p.data ? p.data.county + '：' + p.data.text : ''; } },
        series: [{
          type: 'map', map: data.city, nameProperty: 'code', roam: false, selectedMode: false, aspectScale: 0.92,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1.2 },
          emphasis: { itemStyle: { areaColor: '#ffd866' }, label: { color: '#1f2328' } },
          label: { show: true, fontSize: 12, formatter: function (p) { return p.data ? p.data.county + '\n' + p.data.text : ''; } },
          data: data.areas.map(function (a) {
            return { name: a.code, county: a.name, text: a.text, href: a.href, itemStyle: { areaColor: a.fill }, label: { color: a.ink } };
          })
        }]
      });
      chart.on('click', function (p) {
        if (p.data && p.data.href) {
          window.location.href = p.data.href;
        }
      });
      window.addEventListener('resize', function () { chart.resize(); });
      element.setAttribute('data-drawn', 'true');
    }).catch(function () {
      element.hidden = true;
    });
  });
}
drawCountyMaps(document);
document.addEventListener('htmx:afterSettle', function (event) { drawCountyMaps(event.target); });
