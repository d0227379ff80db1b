/**
 * Which copies of the site take submissions. Netlify names each build and function's deploy
 * context in `CONTEXT`: "production", "deploy-preview", "branch-deploy" (or a branch's name),
 * "dev" under Netlify's local emulation, nothing in a plain local build. Only production (and a
 * local copy, which keeps everything under .data/) stores and mails what people send: a preview's
 * records would never be swept, retried or deleted, and its mail would reach real inboxes.
 */
// What a preview's forms say instead of sending is among each form's words (src/forms/ui.ts).
export function takesSubmissions(context: string | undefined): boolean {
  return !context || context === 'dev' || context === 'production';
}
