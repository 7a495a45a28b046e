import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TPost } from '../../shared/reference';
import { useCountriesByCode } from '../cadence/country-queries';
import { SearchPicker } from '../ui/SearchPicker';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { usePagedList } from '../ui/use-filtered-list';
import { POST_KIND_LABEL } from './post-labels';
import { useBureaus } from './reference-queries';

const FILTERS = ['q', 'bureau', 'country'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The filters kept in the address, so that a search can be bookmarked and shared. */
function usePostFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filters;
  return {
    filters,
    filtered: FILTERS.some((key) => filters[key]),
    formKey: params.toString(),
    apply(next: Filters) {
      setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value.trim() !== '')) as Record<string, string>);
    },
  };
}

export function PostsPage() {
  const search = usePostFilters();
  const { filters } = search;
  const bureaus = useBureaus();
  const query = { q: filters.q || undefined, bureau: filters.bureau || undefined, country: filters.country || undefined };
  const { query: posts, rows } = usePagedList<TPost>(['posts', 'list'], '/api/v1/posts', query);

  return (
    <section>
      <div className="page-heading">
        <h1>Bureaus and posts</h1>
        <div className="page-actions">
          <Link to="/posts/map" className="button">
            Map of posts
          </Link>
        </div>
      </div>
      <ErrorAlert error={bureaus.error} action="Could not load the bureaus" />
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
            <tr key={b.code} aria-selected={b.code === filters.bureau}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`Posts of ${b.code}`}
                  onClick={() => search.apply({ ...filters, bureau: b.code === filters.bureau ? '' : b.code })}
                >
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

      <h2>{filters.bureau ? `Posts of ${filters.bureau}` : 'Posts'}</h2>
      <PostFilters key={search.formKey} search={search} />
      <ErrorAlert error={posts.error} action="Could not load the posts" />
      {posts.isPending && <p>Loading posts…</p>}
      {posts.isSuccess && rows.length === 0 && (
        <div className="empty-state">
          {search.filtered ? (
            <>
              <p>No post matches these filters.</p>
              <button type="button" className="link" onClick={() => search.apply({ q: '', bureau: '', country: '' })}>
                Clear filters
              </button>
            </>
          ) : (
            <p>
              No posts yet. Posts are loaded by <code>demarche db seed</code> and <code>demarche posts import FILE.csv</code>.
            </p>
          )}
        </div>
      )}
      {rows.length > 0 && <PostTable rows={rows} more={posts.hasNextPage} />}
      <LoadMore query={posts} />
    </section>
  );
}

/** Search by text, and bureau and country chosen by name; applied with Filter. */
function PostFilters({ search }: { search: ReturnType<typeof usePostFilters> }) {
  const [draft, setDraft] = useState<Filters>(search.filters);
  const bureaus = useBureaus();
  const countries = useCountriesByCode();
  // The same lists between renders: a new array each time rebuilds the open list under the pointer.
  const bureauItems = useMemo(() => (bureaus.data?.items ?? []).map((bureau) => ({ id: bureau.code, name: bureau.name, detail: bureau.code })), [bureaus.data]);
  const countryItems = useMemo(
    () =>
      [...(countries.data?.values() ?? [])]
        .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [countries.data],
  );
  return (
    <form
      className="filters post-filters"
      aria-label="Filter posts"
      onSubmit={(event) => {
        event.preventDefault();
        search.apply(draft);
      }}
    >
      <label>
        Search
        <input
          type="search"
          value={draft.q}
          maxLength={200}
          placeholder="Name, city, country or code"
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
      </label>
      <SearchPicker
        label="Bureau"
        items={bureauItems}
        loading={bureaus.isPending}
        value={draft.bureau}
        onChange={(bureau) => setDraft({ ...draft, bureau })}
        placeholder="Any bureau"
      />
      <SearchPicker
        label="Country"
        items={countryItems}
        loading={countries.isPending}
        value={draft.country}
        onChange={(country) => setDraft({ ...draft, country })}
        placeholder="Any country"
      />
      <div className="form-actions">
        <button type="submit">Filter</button>
        {search.filtered && (
          <button type="button" className="link" onClick={() => search.apply({ q: '', bureau: '', country: '' })}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

function PostTable({ rows, more }: { rows: TPost[]; more: boolean }) {
  return (
    <>
      <p className="muted small" aria-live="polite">
        {more ? `The first ${rows.length} posts, by code.` : `${rows.length} post${rows.length === 1 ? '' : 's'}, by code.`}
      </p>
      <table className="data-table" aria-label="Posts">
        <thead>
          <tr>
            <th scope="col">Post</th>
            <th scope="col">Code</th>
            <th scope="col">Kind</th>
            <th scope="col">City</th>
            <th scope="col">Country</th>
            <th scope="col">Bureau</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((post) => (
            <tr key={post.id}>
              <td>
                <Link to={`/posts/${encodeURIComponent(post.code)}`}>{post.name}</Link>
              </td>
              <td>
                <code>{post.code}</code>
              </td>
              <td>{POST_KIND_LABEL[post.kind]}</td>
              <td>{post.city}</td>
              <td>{post.countryName}</td>
              <td>{post.bureau ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
