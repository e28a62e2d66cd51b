import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export interface PortInfo {
  path: string;
  /** A stable name for the same device, when udev made one (/dev/serial/by-id/...). */
  byId?: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

const DEVICE_PATTERN = /^tty(USB|ACM|AMA|THS|S|XRUSB|mxc)\d+$/;

/** Serial devices by scanning /dev: what is left when udev's database is not available. */
export function scanDevPorts(devDir = '/dev'): PortInfo[] {
  const ports = new Map<string, PortInfo>();
  let names: string[];
  try {
    names = readdirSync(devDir);
  } catch {
    return [];
  }
  for (const name of names) if (DEVICE_PATTERN.test(name)) ports.set(join(devDir, name), { path: join(devDir, name) });
  try {
    const byIdDir = join(devDir, 'serial', 'by-id');
    for (const link of readdirSync(byIdDir)) {
      const target = realpathSync(join(byIdDir, link));
      const info = ports.get(target) ?? { path: target };
      info.byId = join(byIdDir, link);
      ports.set(target, info);
    }
  } catch {
    /* no by-id directory: no USB serial devices */
  }
  // ttyS0..31 exist on most PCs whether or not a UART is behind them; keep them last.
  return [...ports.values()].sort((a, b) => Number(/ttyS\d/.test(a.path)) - Number(/ttyS\d/.test(b.path)) || a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** serialport's list (udev) when it works, merged with the /dev scan. */
export async function listPorts(): Promise<PortInfo[]> {
  const scanned = scanDevPorts();
  let listed: PortInfo[] = [];
  try {
    listed = (await SerialPort.list()).map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }));
  } catch {
    /* udevadm missing (containers, minimal images): the scan is all there is */
  }
  const byPath = new Map(scanned.map((p) => [p.path, p]));
  for (const p of listed) byPath.set(p.path, { ...byPath.get(p.path), ...p });
  return [...byPath.values()];
}
