// What several screens offer alike: the plan's content areas (section II) with the short
// labels a select or a form shows (the services' full names: libs/core/movement.cpp), and the
// years a year select offers. One list, so a new area or year reaches every screen at once.

export const AREAS = [
  ['II.1', 'II.1 — Nhận thức, quản lý dựa trên dữ liệu số'],
  ['II.2', 'II.2 — Hạ tầng số, công nghệ số'],
  ['II.3', 'II.3 — Chuyển đổi số, tài nguyên và dữ liệu số'],
  ['II.4', 'II.4 — Mô hình giáo dục mới, kỹ năng số cho học sinh'],
  ['II.5', 'II.5 — Học sinh học tập, nghiên cứu về công nghệ số'],
  ['II.6', 'II.6 — Xã hội số, “Bình dân học vụ số”'],
];
// The codes alone ("II.1" … "II.6"), where the code is all a control shows.
export const AREA_CODES = AREAS.map(([code]) => code);

// The years a year select offers (numbers); a screen adds "this year" when it falls outside.
export const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
