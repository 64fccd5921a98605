// Settings → Desk: the desk server's address and this analyst's token, Connect / Disconnect, and
// the connection's state. Connecting a library for the first time merges it into the desk.
import { useEffect, useId, useState, type ReactElement } from 'react';
import {
  connectDesk,
  describeDeskStatus,
  disconnectDesk,
  savedDeskConnection,
  useDeskStatus,
} from '../desk/desk-instance';
import { deskUrlProblem } from '../desk/desk-session';
import { errorMessage } from '../../../src-shared/util/error-message';
import { useLibrary } from '../app/library-context';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

export function DeskSettings(): ReactElement {
  const { onError } = useLibrary().notices;
  const id = useId();
  const status = useDeskStatus();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { refused, limit } = useTextLimits();

  useEffect(() => {
    let live = true;
    void savedDeskConnection().then((saved) => {
      if (!live || !saved) return;
      setUrl(saved.url);
      setToken(saved.token);
    });
    return () => {
      live = false;
    };
  }, []);

  const connect = (): void => {
    const trimmed = url.trim();
    const wrong = deskUrlProblem(trimmed) ?? (token.trim() === '' ? 'Enter your desk token.' : null);
    setProblem(wrong);
    if (wrong) return;
    connectDesk({ url: trimmed, token: token.trim() }).catch((e: unknown) =>
      onError(`Could not connect to the desk: ${errorMessage(e)}`),
    );
  };
  const on = status.state !== 'off';

  return (
    <fieldset className="cd-desk-settings">
      <legend>Desk</legend>
      <p className="cd-xd-hint">
        Share this library with your desk: highlights, labels, sources and the organisation settings sync
        through the desk server, and you keep working offline.
      </p>
      <div className="cd-xd-field">
        <label htmlFor={`${id}-url`}>Server address</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="ws://127.0.0.1:1234"
          disabled={on}
          {...limit(
            { value: url, onChange: (e) => setUrl(e.currentTarget.value) },
            'Server address',
            TEXT_LIMITS.url,
          )}
        />
      </div>
      <div className="cd-xd-field">
        <label htmlFor={`${id}-token`}>Token</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          disabled={on}
          {...limit(
            { value: token, onChange: (e) => setToken(e.currentTarget.value) },
            'Token',
            TEXT_LIMITS.token,
          )}
        />
        <small className="cd-xd-hint">From your desk administrator (claimdesk desk add-member).</small>
      </div>
      <LimitAlert message={refused} />
      {problem && (
        <p role="alert" className="cd-field-warning">
          {problem}
        </p>
      )}
      <div className="cd-desk-row">
        <span role="status" aria-label="Desk connection">
          {describeDeskStatus(status)}
        </span>
        {on ? (
          <button type="button" onClick={() => void disconnectDesk()}>
            Disconnect
          </button>
        ) : (
          <button type="button" onClick={connect}>
            Connect
          </button>
        )}
      </div>
    </fieldset>
  );
}
