// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { ReaderApp } from '../../../src/ui/reader/ReaderApp';
import { pickVoice } from '../../../src/ui/reader/tts';
import { DEFAULT_READER_PREFS } from '../../../src/ui/settings';
import { articleState } from './fixtures';

/** A speechSynthesis that "speaks" when told to finish. */
class FakeSynth {
  queue: { text: string; lang: string; voice: unknown; onend?: () => void }[] = [];
  paused = false;
  voices = [{ lang: 'en-US', name: 'en' }, { lang: 'id-ID', name: 'Damayanti' }];
  getVoices() {
    return this.voices;
  }
  speak(u: { text: string; lang: string; voice: unknown; onend?: () => void }) {
    this.queue.push(u);
  }
  cancel() {
    this.queue = [];
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  finishCurrent() {
    const u = this.queue.shift();
    u?.onend?.();
  }
}

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  onend?: () => void;
  onerror?: () => void;
  constructor(public text: string) {}
}

let synth: FakeSynth;
beforeEach(() => {
  synth = new FakeSynth();
  Object.assign(window, { speechSynthesis: synth });
  Object.assign(globalThis, { SpeechSynthesisUtterance: FakeUtterance });
});
// Preact's effect scheduler keeps a 100 ms fallback timer; let it run before jsdom goes away.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

afterEach(() => {
  cleanup();
  delete (window as unknown as Record<string, unknown>).speechSynthesis;
});

/** The reading view of a tab's article, in a UI language. */
function renderReader(lang: 'id' | 'en') {
  return render(
    <I18nProvider lang={lang}>
      <ReaderApp
        target={{ tab: 7 }}
        sources={{ getTabState: async () => articleState(), getStored: async () => null, loadPrefs: async () => DEFAULT_READER_PREFS, savePrefs: async () => {} }}
        onClose={() => {}}
      />
    </I18nProvider>,
  );
}

describe('text to speech', () => {
  it('prefers an Indonesian voice', () => {
    const v = [{ lang: 'en-US' }, { lang: 'in_ID' }, { lang: 'id-ID' }] as SpeechSynthesisVoice[];
    expect(pickVoice(v, 'id')?.lang).toBe('id-ID');
    expect(pickVoice([{ lang: 'in_ID' }] as SpeechSynthesisVoice[], 'id')?.lang).toBe('in_ID');
    expect(pickVoice([{ lang: 'en-US' }] as SpeechSynthesisVoice[], 'id')).toBeNull();
  });

  it('reads paragraph by paragraph, marks the current one, pauses and resumes', async () => {
    const { container } = renderReader('id');
    fireEvent.click(await screen.findByRole('button', { name: 'Dengarkan' }));
    await waitFor(() => expect(synth.queue).toHaveLength(1));
    expect(synth.queue[0]!.text).toBe('Presiden Rusia Vladimir Putin tiba di Pyongyang.');
    expect((synth.queue[0]!.voice as { name: string }).name).toBe('Damayanti');
    await waitFor(() => expect(container.querySelector('.tts-current')?.textContent).toBe('Presiden Rusia Vladimir Putin tiba di Pyongyang.'));
    synth.finishCurrent();
    expect(synth.queue[0]!.text).toBe('Putin dan Kim di bandara.');
    await waitFor(() => expect(container.querySelector('.tts-current')?.tagName).toBe('FIGCAPTION'));
    expect(container.querySelectorAll('.tts-current')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Jeda' }));
    await waitFor(() => expect(synth.paused).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Lanjutkan' }));
    await waitFor(() => expect(synth.paused).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Berhenti' }));
    await waitFor(() => expect(container.querySelector('.tts-current')).toBeNull());
    expect(screen.getByRole('button', { name: 'Dengarkan' })).toBeTruthy();
  });

  it('says when the system has no voice at all, and plays nothing', async () => {
    synth.voices = [];
    Object.assign(synth, { addEventListener() {}, removeEventListener() {} });
    renderReader('en');
    fireEvent.click(await screen.findByRole('button', { name: 'Listen' }));
    expect(await screen.findByText(/No speech voice is installed/, {}, { timeout: 3000 })).toBeTruthy();
    expect(synth.queue).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Listen' })).toBeTruthy();
  });
});
