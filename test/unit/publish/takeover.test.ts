import { describe, expect, it } from 'vitest';
import { REASON_SESSION_TAKEN_OVER, TakeoverDetector } from '../../../agent/src/publish/takeover.js';

function detector() {
  let now = 0;
  const d = new TakeoverDetector({ clock: { monoMs: () => now, wallMs: () => now } });
  return { d, advance: (ms: number) => (now += ms) };
}

describe('TakeoverDetector', () => {
  it('three "session taken over" within a minute, each right after connecting, is a unit id conflict', () => {
    const { d, advance } = detector();
    const verdicts: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      d.connected();
      advance(2000);
      verdicts.push(d.ended(REASON_SESSION_TAKEN_OVER));
      advance(1000);
    }
    expect(verdicts).toEqual([false, false, true]);
  });

  it('MQTT 3.1.1: unexplained closes within seconds of connecting count; closes after a long session do not', () => {
    const { d, advance } = detector();
    d.connected();
    advance(3_600_000);
    expect(d.ended()).toBe(false);
    for (let i = 0; i < 2; i++) {
      d.connected();
      advance(1500);
      expect(d.ended()).toBe(false);
    }
    d.connected();
    advance(1500);
    expect(d.ended()).toBe(true);
  });

  it('takeovers spread over more than the window, or closes for other reasons, are an ordinary flaky link', () => {
    const { d, advance } = detector();
    for (let i = 0; i < 10; i++) {
      d.connected();
      advance(1000);
      expect(d.ended(REASON_SESSION_TAKEN_OVER)).toBe(false);
      advance(40_000);
      d.connected();
      advance(1000);
      expect(d.ended(0x8b /* server shutting down */)).toBe(false);
    }
    expect(d.total).toBe(10);
  });
});
