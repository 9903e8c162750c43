import { spawn } from 'node:child_process';

/**
 * Starts a built entry point (`node <main>`) for a process test with only PATH and the given
 * environment, collecting what it writes to stdout and stderr. Tests of the API and worker
 * processes use it to check start-up refusals, logs and clean shutdown.
 */
export function runProcess(main: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}
