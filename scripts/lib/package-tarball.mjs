// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** @type {string | undefined} */
let packed;

/**
 * The package as users get it: `npm pack` of this repository (its `prepack` builds dist/), once per process, into a
 * temporary folder. `OS_WIDGETS_TARBALL` names an existing tarball instead (CI packs once for every suite).
 * @returns {string} the tarball's absolute path
 */
export function packageTarball() {
  if (process.env.OS_WIDGETS_TARBALL) return resolve(process.env.OS_WIDGETS_TARBALL);
  if (packed) return packed;
  const folder = mkdtempSync(join(tmpdir(), 'os-widgets-pack-'));
  const result = spawnSync('npm', ['pack', '--pack-destination', folder, '--silent'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stdout}\n${result.stderr}`);
  const file = readdirSync(folder).find(name => name.endsWith('.tgz'));
  if (!file) throw new Error(`npm pack wrote no tarball into ${folder}`);
  packed = join(folder, file);
  return packed;
}

/**
 * Installs an app the way its users would: `npm ci` from the app's own lock file, then the packed tarball of
 * os-widgets into node_modules with `npm install --no-save` (the lock file never names os-widgets, so a rebuilt
 * tarball does not invalidate it).
 * @param {string} appDir the app's folder (with package.json and package-lock.json)
 * @param {string} tarball from {@link packageTarball}
 */
export function installApp(appDir, tarball) {
  const npm = (/** @type {string[]} */ ...args) => {
    const result = spawnSync('npm', args, { cwd: appDir, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`npm ${args.join(' ')} in ${appDir} failed:\n${result.stdout}\n${result.stderr}`);
  };
  if (!existsSync(join(appDir, 'node_modules'))) mkdirSync(join(appDir, 'node_modules'));
  npm('ci', '--no-audit', '--no-fund', '--prefer-offline');
  npm('install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', tarball);
}
