// "Đăng nhập": a code from the bot's /dangnhap (typed, or carried by its link) for a session
// cookie, or a pasted token; "Đăng xuất" ends the session on the server too.
import { ApiError, api } from './api.mjs';
import { $ } from './dom.mjs';
import { endpoints } from './endpoints.mjs';
import { dropUnsent } from './unsent.mjs';

// A sign-in code as typed or carried by the bot's link ("k7qm 4xpr", "K7QM-4XPR"): the 8
// symbols, upper case; null when it cannot be one (as auth::normalise_code on the server).
export function normaliseCode(typed) {
  const code = String(typed || '').replace(/[\s-]/g, '').toUpperCase();
  return /^[A-HJKMNP-Z2-9]{8}$/.test(code) ? code : null;
}

// The code the bot's link carries in its fragment (#ma=K7QM4XPR): a fragment never reaches a
// server, so the code is in no log. null when there is none.
export function codeFromHash(hash) {
  const m = /^#ma=([A-Za-z0-9-]{1,16})$/.exec(hash || '');
  return m ? m[1] : null;
}

// `ui`: the shell's helpers from app.mjs (attempt, notify, clearNotice, showError, clearError,
// state) and its sign-in state: signIn(token), signOut(), showSignedIn(shown).
export function signInScreen(ui) {
  const { attempt, notify, state } = ui;

  // The code from the bot (typed, or carried by its link) for a session cookie, then in.
  async function signInWithCode(typed) {
    const code = normaliseCode(typed);
    if (!code) {
      throw new ApiError(0, 'form_incomplete',
        'Mã đăng nhập gồm 8 chữ và số (như K7QM-4XPR); thầy cô gõ lại đúng mã bot đã gửi.');
    }
    await api(endpoints.signIn, { method: 'POST', body: { code }, auth: false });
    await ui.signIn('');
  }

  // "Đăng xuất": a session ends on the server too (its cookie is cleared); then the page.
  async function leave() {
    if (state.mode === 'session') {
      try {
        await api(endpoints.signOut, { method: 'DELETE', token: '' });
      } catch {
        // Already ended (401) or offline: the page signs out all the same.
      }
    }
    dropUnsent();  // a deliberate sign-out: nothing typed is kept for later (unsent.mjs)
    ui.signOut();
  }

  // Signs in with `work`, the sign-in card busy meanwhile; true when it worked. While one
  // sign-in is under way (the link's code being exchanged on a slow network), pressing
  // "Đăng nhập" waits for it instead of spending the same code again.
  let entering = null;
  const enter = (work) => {
    entering = entering || attempt(async () => {
      await work();
      return true;
    }, { busy: $('signin') }).finally(() => { entering = null; });
    return entering;
  };

  // The bot's link: /admin/#ma=<code>. The code leaves the address bar (and the history) at
  // once, and is exchanged for the session cookie. False when the address carries no code.
  async function fromLink() {
    const linked = codeFromHash(window.location.hash);
    if (linked === null) return false;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (state.mode) ui.signOut();
    ui.showSignedIn(false);
    $('sign-in-code').value = linked;
    const ok = await enter(() => signInWithCode(linked));
    if (ok) {
      notify(ui.signedInText());
      $('sign-in-code').value = '';
    }
    return true;
  }

  function wire() {
    $('signin-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const token = $('token').value.trim();
      ui.clearNotice();
      if (!token) {
        ui.clearError();
        ui.showError(new ApiError(0, 'form_incomplete', 'Hãy dán mã truy cập trước khi đăng nhập.'));
        $('token').focus();
        return;
      }
      const ok = await enter(() => ui.signIn(token));
      if (ok) {
        $('token').value = '';
        notify(ui.signedInText());
        $('main').focus();
      } else {
        $('token').select();
      }
    });
    $('code-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      ui.clearNotice();
      const ok = await enter(() => signInWithCode($('sign-in-code').value));
      if (ok) {
        notify(ui.signedInText());
        $('main').focus();
      } else {
        $('sign-in-code').select();
      }
    });
    $('sign-out').addEventListener('click', async () => {
      ui.clearError();
      const mode = state.mode;
      await leave();
      notify(mode === 'session' ? 'Đã đăng xuất.'
        : 'Đã đăng xuất; mã truy cập đã được xoá khỏi trình duyệt.');
      $('sign-in-code').focus();
    });
  }

  return { wire, fromLink };
}
