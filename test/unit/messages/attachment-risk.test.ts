import { describe, expect, it } from 'vitest';
import { assertOpenable, mayRunCode } from '../../../src-main/messages/attachment-risk';

describe('mayRunCode', () => {
  it('lets documents, images and text be opened, Chinese names included', () => {
    for (const [name, type] of [['report.pdf', 'application/pdf'], ['照片.JPG', 'image/jpeg'], ['纪要.txt', 'text/plain; charset=gbk'],
      ['budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ['archive.zip', 'application/zip'], ['README', 'text/plain']]) {
      expect(mayRunCode(name!, type!), name).toBe(false);
    }
  });

  it('refuses programs, scripts, launchers and installers of the three desktops, whatever the case', () => {
    for (const name of ['setup.exe', 'INVOICE.SCR', 'run.bat', 'macro.vbs', 'x.js', 'x.ps1', 'a.lnk', 'tool.jar', 'Installer.pkg',
      'open.command', 'launch.desktop', 'install.sh', 'app.AppImage', 'pkg.deb', 'script.py', 'disk.iso']) {
      expect(mayRunCode(name, 'application/octet-stream'), name).toBe(true);
    }
  });

  it('goes by the last extension, after the trailing dots and spaces Windows drops', () => {
    expect(mayRunCode('invoice.pdf.exe', 'application/pdf')).toBe(true);
    expect(mayRunCode('invoice.exe. . ', 'application/pdf')).toBe(true);
    expect(mayRunCode('setup.exe.txt', 'text/plain')).toBe(false);
  });

  it('refuses by declared type when the name says nothing', () => {
    expect(mayRunCode('attachment', 'application/x-msdownload')).toBe(true);
    expect(mayRunCode('attachment', 'Application/X-SH; charset=utf-8')).toBe(true);
    expect(mayRunCode('attachment', 'application/octet-stream')).toBe(false);
  });

  it('says which file and why, with a code the UI words', () => {
    expect(() => assertOpenable('setup.exe', 'application/octet-stream')).toThrow(
      expect.objectContaining({ code: 'AttachmentMayRun', details: { filename: 'setup.exe' } }),
    );
    expect(() => assertOpenable('photo.png', 'image/png')).not.toThrow();
  });
});
