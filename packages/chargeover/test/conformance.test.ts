import { AuthenticationError, InvalidRequestError, NotFoundError, RateLimitError } from '@billbridge/core';
import { describeAdapterConformance } from '@billbridge/testing/conformance';
import { chargeover, createChargeOverClient, InvoiceCreateRequest } from '../src/index';
import { chargeoverFake, DEFAULT_CURRENCY_IDS, MISSING_AUTH_BODY } from '../src/testing';
import error400 from './fixtures/error-400.json';
import error400Recorded from './fixtures/error-400-recorded.json';

const publicKey = 'pubKeyConformance0123456789abcdef';
const basic = (apiKey: string) => Buffer.from(`${publicKey}:${apiKey}`).toString('base64');
const apiKey = 'privKeyConformance4f9a2c71d0e8b365';
const mappingOptions = { currencyIds: DEFAULT_CURRENCY_IDS, timeZone: 'UTC' };

describeAdapterConformance({
  adapter: chargeover,
  fake: chargeoverFake,
  apiKey,
  secrets: [basic(apiKey)],
  rejectingSeed: { apiKeys: [`${publicKey}:some-other-private-key`] },
  mappingOptions,
  createClient: (baseUrl, { apiKey: privateKey, maxRetries }) =>
    createChargeOverClient({ publicKey, privateKey, baseUrl, maxRetries, ...mappingOptions }),
  // The fake account's customer 1 and item 4 (every ChargeOver line needs an existing item).
  customizeInvoice: (doc) => ({
    ...doc,
    customer: { ...doc.customer, id: '1' },
    lines: doc.lines.map((line) => ({ ...line, product: { id: '4' } })),
  }),
  requestSchema: InvoiceCreateRequest,
  numRuns: 100,
  createRuns: 20,
  documentedErrors: [
    { status: 400, body: error400, expected: InvalidRequestError },
    {
      status: 400,
      body: error400Recorded,
      expected: InvalidRequestError,
      name: '400 (recorded, no details) → InvalidRequestError',
    },
    { status: 401, body: MISSING_AUTH_BODY, expected: AuthenticationError },
    {
      status: 404,
      body: {
        code: 404,
        status: 'Error',
        message: 'The object you requested does not exist.',
        details: {},
        response: false,
      },
      expected: NotFoundError,
    },
    {
      status: 429,
      body: { code: 429, status: 'Error', message: 'Too many requests.', details: {}, response: false },
      headers: { 'retry-after': '2' },
      expected: RateLimitError,
    },
  ],
});
