import type { InstanceStore } from '../domain/ports';
import type { Instance } from '../domain/types';
import type { InstanceDoc, RegistryModels } from './models';

const toInstance = (d: InstanceDoc): Instance => ({
  subgraph: d.subgraph,
  instanceId: d.instanceId,
  url: d.url,
  lastHeartbeat: d.lastHeartbeat,
});

export function makeInstanceStore({ instances }: RegistryModels): InstanceStore {
  return {
    async upsert({ subgraph, instanceId, url, lastHeartbeat }) {
      await instances.updateOne(
        { subgraph, instanceId },
        { $set: { url, lastHeartbeat } },
        { upsert: true },
      );
    },
    async touch(subgraph, instanceId, now, cutoff) {
      const res = await instances.updateOne(
        { subgraph, instanceId, lastHeartbeat: { $gte: cutoff } },
        { $set: { lastHeartbeat: now } },
      );
      return res.matchedCount === 1;
    },
    async remove(subgraph, instanceId) {
      await instances.deleteOne({ subgraph, instanceId });
    },
    async removeAllOf(subgraph) {
      await instances.deleteMany({ subgraph });
    },
    async all() {
      const docs = await instances.find().sort({ subgraph: 1, instanceId: 1 }).lean();
      return docs.map(toInstance);
    },
    async evict({ subgraph, instanceId }, cutoff) {
      const res = await instances.deleteOne({
        subgraph,
        instanceId,
        lastHeartbeat: { $lt: cutoff },
      });
      return res.deletedCount === 1;
    },
  };
}
