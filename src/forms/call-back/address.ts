/** Where the call-back form in a language lives: its id (and so its API addresses) and its page. */

/** The form's id for a language: its addresses are /api/forms/call-back-<code> and so on. */
export function callBackId(lang: string): string {
  return `call-back-${lang}`;
}

/** The page it is on: beside the language's own page. */
export function callBackPath(lang: string): string {
  return `/languages/${lang}/call-back/`;
}
