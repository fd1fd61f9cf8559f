// "Thống kê" (issue 12), for the board and the council: nominations proposed, approved by the
// council and awarded, per unit, per award form and per year; and when the units handed in
// their parts of the year's report, against their due date. Two calls: nominations'
// GET /statistics and reports' GET /contributions/{year}. The charts are SVG bars drawn with
// attributes (the CSP allows no inline style); each has a table with the same figures for
// screen readers. Each chart's "Tải Excel" downloads a workbook of that chart's figures, made by
// the services, under its Vietnamese name.
import { ApiError, saveFile } from './api.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate } from './format.mjs';
import { YEARS } from './movement.mjs';

const SERIES = [['proposed', 'Đã đề nghị'], ['approved', 'Hội đồng thông qua'], ['awarded', 'Được khen thưởng']];
const READERS = ['admin', 'council'];
const SVG = 'http://www.w3.org/2000/svg';

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, state, signOut).
export function statisticsScreen(ui) {
  const { $, el, call, attempt, state, signOut } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('statistics').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'statistics-heading' }, 'Thống kê'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'statistics-year' }, 'Năm'),
        el('select', { id: 'statistics-year' }))),
    el('p', { className: 'report-summary', id: 'statistics-summary', 'aria-live': 'polite' }),
    el('ul', { className: 'chart-legend', 'aria-hidden': 'true' },
      el('li', {}, el('span', { className: 'swatch swatch-proposed' }), 'Đã đề nghị'),
      el('li', {}, el('span', { className: 'swatch swatch-approved' }), 'Hội đồng thông qua'),
      el('li', {}, el('span', { className: 'swatch swatch-awarded' }), 'Được khen thưởng')),
    el('div', { className: 'statistics-part' },
      el('h3', { id: 'statistics-units-heading' }, 'Đề nghị khen thưởng theo tổ'),
      el('ol', { className: 'chart', id: 'statistics-units-chart', 'aria-hidden': 'true' }),
      el('div', { className: 'visually-hidden' }, el('table', { id: 'statistics-units-table' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'statistics-units-xlsx' },
          'Tải Excel theo tổ'))),
    el('div', { className: 'statistics-part' },
      el('h3', { id: 'statistics-awards-heading' }, 'Theo hình thức khen thưởng'),
      el('ol', { className: 'chart', id: 'statistics-awards-chart', 'aria-hidden': 'true' }),
      el('div', { className: 'visually-hidden' }, el('table', { id: 'statistics-awards-table' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'statistics-awards-xlsx' },
          'Tải Excel theo hình thức'))),
    el('div', { className: 'statistics-part' },
      el('h3', { id: 'statistics-years-heading' }, 'Qua các năm của phong trào'),
      el('p', { className: 'hint', id: 'statistics-years-empty', hidden: true },
        'Chưa có đề nghị nào được trình.'),
      el('ol', { className: 'chart', id: 'statistics-years-chart', 'aria-hidden': 'true' }),
      el('div', { className: 'visually-hidden' }, el('table', { id: 'statistics-years-table' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'statistics-years-xlsx' },
          'Tải Excel qua các năm'))),
    el('div', { className: 'statistics-part' },
      el('h3', { id: 'statistics-submissions-heading' }, 'Các tổ nộp phần báo cáo năm'),
      el('p', { className: 'hint', id: 'statistics-submissions-due' }),
      el('ol', { className: 'chart', id: 'statistics-submissions-chart', 'aria-hidden': 'true' }),
      el('p', { className: 'hint', id: 'statistics-submissions-missing' }),
      el('div', { className: 'visually-hidden' }, el('table', { id: 'statistics-submissions-table' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'statistics-submissions-xlsx' },
          'Tải Excel nộp báo cáo'))),
    el('p', { className: 'hint' },
      'Đã đề nghị: đề nghị đã trình Hội đồng (không tính bản nháp và đề nghị đã rút). Hội đồng thông qua: '
      + 'kể cả đề nghị đã gửi cấp khen thưởng. Năm là năm của kỳ khen thưởng; cá nhân được tính cho tổ của '
      + 'mình lúc được đề nghị.'));

  let shownYear = null;

  const svg = (tag, attrs, ...children) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    node.append(...children);
    return node;
  };
  // One row's bars, as wide as their share of `max` (a viewBox of 100 wide, stretched).
  function bars(values, max, classes) {
    const height = 8;
    const gap = 3;
    const box = svg('svg', {
      class: 'chart-bars', viewBox: `0 0 100 ${values.length * (height + gap) - gap}`,
      preserveAspectRatio: 'none', focusable: 'false',
    });
    values.forEach((v, i) => box.append(svg('rect', {
      class: classes[i], x: 0, y: i * (height + gap), height, width: max > 0 ? (100 * v) / max : 0,
    })));
    return box;
  }

  // A chart of `rows` ({label, note, values}) and the same as a table; `headers` name the
  // values' columns; a bar of `max` spans the chart (by default the largest value).
  function chart(id, rows, headers, classes, caption, max = Math.max(0, ...rows.flatMap((r) => r.values))) {
    $(`${id}-chart`).replaceChildren(...rows.map((r) => el('li', { className: 'chart-row' },
      el('span', { className: 'chart-label' }, r.label, r.note ? el('span', { className: 'hint' }, ` (${r.note})`) : null),
      bars(r.values, max, classes),
      el('span', { className: 'chart-values' }, r.shown || r.values.join(' · ')))));
    $(`${id}-table`).replaceChildren(
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {},
        el('th', { scope: 'row' }, r.label + (r.note ? ` (${r.note})` : '')),
        ...(r.cells || r.values).map((v) => el('td', {}, String(v)))))));
  }

  const counts = (c) => SERIES.map(([key]) => Number(c[key]) || 0);
  const seriesClasses = SERIES.map(([key]) => `bar-${key}`);

  function showNominations(s) {
    const year = s.year;
    const t = s.totals;
    $('statistics-summary').textContent = `Năm ${year}: ${t.proposed} đề nghị đã trình, `
      + `${t.approved} được Hội đồng thông qua, ${t.awarded} được khen thưởng.`;
    const headers = (first) => [first, ...SERIES.map(([, label]) => label)];
    chart('statistics-units', s.by_unit.map((u) => ({
      label: u.unit_name, note: u.active ? '' : 'đã ngừng hoạt động', values: counts(u),
    })), headers('Tổ, bộ phận'), seriesClasses, `Đề nghị khen thưởng theo tổ năm ${year}`);
    chart('statistics-awards', s.by_award.map((a) => ({ label: a.award_label, values: counts(a) })),
      headers('Hình thức khen thưởng'), seriesClasses, `Đề nghị khen thưởng theo hình thức năm ${year}`);
    $('statistics-years-empty').hidden = s.by_year.length > 0;
    chart('statistics-years', s.by_year.map((y) => ({ label: `Năm ${y.year}`, values: counts(y) })),
      headers('Năm'), seriesClasses, 'Đề nghị khen thưởng qua các năm');
  }

  // Submissions over time: one row per day a unit submitted, the bar the units submitted by
  // then (of those that owe), late days marked.
  function showSubmissions(c) {
    const units = Array.isArray(c.units) ? c.units : [];
    const due = c.unit_due_date;
    $('statistics-submissions-heading').textContent = `Các tổ nộp phần báo cáo năm ${c.year}`;
    $('statistics-submissions-due').textContent = `Hạn nộp của các tổ: ${formatDate(due)}.`;
    const days = new Map();
    for (const u of units.filter((x) => x.status === 'submitted' && x.submitted_on)) {
      days.set(u.submitted_on, [...(days.get(u.submitted_on) || []), u.unit_name]);
    }
    let total = 0;
    const rows = [...days.keys()].sort().map((day) => {
      const names = days.get(day);
      total += names.length;
      const late = day > due;
      return {
        label: formatDate(day),
        note: late ? 'sau hạn' : '',
        values: [total],
        shown: `${total}/${units.length} tổ: ${names.join(', ')}`,
        cells: [names.join(', '), `${total}/${units.length}`],
        late,
      };
    });
    chart('statistics-submissions', rows, ['Ngày nộp', 'Tổ nộp trong ngày', 'Số tổ đã nộp (cộng dồn)'],
      ['bar-submitted'], `Các tổ nộp phần báo cáo năm ${c.year}, hạn ${formatDate(due)}`, units.length);
    // The bars of days after the due date in the late colour (the SVG's class, not a style).
    [...$('statistics-submissions-chart').children].forEach((li, i) => {
      if (rows[i].late) li.querySelector('rect').setAttribute('class', 'bar-late');
    });
    const owing = units.filter((u) => u.status !== 'submitted').map((u) => u.unit_name);
    $('statistics-submissions-missing').textContent = owing.length
      ? `Chưa nộp: ${owing.join(', ')}.` : 'Tất cả các tổ đã nộp.';
  }

  async function load(year) {
    const s = await call(endpoints.statistics(year));
    shownYear = s.year;
    const options = [...new Set([...YEARS, ...s.years, s.year])].sort();
    $('statistics-year').replaceChildren(...options.map((y) => el('option',
      { value: String(y), selected: y === s.year }, `Năm ${y}`)));
    const contributions = await call(endpoints.contributions(s.year));
    showNominations(s);
    showSubmissions(contributions);
    $('statistics').hidden = false;
  }

  async function download(path) {
    try {
      await saveFile(path, `thong-ke-${shownYear}.xlsx`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signOut();
      throw error;
    }
  }

  return {
    wire() {
      $('statistics-year').addEventListener('change', () =>
        attempt(() => load($('statistics-year').value), { busy: $('statistics') }));
      for (const chart of ['units', 'awards', 'years']) {
        $(`statistics-${chart}-xlsx`).addEventListener('click', () =>
          attempt(() => download(endpoints.statisticsXlsx(shownYear, chart))));
      }
      $('statistics-submissions-xlsx').addEventListener('click', () =>
        attempt(() => download(endpoints.submissionsXlsx(shownYear))));
    },
    // Only the board and the council see it (the services refuse the others too).
    async start() {
      if (!READERS.includes((state.me || {}).role)) return;
      await load('');
    },
    reset() {
      shownYear = null;
      for (const id of ['units', 'awards', 'years', 'submissions']) {
        $(`statistics-${id}-chart`).replaceChildren();
        $(`statistics-${id}-table`).replaceChildren();
      }
      $('statistics').hidden = true;
    },
  };
}
