#!/usr/bin/env node
// The admin dashboard (web/admin/) in real headless Chromium against the real system: a
// redis-server of its own, the three services from the build directory, the fake Zalo Bot API
// and nginx as the edge (config rendered from deploy/nginx.conf), all on free 127.0.0.1 ports
// (system.mjs starts them; browser.mjs opens Chromium). The steps build on each other in one
// signed-in session: signing in and the quota here, then, in order, dashboard_reports.mjs,
// dashboard_deadlines.mjs, dashboard_nominations.mjs and dashboard_council.mjs, then the
// page-wide checks here.
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
import dashboardCouncil from './dashboard_council.mjs';
import dashboardDeadlines from './dashboard_deadlines.mjs';
import dashboardNominations from './dashboard_nominations.mjs';
import dashboardReports from './dashboard_reports.mjs';

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
  check((await page.title()).includes('Thi đua, khen thưởng'), `title: ${await page.title()}`);
  check(await page.getAttribute('html', 'lang') === 'vi', 'html lang is not vi');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  check(await page.locator('meta[http-equiv="Content-Security-Policy"]').count() === 1, 'no CSP');
  await accessible('the sign-in screen');
});

await step('the header shows what is due first: the next deadline, or an open round closing sooner', async () => {
  const deadline = await (await fetch(`${edge}/api/reports/v1/deadlines/next`)).json();
  const rounds = await (await fetch(`${edge}/api/nominations/v1/public/rounds`)).json();
  const open = rounds.items.filter((r) => r.state === 'open').sort((a, b) => a.closes.localeCompare(b.closes));
  const roundDays = open.length ? Math.round((Date.parse(open[0].closes) - Date.parse(rounds.today)) / 86400000) : null;
  const round = roundDays !== null && roundDays < deadline.days_left ? open[0] : null;
  const days = round ? roundDays : deadline.days_left;
  const expected = days === 0 ? 'Hạn chót là hôm nay' : `Còn ${days} ngày`;
  await eventually(async () => (await text(page.locator('#deadline-countdown'))) === expected,
    `countdown should read "${expected}"`);
  const dateVn = round ? round.closes_vn : deadline.due_date_vn;
  check((await text(page.locator('#deadline-date'))).includes(dateVn), `date should show ${dateVn}`);
  check(/^\d{2}\/\d{2}\/\d{4}$/.test(deadline.due_date_vn), 'due_date_vn is dd/mm/yyyy');
  const name = round ? `Nộp đề nghị khen thưởng: ${round.name}` : deadline.name;
  check((await text(page.locator('#deadline-name'))) === name, `the name should be "${name}"`);
});

await step('a wrong token is refused: the Vietnamese detail appears in the role=alert region', async () => {
  // A mistake the page itself finds has no request id to show, and says nothing else.
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await eventually(async () => (await text(alertBox)).includes('Hãy dán mã truy cập'), 'an empty token is refused');
  check(!/\bnull\b/.test(await text(alertBox)), `the alert says only that: ${await text(alertBox)}`);
  await page.getByLabel('Mã truy cập', { exact: true }).fill('ma-sai-0123456789abcdef');
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await eventually(async () => (await text(page.getByRole('alert').first()))
    .includes('Mã truy cập không hợp lệ'), 'alert with the invalid_token detail');
  // A refusal (4xx) says what to do; it is no fault to report with a request id.
  check(!(await text(alertBox)).includes('gửi kèm mã'), `no request id on a refusal: ${await text(alertBox)}`);
  check(await alertBox.isVisible(), 'alert region is not visible');
  check(await page.locator('#signin').isVisible(), 'sign-in form should stay');
  check(await page.evaluate(() => sessionStorage.length) === 0, 'a refused token was stored');
  await page.screenshot({ path: path.join(outDir, 'dashboard-signin.png') });
});

await step('sign-in by keyboard with the admin token: token in sessionStorage, workspace shown', async () => {
  await page.getByLabel('Mã truy cập', { exact: true }).fill('');
  await page.getByLabel('Mã truy cập', { exact: true }).focus();
  await page.keyboard.type(adminToken);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  check(await text(alertBox) === '', `alert should be cleared, has: ${await text(alertBox)}`);
  const stored = await page.evaluate(() => Object.values(sessionStorage));
  check(stored.length === 1 && stored[0] === adminToken, 'the token is not (only) in sessionStorage');
  check(await page.evaluate(() => localStorage.length) === 0, 'something went to localStorage');
  check(await page.getByLabel('Mã truy cập', { exact: true }).inputValue() === '', 'token field not cleared');
  await eventually(async () => (await text(page.locator('#session-who'))) === 'Quản trị (khởi tạo) · Ban giám hiệu',
    'the header names who is signed in (GET /me)');
  check(await page.getByRole('button', { name: 'Tạo đề nghị mới' }).isVisible(), 'create offered to the board');
});

await step('"Đi đến mục" lists the cards the board sees; on a phone a link brings its card into view, its heading focused', async () => {
  await page.setViewportSize({ width: 360, height: 780 });
  const menu = page.locator('#card-menu');
  await eventually(async () => menu.isVisible(), 'the contents are shown');
  await menu.getByText('Đi đến mục').click();
  await menu.screenshot({ path: path.join(outDir, 'dashboard-contents-360.png') });
  const listed = await menu.locator('a').allTextContents();
  const shown = await page.evaluate(() => [...document.querySelectorAll('#workspace > section.card')]
    .filter((c) => !c.hidden && !['create', 'detail'].includes(c.id))
    .map((c) => document.getElementById(c.getAttribute('aria-labelledby')).textContent.trim()));
  check(JSON.stringify(listed) === JSON.stringify(shown) && listed.includes('Đề nghị khen thưởng'),
    `listed ${JSON.stringify(listed)}, shown ${JSON.stringify(shown)}`);
  // Where the card is: at the top of the screen after the link, or as near as the end of
  // the page lets it come.
  const where = () => page.evaluate(() => ({
    top: document.getElementById('nominations').getBoundingClientRect().top,
    height: window.innerHeight,
    focused: document.activeElement.id,
  }));
  const before = await where();
  check(before.top > before.height, `the card starts out of view: ${JSON.stringify(before)}`);
  await menu.getByRole('link', { name: 'Đề nghị khen thưởng', exact: true }).click();
  let seen = {};
  const inView = async () => {
    seen = await where();
    return seen.top > -2 && seen.top < seen.height - 100 && seen.focused === 'nominations-heading';
  };
  try {
    await eventually(inView, 'the nominations card is in view, its heading focused');
  } catch (error) {
    throw new Error(`${error.message}: ${JSON.stringify(seen)}`);
  }
  check(!page.url().includes('#'), `no fragment in the address: ${page.url()}`);
  check(!(await menu.locator('details').evaluate((d) => d.open)), 'the contents fold again');
  await accessible('the page with its contents (360 px)');
  // The phone's Back returns to the contents, on the dashboard (places.mjs).
  const address = page.url();
  await page.goBack();
  await eventually(async () => (await menu.boundingBox())?.y > -10, 'Back brings the contents into view again');
  check(page.url() === address, `still the dashboard after Back: ${page.url()}`);
  await page.setViewportSize({ width: 1280, height: 900 });  // openBrowser's, for the steps after
  await page.evaluate(() => window.scrollTo(0, 0));
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

// The steps build on each other in this one signed-in session; the themed files run in order.
const session = {
  page, edge, zalo, adminToken, apiCall, requests, pageErrors, consoleErrors, accessible, noSideScroll,
  noticeSays, alertBox, currentYear, statusInList, quotaCell,
  dialogs: browser.dialogs, acceptNextDialog: browser.acceptNextDialog,
};
await dashboardReports(session);
await dashboardDeadlines(session);
await dashboardNominations(session);
await dashboardCouncil(session);

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
  const field = page.getByLabel('Mã truy cập', { exact: true });
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
  // The public routes (the header's deadline and open rounds) go without it, as the website's.
  const isPublic = (r) => r.url.includes('/api/nominations/v1/public/');
  const api = requests.filter((r) => r.url.includes('/api/nominations/') && !isPublic(r));
  check(api.length > 10, `only ${api.length} API requests seen`);
  check(requests.every((r) => !r.url.includes(adminToken)), 'the token is in a URL');
  // Signed out, the page asks once whether a session cookie from /dangnhap signs it in
  // (GET /me and the catalogue without a token): those carry no token, by design.
  const probe = (r) => !r.headers.authorization && /\/api\/nominations\/v1\/(me|catalogue)$/.test(r.url);
  const bad = api.filter((r) => !probe(r) && !/^Bearer .{16,}$/.test(r.headers.authorization || ''));
  check(bad.length === 0, `without a bearer token: ${bad.map((r) => r.url)}`);
  const deadline = requests.filter((r) => r.url.includes('/api/reports/v1/deadlines/next'));
  check(deadline.length > 0 && deadline.every((r) => !r.headers.authorization), 'the public route got a token');
  const rounds = requests.filter(isPublic);
  check(rounds.length > 0 && rounds.every((r) => !r.headers.authorization), 'the public rounds got a token');
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
