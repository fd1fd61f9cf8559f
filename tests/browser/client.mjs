// The system from outside the page, for a browser test's set-up and for checking what the page
// did: the API through the edge as the bootstrap admin (staff, tokens), and a colleague's
// private chat with the bot through the fake Zalo Bot API (what they type, what it answers).
import { check, eventually } from './system.mjs';

export const N = '/api/nominations/v1';

// `system`: what startSystem returned.
export function adminApi({ edge, adminToken }) {
  async function apiCall(method, urlPath, body) {
    const res = await fetch(`${edge}${urlPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    apiCall,
    // A staff record (PUT: made or replaced whole).
    putStaff: (id, record) => apiCall('PUT', `${N}/catalogue/staff/${id}`, record),
    // A personal API token for a staff member, as the board makes one.
    tokenFor: async (id) => (await apiCall('POST', `${N}/tokens`, { staff_id: id })).token,
    // A staff member as the catalogue holds them now.
    staffMember: async (id) => (await apiCall('GET', `${N}/catalogue`)).staff.find((s) => s.id === id),
  };
}

// `system`: what startSystem returned; `displayName`: the colleague's name in their Zalo.
export function fakeZalo({ edge, zalo }, { displayName = 'Cô Hoa' } = {}) {
  // What the bot sent that Zalo took, oldest first.
  const sentMessages = async () => (await (await fetch(`${zalo}/__fake/calls`)).json())
    .filter((c) => c.method === 'sendMessage' && c.outcome === 'ok');
  let said = 0;

  // What a colleague types to the bot in a private chat; resolves with the bot's answer.
  async function tellBot(from, text) {
    const answers = async () => (await sentMessages()).filter((c) => c.chat_id === from).map((c) => c.text);
    const before = (await answers()).length;
    said += 1;
    const update = {
      event_name: 'message.text.received',
      message: {
        message_id: `browser-${said}`, // the bot answers a message_id once
        date: 1792800000000 + said,
        text,
        from: { id: from, display_name: displayName, is_bot: false },
        chat: { id: from, chat_type: 'PRIVATE' },
      },
    };
    const res = await fetch(`${zalo}/__fake/updates`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(update),
    });
    check(res.ok, `the fake took the update: ${res.status}`);
    return eventually(async () => (await answers())[before], `the bot answers "${text}"`, 30000);
  }

  // The sign-in link in the bot's answer to /dangnhap and the code in it; fails without one.
  function signInLink(answer) {
    const m = new RegExp(`${edge.replace(/[.]/g, '\\.')}/admin/#ma=([A-Z0-9]{8})`).exec(answer);
    check(m, `a link to the dashboard in the answer: ${answer}`);
    return { link: m[0], code: m[1] };
  }

  // A colleague whose Zalo is linked asks the bot to sign in (/dangnhap or a spelling of it).
  async function askSignIn(from, command = '/dangnhap') {
    const answer = await tellBot(from, command);
    return { answer, ...signInLink(answer) };
  }

  return { sentMessages, tellBot, signInLink, askSignIn };
}
