/**
 * The function's reading of a body: zod checks its shape (an object of answers), then the
 * form's own checks run, the same plain functions the browser runs, with the same messages.
 */
import { z } from 'zod';
import type { FormDefinition } from '../../src/forms/definition.ts';
import { unreadableAnswers, validate, type ValidationResult } from '../../src/forms/fields.ts';

const answersShape = z.record(z.string(), z.unknown());

export function parseAnswers(form: FormDefinition, body: unknown): ValidationResult {
  const shape = answersShape.safeParse(body);
  // Refused in the form's own words, as the browser's check would refuse it.
  if (!shape.success) return unreadableAnswers(form);
  return validate(form, shape.data);
}
