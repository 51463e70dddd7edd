/**
 * Key serialisation: the bytes the partitioner hashes for a record key.
 *
 * Record keys are JSON values ({@link RecordKey}). A Kafka producer hashes the bytes its key serializer produced, so
 * we fix one serializer:
 * - a string key is its UTF-8 bytes, exactly like Kafka's `StringSerializer` (so `"alice"` lands where a Java or
 *   kafkajs producer would put it);
 * - any other non-null key (number, boolean, array, object) is the UTF-8 of its JSON text from `JSON.stringify`:
 *   `42` hashes the two bytes `"42"` (what a `StringSerializer` would send for the text, not what Kafka's
 *   4-byte `IntegerSerializer` would send), and `{"id":1}` its compact JSON. Object fields keep their insertion
 *   order (JavaScript's own order: integer-like names first, ascending), so `{a,b}` and `{b,a}` are different keys,
 *   as two JSON serializers writing different bytes would be;
 * - `null` is the *null key*: no bytes, and the producer falls back to the sticky partitioner.
 */
import type { RecordKey } from "../model";
import { utf8Bytes } from "./utf8";

/** A key that has bytes to hash: any JSON value but `null`. */
export type NonNullKey = Exclude<RecordKey, null>;

/** The text whose UTF-8 bytes are the serialised key: the string itself, or the JSON text of any other value. */
export function keyText(key: NonNullKey): string {
  return typeof key === "string" ? key : JSON.stringify(key);
}

/** The serialised key bytes, or `null` for the null key. Allocates; the partitioner hashes without this copy. */
export function serializeKey(key: RecordKey): Uint8Array | null {
  return key === null ? null : utf8Bytes(keyText(key));
}
