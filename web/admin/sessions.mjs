// "Phiên đăng nhập của cán bộ" (admins): one person's sign-ins, each ended on request.
import { $, el, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';

// `ui`: the page's helpers from app.mjs (call, attempt, notify, state).
export function sessionsScreen({ call, attempt, notify, state }) {
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('sessions').replaceChildren(
    el('div', { className: 'card-head' }, el('h2', { id: 'sessions-heading' }, 'Phiên đăng nhập của cán bộ')),
    el('form', { className: 'filters', id: 'sessions-form', noValidate: true,
      'aria-label': 'Xem phiên đăng nhập' },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'sessions-staff' }, 'Cán bộ'),
        el('select', { id: 'sessions-staff', name: 'staff' })),
      el('div', { className: 'field field-button' },
        el('button', { type: 'submit', className: 'button button-quiet' }, 'Xem phiên đăng nhập'))),
    el('p', { className: 'hint', id: 'sessions-empty', hidden: true },
      'Cán bộ này không có phiên đăng nhập nào.'),
    el('ul', { className: 'sessions-list', id: 'sessions-list' }),
    el('p', { className: 'hint' },
      'Mỗi lần đăng nhập bằng mã của bot là một phiên. “Kết thúc” đăng xuất ngay phiên đó ở mọi trang; xoá '
      + 'cán bộ hoặc đổi vai trò cũng kết thúc mọi phiên của họ.'));

  // The people to choose from, as the catalogue has them now; the card is the board's only.
  function fillStaff() {
    const admin = state.me && state.me.role === 'admin';
    $('sessions').hidden = !admin;
    $('sessions-list').replaceChildren();
    $('sessions-empty').hidden = true;
    if (!admin) return;
    const staff = (state.catalogue && state.catalogue.staff) || [];
    $('sessions-staff').replaceChildren(...staff.map((m) => option(m.id, `${m.name} (${m.id})`)));
  }

  async function load() {
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
          await load();
          notify('Đã kết thúc phiên đăng nhập.');
        }, { busy: $('sessions') }),
      }, 'Kết thúc'))));
  }

  return {
    fillStaff,
    wire() {
      $('sessions-form').addEventListener('submit', (event) => {
        event.preventDefault();
        attempt(load, { busy: $('sessions') });
      });
    },
    reset() {
      $('sessions-list').replaceChildren();
      $('sessions').hidden = true;
    },
  };
}
