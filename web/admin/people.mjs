// "Cán bộ và tổ" (issue 12): the board keeps the school's units (create, rename, deactivate a
// unit the school no longer has, make it active again) and its staff with what the documents
// need (birth date, position, qualifications…), the hold on a person, a code that links a
// person's Zalo, and a person's access codes and sign-ins (those last in person_access.mjs).
// The rules are the service's (services/nominations/domain/catalogue.cpp); this card shows
// its Vietnamese answers.
import { endpoints } from './endpoints.mjs';
import { formatDate, idFromName } from './format.mjs';
import { personAccess } from './person_access.mjs';

const N = '/api/nominations/v1';
const path = {
  unit: (id) => `${N}/catalogue/units/${encodeURIComponent(id)}`,
  staff: (id) => `${N}/catalogue/staff/${encodeURIComponent(id)}`,
};
const KINDS = { subject_group: 'Tổ chuyên môn', office: 'Tổ văn phòng', school: 'Toàn trường' };
const ROLES = [
  ['staff', 'Cán bộ, giáo viên'],
  ['leader', 'Tổ trưởng'],
  ['council', 'Hội đồng Thi đua – Khen thưởng'],
  ['admin', 'Ban giám hiệu'],
];
const GENDERS = [['', 'Chưa ghi'], ['female', 'Cô'], ['male', 'Thầy']];

// The units a form may offer: the active ones, and `keep` (the unit an entry already has,
// even if deactivated since) so that editing it does not change it silently.
export function offeredUnits(units, keep = '') {
  return (units || []).filter((u) => u.active !== false || u.id === keep);
}

// Who may sit on the council, as a meeting's members, chair or secretary: the board, the
// council's members and the unit leaders, in that order. Tổ trưởng usually sit on a school's
// council; their role stays "leader" so that they still propose for their unit (one role a
// person), so the list cannot go by the council role alone.
const COUNCIL_ORDER = { admin: 0, council: 1, leader: 2 };
export function councilStaff(catalogue) {
  const staff = (catalogue && catalogue.staff) || [];
  return staff.filter((s) => s.role in COUNCIL_ORDER)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => COUNCIL_ORDER[a.s.role] - COUNCIL_ORDER[b.s.role] || a.i - b.i)
    .map(({ s }) => s);
}

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state, onCatalogue).
export function peopleScreen(ui) {
  const { $, el, call, attempt, notify, state, onCatalogue } = ui;
  let editingUnit = null;
  let editingStaff = null;

  const catalogue = () => state.catalogue || { units: [], staff: [] };
  const unitName = (id) => (catalogue().units.find((u) => u.id === id) || { name: id }).name;
  const quiet = (text, onclick, label, danger) => el('button', {
    type: 'button', className: `button button-quiet${danger ? ' button-danger' : ''}`, onclick,
  }, text, el('span', { className: 'visually-hidden' }, ` ${label}`));
  const access = personAccess({ ...ui, quiet });

  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('people').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'people-heading' }, 'Cán bộ và tổ'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'people-reload' },
        'Làm mới danh sách')),
    el('h3', {}, 'Tổ, bộ phận'),
    el('ul', { className: 'people-list', id: 'units-list' }),
    el('form', { className: 'people-form', id: 'unit-form', noValidate: true,
      'aria-label': 'Thêm hoặc đổi tên tổ' },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'unit-name' }, 'Tên tổ'),
        el('input', { type: 'text', id: 'unit-name', name: 'name', maxLength: 200, autocomplete: 'off',
          'aria-describedby': 'unit-form-error' })),
      el('div', { className: 'field', id: 'unit-kind-field' },
        el('label', { htmlFor: 'unit-kind' }, 'Loại'),
        el('select', { id: 'unit-kind', name: 'kind' },
          el('option', { value: 'subject_group' }, 'Tổ chuyên môn'),
          el('option', { value: 'office' }, 'Tổ văn phòng'))),
      el('p', { className: 'field-error', id: 'unit-form-error', 'aria-live': 'polite' }),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button', id: 'unit-submit' }, 'Thêm tổ'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'unit-cancel', hidden: true },
          'Thôi sửa'))),
    el('h3', {}, 'Cán bộ, giáo viên, nhân viên'),
    el('p', { className: 'hint', id: 'staff-empty', hidden: true }, 'Danh sách chưa có ai.'),
    el('ul', { className: 'people-list', id: 'staff-list' }),
    el('form', { className: 'people-form', id: 'staff-form', noValidate: true,
      'aria-label': 'Thêm hoặc sửa thông tin cán bộ' },
      el('div', { className: 'form-grid' },
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-name' }, 'Họ và tên'),
          el('input', { type: 'text', id: 'staff-name', name: 'name', maxLength: 200, autocomplete: 'off',
            'aria-describedby': 'staff-form-error' })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-gender' }, 'Xưng hô'),
          el('select', { id: 'staff-gender', name: 'gender' })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-birth' }, 'Ngày sinh'),
          el('input', { type: 'date', id: 'staff-birth', name: 'birth_date' })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-position' }, 'Chức vụ'),
          el('input', { type: 'text', id: 'staff-position', name: 'position', maxLength: 200,
            autocomplete: 'off', placeholder: 'Giáo viên, Tổ trưởng, Nhân viên văn thư…' })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-unit' }, 'Tổ của cán bộ'),
          el('select', { id: 'staff-unit', name: 'unit_id' })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'staff-role' }, 'Quyền trong hệ thống'),
          el('select', { id: 'staff-role', name: 'role' }))),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'staff-qualifications' }, 'Trình độ chuyên môn, nghiệp vụ'),
        el('input', { type: 'text', id: 'staff-qualifications', name: 'qualifications', maxLength: 300,
          autocomplete: 'off', placeholder: 'Cử nhân Sư phạm Toán; Trung cấp lý luận chính trị' })),
      el('div', { className: 'field' },
        el('label', { className: 'choice' },
          el('input', { type: 'checkbox', id: 'staff-hold', name: 'on_hold' }),
          ' Tạm dừng xét khen thưởng (đang bị kỷ luật, thanh tra hoặc khiếu nại)')),
      el('div', { className: 'field', id: 'staff-hold-field', hidden: true },
        el('label', { htmlFor: 'staff-hold-reason' }, 'Lý do tạm dừng'),
        el('input', { type: 'text', id: 'staff-hold-reason', name: 'hold_reason', maxLength: 500,
          autocomplete: 'off' })),
      el('p', { className: 'field-error', id: 'staff-form-error', 'aria-live': 'polite' }),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button', id: 'staff-submit' }, 'Thêm cán bộ'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'staff-cancel', hidden: true },
          'Thôi sửa'))),
    access.markup(),
    el('p', { className: 'hint' },
      'Tổ ngừng hoạt động không còn trong các danh sách chọn và không phải nộp báo cáo năm; đề nghị, văn '
      + 'bản và báo cáo cũ vẫn giữ tên tổ.'));

  async function reload() {
    state.catalogue = await call(endpoints.catalogue);
    render();
    if (onCatalogue) onCatalogue();
  }

  function render() {
    const { units, staff } = catalogue();
    $('units-list').replaceChildren(...units.map(unitRow));
    $('staff-empty').hidden = staff.length > 0;
    $('staff-list').replaceChildren(...staff.map(staffRow));
    fillUnitForm(editingUnit && units.find((u) => u.id === editingUnit.id));
    fillStaffForm(editingStaff && staff.find((s) => s.id === editingStaff.id));
  }

  function unitRow(u) {
    const active = u.active !== false;
    const actions = [quiet('Sửa tên', () => { fillUnitForm(u); $('unit-name').focus(); }, u.name)];
    if (u.kind !== 'school') {
      actions.push(active
        ? quiet('Ngừng hoạt động', () => attempt(() => setActive(u, false)), u.name, true)
        : quiet('Cho hoạt động lại', () => attempt(() => setActive(u, true)), u.name));
    }
    return el('li', { dataset: { id: u.id }, className: active ? '' : 'inactive' },
      el('p', { className: 'person-name' }, u.name),
      el('p', { className: 'hint' }, `${KINDS[u.kind] || u.kind} · `
        + (active ? 'đang hoạt động' : 'đã ngừng hoạt động (giữ trong hồ sơ cũ)')),
      el('div', { className: 'actions' }, ...actions));
  }

  async function setActive(u, active) {
    const question = active
      ? `Cho ${u.name} hoạt động lại? Tổ sẽ có lại trong các danh sách chọn và phải nộp báo cáo năm.`
      : `Cho ${u.name} ngừng hoạt động? Tổ không còn trong các danh sách chọn, không phải nộp `
        + 'báo cáo năm và không được đề nghị khen thưởng; đề nghị và văn bản cũ vẫn giữ tên tổ.';
    if (!window.confirm(question)) return;
    await call(path.unit(u.id), { method: 'PUT', body: { name: u.name, kind: u.kind, active } });
    await reload();
    notify(active ? `${u.name} đã hoạt động lại.` : `${u.name} đã ngừng hoạt động.`);
  }

  function fillUnitForm(u) {
    editingUnit = u || null;
    $('unit-form-error').textContent = '';
    $('unit-name').value = u ? u.name : '';
    $('unit-kind').value = u && u.kind === 'office' ? 'office' : 'subject_group';
    $('unit-kind-field').hidden = Boolean(u && u.kind === 'school');
    $('unit-submit').textContent = u ? `Lưu tên mới cho ${u.name}` : 'Thêm tổ';
    $('unit-cancel').hidden = !u;
  }

  async function saveUnit(event) {
    event.preventDefault();
    const name = $('unit-name').value.trim();
    $('unit-form-error').textContent = name ? '' : 'Hãy gõ tên tổ (ví dụ: Tổ Sử – Địa).';
    if (!name) {
      $('unit-name').focus();
      return;
    }
    const u = editingUnit;
    const id = u ? u.id : idFromName(name, new Set(catalogue().units.map((x) => x.id)));
    const kind = u && u.kind === 'school' ? 'school' : $('unit-kind').value;
    await call(path.unit(id), { method: 'PUT', body: { name, kind, active: u ? u.active !== false : true } });
    editingUnit = null;
    await reload();
    notify(u ? `Đã đổi tên thành ${name}.` : `Đã thêm ${name}.`);
  }

  function staffRow(s) {
    const about = [s.position, unitName(s.unit_id),
      (ROLES.find(([code]) => code === s.role) || [s.role, s.role])[1],
      s.birth_date ? `sinh ngày ${formatDate(s.birth_date)}` : 'chưa ghi ngày sinh',
      s.zalo_user_id ? 'đã liên kết Zalo' : 'chưa liên kết Zalo'].filter(Boolean);
    return el('li', { dataset: { id: s.id } },
      el('p', { className: 'person-name' }, s.name),
      el('p', { className: 'hint' }, about.join(' · ')),
      s.qualifications ? el('p', { className: 'hint' }, `Trình độ: ${s.qualifications}`) : null,
      s.on_hold ? el('p', { className: 'on-hold' }, `Tạm dừng xét khen thưởng: ${s.hold_reason}`) : null,
      el('div', { className: 'actions' },
        quiet('Sửa', () => { fillStaffForm(s); $('staff-name').focus(); }, s.name),
        quiet('Liên kết Zalo, đăng nhập', () => attempt(() => access.open(s)), s.name)));
  }

  function fillStaffForm(s) {
    editingStaff = s || null;
    $('staff-form-error').textContent = '';
    const option = (value, label, selected) => el('option', { value, selected }, label);
    $('staff-unit').replaceChildren(...offeredUnits(catalogue().units, s ? s.unit_id : '')
      .map((u) => option(u.id, u.name, s ? s.unit_id === u.id : false)));
    $('staff-gender').replaceChildren(...GENDERS.map(([v, l]) => option(v, l, (s ? s.gender : '') === v)));
    $('staff-role').replaceChildren(...ROLES.map(([v, l]) => option(v, l, (s ? s.role : 'staff') === v)));
    $('staff-name').value = s ? s.name : '';
    $('staff-birth').value = s ? s.birth_date : '';
    $('staff-position').value = s ? s.position : '';
    $('staff-qualifications').value = s ? s.qualifications : '';
    $('staff-hold').checked = Boolean(s && s.on_hold);
    $('staff-hold-reason').value = s ? s.hold_reason : '';
    $('staff-submit').textContent = s ? `Lưu thông tin ${s.name}` : 'Thêm cán bộ';
    $('staff-cancel').hidden = !s;
    showHold();
  }

  function showHold() {
    $('staff-hold-field').hidden = !$('staff-hold').checked;
  }

  async function saveStaff(event) {
    event.preventDefault();
    const name = $('staff-name').value.trim();
    const onHold = $('staff-hold').checked;
    const reason = $('staff-hold-reason').value.trim();
    const box = $('staff-form-error');
    box.textContent = '';
    const problem = !name ? ['staff-name', 'Hãy gõ họ và tên cán bộ.']
      : !$('staff-unit').value ? ['staff-unit', 'Hãy chọn tổ của cán bộ.']
        : onHold && !reason ? ['staff-hold-reason', 'Hãy ghi lý do tạm dừng xét khen thưởng.'] : null;
    if (problem) {
      box.textContent = problem[1];
      $(problem[0]).focus();
      return;
    }
    const s = editingStaff;
    const id = s ? s.id : idFromName(name, new Set(catalogue().staff.map((x) => x.id)));
    const body = {
      name, unit_id: $('staff-unit').value, role: $('staff-role').value,
      gender: $('staff-gender').value, birth_date: $('staff-birth').value,
      position: $('staff-position').value.trim(),
      qualifications: $('staff-qualifications').value.trim(),
      on_hold: onHold, hold_reason: onHold ? reason : '',
    };
    await call(path.staff(id), { method: 'PUT', body });
    editingStaff = null;
    await reload();
    notify(s ? `Đã lưu thông tin ${name}.` : `Đã thêm ${name}.`);
  }

  function wire() {
    $('people-reload').addEventListener('click', () => attempt(reload, { busy: $('people') }));
    $('unit-form').addEventListener('submit',
      (event) => attempt(() => saveUnit(event), { busy: $('people') }));
    $('unit-cancel').addEventListener('click', () => fillUnitForm(null));
    $('staff-form').addEventListener('submit',
      (event) => attempt(() => saveStaff(event), { busy: $('people') }));
    $('staff-cancel').addEventListener('click', () => fillStaffForm(null));
    $('staff-hold').addEventListener('change', showHold);
    access.wire();
  }

  return {
    wire,
    // After sign-in: only the board keeps the catalogue.
    start() {
      const admin = state.me && state.me.role === 'admin';
      $('people').hidden = !admin;
      if (admin) render();
    },
    reset() {
      editingUnit = null;
      editingStaff = null;
      $('units-list').replaceChildren();
      $('staff-list').replaceChildren();
      access.reset();
      $('people').hidden = true;
    },
  };
}
