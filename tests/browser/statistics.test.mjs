#!/usr/bin/env node
// Issue 12, "Thống kê", in real headless Chromium through the real edge: the board opens the
// card at 360 px and at 1366 px, the charts' figures are the API's, nothing scrolls sideways,
// the buttons are big enough to tap, and each chart's "Tải Excel" downloads a workbook of that
// chart's figures under its Vietnamese name, which LibreOffice Calc opens: the sheet's
// Vietnamese name and headers, the API's figures as number cells; the council sees the card,
// a unit leader does not.
//
//   node tests/browser/statistics.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
import fs from 'node:fs';
import path from 'node:path';
import { loadChromium, openBrowser, text } from './browser.mjs';
import { N, adminApi } from './client.mjs';
import { sheetsOf } from './workbook.mjs';
import {
  STEP_TIMEOUT_MS, check, eventually, outDir, startSystemOrExit, step, stopAll, summaryAndExit,
} from './system.mjs';

process.env.THIDUA_TEST_FAKETIME ||= '2026-12-01 09:00:00';
// The day the services' clocks are on, as the page writes dates: the day a part is submitted.
const today = process.env.THIDUA_TEST_FAKETIME.slice(0, 10).split('-').reverse().join('/');

const chromium = await loadChromium();
const system = await startSystemOrExit({ name: 'statistics' });
const { apiCall, putStaff, tokenFor } = adminApi(system);
const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 } });
const { page, requests, signInWithToken, signOut, noSideScroll, accessible, shot } = browser;

const tokens = {};
await step('set-up: the board, the council, a leader; nominations in three states; one unit\'s part submitted', async () => {
  for (const [id, name, role, unit] of [['bgh-lan', 'Lê Thị Lan', 'admin', 'truong'],
    ['hd-minh', 'Trần Văn Minh', 'council', 'to-ngu-van'], ['tt-binh', 'Phạm Thị Bình', 'leader', 'to-toan-tin'],
    ['gv-an', 'Nguyễn Văn An', 'staff', 'to-toan-tin'], ['gv-hoa', 'Võ Thị Hoa', 'staff', 'to-ngu-van']]) {
    await putStaff(id, { name, unit_id: unit, role });
    tokens[id] = await tokenFor(id);
  }
  const nominate = async (subject) => (await apiCall('POST', `${N}/nominations`, {
    period: '2026', award: 'gk_xa', subject_kind: 'individual', subject_id: subject, reason: 'Bài giảng điện tử',
  })).id;
  const act = (id, action) => apiCall('POST', `${N}/nominations/${id}/transitions`, { action });
  const meeting = await apiCall('POST', `${N}/council/meetings`,
    { date: '2026-11-20', members_total: 7, members_present: 6 });
  const an = await nominate('gv-an');
  await act(an, 'submit');
  await act(an, 'review');
  await apiCall('PUT', `${N}/nominations/${an}/vote`, { meeting_id: meeting.id, yes: 6, no: 0 });
  await act(an, 'approve');
  await act(await nominate('gv-hoa'), 'submit');
  await nominate('tt-binh'); // a draft: not counted
  const part = '/api/reports/v1/contributions/2026/to-toan-tin';
  await apiCall('PUT', part, { narratives: { 'II.4': 'Bài giảng điện tử khối 6' }, figures: { e_lessons: 4 } });
  await apiCall('POST', `${part}/submit`);
});

const api = await apiCall('GET', `${N}/statistics?year=2026`);
// One under each chart.
const EXCEL_BUTTONS = ['Tải Excel theo tổ', 'Tải Excel theo hình thức', 'Tải Excel qua các năm',
  'Tải Excel nộp báo cáo'];
const chartRow = (chart, label) => page.locator(`#${chart} li`, { hasText: label });

await step('the board opens Thống kê at 360 px: the charts and their tables say what the API says', async () => {
  await signInWithToken(tokens['bgh-lan'], 'Lê Thị Lan');
  const card = page.locator('#statistics');
  await card.getByRole('heading', { name: 'Thống kê', exact: true }).waitFor();
  check(await card.getByLabel('Năm', { exact: true }).inputValue() === '2026', 'opens on 2026, the latest year with a proposal');
  const summary = await text(page.locator('#statistics-summary'));
  check(summary === `Năm 2026: ${api.totals.proposed} đề nghị đã trình, ${api.totals.approved} được Hội đồng thông qua, `
    + `${api.totals.awarded} được khen thưởng.`, summary);
  check(api.totals.proposed === 2 && api.totals.approved === 1, JSON.stringify(api.totals));
  for (const u of api.by_unit) {
    const shown = await text(chartRow('statistics-units-chart', u.unit_name).locator('.chart-values'));
    check(shown === `${u.proposed} · ${u.approved} · ${u.awarded}`, `${u.unit_name}: ${shown}`);
  }
  const toan = page.locator('#statistics-units-table tr', { hasText: 'Tổ Toán – Tin' });
  check((await toan.locator('td').allTextContents()).join(',') === '1,1,0', 'the table carries the same figures');
  const bar = chartRow('statistics-units-chart', 'Tổ Toán – Tin').locator('rect.bar-proposed');
  check(Number(await bar.getAttribute('width')) === 100, 'the longest bar spans the chart');
  const xa = api.by_award.find((a) => a.award === 'gk_xa');
  check(await text(chartRow('statistics-awards-chart', xa.award_label).locator('.chart-values')) === '2 · 1 · 0', 'per award form');
  check((await text(page.locator('#statistics-years-chart'))).includes('Năm 2026'), 'per year');
  // Submissions over time: Tổ Toán – Tin on 1 December, after the units' due date.
  const day = await text(page.locator('#statistics-submissions-chart li'));
  check(day.includes(today) && day.includes('sau hạn') && day.includes('Tổ Toán – Tin'), day);
  check(await page.locator('#statistics-submissions-chart rect.bar-late').count() === 1, 'a late day in the late colour');
  check((await text(page.locator('#statistics-submissions-due'))) === 'Hạn nộp của các tổ: 20/10/2026.', 'the due date');
  check((await text(page.locator('#statistics-submissions-missing'))).includes('Chưa nộp: '), 'who has not submitted');
  // Its data in two calls (the report card asks for its own year's states, 2027).
  const calls = requests.filter((r) => r.url.endsWith(`${N}/statistics`) || r.url.endsWith('/contributions/2026'));
  check(calls.length === 2, `two calls for the screen's data: ${calls.map((r) => r.url).join(' ')}`);
  await noSideScroll(360);
  await accessible('"Thống kê" with its charts (360 px)');
  for (const name of EXCEL_BUTTONS) {
    const box = await card.getByRole('button', { name }).boundingBox();
    check(box && box.height >= 44, `"${name}" is ${box && box.height} px high`);
  }
  await shot(card, 'statistics-board-360.png');
});

// Clicks `button`, checks the file's name, opens it in LibreOffice Calc: its sheets as CSV.
let downloads = 0;
async function downloaded(button, expected) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const name = download.suggestedFilename();
  check(name === expected, `downloaded as ${name}`);
  const saved = path.join(outDir, name);
  await download.saveAs(saved);
  check(fs.readFileSync(saved).subarray(0, 4).toString('latin1') === 'PK\u0003\u0004', 'a ZIP (XLSX)');
  downloads += 1;
  const sheets = sheetsOf(saved, path.join(outDir, 'statistics', `xlsx-${downloads}`));
  check(Object.keys(sheets).length === 1, `${name}: one sheet, got ${Object.keys(sheets).join(', ') || 'none'}`);
  return sheets;
}

// `csv` has `line` as a whole line ("Tổ Toán – Tin",1,1,0 — text quoted, counts as numbers).
function hasLine(csv, line, what) {
  check(csv.split('\n').some((l) => l === line || l.startsWith(`${line},`)), `${what}: no line ${line} in\n${csv}`);
}

await step('"Tải Excel" under each chart: a workbook of that chart\'s figures, opened in LibreOffice', async () => {
  const q = (t) => `"${t}"`;
  const counts = (c) => `${c.proposed},${c.approved},${c.awarded}`;
  const units = (await downloaded('Tải Excel theo tổ', 'Thống kê khen thưởng theo tổ năm 2026.xlsx'))['Theo tổ'];
  check(Boolean(units), 'the sheet "Theo tổ"');
  hasLine(units, q('Đề nghị khen thưởng theo tổ, bộ phận năm 2026'), 'the title');
  hasLine(units, ['Tổ, bộ phận', 'Đã đề nghị', 'Hội đồng thông qua', 'Được khen thưởng', 'Ghi chú'].map(q).join(','),
    'the headers');
  for (const u of api.by_unit) hasLine(units, `${q(u.unit_name)},${counts(u)}`, u.unit_name);
  hasLine(units, `${q('Tổng cộng')},${counts(api.totals)}`, 'the total');

  const awards = (await downloaded('Tải Excel theo hình thức',
    'Thống kê khen thưởng theo hình thức năm 2026.xlsx'))['Theo hình thức'];
  check(Boolean(awards), 'the sheet "Theo hình thức"');
  hasLine(awards, ['Hình thức khen thưởng', 'Đã đề nghị', 'Hội đồng thông qua', 'Được khen thưởng'].map(q).join(','),
    'the headers');
  for (const a of api.by_award) hasLine(awards, `${q(a.award_label)},${counts(a)}`, a.award_label);
  hasLine(awards, `${q('Tổng cộng')},${counts(api.totals)}`, 'the total');

  const years = (await downloaded('Tải Excel qua các năm', 'Thống kê khen thưởng qua các năm.xlsx'))['Theo năm'];
  check(Boolean(years), 'the sheet "Theo năm"');
  hasLine(years, ['Năm', 'Đã đề nghị', 'Hội đồng thông qua', 'Được khen thưởng'].map(q).join(','), 'the headers');
  check(api.by_year.length > 0, 'a year with figures');
  for (const y of api.by_year) hasLine(years, `${y.year},${counts(y)}`, `the year ${y.year}`);

  const parts = (await downloaded('Tải Excel nộp báo cáo', 'Nộp báo cáo của các tổ năm 2026.xlsx'))['Nộp báo cáo'];
  check(Boolean(parts), 'the sheet "Nộp báo cáo"');
  hasLine(parts, `${q('Tổ Toán – Tin')},${q('Đã nộp')},${today},20/10/2026,${q('Nộp muộn')}`, 'the late part, dates as dates');
  hasLine(parts, `${q('Số tổ đã nộp')},1`, 'the count');
});

await step('another year: the figures follow the picker', async () => {
  await page.locator('#statistics').getByLabel('Năm', { exact: true }).selectOption('2027');
  await eventually(async () => (await text(page.locator('#statistics-summary'))).startsWith('Năm 2027: 0 đề nghị'),
    'the summary of 2027');
  check((await text(page.locator('#statistics-submissions-missing'))).startsWith('Chưa nộp'), '2027: nobody yet');
});

await step('at 1366 px, the same card side by side', async () => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.locator('#statistics').getByLabel('Năm', { exact: true }).selectOption('2026');
  await eventually(async () => (await text(page.locator('#statistics-summary'))).startsWith('Năm 2026'), '2026 again');
  await noSideScroll(1366);
  await shot(page.locator('#statistics'), 'statistics-board-1366.png');
  await page.setViewportSize({ width: 360, height: 800 });
  await signOut();
});

await step('the council sees it; a unit leader does not, and asks nothing of it', async () => {
  await signInWithToken(tokens['hd-minh'], 'Trần Văn Minh');
  await page.locator('#statistics').getByRole('heading', { name: 'Thống kê', exact: true }).waitFor();
  await signOut();
  const before = requests.length;
  await signInWithToken(tokens['tt-binh'], 'Phạm Thị Bình');
  check(await page.locator('#statistics').isHidden(), 'hidden for a leader');
  check(!requests.slice(before).some((r) => r.url.includes('/api/') && r.url.includes('/statistics')), 'no call for it');
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
  check(browser.consoleErrors.length === 0, `console errors: ${browser.consoleErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
