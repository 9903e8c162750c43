/**
 * The fake's notion of "now": real time plus an offset that tests move forward with
 * `advanceTime(days)` (a test-clock for the whole server). Seconds since the Unix epoch.
 */
export class Clock {
  constructor(private offsetSeconds = 0) {}

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSeconds;
  }

  advance(seconds: number): void {
    this.offsetSeconds += Math.round(seconds);
  }

  get offset(): number {
    return this.offsetSeconds;
  }
}

export const DAY = 86_400;
