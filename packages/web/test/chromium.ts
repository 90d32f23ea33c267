import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/**
 * A Chromium for the page tests: CHROMIUM_PATH, a usual install location, or — on a fresh
 * Debian/Ubuntu machine where the tests run as root — Debian's package, installed once (what
 * .ci/run does). Only the npm registry and Debian packages are reachable here, so Playwright's
 * own browser download is not an option.
 */
export function findChromium(): string {
  const found = () => [process.env['CHROMIUM_PATH'], ...CANDIDATES].find((p): p is string => Boolean(p) && existsSync(p!));
  const existing = found();
  if (existing) return existing;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      // Reported below with what to do.
    }
    const installed = found();
    if (installed) return installed;
  }
  throw new Error('No Chromium for the page tests: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary');
}
