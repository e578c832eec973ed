/**
 * Turns a Node file-system error into "path: reason" for the user: a folder where a file was
 * expected, a missing or unwritable path. These are input errors (exit 2), not bugs.
 */

/** What each file-system error code means to someone who typed the path. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'not found',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'already exists and is not a folder',
  ENOTEMPTY: 'the folder is not empty',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
};

/**
 * The user-facing message of a file-system error, or undefined when `error` is something else
 * (network errors carry errno codes too, and are not the user's input).
 * @param error anything thrown
 */
export function fileSystemProblem(error: unknown): string | undefined {
  const errno = error as NodeJS.ErrnoException;
  if (typeof errno?.code !== 'string' || typeof errno.syscall !== 'string') {
    return undefined;
  }
  const reason = REASONS[errno.code];
  if (reason === undefined) {
    return undefined;
  }
  return errno.path === undefined ? `${reason} (${errno.syscall})` : `${errno.path}: ${reason}`;
}
