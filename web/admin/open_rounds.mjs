// The nomination rounds (đợt xét) open today, as the website reads them (public: no token),
// each with its days left from the service's own today. The header's deadline and the
// create form both ask; null when they cannot be read, so each falls back as it says.
import { api } from './api.mjs';
import { endpoints } from './endpoints.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

// Open rounds, closing first; null on any failure.
export async function openRoundsToday() {
  try {
    const { items = [], today } = await api(endpoints.publicRounds, { auth: false });
    return items.filter((r) => r.state === 'open')
      .map((r) => ({ ...r, days_left: Math.round((Date.parse(r.closes) - Date.parse(today)) / DAY_MS) }))
      .sort((a, b) => a.closes.localeCompare(b.closes));
  } catch {
    return null;
  }
}
