import { useEffect, useRef, useState } from 'react';
import { SearchPicker, type PickerItem } from '../ui/SearchPicker';

/**
 * A picker that adds one item at a time to a list kept elsewhere (the directives an
 * engagement acts on, the contacts met): choosing adds it, and the picker starts empty again,
 * keeping the keyboard focus so that the next one can be added.
 */
export function AddPicker({
  label,
  items,
  onAdd,
  placeholder,
  description,
  loading,
}: {
  label: string;
  items: PickerItem[];
  onAdd: (id: string) => void;
  placeholder: string;
  description?: string;
  loading?: boolean;
}) {
  // A new picker after each choice: the combobox's own text and selection start afresh.
  const [round, setRound] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (round > 0) box.current?.querySelector('input')?.focus();
  }, [round]);
  return (
    <div ref={box} className="add-picker">
      <SearchPicker
        key={round}
        label={label}
        items={items}
        value=""
        loading={loading}
        placeholder={placeholder}
        description={description}
        onChange={(id) => {
          if (!id) return;
          onAdd(id);
          setRound((current) => current + 1);
        }}
      />
    </div>
  );
}
