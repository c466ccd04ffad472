/**
 * Columns that identify people: e-mail addresses, names, IP addresses, phone numbers. Survey
 * tools add some (SurveyMonkey's `Email Address`, `IP Address`), and forms ask for others ("What
 * are the names of the course instructors?"). Such a column is marked, with the reason, and kept
 * out of charts, exports and the responses table unless a codebook says otherwise.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;
const PHONE = /^\+?\(?\d[\d\s().-]{7,18}\d$/;
const DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

/** Header wording that asks for a person's identity or contact details. */
const PERSONAL_NAME =
  /\b(e-?mail|ip\s*addr(ess)?|ipaddr|phone|mobile number|telephone|(first|last|full|given|family|sur)\s*name|your name|names? of (the )?(course )?(instructors?|teachers?|respondents?|people|persons?|contacts?)|contact details|home address|postal address|linkedin profile)\b/i;

export interface PersonalData {
  reason: string;
}

/** Whether a column holds personal data, judged from its header and (for text and identifier columns) its answers. */
export function detectPersonalData(names: readonly string[], values: ReadonlyMap<string, number>, answered: number): PersonalData | undefined {
  const named = names.find((name) => PERSONAL_NAME.test(name));
  if (named !== undefined) return { reason: `the question "${named.length > 60 ? `${named.slice(0, 57)}…` : named}" asks for names or contact details` };
  if (answered === 0) return undefined;
  const tests: [RegExp, string][] = [
    [EMAIL, 'e-mail addresses'],
    [IPV4, 'IP addresses'],
    [IPV6, 'IP addresses'],
    [PHONE, 'phone numbers'],
  ];
  for (const [pattern, what] of tests) {
    let matching = 0;
    // Phone numbers look like other numbers: nine digits at least, never a date.
    // Phone numbers look like other numbers (identifiers, amounts): nine digits at least, written with a
    // space, dash, dot, bracket or leading +, and never a date.
    const isPhone = (value: string) => PHONE.test(value) && /[\s().+-]/.test(value) && !DATE.test(value) && value.replace(/\D/g, '').length >= 9;
    for (const [value, times] of values) if (pattern === PHONE ? isPhone(value) : pattern.test(value)) matching += times;
    if (matching >= 0.5 * answered) return { reason: `${matching.toLocaleString('en-US')} of ${answered.toLocaleString('en-US')} answers are ${what}` };
  }
  return undefined;
}
