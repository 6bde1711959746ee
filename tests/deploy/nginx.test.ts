/**
 * Hosting, proven (issue 17): a production build (ADDIN_URL=https://finance.test:<port>/capital-planner,
 * built into a temporary folder) served by Debian's nginx through the guide's own configuration,
 * docs/deploy/nginx-capital-planner.conf (only its `SITE:` lines replaced), over https with a
 * self-signed certificate made here. Chromium (host name mapped to 127.0.0.1) loads the task pane,
 * functions.js and functions.json through it and the test checks every header the guide promises,
 * that every URL in the served manifest answers, and that an upgrade is seen at once (no stale
 * functions.json or taskpane.html from the browser's cache). nginx runs in the foreground in a
 * temporary prefix and is stopped at the end.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';

const ROOT = resolve(__dirname, '../..');
const GUIDE_CONFIG = join(ROOT, 'docs/deploy/nginx-capital-planner.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const HOST = 'finance.test';
const FOLDER = 'capital-planner';

const openssl = spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).stdout.trim();
const ready = existsSync(NGINX) && existsSync(CHROMIUM) && openssl !== '';
// CI installs nginx and Chromium first (.ci/run): there a missing one is a failure, not a skip.
if (!ready && process.env.CI) {
  throw new Error(`the hosting test needs ${NGINX}, ${CHROMIUM} and openssl`);
}

/** A free loopback port (asked of the OS, then released for nginx). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port: number, nginx: ChildProcess, log: () => string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (nginx.exitCode !== null) throw new Error(`nginx stopped: ${log()}`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (open) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`nginx did not listen on ${port}: ${log()}`);
}

/**
 * The guide's configuration with its `SITE:` lines set for this test; each must be found exactly
 * once, so a guide that changes shape fails here rather than being tested half-way.
 */
export function siteConfig(
  guide: string,
  site: { port: number; certificate: string; key: string; root: string },
): string {
  const replacements: [RegExp, string][] = [
    [/^(\s*)listen .*# SITE:.*$/m, `$1listen 127.0.0.1:${site.port} ssl;`],
    [/^(\s*)server_name .*# SITE:.*$/m, `$1server_name ${HOST};`],
    [/^(\s*)ssl_certificate .*# SITE:.*$/m, `$1ssl_certificate ${site.certificate};`],
    [/^(\s*)ssl_certificate_key .*# SITE:.*$/m, `$1ssl_certificate_key ${site.key};`],
    [/^(\s*)root .*# SITE:.*$/m, `$1root ${site.root};`],
  ];
  return replacements.reduce((config, [line, replacement]) => {
    const global = new RegExp(line.source, 'gm');
    const found = config.match(global)?.length ?? 0;
    if (found !== 1) throw new Error(`guide: expected one line like ${line}, found ${found}`);
    return config.replace(line, replacement);
  }, guide);
}

/** The value of the task pane's Content-Security-Policy meta element. */
function metaPolicy(html: string): string | undefined {
  const meta = (html.match(/<meta\b[^>]*>/gi) ?? []).find((tag) =>
    /http-equiv=["']?Content-Security-Policy/i.test(tag),
  );
  return meta ? /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta)?.slice(1).find(Boolean) : undefined;
}

(ready ? describe : describe.skip)(
  "the add-in served by nginx with the guide's configuration",
  () => {
    let work: string;
    let site: string;
    let base: string;
    let port: number;
    let nginx: ChildProcess | undefined;
    let nginxLog = '';
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const responses = new Map<string, { status: number; headers: Record<string, string> }>();

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'capital-planner-nginx-'));
      // nginx's workers run as an unprivileged user when the test runs as root: they must read it.
      chmodSync(work, 0o755);
      site = join(work, 'www', FOLDER);
      port = await freePort();
      base = `https://${HOST}:${port}/${FOLDER}`;

      // The production build, exactly as the guide says to make it.
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
          '--mode',
          'production',
          '--output-path',
          site,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, ADDIN_URL: base, ADDIN_ID: '', OFFICE_JS: '' },
          stdio: 'pipe',
        },
      );

      execFileSync(
        openssl,
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          `/CN=${HOST}`,
          '-addext',
          `subjectAltName=DNS:${HOST}`,
          '-keyout',
          join(work, 'site.key'),
          '-out',
          join(work, 'site.crt'),
        ],
        { stdio: 'pipe' },
      );

      writeFileSync(
        join(work, 'capital-planner.conf'),
        siteConfig(readFileSync(GUIDE_CONFIG, 'utf8'), {
          port,
          certificate: join(work, 'site.crt'),
          key: join(work, 'site.key'),
          root: join(work, 'www'),
        }),
      );
      mkdirSync(join(work, 'temp'));
      const temp = (name: string) => `${name} ${join(work, 'temp', name)};`;
      writeFileSync(
        join(work, 'nginx.conf'),
        [
          'daemon off;',
          'worker_processes 1;',
          `pid ${join(work, 'nginx.pid')};`,
          `error_log ${join(work, 'error.log')} warn;`,
          'events { worker_connections 64; }',
          'http {',
          `  access_log ${join(work, 'access.log')};`,
          ...[
            'client_body_temp_path',
            'proxy_temp_path',
            'fastcgi_temp_path',
            'uwsgi_temp_path',
            'scgi_temp_path',
          ].map((name) => `  ${temp(name)}`),
          `  include ${join(work, 'capital-planner.conf')};`,
          '}',
        ].join('\n'),
      );
      const args = [
        '-p',
        `${work}/`,
        '-e',
        join(work, 'error.log'),
        '-c',
        join(work, 'nginx.conf'),
      ];
      execFileSync(NGINX, [...args, '-t', '-q'], { stdio: 'pipe' });
      nginx = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      nginx.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()));
      const errorLog = () =>
        nginxLog +
        (existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '');
      await waitForPort(port, nginx, errorLog);

      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          ...CHROMIUM_ARGS,
          '--ignore-certificate-errors',
          `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
        ],
      });
      context = await browser.newContext({ serviceWorkers: 'block' });
      page = await context.newPage();
      page.on('response', (response) => {
        const url = response.url();
        if (url.startsWith(base)) {
          responses.set(url.slice(base.length + 1), {
            status: response.status(),
            headers: response.headers(),
          });
        }
      });
      await page.goto(`${base}/taskpane.html`);
      // Outside Office the pane renders its message: every script it needs has loaded.
      await page.locator('#root .fui-FluentProvider').waitFor({ timeout: 30_000 });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      if (nginx && nginx.exitCode === null) {
        const stopped = new Promise((done) => nginx?.once('exit', done));
        nginx.kill('SIGQUIT'); // graceful stop of master and workers
        await stopped;
      }
      if (work) rmSync(work, { recursive: true, force: true });
    }, 30_000);

    /** What Chromium got for a file under the add-in's folder, loaded by the pane or opened here. */
    async function served(
      file: string,
    ): Promise<{ status: number; headers: Record<string, string> }> {
      if (!responses.has(file)) {
        const response = await (await context.newPage()).goto(`${base}/${file}`);
        if (!response) throw new Error(`no response for ${file}`);
        responses.set(file, { status: response.status(), headers: response.headers() });
      }
      return responses.get(file)!;
    }

    it('serves the task pane, its bundles and office.js over https, all 200', async () => {
      const hashed = [...responses.keys()].filter((file) =>
        /^taskpane\.[0-9a-f]{8}\.js$/.test(file),
      );
      expect(hashed).toHaveLength(1);
      for (const file of ['taskpane.html', 'functions.js', hashed[0], 'office-js/office.js']) {
        expect([file, (await served(file)).status]).toEqual([file, 200]);
      }
    });

    it.each([
      ['taskpane.html', 'text/html; charset=utf-8'],
      ['functions.js', 'text/javascript; charset=utf-8'],
      ['functions.json', 'application/json; charset=utf-8'],
      ['manifest.xml', 'application/xml; charset=utf-8'],
      ['assets/icon-32.png', 'image/png'],
    ])('sends %s as %s, never sniffed', async (file, type) => {
      const { status, headers } = await served(file);
      expect(status).toBe(200);
      expect(headers['content-type']).toBe(type);
      expect(headers['x-content-type-options']).toBe('nosniff');
    });

    it.each([
      'taskpane.html',
      'functions.js',
      'functions.json',
      'manifest.xml',
      'office-js/office.js',
    ])('makes the browser revalidate %s on every use (no-cache, with an ETag)', async (file) => {
      const { headers } = await served(file);
      expect(headers['cache-control']).toBe('no-cache');
      expect(headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    });

    it('lets the content-hashed task pane bundle be kept for a year', async () => {
      const hashed = [...responses.keys()].find((file) =>
        /^taskpane\.[0-9a-f]{8}\.js$/.test(file),
      )!;
      expect((await served(hashed)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    });

    it("sends the pane's own Content-Security-Policy as a header, with the security headers", async () => {
      const { headers } = await served('taskpane.html');
      const html = readFileSync(join(site, 'taskpane.html'), 'utf8');
      expect(metaPolicy(html)).toBeDefined();
      expect(headers['content-security-policy']).toBe(metaPolicy(html));
      expect(headers['strict-transport-security']).toBe('max-age=31536000');
      expect(headers['referrer-policy']).toBe('no-referrer');
      // Excel on the web frames the pane: nothing may forbid that.
      expect(headers['x-frame-options']).toBeUndefined();
      expect(headers['content-security-policy']).not.toContain('frame-ancestors');
    });

    it('lets Excel on the web fetch functions.json and functions.js from its own origin', async () => {
      for (const file of ['functions.json', 'functions.js']) {
        expect([file, (await served(file)).headers['access-control-allow-origin']]).toEqual([
          file,
          '*',
        ]);
      }
      const metadata = (await page.evaluate(() =>
        fetch('functions.json').then((r) => r.json()),
      )) as {
        functions: unknown[];
      };
      expect(metadata.functions.length).toBeGreaterThan(10);
    });

    it('serves a manifest whose every URL is on this host and answers 200', async () => {
      const manifest = await page.evaluate(() => fetch('manifest.xml').then((r) => r.text()));
      const urls = [
        ...new Set([...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1])),
      ];
      expect(manifest).not.toContain('localhost');
      expect(urls.length).toBeGreaterThanOrEqual(7); // four icons, page, script, metadata
      for (const url of urls) {
        expect(url.startsWith(`${base}/`)).toBe(true);
        expect([url, (await served(url.slice(base.length + 1))).status]).toEqual([url, 200]);
      }
    });

    it('lists no folders and answers 404 for what is not there', async () => {
      expect((await served('assets/')).status).toBe(403);
      expect((await served('no-such-file.js')).status).toBe(404);
    });

    it('shows an upgrade at once: a new functions.json and taskpane.html, never the cached one', async () => {
      const fetchText = (file: string) =>
        page.evaluate((path) => fetch(path).then((r) => r.text()), file);
      for (const file of ['functions.json', 'taskpane.html']) {
        const before = await fetchText(file);
        expect(await fetchText(file)).toBe(before); // now in the browser's cache
        const upgraded = file.endsWith('.json')
          ? JSON.stringify({ ...JSON.parse(before), upgraded: true })
          : before.replace('</body>', '<!-- upgraded --></body>');
        writeFileSync(join(site, file), upgraded);
        expect([file, await fetchText(file)]).toEqual([file, upgraded]);
      }
    });

    it('answers a revalidation of an unchanged file with 304 Not Modified', async () => {
      const { headers } = await served('functions.js');
      const status = await new Promise<number | undefined>((done, fail) => {
        request(
          {
            host: '127.0.0.1',
            port,
            servername: HOST,
            path: `/${FOLDER}/functions.js`,
            headers: { host: `${HOST}:${port}`, 'if-none-match': headers.etag },
            rejectUnauthorized: false, // the certificate made above
          },
          (response) => {
            response.resume();
            done(response.statusCode);
          },
        )
          .on('error', fail)
          .end();
      });
      expect(status).toBe(304);
    });
  },
);
