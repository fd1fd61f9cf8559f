// What keeps the school's service up, read from k8s/ as kustomize renders it: images tagged
// in kustomization.yaml only; every Deployment with 2 replicas, a PodDisruptionBudget,
// requests and limits, probes, non-root and a read-only root with volumes where it writes;
// Redis and its backup CronJob; the Ingress and the upstreams. Part of manifests.test.mjs.
import fs from 'node:fs';
import path from 'node:path';

export const selects = (selector, labels) => {
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
export const workloadsOf = (byKind) => [
  ...byKind('Deployment').map((o) => ({ o, pod: o.spec.template })),
  ...byKind('StatefulSet').map((o) => ({ o, pod: o.spec.template })),
  ...byKind('CronJob').map((o) => ({ o, pod: o.spec.jobTemplate.spec.template })),
];

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

export function checkWorkloads({ check, YAML, repo, byKind, named }) {
  const workloads = workloadsOf(byKind);

  // Images.
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

  // Workloads.
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
}
