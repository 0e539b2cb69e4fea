import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
} from '@billbridge/core';
import { describeAdapterConformance } from '../src/conformance';
import { createTinyClient, tinyAdapter } from './support/tiny-adapter';
import { tinyFake } from './support/tiny-fake';

// The suite run against a small, honest adapter: proves the suite itself passes what it should.
describeAdapterConformance({
  adapter: tinyAdapter,
  fake: tinyFake,
  createClient: (baseUrl, { apiKey, maxRetries }) => createTinyClient({ baseUrl, apiKey, maxRetries }),
  apiKey: 'sk_test_tiny_conformance_9d2e',
  rejectingSeed: { apiKeys: ['sk_test_someone_else_1'] },
  documentedErrors: [
    {
      status: 400,
      body: { error: { message: 'quantity must be an integer' } },
      expected: InvalidRequestError,
    },
    { status: 401, body: 'Unauthorized', expected: AuthenticationError },
    { status: 404, body: { error: { message: 'No such customer' } }, expected: NotFoundError },
    {
      status: 429,
      body: { error: { message: 'Slow down' } },
      headers: { 'retry-after': '1' },
      expected: RateLimitError,
    },
    { status: 500, body: { error: { message: 'Oops' } }, expected: ProviderServerError },
  ],
});
