// The k8s/ NetworkPolicies evaluated for who may reach whom: the Ingress controller only the
// edge, the edge and the services only the services, only the services and the backup Redis,
// Redis nothing. Part of manifests.test.mjs.
import { selects, workloadsOf } from './manifests_k8s.mjs';

export function checkNetworkPolicies({ check, ns, byKind }) {
  const workloads = workloadsOf(byKind);

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
}
