/** Base64 decoding shared by the model and cluster loaders. */

/** Fastest base64 decoder the platform has (Chromium 140+, Node's Buffer, else atob). */
export function decodeBase64(b64: string): Uint8Array {
  const U8 = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
  if (typeof U8.fromBase64 === 'function') return U8.fromBase64(b64);
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (B) { const b = B.from(b64, 'base64'); return new Uint8Array(b.buffer, b.byteOffset, b.length); }
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
