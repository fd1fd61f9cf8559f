// run_stream_worker: the delivery loop over a StreamQueue (promote due retries, reclaim
// stale entries, read new ones, and act on each handler's Disposition).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/log.hpp"
#include "core/when_all.hpp"
#include "redis/stream_queue.hpp"

namespace thidua {

namespace {
// A handler that throws is retried like one that asked for it, except when Redis itself
// is away: then the entry stays pending (the exception ends the round).
Task<Disposition> handle_safely(const std::function<Task<Disposition>(const StreamEntry&)>& handle,
                                const StreamEntry& entry) {
  std::string error;
  try {
    co_return co_await handle(entry);
  } catch (const RedisUnavailable&) {
    throw;
  } catch (const std::exception& e) {
    error = e.what();
  }
  co_return Disposition::retry("handler error: " + error);
}

using Steady = std::chrono::steady_clock;

// One entry: renew the claim if it waited, hand it over, and act on what the handler decided.
// Another consumer may reclaim an entry only once it has been idle for the visibility
// timeout, so one that waited less than half of it since it was read is still ours: no
// round trip to say so (side by side, every entry of a batch starts at once).
Task<void> work_on(const StreamQueue& queue, RedisClient& redis, const WorkerOptions& options,
                   const std::function<Task<Disposition>(const StreamEntry&)>& handle,
                   StreamEntry& entry, Steady::time_point read_at) {
  entry.consumer = options.consumer;
  if (Steady::now() - read_at >= options.visibility_timeout / 2) {
    bool held = co_await queue.keep_claim(redis, entry.id, options.consumer);
    if (!held) co_return;  // waited too long behind others and was reclaimed
  }
  Disposition d = co_await handle_safely(handle, entry);
  if (d.kind == Disposition::Kind::Abandon) {
    log::warn("queue_claim_lost", {{"stream", queue.keys().stream}, {"id", entry.id}});
  } else if (d.kind == Disposition::Kind::Done) {
    co_await queue.finish(redis, entry);
  } else if (d.kind == Disposition::Kind::Defer) {
    co_await queue.defer(redis, entry, d.due);
  } else if (d.kind == Disposition::Kind::Retry &&
             may_retry(options.backoff, entry.attempt(), entry.first_failed_ms(),
                       unix_millis(std::chrono::system_clock::now()))) {
    auto delay = backoff_delay(options.backoff, entry.attempt() + 1, random_unit());
    auto due = std::max(std::chrono::system_clock::now() + delay, d.due);
    if (options.on_retry) co_await options.on_retry(entry, entry.attempt() + 1, due, d.reason);
    co_await queue.retry_later(redis, entry, due, d.reason);
  } else {
    if (options.on_dead) co_await options.on_dead(entry, d.reason);
    log::warn("queue_dead_letter", {{"stream", queue.keys().stream},
                                    {"id", entry.id},
                                    {"reason", d.reason},
                                    {"attempts", entry.attempt() + 1}});
    co_await queue.dead_letter(redis, entry, d.reason);
  }
}
}  // namespace

Task<void> run_stream_worker(const StreamQueue& queue, RedisClient& redis, RedisClient& blocking,
                             WorkerOptions options,
                             std::function<Task<Disposition>(const StreamEntry&)> handle,
                             std::function<bool()> stopping) {
  bool group_ready = false;
  while (!stopping()) {
    bool failed = false;
    try {
      if (!group_ready) {
        co_await queue.ensure_group(redis);
        group_ready = true;
      }
      co_await queue.promote_due(redis, std::chrono::system_clock::now(), options.batch);
      auto entries = co_await queue.reclaim(redis, options.consumer, options.visibility_timeout,
                                            options.batch);
      if (entries.empty()) {
        entries = co_await queue.read(blocking, options.consumer, options.batch, options.block);
      }
      auto read_at = Steady::now();
      // In groups of `concurrency` side by side (1: one after the other); more than one only
      // where order lives in lanes (one entry per lane in the stream), as the option says.
      const auto width = static_cast<std::size_t>(std::max(1, options.concurrency));
      for (std::size_t from = 0; from < entries.size(); from += width) {
        std::vector<Task<void>> group;
        for (auto i = from; i < std::min(entries.size(), from + width); ++i) {
          group.push_back(work_on(queue, redis, options, handle, entries[i], read_at));
        }
        co_await when_all(std::move(group));
      }
    } catch (const std::exception& e) {
      // Redis away or a script failed: what was not acknowledged stays pending and is
      // reclaimed on a later round.
      log::warn("queue_worker_error", {{"stream", queue.keys().stream}, {"error", e.what()}});
      failed = true;
    }
    if (failed) {
      group_ready = false;
      co_await sleep_for(std::chrono::milliseconds(500));
    }
  }
}

}  // namespace thidua
