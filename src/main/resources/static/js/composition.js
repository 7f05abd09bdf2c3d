// Draws each chart of the composition page from its data-chart attribute ({type, labels, values}).
document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
  if (typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element);
  var colors = ['#b3261e', '#d4a72c', '#1a7f37', '#0969da', '#8250df', '#57606a', '#bc4c00', '#1b7c83'];
  if (data.type === 'pie') {
    chart.setOption({
      color: colors,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data.labels.map(function (label, i) {
        return { name: label, value: data.values[i] };
      }) }]
    });
  } else {
    chart.setOption({
      color: colors,
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, bottom: 60, top: 20 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.values }]
    });
  }
  window.addEventListener('resize', function () { chart.resize(); });
});
