import { it } from "vitest";
import { compileExpression } from ".";
it("bench", () => {
  const V = ["key", "value", "timestamp", "partition", "offset", "topic"];
  const ctx: Record<string, unknown> = { key: "k", value: 0, timestamp: 0, partition: 0, offset: 0, topic: "t" };
  const N = 1_000_000;
  for (const src of ["value * 2", "value % 3 != 0", "value + 1 > 10 && key == 'k'", "value.x * 2", "upper(key)"]) {
    const r = compileExpression(src, { variables: V });
    if (!r.ok) throw new Error(r.error.message);
    const objMode = src.includes("value.x");
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      let acc = 0;
      for (let i = 0; i < N; i++) { ctx.value = objMode ? { x: i } : i; const v = r.fn(ctx); if (v) acc++; }
      const t1 = performance.now();
      console.log(src, round, (t1 - t0).toFixed(1), "ms", acc);
    }
  }
  const plain = (c: Record<string, unknown>) => (c.value as number) * 2;
  const t0 = performance.now(); let acc = 0;
  for (let i = 0; i < N; i++) { ctx.value = i; if (plain(ctx)) acc++; }
  console.log("plain js", (performance.now() - t0).toFixed(1), acc);
});
