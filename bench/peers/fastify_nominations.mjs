// The HTTP benchmark's peer (bench/run.sh): Fastify 5 + ioredis serving the nominations
// service's GET /api/nominations/v1/nominations/{id} from the same Redis record
// ({school}:nominations:n:{id}, HGETALL) as the same JSON, with the same checks in front:
// the bearer token compared by its SHA-256 in constant time (as the service compares its
// bootstrap admin token) and one access-log line per request, to a file.
//   node fastify_nominations.mjs <port> <redis port> <school id> <admin token> <log file>
import crypto from 'node:crypto';
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

app.get('/api/nominations/v1/nominations/:id', async (req, reply) => {
  const auth = req.headers.authorization || '';
  if (!auth.startsWith('Bearer ') || !crypto.timingSafeEqual(sha256(auth.slice(7)), adminHash)) {
    return problem(reply, 401, 'unauthenticated', 'Cần đăng nhập.');
  }
  const id = req.params.id;
  const h = await redis.hgetall(`{${school}}:nominations:n:${id}`);
  if (!h.status) return problem(reply, 404, 'not_found', 'Không tìm thấy đề nghị.');
  const draft = parseObject(h.draft);
  const [label, actions] = statuses[h.status] || statuses.draft;
  const body = {
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
    outcome: parseObject(h.outcome),
    vote: parseValue(h.vote),
    allowed_actions: actions,
  };
  return reply.type('application/json').send(JSON.stringify(body));
});

await app.listen({ host: '127.0.0.1', port: Number(port) });
const stop = async () => {
  await app.close();
  redis.disconnect();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
