/** Why this reader may not add or edit surveys, and, when the server takes an admin token, the form to sign in with it. */
export function WriteRefused({ reason, signIn, failed, next }: { reason: string; signIn: boolean; failed: boolean; next: string }) {
  return (
    <div className="notice notice--warning" role="note">
      <p className="notice__title">{reason}</p>
      {signIn && (
        <form method="post" action="/add/sign-in" className="toolbar">
          <input type="hidden" name="next" value={next} />
          <label>
            Admin token <input type="password" name="token" autoComplete="current-password" required />
          </label>
          <button type="submit" className="button button--primary">
            Sign in
          </button>
        </form>
      )}
      {failed && (
        <p className="error-text" role="alert">
          That token is not the server’s: try again.
        </p>
      )}
    </div>
  );
}
