/**
 * The month a school's own financial year starts, from its GIAS type: academies and free schools
 * (and their trusts' special schools and alternative provision) keep September–August books;
 * maintained schools follow the council's April–March year. The fee engine uses it to split a fee
 * along the school's year when the schedule says so.
 */
export function financialYearStartMonthForType(schoolType: string | null | undefined): number {
  return schoolType && /academy|free school|university technical college|studio school/i.test(schoolType) ? 9 : 4;
}
