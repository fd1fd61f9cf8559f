// The header's next deadline (public: shown before sign-in too), refreshed by the page every
// hour. Its year is also the report year the page offers first (state.nextDeadline).
import { ApiError, api } from './api.mjs';
import { $, el } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { daysLeftText, formatDate } from './format.mjs';

export async function loadDeadline(state) {
  const name = $('deadline-name');
  const date = $('deadline-date');
  const countdown = $('deadline-countdown');
  try {
    const d = await api(endpoints.deadline, { auth: false });
    state.nextDeadline = d;
    name.textContent = d.name;
    date.replaceChildren(
      el('span', {}, 'Hạn: '),
      el('time', { dateTime: d.due_date }, d.due_date_vn || formatDate(d.due_date)),
    );
    countdown.textContent = daysLeftText(d.days_left);
    $('deadline').classList.toggle('deadline-soon', d.days_left <= 30);
  } catch (error) {
    name.textContent = error instanceof ApiError ? error.detail : 'Không tải được hạn chót.';
    date.replaceChildren();
    countdown.textContent = '';
  }
}
