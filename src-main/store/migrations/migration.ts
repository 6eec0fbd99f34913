/** A numbered schema step. `up` runs inside a transaction with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
