/**
 * Password rules (NCSC / NIST 800-63B style): at least 8 characters, long passphrases
 * welcome, no composition rules, but common and guessable passwords refused with a reason.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set([
  'password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyuiop', 'qwerty123', 'iloveyou',
  'letmein1', 'welcome1', 'welcome123', 'football', 'baseball', 'sunshine', 'princess', 'trustno1', 'passw0rd',
  'abc12345', 'admin123', 'changeme', 'p@ssw0rd', 'monkey123', 'dragon123', 'qwerty12', '11111111', '00000000',
  'school123', 'teacher1', 'headteacher', 'partnership', 'partnerships', 'education',
]);

/**
 * Words that top every breached-password list once their digits and symbols are stripped and
 * their look-alike characters undone: "Password2024!", "P@ssw0rd1", "Summer2025", "Welcome1!".
 */
const COMMON_BASES = new Set([
  'password', 'passwort', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'letmein', 'welcome', 'iloveyou', 'admin',
  'administrator', 'login', 'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess', 'football', 'baseball',
  'soccer', 'liverpool', 'chelsea', 'arsenal', 'manchester', 'tottenham', 'london', 'england', 'summer', 'winter',
  'spring', 'autumn', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'friday', 'secret', 'changeme', 'trustno', 'abc', 'abcdef', 'school', 'teacher',
  'headteacher', 'student', 'education', 'partnership', 'partnerships', 'computer', 'internet', 'hello', 'charlie',
  'freedom', 'whatever', 'superman', 'batman', 'starwars', 'pokemon', 'michael', 'jessica', 'ashley', 'daniel',
]);

const LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** "P@ssw0rd2024!" -> "password": trailing and leading digits and symbols dropped, look-alikes undone. */
function baseWord(password: string): string {
  const trimmed = password.toLowerCase().replace(/[^a-z]+$/, '').replace(/^[^a-z@$]+/, '');
  return trimmed.replace(/[013457@$!|]/g, (c) => LOOK_ALIKES[c] ?? c);
}

/** Returns why a password is refused, in plain words, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use no more than ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This is one of the most common passwords, so it is easy to guess. Try three random words.';
  if (/^(.)\1+$/.test(password)) return 'A password of one repeated character is easy to guess.';
  if (/^(0123456789|1234567890|abcdefghij|qwertyuiop)/.test(lower) && new Set(lower).size < 9) return 'A run of keys or digits is easy to guess.';
  const base = baseWord(password);
  if (COMMON_BASES.has(base)) {
    return 'This is a common word with numbers or symbols added, which is one of the first things attackers try. Try three random words instead.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your e-mail address in your password.';
  const names = (context.name ?? '').toLowerCase().split(/[^a-z]+/).filter((part) => part.length >= 4);
  if (names.some((part) => base === part || lower.replace(/[^a-z]/g, '') === part)) return 'Do not use your own name as your password.';
  return null;
}
