import { expect } from '@open-wc/testing';
import { normalizeToken } from '../../../src/connection/auth/token-result.js';

describe('normalizeToken()', () => {
  it('accepts a string, TokenInfo, {token, UUID} and a token response', () => {
    expect(normalizeToken('abc')).to.deep.equal({ token: 'abc' });
    expect(normalizeToken({ token: 'abc', userId: 'u' })).to.deep.equal({ token: 'abc', userId: 'u' });
    expect(normalizeToken({ token: '', UUID: '' })).to.deep.equal({ token: '' });
    expect(normalizeToken({ access_token: 'abc', UUID: 'u' })).to.deep.equal({ token: 'abc', userId: 'u' });
    expect(normalizeToken(undefined)).to.deep.equal({ token: '' });
  });
});
