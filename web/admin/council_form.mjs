// The form that records a council meeting or corrects one (council.mjs shows the meetings):
// who sat by name, chair, secretary, times, place, agenda, or only the counts; the service
// says what a meeting with votes still allows. POST or PUT /council/meetings.
import { ApiError } from './api.mjs';
import { option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, parseVnDate, vnTodayText } from './format.mjs';
import { councilStaff } from './people.mjs';

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

// `ui`: the page's helpers from app.mjs ($, el, call, notify, state); `parts`: the council
// card's builders (button, field, input, when) and `load()`, which shows the meetings again.
export function meetingForm(ui, { button, field, input, when, load }) {
  const { $, el, call, notify, state } = ui;
  let editing = null; // the meeting being corrected; null for a new one

  function membersRows(m) {
    const recorded = new Map(((m && m.members) || []).map((x) => [x.staff_id, x]));
    // Members recorded then and since gone from the council stay on the list.
    const people = councilStaff(state.catalogue).map((s) => ({ id: s.id, name: s.name }));
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
      ...councilStaff(state.catalogue).map((s) => option(s.id, s.name, s.id === chosen)));
  }

  function open(m) {
    editing = m || null;
    const form = $('council-form');
    const fixed = Boolean(m && m.correction && m.correction.counts_fixed);
    form.replaceChildren(
      el('h3', { id: 'council-form-title', tabIndex: -1 }, m ? `Sửa cuộc họp: ${when(m).toLowerCase()}` : 'Ghi cuộc họp mới'),
      // (replaceChildren would write a null as the word "null")
      ...(fixed ? [el('p', { className: 'hint' }, 'Cuộc họp đã có biểu quyết: ngày họp, số thành viên và số có mặt giữ nguyên; vẫn sửa được ai có mặt, ai vắng (giữ đủ số), chủ trì, thư ký, địa điểm, giờ họp và nội dung.')] : []),
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
        button('Thôi', close)));
    if (!m) $('council-date').value = vnTodayText();
    form.hidden = false;
    $('council-new').setAttribute('aria-expanded', 'true');
    $('council-form-title').focus();
    form.scrollIntoView({ block: 'start' });
  }

  function close() {
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
    close();
    await load();
    const count = `${saved.members_present}/${saved.members_total} thành viên có mặt`;
    notify(was ? `Đã lưu cuộc họp Hội đồng ngày ${formatDate(saved.date)}: ${count}.`
      : `Đã ghi cuộc họp Hội đồng ngày ${formatDate(saved.date)}: ${count}`
        + `${saved.quorum_met ? '' : ' (chưa đủ số thành viên để biểu quyết)'}.`);
  }

  return {
    open,
    close,
    submit,
    reset() {
      editing = null;
    },
  };
}
