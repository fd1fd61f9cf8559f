-- What the write-path wrk scripts share (create_submit.lua for bench/write.sh, write_path.lua
-- for bench/nominations.sh): chains of requests carried by a per-thread queue, the requests
-- that create a nomination and move it, and the counters summed over the threads in done().
--
-- wrk's Lua API has no per-connection state (request() and response() are per thread and do
-- not say which connection they serve), so a chain is carried by a queue: each successful
-- reply enqueues the next step of its chain, and request() sends a queued step before
-- starting a new chain. At most one request per connection is in flight, so the queue holds
-- at most -c entries.
--
-- Loaded with dofile() from the script's own directory (see either script): wrk runs the
-- script in one Lua state per thread plus one for setup() and done(), and each state loads
-- this file, so the queue below is per thread.
local M = {}

M.nominations = "/api/nominations/v1/nominations"
M.reason = "Đổi mới phương pháp dạy học, có sáng kiến được công nhận cấp trường."

local threads = {}
-- setup(thread), in the main state: remember the thread for done(), number it ("tid").
function M.setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- wrk.format() uses the headers it is given instead of wrk.headers (the -H options, here
-- the Authorization header), so the two are merged once per thread, in init().
local json_headers = {}
function M.init()
  for k, v in pairs(wrk.headers) do json_headers[k] = v end
  json_headers["Content-Type"] = "application/json"
end

local queue = {}
local head, tail = 1, 0
function M.push(kind, arg)
  tail = tail + 1
  queue[tail] = { kind = kind, arg = arg }
end
function M.pop()
  if head > tail then return nil end
  local s = queue[head]
  queue[head] = nil
  head = head + 1
  return s
end

function M.request(method, path, body)
  return wrk.format(method, path, json_headers, body)
end
-- POST a nomination (period 2026, award "bench") for the staff member <subject>.
function M.create(subject)
  return M.request("POST", M.nominations,
    '{"period":"2026","award":"bench","subject_kind":"individual","subject_id":"'
    .. subject .. '","reason":"' .. M.reason .. '"}')
end
-- POST the transition <action> of nomination <id>.
function M.transition(id, action)
  return M.request("POST", M.nominations .. "/" .. id .. "/transitions",
    '{"action":"' .. action .. '"}')
end

-- In done(): the per-thread global counters <names> summed over the threads, in that order.
function M.sums(names)
  local out = {}
  for i, name in ipairs(names) do
    out[i] = 0
    for _, t in ipairs(threads) do out[i] = out[i] + t:get(name) end
  end
  return (table.unpack or unpack)(out) -- LuaJIT 2.1 has unpack, Lua 5.2+ table.unpack
end

return M
