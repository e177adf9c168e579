/** Where a 401 sends the user. The sign-in flow (invitation links, OIDC) fills this screen. */
export default function SignInScreen() {
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Backlog Ledger</h1>
      <p>You are not signed in, or your session has expired.</p>
      <p>
        Backlog Ledger signs people in with a one-time sign-in link. Ask an admin to invite you; on a fresh installation the
        first admin&rsquo;s link is printed by <code>npm start</code>.
      </p>
    </main>
  );
}
