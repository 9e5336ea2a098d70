/* CPU time per process group from /proc (Linux), to say where the cores went during a measurement. */
import { readdirSync, readFileSync } from 'fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Group name for a process, or undefined to leave it out. */
export type Grouper = (pid: number, comm: string) => string | undefined;

export function cpuSecondsByGroup(group: Grouper): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const name = group(pid, comm);
    if (!name) continue;
    const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
    totals.set(name, (totals.get(name) ?? 0) + seconds);
  }
  return totals;
}

export function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [name, seconds] of after) delta.set(name, seconds - (before.get(name) ?? 0));
  return delta;
}
