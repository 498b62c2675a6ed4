import { machineBusySeconds } from './processes';

/** CPU seconds per process over a stretch of the run, and what the rest of the machine used. */
export interface CpuUse {
  seconds: number;
  /** Per process of the stack (and `bench`, this load generator itself). */
  perProcess: Record<string, number>;
  /** Everything else on the machine (other work sharing the cores), CPU seconds. */
  others: number;
  cores: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const benchSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Starts measuring; the function returned gives the CPU use since. */
export function measureCpu(perProcess: () => Record<string, number>, cores: number): () => CpuUse {
  const started = performance.now();
  const machine0 = machineBusySeconds();
  const bench0 = benchSeconds();
  const procs0 = perProcess();
  return () => {
    const procs1 = perProcess();
    const used: Record<string, number> = { bench: round1(benchSeconds() - bench0) };
    for (const [name, s] of Object.entries(procs1)) used[name] = round1(s - (procs0[name] ?? 0));
    const ours = Object.values(used).reduce((a, b) => a + b, 0);
    return {
      seconds: round1((performance.now() - started) / 1000),
      perProcess: used,
      others: round1(Math.max(0, machineBusySeconds() - machine0 - ours)),
      cores,
    };
  };
}
