// The HTTP benchmarks' peer (bench/run.sh, bench/write.sh): Fastify 5 + ioredis doing the
// nominations service's work on the same Redis keys, with the same checks in front: the
// bearer token compared by its SHA-256 in constant time (as the service compares its
// bootstrap admin token) and one access-log line per request, to a file.
//   GET  /api/nominations/v1/nominations/{id}              HGETALL of {school}:nominations:n:{id},
//        the catalogue, HGET of the subject's registration of the period's year; the same
//        JSON as the service's (bench/run.sh checks the bytes)
//   POST /api/nominations/v1/nominations                   create: the catalogue (cached per
//        version, as the service does) and the rounds (the one open today files the
//        nomination) in one round trip, INCR of the id, the service's create script
//   POST /api/nominations/v1/nominations/{id}/transitions  submit or withdraw only: HGETALL,
//        the catalogue's version and (for a submit) the rounds in one round trip, the
//        service's transition script (quota places taken and released)
// The Lua scripts are read from services/nominations/store/nomination_store.cpp at start-up,
// so both run the very same scripts.
//   node fastify_nominations.mjs <port> <redis port> <school id> <admin token> <log file>
import crypto from 'node:crypto';
import fs from 'node:fs';
import Fastify, { LogController } from 'fastify';
import Redis from 'ioredis';

const [port, redisPort, school, token, logFile] = process.argv.slice(2);
const sha256 = (s) => crypto.createHash('sha256').update(s).digest();
const adminHash = sha256(token);
const redis = new Redis({ host: '127.0.0.1', port: Number(redisPort) });

// Status → its label and what an admin may do next (services/nominations/domain/workflow.cpp
// and messages.cpp).
const statuses = {
  draft: ['Nháp', ['submit', 'withdraw']],
  submitted: ['Đã trình Hội đồng', ['review', 'reject', 'withdraw']],
  under_review: ['Hội đồng đang xét', ['approve', 'reject', 'withdraw']],
  approved: ['Hội đồng đã thông qua', ['forward']],
  rejected: ['Không được thông qua', []],
  forwarded: ['Đã gửi cấp khen thưởng', ['award', 'not_award']],
  awarded: ['Đã được khen thưởng', []],
  not_awarded: ['Không được khen thưởng', []],
  withdrawn: ['Đã rút', []],
};
const parseValue = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const parseObject = (text) => {
  const v = parseValue(text);
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
};
const problem = (reply, status, code, detail) =>
  reply.code(status).type('application/problem+json').send({ type: 'about:blank', status, code, detail });

// One access-log line per request (when it completes), like the service's; Fastify's own
// default is two (received and completed).
class OneLinePerRequest extends LogController {
  incomingRequest() {}
  requestCompleted(error, req, reply) {
    reply.log.info({ method: req.method, path: req.url, status: reply.statusCode,
                     ms: reply.elapsedTime }, 'request');
  }
}
const app = Fastify({
  logger: { level: 'info', file: logFile },
  logController: new OneLinePerRequest(),
});

const base = '/api/nominations/v1/nominations';
const key = (k) => `{${school}}:nominations:${k}`;
const authorised = (req) => {
  const auth = req.headers.authorization || '';
  return auth.startsWith('Bearer ') && crypto.timingSafeEqual(sha256(auth.slice(7)), adminHash);
};
const unauthenticated = (reply) => problem(reply, 401, 'unauthenticated', 'Cần đăng nhập.');

// The detail JSON of services/nominations/domain/record.cpp, from the stored hash; a GET adds
// the subject's registration (services/nominations/api/nomination_routes.cpp).
const detail = (id, h, more = {}) => {
  const draft = parseObject(h.draft);
  const [label, actions] = statuses[h.status] || statuses.draft;
  return JSON.stringify({
    id,
    period: draft.period ?? '',
    period_label: h.period_label ?? '',
    award: draft.award ?? '',
    award_label: h.award_label ?? '',
    subject_kind: draft.subject_kind ?? '',
    subject_id: draft.subject_id ?? '',
    subject_name: h.subject_name ?? '',
    unit_id: h.unit_id ?? '',
    unit_name: h.unit_name ?? '',
    status: h.status,
    status_label: label,
    created_at: h.created_at ?? '',
    updated_at: h.updated_at ?? '',
    reason: draft.reason ?? '',
    achievements: (draft.achievements || []).map((a) => ({
      text: a.text ?? '', areas: a.areas || [], evidence: a.evidence || [] })),
    created_by: h.created_by ?? '',
    round_id: h.round_id || null,
    outcome: parseObject(h.outcome),
    vote: parseValue(h.vote),
    allowed_actions: actions,
    ...more,
  });
};

app.get(`${base}/:id`, async (req, reply) => {
  if (!authorised(req)) return unauthenticated(reply);
  const id = req.params.id;
  const h = await redis.hgetall(key(`n:${id}`));
  if (!h.status) return problem(reply, 404, 'not_found', 'Không tìm thấy đề nghị.');
  const d = parseObject(h.draft);
  const period = (await catalogue()).periods[d.period];
  const found = period ? await redis.hget(key(`registrations:${period.year}`),
                                          `${d.subject_kind}:${d.subject_id}`) : null;
  // The bench seeds no registrations: the peer looks one up as the service does, and does
  // not render one (services/nominations/api/registration_json.hpp).
  if (found !== null) return problem(reply, 501, 'not_in_peer', 'Peer: registrations not rendered.');
  return reply.type('application/json').send(detail(id, h, { registration: null }));
});

// ---- the write path: the service's own Lua scripts, the catalogue cached per version.
const storeSource = fs.readFileSync(new URL('../../services/nominations/store/nomination_store.cpp',
                                            import.meta.url), 'utf8');
const script = (name) => {
  const m = storeSource.match(new RegExp(`const RedisScript ${name}\\(R"lua\\(([\\s\\S]*?)\\)lua"\\);`));
  if (!m) throw new Error(`${name} not found in nomination_store.cpp`);
  return m[1];
};
redis.defineCommand('nominationCreate', { numberOfKeys: 5, lua: script('kCreate') });
redis.defineCommand('nominationTransition', { numberOfKeys: 6, lua: script('kTransition') });
const eventsMaxLength = '100000';

let cached = { version: null, catalogue: null };
const catalogue = async () => {
  const version = (await redis.get(key('catalogue:version'))) ?? '0';
  if (cached.version === version) return cached.catalogue;
  const [[, units], [, staff], [, periods], [, awards]] = await redis.pipeline()
    .hgetall(key('catalogue:units')).hgetall(key('catalogue:staff'))
    .hgetall(key('catalogue:periods')).hgetall(key('catalogue:awards')).exec();
  const parse = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, JSON.parse(v)]));
  cached = { version, catalogue: { units: parse(units), staff: parse(staff),
                                   periods: parse(periods), awards: parse(awards) } };
  return cached.catalogue;
};
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
// The round that files a nomination (services/nominations/domain/round.cpp, filing_round):
// of the rounds for its period and award open today (Vietnam's date), the first to close.
const openRound = (rounds, period, award) => {
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  let open = null;
  for (const text of Object.values(rounds)) {
    const r = parseObject(text);
    const covers = r.period === period && (!r.awards?.length || r.awards.includes(award));
    if (covers && r.opens <= today && today <= r.closes && (!open || r.closes < open.closes)) open = r;
  }
  return open?.id ?? null;
};
const roundNotOpen = (reply) => problem(reply, 422, 'round_not_open', 'Chưa có đợt xét đang mở.');
const who = { subject: 'bootstrap-admin', name: 'Ban giám hiệu' };
const historyEntry = (action, from, to, note = '') =>
  JSON.stringify({ at: now(), by: who.subject, by_name: who.name, action, from, to, note });
const event = (type, id, h, extra = {}) => {
  const d = parseObject(h.draft);
  return JSON.stringify({
    event_id: crypto.randomBytes(16).toString('hex'), type, occurred_at: now(), school,
    nomination_id: id, actor: who.subject,
    nomination: { id, period: d.period, period_label: h.period_label, award: d.award,
                  award_label: h.award_label, subject_kind: d.subject_kind,
                  subject_id: d.subject_id, subject_name: h.subject_name, unit_id: h.unit_id,
                  unit_name: h.unit_name, status: h.status,
                  status_label: (statuses[h.status] || statuses.draft)[0],
                  created_at: h.created_at, updated_at: h.updated_at },
    ...extra });
};
const text = (body, name, max) => {
  const v = body?.[name];
  return typeof v === 'string' && v.trim() !== '' && v.length <= max ? v : null;
};

app.post(base, async (req, reply) => {
  if (!authorised(req)) return unauthenticated(reply);
  const b = req.body;
  const draft = { period: text(b, 'period', 20), award: text(b, 'award', 50),
                  subject_kind: text(b, 'subject_kind', 20), subject_id: text(b, 'subject_id', 100),
                  reason: text(b, 'reason', 4000), achievements: [] };
  if (Object.values(draft).some((v) => v === null) ||
      !['individual', 'collective'].includes(draft.subject_kind)) {
    return problem(reply, 400, 'invalid_nomination', 'Đề nghị thiếu thông tin.');
  }
  // The catalogue's version and the rounds in one round trip, as the service reads them.
  const [c, rounds] = await Promise.all([catalogue(), redis.hgetall(key('rounds'))]);
  const period = c.periods[draft.period];
  const award = c.awards[draft.award];
  let subjectName; let unitId;
  if (draft.subject_kind === 'individual') {
    const s = c.staff[draft.subject_id];
    if (s && !s.on_hold) { subjectName = s.name; unitId = s.unit_id; }
  } else if (c.units[draft.subject_id]) {
    subjectName = c.units[draft.subject_id].name; unitId = draft.subject_id;
  }
  if (!period || !award || !subjectName || !c.units[unitId]) {
    return problem(reply, 422, 'unknown_reference', 'Đợt, danh hiệu hoặc người được đề nghị không có trong danh mục.');
  }
  const roundId = openRound(rounds, draft.period, draft.award);
  if (!roundId) return roundNotOpen(reply);
  const id = String(await redis.incr(key('seq')));
  const at = now();
  const h = { draft: JSON.stringify(draft), status: 'draft', subject_name: subjectName,
              unit_id: unitId, unit_name: c.units[unitId].name, award_label: award.label,
              period_label: period.label, round_id: roundId, created_by: who.subject,
              created_at: at, updated_at: at, outcome: '{}', vote: 'null' };
  const live = key(`live:${draft.period}:${draft.award}:${draft.subject_kind}:${draft.subject_id}`);
  const [tag, other] = await redis.nominationCreate(
    key(`n:${id}`), live, key('index'), key(`n:${id}:history`), key('events'),
    id, historyEntry('create', null, 'draft'), 'nomination.created',
    event('nomination.created', id, h), eventsMaxLength, ...Object.entries(h).flat());
  if (tag === 'duplicate') return problem(reply, 409, 'duplicate_nomination', `Đã có đề nghị số ${other}.`);
  return reply.code(201).type('application/json').send(detail(id, h));
});

const holdsPlace = new Set(['submitted', 'under_review', 'approved', 'forwarded', 'awarded']);
const live = (s) => !['rejected', 'not_awarded', 'withdrawn'].includes(s);
const rules = { submit: [['draft'], 'submitted'],
                withdraw: [['draft', 'submitted', 'under_review'], 'withdrawn'] };

app.post(`${base}/:id/transitions`, async (req, reply) => {
  if (!authorised(req)) return unauthenticated(reply);
  const id = req.params.id;
  const action = req.body?.action;
  const rule = rules[action];
  if (!rule) return problem(reply, 400, 'unknown_action', 'Peer: only submit and withdraw.');
  // The record, the catalogue's version and for a submit the rounds in one round trip, as the
  // service reads them.
  const [h, c, rounds] = await Promise.all([
    redis.hgetall(key(`n:${id}`)), catalogue(),
    action === 'submit' ? redis.hgetall(key('rounds')) : null]);
  if (!h.status) return problem(reply, 404, 'not_found', 'Không tìm thấy đề nghị.');
  const [from, to] = [h.status, rule[1]];
  if (!rule[0].includes(from)) return problem(reply, 409, 'invalid_transition', 'Không thể chuyển.');
  const d = parseObject(h.draft);
  const period = c.periods[d.period];
  const award = c.awards[d.award];
  if (!period || !award) return problem(reply, 422, 'catalogue_changed', 'Danh mục đã đổi.');
  let limit = -1;
  let roundId = h.round_id || '';
  if (action === 'submit') {
    // Submitted in the round open today, which may be a later one than the draft's.
    roundId = openRound(rounds, d.period, d.award);
    if (!roundId) return roundNotOpen(reply);
    const q = award.quotas?.[period.kind]?.[d.subject_kind];
    if (q === undefined || q === null) return problem(reply, 422, 'quota_not_set', 'Chưa đặt chỉ tiêu.');
    limit = q;
  }
  let quotaOp = 'none';
  if (holdsPlace.has(to) && !holdsPlace.has(from)) quotaOp = 'take';
  if (!holdsPlace.has(to) && holdsPlace.has(from)) quotaOp = 'release';
  const after = { ...h, status: to, updated_at: now(), round_id: roundId };
  const [tag, other] = await redis.nominationTransition(
    key(`n:${id}`), key(`n:${id}:history`), key('events'),
    key(`quota:${d.period}:${d.award}:${d.subject_kind}`),
    key(`live:${d.period}:${d.award}:${d.subject_kind}:${d.subject_id}`),
    key(`held:${d.period}:${d.subject_kind}:${d.subject_id}`),
    id, from, to, quotaOp, String(limit), live(from) && !live(to) ? '1' : '0',
    historyEntry(action, from, to), `nomination.${to}`,
    event(`nomination.${to}`, id, after, { from, to }), eventsMaxLength, '0',
    'outcome', h.outcome || '{}', 'updated_at', after.updated_at, 'round_id', roundId);
  if (tag !== 'ok') return problem(reply, 409, tag, `${tag} ${other}`);
  return reply.type('application/json').send(detail(id, after));
});

await app.listen({ host: '127.0.0.1', port: Number(port) });
const stop = async () => {
  await app.close();
  redis.disconnect();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
