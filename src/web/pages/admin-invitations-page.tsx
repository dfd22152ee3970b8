import { AdminInvitations } from '../components/admin-invitations.js';

/** /admin/invitations: server mode's invitations, for admins (others see ROLE_REQUIRED in words). */
export function AdminInvitationsPage() {
  return (
    <div className="page">
      <h1 tabIndex={-1}>Administration</h1>
      <AdminInvitations />
    </div>
  );
}
