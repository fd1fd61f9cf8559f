// How "Nhắc hạn" (reminders.mjs) words the plan and the deadlines: the states and reasons of
// a reminder, who it went to, and who still owes a deadline. Kept apart from the card's
// rendering so that each file stays readable on its own.

// The plan's states and reasons (proto/openapi/reports.yaml, Reminder) as the board reads them.
export const PLAN_STATES = {
  planned: 'Sắp tới',
  due: 'Đang gửi',
  sent: 'Đã gửi',
  skipped: 'Bỏ qua',
  missed: 'Bị lỡ',
};
export const PLAN_REASONS = {
  stale: 'hệ thống không chạy vào lúc nhắc và đã quá thời gian gửi bù',
  superseded: 'hệ thống không chạy vào lúc nhắc; lần nhắc sau đã gửi thay',
  nothing_owed: 'không còn ai nợ',
  all_submitted: 'các đơn vị đã nộp đủ',
  rejected: 'dịch vụ tin nhắn từ chối',
  no_recipient: 'không có ai để gửi (chưa liên kết Zalo hoặc đã tắt nhắc)',
  group_only: 'chỉ nhắc riêng tổ trưởng, mà cấu hình chỉ gửi nhóm',
};
const OUTCOMES = {
  sent: 'đã gửi',
  reminders_off: 'đã tắt nhắc',
  not_linked: 'chưa liên kết Zalo',
  rejected: 'bị từ chối',
};

export function offsetText(r) {
  if (r.days_before === 0) return 'Ngày hạn';
  if (r.days_before > 0) return `Trước ${r.days_before} ngày`;
  return `Quá hạn ${-r.days_before} ngày`;
}

// Who got it: "nhóm, 2 tổ trưởng đã gửi · 1 chưa liên kết Zalo".
function deliveriesText(list) {
  if (!Array.isArray(list) || list.length === 0) return '';
  const counts = {};
  let group = false;
  for (const d of list) {
    if (d.to === 'group') {
      if (d.outcome === 'sent') group = true;
      continue;
    }
    counts[d.outcome] = (counts[d.outcome] || 0) + 1;
  }
  const parts = [];
  if (group) parts.push('nhóm cán bộ');
  for (const [outcome, n] of Object.entries(counts)) {
    parts.push(`${n} tổ trưởng ${OUTCOMES[outcome] || outcome}`);
  }
  return parts.join(' · ');
}

export function detailText(r) {
  const parts = [];
  if (r.reason) parts.push(PLAN_REASONS[r.reason] || r.reason);
  if (r.state === 'sent') {
    const who = deliveriesText(r.deliveries);
    if (who) parts.push(`gửi: ${who}`);
  }
  if (r.state === 'due' && r.last_error) parts.push('chưa gửi được, sẽ thử lại');
  if (r.state === 'planned' && r.conditional) parts.push('chỉ gửi khi còn người nợ');
  return parts.join('; ');
}

// A unit that has not all registered, in counts (the names are for its leader, on the
// "Đăng ký thi đua" card): "Tổ Toán – Tin: còn 3 thầy cô chưa đăng ký".
function registrationGap(u) {
  if (!u.unit_registered && u.unregistered > 0) return `${u.name}: tập thể và ${u.unregistered} thầy cô chưa đăng ký`;
  if (!u.unit_registered) return `${u.name}: tập thể chưa đăng ký`;
  return `${u.name}: còn ${u.unregistered} thầy cô chưa đăng ký`;
}

// A deadline owed by registrations (issue 14): the units that still owe, with counts, and
// how many registrations handed in wait for their leader (or the board) to confirm them.
function registrationText(o, unitsAvailable) {
  const reg = o.registration;
  if (!unitsAvailable || !reg || !reg.available || !Array.isArray(reg.units)) {
    return 'Chưa đọc được danh sách đăng ký thi đua.';
  }
  const owing = reg.units.filter((u) => !u.done);
  const waiting = reg.units.reduce((n, u) => n + (u.awaiting_confirmation || 0), 0);
  const wait = waiting > 0 ? ` Bản đã gửi, chờ xác nhận: ${waiting}.` : '';
  if (owing.length === 0) return `Các đơn vị và thầy cô đã đăng ký thi đua năm ${reg.year}.${wait}`;
  return `Chưa đăng ký đủ (${owing.length}): ${owing.map(registrationGap).join('; ')}.${wait}`;
}

export function owingText(d, o, unitsAvailable) {
  if (d.owed_by === 'registrations') return registrationText(o, unitsAvailable);
  if (d.owed_by === 'school') {
    if (o.done) {
      const how = o.done.via === 'yearly_report' ? 'báo cáo năm đã gửi' : 'Ban giám hiệu đã đánh dấu';
      const number = o.done.number ? `, số ${o.done.number}` : '';
      return `Nhà trường đã hoàn thành ngày ${o.done.done_on_vn}${number} (${how}).`;
    }
    return 'Việc của nhà trường: chưa hoàn thành.';
  }
  if (!unitsAvailable || !Array.isArray(o.missing)) return 'Chưa đọc được danh sách đơn vị.';
  const own = o.unit_due_date_vn ? ` Hạn nộp của các tổ: ${o.unit_due_date_vn}.` : '';
  if (o.missing.length === 0) return `Các đơn vị đã nộp đủ.${own}`;
  return `Chưa nộp (${o.missing.length}): ${o.missing.map((u) => u.name).join(', ')}.${own}`;
}
