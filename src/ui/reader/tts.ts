/**
 * Text-to-speech over the reading view's blocks with the Web Speech API. One utterance per block
 * (Chrome stops long utterances), an Indonesian voice when the system has one.
 */
export type TtsState = 'idle' | 'playing' | 'paused';

export interface TtsCallbacks {
  onState(state: TtsState): void;
  onBlock(index: number | null): void;
}

export function ttsAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/** Best voice for the language: exact "id-ID" first, then any "id"/"in" voice. */
export function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const want = lang.toLowerCase();
  const norm = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  return (
    voices.find((v) => norm(v) === `${want}-${want === 'id' ? 'id' : want}`) ??
    voices.find((v) => norm(v).startsWith(want)) ??
    (want === 'id' ? voices.find((v) => norm(v).startsWith('in')) : undefined) ??
    null
  );
}

const synth = (): SpeechSynthesis | null => (typeof window !== 'undefined' && window.speechSynthesis) || null;

export class Speaker {
  private index = 0;
  private texts: string[] = [];
  private state: TtsState = 'idle';
  private gen = 0;

  constructor(private cb: TtsCallbacks, private lang = 'id') {}

  hasVoice(): boolean {
    return !!pickVoice(synth()?.getVoices() ?? [], this.lang);
  }

  /**
   * Whether the system has any voice at all. Chrome fills the list after the first call
   * (voiceschanged), so an empty list is waited on briefly before it counts as "none".
   */
  async anyVoice(waitMs = 1000): Promise<boolean> {
    const s = synth();
    if (!s) return false;
    if (s.getVoices().length) return true;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        s.removeEventListener?.('voiceschanged', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      s.addEventListener?.('voiceschanged', done);
    });
    return s.getVoices().length > 0;
  }

  play(texts: string[], from = 0): void {
    synth()?.cancel();
    this.texts = texts;
    this.index = from;
    this.gen++;
    this.set('playing');
    this.speakCurrent(this.gen);
  }

  toggle(texts: string[]): void {
    if (this.state === 'playing') {
      synth()?.pause();
      this.set('paused');
    } else if (this.state === 'paused') {
      synth()?.resume();
      this.set('playing');
    } else {
      this.play(texts, 0);
    }
  }

  stop(): void {
    this.gen++;
    synth()?.cancel();
    this.cb.onBlock(null);
    this.set('idle');
  }

  private set(s: TtsState) {
    this.state = s;
    this.cb.onState(s);
  }

  private speakCurrent(gen: number) {
    if (gen !== this.gen) return;
    if (this.index >= this.texts.length) {
      this.cb.onBlock(null);
      this.set('idle');
      return;
    }
    const u = new SpeechSynthesisUtterance(this.texts[this.index]!);
    const s = synth();
    if (!s) return this.stop();
    const voice = pickVoice(s.getVoices(), this.lang);
    u.lang = voice?.lang ?? (this.lang === 'id' ? 'id-ID' : this.lang);
    if (voice) u.voice = voice;
    u.onend = () => {
      if (gen !== this.gen) return;
      this.index++;
      this.speakCurrent(gen);
    };
    u.onerror = () => {
      if (gen !== this.gen) return;
      this.index++;
      this.speakCurrent(gen);
    };
    this.cb.onBlock(this.index);
    s.speak(u);
  }
}
