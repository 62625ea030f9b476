// The Hugging Face Hub token for "Push to Hub": whether one is stored, a field to store a new one,
// and a button to forget it. The stored token is never shown (the field only ever holds what the
// user is typing now).
import { useState, type FormEvent } from 'react';
import { useHubToken } from './use-hub-token';

export function HubTokenSettings(): React.JSX.Element {
  const token = useHubToken();
  const [typed, setTyped] = useState('');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void token.save(typed).then((saved) => saved && setTyped(''));
  };

  return (
    <section className="hub-token" data-testid="hub-token">
      <h3>Hugging Face Hub token</h3>
      {token.set === null ? (
        <p className="muted">Only the desktop app stores a token (encrypted with the system keychain).</p>
      ) : (
        <>
          <p role="status" data-testid="hub-token-status">
            {token.set === undefined
              ? 'Checking…'
              : token.set
                ? 'A token is stored, encrypted with the system keychain.'
                : 'No token stored.'}
          </p>
          <form className="open-form" onSubmit={submit}>
            <input
              type="password"
              aria-label="Hub token"
              placeholder={token.set ? 'Replace with a new token' : 'hf_…'}
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit" disabled={token.busy || typed.trim() === ''}>
              Save
            </button>
            {token.set && (
              <button type="button" disabled={token.busy} onClick={() => void token.clear()}>
                Remove
              </button>
            )}
          </form>
        </>
      )}
      {token.message && token.set !== null && <p className="muted">{token.message}</p>}
    </section>
  );
}
