// "Cán bộ và tổ" (issue 12): the board keeps the school's units (create, rename, deactivate a
// unit the school no longer has, make it active again) and its staff with what the documents
// need (birth date, position, qualifications…), the hold on a person, a code that links a
// person's Zalo, and a person's access codes and sign-ins. The rules are the service's
// (services/nominations/domain/catalogue.cpp); this card shows its Vietnamese answers.
import { endpoints } from './endpoints.mjs';
import { formatDate, formatInstant, idFromName } from './format.mjs';

const N = '/api/nominations/v1';
const path = {
  unit: (id) => `${N}/catalogue/units/${encodeURIComponent(id)}`,
  staff: (id) => `${N}/catalogue/staff/${encodeURIComponent(id)}`,
  linkCode: (id) => `${N}/staff/${encodeURIComponent(id)}/link-codes`,
  tokens: (id) => `${N}/staff/${encodeURIComponent(id)}/tokens`,
  token: (id) => `${N}/tokens/${encodeURIComponent(id)}`,
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

// Who may sit on the council: the board and the council's members.
export function councilStaff(catalogue) {
  const staff = (catalogue && catalogue.staff) || [];
  return staff.filter((s) => s.role === 'admin' || s.role === 'council');
}

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state, onCatalogue).
export function peopleScreen(ui) {
  const { $, el, call, attempt, notify, state, onCatalogue } = ui;
  let editingUnit = null;
  let editingStaff = null;
  let person = null; // the staff member whose Zalo link and sign-ins are shown

  const catalogue = () => state.catalogue || { units: [], staff: [] };
  const unitName = (id) => (catalogue().units.find((u) => u.id === id) || { name: id }).name;
  const quiet = (text, onclick, label, danger) => el('button', {
    type: 'button', className: `button button-quiet${danger ? ' button-danger' : ''}`, onclick,
  }, text, el('span', { className: 'visually-hidden' }, ` ${label}`));

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
        quiet('Liên kết Zalo, đăng nhập', () => attempt(() => openPerson(s)), s.name)));
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

  // ------------------------------------------------------------ one person's access

  async function openPerson(s) {
    person = s;
    $('person-heading').textContent = s.name;
    $('link-code').replaceChildren();
    $('person').hidden = false;
    await loadAccess();
    $('person-heading').focus();
  }

  async function loadAccess() {
    const [tokens, sessions] = await Promise.all([
      call(path.tokens(person.id)), call(endpoints.staffSessions(person.id))]);
    const t = Array.isArray(tokens.tokens) ? tokens.tokens : [];
    const x = Array.isArray(sessions.sessions) ? sessions.sessions : [];
    $('person-tokens-empty').hidden = t.length > 0;
    $('person-tokens').replaceChildren(...t.map((k) => el('li', { dataset: { id: k.id } },
      el('span', {}, `Cấp lúc ${formatInstant(k.issued_at)} · `
        + (k.last_used ? `dùng gần nhất ${formatInstant(k.last_used)}` : 'chưa dùng')),
      quiet('Thu hồi', () => attempt(() => endAccess(path.token(k.id),
        'Thu hồi mã truy cập này? Ai đang dùng nó sẽ bị đăng xuất ngay.', 'Đã thu hồi mã truy cập.')),
      `mã truy cập cấp lúc ${formatInstant(k.issued_at)}`, true))));
    $('person-sessions-empty').hidden = x.length > 0;
    $('person-sessions-end').hidden = x.length === 0;
    $('person-sessions').replaceChildren(...x.map((v) => el('li', { dataset: { id: v.id } },
      el('span', {}, `Đăng nhập lúc ${formatInstant(v.created_at)} · dùng gần nhất `
        + `${formatInstant(v.last_active)}`),
      quiet('Kết thúc', () => attempt(() => endAccess(endpoints.session(v.id), null,
        'Đã kết thúc phiên đăng nhập.')), `phiên đăng nhập lúc ${formatInstant(v.created_at)}`, true))));
  }

  async function endAccess(url, question, done) {
    if (question && !window.confirm(question)) return;
    await call(url, { method: 'DELETE' });
    await loadAccess();
    notify(done);
  }

  async function makeLinkCode() {
    const issued = await call(path.linkCode(person.id), { method: 'POST', body: {} });
    $('link-code').replaceChildren(
      el('p', {}, 'Mã liên kết: ', el('strong', { className: 'code' }, issued.code)),
      el('p', {}, issued.instruction || `Nhắn riêng cho bot thi đua trên Zalo: /lienket ${issued.code}`),
      el('p', { className: 'hint' }, `Mã dùng một lần, hết hạn lúc ${formatInstant(issued.expires_at)}. `
        + `Gửi mã cho ${person.name}; không gửi vào nhóm.`));
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
    $('link-code-make').addEventListener('click', () => attempt(makeLinkCode, { busy: $('person') }));
    $('person-sessions-end').addEventListener('click', () => attempt(() => endAccess(
      endpoints.staffSessions(person.id), `Kết thúc mọi phiên đăng nhập của ${person.name}?`,
      'Đã kết thúc mọi phiên đăng nhập.'), { busy: $('person') }));
    $('person-close').addEventListener('click', () => { $('person').hidden = true; person = null; });
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
      person = null;
      $('units-list').replaceChildren();
      $('staff-list').replaceChildren();
      $('person').hidden = true;
      $('people').hidden = true;
    },
  };
}
