// Build of the Excel add-in: the task pane page and the custom functions, which share one runtime
// (taskpane.html loads both bundles), plus functions.json, the manifest, icons and office.js.
// `webpack --mode production` writes dist/; `webpack serve` serves the same on https://localhost:3000.
// Deployment settings (docs/DEPLOY.md), read from the environment:
//   ADDIN_URL=https://host/path  every manifest URL under that address (a production build);
//                                unset: a local build whose manifest points at the dev server.
//   ADDIN_ID=<guid>              the add-in's id (default: derived from ADDIN_URL).
//   OFFICE_JS=cdn                load office.js from Microsoft's CDN (default: local copy).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { version } = require('./package.json');
const {
  DeploySettingError,
  addinManifest,
  deploymentFromEnv,
} = require('./scripts/addin-manifest.cjs');
const { officeJsFromCdn, officeJsSource } = require('./scripts/office-js-source.cjs');

const DEV_SERVER_PORT = 3000;
// office.js refuses to run when bundled or renamed and loads sibling files (host scripts, strings,
// telemetry, error pages) from its own folder, so the whole folder is served as it is.
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** https options for the dev server: the Office dev certificates when installed, else a self-signed one. */
function httpsServer() {
  const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const found = Object.values(files).every((file) => fs.existsSync(path.join(certDir, file)));
  if (!found) return 'https'; // webpack-dev-server generates and reuses a self-signed certificate
  const options = Object.fromEntries(
    Object.entries(files).map(([key, file]) => [key, fs.readFileSync(path.join(certDir, file))]),
  );
  return { type: 'https', options };
}

/** The deployment settings, or the build stops with one line saying what to set. */
function deploymentSettings(serving) {
  try {
    // The dev server always serves the local manifest, whatever the shell has set.
    const deployment = deploymentFromEnv(serving ? {} : process.env, version);
    return { ...deployment, officeJs: officeJsSource(process.env) };
  } catch (error) {
    if (!(error instanceof DeploySettingError)) throw error;
    console.error(`Build refused: ${error.message}`);
    process.exit(2);
  }
}

/** Rewrites the built taskpane.html to load office.js from Microsoft's CDN. */
class OfficeJsFromCdnPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsFromCdnPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).afterTemplateExecution.tap(
        'OfficeJsFromCdnPlugin',
        (data) => ({ ...data, html: officeJsFromCdn(data.html) }),
      );
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const deployment = deploymentSettings(serving);
  const cdn = deployment.officeJs === 'cdn';
  console.log(
    `${deployment.summary} office.js: ${cdn ? 'Microsoft CDN' : 'local copy in office-js/'}.`,
  );

  return {
    mode: production ? 'production' : 'development',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // functions.js keeps its name: the manifest points at it. The task pane bundle is hashed so
      // Office's cache never serves an old one after an update.
      filename: (pathData) =>
        pathData.chunk.name === 'functions' || !production
          ? '[name].js'
          : '[name].[contenthash:8].js',
      clean: true,
    },
    // Eval-based source maps would need 'unsafe-eval' in the page's CSP; production ships none.
    devtool: production ? false : 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked once by `npm run typecheck`; ES modules let webpack tree-shake
              // Fluent UI (tsconfig emits CommonJS for Node and jest).
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __CAPITAL_PLANNER_VERSION__: JSON.stringify(version) }),
      new CustomFunctionsMetadataPlugin({
        input: './src/functions/functions.ts',
        output: 'functions.json',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: the custom functions register in the task pane's page.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      ...(cdn ? [new OfficeJsFromCdnPlugin()] : []),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              addinManifest(content.toString('utf8'), {
                host: deployment.host,
                id: deployment.id,
                version: deployment.version,
              }),
          },
          { from: 'assets', to: 'assets' },
          // The dev server serves office.js straight from node_modules (see devServer.static); a
          // CDN build ships no copy.
          ...(serving || cdn
            ? []
            : [{ from: OFFICE_JS_DIST, to: 'office-js', info: { minimized: true } }]),
        ],
      }),
    ],
    optimization: { splitChunks: false },
    performance: {
      hints: production ? 'warning' : false,
      // The budget is 400 KB gzipped for the pane (issue 6; measured by npm run bench): about
      // 1 MiB minified. Warn before that is reached rather than on every build.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (asset) => /\.(js|html|json)$/.test(asset) && !asset.startsWith('office-js/'),
    },
    stats: { assets: true, excludeAssets: [/^office-js\//], modules: false, children: false },
    devServer: {
      port: DEV_SERVER_PORT,
      server: httpsServer(),
      // Excel on the web fetches functions.json from its own origin.
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: OFFICE_JS_DIST, publicPath: '/office-js', watch: false }],
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
