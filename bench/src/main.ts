// `npm run bench [-- <id>...]`: runs the figures (all, or those named), prints each as it comes,
// and after a full run writes bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as prettier from 'prettier';

import { concurrency } from './figures/concurrency';
import { cpu } from './figures/cpu';
import { hotPath } from './figures/hot-path';
import { logout } from './figures/logout';
import { memory } from './figures/memory';
import { requests } from './figures/requests';
import { roundTrips } from './figures/round-trips';
import { size } from './figures/size';
import { throughput } from './figures/throughput';
import { ROOT, type Figure } from './lib/runner';

const FIGURES: Figure[] = [
  size,
  requests,
  roundTrips,
  cpu,
  concurrency,
  hotPath,
  logout,
  throughput,
  memory,
];
const RESULTS = `${ROOT}bench/RESULTS.md`;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !FIGURES.some((figure) => figure.id === id));
if (unknown.length > 0) {
  console.error(
    `Unknown figure ${unknown.join(', ')}; the figures: ${FIGURES.map((f) => f.id).join(', ')}`,
  );
  process.exit(2);
}
if (process.env.NODE_ENV !== 'production')
  console.warn('NODE_ENV is not production: run through `npm run bench`, as the results say.');

const load = os.loadavg()[0]!; // other work on the machine moves the timings
const sections: string[] = [];
for (const [index, figure] of FIGURES.entries()) {
  if (wanted.length > 0 && !wanted.includes(figure.id)) continue;
  const started = performance.now();
  const body = (await figure.run()).join('\n\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const rerun = `Rerun: \`npm run bench -- ${figure.id}\` (${seconds} s)${figure.id === 'size' ? '; the budgets alone: `npm run size`' : ''}.`;
  const section = `## ${index + 1}. ${figure.title}\n\n${body}\n\n${rerun}`;
  console.log(`\n${section}\n`);
  sections.push(section);
}

if (wanted.length === 0) {
  const git = execFileSync('git', ['describe', '--always', '--dirty=+'], { cwd: ROOT });
  const [hash, dirty] = git.toString().trim().split('+');
  const commit = `\`${hash}\`${dirty === undefined ? '' : ' with uncommitted changes'}`;
  const cpus = os.cpus();
  const date = new Date().toISOString().slice(0, 10);
  const header = [
    '# journeykit benchmarks',
    `journeykit next to its peers, in one run on one machine: written by \`npm run bench\` (code in [\`bench/src\`](src)) on ${date}, at commit ${commit}.`,
    [
      `- **Machine:** ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; ${os.type()} ${os.release()}; Node ${process.version}; load average ${load.toFixed(2)} at the start.`,
      '- **Method:** timings are repeated (each figure says how) and shown as the median, then (min–max), of the rounds; sizes and request counts are deterministic. `npm run bench` runs `NODE_ENV=production node --expose-gc` on the TypeScript sources (tsx), no build needed. Timings are benchmarks, never test assertions; only sizes gate CI: `.ci/run` runs `npm run size`, which fails above a budget, or, for the core while its budget is not met, above its ceiling.',
      '- **Rerun:** `npm run bench` runs every figure (a few minutes) and rewrites this file; `npm run bench -- <id> [<id>...]` runs and prints the figures named, and leaves this file alone.',
    ].join('\n'),
  ].join('\n\n');
  const markdown = `${header}\n\n${sections.join('\n\n')}\n`;
  const options = await prettier.resolveConfig(RESULTS);
  await writeFile(RESULTS, await prettier.format(markdown, { ...options, filepath: RESULTS }));
  console.log(`Wrote ${RESULTS}`);
}
