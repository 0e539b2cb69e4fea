/**
 * `BILLBRIDGE_SELF_CHECK=1` makes adapters parse every request they build with their own wire schema
 * (a debugging aid; by default they check only what the document can break, to keep mapping cheap).
 */
export const FULL_SELF_CHECK: boolean =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.BILLBRIDGE_SELF_CHECK === '1';
