-- wrk script for bench/write.sh: POST a nomination (period 2026, award "bench") for one of
-- the seeded staff members s1…sN, POST its "submit" transition with the id from the create
-- reply, then its "withdraw", which releases the subject's quota place and live key so the
-- same staff member can be nominated again later. A create followed by a successful submit
-- is one "write" (a pair); the withdraw is the bench's own clean-up, paid by every target.
--
-- Chains are carried by a per-thread queue (chain.lua); at most -c chains are in flight,
-- far fewer than N, so two chains never nominate the same staff member at once.
--
-- Environment: BENCH_STAFF, how many staff members were seeded (N); BENCH_START, the first
-- one to nominate (the runs take turns through them).
-- done() prints: "write-path: pairs=… creates=… submits=… withdrawals=… non2xx=… other=…
-- seconds=… pairs_per_s=…".

local chain = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "chain.lua")
local staff = tonumber(os.getenv("BENCH_STAFF") or "200")
local start = tonumber(os.getenv("BENCH_START") or "0")
local n = 0
creates_ok, submits_ok, withdrawals_ok, pairs_done, non2xx, other = 0, 0, 0, 0, 0, 0

setup = chain.setup
init = chain.init

function request()
  local step = chain.pop()
  if step == nil then
    local subject = "s" .. tostring((start + n) % staff + 1)
    n = n + 1
    return chain.create(subject)
  end
  return chain.transition(step.arg, step.kind)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  local id = body:match('"id":"(%d+)"')
  if status == 201 and id then
    creates_ok = creates_ok + 1
    chain.push("submit", id)
  elseif id and body:find('"status":"submitted"', 1, true) then
    submits_ok = submits_ok + 1
    pairs_done = pairs_done + 1
    chain.push("withdraw", id)
  elseif body:find('"status":"withdrawn"', 1, true) then
    withdrawals_ok = withdrawals_ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local p, c, u, w, x, o = chain.sums({ "pairs_done", "creates_ok", "submits_ok",
                                        "withdrawals_ok", "non2xx", "other" })
  io.write(string.format(
    "write-path: pairs=%d creates=%d submits=%d withdrawals=%d non2xx=%d other=%d seconds=%.3f pairs_per_s=%.1f\n",
    p, c, u, w, x, o, seconds, p / seconds))
end
