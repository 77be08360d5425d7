import { createJourneyClient, logger } from '@journeykit/journey';
import * as p from '@clack/prompts';
import { CliError, promptAnswer, scriptedAnswer } from './answers';
import { parseCli, usage, type CliOptions } from './args';
import { runJourney } from './journey';
import { sessionMenu, sessionScript, showSession } from './session';
import { devServerTarget, tenantTarget } from './target';

async function main(options: CliOptions): Promise<void> {
  const interactive = !options.yes;
  if (interactive && !process.stdin.isTTY)
    throw new CliError('stdin is not a terminal: pass --yes, with --username and --password');
  p.intro('journeykit');
  const target = options.server
    ? tenantTarget({ ...options, server: options.server })
    : await devServerTarget(options);
  try {
    const client = createJourneyClient({
      ...target.config,
      allowInsecureRequests: options.allowInsecure,
      logger: logger({ level: options.verbose ? 'debug' : 'none' }),
    });
    const answers = {
      ...options,
      username: options.username ?? target.demo?.username,
      password: options.password ?? target.demo?.password,
    };
    await runJourney(
      client,
      options.journey,
      interactive ? promptAnswer : scriptedAnswer(answers),
      interactive,
    );
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
