import { describe, expect, it } from 'vitest';
import { isTrustedFrameUrl } from '../../../src/main/host/trusted-sender';

describe('isTrustedFrameUrl', () => {
  it('trusts the built page and the dev server, nothing else', () => {
    const page = 'file:///opt/Flagdeck/resources/app.asar/out/renderer/index.html';
    expect(isTrustedFrameUrl(`${page}#/samples`, page)).toBe(true);
    expect(isTrustedFrameUrl('file:///tmp/evil.html', page)).toBe(false);
    expect(isTrustedFrameUrl('https://example.com/', page)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedFrameUrl('not a url', page)).toBe(false);
  });
});
