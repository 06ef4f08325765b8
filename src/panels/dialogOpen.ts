/**
 * Whether a modal dialog is open over the page (a native <dialog> opened with showModal, or an
 * element with role="dialog" and aria-modal="true"). While one is, it owns the keyboard: the
 * canvas's shortcuts (Delete, undo, copy, paste) and the playback keys must not act behind it,
 * out of the person's sight.
 */
export function aDialogIsOpen(doc: Document = document): boolean {
  return doc.querySelector('dialog[open], [role="dialog"][aria-modal="true"]') !== null;
}
