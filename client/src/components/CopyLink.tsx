import { useId, useRef, useState } from 'react';

/** A link (an invitation) or a code (a recovery code) shown once, with a button that copies it. */
export function CopyLink({
  label,
  url,
  noun = 'link',
  afterCopy = 'Send it to them by email or chat.',
}: {
  label: string;
  url: string;
  noun?: string;
  afterCopy?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('select');
    }
  }

  return (
    <div className="copy-link">
      <label htmlFor={id}>{label}</label>
      <div className="copy-link__row">
        <input id={id} ref={input} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy {noun}
        </button>
      </div>
      <p className="copy-link__status" aria-live="polite">
        {copied === 'yes' && `Copied. ${afterCopy}`}
        {copied === 'select' && `The ${noun} is selected: press Ctrl+C (or ⌘C) to copy it.`}
      </p>
    </div>
  );
}
