import path from 'node:path';

/** Where one browser-suite run keeps its data, inside the folder playwright.config.ts chose. */
export function testPaths(runDir: string) {
  return {
    dataDir: path.join(runDir, 'data'),
    cmsRepoDir: path.join(runDir, 'cms-repo'),
    mailDir: path.join(runDir, 'received-mail'),
    serverLog: path.join(runDir, 'server.log'),
  };
}
