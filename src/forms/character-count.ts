/**
 * GOV.UK's character count, in words (without its "You have": the person typing may be
 * answering for someone else, and every word of those questions is about them): what the live message under a long answer says as the
 * person types (src/scripts/form.ts shows it; without JavaScript the hint gives the limit).
 * Characters are counted as validation counts them (fields.ts): code points, not UTF-16 units.
 */
export function characterCountMessage(value: string, max: number): string {
  const left = max - [...value].length;
  const count = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'character' : 'characters'}`;
  return left >= 0 ? `${count(left)} remaining` : `${count(-left)} too many`;
}
