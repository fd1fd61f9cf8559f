// The dashboard's steps about nominations, run by dashboard.test.mjs in its one signed-in
// session, after the steps before them: staff and a nomination created, an initiative, the
// quota, refusals with the service's detail, filters and paging, a second award form.
import { text } from './browser.mjs';
import { check, eventually, step } from './system.mjs';

export default async function dashboardNominations({ page, edge, apiCall, alertBox, currentYear, statusInList, quotaCell }) {
  await step('staff created through the API appear in the create form; names are inserted as text', async () => {
    await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-hoa',
      { name: 'Nguyễn Thị Hoa', unit_id: 'to-toan-tin' });
    await apiCall('PUT', '/api/nominations/v1/catalogue/staff/gv-xss',
      { name: 'Lê <img src=x onerror="window.__xss=1">Cường', unit_id: 'to-toan-tin' });
    await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
    await page.getByRole('heading', { name: 'Tạo đề nghị khen thưởng' }).waitFor();
    const subject = page.getByLabel('Cán bộ được đề nghị');
    await eventually(async () => (await subject.locator('option').allTextContents())
      .includes('Nguyễn Thị Hoa – Tổ Toán – Tin'), 'staff option "Nguyễn Thị Hoa – Tổ Toán – Tin"');
    const options = await subject.locator('option').allTextContents();
    check(options.some((o) => o.includes('<img src=x')), `markup should be shown as text: ${options}`);
    check(await page.locator('#create-subject img, img').count() === 0, 'an <img> element was created');
    check(await page.evaluate(() => window.__xss) === undefined, 'injected handler ran');
  });

  await step('create a nomination through the form: listed with status "Nháp"', async () => {
    await page.locator('#create-period').selectOption(currentYear);
    await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Chủ tịch UBND xã' });
    await page.getByRole('radio', { name: 'Cá nhân' }).check();
    await page.getByLabel('Cán bộ được đề nghị').selectOption({ label: 'Nguyễn Thị Hoa – Tổ Toán – Tin' });
    await page.getByLabel('Lý do, thành tích chính').fill(
      'Xây dựng 12 bài giảng điện tử E-learning; đóng góp 30 học liệu số cho kho học liệu của trường.');
    await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
    await eventually(async () => (await text(page.getByRole('status'))).includes('Đã tạo đề nghị số 1'),
      'notice "Đã tạo đề nghị số 1"');
    await eventually(async () => (await text(statusInList('1'))) === 'Nháp', 'row 1 with badge "Nháp"');
    const row = page.locator('#nomination-table tbody tr[data-id="1"]');
    check((await text(row)).includes('Nguyễn Thị Hoa'), 'row shows the subject');
    check((await text(row)).includes('Giấy khen của Chủ tịch UBND xã'), 'row shows the award');
    const stored = await apiCall('GET', '/api/nominations/v1/nominations/1');
    check(stored.status === 'draft' && stored.subject_id === 'gv-hoa' && stored.period === currentYear,
      `stored nomination: ${JSON.stringify(stored)}`);
    // A reason is corrected in the detail while the nomination is a draft (it once had to be
    // withdrawn and written again under a new number).
    const corrected = `${stored.reason} Được chọn dạy minh hoạ cấp huyện.`;
    await page.getByLabel('Sửa lý do đề nghị').fill(corrected);
    await page.getByRole('button', { name: 'Lưu lý do' }).click();
    await eventually(async () => (await apiCall('GET', '/api/nominations/v1/nominations/1')).reason === corrected,
      'the corrected reason is stored');
    await eventually(async () => (await text(page.locator('#detail-facts'))).includes('Được chọn dạy minh hoạ cấp huyện.'),
      'the detail shows the corrected reason');
  });

  await step('"Đổi kỳ, hình thức hoặc đối tượng": the draft opens in the form, filled; its award is changed and back', async () => {
    const stored = await apiCall('GET', '/api/nominations/v1/nominations/1');
    const change = async (award) => {
      await page.locator('#detail').getByRole('button', { name: 'Đổi kỳ, hình thức hoặc đối tượng' }).click();
      await page.locator('#create').waitFor({ state: 'visible' });
      await eventually(async () => (await text(page.locator('#create-heading'))) === 'Sửa đề nghị số 1 (nháp)',
        'the form names the draft');
      const form = page.locator('#create-form');
      check(await form.locator('#create-period').inputValue() === stored.period, 'its period chosen');
      check(await form.locator('#create-subject').inputValue() === 'gv-hoa', 'its subject chosen');
      check(await form.locator('#create-reason').inputValue() === stored.reason, 'its reason in the box');
      await page.getByLabel('Hình thức khen thưởng').selectOption(award);
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await eventually(async () => (await apiCall('GET', '/api/nominations/v1/nominations/1')).award === award,
        `the award ${award} is stored`);
      await page.locator('#detail').waitFor({ state: 'visible' });
      check(await page.locator('#create').isHidden(), 'the form gives way to the detail');
    };
    await change('gk_ht');
    await eventually(async () => (await text(page.locator('#detail-facts'))).includes('Giấy khen của Hiệu trưởng'),
      'the detail shows the new award');
    check((await text(page.getByRole('status'))).includes('Đã lưu thay đổi của đề nghị số 1'), 'the notice says so');
    await change('gk_xa');
    const after = await apiCall('GET', '/api/nominations/v1/nominations/1');
    check(after.reason === stored.reason && after.subject_id === 'gv-hoa' && after.status === 'draft',
      `the rest is as it was: ${JSON.stringify(after)}`);
    // "Tạo đề nghị mới" afterwards is a new nomination again, with an empty reason.
    await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
    await eventually(async () => (await text(page.locator('#create-heading'))) === 'Tạo đề nghị khen thưởng', 'a new one');
    check(await page.locator('#create-reason').inputValue() === '', 'the reason box is empty');
    await page.locator('#create-close').click();
    await page.locator('#create').waitFor({ state: 'hidden' });
  });

  await step('the board records an initiative, recognises it, and the website shows it by name', async () => {
    const section = page.locator('#initiatives');
    await section.getByRole('button', { name: 'Cập nhật sổ' }).click();
    const form = page.locator('#initiative-form');
    await eventually(async () => (await form.getByLabel('Tác giả (chọn một hoặc nhiều người)')
      .locator('option').allTextContents()).includes('Nguyễn Thị Hoa'), 'staff are offered as authors');
    // Recognised without its decision: the service's Vietnamese answer, nothing recorded.
    await form.getByLabel('Tên sáng kiến, giải pháp').fill('Kho bài giảng điện tử dùng chung của tổ Toán – Tin');
    await form.getByLabel('Tác giả (chọn một hoặc nhiều người)').selectOption({ label: 'Nguyễn Thị Hoa' });
    await form.getByLabel('Năm', { exact: true }).selectOption(currentYear);
    await form.getByLabel('Tóm tắt: sáng kiến thay đổi gì, áp dụng ở đâu').fill('40 bài giảng dùng chung cho khối 6–9.');
    await form.getByLabel('Cấp công nhận').selectOption('co_so');
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await eventually(async () => (await text(alertBox)).includes('cần số và ngày của quyết định công nhận'),
      'the decision is asked for');
    check(await page.locator('#initiatives-list li').count() === 0, 'nothing was recorded');

    // A date in the past whatever the services' clock says (THIDUA_TEST_FAKETIME).
    await form.getByLabel('Số quyết định').fill('15/QĐ-THCSVP1');
    await form.getByLabel('Ngày quyết định').fill('2025-12-01');
    await form.getByLabel('Nơi ban hành').fill('Hiệu trưởng Trường THCS Vĩnh Phong 1');
    await form.getByLabel('Đăng lên trang web của trường').check();
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await eventually(async () => (await text(page.locator('#notice'))).includes('vào sổ'), 'the notice');
    const item = page.locator('#initiatives-list li').first();
    check(/Công nhận cấp cơ sở theo Quyết định số 15\/QĐ-THCSVP1/.test(await text(item)), await text(item));
    check((await text(item)).includes('đăng trên trang web'), 'shown as public');
    const site = await (await fetch(`${edge}/api/nominations/v1/public/initiatives`)).json();
    check(site.items.length === 1 && site.items[0].authors[0] === 'Nguyễn Thị Hoa',
      `the website's list: ${JSON.stringify(site)}`);
    check(!JSON.stringify(site).includes('gv-hoa'), 'no staff id on the website');
  });

  await step('open it, click "Trình Hội đồng": status "Đã trình Hội đồng" and the quota shows 1 used', async () => {
    await page.getByRole('button', { name: 'Xem đề nghị số 1', exact: true }).click();
    await page.getByRole('heading', { name: 'Đề nghị số 1', exact: true }).waitFor();
    check(await text(page.locator('#detail-status')) === 'Nháp', 'detail status Nháp');
    const actions = await page.locator('#detail-actions button').allTextContents();
    check(JSON.stringify(actions) === JSON.stringify(['Trình Hội đồng', 'Rút đề nghị']),
      `actions for a draft: ${actions}`);
    check((await page.locator('#detail-dossier li').count()) === 3, 'dossier checklist has 3 items');
    await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã trình Hội đồng',
      'detail status "Đã trình Hội đồng"');
    await eventually(async () => (await text(statusInList('1'))) === 'Đã trình Hội đồng', 'list badge');
    const cell = quotaCell('gk_xa', 'individual');
    await eventually(async () => (await text(cell.locator('.q-used'))) === '1', 'quota gk_xa individual used 1');
    check(await text(cell.locator('.q-remaining')) === 'còn 1 chỉ tiêu', 'remaining 1');
    check((await text(page.locator('#detail-history'))).includes('Trình Hội đồng'), 'history entry');
    const stored = await apiCall('GET', '/api/nominations/v1/nominations/1');
    check(stored.status === 'submitted', `service has status ${stored.status}`);
    const quotas = await apiCall('GET', `/api/nominations/v1/quotas?period=${currentYear}`);
    const q = quotas.items.find((i) => i.award === 'gk_xa' && i.subject_kind === 'individual');
    check(q.used === 1 && q.remaining === 1, `service quota: ${JSON.stringify(q)}`);
  });

  await step('a refused action ("Thông qua" with no council vote) shows the Vietnamese detail in the alert', async () => {
    await page.getByRole('button', { name: 'Đưa ra Hội đồng xét' }).click();
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Hội đồng đang xét',
      'status "Hội đồng đang xét"');
    await page.getByRole('button', { name: 'Thông qua', exact: true }).click();
    await eventually(async () => (await text(alertBox))
      .includes('Hội đồng chưa biểu quyết đề nghị này; hãy ghi kết quả biểu quyết trước.'),
    'alert with the vote_does_not_support detail');
    check(await page.getByRole('alert').filter({ hasText: 'Hội đồng chưa biểu quyết' }).isVisible(),
      'role=alert not visible');
    check(await text(page.locator('#detail-status')) === 'Hội đồng đang xét', 'status changed anyway');
    check((await apiCall('GET', '/api/nominations/v1/nominations/1')).status === 'under_review', 'service status');
  });

  await step('a duplicate nomination is refused with the service\'s detail', async () => {
    await page.getByRole('button', { name: 'Tạo đề nghị mới' }).click();
    await page.locator('#create-period').selectOption(currentYear);
    await page.getByLabel('Hình thức khen thưởng').selectOption('gk_xa');
    await page.getByLabel('Cán bộ được đề nghị').selectOption('gv-hoa');
    await page.getByRole('button', { name: 'Lưu đề nghị (nháp)' }).click();
    await eventually(async () => /Nguyễn Thị Hoa đã có đề nghị số 1 cho Giấy khen của Chủ tịch UBND xã/
      .test(await text(alertBox)), 'alert with the duplicate_nomination detail');
    await page.getByRole('button', { name: 'Ẩn thông báo' }).click();
    check(await text(alertBox) === '', 'alert dismissed');
    await page.locator('#create-close').click();
  });

  await step('"Không thông qua" asks for a reason in a dialog (empty refused, then recorded)', async () => {
    const created = await apiCall('POST', '/api/nominations/v1/nominations', {
      period: currentYear, award: 'bk_tinh', subject_kind: 'collective', subject_id: 'to-ngu-van',
      reason: 'Tổ chức 4 chuyên đề ứng dụng AI trong dạy học Ngữ văn.',
    });
    await apiCall('POST', `/api/nominations/v1/nominations/${created.id}/transitions`, { action: 'submit' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByRole('button', { name: `Xem đề nghị số ${created.id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Đề nghị số ${created.id}`, exact: true }).waitFor();
    await page.locator('#detail-actions').getByRole('button', { name: 'Không thông qua' }).click();
    const dialog = page.getByRole('dialog', { name: 'Không thông qua' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Không thông qua' }).click();
    await eventually(async () => (await text(dialog.getByRole('alert'))).includes('Hãy nhập'),
      'the dialog asks for the reason');
    await dialog.getByLabel('Lý do không thông qua').fill('Chưa đủ minh chứng về kho học liệu số.');
    await dialog.getByRole('button', { name: 'Không thông qua' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Không được thông qua',
      'status "Không được thông qua"');
    check((await text(page.locator('#detail-facts'))).includes('Chưa đủ minh chứng về kho học liệu số.'),
      'the reason is shown');
    // It goes no further: what its dossier lacks is not shown as still owed.
    const dossier = await text(page.locator('#detail-dossier'));
    check(!dossier.includes('Chưa đủ') && dossier.includes('Không cần bổ sung: đã nhận 0/'),
      `the dossier of a nomination not passed: ${dossier}`);
    check(await page.locator('#detail-dossier .dossier-missing').count() === 0, 'nothing marked missing');
    const stored = await apiCall('GET', `/api/nominations/v1/nominations/${created.id}`);
    check(stored.status === 'rejected' && stored.outcome.rejection.reason.startsWith('Chưa đủ'), 'service state');
  });

  await step('filters (status, award) and paging with next_after', async () => {
    // Ten more drafts (collectives), so that 12 nominations exist: 10 drafts, 1 under review, 1 rejected.
    const units = ['to-toan-tin', 'to-ngu-van', 'to-khtn', 'to-khxh', 'to-ngoai-ngu'];
    for (const award of ['gk_ht', 'gk_xa']) {
      for (const unit of units) {
        await apiCall('POST', '/api/nominations/v1/nominations', {
          period: currentYear, award, subject_kind: 'collective', subject_id: unit,
          reason: 'Đơn vị đạt các tiêu chí chuyển đổi số của kế hoạch.',
        });
      }
    }
    await page.getByLabel('Số dòng mỗi trang').selectOption('10');
    await page.getByRole('button', { name: 'Lọc' }).click();
    const rows = page.locator('#nomination-table tbody tr');
    await eventually(async () => (await rows.count()) === 10, '10 rows on page 1');
    check(await page.locator('#page-next').isEnabled(), '"Trang sau" enabled');
    check(await page.locator('#page-prev').isDisabled(), '"Trang trước" disabled on page 1');
    const first = await rows.first().getAttribute('data-id');
    const lastOnPage1 = Number(await rows.last().getAttribute('data-id'));
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await eventually(async () => (await text(page.locator('#page-info'))) === 'Trang 2', 'page 2');
    await eventually(async () => (await rows.count()) === 2, '2 rows on page 2');
    check(await page.locator('#page-next').isDisabled(), 'no page 3');
    check(Number(await rows.first().getAttribute('data-id')) > lastOnPage1, 'page 2 starts after the cursor');
    await page.getByRole('button', { name: 'Trang trước' }).click();
    await eventually(async () => (await rows.first().getAttribute('data-id')) === first, 'back on page 1');

    await page.getByLabel('Trạng thái').selectOption({ label: 'Nháp' });
    await page.getByLabel('Hình thức', { exact: true }).selectOption('gk_xa');
    await page.getByLabel('Số dòng mỗi trang').selectOption('20');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await eventually(async () => (await rows.count()) === 5, '5 gk_xa drafts');
    const badges = await page.locator('#nomination-table tbody .badge').allTextContents();
    check(badges.every((b) => b === 'Nháp'), `badges: ${badges}`);
    await page.getByLabel('Trạng thái').selectOption('');
    await page.getByLabel('Hình thức', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await eventually(async () => (await rows.count()) === 12, 'all 12 again');
  });

  await step('a second award form for the same person: refused, then the board submits it with an exception', async () => {
    const created = await apiCall('POST', '/api/nominations/v1/nominations', {
      period: currentYear, award: 'bk_bo', subject_kind: 'individual', subject_id: 'gv-hoa',
      reason: 'Giải nhất thi giáo viên dạy giỏi cấp tỉnh',
    });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByRole('button', { name: `Xem đề nghị số ${created.id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Đề nghị số ${created.id}`, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
    await eventually(async () => (await text(alertBox)).includes('Một thành tích chỉ đề nghị một hình thức khen thưởng'),
      'the one_award_per_period detail is shown');
    const dialog = page.getByRole('dialog', { name: 'Trình kèm lý do ngoại lệ' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Lý do ngoại lệ/).fill('Thành tích thi giáo viên giỏi cấp tỉnh, khác với đề nghị số 1');
    await dialog.getByRole('button', { name: 'Trình kèm lý do ngoại lệ' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => (await text(page.locator('#detail-status'))) === 'Đã trình Hội đồng',
      'submitted with the exception');
    const stored = await apiCall('GET', `/api/nominations/v1/nominations/${created.id}`);
    check(stored.outcome.award_exception && stored.outcome.award_exception.reason.includes('giáo viên giỏi'),
      `exception recorded: ${JSON.stringify(stored.outcome)}`);
    await eventually(async () => (await text(page.locator('#detail-facts'))).includes('Ngoại lệ một thành tích, một hình thức'),
      'the detail shows the board\'s exception');
    await page.getByRole('button', { name: 'Ẩn thông báo' }).click().catch(() => {});
  });
}
