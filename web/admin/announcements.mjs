// "Thông báo" (issue 12): the board writes a message to the staff's Zalo group or to one
// colleague whose Zalo is linked (POST /api/notifications/v1/messages, urgent or not, with an
// Idempotency-Key so a double click or a retry after a dropped connection sends it once), now
// or at a time it chooses ("send_at"; cancelled before that time with DELETE), and reads the
// log of recent messages with their delivery status in words and, on demand, each one's
// history. The notifications service decides who may do this (admin); the card is hidden when
// it refuses. Replies to chat commands are left out of the log: they are one person's (a
// sign-in code among them). Built here whole, so index.html holds only the empty card.
import { ApiError } from './api.mjs';
import { endpoints } from './endpoints.mjs';
import { formatInstant } from './format.mjs';

// services/notifications/domain/outbox.hpp's states, as the board reads them.
export const DELIVERY = {
  queued: 'Đang chờ gửi',
  held: 'Tạm giữ, sẽ gửi sau',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  retry: 'Chưa gửi được, đang thử lại',
  dead: 'Gửi không được',
  discarded: 'Đã bỏ, không gửi',
  scheduled: 'Hẹn giờ gửi',
};
const PENDING = ['queued', 'held', 'sending', 'retry'];
const HELD_REASONS = { quiet_hours: 'ngoài giờ gửi tin', zalo_unavailable: 'Zalo đang gián đoạn' };
const SOURCES = {
  api: 'do Ban giám hiệu hoặc hệ thống gửi',
  event: 'tin tự động về đề nghị khen thưởng',
  digest: 'bản tin tổng hợp',
  dead_letter_retry: 'gửi lại sau khi lỗi',
  scheduled: 'đến giờ hẹn',
};
// The school's clock: Vietnam, UTC+7 all year (no summer time).
const VN_OFFSET = '+07:00';
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

  // The colleagues a message can go to privately: those whose Zalo is linked; the others
  // are listed, not offered, so the board sees why someone is missing.
  function targetOptions() {
    const staff = ((state.catalogue && state.catalogue.staff) || []).filter((x) => x.active !== false)
      .slice().sort((a, b) => String(a.name).localeCompare(String(b.name), 'vi'));
    return [el('option', { value: 'group' }, 'Nhóm Zalo cán bộ (cả trường)'),
      ...staff.map((x) => el('option', { value: x.id, disabled: !x.zalo_user_id },
        `Nhắn riêng: ${x.name}${x.zalo_user_id ? '' : ' (chưa liên kết Zalo)'}`))];
  }

  function fieldError(id) {
    return el('p', { className: 'field-error', id, 'aria-live': 'polite' });
  }

  // The submit button says what will happen.
  function refreshAction() {
    const later = $('announce-later').checked;
    $('announce-at-field').hidden = !later;
    const group = $('announce-target').value === 'group';
    $('announce-send').textContent = later ? 'Hẹn giờ gửi' : group ? 'Gửi vào nhóm' : 'Gửi riêng';
  }

  function form() {
    const text = el('textarea', {
      id: 'announce-text', name: 'text', rows: 5, maxLength: MAX_TEXT,
      'aria-describedby': 'announce-error announce-hint',
      oninput: () => {
        $('announce-preview').textContent = text.value.trim() || 'Tin nhắn sẽ hiện ở đây.';
        $('announce-error').textContent = '';
      },
    });
    const when = (id, value, label, checked) => el('label', { className: 'choice' },
      el('input', { type: 'radio', name: 'announce-when', id, value, checked, onchange: refreshAction }),
      ` ${label}`);
    return el('form', { id: 'announce-form', className: 'announce-form', noValidate: true,
      onsubmit: (event) => { event.preventDefault(); attempt(send, { busy: card() }); } },
    el('div', { className: 'field' },
      el('label', { htmlFor: 'announce-target' }, 'Gửi đến'),
      el('select', { id: 'announce-target', name: 'target', onchange: refreshAction }, ...targetOptions()),
      el('p', { className: 'hint' }, 'Tin nhắn riêng chỉ gửi được cho thầy cô đã liên kết Zalo với bot.')),
    el('div', { className: 'field' },
      el('label', { htmlFor: 'announce-text' }, 'Nội dung tin nhắn'), text,
      el('p', { className: 'hint', id: 'announce-hint' },
        'Tin dài hơn 2000 chữ được chia thành vài tin, gửi theo thứ tự. Cuối tin, bot thêm một dòng '
        + 'cho biết đây là tin tự động.')),
    fieldError('announce-error'),
    el('fieldset', { className: 'field' }, el('legend', {}, 'Thời điểm gửi'),
      when('announce-now', 'now', 'Gửi ngay', true),
      when('announce-later', 'later', 'Hẹn giờ gửi', false),
      el('div', { className: 'field', id: 'announce-at-field', hidden: true },
        el('label', { htmlFor: 'announce-at' }, 'Ngày và giờ gửi'),
        el('input', { type: 'datetime-local', id: 'announce-at', name: 'send_at',
          'aria-describedby': 'announce-at-error announce-at-hint',
          oninput: () => { $('announce-at-error').textContent = ''; } }),
        el('p', { className: 'hint', id: 'announce-at-hint' },
          'Giờ Việt Nam, hẹn trước tối đa 92 ngày. Trước giờ hẹn, tin có thể hủy trong nhật ký bên dưới.'),
        fieldError('announce-at-error'))),
    el('div', { className: 'field' }, el('label', { className: 'choice' },
      el('input', { type: 'checkbox', id: 'announce-urgent', name: 'urgent' }),
      ' Gửi gấp: gửi ngay cả ngoài giờ gửi tin (buổi tối, đêm)')),
    el('h3', {}, 'Xem trước'),
    el('p', { className: 'announce-preview', id: 'announce-preview' }, 'Tin nhắn sẽ hiện ở đây.'),
    el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button', id: 'announce-send' }, 'Gửi vào nhóm')));
  }

  // The request's body from the form, or null after saying next to the field what is missing.
  function composed() {
    const box = $('announce-text');
    const text = box.value.trim();
    if (!text) {
      $('announce-error').textContent = 'Hãy gõ nội dung tin nhắn trước khi gửi.';
      box.focus();
      return null;
    }
    const to = $('announce-target').value;
    const body = { target: to === 'group' ? 'group' : { staff_id: to }, text, urgent: $('announce-urgent').checked };
    if ($('announce-later').checked) {
      const at = $('announce-at').value; // "2026-12-07T07:00", the school's time
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at)) {
        $('announce-at-error').textContent = 'Hãy chọn ngày và giờ gửi.';
        $('announce-at').focus();
        return null;
      }
      body.send_at = `${at}:00${VN_OFFSET}`;
    }
    return body;
  }

  function resetForm() {
    key = newKey();
    $('announce-text').value = '';
    $('announce-urgent').checked = false;
    $('announce-at').value = '';
    $('announce-now').checked = true;
    $('announce-target').value = 'group';
    $('announce-preview').textContent = 'Tin nhắn sẽ hiện ở đây.';
    refreshAction();
  }

  async function send() {
    const body = composed();
    if (!body) return;
    let queued;
    try {
      queued = await call(endpoints.messages, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    } catch (error) {
      // A time refused (past, too far ahead) is said next to its field.
      if (error instanceof ApiError && String(error.code).startsWith('send_at')) {
        $('announce-at-error').textContent = error.detail;
        $('announce-at').focus();
        return;
      }
      throw error;
    }
    const to = body.target === 'group' ? 'nhóm Zalo cán bộ' : `thầy cô ${staffName(body.target.staff_id)}`;
    const urgent = body.urgent;
    resetForm();
    polls = 0;
    await loadLog(queued && queued.id);
    if (body.send_at) notify(`Đã hẹn giờ gửi tin cho ${to} lúc ${formatInstant(body.send_at)}.`);
    else if (urgent) notify(`Đã đưa tin nhắn gấp vào hàng gửi cho ${to}.`);
    else notify(`Đã đưa tin nhắn vào hàng gửi cho ${to}; ngoài giờ gửi tin, tin được giữ đến sáng.`);
  }

  // ------------------------------------------------------------ the log

  function historyLine(h) {
    const parts = [formatInstant(h.at), DELIVERY[h.state] || h.state];
    if (h.state === 'queued' && SOURCES[h.source]) parts.push(SOURCES[h.source]);
    if (h.state === 'held') {
      parts.push(`${HELD_REASONS[h.reason] || 'tạm giữ'}${h.until ? `, đến ${formatInstant(h.until)}` : ''}`);
    }
    if (h.state === 'scheduled' && h.send_at) parts.push(`gửi lúc ${formatInstant(h.send_at)}`);
    if (h.state === 'discarded' && h.reason === 'cancelled') parts.push('đã hủy hẹn');
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
    if (m.send_at) about.push(`hẹn gửi lúc ${formatInstant(m.send_at)}`);
    if (m.urgent) about.push('gửi gấp');
    if (m.category === 'reminder') about.push('nhắc hạn');
    return el('li', { dataset: { id: m.id, state: m.state } },
      el('p', { className: 'outbox-text' }, text.length > 300 ? `${text.slice(0, 300)}…` : text),
      el('p', {}, el('span', { className: `badge delivery-${m.state}` }, DELIVERY[m.state] || m.state),
        ' ', el('span', { className: 'hint' }, about.join(' · '))),
      el('div', { className: 'form-actions' }, button, m.state === 'scheduled' ? cancelButton(m) : null), holder);
  }

  // Cancelling a scheduled message: the service refuses (409) once it has left, and the log
  // then shows where it is.
  function cancelButton(m) {
    return el('button', { type: 'button', className: 'button button-quiet', onclick: () => attempt(async () => {
      try {
        await call(endpoints.message(m.id), { method: 'DELETE' });
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        await loadLog();
        notify('Tin này đã đến giờ gửi hoặc đã được hủy trước đó, nên không hủy nữa.');
        return;
      }
      await loadLog();
      notify(`Đã hủy tin hẹn gửi lúc ${formatInstant(m.send_at)}; tin sẽ không được gửi.`);
    }, { busy: card() }) }, 'Hủy hẹn', el('span', { className: 'visually-hidden' }, ` tin lúc ${formatInstant(m.send_at)}`));
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
