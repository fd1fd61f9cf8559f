// "Đề nghị khen thưởng": the nominations the person may see, filtered by period, status and
// award form, a page at a time (the service's `after` cursor), each opened in the detail.
import { $, el, hiddenText, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';
import { STATUSES, SUBJECT_KINDS, statusLabel } from './workflow.mjs';

export function badge(status, label) {
  return el('span', { className: `badge status-${status}` }, label || statusLabel(status));
}

// `ui`: the page's helpers from app.mjs (call, attempt, state, openDetail). The filter and
// the cursors live in `state` (sign-out and a new nomination go back to the first page).
export function nominationsScreen({ call, attempt, state, openDetail }) {
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('nominations').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'nominations-heading' }, 'Đề nghị khen thưởng'),
      el('button', { type: 'button', className: 'button', id: 'new-nomination', 'aria-controls': 'create' },
        'Tạo đề nghị mới')),
    el('form', { className: 'filters', id: 'filters', noValidate: true, 'aria-label': 'Lọc đề nghị' },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'filter-period' }, 'Kỳ'),
        el('select', { id: 'filter-period', name: 'period' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'filter-status' }, 'Trạng thái'),
        el('select', { id: 'filter-status', name: 'status' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'filter-award' }, 'Hình thức'),
        el('select', { id: 'filter-award', name: 'award' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'filter-limit' }, 'Số dòng mỗi trang'),
        el('select', { id: 'filter-limit', name: 'limit' },
          el('option', { value: '10' }, '10'),
          el('option', { value: '20', defaultSelected: true }, '20'),
          el('option', { value: '50' }, '50'))),
      el('div', { className: 'field field-button' },
        el('button', { type: 'submit', className: 'button button-quiet' }, 'Lọc'))),
    el('div', { className: 'table-scroll', tabIndex: 0, role: 'region',
      'aria-label': 'Danh sách đề nghị khen thưởng' },
      el('table', { className: 'list-table', id: 'nomination-table' },
        el('caption', { className: 'visually-hidden' }, 'Danh sách đề nghị khen thưởng'),
        el('thead', {},
          el('tr', {},
            el('th', { scope: 'col' }, 'Số'),
            el('th', { scope: 'col' }, 'Đối tượng'),
            el('th', { scope: 'col' }, 'Hình thức, kỳ'),
            el('th', { scope: 'col' }, 'Trạng thái'),
            el('th', { scope: 'col' }, 'Cập nhật'),
            el('th', { scope: 'col' }, el('span', { className: 'visually-hidden' }, 'Thao tác')))),
        el('tbody', {}))),
    el('p', { className: 'empty', id: 'list-empty', hidden: true }, 'Không có đề nghị nào phù hợp với bộ lọc.'),
    el('nav', { className: 'pager', 'aria-label': 'Phân trang danh sách đề nghị' },
      el('button', { type: 'button', className: 'button button-quiet', id: 'page-prev' }, '‹ Trang trước'),
      el('span', { id: 'page-info', 'aria-live': 'polite' }, 'Trang 1'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'page-next' }, 'Trang sau ›')));

  function fillFilters(periods, awards) {
    const f = state.filter;
    $('filter-period').replaceChildren(option('', 'Tất cả các kỳ'),
      ...periods.map((p) => option(p.id, p.label, p.id === f.period)));
    $('filter-status').replaceChildren(option('', 'Tất cả trạng thái'),
      ...STATUSES.map(([code, label]) => option(code, label, code === f.status)));
    $('filter-award').replaceChildren(option('', 'Tất cả hình thức'),
      ...awards.map((a) => option(a.code, a.label, a.code === f.award)));
  }

  async function load() {
    const section = $('nominations');
    section.setAttribute('aria-busy', 'true');
    try {
      const query = {};
      for (const [k, v] of Object.entries(state.filter)) if (v) query[k] = v;
      const after = state.cursors[state.page];
      if (after) query.after = after;
      const data = await call(endpoints.nominations(query));
      // One wrapper per cell: on a phone each cell is a two-column grid (label, content).
      const cell = (label, ...content) => el('td', { dataset: { label } }, el('div', {}, ...content));
      const rows = data.items.map((n) => el('tr', { dataset: { id: n.id, status: n.status } },
        cell('Số', n.id),
        cell('Đối tượng',
          el('span', { className: 'subject-name' }, n.subject_name),
          el('span', { className: 'subject-meta' },
            `${SUBJECT_KINDS[n.subject_kind] || n.subject_kind} · ${n.unit_name}`)),
        cell('Hình thức',
          el('span', { className: 'award-name' }, n.award_label),
          el('span', { className: 'subject-meta' }, n.period_label)),
        cell('Trạng thái', badge(n.status, n.status_label)),
        cell('Cập nhật', formatInstant(n.updated_at)),
        el('td', { className: 'row-actions' },
          el('button', {
            type: 'button', className: 'button button-small',
            onclick: () => attempt(() => openDetail(n.id)),
          }, 'Xem', hiddenText(` đề nghị số ${n.id}`)))));
      $('nomination-table').tBodies[0].replaceChildren(...rows);
      $('list-empty').hidden = rows.length > 0;
      state.nextAfter = data.next_after || null;
      $('page-prev').disabled = state.page === 0;
      $('page-next').disabled = !state.nextAfter;
      $('page-info').textContent = `Trang ${state.page + 1}`;
    } finally {
      section.removeAttribute('aria-busy');
    }
  }

  function applyFilters(event) {
    event.preventDefault();
    state.filter = {
      period: $('filter-period').value,
      status: $('filter-status').value,
      award: $('filter-award').value,
      limit: $('filter-limit').value,
    };
    state.cursors = [''];
    state.page = 0;
    attempt(load);
  }

  return {
    fillFilters,
    load,
    wire() {
      $('filters').addEventListener('submit', applyFilters);
      $('page-next').addEventListener('click', () => {
        if (!state.nextAfter) return;
        state.cursors[state.page + 1] = state.nextAfter;
        state.page += 1;
        attempt(load);
      });
      $('page-prev').addEventListener('click', () => {
        if (state.page === 0) return;
        state.page -= 1;
        attempt(load);
      });
    },
    reset() {
      $('nomination-table').tBodies[0].replaceChildren();
    },
  };
}
