import { createJourneyClient, JourneyError, logger, type JourneyClient } from '@journeykit/journey';
import * as p from '@clack/prompts';
import { CliError, JourneyRefused, promptAnswers, scriptedAnswer, type Answer } from './answers';
import { inFlags, parseCli, usage, type CliOptions } from './args';
import { runJourney } from './journey';
import { readPassword } from './password';
import { sessionMenu, sessionScript, showSession } from './session';
import { devServerTarget, tenantTarget } from './target';

async function main(options: CliOptions): Promise<void> {
  const interactive = !options.yes;
  if (interactive && options.passwordStdin)
    throw new CliError(
      '--password-stdin takes standard input, so nothing can be asked at the terminal: add --yes',
      2,
    );
  if (interactive && !process.stdin.isTTY)
    throw new CliError(
      'stdin is not a terminal: pass --yes, with --username and --password-stdin (or JOURNEYKIT_PASSWORD)',
    );
  const password = await readPassword(options);
  p.intro('journeykit');
  const target = options.server
    ? tenantTarget({ ...options, server: options.server })
    : await devServerTarget(options);
  try {
    const client = createClient(options, target.config);
    const answer = interactive
      ? promptAnswers()
      : scriptedAnswer({
          ...options,
          username: options.username ?? target.demo?.username,
          password: password ?? target.demo?.password,
        });
    await signIn(client, options.journey, answer, interactive);
    p.log.success(`Signed in through ${options.journey}`);
    await showSession(client, target.oidc);
    if (!target.oidc) await client.logoutUser();
    else if (interactive) await sessionMenu(client);
    else await sessionScript(client);
    p.outro('Done');
  } finally {
    await target.close();
  }
}

/** The SDK's client; a configuration it refuses is told in the CLI's flags. */
function createClient(options: CliOptions, config: Parameters<typeof createJourneyClient>[0]) {
  try {
    return createJourneyClient({
      ...config,
      allowInsecureRequests: options.allowInsecure,
      logger: logger({ level: options.verbose ? 'debug' : 'none' }),
    });
  } catch (error) {
    if (error instanceof JourneyError && error.code === 'JOURNEY_CONFIG_ERROR')
      throw new CliError(inFlags(error.message), 2);
    throw error;
  }
}

/** Runs the journey; at a terminal, a refusal (a wrong password) offers another try. */
async function signIn(
  client: JourneyClient,
  journey: string,
  answer: Answer,
  interactive: boolean,
): Promise<void> {
  for (;;) {
    try {
      await runJourney(client, journey, answer, interactive);
      return;
    } catch (error) {
      if (!interactive || !(error instanceof JourneyRefused)) throw error;
      p.log.error(error.message);
      const again = await p.confirm({ message: 'Try again?', initialValue: true });
      if (again !== true) throw error;
    }
  }
}

function run(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    return Promise.reject(new CliError(`${(error as Error).message}\n\n${usage}`, 2));
  }
  if (options.help) {
    process.stdout.write(usage);
    return Promise.resolve();
  }
  return main(options);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  p.log.error(message);
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
});
