import {
  AuthenticationError,
  InvalidRequestError,
  LossyMappingError,
  MissingRequiredFieldError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '@billbridge/core';

/**
 * Errors that are answers: billbridge or the target refused the document, so nothing was created. The
 * journal engine and the PostgreSQL store read a failed create the same way through this one list.
 */
export function definitelyNotCreated(error: unknown): boolean {
  return (
    ValidationError.isInstance(error) ||
    MissingRequiredFieldError.isInstance(error) ||
    LossyMappingError.isInstance(error) ||
    InvalidRequestError.isInstance(error) ||
    AuthenticationError.isInstance(error) ||
    PermissionError.isInstance(error) ||
    NotFoundError.isInstance(error)
  );
}
