import type { FormEvent, ReactNode } from 'react';

/** The filter bar of a list page: its fields, Filter, and Clear filters when any is set. */
export function FilterForm(props: {
  label: string;
  filters: { formKey: string; filtered: boolean; apply: (event: FormEvent<HTMLFormElement>) => void; clear: () => void };
  children: ReactNode;
}) {
  const { filters } = props;
  return (
    <form className="filters" onSubmit={filters.apply} aria-label={props.label} key={filters.formKey}>
      {props.children}
      <button type="submit">Filter</button>
      {filters.filtered && (
        <button type="button" className="link" onClick={filters.clear}>
          Clear filters
        </button>
      )}
    </form>
  );
}

/** "Load more" under a list, while the server has further pages. */
export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!query.hasNextPage) return null;
  return (
    <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
    </button>
  );
}
