// `npm test`: the vitest suite, then the React Native example's jest suite (React Native's
// renderer needs jest-expo, in the example's own install), then one line that counts both.
// With arguments (`npm test -- <files>`), vitest alone runs them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const run = (command: string, argv: string[], cwd = '.') =>
  spawnSync(command, argv, { cwd, stdio: 'inherit' }).status ?? 1;
if (args.length) process.exit(run('npx', ['vitest', 'run', ...args]));

interface Counts {
  numPassedTests: number;
  numFailedTests: number;
}
const out = mkdtempSync(path.join(tmpdir(), 'journeykit-tests-'));
const read = (file: string): Counts | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Counts) : undefined;

const vitestJson = path.join(out, 'vitest.json');
const vitest = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);

const app = 'examples/react-native';
let jest = 0;
let jestCounts: Counts | undefined = { numPassedTests: 0, numFailedTests: 0 };
if (existsSync(path.join(app, 'node_modules/jest-expo'))) {
  const jestJson = path.join(out, 'jest.json');
  jest = run('npx', ['jest', '--json', `--outputFile=${jestJson}`], app);
  jestCounts = read(jestJson);
} else if (process.env.CI) {
  console.error(`${app} is not installed: CI installs it first`);
  jest = 1;
} else console.log(`\nSkipped the React Native app's jest suite: run npm install in ${app} first.`);

const counts = [read(vitestJson), jestCounts];
const passed = counts.reduce((sum, c) => sum + (c?.numPassedTests ?? 0), 0);
const failed = counts.reduce((sum, c) => sum + (c?.numFailedTests ?? 0), 0);
rmSync(out, { recursive: true, force: true });
const broken = vitest !== 0 || jest !== 0 || counts.includes(undefined);
console.log(`\n${passed} passed, ${failed} failed (vitest, then the React Native app under jest)`);
process.exit(broken || failed ? 1 : 0);
