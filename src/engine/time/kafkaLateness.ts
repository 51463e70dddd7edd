/**
 * Kafka Streams window lateness and emit-on-close finality: pure comparisons of a window's end with the operator's
 * observed stream time (see {@link StreamTime}) and the grace period. Equality matters and differs per window kind:
 * time windows drop at `end == closeTime`, sliding windows still accept there, sessions use a strict `<`.
 */
import { requireInteger } from "../windows/window";
import { describeWindow, ms, type Reasoned } from "./decision";

/** A window, as far as the lateness rules need it; `windowStart` only makes the reason read better. */
export interface KafkaWindowTime {
  readonly windowEnd: number;
  readonly windowStart?: number;
  readonly streamTime: number;
  readonly graceMs: number;
}

export interface KafkaAcceptance extends Reasoned {
  readonly accepted: boolean;
  /** The bound the window end was compared with. */
  readonly closeTime: number;
}

export interface KafkaFinality extends Reasoned {
  readonly final: boolean;
  readonly closeTime: number;
}

/**
 * `TimeWindows` (tumbling, hopping): `KStreamWindowAggregate` computes `closeTime = observedStreamTime - grace` and
 * aggregates into a window iff `windowEnd > closeTime`; at equality the record is dropped ("expired window").
 */
export function kafkaWindowAccepts(input: KafkaWindowTime): KafkaAcceptance {
  requireInteger("grace", input.graceMs, 0);
  const closeTime = input.streamTime - input.graceMs;
  const accepted = input.windowEnd > closeTime;
  const window = describeWindow(input.windowEnd, input.windowStart);
  const bound = graceBound(input, closeTime);
  const reason = accepted
    ? `${window} ends at ${ms(input.windowEnd)} > ${bound}: accepted`
    : `${window} ends at ${ms(input.windowEnd)} ≤ ${bound}: too late`;
  return { accepted, closeTime, reason };
}

/**
 * Emit-on-close (`EmitStrategy.onWindowClose()`, and `suppress(untilWindowCloses)` which evicts while
 * `windowEnd <= streamTime - grace`): a time window is final iff `windowEnd <= streamTime - grace`, i.e. exactly
 * when {@link kafkaWindowAccepts} stops accepting records for it.
 */
export function kafkaWindowFinal(input: KafkaWindowTime): KafkaFinality {
  requireInteger("grace", input.graceMs, 0);
  const closeTime = input.streamTime - input.graceMs;
  const final = input.windowEnd <= closeTime;
  const window = describeWindow(input.windowEnd, input.windowStart);
  const bound = graceBound(input, closeTime);
  const reason = final
    ? `${window} ends at ${ms(input.windowEnd)} ≤ ${bound}: closed, final result`
    : `${window} ends at ${ms(input.windowEnd)} > ${bound}: still open`;
  return { final, closeTime, reason };
}

/**
 * `SlidingWindows` (KIP-450, `KStreamSlidingWindowAggregate#updateWindowAndForward`): windows are inclusive at both
 * ends and a window is updated iff `windowEnd >= windowCloseTime` where `windowCloseTime = observedStreamTime - grace`;
 * at equality it still accepts.
 */
export function kafkaSlidingWindowAccepts(input: KafkaWindowTime): KafkaAcceptance {
  requireInteger("grace", input.graceMs, 0);
  const closeTime = input.streamTime - input.graceMs;
  const accepted = input.windowEnd >= closeTime;
  const window = describeWindow(input.windowEnd, input.windowStart, true);
  const bound = graceBound(input, closeTime);
  const reason = accepted
    ? `${window} ends at ${ms(input.windowEnd)} ≥ ${bound}: accepted`
    : `${window} ends at ${ms(input.windowEnd)} < ${bound}: too late`;
  return { accepted, closeTime, reason };
}

/** A session (after merging the new record into it) and the session parameters. */
export interface KafkaSessionTime {
  readonly sessionEnd: number;
  readonly sessionStart?: number;
  readonly streamTime: number;
  readonly graceMs: number;
  readonly gapMs: number;
}

/**
 * `SessionWindows` (`KStreamSessionWindowAggregate`): `windowCloseTime = observedStreamTime - grace - gap`; the
 * record is dropped iff its merged session's end `< windowCloseTime` (strict: equality is accepted).
 */
export function kafkaSessionAccepts(input: KafkaSessionTime): KafkaAcceptance {
  requireInteger("grace", input.graceMs, 0);
  requireInteger("inactivity gap", input.gapMs, 0);
  const closeTime = input.streamTime - input.graceMs - input.gapMs;
  const accepted = input.sessionEnd >= closeTime;
  const session = describeSession(input.sessionEnd, input.sessionStart);
  const bound = sessionBound(input, closeTime);
  const reason = accepted
    ? `${session} ends at ${ms(input.sessionEnd)} ≥ ${bound}: accepted`
    : `${session} ends at ${ms(input.sessionEnd)} < ${bound}: too late`;
  return { accepted, closeTime, reason };
}

/**
 * Emit-on-close for sessions with `suppress(untilWindowCloses)` (grace + inactivity gap as its suppression time): a
 * session is final iff `sessionEnd <= streamTime - grace - gap`. `EmitStrategy.onWindowClose()`
 * (`KStreamSessionWindowAggregate`) is strict instead: it emits sessions with `end < streamTime - grace - gap`, since
 * at equality a record can still merge into the session ({@link kafkaSessionAccepts}).
 */
export function kafkaSessionFinal(input: KafkaSessionTime): KafkaFinality {
  requireInteger("grace", input.graceMs, 0);
  requireInteger("inactivity gap", input.gapMs, 0);
  const closeTime = input.streamTime - input.graceMs - input.gapMs;
  const final = input.sessionEnd <= closeTime;
  const session = describeSession(input.sessionEnd, input.sessionStart);
  const bound = sessionBound(input, closeTime);
  const reason = final
    ? `${session} ends at ${ms(input.sessionEnd)} ≤ ${bound}: closed, final result`
    : `${session} ends at ${ms(input.sessionEnd)} > ${bound}: still open`;
  return { final, closeTime, reason };
}

/** `stream time 15 − grace 5 = 10` */
function graceBound(input: KafkaWindowTime, closeTime: number): string {
  return `stream time ${ms(input.streamTime)} − grace ${ms(input.graceMs)} = ${ms(closeTime)}`;
}

function describeSession(end: number, start?: number): string {
  return start === undefined ? "session" : `session [${ms(start)}, ${ms(end)}]`;
}

function sessionBound(input: KafkaSessionTime, closeTime: number): string {
  return `stream time ${ms(input.streamTime)} − grace ${ms(input.graceMs)} − gap ${ms(input.gapMs)} = ${ms(closeTime)}`;
}
