#pragma once
// Nominations events as the digest tests build them, read as notifications reads them off the
// stream (api/event_codec), and two helpers to read the texts: shared by
// notifications_digest_test.cpp and notifications_digest_text_test.cpp.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "notifications/api/event_codec.hpp"
#include "notifications/domain/digest.hpp"

namespace thidua::notifications::digest_test {
using nlohmann::json;

struct Person {
  std::string name;
  std::string unit;
};

inline const std::vector<Person> kPeople = {
    {"Nguyễn Văn An", "Tổ Toán – Tin"},         {"Lê Thị Bình", "Tổ Ngữ văn"},
    {"Trần Minh Châu", "Tổ Khoa học tự nhiên"}, {"Phạm Thị Dung", "Tổ Ngoại ngữ"},
    {"Hoàng Văn Em", "Tổ Toán – Tin"},          {"Võ Thị Giang", "Tổ văn phòng"},
};

// An event as the nominations stream carries it; `second` orders it in time.
inline json event_of(const std::string& type, int id, int second, const Person& p) {
  char at[32];
  std::snprintf(at, sizeof at, "2026-12-01T03:%02d:%02dZ", second / 60, second % 60);
  return {{"event_id", std::string(31, '0') + std::to_string(id % 10)},
          {"type", type},
          {"occurred_at", at},
          {"nomination_id", std::to_string(id)},
          {"nomination",
           {{"id", std::to_string(id)},
            {"period", "2026"},
            {"period_label", "Năm 2026"},
            {"award", "ldtt"},
            {"award_label", "Lao động tiên tiến"},
            {"subject_kind", "individual"},
            {"subject_name", p.name},
            {"unit_name", p.unit}}}};
}

// Events as notifications reads them off the stream (api/event_codec).
inline NominationEvent typed(const json& event) {
  auto read = parse_event(event);
  EXPECT_TRUE(read) << event.dump();
  return read.value_or(NominationEvent{});
}

inline std::vector<NominationEvent> all_typed(const std::vector<json>& events) {
  std::vector<NominationEvent> out;
  for (const auto& e : events) out.push_back(typed(e));
  return out;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace thidua::notifications::digest_test
