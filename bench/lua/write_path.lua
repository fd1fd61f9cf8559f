-- wrk script for the nominations write path: PUT a staff member, POST a nomination for them
-- (period 2026, award "bench"), then POST its "submit" transition with the id from the create
-- reply. A create followed by a successful submit counts as one "write" (a pair).
--
-- wrk's Lua API has no per-connection state (request() and response() are per thread and do
-- not say which connection they serve), so the chain is carried by a per-thread queue: each
-- successful reply enqueues the next step of its chain, and request() sends a queued step
-- before starting a new chain. At most one request per connection is in flight, so the queue
-- holds at most -c entries and the three kinds of request stay at about 1:1:1.
--
-- Environment: BENCH_RUN, a tag that keeps staff ids unique across wrk invocations.
-- done() prints one line, summed over the threads: "write-path: pairs=… staff=… creates=… submits=…
-- non2xx=… seconds=… pairs_per_s=…".

local run = os.getenv("BENCH_RUN") or "0"
local base = "/api/nominations/v1"
local json_headers = {}

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

-- Per-thread state (each thread has its own Lua state).
local queue = {}          -- pending steps: { kind = "create"|"submit", arg = staff id or nomination id }
local head, tail = 1, 0
local n = 0               -- chains started by this thread
staff_ok, creates_ok, submits_ok, pairs_done, non2xx, other = 0, 0, 0, 0, 0, 0

-- wrk.format() uses the headers it is given instead of wrk.headers (the -H options, here
-- the Authorization header), so the two are merged once per thread.
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
    n = n + 1
    local id = "w" .. run .. "-" .. tostring(tid) .. "-" .. n
    local body = '{"name":"Giáo viên ' .. id .. '","unit_id":"to-toan-tin"}'
    return wrk.format("PUT", base .. "/catalogue/staff/" .. id, json_headers, body)
  elseif step.kind == "create" then
    local body = '{"period":"2026","award":"bench","subject_kind":"individual","subject_id":"'
        .. step.arg .. '","reason":"Đổi mới phương pháp dạy học, có sáng kiến được công nhận cấp trường."}'
    return wrk.format("POST", base .. "/nominations", json_headers, body)
  else
    return wrk.format("POST", base .. "/nominations/" .. step.arg .. "/transitions", json_headers,
      '{"action":"submit"}')
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  if status == 201 then
    -- a create: the nomination's id is a string of digits
    local id = body:match('"id":"(%d+)"')
    if id then
      creates_ok = creates_ok + 1
      push("submit", id)
    else
      other = other + 1
    end
    return
  end
  local staff = body:match('"id":"(w[^"]*)"')
  if staff then
    staff_ok = staff_ok + 1
    push("create", staff)
  elseif body:find('"status":"submitted"', 1, true) then
    submits_ok = submits_ok + 1
    pairs_done = pairs_done + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local p, s, c, u, x, o = 0, 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("pairs_done")
    s = s + t:get("staff_ok")
    c = c + t:get("creates_ok")
    u = u + t:get("submits_ok")
    x = x + t:get("non2xx")
    o = o + t:get("other")
  end
  io.write(string.format(
    "write-path: pairs=%d staff=%d creates=%d submits=%d non2xx=%d other=%d seconds=%.3f pairs_per_s=%.1f\n",
    p, s, c, u, x, o, seconds, p / seconds))
end
