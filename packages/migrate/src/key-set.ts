/**
 * An exact set of strings kept outside the JS heap: keys as UTF-8 bytes in one growing buffer, found
 * through an open-addressing table of offsets. About 20 bytes plus the key's length per key, against ~50
 * for a `Set<string>`, and none of it is heap the garbage collector walks or sizes its heap by — the
 * engine remembers every source key of a run (to refuse a second record with the same id) in one.
 */
const encoder = new TextEncoder();

export class KeySet {
  /** Key bytes, back to back. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Per key: start offset in `bytes` (end = next key's start, or `used`). */
  private starts = new Uint32Array(1 << 10);
  /** Open-addressing table: key index + 1, 0 = empty. */
  private slots = new Uint32Array(1 << 11);
  private hashes = new Uint32Array(1 << 11);
  private scratch = new Uint8Array(256);
  size = 0;

  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean {
    const length = this.encode(key);
    const hash = hashBytes(this.scratch, length);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) break;
      if (this.hashes[slot] === hash && this.equals(entry - 1, length)) return false;
      slot = (slot + 1) & mask;
    }
    this.store(length);
    this.slots[slot] = this.size;
    this.hashes[slot] = hash;
    // Keep the table at most half full, so probes stay short.
    if (this.size * 2 > this.slots.length) this.rehash();
    return true;
  }

  has(key: string): boolean {
    const length = this.encode(key);
    const hash = hashBytes(this.scratch, length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return false;
      if (this.hashes[slot] === hash && this.equals(entry - 1, length)) return true;
    }
  }

  /** Encodes the key into `scratch` (grown as needed); returns its byte length. */
  private encode(key: string): number {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < key.length * 3) this.scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.scratch).written;
  }

  private equals(index: number, length: number): boolean {
    const start = this.starts[index] as number;
    const end = index + 1 < this.size ? (this.starts[index + 1] as number) : this.used;
    if (end - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private store(length: number): void {
    if (this.used + length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    this.bytes.set(this.scratch.subarray(0, length), this.used);
    if (this.size === this.starts.length) {
      const bigger = new Uint32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    this.starts[this.size] = this.used;
    this.used += length;
    this.size++;
  }

  private rehash(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Uint32Array(oldSlots.length * 2);
    this.hashes = new Uint32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const entry = oldSlots[i] as number;
      if (entry === 0) continue;
      const hash = oldHashes[i] as number;
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
      this.hashes[slot] = hash;
    }
  }
}

/** FNV-1a, 32 bits, finished with a murmur-style mix so the low bits (the table index) spread well. */
function hashBytes(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
