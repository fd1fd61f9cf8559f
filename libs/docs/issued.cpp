#include "docs/issued.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace thidua::docs {
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

std::string type_slug(const std::string& type) {
  std::string out;
  for (std::size_t i = 0; i < type.size(); ++i) {
    char c = type[i];
    // "Đ" (U+0110) and "đ" (U+0111) are C4 90 and C4 91 in UTF-8.
    if (static_cast<unsigned char>(c) == 0xC4 && i + 1 < type.size() &&
        (static_cast<unsigned char>(type[i + 1]) == 0x90 ||
         static_cast<unsigned char>(type[i + 1]) == 0x91)) {
      out += 'd';
      ++i;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    }
  }
  return out;
}

std::string document_id(int number_year, const std::string& type, int number) {
  return std::to_string(number_year) + "-" + type_slug(type) + "-" + two_digits(number);
}

bool reason_missing(const std::vector<IssuedDocument>& versions, const std::string& reason) {
  return !versions.empty() && text::one_line(reason).empty();
}

IssuePlan next_version(const std::vector<IssuedDocument>& versions) {
  if (versions.empty()) return {1, ""};
  return {versions.back().version + 1, versions.back().id};
}

std::string download_name(const std::string& type_name, const std::string& subject_label,
                          const std::string& number_text, const std::string& extension) {
  std::string number = number_text;
  for (auto& c : number) c = c == '/' ? '-' : c;
  return type_name + " " + subject_label + " - số " + number + "." + extension;
}

std::optional<FileRequest> parse_file_request(const std::string& file) {
  for (const std::string format : {"docx", "pdf"}) {
    const std::string ext = "." + format;
    if (file.size() > ext.size() && file.ends_with(ext)) {
      return FileRequest{file.substr(0, file.size() - ext.size()), format};
    }
  }
  if (file.find('.') != std::string::npos) return std::nullopt;
  return FileRequest{file, ""};
}

const std::string& media_type(const std::string& format) {
  static const std::string kPdf = "application/pdf";
  return format == "pdf" ? kPdf : kDocxMediaType;
}

const std::string& file_name(const IssuedDocument& d, const std::string& format) {
  return format == "pdf" ? d.pdf_name : d.docx_name;
}

}  // namespace thidua::docs
