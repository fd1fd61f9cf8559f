// The dashboard's steps about deadlines and the units' parts, run by dashboard.test.mjs in its
// one signed-in session, after the steps before them: "Nhắc hạn", a unit's part saved and
// reopened, the indicators, and a Zalo message that failed for good sent again.
import { text } from './browser.mjs';
import { check, eventually, step } from './system.mjs';

export default async function dashboardDeadlines({ page, zalo, apiCall, noticeSays, alertBox, dialogs, acceptNextDialog }) {
  // Issue 14: the "Nhắc hạn" card. The board adds a deadline the school owes itself, due in five
  // days, with the card's form (dates are counted from the services' own "today", so this holds
  // whenever it runs), then marks it done.
  await step('"Nhắc hạn": the board adds a deadline the school owes and marks it done; past reminders are sent, skipped or missed, never "Sắp tới"', async () => {
    const { today: todayIso } = await apiCall('GET', '/api/reports/v1/deadlines');
    const due = new Date(`${todayIso}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 5);
    const dueIso = due.toISOString().slice(0, 10);
    const card = page.locator('#reminders');
    await eventually(async () => card.isVisible(), 'the "Nhắc hạn" card, for the board');
    await card.getByRole('button', { name: 'Thêm hạn chót' }).click();
    const form = page.locator('#deadline-form');
    await form.getByLabel('Việc phải làm').fill('Tự đánh giá mức độ chuyển đổi số');
    await form.getByLabel('Gửi cho').fill('Sở Giáo dục và Đào tạo');
    await form.getByLabel('Ngày hạn (ngày/tháng/năm)').fill('31/02/2027');
    await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
    await eventually(async () => (await text(page.locator('#deadline-form-error'))).includes('ngày/tháng/năm'),
      'a date that does not exist is refused beside the form');
    const id = 'tu-danh-gia-muc-do-chuyen-doi-so';
    check(!(await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.some((x) => x.id === id), 'nothing stored');
    await form.getByLabel('Ngày hạn (ngày/tháng/năm)').fill(due.toISOString().slice(0, 10).split('-').reverse().join('/'));
    await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
    await noticeSays('Đã thêm hạn chót “Tự đánh giá mức độ chuyển đổi số”; lịch nhắc đã có hạn này.');
    check(await form.isHidden(), 'the form closes');
    const stored = (await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.find((x) => x.id === id);
    check(stored && stored.rule === 'once' && stored.date === dueIso && stored.owed_by === 'school'
      && stored.recipient === 'Sở Giáo dục và Đào tạo', `stored: ${JSON.stringify(stored)}`);
    const item = page.locator(`#reminder-deadlines li[data-deadline="${id}"]`);
    await eventually(async () => (await item.count()) === 1, 'the school\'s own deadline is listed');
    check((await text(item)).includes('Việc của nhà trường: chưa hoàn thành.'), `item: ${await text(item)}`);
    check(!(await text(item)).includes('Chưa nộp'), 'it names no unit');
    await item.getByRole('button', { name: 'Đánh dấu đã xong' }).click();
    await item.getByLabel('Ghi chú (nếu có)').fill('Nộp trên hệ thống của Sở.');
    await item.getByRole('button', { name: 'Xác nhận đã xong' }).click();
    const [y, m, d] = todayIso.split('-');
    await eventually(async () => (await text(page.locator(`#reminder-deadlines li[data-deadline="${id}"]`)))
      .includes(`Nhà trường đã hoàn thành ngày ${d}/${m}/${y} (Ban giám hiệu đã đánh dấu).`), 'marked done');
    const listed = await apiCall('GET', '/api/reports/v1/deadlines?count=1');
    const own = listed.deadlines.find((x) => x.id === id);
    check(own.occurrences[0].done && own.occurrences[0].done.note === 'Nộp trên hệ thống của Sở.',
      `done: ${JSON.stringify(own.occurrences[0].done)}`);
    // "Sửa" opens the same form with what is stored; a change keeps the rest as it was.
    await card.getByRole('button', { name: 'Sửa hạn chót Tự đánh giá mức độ chuyển đổi số' }).click();
    check(await form.getByLabel('Ngày hạn (ngày/tháng/năm)').inputValue() === `${dueIso.slice(8)}/${dueIso.slice(5, 7)}/${dueIso.slice(0, 4)}`,
      'the form shows the stored date');
    await form.getByLabel('Gửi cho').fill('Phòng Văn hóa – Xã hội');
    await form.getByRole('button', { name: 'Lưu hạn chót' }).click();
    await noticeSays('Đã lưu hạn chót “Tự đánh giá mức độ chuyển đổi số”.');
    const edited = (await apiCall('GET', '/api/reports/v1/deadlines')).deadlines.find((x) => x.id === id);
    check(edited.recipient === 'Phòng Văn hóa – Xã hội' && edited.date === dueIso && edited.rule === 'once',
      `edited: ${JSON.stringify(edited)}`);

    // The year's plan as the page shows it, against the service's own answer.
    const year = dueIso.slice(0, 4);
    await page.getByLabel('Lịch nhắc năm').selectOption(year);
    const group = page.locator(`#reminder-plan section[data-deadline="${id}"]`);
    await eventually(async () => (await group.locator('tbody tr').count()) > 0, 'its reminders are listed');
    const plan = await apiCall('GET', `/api/reports/v1/reminders/${year}`);
    const mine = plan.reminders.filter((r) => r.deadline_id === id);
    check(mine.some((r) => r.past), 'some of its reminders have passed (T-30, T-14, T-7)');
    const labels = { planned: 'Sắp tới', due: 'Đang gửi', sent: 'Đã gửi', skipped: 'Bỏ qua', missed: 'Bị lỡ' };
    const shown = {};
    for (const r of mine) {
      if (r.past) check(r.state !== 'planned', `${r.key} has passed yet is planned`);
      shown[r.key] = await text(group.locator(`tbody tr[data-key="${r.key}"] .badge`));
    }
    // The planner may record a state between the reads: the page shows the state of the
    // service's answer before it or of the one after it, and a past reminder is never "Sắp tới".
    const after = await apiCall('GET', `/api/reports/v1/reminders/${year}`);
    for (const r of mine) {
      const later = after.reminders.find((x) => x.key === r.key) || r;
      const allowed = [labels[r.state], labels[later.state]];
      check(allowed.includes(shown[r.key]), `${r.key}: "${shown[r.key]}", expected ${allowed.join(' or ')}`);
      if (r.past) check(shown[r.key] !== 'Sắp tới', `${r.key}: "${shown[r.key]}"`);
    }
    const missed = mine.find((r) => r.state === 'missed');
    if (missed) {
      const row = group.locator(`tbody tr[data-key="${missed.key}"]`);
      check((await text(row)).includes('hệ thống không chạy vào lúc nhắc'), `missed row: ${await text(row)}`);
    }
    check((await text(page.locator('#reminder-summary'))).startsWith(`Năm ${year}: `), 'a summary of the year');
    // A deadline whose reminders have all passed is folded to its line of counts; one with a
    // reminder to come is open (as the service says what has passed, not the browser's clock).
    const byKey = new Map(after.reminders.map((r) => [r.key, r]));
    for (const section of await page.locator('#reminder-plan section').all()) {
      const keys = await section.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => tr.dataset.key));
      const toCome = keys.some((k) => byKey.has(k) && !byKey.get(k).past);
      const open = await section.locator('details').evaluate((d) => d.open);
      check(open === toCome, `${keys[0]}…: open ${open}, a reminder to come ${toCome}`);
    }
    check(await group.locator('details').evaluate((d) => d.open), 'the deadline to come is open');
  });

  // Issue 14: a unit's part. "Lưu" sends only what was edited (PATCH): an edit made meanwhile by
  // someone else to another content area stays. The board reopens a submitted part with a reason.
  await step('"Phần báo cáo của tổ": saved as it is typed, each save sending only the edited fields; submit; the board reopens it with a reason', async () => {
    const year = await page.getByLabel('Năm báo cáo').inputValue();
    const card = page.locator('#part');
    await eventually(async () => card.isVisible(), 'the unit part card');
    await card.getByLabel('Tổ', { exact: true }).selectOption('to-ngu-van');
    await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Chưa có phần báo cáo'),
      'an empty part for Tổ Ngữ văn');
    const patches = [];
    const listen = (r) => {
      if (r.method() === 'PATCH' && r.url().includes('/contributions/')) patches.push(JSON.parse(r.postData()));
    };
    page.on('request', listen);
    // Typed, then a pause: saved with no button pressed.
    await card.getByLabel('Nội dung II.4').fill('Tổ soạn 14 bài giảng điện tử.');
    await eventually(async () => /^Đang soạn · đã lưu lúc /.test(await text(page.locator('#part-status'))),
      `saved while typing: ${await text(page.locator('#part-status'))}`);
    // Saved once, the part exists and can be submitted, without a reload or "Lưu".
    check(await card.getByRole('button', { name: 'Nộp phần báo cáo' }).isVisible(),
      '"Nộp phần báo cáo" shows once the new part is saved');
    // Meanwhile a colleague writes another area through the API.
    await apiCall('PATCH', `/api/reports/v1/contributions/${year}/to-ngu-van`,
      { narratives: { 'II.1': 'Sinh hoạt chuyên môn về AI.' }, figures: { it_ai_stem_meetings: 2 } });
    await card.locator('input[data-indicator="e_lessons"]').fill('14');
    await card.getByLabel('Khó khăn, vướng mắc').focus(); // leaving the field saves it at once
    await eventually(async () => patches.length === 2, `two saves: ${JSON.stringify(patches)}`);
    page.off('request', listen);
    check(JSON.stringify(patches) === JSON.stringify([
      { narratives: { 'II.4': 'Tổ soạn 14 bài giảng điện tử.' } }, { figures: { e_lessons: 14 } },
    ]), `each save sends only what was edited: ${JSON.stringify(patches)}`);
    await eventually(async () => (await apiCall('GET', `/api/reports/v1/contributions/${year}/to-ngu-van`))
      .figures.e_lessons === 14, 'the figure is saved');
    const part = await apiCall('GET', `/api/reports/v1/contributions/${year}/to-ngu-van`);
    check(part.narratives['II.1'] === 'Sinh hoạt chuyên môn về AI.' && part.figures.it_ai_stem_meetings === 2,
      `the colleague's edit stays: ${JSON.stringify(part)}`);
    check(part.narratives['II.4'] === 'Tổ soạn 14 bài giảng điện tử.', 'the text is saved');
    // A count the service would refuse is marked at its field and left out: the text written
    // beside it is saved all the same, and "Lưu" names the field.
    const lessons = card.locator('input[data-indicator="e_lessons"]');
    await lessons.fill('-3');
    await card.getByLabel('Nội dung II.5').fill('Tổ có 2 sáng kiến.');
    await card.getByLabel('Khó khăn, vướng mắc').focus();
    const stored = () => apiCall('GET', `/api/reports/v1/contributions/${year}/to-ngu-van`);
    await eventually(async () => (await stored()).narratives['II.5'] === 'Tổ có 2 sáng kiến.',
      'the text beside a wrong count is saved');
    check((await stored()).figures.e_lessons === 14, 'the wrong count is not saved');
    check((await text(card.locator('#part-fig-e_lessons-error'))).includes('số nguyên từ 0 đến 1.000.000'),
      'the wrong count is marked at its field');
    await card.getByRole('button', { name: 'Lưu', exact: true }).click();
    await eventually(async () => (await text(page.locator('#alert'))).includes('số nguyên từ 0 đến 1.000.000'),
      '"Lưu" names the wrong count');
    await lessons.fill('14');
    // A box near its limit says how much room is left; a paste longer than the room says
    // that its end was not kept (the box once dropped it unseen).
    const hard = card.getByLabel('Khó khăn, vướng mắc');
    await hard.fill('x'.repeat(3700));
    await eventually(async () => (await text(page.locator('#part-difficulties-length'))) === 'Còn 300 ký tự (tối đa 4.000).',
      `the room left: ${await text(page.locator('#part-difficulties-length'))}`);
    await hard.evaluate((box) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'y'.repeat(500));
      box.setSelectionRange(box.value.length, box.value.length);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await eventually(async () => (await text(page.locator('#part-difficulties-length'))).includes('(200 ký tự) không được giữ'),
      `a paste cut to fit is said: ${await text(page.locator('#part-difficulties-length'))}`);
    await hard.fill('');
    // "Lưu" saves at once and shows the part as stored, the colleague's area too.
    await card.getByLabel('Khó khăn, vướng mắc').fill('Thiếu máy chiếu.');
    await card.getByRole('button', { name: 'Lưu', exact: true }).click();
    await eventually(async () => (await card.getByLabel('Nội dung II.1').inputValue()) === 'Sinh hoạt chuyên môn về AI.',
      'the form shows the colleague\'s area after "Lưu"');
    // "Nộp" asks first: cancelled, nothing is handed in; confirmed, the part is.
    const asked = dialogs.length;
    await card.getByRole('button', { name: 'Nộp phần báo cáo' }).click();
    await eventually(async () => dialogs.length === asked + 1, 'the page asks before handing the part in');
    check(dialogs[asked].includes('Sau khi nộp, tổ không sửa được nữa'), `the question: ${dialogs[asked]}`);
    check(!(await text(page.locator('#part-status'))).startsWith('Đã nộp'), 'cancelled: not submitted');
    acceptNextDialog();
    await card.getByRole('button', { name: 'Nộp phần báo cáo' }).click();
    await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Đã nộp'), 'submitted');
    // The cards that count the parts follow without a reload (they once stayed at "Chưa nộp").
    const counted = page.locator('#report-units li[data-unit="to-ngu-van"] .badge');
    await eventually(async () => (await text(counted)) === 'Đã nộp', '"Báo cáo năm của các tổ" counts the part');
    await card.getByLabel('Lý do mở lại (tổ sẽ sửa và nộp lại)').fill('Thiếu số liệu nội dung II.2.');
    await card.getByRole('button', { name: 'Mở lại' }).click();
    await eventually(async () => (await text(page.locator('#part-status'))).startsWith('Đang soạn'), 'reopened');
    await eventually(async () => (await text(counted)) === 'Đang soạn', '"Báo cáo năm của các tổ" follows the reopening');
    const history = await text(page.locator('#part-history'));
    check(history.includes('Đã nộp') && history.includes('Ban giám hiệu mở lại')
      && history.includes('lý do: Thiếu số liệu nội dung II.2.'), `history: ${history}`);
    // Who did it, by name: here the bootstrap token's holder, as the services name them.
    check(history.includes('Quản trị (khởi tạo)') && !history.includes('bootstrap-admin'), `who: ${history}`);
  });

  // Issue 14: the indicators are data the board edits per year. A new one appears in the unit's
  // part at once; one a unit has counted cannot be dropped, and the page says why in Vietnamese.
  await step('"Chỉ số báo cáo": the board adds an indicator for II.2, units count it, a counted one stays', async () => {
    const year = await page.getByLabel('Năm báo cáo').inputValue();
    const card = page.locator('#indicators');
    await eventually(async () => card.isVisible(), 'the indicators card');
    await eventually(async () => (await card.locator('#indicators-rows tr').count()) >= 7, 'the plan\'s list');
    await card.getByRole('button', { name: 'Thêm chỉ số' }).click();
    const added = card.locator('#indicators-rows tr').last();
    await added.getByLabel('Tên chỉ số').fill('Bảng tương tác được lắp mới');
    await added.getByLabel('Nội dung').selectOption('II.2');
    await added.getByLabel('Đơn vị tính').fill('chiếc');
    await card.getByRole('button', { name: 'Lưu danh sách' }).click();
    await eventually(async () => (await text(page.locator('#notice'))).includes('chỉ số của năm'), 'saved');
    const saved = await apiCall('GET', `/api/reports/v1/indicators/${year}`);
    const board = saved.indicators.find((i) => i.label === 'Bảng tương tác được lắp mới');
    check(saved.edited && board && board.code === 'bang_tuong_tac_duoc_lap_moi' && board.area === 'II.2'
      && board.unit === 'chiếc', `the new indicator: ${JSON.stringify(saved)}`);

    // The unit's part offers it, with its unit of measure.
    await page.locator('#part-unit').selectOption('to-ngu-van');
    const input = page.locator(`#part input[data-indicator="${board.code}"]`);
    await eventually(async () => (await input.count()) === 1, 'the part offers the new indicator');
    check((await text(page.locator(`label[for="part-fig-${board.code}"]`))).includes('chiếc, II.2'), 'label with its unit');

    // Tổ Ngữ văn counted e-lessons above: dropping that indicator is refused and nothing changes.
    const row = card.locator('#indicators-rows tr[data-code="e_lessons"]');
    await row.getByRole('button', { name: 'Bỏ' }).click();
    await card.getByRole('button', { name: 'Lưu danh sách' }).click();
    await eventually(async () => /không bỏ được/.test(await text(alertBox)),
      'the refusal in Vietnamese');
    const after = await apiCall('GET', `/api/reports/v1/indicators/${year}`);
    check(after.indicators.some((i) => i.code === 'e_lessons'), 'e_lessons is still on the list');
  });

  await step('a Zalo message that failed for good is listed for the admin and sent again from the page', async () => {
    const fail = await fetch(`${zalo}/__fake/fail`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'http401', count: 1, method: 'sendMessage' }),
    });
    check(fail.ok, `arming the fake's failure: ${fail.status}`);
    const message = 'Nhắc: các tổ gửi phần báo cáo năm trước ngày 20/10.';
    const queued = await apiCall('POST', '/api/notifications/v1/messages', { target: 'group', text: message });
    await eventually(async () => (await apiCall('GET', '/api/notifications/v1/dead-letters')).items
      .some((m) => m.id === queued.id), 'the message becomes a dead letter after Zalo\'s 401');

    await page.getByRole('button', { name: 'Tải lại' }).click();
    const row = page.locator(`#outbox-list li[data-id="${queued.id}"]`);
    await eventually(async () => (await text(row)).includes(message), 'the failed message is listed with its text');
    check(/Nhóm cán bộ · 1 lần thử/.test(await text(row)), `target and attempts: ${await text(row)}`);
    await row.getByRole('button', { name: 'Gửi lại' }).click();
    await eventually(async () => (await text(page.getByRole('status'))).includes(`Đã xếp tin nhắn ${queued.id}`),
      'the notice says it was queued again');
    await eventually(async () => page.locator('#outbox-empty').isVisible(), '"Không có tin nhắn nào gửi lỗi."');
    await eventually(async () => {
      const calls = await (await fetch(`${zalo}/__fake/calls`)).json();
      return calls.some((c) => c.method === 'sendMessage' && c.outcome === 'ok' && c.text.startsWith(message)
        && c.chat_id === 'nhom-can-bo');
    }, 'the fake Zalo got the message on the retry');
  });
}
