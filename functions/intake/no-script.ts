/**
 * Steps only a browser without JavaScript takes (the enhanced form does them in the page):
 * "Change" on check your answers, and the referral's first question, "Who is this for?".
 * Each answers the post, or leaves it (undefined) to the steps after.
 */
import type { ServerForm } from '../forms/definition.ts';
import { hasOtherAnswers, own, say, typedValues } from '../../src/forms/fields.ts';
import { json, redirect, type Body } from './http.ts';
import type { Replies } from './replies.ts';

export async function noScriptStep(
  form: ServerForm,
  body: Body,
  asJson: boolean,
  replies: Replies,
): Promise<Response | undefined> {
  // "Change": back to the questions, answers kept, the one to change in focus.
  if (typeof body.change === 'string' && !asJson) {
    const typed = typedValues(form, body);
    if (form.audience && body.change === form.audience.field.name) return replies.audience(200, typed);
    return replies.questions(200, typed, {}, body.change);
  }
  // "Who is this referral for?": on to the questions worded for that answer.
  if (form.audience && body.action === 'choose') {
    const typed = typedValues(form, body);
    const answer = typed[form.audience.field.name];
    const paths = form.audience.paths;
    const path = typeof answer === 'string' ? own(paths, answer) : undefined;
    if (!path) {
      const errors = { [form.audience.field.name]: say(form.audience.field.messages.required) ?? '' };
      if (asJson) return json(422, { errors });
      return replies.audience(422, typed, errors);
    }
    if (asJson) return json(200, { path });
    return hasOtherAnswers(form, typed) ? replies.questions(200, typed) : redirect(path);
  }
  return undefined;
}
