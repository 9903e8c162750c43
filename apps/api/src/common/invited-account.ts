import { type AccountUser, hashPassword, UserRepository, verifyPassword } from '@partnerships/db';
import { passwordProblem } from '@partnerships/domain';
import { invalid } from './app-error';

/**
 * The user-creation step of accepting an invitation, to a partnership or to act for a school.
 * Someone who already has an account confirms it with its password; a new person gives a name
 * and a password the policy accepts, and their account is created already verified (following
 * the e-mailed link proved the address). The rest of the unit of work then acts as them.
 */
export async function accountForInvitation(users: UserRepository, email: string, input: { name?: string; password: string }): Promise<AccountUser> {
  const existing = await users.findByEmailWithPassword(email);
  let user: AccountUser;
  if (existing) {
    if (!existing.passwordHash || !(await verifyPassword(existing.passwordHash, input.password).catch(() => false))) {
      throw invalid([{ field: 'password', message: 'You already have an account: enter its password to accept.' }]);
    }
    user = { id: existing.id, email: existing.email, name: existing.name, isPlatformOperator: existing.isPlatformOperator };
  } else {
    const fields = [];
    const name = input.name?.trim();
    if (!name) fields.push({ field: 'name', message: 'Enter your name' });
    const problem = passwordProblem(input.password, { email });
    if (problem) fields.push({ field: 'password', message: problem });
    if (fields.length || !name) throw invalid(fields);
    user = await users.createVerified({ email, name, passwordHash: await hashPassword(input.password) });
  }
  await users.actAs(user.id);
  return user;
}
