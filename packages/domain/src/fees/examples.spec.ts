import { describe, expect, it } from 'vitest';
import {
  EALING_2018_19_SCENARIO_1,
  EALING_2018_19_SCENARIO_2,
  HARINGEY_CORE,
  REDBRIDGE_SIZE_BANDED,
  SERVICE_LEVELS_EXAMPLE,
  THE_PARTNERSHIP_2016_17,
  THE_PARTNERSHIP_2017_18,
} from './examples';
import { quoteFee } from './quote-fee';
import { validateFeeSchedule } from './validate-fee-schedule';

/** Golden figures: every number published in DOMAIN.md, "Fee models". */

describe('the example schedules', () => {
  it.each(Object.entries({
    EALING_2018_19_SCENARIO_1,
    EALING_2018_19_SCENARIO_2,
    HARINGEY_CORE,
    REDBRIDGE_SIZE_BANDED,
    SERVICE_LEVELS_EXAMPLE,
    THE_PARTNERSHIP_2016_17,
    THE_PARTNERSHIP_2017_18,
  }))('%s passes validation unchanged', (_name, schedule) => {
    const result = validateFeeSchedule(schedule);
    expect(result).toEqual({ ok: true, value: schedule });
  });

  it('are frozen so no caller can change the published figures', () => {
    expect(Object.isFrozen(EALING_2018_19_SCENARIO_1.components[1])).toBe(true);
  });
});

describe('Ealing Learning Partnership 2018–19', () => {
  it.each([
    ['1 FE', 210, '£4,706', 470_600],
    ['2 FE', 420, '£5,411', 541_100],
    ['3 FE', 630, '£6,117', 611_700],
    ['4 FE', 840, '£6,822', 682_200],
  ])('charges a %s primary (%i pupils) %s under Ealing scenario 1', (_fe, pupils, _text, pence) => {
    expect(quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils }).totalPence).toBe(pence);
  });

  it.each([
    ['1 FE', 210, '£5,283', 528_300],
    ['2 FE', 420, '£6,566', 656_600],
    ['3 FE', 630, '£7,849', 784_900],
    ['4 FE', 840, '£9,132', 913_200],
  ])('charges a %s primary (%i pupils) %s under Ealing scenario 2', (_fe, pupils, _text, pence) => {
    expect(quoteFee(EALING_2018_19_SCENARIO_2, { phase: 'primary', pupils }).totalPence).toBe(pence);
  });

  it('charges a 1 FE primary £4,706 under Ealing scenario 1, showing the working', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210 });
    expect(quote.lines).toEqual([
      { text: 'Base fee for a primary school £4,000.00', amountPence: 400_000 },
      { text: '210 pupils × £3.36 = £705.60', amountPence: 70_560 },
      { text: 'Total £4,705.60, rounded to £4,706', amountPence: 470_600 },
    ]);
  });

  it('charges a 2 FE primary £6,566 under scenario 2, rounding £6,566.20 to the nearest pound', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_2, { phase: 'primary', pupils: 420 });
    expect(quote.lines.map((l) => l.text)).toEqual([
      'Base fee for a primary school £4,000.00',
      '420 pupils × £6.11 = £2,566.20',
      'Total £6,566.20, rounded to £6,566',
    ]);
  });

  it.each([
    ['1', 1_000, '£9,900', EALING_2018_19_SCENARIO_1, 990_000],
    ['2', 1_000, '£9,900', EALING_2018_19_SCENARIO_2, 990_000],
    ['1', 1_100, '£10,240', EALING_2018_19_SCENARIO_1, 1_024_000],
    ['2', 1_487, '£11,556', EALING_2018_19_SCENARIO_2, 1_155_600],
  ])('charges a secondary £6,500 + £3.40 per pupil under scenario %s: %i pupils pay %s', (_scenario, pupils, _text, schedule, pence) => {
    expect(quoteFee(schedule, { phase: 'secondary', pupils }).totalPence).toBe(pence);
  });

  it('charges a 1,487-pupil secondary £11,556, rounding £11,555.80 to the nearest pound', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'secondary', pupils: 1_487 });
    expect(quote.lines.map((l) => l.text)).toEqual([
      'Base fee for a secondary school £6,500.00',
      '1,487 pupils × £3.40 = £5,055.80',
      'Total £11,555.80, rounded to £11,556',
    ]);
    expect(quote.totalPence).toBe(1_155_600);
  });

  it('charges a special school a flat £4,500 in scenario 1 and £5,000 in scenario 2, whatever its size', () => {
    for (const pupils of [40, 120, 300]) {
      expect(quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'special', pupils }).totalPence).toBe(450_000);
      expect(quoteFee(EALING_2018_19_SCENARIO_2, { phase: 'special', pupils }).totalPence).toBe(500_000);
    }
    expect(quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'special', pupils: 120 }).lines.map((l) => l.text)).toEqual([
      'Flat fee for a special school £4,500.00',
      'Total £4,500',
    ]);
  });

  it('invoices a maintained school 7/12 and 5/12 along its April financial year', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210, financialYearStartMonth: 4 });
    expect(quote.instalments).toEqual([
      { label: 'Your financial year starting 1 April 2018: 1 September 2018 to 31 March 2019, 7 of 12 months', dueDate: '2018-09-01', amountPence: 274_517 },
      { label: 'Your financial year starting 1 April 2019: 1 April 2019 to 31 August 2019, 5 of 12 months', dueDate: '2019-04-01', amountPence: 196_083 },
    ]);
  });

  it('invoices an academy, whose year matches the academic year, in one part', () => {
    const quote = quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210, financialYearStartMonth: 9 });
    expect(quote.instalments).toEqual([
      { label: 'Your financial year starting 1 September 2018: 1 September 2018 to 31 August 2019, 12 of 12 months', dueDate: '2018-09-01', amountPence: 470_600 },
    ]);
  });
});

describe('THE Partnership (Tower Hamlets)', () => {
  const school = { phase: 'primary' as const, pupils: 400 };

  it('charges nothing from 1 September 2016 to 31 March 2017', () => {
    const quote = quoteFee(THE_PARTNERSHIP_2016_17, school, { to: '2017-03-31' });
    expect(quote.totalPence).toBe(0);
    expect(quote.instalments).toEqual([]);
    expect(quote.lines.map((l) => l.text)).toContain('No fee for 1 September 2016 to 31 March 2017 (introductory free period)');
  });

  it('charges £5 per pupil pro rata for 1 April to 31 August 2017: 5 of 12 months', () => {
    const quote = quoteFee(THE_PARTNERSHIP_2016_17, school);
    expect(quote.lines).toEqual([
      { text: '400 pupils × £5.00 = £2,000.00', amountPence: 200_000 },
      { text: 'Annual fee £2,000.00', amountPence: 200_000 },
      { text: 'No fee for 1 September 2016 to 31 March 2017 (introductory free period)', amountPence: 0 },
      { text: 'Pro rata for 1 April 2017 to 31 August 2017: 5 of 12 months of £2,000.00 = £833.33 (rounded down to the penny)', amountPence: 83_333 },
      { text: 'Total £833.33', amountPence: 83_333 },
    ]);
    expect(quote.totalPence).toBe(83_333);
  });

  it('asks for the 2016–17 fee in advance on 1 April 2017, when charging starts', () => {
    expect(quoteFee(THE_PARTNERSHIP_2016_17, school).instalments).toEqual([
      { label: 'In advance for 1 April 2017 to 31 August 2017', dueDate: '2017-04-01', amountPence: 83_333 },
    ]);
  });

  it('charges the full annual fee of £5 per pupil from 1 September 2017, in advance', () => {
    const quote = quoteFee(THE_PARTNERSHIP_2017_18, school);
    expect(quote.totalPence).toBe(200_000);
    expect(quote.lines.map((l) => l.text)).toEqual(['400 pupils × £5.00 = £2,000.00', 'Total £2,000.00']);
    expect(quote.instalments).toEqual([{ label: 'In advance for 1 September 2017 to 31 August 2018', dueDate: '2017-09-01', amountPence: 200_000 }]);
  });

  it('records the £25 liability guarantee without charging it', () => {
    for (const schedule of [THE_PARTNERSHIP_2016_17, THE_PARTNERSHIP_2017_18]) {
      const quote = quoteFee(schedule, school);
      expect(quote.liabilityGuaranteePence).toBe(2500);
      expect(quote.instalments.reduce((sum, i) => sum + i.amountPence, 0)).toBe(quote.totalPence);
      expect(quote.explanation).toContain('Liability guarantee of £25.00, not charged');
    }
    expect(quoteFee(THE_PARTNERSHIP_2017_18, school).totalPence).toBe(200_000);
  });

  it('charges a school joining on 1 January 2018 for 8 of 12 months', () => {
    const quote = quoteFee(THE_PARTNERSHIP_2017_18, school, { from: '2018-01-01' });
    expect(quote.totalPence).toBe(133_333);
    expect(quote.lines.at(-2)?.text).toBe('Pro rata for 1 January 2018 to 31 August 2018: 8 of 12 months of £2,000.00 = £1,333.33 (rounded down to the penny)');
  });
});

describe('Haringey Education Partnership', () => {
  it('charges £19 per pupil for the core offer', () => {
    const quote = quoteFee(HARINGEY_CORE, { phase: 'primary', pupils: 350 });
    expect(quote.lines.map((l) => l.text)).toEqual(['Core offer: 350 pupils × £19.00 = £6,650.00', 'Total £6,650.00']);
    expect(quote.totalPence).toBe(665_000);
  });

  it('splits the fee into termly instalments with the odd penny on the first', () => {
    const quote = quoteFee(HARINGEY_CORE, { phase: 'secondary', pupils: 1_001 });
    expect(quote.totalPence).toBe(1_901_900);
    expect(quote.instalments).toEqual([
      { label: 'Autumn term', dueDate: '2019-09-30', amountPence: 634_094 },
      { label: 'Spring term', dueDate: '2020-01-31', amountPence: 633_903 },
      { label: 'Summer term', dueDate: '2020-04-30', amountPence: 633_903 },
    ]);
  });
});

describe('Redbridge-style subscription by school size', () => {
  it.each([
    [0, '£1,800', 180_000],
    [209, '£1,800', 180_000],
    [210, '£2,600', 260_000],
    [419, '£2,600', 260_000],
    [420, '£3,400', 340_000],
    [629, '£3,400', 340_000],
    [630, '£4,200', 420_000],
    [1_400, '£4,200', 420_000],
  ])('charges a %i-pupil primary the %s band fee', (pupils, _text, pence) => {
    expect(quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'primary', pupils }).totalPence).toBe(pence);
  });

  it('names the band in the working', () => {
    expect(quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'primary', pupils: 420 }).lines[0]?.text).toBe('Subscription, 420 to 629 pupils £3,400.00');
    expect(quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'primary', pupils: 700 }).lines[0]?.text).toBe('Subscription, 630 pupils and above £4,200.00');
  });

  it('charges special schools and associate members their flat fees instead of a band', () => {
    expect(quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'special', pupils: 150 }).lines.map((l) => l.text)).toEqual(['Special school subscription £2,000.00', 'Total £2,000.00']);
    expect(quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'secondary', pupils: 1_200, category: 'associate' }).totalPence).toBe(100_000);
  });

  it('pro-rates a school joining on 1 October 2019 by day, rounded down to the penny', () => {
    const quote = quoteFee(REDBRIDGE_SIZE_BANDED, { phase: 'primary', pupils: 300 }, { from: '2019-10-01' });
    // 183 of 366 days (2020 is a leap year) of £2,600.00
    expect(quote.totalPence).toBe(130_000);
    expect(quote.lines.at(-2)?.text).toBe('Pro rata for 1 October 2019 to 31 March 2020: 183 of 366 days of £2,600.00 = £1,300.00 (rounded down to the penny)');
  });
});

describe('service levels (tiers)', () => {
  it('adds the price of the level the school chose to the core per-pupil fee', () => {
    const quote = quoteFee(SERVICE_LEVELS_EXAMPLE, { phase: 'primary', pupils: 210, tier: 'standard' });
    expect(quote.lines.map((l) => l.text)).toEqual([
      'Core entitlement: 210 pupils × £1.50 = £315.00',
      'Standard service level £2,500.00',
      'Total £2,815',
    ]);
    expect(quote.totalPence).toBe(281_500);
  });

  it('charges a "core only" school, with no level chosen, the core fee raised to the minimum', () => {
    const quote = quoteFee(SERVICE_LEVELS_EXAMPLE, { phase: 'primary', pupils: 210 });
    expect(quote.lines).toEqual([
      { text: 'Core entitlement: 210 pupils × £1.50 = £315.00', amountPence: 31_500 },
      { text: 'Raised to the minimum fee of £500.00', amountPence: 18_500 },
      { text: 'Total £500', amountPence: 50_000 },
    ]);
  });

  it('gives a second school in a federation 10% off', () => {
    const quote = quoteFee(SERVICE_LEVELS_EXAMPLE, { phase: 'primary', pupils: 211, tier: 'advanced', discounts: ['federation-second-school'] });
    expect(quote.lines.map((l) => l.text)).toEqual([
      'Core entitlement: 211 pupils × £1.50 = £316.50',
      'Advanced service level £4,000.00',
      'Discount for second school in a federation: 10% of £4,316.50 = -£431.65',
      'Total £3,884.85, rounded to £3,885',
    ]);
    expect(quote.totalPence).toBe(388_500);
  });
});

describe('the explanation', () => {
  it('sets out the working under a heading naming the school and the schedule', () => {
    expect(quoteFee(EALING_2018_19_SCENARIO_1, { phase: 'primary', pupils: 210 }).explanation).toBe(
      [
        'Fee for a primary school with 210 pupils under Ealing Learning Partnership, scenario 1 (60 primary and 14 high schools), 2018–19:',
        '  Base fee for a primary school £4,000.00',
        '  210 pupils × £3.36 = £705.60',
        '  Total £4,705.60, rounded to £4,706',
      ].join('\n'),
    );
  });
});
