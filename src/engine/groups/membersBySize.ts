/**
 * Members ordered by how many partitions they currently hold, then by member id: the general sticky path's
 * `TreeSet<String>(SubscriptionComparator)` (`sortedCurrentSubscriptions`).
 *
 * The order reads the sizes when a member is added, so, as in Java, callers remove a member before changing its
 * partitions and add it back afterwards.
 */
import { compareStrings } from "./topicPartition";

export class MembersBySize {
  private readonly order: string[] = [];

  constructor(private readonly sizeOf: (memberId: string) => number) {}

  private compare(a: string, b: string): number {
    return this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b);
  }

  add(memberId: string): void {
    if (this.order.includes(memberId)) return;
    let i = 0;
    while (i < this.order.length && this.compare(this.order[i]!, memberId) < 0) i++;
    this.order.splice(i, 0, memberId);
  }

  remove(memberId: string): void {
    const i = this.order.indexOf(memberId);
    if (i >= 0) this.order.splice(i, 1);
  }

  get size(): number {
    return this.order.length;
  }

  /** The member with the fewest partitions. */
  first(): string | undefined {
    return this.order[0];
  }

  /** The member with the most partitions. */
  last(): string | undefined {
    return this.order[this.order.length - 1];
  }

  /** A snapshot, fewest partitions first, safe to iterate while adding and removing. */
  toArray(): string[] {
    return [...this.order];
  }
}
