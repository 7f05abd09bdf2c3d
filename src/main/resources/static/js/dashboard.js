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
