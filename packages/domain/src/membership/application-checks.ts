import { isValidIsoDate } from '../calendar';
import { isValidPupilCount, PUPIL_COUNT_MAX } from '../fees/pupil-count';
import { formatPence } from '../money/format-pence';
import type { Acceptance, MembershipApplication } from './membership-types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ApplicationProblem {
  field: string;
  /** Completes "It still needs: …". */
  needs: string;
}

/**
 * Everything missing or wrong in an application, in form order. Applying
 * commits a school to fees and possibly a guarantee, so a named person must
 * apply and the terms and guarantee must be accepted on the record.
 */
export function applicationProblems(application: MembershipApplication | undefined, liabilityGuaranteePence = 0): ApplicationProblem[] {
  const app = application ?? {};
  const problems: ApplicationProblem[] = [];
  if (!isFilled(app.contact?.name)) problems.push({ field: 'contact.name', needs: 'the name of the person applying for the school' });
  if (!isFilled(app.contact?.email)) problems.push({ field: 'contact.email', needs: 'a contact email address' });
  else if (!EMAIL.test(app.contact.email.trim())) problems.push({ field: 'contact.email', needs: 'a contact email address that looks right (like name@school.org.uk)' });
  if (app.contactDetailsConfirmed !== true) problems.push({ field: 'contactDetailsConfirmed', needs: 'confirmation that the contact details are correct' });
  const pupils = app.pupilNumber;
  if (!isValidPupilCount(pupils)) {
    problems.push({ field: 'pupilNumber', needs: `the number of pupils on roll, as a whole number from 0 to ${PUPIL_COUNT_MAX.toLocaleString('en-GB')}` });
  }
  if (!isRecorded(app.termsAccepted)) problems.push({ field: 'termsAccepted', needs: 'acceptance of the membership terms, recording who accepted them and when' });
  if (liabilityGuaranteePence > 0) {
    const amount = formatPence(liabilityGuaranteePence, { wholePounds: true });
    const guarantee = app.liabilityGuaranteeAccepted;
    if (!isRecorded(guarantee)) {
      problems.push({ field: 'liabilityGuaranteeAccepted', needs: `acceptance of the ${amount} liability guarantee, recording who accepted it and when` });
    } else if (guarantee.amountPence !== liabilityGuaranteePence) {
      const accepted = Number.isInteger(guarantee.amountPence) ? formatPence(guarantee.amountPence, { wholePounds: true }) : 'a different amount';
      problems.push({ field: 'liabilityGuaranteeAccepted', needs: `acceptance of the liability guarantee of ${amount} (the acceptance given was for ${accepted})` });
    }
  }
  return problems;
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isRecorded(acceptance: Acceptance | undefined): acceptance is Acceptance {
  return acceptance !== undefined && isFilled(acceptance.by?.id) && isFilled(acceptance.by?.name) && isValidIsoDate(acceptance.at);
}
