/**
 * An exact set of strings kept outside the JS heap: keys as length-prefixed UTF-8 bytes in one growing
 * buffer, found through an open-addressing table of their offsets. 11–21 bytes plus the key's length per
 * key (its 1–5 byte length, then 8–16 bytes of table and 2–4 of hash tags, the table being ¼ to ½ full),
 * against ~50 for a `Set<string>`, and none of it is heap the garbage collector walks or sizes its heap
 * by — the engine remembers every source key of a run (to refuse a second record with the same id) in
 * one. A million keys of ~10 characters: 26 MB allocated, ~21 MB of it written (with 32-bit hashes in the
 * table and a separate array of key offsets it was 36 MB).
 */
const encoder = new TextEncoder();

export class KeySet {
  /** Per key: its byte length as a varint, then its UTF-8 bytes; back to back. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Open-addressing table: offset of the key's entry in `bytes` + 1, 0 = empty. */
  private slots = new Uint32Array(1 << 11);
  /** 8 bits of each slot's key hash, so most probes that miss never read the key's bytes. */
  private tags = new Uint8Array(1 << 11);
  private scratch = new Uint8Array(256);
  size = 0;

  /** Bytes allocated for the keys and the table (capacity, not only what is in use). */
  get bytesHeld(): number {
    return this.bytes.byteLength + this.slots.byteLength + this.tags.byteLength + this.scratch.byteLength;
  }

  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean {
    const length = this.encode(key);
    const hash = hashBytes(this.scratch, length);
    const tag = hash >>> 24;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) break;
      if (this.tags[slot] === tag && this.equals(entry - 1, length)) return false;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = this.store(length) + 1;
    this.tags[slot] = tag;
    this.size++;
    // Keep the table at most half full, so probes stay short.
    if (this.size * 2 > this.slots.length) this.rehash();
    return true;
  }

  has(key: string): boolean {
    const length = this.encode(key);
    const hash = hashBytes(this.scratch, length);
    const tag = hash >>> 24;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return false;
      if (this.tags[slot] === tag && this.equals(entry - 1, length)) return true;
    }
  }

  /** Encodes the key into `scratch` (grown as needed); returns its byte length. */
  private encode(key: string): number {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < key.length * 3) this.scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.scratch).written;
  }

  /** Whether the entry at `offset` holds the `length` bytes in `scratch`. */
  private equals(offset: number, length: number): boolean {
    const bytes = this.bytes;
    let at = offset;
    let stored = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++] as number;
      stored += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if (stored !== length) return false;
    for (let i = 0; i < length; i++) if (bytes[at + i] !== this.scratch[i]) return false;
    return true;
  }

  /** Appends the key in `scratch` as an entry; returns the entry's offset. */
  private store(length: number): number {
    const need = this.used + 5 + length;
    // Offsets live in 32-bit slots (as offset + 1).
    if (need > 0xffff_fffe) throw new RangeError('KeySet: the keys exceed 4 GiB');
    if (need > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, need));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const offset = this.used;
    let at = offset;
    let rest = length;
    while (rest >= 0x80) {
      this.bytes[at++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[at++] = rest;
    this.bytes.set(this.scratch.subarray(0, length), at);
    this.used = at + length;
    return offset;
  }

  /** Doubles the table; each key's hash is computed again from its stored bytes. */
  private rehash(): void {
    const oldSlots = this.slots;
    this.slots = new Uint32Array(oldSlots.length * 2);
    this.tags = new Uint8Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const entry = oldSlots[i] as number;
      if (entry === 0) continue;
      let at = entry - 1;
      let length = 0;
      for (let shift = 0; ; shift += 7) {
        const b = this.bytes[at++] as number;
        length += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
      }
      const hash = hashBytes(this.bytes, length, at);
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
      this.tags[slot] = hash >>> 24;
    }
  }
}

/** FNV-1a, 32 bits, finished with a murmur-style mix so the low bits (the table index) spread well. */
function hashBytes(bytes: Uint8Array, length: number, from = 0): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
