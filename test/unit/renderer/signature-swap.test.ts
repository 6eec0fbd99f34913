import { describe, expect, it } from 'vitest';
import { quotedPart, swapSignature } from '../../../src-renderer/components/Composer/signature-swap';

describe('the composer\'s signature when another identity is chosen', () => {
  it('replaces the previous identity\'s signature where it stands, keeping what was typed around it', () => {
    expect(swapSignature('Hello\n\n-- \nAlice\nSales', 'Alice\nSales', 'Bob', '')).toBe('Hello\n\n-- \nBob');
    expect(swapSignature('Hi\n\n-- \nAlice\n\nOn Monday, Ann wrote:\n> x', 'Alice', null, '\n\nOn Monday, Ann wrote:\n> x')).toBe('Hi\n\nOn Monday, Ann wrote:\n> x');
  });

  it('with no signature before, puts the new one above the quoted original, or at the end of a new message', () => {
    const quoted = '\n\nOn Monday, Ann wrote:\n> x';
    expect(swapSignature(`Thanks${quoted}`, null, 'Bob', quoted)).toBe(`Thanks\n\n-- \nBob${quoted}`);
    expect(swapSignature('Thanks', null, 'Bob', '')).toBe('Thanks\n\n-- \nBob');
    expect(swapSignature('Thanks', 'Bob', 'Bob', '')).toBe('Thanks');
  });

  it('finds the quoted original below the signature the core started with', () => {
    expect(quotedPart('\n\n-- \nAlice\n\n> x', 'Alice')).toBe('\n\n> x');
    expect(quotedPart('\n\n> x', null)).toBe('\n\n> x');
  });
});
