import { StompProtocolError } from './stomp-frame.js';

/** Heart-beat intervals agreed with one client, in milliseconds; 0 means none. */
export interface HeartBeatAgreement {
  /** How often the server sends an EOL to the client. */
  serverToClientMs: number;
  /** How often the client promised to send something; the server gives up after 2.5 times that of silence. */
  clientToServerMs: number;
  /** The `heart-beat` header value for CONNECTED: what the server can send and wants to receive. */
  header: string;
}

const HEART_BEAT = /^\s*(\d+)\s*,\s*(\d+)\s*$/;

/**
 * Negotiates heart-beats as STOMP 1.2 says: each direction uses the larger of what the sender can do and the
 * receiver wants, and none when either side says 0. A missing header means `0,0`.
 * @param clientHeader the CONNECT frame's `heart-beat` header (`cx,cy`)
 * @param serverMs what the server can send and wants to receive (the emulator uses the same value for both)
 */
export function negotiateHeartBeat(clientHeader: string | undefined, serverMs: number): HeartBeatAgreement {
  const match = HEART_BEAT.exec(clientHeader ?? '0,0');
  if (!match) throw new StompProtocolError(`Malformed heart-beat header "${clientHeader}"`);
  const clientCanSend = Number(match[1]);
  const clientWants = Number(match[2]);
  return {
    serverToClientMs: serverMs && clientWants ? Math.max(serverMs, clientWants) : 0,
    clientToServerMs: serverMs && clientCanSend ? Math.max(serverMs, clientCanSend) : 0,
    header: `${serverMs},${serverMs}`
  };
}
