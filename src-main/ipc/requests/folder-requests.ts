/** Folders, remote and local: list, create, rename, delete, import and export. */
import { z } from 'zod';
import { type FolderDeletePlan, type FolderDeleteResult, type FolderEmptyPlan, type FolderView, type OperationReceipt } from '../mail-shapes';
import { id, request } from './request-shape';

export const folderRequests = {
  /** Subscribed folders only, unless `includeUnsubscribed`. `accountId: null`: the shared Local Folders. */
  'folders.list': request<FolderView[]>()(z.object({ accountId: id.nullable(), includeUnsubscribed: z.boolean().default(false) }).strict()),
  /** Marks every message of a folder read (one STORE over a range on the server). */
  'folders.markRead': request<OperationReceipt>()(z.object({ folderId: id }).strict()),
  /** Deletes every message of the Trash (or Junk) folder for good, and the Trash's folders (deleted into it) with theirs. */
  'folders.empty': request<OperationReceipt>()(z.object({ folderId: id }).strict()),
  /** What emptying the folder would turn off, for the confirmation: the filters filing mail into the folders in Trash (none for Junk). */
  'folders.emptyPlan': request<FolderEmptyPlan>()(z.object({ folderId: id }).strict()),
  /**
   * A remote folder; nested under `parentId` with the server's delimiter, at the top when null.
   * `accountId: null`: a local folder (no network needed; rename and delete work on it the same way).
   */
  'folders.create': request<FolderView>()(
    z.object({ accountId: id.nullable(), parentId: id.nullable().default(null), name: z.string().trim().min(1).max(200) }).strict(),
  ),
  /** Renames the folder's last path segment (its place in the tree stays). Special-use folders are refused. */
  'folders.rename': request<FolderView>()(z.object({ folderId: id, name: z.string().trim().min(1).max(200) }).strict()),
  /**
   * Moves a folder with its subfolders and mail into another folder of the same account (or of the Local Folders,
   * for a local one), or to the top when `parentId` is null; `name` renames it on the way. A remote folder moves
   * here at once and on the server by a RENAME when the journal is replayed. Special-use folders are refused, and so
   * is a move into the folder itself or below it (FolderIntoItself).
   */
  'folders.move': request<FolderView>()(z.object({ folderId: id, parentId: id.nullable(), name: z.string().trim().min(1).max(200).optional() }).strict()),
  /** What deleting a folder would do (into Trash, or for good) and take: its subfolders and their messages, for the confirmation. */
  'folders.deletePlan': request<FolderDeletePlan>()(z.object({ folderId: id }).strict()),
  /**
   * Deletes a folder as Thunderbird does: one outside Trash moves into the account's Trash (a local folder: the Local
   * Folders' Trash) with its subfolders and
   * mail (`movedTo`: its path there; a RENAME on the server); one in Trash, of an account without a Trash, or with
   * `permanent`, is deleted for good with its subfolders and mail. Special-use folders are refused.
   * `subfolders`: the paths the user confirmed (folders.deletePlan); if a folder deleted for good has others by
   * now, nothing is deleted (FolderHasNewSubfolders). The replay deletes those subfolders only, and stops in the
   * same way if another device added one on the server meanwhile.
   */
  'folders.delete': request<FolderDeleteResult>()(
    z.object({ folderId: id, subfolders: z.array(z.string().min(1).max(1000)).max(100_000).optional(), permanent: z.boolean().optional() }).strict(),
  ),
  /**
   * Mail files into a folder: mbox (mboxrd or plain) or .eml, told apart by their content. Without `files`
   * Electron asks with an open dialog.
   */
  'folders.import': request<{ imported: number; skipped: number; files: number }>()(
    z.object({ folderId: id, files: z.array(z.string().min(1)).max(10_000).optional() }).strict(),
  ),
  /**
   * A folder's mail into one mbox file (mboxrd) or a directory of .eml files. Without `path` Electron asks with a
   * save dialog (`savedTo: null` when the user cancels); the web mode downloads the mbox instead.
   */
  'folders.export': request<{ savedTo: string | null; exported: number }>()(
    z.object({ folderId: id, format: z.enum(['mbox', 'eml']).default('mbox'), path: z.string().min(1).optional() }).strict(),
  ),
  'folders.subscribe': request<FolderView>()(z.object({ folderId: id, subscribed: z.boolean() }).strict()),
} as const;
