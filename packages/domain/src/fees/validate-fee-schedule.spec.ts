import { describe, expect, it } from 'vitest';
import { EALING_2018_19_SCENARIO_1, SERVICE_LEVELS_EXAMPLE, THE_PARTNERSHIP_2016_17 } from './examples';
import { validateFeeSchedule } from './validate-fee-schedule';

/** A copy of a valid schedule with one change, as plain JSON (as if imported). */
function edited(base: object, change: (doc: any) => void): unknown {
  const doc = JSON.parse(JSON.stringify(base));
  change(doc);
  return doc;
}

function errorsOf(doc: unknown) {
  const result = validateFeeSchedule(doc);
  if (result.ok) throw new Error('expected the schedule to be refused');
  // Each refusal names its path in `field` (none for the whole document).
  return result.refusals.map((r) => ({ path: r.field ?? '', message: r.message }));
}

describe('validateFeeSchedule', () => {
  it('returns a fresh copy, so changing the input afterwards cannot change the schedule', () => {
    const doc = edited(EALING_2018_19_SCENARIO_1, () => {}) as any;
    const result = validateFeeSchedule(doc);
    doc.components[1].ratePence = 999;
    expect(result.ok && result.value.components[1]).toEqual({ kind: 'per-pupil', ratePence: 336, when: { phase: ['primary'] } });
  });

  it('points at a rate typed in pounds and says what to write', () => {
    expect(errorsOf(edited(EALING_2018_19_SCENARIO_1, (d) => (d.components[1].ratePence = 3.36)))).toEqual([
      { path: 'components[1].ratePence', message: 'The rate per pupil must be a whole number of pence: write 336 for £3.36, not 3.36.' },
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const errors = errorsOf(
      edited(EALING_2018_19_SCENARIO_1, (d) => {
        d.name = '';
        d.period.end = '2019-02-30';
        d.components[0].amountPence = -5;
        d.components[2].kind = 'per-school';
        d.rounding.mode = 'nearest';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['name', 'period.end', 'rounding.mode', 'components[0].amountPence', 'components[2].kind']);
    expect(errors.find((e) => e.path === 'components[0].amountPence')?.message).toBe('The base fee cannot be negative.');
    expect(errors.find((e) => e.path === 'rounding.mode')?.message).toBe('The way of rounding must be "half-up", "down" or "up", not "nearest".');
    expect(errors.find((e) => e.path === 'period.end')?.message).toMatch(/real date written YYYY-MM-DD/);
  });

  it('catches misspelt fields rather than ignoring them', () => {
    expect(errorsOf(edited(EALING_2018_19_SCENARIO_1, (d) => (d.components[1].rate = 336)))[0]).toEqual({
      path: 'components[1].rate',
      message: 'There is no field called "rate" here. Check the spelling; the fields allowed are: kind, when, label, ratePence.',
    });
  });

  it('says when a required field is missing', () => {
    expect(errorsOf(edited(EALING_2018_19_SCENARIO_1, (d) => delete d.payment))).toEqual([{ path: 'payment', message: 'The payment section is missing.' }]);
  });

  it('refuses a file from a later format version', () => {
    expect(errorsOf(edited(EALING_2018_19_SCENARIO_1, (d) => (d.formatVersion = 2)))[0]?.path).toBe('formatVersion');
  });

  it('insists an academic year runs from 1 September to 31 August', () => {
    expect(errorsOf(edited(EALING_2018_19_SCENARIO_1, (d) => (d.period.start = '2018-08-01')))).toEqual([
      { path: 'period', message: 'An academic year runs from 1 September to 31 August the next year; use "custom" for other dates.' },
    ]);
  });

  it('insists instalment shares add up to 100%', () => {
    const doc = edited(EALING_2018_19_SCENARIO_1, (d) => {
      d.payment = { kind: 'instalments', parts: [{ label: 'Autumn', dueDate: '2018-09-01', shareBasisPoints: 5000 }, { label: 'Spring', dueDate: '2019-01-01', shareBasisPoints: 4999 }] };
    });
    expect(errorsOf(doc)).toEqual([{ path: 'payment.parts', message: 'The shares add up to 9999 basis points (99.99%); they must add up to exactly 10000 (100%).' }]);
  });

  it('insists a free period has a pro rata rule and falls within the period', () => {
    const noRule = edited(THE_PARTNERSHIP_2016_17, (d) => delete d.proRata);
    expect(errorsOf(noRule)).toEqual([{ path: 'freePeriod', message: 'A free period needs a pro rata rule ("proRata") to work out the fee for the rest of the period.' }]);
    const outside = edited(THE_PARTNERSHIP_2016_17, (d) => (d.freePeriod.from = '2016-01-01'));
    expect(errorsOf(outside)[0]?.path).toBe('freePeriod');
  });

  it('refuses pro rata by month over a period that is not whole months', () => {
    const doc = edited(THE_PARTNERSHIP_2016_17, (d) => {
      d.period = { kind: 'custom', start: '2016-09-15', end: '2017-09-14', label: 'First year' };
      delete d.freePeriod;
    });
    expect(errorsOf(doc)[0]?.path).toBe('proRata.method');
  });

  it('insists size bands start at 0, follow on without gaps and end open', () => {
    const doc = edited(EALING_2018_19_SCENARIO_1, (d) => {
      d.components = [{ kind: 'size-bands', bands: [{ minPupils: 1, maxPupils: 100, amountPence: 1 }, { minPupils: 150, maxPupils: 300, amountPence: 2 }] }];
    });
    expect(errorsOf(doc).map((e) => [e.path, e.message])).toEqual([
      ['components[0].bands[0].minPupils', 'The first band must start at 0 pupils, so that every school falls into a band.'],
      ['components[0].bands[1].minPupils', 'This band must start at 101 pupils, one more than the end of the band before, so there is no gap or overlap.'],
      ['components[0].bands[1].maxPupils', 'The last band must have no largest size, so that the biggest schools fall into a band too.'],
    ]);
  });

  it('insists service levels used by components are declared', () => {
    const doc = edited(SERVICE_LEVELS_EXAMPLE, (d) => {
      d.components[1].prices[0].tier = 'gold';
      d.components[0].when = { tier: ['platinum'] };
    });
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['components[0].when.tier[0]', 'components[1].prices[0].tier']);
  });

  it('needs a discount to be either a percentage or an amount', () => {
    const doc = edited(SERVICE_LEVELS_EXAMPLE, (d) => (d.components[3].amountPence = 100));
    expect(errorsOf(doc)).toEqual([
      { path: 'components[3]', message: 'A discount needs either "basisPoints" (a percentage: 1000 is 10%) or "amountPence" (a sum of money), and not both.' },
    ]);
  });

  it('refuses a condition that could never match or matches everyone', () => {
    const doc = edited(EALING_2018_19_SCENARIO_1, (d) => {
      d.components[0].when = {};
      d.components[1].when = { phase: ['primary', 'college'], pupils: { min: 500, max: 100 } };
    });
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['components[0].when', 'components[1].when.phase[1]', 'components[1].when.pupils']);
  });

  it('refuses a minimum fee above a maximum that applies to every school', () => {
    const doc = edited(SERVICE_LEVELS_EXAMPLE, (d) => d.components.push({ kind: 'maximum-fee', amountPence: 10_000 }));
    expect(errorsOf(doc)).toEqual([
      { path: 'components[2].amountPence', message: 'This minimum fee of £500.00 is more than the maximum fee of £100.00 in components[4], so the maximum would always win.' },
    ]);
  });

  it.each([null, [], 'schedule', 42])('refuses %j as a whole document', (doc) => {
    expect(errorsOf(doc)).toEqual([{ path: '', message: 'A fee schedule must be a group of fields (a JSON object) starting with "formatVersion": 1.' }]);
  });
});
