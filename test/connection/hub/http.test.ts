import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { HttpError, fetchJson, joinUrl } from '../../../src/connection/hub/http.js';

describe('fetchJson()', () => {
  it('GETs with a Bearer token and Accept: application/json', async () => {
    const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
    fetchStub.resolves(new Response('[{"id":"o1"}]', { status: 200 }));
    const body = await fetchJson<{ id: string }[]>(
      'https://api.example/',
      '/ordering-api/api/orders/opened',
      'tok-1',
      fetchStub
    );
    expect(body).to.deep.equal([{ id: 'o1' }]);
    const [url, init] = fetchStub.firstCall.args;
    expect(url).to.equal('https://api.example/ordering-api/api/orders/opened');
    expect(init?.method).to.equal('GET');
    expect(init?.headers).to.deep.equal({ Accept: 'application/json', Authorization: 'Bearer tok-1' });
  });

  it('rejects with an HttpError carrying the status, without the token in the message', async () => {
    const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
    fetchStub.resolves(new Response('nope', { status: 404 }));
    const error = (await fetchJson('https://api.example', 'ordering-api/api/orders/x', 'secret-token', fetchStub).then(
      () => undefined,
      (e: unknown) => e
    )) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(404);
    expect(error.message).to.include('404');
    expect(error.message).not.to.include('secret-token');
  });

  it('omits Authorization without a token and returns undefined for an empty body', async () => {
    const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
    fetchStub.resolves(new Response(null, { status: 204 }));
    expect(await fetchJson('https://api.example', '/x', undefined, fetchStub)).to.equal(undefined);
    expect(fetchStub.firstCall.args[1]?.headers).to.deep.equal({ Accept: 'application/json' });
  });

  it('joins URLs with exactly one slash', () => {
    expect(joinUrl('https://a/', '/b')).to.equal('https://a/b');
    expect(joinUrl('https://a', 'b')).to.equal('https://a/b');
  });
});
