// Draws the dashboard from the model that the pipeline computed and inlined (#dashboard-data).
// Every figure is computed in C#; this script only formats and draws it, so the page and the extracts agree.
(function () {
  'use strict';

  const model = JSON.parse(document.getElementById('dashboard-data').textContent);
  const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  const whole = new Intl.NumberFormat('en-GB');
  const categoryColours = { 'Management': '#6a3d9a', 'Back office': '#1f78b4', 'Front office': '#e6550d', 'Other': '#7f7f7f' };
  const colourOf = (category) => categoryColours[category] || '#7f7f7f';
  const charts = [];

  function percent(part, total) {
    return total === 0 ? '–' : (100 * part / total).toFixed(1) + '%';
  }

  function shortMoney(value) {
    if (Math.abs(value) >= 1e6) return '£' + (value / 1e6).toFixed(1) + 'm';
    if (Math.abs(value) >= 1e3) return '£' + Math.round(value / 1e3) + 'k';
    return '£' + value;
  }

  function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // Headline figures: the value shown, the exact number in data-value, parts of a share in data-part/data-total.
  function figure(name, shown, value, note, part, total) {
    const tile = document.querySelector(`[data-figure="${name}"]`);
    tile.dataset.value = String(value);
    if (part !== undefined) {
      tile.dataset.part = String(part);
      tile.dataset.total = String(total);
    }
    tile.querySelector('.value').textContent = shown;
    tile.querySelector('.note').textContent = note;
  }

  function headline() {
    const h = model.headline;
    const generated = new Date(model.generatedAt);
    document.getElementById('generated').textContent =
      `Published ${generated.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })} · run ${model.runId}`;
    figure('arrangements', whole.format(h.arrangements), h.arrangements, 'in the mart, current versions');
    figure('councils-sharing', whole.format(h.councilsSharing), h.councilsSharing, 'distinct councils among the partners');
    figure('council-share', percent(h.currentEnglishCouncilsSharing, h.currentEnglishCouncils), h.currentEnglishCouncilsSharing,
      `${whole.format(h.currentEnglishCouncilsSharing)} of ${whole.format(h.currentEnglishCouncils)} current English councils`,
      h.currentEnglishCouncilsSharing, h.currentEnglishCouncils);
    figure('total-annual-savings', money.format(h.totalAnnualSavings), h.totalAnnualSavings, 'a year, as reported');
    figure('savings-to-date', money.format(h.savingsToDate), h.savingsToDate, 'as reported');
    figure('front-office-share', percent(h.frontOfficeArrangements, h.arrangements), h.frontOfficeArrangements,
      `${whole.format(h.frontOfficeArrangements)} of ${whole.format(h.arrangements)} are frontline services`, h.frontOfficeArrangements, h.arrangements);
    figure('cross-tier-share', percent(h.crossTierArrangements, h.arrangements), h.crossTierArrangements,
      `${whole.format(h.crossTierArrangements)} of ${whole.format(h.arrangements)} join different tiers`, h.crossTierArrangements, h.arrangements);
  }

  function chart(id, option) {
    const instance = echarts.init(document.getElementById(id));
    instance.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'inherit' } }, option));
    charts.push(instance);
    return instance;
  }

  const breakdownTooltip = {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (items) => escapeHtml(items[0].name) + '<br>' + items.map((i) =>
      `${i.marker}${escapeHtml(i.seriesName)}: ${i.seriesName === 'Annual savings' ? money.format(i.value) : whole.format(i.value)}`).join('<br>'),
  };

  // Horizontal paired bars: arrangements on the left, annual savings on the right, one row per name.
  function pairedBars(id, rows, colourBy) {
    const names = rows.map((r) => r.name).reverse();
    const colour = (r) => (colourBy ? colourOf(r.name) : '#0b5394');
    chart(id, {
      tooltip: breakdownTooltip,
      grid: [{ left: 150, width: '30%', top: 24, bottom: 24 }, { right: 16, width: '30%', top: 24, bottom: 24 }],
      xAxis: [
        { gridIndex: 0, type: 'value', name: 'Arrangements', nameLocation: 'middle', nameGap: 22, minInterval: 1 },
        { gridIndex: 1, type: 'value', name: 'Annual savings', nameLocation: 'middle', nameGap: 22, splitNumber: 3, axisLabel: { formatter: shortMoney, hideOverlap: true } },
      ],
      yAxis: [
        { gridIndex: 0, type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' } },
        { gridIndex: 1, type: 'category', data: names, axisLabel: { show: false } },
      ],
      series: [
        { name: 'Arrangements', type: 'bar', xAxisIndex: 0, yAxisIndex: 0, data: rows.map((r) => ({ value: r.arrangements, itemStyle: { color: colour(r) } })).reverse() },
        { name: 'Annual savings', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: rows.map((r) => ({ value: r.annualSavings, itemStyle: { color: colour(r), opacity: 0.6 } })).reverse() },
      ],
    });
  }

  function startYears() {
    const rows = model.byStartYear;
    chart('by-start-year', {
      tooltip: breakdownTooltip,
      legend: { top: 0 },
      grid: { left: 48, right: 64, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.name) },
      yAxis: [{ type: 'value', name: 'Arrangements', minInterval: 1 }, { type: 'value', name: 'Annual savings', axisLabel: { formatter: shortMoney } }],
      series: [
        { name: 'Arrangements', type: 'bar', data: rows.map((r) => r.arrangements), itemStyle: { color: '#0b5394' } },
        { name: 'Annual savings', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.annualSavings), itemStyle: { color: '#d95f02' } },
      ],
    });
  }

  function overTime() {
    const timeline = model.runningByYear;
    chart('over-time', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: timeline.years.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: 'Running', minInterval: 1 },
      series: timeline.series.map((s) => ({
        name: s.name, type: 'line', stack: 'running', areaStyle: { opacity: 0.35 }, symbol: 'none',
        data: s.values, itemStyle: { color: colourOf(s.name) }, lineStyle: { color: colourOf(s.name) },
      })),
    });
  }

  // The map: longitude scaled by cos(54°) so that Great Britain keeps its shape on plain x/y axes.
  const xScale = Math.cos(54 * Math.PI / 180);
  const placeByCode = new Map(model.places.map((p) => [p.code, p]));
  const arrangementByKey = new Map(model.arrangements.map((a) => [a.key, a]));
  const point = (p) => [p.longitude * xScale, p.latitude];

  function links() {
    const byCategory = new Map();
    for (const a of model.arrangements) {
      const located = a.partners.filter((p) => placeByCode.has(p.code));
      const hub = located.find((p) => p.isLead) || located[0];
      for (const partner of located) {
        if (partner === hub) continue;
        if (!byCategory.has(a.category)) byCategory.set(a.category, []);
        byCategory.get(a.category).push({ coords: [point(placeByCode.get(hub.code)), point(placeByCode.get(partner.code))], arrangement: a.key, name: a.title });
      }
    }
    return [...byCategory.entries()].map(([category, data]) => ({
      id: 'links-' + category, name: category, type: 'lines', coordinateSystem: 'cartesian2d', data, z: 2,
      lineStyle: { color: colourOf(category), width: 2, opacity: 0.75 }, emphasis: { lineStyle: { width: 3.5, opacity: 1 } },
    }));
  }

  function arrangementTip(a) {
    const partners = a.partners.map((p) => escapeHtml(p.name) + (p.isLead ? ' (lead)' : '')).join('<br>');
    const savings = a.annualSavings == null ? 'not reported' : money.format(a.annualSavings) + ' a year';
    return `<b>${escapeHtml(a.title)}</b><br>${escapeHtml(a.serviceArea)} · ${escapeHtml(a.category)} · ${escapeHtml(a.tierCombination)}<br>Savings: ${savings}<br>${partners}`;
  }

  function map() {
    const partners = model.places.filter((p) => p.isPartner);
    const others = model.places.filter((p) => !p.isPartner);
    const all = model.places.map(point);
    const instance = chart('map', {
      tooltip: {
        trigger: 'item', confine: true, formatter: (item) => {
          if (item.seriesType === 'lines') return arrangementTip(arrangementByKey.get(item.data.arrangement));
          const place = item.data.place;
          return `<b>${escapeHtml(place.name)}</b><br>${escapeHtml(place.kind)}` +
            (place.isPartner ? `<br>${place.arrangements.length} arrangement(s)` : '');
        },
      },
      legend: { top: 0, data: model.byCategory.map((c) => c.name).filter((n) => model.arrangements.some((a) => a.category === n)) },
      grid: { left: 4, right: 4, top: 28, bottom: 4 },
      xAxis: { type: 'value', show: false, scale: true },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        { id: 'councils', name: 'Councils', type: 'scatter', symbolSize: 5, z: 1, itemStyle: { color: '#b8c2cc' },
          data: others.map((p) => ({ value: point(p), place: p })) },
        ...links(),
        { id: 'partners', name: 'Partners', type: 'scatter', symbolSize: 8, z: 3, itemStyle: { color: '#1d2733', borderColor: '#fff', borderWidth: 0.8 },
          data: partners.map((p) => ({ value: point(p), name: p.code, place: p })) },
      ],
    });
    fitMap(instance, all);
    instance.on('click', (item) => {
      if (item.seriesType === 'lines') {
        const a = arrangementByKey.get(item.data.arrangement);
        setFilter(a.title, new Set([a.key]));
      } else if (item.data && item.data.place && item.data.place.isPartner) {
        setFilter(item.data.place.name, new Set(item.data.place.arrangements));
      }
    });
    const missing = new Set(model.arrangements.flatMap((a) => a.partners).filter((p) => !placeByCode.has(p.code)).map((p) => p.code));
    document.getElementById('map-note').textContent =
      `${partners.length} partner bodies on the map` + (missing.size ? `; ${missing.size} without coordinates are not shown.` : '.');
  }

  // Equal scale on both axes: widen the narrower range to the panel's aspect.
  function fitMap(instance, points) {
    if (points.length === 0) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const pad = 0.3;
    [x0, x1, y0, y1] = [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
    const width = instance.getWidth() - 8;
    const height = instance.getHeight() - 32;
    const perPixel = Math.max((x1 - x0) / width, (y1 - y0) / height);
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    instance.setOption({
      xAxis: { min: cx - perPixel * width / 2, max: cx + perPixel * width / 2 },
      yAxis: { min: cy - perPixel * height / 2, max: cy + perPixel * height / 2 },
    });
  }

  // The table: search, the map's filter and sorting, all over the model's arrangements.
  const table = { search: '', filter: null, sortKey: 'annualSavings', descending: true };
  const partnerText = (a) => a.partners.map((p) => p.name).join('; ');
  const searchText = new Map(model.arrangements.map((a) =>
    [a.key, [a.title, a.reference, a.serviceArea, a.category, partnerText(a), a.region, a.status, a.tierCombination, a.startYear].join(' ').toLowerCase()]));

  function setFilter(label, keys) {
    table.filter = keys;
    document.getElementById('filter-text').textContent = 'Map: ' + label;
    document.getElementById('filter').hidden = false;
    renderTable();
  }

  function sortValue(a, key) {
    return key === 'partners' ? partnerText(a) : a[key];
  }

  function compare(a, b) {
    const [x, y] = [sortValue(a, table.sortKey), sortValue(b, table.sortKey)];
    if (x == null && y == null) return 0;
    if (x == null) return 1; // blanks last, whichever the direction
    if (y == null) return -1;
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB');
    return table.descending ? -order : order;
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function renderTable() {
    const words = table.search.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = model.arrangements
      .filter((a) => !table.filter || table.filter.has(a.key))
      .filter((a) => words.every((w) => searchText.get(a.key).includes(w)))
      .sort(compare);
    const body = document.querySelector('#arrangements tbody');
    body.replaceChildren();
    for (const a of rows) {
      const row = body.insertRow();
      row.dataset.key = a.key;
      const title = cell(row, a.title);
      if (a.reference) {
        const ref = document.createElement('span');
        ref.className = 'ref';
        ref.textContent = a.reference;
        title.appendChild(ref);
      }
      cell(row, a.serviceArea);
      cell(row, a.category);
      cell(row, a.partners.map((p) => p.name + (p.isLead ? ' (lead)' : '')).join('; '));
      cell(row, a.tierCombination);
      cell(row, a.region);
      cell(row, a.startYear ?? '', 'number');
      cell(row, a.status ?? '');
      cell(row, a.annualSavings == null ? '' : money.format(a.annualSavings), 'number');
      cell(row, a.savingsToDate == null ? '' : money.format(a.savingsToDate), 'number');
    }
    if (rows.length === 0) {
      const row = body.insertRow();
      row.className = 'empty';
      const td = cell(row, model.arrangements.length === 0 ? 'No arrangements have been loaded yet.' : 'No arrangement matches.');
      td.colSpan = 10;
    }
    document.getElementById('row-count').textContent = `${rows.length} of ${model.arrangements.length} arrangements`;
    for (const th of document.querySelectorAll('#arrangements th')) {
      th.setAttribute('aria-sort', th.dataset.key === table.sortKey ? (table.descending ? 'descending' : 'ascending') : 'none');
    }
  }

  function wireTable() {
    document.getElementById('search').addEventListener('input', (e) => {
      table.search = e.target.value;
      renderTable();
    });
    document.getElementById('filter-clear').addEventListener('click', () => {
      table.filter = null;
      document.getElementById('filter').hidden = true;
      renderTable();
    });
    for (const th of document.querySelectorAll('#arrangements th')) {
      th.tabIndex = 0;
      const sort = () => {
        table.descending = table.sortKey === th.dataset.key ? !table.descending : false;
        table.sortKey = th.dataset.key;
        renderTable();
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    }
    renderTable();
  }

  headline();
  pairedBars('by-category', model.byCategory, true);
  pairedBars('by-tier', model.byTierCombination, false);
  pairedBars('by-service-area', model.byServiceArea, false);
  pairedBars('by-region', model.byRegion, false);
  startYears();
  overTime();
  map();
  wireTable();
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  document.body.dataset.ready = 'true';
})();
