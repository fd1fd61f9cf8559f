// The dialog of a nomination's workflow actions and of the council's records (a meeting, a
// vote): it asks for what the action needs (workflow.mjs says which fields), checks dates and
// numbers as a person types them, sends, and refreshes what the action changed.
import { ApiError } from './api.mjs';
import { $, el, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, parseVnDate, vnTodayText, wholeNumber } from './format.mjs';
import { councilStaff } from './people.mjs';
import { ACTIONS, EXCEPTIONS, RECORDS } from './workflow.mjs';

const dialogSpec = (name) => ACTIONS[name] || RECORDS[name] || EXCEPTIONS[name];

// One row per possible member: not a member, present, or absent.
function membersField(id, catalogue) {
  return el('div', { className: 'members', id },
    ...councilStaff(catalogue).map((s) => {
      const rowId = `${id}-${s.id}`;
      return el('div', { className: 'member-row' },
        el('label', { htmlFor: rowId }, s.name),
        el('select', { id: rowId, dataset: { staff: s.id } },
          option('', '—'), option('present', 'Có mặt'), option('absent', 'Vắng mặt')));
    }));
}

function membersValue(id) {
  return [...document.querySelectorAll(`#${id} select`)]
    .filter((select) => select.value)
    .map((select) => ({ staff_id: select.dataset.staff, present: select.value === 'present' }));
}

// One field of the dialog; `choices`: a select's options, asked for before it opens.
function fieldOf(f, choices, todayText) {
  const id = `action-field-${f.name}`;
  let input;
  if (f.kind === 'select') {
    input = el('select', { id, name: f.name, required: f.required }, ...choices);
  } else if (f.kind === 'number') {
    input = el('input', {
      id, name: f.name, type: 'number', min: 0, max: 1000, step: 1, inputMode: 'numeric',
      required: f.required,
    });
  } else if (f.kind === 'textarea') {
    input = el('textarea', { id, name: f.name, rows: 3, maxLength: 2000, required: f.required });
  } else {
    input = el('input', {
      id, name: f.name, type: 'text', required: f.required, autocomplete: 'off',
      maxLength: f.max || 10,
    });
    if (f.kind === 'date') {
      input.inputMode = 'numeric';
      input.placeholder = 'dd/mm/yyyy';
      input.value = todayText;
    }
  }
  return el('div', { className: 'field' }, el('label', { htmlFor: id }, f.label), input);
}

// What the person typed, as the request body, or the sentence saying what to fix first
// ({ problem: [field name, sentence] }).
function bodyOf(action) {
  const body = {};
  for (const f of action.fields) {
    if (f.kind === 'members') {
      const members = membersValue(`action-field-${f.name}`);
      if (members.length) body[f.name] = members;
      continue;
    }
    const value = $(`action-field-${f.name}`).value.trim();
    if (!value) {
      if (f.required) return { problem: [f.name, `Hãy nhập “${f.label}”.`] };
      continue;
    }
    if (f.kind === 'date') {
      const iso = parseVnDate(value);
      if (!iso) {
        const name = f.label.replace(/\s*\(dd\/mm\/yyyy\)$/, '');
        return { problem: [f.name, `“${name}” phải là một ngày có thật, dạng dd/mm/yyyy (ví dụ 05/11/2026).`] };
      }
      body[f.name] = iso;
    } else if (f.kind === 'number') {
      const v = wholeNumber(value);
      if (v === null) return { problem: [f.name, `“${f.label}” phải là số nguyên không âm.`] };
      body[f.name] = v;
    } else {
      body[f.name] = value;
    }
  }
  return { body };
}

// `ui`: the page's helpers from app.mjs (call, attempt, state, showError, clearError) and
// what an action refreshes: openDetail(id, {focus}), reloadList(), reloadQuotas(),
// reloadCouncil().
export function actionDialog(ui) {
  const { call, attempt, state } = ui;

  // A submission refused for a second award form in the period: the board may submit it
  // again with the reason of the exception; others read why it was refused.
  async function performOrOfferException(name) {
    try {
      await perform(name, {});
    } catch (error) {
      const board = state.me && state.me.role === 'admin';
      if (name !== 'submit' || error.code !== 'one_award_per_period' || !board) throw error;
      ui.showError(error);
      await start('submit_exception');
    }
  }

  // Choices of a select field in the dialog, asked of the service when the dialog opens.
  async function selectOptions(field) {
    if (field.name === 'chair_id' || field.name === 'secretary_id') {
      return [option('', '—'), ...councilStaff(state.catalogue).map((s) => option(s.id, s.name))];
    }
    if (field.name === 'meeting_id') {
      const { items } = await call(endpoints.meetings);
      const meetings = (Array.isArray(items) ? items : []).slice().reverse();  // newest first
      if (meetings.length === 0) return [option('', 'Chưa có cuộc họp nào: hãy “Ghi cuộc họp Hội đồng” trước')];
      return meetings.map((m) => option(m.id,
        `Họp ngày ${formatDate(m.date)}: ${m.members_present}/${m.members_total} thành viên có mặt`));
    }
    return [];
  }

  async function start(name) {
    const action = dialogSpec(name);
    if (!state.current) return;
    if (action.fields.length === 0) {
      attempt(() => performOrOfferException(name));
      return;
    }
    state.dialogAction = name;
    const n = state.current;
    $('action-dialog-heading').textContent = action.label;
    $('action-dialog-subject').textContent =
      `Đề nghị số ${n.id}: ${n.subject_name} – ${n.award_label} (${n.period_label})`;
    $('action-alert').replaceChildren();
    const todayText = vnTodayText();
    const choices = {};
    for (const f of action.fields) {
      if (f.kind === 'select') choices[f.name] = await selectOptions(f);
    }
    $('action-fields').replaceChildren(...action.fields.map((f) => (f.kind === 'members'
      ? el('fieldset', { className: 'field' }, el('legend', {}, f.label),
        membersField(`action-field-${f.name}`, state.catalogue))
      : fieldOf(f, choices[f.name], todayText))));
    $('action-confirm').textContent = action.label;
    $('action-confirm').classList.toggle('button-danger', Boolean(action.danger));
    $('action-dialog').showModal();
  }

  // Sends what a dialog (or a button without one) asked for; returns the sentence saying what was recorded.
  async function send(name, n, extra) {
    if (name === 'meeting') {
      const m = await call(endpoints.meetings, { method: 'POST', body: extra });
      return `Đã ghi cuộc họp Hội đồng ngày ${formatDate(m.date)}: ${m.members_present}/${m.members_total}`
        + ` thành viên có mặt${m.quorum_met ? '' : ' (chưa đủ số thành viên để biểu quyết)'}.`;
    }
    if (name === 'vote') {
      const v = await call(endpoints.vote(n.id), { method: 'PUT', body: extra });
      return `Đã ghi biểu quyết cho đề nghị số ${n.id}: ${v.summary}`;
    }
    const spec = dialogSpec(name);
    const after = await call(endpoints.transitions(n.id), {
      method: 'POST', body: { action: spec.action || name, ...extra },
    });
    return `${spec.done} số ${n.id}. Trạng thái mới: ${after.status_label}.`;
  }

  async function perform(name, extra) {
    const n = state.current;
    const buttons = [...document.querySelectorAll('#detail-actions button, #detail-council button')];
    buttons.forEach((b) => { b.disabled = true; });
    let said;
    try {
      said = await send(name, n, extra);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
    // Refresh what the transition changed (status, history, places used), then say it: the
    // notice and the screen agree when a person reads them.
    // A meeting or a vote recorded here shows on the council's screen too.
    const councilRecord = name === 'meeting' || name === 'vote';
    await Promise.all([ui.openDetail(n.id, { focus: false }), ui.reloadList(), ui.reloadQuotas(),
      councilRecord ? ui.reloadCouncil() : null]);
    ui.notify(said);
  }

  async function confirm(event) {
    event.preventDefault();
    const name = state.dialogAction;
    const box = $('action-alert');
    box.replaceChildren();
    const { body, problem } = bodyOf(dialogSpec(name));
    if (problem) {
      box.replaceChildren(el('p', {}, problem[1]));
      $(`action-field-${problem[0]}`).focus();
      return;
    }
    const button = $('action-confirm');
    button.disabled = true;
    try {
      ui.clearError();
      await perform(name, body);
      $('action-dialog').close();
    } catch (error) {
      box.replaceChildren(el('p', {}, error instanceof ApiError ? error.detail : String(error.message || error)));
    } finally {
      button.disabled = false;
    }
  }

  return {
    start,
    wire() {
      $('action-form').addEventListener('submit', confirm);
      $('action-cancel').addEventListener('click', () => $('action-dialog').close());
    },
    close() {
      const dialog = $('action-dialog');
      if (dialog.open) dialog.close();
    },
  };
}
