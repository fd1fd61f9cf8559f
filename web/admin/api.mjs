// Talking to the services through the edge (same origin), and the words and dates people see.
// No DOM here: app.mjs draws the page.

const TOKEN_KEY = 'thidua.adminToken';

// Two ways in: the session cookie (HttpOnly, set by POST /sessions with a code from the bot's
// /dangnhap; no script here can read it, the browser sends it) or, for admins and scripts, a
// token pasted on the sign-in screen. The token lives in sessionStorage only: gone when the
// tab closes, never in a URL or cookie; when it is there, it is sent and decides alone.
export const session = {
  get token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch {
      return '';
    }
  },
  set token(value) {
    try {
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage disabled: the token then lasts until the page is reloaded.
    }
  },
};

export class ApiError extends Error {
  constructor(status, code, detail, requestId = '') {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.requestId = requestId;
  }
}

// fetch with the bearer token, or the session cookie without one; JSON in and out; errors become ApiError with the service's
// Vietnamese `detail` (application/problem+json).
// `headers`: extra request headers (e.g. Idempotency-Key).
export async function api(path, {
  method = 'GET', body, token = session.token, auth = true, headers: extra = {},
} = {}) {
  const headers = { ...extra, Accept: 'application/json, application/problem+json' };
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, 'network_error',
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
  }
  if (!res.ok) {
    const detail = data && typeof data.detail === 'string' && data.detail
      ? data.detail
      : `Máy chủ trả lỗi ${res.status}. Vui lòng thử lại sau.`;
    throw new ApiError(res.status, (data && data.code) || `http_${res.status}`, detail,
      (data && data.request_id) || res.headers.get('x-request-id') || '');
  }
  return data;
}

// A file (an issued DOCX or PDF) with the bearer token, as a Blob; errors as api() has them.
// `method` and a JSON `body`: a page made from what the body names (a document's preview).
export async function fetchFile(path, { token = session.token, method = 'GET', body } = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, 'network_error',
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok) {
    let data = null;
    try {
      data = await res.json();
    } catch {
      data = null;
    }
    throw new ApiError(res.status, (data && data.code) || `http_${res.status}`,
      (data && data.detail) || `Máy chủ trả lỗi ${res.status}. Vui lòng thử lại sau.`,
      (data && data.request_id) || res.headers.get('x-request-id') || '');
  }
  // A File named as the service names it (a Blob for callers that name it themselves).
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition'));
  return name ? new File([blob], name, { type: blob.type }) : blob;
}

// Downloads `path` (fetchFile) and hands it to the browser under the service's Vietnamese
// file name, else `fallbackName`. Errors as fetchFile has them (a 401 is the caller's to act on).
export async function saveFile(path, fallbackName) {
  const file = await fetchFile(path);
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The Vietnamese name of a download: filename* (RFC 8187, UTF-8) when given, else filename;
// '' without a header.
export function fileNameOf(disposition) {
  const text = disposition || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(text);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A broken escape: fall back to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(text);
  return plain ? plain[1] : '';
}

const N = '/api/nominations/v1';
export const endpoints = {
  deadline: '/api/reports/v1/deadlines/next',
  catalogue: `${N}/catalogue`,
  me: `${N}/me`,
  // "Trang của tôi": my nominations with their outcome, and my initiatives, in one call.
  myOverview: `${N}/me/overview`,
  signIn: `${N}/sessions`,
  signOut: `${N}/session`,
  staffSessions: (id) => `${N}/staff/${encodeURIComponent(id)}/sessions`,
  session: (id) => `${N}/sessions/${encodeURIComponent(id)}`,
  contributions: (year) => `/api/reports/v1/contributions/${encodeURIComponent(year)}`,
  statistics: (year) => `${N}/statistics${year ? `?${new URLSearchParams({ year })}` : ''}`,
  // One chart's workbook: chart is units, awards or years.
  statisticsXlsx: (year, chart) =>
    `${N}/statistics/${encodeURIComponent(year)}/xlsx?${new URLSearchParams({ chart })}`,
  submissionsXlsx: (year) => `/api/reports/v1/statistics/${encodeURIComponent(year)}/xlsx`,
  yearlyDocuments: (year) =>
    `/api/reports/v1/school-reports/${encodeURIComponent(year)}/documents`,
  documentFile: (file) => `/api/reports/v1/documents/${encodeURIComponent(file)}`,
  quotas: (period) => `${N}/quotas?${new URLSearchParams({ period })}`,
  nominations: (filter) => `${N}/nominations?${new URLSearchParams(filter)}`,
  create: `${N}/nominations`,
  nomination: (id) => `${N}/nominations/${encodeURIComponent(id)}`,
  // The detail with its history and dossier checklist, in one call.
  nominationFull: (id) => `${N}/nominations/${encodeURIComponent(id)}?view=full`,
  transitions: (id) => `${N}/nominations/${encodeURIComponent(id)}/transitions`,
  vote: (id) => `${N}/nominations/${encodeURIComponent(id)}/vote`,
  dossierItem: (id, item) =>
    `${N}/nominations/${encodeURIComponent(id)}/dossier/${encodeURIComponent(item)}`,
  meetings: `${N}/council/meetings`,
  meeting: (id) => `${N}/council/meetings/${encodeURIComponent(id)}`,
  // The biên bản of the council's meetings: those issued, and issuing one.
  minutes: `${N}/documents?${new URLSearchParams({ kind: 'bien-ban' })}`,
  issueMinutes: `${N}/documents/bien-ban`,
  initiatives: (filter) => `${N}/initiatives?${new URLSearchParams(filter)}`,
  initiative: (id) => `${N}/initiatives/${encodeURIComponent(id)}`,
  registrations: (year) => `${N}/registrations/${encodeURIComponent(year)}`,
  registration: (year, kind, id) =>
    `${N}/registrations/${encodeURIComponent(year)}/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`,
  registrationConfirm: (year, kind, id) =>
    `${N}/registrations/${encodeURIComponent(year)}/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/confirm`,
  rounds: `${N}/rounds`,
  round: (id) => `${N}/rounds/${encodeURIComponent(id)}`,
  awardForm: (code) => `${N}/catalogue/award-forms/${encodeURIComponent(code)}`,
  period: (id) => `${N}/catalogue/periods/${encodeURIComponent(id)}`,
  deadLetters: '/api/notifications/v1/dead-letters?limit=20',
  deadLetter: (id) => `/api/notifications/v1/dead-letters/${encodeURIComponent(id)}`,
  messages: '/api/notifications/v1/messages',
  recentMessages: (limit) => `/api/notifications/v1/messages?${new URLSearchParams({ limit })}`,
  message: (id) => `/api/notifications/v1/messages/${encodeURIComponent(id)}`,
};

// A sign-in code as typed or carried by the bot's link ("k7qm 4xpr", "K7QM-4XPR"): the 8
// symbols, upper case; null when it cannot be one (as auth::normalise_code on the server).
export function normaliseCode(typed) {
  const code = String(typed || '').replace(/[\s-]/g, '').toUpperCase();
  return /^[A-HJKMNP-Z2-9]{8}$/.test(code) ? code : null;
}

// The code the bot's link carries in its fragment (#ma=K7QM4XPR): a fragment never reaches a
// server, so the code is in no log. null when there is none.
export function codeFromHash(hash) {
  const m = /^#ma=([A-Za-z0-9-]{1,16})$/.exec(hash || '');
  return m ? m[1] : null;
}

// Same labels as services/nominations/domain/workflow.cpp.
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

const HISTORY_ACTIONS = {
  create: 'Tạo đề nghị',
  edit: 'Sửa đề nghị',
  evidence: 'Thêm minh chứng',
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

// An id for a new entry from its Vietnamese name, as the services accept ids (lower case, no
// diacritics; "Tổ Sử – Địa" → "to-su-dia" with `sep` '-'), unlike every id in `taken`.
export function idFromName(name, taken, { sep = '-', max = 56, fallback = 'muc' } = {}) {
  const words = String(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  let base = words.join(sep).slice(0, max);
  while (base.endsWith(sep)) base = base.slice(0, -1);
  base = base || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}${sep}${n}`;
  return id;
}

// Dates: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so plain arithmetic is exact
// and does not depend on the browser's time-zone data.
const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n) => String(n).padStart(2, '0');

export function vnToday(now = Date.now()) {
  const d = new Date(now + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// "2026-10-30" -> "30/10/2026"
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso || '');
}

// "2026-11-25T03:20:00Z" -> "25/11/2026 10:20" (Vietnam time)
export function formatInstant(iso) {
  const t = Date.parse(iso || '');
  if (Number.isNaN(t)) return iso || '';
  const d = new Date(t + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// "5/9/2026" or "05/09/2026" -> "2026-09-05"; null when it is not a real date.
export function parseVnDate(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || '');
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysLeftText(days) {
  if (days === 0) return 'Hạn chót là hôm nay';
  if (days < 0) return `Đã quá hạn ${-days} ngày`;
  return `Còn ${days} ngày`;
}

export function quotaLimitText(limit) {
  if (limit === null || limit === undefined) return 'chưa quy định';
  if (limit === 'unlimited') return 'không giới hạn';
  return String(limit);
}
