#!/usr/bin/env node
// Issue 14, registration of targets (đăng ký thi đua), in real headless Chromium through the
// real edge at 360 px: a teacher registers a title and a target in "Đăng ký thi đua", their
// unit leader confirms it, and the board sees who has not registered.
//
//   node tests/browser/registrations.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  STEP_TIMEOUT_MS, check, chromiumPath, eventually, fatal, missingPrerequisites, passed, startSystem,
  step, stopAll, summaryAndExit,
} from './system.mjs';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  await fatal('playwright-core is installed (bash scripts/setup.sh)');
}
const missing = missingPrerequisites();
if (missing.length) await fatal(`prerequisites are installed and built: missing ${missing.join(', ')}`);

const adminToken = crypto.randomBytes(24).toString('hex');
let system;
try {
  system = await startSystem({ name: 'registrations', adminToken, serviceToken: crypto.randomBytes(24).toString('hex'),
    zaloToken: 'fake-registrations', groupId: 'nhom-can-bo' });
  passed(`the system starts at ${system.edge}`);
} catch (error) {
  await fatal(`the system starts: ${error.message}`);
}
const { edge, outDir } = system;

async function apiCall(method, urlPath, body) {
  const res = await fetch(`${edge}${urlPath}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const N = '/api/nominations/v1';

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
} catch (error) {
  await fatal(`Chromium starts (${chromiumPath}): ${error.message}`);
}
context.setDefaultTimeout(STEP_TIMEOUT_MS);
const page = context.pages()[0] || (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
const text = async (locator) => (await locator.textContent() || '').replace(/\s+/g, ' ').trim();

async function signInWithToken(token, who) {
  await page.goto(`${edge}/admin/`);
  await page.getByLabel('Mã truy cập (API token)').fill(token);
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await eventually(async () => (await text(page.locator('#session-who'))).startsWith(who), `signed in as ${who}`);
  await page.waitForLoadState('networkidle');
}
async function signOut() {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
}

const tokens = {};
await step('set-up: a board member, a unit leader and a teacher, each with a token', async () => {
  for (const [id, name, role, unit] of [['bgh-lan', 'Lê Thị Lan', 'admin', 'truong'],
    ['tt-minh', 'Trần Văn Minh', 'leader', 'to-toan-tin'], ['gv-hoa', 'Nguyễn Thị Hoa', 'staff', 'to-toan-tin']]) {
    await apiCall('PUT', `${N}/catalogue/staff/${id}`, { name, unit_id: unit, role });
    tokens[id] = (await apiCall('POST', `${N}/tokens`, { staff_id: id })).token;
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
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `horizontal scrolling at 360 px: ${width}`);
  await card.screenshot({ path: path.join(outDir, 'registrations-teacher-360.png') });
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
  await card.screenshot({ path: path.join(outDir, 'registrations-board-360.png') });
});

await step('no JavaScript errors', async () => {
  check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
});

await context.close().catch(() => {});
fs.rmSync(userDataDir, { recursive: true, force: true });
await stopAll();
summaryAndExit();
