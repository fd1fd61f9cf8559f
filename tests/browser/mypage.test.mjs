#!/usr/bin/env node
// Issue 12, "Trang của tôi" and "Thông báo", in real headless Chromium through the real nginx
// edge against the real services (clock pinned to 10/10/2026 09:00 in Vietnam):
//   - a teacher whose Zalo is linked sends /dangnhap to the bot (the fake Zalo Bot API,
//     long-polled by the real notifications service), opens the link on a phone (360 px) and
//     sees her own page first: who she is, that her Zalo is linked, the nomination about her
//     with its status and decision, her unit's part of the yearly report and the deadline,
//     the initiative she authored;
//   - the board writes a message to the staff group in "Thông báo", sends it, and sees it in
//     the log as delivered ("Đã gửi"), which the fake Zalo confirms.
//
//   node tests/browser/mypage.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
//
// Screenshots and logs: <build dir>/browser/ (mypage-*.png) and <build dir>/browser/mypage/.
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
  console.log('browser: playwright-core is missing; run `bash scripts/setup.sh`.');
  await fatal('playwright-core is installed');
}
const missing = missingPrerequisites();
if (missing.length) {
  console.log(`browser: missing ${missing.join(', ')}; run \`bash scripts/setup.sh\` and build.`);
  await fatal('prerequisites are installed and built');
}

// The services' clock (libfaketime): the dates of the steps below are "today" for them.
process.env.THIDUA_TEST_FAKETIME = '2026-10-10 09:00:00';
const TODAY = '2026-10-10';

const adminToken = crypto.randomBytes(24).toString('hex');
const serviceToken = crypto.randomBytes(24).toString('hex');
const zaloToken = `fake-${crypto.randomBytes(8).toString('hex')}`;
const GROUP = 'nhom-can-bo';
let system;
try {
  system = await startSystem({ name: 'mypage', adminToken, serviceToken, zaloToken, groupId: GROUP });
  passed(`the system starts: redis, the three services, the fake Zalo and nginx at ${system.edge}`);
} catch (error) {
  await fatal(`the system starts: ${error.message}`);
}
const { edge, zalo, outDir } = system;

async function apiCall(method, urlPath, body) {
  const res = await fetch(`${edge}${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${adminToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const N = '/api/nominations/v1';
const zaloCalls = async () => (await (await fetch(`${zalo}/__fake/calls`)).json())
  .filter((c) => c.method === 'sendMessage' && c.outcome === 'ok');

// What a colleague types to the bot in a private chat; resolves with the bot's answer.
async function tellBot(from, text) {
  const answers = async () => (await zaloCalls()).filter((c) => c.chat_id === from).map((c) => c.text);
  const before = (await answers()).length;
  const update = {
    event_name: 'message.text.received',
    message: {
      message_id: `mypage-${crypto.randomBytes(4).toString('hex')}`,
      date: 1792800000000,
      text,
      from: { id: from, display_name: 'Cô Hoa', is_bot: false },
      chat: { id: from, chat_type: 'PRIVATE' },
    },
  };
  const res = await fetch(`${zalo}/__fake/updates`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(update),
  });
  check(res.ok, `the fake took the update: ${res.status}`);
  return eventually(async () => (await answers())[before], `the bot answers "${text}"`, 30000);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
} catch (error) {
  await fatal(`Chromium starts (${chromiumPath}): ${error.message}`);
}
context.setDefaultTimeout(STEP_TIMEOUT_MS);
const page = context.pages()[0] || (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
const text = async (locator) => (await locator.textContent() || '').replace(/\s+/g, ' ').trim();
const mine = page.locator('#mypage');
const board = page.locator('#announcements');
const noticeSays = (words) => eventually(async () => (await text(page.locator('#notice'))).includes(words),
  `the notice says "${words}"`);
const noSideScroll = async (width) => {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= width, `horizontal scrolling at ${width} px: ${scroll}`);
};

let signInLink = '';
await step('set-up: a teacher with her Zalo linked, awarded a Giấy khen, author of an initiative', async () => {
  await apiCall('PUT', `${N}/catalogue/staff/gv-hoa`,
    { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin', role: 'staff', gender: 'female', position: 'Giáo viên' });
  const { code } = await apiCall('POST', `${N}/staff/gv-hoa/link-codes`);
  check((await tellBot('zu-hoa', `/lienket ${code}`)).includes('Đã liên kết'), 'the bot links her');
  const meeting = await apiCall('POST', `${N}/council/meetings`,
    { date: TODAY, members_total: 7, members_present: 6 });
  const n = await apiCall('POST', `${N}/nominations`, {
    period: '2026', award: 'gk_xa', subject_kind: 'individual', subject_id: 'gv-hoa',
    reason: 'Bài giảng điện tử môn Toán',
  });
  const act = (body) => apiCall('POST', `${N}/nominations/${n.id}/transitions`, body);
  await act({ action: 'submit' });
  await act({ action: 'review' });
  await apiCall('PUT', `${N}/nominations/${n.id}/vote`, { meeting_id: meeting.id, yes: 6, no: 0 });
  await act({ action: 'approve' });
  for (const item of ['to_trinh', 'bien_ban', 'bao_cao_thanh_tich']) {
    await apiCall('PUT', `${N}/nominations/${n.id}/dossier/${item}`, { copies: 5 });
  }
  await act({ action: 'forward', date: TODAY, reference: '12/TTr-THCSVP1' });
  await act({ action: 'award', decision_number: '245/QĐ-UBND', decision_date: TODAY });
  await apiCall('POST', `${N}/initiatives`, {
    title: 'Kho bài giảng điện tử Toán 8', author_ids: ['gv-hoa'], unit_id: 'to-toan-tin',
    content_area: 'II.2', year: 2026,
  });
  const answer = await tellBot('zu-hoa', '/dangnhap');
  const m = new RegExp(`${edge.replace(/[.]/g, '\\.')}/admin/#ma=[A-Z0-9]{8}`).exec(answer);
  check(m, `a link to the dashboard in the answer: ${answer}`);
  signInLink = m[0];
});

await step('the teacher opens the bot\'s link on a phone: "Trang của tôi" is the first thing she sees', async () => {
  await page.goto(signInLink);
  await mine.getByRole('heading', { name: 'Trang của tôi' }).waitFor();
  const first = await page.evaluate(() => [...document.querySelectorAll('#workspace > .card')]
    .find((c) => !c.hidden).id);
  check(first === 'mypage', `the first card shown is #${first}`);
  const all = await text(mine);
  check(all.includes('Chào cô Nguyễn Thị Hoa.'), `the greeting: ${all}`);
  check(all.includes('Tổ Toán – Tin') && all.includes('Giáo viên'), `unit and position: ${all}`);
  check((await text(mine.locator('#mypage-zalo'))).includes('Zalo của cô đã liên kết'), 'her Zalo is linked');
  check(all.includes('/tatnhac'), 'how to stop private reminders');
  check(!all.includes('Đề nghị cô đã lập'), 'a teacher writes no nominations');
});

await step('her nomination with its status and decision; her unit\'s report part; her initiative', async () => {
  const item = mine.locator('#mypage-about-list li');
  check(await item.count() === 1, `nominations about her: ${await item.count()}`);
  const said = await text(item);
  check(said.includes('Giấy khen của Chủ tịch UBND xã') && said.includes('Năm 2026'), `award: ${said}`);
  check(said.includes('Đã được khen thưởng'), `status in words: ${said}`);
  check(said.includes('Quyết định số 245/QĐ-UBND, ngày 10/10/2026'), `the decision: ${said}`);
  const report = await text(mine.locator('#mypage-report'));
  check(report.includes('Phần báo cáo năm 2026 của Tổ Toán – Tin: chưa bắt đầu soạn'), `report: ${report}`);
  check(report.includes('Hạn chót tiếp theo') && report.includes('/10/2026'), `deadline: ${report}`);
  check((await text(mine.locator('#mypage-initiatives'))).includes('Kho bài giảng điện tử Toán 8'), 'her initiative');
  check(await board.isHidden(), 'a teacher is not offered "Thông báo"');
  const all = await text(mine);
  check(!all.includes('null') && !all.includes('undefined'), `a missing part shows as a word: ${all}`);
  await noSideScroll(360);
  await page.screenshot({ path: path.join(outDir, 'mypage-360.png'), fullPage: true });
  await mine.screenshot({ path: path.join(outDir, 'mypage-card-360.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await mine.screenshot({ path: path.join(outDir, 'mypage-1366.png') });
  await page.setViewportSize({ width: 360, height: 800 });
});

await step('"Xem chi tiết" opens the nomination with its history', async () => {
  await mine.locator('#mypage-about-list').getByRole('button', { name: /Xem chi tiết/ }).click();
  await page.locator('#detail').waitFor({ state: 'visible' });
  check((await text(page.locator('#detail-facts'))).includes('245/QĐ-UBND'), 'the detail shows the decision');
  await page.locator('#detail-close').click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await noticeSays('Đã đăng xuất.');
});

const MESSAGE = 'Kính gửi quý thầy cô: chiều thứ Sáu họp Hội đồng thi đua. <b>Xin đúng giờ</b>';
await step('the board opens "Thông báo" (360 px): an empty message is refused next to the field', async () => {
  await page.getByLabel('Mã truy cập (API token)').fill(adminToken);
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await board.getByRole('heading', { name: 'Thông báo' }).waitFor();
  await board.getByRole('button', { name: 'Gửi vào nhóm' }).click();
  await eventually(async () => (await text(board.locator('#announce-error'))).includes('Hãy gõ nội dung'),
    'the empty message is refused');
  const log = await text(board.locator('#announce-log'));
  check(!log.includes('/admin/#ma='), `a chat reply (a sign-in link) is in the log: ${log}`);
});

await step('the board sends a message to the group; the log shows it delivered, the fake Zalo has it', async () => {
  await board.getByLabel('Nội dung gửi vào nhóm Zalo cán bộ').fill(MESSAGE);
  check((await text(board.locator('#announce-preview'))) === MESSAGE, 'the preview shows the text as typed');
  await board.getByLabel(/Gửi gấp/).check();
  await board.getByRole('button', { name: 'Gửi vào nhóm' }).click();
  await noticeSays('Đã đưa tin nhắn gấp vào hàng gửi nhóm Zalo cán bộ.');
  const row = board.locator('#announce-log li').first();
  await eventually(async () => (await text(row)).includes('Đã gửi'), 'the log says "Đã gửi"', 30000);
  const said = await text(row);
  check(said.includes(MESSAGE) && said.includes('Nhóm cán bộ') && said.includes('gửi gấp'), `the row: ${said}`);
  check(await board.locator('#announce-log b').count() === 0, 'markup in a message became an element');
  const calls = await zaloCalls();
  const sent = calls.filter((c) => c.chat_id === GROUP && c.text.startsWith(`${MESSAGE}\n`));
  check(sent.length === 1, `the group got it once: ${JSON.stringify(calls.filter((c) => c.chat_id === GROUP))}`);
  await row.getByRole('button', { name: /Xem diễn biến/ }).click();
  await eventually(async () => (await text(row.locator('.history'))).includes('Đã gửi'), 'the history');
  check(await board.getByLabel('Nội dung gửi vào nhóm Zalo cán bộ').inputValue() === '', 'the form is cleared');
  await noSideScroll(360);
  await board.screenshot({ path: path.join(outDir, 'announcements-360.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await board.screenshot({ path: path.join(outDir, 'announcements-1366.png') });
});

await step('no JavaScript errors', async () => {
  check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
});

await context.close().catch(() => {});
fs.rmSync(userDataDir, { recursive: true, force: true });
await stopAll();
summaryAndExit();
