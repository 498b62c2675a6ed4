import { Schema, type Connection, type Model } from 'mongoose';

/** Users this subgraph knows exist: from UserSignedUp events, or confirmed by the user subgraph. */
export interface KnownUserDoc {
  _id: string;
  source: 'event' | 'lookup';
}

const knownUserSchema = new Schema<KnownUserDoc>(
  { _id: { type: String, required: true }, source: { type: String, required: true } },
  { versionKey: false },
);

export function knownUserModel(db: Connection): Model<KnownUserDoc> {
  return db.model<KnownUserDoc>('KnownUser', knownUserSchema, 'known_users');
}
