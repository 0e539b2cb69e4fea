import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderServerError,
  RateLimitError,
  type TransportResponse,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { mapPelcroError } from '../src/index';
import error400 from './fixtures/error-400.json';
import error404 from './fixtures/error-404-validation.json';

const response = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): TransportResponse => ({
  status,
  headers,
  body,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  requestId: 'req_1',
});

describe('mapPelcroError', () => {
  it('turns the documented 400 errors map into one field issue per message', () => {
    const error = mapPelcroError(
      response(400, {
        errors: {
          'line_items.0.unit_price': ['The unit price field is required.', 'Must be a number.'],
          total: 'x',
        },
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'pelcro',
      status: 400,
      requestId: 'req_1',
      fieldIssues: [
        { field: 'line_items.0.unit_price', message: 'The unit price field is required.' },
        { field: 'line_items.0.unit_price', message: 'Must be a number.' },
        { field: 'total', message: 'x' },
      ],
    });
    expect(error.message).toContain('line_items.0.unit_price');
    expect(mapPelcroError(response(400, error400))).toMatchObject({ fieldIssues: [{ field: 'email' }] });
  });

  it('reads a 404 with an errors map as validation, and a bare 404 as not found', () => {
    expect(InvalidRequestError.isInstance(mapPelcroError(response(404, error404)))).toBe(true);
    const notFound = mapPelcroError(response(404, { message: 'Invoice 9 not found.' }));
    expect(NotFoundError.isInstance(notFound)).toBe(true);
    expect(InvalidRequestError.isInstance(notFound)).toBe(false);
    expect(notFound.message).toContain('Invoice 9 not found.');
  });

  it('maps the other statuses through core', () => {
    expect(InvalidRequestError.isInstance(mapPelcroError(response(422, error400)))).toBe(true);
    expect(
      AuthenticationError.isInstance(mapPelcroError(response(401, { message: 'Unauthenticated.' }))),
    ).toBe(true);
    expect(PermissionError.isInstance(mapPelcroError(response(403, 'Forbidden')))).toBe(true);
    const limited = mapPelcroError(response(429, { message: 'Too Many Attempts.' }, { 'retry-after': '3' }));
    expect(RateLimitError.isInstance(limited) && limited.retryAfterMs).toBe(3000);
    const server = mapPelcroError(response(503, '<html>down</html>'));
    expect(ProviderServerError.isInstance(server) && server.retryable).toBe(true);
  });
});
