import { describe, expect, it } from 'vitest';
import { LookoutError } from '../../../agent/src/errors.js';
import { LINK_RESTORED, LinkMonitor } from '../../../agent/src/sensors/link.js';
import { recordingSink, silent } from '../../helpers/sensor.js';

describe('LinkMonitor', () => {
  it('one alert per transition: lost (with code, sensor, cause and the source details), then restored; retries say nothing', () => {
    const sink = recordingSink();
    const link = new LinkMonitor({ sensor: 'radar1', sink, logger: silent });
    link.opened();
    expect(sink.of('alerts')).toHaveLength(0);
    const lost = new LookoutError('E_SERIAL_LOST', 'serial port /dev/x went away: EOF: the far end closed the line', { details: { path: '/dev/x' } });
    link.failed(lost);
    link.closed(lost);
    link.failed(new LookoutError('E_SERIAL_OPEN', 'cannot open serial port /dev/x: ENOENT', { details: { path: '/dev/x' } }));
    link.closed(lost);
    link.opened();
    link.opened();
    expect(sink.of('alerts')).toEqual([
      {
        severity: 'critical',
        code: 'E_SERIAL_LOST',
        message: 'sensor radar1: serial port /dev/x went away: EOF: the far end closed the line',
        details: { sensor: 'radar1', cause: 'serial port /dev/x went away: EOF: the far end closed the line', path: '/dev/x' },
      },
      { severity: 'info', code: LINK_RESTORED, message: 'sensor radar1: link restored', details: { sensor: 'radar1' } },
    ]);
    expect(link.alerts).toBe(2);
  });

  it('a link that never came up is a warning once; a close without a cause (stop, end of file) is no alert', () => {
    const sink = recordingSink();
    const link = new LinkMonitor({ sensor: 'nav', sink, logger: silent });
    link.closed();
    link.failed(new Error('ENOENT'));
    link.failed(new Error('ENOENT'));
    expect(sink.of('alerts')).toEqual([{ severity: 'warning', code: 'E_LINK_LOST', message: 'sensor nav: ENOENT', details: { sensor: 'nav', cause: 'ENOENT' } }]);
    link.opened();
    link.closed();
    expect(sink.of('alerts').map((a) => a.code)).toEqual(['E_LINK_LOST', LINK_RESTORED]);
  });
});
