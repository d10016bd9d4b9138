import { describe, expect, it } from 'vitest';
import { WORKER_LOST_MESSAGE, pageFailureMessage } from '../../../src/messaging/failure';

describe('content script failure report', () => {
  it('turns "the background stopped while answering" into words, keeps other errors as they are', () => {
    expect(pageFailureMessage(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'))).toBe(WORKER_LOST_MESSAGE);
    expect(pageFailureMessage(new Error('The message port closed before a response was received.'))).toBe(WORKER_LOST_MESSAGE);
    expect(pageFailureMessage(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(WORKER_LOST_MESSAGE);
    expect(pageFailureMessage(new Error('page too large'))).toBe('page too large');
    expect(pageFailureMessage('x')).toBe('x');
  });
});
