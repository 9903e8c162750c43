// Named exports only, so internal helpers stay internal when the package index re-exports this.
export { RESERVED_SLUGS, slugFromName, slugProblem } from './slug-rules';
export { BUDGET_YEARS, LEGAL_FORMS, LEGAL_FORM_LABELS, isLegalForm, type BudgetYear, type LegalForm } from './legal-forms';
export { LOGO_MAX_BYTES, LOGO_TYPES, MIN_CONTRAST_WITH_WHITE, brandColourProblem, contrastRatio, logoProblem, relativeLuminance } from './branding';
export {
  PLATFORM_PLANS,
  PLATFORM_PLAN_CODES,
  TRIAL_DAYS,
  isPlatformPlanCode,
  planProblem,
  platformPlan,
  recommendedPlan,
  type PlatformPlan,
  type PlatformPlanCode,
} from './platform-plans';
export {
  PARTNERSHIP_TEMPLATES,
  PARTNERSHIP_TEMPLATE_CODES,
  isPartnershipTemplateCode,
  partnershipTemplate,
  startingFeeYear,
  templateSetup,
  type AcademicCalendar,
  type CategoryTemplate,
  type GovernanceTemplateBody,
  type PartnershipTemplate,
  type PartnershipTemplateCode,
  type TemplateSetup,
} from './partnership-templates';
export {
  SETUP_STEPS,
  SETUP_STEP_TITLES,
  academicCalendarProblems,
  isSetupStep,
  setupProgress,
  setupStepProblems,
  type SetupFacts,
  type SetupProgress,
  type SetupStep,
  type SetupStepStatus,
  type StepProblem,
} from './setup-steps';
