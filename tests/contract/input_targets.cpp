// Where input_parity_test.cpp sends each operation's requests (input_parity.hpp): valid values
// for its path parameters, by name, and a valid body, with whether its fields are probed.
#include <fstream>
#include <regex>
#include <sstream>

#include "contract/input_parity.hpp"
#include "support/process.hpp"

namespace thidua::contract::input_parity {

Target target_of(const std::string& service, const std::string& method, const std::string& pattern,
                 const Prepared& ids) {
  Target t;
  const std::string key = service + " " + method + " " + pattern;
  static const std::regex nomination(R"(/nominations/\{id\})");
  // Valid path values, by parameter.
  t.path["year"] = "2026";
  t.path["unit"] = "to-toan-tin";
  t.path["item"] = "to_trinh";
  t.path["file"] = "2026-bc-01.pdf";  // none issued here: 404 whatever the sample
  t.path["kind"] = "individual";
  t.path["subject_id"] = "gv-a";
  if (service == "nominations") {
    t.path["id"] = std::regex_search(pattern, nomination) ? ids.review : "probe-id";
    if (pattern.find("/tokens/{id}") != std::string::npos) t.path["id"] = "0123456789abcdef";
    if (pattern.ends_with("/sessions/{id}")) t.path["id"] = "0123456789abcdef0123456789abcdef";
    if (pattern.find("/staff/{id}/") != std::string::npos) t.path["id"] = "gv-a";
    if (method == "PUT" && pattern.ends_with("nominations/{id}")) t.path["id"] = ids.draft;
    if (pattern.ends_with("/transitions")) t.path["id"] = ids.closed;
    if (pattern.ends_with("/evidence")) t.path["id"] = ids.draft;
    if (pattern.ends_with("/council/meetings/{id}")) t.path["id"] = ids.corrected_meeting;
    // An entry to correct; the removal tries one that does not exist, so it stays.
    if (pattern.ends_with("/initiatives/{id}")) {
      t.path["id"] = method == "DELETE" ? "999999" : ids.initiative;
    }
  } else if (service == "reports") {
    t.path["id"] = "probe-id";
  } else {
    t.path["id"] = "0123abcd";
  }
  // Valid bodies.
  static const std::map<std::string, std::pair<json, bool>> bodies{
      {"nominations POST /api/nominations/v1/nominations",
       {{{"period", "2026"},
         {"award", "gk_ht"},
         {"subject_kind", "collective"},
         {"subject_id", "to-toan-tin"},
         {"reason", "Lý do."}},
        true}},
      {"nominations PUT /api/nominations/v1/nominations/{id}",
       {{{"period", "2026"},
         {"award", "gk_xa"},
         {"subject_kind", "individual"},
         {"subject_id", "gv-a"}},
        true}},
      {"nominations POST /api/nominations/v1/nominations/{id}/transitions",
       {{{"action", "submit"}}, false}},
      {"nominations PUT /api/nominations/v1/nominations/{id}/vote",
       {{{"meeting_id", "1"}, {"yes", 7}, {"no", 0}}, true}},
      {"nominations PUT /api/nominations/v1/nominations/{id}/dossier/{item}",
       {{{"copies", 1}}, true}},
      {"nominations POST /api/nominations/v1/nominations/{id}/evidence",
       {{{"achievement", 0}, {"link", "https://drive.google.com/file/d/bai-giang-1"}}, true}},
      {"nominations POST /api/nominations/v1/council/meetings",
       {{{"date", "2026-05-20"}, {"members_total", 9}, {"members_present", 7}}, true}},
      {"nominations PUT /api/nominations/v1/council/meetings/{id}",
       {{{"date", "2026-05-21"}, {"members_total", 9}, {"members_present", 8}}, true}},
      {"nominations PUT /api/nominations/v1/catalogue/units/{id}", {{{"name", "Tổ thử"}}, true}},
      {"nominations PUT /api/nominations/v1/catalogue/periods/{id}",
       {{{"kind", "annual"}, {"year", 2026}, {"label", "Năm học thử"}}, true}},
      {"nominations PUT /api/nominations/v1/catalogue/award-forms/{id}",
       {{{"label", "Giấy khen thử"}}, true}},
      {"nominations PUT /api/nominations/v1/catalogue/staff/{id}",
       {{{"name", "Cán bộ thử"}, {"unit_id", "to-toan-tin"}}, true}},
      {"nominations POST /api/nominations/v1/tokens", {{{"staff_id", "gv-a"}}, true}},
      {"nominations PUT /api/nominations/v1/registrations/{year}/{kind}/{subject_id}",
       {{{"titles", {"Lao động tiên tiến"}},
         {"targets", {{{"content_area", "II.1"}, {"text", "12 bài giảng điện tử"}}}},
         {"submit", true}},
        true}},
      {"nominations POST /api/nominations/v1/rounds",
       {{{"period", "2026"},
         {"name", "Đợt thử"},
         {"opens", "2026-11-01"},
         {"closes", "2026-11-30"}},
        true}},
      {"nominations PUT /api/nominations/v1/rounds/{id}",
       {{{"period", "2026"},
         {"name", "Đợt thử"},
         {"opens", "2026-11-01"},
         {"closes", "2026-11-30"}},
        true}},
      // Issuing: no signer is configured here, so a valid call is 422 (signer_missing)
      // before anything is rendered.
      {"nominations POST /api/nominations/v1/documents/to-trinh",
       {{{"period", "2026"}, {"award", "gk_xa"}}, true}},
      {"nominations POST /api/nominations/v1/documents/quyet-dinh", {{{"period", "2026"}}, true}},
      {"nominations POST /api/nominations/v1/documents/bien-ban", {{{"meeting_id", "1"}}, true}},
      {"nominations POST /api/nominations/v1/documents/bao-cao-thanh-tich",
       {{{"nomination_id", "1"}}, true}},
      // Their previews take the same bodies and refuse the same way.
      {"nominations POST /api/nominations/v1/documents/to-trinh/preview",
       {{{"period", "2026"}, {"award", "gk_xa"}}, true}},
      {"nominations POST /api/nominations/v1/documents/quyet-dinh/preview",
       {{{"period", "2026"}}, true}},
      {"nominations POST /api/nominations/v1/documents/bien-ban/preview",
       {{{"meeting_id", "1"}}, true}},
      {"nominations POST /api/nominations/v1/documents/bao-cao-thanh-tich/preview",
       {{{"nomination_id", "1"}}, true}},
      {"nominations POST /api/nominations/v1/zalo-links",
       {{{"code", "abcd1234"}, {"zalo_user_id", "zalo-1"}}, true}},
      {"reports PUT /api/reports/v1/deadlines/{id}",
       {{{"name", "Hạn thử"},
         {"recipient", "UBND xã"},
         {"rule", "yearly"},
         {"month", 10},
         {"day", 15},
         {"first_year", 2000},
         {"last_year", 2100}},
        true}},
      {"reports POST /api/reports/v1/deadlines/{id}/done",
       {{{"due_date", "2026-10-30"}, {"done_on", "2026-10-28"}, {"number", "25/BC-THCSVP1"}},
        true}},
      {"reports PUT /api/reports/v1/contributions/{year}/{unit}",
       {{{"narratives", {{"II.1", "Một."}}}, {"figures", {{"e_lessons", 1}}}}, true}},
      {"reports PATCH /api/reports/v1/contributions/{year}/{unit}",
       {{{"narratives", {{"II.2", "Hai."}}}, {"figures", {{"e_lessons", 2}}}}, true}},
      {"reports POST /api/reports/v1/contributions/{year}/{unit}/reopen",
       {{{"reason", "Thiếu số liệu nội dung II.2."}}, true}},
      {"reports POST /api/reports/v1/contributions/{year}/{unit}/submit",
       {{{"narratives", {{"II.1", "Một."}}}}, true}},
      {"reports PUT /api/reports/v1/indicators/{year}",
       {{{"indicators",
          {{{"code", "e_lessons"}, {"label", "Bài giảng"}, {"area", "II.4"}, {"unit", "bài"}}}}},
        true}},
      {"reports POST /api/reports/v1/school-reports/{year}/sent",
       {{{"sent_on", "2026-10-30"}, {"number", "25/BC-THCSVP1"}}, true}},
      {"reports PATCH /api/reports/v1/school-reports/{year}/sections",
       {{{"situation", "Trường có 18 lớp."}, {"next_year", "Tiếp tục."}}, true}},
      {"notifications POST /api/notifications/v1/messages",
       {{{"target", "group"}, {"text", "Thử."}}, true}},
      {"notifications POST /api/notifications/v1/bot/zalo/webhook", {json::object(), false}},
  };
  if (key.starts_with("nominations POST /api/nominations/v1/initiatives") ||
      key.starts_with("nominations PUT /api/nominations/v1/initiatives/")) {
    t.body = initiative_body();
    t.probe_body = true;
  }
  // "Mẫu văn bản": the school's own file is a valid template of its document.
  if (pattern.ends_with("/templates/{file}")) {
    t.path["file"] = service == "reports" ? "bao-cao-nam.txt" : "to-trinh.txt";
    if (method == "PUT") {
      std::ifstream in(testing::source_dir() + "/config/documents/" + t.path["file"]);
      std::stringstream text;
      text << in.rdbuf();
      t.body = {{"wording", text.str()}};
      t.probe_body = true;
    }
  }
  if (auto b = bodies.find(key); b != bodies.end()) {
    t.body = b->second.first;
    t.probe_body = b->second.second;
    if (key.ends_with("/vote")) t.body["meeting_id"] = ids.meeting;
  }
  return t;
}

json initiative_body() {
  return {{"title", "Kho bài giảng điện tử dùng chung"},
          {"author_ids", {"gv-a"}},
          {"unit_id", "to-toan-tin"},
          {"content_area", "II.4"},
          {"year", 2026}};
}

}  // namespace thidua::contract::input_parity
