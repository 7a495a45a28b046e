import { BUREAU_ROLES, POST_ROLES, ROLE_LABEL, ROLES, type TClearance, type TRole } from '../../shared/identity';
import { BUREAU_CODES } from '../../shared/reference';
import { usePosts } from '../reference/reference-queries';
import { ClearanceSelect } from '../ui/ClearanceSelect';
import { Field } from '../ui/Field';

export interface UserAccess {
  role: TRole;
  /** Home post code ('' for none). */
  post: string;
  /** Bureau code ('' for none). */
  bureau: string;
  clearance: TClearance;
}

interface Props {
  value: UserAccess;
  onChange: (value: UserAccess) => void;
  errors: Record<string, string>;
}

/** Role, the scope the role needs (home post or bureau) and clearance. */
export function UserAccessFields({ value, onChange, errors }: Props) {
  const needsPost = POST_ROLES.includes(value.role);
  const needsBureau = BUREAU_ROLES.includes(value.role);
  const posts = usePosts();
  const sortedPosts = [...(posts.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const set = (change: Partial<UserAccess>) => onChange({ ...value, ...change });

  return (
    <>
      <Field label="Role" error={errors.role}>
        {(control) => (
          <select {...control} value={value.role} onChange={(event) => set({ role: event.target.value as TRole })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsPost && (
        <Field label="Home post" error={errors.post} hint="Officers and approvers work for one post">
          {(control) => (
            <select {...control} value={value.post} onChange={(event) => set({ post: event.target.value })}>
              <option value="">{posts.isPending ? 'Loading posts…' : 'Choose a post'}</option>
              {sortedPosts.map((post) => (
                <option key={post.code} value={post.code}>
                  {post.name} ({post.code})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {needsBureau && (
        <Field label="Bureau" error={errors.bureau} hint="A bureau analyst reads the posts of one bureau">
          {(control) => (
            <select {...control} value={value.bureau} onChange={(event) => set({ bureau: event.target.value })}>
              <option value="">Choose a bureau</option>
              {BUREAU_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {!needsPost && errors.post && <p role="alert">Home post {errors.post}</p>}
      {!needsBureau && errors.bureau && <p role="alert">Bureau {errors.bureau}</p>}
      <Field label="Clearance" error={errors.clearance} hint="The highest marking this user may read">
        {(control) => <ClearanceSelect {...control} value={value.clearance} onChange={(clearance) => set({ clearance })} />}
      </Field>
    </>
  );
}

/** The post and bureau to send for a role: only the one the role uses. */
export function scopeFor(access: UserAccess): { post: string | null; bureau: string | null } {
  return {
    post: POST_ROLES.includes(access.role) ? access.post || null : null,
    bureau: BUREAU_ROLES.includes(access.role) ? access.bureau || null : null,
  };
}
