// How a nomination's workflow is shown: statuses, the actions and records people are offered
// (and what each asks for in the dialog), the history's words. Same labels as
// services/nominations/domain/workflow.cpp; which actions a person is offered is the
// service's decision.

export const STATUSES = [
  ['draft', 'Nháp'],
  ['submitted', 'Đã trình Hội đồng'],
  ['under_review', 'Hội đồng đang xét'],
  ['approved', 'Hội đồng đã thông qua'],
  ['rejected', 'Không được thông qua'],
  ['forwarded', 'Đã gửi cấp khen thưởng'],
  ['awarded', 'Đã được khen thưởng'],
  ['not_awarded', 'Không được khen thưởng'],
  ['withdrawn', 'Đã rút'],
];
export const statusLabel = (s) => (STATUSES.find(([k]) => k === s) || [s, s])[1];

export const SUBJECT_KINDS = { individual: 'Cá nhân', collective: 'Tập thể' };

// How each workflow action is shown and what it asks for (`fields`, in a dialog). Which
// actions a person is offered is the service's decision: a nomination's `allowed_actions`.
export const ACTIONS = {
  submit: { label: 'Trình Hội đồng', done: 'Đã trình Hội đồng đề nghị', fields: [] },
  review: { label: 'Đưa ra Hội đồng xét', done: 'Đã đưa ra Hội đồng xét đề nghị', fields: [] },
  approve: { label: 'Thông qua', done: 'Đã ghi Hội đồng thông qua đề nghị', fields: [] },
  reject: {
    label: 'Không thông qua', done: 'Đã ghi không thông qua đề nghị',
    danger: true,
    fields: [{ name: 'reason', label: 'Lý do không thông qua', kind: 'textarea', required: true }],
  },
  forward: {
    label: 'Gửi cấp khen thưởng', done: 'Đã ghi gửi cấp khen thưởng đề nghị',
    fields: [
      { name: 'date', label: 'Ngày gửi (dd/mm/yyyy)', kind: 'date', required: true },
      { name: 'reference', label: 'Số văn bản (tờ trình) đã gửi', kind: 'text', required: true, max: 100 },
    ],
  },
  award: {
    label: 'Ghi quyết định khen thưởng', done: 'Đã ghi quyết định khen thưởng cho đề nghị',
    fields: [
      { name: 'decision_number', label: 'Số quyết định', kind: 'text', required: true, max: 100 },
      { name: 'decision_date', label: 'Ngày quyết định (dd/mm/yyyy)', kind: 'date', required: true },
      {
        name: 'public_achievement', label: 'Thành tích công bố trên trang web của trường (không bắt buộc)',
        kind: 'text', max: 300,
      },
    ],
  },
  not_award: {
    label: 'Không được khen thưởng', done: 'Đã ghi không được khen thưởng cho đề nghị',
    danger: true,
    fields: [{ name: 'reason', label: 'Lý do (theo trả lời của cấp khen thưởng)', kind: 'textarea', required: true }],
  },
  withdraw: {
    label: 'Rút đề nghị', done: 'Đã rút đề nghị',
    danger: true,
    fields: [{ name: 'note', label: 'Ghi chú (không bắt buộc)', kind: 'textarea', required: false }],
  },
};
// The council's records, asked for in the same dialog as the actions (for those whose
// GET /me says keeps_council_records).
// Offered to the board when a submission is refused because the person or unit already has
// another award form in the period (409 one_award_per_period): the same submission, with
// the reason why this is a different achievement.
export const EXCEPTIONS = {
  submit_exception: {
    label: 'Trình kèm lý do ngoại lệ', done: 'Đã trình Hội đồng (có ghi ngoại lệ) đề nghị',
    action: 'submit',
    fields: [{
      name: 'exception_reason', label: 'Lý do ngoại lệ: thành tích khác với đề nghị đã có', kind: 'textarea',
      required: true,
    }],
  },
};

export const RECORDS = {
  meeting: {
    label: 'Ghi cuộc họp Hội đồng',
    fields: [
      { name: 'date', label: 'Ngày họp (dd/mm/yyyy)', kind: 'date', required: true },
      // For the minutes (biên bản): who sat, by name; then the counts are theirs.
      { name: 'members', label: 'Thành phần theo tên (để lập biên bản)', kind: 'members', required: false },
      { name: 'chair_id', label: 'Người chủ trì', kind: 'select', required: false },
      { name: 'secretary_id', label: 'Thư ký cuộc họp', kind: 'select', required: false },
      { name: 'start_time', label: 'Giờ bắt đầu (hh:mm)', kind: 'text', max: 5, required: false },
      { name: 'end_time', label: 'Giờ kết thúc (hh:mm)', kind: 'text', max: 5, required: false },
      { name: 'place', label: 'Địa điểm họp', kind: 'text', max: 200, required: false },
      { name: 'agenda', label: 'Nội dung cuộc họp', kind: 'textarea', required: false },
      { name: 'members_total', label: 'Số thành viên Hội đồng (khi không ghi theo tên)', kind: 'number', required: false },
      { name: 'members_present', label: 'Số thành viên có mặt (khi không ghi theo tên)', kind: 'number', required: false },
      { name: 'note', label: 'Ghi chú (không bắt buộc)', kind: 'textarea', required: false },
    ],
  },
  vote: {
    label: 'Ghi biểu quyết',
    fields: [
      { name: 'meeting_id', label: 'Cuộc họp', kind: 'select', required: true },
      { name: 'yes', label: 'Số phiếu tán thành', kind: 'number', required: true },
      { name: 'no', label: 'Số phiếu không tán thành', kind: 'number', required: true },
      { name: 'abstain', label: 'Số thành viên không biểu quyết', kind: 'number', required: false },
    ],
  },
};

// The statuses after which nothing more can happen to a nomination.
export const FINAL_STATUSES = ['rejected', 'awarded', 'not_awarded', 'withdrawn'];
// Ended before any decision on the award: not passed by the council, or withdrawn.
export const STOPPED_STATUSES = ['rejected', 'withdrawn'];

const HISTORY_ACTIONS = {
  create: 'Tạo đề nghị',
  edit: 'Sửa đề nghị',
  evidence: 'Thêm minh chứng',
  vote: 'Ghi biểu quyết của Hội đồng',
  dossier: 'Ghi nhận hồ sơ',
  submit: 'Trình Hội đồng',
  review: 'Đưa ra Hội đồng xét',
  approve: 'Hội đồng thông qua',
  reject: 'Không thông qua',
  forward: 'Gửi cấp khen thưởng',
  award: 'Ghi quyết định khen thưởng',
  not_award: 'Ghi không được khen thưởng',
  withdraw: 'Rút đề nghị',
};
export const historyActionLabel = (a) => HISTORY_ACTIONS[a] || a;
