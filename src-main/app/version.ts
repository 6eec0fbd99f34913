// Bundled by esbuild from package.json, so the version is the one that was built.
import pkg from '../../package.json';

export const APP_VERSION: string = pkg.version;
