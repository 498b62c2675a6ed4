import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';

export interface Progress {
  /** Messages on the usage topic (sum of the partitions' high watermarks). */
  published: number;
  /** Per settlement group: offsets committed on the usage topic (committed = applied). */
  applied: Record<string, number>;
}

export interface Membership {
  /** groupId → its state and member ids; a member id that changes was evicted or restarted. */
  [groupId: string]: { state: string; members: string[] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/**
 * Watches settlement through the Kafka admin API: the consumer commits a batch's offsets only
 * after its effect is stored, so committed offsets on the usage topic = events applied. The
 * settlement groups are found by name (containing "settlement") and by their assignment (the
 * usage topic), so a renamed or added group is still seen; Connect's group is not one of them.
 */
export function settlementProgress(brokers: string, usageTopic: string) {
  const admin: Admin = new Kafka({
    clientId: 'bench-scale',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  const connected = admin.connect();

  async function describe() {
    await connected;
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId).filter((id) => id.includes('settlement'));
    if (ids.length === 0) return [];
    const described = await admin.describeGroups(ids);
    return described.groups.filter((g) =>
      g.members.some((m) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        return decoded !== null && usageTopic in decoded.assignment;
      }),
    );
  }

  async function progress(): Promise<Progress> {
    await connected;
    const [groups, offsets] = await Promise.all([describe(), admin.fetchTopicOffsets(usageTopic)]);
    const applied: Record<string, number> = {};
    for (const g of groups) {
      const [topic] = await admin.fetchOffsets({ groupId: g.groupId, topics: [usageTopic] });
      applied[g.groupId] = sum((topic?.partitions ?? []).map((p) => Math.max(0, Number(p.offset))));
    }
    return { published: sum(offsets.map((p) => Number(p.high))), applied };
  }

  return {
    progress,
    async membership(): Promise<Membership> {
      const result: Membership = {};
      for (const g of await describe())
        result[g.groupId] = { state: g.state, members: g.members.map((m) => m.memberId).sort() };
      return result;
    },
    /**
     * Resolves once at least `published` messages are on the topic and every settlement group
     * has applied all of them; throws when nothing moves for `stallMs`.
     */
    async waitApplied(
      published: number,
      stallMs: number,
      onProgress: (p: Progress) => void = () => {},
    ): Promise<Progress> {
      let last = '';
      let movedAt = Date.now();
      for (;;) {
        const p = await progress();
        const groups = Object.values(p.applied);
        if (p.published >= published && groups.length > 0 && groups.every((a) => a >= p.published))
          return p;
        const key = JSON.stringify(p);
        if (key !== last) {
          last = key;
          movedAt = Date.now();
          onProgress(p);
        } else if (Date.now() - movedAt > stallMs) {
          throw new Error(
            `settlement made no progress for ${stallMs / 1000} s: ${p.published} of ${published} published, applied ${JSON.stringify(p.applied)}`,
          );
        }
        await sleep(200);
      }
    },
    stop: () => admin.disconnect(),
  };
}

export type SettlementProgress = ReturnType<typeof settlementProgress>;
