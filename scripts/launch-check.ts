/**
 * `npm run launch-check [content folder]`: lists everything the partnership has still to
 * confirm before launch (src/lib/launch.ts) and exits 1 while anything is; 0 when nothing is.
 * The day it checks "last checked" dates against is today, or LAUNCH_CHECK_DATE (YYYY-MM-DD).
 */
import path from 'node:path';
import { launchItems, launchReport } from '../src/lib/launch.ts';
import { launchContent } from '../integrations/content-files.ts';

const contentDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'content'));
const today = process.env.LAUNCH_CHECK_DATE ? new Date(`${process.env.LAUNCH_CHECK_DATE}T12:00:00Z`) : new Date();
const items = launchItems(launchContent(contentDir), today);
console.log(launchReport(items));
process.exitCode = items.length ? 1 : 0;
