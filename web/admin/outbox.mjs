// "Tin nhắn Zalo gửi lỗi" (admins only; a 403 hides the card): the messages the bot gave up
// on, each sent again or dropped.
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';

// `ui`: the page's helpers from app.mjs (call, attempt, notify, loadRoleCard).
export function outboxScreen({ call, attempt, notify, loadRoleCard }) {
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('outbox').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'outbox-heading' }, 'Tin nhắn Zalo gửi lỗi'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'outbox-reload' }, 'Tải lại')),
    el('p', { className: 'hint', id: 'outbox-empty', hidden: true }, 'Không có tin nhắn nào gửi lỗi.'),
    el('ul', { className: 'outbox-list', id: 'outbox-list' }),
    el('p', { className: 'hint' },
      'Tin nhắn đã thử gửi nhiều lần không được (hoặc Zalo từ chối). Khắc phục nguyên nhân rồi bấm “Gửi '
      + 'lại”; “Bỏ” để không gửi nữa.'));

  function load() {
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
              onclick: () => attempt(() => settle(m.id, 'retry')),
            }, 'Gửi lại'),
            el('button', {
              type: 'button', className: 'button button-quiet button-danger',
              onclick: () => attempt(() => settle(m.id, 'discard')),
            }, 'Bỏ')));
      }));
    });
  }

  async function settle(id, how) {
    if (how === 'retry') {
      await call(`${endpoints.deadLetter(id)}/retry`, { method: 'POST' });
    } else {
      await call(endpoints.deadLetter(id), { method: 'DELETE' });
    }
    await load();
    notify(how === 'retry' ? `Đã xếp tin nhắn ${id} vào hàng gửi lại.` : `Đã bỏ tin nhắn ${id}; sẽ không gửi nữa.`);
  }

  return {
    load,
    wire() {
      $('outbox-reload').addEventListener('click', () => attempt(load, { busy: $('outbox') }));
    },
    reset() {
      $('outbox-list').replaceChildren();
      $('outbox').hidden = true;
    },
  };
}
