// Real AM / AIC authenticate replies, kept outside the repository in `../shared/am-fixtures/`
// (one JSON file per reply: `{ id, source, status, body }`). Tests replay them to check that what
// the SDK parses, shows and sends back has AM's shape.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One recorded reply of AM's `/json/.../authenticate`, as the fixture file holds it. */
export interface AmFixture {
  id: string;
  source: Record<string, unknown>;
  status: number;
  body: Record<string, unknown>;
}

const directory = fileURLToPath(new URL('../../../../shared/am-fixtures/', import.meta.url));

/** The names of every fixture (file names without `.json`), sorted. */
export const amFixtureNames = (): string[] =>
  readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();

/** The fixture `name` (e.g. `android-device-binding`); throws naming the folder when it is absent. */
export const amFixture = (name: string): AmFixture => {
  try {
    return JSON.parse(readFileSync(`${directory}${name}.json`, 'utf8')) as AmFixture;
  } catch (cause) {
    throw new Error(`AM fixture ${name} not found in ${directory}`, { cause });
  }
};
