// "Báo cáo năm của các tổ": the report year the yearly cards show (its select sits in this
// card's head), and who has and has not sent their part (not shown to staff: a 403 hides it).
import { $, el, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';
import { YEARS } from './movement.mjs';

const REPORT_STATUS = { submitted: 'Đã nộp', draft: 'Đang soạn', missing: 'Chưa nộp' };

// `ui`: the page's helpers from app.mjs (state, loadRoleCard).
export function unitReportsScreen({ state, loadRoleCard }) {
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('reports').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'reports-heading' }, 'Báo cáo năm của các tổ'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'report-year' }, 'Năm báo cáo'),
        el('select', { id: 'report-year' }))),
    el('p', { className: 'report-summary', id: 'report-summary', 'aria-live': 'polite' }),
    el('ul', { className: 'report-units', id: 'report-units' }),
    el('p', { className: 'hint' },
      'Mỗi tổ gửi phần của mình; nhà trường tổng hợp và gửi UBND xã trước hạn 30/10.'));

  // The year whose report comes due next (from the deadline in the header), else this year.
  function defaultReportYear() {
    const due = state.nextDeadline && state.nextDeadline.due_date;
    return due ? due.slice(0, 4) : String(new Date().getFullYear());
  }

  function fillYears() {
    const select = $('report-year');
    const chosen = select.value || defaultReportYear();
    const years = YEARS.map(String);
    if (!years.includes(chosen)) years.push(chosen);
    select.replaceChildren(...years.map((y) => option(y, `Năm ${y}`, y === chosen)));
  }

  function load() {
    const year = $('report-year').value;
    return loadRoleCard($('reports'), endpoints.contributions(year), (data) => {
      const units = Array.isArray(data.units) ? data.units : [];
      const done = units.filter((u) => u.status === 'submitted');
      const owing = units.filter((u) => u.status !== 'submitted');
      $('report-summary').textContent = units.length === 0
        ? `Năm ${year}: không có tổ nào phải nộp.`
        : `Năm ${year}: ${done.length}/${units.length} tổ đã nộp.`
          + (owing.length ? ` Còn thiếu: ${owing.map((u) => u.unit_name).join(', ')}.` : ' Đã đủ.');
      $('report-units').replaceChildren(...units.map((u) => {
        let note = '';
        if (u.status === 'submitted' && u.submitted_at) note = `lúc ${formatInstant(u.submitted_at)}`;
        if (u.late) note += note ? ' · nộp muộn' : 'nộp muộn';
        return el('li', { dataset: { unit: u.unit_id } },
          el('span', { className: 'report-unit' }, u.unit_name),
          el('span', { className: `badge report-${u.status}` }, REPORT_STATUS[u.status] || u.status),
          note ? el('span', { className: 'hint' }, note) : '');
      }));
    });
  }

  return {
    fillYears,
    load,
    reset() {
      $('report-units').replaceChildren();
      $('report-summary').textContent = '';
      $('reports').hidden = true;
    },
  };
}
