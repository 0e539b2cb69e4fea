/**
 * ChargeOver stores countries as free text ("United States", "USA" in its examples). We write English
 * names (or alpha-2 codes, by option) and read back whatever resolves to an alpha-2 code.
 */
import type { CountryFormat } from './options';

/** Built on first use: constructing it loads ICU's region names, a fifth of the package's import time. */
let names: Intl.DisplayNames | undefined;
function regionNames(): Intl.DisplayNames {
  if (names === undefined) names = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
  return names;
}

/** Spellings seen in ChargeOver examples or older English names Intl no longer produces. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  'u.s.a.': 'US',
  'great britain': 'GB',
  turkey: 'TR',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  macedonia: 'MK',
  'cape verde': 'CV',
  burma: 'MM',
};

/** Withdrawn codes Intl still names, sharing a name with the current code (DD and DE are both "Germany"). */
const WITHDRAWN = new Set([
  'AN',
  'BU',
  'CS',
  'DD',
  'DY',
  'FX',
  'HV',
  'NH',
  'RH',
  'SU',
  'TP',
  'UK',
  'VD',
  'YD',
  'YU',
  'ZR',
]);

let byName: Map<string, string> | undefined;

function nameIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = regionNames().of(code);
      // Unassigned codes come back as the code itself (fallback: 'code').
      if (name && name !== code && !WITHDRAWN.has(code)) byName.set(name.toLowerCase(), code);
    }
  }
  return byName;
}

/** The English name when it reads back as the same code; otherwise the code itself (never ambiguous). */
export function countryToWire(code: string, format: CountryFormat): string {
  if (format === 'alpha2') return code;
  const name = regionNames().of(code);
  return name && name !== code && countryFromWire(name) === code ? name : code;
}

/** Alpha-2 code for a ChargeOver country text, or undefined when it names no country we know. */
export function countryFromWire(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  const key = trimmed.toLowerCase();
  return ALIASES[key] ?? nameIndex().get(key);
}
