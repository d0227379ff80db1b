import type { Context } from '@netlify/functions';
import type { ServerForm } from '../forms/definition.ts';
import { depsFor, type MakeDeps } from '../settings/deps.ts';
import { json } from './http.ts';
import { createConfirmationHandler } from './confirmation-page.ts';
import { createSubmissionHandler } from './submission.ts';
import { TOO_MANY_PATH, tooMany } from './too-many.ts';

/**
 * One handler for every form: `/api/forms/<id>` to post to and `/forms/<id>/sent/` for the
 * confirmation, plus any former addresses a form's settings keep answering. The form is found by
 * its id or address; nothing here knows any form.
 */
export function serveForms(forms: Readonly<Record<string, ServerForm>>, makeDeps: MakeDeps = depsFor) {
  const submitAt = new Map<string, (request: Request, context?: Context) => Promise<Response>>();
  const sentAt = new Map<string, (request: Request, context?: Context) => Promise<Response>>();
  const bare = (address: string) => address.replace(/\/+$/, '');
  for (const form of Object.values(forms)) {
    const submit = createSubmissionHandler(form, makeDeps);
    const sent = createConfirmationHandler(form, makeDeps);
    for (const address of [form, form.formerAddresses]) {
      if (!address) continue;
      submitAt.set(bare(address.endpoint), submit);
      sentAt.set(bare(address.confirmationPath), sent);
    }
  }
  return async (request: Request, context?: Context): Promise<Response> => {
    const path = bare(new URL(request.url).pathname);
    if (path === TOO_MANY_PATH) return tooMany(request);
    const submit = submitAt.get(path);
    if (submit) return submit(request, context);
    const sent = sentAt.get(path);
    if (sent) return sent(request, context);
    return json(404, { error: 'There is no form at this address' });
  };
}
