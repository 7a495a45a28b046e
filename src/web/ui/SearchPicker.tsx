import { useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import '../ui/react-aria-csp';

export interface PickerItem {
  id: string;
  name: string;
  /** A code shown after the name, and searched: "DE", "berlin". */
  detail?: string;
}

interface Props {
  label: string;
  items: PickerItem[];
  /** '' when nothing is chosen. */
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  description?: string;
  /** The server's message for this field, shown beside it. */
  error?: string | undefined;
  isDisabled?: boolean;
  /** While the choices load, the box waits (text typed then would find nothing). */
  loading?: boolean;
}

/**
 * A labelled combobox with search: type part of a name (or a code) and choose. Clearing the
 * text, or the Clear button, chooses nothing.
 */
export function SearchPicker({ label, items, value, onChange, placeholder, description, error, isDisabled, loading }: Props) {
  // A value the list does not hold (not loaded yet, or not visible to this reader) is kept, shown by its code.
  const missing = value !== '' && !items.some((item) => item.id === value);
  // The same list while its content is the same, whatever array the caller built this render:
  // a new one rebuilds the open list under the pointer (options detached as they are clicked).
  const content = `${missing ? value : ''}\u0000${items.map((item) => `${item.id}\u0001${item.name}\u0001${item.detail ?? ''}`).join('\u0000')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the content key stands for items and value.
  const all = useMemo(() => (missing ? [{ id: value, name: value }, ...items] : items), [content]);
  return (
    <ComboBox
      className={error ? 'picker field-invalid' : 'picker'}
      defaultItems={all}
      value={value || null}
      onChange={(key) => onChange(key === null ? '' : String(key))}
      menuTrigger="focus"
      isDisabled={isDisabled || loading}
      isInvalid={Boolean(error)}
      defaultFilter={(textValue, input) => textValue.toLocaleLowerCase().includes(input.trim().toLocaleLowerCase())}
    >
      <Label className="picker-label">{label}</Label>
      <div className="picker-control">
        <Input className="picker-input" placeholder={loading ? 'Loading the choices…' : placeholder} />
        <Button className="picker-button" aria-label={`Show the choices of ${label.toLowerCase()}`}>
          <span aria-hidden="true">▾</span>
        </Button>
        {value && (
          <button type="button" className="link picker-clear" onClick={() => onChange('')} aria-label={`Clear ${label.toLowerCase()}`}>
            Clear
          </button>
        )}
      </div>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      {error && (
        <Text slot="errorMessage" className="field-error" role="alert">
          {label} {error}
        </Text>
      )}
      <Popover className="picker-popover" placement="bottom start">
        <ListBox className="picker-list" renderEmptyState={() => <p className="picker-empty">Nothing matches.</p>}>
          {(item: PickerItem) => (
            // The code is part of the searched text (and of the chosen text), so that "DE" finds Germany.
            <ListBoxItem id={item.id} textValue={item.detail ? `${item.name} (${item.detail})` : item.name} className="picker-option">
              {item.name}
              {item.detail && <span className="muted small"> {item.detail}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/**
 * A picker inside an uncontrolled filter form (FilterForm): the chosen code goes in with the
 * form's fields under `name`, and the form's key resets it when the address changes.
 */
export function FilterPicker(props: { name: string; label: string; items: PickerItem[]; initial: string; placeholder: string; loading?: boolean }) {
  const [value, setValue] = useState(props.initial);
  return (
    <>
      <SearchPicker label={props.label} items={props.items} loading={props.loading} value={value} onChange={setValue} placeholder={props.placeholder} />
      <input type="hidden" name={props.name} value={value} />
    </>
  );
}
