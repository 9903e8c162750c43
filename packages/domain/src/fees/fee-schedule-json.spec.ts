import { describe, expect, it } from 'vitest';
import * as examples from './examples';
import type { FeeSchedule } from './fee-schedule';
import { exportFeeSchedule, importFeeSchedule } from './fee-schedule-json';

const all = Object.entries(examples) as [string, FeeSchedule][];

describe('exporting and importing fee schedules', () => {
  it.each(all)('imports what it exported for %s, unchanged', (_name, schedule) => {
    expect(importFeeSchedule(exportFeeSchedule(schedule))).toStrictEqual({ ok: true, value: schedule });
  });

  it('writes the same text whatever order the fields were built in', () => {
    const s = examples.HARINGEY_CORE;
    const shuffled: FeeSchedule = { payment: s.payment, components: s.components, rounding: s.rounding, period: s.period, name: s.name, formatVersion: 1, proRata: s.proRata! };
    expect(exportFeeSchedule(shuffled)).toBe(exportFeeSchedule(s));
  });

  it('writes sorted keys, two-space indents and a final newline, so exports diff cleanly', () => {
    const text = exportFeeSchedule(examples.THE_PARTNERSHIP_2017_18);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "components": [');
  });

  it('explains a file that is not JSON at all', () => {
    const result = importFeeSchedule('{"formatVersion": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusals[0]?.message).toMatch(/^This is not valid JSON, so it cannot be read as a fee schedule/);
  });

  it('checks an imported file like any other document', () => {
    const text = exportFeeSchedule(examples.HARINGEY_CORE).replace('"ratePence": 1900', '"ratePence": "19.00"');
    expect(importFeeSchedule(text)).toEqual({
      ok: false,
      refusals: [{ code: 'invalid_value', field: 'components[0].ratePence', message: 'The rate per pupil must be a whole number of pence (for example 336 for £3.36), not text.' }],
    });
  });
});
