#pragma once
// The notifications HTTP API: the outbox (with scheduled messages), its dead letters, and the
// bot's webhook.
#include "http/router.hpp"
#include "notifications/app/outbox_app.hpp"
#include "notifications/store/scheduled_store.hpp"
#include "notifications/store/update_store.hpp"

namespace thidua::notifications {

inline const std::string kApiBase = "/api/notifications/v1";

struct RouteDeps {
  OutboxApp& outbox;
  OutboxStore& store;
  ScheduledStore& scheduled;
  UpdateStore& updates;
  const Settings& settings;
};

void add_routes(http::Router& router, RouteDeps deps);

}  // namespace thidua::notifications
