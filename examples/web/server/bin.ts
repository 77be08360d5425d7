import { PortInUseError } from '@journeykit/dev-server';
import { parseDemoArgs, USAGE, type DemoArgs } from './args';
import { startWebDemo } from './launch';

/** `npm run demo:web`: the app (5173) and an AM dev server (a free port), until interrupted. */
async function main(args: DemoArgs): Promise<void> {
  const demo = await startWebDemo({
    appPort: args.appPort,
    serverPort: args.serverPort,
    // One-time codes and resume links of SecondFactor and EmailLink: the "email" is this terminal.
    server: { onMessage: (m) => console.log(`→ ${m.channel} to ${m.to}: ${m.text}`) },
  });
  const user = demo.server.users[0]!;
  console.log(
    [
      'journeykit web demo',
      `  App            ${demo.url}`,
      `  AM dev server  ${demo.server.url} (CORS for ${new URL(demo.url).origin} only)`,
      `  User           ${user.username} / ${user.password}`,
      '',
      `Open ${demo.url} — Ctrl+C stops both.`,
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void demo.close().then(() => process.exit(0)));
}

/** A busy port in words, with the flag that moves it; Vite says "Port N is already in use". */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PortInUseError)
    return `The AM dev server's ${message.replace(/^Port/, 'port')} Choose another with --am-port <n> (0 takes any free one).`;
  if (/^Port \d+ is already in use/.test(message))
    return `The app's ${message.replace(/^Port/, 'port')}. Choose another with --port <n> (0 takes any free one).`;
  return message;
}

let args: DemoArgs;
try {
  args = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) console.log(USAGE);
else
  main(args).catch((error: unknown) => {
    console.error(explain(error));
    process.exitCode = 1;
  });
