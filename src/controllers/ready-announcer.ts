import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the announcer needs from its element. */
export interface ReadyAnnouncerOptions {
  /** Whether to play a chime per order that becomes ready. */
  sound: () => boolean;
  /** Whether to speak a call-out per order that becomes ready (after the chimes). */
  announce: () => boolean;
  /** The language of the call-outs, e.g. `pl-PL`. */
  lang: () => string;
  /** The call-out for one number, e.g. "Order 42 is ready". */
  phrase: (number: string) => string;
}

/** At most this many chimes are played for one batch of newly ready orders. */
const MAX_CHIMES = 4;
/** Length of one chime (two notes), and the stagger between chimes, in seconds. */
const CHIME_SECONDS = 0.95;
const CHIME_STAGGER = 0.9;

type AudioContextConstructor = new () => AudioContext;

/**
 * Calls out orders that became ready, for a pickup board: a short, soft two-note chime per order (Web Audio, at most
 * four per batch) and, with `announce`, a spoken call-out per number in the board's language once the chimes end.
 *
 * Browsers keep an AudioContext suspended until the person interacts with the page: `soundBlocked` says so, and
 * `enableSound()` (from a click) resumes it. Speech this board started is cancelled when the board leaves the page
 * (`speechSynthesis` has one queue per page).
 */
export class ReadyAnnouncer implements ReactiveController {
  /** True while `sound` is on and the browser keeps the AudioContext suspended. */
  soundBlocked = false;

  private audio?: AudioContext;
  private soundWasOn = false;
  /** Utterances handed to speechSynthesis that have not finished yet. */
  private readonly speaking = new Set<SpeechSynthesisUtterance>();
  /** Utterances waiting for the chimes to end. */
  private speechQueue: SpeechSynthesisUtterance[] = [];
  private speechTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReadyAnnouncerOptions
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Re-attached after a removal closed the AudioContext.
    if (this.soundWasOn) this.syncAudio();
  }

  hostUpdate(): void {
    const sound = this.options.sound();
    if (sound !== this.soundWasOn) this.syncAudio();
  }

  hostDisconnected(): void {
    void this.audio?.close().catch(() => {});
    this.audio = undefined;
    this.setBlocked(false);
    this.cancelSpeech();
  }

  /** Chimes, then speaks, for the numbers that just became ready. */
  ready(numbers: readonly string[]): void {
    if (numbers.length === 0) return;
    const chimeSeconds = this.playChimes(numbers.length);
    this.speak(numbers, chimeSeconds);
  }

  /** Resumes audio the browser blocked (call it from a click). */
  enableSound(): void {
    const audio = this.audio;
    if (!audio) return;
    audio.resume().then(
      () => this.setBlocked(audio.state !== 'running'),
      () => {}
    );
    this.setBlocked(false);
  }

  private setBlocked(blocked: boolean): void {
    if (blocked === this.soundBlocked) return;
    this.soundBlocked = blocked;
    this.host.requestUpdate();
  }

  private syncAudio(): void {
    const sound = this.options.sound();
    this.soundWasOn = sound;
    if (!sound) {
      this.setBlocked(false);
      return;
    }
    const Ctor = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
    if (!Ctor || this.audio) {
      this.setBlocked(this.audio?.state === 'suspended');
      return;
    }
    try {
      const audio = new Ctor();
      this.audio = audio;
      audio.addEventListener('statechange', () => {
        if (this.audio === audio) this.setBlocked(this.options.sound() && audio.state === 'suspended');
      });
      this.setBlocked(audio.state === 'suspended');
    } catch {
      this.audio = undefined;
    }
  }

  /** Plays the chimes; returns how long they take, in seconds (0 when none play). */
  private playChimes(count: number): number {
    if (!this.options.sound()) return 0;
    this.syncAudio();
    const audio = this.audio;
    if (!audio || audio.state !== 'running') return 0;
    const start = audio.currentTime + 0.05;
    const chimes = Math.min(count, MAX_CHIMES);
    for (let i = 0; i < chimes; i++) {
      const at = start + i * CHIME_STAGGER;
      playNote(audio, 659.25, at, 0.5); // E5
      playNote(audio, 880, at + 0.18, 0.7); // A5
    }
    return 0.05 + (chimes - 1) * CHIME_STAGGER + CHIME_SECONDS;
  }

  /** Queues one spoken call-out per number, in the board's language, after `delaySeconds` (the chimes). */
  private speak(numbers: readonly string[], delaySeconds: number): void {
    if (!this.options.announce()) return;
    const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
      .SpeechSynthesisUtterance;
    if (!synth || !Utterance) return;
    const lang = this.options.lang();
    for (const number of numbers) {
      const utterance = new Utterance(this.options.phrase(number));
      utterance.lang = lang;
      this.speechQueue.push(utterance);
    }
    // Call-outs that wait for a chime wait for the latest one; later ones queue behind them, in order.
    if (delaySeconds <= 0 && this.speechTimer === undefined) {
      this.flushSpeech();
      return;
    }
    if (delaySeconds > 0) {
      clearTimeout(this.speechTimer);
      this.speechTimer = setTimeout(() => this.flushSpeech(), delaySeconds * 1000);
    }
  }

  /** Hands the queued call-outs to speechSynthesis, which speaks them one after another. */
  private flushSpeech(): void {
    clearTimeout(this.speechTimer);
    this.speechTimer = undefined;
    const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    const queue = this.speechQueue;
    this.speechQueue = [];
    if (!synth) return;
    for (const utterance of queue) {
      const done = () => this.speaking.delete(utterance);
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      this.speaking.add(utterance);
      synth.speak(utterance);
    }
  }

  /** Drops call-outs not spoken yet, and stops speech this board started. */
  private cancelSpeech(): void {
    clearTimeout(this.speechTimer);
    this.speechTimer = undefined;
    this.speechQueue = [];
    if (this.speaking.size === 0) return;
    this.speaking.clear();
    (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis?.cancel();
  }
}

function playNote(audio: AudioContext, frequency: number, at: number, duration: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(frequency, at);
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + duration + 0.05);
}
