/**
 * What an operator reports about each record it handles. Every operator is written once (one module per kind in
 * this folder) against this interface; the recording path passes a {@link TracedOperatorRecorder} (one trace step
 * per arrival, a new record version per changed record) and the fast path a {@link SilentOperatorRecorder}, whose
 * calls do nothing (and `derive` hands back the parent's id), so the JIT reduces them to nothing.
 */
import type { WindowOutput } from "../../aggregation/windowOutput";
import type { Json, RecordContext, RecordKey } from "../../model";
import { formatJson } from "../../trace/formatRecord";
import { StepKind, type TraceLog, WINDOW_STEP } from "../../trace/traceLog";
import { failureMessage } from "../operatorEnv";

export interface OperatorRecorder {
  /** False on the fast path: work done only to explain a step (a peek's label) is skipped. */
  readonly detailed: boolean;
  /** The record `id`, arriving from node `from`, passed through. */
  processed(id: number, from: number): void;
  /** A user function threw on the record (it is skipped: `LogAndContinueExceptionHandler`). */
  failed(id: number, from: number, error: unknown): void;
  /** A record the node made from record `parent`; returns its id. */
  derive(key: RecordKey, value: Json, timestamp: number, parent: number): number;
  /** The record entering at a source or table: a new version when its extracted timestamp differs. */
  sourced(key: RecordKey, value: Json, timestamp: number, id: number): number;
  /** A text about the step just recorded (a peek's label), made only when recording. */
  note(text: string): void;
  filtered(id: number, from: number): void;
  unmatched(id: number, from: number): void;
  branched(id: number, from: number, branch: number): void;
  stored(id: number, from: number): void;
  /** `reason`: an `UnjoinedReason`. */
  unjoined(id: number, from: number, reason: number): void;
  /** `operand`: as `joinedOperand` packs it; `note`, the stream time that closed a window, for the narration. */
  joined(id: number, operand: number, note?: string): void;
  /** `placement`: `partition * 4 + rule`, as the partitioner returns it. */
  written(id: number, from: number, placement: number): void;
  /** One output of a windowed aggregation in `task`: `id` is the forwarded version, else the input record. */
  windowOutput(output: WindowOutput, id: number, task: number, input: number): void;
}

/** The fast path's recorder: nothing is kept, and record ids are passed on unchanged. */
export class SilentOperatorRecorder implements OperatorRecorder {
  readonly detailed = false;
  processed(): void {}
  failed(): void {}
  derive(_key: RecordKey, _value: Json, _timestamp: number, parent: number): number {
    return parent;
  }
  sourced(_key: RecordKey, _value: Json, _timestamp: number, id: number): number {
    return id;
  }
  note(): void {}
  filtered(): void {}
  unmatched(): void {}
  branched(): void {}
  stored(): void {}
  unjoined(): void {}
  joined(): void {}
  written(): void {}
  windowOutput(): void {}
}

/** The recording path's recorder for node `self`: one trace step per call, operands as `decodeStep` reads them. */
export class TracedOperatorRecorder implements OperatorRecorder {
  readonly detailed = true;

  constructor(
    private readonly trace: TraceLog,
    private readonly self: number,
  ) {}

  processed(id: number, from: number): void {
    this.trace.push(StepKind.recordProcessed, id, this.self, from + 1);
  }

  failed(id: number, from: number, error: unknown): void {
    const trace = this.trace;
    const extra = trace.addExtra({ fromNode: from, message: failureMessage(error) });
    trace.push(StepKind.userFunctionFailed, id, this.self, extra);
  }

  derive(key: RecordKey, value: Json, timestamp: number, parent: number): number {
    return this.trace.addVersion(key, value, timestamp, parent, this.self);
  }

  sourced(key: RecordKey, value: Json, timestamp: number, id: number): number {
    return this.trace.timestamps[id] === timestamp ? id : this.derive(key, value, timestamp, id);
  }

  note(text: string): void {
    this.trace.notes.set(this.trace.length - 1, text);
  }

  filtered(id: number, from: number): void {
    this.trace.push(StepKind.recordFiltered, id, this.self, from + 1);
  }

  unmatched(id: number, from: number): void {
    this.trace.push(StepKind.recordUnmatched, id, this.self, from + 1);
  }

  branched(id: number, from: number, branch: number): void {
    this.trace.push(StepKind.recordBranched, id, this.self, (from + 1) | (branch << 16));
  }

  stored(id: number, from: number): void {
    this.trace.push(StepKind.recordStored, id, this.self, from + 1);
  }

  unjoined(id: number, from: number, reason: number): void {
    this.trace.push(StepKind.recordUnjoined, id, this.self, ((from + 1) << 2) | reason);
  }

  joined(id: number, operand: number, note?: string): void {
    this.trace.push(StepKind.recordJoined, id, this.self, operand);
    if (note !== undefined) this.note(note);
  }

  written(id: number, from: number, placement: number): void {
    const operand = (from + 1) | ((placement >> 2) << 16) | ((placement & 3) << 24);
    this.trace.push(StepKind.recordWritten, id, this.self, operand);
  }

  windowOutput(output: WindowOutput, id: number, task: number, input: number): void {
    const trace = this.trace;
    const extra = trace.addExtra({ output, input });
    trace.push(WINDOW_STEP[output.kind], id, this.self | (task << 16), extra);
  }
}

/** A peek's label text on the record in `context`, or why it failed. */
export function labelText(label: (context: RecordContext) => Json, context: RecordContext): string {
  try {
    return formatJson(label(context));
  } catch (error) {
    return `(label failed: ${failureMessage(error)})`;
  }
}
