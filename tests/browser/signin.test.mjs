#!/usr/bin/env node
// Issue 12, signing in, in real headless Chromium through the real nginx edge: a board member
// links her Zalo, sends /dangnhap to the bot (the fake Zalo Bot API, long-polled by the real
// notifications service) in a private chat, opens the link it answers with and is signed in
// by the session cookie (HttpOnly, SameSite=Strict), creates a nomination, signs out; then
// types a code on the sign-in screen, and is signed out the moment she is demoted.
//
//   node tests/browser/signin.test.mjs [--build-dir <dir>]     (or THIDUA_BUILD_DIR)
//
// Screenshots and logs: <build dir>/browser/ (signin-*.png) and <build dir>/browser/signin/.
import { loadChromium, openBrowser, text } from './browser.mjs';
import { N, adminApi, fakeZalo } from './client.mjs';
import { check, eventually, startSystemOrExit, step, stopAll, summaryAndExit } from './system.mjs';

const chromium = await loadChromium();
// The services' and the page's clocks (system.mjs, browser.mjs): the same day whenever it runs.
process.env.THIDUA_TEST_FAKETIME ||= '2026-12-01 09:00:00';
const system = await startSystemOrExit({ name: 'signin' });
const { edge } = system;
const { apiCall, putStaff } = adminApi(system);
const { tellBot, askSignIn } = fakeZalo(system, { displayName: 'Cô Lan' });
const browser = await openBrowser(chromium, system);
const { context, page, requests, noSideScroll, accessible, shot } = browser;
const sessionCookie = async () => (await context.cookies(edge)).find((c) => c.name === 'thidua_session');
const currentYear = process.env.THIDUA_TEST_FAKETIME.slice(0, 4);

await step('set-up: a board member and a teacher; she links her Zalo with /lienket', async () => {
  await putStaff('bgh-lan',
    { name: 'Lê Thị Lan', unit_id: 'to-toan-tin', role: 'admin', gender: 'female', position: 'Phó hiệu trưởng' });
  await putStaff('gv-hoa', { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin', role: 'staff', gender: 'female' });
  const { code } = await apiCall('POST', `${N}/staff/bgh-lan/link-codes`);
  const answer = await tellBot('zu-lan', `/lienket ${code}`);
  check(answer.includes('Đã liên kết'), `linked: ${answer}`);
});

await step('the sign-in screen offers the code and says to send /dangnhap privately (360 px)', async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${edge}/admin/`);
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  check(await page.getByLabel('Mã đăng nhập').isVisible(), 'no code field');
  check((await text(page.locator('#code-hint'))).includes('nhắn /dangnhap cho bot Zalo của trường trong tin nhắn riêng'),
    `the hint: ${await text(page.locator('#code-hint'))}`);
  check(await page.getByLabel('Mã truy cập', { exact: true }).isVisible(), 'the token stays for admins and scripts');
  await noSideScroll(360);
  await accessible('the sign-in screen with the code (360 px)');
  await shot(page, 'signin-screen-360.png', { fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
});

let firstLink = '';
await step('/dangnhap in a private chat: the bot answers with a code and a link to the dashboard', async () => {
  const { answer, link } = await askSignIn('zu-lan', '/đăng nhập');
  firstLink = link;
  check(/[A-Z0-9]{4}-[A-Z0-9]{4}/.test(answer), `the code to type: ${answer}`);
  check(answer.includes('cô Lê Thị Lan'), `addressed as "cô": ${answer}`);
});

await step('opening the link signs her in: session cookie HttpOnly, SameSite=Strict, Path=/; the code leaves the URL', async () => {
  await page.goto(firstLink);
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  await eventually(async () => (await text(page.locator('#session-who'))) === 'Lê Thị Lan · Ban giám hiệu',
    'the header names her with her role');
  check(!page.url().includes('#ma='), `the code is still in the address: ${page.url()}`);
  const cookie = await sessionCookie();
  check(cookie, 'no session cookie');
  check(cookie.httpOnly && cookie.sameSite === 'Strict' && cookie.path === '/' && !cookie.secure,
    `cookie attributes: ${JSON.stringify(cookie)}`);
  check(!(await page.evaluate(() => document.cookie)).includes('thidua_session'), 'a script can read the cookie');
  check(await page.evaluate(() => sessionStorage.length + localStorage.length) === 0, 'something was stored');
  const exchange = requests.find((r) => r.method === 'POST' && r.url === `${edge}/api/nominations/v1/sessions`);
  check(exchange, 'the page exchanged the code');
  check(requests.every((r) => !/[?&]ma=/.test(r.url)), 'the code went to a server in a URL');
  await shot(page, 'signin-signed-in-1366.png');
});

await step('signed in by the cookie, she creates a nomination (a write through the edge, no token)', async () => {
  const before = requests.length;
  await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
  await page.getByRole('heading', { name: 'Tạo đề nghị khen thưởng' }).waitFor();
  await page.locator('#create-period').selectOption(currentYear);
  await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Chủ tịch UBND xã' });
  await page.getByRole('radio', { name: 'Cá nhân' }).check();
  await page.getByLabel('Cán bộ được đề nghị').selectOption({ label: 'Nguyễn Thị Hoa – Tổ Toán – Tin' });
  await page.getByLabel('Lý do, thành tích chính').fill('Xây dựng 12 bài giảng điện tử E-learning.');
  await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
  await eventually(async () => (await text(page.getByRole('status'))).includes('Đã tạo đề nghị số 1'),
    'notice "Đã tạo đề nghị số 1"');
  // "Trang của tôi" follows without a reload: the nomination she wrote is listed there.
  await eventually(async () => page.locator('#mypage-wrote-list li[data-id="1"]').isVisible(),
    '"Đề nghị cô đã lập" lists the new nomination');
  const list = await apiCall('GET', `${N}/nominations/1/history`);
  check(JSON.stringify(list).includes('bgh-lan'), `the history names her: ${JSON.stringify(list)}`);
  const api = requests.slice(before).filter((r) => r.url.includes('/api/'));
  check(api.length > 0 && api.every((r) => !r.headers.authorization), 'a request carried a token');
});

await step('a write with her cookie from another site is refused at the edge: 403 problem+json in Vietnamese', async () => {
  const cookie = await sessionCookie();
  const res = await fetch(`${edge}/api/nominations/v1/nominations`, {
    method: 'POST',
    headers: { Cookie: `thidua_session=${cookie.value}`, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ period: currentYear, award: 'gk_xa', subject_kind: 'individual', subject_id: 'gv-hoa' }),
  });
  check(res.status === 403, `status ${res.status}`);
  check(res.headers.get('content-type') === 'application/problem+json', res.headers.get('content-type'));
  const problem = await res.json();
  check(problem.code === 'cross_site_request' && /trang quản trị/.test(problem.detail), JSON.stringify(problem));
});

await step('an admin sees her session in the page and through the API', async () => {
  await page.getByLabel('Cán bộ', { exact: true }).selectOption('bgh-lan');
  await page.getByRole('button', { name: 'Xem phiên đăng nhập' }).click();
  await eventually(async () => (await page.locator('#sessions-list li').count()) === 1, 'one session listed');
  const { sessions } = await apiCall('GET', `${N}/staff/bgh-lan/sessions`);
  check(sessions.length === 1, `sessions: ${JSON.stringify(sessions)}`);
});

await step('"Đăng xuất" ends the session on the server and clears the cookie', async () => {
  const cookie = await sessionCookie();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  await eventually(async () => !(await sessionCookie()), 'the cookie is gone');
  const res = await fetch(`${edge}/api/nominations/v1/me`, { headers: { Cookie: `thidua_session=${cookie.value}` } });
  check(res.status === 401, `the old cookie still works: ${res.status}`);
  await page.reload();
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  check(!(await page.locator('#workspace').isVisible()), 'signed in again after reload');
});

await step('a code typed on the sign-in screen (lower case, with a space) signs her in', async () => {
  const { code } = await askSignIn('zu-lan', '/dangnhap');
  await page.getByLabel('Mã đăng nhập').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  await eventually(async () => (await text(page.locator('#session-who'))) === 'Lê Thị Lan · Ban giám hiệu',
    'signed in by the typed code');
  // The same code again, in a second tab: spent.
  const other = await context.newPage();
  await other.goto(`${edge}/admin/`);
  await other.context().clearCookies();
  await other.reload();
  await other.getByLabel('Mã đăng nhập').fill(code);
  await other.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await eventually(async () => (await text(other.locator('#alert'))).includes('không đúng, đã dùng hoặc đã hết hạn'),
    'a spent code is refused with the Vietnamese detail');
  await other.close();
});

await step('her session ends while she types: signed out at "Gửi", her text comes back when she signs in again', async () => {
  // The second tab above cleared the browser's cookies: this page's session is gone, and it
  // learns so only at its next request.
  const board = page.locator('#announcements');
  const typed = 'Kính gửi quý thầy cô: chiều nay họp tổ lúc 16 giờ.';
  await board.getByLabel('Nội dung tin nhắn').fill(typed);
  await board.getByRole('button', { name: 'Gửi vào nhóm' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  await eventually(async () => (await text(page.locator('#alert'))).includes('được giữ lại trên trình duyệt này'),
    'the page says the text is kept');
  const { link } = await askSignIn('zu-lan', '/dangnhap');
  await page.goto('about:blank');
  await page.goto(link);
  await eventually(async () => (await board.getByLabel('Nội dung tin nhắn').inputValue()) === typed,
    'the text is back in its box');
  await eventually(async () => (await text(page.locator('#notice'))).includes('Đã điền lại nội dung'),
    'the notice says so');
  check(await page.evaluate(() => localStorage.getItem('thidua.unsent')) === null, 'and it is forgotten');
  await board.getByLabel('Nội dung tin nhắn').fill('');
});

await step('a report section he had saved and typed on comes back; one a colleague changed since keeps the colleague\'s text', async () => {
  const year = await page.locator('#report-year').inputValue();
  const sections = `/api/reports/v1/school-reports/${encodeURIComponent(year)}/sections`;
  await apiCall('PATCH', sections, { situation: 'Trường có 18 lớp.', next_year: 'Mở rộng kho học liệu số.' });
  // Another board member (sign-in codes are at most 5 in 15 minutes a person).
  await putStaff('bgh-minh',
    { name: 'Trần Văn Minh', unit_id: 'to-toan-tin', role: 'admin', gender: 'male', position: 'Hiệu trưởng' });
  const { code } = await apiCall('POST', `${N}/staff/bgh-minh/link-codes`);
  check((await tellBot('zu-minh', `/lienket ${code}`)).includes('Đã liên kết'), 'linked');
  // She types into one section with her session ended by an admin; the save is refused and
  // she is signed out; then (or not) a colleague edits it; then she signs in again.
  const typeWhileEnded = async (key, typed, colleague) => {
    const { link } = await askSignIn('zu-minh', '/dangnhap');
    await page.goto('about:blank');
    await page.goto(link);
    const box = page.locator(`#school-section-${key}`);
    await eventually(async () => (await box.inputValue()) !== '', `the saved ${key} is shown`);
    const { sessions } = await apiCall('GET', `${N}/staff/bgh-minh/sessions`);
    for (const s of sessions) await apiCall('DELETE', `${N}/sessions/${s.id}`);
    await box.fill(typed);
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    if (colleague) await apiCall('PATCH', sections, { [key]: colleague });
    const again = await askSignIn('zu-minh', '/dangnhap');
    await page.goto('about:blank');
    await page.goto(again.link);
    await eventually(async () => (await text(page.locator('#session-who'))).startsWith('Trần Văn Minh'), 'signed in again');
    return box;
  };
  const mine = 'Trường có 18 lớp, 42 cán bộ, giáo viên.';
  const situation = await typeWhileEnded('situation', mine, null);
  await eventually(async () => (await situation.inputValue()) === mine, 'her text is back over what she had saved');
  await eventually(async () => (await apiCall('GET', `/api/reports/v1/school-reports/${encodeURIComponent(year)}`))
    .sections.situation === mine, 'and saved as typing would have');
  const theirs = 'Mở rộng kho học liệu số; thêm 5 bài giảng điện tử.';
  const next = await typeWhileEnded('next_year', 'Mở rộng kho học liệu số cho khối 6.', theirs);
  await page.waitForLoadState('networkidle');
  check(await next.inputValue() === theirs, `the colleague's text stays: ${await next.inputValue()}`);
  check(await page.evaluate(() => localStorage.getItem('thidua.unsent')) === null, 'nothing is kept after');
});

await step('demoted by an admin, her open page is signed out at its next request', async () => {
  // The second tab cleared the context's cookies: sign in again first.
  const { link } = await askSignIn('zu-lan', '/dangnhap');
  await page.goto('about:blank');
  await page.goto(link); // a fresh load this time (the first link changed only the fragment)
  await eventually(async () => (await text(page.locator('#session-who'))) === 'Lê Thị Lan · Ban giám hiệu',
    'signed in by the link');
  // The header is filled before the page's own loads finish: a demotion during them signs her
  // out before the click below could happen. Let the page settle first.
  await page.locator('#filters button[type="submit"]').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await putStaff('bgh-lan', { name: 'Lê Thị Lan', unit_id: 'to-toan-tin', role: 'staff', gender: 'female' });
  await page.locator('#filters button[type="submit"]').click();
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  check(!(await page.locator('#workspace').isVisible()), 'the workspace stays after the demotion');
  await shot(page, 'signin-ended-1366.png');
});

await step('no JavaScript errors; nothing requested outside the edge', async () => {
  const outside = requests.filter((r) => !r.url.startsWith(`${edge}/`) && !r.url.startsWith('data:'));
  check(outside.length === 0, `requests elsewhere: ${outside.map((r) => r.url)}`);
  check(browser.pageErrors.length === 0, `page errors: ${browser.pageErrors.join(' | ')}`);
});

await browser.close();
await stopAll();
summaryAndExit();
