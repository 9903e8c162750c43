/**
 * The most pupils any pupil number may be, in every form (the calculator, the planner, a school's
 * correction, an application, a credit note's corrected number): the same limit as the API's
 * (`PUPIL_COUNT_MAX` in @partnerships/domain, which refuses anything larger).
 */
export const PUPIL_COUNT_MAX = 10_000;
