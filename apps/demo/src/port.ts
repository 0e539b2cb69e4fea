/** The message for a demo port that is already taken, naming the way out; undefined for other errors. */
export function busyPortMessage(error: unknown, port: number): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return undefined;
  const why = code === 'EADDRINUSE' ? 'is already in use (another demo?)' : 'cannot be opened by this user';
  return `billbridge demo: port ${port} ${why}. Start it on another port: PORT=${port + 1} pnpm demo`;
}
