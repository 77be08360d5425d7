import { login } from './login.js';
import type { Journey } from './types.js';

/** The journey run when a request names none (AM runs the realm's default tree). */
export const DEFAULT_JOURNEY = 'Login';

/** Every journey the server offers, by name (names are case-sensitive, as tree names in AM). */
export const JOURNEYS: ReadonlyMap<string, Journey> = new Map([login].map((j) => [j.name, j]));
