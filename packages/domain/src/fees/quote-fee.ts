import { DomainRefusal, refusal } from '../refusal';
import { formatPence } from '../money/format-pence';
import { isPhase } from '../schools/phase';
import { computeAnnualFee, type AnnualFee } from './annual-fee';
import { describeDayRange, describeDayRanges } from './day-ranges';
import { MAX_PUPILS, type FeeSchedule, type LiabilityGuarantee, type ProRataRule } from './fee-schedule';
import { planInstalments } from './instalments';
import { partOfPeriod, proRata, type PartOfPeriod } from './part-period';
import type { FeeLine, FeeQuote, QuoteOptions, SchoolForFees } from './quote-types';
import { describeRounding, roundedToWords } from './rounding';
import { flat, money, PHASE_NOUNS, pupilsText } from './wording';

/**
 * What a school pays under a schedule, with every step written out in plain
 * English so a headteacher can check it by hand. Pure: the same schedule,
 * school and dates always give the same quote.
 *
 * The schedule is trusted to be valid (see validateFeeSchedule); the school
 * is checked here because it usually comes straight from a form or a census
 * import, and a wrong pupil count would silently give a wrong fee.
 */
export function quoteFee(schedule: FeeSchedule, school: SchoolForFees, options: QuoteOptions = {}): FeeQuote {
  assertSchool(school);
  const annual = computeAnnualFee(schedule, school);
  const part = partOfPeriod(schedule, options);
  const { lines, totalPence } = part.whole || !part.covered ? wholeOrNothing(schedule, annual, part) : partPeriod(schedule, annual, part);
  const instalments = planInstalments(schedule, school, totalPence, part);
  const guarantee = schedule.liabilityGuarantee;
  const explanation = explain(schedule, school, lines, guarantee);
  const quote: FeeQuote = { totalPence, lines, explanation, instalments };
  if (guarantee) quote.liabilityGuaranteePence = guarantee.amountPence;
  return quote;
}

/** A school's facts come from a form or a register, so a bad one is a refusal the caller should have caught first. */
function assertSchool(school: SchoolForFees): void {
  if (!isPhase(school.phase)) throw badSchool(`Unknown phase of education: ${JSON.stringify(school.phase)}`, 'phase');
  if (!Number.isInteger(school.pupils) || school.pupils < 0 || school.pupils > MAX_PUPILS) {
    throw badSchool(`Pupils must be a whole number from 0 to ${MAX_PUPILS}, got ${school.pupils}`, 'pupils');
  }
  const month = school.financialYearStartMonth;
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
    throw badSchool(`The financial year start month must be 1 to 12, got ${month}`, 'financialYearStartMonth');
  }
}

function badSchool(message: string, field: string): DomainRefusal {
  return new DomainRefusal(refusal('invalid_value', message, field));
}

interface Priced {
  lines: FeeLine[];
  totalPence: number;
}

/** The whole period, or dates that miss the period entirely. */
function wholeOrNothing(schedule: FeeSchedule, annual: AnnualFee, part: PartOfPeriod): Priced {
  if (!part.covered) {
    const text = flat`No fee: the dates asked for fall outside ${describeDayRange(part.period)} (${schedule.period.label})`;
    return { lines: [{ text, amountPence: 0 }], totalPence: 0 };
  }
  const lines = withChargesOrNote(annual);
  lines.push(totalLine('Total', annual, schedule));
  return { lines, totalPence: annual.annualPence };
}

/** Part of the period: the free period (if any) and the pro rata, each on its own line. */
function partPeriod(schedule: FeeSchedule, annual: AnnualFee, part: PartOfPeriod): Priced {
  const lines = withChargesOrNote(annual);
  if (!schedule.proRata && !part.free) {
    lines.push({ text: flat`This schedule has no pro rata, so the full annual fee applies to ${describeDayRanges(part.chargeable)}`, amountPence: 0 });
    lines.push(totalLine('Total', annual, schedule));
    return { lines, totalPence: annual.annualPence };
  }
  lines.push(totalLine('Annual fee', annual, schedule));
  if (part.free) lines.push({ text: flat`No fee for ${describeDayRange(part.free)} (introductory free period)`, amountPence: 0 });
  if (part.chargeable.length === 0) {
    lines.push({ text: flat`Total ${money(0)}`, amountPence: 0 });
    return { lines, totalPence: 0 };
  }
  // A free period needs a pro rata rule (the validator insists); days and the schedule's rounding are the safe fallback.
  const rule: ProRataRule = schedule.proRata ?? { method: 'day', rounding: schedule.rounding };
  const share = proRata(annual.annualPence, part, rule);
  const unit = share.method === 'month' ? 'months' : 'days';
  const partMonths = share.partMonthsLeftOut ? ' (part months are not charged)' : '';
  lines.push({
    text: flat`Pro rata for ${describeDayRanges(part.chargeable)}: ${share.units} of ${share.totalUnits} ${unit}${partMonths} of ${money(annual.annualPence, schedule.rounding)} = ${money(share.amountPence, rule.rounding)} (${describeRounding(rule.rounding)})`,
    amountPence: share.amountPence,
  });
  lines.push({ text: flat`Total ${money(share.amountPence, rule.rounding)}`, amountPence: share.amountPence });
  return { lines, totalPence: share.amountPence };
}

function withChargesOrNote(annual: AnnualFee): FeeLine[] {
  if (annual.lines.length > 0) return [...annual.lines];
  return [{ text: 'No charge in this schedule applies to this school', amountPence: 0 }];
}

/** "Total £4,705.60, rounded to £4,706", or "Total £2,000.00" when rounding changed nothing. */
function totalLine(heading: string, annual: AnnualFee, schedule: FeeSchedule): FeeLine {
  const rounded = money(annual.annualPence, schedule.rounding);
  const text = annual.beforeRoundingPence === annual.annualPence
    ? flat`${heading} ${rounded}`
    : flat`${heading} ${money(annual.beforeRoundingPence)}, ${roundedToWords(schedule.rounding)} ${rounded}`;
  return { text, amountPence: annual.annualPence };
}

/**
 * Built with join, which writes one flat string: a chain of `+=` would keep
 * every piece alive as a rope, roughly doubling the memory a held quote takes.
 */
function explain(schedule: FeeSchedule, school: SchoolForFees, lines: FeeLine[], guarantee: LiabilityGuarantee | undefined): string {
  const parts = [`Fee for ${PHASE_NOUNS[school.phase]} with ${pupilsText(school.pupils)} under ${schedule.name}, ${schedule.period.label}:`];
  for (const line of lines) parts.push(`  ${line.text}`);
  if (guarantee) parts.push(`Liability guarantee of ${formatPence(guarantee.amountPence)}, not charged: ${guarantee.note}`);
  return parts.join('\n');
}
