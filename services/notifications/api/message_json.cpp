#include "notifications/api/message_json.hpp"

#include "notifications/domain/messages.hpp"
#include "notifications/domain/outbox.hpp"

namespace thidua::notifications {
using nlohmann::json;

json target_json(const std::string& t) {
  if (t.rfind("staff:", 0) == 0) return {{"staff_id", t.substr(6)}};
  if (t.rfind("chat:", 0) == 0) return {{"chat_id", t.substr(5)}};
  return t;
}

// What the API shows of a message's text (domain: text_is_private).
std::string shown_text(const StoredMessage& m) {
  return text_is_private(m.source) ? say("message.reply_hidden") : m.text;
}

json message_json(const StoredMessage& m) {
  json j = {{"id", m.id},
            {"target", target_json(m.target)},
            {"text", shown_text(m)},
            {"urgent", m.urgent},
            {"state", m.state},
            {"created_at", m.created_at},
            {"message_ids", m.message_ids}};
  if (!m.category.empty()) j["category"] = m.category;
  if (!m.last_error.empty()) j["last_error"] = m.last_error;
  if (!m.send_at.empty()) j["send_at"] = m.send_at;
  return j;
}

json messages_json(const std::vector<StoredMessage>& messages) {
  json out = json::array();
  for (const auto& m : messages) out.push_back(message_json(m));
  return out;
}

json history_json(const std::vector<HistoryEntry>& entries) {
  json out = json::array();
  for (const auto& e : entries) {
    json j = {{"state", e.state}, {"at", e.at}};
    auto text = [&j](const char* key, const std::optional<std::string>& v) {
      if (v) j[key] = *v;
    };
    auto number = [&j](const char* key, const std::optional<int>& v) {
      if (v) j[key] = *v;
    };
    text("until", e.until);
    text("reason", e.reason);
    text("message_id", e.message_id);
    text("part", e.part);
    text("due", e.due);
    text("by", e.by);
    text("source", e.source);
    text("send_at", e.send_at);
    number("attempt", e.attempt);
    number("retry", e.retry);
    number("attempts", e.attempts);
    out.push_back(std::move(j));
  }
  return out;
}

json dead_letters_json(const std::vector<DeadLetter>& letters) {
  json out = json::array();
  for (const auto& d : letters) {
    json item = {{"id", d.id}};
    if (!d.reason.empty()) item["reason"] = d.reason;
    if (!d.dead_at.empty()) item["dead_at"] = d.dead_at;
    if (d.attempts) item["attempts"] = *d.attempts;
    if (d.message) {
      item["target"] = target_json(d.message->target);
      item["text"] = shown_text(*d.message);
    }
    out.push_back(std::move(item));
  }
  return out;
}

json enqueue_answer_json(const EnqueueResult& r) {
  return {{"id", r.id}, {"status", r.status}};
}

}  // namespace thidua::notifications
