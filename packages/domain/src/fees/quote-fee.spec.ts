import { describe, expect, it } from 'vitest';
import type { FeeComponent, FeeSchedule } from './fee-schedule';
import { quoteFee } from './quote-fee';
import type { SchoolForFees } from './quote-types';

/** A one-year schedule built around the components under test. */
function schedule(components: FeeComponent[], extra: Partial<FeeSchedule> = {}): FeeSchedule {
  return {
    formatVersion: 1,
    name: 'Test partnership',
    period: { kind: 'academic-year', start: '2019-09-01', end: '2020-08-31', label: '2019–20' },
    rounding: { unit: 'penny', mode: 'half-up' },
    components,
    payment: { kind: 'in-advance' },
    ...extra,
  };
}

const primary: SchoolForFees = { phase: 'primary', pupils: 210 };
const texts = (s: FeeSchedule, school: SchoolForFees = primary, options = {}) => quoteFee(s, school, options).lines.map((l) => l.text);

describe('combining components', () => {
  it('adds a base fee and a per-pupil charge', () => {
    const quote = quoteFee(schedule([{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'per-pupil', ratePence: 250 }]), primary);
    expect(quote.totalPence).toBe(152_500);
  });

  it('leaves out components whose condition does not select the school', () => {
    const s = schedule([
      { kind: 'per-pupil', ratePence: 100, when: { phase: ['secondary'] } },
      { kind: 'per-pupil', ratePence: 200, when: { pupils: { max: 300 } } },
      { kind: 'per-pupil', ratePence: 400, when: { schoolType: ['academy'] } },
    ]);
    expect(quoteFee(s, primary).totalPence).toBe(42_000);
    expect(quoteFee(s, { ...primary, schoolType: 'academy' }).totalPence).toBe(126_000);
    expect(quoteFee(s, { ...primary, pupils: 301 }).totalPence).toBe(0);
  });

  it('lets a flat fee replace the charges for the schools it matches', () => {
    const s = schedule([
      { kind: 'per-pupil', ratePence: 500 },
      { kind: 'flat-fee', amountPence: 300_000, label: 'College flat fee', when: { schoolType: ['college'] } },
    ]);
    expect(texts(s, { phase: 'post-16', pupils: 2_000, schoolType: 'college' })).toEqual(['College flat fee £3,000.00', 'Total £3,000.00']);
    expect(quoteFee(s, { phase: 'secondary', pupils: 1_000 }).totalPence).toBe(500_000);
  });

  it('still applies minimums and discounts to a flat fee', () => {
    const s = schedule([
      { kind: 'flat-fee', amountPence: 100_000 },
      { kind: 'minimum-fee', amountPence: 150_000 },
      { kind: 'discount', code: 'fed', reason: 'second school in a federation', amountPence: 20_000 },
    ]);
    expect(quoteFee(s, { ...primary, discounts: ['fed'] }).totalPence).toBe(130_000);
  });

  it('lets a fixed fee replace everything, including limits and discounts', () => {
    const s = schedule([
      { kind: 'per-pupil', ratePence: 500 },
      { kind: 'minimum-fee', amountPence: 900_000 },
      { kind: 'discount', code: 'fed', reason: 'second school in a federation', basisPoints: 5000 },
      { kind: 'fixed-fee', amountPence: 400_000, label: 'Fixed fee for a secondary school with a sixth form', when: { schoolType: ['sixth-form'] } },
    ]);
    const quote = quoteFee(s, { phase: 'secondary', pupils: 1_500, schoolType: 'sixth-form', discounts: ['fed'] });
    expect(quote.lines.map((l) => l.text)).toEqual(['Fixed fee for a secondary school with a sixth form £4,000.00', 'Total £4,000.00']);
  });

  it('says so when nothing in the schedule applies to the school', () => {
    const s = schedule([{ kind: 'per-pupil', ratePence: 100, when: { phase: ['secondary'] } }]);
    const quote = quoteFee(s, { phase: 'nursery', pupils: 60 });
    expect(quote.lines.map((l) => l.text)).toEqual(['No charge in this schedule applies to this school', 'Total £0.00']);
    expect(quote.instalments).toEqual([]);
  });
});

describe('minimum and maximum fees', () => {
  const s = schedule([
    { kind: 'per-pupil', ratePence: 1_000 },
    { kind: 'minimum-fee', amountPence: 100_000 },
    { kind: 'minimum-fee', amountPence: 120_000, when: { phase: ['secondary'] } },
    { kind: 'maximum-fee', amountPence: 800_000 },
  ]);

  it('raises a small school to the minimum, with a line for the difference', () => {
    const quote = quoteFee(s, { phase: 'primary', pupils: 50 });
    expect(quote.lines).toEqual([
      { text: '50 pupils × £10.00 = £500.00', amountPence: 50_000 },
      { text: 'Raised to the minimum fee of £1,000.00', amountPence: 50_000 },
      { text: 'Total £1,000.00', amountPence: 100_000 },
    ]);
  });

  it('uses the highest minimum that applies', () => {
    expect(quoteFee(s, { phase: 'secondary', pupils: 50 }).totalPence).toBe(120_000);
  });

  it('caps a large school at the maximum, with a line for the reduction', () => {
    const quote = quoteFee(s, { phase: 'secondary', pupils: 1_200 });
    expect(quote.lines[1]).toEqual({ text: 'Capped at the maximum fee of £8,000.00', amountPence: -400_000 });
    expect(quote.totalPence).toBe(800_000);
  });
});

describe('discounts', () => {
  const s = schedule([
    { kind: 'per-pupil', ratePence: 1_000 },
    { kind: 'discount', code: 'federation', reason: 'second school in a federation', basisPoints: 2500 },
    { kind: 'discount', code: 'founder', reason: 'founding member', amountPence: 50_000 },
  ]);

  it('applies only the discounts the school is flagged for', () => {
    expect(quoteFee(s, primary).totalPence).toBe(210_000);
    expect(quoteFee(s, { ...primary, discounts: ['founder', 'something-else'] }).totalPence).toBe(160_000);
  });

  it('applies discounts in schedule order, each on what is left', () => {
    const quote = quoteFee(s, { ...primary, discounts: ['federation', 'founder'] });
    expect(quote.lines.map((l) => l.text)).toEqual([
      '210 pupils × £10.00 = £2,100.00',
      'Discount for second school in a federation: 25% of £2,100.00 = -£525.00',
      'Discount for founding member -£500.00',
      'Total £1,075.00',
    ]);
  });

  it('never takes a fee below zero', () => {
    const quote = quoteFee(s, { phase: 'primary', pupils: 20, discounts: ['founder'] });
    expect(quote.totalPence).toBe(0);
    expect(quote.lines[1]).toEqual({ text: 'Discount for founding member -£200.00', amountPence: -20_000 });
  });
});

describe('rounding', () => {
  it('states the rounding in the total line only when it changed the amount', () => {
    const pounds = (mode: 'half-up' | 'down' | 'up') => schedule([{ kind: 'per-pupil', ratePence: 336 }], { rounding: { unit: 'pound', mode } });
    expect(texts(pounds('half-up')).at(-1)).toBe('Total £705.60, rounded to £706');
    expect(texts(pounds('down')).at(-1)).toBe('Total £705.60, rounded down to £705');
    expect(texts(pounds('up')).at(-1)).toBe('Total £705.60, rounded up to £706');
    expect(texts(pounds('up'), { phase: 'primary', pupils: 250 }).at(-1)).toBe('Total £840');
  });
});

describe('part periods', () => {
  const byMonth = schedule([{ kind: 'per-pupil', ratePence: 500 }], { proRata: { method: 'month', rounding: { unit: 'penny', mode: 'half-up' } } });

  it('charges whole months only, and says part months are not charged', () => {
    const quote = quoteFee(byMonth, primary, { from: '2020-01-15' });
    expect(quote.lines.at(-2)?.text).toBe(
      'Pro rata for 15 January 2020 to 31 August 2020: 7 of 12 months (part months are not charged) of £1,050.00 = £612.50 (to the nearest penny)',
    );
    expect(quote.totalPence).toBe(61_250);
  });

  it('charges by day when the schedule says so', () => {
    const byDay = { ...byMonth, proRata: { method: 'day' as const, rounding: { unit: 'pound' as const, mode: 'up' as const } } };
    const quote = quoteFee(byDay, primary, { from: '2020-06-01', to: '2020-06-30' });
    // 30 of 366 days of £1,050.00 = £86.07, rounded up to £87
    expect(quote.lines.at(-2)?.text).toBe('Pro rata for 1 June 2020 to 30 June 2020: 30 of 366 days of £1,050.00 = £87 (rounded up to the pound)');
    expect(quote.lines.at(-1)?.text).toBe('Total £87');
  });

  it('charges the full fee for a part period when the schedule has no pro rata, and says so', () => {
    const s = schedule([{ kind: 'per-pupil', ratePence: 500 }]);
    const quote = quoteFee(s, primary, { from: '2020-04-01' });
    expect(quote.totalPence).toBe(105_000);
    expect(quote.lines[1]?.text).toBe('This schedule has no pro rata, so the full annual fee applies to 1 April 2020 to 31 August 2020');
  });

  it('charges nothing for dates outside the period', () => {
    const quote = quoteFee(byMonth, primary, { from: '2021-01-01' });
    expect(quote.totalPence).toBe(0);
    expect(quote.lines).toEqual([{ text: 'No fee: the dates asked for fall outside 1 September 2019 to 31 August 2020 (2019–20)', amountPence: 0 }]);
  });

  it('charges both sides of a free period in the middle of the year', () => {
    const s = { ...byMonth, freePeriod: { from: '2020-01-01', to: '2020-03-31' } };
    const quote = quoteFee(s, { phase: 'primary', pupils: 120 });
    expect(quote.lines.slice(2).map((l) => l.text)).toEqual([
      'No fee for 1 January 2020 to 31 March 2020 (introductory free period)',
      'Pro rata for 1 September 2019 to 31 December 2019 and 1 April 2020 to 31 August 2020: 9 of 12 months of £600.00 = £450.00 (to the nearest penny)',
      'Total £450.00',
    ]);
  });

  it('refuses dates that are not real or run backwards', () => {
    expect(() => quoteFee(byMonth, primary, { from: '2020-02-30' })).toThrow(/real dates/);
    expect(() => quoteFee(byMonth, primary, { from: '2020-05-01', to: '2020-04-01' })).toThrow(/after the end date/);
  });
});

describe('instalments', () => {
  const termly = schedule([{ kind: 'per-pupil', ratePence: 333 }], {
    proRata: { method: 'month', rounding: { unit: 'penny', mode: 'down' } },
    payment: {
      kind: 'instalments',
      parts: [
        { label: 'Autumn', dueDate: '2019-09-01', shareBasisPoints: 3334 },
        { label: 'Spring', dueDate: '2020-01-01', shareBasisPoints: 3333 },
        { label: 'Summer', dueDate: '2020-04-01', shareBasisPoints: 3333 },
      ],
    },
  });

  it('sum exactly to the total, the odd pennies going on the first', () => {
    const quote = quoteFee(termly, { phase: 'primary', pupils: 101 });
    expect(quote.totalPence).toBe(33_633);
    expect(quote.instalments.map((i) => i.amountPence)).toEqual([11_215, 11_209, 11_209]);
  });

  it('do not fall due before a school that joins part way through has joined', () => {
    const quote = quoteFee(termly, primary, { from: '2020-02-01' });
    expect(quote.instalments.map((i) => i.dueDate)).toEqual(['2020-02-01', '2020-02-01', '2020-04-01']);
  });

  it('split by day along the school financial year when a part month is charged', () => {
    const s = schedule([{ kind: 'per-pupil', ratePence: 500 }], { proRata: { method: 'day', rounding: { unit: 'penny', mode: 'down' } }, payment: { kind: 'split-by-school-financial-year' } });
    const quote = quoteFee(s, { phase: 'primary', pupils: 366, financialYearStartMonth: 4 }, { from: '2020-03-22' });
    // 10 days in March (financial year 2019–20) and 153 from April to August
    expect(quote.instalments.map((i) => [i.label, i.amountPence])).toEqual([
      ['Your financial year starting 1 April 2019: 22 March 2020 to 31 March 2020, 10 of 163 days', 5_000],
      ['Your financial year starting 1 April 2020: 1 April 2020 to 31 August 2020, 153 of 163 days', 76_500],
    ]);
  });

  it('assume an April financial year when the school has not said', () => {
    const s = schedule([{ kind: 'per-pupil', ratePence: 120 }], { payment: { kind: 'split-by-school-financial-year' } });
    expect(quoteFee(s, { phase: 'primary', pupils: 100 }).instalments.map((i) => i.amountPence)).toEqual([7_000, 5_000]);
  });

  it.each([
    // The school's type decides its year by the rule billing uses: academies September to August, maintained schools April to March.
    { schoolType: 'Academy converter', parts: [12_000] },
    { schoolType: 'Free schools', parts: [12_000] },
    { schoolType: 'Community school', parts: [7_000, 5_000] },
    { schoolType: undefined, parts: [7_000, 5_000] },
  ])('split along the year of a $schoolType by its type when the month is not given', ({ schoolType, parts }) => {
    const s = schedule([{ kind: 'per-pupil', ratePence: 120 }], { payment: { kind: 'split-by-school-financial-year' } });
    expect(quoteFee(s, { phase: 'primary', pupils: 100, ...(schoolType ? { schoolType } : {}) }).instalments.map((i) => i.amountPence)).toEqual(parts);
  });
});

describe('the whole fee at the start of the school’s own financial year', () => {
  const s = schedule([{ kind: 'per-pupil', ratePence: 120 }], { payment: { kind: 'at-school-financial-year-start' } });
  it.each([
    { name: 'a maintained school, academic year', school: { schoolType: 'Community school' }, options: {}, due: '2020-04-01', label: 'The whole fee at the start of your financial year on 1 April 2020, for 1 September 2019 to 31 August 2020' },
    { name: 'an academy, academic year', school: { schoolType: 'Academy sponsor led' }, options: {}, due: '2019-09-01', label: 'The whole fee at the start of your financial year on 1 September 2019, for 1 September 2019 to 31 August 2020' },
    { name: 'a month given beats the type', school: { schoolType: 'Academy converter', financialYearStartMonth: 4 }, options: {}, due: '2020-04-01' },
    { name: 'an academy joining in October: its next year starts after the charged days, so due on the first day charged', school: { schoolType: 'Academy converter' }, options: { from: '2019-10-01' }, due: '2019-10-01', label: 'The whole fee at the start of your financial year, for 1 October 2019 to 31 August 2020' },
    { name: 'a maintained school joining in May is charged from the day it joined', school: { schoolType: 'Voluntary aided school' }, options: { from: '2020-05-01' }, due: '2020-05-01' },
  ])('$name', ({ school, options, due, label }) => {
    const quote = quoteFee(s, { phase: 'primary', pupils: 100, ...school }, options);
    expect(quote.instalments).toHaveLength(1);
    expect(quote.instalments[0]!.dueDate).toBe(due);
    expect(quote.instalments[0]!.amountPence).toBe(quote.totalPence);
    if (label) expect(quote.instalments[0]!.label).toBe(label);
  });
});

describe('school input', () => {
  const s = schedule([{ kind: 'per-pupil', ratePence: 100 }]);
  it.each([
    [{ phase: 'primary', pupils: -1 }, /Pupils/],
    [{ phase: 'primary', pupils: 2.5 }, /Pupils/],
    [{ phase: 'college', pupils: 10 }, /phase/],
    [{ phase: 'primary', pupils: 10, financialYearStartMonth: 13 }, /month/],
  ])('refuses %j', (school, message) => {
    expect(() => quoteFee(s, school as never)).toThrow(message);
  });
});
