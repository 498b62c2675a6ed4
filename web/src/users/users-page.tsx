import { Allowed } from '../components/allowed';
import { FindByPhoneForm } from './find-by-phone-form';
import { SignUpForm } from './sign-up-form';
import { UsersList } from './users-list';

export function UsersPage() {
  return (
    <>
      <h1>Users</h1>
      <div className="columns">
        <Allowed scope="users:read" action="Finding a user">
          <FindByPhoneForm />
        </Allowed>
        <Allowed scope="users:write" action="Signing up a user">
          <SignUpForm />
        </Allowed>
      </div>
      <Allowed scope="users:read" action="Listing the users">
        <UsersList />
      </Allowed>
    </>
  );
}
