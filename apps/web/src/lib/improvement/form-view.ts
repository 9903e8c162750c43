/** The page side of lib/server/improvement-forms.ts: errors and values of the form that was sent. */
export interface FormState {
  action?: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  message?: string | null;
  done?: string;
}

export function formOf(form: FormState | null | undefined, action: string) {
  const mine = form?.action === action;
  return {
    errors: (mine ? (form?.errors ?? {}) : {}) as Record<string, string>,
    values: (mine ? (form?.values ?? {}) : {}) as Record<string, string>,
  };
}

export const hasErrors = (form: FormState | null | undefined) => Boolean(form?.message) || Object.keys(form?.errors ?? {}).length > 0;
