/** How a partnership is constituted. Matches the tenants.legal_form check constraint. */
export const LEGAL_FORMS = ['company-limited-by-guarantee', 'charity', 'council-hosted', 'informal'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  'company-limited-by-guarantee': 'Company limited by guarantee',
  charity: 'Charity',
  'council-hosted': 'Hosted by the council',
  informal: 'Informal partnership',
};

export function isLegalForm(value: unknown): value is LegalForm {
  return typeof value === 'string' && (LEGAL_FORMS as readonly string[]).includes(value);
}

/** Which year a partnership budgets on: the academic year (September) or the financial year (April). */
export const BUDGET_YEARS = ['academic-year', 'financial-year'] as const;
export type BudgetYear = (typeof BUDGET_YEARS)[number];
