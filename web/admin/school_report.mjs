// "Báo cáo năm của trường" (issues 11 and 12): the board writes the school's own sections of
// the yearly report to UBND xã, saved as they type (each save names only the sections edited,
// so two board members never erase each other); sees which units still owe their part and
// which sections are still empty (notes for the board, never printed); previews the report
// exactly as it would be issued; and marks it sent with the day and the issued version. The
// council reads it. Two calls: the report and its issued versions. Built here whole, so
// index.html holds only the empty card.
import { ApiError, saveFile } from './api.mjs';
import { formatInstant } from './format.mjs';
import { showPreview as showPage } from './preview.mjs';
import { autosaver } from './autosave.mjs';

const R = '/api/reports/v1';
const enc = encodeURIComponent;
const paths = {
  report: (year) => `${R}/school-reports/${enc(year)}`,
  sections: (year) => `${R}/school-reports/${enc(year)}/sections`,
  html: (year) => `${R}/school-reports/${enc(year)}/html`,
  docx: (year) => `${R}/school-reports/${enc(year)}/preview.docx`,
  figures: (year) => `${R}/statistics/${enc(year)}/figures/xlsx`,
  documents: (year) => `${R}/school-reports/${enc(year)}/documents`,
  sent: (year) => `${R}/school-reports/${enc(year)}/sent`,
};
// The sections in print order, as the service names them, with what the board sees.
const SECTIONS = [
  ['situation', 'I. Căn cứ và đặc điểm tình hình', 'Căn cứ triển khai, số lớp, số cán bộ, giáo viên, thuận lợi, khó khăn chung.'],
  ['direction', 'II. Công tác chỉ đạo, tuyên truyền, phát động', 'Kế hoạch, hội nghị phát động, cách tuyên truyền trên Zalo, trang web, chào cờ.'],
  ['strengths', 'V.1. Ưu điểm', ''],
  ['limitations', 'V.2. Hạn chế', ''],
  ['next_year', 'VI. Phương hướng, nhiệm vụ năm tới', ''],
  ['proposals', 'VII. Đề xuất, kiến nghị của nhà trường', 'Phần đề xuất của các tổ được in tiếp theo.'],
];
const LABEL = Object.fromEntries(SECTIONS.map(([key, label]) => [key, label.replace(/^[IVX.0-9]+\s*/, '')]));
// How long the board may pause typing before what they wrote is saved.
const SAVE_AFTER_MS = 1200;

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, notify, state, signOut) and
// year () => the year chosen in "Năm báo cáo".
export function schoolReportScreen(ui) {
  const { $, el, call, attempt, notify, state, signOut, year } = ui;
  const card = () => $('school-report');
  let shown = 0; // the year on screen
  // Each section's text as the service last answered it: only those a save sent are
  // updated, so a colleague's section changed meanwhile is never sent back over theirs.
  let saved = {};
  let missing = []; // the units that still owe their part (for the notes)

  const isBoard = () => (state.me || {}).role === 'admin';

  function statusText(report) {
    if (report.sent) {
      return `Đã gửi UBND xã ngày ${report.sent.sent_on_vn}, văn bản số ${report.sent.number}.`;
    }
    return `Năm ${report.year}: chưa gửi UBND xã (hạn trước ngày 30/10/${report.year}).`;
  }

  // What only the board sees: who still owes, which sections are empty.
  function notes(sections) {
    const out = [];
    if (missing.length) out.push(`Tổ chưa nộp phần báo cáo: ${missing.map((u) => u.unit_name).join(', ')}.`);
    const empty = (sections.unwritten || []).map((k) => LABEL[k] || k);
    if (empty.length) out.push(`Mục nhà trường chưa viết (không in gì): ${empty.join(', ')}.`);
    return out;
  }

  function savedLine(sections) {
    return sections.updated_at ? `Đã lưu lúc ${formatInstant(sections.updated_at)}.` : 'Chưa viết mục nào.';
  }

  // The sections edited since the last answer: what the next save sends.
  function changed() {
    const body = {};
    for (const [key] of SECTIONS) {
      const value = $(`school-section-${key}`).value;
      if (value !== (saved[key] || '')) body[key] = value;
    }
    return body;
  }

  async function saveNow() {
    const body = changed();
    if (Object.keys(body).length === 0) return;
    const forYear = shown;
    $('school-sections-saved').textContent = 'Đang lưu…';
    const sections = await call(paths.sections(forYear), { method: 'PATCH', body });
    if (forYear !== shown) return;
    // Only what was sent is now saved; what was typed meanwhile is still to send.
    for (const key of Object.keys(body)) saved[key] = sections[key];
    $('school-sections-saved').textContent = savedLine(sections);
    $('school-report-notes').replaceChildren(...notes(sections).map((n) => el('li', {}, n)));
  }
  const saver = autosaver(saveNow, { attempt, delay: SAVE_AFTER_MS });
  const formShown = () => Boolean(shown && card().querySelector('#school-sections'));

  function sectionsForm(report) {
    const board = isBoard();
    const fields = SECTIONS.map(([key, label, hint]) => el('div', { className: 'field' },
      el('label', { htmlFor: `school-section-${key}` }, label),
      hint ? el('p', { className: 'hint', id: `school-section-${key}-hint` }, hint) : null,
      el('textarea', {
        id: `school-section-${key}`, name: key, rows: key === 'situation' || key === 'direction' ? 5 : 3,
        maxLength: 12000, value: report.sections[key] || '', readOnly: !board,
        'aria-describedby': hint ? `school-section-${key}-hint` : undefined,
        oninput: () => {
          $('school-sections-saved').textContent = 'Chưa lưu…';
          saver.later();
        },
        onblur: () => { if (Object.keys(changed()).length) attempt(saver.now); },
      })));
    return el('form', { id: 'school-sections', noValidate: true,
      onsubmit: (event) => { event.preventDefault(); attempt(saver.now); } },
    el('h3', {}, 'Phần nhà trường viết'),
    ...fields,
    el('p', { className: 'hint', id: 'school-sections-saved', 'aria-live': 'polite' }, savedLine(report.sections)),
    board ? el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button' }, 'Lưu ngay')) : null);
  }

  async function showPreview() {
    await showPage($('school-report-preview'), paths.html(shown), { signOut });
    $('school-report-preview-toggle').textContent = 'Ẩn bản xem trước';
  }

  function previewControls() {
    return el('div', { className: 'form-actions' },
      el('button', { type: 'button', className: 'button button-quiet', id: 'school-report-preview-toggle',
        onclick: () => attempt(async () => {
          if (!$('school-report-preview').hidden) {
            $('school-report-preview').hidden = true;
            $('school-report-preview-toggle').textContent = 'Xem trước báo cáo';
            return;
          }
          await saver.now();
          await showPreview();
        }, { busy: card() }) }, 'Xem trước báo cáo'),
      el('button', { type: 'button', className: 'button button-quiet',
        onclick: () => attempt(async () => {
          await saver.now();
          await saveFile(paths.docx(shown), `Báo cáo năm ${shown} - bản xem trước.docx`);
        }) }, 'Tải bản xem trước (Word)'),
      el('button', { type: 'button', className: 'button button-quiet',
        onclick: () => attempt(() => saveFile(paths.figures(shown), `so-lieu-cac-to-${shown}.xlsx`)) },
      'Tải Excel số liệu các tổ'));
  }

  function sentForm(report, versions) {
    if (!isBoard()) return null;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    if (today < `${report.year}-01-01`) {
      return el('p', { className: 'hint', id: 'school-report-sent-later' },
        `Báo cáo năm ${report.year} được đánh dấu đã gửi từ năm ${report.year}, khi đã gửi UBND xã.`);
    }
    const chosen = report.sent && report.sent.document_id;
    const fields = [el('div', { className: 'field' },
      el('label', { htmlFor: 'school-report-sent-on' }, 'Ngày gửi UBND xã'),
      el('input', { id: 'school-report-sent-on', name: 'sent_on', type: 'date', required: true,
        value: report.sent ? report.sent.sent_on : today, max: today, min: `${report.year}-01-01` }))];
    if (versions.length) {
      fields.push(el('div', { className: 'field' },
        el('label', { htmlFor: 'school-report-sent-version' }, 'Văn bản đã gửi'),
        el('select', { id: 'school-report-sent-version', name: 'document_id' },
          ...versions.slice().reverse().map((d) => el('option', { value: d.id, selected: d.id === chosen },
            `Số ${d.number_text}, ngày ${d.issued_on_vn} (lần ${d.version})`)))));
    } else {
      fields.push(el('div', { className: 'field' },
        el('label', { htmlFor: 'school-report-sent-number' }, 'Số văn bản (báo cáo phát hành ngoài hệ thống)'),
        el('p', { className: 'hint', id: 'school-report-sent-number-hint' },
          'Báo cáo năm này chưa phát hành ở đây; nếu thầy cô phát hành ở thẻ bên dưới thì chọn được văn bản.'),
        el('input', { id: 'school-report-sent-number', name: 'number', maxLength: 64, required: true,
          placeholder: `25/BC-THCSVP1`, 'aria-describedby': 'school-report-sent-number-hint' })));
    }
    return el('form', { id: 'school-report-sent', noValidate: true,
      onsubmit: (event) => { event.preventDefault(); attempt(() => markSent(event.target), { busy: card() }); } },
    el('h3', {}, report.sent ? 'Sửa ngày gửi' : 'Đánh dấu đã gửi'),
    el('div', { className: 'form-grid' }, ...fields),
    el('div', { className: 'form-actions' },
      el('button', { type: 'submit', className: 'button' }, report.sent ? 'Lưu ngày gửi' : 'Đánh dấu đã gửi')));
  }

  async function markSent(form) {
    const body = { sent_on: form.elements.sent_on.value };
    if (!body.sent_on) {
      form.elements.sent_on.focus();
      throw new ApiError(0, 'form_incomplete', 'Hãy chọn ngày gửi báo cáo.');
    }
    if (form.elements.document_id) body.document_id = form.elements.document_id.value;
    if (form.elements.number) {
      body.number = form.elements.number.value.trim();
      if (!body.number) {
        form.elements.number.focus();
        throw new ApiError(0, 'form_incomplete', 'Hãy ghi số văn bản đã gửi, ví dụ 25/BC-THCSVP1.');
      }
    }
    const report = await call(paths.sent(shown), { method: 'POST', body });
    await load(shown);
    notify(`Đã ghi nhận báo cáo năm ${shown} gửi UBND xã ngày ${report.sent.sent_on_vn}.`);
  }

  async function load(forYear) {
    let report;
    let versions;
    try {
      [report, versions] = await Promise.all([call(paths.report(forYear)),
        call(paths.documents(forYear)).then((d) => (Array.isArray(d.documents) ? d.documents : []))]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        card().hidden = true;
        return;
      }
      throw error;
    }
    saver.cancel();
    shown = Number(forYear);
    saved = { ...report.sections };
    missing = Array.isArray(report.missing) ? report.missing : [];
    card().replaceChildren(
      el('div', { className: 'card-head' },
        el('h2', { id: 'school-report-heading' }, `Báo cáo năm ${shown} của trường gửi UBND xã`)),
      el('p', { className: 'report-summary', id: 'school-report-status' }, statusText(report)),
      el('ul', { className: 'hint school-report-notes', id: 'school-report-notes' },
        ...notes(report.sections).map((n) => el('li', {}, n))),
      sectionsForm(report),
      previewControls(),
      el('div', { className: 'document-preview', id: 'school-report-preview', hidden: true, tabIndex: -1,
        role: 'region', 'aria-label': `Bản xem trước báo cáo năm ${shown}` }),
      sentForm(report, versions),
      el('p', { className: 'hint' }, 'Các ghi chú trên chỉ để Ban giám hiệu theo dõi, không in trong báo cáo. '
        + 'Năm theo ô “Năm báo cáo” ở trên.'));
    card().hidden = false;
  }

  return {
    async start() {
      card().hidden = true;
      if (!['admin', 'council'].includes((state.me || {}).role)) return;
      await load(year());
    },
    // After the year changes or a version is issued.
    async reload() {
      if (!['admin', 'council'].includes((state.me || {}).role)) return;
      if (formShown()) await saver.now();
      await load(year());
    },
    // Saves what is typed and not yet saved (before the report is issued).
    async flush() {
      if (formShown()) await saver.now();
    },
    reset() {
      saver.cancel();
      saved = {};
      missing = [];
      shown = 0;
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
