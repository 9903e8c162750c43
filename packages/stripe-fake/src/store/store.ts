import { resourceMissing } from '../http/errors.js';
import { newId } from '../util/ids.js';
import { loadState, saveState } from './persistence.js';
import { emptyState, PLATFORM, type PendingJob, type PersistedState, type Scope, type StoredObject } from './state.js';

/**
 * All fake Stripe state, in memory, optionally mirrored to a JSON file. Objects are stored as their
 * full wire JSON; handlers mutate `record.data` in place and call `touch()`.
 */
export class Store {
  private state: PersistedState;
  private dirty = false;

  constructor(private readonly file?: string) {
    this.state = file ? loadState(file) : emptyState();
  }

  get clockOffset(): number {
    return this.state.clockOffset;
  }

  set clockOffset(value: number) {
    this.state.clockOffset = value;
    this.touch();
  }

  get idempotency(): PersistedState['idempotency'] {
    return this.state.idempotency;
  }

  touch(): void {
    this.dirty = true;
  }

  /** Writes to disk if anything changed since the last flush. */
  flush(): void {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    saveState(this.file, this.state);
  }

  insert<T extends { id: string }>(type: string, scope: Scope, data: T, internal: Record<string, unknown> = {}): StoredObject<T> {
    const record: StoredObject<T> = { id: data.id, type, scope, seq: ++this.state.seq, data, internal };
    this.state.objects[data.id] = record as StoredObject;
    this.touch();
    return record;
  }

  /** Any object by id, whatever its scope. */
  find<T>(id: string): StoredObject<T> | undefined {
    return this.state.objects[id] as StoredObject<T> | undefined;
  }

  get<T>(type: string, id: string, scope?: Scope): StoredObject<T> | undefined {
    const record = this.state.objects[id];
    if (!record || record.type !== type) return undefined;
    if (scope !== undefined && record.scope !== scope) return undefined;
    return record as StoredObject<T>;
  }

  /** Like `get`, but throws Stripe's 404 `No such <objectName>: '<id>'`. */
  require<T>(type: string, id: string, scope: Scope, param = 'id', objectName = type): StoredObject<T> {
    const record = this.get<T>(type, id, scope);
    if (!record) throw resourceMissing(objectName, id, param);
    return record;
  }

  /** Newest first, as Stripe lists. */
  list<T>(type: string, scope: Scope | undefined, predicate: (record: StoredObject<T>) => boolean = () => true): StoredObject<T>[] {
    return Object.values(this.state.objects)
      .filter((r) => r.type === type && (scope === undefined || r.scope === scope))
      .filter((r) => predicate(r as StoredObject<T>))
      .sort((a, b) => b.seq - a.seq) as StoredObject<T>[];
  }

  remove(id: string): void {
    delete this.state.objects[id];
    this.touch();
  }

  addJob(kind: string, due: number, scope: Scope, ref: string, data: Record<string, unknown> = {}): PendingJob {
    const job: PendingJob = { id: newId('job', 14), kind, due, scope, ref, data, createdAtMs: Date.now() };
    this.state.jobs.push(job);
    this.touch();
    return job;
  }

  jobs(): readonly PendingJob[] {
    return this.state.jobs;
  }

  removeJob(id: string): void {
    this.state.jobs = this.state.jobs.filter((job) => job.id !== id);
    this.touch();
  }

  isPlatform(scope: Scope): boolean {
    return scope === PLATFORM;
  }
}
