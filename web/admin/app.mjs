// The admin dashboard's shell: who is signed in (a session cookie from a code the bot's
// /dangnhap gave, or a token), the messages (an error box, a notice shown once the screen has
// reloaded), the side panel's layout, and every screen started after sign-in and cleared at
// sign-out. Each screen's rendering and actions live in its own module (one per card, named
// after it). All text from the services goes in with textContent (dom.mjs).
import { ApiError, api, session } from './api.mjs';
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { vnToday } from './format.mjs';
import { actionDialog } from './action_dialog.mjs';
import { loadDeadline } from './deadline.mjs';
import { clearRoundDocuments, loadRoundDocuments, wireRoundDocuments } from './documents.mjs';
import { createScreen } from './nomination_create.mjs';
import { detailScreen } from './nomination_detail.mjs';
import { nominationsScreen } from './nominations.mjs';
import { outboxScreen } from './outbox.mjs';
import { quotasScreen } from './quotas.mjs';
import { sessionsScreen } from './sessions.mjs';
import { signInScreen } from './signin.mjs';
import { unitReportsScreen } from './unit_reports.mjs';
import { yearlyDocumentsScreen } from './yearly_documents.mjs';
import { initiativesScreen } from './initiatives.mjs';
import { registrationsScreen } from './registrations.mjs';
import { indicatorsScreen } from './indicators.mjs';
import { peopleScreen } from './people.mjs';
import { awardsScreen } from './awards.mjs';
import { clearReminders, loadReminders, wireReminders } from './reminders.mjs';
import { clearPart, loadPart, wirePart } from './contributions.mjs';
import { myPageScreen } from './mypage.mjs';
import { announcementsScreen } from './announcements.mjs';
import { statisticsScreen } from './statistics.mjs';
import { registerScreen } from './register.mjs';
import { councilScreen } from './council.mjs';
import { schoolReportScreen } from './school_report.mjs';
import { templatesScreen } from './templates.mjs';
import { clearCardMenu, fillCardMenu } from './card_menu.mjs';
import { watchLengths } from './length_hint.mjs';
import { leavePlace, watchPlaces } from './places.mjs';
import { keepUnsent, restoreUnsent, watchTyping } from './unsent.mjs';

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
  restored: 0, // boxes whose text came back at the last sign-in (unsent.mjs)
  dialogAction: null,
};

// ---------------------------------------------------------------- messages

function showError(error) {
  const box = $('alert');
  const detail = error instanceof ApiError ? error.detail : String((error && error.message) || error);
  // The request's id is for reporting a fault (5xx): a refusal that says what to do first
  // (4xx) is no fault to report. replaceChildren writes a null as the word "null": an empty
  // list when there is none.
  const fault = error instanceof ApiError && error.requestId && error.status >= 500;
  const requestId = fault
    ? [el('p', { className: 'alert-meta' }, `Nếu cần báo lỗi, gửi kèm mã: ${error.requestId}`)] : [];
  box.replaceChildren(
    el('p', { className: 'alert-text' }, detail),
    ...requestId,
    el('button', { type: 'button', className: 'button button-quiet alert-close', onclick: clearError },
      'Ẩn thông báo'),
  );
  box.scrollIntoView({ block: 'nearest' });
}
function clearError() {
  $('alert').replaceChildren();
}
// A notice shows for kNoticeMs at the foot of the screen (base.css), or until hidden.
const kNoticeMs = 10000;
let noticeTimer = 0;
function notify(text) {
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(clearNotice, kNoticeMs);
  $('notice').replaceChildren(el('p', {}, text),
    el('button', { type: 'button', className: 'button button-quiet button-small notice-close', onclick: clearNotice },
      'Ẩn', el('span', { className: 'visually-hidden' }, ' tin báo kết quả')));
}
function clearNotice() {
  $('notice').replaceChildren();
}

// Every call after sign-in: a 401 means the token was revoked or the session ended; sign out,
// keeping what the person was typing for their next sign-in (unsent.mjs).
async function call(path, options) {
  try {
    return await api(path, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && state.mode) {
      const kept = keepUnsent(state.me && state.me.subject);
      signOut();
      if (kept) {
        throw new ApiError(error.status, error.code, `${error.detail} Nội dung thầy/cô đang gõ dở `
          + 'được giữ lại trên trình duyệt này và sẽ tự điền lại khi thầy/cô đăng nhập lại.', error.requestId);
      }
    }
    throw error;
  }
}

// The button a person just pressed (a tap, a click, or Enter in a form, which presses the
// form's button), while its click is being handled: attempt() marks it as working, and a
// second press of a working button is dropped before any handler sees it. A double tap on a
// slow network would otherwise send the action twice (two nominations, "đã nộp trước đó").
let pressed = null;
function watchPresses() {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.dataset.working) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    pressed = button;
    setTimeout(() => { if (pressed === button) pressed = null; });
  }, true);
}

// Runs an action of the page: clears old messages, shows the error if it fails. The button
// that started it (if any) says it is working until the action ends.
async function attempt(work, { busy } = {}) {
  clearError();
  const button = pressed;
  pressed = null;
  if (button) {
    button.dataset.working = 'true';
    button.setAttribute('aria-disabled', 'true');
  }
  if (busy) busy.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (busy) busy.removeAttribute('aria-busy');
    if (button) {
      delete button.dataset.working;
      button.removeAttribute('aria-disabled');
    }
  }
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

// ---------------------------------------------------------------- layout

// Two columns on a wide screen only while a side panel (create or detail) is open.
function updatePanelLayout() {
  $('workspace').classList.toggle('has-panel', !$('create').hidden || !$('detail').hidden);
}

// One side panel at a time: `id` (create or detail) is shown, the other hidden.
function showPanel(id) {
  $(id === 'create' ? 'detail' : 'create').hidden = true;
  $(id).hidden = false;
  updatePanelLayout();
}

function hidePanels() {
  $('detail').hidden = true;
  $('create').hidden = true;
  updatePanelLayout();
}

// A panel's "Đóng": as Back, when the panel is the history's current entry (places.mjs).
function closePanel(id) {
  const place = id === 'detail' ? { panel: 'detail', id: detail.shown() } : { panel: 'create' };
  // Going back, the browser scrolls to where the person was when they opened the panel.
  const back = leavePlace(place);
  if (!back) hidePanels();
  $('nominations-heading').focus({ preventScroll: back });
}

// Back or Forward within the page: the panels as they were at that entry (the browser puts
// the scroll position back itself).
function toPlace(place) {
  if (!state.me) return;  // signed out since: nothing of before is shown again
  if (place?.panel === 'detail') {
    if ($('detail').hidden || detail.shown() !== place.id) {
      attempt(() => detail.open(place.id, { focus: false }));
    }
  } else if (place?.panel === 'create' && state.catalogue) {
    showPanel('create');
  } else {
    hidePanels();
  }
}

// ---------------------------------------------------------------- screens

const ui = { $, el, call, attempt, notify, state, loadRoleCard, signOut: () => signOut() };
const openDetail = (id, options) => detail.open(id, options);
const year = () => $('report-year').value;
const initiatives = initiativesScreen(ui);
const indicators = indicatorsScreen(ui);
// After the board changes units or staff, every picker offers the catalogue as it is now.
const people = peopleScreen({ ...ui, onCatalogue: () => { fillSelects(); sessions.fillStaff(); } });
// A round opened, moved or removed may change what the header shows as due first.
const awardsCard = awardsScreen({ ...ui, onRoundsChanged: () => loadDeadline(state) });
const myPage = myPageScreen({ ...ui, openNomination: openDetail });
const announcements = announcementsScreen(ui);
const registrations = registrationsScreen(ui);
const statistics = statisticsScreen(ui);
const register = registerScreen(ui);
const schoolReport = schoolReportScreen({ ...ui, year });
const templates = templatesScreen(ui);
const council = councilScreen({ ...ui, openNomination: openDetail, onIssued: () => loadRoundDocuments() });
const quotas = quotasScreen(ui);
const list = nominationsScreen({ ...ui, openDetail });
// A nomination made or moved on changes the list and "Trang của tôi" (what the person wrote
// and what concerns them): both are reloaded with it.
const nominationsChanged = () => Promise.all([list.load(), myPage.start()]);
const create = createScreen({
  ...ui, fillSelects: () => fillSelects(), showPanel, reloadList: nominationsChanged, openDetail,
});
const dialog = actionDialog({
  ...ui, showError, clearError, openDetail, reloadList: nominationsChanged, reloadQuotas: quotas.load,
  reloadCouncil: council.start,
});
const detail = detailScreen({ ...ui, showPanel, startAction: dialog.start, editDraft: (n) => create.edit(n) });
const unitReports = unitReportsScreen(ui);
const yearlyDocuments = yearlyDocumentsScreen({ ...ui, schoolReport });
const outbox = outboxScreen(ui);
const sessions = sessionsScreen(ui);
const signin = signInScreen({
  ...ui, clearNotice, showError, clearError, signIn: (token) => signIn(token), showSignedIn,
  signedInText,
});

// The period of this year, else the catalogue's first.
function currentPeriodId(periods) {
  const thisYear = String(vnToday().year);
  const match = periods.find((p) => p.id === thisYear);
  return match ? match.id : (periods[0] ? periods[0].id : '');
}

// Every picker filled from the catalogue; what was chosen stays chosen.
function fillSelects() {
  const { periods, award_forms: awards } = state.catalogue;
  const now = currentPeriodId(periods);
  quotas.fillPeriods(periods, now);
  list.fillFilters(periods, awards);
  create.fill(periods, awards, now);
}

// ---------------------------------------------------------------- sign-in

// Settles (never rejects) once the header's deadline has been asked for.
let deadlineLoaded = Promise.resolve();

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
  unitReports.fillYears();
  showSignedIn(true);
  sessions.fillStaff();
  people.start();
  await Promise.all([quotas.load(), list.load(), unitReports.load(), yearlyDocuments.load(),
    outbox.load(), loadRoundDocuments(), initiatives.start(), loadReminders(), loadPart(),
    indicators.start(), awardsCard.start(), myPage.start(), announcements.start(),
    registrations.start(), statistics.start(), register.start(), council.start(),
    schoolReport.start(), templates.start()]);
  fillCardMenu();
  state.restored = restoreUnsent(me.subject);
}

// What the page says once someone is in.
function signedInText() {
  return state.restored
    ? `Đã đăng nhập. Đã điền lại nội dung thầy/cô gõ dở trước khi phiên hết hạn (${state.restored} ô); `
      + 'thầy/cô kiểm tra rồi bấm lưu hoặc gửi lại.'
    : 'Đã đăng nhập.';
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
  dialog.close();
  for (const screen of [quotas, unitReports, outbox, initiatives, indicators, people, awardsCard,
    myPage, announcements, registrations, statistics, register, council, schoolReport, templates]) {
    screen.reset();
  }
  clearRoundDocuments();
  clearCardMenu();
  sessions.reset();
  clearReminders();
  clearPart();
  list.reset();
  hidePanels();
  $('token').value = '';
  $('sign-in-code').value = '';
  showSignedIn(false);
}

// ---------------------------------------------------------------- wiring

function wire() {
  watchPresses();
  watchTyping();
  watchLengths();
  wireRoundDocuments({
    el, call, attempt, notify, loadRoleCard, signOut, state: () => state,
  });
  $('nominations-heading').tabIndex = -1;
  wireReminders({ call, attempt, notify, el, me: () => state.me });
  // A part submitted or reopened changes the cards that count the parts: reloaded with it.
  const partChanged = () => Promise.all([unitReports.load(), myPage.start(), schoolReport.reload()]);
  wirePart({
    call, attempt, notify, el, me: () => state.me, catalogue: () => state.catalogue, year, changed: partChanged,
  });
  signin.wire();
  sessions.wire();
  $('quota-period').addEventListener('change', () => attempt(quotas.load));
  $('report-year').addEventListener('change',
    () => attempt(() => Promise.all([unitReports.load(), yearlyDocuments.load(), loadPart(),
      indicators.start(), schoolReport.reload()])));
  yearlyDocuments.wire();
  for (const screen of [initiatives, registrations, statistics, indicators, people, outbox, list, create]) {
    screen.wire();
  }
  $('create-close').addEventListener('click', () => closePanel('create'));
  $('detail-close').addEventListener('click', () => closePanel('detail'));
  watchPlaces(toPlace);
  dialog.wire();
}

async function start() {
  wire();
  deadlineLoaded = loadDeadline(state);
  setInterval(() => loadDeadline(state), 60 * 60 * 1000);
  // A link opened while the page is already open changes only the fragment.
  window.addEventListener('hashchange', () => signin.fromLink());
  if (await signin.fromLink()) return;
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
