#include "reports/domain/issued.hpp"

#include "core/errors.hpp"
#include "core/text.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {

IssuePlan plan_issue(const std::vector<IssuedDocument>& versions, const std::string& reason) {
  if (docs::reason_missing(versions, reason)) {
    const auto& last = versions.back();
    throw conflict("reason_required", say("issue.reason_required",
                                          {{"year", last.subject}, {"number", last.number_text}}));
  }
  return docs::next_version(versions);
}

}  // namespace thidua::reports

namespace thidua::reports {

SentDocument choose_sent_document(const std::vector<IssuedDocument>& versions, int year,
                                  const std::string& document_id, const std::string& number) {
  const std::string y = std::to_string(year);
  if (!document_id.empty()) {
    for (const auto& v : versions) {
      if (v.id != document_id) continue;
      if (!number.empty() && number != v.number_text) {
        throw unprocessable(
            "number_mismatch",
            say("sent.number_mismatch", {{"number", number}, {"document_number", v.number_text}}));
      }
      return {v.number_text, v.id};
    }
    throw unprocessable(
        "unknown_document",
        say("sent.unknown_document", {{"id", text::excerpt(document_id, 40)}, {"year", y}}));
  }
  if (versions.empty()) {
    if (number.empty()) {
      throw unprocessable("number_required", say("sent.number_required", {{"year", y}}));
    }
    return {number, ""};
  }
  if (number.empty()) return {versions.back().number_text, versions.back().id};
  std::string numbers;
  for (const auto& v : versions) {
    if (v.number_text == number) return {v.number_text, v.id};
    numbers += (numbers.empty() ? "" : ", ") + v.number_text;
  }
  throw unprocessable(
      "number_unknown",
      say("sent.number_unknown",
          {{"year", y}, {"number", text::excerpt(number, 40)}, {"numbers", numbers}}));
}

}  // namespace thidua::reports
