import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/transport/classify';

function withCode(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('classifyFailure', () => {
  it('connect-phase failures mean nothing was sent', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
      expect(classifyFailure(withCode(code))).toBe('connect');
    }
    expect(classifyFailure(new errors.ConnectTimeoutError())).toBe('connect');
  });

  it('looks inside happy-eyeballs AggregateErrors and causes', () => {
    const aggregate = Object.assign(
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      {},
    );
    expect(classifyFailure(aggregate)).toBe('connect');
    expect(classifyFailure(new Error('wrapped', { cause: withCode('ECONNRESET') }))).toBe('dropped');
  });

  it('a broken connection after connecting is "dropped"', () => {
    expect(classifyFailure(new errors.SocketError('other side closed'))).toBe('dropped');
    for (const code of ['ECONNRESET', 'EPIPE', 'HPE_INVALID_CONSTANT']) {
      expect(classifyFailure(withCode(code))).toBe('dropped');
    }
  });

  it('undici timeouts, TLS failures, rejected arguments and the rest', () => {
    expect(classifyFailure(new errors.HeadersTimeoutError())).toBe('timeout');
    expect(classifyFailure(withCode('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(classifyFailure(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(classifyFailure(new errors.InvalidArgumentError('bad header'))).toBe('rejected');
    expect(classifyFailure(new Error('what'))).toBe('unknown');
    expect(classifyFailure(undefined)).toBe('unknown');
    expect(classifyFailure('a string')).toBe('unknown');
  });
});
