/** One raw record out of a file, with the 1-based line where it starts. */
export interface RawRecord {
  text: string;
  line: number;
}

export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'SourceFileError';
  }
}

/**
 * Splits a JSON file whose top level is an array into its elements without holding the whole file:
 * a small scanner tracks depth and strings, so memory is bounded by the largest single element. A
 * top-level object is one record (buffered whole).
 */
export async function* splitJsonArray(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<RawRecord> {
  let mode: 'start' | 'array' | 'object' | 'done' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let current = '';
  let currentLine = 0;
  let expectValue = true;

  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (mode === 'object') {
        current += ch;
        if (ch === '\n') line++;
        continue;
      }
      if (mode === 'start') {
        if (ch === '\n') line++;
        if (/\s/.test(ch)) continue;
        if (ch === '[') {
          mode = 'array';
          continue;
        }
        if (ch === '{') {
          mode = 'object';
          current = ch;
          currentLine = line;
          continue;
        }
        throw new SourceFileError(file, line, `expected a JSON array or object, found ${JSON.stringify(ch)}`);
      }
      if (mode === 'done') {
        if (ch === '\n') line++;
        if (!/\s/.test(ch)) throw new SourceFileError(file, line, 'unexpected content after the closing "]"');
        continue;
      }
      // array mode
      if (depth === 0 && current === '') {
        if (ch === '\n') line++;
        if (/\s/.test(ch)) continue;
        if (ch === ']') {
          mode = 'done';
          continue;
        }
        if (ch === ',') {
          if (expectValue) throw new SourceFileError(file, line, 'unexpected ","');
          expectValue = true;
          continue;
        }
        if (!expectValue) throw new SourceFileError(file, line, 'expected "," or "]" between elements');
        currentLine = line;
      }
      if (inString) {
        current += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        else if (ch === '\n') line++;
        continue;
      }
      if (depth === 0 && (ch === ',' || ch === ']' || /\s/.test(ch))) {
        // a scalar element ended (or a composite one already closed below)
        yield { text: current, line: currentLine };
        current = '';
        expectValue = ch === ',';
        if (ch === ']') mode = 'done';
        if (ch === '\n') line++;
        continue;
      }
      current += ch;
      if (ch === '\n') line++;
      else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          yield { text: current, line: currentLine };
          current = '';
          expectValue = false;
        }
      }
    }
  }
  if (mode === 'object') {
    yield { text: current, line: currentLine };
    return;
  }
  if (mode === 'start') throw new SourceFileError(file, undefined, 'the file is empty');
  if (mode !== 'done')
    throw new SourceFileError(file, line, 'the JSON array is not closed (truncated file?)');
}
