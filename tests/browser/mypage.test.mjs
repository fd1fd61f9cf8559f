#!/usr/bin/env node
// Issue 12, "Trang của tôi" and "Thông báo", in real headless Chromium through the real nginx
// edge against the real services (clock pinned to 10/10/2026 09:00 in Vietnam):
//   - a teacher whose Zalo is linked sends /dangnhap to the bot (the fake Zalo Bot API,
//     long-polled by the real notifications service), opens the link on a phone (360 px) and
//     sees her own page first: who she is, that her Zalo is linked, the nomination about her
//     with its status and decision, her unit's part of the yearly report and the deadline,
//     the initiative she authored;
//   - the board writes a message to the staff group in "Thông báo", sends it, and sees it in
//     the log as delivered ("Đã gửi"), which the fake Zalo confirms;
//   - the board schedules a private message to the teacher: a time already past is refused
//     next to the field, a time this afternoon is kept as "Hẹn giờ gửi", and "Hủy hẹn"
//     cancels it (the fake Zalo never gets it).
//
//   node tests/browser/mypage.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
//
// Screenshots and logs: <build dir>/browser/ (mypage-*.png) and <build dir>/browser/mypage/.
import { loadChromium, openBrowser, recordTimings, text } from './browser.mjs';
import { N, adminApi, fakeZalo } from './client.mjs';
import { check, eventually, startSystemOrExit, step, stopAll, summaryAndExit } from './system.mjs';

const chromium = await loadChromium();
// The services' clock (libfaketime): the dates of the steps below are "today" for them.
process.env.THIDUA_TEST_FAKETIME = '2026-10-10 09:00:00';
const TODAY = '2026-10-10';

const system = await startSystemOrExit({ name: 'mypage' });
const GROUP = system.groupId;
const { apiCall, putStaff } = adminApi(system);
const { sentMessages, tellBot, askSignIn } = fakeZalo(system);
const browser = await openBrowser(chromium, system, { viewport: { width: 360, height: 800 } });
const { page, requests, signInWithToken, noSideScroll, accessible, noticeSays, shot } = browser;
const mine = page.locator('#mypage');
const board = page.locator('#announcements');

let signInLink = '';
await step('set-up: a teacher with her Zalo linked, awarded a Giấy khen, author of an initiative', async () => {
  await putStaff('gv-hoa',
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
  ({ link: signInLink } = await askSignIn('zu-hoa'));
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
  // Signed in on a phone, the header's deadline has the width of the screen, its own row
  // beside her name and "Đăng xuất" (they once squeezed it to 26 px, a word a line).
  const header = await page.evaluate(() => {
    const d = document.getElementById('deadline').getBoundingClientRect();
    const s = document.getElementById('session').getBoundingClientRect();
    const apart = s.bottom <= d.top || s.top >= d.bottom || s.right <= d.left || s.left >= d.right;
    return { width: d.width, apart, shown: !document.getElementById('session').hidden };
  });
  check(header.shown && header.width >= 300 && header.apart,
    `the header's deadline at 360 px: ${JSON.stringify(header)}`);
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
  // The units' due date, not the next deadline of any kind (the header's).
  check(report.includes('Hạn nộp phần báo cáo của tổ: ngày 20/10/2026.'), `deadline: ${report}`);
  check((await text(mine.locator('#mypage-initiatives'))).includes('Kho bài giảng điện tử Toán 8'), 'her initiative');
  // The rounds open today, as nominations lists them: until when her unit may still propose.
  const open = (await apiCall('GET', `${N}/rounds`)).items.filter((r) => r.state === 'open');
  check(open.length > 0, 'the fixture has an open round');
  const rounds = mine.locator('#mypage-rounds li');
  check(await rounds.count() === open.length, `open rounds shown: ${await rounds.count()} of ${open.length}`);
  const first = await text(mine.locator(`#mypage-rounds li[data-id="${open[0].id}"]`));
  check(first.includes(open[0].name) && first.includes(`Nhận đề nghị đến hết ngày ${open[0].closes_vn}.`),
    `the round and its closing day: ${first}`);
  check(await board.isHidden(), 'a teacher is not offered "Thông báo"');
  const all = await text(mine);
  check(!all.includes('null') && !all.includes('undefined'), `a missing part shows as a word: ${all}`);
  await noSideScroll(360);
  await accessible('the teacher\'s "Trang của tôi" (360 px)');
  await shot(page, 'mypage-360.png', { fullPage: true });
  await shot(mine, 'mypage-card-360.png');
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await shot(mine, 'mypage-1366.png');
  await page.setViewportSize({ width: 360, height: 800 });
});

await step('"Cập nhật" brings the whole page in two calls to the services (issue 12, Fast)', async () => {
  const before = requests.length;
  await mine.locator('#mypage-reload').click();
  // "Cập nhật" marks the card busy until it is drawn again.
  await page.waitForFunction(() => !document.querySelector('#mypage[aria-busy="true"]'));
  check((await text(mine.locator('#mypage-about-list'))).includes('245/QĐ-UBND'), 'drawn again');
  const calls = requests.slice(before).filter((r) => new URL(r.url).pathname.startsWith('/api/'))
    .map((r) => `${r.method} ${new URL(r.url).pathname}`);
  check(calls.length <= 2, `calls for one load: ${calls.join(', ')}`);
  check(calls.some((c) => c.endsWith('/me/overview')), `the nominations service's one call: ${calls.join(', ')}`);
});

await step('first render of "Trang của tôi" on a phone (recorded in timings.json, not asserted)', async () => {
  const ms = await browser.firstRender({ 'Trang của tôi': '#mypage-about-list li' }, { runs: 5 });
  recordTimings('mypage (teacher, 360 px)', ms, { viewport: page.viewportSize() });
});

await step('"Xem chi tiết" opens the nomination with its history, in one call', async () => {
  const before = requests.length;
  await mine.locator('#mypage-about-list').getByRole('button', { name: /Xem chi tiết/ }).click();
  await page.locator('#detail').waitFor({ state: 'visible' });
  check((await text(page.locator('#detail-facts'))).includes('245/QĐ-UBND'), 'the detail shows the decision');
  check(await page.locator('#detail-history li').count() > 0, 'and its history');
  const calls = requests.slice(before).filter((r) => new URL(r.url).pathname.startsWith('/api/'));
  check(calls.length === 1, `one call for the detail: ${calls.map((r) => r.url).join(', ')}`);
});

await step('the phone\'s Back closes the detail and stays on the dashboard; "Đóng" leaves no entry behind', async () => {
  const address = page.url();
  await page.goBack();
  await page.locator('#detail').waitFor({ state: 'hidden' });
  check(page.url() === address, `still the dashboard: ${page.url()}`);
  check(await mine.isVisible(), '"Trang của tôi" is shown again');
  await page.goForward();
  await page.locator('#detail').waitFor({ state: 'visible' });
  check((await text(page.locator('#detail-facts'))).includes('245/QĐ-UBND'), 'Forward shows it again');
  await page.locator('#detail-close').click();
  await page.locator('#detail').waitFor({ state: 'hidden' });
  const entries = await page.evaluate(() => history.length);
  await mine.locator('#mypage-about-list').getByRole('button', { name: /Xem chi tiết/ }).click();
  await page.locator('#detail').waitFor({ state: 'visible' });
  await page.locator('#detail-close').click();
  await page.locator('#detail').waitFor({ state: 'hidden' });
  // "Đóng" went back to the entry before the detail: the next Back leaves from there.
  check(await page.evaluate(() => history.state?.thidua ?? null) === null, 'the entry before the detail');
  check(await page.evaluate(() => history.length) === entries, 'opening one detail again added one entry, as before');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await noticeSays('Đã đăng xuất.');
});

const MESSAGE = 'Kính gửi quý thầy cô: chiều thứ Sáu họp Hội đồng thi đua. <b>Xin đúng giờ</b>';
await step('the board opens "Thông báo" (360 px): an empty message is refused next to the field', async () => {
  await signInWithToken(system.adminToken, 'Quản trị (khởi tạo)');
  await board.getByRole('heading', { name: 'Thông báo' }).waitFor();
  await board.getByRole('button', { name: 'Gửi vào nhóm' }).click();
  await eventually(async () => (await text(board.locator('#announce-error'))).includes('Hãy gõ nội dung'),
    'the empty message is refused');
  const log = await text(board.locator('#announce-log'));
  check(!log.includes('/admin/#ma='), `a chat reply (a sign-in link) is in the log: ${log}`);
});

await step('the board sends a message to the group; the log shows it delivered, the fake Zalo has it', async () => {
  await board.getByLabel('Nội dung tin nhắn').fill(MESSAGE);
  check((await text(board.locator('#announce-preview'))) === MESSAGE, 'the preview shows the text as typed');
  await board.getByLabel(/Gửi gấp/).check();
  await board.getByRole('button', { name: 'Gửi vào nhóm' }).click();
  await noticeSays('Đã đưa tin nhắn gấp vào hàng gửi cho nhóm Zalo cán bộ.');
  const row = board.locator('#announce-log li').first();
  await eventually(async () => (await text(row)).includes('Đã gửi'), 'the log says "Đã gửi"', 30000);
  const said = await text(row);
  check(said.includes(MESSAGE) && said.includes('Nhóm cán bộ') && said.includes('gửi gấp'), `the row: ${said}`);
  check(await board.locator('#announce-log b').count() === 0, 'markup in a message became an element');
  const calls = await sentMessages();
  const sent = calls.filter((c) => c.chat_id === GROUP && c.text.startsWith(`${MESSAGE}\n`));
  check(sent.length === 1, `the group got it once: ${JSON.stringify(calls.filter((c) => c.chat_id === GROUP))}`);
  await row.getByRole('button', { name: /Xem diễn biến/ }).click();
  await eventually(async () => (await text(row.locator('.history'))).includes('Đã gửi'), 'the history');
  check(await board.getByLabel('Nội dung tin nhắn').inputValue() === '', 'the form is cleared');
  await noSideScroll(360);
  await accessible('"Thông báo" (360 px)');
  await shot(board, 'announcements-360.png');
  await page.setViewportSize({ width: 1366, height: 900 });
  await noSideScroll(1366);
  await shot(board, 'announcements-1366.png');
});

await step('the board schedules a private message to the teacher, then cancels it', async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  const PRIVATE = 'Cô Hoa nhớ nộp minh chứng trước thứ Sáu nhé.';
  await board.getByLabel('Gửi đến').selectOption({ label: 'Nhắn riêng: Nguyễn Thị Hoa' });
  await board.getByLabel('Nội dung tin nhắn').fill(PRIVATE);
  await board.getByLabel('Hẹn giờ gửi').check();
  await board.getByLabel('Ngày và giờ gửi').fill('2026-10-10T07:00');  // before 09:00 today
  await board.getByRole('button', { name: 'Hẹn giờ gửi' }).click();
  await eventually(async () => (await text(board.locator('#announce-at-error'))).includes('đã qua'),
    'a time already past is refused next to the field');
  await board.getByLabel('Ngày và giờ gửi').fill('2026-10-10T15:30');
  await board.getByRole('button', { name: 'Hẹn giờ gửi' }).click();
  await noticeSays('Đã hẹn giờ gửi tin cho thầy cô Nguyễn Thị Hoa lúc 10/10/2026 15:30.');
  const row = board.locator('#announce-log li').filter({ hasText: PRIVATE });
  const said = await text(row);
  check(said.includes('Hẹn giờ gửi') && said.includes('Nhắn riêng cho Nguyễn Thị Hoa')
    && said.includes('hẹn gửi lúc 10/10/2026 15:30'), `the row: ${said}`);
  await noSideScroll(360);
  await accessible('"Thông báo" with a scheduled message (360 px)');
  await shot(board, 'announcements-scheduled-360.png');
  await row.getByRole('button', { name: /Hủy hẹn/ }).click();
  await noticeSays('Đã hủy tin hẹn gửi lúc 10/10/2026 15:30; tin sẽ không được gửi.');
  check((await text(row)).includes('Đã bỏ, không gửi'), `the row after cancelling: ${await text(row)}`);
  const calls = await sentMessages();
  check(!calls.some((c) => String(c.text).startsWith(PRIVATE)), 'the cancelled message never reached Zalo');
});

await step('no JavaScript errors', async () => {
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
