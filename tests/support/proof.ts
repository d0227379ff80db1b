import { referenceProof } from '../../functions/intake/proof.ts';

/** The query of a confirmation page's address as the site gives it: the reference and its proof. */
export function proven(secret: Buffer, formId: string, reference: string): string {
  return `reference=${reference}&proof=${referenceProof(secret, formId, reference)}`;
}
