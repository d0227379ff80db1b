/**
 * The call-back form in a language, for the language's pages (src/pages/languages/): none for
 * a language without words for it yet, whose page then offers the phone alone.
 */
import type { FormDefinition } from '../definition.ts';
import { FORMS } from '../registry.ts';
import { callBackId } from './address.ts';

export function callBackFor(lang: string, forms: Readonly<Record<string, FormDefinition>> = FORMS) {
  const id = callBackId(lang);
  return Object.hasOwn(forms, id) ? forms[id] : undefined;
}
