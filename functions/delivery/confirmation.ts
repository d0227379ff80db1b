/** Who, if anyone, is sent a confirmation: the form's first rule that applies, read from its settings. */
import { conditionsOf, holds, type Values } from '../../src/forms/fields.ts';
import type { ConfirmationRule } from '../forms/definition.ts';

export function confirmationAddress(rules: readonly ConfirmationRule[], values: Values): string | undefined {
  const rule = rules.find((candidate) => conditionsOf(candidate).every((condition) => holds(condition, values)));
  if (!rule) return undefined;
  if (rule.consent && values[rule.consent.field] !== rule.consent.value) return undefined;
  const address = values[rule.address];
  return typeof address === 'string' && address !== '' ? address : undefined;
}
