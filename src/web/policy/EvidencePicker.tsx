import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, type Key } from 'react-aria-components';
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, type TEvidenceOption, type TEvidenceType } from '../../shared/assessments';
import { apiGet } from '../ui/api';
import '../ui/react-aria-csp';
import { ASSESSMENTS_PATH } from './policy-queries';

/** A linked record as the form shows it: its type, its id and what it reads as. */
export interface ChosenEvidence {
  type: TEvidenceType;
  id: string;
  label: string;
}

const keyOf = (ref: { type: TEvidenceType; id: string }) => `${ref.type}:${ref.id}`;
const tagText = (ref: ChosenEvidence) => `${EVIDENCE_TYPE_LABELS[ref.type]}: ${ref.label}`;
const SEARCH_LABELS: Record<TEvidenceType, string> = {
  policy_measure: 'Link a policy measure',
  incident: 'Link an incident',
  engagement: 'Link an engagement',
  statistic: 'Link a statistic series',
};

/** The text as typed, once typing has paused: one search per pause, not one per key. */
function useSettled(text: string, ms = 250): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * The records an assessment rests on: one search box per type (policy measures, incidents,
 * engagements, statistic series of the country), each asking the server for the records the
 * author may link that match the words typed, and the chosen ones as tags, each removed by its
 * button (or Backspace or Delete once the tag has focus).
 */
export function EvidencePicker({
  country,
  value,
  onChange,
  error,
}: {
  country: string;
  value: ChosenEvidence[];
  onChange: (value: ChosenEvidence[]) => void;
  error?: string | undefined;
}) {
  const remove = (keys: Set<Key>) => onChange(value.filter((ref) => !keys.has(keyOf(ref))));
  return (
    <fieldset className={error ? 'field-invalid' : undefined}>
      <legend>Evidence: records this assessment rests on</legend>
      {error && (
        <p className="field-error" role="alert">
          Evidence {error}
        </p>
      )}
      <TagGroup className="multi-picker-chosen" aria-label="Evidence linked" onRemove={remove}>
        <TagList
          className="multi-picker-tags"
          items={value.map((ref) => ({ ...ref, key: keyOf(ref) }))}
          renderEmptyState={() => <span className="muted small">No record linked.</span>}
        >
          {(ref) => (
            <Tag id={ref.key} textValue={tagText(ref)} className="multi-picker-tag">
              <span>{tagText(ref)}</span>
              <Button slot="remove" className="multi-picker-remove" aria-label={`Remove ${tagText(ref)}`}>
                <span aria-hidden="true">×</span>
              </Button>
            </Tag>
          )}
        </TagList>
      </TagGroup>
      <div className="form-grid">
        {EVIDENCE_TYPES.map((type) => (
          <EvidenceSearch key={type} type={type} country={country} chosen={value} onAdd={(option) => onChange([...value, option])} />
        ))}
      </div>
    </fieldset>
  );
}

function EvidenceSearch({
  type,
  country,
  chosen,
  onAdd,
}: {
  type: TEvidenceType;
  country: string;
  chosen: ChosenEvidence[];
  onAdd: (option: ChosenEvidence) => void;
}) {
  const [typed, setTyped] = useState('');
  // The combobox closes its list when its selected key changes: the one just added stands as
  // selected (it is no longer offered) until the next search (as in ui/MultiPicker.tsx).
  const [lastAdded, setLastAdded] = useState<string | null>(null);
  const q = useSettled(typed.trim());
  const options = useQuery({
    queryKey: ['assessments', 'evidence-options', type, country, q],
    queryFn: () => apiGet<{ items: TEvidenceOption[] }>(`${ASSESSMENTS_PATH}/evidence-options`, { type, country, q, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const chosenKeys = new Set(chosen.map(keyOf));
  const content = `${(options.data?.items ?? []).map((option) => option.id).join()}|${[...chosenKeys].join()}`;
  // The same list while its content is the same, so the open list is not rebuilt under the pointer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the content key stands for the options and the chosen ones.
  const offered = useMemo(() => (options.data?.items ?? []).filter((option) => !chosenKeys.has(keyOf(option))), [content]);
  const label = SEARCH_LABELS[type];
  const add = (key: Key | null) => {
    const option = offered.find((candidate) => candidate.id === key);
    if (!option) return;
    onAdd({ type, id: option.id, label: option.label });
    setLastAdded(option.id);
    setTyped('');
  };
  const search = (text: string) => {
    setTyped(text);
    if (text !== '') setLastAdded(null);
  };
  const searching = options.isFetching || q !== typed.trim();
  return (
    <ComboBox className="picker" items={offered} selectedKey={lastAdded} onSelectionChange={add} inputValue={typed} onInputChange={search} menuTrigger="focus">
      <Label className="picker-label">{label}</Label>
      <div className="picker-control">
        <Input className="picker-input" placeholder="Type to search" />
        <Button className="picker-button" aria-label={`Show the choices of ${label.toLowerCase()}`}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {options.isError && (
        <Text slot="errorMessage" className="field-error" role="alert">
          Could not search: {options.error.message}
        </Text>
      )}
      <Popover className="picker-popover" placement="bottom start">
        <ListBox
          className="picker-list"
          renderEmptyState={() => <p className="picker-empty">{searching ? 'Searching…' : q ? 'Nothing matches.' : 'No record of this kind you may link.'}</p>}
        >
          {(option: TEvidenceOption) => (
            <ListBoxItem id={option.id} textValue={option.label} className="picker-option">
              {option.label}
              <span className="muted small"> · {option.detail}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
