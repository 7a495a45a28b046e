import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { TPage } from '../../shared/pagination';
import type { TBureau, TPost } from '../../shared/reference';
import { apiGet } from '../ui/api';
import { PostsMap } from './PostsMap';
import { usePosts } from './reference-queries';

const KIND_LABEL: Record<TPost['kind'], string> = {
  embassy: 'Embassy',
  consulate_general: 'Consulate general',
  consulate: 'Consulate',
  mission: 'Mission',
  office: 'Office',
};

export function PostsPage() {
  const [params, setParams] = useSearchParams();
  const bureau = params.get('bureau') ?? undefined;
  const bureaus = useQuery({ queryKey: ['bureaus'], queryFn: () => apiGet<TPage<TBureau>>('/api/v1/bureaus') });
  const posts = usePosts(bureau);

  const choose = (code: string | undefined) => setParams(code ? { bureau: code } : {});

  return (
    <section>
      <h1>Bureaus and posts</h1>
      {bureaus.isError && <p role="alert">Could not load the bureaus: {bureaus.error.message}</p>}
      <table className="data-table" aria-label="Bureaus">
        <thead>
          <tr>
            <th scope="col">Bureau</th>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Countries
            </th>
            <th scope="col" className="num">
              Posts
            </th>
          </tr>
        </thead>
        <tbody>
          {bureaus.data?.items.map((b) => (
            <tr key={b.code} aria-selected={b.code === bureau}>
              <td>
                <button type="button" className="link" onClick={() => choose(b.code === bureau ? undefined : b.code)}>
                  {b.code}
                </button>
              </td>
              <td>{b.name}</td>
              <td className="num">{b.countryCount}</td>
              <td className="num">{b.postCount}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>
        {bureau ? `Posts of ${bureau}` : 'All posts'}
        {posts.data && <span className="count"> ({posts.data.length})</span>}
        {bureau && (
          <button type="button" className="link small" onClick={() => choose(undefined)}>
            show all bureaus
          </button>
        )}
      </h2>
      {posts.isPending && <p>Loading posts…</p>}
      {posts.isError && <p role="alert">Could not load the posts: {posts.error.message}</p>}
      {posts.data && posts.data.length === 0 && (
        <p>
          No posts {bureau ? `in ${bureau}` : 'yet'}. Posts are loaded by <code>demarche db seed</code> and <code>demarche posts import FILE.csv</code>.
        </p>
      )}
      {posts.data && posts.data.length > 0 && (
        <>
          <PostsMap posts={posts.data} />
          <table className="data-table" aria-label="Posts">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Post</th>
                <th scope="col">Kind</th>
                <th scope="col">City</th>
                <th scope="col">Country</th>
                <th scope="col">Bureau</th>
              </tr>
            </thead>
            <tbody>
              {posts.data.map((post) => (
                <tr key={post.id}>
                  <td>
                    <code>{post.code}</code>
                  </td>
                  <td>{post.name}</td>
                  <td>{KIND_LABEL[post.kind]}</td>
                  <td>{post.city}</td>
                  <td>{post.countryName}</td>
                  <td>{post.bureau ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
