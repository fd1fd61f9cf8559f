#!/usr/bin/env node
// Issue 14, registration of targets (đăng ký thi đua), in real headless Chromium through the
// real edge at 360 px: a teacher registers a title and a target in "Đăng ký thi đua", their
// unit leader confirms it, and the board sees who has not registered.
//
//   node tests/browser/registrations.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
import { loadChromium, openBrowser, text } from './browser.mjs';
import { adminApi } from './client.mjs';
import { check, eventually, startSystemOrExit, step, stopAll, summaryAndExit } from './system.mjs';

const chromium = await loadChromium();
const system = await startSystemOrExit({ name: 'registrations' });
const { apiCall, putStaff, tokenFor } = adminApi(system);
const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 } });
const { page, signInWithToken, signOut, noSideScroll, accessible, shot } = browser;

const tokens = {};
await step('set-up: a board member, a unit leader and a teacher, each with a token', async () => {
  // The school's registration deadline (config/deadlines.json), as the board sets it.
  await apiCall('PUT', '/api/reports/v1/deadlines/dang-ky-thi-dua', {
    name: 'Đăng ký danh hiệu và chỉ tiêu thi đua',
    recipient: 'Hội đồng Thi đua – Khen thưởng nhà trường (qua tổ trưởng)',
    rule: 'yearly', month: 9, day: 30, first_year: 2026, last_year: 2030, owed_by: 'registrations',
  });
  for (const [id, name, role, unit] of [['bgh-lan', 'Lê Thị Lan', 'admin', 'truong'],
    ['tt-minh', 'Trần Văn Minh', 'leader', 'to-toan-tin'], ['gv-hoa', 'Nguyễn Thị Hoa', 'staff', 'to-toan-tin']]) {
    await putStaff(id, { name, unit_id: unit, role });
    tokens[id] = await tokenFor(id);
  }
});

await step('the teacher registers a title and a target at 360 px', async () => {
  await signInWithToken(tokens['gv-hoa'], 'Nguyễn Thị Hoa');
  const card = page.locator('#registrations');
  await card.getByRole('heading', { name: 'Đăng ký thi đua', exact: true }).waitFor();
  // The year offered first is the one people register for now: that of the registration
  // deadline's next occurrence, as reports (and so /hanchot and the reminders) count it.
  const { deadlines } = await apiCall('GET', '/api/reports/v1/deadlines');
  const registering = deadlines.find((d) => d.owed_by === 'registrations' && d.occurrences.length);
  const expected = registering ? registering.occurrences[0].due_date.slice(0, 4) : null;
  check(expected !== null, 'reports has a registration deadline');
  await eventually(async () => await card.getByLabel('Năm', { exact: true }).inputValue() === expected,
    `the year first offered is ${expected}`);
  await card.getByLabel('Năm', { exact: true }).selectOption('2026');
  check((await text(card.locator('#registration-subject'))).includes('Của tôi: Nguyễn Thị Hoa'), 'their own only');
  check(await card.locator('#registration-subject option').count() === 1, 'no one else offered');
  await card.getByLabel('Lao động tiên tiến', { exact: true }).check();
  await card.getByLabel(/^II\.1 — /).fill('12 bài giảng điện tử');
  await card.getByRole('button', { name: 'Gửi đăng ký' }).click();
  // What is stored decides (a notice may be replaced by a later one while cards still load).
  await eventually(async () => (await text(card.locator('#registrations-list'))).includes('Chờ tổ trưởng xác nhận'),
    'listed, waiting for the leader');
  check((await text(card.locator('#registrations-list'))).includes('II.1: 12 bài giảng điện tử'), 'the target shows');
  await noSideScroll(360);
  await accessible('"Đăng ký thi đua" (360 px)');
  await shot(card, 'registrations-teacher-360.png');
  await signOut();
});

await step('the leader confirms it', async () => {
  await signInWithToken(tokens['tt-minh'], 'Trần Văn Minh');
  const card = page.locator('#registrations');
  await card.getByLabel('Năm', { exact: true }).selectOption('2026');
  await card.getByRole('button', { name: 'Xác nhận đăng ký của Nguyễn Thị Hoa' }).click();
  await eventually(async () => (await text(card.locator('#registrations-list'))).includes('Đã xác nhận'), 'confirmed');
  check((await text(card.locator('#registration-missing-list'))).includes('Trần Văn Minh'),
    'the leader sees that they have not registered themselves');
  // The unit's own registration, sent with a double tap on a slow network: sent once, and it
  // waits for the board (a leader never confirms their own unit's).
  let puts = 0;
  await page.route('**/api/nominations/v1/registrations/**', async (route) => {
    if (route.request().method() === 'PUT') {
      puts += 1;
      await new Promise((resolve) => { setTimeout(resolve, 1500); });
    }
    await route.continue();
  });
  await card.getByLabel('Đăng ký của').selectOption({ label: 'Tập thể: Tổ Toán – Tin' });
  await card.getByLabel('Tập thể lao động tiên tiến', { exact: true }).check();
  const send = card.getByRole('button', { name: 'Gửi đăng ký' });
  await send.click();
  await send.click({ force: true, timeout: 1000 });
  await eventually(async () => (await text(card.locator('#registrations-list'))).includes('Chờ Ban giám hiệu xác nhận'),
    "the unit's registration waits for the board");
  check(puts === 1, `sent once, not ${puts} times`);
  check(!(await text(page.locator('#alert'))).includes('trước'), 'no error beside the notice');
  await page.unroute('**/api/nominations/v1/registrations/**');
  await signOut();
});

await step('the board sees who has not registered', async () => {
  await signInWithToken(tokens['bgh-lan'], 'Lê Thị Lan');
  const card = page.locator('#registrations');
  await card.getByLabel('Năm', { exact: true }).selectOption('2026');
  // The list of 2026 (the card may still be loading the year it opened on): the leader has
  // not registered, the teacher has.
  const missing = () => text(card.locator('#registration-missing-list'));
  await eventually(async () => {
    const said = await missing();
    return said.includes('Trần Văn Minh (Tổ Toán – Tin)') && !said.includes('Nguyễn Thị Hoa');
  }, `2026: the leader not registered, the teacher registered: ${await missing()}`);
  await shot(card, 'registrations-board-360.png');
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
