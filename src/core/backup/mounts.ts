/** A drive the admin may back up to, as the shell's drive lister reports it. */
export interface DetectedDrive {
  path: string;
  label: string;
}

export interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

/** /proc/self/mounts escapes space, tab, newline and backslash in paths as octal (`\040`). */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMounts(text: string): MountEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([device, mountPoint, fsType]) => ({
      device: unescapeMount(device!),
      mountPoint: unescapeMount(mountPoint!),
      fsType: fsType!,
    }));
}

// File systems that live in memory or are made up by the kernel: a backup there is lost at the next reboot.
const virtualTypes = new Set([
  'tmpfs',
  'ramfs',
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'cgroup',
  'cgroup2',
  'overlay',
  'squashfs',
  'autofs',
  'fuse.gvfsd-fuse',
]);

/**
 * Removable drives from the Linux mount table: what the desktop mounts under /media/USER/… or /run/media/USER/…
 * (Astra, ALT, Debian), never a memory-backed device such as zram or a loop-mounted image.
 */
export function removableDrives(mountsText: string): DetectedDrive[] {
  return parseMounts(mountsText)
    .filter((m) => /^\/(run\/)?media\//.test(m.mountPoint))
    .filter((m) => !virtualTypes.has(m.fsType) && !/^\/dev\/(zram|loop|ram)\d*/.test(m.device))
    .map((m) => ({ path: m.mountPoint, label: m.mountPoint.split('/').pop() || m.mountPoint }));
}

// File systems of another computer: a copy there leaves the school's data with whoever runs that server.
const networkTypes =
  /^(nfs4?|cifs|smb3?|smbfs|ncpfs|afs|ceph|glusterfs|lustre|9p|davfs|fuse\.(sshfs|davfs2?|smbnetfs|rclone|s3fs|curlftpfs))$/;

/** A path that names another computer by itself: `\\server\share`, `//server/share`, `smb://…`, `nfs://…`. */
export function namesNetworkShare(p: string): boolean {
  return /^(\\\\|\/\/)[^\\/]/.test(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
}

/** The network mount (from the Linux mount table's text) a folder lies on, or undefined for a local one. */
export function networkMountOf(dir: string, mountsText: string): MountEntry | undefined {
  const holding = parseMounts(mountsText)
    .filter(
      (m) => dir === m.mountPoint || dir.startsWith(m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`),
    )
    .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
  return holding && networkTypes.test(holding.fsType) ? holding : undefined;
}
