#!/usr/bin/env node
// The admin dashboard (web/admin/) in real headless Chromium against the real system: a
// redis-server of its own, the three services from the build directory, the fake Zalo Bot API
// and nginx as the edge (config rendered from deploy/nginx.conf), all on free 127.0.0.1 ports
// (system.mjs starts them; browser.mjs opens Chromium).
//
//   node tests/browser/dashboard.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
//
// Needs tests/browser/node_modules (playwright-core) and /usr/bin/chromium: scripts/setup.sh
// installs both. Screenshots go to <build dir>/browser/, the processes' logs to
// <build dir>/browser/dashboard/. Exits non-zero on any failure; the last line is always
// "browser: N passed, M failed".
import fs from 'node:fs';
import path from 'node:path';

import { loadChromium, openBrowser, recordTimings, text } from './browser.mjs';
import { adminApi } from './client.mjs';
import {
  STEP_TIMEOUT_MS, check, eventually, outDir, startSystemOrExit, step, stopAll, summaryAndExit,
} from './system.mjs';

const chromium = await loadChromium();
// The bot stays off: this test sends through the fake Zalo but reads nobody's chat.
// The services' and the page's clocks (system.mjs, browser.mjs): the same day whenever it runs.
process.env.THIDUA_TEST_FAKETIME ||= '2026-12-01 09:00:00';
const system = await startSystemOrExit({ name: 'dashboard', bot: false });
const { edge, zalo, adminToken } = system;
const { apiCall } = adminApi(system);
const browser = await openBrowser(chromium, system);
const { page, requests, pageErrors, consoleErrors, noSideScroll, noticeSays, accessible } = browser;

const alertBox = page.locator('#alert');
const currentYear = process.env.THIDUA_TEST_FAKETIME.slice(0, 4);
const statusInList = (id) => page.locator(`#nomination-table tbody tr[data-id="${id}"] .badge`);
const quotaCell = (award, kind) => page.locator(`#quota-table td[data-award="${award}"][data-kind="${kind}"]`);

await step('GET /admin/ through the edge serves the dashboard (lang vi, nosniff, CSP)', async () => {
  const res = await page.goto(`${edge}/admin/`);
  check(res.status() === 200, `status ${res.status()}`);
  check((await res.allHeaders())['x-content-type-options'] === 'nosniff', 'no X-Content-Type-Options: nosniff');
  check((await page.title()).includes('Quản trị thi đua'), `title: ${await page.title()}`);
  check(await page.getAttribute('html', 'lang') === 'vi', 'html lang is not vi');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  check(await page.locator('meta[http-equiv="Content-Security-Policy"]').count() === 1, 'no CSP');
  await accessible('the sign-in screen');
});

await step('the header shows the next deadline from the reports service with "Còn N ngày"', async () => {
  const deadline = await (await fetch(`${edge}/api/reports/v1/deadlines/next`)).json();
  const expected = deadline.days_left === 0 ? 'Hạn chót là hôm nay' : `Còn ${deadline.days_left} ngày`;
  await eventually(async () => (await text(page.locator('#deadline-countdown'))) === expected,
    `countdown should read "${expected}"`);
  check((await text(page.locator('#deadline-date'))).includes(deadline.due_date_vn),
    `date should show ${deadline.due_date_vn}`);
  check(/^\d{2}\/\d{2}\/\d{4}$/.test(deadline.due_date_vn), 'due_date_vn is dd/mm/yyyy');
  check((await text(page.locator('#deadline-name'))) === deadline.name, 'deadline name');
});

await step('a wrong token is refused: the Vietnamese detail appears in the role=alert region', async () => {
  await page.getByLabel('Mã truy cập (API token)').fill('ma-sai-0123456789abcdef');
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await eventually(async () => (await text(page.getByRole('alert').first()))
    .includes('Mã truy cập không hợp lệ'), 'alert with the invalid_token detail');
  check(await alertBox.isVisible(), 'alert region is not visible');
  check(await page.locator('#signin').isVisible(), 'sign-in form should stay');
  check(await page.evaluate(() => sessionStorage.length) === 0, 'a refused token was stored');
  await page.screenshot({ path: path.join(outDir, 'dashboard-signin.png') });
});

await step('sign-in by keyboard with the admin token: token in sessionStorage, workspace shown', async () => {
  await page.getByLabel('Mã truy cập (API token)').fill('');
  await page.getByLabel('Mã truy cập (API token)').focus();
  await page.keyboard.type(adminToken);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  check(await text(alertBox) === '', `alert should be cleared, has: ${await text(alertBox)}`);
  const stored = await page.evaluate(() => Object.values(sessionStorage));
  check(stored.length === 1 && stored[0] === adminToken, 'the token is not (only) in sessionStorage');
  check(await page.evaluate(() => localStorage.length) === 0, 'something went to localStorage');
  check(await page.getByLabel('Mã truy cập (API token)').inputValue() === '', 'token field not cleared');
  await eventually(async () => (await text(page.locator('#session-who'))) === 'Quản trị (khởi tạo) · Ban giám hiệu',
    'the header names who is signed in (GET /me)');
  check(await page.getByRole('button', { name: 'Tạo đề nghị mới' }).isVisible(), 'create offered to the board');
});

await step(`quota table for the current period (${currentYear}): used/limit/remaining, unset and zero`, async () => {
  check(await page.getByLabel('Kỳ khen thưởng').first().inputValue() === currentYear, 'period select');
  const cell = quotaCell('gk_xa', 'individual');
  await cell.waitFor();
  check(await text(cell.locator('.q-used')) === '0', 'gk_xa individual used');
  check(await text(cell.locator('.q-limit')) === '2', 'gk_xa individual limit');
  check((await text(cell.locator('.q-remaining'))) === 'còn 2 chỉ tiêu', 'gk_xa individual remaining');
  check(await text(quotaCell('gk_ht', 'collective').locator('.q-limit')) === 'chưa quy định', 'gk_ht unset');
  check(await text(quotaCell('khen_nha_nuoc', 'individual').locator('.q-remaining')) === 'không có chỉ tiêu',
    'state award has 0 places in an annual period');
  check(await page.locator('#quota-table tbody tr').count() === 5, 'one row per award form');
});

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

// Issue 14: the "Nhắc hạn" card. The board adds a deadline the school owes itself, due in five
// days, with the card's form (dates are counted from the services' own "today", so this holds
// whenever it runs), then marks it done.
await step('"Nhắc hạn": the board adds a deadline the school owes and marks it done; past reminders are sent, skipped or missed, never "Sắp tới"', async () => {
  const { today: todayIso } = await apiCall('GET', '/api/reports/v1/deadlines');
  const due = new Date(`${todayIso}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 5);
  const dueIso = due.toISOString().slice(0, 10);
  const card = page.locator('#reminders');
  await eventually(async () => card.isVisible(), 'the "Nhắc hạn" card, for the board');
  await card.getByRole('button', { name: 'Thêm hạn chót' }).click();
  const form = page.locator('#deadline-form');
  await form.getByLabel('Việc phải làm').fill('Tự đánh giá mức độ chuyển đổi số');
  await form.getByLabel('Gửi cho').fill('Sở Giáo dục và Đào tạo');
  await form.getByLabel('Ngày hạn (ngày/tháng/năm)').fill('31/02/2027');
  await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
  await eventually(async () => (await text(page.locator('#deadline-form-error'))).includes('ngày/tháng/năm'),
    'a date that does not exist is refused beside the form');
  const id = 'tu-danh-gia-muc-do-chuyen-doi-so';
  check(!(await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.some((x) => x.id === id), 'nothing stored');
  await form.getByLabel('Ngày hạn (ngày/tháng/năm)').fill(due.toISOString().slice(0, 10).split('-').reverse().join('/'));
  await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
  await noticeSays('Đã thêm hạn chót “Tự đánh giá mức độ chuyển đổi số”; lịch nhắc đã có hạn này.');
  check(await form.isHidden(), 'the form closes');
  const stored = (await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.find((x) => x.id === id);
  check(stored && stored.rule === 'once' && stored.date === dueIso && stored.owed_by === 'school'
    && stored.recipient === 'Sở Giáo dục và Đào tạo', `stored: ${JSON.stringify(stored)}`);
  const item = page.locator(`#reminder-deadlines li[data-deadline="${id}"]`);
  await eventually(async () => (await item.count()) === 1, 'the school\'s own deadline is listed');
  check((await text(item)).includes('Việc của nhà trường: chưa hoàn thành.'), `item: ${await text(item)}`);
  check(!(await text(item)).includes('Chưa nộp'), 'it names no unit');
  await item.getByRole('button', { name: 'Đánh dấu đã xong' }).click();
  await item.getByLabel('Ghi chú (nếu có)').fill('Nộp trên hệ thống của Sở.');
  await item.getByRole('button', { name: 'Xác nhận đã xong' }).click();
  const [y, m, d] = todayIso.split('-');
  await eventually(async () => (await text(page.locator(`#reminder-deadlines li[data-deadline="${id}"]`)))
    .includes(`Nhà trường đã hoàn thành ngày ${d}/${m}/${y} (Ban giám hiệu đã đánh dấu).`), 'marked done');
  const listed = await apiCall('GET', '/api/reports/v1/deadlines?count=1');
  const own = listed.deadlines.find((x) => x.id === id);
  check(own.occurrences[0].done && own.occurrences[0].done.note === 'Nộp trên hệ thống của Sở.',
    `done: ${JSON.stringify(own.occurrences[0].done)}`);
  // "Sửa" opens the same form with what is stored; a change keeps the rest as it was.
  await card.getByRole('button', { name: 'Sửa hạn chót Tự đánh giá mức độ chuyển đổi số' }).click();
  check(await form.getByLabel('Ngày hạn (ngày/tháng/năm)').inputValue() === `${dueIso.slice(8)}/${dueIso.slice(5, 7)}/${dueIso.slice(0, 4)}`,
    'the form shows the stored date');
  await form.getByLabel('Gửi cho').fill('Phòng Văn hóa – Xã hội');
  await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
  await noticeSays('Đã lưu hạn chót “Tự đánh giá mức độ chuyển đổi số”.');
  const edited = (await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.find((x) => x.id === id);
  check(edited.recipient === 'Phòng Văn hóa – Xã hội' && edited.date === dueIso && edited.rule === 'once',
    `edited: ${JSON.stringify(edited)}`);

  // The year's plan as the page shows it, against the service's own answer.
  const year = dueIso.slice(0, 4);
  await page.getByLabel('Lịch nhắc năm').selectOption(year);
  const group = page.locator(`#reminder-plan section[data-deadline="${id}"]`);
  await eventually(async () => (await group.locator('tbody tr').count()) > 0, 'its reminders are listed');
  const plan = await apiCall('GET', `/api/reports/v1/reminders/${year}`);
  const mine = plan.reminders.filter((r) => r.deadline_id === id);
  check(mine.some((r) => r.past), 'some of its reminders have passed (T-30, T-14, T-7)');
  const labels = { planned: 'Sắp tới', due: 'Đang gửi', sent: 'Đã gửi', skipped: 'Bỏ qua', missed: 'Bị lỡ' };
  const shown = {};
  for (const r of mine) {
    if (r.past) check(r.state !== 'planned', `${r.key} has passed yet is planned`);
    shown[r.key] = await text(group.locator(`tbody tr[data-key="${r.key}"] .badge`));
  }
  // The planner may record a state between the reads: the page shows the state of the
  // service's answer before it or of the one after it, and a past reminder is never "Sắp tới".
  const after = await apiCall('GET', `/api/reports/v1/reminders/${year}`);
  for (const r of mine) {
    const later = after.reminders.find((x) => x.key === r.key) || r;
    const allowed = [labels[r.state], labels[later.state]];
    check(allowed.includes(shown[r.key]), `${r.key}: "${shown[r.key]}", expected ${allowed.join(' or ')}`);
    if (r.past) check(shown[r.key] !== 'Sắp tới', `${r.key}: "${shown[r.key]}"`);
  }
  const missed = mine.find((r) => r.state === 'missed');
  if (missed) {
    const row = group.locator(`tbody tr[data-key="${missed.key}"]`);
    check((await text(row)).includes('hệ thống không chạy vào lúc nhắc'), `missed row: ${await text(row)}`);
  }
  check((await text(page.locator('#reminder-summary'))).startsWith(`Năm ${year}: `), 'a summary of the year');
});

// Issue 14: a unit's part. "Lưu" sends only what was edited (PATCH): an edit made meanwhile by
// someone else to another content area stays. The board reopens a submitted part with a reason.
await step('"Phần báo cáo của tổ": saved as it is typed, each save sending only the edited fields; submit; the board reopens it with a reason', async () => {
  const year = await page.getByLabel('Năm báo cáo').inputValue();
  const card = page.locator('#part');
  await eventually(async () => card.isVisible(), 'the unit part card');
  await card.getByLabel('Tổ', { exact: true }).selectOption('to-ngu-van');
  await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Chưa có phần báo cáo'),
    'an empty part for Tổ Ngữ văn');
  const patches = [];
  const listen = (r) => {
    if (r.method() === 'PATCH' && r.url().includes('/contributions/')) patches.push(JSON.parse(r.postData()));
  };
  page.on('request', listen);
  // Typed, then a pause: saved with no button pressed.
  await card.getByLabel('Nội dung II.4').fill('Tổ soạn 14 bài giảng điện tử.');
  await eventually(async () => /^Đang soạn · đã lưu lúc /.test(await text(page.locator('#part-status'))),
    `saved while typing: ${await text(page.locator('#part-status'))}`);
  // Meanwhile a colleague writes another area through the API.
  await apiCall('PATCH', `/api/reports/v1/contributions/${year}/to-ngu-van`,
    { narratives: { 'II.1': 'Sinh hoạt chuyên môn về AI.' }, figures: { it_ai_stem_meetings: 2 } });
  await card.locator('input[data-indicator="e_lessons"]').fill('14');
  await card.getByLabel('Khó khăn, vướng mắc').focus(); // leaving the field saves it at once
  await eventually(async () => patches.length === 2, `two saves: ${JSON.stringify(patches)}`);
  page.off('request', listen);
  check(JSON.stringify(patches) === JSON.stringify([
    { narratives: { 'II.4': 'Tổ soạn 14 bài giảng điện tử.' } }, { figures: { e_lessons: 14 } },
  ]), `each save sends only what was edited: ${JSON.stringify(patches)}`);
  await eventually(async () => (await apiCall('GET', `/api/reports/v1/contributions/${year}/to-ngu-van`))
    .figures.e_lessons === 14, 'the figure is saved');
  const part = await apiCall('GET', `/api/reports/v1/contributions/${year}/to-ngu-van`);
  check(part.narratives['II.1'] === 'Sinh hoạt chuyên môn về AI.' && part.figures.it_ai_stem_meetings === 2,
    `the colleague's edit stays: ${JSON.stringify(part)}`);
  check(part.narratives['II.4'] === 'Tổ soạn 14 bài giảng điện tử.', 'the text is saved');
  // "Lưu" saves at once and shows the part as stored, the colleague's area too.
  await card.getByLabel('Khó khăn, vướng mắc').fill('Thiếu máy chiếu.');
  await card.getByRole('button', { name: 'Lưu', exact: true }).click();
  await eventually(async () => (await card.getByLabel('Nội dung II.1').inputValue()) === 'Sinh hoạt chuyên môn về AI.',
    'the form shows the colleague\'s area after "Lưu"');
  await card.getByRole('button', { name: 'Nộp phần báo cáo' }).click();
  await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Đã nộp'), 'submitted');
  await card.getByLabel('Lý do mở lại (tổ sẽ sửa và nộp lại)').fill('Thiếu số liệu nội dung II.2.');
  await card.getByRole('button', { name: 'Mở lại' }).click();
  await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Đang soạn'), 'reopened');
  const history = await text(page.locator('#part-history'));
  check(history.includes('Đã nộp') && history.includes('Ban giám hiệu mở lại')
    && history.includes('lý do: Thiếu số liệu nội dung II.2.'), `history: ${history}`);
});

// Issue 14: the indicators are data the board edits per year. A new one appears in the unit's
// part at once; one a unit has counted cannot be dropped, and the page says why in Vietnamese.
await step('"Chỉ số báo cáo": the board adds an indicator for II.2, units count it, a counted one stays', async () => {
  const year = await page.getByLabel('Năm báo cáo').inputValue();
  const card = page.locator('#indicators');
  await eventually(async () => card.isVisible(), 'the indicators card');
  await eventually(async () => (await card.locator('#indicators-rows tr').count()) >= 7, 'the plan\'s list');
  await card.getByRole('button', { name: 'Thêm chỉ số' }).click();
  const added = card.locator('#indicators-rows tr').last();
  await added.getByLabel('Tên chỉ số').fill('Bảng tương tác được lắp mới');
  await added.getByLabel('Nội dung').selectOption('II.2');
  await added.getByLabel('Đơn vị tính').fill('chiếc');
  await card.getByRole('button', { name: 'Lưu danh sách' }).click();
  await eventually(async () => (await text(page.locator('#notice'))).includes('chỉ số của năm'), 'saved');
  const saved = await apiCall('GET', `/api/reports/v1/indicators/${year}`);
  const board = saved.indicators.find((i) => i.label === 'Bảng tương tác được lắp mới');
  check(saved.edited && board && board.code === 'bang_tuong_tac_duoc_lap_moi' && board.area === 'II.2'
    && board.unit === 'chiếc', `the new indicator: ${JSON.stringify(saved)}`);

  // The unit's part offers it, with its unit of measure.
  await page.locator('#part-unit').selectOption('to-ngu-van');
  const input = page.locator(`#part input[data-indicator="${board.code}"]`);
  await eventually(async () => (await input.count()) === 1, 'the part offers the new indicator');
  check((await text(page.locator(`label[for="part-fig-${board.code}"]`))).includes('chiếc, II.2'), 'label with its unit');

  // Tổ Ngữ văn counted e-lessons above: dropping that indicator is refused and nothing changes.
  const row = card.locator('#indicators-rows tr[data-code="e_lessons"]');
  await row.getByRole('button', { name: 'Bỏ' }).click();
  await card.getByRole('button', { name: 'Lưu danh sách' }).click();
  await eventually(async () => /không bỏ được/.test(await text(alertBox)),
    'the refusal in Vietnamese');
  const after = await apiCall('GET', `/api/reports/v1/indicators/${year}`);
  check(after.indicators.some((i) => i.code === 'e_lessons'), 'e_lessons is still on the list');
});

await step('a Zalo message that failed for good is listed for the admin and sent again from the page', async () => {
  const fail = await fetch(`${zalo}/__fake/fail`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode: 'http401', count: 1, method: 'sendMessage' }),
  });
  check(fail.ok, `arming the fake's failure: ${fail.status}`);
  const message = 'Nhắc: các tổ gửi phần báo cáo năm trước ngày 20/10.';
  const queued = await apiCall('POST', '/api/notifications/v1/messages', { target: 'group', text: message });
  await eventually(async () => (await apiCall('GET', '/api/notifications/v1/dead-letters')).items
    .some((m) => m.id === queued.id), 'the message becomes a dead letter after Zalo\'s 401');

  await page.getByRole('button', { name: 'Tải lại' }).click();
  const row = page.locator(`#outbox-list li[data-id="${queued.id}"]`);
  await eventually(async () => (await text(row)).includes(message), 'the failed message is listed with its text');
  check(/Nhóm cán bộ · 1 lần thử/.test(await text(row)), `target and attempts: ${await text(row)}`);
  await row.getByRole('button', { name: 'Gửi lại' }).click();
  await eventually(async () => (await text(page.getByRole('status'))).includes(`Đã xếp tin nhắn ${queued.id}`),
    'the notice says it was queued again');
  await eventually(async () => page.locator('#outbox-empty').isVisible(), '"Không có tin nhắn nào gửi lỗi."');
  await eventually(async () => {
    const calls = await (await fetch(`${zalo}/__fake/calls`)).json();
    return calls.some((c) => c.method === 'sendMessage' && c.outcome === 'ok' && c.text.startsWith(message)
      && c.chat_id === 'nhom-can-bo');
  }, 'the fake Zalo got the message on the retry');
});

await step('staff created through the API appear in the create form; names are inserted as text', async () => {
  await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-hoa',
    { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin' });
  await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-xss',
    { name: 'Lê <img src=x onerror="window.__xss=1">Cường', unit_id: 'to-toan-tin' });
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  await page.getByRole('heading', { name: 'Tạo đề nghị khen thưởng' }).waitFor();
  const subject = page.getByLabel('Cán bộ được đề nghị');
  await eventually(async () => (await subject.locator('option').allTextContents())
    .includes('Nguyễn Thị Hoa – Tổ Toán – Tin'), 'staff option "Nguyễn Thị Hoa – Tổ Toán – Tin"');
  const options = await subject.locator('option').allTextContents();
  check(options.some((o) => o.includes('<img src=x')), `markup should be shown as text: ${options}`);
  check(await page.locator('#create-subject img, img').count() === 0, 'an <img> element was created');
  check(await page.evaluate(() => window.__xss) === undefined, 'injected handler ran');
});

await step('create a nomination through the form: listed with status "Nháp"', async () => {
  await page.locator('#create-period').selectOption(currentYear);
  await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Chủ tịch UBND xã' });
  await page.getByRole('radio', { name: 'Cá nhân' }).check();
  await page.getByLabel('Cán bộ được đề nghị').selectOption({ label: 'Nguyễn Thị Hoa – Tổ Toán – Tin' });
  await page.getByLabel('Lý do, thành tích chính').fill(
    'Xây dựng 12 bài giảng điện tử E-learning; đóng góp 30 học liệu số cho kho học liệu của trường.');
  await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
  await eventually(async () => (await text(page.getByRole('status'))).includes('Đã tạo đề nghị số 1'),
    'notice "Đã tạo đề nghị số 1"');
  await eventually(async () => (await text(statusInList('1'))) === 'Nháp', 'row 1 with badge "Nháp"');
  const row = page.locator('#nomination-table tbody tr[data-id="1"]');
  check((await text(row)).includes('Nguyễn Thị Hoa'), 'row shows the subject');
  check((await text(row)).includes('Giấy khen của Chủ tịch UBND xã'), 'row shows the award');
  const stored = await apiCall('GET', '/api/nominations/v1/nominations/1');
  check(stored.status === 'draft' && stored.subject_id === 'gv-hoa' && stored.period === currentYear,
    `stored nomination: ${JSON.stringify(stored)}`);
});

await step('the board records an initiative, recognises it, and the website shows it by name', async () => {
  const section = page.locator('#initiatives');
  await section.getByRole('button', { name: 'Cập nhật sổ' }).click();
  const form = page.locator('#initiative-form');
  await eventually(async () => (await form.getByLabel('Tác giả (chọn một hoặc nhiều người)')
    .locator('option').allTextContents()).includes('Nguyễn Thị Hoa'), 'staff are offered as authors');
  // Recognised without its decision: the service's Vietnamese answer, nothing recorded.
  await form.getByLabel('Tên sáng kiến, giải pháp').fill('Kho bài giảng điện tử dùng chung của tổ Toán – Tin');
  await form.getByLabel('Tác giả (chọn một hoặc nhiều người)').selectOption({ label: 'Nguyễn Thị Hoa' });
  await form.getByLabel('Năm', { exact: true }).selectOption(currentYear);
  await form.getByLabel('Tóm tắt: sáng kiến thay đổi gì, áp dụng ở đâu').fill('40 bài giảng dùng chung cho khối 6–9.');
  await form.getByLabel('Cấp công nhận').selectOption('co_so');
  await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
  await eventually(async () => (await text(alertBox)).includes('cần số và ngày của quyết định công nhận'),
    'the decision is asked for');
  check(await page.locator('#initiatives-list li').count() === 0, 'nothing was recorded');

  // A date in the past whatever the services' clock says (THIDUA_TEST_FAKETIME).
  await form.getByLabel('Số quyết định').fill('15/QĐ-THCSVP1');
  await form.getByLabel('Ngày quyết định').fill('2025-12-01');
  await form.getByLabel('Nơi ban hành').fill('Hiệu trưởng Trường THCS Vĩnh Phong 1');
  await form.getByLabel('Đăng lên trang web của trường').check();
  await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
  await eventually(async () => (await text(page.locator('#notice'))).includes('vào sổ'), 'the notice');
  const item = page.locator('#initiatives-list li').first();
  check(/Công nhận cấp cơ sở theo Quyết định số 15\/QĐ-THCSVP1/.test(await text(item)), await text(item));
  check((await text(item)).includes('đăng trên trang web'), 'shown as public');
  const site = await (await fetch(`${edge}/api/nominations/v1/public/initiatives`)).json();
  check(site.items.length === 1 && site.items[0].authors[0] === 'Nguyễn Thị Hoa',
    `the website's list: ${JSON.stringify(site)}`);
  check(!JSON.stringify(site).includes('gv-hoa'), 'no staff id on the website');
});

await step('open it, click "Trình Hội đồng": status "Đã trình Hội đồng" and the quota shows 1 used', async () => {
  await page.getByRole('button', { name: 'Xem đề nghị số 1', exact: true }).click();
  await page.getByRole('heading', { name: 'Đề nghị số 1', exact: true }).waitFor();
  check(await text(page.locator('#detail-status')) === 'Nháp', 'detail status Nháp');
  const actions = await page.locator('#detail-actions button').allTextContents();
  check(JSON.stringify(actions) === JSON.stringify(['Trình Hội đồng', 'Rút đề nghị']),
    `actions for a draft: ${actions}`);
  check((await page.locator('#detail-dossier li').count()) === 3, 'dossier checklist has 3 items');
  await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
  await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã trình Hội đồng',
    'detail status "Đã trình Hội đồng"');
  await eventually(async () => (await text(statusInList('1'))) === 'Đã trình Hội đồng', 'list badge');
  const cell = quotaCell('gk_xa', 'individual');
  await eventually(async () => (await text(cell.locator('.q-used'))) === '1', 'quota gk_xa individual used 1');
  check(await text(cell.locator('.q-remaining')) === 'còn 1 chỉ tiêu', 'remaining 1');
  check((await text(page.locator('#detail-history'))).includes('Trình Hội đồng'), 'history entry');
  const stored = await apiCall('GET', '/api/nominations/v1/nominations/1');
  check(stored.status === 'submitted', `service has status ${stored.status}`);
  const quotas = await apiCall('GET', `/api/nominations/v1/quotas?period=${currentYear}`);
  const q = quotas.items.find((i) => i.award === 'gk_xa' && i.subject_kind === 'individual');
  check(q.used === 1 && q.remaining === 1, `service quota: ${JSON.stringify(q)}`);
});

await step('a refused action ("Thông qua" with no council vote) shows the Vietnamese detail in the alert', async () => {
  await page.getByRole('button', { name: 'Đưa ra Hội đồng xét' }).click();
  await eventually(async () => (await text(page.locator('#detail-status'))) === 'Hội đồng đang xét',
    'status "Hội đồng đang xét"');
  await page.getByRole('button', { name: 'Thông qua', exact: true }).click();
  await eventually(async () => (await text(alertBox))
    .includes('Hội đồng chưa biểu quyết đề nghị này; hãy ghi kết quả biểu quyết trước.'),
  'alert with the vote_does_not_support detail');
  check(await page.getByRole('alert').filter({ hasText: 'Hội đồng chưa biểu quyết' }).isVisible(),
    'role=alert not visible');
  check(await text(page.locator('#detail-status')) === 'Hội đồng đang xét', 'status changed anyway');
  check((await apiCall('GET', '/api/nominations/v1/nominations/1')).status === 'under_review', 'service status');
});

await step('a duplicate nomination is refused with the service\'s detail', async () => {
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  await page.locator('#create-period').selectOption(currentYear);
  await page.getByLabel('Hình thức khen thưởng').selectOption('gk_xa');
  await page.getByLabel('Cán bộ được đề nghị').selectOption('gv-hoa');
  await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
  await eventually(async () => /Nguyễn Thị Hoa đã có đề nghị số 1 cho Giấy khen của Chủ tịch UBND xã/
    .test(await text(alertBox)), 'alert with the duplicate_nomination detail');
  await page.getByRole('button', { name: 'Ẩn thông báo' }).click();
  check(await text(alertBox) === '', 'alert dismissed');
  await page.locator('#create-close').click();
});

await step('"Không thông qua" asks for a reason in a dialog (empty refused, then recorded)', async () => {
  const created = await apiCall('POST', '/api/nominations/v1/nominations', {
    period: currentYear, award: 'bk_tinh', subject_kind: 'collective', subject_id: 'to-ngu-van',
    reason: 'Tổ chức 4 chuyên đề ứng dụng AI trong dạy học Ngữ văn.',
  });
  await apiCall('POST', `/api/nominations/v1/nominations/${created.id}/transitions`, { action: 'submit' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('button', { name: `Xem đề nghị số ${created.id}`, exact: true }).click();
  await page.getByRole('heading', { name: `Đề nghị số ${created.id}`, exact: true }).waitFor();
  await page.locator('#detail-actions').getByRole('button', { name: 'Không thông qua' }).click();
  const dialog = page.getByRole('dialog', { name: 'Không thông qua' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Không thông qua' }).click();
  await eventually(async () => (await text(dialog.getByRole('alert'))).includes('Hãy nhập'),
    'the dialog asks for the reason');
  await dialog.getByLabel('Lý do không thông qua').fill('Chưa đủ minh chứng về kho học liệu số.');
  await dialog.getByRole('button', { name: 'Không thông qua' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => (await text(page.locator('#detail-status'))) === 'Không được thông qua',
    'status "Không được thông qua"');
  check((await text(page.locator('#detail-facts'))).includes('Chưa đủ minh chứng về kho học liệu số.'),
    'the reason is shown');
  const stored = await apiCall('GET', `/api/nominations/v1/nominations/${created.id}`);
  check(stored.status === 'rejected' && stored.outcome.rejection.reason.startsWith('Chưa đủ'), 'service state');
});

await step('filters (status, award) and paging with next_after', async () => {
  // Ten more drafts (collectives), so that 12 nominations exist: 10 drafts, 1 under review, 1 rejected.
  const units = ['to-toan-tin', 'to-ngu-van', 'to-khtn', 'to-khxh', 'to-ngoai-ngu'];
  for (const award of ['gk_ht', 'gk_xa']) {
    for (const unit of units) {
      await apiCall('POST', '/api/nominations/v1/nominations', {
        period: currentYear, award, subject_kind: 'collective', subject_id: unit,
        reason: 'Đơn vị đạt các tiêu chí chuyển đổi số của kế hoạch.',
      });
    }
  }
  await page.getByLabel('Số dòng mỗi trang').selectOption('10');
  await page.getByRole('button', { name: 'Lọc' }).click();
  const rows = page.locator('#nomination-table tbody tr');
  await eventually(async () => (await rows.count()) === 10, '10 rows on page 1');
  check(await page.locator('#page-next').isEnabled(), '"Trang sau" enabled');
  check(await page.locator('#page-prev').isDisabled(), '"Trang trước" disabled on page 1');
  const first = await rows.first().getAttribute('data-id');
  const lastOnPage1 = Number(await rows.last().getAttribute('data-id'));
  await page.getByRole('button', { name: 'Trang sau' }).click();
  await eventually(async () => (await text(page.locator('#page-info'))) === 'Trang 2', 'page 2');
  await eventually(async () => (await rows.count()) === 2, '2 rows on page 2');
  check(await page.locator('#page-next').isDisabled(), 'no page 3');
  check(Number(await rows.first().getAttribute('data-id')) > lastOnPage1, 'page 2 starts after the cursor');
  await page.getByRole('button', { name: 'Trang trước' }).click();
  await eventually(async () => (await rows.first().getAttribute('data-id')) === first, 'back on page 1');

  await page.getByLabel('Trạng thái').selectOption({ label: 'Nháp' });
  await page.getByLabel('Hình thức', { exact: true }).selectOption('gk_xa');
  await page.getByLabel('Số dòng mỗi trang').selectOption('20');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await eventually(async () => (await rows.count()) === 5, '5 gk_xa drafts');
  const badges = await page.locator('#nomination-table tbody .badge').allTextContents();
  check(badges.every((b) => b === 'Nháp'), `badges: ${badges}`);
  await page.getByLabel('Trạng thái').selectOption('');
  await page.getByLabel('Hình thức', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await eventually(async () => (await rows.count()) === 12, 'all 12 again');
});

await step('a second award form for the same person: refused, then the board submits it with an exception', async () => {
  const created = await apiCall('POST', '/api/nominations/v1/nominations', {
    period: currentYear, award: 'bk_bo', subject_kind: 'individual', subject_id: 'gv-hoa',
    reason: 'Giải nhất thi giáo viên dạy giỏi cấp tỉnh',
  });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('button', { name: `Xem đề nghị số ${created.id}`, exact: true }).click();
  await page.getByRole('heading', { name: `Đề nghị số ${created.id}`, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
  await eventually(async () => (await text(alertBox)).includes('Một thành tích chỉ đề nghị một hình thức khen thưởng'),
    'the one_award_per_period detail is shown');
  const dialog = page.getByRole('dialog', { name: 'Trình kèm lý do ngoại lệ' });
  await dialog.waitFor();
  await dialog.getByLabel(/^Lý do ngoại lệ/).fill('Thành tích thi giáo viên giỏi cấp tỉnh, khác với đề nghị số 1');
  await dialog.getByRole('button', { name: 'Trình kèm lý do ngoại lệ' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã trình Hội đồng',
    'submitted with the exception');
  const stored = await apiCall('GET', `/api/nominations/v1/nominations/${created.id}`);
  check(stored.outcome.award_exception && stored.outcome.award_exception.reason.includes('giáo viên giỏi'),
    `exception recorded: ${JSON.stringify(stored.outcome)}`);
  await eventually(async () => (await text(page.locator('#detail-facts'))).includes('Ngoại lệ một thành tích, một hình thức'),
    'the detail shows the board\'s exception');
  await page.getByRole('button', { name: 'Ẩn thông báo' }).click().catch(() => {});
});

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
  await page.getByLabel('Họ tên người ký').fill('Trần Thị Bình');
  // Issue 11: first "Xem trước": the tờ trình as it would be issued, its number blank, in the
  // card; nothing is numbered.
  await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
  const preview = page.locator('#round-preview-page');
  await eventually(async () => (await text(preview)).includes('TỜ TRÌNH'), 'the preview shows the tờ trình');
  const shown = await text(preview);
  check(/Số:\s+\/TTr-THCSVP1/.test(shown), `the number is blank: ${shown.slice(0, 300)}`);
  check(shown.includes('Tổ Văn phòng') && shown.includes('Trần Thị Bình')
    && shown.includes('Chủ tịch Ủy ban nhân dân xã Vĩnh Phong'), `the nominee, signer, addressee: ${shown}`);
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

await step('every form control has a label; one h1; no heading level skipped', async () => {
  const report = await page.evaluate(() => {
    const unlabelled = [...document.querySelectorAll('input, select, textarea')]
      .filter((c) => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))
      .map((c) => c.id || c.name);
    const buttons = [...document.querySelectorAll('button')]
      .filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label')).length;
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    let skipped = false;
    levels.reduce((prev, level) => { if (level > prev + 1) skipped = true; return level; }, 0);
    return { unlabelled, buttons, h1: levels.filter((l) => l === 1).length, skipped };
  });
  check(report.unlabelled.length === 0, `unlabelled controls: ${report.unlabelled}`);
  check(report.buttons === 0, 'buttons without a name');
  check(report.h1 === 1, `${report.h1} h1 elements`);
  check(!report.skipped, 'a heading level is skipped');
  await accessible('the board\'s workspace (every card it sees)');
});

await step('screenshot (desktop 1280 px) with the submitted nomination open', async () => {
  await page.getByRole('button', { name: 'Xem đề nghị số 1', exact: true }).click();
  await page.getByRole('heading', { name: 'Đề nghị số 1', exact: true }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(outDir, 'dashboard-desktop.png');
  await page.screenshot({ path: file, fullPage: true });
  check(fs.statSync(file).size > 10000, 'screenshot is too small');
  console.log(`       screenshot: ${file}`);
  await accessible('a nomination open with its actions');
});

await step('phone (390 px): no horizontal scrolling, list as cards; screenshot', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.documentElement.clientWidth <= 390);
  await noSideScroll(390);
  await accessible('the phone layout');
  const display = await page.locator('#nomination-table tbody tr').first().evaluate((tr) => getComputedStyle(tr).display);
  check(display === 'block', `rows should be cards on a phone (display ${display})`);
  // What a phone shows: the top of the page, the first cards of the list, the detail panel.
  await page.evaluate(() => window.scrollTo(0, 0));
  const shots = [path.join(outDir, 'dashboard-phone.png'), path.join(outDir, 'dashboard-phone-list.png'),
    path.join(outDir, 'dashboard-phone-detail.png')];
  await page.screenshot({ path: shots[0] });
  await page.locator('#nominations').evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: shots[1] });
  await page.locator('#detail').screenshot({ path: shots[2] });
  console.log(`       screenshots: ${shots.join(', ')}`);
  await page.setViewportSize({ width: 1280, height: 900 });
});

await step('first render of each screen the board sees (recorded in timings.json, not asserted)', async () => {
  const viewport = page.viewportSize();
  const ms = await browser.firstRender({
    'Chỉ tiêu': '#quota-table tbody tr',
    'Đề nghị khen thưởng': '#nomination-table tbody tr',
    'Báo cáo năm của các tổ': '#report-units li',
    'Thống kê': '#statistics',
    'Hội đồng': '#council',
    'Cán bộ và tổ': '#people',
    'Danh mục khen thưởng': '#awards-catalogue',
    'Nhắc hạn': '#reminders',
    'Thông báo': '#announcements',
  }, { runs: 3 });
  recordTimings('dashboard (board)', ms, { viewport });
});

await step('a council member signs in: named in the header, no create form, offered only the council\'s actions', async () => {
  await apiCall('PUT', '/api/nominations/v1/catalogue/staff/hd-minh',
    { name: 'Trần Văn Minh', unit_id: 'to-khxh', role: 'council' });
  const { token } = await apiCall('POST', '/api/nominations/v1/tokens', { staff_id: 'hd-minh' });
  const submitted = await apiCall('POST', '/api/nominations/v1/nominations', {
    period: currentYear, award: 'bk_tinh', subject_kind: 'collective', subject_id: 'to-khtn',
    reason: 'Số hoá toàn bộ hồ sơ chuyên môn của tổ.',
  });
  await apiCall('POST', `/api/nominations/v1/nominations/${submitted.id}/transitions`, { action: 'submit' });
  const drafts = await apiCall('GET', '/api/nominations/v1/nominations?status=draft&limit=1');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const field = page.getByLabel('Mã truy cập (API token)');
  await field.fill(token);
  await field.press('Enter');
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  await eventually(async () => (await text(page.locator('#session-who')))
    === 'Trần Văn Minh · Hội đồng Thi đua – Khen thưởng', 'the header names the council member');
  check(!(await page.getByRole('button', { name: 'Tạo đề nghị mới' }).isVisible()),
    'the create form is offered to the council, who may not nominate');
  // Cards follow what each service lets the role read: reports yes, the dead letters (admins) no.
  await eventually(async () => page.locator('#reports').isVisible(), 'the council sees the units\' reports');
  check(!(await page.locator('#outbox').isVisible()), 'the failed Zalo messages are shown to the council');
  check(await text(alertBox) === '', `a refused card showed an error: ${await text(alertBox)}`);

  const open = async (id) => {
    await page.getByRole('button', { name: `Xem đề nghị số ${id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Đề nghị số ${id}`, exact: true }).waitFor();
  };
  await open(submitted.id);
  const actions = await page.locator('#detail-actions button').allTextContents();
  check(JSON.stringify(actions) === JSON.stringify(['Đưa ra Hội đồng xét', 'Không thông qua']),
    `actions offered to the council for a submitted nomination: ${actions}`);
  await open(drafts.items[0].id);
  await eventually(async () => (await text(page.locator('#detail-actions')))
    .includes('vai trò của thầy cô không có thao tác nào'), 'a draft offers the council nothing, and says so');
  check(await page.locator('#detail-actions button').count() === 0, 'buttons offered on a draft');
});

await step('"Đăng xuất" clears the token; a reload stays signed out', async () => {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  check(await page.evaluate(() => sessionStorage.length) === 0, 'sessionStorage not cleared');
  check(!(await page.locator('#workspace').isVisible()), 'workspace still visible');
  check(await page.locator('#quota-table tbody tr').count() === 0, 'data left on the page');
  await page.reload();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  check(!(await page.locator('#workspace').isVisible()), 'signed in again after reload');
});

await step('the token never appears in a URL; every nominations API call carried Authorization: Bearer', async () => {
  const api = requests.filter((r) => r.url.includes('/api/nominations/'));
  check(api.length > 10, `only ${api.length} API requests seen`);
  check(requests.every((r) => !r.url.includes(adminToken)), 'the token is in a URL');
  // Signed out, the page asks once whether a session cookie from /dangnhap signs it in
  // (GET /me and the catalogue without a token): those carry no token, by design.
  const probe = (r) => !r.headers.authorization && /\/api\/nominations\/v1\/(me|catalogue)$/.test(r.url);
  const bad = api.filter((r) => !probe(r) && !/^Bearer .{16,}$/.test(r.headers.authorization || ''));
  check(bad.length === 0, `without a bearer token: ${bad.map((r) => r.url)}`);
  const deadline = requests.filter((r) => r.url.includes('/api/reports/v1/deadlines/next'));
  check(deadline.length > 0 && deadline.every((r) => !r.headers.authorization), 'the public route got a token');
});

await step('nothing requested outside the edge; no JavaScript errors or CSP violations', async () => {
  // blob: is the downloaded file, made in the page from what the edge sent.
  const outside = requests.filter((r) => !r.url.startsWith(`${edge}/`) && !r.url.startsWith('data:')
    && !r.url.startsWith('blob:'));
  check(outside.length === 0, `requests elsewhere: ${outside.map((r) => r.url)}`);
  check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
