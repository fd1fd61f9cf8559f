// "Trang của tôi" (issue 12): the first card every signed-in person sees, made for a teacher
// who opens the page from a Zalo message on a phone. Who they are (name, unit, role, whether
// their Zalo is linked and how to link it or stop private reminders), the nominations about
// them and the ones they wrote with their status (and the decision once awarded), the
// nomination rounds open today and until when, their
// unit's part of the yearly report with the units' due date, and the initiatives they authored.
// The services decide what a person may see; a part they may not see is left out, never
// guessed. Built here whole, so index.html holds only the empty card.
import { ApiError } from './api.mjs';
import { endpoints } from './endpoints.mjs';
import { formatDate, formatInstant } from './format.mjs';

// The same states as unit_reports.mjs's list of the units' parts, said in a sentence.
const REPORT_STATUS = {
  submitted: 'đã nộp', draft: 'đang soạn, chưa nộp', missing: 'chưa bắt đầu soạn',
};

// How colleagues address the person (catalogue `gender`): "thầy", "cô", else "thầy cô".
export function address(member) {
  if (member && member.gender === 'male') return 'thầy';
  if (member && member.gender === 'female') return 'cô';
  return 'thầy cô';
}

// `ui`: the page's helpers from app.mjs ($, el, call, attempt, state, openNomination).
export function myPageScreen(ui) {
  const { $, el, call, attempt, state, openNomination } = ui;
  const card = () => $('mypage');

  // A part the service refuses to this role (403) is left out; other errors are shown.
  async function maybe(path) {
    try {
      return await call(path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return null;
      throw error;
    }
  }

  const section = (id, heading, ...body) => el('section',
    { className: 'mypage-part', id, 'aria-labelledby': `${id}-heading` },
    el('h3', { id: `${id}-heading` }, heading), ...body);
  const fact = (term, ...description) => [el('dt', {}, term), el('dd', {}, ...description)];

  // ------------------------------------------------------------ who I am

  function profile(me, member, you) {
    const facts = [...fact('Họ và tên', me.name || '—')];
    if (member && member.position) facts.push(...fact('Chức vụ', member.position));
    facts.push(...fact('Tổ', me.unit_name || '—'), ...fact('Vai trò', me.role_label));
    const parts = [el('dl', { className: 'facts' }, ...facts)];
    if (!member) return section('mypage-me', 'Thông tin của tôi', ...parts);
    const linked = Boolean(member.zalo_user_id);
    parts.push(el('p', { className: `mypage-zalo ${linked ? 'ok' : 'todo'}`, id: 'mypage-zalo' },
      linked ? `Zalo của ${you} đã liên kết: bot nhắn riêng cho ${you} các việc cần làm.`
        : `Zalo của ${you} chưa liên kết, nên bot chưa nhắn riêng được cho ${you}.`));
    if (!linked) {
      parts.push(el('ol', { className: 'mypage-steps' },
        el('li', {}, `Xin Ban giám hiệu một mã liên kết Zalo (mã dùng một lần, trong thời gian ngắn).`),
        el('li', {}, 'Mở Zalo, nhắn riêng cho bot thi đua của trường (không nhắn trong nhóm): ',
          el('strong', { className: 'code' }, '/lienket <mã>'), ', ví dụ ',
          el('strong', { className: 'code' }, '/lienket K7QM4XPR'), '.')));
    } else {
      parts.push(el('p', { className: 'hint' }, `Không muốn nhận nhắc hạn riêng nữa: nhắn riêng cho bot `,
        el('strong', { className: 'code' }, '/tatnhac'), '; muốn nhận lại: ',
        el('strong', { className: 'code' }, '/batnhac'), '. Tin chung của nhà trường vẫn gửi vào nhóm.'));
    }
    return section('mypage-me', 'Thông tin của tôi', ...parts);
  }

  // ------------------------------------------------------------ nominations

  function outcomeText(n) {
    const o = (n && n.outcome) || {};
    if (n.status === 'awarded' && o.decision) {
      return `Quyết định số ${o.decision.number}, ngày ${formatDate(o.decision.date)}`;
    }
    if (n.status === 'not_awarded' && o.not_awarded) return `Lý do: ${o.not_awarded.reason || '—'}`;
    if (n.status === 'rejected' && o.rejection) return `Lý do: ${o.rejection.reason || '—'}`;
    return '';
  }

  function nominationItem(n, showSubject) {
    const what = `${n.award_label} · ${n.period_label}`;
    const extra = outcomeText(n);
    return el('li', { dataset: { id: n.id, status: n.status } },
      el('p', { className: 'mypage-title' }, showSubject ? `${n.subject_name}: ${what}` : what),
      el('p', {}, el('span', { className: `badge status-${n.status}` }, n.status_label),
        ` cập nhật ${formatInstant(n.updated_at)}`),
      extra ? el('p', { className: 'mypage-outcome' }, extra) : null,
      openNomination ? el('button', {
        type: 'button', className: 'button button-quiet',
        onclick: () => attempt(() => openNomination(n.id)),
      }, 'Xem chi tiết', el('span', { className: 'visually-hidden' }, ` đề nghị số ${n.id}`)) : null);
  }

  function nominationList(id, heading, page, empty, showSubject) {
    if (!page) return null;
    const items = Array.isArray(page.items) ? page.items : [];
    return section(id, heading, items.length
      ? el('ul', { className: 'mypage-list', id: `${id}-list` },
        ...items.map((n) => nominationItem(n, showSubject)))
      : el('p', { className: 'hint' }, empty));
  }

  // ------------------------------------------------------------ the unit's report

  // The units' own due date of the year (20/10 unless the school sets another), not the next
  // deadline of any kind: that one is in the header, and may be the registration's.
  function reportPart(me, year, list) {
    const parts = [];
    if (list && list.unit_due_date) {
      parts.push(el('p', { id: 'mypage-report-due' }, 'Hạn nộp phần báo cáo của tổ: ngày ',
        el('time', { dateTime: list.unit_due_date }, list.unit_due_date_vn || formatDate(list.unit_due_date)),
        '.'));
    }
    const units = list && Array.isArray(list.units) ? list.units : null;
    const mine = units && me.unit_id ? units.find((u) => u.unit_id === me.unit_id) : null;
    if (mine) {
      let text = `Phần báo cáo năm ${year} của ${mine.unit_name}: ${REPORT_STATUS[mine.status] || mine.status}`;
      if (mine.status === 'submitted' && mine.submitted_at) text += ` lúc ${formatInstant(mine.submitted_at)}`;
      if (mine.late) text += ' (nộp muộn)';
      parts.push(el('p', { id: 'mypage-report-status', dataset: { status: mine.status } }, `${text}.`));
    } else if (units && me.unit_id) {
      parts.push(el('p', { id: 'mypage-report-status' }, `${me.unit_name} không phải nộp phần báo cáo năm ${year}.`));
    }
    return parts.length ? section('mypage-report', 'Báo cáo năm của tổ', ...parts) : null;
  }

  // ------------------------------------------------------------ rounds open today

  // The nomination rounds open today (overview's rounds_open): until when the unit may still
  // propose, and for which forms. Nothing when none is open.
  function roundsPart(rounds) {
    if (!Array.isArray(rounds) || rounds.length === 0) return null;
    return section('mypage-rounds', 'Đợt xét khen thưởng đang mở',
      el('ul', { className: 'mypage-list' }, ...rounds.map((r) => {
        const awards = (r.awards || []).map((a) => a.label).join('; ');
        return el('li', { dataset: { id: r.id } },
          el('p', { className: 'mypage-title' }, `${r.name} (${r.period_label})`),
          el('p', {}, 'Nhận đề nghị đến hết ngày ', el('time', { dateTime: r.closes }, r.closes_vn), '.'),
          el('p', { className: 'hint' }, awards ? `Hình thức: ${awards}.` : 'Mọi hình thức khen thưởng.'));
      })));
  }

  // ------------------------------------------------------------ initiatives

  // `list`: the entries the person is an author of (the service has chosen them).
  function initiativesPart(list) {
    if (!list) return null;
    const items = Array.isArray(list.items) ? list.items : [];
    return section('mypage-initiatives', 'Sáng kiến của tôi', items.length
      ? el('ul', { className: 'mypage-list' }, ...items.map((i) => el('li', { dataset: { id: i.id } },
        el('p', { className: 'mypage-title' }, i.title),
        el('p', { className: 'hint' }, [`Năm ${i.year}`, i.unit_name,
          i.level ? `công nhận: ${i.level_label}` : 'chưa được công nhận'].filter(Boolean).join(' · ')))))
      : el('p', { className: 'hint' }, 'Sổ sáng kiến chưa ghi sáng kiến nào của thầy cô.'));
  }

  // ------------------------------------------------------------ the whole card

  async function load() {
    const me = state.me;
    if (!me) return;
    const staff = (state.catalogue && state.catalogue.staff) || [];
    const member = staff.find((s) => s.id === me.subject) || null;
    const you = address(member);
    const due = state.nextDeadline && state.nextDeadline.due_date;
    const year = due ? due.slice(0, 4) : String(new Date().getFullYear());
    // Two calls (issue 12, Fast): the nominations service answers for the person's
    // nominations, with their outcome, and initiatives; the reports service for the unit's part.
    const [overview, report] = await Promise.all([
      member ? maybe(endpoints.myOverview) : null,
      me.unit_id ? maybe(endpoints.contributions(year)) : null,
    ]);
    const { about = null, wrote = null, initiatives = null, rounds_open: rounds = null } = overview || {};
    card().replaceChildren(...[
      el('div', { className: 'card-head' },
        el('h2', { id: 'mypage-heading' }, 'Trang của tôi'),
        el('button', { type: 'button', className: 'button button-quiet', id: 'mypage-reload',
          onclick: () => attempt(load, { busy: card() }) }, 'Cập nhật')),
      el('p', { className: 'mypage-greeting' }, me.name ? `Chào ${you} ${me.name}.` : 'Chào thầy cô.'),
      profile(me, member, you),
      roundsPart(rounds),
      nominationList('mypage-about', `Đề nghị khen thưởng cho ${you}`, about,
        `Chưa có đề nghị khen thưởng nào cho ${you}.`, false),
      nominationList('mypage-wrote', `Đề nghị ${you} đã lập`, wrote,
        `${you[0].toUpperCase()}${you.slice(1)} chưa lập đề nghị nào.`, true),
      reportPart(me, year, report),
      initiativesPart(initiatives)].filter(Boolean));
    card().hidden = false;
  }

  return {
    start: () => load(),
    reset() {
      card().replaceChildren();
      card().hidden = true;
    },
  };
}
