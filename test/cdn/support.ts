/** The public surface of the CDN builds (and of `os-widgets`): every runtime export, by name. */
export const PUBLIC_RUNTIME_NAMES = [
  'AuthError',
  'ConnectionState',
  'OsConnectionStatus',
  'OsOrderStatus',
  'OsUserToasts',
  'OsVenueQueue',
  'OsVenueWatch',
  'StompTopicController',
  'configure',
  'deviceCodeSource',
  'getConnection',
  'passwordGrantSource',
  'refreshTokenSource',
  'registerTranslation'
];

/** Runs a classic `<script src>` and resolves once it has run; fails clearly when the build is missing. */
export async function loadClassicScript(src: string): Promise<void> {
  const probe = await fetch(src, { method: 'HEAD' });
  if (!probe.ok) throw new Error(`${src}: HTTP ${probe.status}. Run \`npm run build\` first.`);
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} failed to load`));
    document.head.append(script);
  });
}

/** The text of the current step of an `<os-order-status>`. */
export function currentStep(el: Element): string | undefined {
  return el.shadowRoot?.querySelector('[aria-current="step"]')?.textContent?.trim();
}
