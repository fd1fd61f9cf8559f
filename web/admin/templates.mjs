// "Mẫu văn bản" (issue 11): the board edits the wording of every document the school issues
// (the yearly report, tờ trình, quyết định, biên bản, báo cáo thành tích) without anyone
// touching the server's files. A template is checked when it is saved: a mistake is shown
// under the text with the line to correct, and nothing changes. "Dùng lại mẫu gốc" returns to
// the school's file. Documents already issued never change. Admins only; two calls (one per
// service that issues documents). Built here whole, so index.html holds only the empty card.
import { ApiError } from './api.mjs';
import { formatInstant } from './format.mjs';

const SERVICES = ['/api/nominations/v1', '/api/reports/v1'];

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function templatesScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  const card = () => $('templates');
  let items = []; // { base, info }, in the order shown

  const chosen = () => items.find((t) => `${t.base}|${t.info.file}` === $('template-choice').value);
  const path = (t) => `${t.base}/templates/${encodeURIComponent(t.info.file)}`;

  function about(info) {
    return info.edited
      ? `Nhà trường đã sửa mẫu này (lần cuối lúc ${formatInstant(info.updated_at)}); văn bản phát hành từ nay dùng mẫu đã sửa.`
      : 'Đang dùng mẫu gốc.';
  }

  function show() {
    const t = chosen();
    if (!t) return;
    $('template-wording').value = t.info.wording;
    $('template-status').textContent = about(t.info);
    $('template-error').textContent = '';
    $('template-wording').removeAttribute('aria-invalid');
    $('template-reset').hidden = !t.info.edited;
  }

  async function save() {
    const t = chosen();
    const wording = $('template-wording').value;
    if (!wording.trim()) {
      $('template-error').textContent = 'Mẫu không được để trống; muốn bỏ phần đã sửa, bấm “Dùng lại mẫu gốc”.';
      $('template-wording').setAttribute('aria-invalid', 'true');
      $('template-wording').focus();
      return;
    }
    try {
      t.info = await call(path(t), { method: 'PUT', body: { wording } });
    } catch (error) {
      // A template that cannot be used: what to correct, next to the text, and nothing saved.
      if (error instanceof ApiError && error.status === 422) {
        $('template-error').textContent = error.message;
        $('template-wording').setAttribute('aria-invalid', 'true');
        $('template-wording').focus();
        return;
      }
      throw error;
    }
    show();
    notify(`Đã lưu mẫu “${t.info.label}”; văn bản phát hành từ nay dùng mẫu này.`);
  }

  async function reset() {
    const t = chosen();
    t.info = await call(path(t), { method: 'DELETE' });
    show();
    notify(`Mẫu “${t.info.label}” đã trở về mẫu gốc.`);
  }

  function build() {
    card().replaceChildren(
      el('div', { className: 'card-head' }, el('h2', { id: 'templates-heading' }, 'Mẫu văn bản')),
      el('p', { className: 'hint' }, 'Lời văn của từng loại văn bản nhà trường phát hành. Các dòng đầu bắt đầu bằng # '
        + 'hướng dẫn cách viết và các chỗ {{...}} hệ thống tự điền; mẫu có lỗi sẽ không được lưu.'),
      el('form', { id: 'template-form', noValidate: true,
        onsubmit: (event) => { event.preventDefault(); attempt(save, { busy: card() }); } },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'template-choice' }, 'Loại văn bản'),
        el('select', { id: 'template-choice', onchange: show },
          ...items.map((t) => el('option', { value: `${t.base}|${t.info.file}` }, t.info.label)))),
      el('p', { className: 'report-summary', id: 'template-status', 'aria-live': 'polite' }),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'template-wording' }, 'Lời văn của mẫu'),
        el('textarea', { id: 'template-wording', className: 'template-text', rows: 18, maxLength: 60000,
          spellcheck: false, 'aria-describedby': 'template-error' }),
        el('p', { className: 'field-error', id: 'template-error', 'aria-live': 'polite' })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button' }, 'Lưu mẫu'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'template-reset',
          onclick: () => attempt(reset, { busy: card() }) }, 'Dùng lại mẫu gốc'))),
      el('p', { className: 'hint' }, 'Văn bản đã phát hành giữ nguyên; mẫu mới dùng cho các lần phát hành sau.'));
    show();
  }

  return {
    async start() {
      card().hidden = true;
      if ((state.me || {}).role !== 'admin') return;
      const lists = await Promise.all(SERVICES.map((base) => call(`${base}/templates`)
        .then((d) => (Array.isArray(d.templates) ? d.templates : []).map((info) => ({ base, info })))));
      items = lists.flat();
      if (items.length === 0) return;
      build();
      card().hidden = false;
    },
    reset() {
      items = [];
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
