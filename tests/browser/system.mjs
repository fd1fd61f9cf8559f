// The real system for a browser test: a redis-server of its own, the three services from the
// build directory, the fake Zalo Bot API (tests/fakes) that the bot long-polls, and nginx as
// the edge (deploy/nginx.conf rendered by deploy/render-nginx-conf.sh), all on free
// 127.0.0.1 ports; and, from steps.mjs, the bits of a test run (steps, checks, the summary
// line). Every *.test.mjs here starts the system with it; browser.mjs opens Chromium on it and
// client.mjs talks to it from outside the page (the API as the admin, the bot through the
// fake Zalo).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { check, failed, passed, summaryAndExit } from './steps.mjs';

export {
  STEP_TIMEOUT_MS, check, eventually, passed, step, summaryAndExit,
} from './steps.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
export const buildDir = path.resolve(argValue('--build-dir') || process.env.THIDUA_BUILD_DIR || path.join(repo, 'build'));
export const chromiumPath = process.env.THIDUA_CHROMIUM || '/usr/bin/chromium';
// Screenshots and downloads; each system's logs in a directory of its own under it.
export const outDir = path.join(buildDir, 'browser');

// A failure that ends the run: counted, the processes stopped, the summary printed.
export async function fatal(message) {
  failed(message);
  await stopAll();
  summaryAndExit(1);
}

// ------------------------------------------------------------------ processes

const children = [];
let stopping = false;

export function pathEnv() {
  return { PATH: `${process.env.PATH || ''}:/usr/sbin:/usr/bin:/sbin:/bin` };
}

export function missingPrerequisites() {
  const missing = [];
  if (!fs.existsSync(chromiumPath)) missing.push(`${chromiumPath} (Debian package chromium)`);
  for (const tool of ['redis-server', 'nginx']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`], { env: pathEnv() }).status !== 0) missing.push(tool);
  }
  for (const name of ['nominations', 'reports', 'notifications']) {
    const binary = path.join(buildDir, 'services', name, name);
    if (!fs.existsSync(binary)) missing.push(`${binary} (build it: ninja -C ${buildDir} ${name})`);
  }
  const fake = path.join(buildDir, 'tests', 'fakes', 'fake_zalo');
  if (!fs.existsSync(fake)) missing.push(`${fake} (build it: ninja -C ${buildDir} fake_zalo)`);
  return missing;
}

function startProcess(runDir, name, command, args, env) {
  const logPath = path.join(runDir, `${name}.log`);
  const log = fs.openSync(logPath, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', log, log], cwd: runDir });
  fs.closeSync(log);
  const entry = { name, child, logPath, exited: false };
  child.on('exit', (code, signal) => {
    entry.exited = true;
    if (!stopping) console.log(`browser: ${name} exited unexpectedly (code ${code}, signal ${signal}); see ${logPath}`);
  });
  child.on('error', (error) => {
    entry.exited = true;
    console.log(`browser: could not start ${name}: ${error.message}`);
  });
  children.push(entry);
  return entry;
}

async function stopProcess(entry) {
  if (entry.exited) return;
  const done = new Promise((resolve) => entry.child.once('exit', resolve));
  entry.child.kill('SIGTERM');
  const timer = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'));
  if ((await Promise.race([done, timer])) === 'timeout' && !entry.exited) {
    entry.child.kill('SIGKILL');
    await done;
  }
}

// Services first, then the fake, the edge, Redis (the order of scripts/stop-local.sh).
export async function stopAll() {
  stopping = true;
  for (const name of ['nominations', 'reports', 'notifications', 'fake_zalo', 'nginx', 'redis-server']) {
    for (const entry of children.filter((c) => c.name === name)) await stopProcess(entry);
  }
}
process.on('exit', () => {
  for (const entry of children) if (!entry.exited) entry.child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log(`browser: ${signal}, stopping`);
    stopAll().finally(() => summaryAndExit(1));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
    socket.on('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n')) {
        socket.destroy();
        resolve(data.startsWith('+PONG'));
      }
    });
  });
}

async function waitUntilUp(entry, probe, what) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (entry.exited) break;
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const tail = fs.existsSync(entry.logPath)
    ? fs.readFileSync(entry.logPath, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
  throw new Error(`${what} did not come up; last lines of ${entry.logPath}:\n${tail}`);
}

async function httpOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

function nginxWorkerUser(paths) {
  for (const p of paths) {
    const r = spawnSync('runuser', ['-u', 'www-data', '--', 'test', '-r', p, '-a', '-x', p]);
    if (r.status !== 0) return 'root';
  }
  return 'www-data';
}

// THIDUA_TEST_FAKETIME ("YYYY-MM-DD HH:MM:SS", Vietnam time) as an instant, or null when unset:
// the services' clocks start there (libfaketime, tests/support/process.hpp) and so does the
// page's (browser.mjs), so that a test's dates hold whatever the day it runs.
export function testClockInstant() {
  const ict = process.env.THIDUA_TEST_FAKETIME;
  if (!ict) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(ict);
  if (!m) throw new Error(`THIDUA_TEST_FAKETIME is not YYYY-MM-DD HH:MM:SS: ${ict}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 7, +m[5], +m[6]));
}

function testClockEnv() {
  const utc = testClockInstant();
  if (!utc) return {};
  const lib = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
    '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1'].find((p) => fs.existsSync(p));
  if (!lib) throw new Error('libfaketime is missing: apt-get install faketime');
  // Before libfaketime: timerfd calls reach the kernel unchanged (tests/support/
  // timerfd_passthrough.cpp says why); built with the tests.
  const passthrough = path.join(buildDir, 'tests', 'libthidua_timerfd_passthrough.so');
  if (!fs.existsSync(passthrough)) throw new Error(`${passthrough} is missing: build the tests`);
  const faketime = `@${utc.toISOString().slice(0, 19).replace('T', ' ')}`;
  return {
    LD_PRELOAD: `${passthrough}:${lib}`, FAKETIME: faketime, FAKETIME_DONT_FAKE_MONOTONIC: '1', TZ: 'UTC',
  };
}

const randomHex = (bytes) => crypto.randomBytes(bytes).toString('hex');

// Starts everything under <build>/browser/<name>/; returns the edge's and the fake's URLs and
// the secrets it was started with (fresh random ones unless given). `bot: false` leaves the
// bot off (notifications still sends through the fake, nobody's chat is read).
export async function startSystem({
  name, adminToken = randomHex(24), serviceToken = randomHex(24), zaloToken = `fake-${randomHex(8)}`,
  groupId = 'nhom-can-bo', roundsFile, bot = true,
}) {
  const runDir = path.join(outDir, name);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(runDir, 'redis'), { recursive: true });
  fs.mkdirSync(path.join(runDir, 'nginx', 'tmp'), { recursive: true });
  fs.chmodSync(outDir, 0o755);
  fs.chmodSync(runDir, 0o755);
  const [redisPort, nominationsPort, reportsPort, notificationsPort, edgePort, zaloPort] =
    await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const env = { ...pathEnv(), HOME: process.env.HOME || os.tmpdir(), LANG: 'C.UTF-8' };
  const edge = `http://127.0.0.1:${edgePort}`;
  const zalo = `http://127.0.0.1:${zaloPort}`;

  const redis = startProcess(runDir, 'redis-server', 'redis-server', [
    '--port', String(redisPort), '--bind', '127.0.0.1', '--dir', path.join(runDir, 'redis'),
    '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no',
    '--logfile', '',
  ], env);
  await waitUntilUp(redis, () => redisPing(redisPort), 'redis-server');

  const fake = startProcess(runDir, 'fake_zalo', path.join(buildDir, 'tests', 'fakes', 'fake_zalo'), [],
    { ...env, FAKE_ZALO_PORT: String(zaloPort), FAKE_ZALO_TOKEN: zaloToken, FAKE_ZALO_POLL_WAIT_MS: '200' });
  await waitUntilUp(fake, () => httpOk(`${zalo}/__fake/calls`), 'fake_zalo');

  const serviceEnv = {
    ...env,
    THIDUA_HTTP_HOST: '127.0.0.1',
    THIDUA_REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    THIDUA_ADMIN_TOKEN: adminToken,
    THIDUA_SERVICE_TOKEN: serviceToken,
    THIDUA_CATALOGUE_FILE: path.join(repo, 'config', 'catalogue.json'),
    THIDUA_ROUNDS_FILE: roundsFile || path.join(repo, 'tests', 'support', 'rounds-always-open.json'),
    THIDUA_CORS_ORIGINS: edge,
    THIDUA_NOMINATIONS_URL: `http://127.0.0.1:${nominationsPort}`,
    THIDUA_REPORTS_URL: `http://127.0.0.1:${reportsPort}`,
    THIDUA_DASHBOARD_URL: `${edge}/admin/`,
    ...testClockEnv(),
  };
  const services = [
    ['nominations', nominationsPort, {}],
    ['reports', reportsPort, {}],
    ['notifications', notificationsPort, {
      THIDUA_MESSENGER: 'zalo',
      ZALO_BOT_API_BASE: zalo,
      ZALO_BOT_TOKEN: zaloToken,
      ZALO_GROUP_ID: groupId,
      ...(bot ? { THIDUA_BOT_MODE: 'polling', THIDUA_POLL_TIMEOUT_S: '1' } : { THIDUA_BOT_MODE: 'off' }),
      THIDUA_QUIET_HOURS: 'off',
      THIDUA_RATE_LIMIT_PER_MINUTE: '0',
    }],
  ];
  for (const [service, port, extra] of services) {
    const entry = startProcess(runDir, service, path.join(buildDir, 'services', service, service), [],
      { ...serviceEnv, ...extra, THIDUA_HTTP_PORT: String(port) });
    await waitUntilUp(entry, () => httpOk(`http://127.0.0.1:${port}/readyz`), service);
  }

  const webRoot = path.join(repo, 'web');
  const prefix = path.join(runDir, 'nginx');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const values = {
    PREFIX: prefix,
    LOG_DIR: runDir,
    LISTEN: `127.0.0.1:${edgePort}`,
    WEB_ROOT: webRoot,
    NOMINATIONS: `127.0.0.1:${nominationsPort}`,
    REPORTS: `127.0.0.1:${reportsPort}`,
    NOTIFICATIONS: `127.0.0.1:${notificationsPort}`,
  };
  if (isRoot) values.USER = nginxWorkerUser([path.join(webRoot, 'admin'), path.join(prefix, 'tmp')]);
  const confPath = path.join(prefix, 'nginx.conf');
  const render = spawnSync('sh', [path.join(repo, 'deploy', 'render-nginx-conf.sh'),
    path.join(repo, 'deploy', 'nginx.conf'), confPath,
    ...Object.entries(values).map(([k, v]) => `${k}=${v}`)], { env, encoding: 'utf8' });
  check(render.status === 0, `render-nginx-conf.sh failed: ${render.stderr}`);
  const nginxArgs = ['-p', `${prefix}/`, '-c', confPath, '-e', path.join(runDir, 'nginx-error.log')];
  const test = spawnSync('nginx', ['-t', '-q', ...nginxArgs], { env, encoding: 'utf8' });
  check(test.status === 0, `nginx -t rejected ${confPath}: ${test.stderr}`);
  const nginx = startProcess(runDir, 'nginx', 'nginx', nginxArgs, env);
  await waitUntilUp(nginx, () => httpOk(`${edge}/healthz`), 'nginx');
  await waitUntilUp(nginx, () => httpOk(`${edge}/api/reports/v1/deadlines/next`), 'the edge route to reports');
  return { edge, zalo, outDir, runDir, adminToken, serviceToken, zaloToken, groupId };
}

// startSystem as a test's first step: passed with `what` and the edge's address, or fatal.
export async function startSystemOrExit(options,
  what = 'the system starts: redis, the three services, the fake Zalo and nginx') {
  try {
    const system = await startSystem(options);
    passed(`${what} at ${system.edge}`);
    return system;
  } catch (error) {
    return fatal(`the system starts: ${error.message}`);
  }
}
