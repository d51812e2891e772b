import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * POSTs one GraphQL operation for `seconds` with `connections` in flight. Latencies are taken per
 * response (autocannon's own summary has no p95).
 */
export async function loadGraphQL(opts: {
  name: string;
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Requests rotate through these variable sets (instead of `variables`), like many visitors would. */
  variants?: Array<Record<string, unknown>>;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const bodies = (opts.variants ?? []).map((variables) => JSON.stringify({ query: opts.query, variables }));
  let next = 0;
  let finish!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
    url: `${opts.url}/graphql`,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: JSON.stringify({ query: opts.query, variables: opts.variables }),
    ...(bodies.length > 0 ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length]! }) }] } : {}),
    },
    (err, result) => (err ? failed(err) : finish(result)),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== 200) graphqlErrors += 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    name: opts.name,
    requests: latencies.length,
    errors: result.errors + result.timeouts,
    non2xx: graphqlErrors,
    rps: latencies.length / opts.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export function printTable(results: LoadResult[], targets: Record<string, { p95?: number; rps?: number }> = {}): void {
  const rows = results.map((r) => {
    const t = targets[r.name] ?? {};
    const ok = (t.p95 === undefined || r.p95 < t.p95) && (t.rps === undefined || r.rps >= t.rps) && r.errors === 0 && r.non2xx === 0;
    return {
      shape: r.name,
      'req/s': r.rps.toFixed(0),
      'p50 ms': r.p50.toFixed(1),
      'p95 ms': r.p95.toFixed(1),
      'p99 ms': r.p99.toFixed(1),
      requests: r.requests,
      'errors/non-200': `${r.errors}/${r.non2xx}`,
      target: [t.p95 !== undefined ? `p95<${t.p95}` : '', t.rps !== undefined ? `≥${t.rps}/s` : ''].filter(Boolean).join(' ') || '-',
      met: ok ? 'yes' : 'NO',
    };
  });
  console.table(rows);
}
