// The documents of an award round on the dashboard: the board previews ("Xem trước": the
// document as it would be issued, number blank, nothing stored) and issues the tờ trình đề
// nghị khen thưởng (per award form and period), the principal's quyết định (Giấy khen của
// Hiệu trưởng), the biên bản of a council meeting and the báo cáo thành tích of a nomination;
// the board and the council download what was issued, PDF or DOCX, under its Vietnamese
// name. The services decide who may do what: a 403 hides the card.
import { ApiError, saveFile } from './api.mjs';
import { $ } from './dom.mjs';
import { showPreview } from './preview.mjs';

const N = '/api/nominations/v1';
const KINDS = {
  'to-trinh': { label: 'Tờ trình đề nghị khen thưởng (kèm danh sách)', path: `${N}/documents/to-trinh` },
  'quyet-dinh': { label: 'Quyết định khen thưởng của Hiệu trưởng (kèm danh sách)', path: `${N}/documents/quyet-dinh` },
  'bien-ban': { label: 'Biên bản họp Hội đồng Thi đua – Khen thưởng', path: `${N}/documents/bien-ban` },
  'bao-cao-thanh-tich': { label: 'Báo cáo thành tích của một đề nghị', path: `${N}/documents/bao-cao-thanh-tich` },
};

// Helpers of the page (app.mjs), given once by wireRoundDocuments.
let page = null;

// The meetings to choose from for a biên bản, newest first.
async function fillMeetings() {
  const select = $('round-meeting');
  const { items } = await page.call(`${N}/council/meetings`);
  const meetings = (Array.isArray(items) ? items : []).slice().reverse();
  select.replaceChildren(...meetings.map((m) => page.el('option', { value: m.id },
    `Họp ngày ${m.date.split('-').reverse().join('/')}: ${m.members_present}/${m.members_total} có mặt`
    + (m.chair ? `, chủ trì ${m.chair.name}` : ''))));
}

// The nominations that have a báo cáo thành tích: submitted and later, not closed.
async function fillNominations() {
  const select = $('round-nomination');
  const page1 = await page.call(`${N}/nominations?${new URLSearchParams({ limit: '200' })}`);
  const items = (Array.isArray(page1.items) ? page1.items : [])
    .filter((n) => !['draft', 'withdrawn'].includes(n.status));
  select.replaceChildren(...items.reverse().map((n) => page.el('option', { value: n.id },
    `Số ${n.id}: ${n.subject_name} – ${n.award_label} (${n.period_label})`)));
}

function fillForm() {
  const { catalogue } = page.state();
  if (!catalogue) return;
  const kind = $('round-kind').value;
  const minutes = kind === 'bien-ban';
  const report = kind === 'bao-cao-thanh-tich';
  // A biên bản is of a meeting, signed by its chair and secretary; a báo cáo thành tích of a
  // nomination; the others of a round (a period and an award form).
  for (const id of ['round-period-field', 'round-award-field']) $(id).hidden = minutes || report;
  $('round-signer').hidden = minutes;
  // Who signs is one of the board: their names are offered as the name is typed.
  const board = (catalogue.staff || []).filter((s) => s.role === 'admin' && s.active !== false);
  $('round-signer-names').replaceChildren(...board.map((s) => page.el('option', { value: s.name })));
  $('round-meeting-field').hidden = !minutes;
  $('round-nomination-field').hidden = !report;
  if (minutes) page.attempt(fillMeetings);
  if (report) page.attempt(fillNominations);
  const period = $('round-period');
  const chosenPeriod = period.value;
  period.replaceChildren(...(catalogue.periods || []).map((p) => page.el('option', {
    value: p.id, selected: p.id === chosenPeriod,
  }, p.label)));
  const award = $('round-award');
  const chosenAward = award.value;
  // The principal decides only the school's own award; a tờ trình goes to the other levels.
  const forms = (catalogue.award_forms || []).filter((a) => (kind === 'quyet-dinh'
    ? a.level === 'school' : a.level !== 'school'));
  award.replaceChildren(...forms.map((a) => page.el('option', {
    value: a.code, selected: a.code === chosenAward,
  }, a.label)));
}

// The principal signing in their own name (Nghị định 30/2020, Phụ lục I): no authority line
// ("KT."), and the title is theirs, HIỆU TRƯỞNG, not the deputy's one the settings hold.
const PRINCIPAL_TITLE = 'HIỆU TRƯỞNG';
function ownNameChanged() {
  const own = $('round-own-name').checked;
  const authority = $('round-signer-authority');
  authority.disabled = own;
  if (own) authority.value = '';
  $('round-signer-title').placeholder = own ? PRINCIPAL_TITLE : '';
}

// Saves issued document `d` (from GET /documents) as `format` (pdf, docx) under its
// Vietnamese name; also for the council's screen (council.mjs). `helpers`: signOut.
export async function saveIssuedDocument(d, format, { signOut }) {
  try {
    await saveFile(`${N}/documents/${encodeURIComponent(`${d.id}.${format}`)}`, d.files[format].name);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signOut();
    throw error;
  }
}

// What an empty signer means, said before the board issues: who is preset, or that nobody is
// and a name must be written (GET /documents' default_signer).
function signerLegend(preset) {
  const who = preset && [preset.authority, preset.title, preset.name].filter(Boolean).join(' ');
  $('round-signer-legend').textContent = who
    ? `Ký văn bản (để trống: ${who})`
    : 'Ký văn bản (chưa đặt sẵn người ký: thầy cô ghi họ tên người ký)';
}

function renderList(data) {
  signerLegend(data.default_signer);
  const docs = (Array.isArray(data.documents) ? data.documents : [])
    .filter((d) => d.kind in KINDS);
  $('round-documents-empty').hidden = docs.length > 0;
  // A version issued again names the one it replaces: that one is marked, so nobody sends it.
  const replacedBy = new Map(docs.filter((d) => d.replaces).map((d) => [d.replaces, d]));
  $('round-documents-list').replaceChildren(...docs.slice().reverse().map((d) => {
    const about = [d.type_name, `ngày ${d.issued_on_vn}`, `người ký: ${d.signer}`];
    if (d.version > 1) about.push(`lần ${d.version}`);
    if (d.reason) about.push(`lý do: ${d.reason}`);
    const newer = replacedBy.get(d.id);
    return page.el('li', { dataset: { id: d.id }, className: newer ? 'document-replaced' : '' },
      newer ? page.el('span', { className: 'badge' }, `Đã thay bằng số ${newer.number_text}`) : null,
      page.el('span', { className: 'document-number' }, `Số ${d.number_text}`),
      page.el('span', { className: 'document-summary' }, d.summary),
      page.el('span', { className: 'hint' }, about.join(' · ')),
      page.el('span', { className: 'actions' },
        ...['pdf', 'docx'].map((format) => page.el('button', {
          type: 'button', className: 'button button-quiet',
          onclick: () => page.attempt(() => saveIssuedDocument(d, format, page)),
        }, `Tải ${format.toUpperCase()}`))));
  }));
  const me = page.state().me;
  $('round-form').hidden = !(me && me.role === 'admin');
  fillForm();
}

export function loadRoundDocuments() {
  return page.loadRoleCard($('round-documents'), `${N}/documents`, renderList);
}

// The request body for the chosen kind, as issuing and its preview both take it.
function requestBody(kind) {
  if (kind === 'bien-ban') {
    const minutes = { meeting_id: $('round-meeting').value };
    const why = $('round-reason').value.trim();
    if (why) minutes.reason = why;
    return minutes;
  }
  const body = kind === 'bao-cao-thanh-tich'
    ? { nomination_id: $('round-nomination').value }
    : { period: $('round-period').value, award: $('round-award').value };
  const signer = {};
  const own = $('round-own-name').checked;
  for (const field of ['authority', 'title', 'name']) {
    const input = $(`round-signer-${field}`);
    // An authority left empty on purpose (the principal signs in their own name) is sent.
    if (input.value.trim() || (field === 'authority' && own)) {
      signer[field] = input.value.trim();
    }
  }
  if (own && !signer.title) signer.title = PRINCIPAL_TITLE;
  if (Object.keys(signer).length) body.signer = signer;
  const reason = $('round-reason').value.trim();
  if (reason) body.reason = reason;
  return body;
}

// A preview shown no longer matches the form once a choice changes or a document is issued.
function hidePreview() {
  $('round-preview-page').hidden = true;
  $('round-preview-page').replaceChildren();
}

async function preview() {
  const kind = $('round-kind').value;
  await showPreview($('round-preview-page'), `${KINDS[kind].path}/preview`,
    { body: requestBody(kind), signOut: page.signOut });
}

async function issue() {
  const kind = $('round-kind').value;
  const issued = await page.call(KINDS[kind].path, { method: 'POST', body: requestBody(kind) });
  $('round-reason').value = '';
  hidePreview();
  await loadRoundDocuments();
  page.notify(`Đã phát hành ${issued.type_name.toLowerCase()} số ${issued.number_text}.`);
}

// `helpers`: el, call, attempt, notify, loadRoleCard, signOut, state() from app.mjs.
export function wireRoundDocuments(helpers) {
  page = helpers;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  const { el } = page;
  $('round-documents').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'round-documents-heading' },
        'Hồ sơ khen thưởng: tờ trình, biên bản, báo cáo thành tích, quyết định')),
    el('p', { className: 'hint', id: 'round-documents-empty' },
      'Chưa phát hành tờ trình, biên bản hay quyết định nào.'),
    el('ul', { className: 'documents-list', id: 'round-documents-list' }),
    el('form', { className: 'issue-form', id: 'round-form', hidden: true },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'round-kind' }, 'Văn bản cần phát hành'),
        el('select', { id: 'round-kind', name: 'kind' })),
      el('div', { className: 'field', id: 'round-period-field' },
        el('label', { htmlFor: 'round-period' }, 'Đợt xét (kỳ)'),
        el('select', { id: 'round-period', name: 'period' })),
      el('div', { className: 'field', id: 'round-award-field' },
        el('label', { htmlFor: 'round-award' }, 'Khen thưởng đề nghị (bằng khen, giấy khen)'),
        el('select', { id: 'round-award', name: 'award' })),
      el('div', { className: 'field', id: 'round-meeting-field', hidden: true },
        el('label', { htmlFor: 'round-meeting' }, 'Phiên họp của Hội đồng'),
        el('select', { id: 'round-meeting', name: 'meeting_id' })),
      el('div', { className: 'field', id: 'round-nomination-field', hidden: true },
        el('label', { htmlFor: 'round-nomination' }, 'Đề nghị cần báo cáo thành tích'),
        el('select', { id: 'round-nomination', name: 'nomination_id' })),
      el('fieldset', { className: 'field', id: 'round-signer' },
        el('legend', { id: 'round-signer-legend' }, 'Ký văn bản'),
        el('label', { htmlFor: 'round-signer-authority' }, 'Quyền ký (KT., TM., Q.)'),
        el('input', { id: 'round-signer-authority', name: 'signer_authority', maxLength: 80,
          autocomplete: 'off', placeholder: 'KT. HIỆU TRƯỞNG' }),
        el('label', { className: 'check' },
          el('input', { type: 'checkbox', id: 'round-own-name' }),
          ' Hiệu trưởng ký (không ghi quyền ký)'),
        el('label', { htmlFor: 'round-signer-title' }, 'Chức vụ người ký'),
        el('input', { id: 'round-signer-title', name: 'signer_title', maxLength: 80, autocomplete: 'off' }),
        el('label', { htmlFor: 'round-signer-name' }, 'Họ tên người ký'),
        el('input', { id: 'round-signer-name', name: 'signer_name', maxLength: 80, autocomplete: 'off',
          list: 'round-signer-names' }),
        el('datalist', { id: 'round-signer-names' })),
      el('div', { className: 'field' },
        el('label', { htmlFor: 'round-reason' }, 'Lý do (khi văn bản này đã có số và cần phát hành lại)'),
        el('textarea', { id: 'round-reason', name: 'reason', maxLength: 500, rows: 2 })),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'round-preview' }, 'Xem trước'),
        el('button', { type: 'submit', className: 'button', id: 'round-submit' }, 'Phát hành (cấp số)'))),
    el('div', { className: 'document-preview', id: 'round-preview-page', role: 'region',
      'aria-label': 'Bản xem trước văn bản (chưa có số)', tabIndex: -1, hidden: true }),
    el('p', { className: 'hint' },
      'Danh sách gồm các đề nghị Hội đồng đã thông qua hoặc đã gửi cấp khen thưởng. “Xem trước” cho thấy '
      + 'văn bản như khi phát hành, chưa có số và không lưu gì. Khi phát hành, văn bản được cấp số và lưu '
      + 'nguyên bản Word (DOCX) và PDF.'));

  $('round-kind').replaceChildren(...Object.entries(KINDS).map(([value, k]) => page.el('option', { value }, k.label)));
  $('round-kind').addEventListener('change', fillForm);
  $('round-own-name').addEventListener('change', ownNameChanged);
  $('round-form').addEventListener('change', hidePreview);
  $('round-preview').addEventListener('click', () => page.attempt(preview, { busy: $('round-documents') }));
  $('round-form').addEventListener('submit', (event) => {
    event.preventDefault();
    page.attempt(issue, { busy: $('round-documents') });
  });
}

export function clearRoundDocuments() {
  $('round-documents-list').replaceChildren();
  hidePreview();
  $('round-documents').hidden = true;
}
