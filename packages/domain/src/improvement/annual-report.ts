import { formatIndicatorValue } from './data-set';
import type { IndicatorComparison } from './compare';
import { CONCERN_STATUS_LABELS } from './concern';
import type { ParticipationPicture } from './participation';
import type { ConcernStatus } from './types';

export interface AnnualReportInput {
  partnershipName: string;
  academicYearStart: number;
  schools: number;
  /** The year's latest data round per group, compared. */
  rounds: { name: string; comparisons: IndicatorComparison[] }[];
  reviews: { completed: number; planned: number; schoolsReviewed: number };
  support: { needsFound: number; closed: number; metWithinTarget: number; open: number; overdue: number; free: number; charged: number; chargedPence: number; impactNotes: string[] };
  concerns: Partial<Record<ConcernStatus, number>>;
  participation: ParticipationPicture;
}

export interface ReportSection {
  key: string;
  heading: string;
  /** Markdown, editable by the partnership. */
  body: string;
}

const pct = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const yearLabel = (y: number) => `${y} to ${y + 1}`;
const money = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The annual report on the quality of education across the partnership's schools, assembled from
 * the year's records as markdown sections the partnership edits before export. Figures only: it
 * names no school causing concern and carries nothing from confidential reviews.
 */
export function buildAnnualReport(input: AnnualReportInput): ReportSection[] {
  const { participation: p } = input;
  const sections: ReportSection[] = [];
  sections.push({
    key: 'summary',
    heading: 'Summary',
    body: `This report describes the quality of education across the ${plural(input.schools, 'school')} of ${input.partnershipName} in ${yearLabel(input.academicYearStart)}, drawn from the partnership's data rounds, peer reviews, brokered support and monitoring.\n\n` +
      `- ${plural(input.reviews.completed, 'peer review')} completed (${plural(input.reviews.schoolsReviewed, 'school')} reviewed)\n` +
      `- ${plural(input.support.needsFound, 'need')} for support found; ${input.support.closed} closed, ${pct(input.support.metWithinTarget, Math.max(1, input.support.closed))} of them within their target\n` +
      `- ${plural(p.totals.meetingsAttended, 'meeting attendance')} and ${plural(p.totals.cpdPlaces, 'CPD place')} taken`,
  });
  const outcome: string[] = [];
  for (const round of input.rounds) {
    outcome.push(`### ${round.name}\n`);
    outcome.push('| Indicator | Group median | Local authority | National | Schools at or above national |');
    outcome.push('|---|---|---|---|---|');
    for (const c of round.comparisons) {
      const nat = c.benchmarks.national;
      const withFigure = c.schools.filter((s) => s.value !== null);
      const atOrAbove = nat === undefined ? '–' : `${withFigure.filter((s) => (s.versus.national ?? -1) >= 0).length} of ${withFigure.length}`;
      const f = (v: number | null | undefined) => (v === undefined ? '–' : formatIndicatorValue(c.indicator, v));
      outcome.push(`| ${c.indicator.name} | ${f(c.median)} | ${f(c.benchmarks.la)} | ${f(nat)} | ${atOrAbove} |`);
    }
    outcome.push('');
  }
  sections.push({ key: 'outcomes', heading: 'Outcomes', body: outcome.length ? outcome.join('\n').trim() : 'No data round was completed this year.' });
  sections.push({
    key: 'peer_review',
    heading: 'Peer review',
    body: `${plural(input.reviews.completed, 'review')} reached a final report and ${plural(input.reviews.planned, 'more was', 'more were')} planned for the year. Each review agreed actions that the school's next review starts from.`,
  });
  const s = input.support;
  sections.push({
    key: 'support',
    heading: 'Support brokered',
    body: `${plural(s.needsFound, 'need')} were found this year; ${s.open} remain open (${s.overdue} past their target). Support was given free ${s.free} ${s.free === 1 ? 'time' : 'times'} and charged ${s.charged} ${s.charged === 1 ? 'time' : 'times'} (${money(s.chargedPence)}).` +
      (s.impactNotes.length ? `\n\nImpact recorded:\n\n${s.impactNotes.map((n) => `- ${n.replace(/\s+/g, ' ').trim()}`).join('\n')}` : ''),
  });
  const counted = (Object.entries(input.concerns) as [ConcernStatus, number][]).filter(([k, n]) => k !== 'none' && n > 0);
  sections.push({
    key: 'concerns',
    heading: 'Schools causing concern',
    body: counted.length ? `At the end of the year: ${counted.map(([k, n]) => `${CONCERN_STATUS_LABELS[k].toLowerCase()}: ${n}`).join('; ')}. Each has a named officer and a monitoring plan; details are kept with the people the partnership has named.` : 'No school was causing concern at the end of the year.',
  });
  sections.push({
    key: 'participation',
    heading: 'Participation',
    body: `| Measure | Total |\n|---|---|\n| Meetings attended | ${p.totals.meetingsAttended} |\n| Reviews led | ${p.totals.reviewsLed} |\n| Reviews received | ${p.totals.reviewsReceived} |\n| Support given | ${p.totals.supportGiven} |\n| Support received | ${p.totals.supportReceived} |\n| CPD places | ${p.totals.cpdPlaces} |\n| Data round submissions | ${p.totals.dataRoundsSubmitted} |\n\n` +
      `${plural(p.givingSupport, 'school')} gave support to others.` + (p.notTakingPart.length ? ` ${plural(p.notTakingPart.length, 'school')} took part in nothing recorded.` : ' Every school took part.'),
  });
  sections.push({ key: 'priorities', heading: 'Priorities for next year', body: 'To be agreed by the board.' });
  return sections;
}

export function reportMarkdown(title: string, sections: readonly ReportSection[]): string {
  return `# ${title}\n\n${sections.map((s) => `## ${s.heading}\n\n${s.body.trim()}\n`).join('\n')}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) => esc(s).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/\*([^*]+)\*/g, '<em>$1</em>');

/** A small, safe markdown renderer for the report (headings, paragraphs, lists, tables); all text is escaped. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
      i++;
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i]!)) items.push(`<li>${inline(lines[i++]!.replace(/^\s*[-*]\s+/, ''))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    } else if (/^\|.*\|\s*$/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i]!)) rows.push(lines[i++]!.trim().slice(1, -1).split('|').map((c) => c.trim()));
      const body = rows.filter((r) => !r.every((c) => /^:?-+:?$/.test(c)));
      const [head, ...rest] = body;
      out.push(`<table><thead><tr>${(head ?? []).map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead><tbody>${rest.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4}\s|\s*[-*]\s+|\|)/.test(lines[i]!)) para.push(lines[i++]!);
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
