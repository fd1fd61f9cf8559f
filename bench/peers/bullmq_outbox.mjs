// The outbox benchmark's work done with BullMQ: N jobs, round-robin to C chats, each one
// sendMessage call to the fake Zalo API, acknowledged after the reply says ok. Usage:
//   node bullmq_outbox.mjs <redis port> <fake base url> <bot token> <n> <concurrency> [chats]
import { Queue, Worker } from 'bullmq';

const [port, base, token, nText, concText, chatsText] = process.argv.slice(2);
const chats = Number(chatsText || 1);
const n = Number(nText);
const concurrency = Number(concText);
const connection = { host: '127.0.0.1', port: Number(port) };
const queue = new Queue('outbox', { connection });
await queue.obliterate({ force: true });
for (let i = 0; i < n; i += 1000) {
  const jobs = [];
  for (let j = i; j < Math.min(n, i + 1000); j++) {
    jobs.push({ name: 'send', data: { chat_id: `u${(j % chats) + 1}`, text: `tin nhắn số ${j}` },
                opts: { attempts: 8, backoff: { type: 'exponential', delay: 1000 },
                        removeOnComplete: true } });
  }
  await queue.addBulk(jobs);
}
let done = 0;
const started = Date.now();
await new Promise((resolve) => {
  const worker = new Worker('outbox', async (job) => {
    const res = await fetch(`${base}/bot${token}/sendMessage`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(job.data) });
    const body = await res.json();
    if (!body.ok) throw new Error(`Zalo ${body.error_code}`);
    return body.result.message_id;
  }, { connection, concurrency });
  worker.on('completed', async () => {
    if (++done === n) { await worker.close(); resolve(); }
  });
});
const seconds = (Date.now() - started) / 1000;
console.log(JSON.stringify({ peer: 'bullmq', n, concurrency, seconds, per_second: Math.round(n / seconds) }));
await queue.close();
