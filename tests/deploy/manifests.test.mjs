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

import { checkWorkloads } from './manifests_k8s.mjs';
import { checkNetworkPolicies } from './manifests_network.mjs';

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

// ------------------------------------------------------------------ k8s: images, workloads

checkWorkloads({ check, YAML, repo, byKind, named });

// ------------------------------------------------------------------ k8s: network policies

checkNetworkPolicies({ check, ns, byKind });

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
