// The login form posts to /login (no script needed for that); this only shows why a previous try failed
// and carries the page the user wanted to see.
const params = new URLSearchParams(location.search);
const messages = {
  invalid: 'That key, or that user and password, is not valid.',
  throttled: 'Too many failed attempts from this address. Wait a few minutes and try again.',
};
const error = params.get('error');
if (error) {
  const box = document.getElementById('login-error');
  box.textContent = messages[error] ?? 'Login failed.';
  box.hidden = false;
}
const next = params.get('next');
if (next && next.startsWith('/') && !next.startsWith('//')) {
  document.getElementById('login-next').value = next;
}
document.getElementById('key').focus();
