// The dashboard's steps from the council's vote to the documents, run by dashboard.test.mjs in
// its one signed-in session, after the steps before them: the whole path in the UI, the tờ
// trình previewed and issued, and "Sổ văn bản đi".
import fs from 'node:fs';
import path from 'node:path';

import { text } from './browser.mjs';
import { STEP_TIMEOUT_MS, check, eventually, outDir, step } from './system.mjs';

export default async function dashboardCouncil({ page, apiCall, accessible, noSideScroll, currentYear, quotaCell }) {
  await step('the whole path in the UI: vote passes, "Thông qua", forward and award dialogs with dd/mm/yyyy dates', async () => {
    // Another person: gv-hoa already holds an award form this period (one per achievement).
    await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-lan',
      { name: 'Trần Thị Lan', unit_id: 'to-ngu-van', gender: 'female' });
    const n = await apiCall('POST', '/api/nominations/v1/nominations', {
      period: currentYear, award: 'bk_tinh', subject_kind: 'individual', subject_id: 'gv-lan',
      reason: 'Sáng kiến số hoá sổ điểm của tổ.',
    });
    const base = `/api/nominations/v1/nominations/${n.id}`;
    await apiCall('POST', `${base}/transitions`, { action: 'submit' });
    await apiCall('POST', `${base}/transitions`, { action: 'review' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByRole('button', { name: `Xem đề nghị số ${n.id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Đề nghị số ${n.id}`, exact: true }).waitFor();

    // The council's records, taken in the page: the meeting, then the vote at it.
    await page.getByRole('button', { name: 'Ghi cuộc họp Hội đồng' }).click();
    const meetingDialog = page.getByRole('dialog', { name: 'Ghi cuộc họp Hội đồng' });
    await meetingDialog.waitFor();
    await meetingDialog.getByLabel('Ngày họp (dd/mm/yyyy)').fill(`15/10/${currentYear}`);
    await meetingDialog.getByLabel('Số thành viên Hội đồng').fill('9');
    await meetingDialog.getByLabel('Số thành viên có mặt').fill('8');
    await meetingDialog.getByRole('button', { name: 'Ghi cuộc họp Hội đồng' }).click();
    await meetingDialog.waitFor({ state: 'hidden' });
    await eventually(async () => (await text(page.getByRole('status')))
      .includes(`Đã ghi cuộc họp Hội đồng ngày 15/10/${currentYear}: 8/9 thành viên có mặt.`), 'meeting notice');
    await page.getByRole('button', { name: 'Ghi biểu quyết' }).click();
    const voteDialog = page.getByRole('dialog', { name: 'Ghi biểu quyết' });
    await voteDialog.waitFor();
    const meetingChoice = await voteDialog.getByLabel('Cuộc họp').locator('option:checked').textContent();
    check(meetingChoice.includes(`Họp ngày 15/10/${currentYear}: 8/9`), `meeting offered: ${meetingChoice}`);
    await voteDialog.getByLabel('Số phiếu tán thành').fill('7');
    await voteDialog.getByRole('button', { name: 'Ghi biểu quyết' }).click();
    await eventually(async () => (await text(voteDialog.getByRole('alert'))).includes('Số phiếu không tán thành'),
      'the dialog asks for the votes against');
    await voteDialog.getByLabel('Số phiếu không tán thành').fill('1');
    await voteDialog.getByRole('button', { name: 'Ghi biểu quyết' }).click();
    await voteDialog.waitFor({ state: 'hidden' });
    const voted = await apiCall('GET', base);
    check(voted.vote && voted.vote.yes === 7 && voted.vote.no === 1 && voted.vote.passed === true,
      `vote stored: ${JSON.stringify(voted.vote)}`);
    // The vote passed: the decision it supports is offered, the other is not.
    await eventually(async () => (await text(page.locator('#detail-facts'))).includes('— đạt'), 'the vote says "đạt"');
    const offered = await page.locator('#detail-actions button').allTextContents();
    check(offered.includes('Thông qua') && !offered.includes('Không thông qua'), `offered after the vote: ${offered}`);

    await page.getByRole('button', { name: 'Thông qua', exact: true }).click();
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Hội đồng đã thông qua',
      'status "Hội đồng đã thông qua"');
    check((await text(page.locator('#detail-facts'))).includes('Biểu quyết'), 'the vote summary is shown');

    // The secretary records the copies received of each item of the dossier.
    for (const item of ['to_trinh', 'bien_ban', 'bao_cao_thanh_tich']) {
      const row = page.locator(`#detail-dossier li[data-item="${item}"]`);
      await row.getByLabel(/^Số bản đã nhận/).fill('2');
      await row.getByRole('button', { name: 'Ghi nhận' }).click();
      await eventually(async () => (await row.getAttribute('class')) === 'dossier-done', `${item} complete`);
    }
    await eventually(async () => (await page.locator('#detail-dossier .dossier-done').count()) === 3,
      'the dossier shows 3 complete items');
    const dossier = await apiCall('GET', `${base}/dossier`);
    check(dossier.complete === true && dossier.items.every((i) => i.copies_received === 2),
      `dossier stored: ${JSON.stringify(dossier)}`);

    await page.getByRole('button', { name: 'Gửi cấp khen thưởng' }).click();
    let dialog = page.getByRole('dialog', { name: 'Gửi cấp khen thưởng' });
    await dialog.waitFor();
    const sent = dialog.getByLabel('Ngày gửi (dd/mm/yyyy)');
    check(/^\d{2}\/\d{2}\/\d{4}$/.test(await sent.inputValue()), 'the date field starts with today as dd/mm/yyyy');
    await sent.fill('31/02/2026');
    await dialog.getByLabel('Số văn bản (tờ trình) đã gửi').fill('12/TTr-THCSVP1');
    await dialog.getByRole('button', { name: 'Gửi cấp khen thưởng' }).click();
    await eventually(async () => (await text(dialog.getByRole('alert'))).includes('dd/mm/yyyy'),
      '31/02 is refused in the dialog');
    await page.screenshot({ path: path.join(outDir, 'dashboard-dialog.png') });
    // A recorded step is dated no later than today and not before the approval, by the
    // service's clock (which a CI run may pin): the approval's own date is both.
    const approvedOn = (await apiCall('GET', base)).outcome.approval.date;
    const approvedVn = approvedOn.split('-').reverse().join('/');
    await sent.fill('01/01/2099');
    await dialog.getByRole('button', { name: 'Gửi cấp khen thưởng' }).click();
    await eventually(async () => (await text(dialog.getByRole('alert'))).includes('sau hôm nay'),
      'a date after today is refused, in words');
    await sent.fill(approvedVn);
    await dialog.getByRole('button', { name: 'Gửi cấp khen thưởng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã gửi cấp khen thưởng',
      'status "Đã gửi cấp khen thưởng"');
    check((await text(page.locator('#detail-facts'))).includes(`Ngày ${approvedVn}, văn bản số 12/TTr-THCSVP1`),
      'forwarding shown with a dd/mm/yyyy date');

    await page.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
    dialog = page.getByRole('dialog', { name: 'Ghi quyết định khen thưởng' });
    await dialog.waitFor();
    await dialog.getByLabel('Số quyết định').fill('123/QĐ-UBND');
    await dialog.getByLabel('Ngày quyết định (dd/mm/yyyy)').fill(approvedVn);
    await dialog.getByLabel(/^Thành tích công bố/).fill('Kho học liệu số của tổ');
    await dialog.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã được khen thưởng',
      'status "Đã được khen thưởng"');
    check((await text(page.locator('#detail-facts'))).includes(`Số 123/QĐ-UBND, ngày ${approvedVn}`), 'decision shown');
    check((await text(page.locator('#detail-actions'))).includes('không còn thao tác'), 'no actions left');
    const stored = await apiCall('GET', base);
    check(stored.status === 'awarded' && stored.outcome.forwarding.date === approvedOn &&
      stored.outcome.decision.date === approvedOn, `service state: ${JSON.stringify(stored.outcome)}`);
    const honours = await apiCall('GET', '/api/nominations/v1/public/honours');
    check(honours.items.some((h) => h.id === stored.id && h.achievement === 'Kho học liệu số của tổ'),
      `the website lists the award with its public achievement: ${JSON.stringify(honours)}`);
    const quotas = await apiCall('GET', `/api/nominations/v1/quotas?period=${currentYear}`);
    const q = quotas.items.find((i) => i.award === 'bk_tinh' && i.subject_kind === 'individual');
    check(q.used === 1, `an awarded nomination keeps its place: ${JSON.stringify(q)}`);
    await eventually(async () => (await text(quotaCell('bk_tinh', 'individual').locator('.q-used'))) === '1',
      'the quota table shows the place');
  });

  await step('the board previews the tờ trình of an award round (number blank, at 1366 and 360 px), then issues it from the page: numbered TTr 01, the PDF downloads with its Vietnamese name', async () => {
    // A collective through the council by the API: the page's own path is tested above.
    const n = await apiCall('POST', '/api/nominations/v1/nominations', {
      period: currentYear, award: 'gk_xa', subject_kind: 'collective', subject_id: 'to-van-phong',
      reason: 'Dẫn đầu phong trào học liệu số của trường.',
    });
    const base = `/api/nominations/v1/nominations/${n.id}`;
    await apiCall('POST', `${base}/transitions`, { action: 'submit' });
    await apiCall('POST', `${base}/transitions`, { action: 'review' });
    const meeting = await apiCall('POST', '/api/nominations/v1/council/meetings',
      { date: `${currentYear}-10-16`, members_total: 9, members_present: 9 });
    await apiCall('PUT', `${base}/vote`, { meeting_id: meeting.id, yes: 9, no: 0 });
    await apiCall('POST', `${base}/transitions`, { action: 'approve' });

    const card = page.locator('#round-documents');
    await page.evaluate(() => document.getElementById('round-documents').scrollIntoView());
    await eventually(async () => card.isVisible(), 'the round documents card');
    await page.getByLabel('Văn bản cần phát hành').selectOption('to-trinh');
    await page.getByLabel('Đợt xét (kỳ)').selectOption(currentYear);
    await page.getByLabel('Khen thưởng đề nghị (bằng khen, giấy khen)').selectOption('gk_xa');
    // No signer is preset here: the form says a name must be written, before any refusal.
    check((await text(page.locator('#round-signer-legend'))).includes('chưa đặt sẵn người ký'),
      `the signer's legend: ${await text(page.locator('#round-signer-legend'))}`);
    await page.getByLabel('Họ tên người ký').fill('Trần Thị Bình');
    // The principal signs in her own name: no "KT." line, and her title, not the deputy's
    // one the settings hold (a newcomer's walk found "PHÓ HIỆU TRƯỞNG" under her name).
    await page.getByLabel('Hiệu trưởng ký (không ghi quyền ký)').check();
    check(await page.getByLabel('Quyền ký (KT., TM., Q.)').isDisabled(), 'no authority line to fill');
    // Issue 11: first "Xem trước": the tờ trình as it would be issued, its number blank, in the
    // card; nothing is numbered.
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    const preview = page.locator('#round-preview-page');
    await eventually(async () => (await text(preview)).includes('TỜ TRÌNH'), 'the preview shows the tờ trình');
    const shown = await text(preview);
    check(/Số:\s+\/TTr-THCSVP1/.test(shown), `the number is blank: ${shown.slice(0, 300)}`);
    check(shown.includes('Tổ Văn phòng') && shown.includes('Trần Thị Bình')
      && shown.includes('Chủ tịch Ủy ban nhân dân xã Vĩnh Phong'), `the nominee, signer, addressee: ${shown}`);
    check(shown.includes('HIỆU TRƯỞNG') && !shown.includes('PHÓ HIỆU TRƯỞNG') && !shown.includes('KT. HIỆU'),
      `the principal's own signature block: ${shown.slice(-300)}`);
    const none = await apiCall('GET', '/api/nominations/v1/documents?kind=to-trinh');
    check(none.documents.length === 0, `nothing issued by the preview: ${JSON.stringify(none)}`);
    await accessible('"Hồ sơ khen thưởng" with the preview of a tờ trình');
    await page.setViewportSize({ width: 360, height: 780 });
    await preview.scrollIntoViewIfNeeded();
    await noSideScroll(360);
    await page.screenshot({ path: path.join(outDir, 'dashboard-to-trinh-preview-360.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await noSideScroll(1366);
    await card.screenshot({ path: path.join(outDir, 'dashboard-to-trinh-preview-1366.png') });
    await page.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    const item = page.locator('#round-documents-list li[data-id$="-ttr-01"]');
    await eventually(async () => (await item.count()) === 1, 'the issued tờ trình is listed', 60000);
    check((await text(item)).includes('Số 01/TTr-THCSVP1'), `item: ${await text(item)}`);
    check((await text(item)).includes('người ký: Trần Thị Bình'), `item: ${await text(item)}`);
    check(await preview.isHidden(), 'the preview of what is now issued is put away');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      item.getByRole('button', { name: 'Tải PDF' }).click(),
    ]);
    const name = download.suggestedFilename();
    check(name === `Tờ trình Giấy khen của Chủ tịch UBND xã năm ${currentYear} - số 01-TTr-THCSVP1.pdf`,
      `downloaded as ${name}`);
    const saved = path.join(outDir, 'to-trinh.pdf');
    await download.saveAs(saved);
    check(fs.readFileSync(saved).subarray(0, 5).toString() === '%PDF-', 'the download is a PDF');
  });

  // Issue 11: the register of issued documents (sổ văn bản đi), every service's, and its Excel.
  await step('"Sổ văn bản đi" lists the reports and the tờ trình in the order of issue; each downloads, and the year as Excel', async () => {
    const card = page.locator('#register');
    await card.getByLabel('Năm').selectOption(currentYear);
    await card.getByRole('button', { name: 'Cập nhật sổ' }).click();
    const items = card.locator('#register-list li');
    // The two reports (the coming year's, then the one marked sent) and the tờ trình.
    await eventually(async () => (await items.count()) === 3, 'every document is in the register', 30000);
    const first = await text(items.nth(0));
    const second = await text(items.nth(1));
    const third = await text(items.nth(2));
    check(first.includes('Số 01/BC-THCSVP1') && first.includes('Báo cáo') && first.includes('Người ký: Trần Thị Bình'),
      `first: ${first}`);
    check(second.includes('Số 02/BC-THCSVP1'), `second: ${second}`);
    check(third.includes('Số 01/TTr-THCSVP1') && third.includes('Tờ trình'), `third: ${third}`);
    // The yearly report's file comes from the reports service, the tờ trình's from nominations.
    const [report] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      items.nth(0).getByRole('button', { name: /Tải PDF/ }).click(),
    ]);
    check(report.suggestedFilename().startsWith('Báo cáo năm'), `downloaded as ${report.suggestedFilename()}`);
    const [book] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      card.getByRole('button', { name: 'Tải Excel sổ văn bản đi' }).click(),
    ]);
    check(book.suggestedFilename() === `Sổ văn bản đi năm ${currentYear}.xlsx`, `downloaded as ${book.suggestedFilename()}`);
    const saved = path.join(outDir, 'so-van-ban-di.xlsx');
    await book.saveAs(saved);
    check(fs.readFileSync(saved).subarray(0, 2).toString() === 'PK', 'the workbook is a zip (xlsx)');
    await accessible('"Sổ văn bản đi"');
  });

  await step('the tờ trình issued again from the page: the first one is marked as replaced', async () => {
    const card = page.locator('#round-documents');
    await page.evaluate(() => document.getElementById('round-documents').scrollIntoView());
    await page.getByLabel('Văn bản cần phát hành').selectOption('to-trinh');
    await page.getByLabel('Đợt xét (kỳ)').selectOption(currentYear);
    await page.getByLabel('Khen thưởng đề nghị (bằng khen, giấy khen)').selectOption('gk_xa');
    await page.getByLabel('Họ tên người ký').fill('Trần Thị Bình');
    await page.getByLabel('Lý do (khi văn bản này đã có số và cần phát hành lại)').fill('Sửa chức vụ người ký.');
    await page.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    const newer = card.locator('#round-documents-list li[data-id$="-ttr-02"]');
    await eventually(async () => (await newer.count()) === 1, 'the second tờ trình is listed', 60000);
    const older = card.locator('#round-documents-list li[data-id$="-ttr-01"]');
    check((await text(older)).includes('Đã thay bằng số 02/TTr-THCSVP1'), `the first: ${await text(older)}`);
    check(!(await text(newer)).includes('Đã thay bằng'), `the second: ${await text(newer)}`);
    check((await text(newer)).includes('lần 2'), `the second: ${await text(newer)}`);
  });
}
