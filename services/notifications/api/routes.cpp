#include "notifications/api/routes.hpp"

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "notifications/api/message_codec.hpp"
#include "notifications/api/message_json.hpp"
#include "notifications/bot/zalo_update.hpp"
#include "notifications/domain/bot_update.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const std::string& message_id(const Request& req) {
  const auto& id = req.param("id");
  if (!ids::message(id)) {
    throw not_found("message_not_found",
                    say("problem.message_not_found", {{"id", text::excerpt(id, 40)}}));
  }
  return id;
}

int limit_of(const Request& req) {
  return static_cast<int>(http::query_integer(req, "limit", 1, 200).value_or(50));
}

// The webhook's gate: the mode and the secret, before the pipeline looks at the media type or
// anything of the body.
void webhook_gate(const Settings& settings, const Request& req) {
  if (settings.bot_mode != "webhook") {
    throw not_found("webhook_disabled", say("problem.webhook_off"));
  }
  if (!crypto::constant_time_equal(req.header("x-bot-api-secret-token"), settings.webhook_secret)) {
    throw ApiError(401, "invalid_webhook_secret", say("problem.webhook_secret"));
  }
}

// The webhook, past its gate (webhook_gate): the update is
// parsed once, stored as such and answered at once, and the commands worker does the rest.
// An update that is no message (nothing a command could be) is answered and not kept.
Task<Response> webhook(UpdateStore& updates, Request& req) {
  auto update = json::parse(req.body, nullptr, false);
  if (!update.is_object()) throw bad_request("invalid_json", say("problem.update_not_object"));
  // Stored once across redeliveries and replicas (update_key), and answered 200 either way.
  auto parsed = parse_update(update);
  if (parsed) {
    co_await updates.push(*parsed);
  }
  json ok = {{"ok", true}};
  co_return http::json(200, ok);
}

// A message withheld on purpose is a success for the sender, with what happened and why:
// nothing was queued, and a retry will not change that while the person's choice stands.
// The only reason there is: reminders_off (a reminder to someone who said /tatnhac).
Response not_sent(const std::string& staff_id, const std::string& reason) {
  json out = {{"status", "not_sent"},
              {"reason", reason},
              {"detail", say("api.reminders_off", {{"id", staff_id}})}};
  return http::json(200, out);
}
}  // namespace

void add_routes(http::Router& router, RouteDeps d) {
  const Access senders = Access::roles_of({Role::Service, Role::Admin});
  const Access admin = Access::roles_of({Role::Admin});
  auto& outbox = d.outbox;
  auto& store = d.store;
  const Settings& settings = d.settings;
  const std::string base = kApiBase + "/messages";

  router.add(Method::Post, base, senders, [&outbox](Request& req) -> Task<Response> {
    auto key = checked_idempotency_key(req.header("idempotency-key"));
    auto message = parse_new_message(http::parse_object(req));
    std::string staff_id = message.target.id;
    auto submitted = co_await outbox.submit(std::move(message), key);
    if (!submitted.not_sent.empty()) co_return not_sent(staff_id, submitted.not_sent);
    const auto& r = submitted.queued;
    if (r.conflict) {
      throw unprocessable("idempotency_key_reused", say("problem.key_reused"));
    }
    auto res = http::json(202, enqueue_answer_json(r));
    res.headers.emplace_back("Location", kApiBase + "/messages/" + r.id);
    if (r.duplicate) res.headers.emplace_back("Idempotent-Replayed", "true");
    co_return res;
  });
  router.add(Method::Get, base, senders, [&store](Request& req) -> Task<Response> {
    std::string st = req.query("state").value_or("");
    if (!st.empty() && !known_state(st)) {
      throw bad_request("invalid_state", say("problem.bad_state"));
    }
    auto messages = co_await store.recent(st, limit_of(req));
    json out = {{"items", messages_json(messages)}};
    co_return http::json(200, out);
  });
  router.add(Method::Get, base + "/{id}", senders, [&store](Request& req) -> Task<Response> {
    const auto& id = message_id(req);
    auto m = co_await store.load(id);
    if (!m) throw not_found("message_not_found", say("problem.message_not_found", {{"id", id}}));
    json out = message_json(*m);
    out["history"] = history_json(co_await store.history(id));
    co_return http::json(200, out);
  });
  // A scheduled message can be cancelled until its time comes (issue 12).
  auto& scheduled = d.scheduled;
  auto& updates = d.updates;
  router.add(
      Method::Delete, base + "/{id}", admin, [&store, &scheduled](Request& req) -> Task<Response> {
        const auto& id = message_id(req);
        auto m = co_await store.load(id);
        if (!m)
          throw not_found("message_not_found", say("problem.message_not_found", {{"id", id}}));
        bool cancelled = co_await scheduled.cancel(id, req.principal.subject);
        if (!cancelled) {
          throw conflict("message_not_scheduled", say("problem.not_scheduled", {{"id", id}}));
        }
        json out = {{"id", id}, {"status", state::kDiscarded}};
        co_return http::json(200, out);
      });
  router.add(Method::Get, kApiBase + "/dead-letters", admin,
             [&store](Request& req) -> Task<Response> {
               auto letters = co_await store.dead(limit_of(req));
               json out = {{"items", dead_letters_json(letters)}};
               co_return http::json(200, out);
             });
  router.add(Method::Post, kApiBase + "/dead-letters/{id}/retry", admin,
             [&store](Request& req) -> Task<Response> {
               const auto& id = message_id(req);
               if (!co_await store.retry_dead(id, req.principal.subject)) {
                 throw not_found("dead_letter_not_found", say("problem.not_dead", {{"id", id}}));
               }
               json out = {{"id", id}, {"status", state::kQueued}};
               co_return http::json(202, out);
             });
  router.add(Method::Delete, kApiBase + "/dead-letters/{id}", admin,
             [&store](Request& req) -> Task<Response> {
               const auto& id = message_id(req);
               if (!co_await store.discard_dead(id, req.principal.subject)) {
                 throw not_found("dead_letter_not_found", say("problem.not_dead", {{"id", id}}));
               }
               json out = {{"id", id}, {"status", state::kDiscarded}};
               co_return http::json(200, out);
             });
  router.add(
      Method::Post, kApiBase + "/bot/zalo/webhook", Access::anyone(),
      [&updates](Request& req) { return webhook(updates, req); },
      [&settings](const Request& req) { webhook_gate(settings, req); });
}

}  // namespace thidua::notifications
