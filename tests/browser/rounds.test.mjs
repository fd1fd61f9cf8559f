#!/usr/bin/env node
// Issue 14, nomination rounds (đợt xét), in real headless Chromium through the real edge: the
// school starts with no round; the board opens one in "Danh mục khen thưởng" (at 360 px), a
// unit leader files a nomination in it, the board closes the round, and the leader's
// submission is refused with the service's Vietnamese words shown in the page. Dates come
// from the service's own "today" (GET /rounds), so the test holds whatever the clock reads.
//
//   node tests/browser/rounds.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadChromium, openBrowser, text } from './browser.mjs';
import { N, adminApi } from './client.mjs';
import { check, eventually, startSystemOrExit, step, stopAll, summaryAndExit } from './system.mjs';

const chromium = await loadChromium();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-rounds-'));
const roundsFile = path.join(work, 'rounds.json');
fs.writeFileSync(roundsFile, '{"rounds": []}\n');
const system = await startSystemOrExit({ name: 'rounds', roundsFile }, 'the system starts with no round');
const { apiCall, putStaff, tokenFor } = adminApi(system);
const shift = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const vn = (iso) => iso.split('-').reverse().join('/');

const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 } });
const { page, signInWithToken, signOut, noSideScroll, accessible, shot } = browser;

let today = '';
let year = '';
const tokens = {};
await step('set-up: a board member, a unit leader and a teacher, each leader and board with a token', async () => {
  for (const [id, name, role] of [['bgh-lan', 'Lê Thị Lan', 'admin'], ['tt-minh', 'Trần Văn Minh', 'leader'],
    ['gv-hoa', 'Nguyễn Thị Hoa', 'staff']]) {
    await putStaff(id, { name, unit_id: 'to-toan-tin', role });
  }
  await putStaff('gv-nam', { name: 'Đỗ Văn Nam', unit_id: 'to-ngu-van', role: 'staff' });
  for (const id of ['bgh-lan', 'tt-minh', 'gv-hoa']) tokens[id] = await tokenFor(id);
  const rounds = await apiCall('GET', `${N}/rounds`);
  check(rounds.items.length === 0, `no round yet: ${JSON.stringify(rounds.items)}`);
  today = rounds.today;
  year = today.slice(0, 4);
});

const roundName = () => `Đợt xét khen thưởng năm ${year}`;
await step('the board opens a round in "Danh mục khen thưởng" at 360 px: it shows "Đang mở"', async () => {
  await signInWithToken(tokens['bgh-lan'], 'Lê Thị Lan');
  const card = page.locator('#awards-catalogue');
  await card.getByRole('heading', { name: 'Danh mục khen thưởng' }).waitFor();
  check((await text(card)).includes('Chưa có đợt xét nào.'), 'the empty list says so');
  check((await card.locator('#awards-forms-list li').count()) === 5, 'the five award forms are listed');
  await card.getByLabel('Tên đợt xét').fill(roundName());
  await card.getByLabel('Kỳ khen thưởng', { exact: true }).selectOption(year);
  await card.getByLabel('Ngày mở').fill(shift(today, -7));
  await card.getByLabel('Ngày đóng (nhận đề nghị đến hết ngày này)').fill(shift(today, 14));
  await card.getByRole('button', { name: 'Mở đợt xét' }).click();
  await eventually(async () => (await text(page.getByRole('status'))).includes(`Đã mở đợt xét “${roundName()}”`),
    'the notice names the round');
  const item = card.locator('#awards-rounds-list li').first();
  await eventually(async () => (await text(item)).includes('Đang mở'), 'the round is open');
  check((await text(item)).includes(`đến hết ${vn(shift(today, 14))}`), await text(item));
  check((await text(item)).includes('Hội đồng chưa họp xét đề nghị của đợt này.'), await text(item));
  // The round closes in 14 days: the header shows it when no other deadline comes sooner.
  const next = await (await fetch(`${system.edge}/api/reports/v1/deadlines/next`)).json();
  const header = page.locator('#deadline-name');
  const expected = next.days_left > 14 ? `Nộp đề nghị khen thưởng: ${roundName()}` : next.name;
  await eventually(async () => (await text(header)) === expected, `the header names "${expected}"`);
  if (next.days_left > 14) {
    check((await text(page.locator('#deadline-countdown'))) === 'Còn 14 ngày', 'the round\'s days left');
    check((await text(page.locator('#deadline-date'))).includes(vn(shift(today, 14))), 'the round\'s last day');
  }
  await noSideScroll(360);
  await accessible('"Danh mục khen thưởng" with a round (360 px)');
  await shot(card, 'rounds-catalogue-360.png');
  await signOut();
});

let nominationId = '';
await step('the unit leader files a nomination in the round', async () => {
  await signInWithToken(tokens['tt-minh'], 'Trần Văn Minh');
  check(!(await page.locator('#awards-catalogue').isVisible()), 'the catalogue card is the board\'s');
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  // Only what can be filed: the open round's period, and its forms with a place in it.
  await eventually(async () => (await page.locator('#create-period option').count()) > 0, 'periods offered');
  const periods = await page.locator('#create-period option').evaluateAll((os) => os.map((o) => o.value));
  check(JSON.stringify(periods) === JSON.stringify([year]), `periods offered: ${periods}`);
  const catalogue = await apiCall('GET', `${N}/catalogue`);
  const none = catalogue.award_forms.filter((a) => a.quotas && a.quotas.annual
    && a.quotas.annual.collective === 0 && a.quotas.annual.individual === 0).map((a) => a.code);
  const forms = await page.locator('#create-award option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  check(none.length > 0 && none.every((code) => !forms.includes(code)) && forms.length === 5 - none.length,
    `forms offered: ${forms} (none left for: ${none})`);
  check(await page.locator('#create-rounds-hint').isHidden(), 'no "no round open" hint');
  await page.locator('#create-period').selectOption(year);
  await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Chủ tịch UBND xã' });
  // Only his unit and its members are offered: the services would refuse anyone else.
  const offered = async () => (await page.locator('#create-subject option').allTextContents())
    .filter((o) => o !== '— Chọn —');
  await page.getByRole('radio', { name: 'Tập thể' }).check();
  check(JSON.stringify(await offered()) === JSON.stringify(['Tổ Toán – Tin']), `units: ${await offered()}`);
  await page.getByRole('radio', { name: 'Cá nhân' }).check();
  const people = await offered();
  check(people.length === 3 && people.every((o) => o.endsWith('– Tổ Toán – Tin')), `people: ${people}`);
  await page.getByLabel('Cán bộ được đề nghị').selectOption({ label: 'Nguyễn Thị Hoa – Tổ Toán – Tin' });
  await page.getByLabel('Lý do, thành tích chính').fill('Xây dựng 12 bài giảng điện tử E-learning.');
  await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
  await eventually(async () => /Đã tạo đề nghị số \d+/.test(await text(page.getByRole('status'))), 'created');
  nominationId = /số (\d+)/.exec(await text(page.getByRole('status')))[1];
  const [round] = (await apiCall('GET', `${N}/rounds`)).items;
  const stored = await apiCall('GET', `${N}/nominations/${nominationId}`);
  check(stored.round_id === round.id, `filed in the round: ${stored.round_id} / ${round.id}`);
  await signOut();
});

// Issue 12: achievements by content area with evidence, entered and seen in the page.
const statusSays = (words) => eventually(async () => (await text(page.getByRole('status'))).includes(words),
  `the notice says "${words}"`);
await step('the leader adds an achievement with its content area and a link; the teacher adds evidence to it', async () => {
  await signInWithToken(tokens['tt-minh'], 'Trần Văn Minh');
  await page.getByRole('button', { name: `Xem đề nghị số ${nominationId}`, exact: true }).click();
  const section = page.locator('#detail-achievements');
  await section.getByRole('heading', { name: 'Thành tích và minh chứng' }).waitFor();
  await section.getByLabel('Thành tích', { exact: true }).fill('Xây dựng 12 bài giảng E-learning dùng chung cho khối 8.');
  await section.getByLabel('II.3 — Chuyển đổi số, tài nguyên và dữ liệu số').check();
  await section.getByLabel('Minh chứng (mỗi dòng một đường dẫn, nếu có)').fill('https://drive.google.com/file/d/bai-giang-1');
  await section.getByRole('button', { name: 'Thêm thành tích' }).click();
  await statusSays(`Đã lưu thành tích của đề nghị số ${nominationId}.`);
  const link = section.getByRole('link', { name: 'drive.google.com/file/d/bai-giang-1' });
  check(await link.getAttribute('href') === 'https://drive.google.com/file/d/bai-giang-1', 'the link opens the evidence');
  check(await link.getAttribute('rel') === 'noopener noreferrer', 'the link does not hand the page over');
  check((await text(section)).includes('Nội dung: II.3 — Chuyển đổi số'), `areas: ${await text(section)}`);
  await noSideScroll(360);
  await accessible('a draft with its achievements and evidence (360 px)');
  await signOut();

  await signInWithToken(tokens['gv-hoa'], 'Nguyễn Thị Hoa');
  await page.getByRole('button', { name: `Xem đề nghị số ${nominationId}`, exact: true }).click();
  await section.getByRole('heading', { name: 'Thành tích và minh chứng' }).waitFor();
  check(await section.getByRole('button', { name: 'Thêm thành tích' }).count() === 0, 'only the leader adds achievements');
  const field = section.getByLabel('Thêm minh chứng cho thành tích 1 (đường dẫn)');
  await field.fill('video tiết dạy');
  await section.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await eventually(async () => (await text(section.locator('.evidence-form .field-error'))).includes('http://'),
    'a text that is not a link is refused beside the field');
  await field.fill('https://youtu.be/tiet-day-mau');
  await section.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await statusSays(`Đã thêm minh chứng cho thành tích 1 của đề nghị số ${nominationId}.`);
  await section.getByRole('link', { name: 'youtu.be/tiet-day-mau' }).waitFor();
  const stored = await apiCall('GET', `${N}/nominations/${nominationId}`);
  check(JSON.stringify(stored.achievements[0].evidence)
    === JSON.stringify(['https://drive.google.com/file/d/bai-giang-1', 'https://youtu.be/tiet-day-mau']),
  `stored: ${JSON.stringify(stored.achievements)}`);
  check((await text(page.locator('#detail-history'))).includes('Thêm minh chứng'), 'the history says who added it');
  await signOut();
});

await step('the board closes the round yesterday: it shows "Đã đóng"', async () => {
  await signInWithToken(tokens['bgh-lan'], 'Lê Thị Lan');
  const card = page.locator('#awards-catalogue');
  await card.getByRole('button', { name: `Sửa đợt xét ${roundName()}` }).click();
  await card.getByLabel('Ngày đóng (nhận đề nghị đến hết ngày này)').fill(shift(today, -1));
  await card.getByRole('button', { name: 'Lưu đợt xét' }).click();
  await eventually(async () => (await text(card.locator('#awards-rounds-list li').first())).includes('Đã đóng'),
    'the round is closed');
  const next = await (await fetch(`${system.edge}/api/reports/v1/deadlines/next`)).json();
  await eventually(async () => (await text(page.locator('#deadline-name'))) === next.name,
    'the header is back to the next deadline');
  // No round open: the create form says so before anything is typed.
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  await eventually(async () => page.locator('#create-rounds-hint').isVisible(), 'the form says no round is open');
  check((await text(page.locator('#create-rounds-hint'))).includes('chưa có đợt xét nào đang mở'), 'its words');
  await page.locator('#create-close').click();
  await signOut();
});

await step('the leader submits: refused, the page shows why in Vietnamese, the nomination stays a draft', async () => {
  await signInWithToken(tokens['tt-minh'], 'Trần Văn Minh');
  await page.getByRole('button', { name: `Xem đề nghị số ${nominationId}`, exact: true }).click();
  await page.getByRole('heading', { name: `Đề nghị số ${nominationId}`, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
  const expected = `Đợt xét Giấy khen của Chủ tịch UBND xã kỳ năm ${year} ("${roundName()}") `
    + `đã đóng ngày ${vn(shift(today, -1))}`;
  await eventually(async () => (await text(page.locator('#alert'))).includes(expected),
    `the alert says "${expected}…"`);
  check((await text(page.locator('#alert'))).includes('thầy cô liên hệ Ban giám hiệu'), 'says whom to ask');
  check(await text(page.locator('#detail-status')) === 'Nháp', 'still a draft');
  await shot(page, 'rounds-refused-360.png', { fullPage: true });
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
fs.rmSync(work, { recursive: true, force: true });
await stopAll();
summaryAndExit();
