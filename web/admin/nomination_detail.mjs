// One nomination in the side panel: its facts and outcome, achievements, the workflow actions
// the service offers this person, the dossier checklist (the council's secretary records the
// copies received), the council's records and the history. One call brings it all.
import { achievementsSection } from './achievements.mjs';
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, formatInstant, wholeNumber } from './format.mjs';
import { badge } from './nominations.mjs';
import { currentPlace, rememberPlace } from './places.mjs';
import {
  ACTIONS, FINAL_STATUSES, RECORDS, STOPPED_STATUSES, SUBJECT_KINDS, historyActionLabel, statusLabel,
} from './workflow.mjs';

function fact(term, ...description) {
  return [el('dt', {}, term), el('dd', {}, ...description)];
}

function facts(n, history) {
  const list = [
    ...fact('Đối tượng', `${n.subject_name} (${SUBJECT_KINDS[n.subject_kind] || n.subject_kind})`),
    ...fact('Đơn vị', n.unit_name || '—'),
    ...fact('Hình thức', n.award_label),
    ...fact('Kỳ khen thưởng', n.period_label),
    ...fact('Lý do', n.reason || '—'),
  ];
  const vote = n.vote && typeof n.vote === 'object' && !Array.isArray(n.vote) ? n.vote : null;
  // The tally, and what it means for the decision (the service offers only that one).
  if (vote && vote.summary) {
    list.push(...fact('Biểu quyết', vote.summary, el('strong', {}, vote.passed ? ' — đạt' : ' — không đạt')));
  }
  const outcome = n.outcome && typeof n.outcome === 'object' ? n.outcome : {};
  if (outcome.rejection) list.push(...fact('Lý do không thông qua', outcome.rejection.reason || '—'));
  if (outcome.forwarding) {
    list.push(...fact('Đã gửi cấp khen thưởng',
      `Ngày ${formatDate(outcome.forwarding.date)}, văn bản số ${outcome.forwarding.reference}`));
  }
  if (outcome.decision) {
    list.push(...fact('Quyết định khen thưởng',
      `Số ${outcome.decision.number}, ngày ${formatDate(outcome.decision.date)}`));
  }
  if (outcome.not_awarded) list.push(...fact('Không được khen thưởng', outcome.not_awarded.reason || '—'));
  if (outcome.award_exception) {
    list.push(...fact('Ngoại lệ một thành tích, một hình thức', outcome.award_exception.reason || '—'));
  }
  const created = (Array.isArray(history.history) ? history.history : []).find((h) => h.action === 'create');
  list.push(...fact('Người tạo', (created && created.by_name) || n.created_by || '—'),
    ...fact('Tạo lúc', formatInstant(n.created_at)),
    ...fact('Cập nhật', formatInstant(n.updated_at)));
  return list;
}

// `ui`: the page's helpers from app.mjs (call, attempt, notify, state, showPanel) and
// `startAction(name)`, which opens the action dialog (action_dialog.mjs).
export function detailScreen(ui) {
  const { call, attempt, notify, state } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('detail').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'detail-heading', tabIndex: -1 }, 'Đề nghị'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'detail-close' }, 'Đóng')),
    el('p', { className: 'detail-status' },
      'Trạng thái: ',
      el('span', { className: 'badge', id: 'detail-status' })),
    el('dl', { className: 'facts', id: 'detail-facts' }),
    el('div', { id: 'detail-achievements' }),
    el('h3', {}, 'Thao tác'),
    el('div', { className: 'actions', id: 'detail-actions' }),
    el('h3', { id: 'detail-council-heading', hidden: true }, 'Hội đồng'),
    el('div', { className: 'actions', id: 'detail-council' }),
    el('h3', {}, 'Hồ sơ đề nghị'),
    el('ul', { className: 'dossier', id: 'detail-dossier' }),
    el('h3', {}, 'Lịch sử'),
    el('ol', { className: 'history', id: 'detail-history' }));

  // The copies of one dossier item received so far, for the council's secretary to record.
  function dossierReceiptForm(n, item) {
    const id = `dossier-copies-${item.code}`;
    const input = el('input', {
      id, type: 'number', min: 0, max: 1000, step: 1, inputMode: 'numeric',
      value: String(item.copies_received || 0), required: true,
    });
    const form = el('form', { className: 'dossier-receipt', noValidate: true },
      // The item's name is in the label for screen readers; sighted people see it above.
      el('label', { htmlFor: id }, 'Số bản đã nhận',
        el('span', { className: 'visually-hidden' }, `: ${item.label}`)),
      input,
      el('button', { type: 'submit', className: 'button button-quiet' }, 'Ghi nhận'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      attempt(async () => {
        const copies = wholeNumber(input.value);
        if (copies === null) {
          input.focus();
          throw new Error(`“Số bản đã nhận” của “${item.label}” phải là số nguyên không âm.`);
        }
        await call(endpoints.dossierItem(n.id, item.code), { method: 'PUT', body: { copies } });
        await open(n.id, { focus: false });
        notify(`Đã ghi nhận ${copies} bản “${item.label}” của đề nghị số ${n.id}.`);
      }, { busy: form });
    });
    return form;
  }

  function render(n, history, dossier) {
    state.current = n;
    $('detail-heading').textContent = `Đề nghị số ${n.id}`;
    $('detail-status').replaceChildren(badge(n.status, n.status_label));
    $('detail-status').dataset.status = n.status;
    $('detail-facts').replaceChildren(...facts(n, history));
    $('detail-achievements').replaceChildren(achievementsSection({
      el, call, attempt, notify, me: () => state.me, reopen: (id) => open(id, { focus: false }),
      editDraft: ui.editDraft,
    }, n));

    const offered = (Array.isArray(n.allowed_actions) ? n.allowed_actions : []).filter((a) => ACTIONS[a]);
    const actions = offered.map((name) => el('button', {
      type: 'button',
      className: `button${ACTIONS[name].danger ? ' button-danger' : ''}`,
      dataset: { action: name },
      onclick: () => attempt(() => ui.startAction(name)),
    }, ACTIONS[name].label));
    const none = FINAL_STATUSES.includes(n.status)
      ? 'Đề nghị đã kết thúc; không còn thao tác nào.'
      : 'Ở bước này, vai trò của thầy cô không có thao tác nào với đề nghị.';
    $('detail-actions').replaceChildren(...(actions.length ? actions
      : [el('p', { className: 'hint' }, none)]));

    const recording = Boolean(state.me && state.me.keeps_council_records)
      && !FINAL_STATUSES.includes(n.status);
    // A nomination not passed or withdrawn goes no further: what its dossier lacks is owed by
    // no one, so it is not shown as missing (the copies received are still recorded).
    const stopped = STOPPED_STATUSES.includes(n.status);
    const itemState = (item) => (item.complete ? 'Đủ' : stopped ? 'Không cần bổ sung' : 'Chưa đủ');
    $('detail-dossier').replaceChildren(...dossier.items.map((item) => el('li', {
      className: item.complete ? 'dossier-done' : stopped ? 'dossier-idle' : 'dossier-missing',
      dataset: { item: item.code },
    },
    el('span', { className: 'dossier-mark', 'aria-hidden': 'true' }, item.complete ? '✓' : stopped ? '–' : '○'),
    el('span', { className: 'dossier-label' }, item.label),
    el('span', { className: 'dossier-copies' },
      `${itemState(item)}: đã nhận ${item.copies_received}/${item.copies_required} bản` +
      (item.received_at ? ` (${formatInstant(item.received_at)})` : '')),
    recording ? dossierReceiptForm(n, item) : '')));

    const council = [];
    if (recording) {
      council.push(el('button', { type: 'button', className: 'button button-quiet', onclick: () => attempt(() => ui.startAction('meeting')) },
        RECORDS.meeting.label));
      if (n.status === 'under_review') {
        council.push(el('button', { type: 'button', className: 'button', onclick: () => attempt(() => ui.startAction('vote')) },
          RECORDS.vote.label));
      }
    }
    $('detail-council').replaceChildren(...council);
    $('detail-council-heading').hidden = council.length === 0;

    const entries = Array.isArray(history.history) ? history.history : [];
    $('detail-history').replaceChildren(...entries.map((h) => el('li', {},
      el('time', { dateTime: h.at }, formatInstant(h.at)),
      ' · ',
      el('strong', {}, historyActionLabel(h.action)),
      h.to && h.from !== h.to ? ` → ${statusLabel(h.to)}` : '',
      h.by_name || h.by ? ` · ${h.by_name || h.by}` : '',
      h.note ? el('span', { className: 'history-note' }, h.note) : null)));
  }

  let shown = null;  // the id of the nomination in the panel

  // `focus`: a person opened it (it takes the focus, and Back closes it again); without, the
  // panel is drawn again after an action, or Back/Forward led to it.
  async function open(id, { focus = true } = {}) {
    // One call (issue 12, Fast): the detail brings its history and dossier checklist.
    const n = await call(endpoints.nominationFull(id));
    render(n, { history: n.history }, n.dossier);
    shown = n.id;
    ui.showPanel('detail');
    if (focus) {
      // The panel is one place, whichever nomination it shows (and the form for a new one is
      // done once it exists): Back closes it rather than going through the ones seen before.
      rememberPlace({ panel: 'detail', id: n.id }, { replace: Boolean(currentPlace()?.panel) });
      $('detail-heading').focus({ preventScroll: true });
      $('detail').scrollIntoView({ block: 'start' });
    }
  }

  return { open, shown: () => shown };
}
