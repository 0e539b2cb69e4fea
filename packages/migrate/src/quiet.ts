import type { CanonicalInput } from './types';

export interface QuietChange {
  /** `collection.autoSend`, `collection.method`, `autoSendBillingEmails`, `imported`. */
  path: string;
  message: string;
}

/**
 * A migration copies history; it must not email customers or charge cards. Unless `notify` is set:
 * automatic sending is switched off, a collection that charges a card becomes send-invoice (its payment
 * method dropped), an order's automatic emails are switched off, and the document is flagged `imported`
 * where the target carries that flag. Returns what was changed (the run warns about charging ones).
 */
export function quietDocument(
  doc: CanonicalInput,
  options: { notify: boolean; importedSupported: boolean },
): QuietChange[] {
  const changes: QuietChange[] = [];
  if (options.notify) return changes;
  const d = doc as Record<string, unknown> & {
    collection?: { method?: string; autoSend?: boolean; paymentMethodId?: string };
  };
  if (d.collection) {
    if (d.collection.method === 'charge_automatically') {
      d.collection.method = 'send_invoice';
      delete d.collection.paymentMethodId;
      changes.push({
        path: 'collection.method',
        message:
          'the source charges a card automatically; migrated as send-invoice so the target does not charge it (--notify keeps charging on)',
      });
    }
    if (d.collection.autoSend !== false) {
      d.collection.autoSend = false;
      changes.push({
        path: 'collection.autoSend',
        message: 'automatic sending switched off so customers are not emailed again (--notify keeps it)',
      });
    }
  }
  for (const flag of ['autoSendBillingEmails', 'autoSendPaymentEmails'] as const) {
    if (d[flag] === true) {
      d[flag] = false;
      changes.push({
        path: flag,
        message: `${flag} switched off so customers are not emailed (--notify keeps it)`,
      });
    }
  }
  const first = (d.lines as Array<Record<string, unknown>> | undefined)?.[0];
  const isOrder = first !== undefined && 'charges' in first;
  if (options.importedSupported && d.imported === undefined && !isOrder) {
    d.imported = true;
    changes.push({ path: 'imported', message: 'flagged as imported, so the target treats it as history' });
  }
  return changes;
}
