// "Chỉ tiêu": for the chosen period, each award form's places used and the limit, per
// collective and individual, with a meter where there is a number to fill.
import { $, el, hiddenText, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { quotaLimitText } from './format.mjs';

function quotaCell(item) {
  const td = el('td', { className: 'quota-cell', dataset: { award: item.award, kind: item.subject_kind } });
  const numeric = typeof item.limit === 'number';
  td.append(el('span', { className: 'q-numbers' },
    hiddenText('Đã dùng '),
    el('span', { className: 'q-used' }, String(item.used)),
    el('span', { 'aria-hidden': 'true' }, ' / '),
    hiddenText(', chỉ tiêu '),
    el('span', { className: 'q-limit' }, quotaLimitText(item.limit))));
  let note;
  let tone = '';
  if (!numeric) {
    note = item.limit === 'unlimited' ? 'không giới hạn' : 'cần đặt chỉ tiêu trước khi trình';
    tone = item.limit === 'unlimited' ? '' : 'q-unset';
  } else if (item.limit === 0) {
    note = 'không có chỉ tiêu';
    tone = 'q-none';
  } else {
    td.append(el('meter', {
      className: 'q-meter', min: 0, max: item.limit, value: item.used,
      low: item.limit * 0.5, high: item.limit * 0.99, optimum: 0, 'aria-hidden': 'true',
    }));
    note = item.remaining > 0 ? `còn ${item.remaining} chỉ tiêu` : 'đã hết chỉ tiêu';
    tone = item.remaining > 0 ? '' : 'q-full';
  }
  td.append(el('span', { className: `q-remaining ${tone}`.trim() }, note));
  return td;
}

// `ui`: the page's helpers from app.mjs (call).
export function quotasScreen({ call }) {
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('quotas').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'quotas-heading' }, 'Chỉ tiêu'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'quota-period' }, 'Kỳ khen thưởng'),
        el('select', { id: 'quota-period' }))),
    el('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-labelledby': 'quota-caption' },
      el('table', { className: 'quota-table', id: 'quota-table' },
        el('caption', { id: 'quota-caption' }, 'Chỉ tiêu đã dùng theo hình thức khen thưởng và đối tượng'),
        el('thead', {},
          el('tr', {},
            el('th', { scope: 'col' }, 'Hình thức khen thưởng'),
            el('th', { scope: 'col' }, 'Tập thể'),
            el('th', { scope: 'col' }, 'Cá nhân'))),
        el('tbody', {}))),
    el('p', { className: 'hint' },
      'Chỉ tiêu được tính khi đề nghị đã trình và trả lại khi đề nghị bị rút, không được thông qua hoặc không '
      + 'được khen thưởng.'));

  // The periods of the catalogue; the one chosen stays chosen, else `now`.
  function fillPeriods(periods, now) {
    const quotaPeriod = $('quota-period');
    const quotaValue = quotaPeriod.value || now;
    quotaPeriod.replaceChildren(...periods.map((p) => option(p.id, p.label, p.id === quotaValue)));
  }

  async function load() {
    const period = $('quota-period').value;
    if (!period) return;
    const section = $('quotas');
    section.setAttribute('aria-busy', 'true');
    try {
      const data = await call(endpoints.quotas(period));
      $('quota-caption').textContent = `${data.period_label}: chỉ tiêu đã dùng / tổng số`;
      const rows = new Map();
      for (const item of data.items) {
        if (!rows.has(item.award)) rows.set(item.award, { label: item.award_label, cells: {} });
        rows.get(item.award).cells[item.subject_kind] = item;
      }
      const body = [];
      for (const [code, row] of rows) {
        const tr = el('tr', { dataset: { award: code } }, el('th', { scope: 'row' }, row.label));
        for (const kind of ['collective', 'individual']) {
          tr.append(row.cells[kind] ? quotaCell(row.cells[kind]) : el('td', {}, '—'));
        }
        body.push(tr);
      }
      $('quota-table').tBodies[0].replaceChildren(...body);
    } finally {
      section.removeAttribute('aria-busy');
    }
  }

  return {
    fillPeriods,
    load,
    reset() {
      $('quota-table').tBodies[0].replaceChildren();
    },
  };
}
