import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiGet, apiSend } from '../ui/api';
import { formatDateTime } from '../ui/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';

interface CalendarFeed {
  /** The server keeps only a hash of the secret: the URL comes back only when it is made. */
  url: string | null;
  rotatedAt: string | null;
}
const CALENDAR_KEY = ['calendar'] as const;

/** The private iCal address of the user's follow-ups and due dates, and a way to replace it. */
export function CalendarFeedPanel() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const feed = useQuery({ queryKey: CALENDAR_KEY, queryFn: () => apiGet<CalendarFeed>('/api/v1/calendar'), staleTime: 0 });
  const rotate = useMutation({
    mutationFn: () => apiSend<CalendarFeed>('POST', '/api/v1/calendar/rotate'),
    onSuccess: (result) => {
      setCopied(null);
      setMade(result.url);
      queryClient.setQueryData(CALENDAR_KEY, { url: null, rotatedAt: result.rotatedAt });
    },
  });
  const shownUrl = made ?? feed.data?.url ?? null;
  const url = shownUrl ? new URL(shownUrl, window.location.origin).toString() : null;
  const rotatedAt = feed.data?.rotatedAt ?? null;

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url ?? '');
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, or permission denied): the text is selected instead.
      setCopied('select');
    }
  };

  const rotateButton = (
    <ConfirmButton
      label="Rotate the address"
      question="The current address stops working at once; calendars subscribed to it must be given the new one. Make a new address?"
      confirmLabel="Make a new address"
      pending={rotate.isPending}
      danger
      onConfirm={() => rotate.mutate()}
    />
  );

  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar feed</h2>
      <p className="muted">
        Subscribe to a private address in your calendar application to see your follow-ups and reporting due dates. Anyone with the address can read the feed:
        keep it to yourself, and rotate it if it has been shared.
      </p>
      <ErrorAlert error={feed.error} action="Could not load your calendar feed" />
      <ErrorAlert error={rotate.error} action="Could not make a new address" />
      {feed.isPending && <p>Loading…</p>}
      {feed.isSuccess && !url && !rotatedAt && (
        <>
          <p>You have no calendar feed yet.</p>
          <button type="button" className="primary" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
            Create a calendar feed
          </button>
        </>
      )}
      {feed.isSuccess && !url && rotatedAt && (
        <>
          <p>
            You have a calendar feed, made {formatDateTime(rotatedAt)}. Its address was shown once, when it was made. If you no longer have it, rotate it to get
            a new one.
          </p>
          {rotateButton}
        </>
      )}
      {url && (
        <>
          <div className="notice" role="status">
            <p>
              <strong>Copy the address now: it will not be shown again.</strong> Add it to your calendar as a subscription (“From URL”).
            </p>
            <div className="copy-row">
              <label htmlFor="calendar-url" className="visually-hidden">
                Calendar feed address
              </label>
              <input id="calendar-url" ref={input} readOnly className="secret" value={url} onFocus={(event) => event.target.select()} />
              <button type="button" onClick={() => void copy()}>
                Copy
              </button>
            </div>
            {copied === 'yes' && <p className="muted">Copied to the clipboard.</p>}
            {copied === 'select' && <p className="muted">Press Ctrl+C (⌘C on a Mac) to copy the selected address.</p>}
          </div>
          {rotatedAt && <p className="small muted">Made {formatDateTime(rotatedAt)}.</p>}
          {rotateButton}
        </>
      )}
    </section>
  );
}
