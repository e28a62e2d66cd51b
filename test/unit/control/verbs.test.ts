/** get-config's redaction: secret values hidden, the names of files and variables that hold secrets kept. */
import { describe, expect, it } from 'vitest';
import { redactConfig, VERBS } from '../../../agent/src/control/verbs.js';

describe('verbs', () => {
  it('redacts secret values and keeps where secrets live', () => {
    const out = redactConfig({
      mqtt: { url: 'mqtts://hub', username: 'u', password: 'hunter2', passwordFile: '/etc/lookout/pw', passwordEnv: 'PW', tls: { keyFile: '/etc/k' } },
      nav: { mavlinkKeyHex: 'ab'.repeat(32) },
      http: { tokenFile: '/etc/t' },
      sensors: [{ id: 'r', token: 'x' }],
    });
    expect(out).toEqual({
      mqtt: { url: 'mqtts://hub', username: 'u', password: '[redacted]', passwordFile: '/etc/lookout/pw', passwordEnv: 'PW', tls: { keyFile: '/etc/k' } },
      nav: { mavlinkKeyHex: '[redacted]' },
      http: { tokenFile: '/etc/t' },
      sensors: [{ id: 'r', token: '[redacted]' }],
    });
  });

  it('the set is closed: read-only verbs for observers, the rest for operators', () => {
    const observer = Object.entries(VERBS).filter(([, v]) => v.role === 'observer').map(([k]) => k);
    expect(observer.sort()).toEqual(['get-config', 'get-status', 'ping']);
    expect(Object.keys(VERBS).sort()).toEqual(['confirm', 'get-config', 'get-status', 'ping', 'rebirth', 'record-start', 'record-stop', 'restart-sensor', 'send-sensor-config', 'set-detection', 'set-log-level', 'set-tracker']);
  });
});
