import { useRef, useState } from 'react';
import type { TTokenCreated } from '../../shared/identity';

/** The secret of a token just created: shown this once, with a way to copy it. */
export function NewTokenNotice({ token, onDismiss }: { token: TTokenCreated; onDismiss: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, or permission denied): the text is selected instead.
      setCopied('select');
    }
  };

  return (
    <div className="notice" role="status" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">Token “{token.name}” created</h3>
      <p>
        <strong>Copy the token now: it will not be shown again.</strong> If you lose it, revoke it and create a new one.
      </p>
      <div className="copy-row">
        <label htmlFor="new-token-secret" className="visually-hidden">
          New token
        </label>
        <input id="new-token-secret" ref={input} readOnly className="secret" value={token.token} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="link" onClick={onDismiss}>
          I have copied it
        </button>
      </div>
      {copied === 'yes' && <p className="muted">Copied to the clipboard.</p>}
      {copied === 'select' && <p className="muted">Press Ctrl+C (⌘C on a Mac) to copy the selected token.</p>}
    </div>
  );
}
