/**
 * Canonical Address ↔ Pelcro's flat address attributes (layout unconfirmed, see options.ts). Pelcro
 * splits a name into first_name and last_name: we split at the first space and join with one space,
 * which gives back exactly the name we split.
 */
import type { Address, WarningCollector } from '@billbridge/core';
import type { PelcroAddress } from './wire';

export function toPelcroAddress(address: Address, path: string, w: WarningCollector): PelcroAddress {
  const out: PelcroAddress = {};
  if (address.name !== undefined) {
    const space = address.name.indexOf(' ');
    if (space < 0) out.first_name = address.name;
    else {
      out.first_name = address.name.slice(0, space);
      out.last_name = address.name.slice(space + 1);
    }
  }
  if (address.line1 !== undefined) out.line1 = address.line1;
  if (address.line2 !== undefined) out.line2 = address.line2;
  if (address.city !== undefined) out.city = address.city;
  if (address.state !== undefined) out.state = address.state;
  if (address.country !== undefined) out.country = address.country;
  if (address.postalCode !== undefined) out.postal_code = address.postalCode;
  if (address.line3 !== undefined)
    w.unsupported(`${path}.line3`, 'Pelcro addresses have two street lines; line3 is not sent.');
  return out;
}

type ReadAddress = { [K in keyof PelcroAddress]?: string | null | undefined };

export function fromPelcroAddress(address: ReadAddress | null | undefined): Address | undefined {
  if (!address) return undefined;
  const out: Address = {};
  const first = address.first_name ?? undefined;
  const last = address.last_name ?? undefined;
  if (first !== undefined && last !== undefined) out.name = `${first} ${last}`;
  else if (first !== undefined || last !== undefined) out.name = first ?? last;
  if (address.line1 != null) out.line1 = address.line1;
  if (address.line2 != null) out.line2 = address.line2;
  if (address.city != null) out.city = address.city;
  if (address.state != null) out.state = address.state;
  if (address.country != null) out.country = address.country.toUpperCase();
  if (address.postal_code != null) out.postalCode = address.postal_code;
  return Object.keys(out).length > 0 ? out : undefined;
}
