/**
 * Consumer group partition assignors: the public surface of `src/engine/groups`.
 */
export type {
  Assignment,
  AssignmentInput,
  AssignorName,
  GroupMember,
  PartitionAssignor,
  RebalanceProtocol,
  TopicPartition,
} from "./assignor";
export { DEFAULT_GENERATION } from "./assignor";
export { assignorNames, assignors, findAssignor } from "./assignors";
export { cooperativeStickyAssignor } from "./cooperativeStickyAssignor";
export { compareMembers } from "./memberOrder";
export { rangeAssignor } from "./rangeAssignor";
export { roundRobinAssignor } from "./roundRobinAssignor";
export { stickyAssignor } from "./stickyAssignor";
export { compareTopicPartitions, formatTopicPartition } from "./topicPartition";
