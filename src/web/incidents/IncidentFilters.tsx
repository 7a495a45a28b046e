import { useId, useState, type ReactNode } from 'react';
import { INCIDENT_STATUSES, LEGAL_STATUSES, SUSPECT_STATUSES, type TLegalStatus, type TSuspectStatus } from '../../shared/incidents';
import { RELIABILITIES } from '../../shared/sources';
import { useCountriesByCode } from '../cadence/country-queries';
import { usePosts } from '../reference/reference-queries';
import { dateRangeProblem } from '../../shared/dates';
import type { IncidentFilterDraft, useIncidentFilters } from './incident-filters';
import { INCIDENT_STATUS_LABEL, legalStatusText, reliabilityText, suspectStatusText } from './incident-labels';
import { useIncidentCategories } from './incident-queries';
import { SearchPicker } from '../ui/SearchPicker';

type Filters = ReturnType<typeof useIncidentFilters>;

/**
 * The filters of the list and the map: pickers with search for post, country and category,
 * checkboxes for the legal and suspect statuses (none ticked: all of them), dates, reliability.
 * Applied with Filter; the address keeps them.
 */
export function IncidentFilters({ filters, showPost, label }: { filters: Filters; showPost: boolean; label: string }) {
  // Reset whenever the address changes (Clear, back, a link).
  return <FilterFields key={filters.formKey} filters={filters} showPost={showPost} label={label} />;
}

function FilterFields({ filters, showPost, label }: { filters: Filters; showPost: boolean; label: string }) {
  const [draft, setDraft] = useState<IncidentFilterDraft>(filters.draft);
  const [problem, setProblem] = useState<string | null>(filters.rangeProblem);
  const problemId = `${useId()}-range-error`;
  const set = (change: Partial<IncidentFilterDraft>) => setDraft((current) => ({ ...current, ...change }));
  const countries = useCountriesByCode();
  const posts = usePosts();
  const categories = useIncidentCategories();

  const countryItems = [...(countries.data?.values() ?? [])]
    .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const postItems = (posts.data ?? []).map((post) => ({ id: post.code, name: post.name, detail: post.code })).sort((a, b) => a.name.localeCompare(b.name));
  const categoryItems = (categories.data?.items ?? []).map((category) => ({
    id: category.code,
    name: category.retired ? `${category.name} (retired)` : category.name,
  }));

  return (
    <form
      className="filters incident-filters"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const dates = dateRangeProblem(draft.from, draft.to);
        setProblem(dates);
        if (!dates) filters.apply(draft);
      }}
    >
      <div className="incident-filter-row">
        {showPost && (
          <SearchPicker label="Post" items={postItems} loading={posts.isPending} value={draft.post} onChange={(post) => set({ post })} placeholder="Any post" />
        )}
        <SearchPicker
          label="Country"
          items={countryItems}
          loading={countries.isPending}
          value={draft.country}
          onChange={(country) => set({ country })}
          placeholder="Any country"
        />
        <SearchPicker
          label="Category"
          items={categoryItems}
          loading={categories.isPending}
          value={draft.category}
          onChange={(category) => set({ category })}
          placeholder="Any category"
        />
        <label>
          Verification
          <select value={draft.status} onChange={(event) => set({ status: event.target.value })}>
            <option value="">Any status</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {INCIDENT_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Best source
          <select value={draft.reliability} onChange={(event) => set({ reliability: event.target.value })}>
            <option value="">Any reliability</option>
            {RELIABILITIES.map((reliability) => (
              <option key={reliability} value={reliability}>
                {reliability === 'A' ? reliabilityText(reliability) : `${reliabilityText(reliability)} or better`}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={draft.from}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => set({ from: event.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={draft.to}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => set({ to: event.target.value })}
          />
        </label>
      </div>
      <div className="incident-filter-row">
        <CheckboxGroup legend="Legal status" hint="None ticked: every legal status">
          {LEGAL_STATUSES.map((status) => (
            <Check
              key={status}
              label={legalStatusText(status)}
              checked={draft.legalStatus.includes(status)}
              onChange={(on) => set({ legalStatus: toggle<TLegalStatus>(draft.legalStatus, status, on, LEGAL_STATUSES) })}
            />
          ))}
        </CheckboxGroup>
        <CheckboxGroup legend="Suspect status, as a source states it" hint="None ticked: every suspect status, “not stated” included">
          {SUSPECT_STATUSES.map((status) => (
            <Check
              key={status}
              label={suspectStatusText(status)}
              checked={draft.suspectStatus.includes(status)}
              onChange={(on) => set({ suspectStatus: toggle<TSuspectStatus>(draft.suspectStatus, status, on, SUSPECT_STATUSES) })}
            />
          ))}
        </CheckboxGroup>
      </div>
      {problem && (
        <p className="field-error filter-error" id={problemId} role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Filter</button>
        {filters.filtered && (
          <button type="button" className="link" onClick={filters.clear}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

/** Adds or removes one value, keeping the order of `all`. */
function toggle<T extends string>(chosen: T[], value: T, on: boolean, all: readonly T[]): T[] {
  const next = new Set(chosen);
  if (on) next.add(value);
  else next.delete(value);
  return all.filter((item) => next.has(item));
}

function CheckboxGroup({ legend, hint, children }: { legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      <span className="field-hint">{hint}</span>
      <div className="checkbox-group-items">{children}</div>
    </fieldset>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}
