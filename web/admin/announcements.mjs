// "Thông báo" (issue 12): the board writes a message to the staff's Zalo group (POST
// /api/notifications/v1/messages, urgent or not, with an Idempotency-Key so a double click or
// a retry after a dropped connection sends it once) and reads the log of recent messages with
// their delivery status in words and, on demand, each one's history. The notifications
// service decides who may do this (admin); the card is hidden when it refuses. Replies to chat
// commands are left out of the log: they are one person's (a sign-in code among them). Built
// here whole, so index.html holds only the empty card.
import { ApiError, endpoints, formatInstant } from './api.mjs';

// services/notifications/domain/outbox.hpp's states, as the board reads them.
export const DELIVERY = {
  queued: 'Đang chờ gửi',
  held: 'Tạm giữ, sẽ gửi sau',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  retry: 'Chưa gửi được, đang thử lại',
  dead: 'Gửi không được',
  discarded: 'Đã bỏ, không gửi',
};
const PENDING = ['queued', 'held', 'sending', 'retry'];
const HELD_REASONS = { quiet_hours: 'ngoài giờ gửi tin', zalo_unavailable: 'Zalo đang gián đoạn' };
const SOURCES = {
  api: 'do Ban giám hiệu hoặc hệ thống gửi',
  event: 'tin tự động về đề nghị khen thưởng',
  digest: 'bản tin tổng hợp',
  dead_letter_retry: 'gửi lại sau khi lỗi',
};
const LOG_SIZE = 20;
const MAX_TEXT = 20000;

function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `thong-bao-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function announcementsScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  const card = () => $('announcements');
  let key = newKey(); // one per message written: the same on a retry of the same message
  let polls = 0;
  let timer = null;

  const staffName = (id) => {
    const s = ((state.catalogue && state.catalogue.staff) || []).find((x) => x.id === id);
    return s ? s.name : 'một cán bộ';
  };
  const targetText = (t) => (t === 'group' ? 'Nhóm cán bộ'
    : `Nhắn riêng cho ${staffName(t && t.staff_id)}`);

  // ------------------------------------------------------------ compose

  function form() {
    const text = el('textarea', {
      id: 'announce-text', name: 'text', rows: 5, maxLength: MAX_TEXT,
      'aria-describedby': 'announce-error announce-hint',
      oninput: () => {
        $('announce-preview').textContent = text.value.trim() || 'Tin nhắn sẽ hiện ở đây.';
        $('announce-error').textContent = '';
      },
    });
    return el('form', { id: 'announce-form', className: 'announce-form', noValidate: true,
      onsubmit: (event) => { event.preventDefault(); attempt(send, { busy: card() }); } },
    el('div', { className: 'field' },
      el('label', { htmlFor: 'announce-text' }, 'Nội dung gửi vào nhóm Zalo cán bộ'), text,
      el('p', { className: 'hint', id: 'announce-hint' },
        'Tin dài hơn 2000 chữ được chia thành vài tin, gửi theo thứ tự. Cuối tin, bot thêm một dòng '
        + 'cho biết đây là tin tự động.')),
    el('p', { className: 'field-error', id: 'announce-error', 'aria-live': 'polite' }),
    el('div', { className: 'field' }, el('label', { className: 'choice' },
      el('input', { type: 'checkbox', id: 'announce-urgent', name: 'urgent' }),
      ' Gửi gấp: gửi ngay cả ngoài giờ gửi tin (buổi tối, đêm)')),
    el('h3', {}, 'Xem trước'),
    el('p', { className: 'announce-preview', id: 'announce-preview' }, 'Tin nhắn sẽ hiện ở đây.'),
    el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button', id: 'announce-send' }, 'Gửi vào nhóm')));
  }

  async function send() {
    const box = $('announce-text');
    const text = box.value.trim();
    if (!text) {
      $('announce-error').textContent = 'Hãy gõ nội dung tin nhắn trước khi gửi.';
      box.focus();
      return;
    }
    const urgent = $('announce-urgent').checked;
    const queued = await call(endpoints.messages, {
      method: 'POST', body: { target: 'group', text, urgent }, headers: { 'Idempotency-Key': key },
    });
    key = newKey();
    box.value = '';
    $('announce-urgent').checked = false;
    $('announce-preview').textContent = 'Tin nhắn sẽ hiện ở đây.';
    notify(urgent ? 'Đã đưa tin nhắn gấp vào hàng gửi nhóm Zalo cán bộ.'
      : 'Đã đưa tin nhắn vào hàng gửi nhóm Zalo cán bộ; ngoài giờ gửi tin, tin được giữ đến sáng.');
    polls = 0;
    await loadLog(queued && queued.id);
  }

  // ------------------------------------------------------------ the log

  function historyLine(h) {
    const parts = [formatInstant(h.at), DELIVERY[h.state] || h.state];
    if (h.state === 'queued' && SOURCES[h.source]) parts.push(SOURCES[h.source]);
    if (h.state === 'held') {
      parts.push(`${HELD_REASONS[h.reason] || 'tạm giữ'}${h.until ? `, đến ${formatInstant(h.until)}` : ''}`);
    }
    if (h.state === 'retry' && h.due) parts.push(`thử lại lúc ${formatInstant(h.due)}`);
    if (h.state === 'sending' && h.attempt) parts.push(`lần thử ${h.attempt}`);
    if (h.state === 'dead' && h.attempts) parts.push(`sau ${h.attempts} lần thử`);
    return el('li', {}, parts.join(' · '));
  }

  async function showHistory(m, holder, button) {
    const full = await call(endpoints.message(m.id));
    const entries = Array.isArray(full.history) ? full.history : [];
    holder.replaceChildren(el('ol', { className: 'history' }, ...entries.map(historyLine)));
    button.setAttribute('aria-expanded', 'true');
  }

  function logItem(m) {
    const text = String(m.text || '');
    const holder = el('div', { className: 'announce-history' });
    const button = el('button', { type: 'button', className: 'button button-quiet', 'aria-expanded': 'false' },
      'Xem diễn biến', el('span', { className: 'visually-hidden' }, ` tin lúc ${formatInstant(m.created_at)}`));
    button.addEventListener('click', () => attempt(() => showHistory(m, holder, button)));
    const about = [targetText(m.target), formatInstant(m.created_at)];
    if (m.urgent) about.push('gửi gấp');
    if (m.category === 'reminder') about.push('nhắc hạn');
    return el('li', { dataset: { id: m.id, state: m.state } },
      el('p', { className: 'outbox-text' }, text.length > 300 ? `${text.slice(0, 300)}…` : text),
      el('p', {}, el('span', { className: `badge delivery-${m.state}` }, DELIVERY[m.state] || m.state),
        ' ', el('span', { className: 'hint' }, about.join(' · '))),
      button, holder);
  }

  // `waiting`: the id just sent; the log is read again for a short while until it has left.
  async function loadLog(waiting) {
    clearTimeout(timer);
    let data;
    try {
      data = await call(endpoints.recentMessages('100'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        card().hidden = true;
        return;
      }
      throw error;
    }
    const items = (Array.isArray(data.items) ? data.items : [])
      .filter((m) => m.target === 'group' || (m.target && m.target.staff_id)).slice(0, LOG_SIZE);
    $('announce-empty').hidden = items.length > 0;
    $('announce-log').replaceChildren(...items.map(logItem));
    card().hidden = false;
    const pending = waiting && items.some((m) => m.id === waiting && PENDING.includes(m.state));
    if (pending && polls < 20 && !card().hidden) {
      polls += 1;
      timer = setTimeout(() => attempt(() => loadLog(waiting)), 1500);
    }
  }

  function build() {
    card().replaceChildren(
      el('div', { className: 'card-head' },
        el('h2', { id: 'announcements-heading' }, 'Thông báo'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'announce-reload',
          onclick: () => attempt(() => loadLog(), { busy: card() }) }, 'Cập nhật nhật ký')),
      form(),
      el('h3', {}, 'Tin nhắn gần đây'),
      el('p', { className: 'hint', id: 'announce-empty', hidden: true }, 'Chưa có tin nhắn nào.'),
      el('ul', { className: 'outbox-list', id: 'announce-log' }),
      el('p', { className: 'hint' }, 'Tin không gửi được sau nhiều lần thử nằm ở mục “Tin nhắn Zalo gửi lỗi”, '
        + 'có nút “Gửi lại” và “Bỏ”. Tin trả lời riêng từng người trong Zalo không hiện ở đây.'));
  }

  return {
    // After sign-in: the board only (the service refuses others, and then the card hides).
    async start() {
      const admin = state.me && state.me.role === 'admin';
      card().hidden = true;
      if (!admin) return;
      build();
      await loadLog();
    },
    reset() {
      clearTimeout(timer);
      key = newKey();
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
