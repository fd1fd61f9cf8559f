// "Phần báo cáo của tổ" (issue 14): a unit leader writes their unit's part of the yearly
// report and submits it; the board writes for any unit and reopens a submitted part with a
// reason. What is typed is saved a moment after the typing stops, or when the field is left
// (issue 12); saving sends only the fields edited since they were last saved (PATCH, merge per
// content area and indicator), so an edit never erases what someone else wrote meanwhile.
import { ApiError } from './api.mjs';
import { $ } from './dom.mjs';
import { formatInstant } from './format.mjs';
import { autosaver } from './autosave.mjs';
import { indicatorsPath } from './indicators.mjs';
import { AREAS, AREA_CODES } from './movement.mjs';

const R = '/api/reports/v1';
const enc = encodeURIComponent;
export const contributionEndpoints = {
  part: (year, unit) => `${R}/contributions/${enc(year)}/${enc(unit)}`,
  submit: (year, unit) => `${R}/contributions/${enc(year)}/${enc(unit)}/submit`,
  reopen: (year, unit) => `${R}/contributions/${enc(year)}/${enc(unit)}/reopen`,
  indicators: indicatorsPath,
};

const HISTORY = { submitted: 'Đã nộp', reopened: 'Ban giám hiệu mở lại' };

let ctx = null; // { call, attempt, notify, el, me, catalogue, year, changed }
let loaded = null; // the part as last saved or loaded: what an edit is compared with
let loadedUnit = ''; // the unit and year whose part the form holds
let loadedYear = '';
let saver = null; // autosave.mjs, made when the card is wired
// Loads of the part, counted: only the latest one is drawn, and while it runs the form is
// inert and a save does not write the status line, so nothing typed into the previous unit's
// form is lost when the chosen unit's part arrives, and the status names what is shown.
let loadsStarted = 0;
let loadsDrawn = 0;
const LOADING = 'Đang tải phần báo cáo…';
// How long a pause in typing is before what was typed is saved.
const SAVE_AFTER_MS = 1500;

function ownUnits() {
  const me = ctx.me();
  const units = ((ctx.catalogue() || {}).units || [])
    .filter((u) => (u.kind === 'subject_group' || u.kind === 'office') && u.active !== false);
  if (me && me.role === 'leader') return units.filter((u) => u.id === me.unit_id);
  return units;
}

// The body of a PATCH: only what differs from the part as loaded.
export function changedFields(before, form) {
  const body = {};
  const narratives = {};
  for (const area of AREA_CODES) {
    const value = form.elements[`area-${area}`].value;
    if (value !== ((before.narratives || {})[area] || '')) narratives[area] = value;
  }
  if (Object.keys(narratives).length) body.narratives = narratives;
  const figures = {};
  for (const input of form.querySelectorAll('input[data-indicator]')) {
    // A count the service would refuse stays out of the save (and is marked at its field), so
    // the texts written beside it are saved all the same.
    if (!figureValid(input)) continue;
    const n = input.value.trim() === '' ? 0 : Number(input.value);
    if (n !== ((before.figures || {})[input.dataset.indicator] || 0)) figures[input.dataset.indicator] = n;
  }
  if (Object.keys(figures).length) body.figures = figures;
  for (const field of ['difficulties', 'proposals']) {
    if (form.elements[field].value !== (before[field] || '')) body[field] = form.elements[field].value;
  }
  return body;
}

// Each content area's box is named as the plan names it ("II.4 — Mô hình giáo dục mới…").
const AREA_LABEL = Object.fromEntries(AREAS);

// A count as the service takes it: a whole number from 0 to 1,000,000 (kFigureMax), or empty.
// Marks the field and says so under it when it is not.
const FIGURE_HINT = 'Ghi số nguyên từ 0 đến 1.000.000; số này chưa được lưu.';
function figureValid(input) {
  const ok = input.value.trim() === '' || (input.validity.valid && Number.isInteger(Number(input.value)));
  const note = input.parentElement && input.parentElement.querySelector('.field-error');
  if (ok) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  if (note) note.textContent = ok ? '' : FIGURE_HINT;
  return ok;
}

function statusLine(part) {
  const submitted = part.status === 'submitted';
  return part.missing
    ? 'Chưa có phần báo cáo: thầy cô ghi vào các ô, phần đã ghi được lưu ngay.'
    : `${submitted ? 'Đã nộp' : 'Đang soạn'}${part.late ? ' · nộp muộn' : ''}`
      + (part.updated_at ? ` · đã lưu lúc ${formatInstant(part.updated_at)}` : '');
}

// Saves what was edited since the last save, without drawing the form again (the person may
// be typing); `loaded` then holds, for the fields sent, what the service stored.
async function autosave() {
  const form = $('part-form');
  if (!loaded || !form.elements.length) return;
  const body = changedFields(loaded, form);
  if (Object.keys(body).length === 0) {
    if (loadsDrawn === loadsStarted) $('part-status').textContent = statusLine(loaded);
    return;
  }
  const [unit, year] = [loadedUnit, loadedYear];
  const part = await ctx.call(contributionEndpoints.part(year, unit), { method: 'PATCH', body });
  if (unit !== loadedUnit || year !== loadedYear) return;
  loaded = {
    ...loaded,
    missing: false,
    status: part.status,
    late: part.late,
    updated_at: part.updated_at,
    narratives: { ...(loaded.narratives || {}) },
    figures: { ...(loaded.figures || {}) },
  };
  for (const area of Object.keys(body.narratives || {})) loaded.narratives[area] = (part.narratives || {})[area] || '';
  for (const code of Object.keys(body.figures || {})) loaded.figures[code] = (part.figures || {})[code] || 0;
  for (const field of ['difficulties', 'proposals']) if (field in body) loaded[field] = part[field] || '';
  if (loadsDrawn === loadsStarted) {
    $('part-status').textContent = statusLine(loaded);
    const submit = $('part-submit');
    if (submit) submit.hidden = false; // the part exists now: it can be submitted
  }
}

function render(part, indicators) {
  const { el } = ctx;
  const me = ctx.me();
  const admin = me && me.role === 'admin';
  const submitted = part.status === 'submitted';
  const editable = admin || !submitted;
  $('part-status').textContent = statusLine(part);
  const form = $('part-form');
  const areas = AREA_CODES.map((area) => el('div', { className: 'field' },
    el('label', { htmlFor: `part-area-${area}` }, `Nội dung ${AREA_LABEL[area] || area}`),
    el('textarea', {
      id: `part-area-${area}`, name: `area-${area}`, rows: 3, maxLength: 4000,
      value: (part.narratives || {})[area] || '', disabled: !editable,
    })));
  const figures = indicators.map((i) => el('div', { className: 'field' },
    el('label', { htmlFor: `part-fig-${i.code}` }, `${i.label} (${i.unit}, ${i.area})`),
    el('input', {
      id: `part-fig-${i.code}`, type: 'number', min: 0, max: 1000000, step: 1, inputMode: 'numeric',
      dataset: { indicator: i.code }, value: String((part.figures || {})[i.code] || 0), disabled: !editable,
      'aria-describedby': `part-fig-${i.code}-error`,
    }),
    el('p', { className: 'field-error', id: `part-fig-${i.code}-error`, 'aria-live': 'polite' })));
  const texts = [['difficulties', 'Khó khăn, vướng mắc'], ['proposals', 'Đề xuất, kiến nghị']].map(([name, label]) =>
    el('div', { className: 'field' },
      el('label', { htmlFor: `part-${name}` }, label),
      el('textarea', { id: `part-${name}`, name, rows: 2, maxLength: 4000, value: part[name] || '', disabled: !editable })));
  form.replaceChildren(...areas, el('div', { className: 'form-grid' }, ...figures), ...texts,
    el('div', { className: 'form-actions' },
      editable ? el('button', { type: 'submit', className: 'button' }, 'Lưu') : null,
      // Hidden until the part exists: the first save (as the person types) shows it.
      !submitted ? el('button', {
        type: 'button', className: 'button button-quiet', id: 'part-submit', hidden: Boolean(part.missing),
        onclick: () => ctx.attempt(submitPart, { busy: form }),
      }, 'Nộp phần báo cáo') : null));
  $('part-reopen').hidden = !(admin && submitted);
  const history = Array.isArray(part.history) ? part.history : [];
  // Who, by name: the record keeps the staff id, or a bootstrap token's subject (then the
  // name is the one the services give the person signed in).
  const staff = (ctx.catalogue() || {}).staff || [];
  const who = (id) => {
    const m = staff.find((x) => x.id === id);
    if (m) return m.name;
    if (me && me.subject === id && me.name) return me.name;
    // The first admin's token (before the board's people were on the staff list).
    return id === 'bootstrap-admin' ? 'Quản trị (khởi tạo)' : id;
  };
  $('part-history').replaceChildren(...history.map((h) => el('li', {},
    `${formatInstant(h.at)} · ${HISTORY[h.action] || h.action} · ${who(h.by)}${h.reason ? ` · lý do: ${h.reason}` : ''}`)));
}

// Shows the part of the unit chosen (after a change of unit or year, a save, a submit): what
// was typed and not yet saved goes first, to the unit and year it was typed for.
export async function loadPart() {
  const load = ++loadsStarted;
  $('part-status').textContent = LOADING;
  $('part-form').inert = true;
  try {
    await drawPart(load);
  } finally {
    if (load === loadsStarted) {
      loadsDrawn = load;
      $('part-form').inert = false;
      if (loaded && $('part-status').textContent === LOADING) {
        $('part-status').textContent = statusLine(loaded); // the load failed: what is shown
      }
    }
  }
}

async function drawPart(load) {
  if (saver) await saver.now();
  const section = $('part');
  const units = ownUnits();
  const me = ctx.me();
  if (!me || !['admin', 'leader'].includes(me.role) || units.length === 0) {
    section.hidden = true;
    return;
  }
  const select = $('part-unit');
  const chosen = select.value && units.some((u) => u.id === select.value) ? select.value : units[0].id;
  select.replaceChildren(...units.map((u) => ctx.el('option', { value: u.id, selected: u.id === chosen }, u.name)));
  const year = ctx.year();
  const [list, part] = await Promise.all([
    ctx.call(contributionEndpoints.indicators(year)),
    ctx.call(contributionEndpoints.part(year, chosen)).catch((error) => {
      if (error instanceof ApiError && error.status === 404) return { missing: true, status: 'draft' };
      throw error;
    }),
  ]);
  if (load !== loadsStarted) return; // another unit or year was chosen meanwhile
  const indicators = list.indicators || [];
  loaded = part;
  loadedUnit = chosen;
  loadedYear = year;
  section.hidden = false;
  render(part, indicators);
}

// Refuses to save or submit while a count is one the service would refuse: the field gets
// the focus and the message names it.
function checkFigures() {
  const form = $('part-form');
  const bad = [...form.querySelectorAll('input[data-indicator]')].find((i) => !figureValid(i));
  if (!bad) return;
  bad.focus();
  const label = form.querySelector(`label[for="${bad.id}"]`);
  throw new ApiError(0, 'form_incomplete', `Ô “${label ? label.textContent : ''}”: ${FIGURE_HINT}`);
}

// "Lưu": saves what is still unsaved, then shows the part as stored (what colleagues wrote
// meanwhile too).
async function savePart() {
  checkFigures();
  await loadPart();
  ctx.notify('Đã lưu phần báo cáo; các ô hiện đúng như đã lưu.');
}

async function submitPart() {
  checkFigures();
  await saver.now(); // what was just typed is part of what is submitted
  const year = ctx.year();
  // One tap would otherwise hand it in for good: only the board can open it again.
  const unit = $('part-unit').selectedOptions[0]?.textContent || '';
  if (!window.confirm(`Nộp phần báo cáo năm ${year}${unit ? ` của ${unit}` : ''}? Sau khi nộp, tổ không sửa `
    + 'được nữa; nếu cần sửa, nhờ Ban giám hiệu mở lại.')) return;
  await ctx.call(contributionEndpoints.submit(year, $('part-unit').value), { method: 'POST' });
  await Promise.all([loadPart(), ctx.changed()]);
  ctx.notify(`Đã nộp phần báo cáo năm ${year}.`);
}

async function reopenPart() {
  const reason = $('part-reopen-reason').value.trim();
  if (!reason) {
    $('part-reopen-reason').focus();
    throw new ApiError(0, 'form_incomplete', 'Hãy ghi lý do mở lại phần báo cáo.');
  }
  const year = ctx.year();
  await ctx.call(contributionEndpoints.reopen(year, $('part-unit').value), { method: 'POST', body: { reason } });
  $('part-reopen-reason').value = '';
  await Promise.all([loadPart(), ctx.changed()]);
  ctx.notify('Đã mở lại phần báo cáo; tổ có thể sửa và nộp lại.');
}

export function clearPart() {
  if (saver) saver.cancel();
  $('part').hidden = true;
  $('part-form').replaceChildren();
  $('part-history').replaceChildren();
  loaded = null;
}

// `context`: call, attempt, notify, el, me () => the signed-in person, catalogue () => the
// catalogue, year () => the report year chosen on the page, changed () => a promise that
// reloads the cards counting the parts (after a submit or a reopen).
export function wirePart(context) {
  ctx = context;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  const { el } = ctx;
  $('part').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'part-heading' }, 'Phần báo cáo của tổ'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'part-unit' }, 'Tổ'),
        el('select', { id: 'part-unit' }))),
    el('p', { className: 'report-summary', id: 'part-status', 'aria-live': 'polite' }),
    el('form', { id: 'part-form', noValidate: true }),
    el('form', { className: 'part-reopen', id: 'part-reopen', noValidate: true, hidden: true },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'part-reopen-reason' }, 'Lý do mở lại (tổ sẽ sửa và nộp lại)'),
        el('textarea', { id: 'part-reopen-reason', name: 'reason', rows: 2, maxLength: 500 })),
      el('button', { type: 'submit', className: 'button button-quiet' }, 'Mở lại')),
    el('h3', {}, 'Lịch sử'),
    el('ol', { className: 'history', id: 'part-history' }),
    el('p', { className: 'hint' },
      '“Lưu” chỉ gửi những mục vừa sửa; phần người khác đã ghi được giữ nguyên. Năm báo cáo theo ô “Năm '
      + 'báo cáo” ở trên.'));

  saver = autosaver(autosave, { attempt: ctx.attempt, delay: SAVE_AFTER_MS });
  $('part-unit').addEventListener('change', () => ctx.attempt(loadPart));
  $('part-form').addEventListener('input', () => {
    $('part-status').textContent = 'Chưa lưu…';
    saver.later();
  });
  $('part-form').addEventListener('focusout', (event) => {
    if (!loaded || !event.target.matches('input, textarea')) return;
    if (Object.keys(changedFields(loaded, $('part-form'))).length) ctx.attempt(saver.now);
  });
  $('part-form').addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.attempt(savePart, { busy: $('part') });
  });
  $('part-reopen').addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.attempt(reopenPart, { busy: $('part') });
  });
}
