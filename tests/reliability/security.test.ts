/**
 * Security, checked statically (issue 7): no code that turns text into code or markup, a strict
 * Content-Security-Policy on the task pane, the least manifest permission over https only, and
 * every dependency pinned to an exact version. The browser half (nothing leaves the machine) is
 * security.browser.test.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeJs = require('../../scripts/office-js-source.cjs') as {
  OFFICE_JS_CDN_URL: string;
  OFFICE_JS_CDN_ORIGIN: string;
  officeJsFromCdn(html: string): string;
};

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found;
}

/** Code that runs text as code or writes text as markup. */
const FORBIDDEN: readonly { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /(^|[^\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /new\s+Function\s*\(/ },
  { name: 'Function constructor call', pattern: /(^|[^\w$.])Function\s*\(\s*['"`]/ },
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'innerHTML =', pattern: /\.(inner|outer)HTML\s*\+?=/ },
  { name: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
  { name: 'document.write', pattern: /document\.write(ln)?\s*\(/ },
  { name: 'string timer', pattern: /set(Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'javascript: URL', pattern: /['"`]javascript:/i },
];

/** The value of an attribute in one tag, quoted or not (the build minifies HTML). */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function contentSecurityPolicy(html: string): Map<string, string[]> {
  const meta = (html.match(/<meta\b[^>]*>/gi) ?? []).find(
    (tag) => attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const policy = meta && attribute(meta, 'content');
  if (!policy) throw new Error('no Content-Security-Policy meta element');
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Checks the pane's policy. `officeJsFromCdn`: the OFFICE_JS=cdn build, whose only difference
 * allowed is office.js from Microsoft's CDN: that one origin in script-src, that one script URL.
 */
function expectStrictPolicy(html: string, { officeJsFromCdn = false } = {}): void {
  const csp = contentSecurityPolicy(html);
  const cdnScripts = officeJsFromCdn ? [officeJs.OFFICE_JS_CDN_ORIGIN] : [];
  expect(csp.get('default-src')).toEqual(["'self'"]);
  // Scripts only from this origin (and the CDN when chosen): script-src if given, else default-src.
  expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'self'", ...cdnScripts]);
  for (const [directive, sources] of csp) {
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources).not.toContain('*');
    for (const source of sources) {
      if (directive === 'script-src' && cdnScripts.includes(source)) continue;
      expect(source).not.toMatch(/^(https?:|\*\.|blob:|filesystem:)/);
    }
  }
  // data: only for images and fonts (inline icons): never for scripts, frames or requests.
  for (const [directive, sources] of csp) {
    if (directive !== 'img-src' && directive !== 'font-src') expect(sources).not.toContain('data:');
  }
  // Where requests and frames may go: only here (or the default, which is 'self').
  for (const directive of ['connect-src', 'frame-src', 'child-src', 'form-action', 'base-uri']) {
    const sources = csp.get(directive);
    if (sources) expect(sources).toEqual(["'self'"]);
  }
  expect(csp.get('object-src')).toEqual(["'none'"]);
  // No inline script: every <script> has a src on this origin.
  const scripts = (html.match(/<script\b[^>]*>/gi) ?? []).map((tag) => attribute(tag, 'src'));
  if (officeJsFromCdn) {
    expect(scripts[0]).toBe(officeJs.OFFICE_JS_CDN_URL);
    expect(scripts).not.toContain('office-js/office.js');
  }
  for (const src of officeJsFromCdn ? scripts.slice(1) : scripts) {
    expect(src).toBeDefined();
    expect(src).not.toMatch(/^(https?:|\/\/|data:|blob:)/i);
  }
}

describe('no code from text, no markup from text', () => {
  const sources = filesUnder(join(ROOT, 'src'), (path) => /\.(ts|tsx|js|cjs|mjs|html)$/.test(path));

  it('scans every source file', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN.map((rule) => [rule.name, rule.pattern] as const))(
    'has no %s anywhere in src/',
    (_name, pattern) => {
      const hits = sources.flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => pattern.test(line) && !/^\s*(\/\/|\*)/.test(line))
          .map(({ index }) => `${relative(ROOT, path)}:${index + 1}`),
      );
      expect(hits).toEqual([]);
    },
  );

  it('catches the patterns it looks for (the scanner is not blind)', () => {
    const samples: [string, string][] = [
      ['eval(', 'const x = eval(text);'],
      ['new Function', 'const f = new Function("a", body);'],
      ['Function constructor call', 'Function("return this")'],
      ['dangerouslySetInnerHTML', '<div dangerouslySetInnerHTML={{ __html: t }} />'],
      ['innerHTML =', 'node.innerHTML = text;'],
      ['innerHTML =', 'node.outerHTML += text;'],
      ['insertAdjacentHTML', 'el.insertAdjacentHTML("beforeend", t)'],
      ['document.write', 'document.write(t)'],
      ['string timer', "setTimeout('alert(1)', 0)"],
      ['javascript: URL', "href='javascript:alert(1)'"],
    ];
    for (const [name, sample] of samples) {
      expect([name, FORBIDDEN.find((rule) => rule.name === name)?.pattern.test(sample)]).toEqual([
        name,
        true,
      ]);
    }
    expect(new Set(samples.map(([name]) => name)).size).toBe(FORBIDDEN.length);
    expect(FORBIDDEN[0].pattern.test('const medieval(x)')).toBe(false);
  });
});

describe('Content-Security-Policy of the task pane', () => {
  it('is strict in src/taskpane/taskpane.html', () => {
    expectStrictPolicy(readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8'));
  });

  const built = join(ROOT, 'dist/taskpane.html');
  (existsSync(built) ? it : it.skip)('is still strict in the built dist/taskpane.html', () => {
    const html = readFileSync(built, 'utf8');
    // dist/ may be an OFFICE_JS=cdn build: then the CDN variant's policy applies.
    expectStrictPolicy(html, { officeJsFromCdn: html.includes(officeJs.OFFICE_JS_CDN_URL) });
  });

  describe('with office.js from the CDN (OFFICE_JS=cdn)', () => {
    const source = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    const cdnPage = officeJs.officeJsFromCdn(source);

    it("allows scripts from Microsoft's CDN origin and nowhere else new", () => {
      expectStrictPolicy(cdnPage, { officeJsFromCdn: true });
      // Every other directive is exactly as in the local page.
      const local = contentSecurityPolicy(source);
      const cdn = contentSecurityPolicy(cdnPage);
      local.set('script-src', [...(local.get('script-src') ?? []), officeJs.OFFICE_JS_CDN_ORIGIN]);
      expect(cdn).toEqual(local);
    });

    it("is refused by the local page's check, and a CDN page with another script is refused", () => {
      expect(() => expectStrictPolicy(cdnPage)).toThrow();
      expect(() =>
        expectStrictPolicy(
          cdnPage.replace('</head>', '<script src="https://example.org/x.js"></script></head>'),
          { officeJsFromCdn: true },
        ),
      ).toThrow();
      expect(() =>
        expectStrictPolicy(
          cdnPage.replace(
            'https://appsforoffice.microsoft.com;',
            'https://appsforoffice.microsoft.com https://example.org;',
          ),
          { officeJsFromCdn: true },
        ),
      ).toThrow();
    });
  });

  it('recognises a weak policy (the checker can fail)', () => {
    const weak = (policy: string) =>
      `<meta http-equiv="Content-Security-Policy" content="${policy}" /><script src="a.js"></script>`;
    expect(() =>
      expectStrictPolicy(weak("default-src 'self'; script-src 'self' 'unsafe-eval'")),
    ).toThrow();
    expect(() =>
      expectStrictPolicy(weak("default-src 'self'; connect-src https://example.com")),
    ).toThrow();
    expect(() => expectStrictPolicy(weak('default-src *'))).toThrow();
    expect(() =>
      expectStrictPolicy(
        `${weak("default-src 'self'; object-src 'none'")}<script>alert(1)</script>`,
      ),
    ).toThrow();
    expect(() => expectStrictPolicy(weak("default-src 'self'; object-src 'none'"))).not.toThrow();
  });
});

describe('manifest', () => {
  const manifests = ['manifest.xml', 'dist/manifest.xml'].filter((path) =>
    existsSync(join(ROOT, path)),
  );

  function urlsIn(node: unknown, found: string[] = []): string[] {
    if (typeof node === 'string') {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.trim())) found.push(node.trim());
    } else if (Array.isArray(node)) {
      for (const child of node) urlsIn(child, found);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // Namespace names are identifiers, never fetched.
        if (key.startsWith('@_xmlns')) continue;
        urlsIn(value, found);
      }
    }
    return found;
  }

  it.each(manifests)('%s asks for ReadWriteDocument, the least permission that works', (path) => {
    const xml = readFileSync(join(ROOT, path), 'utf8');
    const permissions = xml.match(/<Permissions>([^<]*)<\/Permissions>/g) ?? [];
    expect(permissions).toEqual(['<Permissions>ReadWriteDocument</Permissions>']);
  });

  it.each(manifests)('%s uses https for every URL', (path) => {
    const parsed: unknown = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(join(ROOT, path), 'utf8'),
    );
    const urls = urlsIn(parsed);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
  });
});

describe('dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

  it.each(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'])(
    'pins every entry of %s to an exact version',
    (field) => {
      const entries = Object.entries(manifest[field] ?? {});
      expect(entries.filter(([, version]) => !EXACT.test(version))).toEqual([]);
    },
  );

  it('would reject a range (the pattern can fail)', () => {
    for (const range of ['^1.2.3', '~1.2.3', '>=1', '*', 'latest', '1.x', 'github:a/b', '']) {
      expect(EXACT.test(range)).toBe(false);
    }
  });

  it('has a lock file that matches package.json', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<
        string,
        {
          version?: string;
          dependencies?: Record<string, string>;
          devDependencies?: Record<string, string>;
        }
      >;
    };
    const root = lock.packages[''];
    expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
      expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
    }
  });
});
