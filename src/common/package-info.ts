/** What the tool says about itself: its version and where its documentation is. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// fileURLToPath, not URL.pathname: an install path with a space or a Chinese character is
// percent-encoded in the URL and would not be found as a file path
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
};

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;

/**
 * The README a link can point at: the package's web page when package.json names one, else
 * the README this installation carries (a file: URL, which SARIF accepts as an absolute URI).
 */
export const DOCS_URL = pkg.homepage?.split('#')[0] || pathToFileURL(`${PACKAGE_ROOT}README.md`).href;

/** a section of the README by its heading's anchor */
export function docsUrl(anchor: string): string {
  return `${DOCS_URL}#${anchor}`;
}
