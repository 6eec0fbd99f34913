import type { KeyboardEvent } from 'react';

/**
 * The keydown of a form inside a dialog (a filter, an identity, a list being edited in Settings or the Address
 * Book): Escape cancels that form alone, as its Cancel button does, and goes no further, for the dialog around it
 * closes on Escape and would take the form's typing with it (Thunderbird's filter editor likewise closes alone).
 * An Escape that ends an input method's composition is the input method's.
 */
export function cancelOnEscape(onCancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.stopPropagation();
    onCancel();
  };
}
