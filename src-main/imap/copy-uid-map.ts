/** Where the server put copied or moved messages (UIDPLUS COPYUID): source UID → UID in the target. */
export interface CopiedTo {
  uidValidity: number | null;
  uidMap: Map<number, number>;
}

export function copiedTo(result: { uidValidity?: bigint | number; uidMap?: Map<number, number> }): CopiedTo {
  return { uidValidity: result.uidValidity === undefined ? null : Number(result.uidValidity), uidMap: result.uidMap ?? new Map() };
}
