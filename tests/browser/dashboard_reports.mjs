// The dashboard's steps about the yearly report, run by dashboard.test.mjs in its one signed-in
// session, after the steps before them: the units' reports, the templates' wording, the
// board's sections, the report issued and marked sent.
import fs from 'node:fs';
import path from 'node:path';

import { text } from './browser.mjs';
import { STEP_TIMEOUT_MS, check, eventually, outDir, step } from './system.mjs';

export default async function dashboardReports({ page, apiCall, accessible, noSideScroll, noticeSays }) {
  await step('the units\' reports for the next deadline\'s year: who has sent and who still owes', async () => {
    const year = (await apiCall('GET', '/api/reports/v1/deadlines/next')).due_date.slice(0, 4);
    const select = page.getByLabel('Năm báo cáo');
    check(await select.inputValue() === year, `report year ${await select.inputValue()}, not the deadline's ${year}`);
    const units = page.locator('#report-units li');
    await eventually(async () => (await units.count()) > 1, 'the units that owe a part are listed');
    const n = await units.count();
    const summary = page.locator('#report-summary');
    await eventually(async () => (await text(summary)).startsWith(`Năm ${year}: 0/${n} tổ đã nộp. Còn thiếu: `),
      `summary "0/${n}"`);
    check((await text(summary)).includes('Tổ Toán – Tin'), 'Tổ Toán – Tin among those who owe');
    await apiCall('POST', `/api/reports/v1/contributions/${year}/to-toan-tin/submit`,
      { figures: { e_lessons: 3 }, narratives: { 'II.4': 'Bài giảng điện tử cho khối 6.' } });
    await select.selectOption(String(Number(year) - 1));
    await select.selectOption(year);
    await eventually(async () => (await text(summary)).startsWith(`Năm ${year}: 1/${n} tổ đã nộp.`),
      `summary "1/${n}" after Tổ Toán – Tin submitted`);
    check(!(await text(summary)).includes('Tổ Toán – Tin'), 'Tổ Toán – Tin is still listed as owing');
    const row = page.locator('#report-units li[data-unit="to-toan-tin"]');
    check((await text(row)).includes('Đã nộp'), `row: ${await text(row)}`);
    check(/lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(await text(row)), 'the time it was sent');
  });

  // Issue 11: the board edits a document's wording in the dashboard, checked when saved.
  await step('"Mẫu văn bản": the board edits the yearly report\'s wording; a mistake is shown next to the text with its line and nothing is saved', async () => {
    const card = page.locator('#templates');
    await eventually(async () => card.isVisible(), 'the templates card');
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Báo cáo kết quả thực hiện phong trào thi đua (hằng năm)' });
    const area = page.getByLabel('Lời văn của mẫu');
    const original = await area.inputValue();
    check(original.includes('{{#linh_vuc}}'), 'the template as the file has it');
    check((await text(page.locator('#template-status'))) === 'Đang dùng mẫu gốc.', 'the original is in use');
    await area.fill(`${original}\nGhi chú {{khong_co}}.\n`);
    await card.getByRole('button', { name: 'Lưu mẫu' }).click();
    const error = page.locator('#template-error');
    await eventually(async () => /dòng \d+: .*khong_co/.test(await text(error)), `the mistake and its line: ${await text(error)}`);
    check(await area.getAttribute('aria-invalid') === 'true', 'the field is marked');
    check(!(await apiCall('GET', '/api/reports/v1/templates/bao-cao-nam.txt')).edited, 'nothing was saved');
    await area.fill(original.replace('Trên đây là báo cáo', 'Nhà trường cam kết tiếp tục đổi mới.\n\nTrên đây là báo cáo'));
    await card.getByRole('button', { name: 'Lưu mẫu' }).click();
    await noticeSays('Đã lưu mẫu');
    check((await text(page.locator('#template-status'))).startsWith('Nhà trường đã sửa mẫu này'), 'edited is said');
    check((await text(error)) === '', 'the mistake is gone');
    await accessible('"Mẫu văn bản"');
  });

  // Issue 11: the sections the board writes itself, saved as they type, previewed as issued.
  await step('"Báo cáo năm của trường": the board writes its sections as it types; the preview shows them as text; notes name what is missing', async () => {
    const year = await page.getByLabel('Năm báo cáo').inputValue();
    const card = page.locator('#school-report');
    await eventually(async () => card.isVisible(), 'the school report card');
    const notes = page.locator('#school-report-notes');
    check(/Tổ chưa nộp phần báo cáo: .*Tổ Ngữ văn/.test(await text(notes)), `notes: ${await text(notes)}`);
    check((await text(notes)).includes('Mục nhà trường chưa viết'), `notes: ${await text(notes)}`);
    const hostile = '<img src=x onerror=alert(1)>';
    await page.getByLabel('I. Căn cứ và đặc điểm tình hình').fill(`Trường có 18 lớp, 42 cán bộ.\n${hostile}`);
    // Nothing pressed: saved after a pause in typing.
    await eventually(async () => /^Đã lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(await text(page.locator('#school-sections-saved'))),
      'saved while typing');
    await page.getByLabel('VI. Phương hướng, nhiệm vụ năm tới').fill('Mở rộng kho học liệu số.');
    await page.getByLabel('V.1. Ưu điểm').focus(); // leaving the field saves it at once
    await eventually(async () => (await apiCall('GET', `/api/reports/v1/school-reports/${year}`)).sections.next_year
      === 'Mở rộng kho học liệu số.', 'the second section saved on leaving it');
    const sections = (await apiCall('GET', `/api/reports/v1/school-reports/${year}`)).sections;
    check(sections.situation === `Trường có 18 lớp, 42 cán bộ.\n${hostile}`, `situation: ${sections.situation}`);
    check(!(await text(notes)).includes('Căn cứ và đặc điểm tình hình'), `notes: ${await text(notes)}`);
    await page.getByRole('button', { name: 'Xem trước báo cáo' }).click();
    const preview = page.locator('#school-report-preview');
    await eventually(async () => (await text(preview)).includes('Trường có 18 lớp, 42 cán bộ.'), 'the preview shows the section');
    const shown = await text(preview);
    check(shown.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), 'the national title');
    check(shown.includes(hostile), 'the hostile text shows as text');
    check(shown.includes('Nhà trường cam kết tiếp tục đổi mới.'), 'the wording the board saved');
    check(await preview.locator('img').count() === 0, 'no element was made of the text');
    check(shown.includes(`PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${Number(year) + 1}`), 'the next year\'s heading');
    check(!shown.includes('chưa nộp'), 'the internal note is not in the document');
    await accessible('"Báo cáo năm của trường" with its preview');
    await page.setViewportSize({ width: 360, height: 780 });
    await card.scrollIntoViewIfNeeded();
    await noSideScroll(360);
    await page.screenshot({ path: path.join(outDir, 'dashboard-school-report-360.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await card.screenshot({ path: path.join(outDir, 'dashboard-school-report-1366.png') });
    await page.getByRole('button', { name: 'Ẩn bản xem trước' }).click();
    const [book] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      page.getByRole('button', { name: 'Tải Excel số liệu các tổ' }).click(),
    ]);
    check(book.suggestedFilename() === `Số liệu báo cáo của các tổ năm ${year}.xlsx`, `downloaded as ${book.suggestedFilename()}`);
    const saved = path.join(outDir, 'so-lieu-cac-to.xlsx');
    await book.saveAs(saved);
    check(fs.readFileSync(saved).subarray(0, 2).toString() === 'PK', 'the workbook is a zip (xlsx)');
  });

  await step('the board issues the year\'s report from the page: numbered 01, listed, the PDF downloads with its Vietnamese name', async () => {
    const year = await page.getByLabel('Năm báo cáo').inputValue();
    const card = page.locator('#documents');
    await eventually(async () => card.isVisible(), 'the issued documents card');
    check(await page.locator('#documents-empty').isVisible(), 'not issued yet is said');
    await page.getByLabel('Người ký (để trống: người ký đã đặt sẵn)').fill('Trần Thị Bình');
    await page.getByRole('button', { name: 'Phát hành báo cáo' }).click();
    const item = page.locator('#documents-list li[data-id$="-bc-01"]');
    // LibreOffice makes the PDF: seconds, not milliseconds.
    await eventually(async () => (await item.count()) === 1, 'the issued report is listed', 60000);
    check((await text(item)).includes('Số 01/BC-THCSVP1'), `item: ${await text(item)}`);
    check((await text(item)).includes('người ký: Trần Thị Bình'), `item: ${await text(item)}`);
    check((await text(page.locator('#notice'))).includes('số 01/BC-THCSVP1'), 'the notice names the number');
    check(await page.getByLabel('Lý do phát hành lại').isVisible(), 'issuing again asks for a reason');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      item.getByRole('button', { name: 'Tải PDF' }).click(),
    ]);
    const name = download.suggestedFilename();
    check(name === `Báo cáo năm ${year} - số 01-BC-THCSVP1.pdf`, `downloaded as ${name}`);
    const saved = path.join(outDir, 'bao-cao-nam.pdf');
    await download.saveAs(saved);
    check(fs.readFileSync(saved).subarray(0, 5).toString() === '%PDF-', 'the download is a PDF');
  });

  await step('the board marks a report sent with the version issued: the status says when and which number', async () => {
    const next = await page.getByLabel('Năm báo cáo').inputValue();
    // The coming year's report cannot be sent before its year: the card says so.
    check(/được đánh dấu đã gửi từ năm/.test(await text(page.locator('#school-report'))), 'no sent form before the year');
    const year = String(Number(next) - 1); // the report that came due this year
    await apiCall('POST', `/api/reports/v1/school-reports/${year}/documents`, { signer: { name: 'Trần Thị Bình' } });
    await page.getByLabel('Năm báo cáo').selectOption(year);
    const version = page.getByLabel('Văn bản đã gửi');
    await eventually(async () => (await version.count()) === 1, 'the issued versions are offered');
    check((await version.locator('option').first().textContent()).includes('/BC-THCSVP1'), 'the version offered');
    await page.getByRole('button', { name: 'Đánh dấu đã gửi' }).click();
    const status = page.locator('#school-report-status');
    await eventually(async () => /^Đã gửi UBND xã ngày \d{2}\/\d{2}\/\d{4}, văn bản số \d{2}\/BC-THCSVP1\.$/.test(await text(status)),
      `status: ${await text(status)}`);
    const report = await apiCall('GET', `/api/reports/v1/school-reports/${year}`);
    check(report.status === 'sent' && /-bc-\d{2}$/.test(report.sent.document_id), JSON.stringify(report.sent));
    await noticeSays(`Đã ghi nhận báo cáo năm ${year} gửi UBND xã`);
    await page.getByLabel('Năm báo cáo').selectOption(next);
  });
}
