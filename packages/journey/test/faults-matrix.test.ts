import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { JourneyError } from '@journeykit/journey';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import {
  columns,
  deadOrigin,
  network,
  outcomeText,
  prepare,
  rows,
  storageText,
  stored,
  type FaultColumn,
  type OperationRow,
} from './faults-helpers';

// Every operation against every fault (issue 7, first bullet). Each cell's outcome — a node, a
// value, or a typed JourneyError — and what it did to storage must equal the table in
// docs/reliability.md, which this test prints; the invariants below hold in every cell.
// After a deliberate change of behaviour: UPDATE_RELIABILITY=1 npx vitest run <this file>.

const docPath = fileURLToPath(new URL('../../../docs/reliability.md', import.meta.url));
const [START, END] = ['<!-- fault-matrix:start -->', '<!-- fault-matrix:end -->'];
const updating = process.env.UPDATE_RELIABILITY === '1';
const key = (row: OperationRow, column: FaultColumn) => `${row.name} × ${column.name}`;

/** The doc's cells by `row × column`, compared after trimming, so formatting does not matter. */
function documented(): Map<string, string> {
  const table = readFileSync(docPath, 'utf8').split(START)[1]?.split(END)[0] ?? '';
  const lines = table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  const [header = [], , ...body] = lines;
  const cells = new Map<string, string>();
  for (const [name = '', ...values] of body)
    values.forEach((value, i) => cells.set(`${name.replace(/`/g, '')} × ${header[i + 1]}`, value));
  return cells;
}

function render(cells: Map<string, string>): string {
  const lines = [
    ['operation', ...columns.map((c) => c.name)],
    ['---', ...columns.map(() => '---')],
    ...rows.map((row) => [`\`${row.name}\``, ...columns.map((c) => cells.get(key(row, c)) ?? '')]),
  ];
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n');
}

/**
 * Runs one cell and checks the invariants that hold whatever the fault (softly, so one broken cell
 * does not hide the others); returns its text.
 */
async function runCell(
  check: ExpectStatic,
  server: DevServer,
  dead: string,
  row: OperationRow,
  column: FaultColumn,
) {
  const expect = check.soft;
  const where = key(row, column);
  const net = network(server, dead);
  const cell = await prepare(server, net, row, column);
  const before = stored(cell.drive);
  column.apply(server, net, row.routes);
  const [result] = await Promise.allSettled([row.run(cell)]);
  server.clearFaults();
  net.clear();
  const after = stored(cell.drive);

  // Every rejection, and the error of every FailureNode, is a typed JourneyError.
  const error: unknown =
    result.status === 'rejected' ? result.reason : (result.value as { error?: unknown })?.error;
  if (error !== undefined) expect(error, where).toBeInstanceOf(JourneyError);
  // The SSO token is kept unless the app logs out; tokens unless they are forgotten on purpose
  // (revoke, logout) or the server refused the grant for good.
  if (row.forgets !== 'all' && before.sso) expect(after.sso, where).toBe(before.sso);
  if (before.tokens && !after.tokens)
    expect(
      row.forgets || (column.refusesGrant && row.routes.includes('token')),
      where,
    ).toBeTruthy();
  if (row.forgets === 'all') {
    expect(result, where).toEqual({ status: 'fulfilled', value: true });
    expect(after, where).toEqual({});
  }
  expect(
    cell.events.filter((e) => e.type === 'storageError'),
    where,
  ).toEqual([]);

  // Nothing is lost: once the fault is gone, the session has tokens the server accepts, from
  // the SSO session it kept, without signing in again.
  if (row.state !== 'journey') {
    const tokens = await cell.helper.user();
    if (row.forgets === 'all') expect(tokens, where).toBeNull();
    else expect(tokens && (await server.isAccessTokenActive(tokens.accessToken)), where).toBe(true);
  }
  if (after.sso) expect(server.isSessionValid(after.sso), where).toBe(true);
  // No refresh token was ever replayed (the server would have revoked the whole grant).
  expect(server.reuseDetections, where).toBe(0);
  return `${outcomeText(result)} · ${storageText(before, after)}`;
}

describe('the fault matrix', () => {
  const observed = new Map<string, string>();
  let dead: string;
  beforeAll(async () => {
    dead = await deadOrigin();
  });

  for (const column of columns)
    it.concurrent(column.name, async ({ expect }) => {
      const server = await startDevServer();
      try {
        for (const row of rows)
          observed.set(key(row, column), await runCell(expect, server, dead, row, column));
        // Requests the client gave up on reach the server late: a replay would show now.
        if (column.timeout) await sleep(3 * column.timeout);
        expect(server.reuseDetections).toBe(0);
      } finally {
        await server.close();
      }
      if (updating) return;
      const doc = documented();
      const mine = rows.map((row) => key(row, column));
      expect(new Map(mine.map((k) => [k, observed.get(k)]))).toEqual(
        new Map(mine.map((k) => [k, doc.get(k)])),
      );
    });

  it('is the table docs/reliability.md shows', async () => {
    const table = render(observed);
    console.log(
      `The fault matrix (${rows.length} operations × ${columns.length} faults):\n${table}`,
    );
    if (updating) {
      const text = readFileSync(docPath, 'utf8');
      const [head, rest = ''] = text.split(START);
      const next = `${head}${START}\n\n${table}\n\n${END}${rest.split(END)[1] ?? '\n'}`;
      const options = await resolveConfig(docPath);
      writeFileSync(docPath, await format(next, { ...options, filepath: docPath }));
    }
    expect(documented()).toEqual(observed);
  });
});
