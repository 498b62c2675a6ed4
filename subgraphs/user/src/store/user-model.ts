import { outboxFields, type OutboxDoc } from '@tally/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

export interface UserDoc extends OutboxDoc {
  _id: string;
  name: string;
  /** E.164; unique. */
  phone: string;
  email: string | null;
  createdAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String, required: true, unique: true },
    email: { type: String, default: null },
    createdAt: { type: Date, required: true },
    ...outboxFields,
  },
  { versionKey: false },
);
userSchema.index({ createdAt: 1, _id: 1 });

export function userModel(db: Connection): Model<UserDoc> {
  return db.model<UserDoc>('User', userSchema, 'users');
}
