// "Sổ văn bản đi" (issue 11): the school's register of issued documents, every service's (the
// yearly report, tờ trình, biên bản, báo cáo thành tích, quyết định), as a văn thư keeps it:
// number, date, type, summary, signer, recipient, and the version and reason of one issued
// again. Each can be downloaded as issued (PDF or DOCX, from the service that issued it), and
// the year's register as an Excel workbook. The board and the council read it (the services
// refuse the others, and then the card hides). One call per year shown. Built here whole, so
// index.html holds only the empty card.
import { ApiError, saveFile } from './api.mjs';
import { YEARS } from './movement.mjs';

const N = '/api/nominations/v1';
const R = '/api/reports/v1';
const READERS = ['admin', 'council'];
// Which service serves a document's files: the reports service issues the yearly report.
const SERVED_BY_REPORTS = ['bao-cao-nam'];

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, state, signOut).
export function registerScreen(ui) {
  const { $, el, call, attempt, state, signOut } = ui;
  const card = () => $('register');
  let shownYear = 0;

  async function save(path, name) {
    try {
      await saveFile(path, name);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signOut();
      throw error;
    }
  }

  function fileButtons(d) {
    const base = SERVED_BY_REPORTS.includes(d.kind) ? R : N;
    return ['pdf', 'docx'].map((format) => el('button', {
      type: 'button', className: 'button button-quiet',
      onclick: () => attempt(() => save(`${base}/documents/${encodeURIComponent(`${d.id}.${format}`)}`,
        (d.files && d.files[format] && d.files[format].name) || `${d.id}.${format}`)),
    }, `Tải ${format.toUpperCase()}`, el('span', { className: 'visually-hidden' }, ` văn bản số ${d.number_text}`)));
  }

  function entry(d) {
    const facts = [`Người ký: ${d.signer}${d.signer_title ? ` (${d.signer_title})` : ''}`];
    if (d.recipient) facts.push(`Nơi nhận: ${d.recipient}`);
    const again = d.version > 1
      ? el('p', { className: 'hint' }, `Phát hành lần ${d.version}${d.reason ? `, lý do: ${d.reason}` : ''}`) : null;
    return el('li', { dataset: { id: d.id } },
      el('p', {}, el('strong', { className: 'document-number' }, `Số ${d.number_text}`),
        ` · ngày ${d.issued_on_vn} · ${d.type_name}`),
      el('p', { className: 'document-summary' }, d.summary),
      el('p', { className: 'hint' }, facts.join(' · ')), again,
      el('div', { className: 'form-actions' }, ...fileButtons(d)));
  }

  async function load(year) {
    let data;
    try {
      data = await call(`${N}/documents?${new URLSearchParams({ year: String(year) })}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        card().hidden = true;
        return;
      }
      throw error;
    }
    shownYear = year;
    const docs = Array.isArray(data.documents) ? data.documents : [];
    $('register-year').value = String(year);
    $('register-empty').hidden = docs.length > 0;
    $('register-empty').textContent = `Năm ${year} chưa phát hành văn bản nào.`;
    $('register-list').replaceChildren(...docs.map(entry));
    $('register-count').textContent = docs.length ? `${docs.length} văn bản, theo thứ tự phát hành.` : '';
    card().hidden = false;
  }

  function build(year) {
    const select = el('select', { id: 'register-year',
      onchange: () => attempt(() => load(Number(select.value)), { busy: card() }) },
    ...YEARS.map((y) => el('option', { value: String(y) }, String(y))));
    card().replaceChildren(
      el('div', { className: 'card-head' },
        el('h2', { id: 'register-heading' }, 'Sổ văn bản đi'),
        el('div', { className: 'inline-field' }, el('label', { htmlFor: 'register-year' }, 'Năm'), select),
        el('button', { type: 'button', className: 'button button-quiet', id: 'register-reload',
          onclick: () => attempt(() => load(Number(select.value)), { busy: card() }) }, 'Cập nhật sổ')),
      el('p', { className: 'hint', id: 'register-count', 'aria-live': 'polite' }),
      el('p', { className: 'hint', id: 'register-empty', hidden: true }),
      el('ol', { className: 'documents-list register-list', id: 'register-list' }),
      el('div', { className: 'form-actions' },
        el('button', { type: 'button', className: 'button button-quiet', id: 'register-xlsx',
          onclick: () => attempt(() => save(`${N}/documents/register/${shownYear}/xlsx`,
            `so-van-ban-di-${shownYear}.xlsx`)) }, 'Tải Excel sổ văn bản đi')),
      el('p', { className: 'hint' }, 'Số văn bản được cấp khi phát hành, theo năm và theo loại, không dùng lại. '
        + 'Văn bản đã phát hành được giữ nguyên bản; phát hành lại là một lần mới có ghi lý do.'));
    select.value = String(year);
  }

  return {
    // Opens on this year (the movement's years only).
    async start() {
      card().hidden = true;
      if (!READERS.includes((state.me || {}).role)) return;
      const now = new Date().getFullYear();
      const year = Math.min(Math.max(now, YEARS[0]), YEARS[YEARS.length - 1]);
      build(year);
      await load(year);
    },
    reset() {
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
