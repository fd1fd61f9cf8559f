-- wrk script for bench/write.sh: POST a nomination (period 2026, award "bench") for one of
-- the seeded staff members s1…sN, POST its "submit" transition with the id from the create
-- reply, then its "withdraw", which releases the subject's quota place and live key so the
-- same staff member can be nominated again later. A create followed by a successful submit
-- is one "write" (a pair); the withdraw is the bench's own clean-up, paid by every target.
--
-- As in write_path.lua, wrk's Lua API has no per-connection state, so each chain is carried
-- by a per-thread queue: a reply enqueues the next step of its chain and request() sends a
-- queued step before starting a new chain (at most -c chains are in flight, far fewer than
-- N, so two chains never nominate the same staff member at once).
--
-- Environment: BENCH_STAFF, how many staff members were seeded (N); BENCH_START, the first
-- one to nominate (the runs take turns through them).
-- done() prints: "write-path: pairs=… creates=… submits=… withdrawals=… non2xx=… other=…
-- seconds=… pairs_per_s=…".

local staff = tonumber(os.getenv("BENCH_STAFF") or "200")
local start = tonumber(os.getenv("BENCH_START") or "0")
local base = "/api/nominations/v1/nominations"
local json_headers = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local queue = {}
local head, tail = 1, 0
local n = 0
creates_ok, submits_ok, withdrawals_ok, pairs_done, non2xx, other = 0, 0, 0, 0, 0, 0

function init(args)
  for k, v in pairs(wrk.headers) do json_headers[k] = v end
  json_headers["Content-Type"] = "application/json"
end

local function push(kind, arg)
  tail = tail + 1
  queue[tail] = { kind = kind, arg = arg }
end

local function pop()
  if head > tail then return nil end
  local s = queue[head]
  queue[head] = nil
  head = head + 1
  return s
end

function request()
  local step = pop()
  if step == nil then
    local subject = "s" .. tostring((start + n) % staff + 1)
    n = n + 1
    local body = '{"period":"2026","award":"bench","subject_kind":"individual","subject_id":"'
        .. subject .. '","reason":"Đổi mới phương pháp dạy học, có sáng kiến được công nhận cấp trường."}'
    return wrk.format("POST", base, json_headers, body)
  end
  return wrk.format("POST", base .. "/" .. step.arg .. "/transitions", json_headers,
    '{"action":"' .. step.kind .. '"}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  local id = body:match('"id":"(%d+)"')
  if status == 201 and id then
    creates_ok = creates_ok + 1
    push("submit", id)
  elseif id and body:find('"status":"submitted"', 1, true) then
    submits_ok = submits_ok + 1
    pairs_done = pairs_done + 1
    push("withdraw", id)
  elseif body:find('"status":"withdrawn"', 1, true) then
    withdrawals_ok = withdrawals_ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local p, c, u, w, x, o = 0, 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("pairs_done")
    c = c + t:get("creates_ok")
    u = u + t:get("submits_ok")
    w = w + t:get("withdrawals_ok")
    x = x + t:get("non2xx")
    o = o + t:get("other")
  end
  io.write(string.format(
    "write-path: pairs=%d creates=%d submits=%d withdrawals=%d non2xx=%d other=%d seconds=%.3f pairs_per_s=%.1f\n",
    p, c, u, w, x, o, seconds, p / seconds))
end
