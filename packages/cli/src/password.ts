import { text } from 'node:stream/consumers';
import { CliError } from './answers';
import type { CliOptions } from './args';

/** The environment variable a scripted run may take the password from. */
export const PASSWORD_ENV = 'JOURNEYKIT_PASSWORD';

/**
 * The password for a scripted run, from --password-stdin, else --password, else
 * JOURNEYKIT_PASSWORD; none keeps it undefined (then the terminal asks, or the run says so).
 * Standard input loses one trailing line break, as `echo` and here-strings add it.
 */
export async function readPassword(
  options: CliOptions,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string | undefined> {
  if (options.passwordStdin) {
    if (options.password !== undefined)
      throw new CliError('Give the password once: --password-stdin or --password, not both', 2);
    const password = (await text(stdin)).replace(/\r?\n$/, '');
    if (!password) throw new CliError('--password-stdin read no password from standard input', 2);
    return password;
  }
  return options.password ?? (process.env[PASSWORD_ENV] || undefined);
}
