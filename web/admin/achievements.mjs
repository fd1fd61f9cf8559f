// A nomination's achievements in its detail (issue 12): each with its content areas (II.1–II.6)
// and its evidence links. The proposing unit's leader (or the board) corrects the reason and
// adds and removes achievements while the nomination is a draft (PUT /nominations/{id}, the whole draft, read
// again just before so that nobody's addition is dropped); the nominee, the leader and the
// board add evidence links until the council decides (POST /nominations/{id}/evidence; the
// service decides, domain/evidence.hpp, and refuses anyone else in Vietnamese).
import { ApiError } from './api.mjs';
import { endpoints } from './endpoints.mjs';
import { AREAS } from './movement.mjs';

const OPEN = ['draft', 'submitted', 'under_review'];
const AREA_NAMES = Object.fromEntries(AREAS);

// Who may add evidence, as the service decides it (domain/evidence.hpp); the page only
// avoids offering a form that would be refused.
export function mayAddEvidence(me, n) {
  if (!me || !OPEN.includes(n.status)) return false;
  if (me.role === 'admin') return true;
  if (me.role === 'leader' && me.unit_id && me.unit_id === n.unit_id) return true;
  return n.subject_kind === 'individual' && n.subject_id === me.subject;
}

export function mayEditAchievements(me, n) {
  return Boolean(me && n.status === 'draft'
    && (me.role === 'admin' || (me.role === 'leader' && me.unit_id === n.unit_id)));
}

// "https://drive.google.com/file/d/abc…" → "drive.google.com/file/d/abc…": what a person
// recognises, at most 60 characters; the full address stays in the link.
export function linkLabel(link) {
  const bare = String(link).replace(/^https?:\/\//, '');
  return bare.length > 60 ? `${bare.slice(0, 57)}…` : bare;
}

// The draft as PUT /nominations/{id} takes it, from a nomination as GET returns it.
export function draftOf(n) {
  return {
    period: n.period, award: n.award, subject_kind: n.subject_kind, subject_id: n.subject_id,
    reason: n.reason || '',
    achievements: (n.achievements || []).map((a) => ({
      text: a.text, areas: a.areas || [], evidence: a.evidence || [],
    })),
  };
}

// `ui`: el, call, attempt, notify, me(), reopen(id) (reloads the detail after a change) and
// editDraft(n) (the form for a new nomination, filled with this draft).
export function achievementsSection(ui, n) {
  const { el } = ui;
  const me = ui.me();
  const canAdd = mayAddEvidence(me, n);
  const canEdit = mayEditAchievements(me, n);
  const list = n.achievements || [];
  const items = list.map((a, index) => el('li', { dataset: { index: String(index) } },
    el('p', { className: 'achievement-text' }, a.text),
    (a.areas || []).length
      ? el('p', { className: 'hint' }, `Nội dung: ${a.areas.map((c) => AREA_NAMES[c] || c).join('; ')}`) : null,
    (a.evidence || []).length
      ? el('ul', { className: 'evidence-list', 'aria-label': `Minh chứng của thành tích ${index + 1}` },
        a.evidence.map((link) => el('li', {},
          el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, linkLabel(link)))))
      : el('p', { className: 'hint' }, 'Chưa có minh chứng.'),
    canAdd ? evidenceForm(ui, n, index) : null,
    canEdit ? el('button', {
      type: 'button', className: 'button button-quiet button-danger',
      'aria-label': `Xoá thành tích ${index + 1}`,
      onclick: () => ui.attempt(() => removeAchievement(ui, n, index)),
    }, 'Xoá thành tích') : null));
  return el('section', { className: 'achievements', 'aria-labelledby': 'detail-achievements-heading' },
    canEdit ? reasonForm(ui, n) : null,
    canEdit && ui.editDraft ? el('p', { className: 'form-actions' },
      el('button', { type: 'button', className: 'button button-quiet', onclick: () => ui.attempt(() => ui.editDraft(n)) },
        'Đổi kỳ, hình thức hoặc đối tượng')) : null,
    el('h3', { id: 'detail-achievements-heading' }, 'Thành tích và minh chứng'),
    items.length ? el('ol', { className: 'achievement-list' }, items)
      : el('p', { className: 'hint' }, canEdit ? 'Chưa ghi thành tích nào; thêm ở dưới.'
        : 'Đề nghị chưa ghi thành tích theo nội dung.'),
    canEdit ? achievementForm(ui, n) : null);
}

function evidenceForm(ui, n, index) {
  const { el } = ui;
  const id = `evidence-${n.id}-${index}`;
  const error = el('p', { className: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const input = el('input', {
    id, type: 'url', inputMode: 'url', autocomplete: 'off', maxLength: 2000,
    placeholder: 'https://drive.google.com/…', 'aria-describedby': `${id}-error`,
  });
  const form = el('form', { className: 'evidence-form', noValidate: true },
    el('div', { className: 'field' },
      el('label', { htmlFor: id }, `Thêm minh chứng cho thành tích ${index + 1} (đường dẫn)`), input),
    error,
    el('button', { type: 'submit', className: 'button button-quiet' }, 'Thêm minh chứng'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.attempt(async () => {
      const link = input.value.trim();
      error.textContent = '';
      if (!/^https?:\/\/[^/\s]\S*$/.test(link)) {
        error.textContent = 'Dán đường dẫn bắt đầu bằng http:// hoặc https://, ví dụ https://drive.google.com/…';
        input.focus();
        return;
      }
      try {
        await ui.call(`${endpoints.nomination(n.id)}/evidence`, { method: 'POST', body: { achievement: index, link } });
      } catch (e) {
        if (e instanceof ApiError && [400, 409, 422].includes(e.status)) {
          error.textContent = e.detail;
          return;
        }
        throw e;
      }
      await ui.reopen(n.id);
      ui.notify(`Đã thêm minh chứng cho thành tích ${index + 1} của đề nghị số ${n.id}.`);
    }, { busy: form });
  });
  return form;
}

// The draft's reason, corrected where it is shown (a typo once meant withdrawing the draft and
// writing it again under a new number).
function reasonForm(ui, n) {
  const { el } = ui;
  const id = `draft-reason-${n.id}`;
  const error = el('p', { className: 'field-error', 'aria-live': 'polite' });
  const box = el('textarea', { id, rows: 4, maxLength: 4000, value: n.reason || '' });
  const form = el('form', { className: 'reason-form', noValidate: true },
    el('div', { className: 'field' }, el('label', { htmlFor: id }, 'Sửa lý do đề nghị'), box),
    error,
    el('button', { type: 'submit', className: 'button button-quiet' }, 'Lưu lý do'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.attempt(() => {
      error.textContent = '';
      return saveDraft(ui, n, (draft) => { draft.reason = box.value.trim(); }, error,
        `Đã lưu lý do của đề nghị số ${n.id}.`);
    }, { busy: form });
  });
  return form;
}

function achievementForm(ui, n) {
  const { el } = ui;
  const id = `achievement-${n.id}`;
  const error = el('p', { className: 'field-error', 'aria-live': 'polite' });
  const text = el('textarea', { id: `${id}-text`, rows: 3, maxLength: 2000 });
  const links = el('textarea', { id: `${id}-links`, rows: 2, maxLength: 8000, placeholder: 'https://…' });
  const areas = AREAS.map(([code, label]) => el('label', { className: 'choice' },
    el('input', { type: 'checkbox', value: code }), ` ${label}`));
  const form = el('form', { className: 'achievement-form', noValidate: true },
    el('h4', {}, 'Thêm thành tích'),
    el('div', { className: 'field' }, el('label', { htmlFor: text.id }, 'Thành tích'), text),
    el('fieldset', { className: 'field' }, el('legend', {}, 'Thuộc nội dung của kế hoạch'), ...areas),
    el('div', { className: 'field' },
      el('label', { htmlFor: links.id }, 'Minh chứng (mỗi dòng một đường dẫn, nếu có)'), links),
    error,
    el('button', { type: 'submit', className: 'button' }, 'Thêm thành tích'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.attempt(async () => {
      error.textContent = '';
      const entry = {
        text: text.value.trim(),
        areas: areas.map((l) => l.querySelector('input')).filter((c) => c.checked).map((c) => c.value),
        evidence: links.value.split('\n').map((l) => l.trim()).filter(Boolean),
      };
      if (!entry.text) {
        error.textContent = 'Hãy ghi thành tích, ví dụ: Giáo viên dạy giỏi cấp huyện năm học 2025–2026.';
        text.focus();
        return;
      }
      const bad = entry.evidence.find((l) => !/^https?:\/\/[^/\s]\S*$/.test(l));
      if (bad) {
        error.textContent = `“${bad}” không phải đường dẫn; mỗi dòng một đường dẫn bắt đầu bằng http:// hoặc https://.`;
        links.focus();
        return;
      }
      await saveDraft(ui, n, (draft) => { draft.achievements.push(entry); }, error);
    }, { busy: form });
  });
  return form;
}

async function removeAchievement(ui, n, index) {
  const a = (n.achievements || [])[index];
  if (!a || !window.confirm(`Xoá thành tích “${a.text}” cùng các minh chứng của nó?`)) return;
  await saveDraft(ui, n, (draft) => {
    // By its text, in the draft as read now: a list changed meanwhile keeps its other entries.
    const at = draft.achievements.findIndex((x) => x.text === a.text);
    if (at >= 0) draft.achievements.splice(at, 1);
  }, null);
}

// Reads the nomination again, applies `change` to its draft and PUTs it: what others added
// since the page was drawn is kept.
async function saveDraft(ui, n, change, errorBox, said = `Đã lưu thành tích của đề nghị số ${n.id}.`) {
  const fresh = await ui.call(endpoints.nomination(n.id));
  const draft = draftOf(fresh);
  change(draft);
  try {
    await ui.call(endpoints.nomination(n.id), { method: 'PUT', body: draft });
  } catch (e) {
    if (errorBox && e instanceof ApiError && [400, 409, 422].includes(e.status)) {
      errorBox.textContent = e.detail;
      return;
    }
    throw e;
  }
  await ui.reopen(n.id);
  ui.notify(said);
}
