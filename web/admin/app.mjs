// The admin dashboard: sign-in with a code from the bot's /dangnhap (a session cookie) or a
// token, the next deadline, quota use, the nominations
// list with filters and paging, one nomination's detail with its workflow actions, and the
// form that creates a nomination. All text from the services goes in with textContent.
import {
  ACTIONS, ApiError, EXCEPTIONS, FINAL_STATUSES, RECORDS, STATUSES, SUBJECT_KINDS, api, codeFromHash,
  daysLeftText, endpoints, fetchFile, normaliseCode,
  formatDate, formatInstant, historyActionLabel, parseVnDate, quotaLimitText, session, statusLabel,
  vnToday,
} from './api.mjs';
import { clearRoundDocuments, loadRoundDocuments, wireRoundDocuments } from './documents.mjs';
import { initiativesScreen } from './initiatives.mjs';
import { registrationsScreen } from './registrations.mjs';
import { indicatorsScreen } from './indicators.mjs';
import { offeredUnits, peopleScreen } from './people.mjs';
import { awardsScreen } from './awards.mjs';
import { achievementsSection } from './achievements.mjs';
import { clearReminders, loadReminders, wireReminders } from './reminders.mjs';
import { clearPart, loadPart, wirePart } from './contributions.mjs';
import { myPageScreen } from './mypage.mjs';
import { announcementsScreen } from './announcements.mjs';
import { statisticsScreen } from './statistics.mjs';
import { registerScreen } from './register.mjs';
import { councilScreen } from './council.mjs';
import { schoolReportScreen } from './school_report.mjs';
import { templatesScreen } from './templates.mjs';
import { YEARS } from './movement.mjs';

const $ = (id) => document.getElementById(id);

// el('p', {className: 'x', dataset: {id: 1}}, 'text', child) — text is always a text node.
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && !key.includes('-')) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const hiddenText = (text) => el('span', { className: 'visually-hidden' }, text);

const state = {
  catalogue: null,
  me: null, // GET /me: who is signed in
  mode: null, // 'session' (the cookie from a code) or 'token' (pasted), while signed in
  nextDeadline: null, // GET /deadlines/next, for the report year shown first
  filter: { period: '', status: '', award: '', limit: '20' },
  cursors: [''], // the `after` cursor of each page visited; page n uses cursors[n]
  page: 0,
  nextAfter: null,
  current: null, // the nomination shown in the detail panel
  dialogAction: null,
};

// ---------------------------------------------------------------- messages

function showError(error) {
  const box = $('alert');
  const detail = error instanceof ApiError ? error.detail : String((error && error.message) || error);
  box.replaceChildren(
    el('p', { className: 'alert-text' }, detail),
    error instanceof ApiError && error.requestId
      ? el('p', { className: 'alert-meta' }, `Mã yêu cầu: ${error.requestId}`) : null,
    el('button', { type: 'button', className: 'button button-quiet alert-close', onclick: clearError },
      'Ẩn thông báo'),
  );
  box.scrollIntoView({ block: 'nearest' });
}
function clearError() {
  $('alert').replaceChildren();
}
function notify(text) {
  $('notice').replaceChildren(el('p', {}, text));
}
function clearNotice() {
  $('notice').replaceChildren();
}

// Every call after sign-in: a 401 means the token was revoked or the session ended; sign out.
async function call(path, options) {
  try {
    return await api(path, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && state.mode) {
      signOut();
    }
    throw error;
  }
}

// Runs an action of the page: clears old messages, shows the error if it fails.
async function attempt(work, { busy } = {}) {
  clearError();
  if (busy) busy.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (busy) busy.removeAttribute('aria-busy');
  }
}

const initiatives = initiativesScreen({ $, el, call, attempt, notify, state });
const indicators = indicatorsScreen({ $, el, call, attempt, notify, state });
// After the board changes units or staff, every picker offers the catalogue as it is now.
const people = peopleScreen({
  $, el, call, attempt, notify, state, onCatalogue: () => { fillSelects(); fillSessionStaff(); },
});
const awardsCard = awardsScreen({ $, el, call, attempt, notify, state });
const myPage = myPageScreen({ $, el, call, attempt, state, openNomination: (id) => openDetail(id) });
const announcements = announcementsScreen({ $, el, call, attempt, notify, state });
const registrations = registrationsScreen({ $, el, call, attempt, notify, state });
const statistics = statisticsScreen({ $, el, call, attempt, state, signOut: () => signOut() });
const register = registerScreen({ $, el, call, attempt, state, signOut: () => signOut() });
const schoolReport = schoolReportScreen({
  $, el, call, attempt, notify, state, signOut: () => signOut(), year: () => $('report-year').value,
});
const templates = templatesScreen({ $, el, call, attempt, notify, state });
const council = councilScreen({
  $, el, call, attempt, notify, state, signOut: () => signOut(),
  openNomination: (id) => openDetail(id), onIssued: () => loadRoundDocuments(),
});

// ---------------------------------------------------------------- deadline (public)

async function loadDeadline() {
  const name = $('deadline-name');
  const date = $('deadline-date');
  const countdown = $('deadline-countdown');
  try {
    const d = await api(endpoints.deadline, { auth: false });
    state.nextDeadline = d;
    name.textContent = d.name;
    date.replaceChildren(
      el('span', {}, 'Hạn: '),
      el('time', { dateTime: d.due_date }, d.due_date_vn || formatDate(d.due_date)),
    );
    countdown.textContent = daysLeftText(d.days_left);
    $('deadline').classList.toggle('deadline-soon', d.days_left <= 30);
  } catch (error) {
    name.textContent = error instanceof ApiError ? error.detail : 'Không tải được hạn chót.';
    date.replaceChildren();
    countdown.textContent = '';
  }
}

// ---------------------------------------------------------------- sign-in

function showSignedIn(signedIn) {
  $('signin').hidden = signedIn;
  $('workspace').hidden = !signedIn;
  $('session').hidden = !signedIn;
}

// Enters the workspace as the holder of `token`, or, with '', of the session cookie.
async function signIn(token) {
  const [catalogue, me] = await Promise.all([
    api(endpoints.catalogue, { token }), api(endpoints.me, { token })]);
  session.token = token;
  state.mode = token ? 'token' : 'session';
  state.catalogue = catalogue;
  state.me = me;
  $('session-who').textContent = me.name ? `${me.name} · ${me.role_label}` : me.role_label;
  $('session-who').title = me.unit_name ? `${me.role_label}, ${me.unit_name}` : me.role_label;
  // Only those who write nominations are offered the form (the service refuses others).
  $('new-nomination').hidden = !me.writes_nominations;
  fillSelects();
  await deadlineLoaded;
  fillReportYears();
  showSignedIn(true);
  fillSessionStaff();
  people.start();
  await Promise.all([loadQuotas(), loadList(), loadReports(), loadDocuments(), loadDeadLetters(),
    loadRoundDocuments(), initiatives.start(), loadReminders(), loadPart(), indicators.start(),
    awardsCard.start(), myPage.start(), announcements.start(), registrations.start(),
    statistics.start(), register.start(), council.start(), schoolReport.start(),
    templates.start()]);
}

// The code from the bot (typed, or carried by its link) for a session cookie, then in.
async function signInWithCode(typed) {
  const code = normaliseCode(typed);
  if (!code) {
    throw new ApiError(0, 'form_incomplete',
      'Mã đăng nhập gồm 8 chữ và số (như K7QM-4XPR); thầy cô gõ lại đúng mã bot đã gửi.');
  }
  await api(endpoints.signIn, { method: 'POST', body: { code }, auth: false });
  await signIn('');
}

// "Đăng xuất": a session ends on the server too (its cookie is cleared); then the page.
async function leave() {
  if (state.mode === 'session') {
    try {
      await api(endpoints.signOut, { method: 'DELETE', token: '' });
    } catch {
      // Already ended (401) or offline: the page signs out all the same.
    }
  }
  signOut();
}

function signOut() {
  session.token = '';
  state.mode = null;
  state.catalogue = null;
  state.me = null;
  $('session-who').textContent = '';
  state.current = null;
  state.cursors = [''];
  state.page = 0;
  const dialog = $('action-dialog');
  if (dialog.open) dialog.close();
  $('quota-table').tBodies[0].replaceChildren();
  $('report-units').replaceChildren();
  $('report-summary').textContent = '';
  $('reports').hidden = true;
  $('outbox-list').replaceChildren();
  $('outbox').hidden = true;
  initiatives.reset();
  indicators.reset();
  people.reset();
  awardsCard.reset();
  myPage.reset();
  announcements.reset();
  registrations.reset();
  statistics.reset();
  register.reset();
  council.reset();
  schoolReport.reset();
  templates.reset();
  clearRoundDocuments();
  $('sessions-list').replaceChildren();
  $('sessions').hidden = true;
  clearReminders();
  clearPart();
  $('nomination-table').tBodies[0].replaceChildren();
  $('detail').hidden = true;
  $('create').hidden = true;
  updatePanelLayout();
  $('token').value = '';
  $('sign-in-code').value = '';
  showSignedIn(false);
}

// ---------------------------------------------------------------- catalogue selects

function option(value, label, selected = false) {
  return el('option', { value, selected }, label);
}

function currentPeriodId(periods) {
  const year = String(vnToday().year);
  const match = periods.find((p) => p.id === year);
  return match ? match.id : (periods[0] ? periods[0].id : '');
}

function fillSelects() {
  const { periods, award_forms: awards } = state.catalogue;
  const now = currentPeriodId(periods);
  const keep = (select) => select.value;

  const quotaPeriod = $('quota-period');
  const quotaValue = keep(quotaPeriod) || now;
  quotaPeriod.replaceChildren(...periods.map((p) => option(p.id, p.label, p.id === quotaValue)));

  const f = state.filter;
  $('filter-period').replaceChildren(option('', 'Tất cả các kỳ'),
    ...periods.map((p) => option(p.id, p.label, p.id === f.period)));
  $('filter-status').replaceChildren(option('', 'Tất cả trạng thái'),
    ...STATUSES.map(([code, label]) => option(code, label, code === f.status)));
  $('filter-award').replaceChildren(option('', 'Tất cả hình thức'),
    ...awards.map((a) => option(a.code, a.label, a.code === f.award)));

  const createPeriod = $('create-period');
  const createPeriodValue = keep(createPeriod) || now;
  createPeriod.replaceChildren(...periods.map((p) => option(p.id, p.label, p.id === createPeriodValue)));
  const createAward = $('create-award');
  const awardValue = keep(createAward);
  createAward.replaceChildren(option('', '— Chọn hình thức —'),
    ...awards.map((a) => option(a.code, a.label, a.code === awardValue)));
  fillSubjects();
}

function subjectKind() {
  const checked = document.querySelector('input[name="subject_kind"]:checked');
  return checked ? checked.value : 'individual';
}

function fillSubjects() {
  const select = $('create-subject');
  const previous = select.value;
  const { staff } = state.catalogue;
  // A unit the school no longer has is offered nowhere, nor are people still filed under it.
  const units = offeredUnits(state.catalogue.units);
  const unitName = (id) => (units.find((u) => u.id === id) || { name: id }).name;
  const kind = subjectKind();
  $('create-subject-label').textContent =
    kind === 'individual' ? 'Cán bộ được đề nghị' : 'Tập thể được đề nghị';
  let options;
  if (kind === 'individual') {
    const closed = new Set(state.catalogue.units.filter((u) => u.active === false).map((u) => u.id));
    options = staff.filter((s) => !closed.has(s.unit_id)).map((s) => {
      const label = `${s.name} – ${unitName(s.unit_id)}${s.on_hold ? ' (đang tạm dừng xét khen thưởng)' : ''}`;
      return el('option', { value: s.id, disabled: Boolean(s.on_hold), selected: s.id === previous }, label);
    });
    if (options.length === 0) {
      options = [el('option', { value: '', disabled: true, selected: true },
        'Danh mục chưa có cán bộ nào')];
    }
  } else {
    options = units.map((u) => option(u.id, u.name, u.id === previous));
  }
  select.replaceChildren(
    ...(options.length && options[0].value ? [option('', '— Chọn —', !previous)] : []), ...options);
}

// ---------------------------------------------------------------- quotas

function quotaCell(item) {
  const td = el('td', { className: 'quota-cell', dataset: { award: item.award, kind: item.subject_kind } });
  const numeric = typeof item.limit === 'number';
  td.append(el('span', { className: 'q-numbers' },
    hiddenText('Đã dùng '),
    el('span', { className: 'q-used' }, String(item.used)),
    el('span', { 'aria-hidden': 'true' }, ' / '),
    hiddenText(', chỉ tiêu '),
    el('span', { className: 'q-limit' }, quotaLimitText(item.limit))));
  let note;
  let tone = '';
  if (!numeric) {
    note = item.limit === 'unlimited' ? 'không giới hạn' : 'cần đặt chỉ tiêu trước khi trình';
    tone = item.limit === 'unlimited' ? '' : 'q-unset';
  } else if (item.limit === 0) {
    note = 'không có chỉ tiêu';
    tone = 'q-none';
  } else {
    td.append(el('meter', {
      className: 'q-meter', min: 0, max: item.limit, value: item.used,
      low: item.limit * 0.5, high: item.limit * 0.99, optimum: 0, 'aria-hidden': 'true',
    }));
    note = item.remaining > 0 ? `còn ${item.remaining} chỉ tiêu` : 'đã hết chỉ tiêu';
    tone = item.remaining > 0 ? '' : 'q-full';
  }
  td.append(el('span', { className: `q-remaining ${tone}`.trim() }, note));
  return td;
}

async function loadQuotas() {
  const period = $('quota-period').value;
  if (!period) return;
  const section = $('quotas');
  section.setAttribute('aria-busy', 'true');
  try {
    const data = await call(endpoints.quotas(period));
    $('quota-caption').textContent = `${data.period_label}: chỉ tiêu đã dùng / tổng số`;
    const rows = new Map();
    for (const item of data.items) {
      if (!rows.has(item.award)) rows.set(item.award, { label: item.award_label, cells: {} });
      rows.get(item.award).cells[item.subject_kind] = item;
    }
    const body = [];
    for (const [code, row] of rows) {
      const tr = el('tr', { dataset: { award: code } }, el('th', { scope: 'row' }, row.label));
      for (const kind of ['collective', 'individual']) {
        tr.append(row.cells[kind] ? quotaCell(row.cells[kind]) : el('td', {}, '—'));
      }
      body.push(tr);
    }
    $('quota-table').tBodies[0].replaceChildren(...body);
  } finally {
    section.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------- units' yearly reports

const REPORT_STATUS = { submitted: 'Đã nộp', draft: 'Đang soạn', missing: 'Chưa nộp' };

// Settles (never rejects) once the header's deadline has been asked for.
let deadlineLoaded = Promise.resolve();

// The year whose report comes due next (from the deadline in the header), else this year.
function defaultReportYear() {
  const due = state.nextDeadline && state.nextDeadline.due_date;
  return due ? due.slice(0, 4) : String(new Date().getFullYear());
}

function fillReportYears() {
  const select = $('report-year');
  const chosen = select.value || defaultReportYear();
  const years = YEARS.map(String);
  if (!years.includes(chosen)) years.push(chosen);
  select.replaceChildren(...years.map((y) => option(y, `Năm ${y}`, y === chosen)));
}

// A card only some roles may see: shown with what `render` makes of the answer, hidden when
// the service answers 403 (the service decides who sees what, not the page).
async function loadRoleCard(section, path, render) {
  section.setAttribute('aria-busy', 'true');
  try {
    let data;
    try {
      data = await call(path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        section.hidden = true;
        return;
      }
      throw error;
    }
    section.hidden = false;
    render(data);
  } finally {
    section.removeAttribute('aria-busy');
  }
}

// Who has and has not sent their part (not shown to staff).
function loadReports() {
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

// ---------------------------------------------------------------- issued documents

// The file as issued, saved under its Vietnamese name (the token stays out of any URL).
async function saveFile(d, format) {
  let blob;
  try {
    blob = await fetchFile(endpoints.documentFile(`${d.id}.${format}`));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && session.token) signOut();
    throw error;
  }
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: d.files[format].name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The year's report as issued, version by version, newest first (the board and the council);
// the board issues it, again only with a reason.
function loadDocuments() {
  const year = $('report-year').value;
  return loadRoleCard($('documents'), endpoints.yearlyDocuments(year), (data) => {
    const docs = Array.isArray(data.documents) ? data.documents : [];
    $('documents-empty').hidden = docs.length > 0;
    $('documents-list').replaceChildren(...docs.slice().reverse().map((d) => {
      const about = [`ngày ${d.issued_on_vn}`, `lần ${d.version}`, `người ký: ${d.signer}`];
      if (d.reason) about.push(`lý do: ${d.reason}`);
      return el('li', { dataset: { id: d.id } },
        el('span', { className: 'document-number' }, `Số ${d.number_text}`),
        el('span', { className: 'hint' }, about.join(' · ')),
        el('span', { className: 'actions' },
          ...['pdf', 'docx'].map((format) => el('button', {
            type: 'button', className: 'button button-quiet',
            onclick: () => attempt(() => saveFile(d, format)),
          }, `Tải ${format.toUpperCase()}`))));
    }));
    $('issue-form').hidden = !(state.me && state.me.role === 'admin');
    $('issue-reason-field').hidden = docs.length === 0;
    $('issue-submit').textContent = docs.length === 0 ? 'Phát hành báo cáo' : 'Phát hành lại (số mới)';
  });
}

async function issueReport() {
  const year = $('report-year').value;
  const body = {};
  const signer = $('issue-signer').value.trim();
  const reason = $('issue-reason').value.trim();
  if (signer) body.signer = { name: signer };
  if (reason && !$('issue-reason-field').hidden) body.reason = reason;
  await schoolReport.flush(); // what the board just typed is in what is issued
  const issued = await call(endpoints.yearlyDocuments(year), { method: 'POST', body });
  $('issue-reason').value = '';
  await Promise.all([loadDocuments(), schoolReport.reload()]);
  notify(`Đã phát hành báo cáo năm ${year}, số ${issued.number_text}.`);
}

// ---------------------------------------------------------------- Zalo messages that failed

// Admins only.
function loadDeadLetters() {
  return loadRoleCard($('outbox'), endpoints.deadLetters, (data) => {
    const items = Array.isArray(data.items) ? data.items : [];
    $('outbox-empty').hidden = items.length > 0;
    $('outbox-list').replaceChildren(...items.map((m) => {
      const target = m.target === 'group' ? 'Nhóm cán bộ'
        : (m.target && m.target.staff_id ? `Cán bộ ${m.target.staff_id}` : '—');
      const text = String(m.text || '');
      return el('li', { dataset: { id: m.id } },
        el('p', { className: 'outbox-text' }, text.length > 300 ? `${text.slice(0, 300)}…` : text),
        el('p', { className: 'hint' },
          `${target} · ${m.attempts || 1} lần thử · lỗi lúc ${formatInstant(m.dead_at)}: ${m.reason || '—'}`),
        el('div', { className: 'actions' },
          el('button', {
            type: 'button', className: 'button button-quiet',
            onclick: () => attempt(() => settleDeadLetter(m.id, 'retry')),
          }, 'Gửi lại'),
          el('button', {
            type: 'button', className: 'button button-quiet button-danger',
            onclick: () => attempt(() => settleDeadLetter(m.id, 'discard')),
          }, 'Bỏ')));
    }));
  });
}

async function settleDeadLetter(id, how) {
  if (how === 'retry') {
    await call(`${endpoints.deadLetter(id)}/retry`, { method: 'POST' });
  } else {
    await call(endpoints.deadLetter(id), { method: 'DELETE' });
  }
  await loadDeadLetters();
  notify(how === 'retry' ? `Đã xếp tin nhắn ${id} vào hàng gửi lại.` : `Đã bỏ tin nhắn ${id}; sẽ không gửi nữa.`);
}

// ---------------------------------------------------------------- sessions (admins)

function fillSessionStaff() {
  const admin = state.me && state.me.role === 'admin';
  $('sessions').hidden = !admin;
  $('sessions-list').replaceChildren();
  $('sessions-empty').hidden = true;
  if (!admin) return;
  const staff = (state.catalogue && state.catalogue.staff) || [];
  $('sessions-staff').replaceChildren(...staff.map((m) => option(m.id, `${m.name} (${m.id})`)));
}

async function loadSessions() {
  const id = $('sessions-staff').value;
  if (!id) return;
  const data = await call(endpoints.staffSessions(id));
  const items = Array.isArray(data.sessions) ? data.sessions : [];
  $('sessions-empty').hidden = items.length > 0;
  $('sessions-list').replaceChildren(...items.map((x) => el('li', { dataset: { id: x.id } },
    el('span', {}, `Đăng nhập lúc ${formatInstant(x.created_at)} · dùng gần nhất `
      + `${formatInstant(x.last_active)} · từ ${x.address || '—'}`),
    el('button', {
      type: 'button', className: 'button button-quiet button-danger',
      'aria-label': `Kết thúc phiên đăng nhập lúc ${formatInstant(x.created_at)}`,
      onclick: () => attempt(async () => {
        await call(endpoints.session(x.id), { method: 'DELETE' });
        await loadSessions();
        notify('Đã kết thúc phiên đăng nhập.');
      }, { busy: $('sessions') }),
    }, 'Kết thúc'))));
}

// ---------------------------------------------------------------- nominations list

function badge(status, label) {
  return el('span', { className: `badge status-${status}` }, label || statusLabel(status));
}

async function loadList() {
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
  attempt(loadList);
}

// ---------------------------------------------------------------- detail

function fact(term, ...description) {
  return [el('dt', {}, term), el('dd', {}, ...description)];
}

function renderDetail(n, history, dossier) {
  state.current = n;
  $('detail-heading').textContent = `Đề nghị số ${n.id}`;
  $('detail-status').replaceChildren(badge(n.status, n.status_label));
  $('detail-status').dataset.status = n.status;

  const facts = [
    ...fact('Đối tượng', `${n.subject_name} (${SUBJECT_KINDS[n.subject_kind] || n.subject_kind})`),
    ...fact('Đơn vị', n.unit_name || '—'),
    ...fact('Hình thức', n.award_label),
    ...fact('Kỳ khen thưởng', n.period_label),
    ...fact('Lý do', n.reason || '—'),
  ];
  const vote = n.vote && typeof n.vote === 'object' && !Array.isArray(n.vote) ? n.vote : null;
  if (vote && vote.summary) facts.push(...fact('Biểu quyết', vote.summary));
  const outcome = n.outcome && typeof n.outcome === 'object' ? n.outcome : {};
  if (outcome.rejection) facts.push(...fact('Lý do không thông qua', outcome.rejection.reason || '—'));
  if (outcome.forwarding) {
    facts.push(...fact('Đã gửi cấp khen thưởng',
      `Ngày ${formatDate(outcome.forwarding.date)}, văn bản số ${outcome.forwarding.reference}`));
  }
  if (outcome.decision) {
    facts.push(...fact('Quyết định khen thưởng',
      `Số ${outcome.decision.number}, ngày ${formatDate(outcome.decision.date)}`));
  }
  if (outcome.not_awarded) facts.push(...fact('Không được khen thưởng', outcome.not_awarded.reason || '—'));
  if (outcome.award_exception) {
    facts.push(...fact('Ngoại lệ một thành tích, một hình thức', outcome.award_exception.reason || '—'));
  }
  const created = (Array.isArray(history.history) ? history.history : []).find((h) => h.action === 'create');
  facts.push(...fact('Người tạo', (created && created.by_name) || n.created_by || '—'),
    ...fact('Tạo lúc', formatInstant(n.created_at)),
    ...fact('Cập nhật', formatInstant(n.updated_at)));
  $('detail-facts').replaceChildren(...facts);
  $('detail-achievements').replaceChildren(achievementsSection({
    el, call, attempt, notify, me: () => state.me, reopen: (id) => openDetail(id, { focus: false }),
  }, n));

  const offered = (Array.isArray(n.allowed_actions) ? n.allowed_actions : []).filter((a) => ACTIONS[a]);
  const actions = offered.map((name) => el('button', {
    type: 'button',
    className: `button${ACTIONS[name].danger ? ' button-danger' : ''}`,
    dataset: { action: name },
    onclick: () => attempt(() => startAction(name)),
  }, ACTIONS[name].label));
  const none = FINAL_STATUSES.includes(n.status)
    ? 'Đề nghị đã kết thúc; không còn thao tác nào.'
    : 'Ở bước này, vai trò của thầy cô không có thao tác nào với đề nghị.';
  $('detail-actions').replaceChildren(...(actions.length ? actions
    : [el('p', { className: 'hint' }, none)]));

  const recording = Boolean(state.me && state.me.keeps_council_records)
    && !FINAL_STATUSES.includes(n.status);
  $('detail-dossier').replaceChildren(...dossier.items.map((item) => el('li', {
    className: item.complete ? 'dossier-done' : 'dossier-missing',
    dataset: { item: item.code },
  },
  el('span', { className: 'dossier-mark', 'aria-hidden': 'true' }, item.complete ? '✓' : '○'),
  el('span', { className: 'dossier-label' }, item.label),
  el('span', { className: 'dossier-copies' },
    `${item.complete ? 'Đủ' : 'Chưa đủ'}: đã nhận ${item.copies_received}/${item.copies_required} bản` +
    (item.received_at ? ` (${formatInstant(item.received_at)})` : '')),
  recording ? dossierReceiptForm(n, item) : '')));

  const council = [];
  if (recording) {
    council.push(el('button', { type: 'button', className: 'button button-quiet', onclick: () => attempt(() => startAction('meeting')) },
      RECORDS.meeting.label));
    if (n.status === 'under_review') {
      council.push(el('button', { type: 'button', className: 'button', onclick: () => attempt(() => startAction('vote')) },
        RECORDS.vote.label));
    }
  }
  $('detail-council').replaceChildren(...council);
  $('detail-council-heading').hidden = council.length === 0;

  const entries = Array.isArray(history.history) ? history.history : [];
  $('detail-history').replaceChildren(...entries.map((h) => el('li', {},
    el('time', { dateTime: h.at }, formatInstant(h.at)),
    ' · ',
    el('strong', {}, historyActionLabel(h.action)),
    h.to && h.from !== h.to ? ` → ${statusLabel(h.to)}` : '',
    h.by_name || h.by ? ` · ${h.by_name || h.by}` : '',
    h.note ? el('span', { className: 'history-note' }, h.note) : null)));
}

async function openDetail(id, { focus = true } = {}) {
  // One call (issue 12, Fast): the detail brings its history and dossier checklist.
  const n = await call(endpoints.nominationFull(id));
  renderDetail(n, { history: n.history }, n.dossier);
  $('create').hidden = true;
  $('detail').hidden = false;
  updatePanelLayout();
  if (focus) {
    $('detail-heading').focus({ preventScroll: true });
    $('detail').scrollIntoView({ block: 'start' });
  }
}

// ---------------------------------------------------------------- actions

// The copies of one dossier item received so far, for the council's secretary to record.
function dossierReceiptForm(n, item) {
  const id = `dossier-copies-${item.code}`;
  const input = el('input', {
    id, type: 'number', min: 0, max: 1000, step: 1, inputMode: 'numeric',
    value: String(item.copies_received || 0), required: true,
  });
  const form = el('form', { className: 'dossier-receipt', noValidate: true },
    // The item's name is in the label for screen readers; sighted people see it above.
    el('label', { htmlFor: id }, 'Số bản đã nhận',
      el('span', { className: 'visually-hidden' }, `: ${item.label}`)),
    input,
    el('button', { type: 'submit', className: 'button button-quiet' }, 'Ghi nhận'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const copies = wholeNumber(input.value);
      if (copies === null) {
        input.focus();
        throw new Error(`“Số bản đã nhận” của “${item.label}” phải là số nguyên không âm.`);
      }
      await call(endpoints.dossierItem(n.id, item.code), { method: 'PUT', body: { copies } });
      await openDetail(n.id, { focus: false });
      notify(`Đã ghi nhận ${copies} bản “${item.label}” của đề nghị số ${n.id}.`);
    }, { busy: form });
  });
  return form;
}

// A whole number 0–1000 typed by a person, or null.
function wholeNumber(text) {
  const t = String(text).trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  const v = Number(t);
  return v <= 1000 ? v : null;
}

const dialogSpec = (name) => ACTIONS[name] || RECORDS[name] || EXCEPTIONS[name];

// A submission refused for a second award form in the period: the board may submit it
// again with the reason of the exception; others read why it was refused.
async function performOrOfferException(name) {
  try {
    await perform(name, {});
  } catch (error) {
    const board = state.me && state.me.role === 'admin';
    if (name !== 'submit' || error.code !== 'one_award_per_period' || !board) throw error;
    showError(error);
    await startAction('submit_exception');
  }
}

// Choices of a select field in the dialog, asked of the service when the dialog opens.
async function selectOptions(field) {
  if (field.name === 'chair_id' || field.name === 'secretary_id') {
    return [option('', '—'), ...councilStaff().map((s) => option(s.id, s.name))];
  }
  if (field.name === 'meeting_id') {
    const { items } = await call(endpoints.meetings);
    const meetings = (Array.isArray(items) ? items : []).slice().reverse();  // newest first
    if (meetings.length === 0) return [option('', 'Chưa có cuộc họp nào: hãy “Ghi cuộc họp Hội đồng” trước')];
    return meetings.map((m) => option(m.id,
      `Họp ngày ${formatDate(m.date)}: ${m.members_present}/${m.members_total} thành viên có mặt`));
  }
  return [];
}

// Who may sit on the council: the board and the council's members.
function councilStaff() {
  const staff = (state.catalogue && state.catalogue.staff) || [];
  return staff.filter((s) => s.role === 'admin' || s.role === 'council');
}

// One row per possible member: not a member, present, or absent.
function membersField(id) {
  return el('div', { className: 'members', id },
    ...councilStaff().map((s) => {
      const rowId = `${id}-${s.id}`;
      return el('div', { className: 'member-row' },
        el('label', { htmlFor: rowId }, s.name),
        el('select', { id: rowId, dataset: { staff: s.id } },
          option('', '—'), option('present', 'Có mặt'), option('absent', 'Vắng mặt')));
    }));
}

function membersValue(id) {
  return [...document.querySelectorAll(`#${id} select`)]
    .filter((select) => select.value)
    .map((select) => ({ staff_id: select.dataset.staff, present: select.value === 'present' }));
}

async function startAction(name) {
  const action = dialogSpec(name);
  if (!state.current) return;
  if (action.fields.length === 0) {
    attempt(() => performOrOfferException(name));
    return;
  }
  state.dialogAction = name;
  const n = state.current;
  $('action-dialog-heading').textContent = action.label;
  $('action-dialog-subject').textContent =
    `Đề nghị số ${n.id}: ${n.subject_name} – ${n.award_label} (${n.period_label})`;
  $('action-alert').replaceChildren();
  const today = vnToday();
  const todayText = `${String(today.day).padStart(2, '0')}/${String(today.month).padStart(2, '0')}/${today.year}`;
  const choices = {};
  for (const f of action.fields) {
    if (f.kind === 'select') choices[f.name] = await selectOptions(f);
  }
  $('action-fields').replaceChildren(...action.fields.map((f) => {
    const id = `action-field-${f.name}`;
    let input;
    if (f.kind === 'members') {
      return el('fieldset', { className: 'field' }, el('legend', {}, f.label), membersField(id));
    }
    if (f.kind === 'select') {
      input = el('select', { id, name: f.name, required: f.required }, ...choices[f.name]);
    } else if (f.kind === 'number') {
      input = el('input', {
        id, name: f.name, type: 'number', min: 0, max: 1000, step: 1, inputMode: 'numeric',
        required: f.required,
      });
    } else if (f.kind === 'textarea') {
      input = el('textarea', { id, name: f.name, rows: 3, maxLength: 2000, required: f.required });
    } else {
      input = el('input', {
        id, name: f.name, type: 'text', required: f.required, autocomplete: 'off',
        maxLength: f.max || 10,
      });
      if (f.kind === 'date') {
        input.inputMode = 'numeric';
        input.placeholder = 'dd/mm/yyyy';
        input.value = todayText;
      }
    }
    return el('div', { className: 'field' }, el('label', { htmlFor: id }, f.label), input);
  }));
  $('action-confirm').textContent = action.label;
  $('action-confirm').classList.toggle('button-danger', Boolean(action.danger));
  $('action-dialog').showModal();
}

// Sends what a dialog (or a button without one) asked for; returns the sentence saying what was recorded.
async function send(name, n, extra) {
  if (name === 'meeting') {
    const m = await call(endpoints.meetings, { method: 'POST', body: extra });
    return `Đã ghi cuộc họp Hội đồng ngày ${formatDate(m.date)}: ${m.members_present}/${m.members_total}`
      + ` thành viên có mặt${m.quorum_met ? '' : ' (chưa đủ số thành viên để biểu quyết)'}.`;
  }
  if (name === 'vote') {
    const v = await call(endpoints.vote(n.id), { method: 'PUT', body: extra });
    return `Đã ghi biểu quyết cho đề nghị số ${n.id}: ${v.summary}`;
  }
  const spec = dialogSpec(name);
  const after = await call(endpoints.transitions(n.id), {
    method: 'POST', body: { action: spec.action || name, ...extra },
  });
  return `${spec.done} số ${n.id}. Trạng thái mới: ${after.status_label}.`;
}

async function perform(name, extra) {
  const n = state.current;
  const buttons = [...document.querySelectorAll('#detail-actions button, #detail-council button')];
  buttons.forEach((b) => { b.disabled = true; });
  let said;
  try {
    said = await send(name, n, extra);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
  // Refresh what the transition changed (status, history, places used), then say it: the
  // notice and the screen agree when a person reads them.
  // A meeting or a vote recorded here shows on the council's screen too.
  const councilRecord = name === 'meeting' || name === 'vote';
  await Promise.all([openDetail(n.id, { focus: false }), loadList(), loadQuotas(),
    councilRecord ? council.start() : null]);
  notify(said);
}

async function confirmAction(event) {
  event.preventDefault();
  const name = state.dialogAction;
  const action = dialogSpec(name);
  const box = $('action-alert');
  box.replaceChildren();
  const body = {};
  for (const f of action.fields) {
    if (f.kind === 'members') {
      const members = membersValue(`action-field-${f.name}`);
      if (members.length) body[f.name] = members;
      continue;
    }
    const value = $(`action-field-${f.name}`).value.trim();
    if (!value) {
      if (f.required) {
        box.replaceChildren(el('p', {}, `Hãy nhập “${f.label}”.`));
        $(`action-field-${f.name}`).focus();
        return;
      }
      continue;
    }
    if (f.kind === 'date') {
      const iso = parseVnDate(value);
      if (!iso) {
        const name = f.label.replace(/\s*\(dd\/mm\/yyyy\)$/, '');
        box.replaceChildren(el('p', {}, `“${name}” phải là một ngày có thật, dạng dd/mm/yyyy (ví dụ 05/11/2026).`));
        $(`action-field-${f.name}`).focus();
        return;
      }
      body[f.name] = iso;
    } else if (f.kind === 'number') {
      const v = wholeNumber(value);
      if (v === null) {
        box.replaceChildren(el('p', {}, `“${f.label}” phải là số nguyên không âm.`));
        $(`action-field-${f.name}`).focus();
        return;
      }
      body[f.name] = v;
    } else {
      body[f.name] = value;
    }
  }
  const confirm = $('action-confirm');
  confirm.disabled = true;
  try {
    clearError();
    await perform(name, body);
    $('action-dialog').close();
  } catch (error) {
    box.replaceChildren(el('p', {}, error instanceof ApiError ? error.detail : String(error.message || error)));
  } finally {
    confirm.disabled = false;
  }
}

// ---------------------------------------------------------------- create

async function openCreate() {
  state.catalogue = await call(endpoints.catalogue);
  fillSelects();
  $('detail').hidden = true;
  $('create').hidden = false;
  updatePanelLayout();
  $('create-heading').focus({ preventScroll: true });
  $('create').scrollIntoView({ block: 'start' });
}

async function createNomination(event) {
  event.preventDefault();
  const body = {
    period: $('create-period').value,
    award: $('create-award').value,
    subject_kind: subjectKind(),
    subject_id: $('create-subject').value,
    reason: $('create-reason').value.trim(),
  };
  const missing = [];
  if (!body.period) missing.push('kỳ khen thưởng');
  if (!body.award) missing.push('hình thức khen thưởng');
  if (!body.subject_id) missing.push(body.subject_kind === 'individual' ? 'cán bộ' : 'tập thể');
  if (missing.length) {
    throw new ApiError(0, 'form_incomplete', `Hãy chọn ${missing.join(', ')}.`);
  }
  const created = await call(endpoints.create, { method: 'POST', body });
  notify(`Đã tạo đề nghị số ${created.id} (nháp) cho ${created.subject_name}.`);
  $('create-reason').value = '';
  state.cursors = [''];
  state.page = 0;
  await Promise.all([loadList(), openDetail(created.id)]);
}

// Two columns on a wide screen only while a side panel (create or detail) is open.
function updatePanelLayout() {
  $('workspace').classList.toggle('has-panel', !$('create').hidden || !$('detail').hidden);
}

function closePanel(id) {
  $(id).hidden = true;
  updatePanelLayout();
  $('nominations-heading').focus({ preventScroll: false });
}

// ---------------------------------------------------------------- wiring

function wire() {
  wireRoundDocuments({
    el, call, attempt, notify, loadRoleCard, signOut, state: () => state,
  });
  $('nominations-heading').tabIndex = -1;
  wireReminders({ call, attempt, notify, el, me: () => state.me });
  wirePart({
    call, attempt, notify, el, me: () => state.me, catalogue: () => state.catalogue,
    year: () => $('report-year').value,
  });
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    clearNotice();
    if (!token) {
      clearError();
      showError(new ApiError(0, 'form_incomplete', 'Hãy dán mã truy cập trước khi đăng nhập.'));
      $('token').focus();
      return;
    }
    const ok = await attempt(async () => {
      await signIn(token);
      return true;
    }, { busy: $('signin') });
    if (ok) {
      $('token').value = '';
      notify('Đã đăng nhập.');
      $('main').focus();
    } else {
      $('token').select();
    }
  });
  $('code-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearNotice();
    const ok = await attempt(async () => {
      await signInWithCode($('sign-in-code').value);
      return true;
    }, { busy: $('signin') });
    if (ok) {
      notify('Đã đăng nhập.');
      $('main').focus();
    } else {
      $('sign-in-code').select();
    }
  });
  $('sign-out').addEventListener('click', async () => {
    clearError();
    const mode = state.mode;
    await leave();
    notify(mode === 'session' ? 'Đã đăng xuất.'
      : 'Đã đăng xuất; mã truy cập đã được xoá khỏi trình duyệt.');
    $('sign-in-code').focus();
  });
  $('sessions-form').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(loadSessions, { busy: $('sessions') });
  });
  $('quota-period').addEventListener('change', () => attempt(loadQuotas));
  $('report-year').addEventListener('change',
    () => attempt(() => Promise.all([loadReports(), loadDocuments(), loadPart(), indicators.start(),
      schoolReport.reload()])));
  $('issue-form').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(issueReport, { busy: $('documents') });
  });
  initiatives.wire();
  registrations.wire();
  statistics.wire();
  indicators.wire();
  people.wire();
  $('outbox-reload').addEventListener('click', () => attempt(loadDeadLetters, { busy: $('outbox') }));
  $('filters').addEventListener('submit', applyFilters);
  $('page-next').addEventListener('click', () => {
    if (!state.nextAfter) return;
    state.cursors[state.page + 1] = state.nextAfter;
    state.page += 1;
    attempt(loadList);
  });
  $('page-prev').addEventListener('click', () => {
    if (state.page === 0) return;
    state.page -= 1;
    attempt(loadList);
  });
  $('new-nomination').addEventListener('click', () => attempt(openCreate));
  $('create-close').addEventListener('click', () => closePanel('create'));
  $('detail-close').addEventListener('click', () => closePanel('detail'));
  for (const radio of document.querySelectorAll('input[name="subject_kind"]')) {
    radio.addEventListener('change', fillSubjects);
  }
  $('create-form').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(() => createNomination(event), { busy: $('create') });
  });
  $('action-form').addEventListener('submit', confirmAction);
  $('action-cancel').addEventListener('click', () => $('action-dialog').close());
}

// The bot's link: /admin/#ma=<code>. The code leaves the address bar (and the history) at
// once, and is exchanged for the session cookie. False when the address carries no code.
async function signInFromLink() {
  const linked = codeFromHash(window.location.hash);
  if (linked === null) return false;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (state.mode) signOut();
  showSignedIn(false);
  $('sign-in-code').value = linked;
  const ok = await attempt(async () => {
    await signInWithCode(linked);
    return true;
  }, { busy: $('signin') });
  if (ok) {
    notify('Đã đăng nhập.');
    $('sign-in-code').value = '';
  }
  return true;
}

async function start() {
  wire();
  deadlineLoaded = loadDeadline();
  setInterval(loadDeadline, 60 * 60 * 1000);
  // A link opened while the page is already open changes only the fragment.
  window.addEventListener('hashchange', () => signInFromLink());
  if (await signInFromLink()) return;
  const token = session.token;
  try {
    // With no token, a session cookie from before may still be good: the browser sends it.
    await signIn(token);
  } catch (error) {
    // A token that no longer works is dropped; after a network failure it stays for a retry.
    if (error instanceof ApiError && error.status === 401) session.token = '';
    if (token || !(error instanceof ApiError && error.status === 401)) showError(error);
    showSignedIn(false);
  }
}

start();
