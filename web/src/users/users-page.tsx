import { FindByPhoneForm } from './find-by-phone-form';
import { SignUpForm } from './sign-up-form';
import { UsersList } from './users-list';

export function UsersPage() {
  return (
    <>
      <h1>Users</h1>
      <div className="columns">
        <FindByPhoneForm />
        <SignUpForm />
      </div>
      <UsersList />
    </>
  );
}
