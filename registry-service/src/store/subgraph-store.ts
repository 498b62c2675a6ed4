import type { SubgraphStore } from '../domain/ports';
import type { RegistryModels } from './models';

export function makeSubgraphStore({ subgraphs }: RegistryModels): SubgraphStore {
  return {
    async list() {
      const docs = await subgraphs.find().sort({ _id: 1 }).lean();
      return docs.map((d) => ({ name: d._id, sdl: d.sdl }));
    },
    async save({ name, sdl }) {
      await subgraphs.updateOne(
        { _id: name },
        { $set: { sdl, updatedAt: new Date() } },
        { upsert: true },
      );
    },
    async remove(name) {
      await subgraphs.deleteOne({ _id: name });
    },
  };
}
