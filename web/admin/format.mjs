// The words and dates people see: ids made from names, Vietnamese dates, deadline and quota
// texts. No DOM here.

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
// Two digits, as dates are written: 5 -> "05".
export const pad = (n) => String(n).padStart(2, '0');

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

// Today in Vietnam as people write it, "05/11/2026" (what a date field starts with).
export function vnTodayText(now = Date.now()) {
  const t = vnToday(now);
  return `${pad(t.day)}/${pad(t.month)}/${t.year}`;
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

// A whole number 0–1000 typed by a person, or null.
export function wholeNumber(text) {
  const t = String(text).trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  const v = Number(t);
  return v <= 1000 ? v : null;
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
