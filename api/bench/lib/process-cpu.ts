import { readdirSync, readFileSync } from 'node:fs';

export type Role = 'api' | 'didww' | 'postgres' | 'other';
const TICKS_PER_MS = 100 / 1000; // CLK_TCK is 100 on Linux

/**
 * CPU used so far by this benchmark's child processes (the API and its cluster workers, the fake
 * DIDWW, PostgreSQL), from /proc: on a shared machine, wall-clock figures swing with the neighbours'
 * load, CPU milliseconds per number much less. Reaped children (closed Postgres backends) count via
 * their parent's cutime/cstime.
 */
export function cpuByRole(): Record<Role, number> {
  const procs = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ');
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), cmd });
    } catch {
      // exited meanwhile
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const totals: Record<Role, number> = { api: 0, didww: 0, postgres: 0, other: 0 };
  const walk = (pid: number, inherited: Role) => {
    for (const child of children.get(pid) ?? []) {
      const p = procs.get(child)!;
      const role: Role = p.cmd.includes('fake/main.ts') ? 'didww' : p.cmd.includes('src/main.ts') || p.cmd.includes('dist/main.js') ? 'api' : p.cmd.includes('postgres') ? 'postgres' : inherited;
      totals[role] += p.ticks / TICKS_PER_MS;
      walk(child, role);
    }
  };
  walk(process.pid, 'other');
  return totals;
}
