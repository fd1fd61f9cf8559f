// "Đăng ký thi đua": at the start of the year each person and each unit registers the titles
// and targets they aim for. A teacher fills their own; a leader fills the unit's and confirms
// their members'; the board sees who has not registered and confirms the units'. The rules are
// the service's (services/nominations/domain/registration.cpp); this card shows its answers.
import { endpoints } from './endpoints.mjs';
import { vnToday } from './format.mjs';
import { AREAS, YEARS } from './movement.mjs';

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function registrationsScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('registrations').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'registrations-heading' }, 'Đăng ký thi đua'),
      el('div', { className: 'inline-field' },
        el('label', { htmlFor: 'registration-year' }, 'Năm'),
        el('select', { id: 'registration-year' }))),
    el('p', { className: 'hint' },
      'Đầu năm học, mỗi thầy cô và mỗi tổ đăng ký danh hiệu và chỉ tiêu phấn đấu; tổ trưởng xác nhận đăng '
      + 'ký của thành viên, Ban giám hiệu xác nhận đăng ký của tổ.'),
    el('p', { className: 'hint', id: 'registrations-empty' }, 'Chưa có đăng ký nào trong năm này.'),
    el('ul', { className: 'registrations-list', id: 'registrations-list' }),
    el('div', { className: 'registration-missing', id: 'registration-missing', hidden: true },
      el('h3', {}, 'Chưa đăng ký'),
      el('p', { className: 'hint', id: 'registration-missing-none', hidden: true },
        'Mọi người và mọi tổ đã đăng ký.'),
      el('ul', { id: 'registration-missing-list' })),
    el('form', { className: 'registration-form', id: 'registration-form', hidden: true },
      el('h3', {}, 'Phiếu đăng ký thi đua'),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'registration-subject' }, 'Đăng ký của'),
        el('select', { id: 'registration-subject' })),
      el('p', { className: 'hint', id: 'registration-state' }),
      el('fieldset', { className: 'field' },
        el('legend', {}, 'Danh hiệu đăng ký (chọn từ 1 đến 5)'),
        el('div', { id: 'registration-titles' }),
        el('label', { htmlFor: 'registration-other' }, 'Danh hiệu khác (nếu có, cách nhau bằng dấu ;)'),
        el('input', { type: 'text', id: 'registration-other', maxLength: 400, autocomplete: 'off' })),
      el('fieldset', { className: 'field' },
        el('legend', {}, 'Chỉ tiêu theo từng nội dung (mỗi dòng một chỉ tiêu, ví dụ “12 bài giảng điện tử”)'),
        el('div', { id: 'registration-targets' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button', id: 'registration-submit' }, 'Gửi đăng ký'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'registration-draft' },
          'Lưu nháp'))));

  let view = null; // the last GET /registrations/{year}

  const me = () => state.me || {};
  const year = () => Number($('registration-year').value);
  const key = (kind, id) => `${kind}:${id}`;

  // Whose registration the caller may write, as the service's rule says.
  function subjects() {
    const c = state.catalogue || { units: [], staff: [] };
    const active = new Set(c.units.filter((u) => u.active !== false).map((u) => u.id));
    const out = [];
    const unitName = (id) => (c.units.find((u) => u.id === id) || {}).name || id;
    if (me().role === 'admin') {
      c.units.filter((u) => active.has(u.id))
        .forEach((u) => out.push(['collective', u.id, `Tập thể: ${u.name}`]));
      c.staff.filter((s) => active.has(s.unit_id))
        .forEach((s) => out.push(['individual', s.id, `${s.name} (${unitName(s.unit_id)})`]));
      return out;
    }
    const self = c.staff.find((s) => s.id === me().subject);
    if (self) out.push(['individual', self.id, `Của tôi: ${self.name}`]);
    if (me().role === 'leader' && me().unit_id) {
      out.push(['collective', me().unit_id, `Tập thể: ${unitName(me().unit_id)}`]);
      c.staff.filter((s) => s.unit_id === me().unit_id && s.id !== me().subject)
        .forEach((s) => out.push(['individual', s.id, s.name]));
    }
    return out;
  }

  function found(kind, id) {
    return ((view && view.items) || []).find((r) => key(r.subject_kind, r.subject_id) === key(kind, id));
  }

  function fillForm() {
    const [kind, id] = ($('registration-subject').value || ':').split(':');
    const r = found(kind, id);
    const titles = (view && view.titles && view.titles[kind]) || [];
    const chosen = new Set(r ? r.titles : []);
    $('registration-titles').replaceChildren(...titles.map((t, i) => el('label', { className: 'choice' },
      el('input', { type: 'checkbox', value: t, checked: chosen.has(t), id: `registration-title-${i}` }), ` ${t}`)));
    $('registration-other').value = r ? r.titles.filter((t) => !titles.includes(t)).join('; ') : '';
    $('registration-targets').replaceChildren(...AREAS.map(([code, label]) => {
      const lines = r ? r.targets.filter((t) => t.content_area === code).map((t) => t.text) : [];
      const fieldId = `registration-area-${code.replace('.', '-')}`;
      return el('div', { className: 'field' },
        el('label', { htmlFor: fieldId }, label),
        el('textarea', { id: fieldId, rows: 2, maxLength: 1000, dataset: { area: code } }, lines.join('\n')));
    }));
    $('registration-state').textContent = r ? `Tình trạng: ${r.status_label}` : 'Chưa đăng ký.';
  }

  function body(submit) {
    const titles = [...$('registration-titles').querySelectorAll('input:checked')].map((i) => i.value);
    $('registration-other').value.split(';').map((t) => t.trim()).filter(Boolean)
      .forEach((t) => titles.push(t));
    const targets = [];
    $('registration-targets').querySelectorAll('textarea').forEach((area) => {
      area.value.split('\n').map((t) => t.trim()).filter(Boolean)
        .forEach((text) => targets.push({ content_area: area.dataset.area, text }));
    });
    return { titles, targets, submit };
  }

  async function save(submit) {
    const [kind, id] = $('registration-subject').value.split(':');
    const r = await call(endpoints.registration(year(), kind, id), { method: 'PUT', body: body(submit) });
    await load();
    notify(r.status === 'draft' ? `Đã lưu nháp đăng ký của ${r.subject_name}.`
      : `Đã gửi đăng ký thi đua của ${r.subject_name}; chờ xác nhận.`);
  }

  // Mirrors may_confirm_registration: the subject's leader or the board, never one's own.
  function confirms(r) {
    if (r.status !== 'submitted') return false;
    const own = r.subject_kind === 'individual' ? r.subject_id === me().subject : r.subject_id === me().unit_id;
    if (own) return false;
    return me().role === 'admin' || (me().role === 'leader' && r.unit_id === me().unit_id);
  }

  async function confirm(r) {
    await call(endpoints.registrationConfirm(year(), r.subject_kind, r.subject_id), { method: 'POST' });
    await load();
    notify(`Đã xác nhận đăng ký thi đua của ${r.subject_name}.`);
  }

  function row(r) {
    const targets = r.targets.map((t) => `${t.content_area}: ${t.text}`);
    return el('li', { dataset: { subject: key(r.subject_kind, r.subject_id) } },
      el('p', { className: 'registration-name' }, r.subject_name,
        el('span', { className: `badge badge-${r.status}` }, r.status_label)),
      el('p', { className: 'hint' }, r.titles.join(' · ')),
      targets.length ? el('ul', { className: 'registration-targets' }, ...targets.map((t) => el('li', {}, t))) : null,
      confirms(r) ? el('div', { className: 'actions' }, el('button', {
        type: 'button', className: 'button button-quiet', onclick: () => attempt(() => confirm(r)),
      }, 'Xác nhận', el('span', { className: 'visually-hidden' }, ` đăng ký của ${r.subject_name}`))) : null);
  }

  function showMissing() {
    const missing = view.not_registered;
    $('registration-missing').hidden = !missing;
    if (!missing) return;
    const names = [...missing.units.map((u) => u.name),
      ...missing.staff.map((s) => `${s.name} (${s.unit_name})`)];
    $('registration-missing-list').replaceChildren(...names.map((n) => el('li', {}, n)));
    $('registration-missing-none').hidden = names.length > 0;
  }

  // Each load is numbered: a year chosen while the last one was still loading must not be
  // overwritten by the answer for that last one.
  let loads = 0;
  async function load() {
    const mine = ++loads;
    const answer = await call(endpoints.registrations(year()));
    if (mine !== loads) return;
    view = answer;
    $('registrations-empty').hidden = view.items.length > 0;
    $('registrations-list').replaceChildren(...view.items.map(row));
    showMissing();
    const keep = $('registration-subject').value;
    const options = subjects();
    $('registration-subject').replaceChildren(...options.map(([kind, id, label]) =>
      el('option', { value: key(kind, id), selected: key(kind, id) === keep }, label)));
    $('registration-form').hidden = options.length === 0;
    fillForm();
    $('registrations').hidden = false;
  }

  function wire() {
    $('registration-year').replaceChildren(...YEARS.map((y) => el('option', { value: String(y) }, String(y))));
    $('registration-year').addEventListener('change', () => attempt(load));
    $('registration-subject').addEventListener('change', fillForm);
    $('registration-form').addEventListener('submit', (event) => {
      event.preventDefault();
      attempt(() => save(true), { busy: $('registrations') });
    });
    $('registration-draft').addEventListener('click', () => attempt(() => save(false), { busy: $('registrations') }));
  }

  // The year people register for now: that of the registration deadline's next occurrence
  // (reports' registration_year: due 30/9/2027, the registrations of 2027; a year still owed
  // stays first until it is done), as /hanchot and the reminders count it; this calendar
  // year when reports has no such deadline or cannot be read.
  async function yearToRegister() {
    try {
      const list = await call(endpoints.deadlines);
      const d = (list.deadlines || []).find((x) => x.owed_by === 'registrations'
        && Array.isArray(x.occurrences) && x.occurrences.length);
      if (d) return Number(String(d.occurrences[0].due_date).slice(0, 4));
    } catch {
      // Reports down: the calendar year, and the person can pick another.
    }
    return vnToday().year;
  }

  async function start() {
    if (!state.catalogue) state.catalogue = await call(endpoints.catalogue);
    const select = $('registration-year');
    if (!select.dataset.chosen) {
      const y = String(await yearToRegister());
      if (![...select.options].some((o) => o.value === y)) select.append(el('option', { value: y }, y));
      select.value = y;
      select.dataset.chosen = 'true';
    }
    await load();
  }

  return {
    wire,
    start,
    reset() {
      view = null;
      delete $('registration-year').dataset.chosen;
      $('registrations-list').replaceChildren();
      $('registrations').hidden = true;
    },
  };
}
