/** When staff get a form's submissions: at once, or in a digest (the form's `delivery` setting). */
import type { DigestSettings, ServerForm } from '../forms/definition.ts';

/** The form's digest settings, or undefined when staff get each submission at once. */
export function digestOf(form: Pick<ServerForm, 'delivery'>): DigestSettings | undefined {
  return typeof form.delivery === 'object' ? form.delivery.digest : undefined;
}
