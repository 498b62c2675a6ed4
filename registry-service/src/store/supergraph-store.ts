import type { SupergraphStore } from '../domain/ports';
import type { RegistryModels } from './models';

const CURRENT = 'current';
/** How many compositions the history keeps: enough to see a morning's churn, never growing. */
export const HISTORY_KEPT = 50;

export function makeSupergraphStore(
  { supergraphs, compositions }: RegistryModels,
  keep = HISTORY_KEPT,
): SupergraphStore {
  /** Deletes what lies beyond the newest `keep` (a few ids: the history is tiny). */
  async function trim(): Promise<void> {
    const beyond = await compositions
      .find({}, { _id: 1 })
      .sort({ composedAt: -1, _id: -1 })
      .skip(keep)
      .lean();
    if (beyond.length > 0)
      await compositions.deleteMany({ _id: { $in: beyond.map((d) => d._id) } });
  }

  return {
    async load() {
      const doc = await supergraphs.findById(CURRENT).lean();
      return doc ? { id: doc.id, sdl: doc.sdl } : null;
    },
    async save({ id, sdl }, subgraphs) {
      const composedAt = new Date();
      await supergraphs.updateOne(
        { _id: CURRENT },
        { $set: { id, sdl, composedAt } },
        { upsert: true },
      );
      await compositions.create({ id, subgraphs: [...subgraphs], composedAt });
      await trim();
    },
    async clear() {
      await supergraphs.deleteOne({ _id: CURRENT });
    },
    async history(limit) {
      const docs = await compositions
        .find()
        .sort({ composedAt: -1, _id: -1 })
        .limit(Math.min(limit, keep))
        .lean();
      return docs.map((d) => ({ id: d.id, subgraphs: d.subgraphs, composedAt: d.composedAt }));
    },
  };
}
