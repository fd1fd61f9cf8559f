#pragma once
// For a local run without a Zalo account: each message is logged and appended to a file a
// person can `tail -f`.
#include <mutex>
#include <string>

#include "notifications/bot/messenger.hpp"

namespace thidua::notifications {

class ConsoleMessenger final : public Messenger {
 public:
  explicit ConsoleMessenger(std::string path);
  Task<SendResult> send(const std::string& chat_id, const std::string& text) override;
  std::string name() const override { return "console"; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
  long long counter_ = 0;
};

}  // namespace thidua::notifications
