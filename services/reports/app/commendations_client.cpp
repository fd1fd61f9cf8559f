// NominationsCommendations (rest_adapters.hpp): the year's honours and recognised initiatives
// from the nominations service, for the yearly report.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/json_read.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "reports/app/rest_adapters.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

const json& items_of(const json& j, const char* what) {
  if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
    throw std::runtime_error(std::string(what) + " answer has no items");
  }
  return j["items"];
}
}  // namespace

Commendations parse_commendations(const std::string& honours, const std::string& initiatives) {
  Commendations c;
  // Named: items_of returns a reference into the parsed document, which must outlive the loops.
  const json honours_doc = json::parse(honours, nullptr, false);
  const json initiatives_doc = json::parse(initiatives, nullptr, false);
  for (const auto& h : items_of(honours_doc, "honours")) {
    if (!h.is_object()) continue;
    const json decision = h.value("decision", json::object());
    c.honours.push_back({json_read::text(h, "award_label"), json_read::text(h, "name"),
                         json_read::text(h, "unit_name"),
                         json_read::text(h, "subject_kind") == "collective",
                         json_read::text(decision, "number"), json_read::text(decision, "date")});
  }
  for (const auto& i : items_of(initiatives_doc, "initiatives")) {
    if (!i.is_object() || json_read::text(i, "level").empty()) continue;  // not recognised
    std::string authors;
    for (const auto& a : i.value("authors", json::array())) {
      if (a.is_object()) authors += (authors.empty() ? "" : ", ") + json_read::text(a, "name");
    }
    std::string decision;
    if (auto d = i.find("decision"); d != i.end() && d->is_object()) {
      decision = "Số " + json_read::text(*d, "number") + " ngày " +
                 vn_date_of(json_read::text(*d, "date"));
    }
    std::string level = json_read::text(i, "level_label");
    if (!level.empty()) level = text::upper_first(level);
    c.initiatives.push_back({json_read::text(i, "title"), authors, level, decision});
  }
  return c;
}

NominationsCommendations::NominationsCommendations(const std::string& base_url,
                                                   std::string service_token)
    : client_(base_url, std::chrono::milliseconds(5000)), token_(std::move(service_token)) {}

Task<Commendations> NominationsCommendations::of_year(int year) {
  std::string answers[2];
  // Every honour: the report's window (honours_of_report_year) spans two periods' years.
  const std::string paths[2] = {"/api/nominations/v1/public/honours",
                                "/api/nominations/v1/initiatives?year=" + std::to_string(year)};
  for (int i = 0; i < 2; ++i) {
    http::ClientCall call;
    call.method = http::Method::Get;
    call.path = paths[i];
    if (i == 1) call.headers.emplace_back("Authorization", "Bearer " + token_);
    auto result = co_await client_.send(std::move(call));
    if (!result.ok()) {
      log::warn("commendations_unavailable", {{"status", result.status}, {"error", result.error}});
      throw ApiError(503, "nominations_unavailable", say("problem.commendations_unavailable"));
    }
    answers[i] = std::move(result.body);
  }
  try {
    auto all = parse_commendations(answers[0], answers[1]);
    all.honours = honours_of_report_year(all.honours, year);
    co_return all;
  } catch (const std::exception& e) {
    log::warn("commendations_unreadable", {{"error", e.what()}});
  }
  throw ApiError(503, "nominations_unavailable", say("problem.commendations_unavailable"));
}

}  // namespace thidua::reports
