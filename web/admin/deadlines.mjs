// The board's form for a deadline (issue 14, "Nhắc hạn"): add one the school owes (a
// self-assessment due 31/5, a report to the Sở by a date) or edit one, without curl. The
// service keeps deadlines as data (PUT /api/reports/v1/deadlines/{id},
// proto/openapi/reports.yaml DeadlineInput) and plans their reminders; this form only collects
// the fields, checks what a person can get wrong, and shows the service's refusal otherwise.
import { ApiError } from './api.mjs';
import { formatDate, idFromName, pad, parseVnDate } from './format.mjs';

export const deadlineEndpoint = (id) => `/api/reports/v1/deadlines/${encodeURIComponent(id)}`;

// How often, as the board says it; units_due is the units' own due day set for the school.
export const RULES = {
  once: 'Một lần, vào một ngày',
  yearly: 'Hằng năm, vào một ngày và tháng',
  units_due: 'Hằng năm, vào hạn nộp nội bộ của các tổ',
};
export const OWNERS = {
  school: 'Nhà trường (Ban giám hiệu đánh dấu khi xong)',
  units: 'Các tổ, mỗi tổ nộp phần của mình',
  // Issue 14: done when each unit and everyone in it has registered (submitted is enough).
  registrations: 'Cán bộ và các tổ đăng ký thi đua (xong khi mỗi tổ và mọi thầy cô đã đăng ký)',
};

// "31/5" or "31/05" -> { day: 31, month: 5 }; null unless the day exists in some year (29/2 does).
export function parseDayMonth(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\s*$/.exec(text || '');
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1) return null;
  return day <= new Date(Date.UTC(2024, month, 0)).getUTCDate() ? { day, month } : null;
}

// The request body from the form's values, or [field, sentence] naming what to fix first.
// `values`: { name, recipient, owed_by, rule, date, day_month, first_year, last_year }.
export function deadlineBody(values, kept = {}) {
  const name = values.name.trim();
  const recipient = values.recipient.trim();
  if (!name) return { problem: ['name', 'Hãy ghi việc phải làm, ví dụ: Tự đánh giá mức độ chuyển đổi số.'] };
  if (!recipient) return { problem: ['recipient', 'Hãy ghi nơi nhận, ví dụ: Sở Giáo dục và Đào tạo.'] };
  const body = { name, recipient, owed_by: values.owed_by, rule: values.rule };
  if (kept.document) body.document = kept.document;
  if (values.rule === 'once') {
    const date = parseVnDate(values.date);
    if (!date) return { problem: ['date', 'Ngày hạn ghi theo dạng ngày/tháng/năm, ví dụ 31/05/2027.'] };
    body.date = date;
    return { body };
  }
  if (values.rule === 'yearly') {
    const dm = parseDayMonth(values.day_month);
    if (!dm) return { problem: ['day_month', 'Ngày hạn hằng năm ghi theo dạng ngày/tháng, ví dụ 31/05.'] };
    Object.assign(body, dm);
  }
  for (const key of ['first_year', 'last_year']) {
    const text = String(values[key] || '').trim();
    if (!text) continue;
    if (!/^\d{4}$/.test(text)) {
      return { problem: [key, 'Năm ghi đủ bốn chữ số, ví dụ 2027; bỏ trống nếu không giới hạn.'] };
    }
    body[key] = Number(text);
  }
  if (body.first_year && body.last_year && body.last_year < body.first_year) {
    return { problem: ['last_year', '“Đến năm” không được trước “Từ năm”.'] };
  }
  return { body };
}

// The board's button and form to add or edit a deadline, placed in "Nhắc hạn" by reminders.mjs;
// `el`: the page's element builder (dom.mjs).
export const deadlineFormMarkup = (el) => [
  el('button', { type: 'button', className: 'button button-quiet', id: 'deadline-new', 'aria-expanded': 'false',
    'aria-controls': 'deadline-form' },
    'Thêm hạn chót'),
  el('form', { className: 'deadline-form', id: 'deadline-form', noValidate: true,
    'aria-labelledby': 'deadline-form-title', hidden: true },
    el('h3', { id: 'deadline-form-title' }, 'Thêm hạn chót'),
    el('div', { className: 'form-grid' },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-name' }, 'Việc phải làm'),
        el('input', { type: 'text', id: 'deadline-form-name', name: 'name', maxLength: 300, autocomplete: 'off',
          placeholder: 'Tự đánh giá mức độ chuyển đổi số', 'aria-describedby': 'deadline-form-error' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-recipient' }, 'Gửi cho'),
        el('input', { type: 'text', id: 'deadline-form-recipient', name: 'recipient', maxLength: 300,
          autocomplete: 'off', placeholder: 'Sở Giáo dục và Đào tạo' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-owed-by' }, 'Ai phải làm'),
        el('select', { id: 'deadline-form-owed-by', name: 'owed_by' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-rule' }, 'Lặp lại'),
        el('select', { id: 'deadline-form-rule', name: 'rule' })),
      el('div', { className: 'field', id: 'deadline-form-once' },
        el('label', { htmlFor: 'deadline-form-date' }, 'Ngày hạn (ngày/tháng/năm)'),
        el('input', { type: 'text', id: 'deadline-form-date', name: 'date', inputMode: 'numeric',
          autocomplete: 'off', placeholder: '31/05/2027' })),
      el('div', { className: 'field', id: 'deadline-form-yearly', hidden: true },
        el('label', { htmlFor: 'deadline-form-day-month' }, 'Ngày hạn hằng năm (ngày/tháng)'),
        el('input', { type: 'text', id: 'deadline-form-day-month', name: 'day_month', inputMode: 'numeric',
          autocomplete: 'off', placeholder: '31/05' }))),
    el('div', { className: 'form-grid', id: 'deadline-form-years', hidden: true },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-first-year' }, 'Từ năm (nếu có)'),
        el('input', { type: 'text', id: 'deadline-form-first-year', name: 'first_year', inputMode: 'numeric',
          maxLength: 4, autocomplete: 'off' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'deadline-form-last-year' }, 'Đến năm (nếu có)'),
        el('input', { type: 'text', id: 'deadline-form-last-year', name: 'last_year', inputMode: 'numeric',
          maxLength: 4, autocomplete: 'off' }))),
    el('p', { className: 'field-error', id: 'deadline-form-error', 'aria-live': 'polite' }),
    el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button', id: 'deadline-form-submit' }, 'Lưu hạn chót'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'deadline-form-cancel' }, 'Thôi'))),
];

// `ctx`: $, el, call, attempt, notify; `taken()`: the ids in use; `saved()`: reload after a save.
export function deadlineForm(ctx, { taken, saved }) {
  const { $ } = ctx;
  let editing = null;
  const field = (key) => $(`deadline-form-${key.replace('_', '-')}`);
  const keys = ['name', 'recipient', 'owed_by', 'rule', 'date', 'day_month', 'first_year', 'last_year'];

  function showRule() {
    const rule = field('rule').value;
    $('deadline-form-once').hidden = rule !== 'once';
    $('deadline-form-yearly').hidden = rule !== 'yearly';
    $('deadline-form-years').hidden = rule === 'once';
  }

  function open(d) {
    editing = d || null;
    const form = $('deadline-form');
    $('deadline-form-error').textContent = '';
    field('name').value = d ? d.name : '';
    field('recipient').value = d ? d.recipient : '';
    field('owed_by').value = d ? d.owed_by : 'school';
    field('rule').value = d ? d.rule : 'once';
    field('date').value = d && d.date ? formatDate(d.date) : '';
    field('day_month').value = d && d.month ? `${pad(d.day)}/${pad(d.month)}` : '';
    field('first_year').value = d && d.first_year ? String(d.first_year) : '';
    field('last_year').value = d && d.last_year ? String(d.last_year) : '';
    $('deadline-form-title').textContent = d ? `Sửa hạn chót: ${d.name}` : 'Thêm hạn chót';
    showRule();
    form.hidden = false;
    $('deadline-new').setAttribute('aria-expanded', 'true');
    field('name').focus();
  }

  function close() {
    editing = null;
    $('deadline-form').hidden = true;
    $('deadline-new').setAttribute('aria-expanded', 'false');
  }

  async function submit(event) {
    event.preventDefault();
    const values = Object.fromEntries(keys.map((k) => [k, field(k).value]));
    const { body, problem } = deadlineBody(values, editing || {});
    const box = $('deadline-form-error');
    box.textContent = '';
    if (problem) {
      box.textContent = problem[1];
      field(problem[0]).focus();
      return;
    }
    const id = editing ? editing.id : idFromName(body.name, new Set(taken()), { max: 60, fallback: 'han' });
    try {
      await ctx.call(deadlineEndpoint(id), { method: 'PUT', body });
    } catch (error) {
      // The service's own refusal (30/2, a year range it does not accept) beside the form.
      if (error instanceof ApiError && [400, 409, 422].includes(error.status)) {
        box.textContent = error.message;
        return;
      }
      throw error;
    }
    const was = editing;
    close();
    await saved();
    ctx.notify(was ? `Đã lưu hạn chót “${body.name}”.` : `Đã thêm hạn chót “${body.name}”; lịch nhắc đã có hạn này.`);
  }

  function wire() {
    field('owed_by').replaceChildren(...Object.entries(OWNERS).map(([v, t]) => ctx.el('option', { value: v }, t)));
    field('rule').replaceChildren(...Object.entries(RULES).map(([v, t]) => ctx.el('option', { value: v }, t)));
    field('rule').addEventListener('change', showRule);
    $('deadline-new').addEventListener('click', () => open(null));
    $('deadline-form-cancel').addEventListener('click', close);
    $('deadline-form').addEventListener('submit', (event) => ctx.attempt(() => submit(event), { busy: $('deadline-form') }));
  }

  return { wire, open, close };
}
