// "Báo cáo gửi UBND xã: văn bản đã phát hành": the year's report as issued, version by
// version, newest first (the board and the council; a 403 hides the card); the board issues
// it, again only with a reason.
import { ApiError, fetchFile, offerDownload, session } from './api.mjs';
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';

// `ui`: the page's helpers from app.mjs (call, attempt, notify, state, loadRoleCard, signOut)
// and `schoolReport`, the card whose sections are issued.
export function yearlyDocumentsScreen(ui) {
  const { call, attempt, notify, state, loadRoleCard, schoolReport } = ui;
  // The card's markup (index.html holds only the empty card), built once when the page loads.
  $('documents').replaceChildren(
    el('div', { className: 'card-head' },
      el('h2', { id: 'documents-heading' }, 'Báo cáo gửi UBND xã: văn bản đã phát hành')),
    el('p', { className: 'hint', id: 'documents-empty' }, 'Báo cáo năm này chưa phát hành.'),
    el('ul', { className: 'documents-list', id: 'documents-list' }),
    el('form', { className: 'issue-form', id: 'issue-form', hidden: true },
      el('div', { className: 'field' },
        el('label', { htmlFor: 'issue-signer' }, 'Người ký (để trống: người ký đã đặt sẵn)'),
        el('input', { id: 'issue-signer', name: 'signer', maxLength: 80, autocomplete: 'off' })),
      el('div', { className: 'field', id: 'issue-reason-field', hidden: true },
        el('label', { htmlFor: 'issue-reason' }, 'Lý do phát hành lại'),
        el('textarea', { id: 'issue-reason', name: 'reason', maxLength: 500, rows: 2 })),
      el('button', { type: 'submit', className: 'button', id: 'issue-submit' }, 'Phát hành báo cáo')),
    el('p', { className: 'hint' },
      'Khi phát hành, báo cáo được cấp số và lưu nguyên bản Word (DOCX) và PDF; sửa số liệu sau đó không '
      + 'làm thay đổi văn bản đã phát hành.'));

  // The file as issued, saved under its Vietnamese name (the token stays out of any URL).
  async function saveFile(d, format) {
    let blob;
    try {
      blob = await fetchFile(endpoints.documentFile(`${d.id}.${format}`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && session.token) ui.signOut();
      throw error;
    }
    offerDownload(blob, d.files[format].name);
  }

  function load() {
    const year = $('report-year').value;
    return loadRoleCard($('documents'), endpoints.yearlyDocuments(year), (data) => {
      const docs = Array.isArray(data.documents) ? data.documents : [];
      $('documents-empty').hidden = docs.length > 0;
      $('documents-list').replaceChildren(...docs.slice().reverse().map((d) => {
        const about = [`ngày ${d.issued_on_vn}`, `lần ${d.version}`, `người ký: ${d.signer}`];
        if (d.reason) about.push(`lý do: ${d.reason}`);
        return el('li', { dataset: { id: d.id } },
          el('span', { className: 'document-number' }, `Số ${d.number_text}`),
          el('span', { className: 'hint' }, about.join(' · ')),
          el('span', { className: 'actions' },
            ...['pdf', 'docx'].map((format) => el('button', {
              type: 'button', className: 'button button-quiet',
              onclick: () => attempt(() => saveFile(d, format)),
            }, `Tải ${format.toUpperCase()}`))));
      }));
      $('issue-form').hidden = !(state.me && state.me.role === 'admin');
      $('issue-reason-field').hidden = docs.length === 0;
      $('issue-submit').textContent = docs.length === 0 ? 'Phát hành báo cáo' : 'Phát hành lại (số mới)';
    });
  }

  async function issueReport() {
    const year = $('report-year').value;
    const body = {};
    const signer = $('issue-signer').value.trim();
    const reason = $('issue-reason').value.trim();
    if (signer) body.signer = { name: signer };
    if (reason && !$('issue-reason-field').hidden) body.reason = reason;
    await schoolReport.flush(); // what the board just typed is in what is issued
    const issued = await call(endpoints.yearlyDocuments(year), { method: 'POST', body });
    $('issue-reason').value = '';
    await Promise.all([load(), schoolReport.reload()]);
    notify(`Đã phát hành báo cáo năm ${year}, số ${issued.number_text}.`);
  }

  return {
    load,
    wire() {
      $('issue-form').addEventListener('submit', (event) => {
        event.preventDefault();
        attempt(issueReport, { busy: $('documents') });
      });
    },
  };
}
