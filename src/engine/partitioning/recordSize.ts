/**
 * An estimate of a record's size in bytes, for the sticky partitioner's "about `batch.size` bytes per partition".
 *
 * Kafka counts the bytes a record adds to its batch (`DefaultRecord#sizeInBytes`): the serialised key and value
 * plus a few varint-encoded framing fields. We estimate it as
 *
 *   size = RECORD_OVERHEAD_BYTES + serialised key length + serialised value length
 *
 * where keys and values are serialised as in `serializeKey.ts` (a string as its UTF-8, anything else as the UTF-8 of
 * its JSON text) and `null` (no key, or a tombstone value) has length 0. Headers and the batch's own 61-byte header
 * are not counted.
 */
import type { Json, RecordKey } from "../model";
import { keyText } from "./serializeKey";
import { utf8Length } from "./utf8";

/**
 * The fixed per-record framing estimate: `DefaultRecord` writes 7 fields around the key and value (length,
 * attributes, timestamp delta, offset delta, key length, value length, header count), each a varint of 1–3 bytes
 * for a small record; we count 8 bytes.
 */
export const RECORD_OVERHEAD_BYTES = 8;

/** The estimated size of a record with this key and value, in bytes. */
export function estimateRecordBytes(key: RecordKey, value: Json): number {
  return RECORD_OVERHEAD_BYTES + serializedLength(key) + serializedLength(value);
}

/** Length in bytes of a serialised key or value; 0 for `null`. */
export function serializedLength(data: Json): number {
  return data === null ? 0 : utf8Length(keyText(data));
}
