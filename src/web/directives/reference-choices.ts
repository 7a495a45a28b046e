import { useCountriesByCode } from '../cadence/country-queries';
import { useBureaus, usePosts } from '../reference/reference-queries';
import type { PickerItem } from '../ui/SearchPicker';

const byName = (a: PickerItem, b: PickerItem) => a.name.localeCompare(b.name);

/** Bureaus, countries and posts as the directive form's pickers offer them: names, with their codes. */
export function useReferenceChoices() {
  const bureaus = useBureaus();
  const countries = useCountriesByCode();
  const posts = usePosts();
  return {
    bureaus: (bureaus.data?.items ?? []).map((bureau) => ({ id: bureau.code, name: bureau.name, detail: bureau.code })).sort(byName),
    countries: [...(countries.data?.values() ?? [])].map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 })).sort(byName),
    posts: (posts.data ?? []).map((post) => ({ id: post.code, name: post.name, detail: post.code })).sort(byName),
    loadingBureaus: bureaus.isPending,
    loadingCountries: countries.isPending,
    loadingPosts: posts.isPending,
  };
}
