import { AppError } from '../../common/app-error';
import type { ErrorCode } from '../../common/error-codes';

/** Why a ballot, nomination or proxy was refused: the HTTP status says whether it is a matter of right (403) or of state (409). */
const STATUS: Record<string, number> = {
  poll_not_open: 409,
  poll_closed: 409,
  already_voted: 409,
  not_in_electorate: 403,
  category_without_votes: 403,
  not_designated_voter_or_proxy: 403,
  not_member_school: 409,
  school_not_in_good_standing: 409,
  role_not_eligible: 409,
  already_holding: 409,
  term_limit: 409,
  already_nominated: 409,
  nominations_closed: 409,
};

/** A refusal with the domain's own sentence, as problem+json; nothing was changed. */
export function refused(code: ErrorCode, message: string, field?: string): AppError {
  return new AppError(code, STATUS[code] ?? 409, message, field ? [{ field, message }] : undefined);
}
