// `npm run size`: journeykit's entries, min+gzip, against their budgets; exits 1 when one is over
// its budget, or, for an entry whose budget is not met yet, over its ceiling.
// Deterministic (no timing), so CI can run it. The peers and the history live in bench/RESULTS.md.
import { breakdown, JOURNEYKIT, kB, measure, sizeTable } from './figures/size';

const measured = await Promise.all(JOURNEYKIT.map(measure));
console.log(sizeTable(measured));
const over = measured.filter(
  ({ entry, gzipped }) => entry.budget !== undefined && gzipped > entry.budget,
);
for (const { entry, gzipped } of over) {
  const limit = entry.ceiling ?? entry.budget!;
  console.error(
    `\n${entry.name}: ${kB(gzipped)} kB min+gzip, over its ${kB(entry.budget!)} kB budget` +
      (gzipped > limit
        ? ` and its ${kB(limit)} kB CI ceiling`
        : ` (within its ${kB(limit)} kB CI ceiling)`),
  );
  if (gzipped > limit) process.exitCode = 1;
}
if (over.length > 0)
  console.error(`\nWhere the core's bytes come from:\n\n${breakdown(measured[0]!)}`);
