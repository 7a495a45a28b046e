import { useRef, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, type Key } from 'react-aria-components';
import type { PickerItem } from './SearchPicker';
import '../ui/react-aria-csp';

interface Props {
  label: string;
  items: PickerItem[];
  /** The ids chosen, in the order chosen. */
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  description?: string;
  /** The server's message for this field (or any of its items), shown beside it. */
  error?: string | undefined;
  /** While the choices load, the box waits (text typed then would find nothing). */
  loading?: boolean;
}

/** "Germany · DE": the name, then the code a person may also know it by. */
export const pickerText = (item: PickerItem) => (item.detail ? `${item.name} · ${item.detail}` : item.name);

const matches = (item: PickerItem, typed: string) => pickerText(item).toLocaleLowerCase().includes(typed.trim().toLocaleLowerCase());

/**
 * Several choices from a long list: a combobox with search adds one at a time (type part of a
 * name or a code, or press the down arrow, then arrow to a choice and press Enter), and the
 * chosen ones are tags below it, each removed by its button or by Backspace or Delete once
 * the tag has focus (Tab from the box reaches them).
 */
export function MultiPicker({ label, items, value, onChange, placeholder, description, error, loading }: Props) {
  const [typed, setTyped] = useState('');
  // The combobox closes its list when its selected key changes: the one just added stands as
  // selected (it is no longer offered) until the next search or removal.
  const [lastAdded, setLastAdded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const byId = new Map(items.map((item) => [item.id, item]));
  // A code the list does not hold (not loaded yet, or unknown) stays chosen, shown by its code.
  const chosen = value.map((id) => byId.get(id) ?? { id, name: id });
  const offered = items.filter((item) => !value.includes(item.id) && matches(item, typed));

  const add = (key: Key | null) => {
    // Leaving the box with text that chose nothing (null) clears the text.
    setTyped('');
    if (key === null) return;
    const id = String(key);
    if (!value.includes(id)) onChange([...value, id]);
    setLastAdded(id);
  };
  const search = (text: string) => {
    setTyped(text);
    if (text !== '') setLastAdded(null);
  };
  const remove = (keys: Set<Key>) => {
    setLastAdded(null);
    const rest = value.filter((id) => !keys.has(id));
    onChange(rest);
    // The last tag gone, focus would be lost: it goes back to the box.
    if (rest.length === 0) input.current?.focus();
  };

  return (
    <div className={error ? 'picker multi-picker field-invalid' : 'picker multi-picker'}>
      <ComboBox
        className="multi-picker-box"
        items={offered}
        selectedKey={lastAdded}
        onSelectionChange={add}
        inputValue={typed}
        onInputChange={search}
        isDisabled={loading}
        isInvalid={Boolean(error)}
      >
        <Label className="picker-label">{label}</Label>
        <div className="picker-control">
          <Input ref={input} className="picker-input" placeholder={loading ? 'Loading the choices…' : placeholder} />
          <Button className="picker-button" aria-label={`Show the choices of ${label.toLowerCase()}`}>
            <span aria-hidden="true">▾</span>
          </Button>
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
          <ListBox
            className="picker-list"
            renderEmptyState={() => <p className="picker-empty">{value.length > 0 && typed === '' ? 'All chosen.' : 'Nothing matches.'}</p>}
          >
            {(item: PickerItem) => (
              <ListBoxItem id={item.id} textValue={pickerText(item)} className="picker-option">
                {item.name}
                {item.detail && <span className="muted small"> · {item.detail}</span>}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <TagGroup className="multi-picker-chosen" aria-label={`${label}: chosen`} onRemove={remove}>
        <TagList className="multi-picker-tags" items={chosen} renderEmptyState={() => <span className="muted small">None chosen.</span>}>
          {(item) => (
            <Tag id={item.id} textValue={pickerText(item)} className="multi-picker-tag">
              <span>
                {item.name}
                {item.detail && <span className="muted"> · {item.detail}</span>}
              </span>
              <Button slot="remove" className="multi-picker-remove" aria-label={`Remove ${pickerText(item)}`}>
                <span aria-hidden="true">×</span>
              </Button>
            </Tag>
          )}
        </TagList>
      </TagGroup>
    </div>
  );
}
