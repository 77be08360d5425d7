import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here, so `--import tsx` resolves and tsconfig paths apply. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One figure of RESULTS.md: `run()` measures and returns its section's paragraphs (Markdown). */
export interface Figure {
  id: string;
  title: string;
  run(): Promise<string[]>;
}

/** Runs `work` with the server being started, and closes the server whatever happens. */
export async function withServer<S extends { close(): Promise<void> }, T>(
  starting: Promise<S>,
  work: (server: S) => Promise<T>,
): Promise<T> {
  const server = await starting;
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('nothing measured');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** `12.3 (11.9–13.0)`: the median, then the range. */
export function spread(values: readonly number[], digits = 1): string {
  const { median, min, max } = summarize(values);
  return `${fixed(median, digits)} (${fixed(min, digits)}–${fixed(max, digits)})`;
}

export const fixed = (value: number, digits = 1): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The value at quantile `q` (0–1) of unsorted samples, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** CPU time (user + system) of this process, in microseconds, spent while `work` runs. */
export async function cpuTime(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(before);
  return user + system;
}

/** Wall time of `work` in milliseconds. */
export async function wallTime(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A full collection where node runs with --expose-gc; nothing otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/**
 * Runs `script` (TypeScript, through tsx) in a child Node with `input` as its one argument, and
 * resolves with the JSON the child prints as its last line of output.
 */
export async function runChild<T>(
  script: string,
  input: unknown,
  nodeOptions: string[] = [],
): Promise<T> {
  const child = spawn(
    process.execPath,
    [...nodeOptions, '--import', 'tsx', script, JSON.stringify(input)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

/** What a child started by `runChild` does: read its input, print its result as JSON. */
export function childMain<I, O>(work: (input: I) => Promise<O>): void {
  work(JSON.parse(process.argv[2]!) as I).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
