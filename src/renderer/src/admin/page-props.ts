/** What «Администрирование» (pages.tsx) gives each of its pages. */
export interface AdminPageProps {
  /** False for the deputy and the director: they read the structure, the admin changes it. */
  canEdit: boolean;
}
