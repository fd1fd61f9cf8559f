#!/usr/bin/env node
// The deployment manifests checked offline, as they would be applied:
//   k8s/  rendered by kustomize (`kubectl kustomize k8s`), every object validated against
//         the Kubernetes schemas (npm kubernetes-models), then what keeps the school's
//         service up and its traffic where it belongs: every Deployment with 2 replicas, a
//         PodDisruptionBudget that lets a drain through one pod at a time, requests and
//         limits, probes, non-root and a read-only root filesystem with a volume wherever it
//         writes; images tagged in kustomization.yaml only, never :latest; Redis a
//         StatefulSet behind a headless Service with AOF appendfsync always on its claim; the
//         backup CronJob on a claim of its own; the NetworkPolicies, evaluated for who may
//         reach whom (the Ingress controller only the edge, the edge and the services only
//         the services, only the services and the backup Redis, Redis nothing).
//   deploy/docker-compose.yml  two replicas of each service behind the edge, nothing
//         published but the edge on loopback, images from targets deploy/Dockerfile has,
//         every setting named in README.md.
//
//   node tests/deploy/manifests.test.mjs
// Needs kubectl (scripts/setup.sh installs Debian's kubernetes-client when there is none)
// and tests/deploy/node_modules (npm install --prefix tests/deploy; setup.sh does it).
// The last line is "manifests: N passed, M failed".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
let passed = 0;
let failed = 0;
function check(name, problems) {
  const list = (Array.isArray(problems) ? problems : [problems]).filter(Boolean);
  if (list.length === 0) {
    passed += 1;
    console.log(`ok   - ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL - ${name}\n       ${list.join('\n       ')}`);
  }
}
function finish() {
  console.log(`manifests: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

let YAML;
try {
  YAML = await import('yaml');
} catch {
  check('tests/deploy/node_modules is installed', 'run `bash scripts/setup.sh` (npm install --prefix tests/deploy)');
  finish();
}

// ------------------------------------------------------------------ k8s: render, validate

let rendered;
try {
  rendered = execFileSync('kubectl', ['kustomize', path.join(repo, 'k8s')], { encoding: 'utf8' });
} catch (error) {
  check('kubectl kustomize k8s renders', String(error.message).split('\n').slice(0, 3).join(' '));
  finish();
}
const objects = YAML.parseAllDocuments(rendered).map((d) => d.toJS()).filter(Boolean);
check(`kubectl kustomize k8s renders (${objects.length} objects)`, objects.length > 10 ? null : 'too few objects');

const invalid = [];
for (const o of objects) {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const modelPath = `kubernetes-models/${group ? `${group}/` : ''}${version}/${o.kind}`;
  try {
    const Model = (await import(modelPath))[o.kind];
    new Model(o).validate();
  } catch (error) {
    invalid.push(`${o.kind}/${o.metadata?.name}: ${String(error.message).slice(0, 300)}`);
  }
}
check('every rendered object validates against the Kubernetes schemas (kubernetes-models)', invalid);

const ns = 'thidua';
const byKind = (kind) => objects.filter((o) => o.kind === kind);
const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
check('every object is in the thidua namespace', objects
  .filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== ns)
  .map((o) => `${o.kind}/${o.metadata.name} is in ${o.metadata.namespace}`));

const selects = (selector, labels) => {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels || {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions || []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
};

// Every pod template of a workload, with where it comes from.
const workloads = [
  ...byKind('Deployment').map((o) => ({ o, pod: o.spec.template })),
  ...byKind('StatefulSet').map((o) => ({ o, pod: o.spec.template })),
  ...byKind('CronJob').map((o) => ({ o, pod: o.spec.jobTemplate.spec.template })),
];

// ------------------------------------------------------------------ k8s: images

const kustomization = YAML.parse(fs.readFileSync(path.join(repo, 'k8s', 'kustomization.yaml'), 'utf8'));
const tagged = Object.fromEntries((kustomization.images || []).map((i) => [i.name, i.newTag]));
const imageProblems = [];
for (const { o, pod } of workloads) {
  for (const c of pod.spec.containers) {
    const m = /^(.+?)(?::([^:/@]+))?(@sha256:[0-9a-f]{64})?$/.exec(c.image);
    const [, name, tag, digest] = m;
    if (!tag && !digest) imageProblems.push(`${o.kind}/${o.metadata.name}: ${c.image} has no tag`);
    if (tag === 'latest') imageProblems.push(`${o.kind}/${o.metadata.name}: ${c.image} is :latest`);
    if (!(path.basename(name) in tagged)) imageProblems.push(`${o.kind}/${o.metadata.name}: ${name} is not in kustomization.yaml's images`);
  }
}
for (const [name, tag] of Object.entries(tagged)) {
  if (!tag || tag === 'latest') imageProblems.push(`kustomization.yaml: ${name} has tag ${tag}`);
}
// The tag is set in one place: no manifest names one itself.
for (const file of fs.readdirSync(path.join(repo, 'k8s')).filter((f) => f.endsWith('.yaml'))) {
  for (const line of fs.readFileSync(path.join(repo, 'k8s', file), 'utf8').split('\n')) {
    const m = /^\s*image:\s*(\S+)/.exec(line);
    if (m && m[1].includes(':')) imageProblems.push(`k8s/${file}: ${m[1]} names a tag; set it in kustomization.yaml`);
  }
}
check('images: every one tagged through kustomization.yaml (images:), never :latest', imageProblems);

// ------------------------------------------------------------------ k8s: workloads

function podProblems(kind, name, pod) {
  const p = [];
  const spec = pod.spec;
  const psc = spec.securityContext || {};
  if (psc.runAsNonRoot !== true) p.push('pod securityContext.runAsNonRoot is not true');
  if (!(psc.runAsUser > 0)) p.push('pod securityContext.runAsUser is not a user other than root');
  if (spec.automountServiceAccountToken !== false) p.push('the service account token is mounted');
  const volumes = new Map((spec.volumes || []).map((v) => [v.name, v]));
  for (const c of spec.containers) {
    const where = `container ${c.name}`;
    const r = c.resources || {};
    for (const kindOf of ['requests', 'limits']) {
      for (const res of ['cpu', 'memory']) {
        if (!r[kindOf] || !r[kindOf][res]) p.push(`${where}: no ${kindOf}.${res}`);
      }
    }
    const sc = c.securityContext || {};
    if (sc.allowPrivilegeEscalation !== false) p.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) p.push(`${where}: the root filesystem is writable`);
    if (!(sc.capabilities?.drop || []).includes('ALL')) p.push(`${where}: capabilities are not all dropped`);
    if (kind !== 'CronJob') {
      if (!c.livenessProbe) p.push(`${where}: no liveness probe`);
      if (!c.readinessProbe) p.push(`${where}: no readiness probe`);
    }
    for (const m of c.volumeMounts || []) {
      const fromClaimTemplate = kind === 'StatefulSet' && !volumes.has(m.name);
      if (!volumes.has(m.name) && !fromClaimTemplate) p.push(`${where}: mount ${m.name} has no volume`);
    }
  }
  return p.map((x) => `${kind}/${name}: ${x}`);
}

const writes = {
  // Where each image writes at run time (a read-only root filesystem needs a volume there).
  'thidua-nominations': ['/tmp'],
  'thidua-reports': ['/tmp'],
  'thidua-notifications': ['/tmp', '/var/lib/thidua/outbox'],
  'thidua-edge': ['/var/cache/thidua-nginx'],
  'thidua-redis': ['/data'],
};
const deployments = byKind('Deployment');
check(`the Deployments: ${deployments.map((d) => d.metadata.name).join(', ')}`,
  ['nominations', 'reports', 'notifications', 'web'].filter((n) => !named('Deployment', n)).map((n) => `no Deployment ${n}`));
for (const d of deployments) {
  const name = d.metadata.name;
  const p = podProblems('Deployment', name, d.spec.template);
  if (!(d.spec.replicas >= 2)) p.push(`replicas ${d.spec.replicas}, not 2 or more`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (d.spec.strategy?.type === 'Recreate' || (ru && String(ru.maxUnavailable) !== '0')) {
    p.push('a rollout may take a pod away before its replacement is ready (maxUnavailable 0)');
  }
  const labels = d.spec.template.metadata.labels;
  const pdbs = byKind('PodDisruptionBudget').filter((b) => selects(b.spec.selector, labels));
  if (pdbs.length !== 1) {
    p.push(`${pdbs.length} PodDisruptionBudgets select its pods, not 1`);
  } else {
    const b = pdbs[0].spec;
    const keeps = b.minAvailable !== undefined ? Number(b.minAvailable) : d.spec.replicas - Number(b.maxUnavailable);
    if (!(keeps >= 1)) p.push(`its PodDisruptionBudget keeps ${keeps} pods up during a drain`);
    if (!(keeps < d.spec.replicas)) p.push(`its PodDisruptionBudget (keeps ${keeps} of ${d.spec.replicas}) blocks every drain`);
  }
  for (const c of d.spec.template.spec.containers) {
    const mounted = (c.volumeMounts || []).map((m) => m.mountPath);
    const image = c.image.split(':')[0];
    for (const dir of writes[image] || ['(unknown image)']) {
      if (!mounted.includes(dir)) p.push(`${c.name} writes to ${dir}, which has no volume`);
    }
  }
  const svc = byKind('Service').find((s) => selects({ matchLabels: s.spec.selector }, labels));
  if (!svc) p.push('no Service selects its pods');
  check(`Deployment ${name}: 2 replicas, a PDB, requests and limits, probes, non-root, read-only root with volumes`, p);
}

const redis = named('StatefulSet', 'redis');
{
  const p = redis ? podProblems('StatefulSet', 'redis', redis.spec.template) : ['no StatefulSet redis'];
  if (redis) {
    const svc = named('Service', redis.spec.serviceName);
    if (!svc) p.push(`serviceName ${redis.spec.serviceName} is no Service`);
    else if (svc.spec.clusterIP !== 'None') p.push(`Service ${svc.metadata.name} is not headless`);
    else if (!selects({ matchLabels: svc.spec.selector }, redis.spec.template.metadata.labels)) p.push('its headless Service does not select it');
    const c = redis.spec.template.spec.containers[0];
    const args = [...(c.command || []), ...(c.args || [])].join(' ');
    for (const want of ['--appendonly yes', '--appendfsync always', '--dir /data', '--requirepass']) {
      if (!args.includes(want)) p.push(`redis-server is not started with ${want}`);
    }
    const data = (c.volumeMounts || []).find((m) => m.mountPath === '/data');
    const claims = (redis.spec.volumeClaimTemplates || []).map((t) => t.metadata.name);
    if (!data || !claims.includes(data.name)) p.push('/data is not on a PersistentVolumeClaim of its own (volumeClaimTemplates)');
    if (!c.startupProbe && !c.livenessProbe) p.push('no health check');
  }
  check('Redis: a StatefulSet behind a headless Service, AOF appendfsync always on its claim, probes, non-root, read-only root', p);
}

const cron = named('CronJob', 'redis-backup');
{
  const p = cron ? podProblems('CronJob', 'redis-backup', cron.spec.jobTemplate.spec.template) : ['no CronJob redis-backup'];
  if (cron) {
    const pod = cron.spec.jobTemplate.spec.template.spec;
    const c = pod.containers[0];
    if (!(c.command || []).join(' ').includes('thidua-backup')) p.push('it does not run thidua-backup (scripts/backup.sh)');
    if (!c.image.startsWith('thidua-redis:')) p.push(`image ${c.image}, not the Redis image that has the script`);
    const env = Object.fromEntries((c.env || []).map((e) => [e.name, e.value ?? e.valueFrom]));
    const dir = env.THIDUA_BACKUP_DIR;
    const mount = (c.volumeMounts || []).find((m) => m.mountPath === dir);
    const volume = mount && pod.volumes.find((v) => v.name === mount.name);
    const claim = volume?.persistentVolumeClaim?.claimName;
    if (!claim || !named('PersistentVolumeClaim', claim)) p.push(`THIDUA_BACKUP_DIR (${dir}) is not on a PersistentVolumeClaim defined here`);
    if (!env.THIDUA_REDIS_URL) p.push('no THIDUA_REDIS_URL');
    if (cron.spec.concurrencyPolicy !== 'Forbid') p.push('two backups may run at once');
  }
  check('the backup CronJob: thidua-backup into a claim of its own, one at a time, non-root, read-only root', p);
}

{
  const ingress = byKind('Ingress');
  const backends = ingress.flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((x) => x.backend.service.name)));
  check('the Ingress sends every route to the edge (web), so its limits and headers hold here too',
    backends.length > 0 && backends.every((b) => b === 'web') ? null : `backends: ${backends.join(', ')}`);
}

{
  // The edge image proxies to fixed names (deploy/edge-start.sh); the services call each
  // other through the ConfigMap's URLs: each must be a Service with that port.
  const p = [];
  const start = fs.readFileSync(path.join(repo, 'deploy', 'edge-start.sh'), 'utf8');
  const targets = [...start.matchAll(/(?:NOMINATIONS|REPORTS|NOTIFICATIONS)=([a-z]+):(\d+)/g)].map((m) => [m[1], Number(m[2])]);
  const config = named('ConfigMap', 'thidua-config').data;
  for (const key of Object.keys(config).filter((k) => /_URL$/.test(k))) {
    const m = /^http:\/\/([a-z]+):(\d+)$/.exec(config[key]);
    if (m) targets.push([m[1], Number(m[2])]);
  }
  if (targets.length < 6) p.push(`only ${targets.length} upstreams found`);
  for (const [host, port] of targets) {
    const svc = named('Service', host);
    if (!svc || !svc.spec.ports.some((x) => x.port === port)) p.push(`${host}:${port} is no Service port`);
  }
  check('the edge\'s upstreams and the services\' URLs are Services with those ports', p);
}

// ------------------------------------------------------------------ k8s: network policies

// A small evaluator of NetworkPolicy semantics: traffic from A to B on a port is allowed when
// A's egress allows it (no policy with Egress selects A, or a rule matches B and the port)
// and B's ingress allows it (likewise). Pods carry the labels of their templates; outside
// the namespace: the Ingress controller, the cluster DNS, a stranger, an Internet address.
const policies = byKind('NetworkPolicy');
const nsLabels = (name) => ({ 'kubernetes.io/metadata.name': name });
const pods = {};
for (const { o, pod } of workloads) pods[o.metadata.name] = { ns, labels: pod.metadata.labels };
pods['ingress-controller'] = { ns: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
pods['kube-dns'] = { ns: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
pods['stranger-in-namespace'] = { ns, labels: { app: 'debug' } };
pods['stranger-elsewhere'] = { ns: 'default', labels: { app: 'debug' } };
pods.internet = { ip: '203.0.113.10' };
pods['private-network'] = { ip: '10.20.30.40' };

const ipInCidr = (ip, cidr) => {
  const [base, bits] = cidr.split('/');
  const toInt = (a) => a.split('.').reduce((n, x) => n * 256 + Number(x), 0);
  const size = 2 ** (32 - Number(bits));  // addresses in the range
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base) / size);
};
const peerMatches = (peer, policyNs, target) => {
  if (peer.ipBlock) {
    return Boolean(target.ip) && ipInCidr(target.ip, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except || []).some((c) => ipInCidr(target.ip, c));
  }
  if (target.ip) return false;  // an address outside the cluster is no pod
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(target.ns)) : target.ns === policyNs;
  const podOk = peer.podSelector ? selects(peer.podSelector, target.labels) : true;
  return nsOk && podOk;
};
const portMatches = (ports, port, protocol) => !ports || ports.length === 0 ||
  ports.some((p) => (p.protocol || 'TCP') === protocol && (p.port === undefined || p.port === port ||
    (p.endPort !== undefined && port >= p.port && port <= p.endPort)));
function sideAllows(direction, self, other, port, protocol) {
  if (self.ip) return true;  // outside the cluster: no policy of ours applies
  const applying = policies.filter((pol) => pol.metadata.namespace === self.ns &&
    selects(pol.spec.podSelector, self.labels) && (pol.spec.policyTypes || ['Ingress']).includes(direction));
  if (applying.length === 0) return true;
  const rulesKey = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  return applying.some((pol) => (pol.spec[rulesKey] || []).some((rule) =>
    (!rule[peersKey] || rule[peersKey].some((peer) => peerMatches(peer, pol.metadata.namespace, other))) &&
    portMatches(rule.ports, port, protocol)));
}
const reaches = (from, to, port, protocol = 'TCP') => Boolean(pods[from] && pods[to]) &&
  sideAllows('Egress', pods[from], pods[to], port, protocol) && sideAllows('Ingress', pods[to], pods[from], port, protocol);

const services = [['nominations', 8081], ['reports', 8082], ['notifications', 8083]];
const must = [
  ['ingress-controller', 'web', 8080],
  ...services.map(([s, port]) => ['web', s, port]),
  ...services.map(([s]) => [s, 'redis-0', 6379]),
  ['notifications', 'nominations', 8081], ['notifications', 'reports', 8082],
  ['reports', 'nominations', 8081], ['reports', 'notifications', 8083],
  ['redis-backup', 'redis-0', 6379],
  ['notifications', 'internet', 443],
  ...['web', 'nominations', 'reports', 'notifications', 'redis-backup'].map((s) => [s, 'kube-dns', 53, 'UDP']),
];
const mustNot = [
  ...services.map(([s, port]) => ['ingress-controller', s, port]),
  ['ingress-controller', 'redis-0', 6379],
  ['web', 'redis-0', 6379],
  ['stranger-in-namespace', 'redis-0', 6379], ['stranger-in-namespace', 'web', 8080],
  ['stranger-in-namespace', 'nominations', 8081], ['stranger-elsewhere', 'web', 8080],
  ['stranger-elsewhere', 'redis-0', 6379],
  ['redis-0', 'kube-dns', 53, 'UDP'], ['redis-0', 'nominations', 8081], ['redis-0', 'internet', 443],
  ['redis-0', 'private-network', 6379],
  ['nominations', 'internet', 443], ['reports', 'internet', 443], ['web', 'internet', 443],
  ['notifications', 'private-network', 443], ['redis-backup', 'nominations', 8081],
  ['redis-backup', 'internet', 443],
];
// The pods the evaluator names must exist (a renamed workload would make checks vacuous).
pods['redis-0'] = pods.redis;
const missing = [...must, ...mustNot].flatMap(([a, b]) => [a, b]).filter((n) => !pods[n]);
check('network policies: every pod named below is a workload here', [...new Set(missing)].map((n) => `no pod ${n}`));
check('network policies allow: the Ingress controller -> edge; edge -> services; services -> services, Redis; backup -> Redis; notifications -> Zalo; DNS',
  must.filter(([a, b, port, proto]) => !reaches(a, b, port, proto)).map(([a, b, port, proto = 'TCP']) => `${a} -> ${b}:${port}/${proto} is refused`));
check('network policies refuse: the Ingress controller -> services or Redis; edge -> Redis; strangers -> anything; Redis -> anything; others -> the Internet',
  mustNot.filter(([a, b, port, proto]) => reaches(a, b, port, proto)).map(([a, b, port, proto = 'TCP']) => `${a} -> ${b}:${port}/${proto} is allowed`));
check('network policies: everything in the namespace is denied unless allowed (a default-deny both ways)',
  policies.some((pol) => Object.keys(pol.spec.podSelector || {}).length === 0 &&
    ['Ingress', 'Egress'].every((t) => (pol.spec.policyTypes || []).includes(t)) &&
    !(pol.spec.ingress || []).length && !(pol.spec.egress || []).length) ? null : 'no default-deny policy');

// ------------------------------------------------------------------ docker compose

const composeText = fs.readFileSync(path.join(repo, 'deploy', 'docker-compose.yml'), 'utf8');
const compose = YAML.parse(composeText, { merge: true });
const dockerfile = fs.readFileSync(path.join(repo, 'deploy', 'Dockerfile'), 'utf8');
const targets = new Set([...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]));
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
{
  const p = [];
  const s = compose.services || {};
  for (const name of ['nominations', 'reports', 'notifications']) {
    const svc = s[name];
    if (!svc) { p.push(`no service ${name}`); continue; }
    if (svc.deploy?.replicas !== 2) p.push(`${name}: deploy.replicas is ${svc.deploy?.replicas}, not 2`);
    if (svc.container_name) p.push(`${name}: container_name stops a second replica`);
    if (svc.ports) p.push(`${name}: publishes ports (only the edge may)`);
    if (svc.depends_on?.redis?.condition !== 'service_healthy') p.push(`${name}: does not wait for a healthy Redis`);
    if (!/redis:6379/.test(svc.environment?.THIDUA_REDIS_URL || '')) p.push(`${name}: THIDUA_REDIS_URL is not the redis service`);
    if (!svc.restart) p.push(`${name}: no restart policy`);
  }
  const edge = s.edge;
  if (!edge) p.push('no service edge');
  else {
    for (const port of edge.ports || []) {
      if (!String(port).startsWith('127.0.0.1:')) p.push(`edge: ${port} is published beyond loopback`);
    }
    for (const name of ['nominations', 'reports', 'notifications']) {
      const deps = Array.isArray(edge.depends_on) ? edge.depends_on : Object.keys(edge.depends_on || {});
      if (!deps.includes(name)) p.push(`edge: does not depend on ${name}`);
    }
  }
  if (!s.redis?.healthcheck) p.push('redis: no health check');
  if (s.redis?.ports) p.push('redis: publishes a port');
  if (!(s.redis?.volumes || []).some((v) => String(v).endsWith(':/data'))) p.push('redis: /data is not a volume');
  if (!(s.redis?.volumes || []).some((v) => String(v).endsWith(':/backups'))) p.push('redis: /backups is not a volume');
  for (const [name, svc] of Object.entries(s)) {
    if (svc.build && !targets.has(svc.build.target)) p.push(`${name}: target ${svc.build.target} is not in deploy/Dockerfile`);
    for (const key of Object.keys(svc.environment || {})) {
      if (/^(THIDUA|ZALO)_/.test(key) && !readme.includes(`\`${key}\``)) p.push(`${name}: ${key} is not in README.md`);
    }
  }
  // The edge image proxies to these names and ports: compose must serve them.
  const start = fs.readFileSync(path.join(repo, 'deploy', 'edge-start.sh'), 'utf8');
  for (const m of start.matchAll(/(?:NOMINATIONS|REPORTS|NOTIFICATIONS)=([a-z]+):(\d+)/g)) {
    if (!s[m[1]]) p.push(`the edge proxies to ${m[1]}, which compose does not run`);
  }
  check('docker compose: two replicas of each service behind the edge, only the edge published (loopback), Redis healthy with its volumes', p);
}

finish();
