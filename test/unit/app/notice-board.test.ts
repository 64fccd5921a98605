// The window's notice board: confirmations fade, errors stay until dismissed or answered by a
// success on their topic, and listeners hear each change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticeBoard } from '../../../src-renderer/src/app/notices';

describe('NoticeBoard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const texts = (board: NoticeBoard): string[] => board.current().map((n) => n.text);

  it('keeps errors, lets confirmations fade, and tells its listeners', () => {
    const board = new NoticeBoard();
    const heard = vi.fn();
    board.subscribe(heard);
    board.onError('dump.txt: not a news dump');
    board.onInfo('Opened 3 articles.');
    expect(texts(board)).toEqual(['dump.txt: not a news dump', 'Opened 3 articles.']);
    vi.advanceTimersByTime(6_000);
    expect(texts(board)).toEqual(['dump.txt: not a news dump']);
    expect(heard).toHaveBeenCalledTimes(3);
    board.dismiss('all');
    expect(texts(board)).toEqual([]);
  });

  it('a success on a topic takes its error away; an Undo notice stays longer', () => {
    const board = new NoticeBoard();
    board.onError('The address is not a web address.', 'settings');
    board.onInfo('Settings saved.', 'settings');
    expect(texts(board)).toEqual(['Settings saved.']);
    board.notify('info', 'Deleted “a claim”.', { action: { label: 'Undo', run: () => undefined } });
    vi.advanceTimersByTime(6_000);
    expect(texts(board)).toEqual(['Deleted “a claim”.']);
    vi.advanceTimersByTime(6_000);
    expect(texts(board)).toEqual([]);
  });

  it('hands out the same functions every time, so effects can depend on them', () => {
    const board = new NoticeBoard();
    const { onError, notify } = board;
    expect(board.onError).toBe(onError);
    expect(board.notify).toBe(notify);
    const heard = vi.fn();
    board.subscribe(heard)();
    onError('after unsubscribing');
    expect(heard).not.toHaveBeenCalled();
    expect(texts(board)).toEqual(['after unsubscribing']);
  });
});
