// "Nhắc hạn" (issue 14): the coming deadlines, each with its own state (the units that still
// owe their part, whether the school has done a deadline it owes, which the board marks
// here, or the units whose people have not all registered their targets), and the year's
// reminder plan: what went out, what was skipped and why, what was missed while the service
// was down, and what is still to come. Admins only: the plan's
// route answers 403 to anyone else and the card stays hidden.
import { ApiError } from './api.mjs';
import { $ } from './dom.mjs';
import { formatDate, formatInstant, parseVnDate, vnToday, vnTodayText } from './format.mjs';
import { YEARS } from './movement.mjs';
import { deadlineForm, deadlineFormMarkup } from './deadlines.mjs';
import { PLAN_STATES, detailText, offsetText, owingText } from './reminder_text.mjs';

const R = '/api/reports/v1';
export const reminderEndpoints = {
  deadlines: `${R}/deadlines?count=2`,
  plan: (year) => `${R}/reminders/${encodeURIComponent(year)}`,
  done: (id) => `${R}/deadlines/${encodeURIComponent(id)}/done`,
};

let ctx = null; // { call, attempt, notify, el, me }
let form = null; // the board's form to add or edit a deadline (deadlines.mjs)
let known = []; // the deadlines as last read, for new ids

function doneForm(d, o) {
  const { el } = ctx;
  const key = `${d.id}-${o.due_date}`;
  const form = el('form', { className: 'done-form', hidden: true, noValidate: true },
    el('div', { className: 'form-grid' },
      el('div', { className: 'field' },
        el('label', { htmlFor: `done-on-${key}` }, 'Ngày hoàn thành (ngày/tháng/năm)'),
        el('input', {
          id: `done-on-${key}`, name: 'done_on', inputMode: 'numeric', autocomplete: 'off',
          value: vnTodayText(),
        })),
      el('div', { className: 'field' },
        el('label', { htmlFor: `done-number-${key}` }, 'Số văn bản (nếu có)'),
        el('input', { id: `done-number-${key}`, name: 'number', maxLength: 64, autocomplete: 'off' }))),
    el('div', { className: 'field' },
      el('label', { htmlFor: `done-note-${key}` }, 'Ghi chú (nếu có)'),
      el('textarea', { id: `done-note-${key}`, name: 'note', rows: 2, maxLength: 500 })),
    el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button' }, 'Xác nhận đã xong')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.attempt(() => markDone(d, o, form), { busy: form });
  });
  return form;
}

async function markDone(d, o, form) {
  const doneOn = parseVnDate(form.elements.done_on.value);
  if (!doneOn) {
    form.elements.done_on.focus();
    throw new ApiError(0, 'form_incomplete', 'Ngày hoàn thành ghi theo dạng ngày/tháng/năm, ví dụ 28/05/2027.');
  }
  const body = { due_date: o.due_date, done_on: doneOn };
  const number = form.elements.number.value.trim();
  const note = form.elements.note.value.trim();
  if (number) body.number = number;
  if (note) body.note = note;
  await ctx.call(reminderEndpoints.done(d.id), { method: 'POST', body });
  ctx.notify(`Đã đánh dấu "${d.name}" (hạn ${formatDate(o.due_date)}) là đã xong.`);
  await loadReminders();
}

function renderDeadlines(data) {
  const { el } = ctx;
  const admin = ctx.me() && ctx.me().role === 'admin';
  const available = !data.units || data.units.available !== false;
  const items = [];
  known = Array.isArray(data.deadlines) ? data.deadlines : [];
  for (const d of known) {
    for (const o of d.occurrences || []) {
      const doneBox = d.owed_by === 'school' && !o.done && admin ? doneForm(d, o) : null;
      items.push(el('li', { dataset: { deadline: d.id, due: o.due_date } },
        el('p', { className: 'deadline-line' },
          el('strong', {}, d.name),
          ` — hạn ${o.due_date_vn} (${o.days_left === 0 ? 'hôm nay' : `còn ${o.days_left} ngày`}), gửi ${d.recipient}`),
        el('p', { className: 'hint' }, owingText(d, o, available)),
        doneBox ? el('button', {
          type: 'button', className: 'button button-quiet', 'aria-expanded': 'false',
          onclick: (event) => {
            doneBox.hidden = !doneBox.hidden;
            event.currentTarget.setAttribute('aria-expanded', String(!doneBox.hidden));
            if (!doneBox.hidden) doneBox.elements.done_on.focus();
          },
        }, 'Đánh dấu đã xong') : null,
        doneBox,
        admin && o === d.occurrences[0] ? el('button', {
          type: 'button', className: 'button button-quiet', 'aria-label': `Sửa hạn chót ${d.name}`,
          onclick: () => form.open(d),
        }, 'Sửa') : null));
    }
  }
  $('reminder-deadlines').replaceChildren(...items);
  $('deadline-new').hidden = !admin;
}

// ---------------------------------------------------------------- the year's plan

// "đã gửi 3 · bị lỡ 6": how many of `reminders` are in each state, in PLAN_STATES's order.
function stateCounts(reminders) {
  const counts = {};
  for (const r of reminders) counts[r.state] = (counts[r.state] || 0) + 1;
  return Object.keys(PLAN_STATES).filter((s) => counts[s])
    .map((s) => `${PLAN_STATES[s].toLowerCase()} ${counts[s]}`).join(' · ');
}

function renderPlan(plan, names) {
  const { el } = ctx;
  const reminders = Array.isArray(plan.reminders) ? plan.reminders : [];
  $('reminder-summary').textContent = reminders.length === 0
    ? `Năm ${plan.year}: không có lần nhắc nào.`
    : `Năm ${plan.year}: ${stateCounts(reminders)}.`;
  const groups = new Map();
  for (const r of reminders) {
    const key = `${r.deadline_id}|${r.due_date}|${r.stage}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const row = (r) => el('tr', { dataset: { key: r.key, state: r.state } },
    el('td', {}, r.at_local),
    el('td', {}, offsetText(r)),
    el('td', {}, el('span', { className: `badge plan-${r.state}` }, PLAN_STATES[r.state] || r.state)),
    el('td', {}, detailText(r),
      r.recorded_at ? el('span', { className: 'hint' }, ` (ghi lúc ${formatInstant(r.recorded_at)})`) : ''));
  const sections = [];
  for (const list of groups.values()) {
    const first = list[0];
    const name = names[first.deadline_id] || first.deadline_id;
    const title = first.stage === 'units'
      ? `${name} — hạn nộp phần của các tổ ${formatDate(first.due_date)}`
      : `${name} — hạn ${formatDate(first.due_date)}`;
    const table = el('table', { className: 'plan-table' },
      el('caption', { className: 'visually-hidden' }, `Lịch nhắc: ${title}`),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Lúc nhắc'),
        el('th', { scope: 'col' }, 'Mốc'),
        el('th', { scope: 'col' }, 'Trạng thái'),
        el('th', { scope: 'col' }, 'Chi tiết'))),
      el('tbody', {}, ...list.map(row)));
    // A deadline whose reminders have all passed is folded to one line with its counts: a
    // year's plan has dozens of rows (45 "Bị lỡ" on a school that started in December), and
    // the board needs the ones to come. Open on a tap.
    sections.push(el('section', {
      className: 'plan-group', dataset: { deadline: first.deadline_id, stage: first.stage },
    },
      el('details', { open: list.some((r) => !r.past) },
        el('summary', {}, el('h3', {}, title), el('span', { className: 'hint' }, stateCounts(list))),
        // A table wider than a phone scrolls; keyboard users reach it too (tabindex, named region).
        el('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': `Lịch nhắc: ${title}` }, table))));
  }
  $('reminder-plan').replaceChildren(...sections);
}

// ---------------------------------------------------------------- wiring

export async function loadReminders() {
  const section = $('reminders');
  const year = $('reminder-year').value || String(vnToday().year);
  section.setAttribute('aria-busy', 'true');
  try {
    let plan;
    try {
      plan = await ctx.call(reminderEndpoints.plan(year));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        section.hidden = true;
        return;
      }
      throw error;
    }
    const deadlines = await ctx.call(reminderEndpoints.deadlines);
    const names = {};
    for (const d of deadlines.deadlines || []) names[d.id] = d.name;
    section.hidden = false;
    renderDeadlines(deadlines);
    renderPlan(plan, names);
  } finally {
    section.removeAttribute('aria-busy');
  }
}

export function clearReminders() {
  $('reminders').hidden = true;
  if (form) form.close();
  $('reminder-deadlines').replaceChildren();
  $('reminder-plan').replaceChildren();
  $('reminder-summary').textContent = '';
}

// `context`: call (API with the session), attempt (runs an action, shows its error), notify,
// el (the page's element builder), me () => the signed-in person.
export function wireReminders(context) {
  ctx = context;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  const { el } = ctx;
  $('reminders').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'reminders-heading' }, 'Nhắc hạn'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'reminder-year' }, 'Lịch nhắc năm'),
        el('select', { id: 'reminder-year' })),
      el('button', { type: 'button', className: 'button button-quiet', id: 'reminder-reload' },
        'Cập nhật lịch nhắc')),
    el('h3', {}, 'Hạn chót sắp tới'),
    el('ul', { className: 'reminder-deadlines', id: 'reminder-deadlines' }),
    ...deadlineFormMarkup(el),
    el('h3', {}, 'Lịch nhắc trong năm'),
    el('p', { className: 'report-summary', id: 'reminder-summary', 'aria-live': 'polite' }),
    el('div', { id: 'reminder-plan' }),
    el('p', { className: 'hint' },
      'Mỗi lần nhắc đã qua giờ đều có kết quả: đã gửi, bỏ qua (kèm lý do) hoặc bị lỡ (hệ thống không chạy '
      + 'vào lúc đó). Việc nhà trường tự làm (không do các tổ nộp) được Ban giám hiệu đánh dấu đã xong tại '
      + 'đây. Hạn chót thêm ở đây có lịch nhắc như hạn báo cáo năm.'));
  form = deadlineForm({ ...context, $ }, { taken: () => known.map((d) => d.id), saved: loadReminders });
  form.wire();
  const select = $('reminder-year');
  const current = String(vnToday().year);
  const years = YEARS.map(String);
  if (!years.includes(current)) years.push(current);
  select.replaceChildren(...years.map((y) => ctx.el('option', { value: y, selected: y === current }, `Năm ${y}`)));
  select.addEventListener('change', () => ctx.attempt(loadReminders));
  $('reminder-reload').addEventListener('click', () => ctx.attempt(loadReminders, { busy: $('reminders') }));
}
