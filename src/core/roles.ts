/** Server mode's roles: a job seeker's own data; a coach reads what is shared; an admin runs the accounts. */
export const roles = ['job_seeker', 'coach', 'admin'] as const;
export type Role = (typeof roles)[number];
