// "Hội đồng" (issue 12): the council's meetings, newest first, each with who sat by name
// (present and absent), chair, secretary, place, times, agenda, the quorum as the service
// computed it, the votes taken at it (nominee, award form, tally, passed or not), and its
// biên bản: issued by the board, downloaded as PDF or DOCX. A meeting is recorded here and
// corrected here as far as the service allows (PUT /council/meetings/{id}; the rule is
// services/nominations/domain/meeting_correction.hpp, and each meeting says what it still
// allows). Two calls: GET /council/meetings (with the votes) and GET /documents?kind=bien-ban.
// For the board and the council; built here whole, so index.html holds only the empty card.
import { ApiError } from './api.mjs';
import { meetingForm } from './council_form.mjs';
import { saveIssuedDocument } from './documents.mjs';
import { hiddenText } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, formatInstant } from './format.mjs';
import { showPreview } from './preview.mjs';

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state, signOut),
// `openNomination(id)` to show a nomination voted on, `onIssued()` after a biên bản is issued.
export function councilScreen(ui) {
  const { $, el, call, attempt, notify, state } = ui;
  const card = () => $('council');
  let meetings = [];
  let minutes = [];

  const board = () => Boolean(state.me && state.me.role === 'admin');
  const keeps = () => Boolean(state.me && ['admin', 'council'].includes(state.me.role));
  const button = (text, onclick, extra = '', what = '') => el('button',
    { type: 'button', className: `button button-quiet ${extra}`.trim(), onclick }, text,
    what ? hiddenText(` ${what}`) : null);
  const field = (key, label, control, hint) => el('div', { className: 'field' },
    el('label', { htmlFor: `council-${key}` }, label), control,
    hint ? el('p', { className: 'hint', id: `council-${key}-hint` }, hint) : null);
  const input = (key, props = {}) => el('input', {
    id: `council-${key}`, name: key, autocomplete: 'off', ...props,
  });

  // ------------------------------------------------------------ one meeting

  const when = (m) => {
    const times = [m.start_time, m.end_time].filter(Boolean).join('–');
    return `Họp ngày ${formatDate(m.date)}${times ? `, ${times}` : ''}`;
  };
  const names = (list) => list.map((x) => x.name).join(', ');
  const editor = meetingForm(ui, { button, field, input, when, load: () => load() });

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
            hiddenText(` ${when(m).toLowerCase()}`))));
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
    return [el('div', { className: 'actions' }, button('Sửa cuộc họp', () => editor.open(m), '', when(m).toLowerCase()))];
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
            'aria-controls': 'council-form', onclick: () => editor.open(null) }, 'Ghi cuộc họp mới'),
          button('Cập nhật', () => attempt(load, { busy: card() })))),
      el('p', { className: 'hint' }, 'Cuộc họp mới nhất ở trên. Biểu quyết từng đề nghị ghi ở trang đề nghị (“Ghi biểu quyết”) và hiện dưới cuộc họp đó.'),
      el('form', { className: 'initiative-form council-form', id: 'council-form', noValidate: true, hidden: true,
        'aria-labelledby': 'council-form-title', onsubmit: (e) => attempt(() => editor.submit(e), { busy: card() }) }),
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
      editor.reset();
      meetings = [];
      minutes = [];
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
