import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  type Order,
  PermissionError,
  ProviderServerError,
  RateLimitError,
} from '@billbridge/core';
import { describeAdapterConformance } from '@billbridge/testing/conformance';
import { createPaidClient } from '../src/client';
import { paidFake } from '../src/fake';
import { paid } from '../src/index';
import { PaidCreateOrderRequest } from '../src/wire';

// The fake knows the card's customer and product; generated documents are pointed at them.
const knownReferences = (doc: Order): Order => ({
  ...doc,
  customer: { ...doc.customer, id: 'cus_abc123' },
  ...(doc.billingCustomer ? { billingCustomer: { ...doc.billingCustomer, id: 'cus_abc123' } } : {}),
  lines: doc.lines.map((line) => ({ ...line, product: { ...line.product, id: 'prod-id' } })),
});

describeAdapterConformance({
  adapter: paid,
  fake: paidFake,
  rejectingSeed: { apiKeys: ['another-key'] },
  createClient: (baseUrl, { apiKey, maxRetries }) =>
    createPaidClient({ apiKey, maxRetries, baseUrl: `${baseUrl}/api/v2` }),
  customizeOrder: knownReferences,
  requestSchema: PaidCreateOrderRequest,
  // Paid's order answers (create and read) carry no currency at all (CONTRACT.md): nothing to compare.
  answersCarryCurrency: false,
  documentedErrors: [
    {
      status: 400,
      body: { error: 'Bad Request', code: 'VALIDATION_ERROR', details: 'customerId is required' },
      expected: InvalidRequestError,
    },
    { status: 403, body: { error: 'Forbidden' }, expected: PermissionError },
    { status: 404, body: { error: 'Not found', details: 'No such customer' }, expected: NotFoundError },
    { status: 500, body: { error: 'Internal server error' }, expected: ProviderServerError },
    {
      status: 401,
      body: { error: 'Unauthorized' },
      expected: AuthenticationError,
      name: '401 (undocumented shape)',
    },
    {
      status: 429,
      body: 'Too Many Requests',
      headers: { 'retry-after': '1' },
      expected: RateLimitError,
      name: '429 as text',
    },
  ],
});
