/** A partition's first and next offsets: it holds `high - low` messages now. */
export interface PartitionRange {
  partition: number;
  low: string;
  high: string;
}

/** Where a consumer group stands on a partition ("-1": nothing committed yet). */
export interface PartitionOffset {
  partition: number;
  offset: string;
}

export interface ConsumerGroupDescription {
  groupId: string;
  /** e.g. Stable, PreparingRebalance, Empty, Dead. */
  state: string;
  members: Array<{
    /** Changes when the member was evicted or restarted. */
    memberId: string;
    clientId: string;
    clientHost: string;
    /** The topics assigned to this member. */
    topics: string[];
  }>;
}

/** What operators' tools and tests ask of the brokers about topics and consumer groups. */
export interface BusAdmin {
  /** Resolves when the cluster answers a metadata request. */
  ping(): Promise<void>;
  topics(): Promise<string[]>;
  partitionRanges(topic: string): Promise<PartitionRange[]>;
  committedOffsets(groupId: string, topic: string): Promise<PartitionOffset[]>;
  /** Moves a consumer group on a topic; the group must have no members. */
  setCommittedOffsets(groupId: string, topic: string, partitions: PartitionOffset[]): Promise<void>;
  groupIds(): Promise<string[]>;
  describeGroups(groupIds: string[]): Promise<ConsumerGroupDescription[]>;
  /** A topic's setting (e.g. retention.ms) as the broker reports it. */
  topicSetting(topic: string, name: string): Promise<string | undefined>;
  close(): Promise<void>;
}
