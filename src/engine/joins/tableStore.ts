/**
 * A table's state for one task: the latest value per key (Kafka Streams `KTableSource` writing a key-value
 * store). A null value is a tombstone: it deletes the key.
 */
import type { Json, RecordKey } from "../model";
import { keyIdentity } from "./keyIdentity";

export interface TableEntry {
  value: Json;
  timestamp: number;
  id: number;
}

export class TableStore {
  private readonly rows = new Map<string, TableEntry>();

  /** Applies an update: a tombstone (null value) deletes the key. */
  upsert(key: RecordKey, entry: TableEntry): void {
    const id = keyIdentity(key);
    if (entry.value === null) this.rows.delete(id);
    else this.rows.set(id, entry);
  }

  get(key: RecordKey): TableEntry | undefined {
    return this.rows.get(keyIdentity(key));
  }
}
