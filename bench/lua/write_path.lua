-- wrk script for bench/nominations.sh's write path: PUT a staff member, POST a nomination for
-- them (period 2026, award "bench"), then POST its "submit" transition with the id from the
-- create reply. A create followed by a successful submit counts as one "write" (a pair).
-- Chains are carried by a per-thread queue (chain.lua), so the three kinds of request stay at
-- about 1:1:1.
--
-- Environment: BENCH_RUN, a tag that keeps staff ids unique across wrk invocations.
-- done() prints one line, summed over the threads: "write-path: pairs=… staff=… creates=…
-- submits=… non2xx=… other=… seconds=… pairs_per_s=…".

local chain = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "chain.lua")
local run = os.getenv("BENCH_RUN") or "0"
local n = 0 -- chains started by this thread
staff_ok, creates_ok, submits_ok, pairs_done, non2xx, other = 0, 0, 0, 0, 0, 0

setup = chain.setup
init = chain.init

function request()
  local step = chain.pop()
  if step == nil then
    n = n + 1
    -- tid: this thread's number, set by chain.setup
    local id = "w" .. run .. "-" .. tostring(tid) .. "-" .. n
    return chain.request("PUT", "/api/nominations/v1/catalogue/staff/" .. id,
      '{"name":"Giáo viên ' .. id .. '","unit_id":"to-toan-tin"}')
  elseif step.kind == "create" then
    return chain.create(step.arg)
  end
  return chain.transition(step.arg, "submit")
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
      chain.push("submit", id)
    else
      other = other + 1
    end
    return
  end
  local staff = body:match('"id":"(w[^"]*)"')
  if staff then
    staff_ok = staff_ok + 1
    chain.push("create", staff)
  elseif body:find('"status":"submitted"', 1, true) then
    submits_ok = submits_ok + 1
    pairs_done = pairs_done + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local p, s, c, u, x, o = chain.sums({ "pairs_done", "staff_ok", "creates_ok", "submits_ok",
                                        "non2xx", "other" })
  io.write(string.format(
    "write-path: pairs=%d staff=%d creates=%d submits=%d non2xx=%d other=%d seconds=%.3f pairs_per_s=%.1f\n",
    p, s, c, u, x, o, seconds, p / seconds))
end
