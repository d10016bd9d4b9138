import { describe, expect, it } from 'vitest';
import { readNerBytes, sha256 } from '../../../src/entities/node';
import { encodeNerPackage, NerPackageError, openNerPackage, openNerPackageSync, packageFiles } from '../../../src/entities/package';

const decodeNerPackage = (b: Uint8Array, name = 'x.bin') => openNerPackageSync(b, name, sha256);
import { buildClusters, wordClassesOf } from '../../../src/entities/clusters';
import { clusterTablesOf } from '../../../src/entities/package';
import { hashString } from '../../../src/entities/hash';

describe('the tagger data package (entities/package.ts)', () => {
  const bytes = readNerBytes();

  it("is exactly what the trainer's records encode to (the round trip loses nothing)", () => {
    const { model, clusters } = packageFiles(decodeNerPackage(bytes));
    expect(Buffer.from(encodeNerPackage(model, clusters, sha256)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('checks the SHA-256 natively when it may wait (the extension)', async () => {
    const b = bytes.slice();
    b[b.length >> 1]! ^= 0x40;
    await expect(openNerPackage(b, 'x.bin')).rejects.toThrow(/x\.bin: corrupt \(SHA-256 mismatch\)/);
    expect((await openNerPackage(bytes.slice().buffer, 'x.bin')).model.rows).toBe(decodeNerPackage(bytes).model.rows);
  });

  it('names what is wrong with a damaged file instead of reading it', () => {
    const broken = (edit: (b: Uint8Array) => Uint8Array) => () => decodeNerPackage(edit(bytes.slice()), 'x.bin');
    expect(broken((b) => b.subarray(0, 12))).toThrow(/x\.bin: truncated \(12 bytes\)/);
    expect(broken((b) => b.subarray(0, b.length - 8))).toThrow(/x\.bin: truncated/);
    expect(broken((b) => { b[0] = 0x7b; return b; })).toThrow(/not a Sorot NER package/);
    expect(broken((b) => { b[4] = 9; return b; })).toThrow(/package version 9/);
    for (const at of [12, 20, 100, bytes.length >> 1, bytes.length - 1]) {
      expect(broken((b) => { b[at]! ^= 1; return b; })).toThrow(NerPackageError);
    }
    // A header that lies about a section is refused even when its checksum is made to match.
    const b = bytes.slice();
    const u32 = new Uint32Array(b.buffer);
    const head = new TextDecoder().decode(b.subarray(48, 48 + u32[3]!));
    const lie = head.replace(/\["model\.fingerprints","u8",(\d+),(\d+)\]/, (_, o, n) => `["model.fingerprints","u8",${o},${String(Number(n) + 7).padStart(n.length, '0').slice(-n.length)}]`);
    expect(lie).not.toBe(head);
    b.set(new TextEncoder().encode(lie), 48);
    b.set(sha256(b.subarray(48)), 16);
    expect(() => decodeNerPackage(b, 'x.bin')).toThrow(/section model.fingerprints has \d+ values, not 262144/);
  });

  it('looks words up in the clusters as a map of the words would', () => {
    const file = packageFiles(decodeNerPackage(bytes)).clusters;
    const wc = buildClusters(clusterTablesOf(file));
    const words = file.words.split('\n');
    const ids = file.ids.map((b) => new Uint16Array(Uint8Array.from(Buffer.from(b, 'base64')).buffer));
    words.forEach((w, i) => {
      if (i % 97) return;
      expect(wordClassesOf(wc, w, hashString(w))).toBe(ids.reduce((p, c, k) => p | ((c[i]! + 1) << (10 * k)), 0) >>> 0);
    });
    for (const w of ['zzzqx', '', words[5]!.slice(0, -1), `${words[5]}s`]) expect(wordClassesOf(wc, w, hashString(w))).toBe(words.includes(w) ? expect.any(Number) : 0);
  });
});
