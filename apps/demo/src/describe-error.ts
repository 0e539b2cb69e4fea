import { BillbridgeError, ValidationError } from '@billbridge/core';

export interface ErrorView {
  name: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
  path?: string;
}

/** An error as the page shows it: its class, message and, for validation, every issue at its path. */
export function describeError(error: unknown): ErrorView {
  if (ValidationError.isInstance(error)) {
    return {
      name: error.name,
      message: error.message,
      issues: error.issues.map(({ path, message }) => ({ path, message })),
    };
  }
  if (BillbridgeError.isInstance(error)) {
    const path = (error as { path?: unknown }).path;
    return { name: error.name, message: error.message, ...(typeof path === 'string' ? { path } : {}) };
  }
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}
