import {
  AmbiguousResultError,
  BillbridgeError,
  ConnectionError,
  IntegrityError,
  ProviderError,
  TimeoutError,
  ValidationError,
} from '@billbridge/core';

export interface ErrorView {
  /** `refused`: billbridge would not send it (nothing left the machine); `failed`: the call went wrong. */
  stage: 'refused' | 'failed';
  name: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
  path?: string;
}

/** An error as the page shows it: its class, message and, for validation, every issue at its path. */
export function describeError(error: unknown): ErrorView {
  if (ValidationError.isInstance(error)) {
    return {
      stage: 'refused',
      name: error.name,
      message: error.message,
      issues: error.issues.map(({ path, message }) => ({ path, message })),
    };
  }
  if (BillbridgeError.isInstance(error)) {
    const path = (error as { path?: unknown }).path;
    return {
      stage: wentWrong(error) ? 'failed' : 'refused',
      name: error.name,
      message: error.message,
      ...(typeof path === 'string' ? { path } : {}),
    };
  }
  return { stage: 'failed', name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Errors of a call that went wrong (or may have created something). A provider's 4xx about the request
 * is a refusal, like billbridge's own refusals before sending: nothing was created.
 */
function wentWrong(error: unknown): boolean {
  if (
    ProviderError.isInstance(error) &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500
  )
    return false;
  return [ProviderError, ConnectionError, TimeoutError, AmbiguousResultError, IntegrityError].some((kind) =>
    kind.isInstance(error),
  );
}
