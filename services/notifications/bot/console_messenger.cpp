#include "notifications/bot/console_messenger.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/log.hpp"

namespace thidua::notifications {

ConsoleMessenger::ConsoleMessenger(std::string path) : path_(std::move(path)) {
  auto dir = std::filesystem::path(path_).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir);
}

Task<SendResult> ConsoleMessenger::send(const std::string& chat_id, const std::string& text) {
  std::string id;
  {
    // A short local append; the console adapter is for a person running thidua locally.
    std::lock_guard lock(mutex_);
    id = "console-" + std::to_string(++counter_);
    std::ofstream out(path_, std::ios::app);
    out << "── " << iso_instant(std::chrono::system_clock::now()) << " → " << chat_id << " (" << id
        << ")\n"
        << text << "\n\n";
    if (!out) co_return SendResult{SendResult::Kind::Retryable, "", "cannot write " + path_, {}};
  }
  // The text is in the console file, the delivery itself; the log names the message only,
  // since a text may carry a sign-in code (secrets are never logged).
  log::info("console_message",
            {{"chat_id", chat_id}, {"message_id", id}, {"bytes", std::to_string(text.size())}});
  co_return SendResult::sent(id);
}

}  // namespace thidua::notifications
