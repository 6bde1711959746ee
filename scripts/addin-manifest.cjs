// The add-in manifest for the host a council serves dist/ from (issue 17). Pure: text in, text
// out, no files or environment read here, so tests/deploy/addinManifest.test.ts covers every rule
// and webpack.config.js only wires it in.
//
// manifest.xml in the repository is the local (development) manifest: every URL is on
// https://localhost:3000. A production build moves every one of them under ADDIN_URL, gives the
// add-in an id of its own (derived from ADDIN_URL unless ADDIN_ID is set) and takes the version
// from package.json.
'use strict';

const { URL } = require('node:url');

const { createHash } = require('node:crypto');

/** Where the local manifest points: the dev server (webpack.config.js, DEV_SERVER_PORT). */
const DEV_ORIGIN = 'https://localhost:3000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE = 'ADDIN_URL=https://finance.example.gov.uk/capital-planner';

/** A deployment setting that cannot be used; the message says what to set instead. */
class DeploySettingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DeploySettingError';
  }
}

function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

/**
 * Reads ADDIN_URL: the https address dist/ will be served from (origin and optional path).
 * Returns undefined when it is not set (a local build). Refuses http:, localhost and loopback
 * addresses, credentials, queries and fragments, each with a message that says what to set.
 *
 * @example
 * addinBase('https://finance.example.gov.uk/capital-planner/');
 * // { base: 'https://finance.example.gov.uk/capital-planner', origin: 'https://finance.example.gov.uk' }
 */
function addinBase(addinUrl) {
  if (addinUrl === undefined || addinUrl.trim() === '') return undefined;
  const text = addinUrl.trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new DeploySettingError(
      `ADDIN_URL "${text}" is not a web address. Set it to the https address dist/ will be served from, e.g. ${EXAMPLE}`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new DeploySettingError(
      `ADDIN_URL "${text}" uses ${url.protocol.replace(':', '')}: Office loads add-ins only over https. ` +
        `Serve dist/ over https and set e.g. ${EXAMPLE}`,
    );
  }
  if (isLoopbackHost(url.hostname)) {
    throw new DeploySettingError(
      `ADDIN_URL "${text}" is this computer (${url.hostname}): other people's Excel cannot reach it. ` +
        `Set the council's own https host, e.g. ${EXAMPLE}, or leave ADDIN_URL unset for a local build.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DeploySettingError(
      `ADDIN_URL "${text}" has a user name, password, query or #fragment; give only the https origin and folder, e.g. ${EXAMPLE}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { base: `${url.origin}${path}`, origin: url.origin };
}

/**
 * The add-in's id for a deployment: ADDIN_ID when given (a GUID), else one derived from the base
 * address, so the same address always gives the same id (upgrades replace the add-in) and two
 * councils' addresses never share one. Name-based UUID (version 5 layout, SHA-1, RFC 4122 s4.3).
 *
 * @example
 * addinId('https://finance.example.gov.uk/capital-planner'); // the same GUID on every build
 * addinId('https://x.example', 'a2c3e7d0-5b1f-4c7e-9a55-0d7c1e9f4b21'); // the given one
 */
function addinId(base, override) {
  if (override !== undefined && override.trim() !== '') {
    const id = override.trim();
    if (!GUID.test(id)) {
      throw new DeploySettingError(
        `ADDIN_ID "${id}" is not a GUID. Set it to one like a2c3e7d0-5b1f-4c7e-9a55-0d7c1e9f4b21 ` +
          '(PowerShell: [guid]::NewGuid(); Linux: cat /proc/sys/kernel/random/uuid), or leave it unset.',
      );
    }
    return id.toLowerCase();
  }
  const bytes = createHash('sha1').update(`capital-planner ${base}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The manifest's four-part version from package.json's version (Office wants n.n.n.n).
 *
 * @example
 * manifestVersion('1.4.2'); // '1.4.2.0'
 */
function manifestVersion(packageVersion) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion);
  if (!match) {
    throw new DeploySettingError(
      `package.json version "${packageVersion}" cannot be a manifest version (Office needs four numbers, n.n.n.n). ` +
        'Use a plain major.minor.patch version such as 1.4.2.',
    );
  }
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function replaceOnce(xml, pattern, replacement, what) {
  if (!pattern.test(xml)) throw new Error(`manifest.xml has no ${what} to set`);
  return xml.replace(pattern, replacement);
}

/**
 * The manifest for one build. `host` undefined keeps every URL on the dev server (a local
 * build); otherwise every URL moves under `host.base` and AppDomain becomes `host.origin` (an
 * AppDomain is an origin, never a path). Id and Version are set when given.
 *
 * @example
 * addinManifest(xml, {
 *   host: addinBase('https://finance.example.gov.uk/capital-planner'),
 *   id: addinId('https://finance.example.gov.uk/capital-planner'),
 *   version: manifestVersion('0.1.0'),
 * });
 */
function addinManifest(xml, { host, id, version } = {}) {
  let out = xml;
  if (id !== undefined)
    out = replaceOnce(out, /<Id>[^<]*<\/Id>/, `<Id>${escapeXml(id)}</Id>`, '<Id>');
  if (version !== undefined) {
    out = replaceOnce(
      out,
      /<Version>[^<]*<\/Version>/,
      `<Version>${escapeXml(version)}</Version>`,
      '<Version>',
    );
  }
  if (host === undefined) return out;
  out = out
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${escapeXml(host.origin)}</AppDomain>`)
    .split(`${DEV_ORIGIN}/`)
    .join(`${escapeXml(host.base)}/`);
  // Anything still on the dev server (a URL written another way) would reach no one: refuse.
  const left = out.match(/https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/g);
  if (left) throw new Error(`manifest.xml: ${left.join(', ')} not moved to ${host.base}`);
  return out;
}

/**
 * Everything the build needs from the environment, in one place: `{ host, id, version, summary }`.
 * `summary` is the one line the build prints.
 *
 * @example
 * deploymentFromEnv({ ADDIN_URL: 'https://finance.example.gov.uk/capital-planner' }, '0.1.0');
 */
function deploymentFromEnv(env, packageVersion) {
  const host = addinBase(env.ADDIN_URL);
  const version = manifestVersion(packageVersion);
  if (host === undefined) {
    if (env.ADDIN_ID) {
      throw new DeploySettingError(
        'ADDIN_ID is set without ADDIN_URL: set ADDIN_URL to the https address dist/ will be served from, or unset ADDIN_ID.',
      );
    }
    return {
      host,
      id: undefined,
      version,
      summary: `Local build: manifest.xml points at ${DEV_ORIGIN} (set ADDIN_URL=https://your-host/path for a production build).`,
    };
  }
  const id = addinId(host.base, env.ADDIN_ID);
  return {
    host,
    id,
    version,
    summary: `Production build: manifest.xml points at ${host.base}/ (add-in id ${id}, version ${version}).`,
  };
}

module.exports = {
  DEV_ORIGIN,
  DeploySettingError,
  addinBase,
  addinId,
  addinManifest,
  deploymentFromEnv,
  manifestVersion,
};
