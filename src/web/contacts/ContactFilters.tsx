import { ORGANIZATION_TYPES } from '../../shared/engagements';
import { useCountriesByCode } from '../cadence/country-queries';
import { FilterPicker, type PickerItem } from '../ui/SearchPicker';
import { usePosts } from '../reference/reference-queries';
import { FilterForm } from '../ui/FilterForm';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';
import type { useSearchFilters } from '../ui/use-filtered-list';

export const CONTACT_FILTERS = ['q', 'organizationType', 'country', 'post'] as const;
type Filters = ReturnType<typeof useSearchFilters<(typeof CONTACT_FILTERS)[number]>>;

const organizationTypeItems: PickerItem[] = ORGANIZATION_TYPES.map((type) => ({ id: type, name: ORGANIZATION_TYPE_LABEL[type] ?? type }));

/**
 * The directory's filters: a search by name, title or organization, and pickers for the
 * organization type, the country and the post (names shown, codes beside them). Applied with
 * Filter; the address keeps them.
 */
export function ContactFilters({ filters, showPost }: { filters: Filters; showPost: boolean }) {
  const countries = useCountriesByCode();
  const posts = usePosts();
  const countryItems = [...(countries.data?.values() ?? [])]
    .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const postItems = (posts.data ?? []).map((post) => ({ id: post.code, name: post.name, detail: post.code })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <FilterForm label="Filter contacts" filters={filters}>
      <label>
        Name, title or organization
        <input type="search" name="q" defaultValue={filters.filters.q} maxLength={200} />
      </label>
      <FilterPicker
        name="organizationType"
        label="Organization type"
        items={organizationTypeItems}
        initial={filters.filters.organizationType}
        placeholder="Any type"
      />
      <FilterPicker
        name="country"
        label="Country"
        items={countryItems}
        loading={countries.isPending}
        initial={filters.filters.country.toUpperCase()}
        placeholder="Any country"
      />
      {showPost && <FilterPicker name="post" label="Post" items={postItems} loading={posts.isPending} initial={filters.filters.post} placeholder="Any post" />}
    </FilterForm>
  );
}
