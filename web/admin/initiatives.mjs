// "Sáng kiến": the register of initiatives (sổ sáng kiến, giải pháp). Everyone signed in reads
// it; the board and the council record and correct entries and make recognised ones public;
// the board removes an entry made by mistake. The rules are the service's
// (services/nominations/domain/initiative.cpp); this screen shows its Vietnamese answers.
import { endpoints } from './endpoints.mjs';
import { AREAS, YEARS } from './movement.mjs';
import { offeredUnits } from './people.mjs';

const LEVELS = [
  ['', 'Chưa công nhận'],
  ['co_so', 'Cấp cơ sở (trường)'],
  ['xa', 'Cấp xã'],
  ['tinh', 'Cấp tỉnh'],
  ['toan_quoc', 'Toàn quốc'],
];

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function initiativesScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('initiatives').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'initiatives-heading' }, 'Sáng kiến'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'initiative-filter-year' }, 'Năm'),
        el('select', { id: 'initiative-filter-year' })),
      el('button', { type: 'button', className: 'button button-quiet', id: 'initiatives-reload' },
        'Cập nhật sổ')),
    el('p', { className: 'hint', id: 'initiatives-empty' }, 'Sổ chưa có sáng kiến nào.'),
    el('ul', { className: 'initiatives-list', id: 'initiatives-list' }),
    el('form', { className: 'initiative-form', id: 'initiative-form', hidden: true },
      el('h3', {}, 'Ghi sáng kiến vào sổ'),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-title' }, 'Tên sáng kiến, giải pháp'),
        el('input', { type: 'text', id: 'initiative-title', name: 'title', maxLength: 300, required: true,
          autocomplete: 'off' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-authors' }, 'Tác giả (chọn một hoặc nhiều người)'),
        el('select', { id: 'initiative-authors', name: 'author_ids', multiple: true, size: '5', required: true })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-unit' }, 'Tổ, bộ phận'),
        el('select', { id: 'initiative-unit', name: 'unit_id' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-area' }, 'Nội dung của kế hoạch'),
        el('select', { id: 'initiative-area', name: 'content_area' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-year' }, 'Năm'),
        el('select', { id: 'initiative-year', name: 'year' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-summary' }, 'Tóm tắt: sáng kiến thay đổi gì, áp dụng ở đâu'),
        el('textarea', { id: 'initiative-summary', name: 'summary', maxLength: 2000, rows: 3 })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'initiative-level' }, 'Cấp công nhận'),
        el('select', { id: 'initiative-level', name: 'level' })),
      el('fieldset', { className: 'field', id: 'initiative-decision', hidden: true },
        el('legend', {}, 'Quyết định công nhận'),
        el('label', { htmlFor: 'initiative-number' }, 'Số quyết định'),
        el('input', { type: 'text', id: 'initiative-number', name: 'number', maxLength: 60,
          autocomplete: 'off' }),
        el('label', { htmlFor: 'initiative-date' }, 'Ngày quyết định'),
        el('input', { id: 'initiative-date', name: 'date', type: 'date' }),
        el('label', { htmlFor: 'initiative-issuer' }, 'Nơi ban hành'),
        el('input', { type: 'text', id: 'initiative-issuer', name: 'issuer', maxLength: 200,
          autocomplete: 'off' })),
      el('div', { className: 'field', id: 'initiative-public-field', hidden: true },
        el('label', { className: 'choice' },
          el('input', { id: 'initiative-public', name: 'public', type: 'checkbox' }),
          ' Đăng lên trang web của trường')),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button', id: 'initiative-submit' }, 'Ghi vào sổ'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'initiative-cancel', hidden: true },
          'Thôi sửa'))),
    el('p', { className: 'hint' },
      'Ban giám hiệu và Hội đồng ghi sổ; chỉ sáng kiến đã có quyết định công nhận mới đưa lên trang web.'));

  let editing = null; // the entry whose correction the form holds

  const keeps = () => state.me && ['admin', 'council'].includes(state.me.role);
  const removes = () => state.me && state.me.role === 'admin';

  function fillForm(entry) {
    editing = entry;
    const staff = (state.catalogue && state.catalogue.staff) || [];
    const units = offeredUnits(state.catalogue && state.catalogue.units, entry ? entry.unit_id : '');
    const authors = new Set(entry ? entry.authors.map((a) => a.id) : []);
    $('initiative-authors').replaceChildren(...staff.map((s) => el('option',
      { value: s.id, selected: authors.has(s.id) }, s.name)));
    $('initiative-unit').replaceChildren(...units.map((u) => el('option',
      { value: u.id, selected: entry ? entry.unit_id === u.id : false }, u.name)));
    $('initiative-area').replaceChildren(...AREAS.map(([code, label]) => el('option',
      { value: code, selected: entry ? entry.content_area === code : code === 'II.4' }, label)));
    const year = entry ? entry.year : Number($('report-year').value) || YEARS[1];
    $('initiative-year').replaceChildren(...YEARS.map((y) => el('option',
      { value: String(y), selected: y === year }, String(y))));
    $('initiative-level').replaceChildren(...LEVELS.map(([code, label]) => el('option',
      { value: code, selected: entry ? entry.level === code : code === '' }, label)));
    $('initiative-title').value = entry ? entry.title : '';
    $('initiative-summary').value = entry ? entry.summary : '';
    $('initiative-number').value = entry && entry.decision ? entry.decision.number : '';
    $('initiative-date').value = entry && entry.decision ? entry.decision.date : '';
    $('initiative-issuer').value = entry && entry.decision ? entry.decision.issuer : '';
    $('initiative-public').checked = Boolean(entry && entry.public);
    $('initiative-submit').textContent = entry ? `Lưu sửa đổi sáng kiến số ${entry.id}` : 'Ghi vào sổ';
    $('initiative-cancel').hidden = !entry;
    showDecision();
  }

  function showDecision() {
    const recognised = $('initiative-level').value !== '';
    $('initiative-decision').hidden = !recognised;
    $('initiative-public-field').hidden = !recognised;
    if (!recognised) $('initiative-public').checked = false;
  }

  function body() {
    const level = $('initiative-level').value;
    const out = {
      title: $('initiative-title').value.trim(),
      author_ids: [...$('initiative-authors').selectedOptions].map((o) => o.value),
      unit_id: $('initiative-unit').value,
      content_area: $('initiative-area').value,
      year: Number($('initiative-year').value),
      summary: $('initiative-summary').value.trim(),
      level,
      decision: null,
      public: level !== '' && $('initiative-public').checked,
    };
    const number = $('initiative-number').value.trim();
    const date = $('initiative-date').value;
    // Nothing of the decision typed yet: the service then says what recognition needs.
    if (level && (number || date)) {
      out.decision = { number, date, issuer: $('initiative-issuer').value.trim() };
    }
    return out;
  }

  function row(entry) {
    const about = [entry.authors.map((a) => a.name).join(', '), entry.unit_name,
      `nội dung ${entry.content_area}`, `năm ${entry.year}`];
    const recognition = entry.decision
      ? `Công nhận ${entry.level_label} theo Quyết định số ${entry.decision.number} ngày ${entry.decision.date_vn}`
      : 'Chưa công nhận';
    const actions = [];
    if (keeps()) {
      actions.push(el('button', {
        type: 'button', className: 'button button-quiet',
        onclick: () => { fillForm(entry); $('initiative-title').focus(); },
      }, 'Sửa', el('span', { className: 'visually-hidden' }, ` sáng kiến ${entry.title}`)));
    }
    if (removes()) {
      actions.push(el('button', {
        type: 'button', className: 'button button-quiet button-danger',
        onclick: () => attempt(() => remove(entry)),
      }, 'Xoá', el('span', { className: 'visually-hidden' }, ` sáng kiến ${entry.title}`)));
    }
    return el('li', { dataset: { id: entry.id } },
      el('p', { className: 'initiative-title' }, entry.title),
      el('p', { className: 'hint' }, about.join(' · ')),
      el('p', { className: 'hint' }, recognition + (entry.public ? ' · đăng trên trang web' : '')),
      entry.summary ? el('p', { className: 'initiative-summary' }, entry.summary) : null,
      actions.length ? el('div', { className: 'actions' }, ...actions) : null);
  }

  async function load() {
    const year = $('initiative-filter-year').value;
    const data = await call(endpoints.initiatives(year ? { year } : {}));
    const items = Array.isArray(data.items) ? data.items : [];
    $('initiatives-empty').hidden = items.length > 0;
    $('initiatives-list').replaceChildren(...items.map(row));
    $('initiative-form').hidden = !keeps();
    $('initiatives').hidden = false;
  }

  async function save(event) {
    event.preventDefault();
    const wasEditing = editing;
    const stored = wasEditing
      ? await call(endpoints.initiative(wasEditing.id), { method: 'PUT', body: body() })
      : await call(endpoints.initiatives({}), { method: 'POST', body: body() });
    fillForm(null);
    await load();
    notify(wasEditing ? `Đã lưu sáng kiến số ${stored.id}.` : `Đã ghi sáng kiến số ${stored.id} vào sổ.`);
  }

  async function remove(entry) {
    if (!window.confirm(`Xoá sáng kiến “${entry.title}” khỏi sổ?`)) return;
    await call(endpoints.initiative(entry.id), { method: 'DELETE' });
    if (editing && editing.id === entry.id) fillForm(null);
    await load();
    notify(`Đã xoá sáng kiến số ${entry.id}.`);
  }

  function wire() {
    $('initiative-filter-year').replaceChildren(el('option', { value: '' }, 'Mọi năm'),
      ...YEARS.map((y) => el('option', { value: String(y) }, String(y))));
    $('initiative-filter-year').addEventListener('change', () => attempt(load));
    $('initiatives-reload').addEventListener('click',
      () => attempt(start, { busy: $('initiatives') }));
    $('initiative-level').addEventListener('change', showDecision);
    $('initiative-form').addEventListener('submit',
      (event) => attempt(() => save(event), { busy: $('initiatives') }));
    $('initiative-cancel').addEventListener('click', () => fillForm(null));
  }

  // After sign-in, and "Tải lại": the catalogue is read again so that staff added since are
  // offered as authors.
  async function start() {
    const [catalogue] = await Promise.all([call(endpoints.catalogue), load()]);
    state.catalogue = catalogue;
    if (!editing) fillForm(null);
  }

  return {
    wire,
    start,
    reset() {
      editing = null;
      $('initiatives-list').replaceChildren();
      $('initiatives').hidden = true;
    },
  };
}
