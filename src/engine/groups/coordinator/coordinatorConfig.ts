/**
 * The group coordinator's configuration: the consumer settings that shape a classic-protocol group, with Kafka's
 * defaults, validated the way Kafka validates them.
 *
 * Example: `{ groupId: "billing", assignor: "cooperative-sticky", partitionsPerTopic: { orders: 3 } }` resolves to
 * protocol `cooperative` (the assignor's preferred one), `session.timeout.ms` 45000, `heartbeat.interval.ms` 3000
 * and `max.poll.interval.ms` 300000.
 */
import type { PartitionAssignor, RebalanceProtocol, StrategyName } from "../assignor";
import { findAssignor } from "../assignors";

export interface CoordinatorConfig {
  /** `group.id`. */
  groupId: string;
  /** `partition.assignment.strategy` (a single assignor); `custom` runs {@link CoordinatorConfig.customAssignor}. */
  assignor: StrategyName;
  /** The user's own strategy, required when `assignor` is `custom`. */
  customAssignor?: PartitionAssignor;
  /** Rebalance protocol; defaults to the assignor's preferred one: cooperative for `cooperative-sticky`, else eager. */
  protocol?: RebalanceProtocol;
  /** `session.timeout.ms`; default 45000 (Kafka 3.0+, KIP-735). */
  sessionTimeoutMs?: number;
  /** `heartbeat.interval.ms`; default 3000. Must be below the session timeout. */
  heartbeatIntervalMs?: number;
  /**
   * `max.poll.interval.ms`, which the consumer sends as its rebalance timeout; default 300000. Only checked: see
   * {@link resolveCoordinatorConfig}.
   */
  rebalanceTimeoutMs?: number;
  /** Partition count of every topic in the cluster. */
  partitionsPerTopic: Readonly<Record<string, number>>;
}

export type ResolvedCoordinatorConfig = Required<Omit<CoordinatorConfig, "customAssignor">> & {
  customAssignor: PartitionAssignor | null;
};

export const DEFAULT_SESSION_TIMEOUT_MS = 45_000;
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 3_000;
export const DEFAULT_REBALANCE_TIMEOUT_MS = 300_000;

/**
 * Fills in the defaults and rejects what Kafka rejects, with a `RangeError` naming the setting:
 * - a protocol the assignor does not support (`ConsumerCoordinator`'s constructor: "Specified assignors … do not
 *   have commonly supported rebalance protocol"), e.g. `range` with `cooperative`;
 * - `heartbeat.interval.ms >= session.timeout.ms` (`Heartbeat`'s constructor: "Heartbeat must be set lower than the
 *   session timeout");
 * - `session.timeout.ms > max.poll.interval.ms`. Kafka accepts it, but then a rebalance waiting for an absent
 *   member can end by the rebalance timeout (`DelayedJoin`, `expirePendingSync`) instead of the absent member's
 *   session expiry. With the session timeout at most the rebalance timeout, an absent member's session always
 *   expires first, so this model leaves those two timers out and stays exact.
 */
export function resolveCoordinatorConfig(config: CoordinatorConfig): ResolvedCoordinatorConfig {
  const assignor = coordinatorAssignor(config);
  const protocol = config.protocol ?? assignor.supportedProtocols[0]!;
  if (!assignor.supportedProtocols.includes(protocol)) {
    throw new RangeError(
      `assignor ${assignor.name} does not support the ${protocol} rebalance protocol ` +
        `(it supports ${assignor.supportedProtocols.join(", ")})`,
    );
  }
  const sessionTimeoutMs = positiveMs(
    "session.timeout.ms",
    config.sessionTimeoutMs,
    DEFAULT_SESSION_TIMEOUT_MS,
  );
  const heartbeatIntervalMs = positiveMs(
    "heartbeat.interval.ms",
    config.heartbeatIntervalMs,
    DEFAULT_HEARTBEAT_INTERVAL_MS,
  );
  const rebalanceTimeoutMs = positiveMs(
    "max.poll.interval.ms",
    config.rebalanceTimeoutMs,
    DEFAULT_REBALANCE_TIMEOUT_MS,
  );
  if (heartbeatIntervalMs >= sessionTimeoutMs) {
    throw new RangeError(
      `heartbeat.interval.ms (${heartbeatIntervalMs}) must be lower than session.timeout.ms (${sessionTimeoutMs})`,
    );
  }
  if (sessionTimeoutMs > rebalanceTimeoutMs) {
    throw new RangeError(
      `session.timeout.ms (${sessionTimeoutMs}) above max.poll.interval.ms (${rebalanceTimeoutMs}) is not ` +
        "modelled: raise max.poll.interval.ms",
    );
  }
  for (const [topic, count] of Object.entries(config.partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`topic ${topic} has ${count} partitions; a partition count is an integer >= 0`);
    }
  }
  return {
    groupId: config.groupId,
    assignor: assignor.name,
    customAssignor: config.customAssignor ?? null,
    protocol,
    sessionTimeoutMs,
    heartbeatIntervalMs,
    rebalanceTimeoutMs,
    partitionsPerTopic: { ...config.partitionsPerTopic },
  };
}

/** The assignor the configuration names; a `RangeError` for an unknown name or a missing custom assignor. */
export function coordinatorAssignor(
  config: Pick<CoordinatorConfig, "assignor" | "customAssignor">,
): PartitionAssignor {
  if (config.assignor === "custom") {
    if (config.customAssignor === undefined || config.customAssignor === null) {
      throw new RangeError("assignor custom needs a customAssignor");
    }
    return config.customAssignor;
  }
  const assignor = findAssignor(config.assignor);
  if (assignor === undefined) throw new RangeError(`unknown assignor ${config.assignor}`);
  return assignor;
}

function positiveMs(setting: string, value: number | undefined, fallback: number): number {
  const ms = value ?? fallback;
  if (!Number.isInteger(ms) || ms <= 0)
    throw new RangeError(`${setting} must be a positive integer, not ${ms}`);
  return ms;
}
