/** The six half terms of an English academic year, in order (as the API names them). */
export const HALF_TERM_NAMES = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'] as const;
