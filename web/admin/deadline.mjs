// The header's next deadline (public: shown before sign-in too), refreshed by the page every
// hour and after the board changes a round. Its year is also the report year the page offers
// first (state.nextDeadline). An open nomination round (đợt xét) that closes sooner is what a
// colleague must meet first, so the header shows that round in its place.
import { ApiError, api } from './api.mjs';
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { daysLeftText, formatDate } from './format.mjs';
import { openRoundsToday } from './open_rounds.mjs';

// The open round closing first; null when none is open or the rounds cannot be read (the
// deadline is shown alone then).
async function soonestOpenRound() {
  const open = await openRoundsToday();
  return open && open.length ? open[0] : null;
}

function show(name, iso, dateText, daysLeft) {
  $('deadline-name').textContent = name;
  $('deadline-date').replaceChildren(
    el('span', {}, 'Hạn: '), el('time', { dateTime: iso }, dateText || formatDate(iso)));
  $('deadline-countdown').textContent = daysLeftText(daysLeft);
  $('deadline').classList.toggle('deadline-soon', daysLeft <= 30);
}

export async function loadDeadline(state) {
  const [deadline, round] = await Promise.all([
    api(endpoints.deadline, { auth: false }).catch((error) => ({ error })),
    soonestOpenRound(),
  ]);
  if (!deadline.error) state.nextDeadline = deadline;
  if (round && (deadline.error || round.days_left < deadline.days_left)) {
    show(`Nộp đề nghị khen thưởng: ${round.name}`, round.closes, round.closes_vn, round.days_left);
  } else if (!deadline.error) {
    show(deadline.name, deadline.due_date, deadline.due_date_vn, deadline.days_left);
  } else {
    const { error } = deadline;
    $('deadline-name').textContent = error instanceof ApiError ? error.detail : 'Không tải được hạn chót.';
    $('deadline-date').replaceChildren();
    $('deadline-countdown').textContent = '';
  }
}
