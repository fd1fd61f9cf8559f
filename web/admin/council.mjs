// "Hội đồng" (issue 12): the council's meetings, newest first, each with who sat by name
// (present and absent), chair, secretary, place, times, agenda, the quorum as the service
// computed it, the votes taken at it (nominee, award form, tally, passed or not), and its
// biên bản: issued by the board, downloaded as PDF or DOCX. A meeting is recorded here and
// corrected here as far as the service allows (PUT /council/meetings/{id}; the rule is
// services/nominations/domain/meeting_correction.hpp, and each meeting says what it still
// allows). Two calls: GET /council/meetings (with the votes) and GET /documents?kind=bien-ban.
// For the board and the council; built here whole, so index.html holds only the empty card.
import { ApiError } from './api.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, formatInstant, parseVnDate } from './format.mjs';
import { saveIssuedDocument } from './documents.mjs';
import { showPreview } from './preview.mjs';

const pad = (n) => String(n).padStart(2, '0');

// The request body from the form's values, or { problem: [field, sentence] } naming what to
// fix first. `values`: { date, start_time, end_time, place, agenda, chair_id, secretary_id,
// members: [{ staff_id, present }], members_total, members_present, note }.
export function meetingBody(values) {
  const date = parseVnDate(values.date);
  if (!date) return { problem: ['date', 'Ngày họp ghi theo dạng ngày/tháng/năm, ví dụ 20/11/2026.'] };
  const body = { date };
  for (const key of ['start_time', 'end_time']) {
    const t = String(values[key] || '').trim();
    if (!t) continue;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) {
      return { problem: [key, 'Giờ họp ghi theo dạng giờ:phút, ví dụ 14:00.'] };
    }
    body[key] = t;
  }
  if (body.start_time && body.end_time && body.end_time < body.start_time) {
    return { problem: ['end_time', 'Giờ kết thúc phải sau giờ bắt đầu.'] };
  }
  for (const key of ['place', 'agenda', 'note', 'chair_id', 'secretary_id']) {
    const v = String(values[key] || '').trim();
    if (v) body[key] = v;
  }
  if (values.members.length) {
    body.members = values.members;
    const present = new Set(values.members.filter((m) => m.present).map((m) => m.staff_id));
    if (body.chair_id && !present.has(body.chair_id)) {
      return { problem: ['chair_id', 'Người chủ trì phải là thành viên có mặt; hãy đánh dấu “Có mặt” cho người này.'] };
    }
    if (body.secretary_id && !present.has(body.secretary_id)) {
      return { problem: ['secretary_id', 'Thư ký phải là thành viên có mặt; hãy đánh dấu “Có mặt” cho người này.'] };
    }
    return { body };
  }
  const total = String(values.members_total || '').trim();
  const present = String(values.members_present || '').trim();
  if (!total || !present) {
    return { problem: ['members', 'Hãy đánh dấu ai có mặt, ai vắng mặt (hoặc ghi số thành viên và số có mặt).'] };
  }
  if (!/^\d{1,3}$/.test(total) || !/^\d{1,3}$/.test(present)) {
    return { problem: ['members_total', 'Số thành viên và số có mặt là số nguyên, ví dụ 9 và 7.'] };
  }
  body.members_total = Number(total);
  body.members_present = Number(present);
  return { body };
}

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state, signOut),
// `openNomination(id)` to show a nomination voted on, `onIssued()` after a biên bản is issued.
export function councilScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  const card = () => $('council');
  let meetings = [];
  let minutes = [];
  let editing = null; // the meeting being corrected; null for a new one

  const board = () => Boolean(state.me && state.me.role === 'admin');
  const keeps = () => Boolean(state.me && ['admin', 'council'].includes(state.me.role));
  // Who may sit on the council: the board and the council's members (as the dialog offers).
  const councilStaff = () => ((state.catalogue && state.catalogue.staff) || [])
    .filter((s) => s.role === 'admin' || s.role === 'council');
  const button = (text, onclick, extra = '', what = '') => el('button',
    { type: 'button', className: `button button-quiet ${extra}`.trim(), onclick }, text,
    what ? el('span', { className: 'visually-hidden' }, ` ${what}`) : null);
  const field = (key, label, control, hint) => el('div', { className: 'field' },
    el('label', { htmlFor: `council-${key}` }, label), control,
    hint ? el('p', { className: 'hint', id: `council-${key}-hint` }, hint) : null);
  const input = (key, props = {}) => el('input', {
    id: `council-${key}`, name: key, autocomplete: 'off', ...props,
  });
  const option = (value, text, selected) => el('option', { value, selected }, text);

  // ------------------------------------------------------------ one meeting

  const when = (m) => {
    const times = [m.start_time, m.end_time].filter(Boolean).join('–');
    return `Họp ngày ${formatDate(m.date)}${times ? `, ${times}` : ''}`;
  };
  const names = (list) => list.map((x) => x.name).join(', ');

  function attendance(m) {
    const members = Array.isArray(m.members) ? m.members : [];
    const quorum = m.quorum_met
      ? `Đủ số thành viên để biểu quyết (cần ${m.quorum_needed})`
      : `Chưa đủ số thành viên để biểu quyết (cần ${m.quorum_needed})`;
    const lines = [el('p', { className: `badge ${m.quorum_met ? 'quorum-ok' : 'quorum-short'}` },
      `${m.members_present}/${m.members_total} thành viên có mặt · ${quorum}`)];
    if (members.length) {
      const present = members.filter((x) => x.present);
      const absent = members.filter((x) => !x.present);
      lines.push(el('p', {}, el('strong', {}, `Có mặt (${present.length}): `), names(present) || 'không ai'));
      lines.push(el('p', {}, el('strong', {}, `Vắng mặt (${absent.length}): `), names(absent) || 'không ai'));
    } else {
      lines.push(el('p', { className: 'hint' }, 'Cuộc họp ghi theo số người, chưa có thành phần theo tên (cần để lập biên bản).'));
    }
    return lines;
  }

  function votesPart(m) {
    const votes = Array.isArray(m.votes) ? m.votes : [];
    if (!votes.length) return [el('p', { className: 'hint' }, 'Chưa biểu quyết đề nghị nào tại cuộc họp này.')];
    return [el('ul', { className: 'council-votes' }, ...votes.map((v) => el('li', { dataset: { nomination: v.nomination_id } },
      el('p', {}, el('strong', {}, v.subject_name), ` – ${v.award_label}`),
      el('p', {}, `${v.yes} tán thành, ${v.no} không tán thành, ${v.abstain} không biểu quyết · `,
        el('strong', { className: v.passed ? 'vote-passed' : 'vote-failed' }, v.passed ? 'Thông qua' : 'Không thông qua')),
      button('Xem đề nghị', () => attempt(() => ui.openNomination(v.nomination_id)), '', `số ${v.nomination_id}: ${v.subject_name}`))))];
  }

  function minutesPart(m) {
    const issued = minutes.filter((d) => d.subject === m.id);
    const parts = issued.slice().reverse().map((d) => el('li', { dataset: { id: d.id } },
      el('p', {}, `Biên bản số ${d.number_text}, ngày ${d.issued_on_vn}${d.version > 1 ? ` (lần ${d.version})` : ''}`),
      el('div', { className: 'actions' }, ...['pdf', 'docx'].map((format) => button(`Tải ${format.toUpperCase()}`,
        () => attempt(() => saveIssuedDocument(d, format, ui)), '', `biên bản số ${d.number_text}`)))));
    const out = [parts.length ? el('ul', { className: 'council-minutes' }, ...parts)
      : el('p', { className: 'hint' }, board() ? 'Chưa phát hành biên bản.' : 'Chưa phát hành biên bản; Ban giám hiệu phát hành khi cuộc họp đã ghi đủ.')];
    if (board()) {
      const reasonId = `council-reason-${m.id}`;
      const previewId = `council-preview-${m.id}`;
      const again = issued.length > 0;
      const form = el('form', { className: 'council-issue', noValidate: true },
        again ? field(`reason-${m.id}`, 'Lý do phát hành lại', el('textarea', { id: reasonId, rows: 2, maxLength: 500, required: true })) : null,
        el('div', { className: 'actions' },
          // The biên bản as it would be issued now, number blank, nothing stored (preview.mjs).
          button('Xem trước biên bản', () => attempt(() => showPreview($(previewId),
            `${endpoints.issueMinutes}/preview`, { body: { meeting_id: m.id }, signOut: ui.signOut }),
          { busy: form }), '', when(m).toLowerCase()),
          el('button', { type: 'submit', className: 'button' }, again ? 'Phát hành lại biên bản' : 'Phát hành biên bản',
            el('span', { className: 'visually-hidden' }, ` ${when(m).toLowerCase()}`))));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        attempt(() => issue(m, again ? $(reasonId) : null), { busy: form });
      });
      out.push(form, el('div', { className: 'document-preview', id: previewId, hidden: true, tabIndex: -1,
        role: 'region', 'aria-label': `Bản xem trước biên bản ${when(m).toLowerCase()} (chưa có số)` }));
    }
    return out;
  }

  function correctionPart(m) {
    const c = m.correction || {};
    if (!keeps()) return [];
    if (c.allowed === false) {
      return [el('p', { className: 'hint' }, `Không sửa được nữa: biểu quyết tại cuộc họp đã là căn cứ quyết định đề nghị số ${c.decided_nomination_id}.`)];
    }
    return [el('div', { className: 'actions' }, button('Sửa cuộc họp', () => openForm(m), '', when(m).toLowerCase()))];
  }

  function meetingItem(m) {
    const headingId = `council-meeting-${m.id}`;
    const facts = [];
    if (m.place) facts.push(el('p', {}, el('strong', {}, 'Địa điểm: '), m.place));
    facts.push(el('p', {}, el('strong', {}, 'Chủ trì: '), m.chair ? m.chair.name : 'chưa ghi',
      ' · ', el('strong', {}, 'Thư ký: '), m.secretary ? m.secretary.name : 'chưa ghi'));
    return el('li', { className: 'council-meeting', dataset: { id: m.id } },
      el('article', { 'aria-labelledby': headingId },
        el('h3', { id: headingId }, when(m)),
        ...facts, ...attendance(m),
        m.agenda ? el('p', { className: 'initiative-summary' }, el('strong', {}, 'Nội dung: '), m.agenda) : null,
        m.note ? el('p', { className: 'hint' }, m.note) : null,
        el('h4', {}, 'Biểu quyết tại cuộc họp'), ...votesPart(m),
        el('h4', {}, 'Biên bản'), ...minutesPart(m),
        ...correctionPart(m),
        el('p', { className: 'hint' }, `Ghi lúc ${formatInstant(m.recorded_at)}`
          + (m.corrected_at ? `; sửa lần cuối lúc ${formatInstant(m.corrected_at)}` : ''))));
  }

  // ------------------------------------------------------------ the form

  function membersRows(m) {
    const recorded = new Map(((m && m.members) || []).map((x) => [x.staff_id, x]));
    // Members recorded then and since gone from the council stay on the list.
    const people = councilStaff().map((s) => ({ id: s.id, name: s.name }));
    for (const [id, x] of recorded) if (!people.some((p) => p.id === id)) people.push({ id, name: x.name });
    return people.map((p) => {
      const id = `council-member-${p.id}`;
      const was = recorded.get(p.id);
      const value = was ? (was.present ? 'present' : 'absent') : '';
      return el('div', { className: 'member-row' },
        el('label', { htmlFor: id }, p.name),
        el('select', { id, dataset: { staff: p.id } },
          option('', '—', value === ''), option('present', 'Có mặt', value === 'present'),
          option('absent', 'Vắng mặt', value === 'absent')));
    });
  }

  function signerSelect(key, chosen) {
    return el('select', { id: `council-${key}`, name: key },
      option('', '— chưa ghi —', !chosen),
      ...councilStaff().map((s) => option(s.id, s.name, s.id === chosen)));
  }

  function openForm(m) {
    editing = m || null;
    const form = $('council-form');
    const fixed = Boolean(m && m.correction && m.correction.counts_fixed);
    form.replaceChildren(
      el('h3', { id: 'council-form-title', tabIndex: -1 }, m ? `Sửa cuộc họp: ${when(m).toLowerCase()}` : 'Ghi cuộc họp mới'),
      fixed ? el('p', { className: 'hint' }, 'Cuộc họp đã có biểu quyết: ngày họp, số thành viên và số có mặt giữ nguyên; vẫn sửa được ai có mặt, ai vắng (giữ đủ số), chủ trì, thư ký, địa điểm, giờ họp và nội dung.') : null,
      el('div', { className: 'form-grid' },
        field('date', 'Ngày họp (dd/mm/yyyy)', input('date', { inputMode: 'numeric', maxLength: 10, required: true,
          value: m ? formatDate(m.date) : '', placeholder: 'dd/mm/yyyy' })),
        field('place', 'Địa điểm họp', input('place', { maxLength: 200, value: (m && m.place) || '' })),
        field('start_time', 'Giờ bắt đầu (hh:mm)', input('start_time', { inputMode: 'numeric', maxLength: 5, value: (m && m.start_time) || '' })),
        field('end_time', 'Giờ kết thúc (hh:mm)', input('end_time', { inputMode: 'numeric', maxLength: 5, value: (m && m.end_time) || '' }))),
      el('fieldset', { className: 'field', id: 'council-members', 'aria-describedby': 'council-members-hint' },
        el('legend', {}, 'Thành phần theo tên'),
        el('div', { className: 'members' }, ...membersRows(m)),
        el('p', { className: 'hint', id: 'council-members-hint' },
          'Chọn “Có mặt” hoặc “Vắng mặt” cho từng thành viên Hội đồng; để “—” với người không thuộc Hội đồng.')),
      el('div', { className: 'form-grid' },
        field('chair_id', 'Người chủ trì', signerSelect('chair_id', m && m.chair && m.chair.staff_id)),
        field('secretary_id', 'Thư ký cuộc họp', signerSelect('secretary_id', m && m.secretary && m.secretary.staff_id))),
      field('agenda', 'Nội dung cuộc họp', el('textarea', { id: 'council-agenda', name: 'agenda', rows: 3, maxLength: 4000 },
        (m && m.agenda) || '')),
      el('details', { className: 'council-counts' },
        el('summary', {}, 'Chưa ghi theo tên? Ghi số thành viên'),
        el('div', { className: 'form-grid' },
          field('members_total', 'Số thành viên Hội đồng', input('members_total', { type: 'number', min: 1, max: 200, inputMode: 'numeric',
            value: m && !(m.members || []).length ? String(m.members_total) : '' })),
          field('members_present', 'Số thành viên có mặt', input('members_present', { type: 'number', min: 0, max: 200, inputMode: 'numeric',
            value: m && !(m.members || []).length ? String(m.members_present) : '' })))),
      field('note', 'Ghi chú (không bắt buộc)', el('textarea', { id: 'council-note', name: 'note', rows: 2, maxLength: 2000 },
        (m && m.note) || '')),
      el('p', { className: 'field-error', id: 'council-form-error', role: 'alert' }),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button' }, m ? 'Lưu cuộc họp' : 'Ghi cuộc họp'),
        button('Thôi', closeForm)));
    if (!m) {
      const t = new Date(Date.now() + 7 * 3600 * 1000);
      $('council-date').value = `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
    }
    form.hidden = false;
    $('council-new').setAttribute('aria-expanded', 'true');
    $('council-form-title').focus();
    form.scrollIntoView({ block: 'start' });
  }

  function closeForm() {
    editing = null;
    $('council-form').replaceChildren();
    $('council-form').hidden = true;
    $('council-new').setAttribute('aria-expanded', 'false');
  }

  // A problem shown beside the form and tied to the field it is about.
  function showProblem(key, sentence) {
    const box = $('council-form-error');
    box.textContent = sentence;
    const target = key === 'members' ? $('council-members').querySelector('select') : $(`council-${key}`);
    if (target) {
      target.setAttribute('aria-describedby', 'council-form-error');
      target.focus();
    }
  }

  async function submit(event) {
    event.preventDefault();
    const value = (key) => ($(`council-${key}`) ? $(`council-${key}`).value : '');
    const values = Object.fromEntries(['date', 'start_time', 'end_time', 'place', 'agenda', 'chair_id',
      'secretary_id', 'members_total', 'members_present', 'note'].map((k) => [k, value(k)]));
    values.members = [...$('council-members').querySelectorAll('select')].filter((s) => s.value)
      .map((s) => ({ staff_id: s.dataset.staff, present: s.value === 'present' }));
    $('council-form-error').textContent = '';
    const { body, problem } = meetingBody(values);
    if (problem) {
      showProblem(problem[0], problem[1]);
      return;
    }
    const was = editing;
    let saved;
    try {
      saved = was
        ? await call(endpoints.meeting(was.id), { method: 'PUT', body })
        : await call(endpoints.meetings, { method: 'POST', body });
    } catch (error) {
      // The service's refusal (a person absent chairing, numbers a vote counted on) beside the form.
      if (error instanceof ApiError && [400, 409, 422].includes(error.status)) {
        showProblem('', error.detail);
        return;
      }
      throw error;
    }
    closeForm();
    await load();
    const count = `${saved.members_present}/${saved.members_total} thành viên có mặt`;
    notify(was ? `Đã lưu cuộc họp Hội đồng ngày ${formatDate(saved.date)}: ${count}.`
      : `Đã ghi cuộc họp Hội đồng ngày ${formatDate(saved.date)}: ${count}`
        + `${saved.quorum_met ? '' : ' (chưa đủ số thành viên để biểu quyết)'}.`);
  }

  // ------------------------------------------------------------ biên bản

  async function issue(m, reasonField) {
    const body = { meeting_id: m.id };
    if (reasonField) {
      const reason = reasonField.value.trim();
      if (!reason) {
        reasonField.focus();
        throw new ApiError(0, 'form_incomplete', 'Hãy ghi lý do phát hành lại biên bản.');
      }
      body.reason = reason;
    }
    const done = await call(endpoints.issueMinutes, { method: 'POST', body });
    await Promise.all([load(), ui.onIssued()]);
    notify(`Đã phát hành biên bản số ${done.number_text} của cuộc họp ngày ${formatDate(m.date)}.`);
  }

  // ------------------------------------------------------------ the card

  function build() {
    card().replaceChildren(
      el('div', { className: 'card-head' },
        el('h2', { id: 'council-heading' }, 'Hội đồng Thi đua – Khen thưởng: các cuộc họp'),
        el('div', { className: 'actions' },
          el('button', { type: 'button', className: 'button', id: 'council-new', 'aria-expanded': 'false',
            'aria-controls': 'council-form', onclick: () => openForm(null) }, 'Ghi cuộc họp mới'),
          button('Cập nhật', () => attempt(load, { busy: card() })))),
      el('p', { className: 'hint' }, 'Cuộc họp mới nhất ở trên. Biểu quyết từng đề nghị ghi ở trang đề nghị (“Ghi biểu quyết”) và hiện dưới cuộc họp đó.'),
      el('form', { className: 'initiative-form council-form', id: 'council-form', noValidate: true, hidden: true,
        'aria-labelledby': 'council-form-title', onsubmit: (e) => attempt(() => submit(e), { busy: card() }) }),
      el('p', { className: 'hint', id: 'council-empty' }, 'Chưa ghi cuộc họp nào.'),
      el('ul', { className: 'initiatives-list council-meetings', id: 'council-meetings' }));
  }

  async function load() {
    const [list, docs] = await Promise.all([
      call(endpoints.meetings), call(endpoints.minutes)]);
    meetings = (Array.isArray(list.items) ? list.items : []).slice().reverse(); // newest first
    minutes = Array.isArray(docs.documents) ? docs.documents : [];
    $('council-empty').hidden = meetings.length > 0;
    $('council-meetings').replaceChildren(...meetings.map(meetingItem));
  }

  // After sign-in and after a vote or a meeting recorded elsewhere: the board and the council.
  async function start() {
    if (!keeps()) return;
    if (!$('council-meetings')) build();
    await load();
    card().hidden = false;
  }

  return {
    start,
    reset() {
      editing = null;
      meetings = [];
      minutes = [];
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
