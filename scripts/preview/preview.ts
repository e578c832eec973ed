/**
 * `npm run preview`: builds the browser preview of the portal and record-page components
 * and serves it on 127.0.0.1 until interrupted.
 */
import { Command } from 'commander';
import { PROJECT_ROOT } from '../lib/project';
import { buildPreview, DEFAULT_OUT_DIR, PreviewBuildError } from './build';
import { startPreviewServer } from './server';

interface Options {
  port: string;
  out: string;
  asOf?: string;
}

async function main(options: Options): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${options.port} is not a port number`);
  }
  console.log('Building the preview…');
  const build = await buildPreview({ root: PROJECT_ROOT, outDir: options.out, dataset: { asOf: options.asOf } });
  console.log(
    `Built ${build.pages.length} page(s) from ${build.components.length} component(s) in ${build.seconds.toFixed(1)}s into ${build.outDir}`,
  );
  build.warnings.forEach((w) => console.warn(`warning: ${w}`));
  build.problems.forEach((p) => console.warn(`left out ${p.component}: ${p.message}`));
  if (build.unplaced.length > 0) {
    console.warn(`No preview page yet for: ${build.unplaced.join(', ')} (add one in scripts/preview/pages.ts)`);
  }
  const server = await startPreviewServer({ dir: build.outDir, port, root: PROJECT_ROOT });
  console.log(`\nPreview on ${server.url}/ (demo data as of ${build.dataset.asOf})`);
  for (const page of build.pages) {
    console.log(`  ${page.audience.padEnd(8)} ${page.title.padEnd(28)} ${server.url}/?page=${page.id}`);
  }
  console.log('\nCtrl-C stops the server.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

new Command('preview')
  .description('Build and serve the LWC preview (portal and record pages) on 127.0.0.1.')
  .option('--port <port>', 'port to listen on (0 picks a free one)', '8765')
  .option('--out <dir>', 'build output folder', DEFAULT_OUT_DIR)
  .option('--as-of <datetime>', "the demo data's now (ISO datetime); default: the current hour")
  .action((options: Options) =>
    main(options).catch((error: unknown) => {
      console.error(error instanceof PreviewBuildError ? error.message : error);
      process.exitCode = 1;
    }),
  )
  .parse();
