#include "reports/domain/issued.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

std::string two_digits(int n) {
  return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
}
}  // namespace

json to_json(const IssuedDocument& d) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"subject", d.subject},
          {"version", d.version},
          {"number_year", d.number_year},
          {"number", d.number},
          {"type", d.type},
          {"number_text", d.number_text},
          {"type_name", d.type_name},
          {"summary", d.summary},
          {"issued_on", iso_date(d.issued_on)},
          {"issued_on_vn", vn_date(d.issued_on)},
          {"issued_at", d.issued_at},
          {"issued_by", d.issued_by},
          {"signer", d.signer},
          {"signer_title", d.signer_title},
          {"recipient", d.recipient},
          {"reason", d.reason},
          {"replaces", d.replaces.empty() ? json(nullptr) : json(d.replaces)},
          {"files",
           {{"docx", {{"name", d.docx_name}, {"bytes", d.docx_bytes}}},
            {"pdf", {{"name", d.pdf_name}, {"bytes", d.pdf_bytes}}}}}};
}

IssuedDocument issued_from_json(const json& j) {
  IssuedDocument d;
  d.id = j.value("id", "");
  d.kind = j.value("kind", "");
  d.subject = j.value("subject", "");
  d.version = j.value("version", 1);
  d.number_year = j.value("number_year", 0);
  d.number = j.value("number", 0);
  d.type = j.value("type", "");
  d.number_text = j.value("number_text", "");
  d.type_name = j.value("type_name", "");
  d.summary = j.value("summary", "");
  d.issued_on = parse_iso_date(j.value("issued_on", "")).value_or(LocalDate{});
  d.issued_at = j.value("issued_at", "");
  d.issued_by = j.value("issued_by", "");
  d.signer = j.value("signer", "");
  d.signer_title = j.value("signer_title", "");
  d.recipient = j.value("recipient", "");
  d.reason = j.value("reason", "");
  if (j.contains("replaces") && j["replaces"].is_string()) d.replaces = j["replaces"];
  if (j.contains("files")) {
    const auto& f = j["files"];
    d.docx_name = f["docx"].value("name", "");
    d.docx_bytes = f["docx"].value("bytes", std::size_t{0});
    d.pdf_name = f["pdf"].value("name", "");
    d.pdf_bytes = f["pdf"].value("bytes", std::size_t{0});
  }
  return d;
}

std::string document_id(int number_year, const std::string& type, int number) {
  std::string t;
  for (char c : type) t += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return std::to_string(number_year) + "-" + t + "-" + two_digits(number);
}

bool plain_document_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

IssuePlan plan_issue(const std::vector<IssuedDocument>& versions, const std::string& reason) {
  if (versions.empty()) return {1, ""};
  const auto& last = versions.back();
  if (text::one_line(reason).empty()) {
    throw conflict("reason_required", say("issue.reason_required",
                                          {{"year", last.subject}, {"number", last.number_text}}));
  }
  return {last.version + 1, last.id};
}

std::string download_name(const std::string& type_name, const std::string& subject_label,
                          const std::string& number_text, const std::string& extension) {
  std::string number = number_text;
  for (auto& c : number) c = c == '/' ? '-' : c;
  return type_name + " " + subject_label + " - số " + number + "." + extension;
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
