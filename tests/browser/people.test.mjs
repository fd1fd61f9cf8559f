#!/usr/bin/env node
// Issue 12, "Cán bộ và tổ", and issue 14's deactivated units, in real headless Chromium
// through the real nginx edge against the real services: the board deactivates a unit the
// school no longer has and the nomination form stops offering it; edits a teacher's birth
// date (for the báo cáo thành tích); makes a Zalo link code, which the bot (the fake Zalo Bot
// API, long-polled by the real notifications service) accepts; at 360 px and 1366 px.
//
//   node tests/browser/people.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
//
// Screenshots and logs: <build dir>/browser/ (people-*.png) and <build dir>/browser/people/.
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

const adminToken = crypto.randomBytes(24).toString('hex');
const serviceToken = crypto.randomBytes(24).toString('hex');
const zaloToken = `fake-${crypto.randomBytes(8).toString('hex')}`;
let system;
try {
  system = await startSystem({ name: 'people', adminToken, serviceToken, zaloToken, groupId: 'nhom-can-bo' });
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
const staffMember = async (id) =>
  (await apiCall('GET', '/api/nominations/v1/catalogue')).staff.find((s) => s.id === id);

// What a colleague types to the bot in a private chat; resolves with the bot's answer.
async function tellBot(from, text) {
  const answers = async () => (await (await fetch(`${zalo}/__fake/calls`)).json())
    .filter((c) => c.method === 'sendMessage' && c.outcome === 'ok' && c.chat_id === from).map((c) => c.text);
  const before = (await answers()).length;
  const update = {
    event_name: 'message.text.received',
    message: {
      message_id: `people-${crypto.randomBytes(4).toString('hex')}`,
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
const dialogs = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// The confirm before deactivating: read, then accepted.
page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
const text = async (locator) => (await locator.textContent() || '').replace(/\s+/g, ' ').trim();
const card = page.locator('#people');
const noticeSays = (words) => eventually(async () => (await text(page.locator('#notice'))).includes(words),
  `the notice says "${words}"`);
const noSideScroll = async (width) => {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= width, `horizontal scrolling at ${width} px: ${scroll}`);
};

await step('set-up: a teacher, and one whose name is markup', async () => {
  await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-hoa',
    { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin', role: 'staff', gender: 'female', position: 'Giáo viên' });
  await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-xss',
    { name: '<img src=x onerror=alert(1)>', unit_id: 'to-ngu-van' });
});

await step('the board signs in (360 px): "Cán bộ và tổ" lists the units and the staff as text', async () => {
  await page.goto(`${edge}/admin/`);
  await page.getByLabel('Mã truy cập (API token)').fill(adminToken);
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await card.getByRole('heading', { name: 'Cán bộ và tổ' }).waitFor();
  await eventually(async () => (await card.locator('#units-list li').count()) === 7, 'the seed\'s seven units');
  check((await text(card.locator('#staff-list'))).includes('<img src=x onerror=alert(1)>'), 'the markup shows as text');
  check(await card.locator('#staff-list img').count() === 0, 'a name became an element');
  await noSideScroll(360);
  await page.screenshot({ path: path.join(outDir, 'people-360.png'), fullPage: true });
});

await step('"Ngừng hoạt động" with a confirm: Tổ Ngoại ngữ is kept, marked, and inactive in the catalogue', async () => {
  await card.getByRole('button', { name: 'Ngừng hoạt động Tổ Ngoại ngữ' }).click();
  await noticeSays('Tổ Ngoại ngữ đã ngừng hoạt động.');
  check(dialogs.some((m) => m.includes('Cho Tổ Ngoại ngữ ngừng hoạt động?')), `the confirm: ${dialogs}`);
  const unit = (await apiCall('GET', '/api/nominations/v1/catalogue')).units.find((u) => u.id === 'to-ngoai-ngu');
  check(unit && unit.active === false, `stored: ${JSON.stringify(unit)}`);
  check((await text(card.locator('#units-list li[data-id="to-ngoai-ngu"]'))).includes('đã ngừng hoạt động'),
    'the list says it stopped');
  await card.getByRole('button', { name: 'Cho hoạt động lại Tổ Ngoại ngữ' }).waitFor();
});

await step('the nomination form no longer offers Tổ Ngoại ngữ', async () => {
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  await page.getByRole('heading', { name: 'Tạo đề nghị khen thưởng' }).waitFor();
  await page.getByRole('radio', { name: 'Tập thể' }).check();
  const offered = await page.locator('#create-subject option').allTextContents();
  check(offered.includes('Tổ Toán – Tin'), `offered: ${offered}`);
  check(!offered.some((o) => o.includes('Ngoại ngữ')), `an inactive unit is offered: ${offered}`);
  const staffUnits = await card.locator('#staff-unit option').allTextContents();
  check(!staffUnits.includes('Tổ Ngoại ngữ'), `the staff form offers it: ${staffUnits}`);
  await page.locator('#create-close').click();
});

await step('a teacher\'s birth date, edited in the card, is stored', async () => {
  await card.getByRole('button', { name: 'Sửa Nguyễn Thị Hoa' }).click();
  check(await card.getByLabel('Họ và tên').inputValue() === 'Nguyễn Thị Hoa', 'the form holds her record');
  await card.getByLabel('Ngày sinh').fill('1985-03-12');
  await card.getByLabel('Trình độ chuyên môn, nghiệp vụ').fill('Cử nhân Sư phạm Toán');
  await card.getByRole('button', { name: 'Lưu thông tin Nguyễn Thị Hoa' }).click();
  await noticeSays('Đã lưu thông tin Nguyễn Thị Hoa.');
  const hoa = await staffMember('gv-hoa');
  check(hoa.birth_date === '1985-03-12' && hoa.qualifications === 'Cử nhân Sư phạm Toán'
    && hoa.position === 'Giáo viên' && hoa.gender === 'female', `stored: ${JSON.stringify(hoa)}`);
  check((await text(card.locator('#staff-list li[data-id="gv-hoa"]'))).includes('sinh ngày 12/03/1985'),
    'the list shows the date');
});

await step('a hold without its reason is refused next to the field, and nothing is stored', async () => {
  await card.getByRole('button', { name: 'Sửa Nguyễn Thị Hoa' }).click();
  await card.getByLabel('Tạm dừng xét khen thưởng (đang bị kỷ luật').check();
  await card.getByRole('button', { name: 'Lưu thông tin Nguyễn Thị Hoa' }).click();
  await eventually(async () => (await text(card.locator('#staff-form-error'))).includes('Hãy ghi lý do'),
    'the reason is asked for');
  check((await staffMember('gv-hoa')).on_hold === false, 'a hold was stored');
  await card.getByRole('button', { name: 'Thôi sửa' }).last().click();
});

await step('a Zalo link code with the instruction to message the bot privately; the bot accepts it', async () => {
  await card.getByRole('button', { name: 'Liên kết Zalo, đăng nhập Nguyễn Thị Hoa' }).click();
  await card.getByRole('heading', { name: 'Nguyễn Thị Hoa' }).waitFor();
  await card.getByRole('button', { name: 'Tạo mã liên kết Zalo' }).click();
  const said = await eventually(async () => {
    const t = await text(card.locator('#link-code'));
    return /\/lienket [0-9a-f]{8}/.test(t) && t;
  }, 'the code and its instruction');
  check(said.includes('Nhắn riêng cho bot thi đua trên Zalo'), `the instruction: ${said}`);
  const code = /\/lienket ([0-9a-f]{8})/.exec(said)[1];
  const answer = await tellBot('zu-hoa', `/lienket ${code}`);
  check(answer.includes('Đã liên kết'), `the bot: ${answer}`);
  check((await staffMember('gv-hoa')).zalo_user_id === 'zu-hoa', 'her Zalo is linked');
  check((await text(card.locator('#person'))).includes('Không có phiên đăng nhập nào'), 'sessions listed');
  await noSideScroll(360);
  await card.screenshot({ path: path.join(outDir, 'people-person-360.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await card.screenshot({ path: path.join(outDir, 'people-1366.png') });
});

await step('no JavaScript errors', async () => {
  check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
});

await context.close().catch(() => {});
fs.rmSync(userDataDir, { recursive: true, force: true });
await stopAll();
summaryAndExit();
