import type { SupergraphStore } from '../domain/ports';
import type { RegistryModels } from './models';

const CURRENT = 'current';

export function makeSupergraphStore({ supergraphs }: RegistryModels): SupergraphStore {
  return {
    async load() {
      const doc = await supergraphs.findById(CURRENT).lean();
      return doc ? { id: doc.id, sdl: doc.sdl } : null;
    },
    async save({ id, sdl }) {
      await supergraphs.updateOne(
        { _id: CURRENT },
        { $set: { id, sdl, composedAt: new Date() } },
        { upsert: true },
      );
    },
    async clear() {
      await supergraphs.deleteOne({ _id: CURRENT });
    },
  };
}
