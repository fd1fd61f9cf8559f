// "Chỉ số báo cáo" (issue 14): the indicators each unit's part counts, per content area, with
// their unit of measure, one list per year. Everyone writing a part sees the year's list; the
// board edits it here. The rules are the service's (services/reports/domain/indicators.cpp):
// an indicator a unit has already counted that year cannot be dropped, only renamed.
import { idFromName } from './format.mjs';
import { AREA_CODES } from './movement.mjs';

export const indicatorsPath = (year) => `/api/reports/v1/indicators/${encodeURIComponent(year)}`;

// A code for a new indicator from its name ("Bảng tương tác" → "bang_tuong_tac").
const codeFor = (label, taken) => idFromName(label, taken, { sep: '_', max: 34, fallback: 'chi_so' });

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function indicatorsScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('indicators').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'indicators-heading' }, 'Chỉ số báo cáo năm ', el('span', { id: 'indicators-year' }))),
    el('p', { className: 'report-summary', id: 'indicators-status', 'aria-live': 'polite' }),
    el('form', { id: 'indicators-form', noValidate: true },
      el('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': 'Bảng chỉ số báo cáo' },
        el('table', { className: 'list-table indicators-table' },
          el('thead', {},
            el('tr', {},
              el('th', { scope: 'col' }, 'Chỉ số'),
              el('th', { scope: 'col' }, 'Nội dung'),
              el('th', { scope: 'col' }, 'Đơn vị tính'),
              el('th', { scope: 'col' }, el('span', { className: 'visually-hidden' }, 'Bỏ')))),
          el('tbody', { id: 'indicators-rows' }))),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'indicators-add' }, 'Thêm chỉ số'),
        el('button', { type: 'submit', className: 'button' }, 'Lưu danh sách'))),
    el('p', { className: 'hint' },
      'Các tổ ghi số liệu theo danh sách này trong “Phần báo cáo của tổ”. Chỉ số đã có tổ ghi số liệu thì '
      + 'không bỏ được, chỉ sửa tên. Năm theo ô “Năm báo cáo” ở trên.'));

  const edits = () => state.me && state.me.role === 'admin';
  const year = () => $('report-year').value;

  function row(item) {
    const tr = el('tr', { dataset: { code: item.code || '' } },
      el('td', { dataset: { label: 'Chỉ số' } }, el('input', {
        className: 'indicator-label', value: item.label || '', maxLength: 200,
        'aria-label': 'Tên chỉ số', required: true,
      })),
      el('td', { dataset: { label: 'Nội dung' } }, el('select', { className: 'indicator-area', 'aria-label': 'Nội dung' },
        ...AREA_CODES.map((a) => el('option', { value: a, selected: a === (item.area || 'II.4') }, a)))),
      el('td', { dataset: { label: 'Đơn vị tính' } }, el('input', {
        className: 'indicator-unit', value: item.unit || '', maxLength: 40,
        'aria-label': 'Đơn vị tính', placeholder: 'bài, buổi, người',
      })),
      el('td', { className: 'row-actions' }, el('button', {
        type: 'button', className: 'button button-quiet',
        onclick: () => tr.remove(),
      }, 'Bỏ')));
    return tr;
  }

  function listFromForm() {
    const rows = [...$('indicators-rows').querySelectorAll('tr')];
    const taken = new Set(rows.map((r) => r.dataset.code).filter(Boolean));
    return rows.map((r) => {
      const label = r.querySelector('.indicator-label').value.trim();
      let code = r.dataset.code;
      if (!code) {
        code = codeFor(label, taken);
        taken.add(code);
      }
      return {
        code, label, area: r.querySelector('.indicator-area').value,
        unit: r.querySelector('.indicator-unit').value.trim(),
      };
    });
  }

  function show(data) {
    $('indicators-year').textContent = String(data.year);
    $('indicators-status').textContent = data.edited
      ? 'Danh sách do Ban giám hiệu đã sửa cho năm này.'
      : 'Danh sách theo kế hoạch (chưa sửa cho năm này).';
    $('indicators-rows').replaceChildren(...data.indicators.map(row));
  }

  async function start() {
    if (!edits()) {
      $('indicators').hidden = true;
      return;
    }
    $('indicators').hidden = false;
    show(await call(indicatorsPath(year())));
  }

  async function save(event) {
    event.preventDefault();
    const indicators = listFromForm();
    const saved = await call(indicatorsPath(year()), { method: 'PUT', body: { indicators } });
    show(saved);
    notify(`Đã lưu ${saved.indicators.length} chỉ số của năm ${saved.year}.`);
  }

  return {
    start,
    wire() {
      $('indicators-add').addEventListener('click', () => {
        const added = row({});
        $('indicators-rows').append(added);
        added.querySelector('.indicator-label').focus();
      });
      $('indicators-form').addEventListener('submit',
        (event) => attempt(() => save(event), { busy: $('indicators') }));
    },
    reset() {
      $('indicators-rows').replaceChildren();
      $('indicators').hidden = true;
    },
  };
}
