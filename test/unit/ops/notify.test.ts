import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemdNotifier, type HealthReport } from '../../../agent/src/ops/notify.js';
import { loadSysCalls } from '../../../agent/src/ops/sys.js';
import { startNotifySocket, type NotifySocket } from '../../helpers/notify-socket.js';

const quiet = { warn: () => {}, debug: () => {}, info: () => {} };
const { sys, error } = loadSysCalls();

describe('systemd notify protocol over a real unix datagram socket', () => {
  let socket: NotifySocket | undefined;
  afterEach(async () => {
    await socket?.close();
    socket = undefined;
  });

  it('loads the addon system calls', () => {
    expect(error).toBeNull();
    expect(sys).not.toBeNull();
  });

  for (const kind of ['path', 'abstract'] as const) {
    it(`sends READY, STATUS, WATCHDOG and STOPPING to ${kind === "path" ? "a path" : "an abstract"} socket`, async () => {
      const address = kind === 'path' ? join(mkdtempSync(join(tmpdir(), 'lookout-notify-')), 'notify.sock') : `@lookout-test-${process.pid}-${Date.now()}`;
      socket = await startNotifySocket(address);
      let health: HealthReport = { healthy: true, status: 'sensors 1/1 up' };
      const n = new SystemdNotifier({ env: { NOTIFY_SOCKET: address, WATCHDOG_USEC: '200000' }, sys, logger: quiet, health: () => health });
      expect(n.watchdogIntervalMs).toBe(100);
      n.start();
      n.ready();
      const ready = await socket.waitFor((m) => m.fields.READY === '1', 5000, 'READY=1');
      expect(ready.fields.STATUS).toBe('sensors 1/1 up');
      await socket.waitFor((m) => m.fields.WATCHDOG === '1' && m !== ready, 5000, 'a watchdog ping');
      // Unhealthy: the pings stop and the status says why.
      health = { healthy: false, status: 'sensor radar silent for 12 s' };
      await socket.waitFor((m) => m.fields.STATUS === 'sensor radar silent for 12 s', 5000, 'the unhealthy status');
      const pings = n.counters.watchdogPings;
      await new Promise((r) => setTimeout(r, 400));
      expect(n.counters.watchdogPings).toBe(pings);
      expect(n.counters.watchdogWithheld).toBeGreaterThanOrEqual(2);
      n.stopping();
      await socket.waitFor((m) => m.fields.STOPPING === '1', 5000, 'STOPPING=1');
      expect(n.counters.failed).toBe(0);
    });
  }

  it('sends nothing without NOTIFY_SOCKET, and ignores a watchdog meant for another pid', () => {
    const calls: string[] = [];
    const fake = { notifySocket: (_a: string, m: string) => (calls.push(m), 0), flockFd: () => 0 };
    const off = new SystemdNotifier({ env: {}, sys: fake, logger: quiet, health: () => ({ healthy: true, status: 'ok' }) });
    off.start();
    off.ready();
    off.stopping();
    expect(calls).toEqual([]);
    const other = new SystemdNotifier({ env: { NOTIFY_SOCKET: '@x', WATCHDOG_USEC: '1000000', WATCHDOG_PID: '1' }, sys: fake, logger: quiet, health: () => ({ healthy: true, status: 'ok' }), pid: 4242 });
    expect(other.watchdogIntervalMs).toBeUndefined();
  });

  it('counts a socket nobody listens on as a failure, without throwing', () => {
    const n = new SystemdNotifier({ env: { NOTIFY_SOCKET: `@lookout-nobody-${process.pid}` }, sys, logger: quiet, health: () => ({ healthy: true, status: 'ok' }) });
    n.ready();
    expect(n.counters.failed).toBe(1);
  });
});
