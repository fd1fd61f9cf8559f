#pragma once
// The notifications HTTP API: the outbox, its dead letters, and the bot's webhook.
#include "http/router.hpp"
#include "notifications/app/outbox_app.hpp"

namespace thidua::notifications {

inline const std::string kApiBase = "/api/notifications/v1";

struct RouteDeps {
  OutboxApp& outbox;
  OutboxStore& store;
  const Settings& settings;
};

void add_routes(http::Router& router, RouteDeps deps);

}  // namespace thidua::notifications
