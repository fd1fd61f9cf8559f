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
const { putStaff, tokenFor } = adminApi(system);
const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 } });
const { page, signInWithToken, signOut, noSideScroll, accessible, shot } = browser;

const tokens = {};
await step('set-up: a board member, a unit leader and a teacher, each with a token', async () => {
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
  await signOut();
});

await step('the board sees who has not registered', async () => {
  await signInWithToken(tokens['bgh-lan'], 'Lê Thị Lan');
  const card = page.locator('#registrations');
  await card.getByLabel('Năm', { exact: true }).selectOption('2026');
  await eventually(async () => (await text(card.locator('#registration-missing-list'))).includes('Tổ Toán – Tin'),
    'units listed');
  const missingText = await text(card.locator('#registration-missing-list'));
  check(missingText.includes('Trần Văn Minh (Tổ Toán – Tin)'), missingText);
  check(!missingText.includes('Nguyễn Thị Hoa'), 'the teacher registered');
  await shot(card, 'registrations-board-360.png');
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
