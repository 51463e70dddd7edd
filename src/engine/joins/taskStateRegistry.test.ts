import { describe, expect, it } from "vitest";
import { JoinSide, StreamStreamJoinTask } from "./streamStreamJoin";
import { TableStore } from "./tableStore";
import { TaskStateRegistry } from "./taskStateRegistry";
import { TaskStores } from "./taskStores";

describe("per-task state", () => {
  it("shouldKeepOneStorePerPartition", () => {
    const tables = new TaskStores(() => new TableStore());
    tables.of(0).upsert("c1", { value: "Ada", timestamp: 0, id: 1 });
    expect(tables.of(0).get("c1")?.value).toBe("Ada");
    expect(tables.of(1).get("c1")).toBeUndefined();
  });

  it("shouldForgetARevokedTaskInEveryNodeOfItsSubtopology", () => {
    const registry = new TaskStateRegistry();
    const joins = new TaskStores(() => new StreamStreamJoinTask({ beforeMs: 100, afterMs: 100, graceMs: 0 }));
    const tables = new TaskStores(() => new TableStore());
    registry.register(4, joins);
    registry.register(2, tables);
    joins.of(1).arrive(JoinSide.left, "k", "a", 10, 1);
    tables.of(1).upsert("k", { value: "row", timestamp: 0, id: 2 });
    tables.of(0).upsert("k", { value: "other task", timestamp: 0, id: 3 });

    registry.revokeTask([2, 4], 1);

    expect(registry.statefulNodes()).toEqual([2, 4]);
    expect(joins.of(1).arrive(JoinSide.right, "k", "b", 20, 4)).toMatchObject({
      kind: "arrived",
      stored: true,
      matches: [],
    });
    expect(tables.of(1).get("k")).toBeUndefined();
    expect(tables.of(0).get("k")?.value).toBe("other task");
  });

  it("shouldDeleteAKeyOnATombstone", () => {
    const table = new TableStore();
    table.upsert("k", { value: 1, timestamp: 0, id: 1 });
    table.upsert("k", { value: null, timestamp: 1, id: 2 });
    expect(table.get("k")).toBeUndefined();
  });
});
