import type { Logger } from 'pino';

/**
 * Graceful shutdown for a process (api or worker): on SIGTERM or SIGINT, log, run the
 * closers in order (stop taking work, finish what is running, close connections), exit 0;
 * give up and exit 1 if that takes longer than `graceMs`.
 */
export function stopGracefully(logger: Logger, what: string, closers: (() => Promise<unknown>)[], graceMs: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `shutting down: ${what}`);
    setTimeout(() => process.exit(1), graceMs).unref();
    for (const close of closers) await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** A process that fails to start says why on stderr and exits 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
