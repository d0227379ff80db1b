/**
 * Which copies of the site take submissions. Netlify names each build and function's deploy
 * context in `CONTEXT`: "production", "deploy-preview", "branch-deploy" (or a branch's name),
 * "dev" under Netlify's local emulation, nothing in a plain local build. Only production (and a
 * local copy, which keeps everything under .data/) stores and mails what people send: a preview's
 * records would never be swept, retried or deleted, and its mail would reach real inboxes.
 */
export function takesSubmissions(context: string | undefined): boolean {
  return !context || context === 'dev' || context === 'production';
}

/** What a preview's form pages and its functions say instead of sending. */
export function previewNotice(phone: string): string {
  return `This is a preview copy of the website, for checking changes. Its forms do not send anything: nothing you enter here is kept or sent to anyone. To contact us, phone ${phone}.`;
}
