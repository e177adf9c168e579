import { useId, useRef, useState, type ReactNode } from 'react';

/**
 * A secret the API shows only in one answer (an invitation's sign-in link, a webhook's signing secret): in a
 * read-only field with a copy button, until the person says they have it. Kept in this component's state only, never
 * in the query cache, so it is gone once dismissed.
 */
export function ShownOnce({ title, label, value, children, onDone, doneLabel = 'Done' }: {
  title: string;
  /** The field's label, e.g. "Sign-in link for Lena Novák". */
  label: string;
  value: string;
  /** What to do with it (who to send it to, until when it works). */
  children?: ReactNode;
  onDone: () => void;
  doneLabel?: string;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      // The Clipboard API exists only in secure contexts (https, localhost); elsewhere the selected text is copied.
      if (navigator.clipboard) await navigator.clipboard.writeText(value);
      else {
        field.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section className="shown-once notice notice-ok" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <div className="field">
        <label htmlFor={`${id}-value`}>{label}</label>
        <div className="shown-once-row">
          <input id={`${id}-value`} ref={field} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <button type="button" className="primary" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p className="hint" role="status">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is not allowed here: the text is selected, copy it with Ctrl+C (⌘C).' : ''}
        </p>
      </div>
      <p>
        <strong>It is shown only now.</strong> Once you close this, nobody can see it again.
      </p>
      <button type="button" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  );
}
