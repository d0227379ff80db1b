/**
 * The only way the functions log. It takes a fixed set of fields, none of which can hold
 * what a person typed: references, form names, outcomes and counts.
 */
export interface LogFields {
  form?: string;
  reference?: string;
  outcome: string;
  status?: number;
  attempts?: number;
  count?: number;
  reason?: string;
}

/**
 * The reference a log line may carry: none for an anonymous form, whose log lines are timed by
 * the host to the second (a reference beside that time would say when the feedback came).
 */
export function loggedReference(form: { anonymous?: boolean }, reference: string): string | undefined {
  return form.anonymous ? undefined : reference;
}

export function logEvent(fields: LogFields, level: 'info' | 'error' = 'info'): void {
  // The day only: the host times every line itself, and a line's own time to the second
  // would sit beside what it names in any copy of the log.
  const line = JSON.stringify({ at: new Date().toISOString().slice(0, 10), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
