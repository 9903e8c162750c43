import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomToken } from '../util/ids.js';
import { emptyState, type PersistedState } from './state.js';

/** Loads the state file, or returns an empty state when there is none yet. */
export function loadState(file: string): PersistedState {
  if (!existsSync(file)) return emptyState();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PersistedState>;
  if (parsed.version !== 1) throw new Error(`stripe-fake: unsupported state file version in ${file}`);
  return { ...emptyState(), ...parsed } as PersistedState;
}

/** Writes the state atomically: a temporary file in the same directory, fsync, then rename over the target. */
export function saveState(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomToken(8)}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw error;
  }
}
