// "Danh mục khen thưởng": the board's view of what the school awards and when — the rounds
// (đợt xét) in which nominations are received, the award forms with their quotas and dossier
// copies, and the periods. Two calls: the catalogue and the rounds. The rules are the
// service's (services/nominations/domain/round.cpp, catalogue.cpp); this screen shows its
// Vietnamese answers. Built here whole, so index.html holds only the empty card.
import { endpoints } from './endpoints.mjs';
import { formatDate, vnToday } from './format.mjs';
import { YEARS } from './movement.mjs';

const LEVELS = [['school', 'Cấp trường'], ['commune', 'Cấp xã'], ['province', 'Cấp tỉnh'],
  ['ministry', 'Cấp Bộ'], ['state', 'Cấp Nhà nước']];
const PERIOD_KINDS = [['annual', 'Hằng năm'], ['interim', 'Sơ kết'], ['final', 'Tổng kết']];
const SUBJECTS = [['collective', 'Tập thể'], ['individual', 'Cá nhân']];
const label = (pairs, code) => (pairs.find(([c]) => c === code) || [code, code])[1];

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state).
export function awardsScreen(ui) {
  const { $, el, call, attempt, notify, state, onRoundsChanged = () => {} } = ui;
  const card = () => $('awards-catalogue');
  let rounds = [];
  let editingRound = null;

  const field = (id, text, control, hint) => el('div', { className: 'field' },
    el('label', { htmlFor: id }, text), control, hint ? el('p', { className: 'hint' }, hint) : null);
  const select = (id, pairs, chosen) => el('select', { id },
    ...pairs.map(([value, text]) => el('option', { value: String(value), selected: String(value) === String(chosen) }, text)));
  // `what` completes the name a screen reader hears ("Sửa đợt xét …").
  const button = (text, onclick, extra = '', what = '') => el('button',
    { type: 'button', className: `button button-quiet ${extra}`.trim(), onclick }, text,
    what ? el('span', { className: 'visually-hidden' }, ` ${what}`) : null);
  const forms = () => (state.catalogue && state.catalogue.award_forms) || [];
  const periods = () => (state.catalogue && state.catalogue.periods) || [];

  // ------------------------------------------------------------ rounds

  // The round's council meetings (those that voted on its nominations), as the board reads them.
  function meetingsText(list) {
    if (!Array.isArray(list) || list.length === 0) return 'Hội đồng chưa họp xét đề nghị của đợt này.';
    return `Hội đồng đã họp: ${list.map((m) => `ngày ${formatDate(m.date)}${m.place ? ` (${m.place})` : ''}`).join('; ')}.`;
  }

  function roundItem(r) {
    const covers = r.awards.length ? r.awards.map((a) => a.label).join('; ') : 'Mọi hình thức khen thưởng';
    return el('li', { dataset: { id: r.id } },
      el('p', { className: 'initiative-title' }, r.name, ' ',
        el('span', { className: `badge round-${r.state}` }, r.state_label)),
      el('p', { className: 'hint' }, `${r.period_label} · nhận đề nghị từ ${r.opens_vn} đến hết ${r.closes_vn}`),
      el('p', { className: 'hint' }, covers),
      el('p', { className: 'hint round-meetings' }, meetingsText(r.meetings)),
      el('div', { className: 'actions' },
        button('Sửa', () => fillRound(r), '', `đợt xét ${r.name}`),
        button('Xoá', () => attempt(() => removeRound(r)), 'button-danger', `đợt xét ${r.name}`)));
  }

  function fillRound(r) {
    editingRound = r;
    $('awards-round-name').value = r ? r.name : '';
    // A new round is offered for this year's period first.
    const period = r ? r.period : String(vnToday().year);
    $('awards-round-period').replaceChildren(...periods().map((p) => el('option',
      { value: p.id, selected: p.id === period }, p.label)));
    $('awards-round-opens').value = r ? r.opens : '';
    $('awards-round-closes').value = r ? r.closes : '';
    const chosen = new Set(r ? r.awards.map((a) => a.code) : []);
    $('awards-round-forms').replaceChildren(el('legend', {}, 'Hình thức xét trong đợt (không chọn: mọi hình thức)'),
      ...forms().map((f) => el('label', { className: 'choice' },
        el('input', { type: 'checkbox', value: f.code, checked: chosen.has(f.code) }), f.label)));
    $('awards-round-submit').textContent = r ? 'Lưu đợt xét' : 'Mở đợt xét';
    $('awards-round-cancel').hidden = !r;
    if (r) $('awards-round-name').focus();
  }

  async function saveRound(event) {
    event.preventDefault();
    const body = {
      name: $('awards-round-name').value.trim(),
      period: $('awards-round-period').value,
      opens: $('awards-round-opens').value,
      closes: $('awards-round-closes').value,
      awards: [...$('awards-round-forms').querySelectorAll('input:checked')].map((i) => i.value),
    };
    const was = editingRound;
    const saved = was
      ? await call(endpoints.round(was.id), { method: 'PUT', body })
      : await call(endpoints.rounds, { method: 'POST', body });
    fillRound(null);
    await loadRounds();
    onRoundsChanged();
    notify(was ? `Đã lưu đợt xét “${saved.name}”.` : `Đã mở đợt xét “${saved.name}”: ${saved.state_label.toLowerCase()}.`);
  }

  async function removeRound(r) {
    if (!window.confirm(`Xoá đợt xét “${r.name}”?`)) return;
    await call(endpoints.round(r.id), { method: 'DELETE' });
    if (editingRound && editingRound.id === r.id) fillRound(null);
    await loadRounds();
    onRoundsChanged();
    notify(`Đã xoá đợt xét “${r.name}”.`);
  }

  async function loadRounds() {
    rounds = (await call(endpoints.rounds)).items || [];
    $('awards-rounds-empty').hidden = rounds.length > 0;
    $('awards-rounds-list').replaceChildren(...rounds.map(roundItem));
  }

  // ------------------------------------------------------------ award forms

  const quotaText = (q) => (q === null || q === undefined ? 'chưa quy định' : q < 0 ? 'không giới hạn' : String(q));

  function formItem(f) {
    const quotas = PERIOD_KINDS.map(([kind, name]) => {
      const q = (f.quotas && f.quotas[kind]) || {};
      return `${name}: ${quotaText(q.collective)} tập thể, ${quotaText(q.individual)} cá nhân`;
    });
    return el('li', { dataset: { code: f.code } },
      el('p', { className: 'initiative-title' }, f.label),
      el('p', { className: 'hint' }, `${label(LEVELS, f.level)} · ${f.authority || 'chưa ghi người ký khen'} · hồ sơ ${f.dossier_copies} bộ${f.secret_ballot ? ' · bỏ phiếu kín' : ''}`),
      el('p', { className: 'hint' }, quotas.join(' · ')),
      el('div', { className: 'actions' }, button('Sửa', () => editForm(f), '', f.label)));
  }

  function quotaField(f, kind, subject) {
    const q = f.quotas && f.quotas[kind] ? f.quotas[kind][subject] : null;
    const id = `awards-quota-${kind}-${subject}`;
    const number = el('input', { id, type: 'number', min: '0', max: '1000', inputMode: 'numeric',
      value: q === null || q === undefined || q < 0 ? '' : String(q), disabled: q !== null && q < 0 });
    const unlimited = el('input', { type: 'checkbox', id: `${id}-all`, checked: q !== null && q !== undefined && q < 0,
      onchange: (e) => { number.disabled = e.target.checked; } });
    return el('div', { className: 'field quota-field' },
      el('label', { htmlFor: id }, `${label(SUBJECTS, subject)} (${label(PERIOD_KINDS, kind).toLowerCase()})`), number,
      el('label', { className: 'choice' }, unlimited, 'Không giới hạn'));
  }

  function editForm(f) {
    const box = $('awards-form-edit');
    box.replaceChildren(el('h4', {}, `Sửa: ${f.label}`),
      field('awards-form-label', 'Tên hình thức', el('input', { id: 'awards-form-label', value: f.label, maxLength: 200, required: true })),
      field('awards-form-level', 'Cấp khen', select('awards-form-level', LEVELS, f.level)),
      field('awards-form-authority', 'Người ký khen (ghi trên tờ trình “Kính gửi”)',
        el('input', { id: 'awards-form-authority', value: f.authority, maxLength: 200 })),
      field('awards-form-copies', 'Số bộ hồ sơ', el('input', { id: 'awards-form-copies', type: 'number', min: '1', max: '10', value: String(f.dossier_copies) })),
      el('label', { className: 'choice' }, el('input', { type: 'checkbox', id: 'awards-form-secret', checked: f.secret_ballot }), 'Hội đồng bỏ phiếu kín'),
      el('fieldset', { className: 'field' }, el('legend', {}, 'Chỉ tiêu mỗi kỳ (để trống: chưa quy định, chưa trình được)'),
        ...PERIOD_KINDS.flatMap(([kind]) => SUBJECTS.map(([subject]) => quotaField(f, kind, subject)))),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button' }, 'Lưu hình thức'),
        button('Thôi sửa', () => { box.replaceChildren(); box.hidden = true; })));
    box.dataset.code = f.code;
    box.hidden = false;
    $('awards-form-label').focus();
  }

  async function saveForm(event) {
    event.preventDefault();
    const box = $('awards-form-edit');
    const quotas = {};
    for (const [kind] of PERIOD_KINDS) {
      quotas[kind] = {};
      for (const [subject] of SUBJECTS) {
        const id = `awards-quota-${kind}-${subject}`;
        const typed = $(id).value.trim();
        quotas[kind][subject] = $(`${id}-all`).checked ? -1 : typed === '' ? null : Number(typed);
      }
    }
    const body = { code: box.dataset.code, label: $('awards-form-label').value.trim(),
      level: $('awards-form-level').value, authority: $('awards-form-authority').value.trim(),
      dossier_copies: Number($('awards-form-copies').value), secret_ballot: $('awards-form-secret').checked, quotas };
    const saved = await call(endpoints.awardForm(body.code), { method: 'PUT', body });
    box.replaceChildren();
    box.hidden = true;
    await start();
    notify(`Đã lưu hình thức “${saved.label}”.`);
  }

  // ------------------------------------------------------------ periods

  function periodItem(p) {
    return el('li', { dataset: { id: p.id } },
      el('p', { className: 'initiative-title' }, p.label),
      el('p', { className: 'hint' }, `${label(PERIOD_KINDS, p.kind)} · năm ${p.year} · giai đoạn ${p.phase}`),
      el('div', { className: 'actions' }, button('Sửa', () => editPeriod(p), '', `kỳ ${p.label}`)));
  }

  function editPeriod(p) {
    const box = $('awards-period-edit');
    box.replaceChildren(el('h4', {}, `Sửa kỳ: ${p.label}`),
      field('awards-period-label', 'Tên kỳ', el('input', { id: 'awards-period-label', value: p.label, maxLength: 200, required: true })),
      field('awards-period-kind', 'Loại kỳ', select('awards-period-kind', PERIOD_KINDS, p.kind)),
      field('awards-period-year', 'Năm', select('awards-period-year', YEARS.map((y) => [y, String(y)]), p.year)),
      field('awards-period-phase', 'Giai đoạn', select('awards-period-phase', [[1, 'Giai đoạn 1 (2025–2027)'], [2, 'Giai đoạn 2 (2027–2030)']], p.phase)),
      el('div', { className: 'form-actions' },
        el('button', { type: 'submit', className: 'button' }, 'Lưu kỳ'),
        button('Thôi sửa', () => { box.replaceChildren(); box.hidden = true; })));
    box.dataset.id = p.id;
    box.hidden = false;
    $('awards-period-label').focus();
  }

  async function savePeriod(event) {
    event.preventDefault();
    const box = $('awards-period-edit');
    const body = { id: box.dataset.id, label: $('awards-period-label').value.trim(), kind: $('awards-period-kind').value,
      year: Number($('awards-period-year').value), phase: Number($('awards-period-phase').value) };
    const saved = await call(endpoints.period(body.id), { method: 'PUT', body });
    box.replaceChildren();
    box.hidden = true;
    await start();
    notify(`Đã lưu kỳ “${saved.label}”.`);
  }

  // ------------------------------------------------------------ the card

  function build() {
    // Plain blocks under headings: a labelled region named "Hình thức khen thưởng…" would
    // share its name with the nomination form's field of that name.
    const section = (id, title, ...children) => el('div', { className: 'awards-part' },
      el('h3', { id }, title), ...children);
    card().replaceChildren(
      el('div', { className: 'card-head' }, el('h2', { id: 'awards-catalogue-heading' }, 'Danh mục khen thưởng'),
        button('Cập nhật', () => attempt(start, { busy: card() }))),
      section('awards-rounds-heading', 'Đợt xét khen thưởng',
        el('p', { className: 'hint' }, 'Tổ trưởng và Ban giám hiệu chỉ lập và trình đề nghị khi có đợt xét đang mở cho kỳ và hình thức đó.'),
        el('p', { className: 'hint', id: 'awards-rounds-empty' }, 'Chưa có đợt xét nào.'),
        el('ul', { className: 'initiatives-list', id: 'awards-rounds-list' }),
        el('form', { id: 'awards-round-form', className: 'initiative-form', onsubmit: (e) => attempt(() => saveRound(e), { busy: card() }) },
          el('h4', {}, 'Mở đợt xét mới hoặc sửa đợt đã chọn'),
          field('awards-round-name', 'Tên đợt xét', el('input', { id: 'awards-round-name', maxLength: 200, required: true, autocomplete: 'off',
            placeholder: 'Đợt xét khen thưởng năm 2026' })),
          field('awards-round-period', 'Kỳ khen thưởng', el('select', { id: 'awards-round-period' })),
          field('awards-round-opens', 'Ngày mở', el('input', { id: 'awards-round-opens', type: 'date', required: true })),
          field('awards-round-closes', 'Ngày đóng (nhận đề nghị đến hết ngày này)', el('input', { id: 'awards-round-closes', type: 'date', required: true })),
          el('fieldset', { className: 'field', id: 'awards-round-forms' }),
          el('div', { className: 'form-actions' },
            el('button', { type: 'submit', className: 'button', id: 'awards-round-submit' }, 'Mở đợt xét'),
            el('button', { type: 'button', className: 'button button-quiet', id: 'awards-round-cancel', hidden: true, onclick: () => fillRound(null) }, 'Thôi sửa')))),
      section('awards-forms-heading', 'Hình thức khen thưởng và chỉ tiêu',
        el('ul', { className: 'initiatives-list', id: 'awards-forms-list' }),
        el('form', { id: 'awards-form-edit', className: 'initiative-form', hidden: true, onsubmit: (e) => attempt(() => saveForm(e), { busy: card() }) })),
      section('awards-periods-heading', 'Các kỳ khen thưởng',
        el('ul', { className: 'initiatives-list', id: 'awards-periods-list' }),
        el('form', { id: 'awards-period-edit', className: 'initiative-form', hidden: true, onsubmit: (e) => attempt(() => savePeriod(e), { busy: card() }) })));
  }

  // After sign-in and "Cập nhật": the board only (the service refuses others' edits).
  async function start() {
    if (!state.me || state.me.role !== 'admin') return;
    if (!$('awards-rounds-list')) build();
    const [catalogue] = await Promise.all([call(endpoints.catalogue), loadRounds()]);
    state.catalogue = catalogue;
    $('awards-forms-list').replaceChildren(...forms().map(formItem));
    $('awards-periods-list').replaceChildren(...periods().map(periodItem));
    if (!editingRound) fillRound(null);
    card().hidden = false;
  }

  return {
    start,
    reset() {
      editingRound = null;
      rounds = [];
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
