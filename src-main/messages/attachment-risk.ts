import { WrenError } from '../errors/wren-error';

/**
 * Whether opening an attachment could run a program rather than show a document.
 *
 * "Open" hands the file to the operating system, which launches whatever is registered for its
 * extension: for a program or a script that is running code a stranger sent. Thunderbird asks first
 * and Gmail refuses these outright; Wren refuses to open them and lets the user save the file, so
 * running it is a deliberate act outside the mail client. The list is the file kinds the three
 * desktops launch as code (Windows' executable and script hosts, macOS bundles and installers, Linux
 * launchers and packages), with Office macro formats left out: they open in a viewer that asks.
 */
const RUNNABLE_EXTENSIONS = new Set([
  // Windows programs, installers, shortcuts and script hosts
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'bat', 'cmd', 'vb', 'vbs', 'vbe', 'js', 'jse',
  'ws', 'wsf', 'wsc', 'wsh', 'ps1', 'ps1xml', 'ps2', 'psc1', 'psm1', 'hta', 'lnk', 'url', 'reg', 'inf', 'scf',
  'application', 'appref-ms', 'gadget', 'msix', 'msixbundle', 'appx', 'appxbundle', 'diagcab', 'settingcontent-ms',
  'library-ms', 'chm', 'hlp', 'iso', 'img', 'vhd', 'vhdx',
  // Java and cross-platform runtimes
  'jar', 'jnlp', 'class',
  // macOS applications, installers and scripts
  'app', 'command', 'tool', 'pkg', 'mpkg', 'dmg', 'scpt', 'scptd', 'applescript', 'workflow', 'terminal',
  'webloc', 'inetloc', 'fileloc',
  // Linux launchers, scripts and packages
  'desktop', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'run', 'bin', 'appimage', 'deb', 'rpm', 'snap', 'flatpakref',
  'py', 'pyw', 'pl', 'rb', 'elf', 'out',
]);

/** The same, by declared type: a runnable file may come without a telling name. */
const RUNNABLE_TYPES = new Set([
  'application/x-msdownload', 'application/x-msdos-program', 'application/x-ms-installer', 'application/x-msi',
  'application/vnd.microsoft.portable-executable', 'application/x-dosexec', 'application/x-executable',
  'application/x-sharedlib', 'application/x-elf', 'application/x-mach-binary', 'application/x-sh',
  'application/x-shellscript', 'text/x-shellscript', 'application/x-bat', 'application/x-msdos-batch',
  'application/x-desktop', 'application/x-appimage', 'application/vnd.debian.binary-package', 'application/x-rpm',
  'application/java-archive', 'application/x-java-jnlp-file', 'application/hta', 'application/x-ms-shortcut',
  'application/javascript', 'text/javascript', 'application/x-javascript', 'text/vbscript', 'application/x-apple-diskimage',
]);

/** Refuses to open what the OS would run (the user may still save it), before anything is downloaded. */
export function assertOpenable(filename: string, contentType: string): void {
  if (!mayRunCode(filename, contentType)) return;
  throw new WrenError('AttachmentMayRun', `${filename} (${contentType}) could run a program: save it instead of opening it.`, { filename });
}

/** True when the file (by its name as saved, and its declared type) is one the OS would run, not show. */
export function mayRunCode(filename: string, contentType: string): boolean {
  // Windows drops trailing dots and spaces ("invoice.exe." runs as invoice.exe); safeFileName has already,
  // but the rule holds for any caller.
  const name = filename.trim().replace(/[. ]+$/, '').toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1) : '';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return RUNNABLE_EXTENSIONS.has(extension) || RUNNABLE_TYPES.has(type);
}
