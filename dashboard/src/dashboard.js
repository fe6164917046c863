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

  // The map: council areas from the ONS boundaries inlined beside the model (TopoJSON, decoded here), for one year and
  // one layer at a time; partners' links on top; a dot for an authority with no boundary in the data.
  const councils = (model.councils && model.councils.councils) || [];
  const councilByCode = new Map(councils.map((c) => [c.code, c]));
  const placeByCode = new Map(model.places.map((p) => [p.code, p]));
  const arrangementByKey = new Map(model.arrangements.map((a) => [a.key, a]));
  const arrangementsOf = new Map();
  for (const a of model.arrangements) {
    for (const p of a.partners) {
      if (!arrangementsOf.has(p.code)) arrangementsOf.set(p.code, []);
      arrangementsOf.get(p.code).push(a);
    }
  }
  const layers = decodeTopology(JSON.parse(document.getElementById('council-boundaries').textContent));
  const years = (model.councils && model.councils.years) || [];
  const mapState = { year: years.length ? years[years.length - 1] : 2025, layer: 'ltla', selected: null };
  let mapInstance = null;

  // TopoJSON to GeoJSON features: arcs are delta-encoded quantised positions; ~i in a ring is arc i reversed. A
  // feature's geometry (and each arc) is decoded when first read, by the map for the layer and year it draws: a council
  // view needs only the areas' properties before its first paint, and most arcs belong to layers not drawn.
  function decodeTopology(topology) {
    const [kx, ky] = topology.transform.scale;
    const [dx, dy] = topology.transform.translate;
    const decoded = new Array(topology.arcs.length);
    const arcAt = (i) => decoded[i] || (decoded[i] = (() => {
      let x = 0;
      let y = 0;
      return topology.arcs[i].map(([a, b]) => { x += a; y += b; return [x * kx + dx, y * ky + dy]; });
    })());
    const ring = (indices) => {
      const points = [];
      for (const i of indices) {
        const arc = i < 0 ? arcAt(~i).slice().reverse() : arcAt(i);
        for (let k = points.length ? 1 : 0; k < arc.length; k++) points.push(arc[k]);
      }
      return points;
    };
    const geometryOf = (g) => g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.arcs.map((polygon) => polygon.map(ring)) };
    const result = {};
    for (const [name, object] of Object.entries(topology.objects)) {
      result[name] = object.geometries.map((g) => {
        let geometry = null;
        return {
          type: 'Feature',
          properties: g.properties,
          get geometry() { return geometry || (geometry = geometryOf(g)); },
        };
      });
    }
    return result;
  }

  const validIn = (properties, year) => (properties.start == null || properties.start <= year) && (properties.end == null || year < properties.end);
  const areasFor = (layer, year) => (layers[layer] || []).filter((f) => validIn(f.properties, year));
  const countOf = (code) => (arrangementsOf.get(code) || []).length;
  const shades = ['#eef2f6', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  const bucketLimits = [0, 1, 2, 4, 8];
  const shadeOf = (count) => shades[bucketLimits.filter((limit) => count >= limit).length - (count === 0 ? 1 : 0)] || shades[shades.length - 1];
  const bucketText = ['none', '1', '2–3', '4–7', '8 or more'];

  function registeredMap(layer, year) {
    const name = `councils-${layer}-${year}`;
    if (!echarts.getMap(name)) echarts.registerMap(name, { type: 'FeatureCollection', features: areasFor(layer, year) });
    return name;
  }

  function councilPoint(code) {
    const council = councilByCode.get(code);
    if (council && council.longitude != null) return [council.longitude, council.latitude];
    const place = placeByCode.get(code);
    return place ? [place.longitude, place.latitude] : null;
  }

  function links() {
    const byCategory = new Map();
    for (const a of model.arrangements) {
      const located = a.partners.filter((p) => councilPoint(p.code));
      const hub = located.find((p) => p.isLead) || located[0];
      for (const partner of located) {
        if (partner === hub) continue;
        if (!byCategory.has(a.category)) byCategory.set(a.category, []);
        byCategory.get(a.category).push({ coords: [councilPoint(hub.code), councilPoint(partner.code)], arrangement: a.key, name: a.title });
      }
    }
    return [...byCategory.entries()].map(([category, data]) => ({
      id: 'links-' + category, name: category, type: 'lines', coordinateSystem: 'geo', data, z: 4,
      lineStyle: { color: colourOf(category), width: 1.6, opacity: 0.8 }, emphasis: { lineStyle: { width: 3, opacity: 1 } },
    }));
  }

  // Dots: councils of the year without a polygon (and any partner without one), and partner bodies that are not councils.
  function points(year) {
    const drawn = new Set(areasFor(mapState.layer, year).map((f) => f.properties.areacd));
    const result = [];
    for (const c of councils) {
      if (drawn.has(c.code) || c.longitude == null) continue;
      const existed = (!c.from || Number(c.from.slice(0, 4)) <= year) && (!c.to || Number(c.to.slice(0, 4)) >= year);
      // A partner is on the map whatever the layer and year: its area, else a dot (so its links have an end).
      if ((existed && !c.hasPolygon) || countOf(c.code) > 0) {
        result.push({ value: [c.longitude, c.latitude], code: c.code, name: c.name, kind: c.hasPolygon ? 'council not in this layer or year' : 'council without a boundary in the data' });
      }
    }
    for (const p of model.places) {
      if (p.isPartner && !councilByCode.has(p.code) && !drawn.has(p.code)) result.push({ value: [p.longitude, p.latitude], code: p.code, name: p.name, kind: p.kind });
    }
    return result;
  }

  function regionStyles(features) {
    const selected = mapState.selected;
    const partners = new Set(selected ? (arrangementsOf.get(selected) || []).flatMap((a) => a.partners.map((p) => p.code)) : []);
    return features.map((f) => {
      const code = f.properties.areacd;
      const style = { areaColor: shadeOf(countOf(code)), borderColor: '#8a96a3', borderWidth: 0.4 };
      if (partners.has(code) && code !== selected) Object.assign(style, { areaColor: '#f4a259', borderColor: '#8a4b08', borderWidth: 1 });
      if (code === selected) Object.assign(style, { areaColor: '#d4351c', borderColor: '#0b0c0c', borderWidth: 2 });
      return { name: code, itemStyle: style };
    });
  }

  function drawMap() {
    const features = areasFor(mapState.layer, mapState.year);
    const tip = (item) => {
      if (item.seriesType === 'lines') return arrangementTip(arrangementByKey.get(item.data.arrangement));
      if (item.componentType === 'geo') {
        const feature = features.find((f) => f.properties.areacd === item.name);
        const council = councilByCode.get(item.name);
        return feature ? `<b>${escapeHtml(council ? council.name : feature.properties.areanm)}</b><br>${escapeHtml(feature.properties.areanm)} (${escapeHtml(item.name)})<br>${countOf(item.name)} arrangement(s)` : '';
      }
      return item.data ? `<b>${escapeHtml(item.data.name)}</b><br>${escapeHtml(item.data.kind)}<br>${countOf(item.data.code)} arrangement(s)` : '';
    };
    const option = {
      animation: false,
      tooltip: { trigger: 'item', confine: true, formatter: tip },
      legend: { top: 0, data: model.byCategory.map((c) => c.name).filter((n) => model.arrangements.some((a) => a.category === n)) },
      geo: {
        map: registeredMap(mapState.layer, mapState.year), nameProperty: 'areacd', roam: true, aspectScale: 0.62,
        top: 28, bottom: 4, left: 4, right: 4, silent: false, selectedMode: false, tooltip: { show: true, formatter: tip },
        label: { show: false }, emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffdd00' } },
        itemStyle: { areaColor: shades[0], borderColor: '#8a96a3', borderWidth: 0.4 },
        regions: regionStyles(features),
      },
      series: [
        ...links(),
        { id: 'points', name: 'No boundary', type: 'scatter', coordinateSystem: 'geo', symbolSize: 6, z: 5,
          itemStyle: { color: '#1d2733', borderColor: '#fff', borderWidth: 0.8 }, data: points(mapState.year) },
      ],
    };
    if (!mapInstance) {
      mapInstance = echarts.init(document.getElementById('map'), null, { renderer: 'svg' });
      charts.push(mapInstance);
      mapInstance.on('click', (item) => {
        if (item.componentType === 'geo' && councilByCode.has(item.name)) openFromMap(item.name);
        else if (item.seriesType === 'lines') {
          const a = arrangementByKey.get(item.data.arrangement);
          setFilter(a.title, new Set([a.key]));
        } else if (item.data && item.data.code && councilByCode.has(item.data.code)) openFromMap(item.data.code);
        else if (item.data && item.data.code && arrangementsOf.has(item.data.code)) setFilter(item.data.name, new Set(arrangementsOf.get(item.data.code).map((a) => a.key)));
      });
    }
    mapInstance.setOption(option, { notMerge: true });
    const drawn = mapInstance.getModel().getComponent('geo').coordinateSystem.regions.length;
    const dots = option.series[option.series.length - 1].data.length;
    const element = document.getElementById('map');
    element.dataset.areas = String(drawn);
    element.dataset.year = String(mapState.year);
    element.dataset.layer = mapState.layer;
    element.dataset.council = mapState.selected || '';
    performance.mark('map-drawn');
    const layerName = mapState.layer === 'ltla' ? 'district and unitary' : 'county and unitary';
    const selected = mapState.selected ? councilByCode.get(mapState.selected) : null;
    element.setAttribute('aria-label', `Map of ${drawn} ${layerName} council areas in ${mapState.year}` + (selected ? `, ${selected.name} outlined` : '') + '. The table below the map lists the same areas.');
    const unplaced = new Set(model.arrangements.flatMap((a) => a.partners).filter((p) => !councilPoint(p.code)).map((p) => p.code));
    document.getElementById('map-note').textContent =
      `${drawn} ${layerName} council areas as at ${mapState.year}; ${dots} authorities shown as dots (no boundary in the data, or not in this layer and year)` +
      (unplaced.size ? `; ${unplaced.size} partners without coordinates are not shown.` : '.');
    document.getElementById('map-legend').textContent = 'Arrangements: ' + bucketText.map((t, i) => `${t} (${['lightest', 'light', 'medium-light', 'medium', 'dark'][i]})`).join(', ') +
      (selected ? `; ${selected.name} red, its partners orange` : '');
    mapTable(features, layerName);
  }

  function mapTable(features, layerName) {
    document.getElementById('map-table-caption').textContent = `${features.length} ${layerName} council areas as at ${mapState.year}`;
    const body = document.querySelector('#map-table tbody');
    body.replaceChildren();
    for (const f of [...features].sort((a, b) => a.properties.areanm.localeCompare(b.properties.areanm, 'en-GB'))) {
      const row = body.insertRow();
      const code = f.properties.areacd;
      const name = row.insertCell();
      if (councilByCode.has(code)) name.appendChild(councilButton(code, f.properties.areanm));
      else name.textContent = f.properties.areanm;
      cell(row, code);
      cell(row, String(countOf(code)), 'number');
    }
  }

  // A council clicked on the map: its view, and the table filtered to its arrangements.
  function openFromMap(code) {
    openCouncil(code, false);
    const mine = arrangementsOf.get(code) || [];
    if (mine.length) setFilter(councilByCode.get(code).name, new Set(mine.map((a) => a.key)));
  }

  function wireMap() {
    const yearSelect = document.getElementById('map-year');
    for (const y of years) yearSelect.add(new Option(String(y), String(y), false, y === mapState.year));
    yearSelect.addEventListener('change', () => { mapState.year = Number(yearSelect.value); drawMap(); });
    const layerSelect = document.getElementById('map-layer');
    layerSelect.addEventListener('change', () => { mapState.layer = layerSelect.value; drawMap(); });
  }

  function arrangementTip(a) {
    const partners = a.partners.map((p) => escapeHtml(p.name) + (p.isLead ? ' (lead)' : '')).join('<br>');
    const savings = a.annualSavings == null ? 'not reported' : money.format(a.annualSavings) + ' a year';
    return `<b>${escapeHtml(a.title)}</b><br>${escapeHtml(a.serviceArea)} · ${escapeHtml(a.category)} · ${escapeHtml(a.tierCombination)}<br>Savings: ${savings}<br>${partners}`;
  }

  // Finding a council by any name the matcher accepts: the matcher's canonical form (its expansions), its affixes
  // stripped one at a time (each implying a style: "CC" county or city, "LB" London…), and every council's keys (the
  // cores of its names and aliases), all computed by the pipeline from the matcher's reference data.
  const finder = (model.councils && model.councils.finder) || { expansions: {}, compass: {}, suffixes: [], prefixes: [], neverACore: [] };
  const neverACore = new Set(finder.neverACore);
  const councilsByKey = new Map();
  for (const c of councils) {
    for (const key of c.keys) {
      if (!councilsByKey.has(key)) councilsByKey.set(key, []);
      councilsByKey.get(key).push(c);
    }
  }

  function canonical(text) {
    const cleaned = String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[&+]/g, ' and ').replace(/['\u2018\u2019]/g, '');
    const tokens = cleaned.split(/[^a-z0-9]+/).filter(Boolean);
    const joined = [];
    let initials = '';
    for (const token of tokens) {
      if (token.length === 1 && /[a-z]/.test(token)) { initials += token; continue; }
      if (initials) { joined.push(initials); initials = ''; }
      joined.push(token);
    }
    if (initials) joined.push(initials);
    const words = [];
    joined.forEach((token, i) => {
      if (token === 'the') return;
      if (i < joined.length - 1 && token !== 'and' && finder.compass[token]) words.push(finder.compass[token]);
      else words.push(finder.expansions[token] || token);
    });
    return words.join(' ');
  }

  function stripSteps(name) {
    const steps = [];
    let current = name;
    let styles = 0;
    for (;;) {
      let hit = null;
      for (const s of finder.suffixes) if (current.endsWith(' ' + s.words)) { hit = [current.slice(0, current.length - s.words.length - 1), s.styles]; break; }
      if (!hit) for (const p of finder.prefixes) if (current.startsWith(p.words + ' ')) { hit = [current.slice(p.words.length + 1), p.styles]; break; }
      if (!hit || neverACore.has(hit[0]) || hit[0].length <= 1) break;
      styles = styles === 0 || (styles & hit[1]) === 0 ? (styles | hit[1]) : (styles & hit[1]);
      current = hit[0];
      steps.push({ core: current, styles });
    }
    return steps;
  }

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
    return previous[b.length];
  }

  // The councils a name may mean: one when it is clear, several when it is not (reported, never guessed), none if unknown.
  function findCouncils(text) {
    const trimmed = String(text).trim();
    if (/^[A-Za-z]\d{8}$/.test(trimmed) && councilByCode.has(trimmed.toUpperCase())) return [councilByCode.get(trimmed.toUpperCase())];
    const exact = councils.filter((c) => c.name.toLowerCase() === trimmed.toLowerCase());
    if (exact.length === 1) return exact;
    const name = canonical(trimmed);
    if (!name) return [];
    const forms = [{ core: name, styles: 0 }, ...stripSteps(name)];
    let found = [];
    let styles = 0;
    for (const form of forms) {
      if (councilsByKey.has(form.core)) { found = councilsByKey.get(form.core); styles = form.styles; break; }
    }
    if (found.length === 0) {
      const core = forms[forms.length - 1].core;
      styles = forms[forms.length - 1].styles;
      const limit = core.length >= 8 ? 2 : core.length >= 5 ? 1 : 0;
      let best = limit + 1;
      for (const [key, list] of councilsByKey) {
        const d = distance(core, key, limit);
        if (d < best) { best = d; found = list; } else if (d === best && d <= limit) found = found.concat(list);
      }
      if (best > limit) found = [];
    }
    found = [...new Map(found.map((c) => [c.code, c])).values()];
    if (found.length > 1 && styles) {
      const styled = found.filter((c) => (c.styles & styles) !== 0);
      if (styled.length > 0) found = styled;
    }
    if (found.length > 1) {
      // Councils of one name in succession ("Durham"): the one that exists now, if just one does.
      const current = found.filter((c) => !c.to);
      if (current.length === 1 && styles) found = current;
    }
    return found;
  }

  function councilButton(code, label) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.dataset.code = code;
    button.textContent = label || (councilByCode.get(code) || { name: code }).name;
    button.addEventListener('click', () => openCouncil(code));
    return button;
  }

  function status(message, choices) {
    const box = document.getElementById('council-status');
    box.replaceChildren();
    const p = document.createElement('p');
    p.textContent = message;
    box.appendChild(p);
    if (choices && choices.length) {
      const list = document.createElement('ul');
      list.className = 'choices';
      for (const c of choices) {
        const item = document.createElement('li');
        item.appendChild(councilButton(c.code, `${c.name} (${c.code}${c.to ? ', until ' + c.to.slice(0, 4) : ''})`));
        list.appendChild(item);
      }
      box.appendChild(list);
    }
  }

  function wireFinder() {
    const list = document.getElementById('council-names');
    for (const c of [...councils].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
      const option = document.createElement('option');
      option.value = c.name;
      list.appendChild(option);
    }
    document.getElementById('council-find').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = document.getElementById('council-search').value;
      const found = findCouncils(text);
      if (found.length === 1) openCouncil(found[0].code);
      else if (found.length === 0) status(`No council is known by "${text}". Try its official name, a short name or its GSS code.`);
      else status(`"${text}" could mean ${found.length} councils; choose one:`, found);
    });
    window.addEventListener('hashchange', fromHash);
  }

  function hashCode() {
    const match = /council=([A-Za-z0-9]+)/.exec(location.hash);
    return match && councilByCode.has(match[1].toUpperCase()) ? match[1].toUpperCase() : null;
  }

  function fromHash() {
    const code = hashCode();
    if (code && mapState.selected !== code) openCouncil(code, false);
  }

  // After the browser has painted what is already built: requestAnimationFrame runs before the paint, the timeout after it.
  function afterPaint(work) {
    requestAnimationFrame(() => setTimeout(work, 0));
  }

  const typeNames = {
    county: 'County council', district: 'District council', unitary: 'Unitary authority', metropolitan_district: 'Metropolitan district council',
    london_borough: 'London borough', city_corporation: 'City corporation', welsh_council: 'Welsh council', scottish_council: 'Scottish council',
    ni_district: 'Northern Ireland district council',
  };
  const nameOf = (code) => (councilByCode.get(code) || placeByCode.get(code) || { name: code }).name;
  const currentAreas = (code) => [...new Set((arrangementsOf.get(code) || []).filter((a) => !a.hasEnded).map((a) => a.serviceArea))].sort();
  const dateText = (d) => d ? new Date(d + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function simpleTable(id, caption, headers, rows) {
    const t = element('table');
    t.id = id;
    t.appendChild(element('caption', caption));
    const head = t.createTHead().insertRow();
    for (const h of headers) {
      const th = element('th', h.text, h.number ? 'number' : null);
      th.scope = 'col';
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const row = body.insertRow();
      r.forEach((value, i) => {
        const td = row.insertCell();
        if (headers[i].number) td.className = 'number';
        if (value instanceof Node) td.appendChild(value); else td.textContent = value == null ? '' : String(value);
      });
    }
    if (rows.length === 0) {
      const row = body.insertRow();
      const td = row.insertCell();
      td.colSpan = headers.length;
      td.className = 'empty';
      td.textContent = 'None.';
    }
    const wrap = element('div', null, 'table-scroll');
    wrap.appendChild(t);
    return wrap;
  }

  function councilList(codes) {
    const span = element('span');
    codes.forEach((code, i) => {
      if (i > 0) span.appendChild(document.createTextNode(', '));
      span.appendChild(councilByCode.has(code) ? councilButton(code) : document.createTextNode(nameOf(code)));
    });
    return span;
  }

  const sum = (list, key) => list.reduce((total, a) => total + (a[key] || 0), 0);

  function openCouncil(code, focus = true, drawNow = true) {
    const c = councilByCode.get(code);
    if (!c) return;
    mapState.selected = code;
    if (location.hash !== '#council=' + code) location.hash = 'council=' + code; // a fragment: no request
    // The layer and year where the council has an area, so its outline shows.
    const layerOf = (layer) => (layers[layer] || []).filter((f) => f.properties.areacd === code);
    const layer = layerOf(mapState.layer).length ? mapState.layer : layerOf('utla').length ? 'utla' : layerOf('ltla').length ? 'ltla' : mapState.layer;
    mapState.layer = layer;
    document.getElementById('map-layer').value = layer;
    const own = layerOf(layer);
    if (own.length && !own.some((f) => validIn(f.properties, mapState.year))) {
      const valid = years.filter((y) => own.some((f) => validIn(f.properties, y)));
      if (valid.length) mapState.year = valid[valid.length - 1];
      document.getElementById('map-year').value = String(mapState.year);
    }

    const view = document.getElementById('council-view');
    view.replaceChildren();
    view.dataset.code = code;
    const heading = element('h3', c.name);
    heading.id = 'council-name';
    heading.tabIndex = -1;
    view.appendChild(heading);

    const profile = element('dl', null, 'profile');
    const add = (term, value) => {
      if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return;
      profile.appendChild(element('dt', term));
      const dd = element('dd');
      if (Array.isArray(value)) dd.appendChild(councilList(value)); else dd.textContent = value;
      profile.appendChild(dd);
    };
    add('GSS code', c.code);
    add('Type', typeNames[c.type] || c.type);
    add('Tier', c.tier);
    add('Region', c.region);
    add('Existed', c.from || c.to ? `${c.from ? 'from ' + dateText(c.from) : ''}${c.to ? ' until ' + dateText(c.to) : ''}`.trim() : 'throughout');
    add('Predecessors', c.predecessors);
    add('Successors', c.successors);
    add('Boundary', c.hasPolygon ? 'drawn from the ONS boundaries' : 'none in the data (shown as a dot)');
    view.appendChild(profile);

    const mine = (arrangementsOf.get(code) || []).slice().sort((a, b) => (b.annualSavings || 0) - (a.annualSavings || 0) || a.title.localeCompare(b.title, 'en-GB'));
    const current = mine.filter((a) => !a.hasEnded);
    const ended = mine.filter((a) => a.hasEnded);
    const figures = element('p', null, 'council-figures');
    figures.id = 'council-figures';
    figures.textContent = `${current.length} current and ${ended.length} ended arrangement(s); current annual savings ${money.format(sum(current, 'annualSavings'))}; savings to date ${money.format(sum(mine, 'savingsToDate'))} (as reported, whole arrangements).`;
    view.appendChild(figures);
    const arrangementRows = (list) => list.map((a) => [a.title, a.serviceArea, councilList(a.partners.filter((p) => p.code !== code).map((p) => p.code)),
      a.startYear, a.endYear, a.status, a.annualSavings == null ? '' : money.format(a.annualSavings)]);
    const arrangementHeaders = [{ text: 'Arrangement' }, { text: 'Service area' }, { text: 'Partners' }, { text: 'Start', number: true }, { text: 'End', number: true }, { text: 'Status' }, { text: 'Annual savings', number: true }];
    view.appendChild(simpleTable('council-current', 'Current arrangements (partners are orange on the map)', arrangementHeaders, arrangementRows(current)));
    view.appendChild(simpleTable('council-ended', 'Ended arrangements', arrangementHeaders, arrangementRows(ended)));

    const shares = (other) => currentAreas(other).join(', ') || 'nothing reported';
    view.appendChild(simpleTable('council-neighbours', 'Neighbours and what each shares', [{ text: 'Neighbour' }, { text: 'Why' }, { text: 'Distance (km)', number: true }, { text: 'Shares (current)' }],
      c.neighbours.map((n) => [councilButton(n.code), n.why, n.distanceKm, shares(n.code)])));
    view.appendChild(simpleTable('council-peers', 'Councils like it and what each shares', [{ text: 'Council' }, { text: 'Why alike' }, { text: 'Shares (current)' }],
      c.peers.map((p) => [councilButton(p.code), p.why, shares(p.code)])));

    const peerCounts = c.peers.map((p) => (arrangementsOf.get(p.code) || []).filter((a) => !a.hasEnded));
    const median = (values) => {
      if (values.length === 0) return 0;
      const sorted = values.slice().sort((x, y) => x - y);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    view.appendChild(simpleTable('council-compare', 'Compared with the councils like it (current arrangements)', [{ text: 'Measure' }, { text: c.name, number: true }, { text: 'Median of councils like it', number: true }], [
      ['Arrangements', current.length, median(peerCounts.map((l) => l.length))],
      ['Service areas shared', currentAreas(code).length, median(c.peers.map((p) => currentAreas(p.code).length))],
      ['Annual savings', money.format(sum(current, 'annualSavings')), money.format(median(peerCounts.map((l) => sum(l, 'annualSavings'))))],
    ]));

    view.appendChild(simpleTable('council-opportunities', 'Opportunities: service areas its neighbours and councils like it share and it does not', [
      { text: 'Service area' }, { text: 'Comparators sharing', number: true }, { text: 'Who shares' }, { text: 'Examples' }, { text: 'Examples\u2019 annual savings', number: true }],
    c.opportunities.map((o) => [
      o.serviceArea + (o.sharedBefore ? ' (shared before)' : ''),
      `${o.sharing} of ${o.comparators} (${o.neighboursSharing} neighbours)`,
      councilList(o.whoShares),
      o.examples.map((k) => arrangementByKey.get(k)).filter(Boolean).map((a) => a.title).join('; '),
      o.exampleAnnualSavings == null ? 'not reported' : money.format(o.exampleAnnualSavings),
    ])));

    view.hidden = false;
    status(`Showing ${c.name}.`);
    document.getElementById('council-search').value = c.name;
    document.body.dataset.council = code;
    performance.mark('council-view-drawn');
    if (focus) heading.focus();
    // The map (hundreds of SVG polygons, the longest step) after the view: at start it follows the first paint.
    if (drawNow) drawMap();
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

  // A deep link's council view is what its reader came for: it is built and painted first, then the map (drawn once,
  // with the council outlined), the charts and the arrangements table, each a task of its own so that the browser can
  // paint and answer input between them; data-ready says everything is drawn.
  headline();
  wireMap();
  wireFinder();
  const linked = hashCode();
  if (linked) openCouncil(linked, false, false);
  // ECharts is inlined after this script, so the view above is built before the browser spends time evaluating it.
  const whenParsed = (work) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', work, { once: true }) : work());
  const steps = [
    drawMap,
    () => {
      pairedBars('by-category', model.byCategory, true);
      pairedBars('by-tier', model.byTierCombination, false);
    },
    () => {
      pairedBars('by-service-area', model.byServiceArea, false);
      pairedBars('by-region', model.byRegion, false);
    },
    () => {
      startYears();
      overTime();
    },
    () => {
      wireTable();
      fromHash();
      window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
      document.body.dataset.ready = 'true';
      performance.mark('page-ready');
    },
  ];
  const next = () => {
    steps.shift()();
    if (steps.length) setTimeout(next, 0);
  };
  whenParsed(() => afterPaint(next));
})();
