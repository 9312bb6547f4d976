// What the set-password form can tell before asking the server, which checks the same rule (at least 8 characters,
// at most 72 bytes) and answers with the field's pointer.

const MAX_BYTES = 72;

/** The message key of what is wrong with the chosen password and its repetition, or null when nothing is. */
export function passwordProblem(password, repeated) {
  if (password.length < 8) return 'setPassword.tooShort';
  if (new TextEncoder().encode(password).length > MAX_BYTES) return 'setPassword.tooLong';
  if (password !== repeated) return 'setPassword.mismatch';
  return null;
}
