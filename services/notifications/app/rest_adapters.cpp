#include "notifications/app/rest_adapters.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/json_read.hpp"
#include "http/router.hpp"

namespace thidua::notifications {
namespace {
using json_read::text_or_number;
using nlohmann::json;

const json& items_of(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

// A field the reply replaces with a text of its own when the answer lacks it.
std::optional<std::string> optional_text(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !(it->is_string() || it->is_number_integer())) return std::nullopt;
  return text_or_number(j, key);
}

// A flag that says true unless the answer says false.
bool flag(const json& j, const char* key, bool fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// A name, or the id when there is no name.
std::string name_or_id(const json& j, const char* name, const char* id) {
  return text_or_number(j, name, text_or_number(j, id));
}

std::optional<std::vector<RegistrationGap>> registration_of(const json& occurrence) {
  auto reg = occurrence.find("registration");
  if (reg == occurrence.end() || !reg->is_object()) return std::nullopt;
  auto units = reg->find("units");
  if (units == reg->end() || !units->is_array()) return std::nullopt;
  std::vector<RegistrationGap> owing;
  for (const auto& u : *units) {
    if (!u.is_object() || flag(u, "done", true)) continue;
    RegistrationGap gap;
    gap.name = name_or_id(u, "name", "id");
    auto people = u.find("unregistered");
    gap.unregistered =
        people != u.end() && people->is_number_integer() ? people->get<long long>() : 0;
    gap.unit_registered = flag(u, "unit_registered", true);
    owing.push_back(std::move(gap));
  }
  return owing;
}

std::optional<DeadlineOccurrence> occurrence_of(const json& o) {
  if (!o.is_object()) return std::nullopt;
  auto days = o.find("days_left");
  if (days == o.end() || !days->is_number_integer()) return std::nullopt;
  DeadlineOccurrence out;
  out.days_left = days->get<long long>();
  out.due_date = text_or_number(o, "due_date");
  out.due_date_vn = optional_text(o, "due_date_vn");
  out.unit_due_date = text_or_number(o, "unit_due_date");
  out.unit_due_date_vn = optional_text(o, "unit_due_date_vn");
  if (auto done = o.find("done"); done != o.end() && done->is_object()) {
    DeadlineOccurrence::Done d;
    d.on = text_or_number(*done, "done_on");
    d.on_vn = optional_text(*done, "done_on_vn");
    out.done = d;
  }
  if (auto missing = o.find("missing"); missing != o.end() && missing->is_array()) {
    std::vector<std::string> names;
    for (const auto& u : *missing) names.push_back(name_or_id(u, "name", "id"));
    out.missing = std::move(names);
  }
  out.registration = registration_of(o);
  return out;
}

template <typename T, typename Parse>
Fetched<T> fetched(const ServiceAnswer& a, Parse parse) {
  Fetched<T> out;
  out.reach = reach_of(a);
  if (out.ok()) out.value = parse(a.body);
  return out;
}
}  // namespace

Reach reach_of(const ServiceAnswer& a) {
  if (a.ok()) return Reach::Ok;
  if (!a.reachable) return Reach::Unavailable;
  switch (a.status) {
    case 404:
      return Reach::NotFound;
    case 400:
    case 422:
      return Reach::Invalid;
    case 429:
      return Reach::TooMany;
    default:
      return Reach::Unavailable;
  }
}

Deadlines parse_deadlines(const json& body) {
  Deadlines out;
  out.today = text_or_number(body, "today");
  for (const auto& d : items_of(body, "deadlines")) {
    Deadline deadline;
    deadline.name = optional_text(d, "name");
    deadline.owed_by = text_or_number(d, "owed_by");
    for (const auto& o : items_of(d, "occurrences")) {
      if (auto occurrence = occurrence_of(o))
        deadline.occurrences.push_back(std::move(*occurrence));
    }
    out.deadlines.push_back(std::move(deadline));
  }
  return out;
}

std::vector<UnitSubmission> parse_submissions(const json& body) {
  std::vector<UnitSubmission> out;
  for (const auto& u : items_of(body, "units")) {
    UnitSubmission s;
    s.unit = name_or_id(u, "unit_name", "unit_id");
    s.status = text_or_number(u, "status");
    s.submitted_at = text_or_number(u, "submitted_at");
    s.late = flag(u, "late", false);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Period> parse_periods(const json& catalogue) {
  std::vector<Period> out;
  for (const auto& p : items_of(catalogue, "periods")) {
    if (!p.is_object()) continue;
    Period period;
    period.id = json_read::text(p, "id");
    period.kind = json_read::text(p, "kind");
    if (auto y = p.find("year"); y != p.end() && y->is_number_integer()) {
      period.year = y->get<long long>();
    }
    out.push_back(std::move(period));
  }
  return out;
}

std::vector<OpenRound> parse_open_rounds(const json& body) {
  std::vector<OpenRound> out;
  auto today = parse_iso_date(json_read::text(body, "today"));
  if (!today) return out;
  for (const auto& r : items_of(body, "items")) {
    if (!r.is_object() || json_read::text(r, "state") != "open") continue;
    OpenRound round;
    round.name = json_read::text(r, "name");
    round.closes = json_read::text(r, "closes");
    auto closes = parse_iso_date(round.closes);
    if (!closes || *closes < *today) continue;
    if (std::string vn = json_read::text(r, "closes_vn"); !vn.empty()) round.closes_vn = vn;
    round.days_left = days_between(*today, *closes);
    out.push_back(std::move(round));
  }
  return out;
}

Quotas parse_quotas(const json& body) {
  Quotas out;
  out.period = name_or_id(body, "period_label", "period");
  for (const auto& i : items_of(body, "items")) {
    QuotaItem item;
    if (auto l = i.find("limit"); l != i.end() && l->is_number_integer()) {
      item.limit_kind = QuotaItem::Limit::Count;
      item.limit = l->get<long long>();
    } else if (l != i.end() && l->is_null()) {
      item.limit_kind = QuotaItem::Limit::Unset;
    }
    item.subject_kind = text_or_number(i, "subject_kind");
    item.award = name_or_id(i, "award_label", "award");
    item.used = text_or_number(i, "used", "0");
    out.items.push_back(std::move(item));
  }
  return out;
}

NominationView parse_nomination(const json& n) {
  NominationView out;
  out.id = text_or_number(n, "id");
  out.subject_name = text_or_number(n, "subject_name");
  out.award = name_or_id(n, "award_label", "award");
  out.period = name_or_id(n, "period_label", "period");
  out.status = name_or_id(n, "status_label", "status");
  out.state = text_or_number(n, "status");
  out.updated_at = text_or_number(n, "updated_at");
  return out;
}

std::vector<NominationView> parse_nominations(const json& body) {
  std::vector<NominationView> out;
  for (const auto& n : items_of(body, "items")) out.push_back(parse_nomination(n));
  return out;
}

IssuedSignIn parse_sign_in(const json& body) {
  IssuedSignIn out;
  out.code = text_or_number(body, "code");
  out.display = text_or_number(body, "display", out.code);
  out.valid_minutes = text_or_number(body, "valid_minutes", "5");
  out.expires_at = text_or_number(body, "expires_at");
  return out;
}

std::optional<Colleague> parse_colleague(const json& staff) {
  if (!staff.is_object()) return std::nullopt;
  Colleague c;
  c.id = json_read::text(staff, "id");
  c.name = json_read::text(staff, "name");
  c.gender = json_read::text(staff, "gender");
  c.role = json_read::text(staff, "role");
  c.unit_id = json_read::text(staff, "unit_id");
  c.zalo_user_id = json_read::text(staff, "zalo_user_id");
  return c;
}

std::optional<std::vector<Colleague>> parse_staff(const json& catalogue) {
  if (!catalogue.is_object()) return std::nullopt;
  std::vector<Colleague> out;
  for (const auto& s : catalogue.value("staff", json::array())) {
    if (auto c = parse_colleague(s)) out.push_back(std::move(*c));
  }
  return out;
}

std::string zalo_link_request(const std::string& code, const std::string& zalo_user_id) {
  return json{{"code", code}, {"zalo_user_id", zalo_user_id}}.dump();
}

// Named locals beside co_await, never temporaries (the GCC 12 caveat in the README).
Task<Fetched<Deadlines>> RestReportsService::deadlines(std::string acting_for) {
  const std::string path = "/api/reports/v1/deadlines?count=1";
  auto a = co_await services_.reports(path, acting_for);
  co_return fetched<Deadlines>(a, parse_deadlines);
}

Task<Fetched<std::vector<UnitSubmission>>> RestReportsService::submissions(int year,
                                                                           std::string acting_for) {
  const std::string path = "/api/reports/v1/contributions/" + std::to_string(year);
  auto a = co_await services_.reports(path, acting_for);
  co_return fetched<std::vector<UnitSubmission>>(a, parse_submissions);
}

Task<Fetched<std::vector<Period>>> RestNominationsService::periods(std::string acting_for) {
  const std::string path = "/api/nominations/v1/catalogue";
  const std::string no_body;
  auto a = co_await services_.nominations(http::Method::Get, path, no_body, acting_for);
  auto out = fetched<std::vector<Period>>(a, parse_periods);
  if (out.ok() && !a.body.is_object()) out.reach = Reach::Unavailable;
  co_return out;
}

Task<Fetched<std::vector<OpenRound>>> RestNominationsService::open_rounds(std::string acting_for) {
  const std::string path = "/api/nominations/v1/public/rounds";
  const std::string no_body;
  auto a = co_await services_.nominations(http::Method::Get, path, no_body, acting_for);
  co_return fetched<std::vector<OpenRound>>(a, parse_open_rounds);
}

Task<Fetched<Quotas>> RestNominationsService::quotas(std::string period, std::string acting_for) {
  const std::string path = "/api/nominations/v1/quotas?period=" + http::encode_segment(period);
  const std::string no_body;
  auto a = co_await services_.nominations(http::Method::Get, path, no_body, acting_for);
  co_return fetched<Quotas>(a, parse_quotas);
}

Task<Fetched<std::vector<NominationView>>> RestNominationsService::nominations_where(
    std::string filter, std::string staff_id, std::string acting_for) {
  const std::string path =
      "/api/nominations/v1/nominations?" + filter + "=" + http::encode_segment(staff_id);
  const std::string no_body;
  auto a = co_await services_.nominations(http::Method::Get, path, no_body, acting_for);
  co_return fetched<std::vector<NominationView>>(a, parse_nominations);
}

Task<Fetched<std::vector<NominationView>>> RestNominationsService::nominations_of(
    std::string staff_id, std::string acting_for) {
  co_return co_await nominations_where("subject", std::move(staff_id), std::move(acting_for));
}

Task<Fetched<std::vector<NominationView>>> RestNominationsService::nominations_by(
    std::string staff_id, std::string acting_for) {
  co_return co_await nominations_where("proposer", std::move(staff_id), std::move(acting_for));
}

Task<Fetched<NominationView>> RestNominationsService::nomination(std::string id,
                                                                 std::string acting_for) {
  const std::string path = "/api/nominations/v1/nominations/" + http::encode_segment(id);
  const std::string no_body;
  auto a = co_await services_.nominations(http::Method::Get, path, no_body, acting_for);
  co_return fetched<NominationView>(a, parse_nomination);
}

Task<Fetched<IssuedSignIn>> RestNominationsService::issue_sign_in(std::string acting_for) {
  const std::string path = "/api/nominations/v1/sign-in-codes";
  const std::string empty_object = "{}";
  auto a = co_await services_.nominations(http::Method::Post, path, empty_object, acting_for);
  co_return fetched<IssuedSignIn>(a, parse_sign_in);
}

}  // namespace thidua::notifications
