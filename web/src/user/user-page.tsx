import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../auth/use-session';
import { Allowed } from '../components/allowed';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { browserTimeZone, periodOf } from '../format/dates';
import { UserAccountDocument } from '../generated/operations';
import { hrefOf } from '../routing/route';
import { BillSection } from './bill-section';
import { PlanHistory } from './plan-history';
import { RecordUsageForm } from './record-usage-form';
import { SubscribeForm } from './subscribe-form';
import { UsagesSection } from './usages-section';
import { UserProfile } from './user-profile';

export function UserPage({ userId }: { userId: string }) {
  const account = useQuery(UserAccountDocument, { id: userId });
  const [period, setPeriod] = useState(() => periodOf(new Date()));
  // Bumped after a change that alters usage and bills, so those sections ask again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const user = account.data?.user;
  const listsUsers = useSession().scopes.has('users:read');

  return (
    <>
      {listsUsers && (
        <p>
          <a href={hrefOf({ page: 'users' })}>← All users</a>
        </p>
      )}
      <ErrorMessage error={account.error} />
      {account.loading && !account.data && <p className="muted">Loading the user…</p>}
      {account.data && !user && <p className="error">There is no user with the id {userId}.</p>}
      {user && (
        <>
          <UserProfile user={user} />
          <div className="columns">
            <Allowed scope="users:write" action="Subscribing to a plan">
              <SubscribeForm
                userId={userId}
                onSubscribed={() => {
                  account.refetch();
                  changed();
                }}
              />
            </Allowed>
            <Allowed scope="usage:write" action="Recording usage">
              <RecordUsageForm userId={userId} onRecorded={changed} />
            </Allowed>
          </div>
          <PlanHistory subscriptions={user.subscriptions} />
          <div className="month-bar">
            <Field label="Month" hint={`Times are in your time zone, ${browserTimeZone()}.`}>
              <input
                type="month"
                value={period}
                onChange={(e) => e.target.value && setPeriod(e.target.value)}
                required
              />
            </Field>
          </div>
          <BillSection userId={userId} period={period} changes={changes} />
          <UsagesSection key={period} userId={userId} period={period} changes={changes} />
        </>
      )}
    </>
  );
}
