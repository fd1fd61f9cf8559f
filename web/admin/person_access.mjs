// One person's access, in "Cán bộ và tổ" (people.mjs): the code that links their Zalo, and
// their access codes and sign-ins, each of which the board can end. The panel's markup is
// here too; people.mjs places it in its card.
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';

const N = '/api/nominations/v1';
const path = {
  linkCode: (id) => `${N}/staff/${encodeURIComponent(id)}/link-codes`,
  tokens: (id) => `${N}/staff/${encodeURIComponent(id)}/tokens`,
  token: (id) => `${N}/tokens/${encodeURIComponent(id)}`,
};

// `ui`: $, el, call, attempt, notify from app.mjs, and `quiet` (people.mjs's small button).
export function personAccess(ui) {
  const { $, el, call, attempt, notify, quiet } = ui;
  let person = null; // the staff member whose Zalo link and sign-ins are shown

  // The panel, hidden until a person is chosen.
  const markup = () => el('div', { className: 'person', id: 'person', hidden: true },
    el('div', { className: 'card-head' },
      el('h3', { id: 'person-heading', tabIndex: -1 }),
      el('button', { type: 'button', className: 'button button-quiet', id: 'person-close' }, 'Đóng')),
    el('button', { type: 'button', className: 'button', id: 'link-code-make' }, 'Tạo mã liên kết Zalo'),
    el('div', { className: 'link-code', id: 'link-code', 'aria-live': 'polite' }),
    el('h4', {}, 'Mã truy cập'),
    el('p', { className: 'hint', id: 'person-tokens-empty', hidden: true }, 'Không có mã truy cập nào.'),
    el('ul', { className: 'sessions-list', id: 'person-tokens' }),
    el('h4', {}, 'Phiên đăng nhập'),
    el('p', { className: 'hint', id: 'person-sessions-empty', hidden: true }, 'Không có phiên đăng nhập nào.'),
    el('ul', { className: 'sessions-list', id: 'person-sessions' }),
    el('button', { type: 'button', className: 'button button-quiet button-danger', id: 'person-sessions-end',
      hidden: true },
      'Kết thúc mọi phiên'));

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
    $('link-code-make').addEventListener('click', () => attempt(makeLinkCode, { busy: $('person') }));
    $('person-sessions-end').addEventListener('click', () => attempt(() => endAccess(
      endpoints.staffSessions(person.id), `Kết thúc mọi phiên đăng nhập của ${person.name}?`,
      'Đã kết thúc mọi phiên đăng nhập.'), { busy: $('person') }));
    $('person-close').addEventListener('click', () => { $('person').hidden = true; person = null; });
  }

  function reset() {
    person = null;
    $('person').hidden = true;
  }

  return { markup, open: openPerson, wire, reset };
}
