// Undo and redo over snapshots (JSON text) of the designer state. Recording what is already the current entry
// does nothing, so the page may record after every change, including the change an undo itself makes.

export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.entries = [];
    this.index = -1;
  }

  /** Starts over from one snapshot: nothing to undo or redo. */
  reset(snapshot) {
    this.entries = [snapshot];
    this.index = 0;
  }

  /** Adds a snapshot after the current one, dropping what could have been redone. */
  record(snapshot) {
    if (this.entries[this.index] === snapshot) return false;
    this.entries.splice(this.index + 1, this.entries.length, snapshot);
    if (this.entries.length > this.limit) this.entries.shift();
    this.index = this.entries.length - 1;
    return true;
  }

  get canUndo() {
    return this.index > 0;
  }

  get canRedo() {
    return this.index < this.entries.length - 1;
  }

  /** The snapshot before the current one, or null. */
  undo() {
    if (!this.canUndo) return null;
    this.index -= 1;
    return this.entries[this.index];
  }

  /** The snapshot after the current one, or null. */
  redo() {
    if (!this.canRedo) return null;
    this.index += 1;
    return this.entries[this.index];
  }
}
