import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderServerError,
  RateLimitError,
} from '@billbridge/core';
import { describeAdapterConformance } from '@billbridge/testing/conformance';
import { createWhopClient, whop } from '../src/index';
import { whopFake } from '../src/testing';
import { InvoiceCreateRequest } from '../src/wire';
import invalidRequest from './fixtures/error-invalid-request.json';
import rateLimit from './fixtures/error-rate-limit.json';
import { customizeForWhop, WHOP_ISO_CURRENCIES } from './support/conformance-docs';

const companyId = 'biz_xxxxxxxxxxxxxx';

describeAdapterConformance({
  adapter: whop,
  fake: whopFake,
  rejectingSeed: { apiKeys: ['a-different-whop-key'] },
  mappingOptions: { companyId },
  createClient: (baseUrl, { apiKey, maxRetries }) =>
    createWhopClient({ apiKey, companyId, baseUrl: `${baseUrl}/api/v1`, maxRetries }),
  customizeInvoice: customizeForWhop,
  arbitraryOptions: { currencies: WHOP_ISO_CURRENCIES },
  requestSchema: InvoiceCreateRequest,
  documentedErrors: [
    { status: 400, body: invalidRequest, expected: InvalidRequestError },
    {
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Invalid API key.' } },
      expected: AuthenticationError,
    },
    {
      status: 403,
      body: { error: { code: 'forbidden', message: 'Missing permission invoice:create.' } },
      expected: PermissionError,
    },
    {
      status: 404,
      body: { error: { code: 'not_found', message: 'Company not found.' } },
      expected: NotFoundError,
    },
    {
      status: 422,
      body: { error: { code: 'invalid_request', message: 'due_date is required.' } },
      expected: InvalidRequestError,
    },
    { status: 429, body: rateLimit, headers: { 'retry-after': '12' }, expected: RateLimitError },
    {
      status: 500,
      body: { error: { code: 'internal_server_error', message: 'Something went wrong.' } },
      expected: ProviderServerError,
    },
  ],
});
