/**
 * The hosting examples in docs/deploy/ promise the same things (docs/DEPLOY.md section 2). The
 * nginx one is served for real by nginx.test.ts; the IIS web.config cannot run here, so this
 * checks its promises statically against the same sources of truth: the task pane's policy and
 * the types and cache rules the guide lists.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The policy in the task pane's <meta http-equiv="Content-Security-Policy">. */
const PANE_POLICY = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  read('src/taskpane/taskpane.html'),
)?.[1];

type Node = Record<string, unknown>;
const asList = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];

describe('docs/deploy/web.config (IIS)', () => {
  const config = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
    read('docs/deploy/web.config'),
  ) as { configuration: { 'system.webServer': Node } };
  const server = config.configuration['system.webServer'];
  const staticContent = server.staticContent as Node;
  const headers = asList(
    (server.httpProtocol as Node).customHeaders &&
      ((server.httpProtocol as Node).customHeaders as Node).add,
  );

  it("sends the task pane's own Content-Security-Policy", () => {
    expect(PANE_POLICY).toBeDefined();
    expect(headers.find((h) => h.name === 'Content-Security-Policy')?.value).toBe(PANE_POLICY);
  });

  it('sends the security headers of the nginx example, and never X-Frame-Options', () => {
    const value = (name: string) => headers.find((h) => h.name === name)?.value;
    expect(value('X-Content-Type-Options')).toBe('nosniff');
    expect(value('Referrer-Policy')).toBe('no-referrer');
    expect(value('Strict-Transport-Security')).toBe('max-age=31536000');
    expect(value('Access-Control-Allow-Origin')).toBe('*');
    expect(value('X-Frame-Options')).toBeUndefined();
    expect(asList(((server.httpProtocol as Node).customHeaders as Node).remove)).toEqual([
      { name: 'X-Frame-Options' },
    ]);
  });

  it('maps every type the build ships, .json as application/json, each removed first', () => {
    const maps = Object.fromEntries(
      asList(staticContent.mimeMap).map((m) => [m.fileExtension, m.mimeType]),
    );
    expect(maps).toMatchObject({
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.json': 'application/json; charset=utf-8',
      '.xml': 'application/xml; charset=utf-8',
      '.png': 'image/png',
    });
    expect(
      asList(staticContent.remove)
        .map((r) => r.fileExtension)
        .sort(),
    ).toEqual(Object.keys(maps).sort());
  });

  it('makes every file revalidate (Cache-Control: no-cache) and lists no folders', () => {
    expect(staticContent.clientCache).toEqual({ cacheControlMode: 'DisableCache' });
    expect(server.directoryBrowse).toEqual({ enabled: 'false' });
  });
});

describe('docs/deploy/nginx-capital-planner.conf', () => {
  const config = read('docs/deploy/nginx-capital-planner.conf');

  it("sends the task pane's own Content-Security-Policy", () => {
    expect(/add_header Content-Security-Policy "([^"]+)" always;/.exec(config)?.[1]).toBe(
      PANE_POLICY,
    );
  });

  it('sets no X-Frame-Options and no frame-ancestors (Excel on the web frames the pane)', () => {
    expect(config).not.toMatch(/^\s*add_header X-Frame-Options/im);
    const headerLines = config.split('\n').filter((line) => /^\s*add_header/.test(line));
    expect(headerLines.length).toBeGreaterThan(4);
    expect(headerLines.filter((line) => /frame-ancestors/.test(line))).toEqual([]);
  });
});
