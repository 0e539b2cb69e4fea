/**
 * Paid's signature (docs.paid.ai "Verifying webhook signatures"): `x-webhook-signature` carries `t`
 * (epoch ms) and `s` (base64 HMAC-SHA256 keyed with the secret, over `${t}.${rawBody}`). The header
 * grammar itself is not shown in any retrievable copy of the docs (WEBHOOKS.md PW4): this is the one
 * place that reading lives.
 */
import { WebhookVerificationError } from '@billbridge/core';

/**
 * - `comma` (chosen): `t=<ms>,s=<base64>`, the form the docs' wording and the common `t=…,v1=…` style suggest.
 * - `semicolon`: `t=<ms>;s=<base64>`.
 * Either way pairs may come in any order and several `s=` are accepted (secret rotation).
 */
export type PaidSignatureGrammar = 'comma' | 'semicolon';
export const PAID_SIGNATURE_GRAMMAR: PaidSignatureGrammar = 'comma';
export const PAID_SIGNATURE_HEADER = 'x-webhook-signature';

const SEPARATORS: Record<PaidSignatureGrammar, string> = { comma: ',', semicolon: ';' };

export function formatPaidSignature(t: number, s: string, grammar: PaidSignatureGrammar): string {
  return `t=${t}${SEPARATORS[grammar]}s=${s}`;
}

export function parsePaidSignature(
  header: string,
  grammar: PaidSignatureGrammar,
): { t: number; signatures: string[] } {
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(SEPARATORS[grammar])) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    // Only the first `=` separates: base64 padding keeps its own.
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,16}$/.test(value)) t = Number(value);
    else if (name === 's' && value !== '') signatures.push(value);
  }
  if (t === undefined || signatures.length === 0) {
    throw new WebhookVerificationError(
      'paid',
      'malformed_header',
      `${PAID_SIGNATURE_HEADER} must hold t=<ms>${SEPARATORS[grammar]}s=<base64> (grammar "${grammar}")`,
    );
  }
  return { t, signatures };
}
