#pragma once
// Where group messages go: the Zalo Bot Platform in production, a console file locally,
// a fake Zalo server in tests. Delivery code sees only this interface.
#include <chrono>
#include <string>

#include "core/task.hpp"

namespace thidua::notifications {

struct SendResult {
  enum class Kind { Sent, Retryable, Permanent };
  Kind kind = Kind::Sent;
  std::string message_id;  // the platform's id when sent
  std::string error;       // safe to log: never a URL or token
  // Retryable: how long the platform asked us to wait (429 with Retry-After), 0 if it did not.
  std::chrono::milliseconds retry_after{0};
  static SendResult sent(std::string id) { return {Kind::Sent, std::move(id), {}, {}}; }
};

class Messenger {
 public:
  virtual ~Messenger() = default;
  virtual Task<SendResult> send(const std::string& chat_id, const std::string& text) = 0;
  virtual std::string name() const = 0;
  // Shows in `chat_id` that an answer is being prepared ("typing…"), where the platform can;
  // best effort: nothing is retried or reported. By value: the call may outlive the caller.
  virtual Task<void> show_typing(std::string chat_id) {
    (void)chat_id;
    co_return;
  }
};

}  // namespace thidua::notifications
