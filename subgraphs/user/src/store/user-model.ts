import { Schema, type Connection, type Model } from 'mongoose';

export interface UserDoc {
  _id: string;
  name: string;
  /** E.164; a unique index, so a lookup by phone is a key lookup. */
  phone: string;
  email: string | null;
  createdAt: Date;
  /** The outbox intent this user was written under (absent if written before layout 2). */
  outboxId?: string;
}

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String, required: true, unique: true },
    email: { type: String, default: null },
    createdAt: { type: Date, required: true },
    outboxId: { type: String },
  },
  { versionKey: false },
);
// Real MongoDB serves the users page from it; the embedded server ignores it (a scan).
userSchema.index({ createdAt: 1, _id: 1 });

export function userModel(db: Connection): Model<UserDoc> {
  return db.model<UserDoc>('User', userSchema, 'users');
}
