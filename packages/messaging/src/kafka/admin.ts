import { AssignerProtocol, ConfigResourceTypes, type Kafka } from 'kafkajs';
import type { BusAdmin, ConsumerGroupDescription, PartitionOffset, PartitionRange } from '../admin';

/** The operators' view of topics and consumer groups, over one admin connection made on first use. */
export function kafkaAdmin(kafka: Kafka): BusAdmin {
  const admin = kafka.admin();
  let connected: Promise<void> | null = null;
  const ready = () =>
    (connected ??= admin.connect().catch((err: unknown) => {
      connected = null;
      throw err;
    }));

  async function describeGroups(groupIds: string[]): Promise<ConsumerGroupDescription[]> {
    if (groupIds.length === 0) return [];
    await ready();
    const { groups } = await admin.describeGroups(groupIds);
    return groups.map((g) => ({
      groupId: g.groupId,
      state: g.state,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        topics: assignedTopics(m.memberAssignment),
      })),
    }));
  }

  return {
    async ping(): Promise<void> {
      await ready();
      await admin.describeCluster();
    },
    async topics(): Promise<string[]> {
      await ready();
      return admin.listTopics();
    },
    async partitionRanges(topic: string): Promise<PartitionRange[]> {
      await ready();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, low, high }) => ({ partition, low, high }));
    },
    async committedOffsets(groupId: string, topic: string): Promise<PartitionOffset[]> {
      await ready();
      const [found] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (found?.partitions ?? []).map(({ partition, offset }) => ({ partition, offset }));
    },
    async setCommittedOffsets(groupId: string, topic: string, partitions: PartitionOffset[]) {
      await ready();
      await admin.setOffsets({ groupId, topic, partitions });
    },
    async groupIds(): Promise<string[]> {
      await ready();
      return (await admin.listGroups()).groups.map((g) => g.groupId);
    },
    describeGroups,
    async topicSetting(topic: string, name: string): Promise<string | undefined> {
      await ready();
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [name] }],
      });
      return resources[0]?.configEntries.find((e) => e.configName === name)?.configValue;
    },
    async close(): Promise<void> {
      if (connected) await admin.disconnect();
      connected = null;
    },
  };
}

/** The topics a member was given, from its assignment as the consumer protocol encodes it. */
function assignedTopics(memberAssignment: Buffer): string[] {
  if (memberAssignment.length === 0) return [];
  return Object.keys(AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment ?? {});
}
