import { openSync, readSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDON_DIR, loadAddon } from '../../agent/src/detect/addon.js';
import { native } from './kernels.js';

/** ELF e_machine of a file (bytes 18-19, little-endian). */
function elfMachine(path: string): number {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(20);
  try {
    readSync(fd, head, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  expect(head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))).toBe(true);
  return head.readUInt16LE(18);
}

const MACHINE: Record<string, number> = { x64: 62, arm64: 183 };

describe('the addon these tests run', () => {
  it('is built for this process architecture and is the file node-gyp-build resolves', () => {
    const { path, error } = loadAddon();
    expect(error).toBeNull();
    expect(native.impl).toBe('native');
    expect(elfMachine(path!)).toBe(MACHINE[process.arch]);
    // scripts/test-arm64.sh sets PREBUILDS_ONLY: then it is the packaged prebuild, not native/build.
    if (process.env.PREBUILDS_ONLY) expect(path!.startsWith(`${ADDON_DIR}/prebuilds/${process.platform}-${process.arch}/`)).toBe(true);
    else expect(path!.startsWith(`${ADDON_DIR}/`)).toBe(true);
  });
});
