import { startWebDemo } from './launch';

/** `npm run demo:web`: the app on 5173 and the AM dev server on 9443, until interrupted. */
async function main(): Promise<void> {
  const demo = await startWebDemo({
    appPort: 5173,
    serverPort: 9443,
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
