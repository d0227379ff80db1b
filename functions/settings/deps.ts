/**
 * What every step of the pipeline works with: its settings, the mailer, the two Blobs stores
 * and the forms' server settings. Built once per deploy context and kept while the function
 * instance lives (reading keys and building an SMTP transport on every request was wasted
 * work); the stores are fetched per call, since their credentials come with each invocation.
 * Tests and benchmarks build their own (tests/support/pipeline.ts).
 */
import type { Context } from '@netlify/functions';
import { getStore, type Store } from '@netlify/blobs';
import type { ServerForm } from '../forms/definition.ts';
import { SERVER_FORMS } from '../forms/registry.ts';
import { createMailer, type Mailer } from '../delivery/mail.ts';
import { loadConfig, type PipelineConfig } from './config.ts';
import { BLOBS_REGION } from './region.ts';
import { loadBookable } from '../forms/bookable.ts';
import type { BookableList } from '../../src/lib/bookable.ts';

export interface OutboxDeps {
  /** Sealed submissions, with their delivery state as metadata. */
  store: Store;
  /** Single-use tokens, delivery claims and confirmation limits: no personal data. */
  markers: Store;
  /** Equality answers, each sealed, kept apart from every submission, and their reports. */
  equality: Store;
  config: PipelineConfig;
  mailer: Mailer;
  forms: Readonly<Record<string, ServerForm>>;
  now?: () => number;
}

export interface HandlerDeps {
  config: PipelineConfig;
  mailer: Mailer;
  outbox: OutboxDeps;
  /** The events a booking enquiry may name, from the build (functions/forms/bookable.ts). */
  bookable: () => BookableList | undefined;
}

export type MakeDeps = (context?: Context) => HandlerDeps;

const prepared = new Map<string, { config: PipelineConfig; mailer: Mailer }>();

export function depsFor(context: Pick<Context, 'deploy'> | undefined): HandlerDeps {
  const deployContext = context?.deploy?.context || '';
  let ready = prepared.get(deployContext);
  if (!ready) {
    const config = loadConfig(deployContext || undefined);
    ready = { config, mailer: createMailer(config) };
    prepared.set(deployContext, ready);
  }
  const { config, mailer } = ready;
  return {
    config,
    mailer,
    outbox: { ...openStores(config), config, mailer, forms: SERVER_FORMS },
    bookable: loadBookable,
  };
}

/** The three site-wide stores of this deploy context, in BLOBS_REGION, read and written strongly. */
export function openStores(
  config: Pick<PipelineConfig, 'storeName' | 'markersStoreName' | 'equalityStoreName'>,
  open: typeof getStore = getStore,
): Pick<OutboxDeps, 'store' | 'markers' | 'equality'> {
  return {
    store: open({ name: config.storeName, consistency: 'strong', region: BLOBS_REGION }),
    markers: open({ name: config.markersStoreName, consistency: 'strong', region: BLOBS_REGION }),
    equality: open({ name: config.equalityStoreName, consistency: 'strong', region: BLOBS_REGION }),
  };
}

/** The clock every step reads: the deps' own in tests, the real one otherwise. */
export function clockOf(deps: Pick<OutboxDeps, 'now'>) {
  return deps.now ?? Date.now;
}
