import { isDuplicateKey } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { PlanStore } from '../domain/ports';
import type { Plan } from '../domain/types';
import type { PlanDoc } from './plan-model';

export function makePlanStore(plans: Model<PlanDoc>): PlanStore {
  return {
    async insert(plan, outboxId) {
      try {
        await plans.insertMany([toDoc(plan, outboxId)], { lean: true });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async outboxIdOf(id) {
      const doc = await plans.findById(id, { outboxId: 1 }).lean<Pick<PlanDoc, 'outboxId'>>();
      return doc?.outboxId ?? null;
    },
    async byIds(ids) {
      const docs = await plans.find({ _id: { $in: [...ids] } }).lean<PlanDoc[]>();
      return docs.map(toPlan);
    },
    // The catalogue is small (tens of plans), so reading it whole is cheap.
    async all() {
      const docs = await plans.find().sort({ _id: 1 }).lean<PlanDoc[]>();
      return docs.map(toPlan);
    },
  };
}

function toDoc(p: Plan, outboxId: string): PlanDoc {
  return {
    _id: p.id,
    name: p.name,
    monthlyFee: p.monthlyFee,
    allowance: p.allowance,
    overageRate: p.overageRate,
    createdAt: p.createdAt,
    outboxId,
  };
}

export function toPlan(d: PlanDoc): Plan {
  const limit = (n: number | null | undefined) => n ?? null;
  return {
    id: d._id,
    name: d.name,
    monthlyFee: d.monthlyFee,
    allowance: {
      dataMb: limit(d.allowance.dataMb),
      voiceSeconds: limit(d.allowance.voiceSeconds),
      smsCount: limit(d.allowance.smsCount),
    },
    overageRate: {
      perMb: d.overageRate.perMb,
      perVoiceSecond: d.overageRate.perVoiceSecond,
      perSms: d.overageRate.perSms,
    },
    createdAt: d.createdAt,
  };
}
