import { useEffect, useRef, useState } from 'react';

/** A month as yyyy-mm and its index counted from year 0, for arithmetic. */
const indexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });
export const monthText = (index: number) => monthName.format(new Date(Math.floor(index / 12), index % 12, 1));

/** The first and last day of a month, as the API's from and to. */
export const firstDay = (index: number) => `${monthOf(index)}-01`;
export function lastDay(index: number): string {
  const next = new Date(Date.UTC(Math.floor((index + 1) / 12), (index + 1) % 12, 1) - 86_400_000);
  return next.toISOString().slice(0, 10);
}

interface Props {
  /** yyyy-mm-dd or ''. */
  from: string;
  to: string;
  /** Called a moment after the thumbs stop: '' for an open end. */
  onChange: (from: string, to: string) => void;
  /** How many months back from this month the slider reaches. */
  months?: number;
}

/**
 * The period as a range of months: two sliders, From and To, each read out as a month ("March
 * 2026"). At either end of the scale the period is open on that side.
 */
export function MonthRangeSlider({ from, to, onChange, months = 60 }: Props) {
  const thisMonth = indexOf(new Date().toISOString().slice(0, 7));
  const first = Math.min(thisMonth - months + 1, from ? indexOf(from) : Number.POSITIVE_INFINITY);
  const last = Math.max(thisMonth, to ? indexOf(to) : Number.NEGATIVE_INFINITY);
  const [range, setRange] = useState<[number, number]>([from ? indexOf(from) : first, to ? indexOf(to) : last]);
  const [touched, setTouched] = useState(false);
  // The latest callback, so that a parent's re-render does not restart the wait.
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!touched) return;
    const timer = setTimeout(() => {
      setTouched(false);
      report.current(range[0] <= first ? '' : firstDay(range[0]), range[1] >= last ? '' : lastDay(range[1]));
    }, 500);
    return () => clearTimeout(timer);
  }, [touched, range, first, last]);

  const move = (which: 0 | 1, value: number) => {
    setTouched(true);
    setRange(([start, end]) => (which === 0 ? [Math.min(value, end), end] : [start, Math.max(value, start)]));
  };

  return (
    <fieldset className="month-range">
      <legend>Period</legend>
      <p className="month-range-output" aria-live="polite">
        {periodText(range, first, last)}
      </p>
      <label className="month-range-thumb">
        From month
        <input
          type="range"
          min={first}
          max={last}
          step={1}
          value={range[0]}
          aria-valuetext={range[0] <= first ? `${monthText(range[0])}, or earlier` : monthText(range[0])}
          onChange={(event) => move(0, Number(event.target.value))}
        />
      </label>
      <label className="month-range-thumb">
        To month
        <input
          type="range"
          min={first}
          max={last}
          step={1}
          value={range[1]}
          aria-valuetext={monthText(range[1])}
          onChange={(event) => move(1, Number(event.target.value))}
        />
      </label>
    </fieldset>
  );
}

/** "All dates", "From March 2024", "Up to the end of May 2025", "March 2024 to May 2025", "March 2024". */
function periodText([start, end]: [number, number], first: number, last: number): string {
  const open = [start <= first, end >= last];
  if (open[0] && open[1]) return 'All dates';
  if (open[1]) return `From ${monthText(start)}`;
  if (open[0]) return `Up to the end of ${monthText(end)}`;
  return start === end ? monthText(start) : `${monthText(start)} to ${monthText(end)}`;
}
