// Which Hub a push may send the token to: checkHubUrl for any URL (the CLI's --hub-url), and
// checkRequestedHubUrl for one a page names in its push request.
import { describe, expect, it } from 'vitest';
import { checkHubUrl, checkRequestedHubUrl, DEFAULT_HUB_URL } from '../../../../src/main/export/hub/hub-url';

describe('checkHubUrl', () => {
  it('takes https anywhere and plain http on this machine, as an origin', () => {
    expect(checkHubUrl(undefined)).toBe(DEFAULT_HUB_URL);
    expect(checkHubUrl('https://hub.example.org/')).toBe('https://hub.example.org');
    expect(checkHubUrl('http://127.0.0.1:8123')).toBe('http://127.0.0.1:8123');
  });

  it('refuses plain http elsewhere, credentials, paths and queries', () => {
    expect(() => checkHubUrl('http://hub.example.org')).toThrow(/must use https/);
    expect(() => checkHubUrl('https://me:pw@hub.example.org')).toThrow(/just scheme, host and port/);
    expect(() => checkHubUrl('https://hub.example.org/api')).toThrow(/just scheme, host and port/);
    expect(() => checkHubUrl('not a url')).toThrow(/is not a Hub URL/);
  });
});

describe('checkRequestedHubUrl', () => {
  it('uses the configured Hub when the request names none', () => {
    expect(checkRequestedHubUrl('', undefined)).toBe(DEFAULT_HUB_URL);
    expect(checkRequestedHubUrl(undefined, 'https://hub.corp.example')).toBe('https://hub.corp.example');
  });

  it('lets a request name the configured Hub, huggingface.co or a Hub on this machine', () => {
    const configured = 'https://hub.corp.example';
    expect(checkRequestedHubUrl('https://hub.corp.example/', configured)).toBe(configured);
    expect(checkRequestedHubUrl('https://huggingface.co', configured)).toBe(DEFAULT_HUB_URL);
    expect(checkRequestedHubUrl('http://localhost:9000', configured)).toBe('http://localhost:9000');
  });

  it('refuses any other host, saying how to allow it', () => {
    expect(() => checkRequestedHubUrl('https://collector.example.com', undefined)).toThrow(
      'The stored token is sent only to https://huggingface.co (or a Hub on this machine); to push to https://collector.example.com, start Flagdeck with HF_ENDPOINT=https://collector.example.com',
    );
  });
});
