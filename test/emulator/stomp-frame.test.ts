import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeHeader,
  encodeHeader,
  MAX_FRAME_BYTES,
  serializeFrame,
  StompFrameParser,
  StompProtocolError,
  type StompFrame
} from '../../demo/emulator/transport/stomp-frame.js';

const PIZZA = 'Zażółć gęślą jaźń 🍕';

function parseAll(...chunks: (string | Buffer)[]): StompFrame[] {
  const parser = new StompFrameParser();
  return chunks.flatMap(chunk => [...parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)]);
}

describe('stomp-frame', () => {
  describe('serializeFrame', () => {
    it('counts content-length in bytes and keeps UTF-8 bodies byte-exact', () => {
      const bytes = serializeFrame({ command: 'MESSAGE', headers: { destination: '/a' }, body: PIZZA });
      const body = Buffer.from(PIZZA);
      assert.ok(bytes.includes(`content-length:${body.length}\n`));
      assert.equal(bytes.at(-1), 0);
      assert.deepEqual(bytes.subarray(bytes.length - 1 - body.length, -1), body);
    });

    it('escapes headers, except in CONNECTED frames', () => {
      const headers = { 'a:b': 'line\nnext\r\\c:d' };
      assert.ok(serializeFrame({ command: 'MESSAGE', headers }).includes('a\\cb:line\\nnext\\r\\\\c\\cd\n'));
      assert.ok(serializeFrame({ command: 'CONNECTED', headers: { version: '1.2' } }).includes('version:1.2\n'));
      assert.ok(serializeFrame({ command: 'ERROR', headers: { message: 'a: b' } }, false).includes('message:a: b\n'));
    });

    it('omits content-length without a body', () => {
      const bytes = serializeFrame({ command: 'RECEIPT', headers: { 'receipt-id': '1' } });
      assert.equal(bytes.toString(), 'RECEIPT\nreceipt-id:1\n\n\0');
    });
  });

  describe('header escapes', () => {
    it('round-trips every escaped character', () => {
      const text = 'a:b\\c\nd\re';
      assert.equal(decodeHeader(encodeHeader(text)), text);
    });

    it('refuses undefined escape sequences', () => {
      assert.throws(() => decodeHeader('a\\tb'), StompProtocolError);
      assert.throws(() => decodeHeader('trailing\\'), StompProtocolError);
    });
  });

  describe('StompFrameParser', () => {
    it('round-trips a serialized frame with a UTF-8 body', () => {
      const [frame] = parseAll(serializeFrame({ command: 'SEND', headers: { destination: '/x:y' }, body: PIZZA }));
      assert.equal(frame?.command, 'SEND');
      assert.equal(frame?.headers.destination, '/x:y');
      assert.equal(frame?.body.toString('utf8'), PIZZA);
    });

    it('does not unescape CONNECT headers', () => {
      const [frame] = parseAll('CONNECT\nlogin:a\\cb\naccept-version:1.2\n\n\0');
      assert.equal(frame?.headers.login, 'a\\cb');
    });

    it('skips LF and CRLF heart-beats between frames and accepts CRLF line ends', () => {
      const frames = parseAll('\n\r\n\nSEND\r\ndestination:/a\r\n\r\nhi\0\n\r\n');
      assert.equal(frames.length, 1);
      assert.equal(frames[0]?.body.toString(), 'hi');
      assert.deepEqual(parseAll('\n', '\r', '\n'), []);
    });

    it('reads several frames from one chunk', () => {
      const frames = parseAll('SEND\ndestination:/a\n\none\0SEND\ndestination:/b\n\ntwo\0');
      assert.deepEqual(
        frames.map(frame => [frame.headers.destination, frame.body.toString()]),
        [
          ['/a', 'one'],
          ['/b', 'two']
        ]
      );
    });

    it('reassembles a frame split at every byte, multi-byte characters included', () => {
      const bytes = serializeFrame({ command: 'SEND', headers: { destination: '/ą' }, body: PIZZA });
      const parser = new StompFrameParser();
      const frames: StompFrame[] = [];
      for (let index = 0; index < bytes.length; index++) frames.push(...parser.push(bytes.subarray(index, index + 1)));
      assert.equal(frames.length, 1);
      assert.equal(frames[0]?.headers.destination, '/ą');
      assert.equal(frames[0]?.body.toString('utf8'), PIZZA);
    });

    it('uses content-length to read bodies that contain NUL', () => {
      const [frame] = parseAll('SEND\ndestination:/a\ncontent-length:3\n\na\0b\0');
      assert.deepEqual([...(frame?.body ?? [])], [97, 0, 98]);
    });

    it('keeps the first of repeated headers', () => {
      const [frame] = parseAll('SEND\ndestination:/first\ndestination:/second\n\n\0');
      assert.equal(frame?.headers.destination, '/first');
    });

    it('yields the frames before a malformed one, then throws', () => {
      const parser = new StompFrameParser();
      const seen: string[] = [];
      assert.throws(() => {
        for (const frame of parser.push(Buffer.from('SEND\ndestination:/a\n\n\0bad\n\n\0'))) seen.push(frame.command);
      }, StompProtocolError);
      assert.deepEqual(seen, ['SEND']);
    });

    for (const [name, text] of [
      ['a lower-case command', 'send\n\n\0'],
      ['a header without a colon', 'SEND\ndestination\n\n\0'],
      ['an undefined escape', 'SEND\ndestination:/a\\t\n\n\0'],
      ['a non-numeric content-length', 'SEND\ncontent-length:x\n\n\0'],
      ['no NUL after content-length bytes', 'SEND\ncontent-length:1\n\nab\0']
    ]) {
      it(`refuses ${name}`, () => assert.throws(() => parseAll(text ?? ''), StompProtocolError));
    }

    it('refuses a frame larger than the limit, even before it is complete', () => {
      assert.throws(() => parseAll(`SEND\ncontent-length:${MAX_FRAME_BYTES + 1}\n\n`), /too large/);
      assert.throws(() => parseAll(Buffer.alloc(MAX_FRAME_BYTES + 1, 'A')), /too large/);
    });
  });
});
