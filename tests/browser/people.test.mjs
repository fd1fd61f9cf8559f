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
import { loadChromium, openBrowser, text } from './browser.mjs';
import { adminApi, fakeZalo } from './client.mjs';
import { check, eventually, startSystemOrExit, step, stopAll, summaryAndExit } from './system.mjs';

const chromium = await loadChromium();
const system = await startSystemOrExit({ name: 'people' });
const { apiCall, putStaff, staffMember } = adminApi(system);
const { tellBot } = fakeZalo(system);
// The confirm before deactivating: read, then accepted.
const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 }, acceptDialogs: true });
const { page, dialogs, signInWithToken, noSideScroll, accessible, noticeSays, shot } = browser;
const card = page.locator('#people');

await step('set-up: a teacher, and one whose name is markup', async () => {
  await putStaff('gv-hoa',
    { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin', role: 'staff', gender: 'female', position: 'Giáo viên' });
  await putStaff('gv-xss', { name: '<img src=x onerror=alert(1)>', unit_id: 'to-ngu-van' });
});

await step('the board signs in (360 px): "Cán bộ và tổ" lists the units and the staff as text', async () => {
  await signInWithToken(system.adminToken, 'Quản trị (khởi tạo)');
  await card.getByRole('heading', { name: 'Cán bộ và tổ' }).waitFor();
  await eventually(async () => (await card.locator('#units-list li').count()) === 7, 'the seed\'s seven units');
  check((await text(card.locator('#staff-list'))).includes('<img src=x onerror=alert(1)>'), 'the markup shows as text');
  check(await card.locator('#staff-list img').count() === 0, 'a name became an element');
  await noSideScroll(360);
  await accessible('"Cán bộ và tổ" (360 px)');
  await shot(page, 'people-360.png', { fullPage: true });
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
  await accessible('a person\'s link code, tokens and sessions (360 px)');
  await shot(card, 'people-person-360.png');
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await shot(card, 'people-1366.png');
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
