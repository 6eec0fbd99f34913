import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (figures of a fresh-clone CI).
 * On a fresh clone Vitest knows no durations and starts the largest files
 * first; a long file started last keeps the run going alone at its end, so
 * these start first. A file missing here only runs later: keep the list short.
 */
const SLOWEST = [
  'test/integration/pop3-sync/pop3-kill.test.ts',
  'test/integration/cli/send.test.ts',
  'test/integration/cli/cli.test.ts',
  'test/integration/journal/kill-replay.test.ts',
  'test/integration/cli/mail-operations.test.ts',
  'test/integration/local/local-cli.test.ts',
  'test/integration/local/append-kill.test.ts',
  'test/integration/sync/push.test.ts',
  'test/integration/outbox/send.test.ts',
  'test/e2e/compose.test.ts',
];

function rank(spec: TestSpecification): number {
  const index = SLOWEST.findIndex((path) => spec.moduleId.endsWith(path));
  return index < 0 ? SLOWEST.length : index;
}

/** Vitest's order (projects one after the other), with the known slowest files of each project first. */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) {
      const group = byProject.get(spec.project.name) ?? [];
      group.push(spec);
      byProject.set(spec.project.name, group);
    }
    // Array.prototype.sort is stable: files not listed keep Vitest's order.
    return [...byProject.values()].flatMap((group) => group.sort((a, b) => rank(a) - rank(b)));
  }
}
