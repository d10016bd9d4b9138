/**
 * Article bodies as stored. From v7 a save stores the paragraphs and the HTML as one JSON array,
 * deflate-compressed (CompressionStream, 'deflate-raw'): the HTML repeats the paragraphs' text, so
 * the body shrinks to about a quarter, and a body is nearly half of what a save writes. Every byte
 * a save writes goes through LevelDB's log and memtable, and each memtable flush (one per few
 * hundred saves) is compacted down two levels (~30 MB rewritten), so fewer bytes per save is fewer
 * compactions. Rows written before (and where CompressionStream is missing) keep the plain form;
 * readers take both.
 */
import type { BodyRow } from './db';

/** A compressed body: `z` holds deflate-raw of JSON `[paragraphs, contentHtml]`. */
export interface PackedBodyRow {
  id: string;
  z: Uint8Array;
}

export type StoredBody = BodyRow | PackedBodyRow;

const FORMAT = 'deflate-raw';

const hasStreams = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function' && typeof Response === 'function';

async function through(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const w = stream.writable.getWriter();
  void w.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  void w.close().catch(() => {});
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/** The row to store for a body: compressed when the platform can, else plain. */
export async function packBody(body: BodyRow): Promise<StoredBody> {
  if (!hasStreams()) return body;
  const z = await through(new TextEncoder().encode(JSON.stringify([body.paragraphs, body.contentHtml])), new CompressionStream(FORMAT));
  return { id: body.id, z };
}

/** A stored body in either form, as paragraphs and HTML. */
export async function unpackBody(row: StoredBody): Promise<BodyRow> {
  if (!('z' in row)) return row;
  const [paragraphs, contentHtml] = JSON.parse(new TextDecoder().decode(await through(row.z, new DecompressionStream(FORMAT)))) as [string[], string];
  return { id: row.id, paragraphs, contentHtml };
}
