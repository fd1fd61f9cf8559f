// "Tạo đề nghị khen thưởng": the form that creates a draft nomination (for those whose
// GET /me says writes_nominations; the service refuses others), in the side panel. The same
// form changes a draft's period, award or subject ("Sửa đề nghị", PUT: the service allows it
// while the nomination is a draft), so the choices offered are the same rules as for a new one.
import { draftOf } from './achievements.mjs';
import { ApiError } from './api.mjs';
import { $, el, option } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { openRoundsToday } from './open_rounds.mjs';
import { offeredUnits } from './people.mjs';
import { currentPlace, rememberPlace } from './places.mjs';

// `ui`: the page's helpers from app.mjs (call, notify, state, fillSelects, showPanel,
// reloadList, openDetail).
export function createScreen(ui) {
  const { call, notify, state } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('create').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'create-heading', tabIndex: -1 }, 'Tạo đề nghị khen thưởng'),
      el('button', { type: 'button', className: 'button button-quiet', id: 'create-close' }, 'Đóng')),
    el('form', { id: 'create-form', noValidate: true },
      el('div', { className: 'form-grid' },
        el('div', { className: 'field' },
          el('label', { htmlFor: 'create-period' }, 'Kỳ khen thưởng'),
          el('select', { id: 'create-period', name: 'period', required: true })),
        el('div', { className: 'field' },
          el('label', { htmlFor: 'create-award' }, 'Hình thức khen thưởng'),
          el('select', { id: 'create-award', name: 'award', required: true }))),
      el('p', { className: 'hint', id: 'create-rounds-hint', hidden: true },
        'Hiện chưa có đợt xét nào đang mở nhận đề nghị; thầy cô liên hệ Ban giám hiệu.'),
      el('fieldset', { className: 'field' },
        el('legend', {}, 'Đối tượng'),
        el('label', { className: 'choice' },
          el('input', { type: 'radio', name: 'subject_kind', value: 'individual', defaultChecked: true }),
          ' Cá nhân'),
        el('label', { className: 'choice' },
          el('input', { type: 'radio', name: 'subject_kind', value: 'collective' }),
          ' Tập thể')),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'create-subject', id: 'create-subject-label' }, 'Cán bộ được đề nghị'),
        el('select', { id: 'create-subject', name: 'subject_id', required: true })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'create-reason' }, 'Lý do, thành tích chính'),
        el('textarea', { id: 'create-reason', name: 'reason', rows: 4, maxLength: 4000,
          'aria-describedby': 'create-reason-hint' }),
        el('p', { className: 'hint', id: 'create-reason-hint' },
          'Tóm tắt thành tích theo tiêu chí của kế hoạch (tối đa 4000 ký tự).')),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button', id: 'create-submit' }, 'Lưu đề nghị (nháp)'))));

  let editing = null;  // the draft being changed ({ id }), or null for a new nomination
  // The rounds open today (public: GET /public/rounds); null when they could not be read,
  // and then every period and form is offered and the service says what is not open.
  let openRounds = null;
  let catalogueChoices = { periods: [], awards: [], now: '' };

  async function loadOpenRounds() {
    openRounds = await openRoundsToday();
  }

  // Nominations are written only in an open round (services/nominations/domain/round.hpp):
  // its periods, and its forms that have a place in that period (a quota of 0 for both
  // collectives and individuals has none). A draft being changed keeps its own choices.
  function offeredPeriods(periods) {
    if (!openRounds || openRounds.length === 0) return periods;
    const open = new Set(openRounds.map((r) => r.period));
    return periods.filter((p) => open.has(p.id) || (editing && p.id === editing.period));
  }
  function offeredAwards(awards, periods, periodId) {
    const period = periods.find((p) => p.id === periodId);
    const rounds = (openRounds || []).filter((r) => r.period === periodId);
    const covered = rounds.some((r) => r.awards.length === 0)
      ? null : new Set(rounds.flatMap((r) => r.awards.map((a) => a.code)));
    return awards.filter((a) => {
      if (editing && a.code === editing.award) return true;
      if (openRounds && openRounds.length && covered && !covered.has(a.code)) return false;
      const q = period && a.quotas && a.quotas[period.kind];
      return !(q && q.collective === 0 && q.individual === 0);
    });
  }

  function showMode() {
    $('create-heading').textContent = editing ? `Sửa đề nghị số ${editing.id} (nháp)` : 'Tạo đề nghị khen thưởng';
    $('create-submit').textContent = editing ? 'Lưu thay đổi' : 'Lưu đề nghị (nháp)';
  }

  function subjectKind() {
    const checked = document.querySelector('input[name="subject_kind"]:checked');
    return checked ? checked.value : 'individual';
  }

  function fillSubjects() {
    const select = $('create-subject');
    const previous = select.value;
    // A unit leader nominates only their unit and its members (the services refuse the rest):
    // the form offers no one else.
    const me = state.me || {};
    const ownUnit = me.role === 'leader' && me.unit_id ? me.unit_id : null;
    const staff = state.catalogue.staff.filter((s) => !ownUnit || s.unit_id === ownUnit);
    // A unit the school no longer has is offered nowhere, nor are people still filed under it.
    const allUnits = offeredUnits(state.catalogue.units);
    const units = allUnits.filter((u) => !ownUnit || u.id === ownUnit);
    const unitName = (id) => (allUnits.find((u) => u.id === id) || { name: id }).name;
    const kind = subjectKind();
    $('create-subject-label').textContent =
      kind === 'individual' ? 'Cán bộ được đề nghị' : 'Tập thể được đề nghị';
    let options;
    if (kind === 'individual') {
      const closed = new Set(state.catalogue.units.filter((u) => u.active === false).map((u) => u.id));
      options = staff.filter((s) => !closed.has(s.unit_id)).map((s) => {
        const label = `${s.name} – ${unitName(s.unit_id)}${s.on_hold ? ' (đang tạm dừng xét khen thưởng)' : ''}`;
        return el('option', { value: s.id, disabled: Boolean(s.on_hold), selected: s.id === previous }, label);
      });
      if (options.length === 0) {
        options = [el('option', { value: '', disabled: true, selected: true },
          'Danh mục chưa có cán bộ nào')];
      }
    } else {
      options = units.map((u) => option(u.id, u.name, u.id === previous));
    }
    select.replaceChildren(
      ...(options.length && options[0].value ? [option('', '— Chọn —', !previous)] : []), ...options);
  }

  // The forms offered for the period chosen; what was chosen stays chosen.
  function fillAwards() {
    const { periods, awards } = catalogueChoices;
    const createAward = $('create-award');
    const awardValue = createAward.value;
    createAward.replaceChildren(option('', '— Chọn hình thức —'),
      ...offeredAwards(awards, periods, $('create-period').value)
        .map((a) => option(a.code, a.label, a.code === awardValue)));
  }

  // The catalogue's periods, award forms and subjects; what was chosen stays chosen.
  function fill(periods, awards, now) {
    catalogueChoices = { periods, awards, now };
    const offered = offeredPeriods(periods);
    const createPeriod = $('create-period');
    const wanted = createPeriod.value || now;
    const createPeriodValue = offered.some((p) => p.id === wanted) ? wanted : (offered[0] || {}).id;
    createPeriod.replaceChildren(...offered.map((p) => option(p.id, p.label, p.id === createPeriodValue)));
    $('create-rounds-hint').hidden = !(openRounds && openRounds.length === 0);
    fillAwards();
    fillSubjects();
  }

  function showPanel() {
    showMode();
    ui.showPanel('create');
    rememberPlace({ panel: 'create' }, { replace: Boolean(currentPlace()?.panel) });  // one panel
    $('create-heading').focus({ preventScroll: true });
    $('create').scrollIntoView({ block: 'start' });
  }

  async function open() {
    const [catalogue] = await Promise.all([call(endpoints.catalogue), loadOpenRounds()]);
    state.catalogue = catalogue;
    if (editing) {  // what a draft's change left in the form is not a new nomination's
      editing = null;
      $('create-reason').value = '';
    }
    ui.fillSelects();
    showPanel();
  }

  // "Sửa đề nghị": the form filled with draft `n` (GET /nominations/{id}).
  async function edit(n) {
    const [catalogue] = await Promise.all([call(endpoints.catalogue), loadOpenRounds()]);
    state.catalogue = catalogue;
    editing = { id: n.id, period: n.period, award: n.award };
    ui.fillSelects();
    $('create-period').value = n.period;
    fillAwards();
    $('create-award').value = n.award;
    for (const radio of document.querySelectorAll('input[name="subject_kind"]')) {
      radio.checked = radio.value === n.subject_kind;
    }
    fillSubjects();
    $('create-subject').value = n.subject_id;
    $('create-reason').value = n.reason || '';
    showPanel();
  }

  // The draft as stored now, with the form's choices: its achievements stay as they are.
  async function save(id, choices) {
    const draft = { ...draftOf(await call(endpoints.nomination(id))), ...choices };
    const saved = await call(endpoints.nomination(id), { method: 'PUT', body: draft });
    notify(`Đã lưu thay đổi của đề nghị số ${saved.id} (${saved.subject_name}).`);
    editing = null;
    showMode();
    $('create-reason').value = '';
    await Promise.all([ui.reloadList(), ui.openDetail(saved.id)]);
  }

  async function create(event) {
    event.preventDefault();
    const body = {
      period: $('create-period').value,
      award: $('create-award').value,
      subject_kind: subjectKind(),
      subject_id: $('create-subject').value,
      reason: $('create-reason').value.trim(),
    };
    const missing = [];
    if (!body.period) missing.push('kỳ khen thưởng');
    if (!body.award) missing.push('hình thức khen thưởng');
    if (!body.subject_id) missing.push(body.subject_kind === 'individual' ? 'cán bộ' : 'tập thể');
    if (missing.length) {
      throw new ApiError(0, 'form_incomplete', `Hãy chọn ${missing.join(', ')}.`);
    }
    if (editing) {
      await save(editing.id, body);
      return;
    }
    const created = await call(endpoints.create, { method: 'POST', body });
    notify(`Đã tạo đề nghị số ${created.id} (nháp) cho ${created.subject_name}.`);
    $('create-reason').value = '';
    state.cursors = [''];
    state.page = 0;
    await Promise.all([ui.reloadList(), ui.openDetail(created.id)]);
  }

  return {
    fill,
    edit,
    wire() {
      $('new-nomination').addEventListener('click', () => ui.attempt(open));
      for (const radio of document.querySelectorAll('input[name="subject_kind"]')) {
        radio.addEventListener('change', fillSubjects);
      }
      $('create-period').addEventListener('change', fillAwards);
      $('create-form').addEventListener('submit', (event) => {
        event.preventDefault();
        ui.attempt(() => create(event), { busy: $('create') });
      });
    },
  };
}
