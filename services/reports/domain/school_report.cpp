#include "reports/domain/school_report.hpp"

#include <cstdio>

#include "core/movement.hpp"
#include "core/text.hpp"

namespace thidua::reports {
namespace {

std::string paragraphs(const std::string& text) {
  std::string out = "<p>";
  for (char c : html_escape(text)) {
    if (c == '\n')
      out += "</p><p>";
    else
      out += c;
  }
  return out + "</p>";
}

std::string long_date(const std::string& place, LocalDate d) {
  char day[8], month[8];
  // Nghị định 30/2020, Phụ lục I: a leading zero for days 1–9 and for months 1 and 2.
  std::snprintf(day, sizeof day, d.day < 10 ? "0%d" : "%d", d.day);
  std::snprintf(month, sizeof month, d.month < 3 ? "0%d" : "%d", d.month);
  return place + ", ngày " + day + " tháng " + month + " năm " + std::to_string(d.year);
}
}  // namespace

bool writes_yearly_part(const UnitInfo& unit) {
  return unit.kind == "subject_group" || unit.kind == "office";
}

bool owes_yearly_part(const UnitInfo& unit) {
  return writes_yearly_part(unit) && unit.active;
}

std::vector<UnitInfo> units_of_year(const std::vector<UnitInfo>& units,
                                    const std::set<std::string>& submitted) {
  std::vector<UnitInfo> out;
  for (const auto& u : units) {
    if (owes_yearly_part(u) || (writes_yearly_part(u) && submitted.count(u.id) > 0)) {
      out.push_back(u);
    }
  }
  return out;
}

std::set<std::string> submitted_units(const std::vector<Contribution>& parts) {
  std::set<std::string> out;
  for (const auto& c : parts) {
    if (c.submitted) out.insert(c.unit_id);
  }
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<const UnitInfo*> SchoolReport::missing() const {
  std::vector<const UnitInfo*> out;
  for (const auto& u : units) {
    if (!submitted.count(u.id)) out.push_back(&u);
  }
  return out;
}

std::map<std::string, long long> SchoolReport::totals() const {
  std::map<std::string, long long> sum;
  for (const auto& i : indicators) sum[i.code] = 0;
  for (const auto& [id, c] : submitted) {
    for (const auto& [code, n] : c.figures) sum[code] += n;
  }
  return sum;
}

std::string render_html(const SchoolReport& r, LocalDate today) {
  const auto& s = r.school;
  LocalDate dated = r.sent ? r.sent->sent_on : today;
  std::string number = r.sent ? r.sent->number : "        /BC-";
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">";
  h += "<title>Báo cáo năm " + std::to_string(r.year) + " – " + html_escape(s.name) + "</title>";
  h +=
      "<style>body{font-family:'Times New Roman',serif;font-size:14pt;max-width:20cm;"
      "margin:2cm auto;line-height:1.4}table.head{width:100%}table.head td{vertical-align:top;"
      "text-align:center}.motto{font-weight:bold;text-decoration:underline}.date{font-style:italic}"
      "h1{font-size:14pt;text-align:center;margin:1em 0 0}.summary{text-align:center;"
      "font-weight:bold}table.figures{border-collapse:collapse;margin:.5em 0}table.figures td,"
      "table.figures th{border:1px solid #000;padding:2px 6px}.sign{width:100%;margin-top:2em}"
      ".sign td{vertical-align:top}.recipients{font-size:12pt}@media print{body{margin:0}}"
      "</style></head><body>\n";
  h += "<table class=\"head\"><tr><td><b>" + html_escape(text::upper(s.name)) +
       "</b><br>Số: " + html_escape(number) +
       "</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><span class=\"motto\">Độc lập - "
       "Tự do - Hạnh phúc</span><br><span class=\"date\">" +
       html_escape(long_date(s.place, dated)) + "</span></td></tr></table>\n";
  h += "<h1>BÁO CÁO</h1><p class=\"summary\">" + html_escape(s.title) + " năm " +
       std::to_string(r.year) + "</p>\n";
  h += "<p style=\"text-align:center\">Kính gửi: " + html_escape(s.recipient) + ".</p>\n";
  h += "<h2>I. KẾT QUẢ THỰC HIỆN</h2>\n";
  auto totals = r.totals();
  int n = 0;
  for (const auto& area : content_areas()) {
    h += "<h3>" + std::to_string(++n) + ". " + html_escape(area.label) + " (" + area.code +
         ")</h3>\n";
    bool any = false;
    for (const auto& u : r.units) {
      auto it = r.submitted.find(u.id);
      if (it == r.submitted.end()) continue;
      auto text = it->second.narratives.find(area.code);
      if (text == it->second.narratives.end()) continue;
      any = true;
      h += "<p><b>" + html_escape(u.name) + ":</b></p>" + paragraphs(text->second) + "\n";
    }
    std::string rows;
    for (const auto& i : r.indicators) {
      if (i.area != area.code) continue;
      rows += "<tr><td>" + html_escape(i.label) + "</td><td>" + std::to_string(totals[i.code]) +
              " " + html_escape(i.unit) + "</td></tr>";
    }
    if (!rows.empty()) {
      h += "<table class=\"figures\"><tr><th>Chỉ số</th><th>Số lượng</th></tr>" + rows +
           "</table>\n";
    } else if (!any) {
      h += "<p>Chưa có nội dung.</p>\n";
    }
  }
  h += "<h2>II. KHÓ KHĂN, VƯỚNG MẮC</h2>\n";
  std::string proposals;
  bool any_difficulty = false;
  for (const auto& u : r.units) {
    auto it = r.submitted.find(u.id);
    if (it == r.submitted.end()) continue;
    if (!it->second.difficulties.empty()) {
      any_difficulty = true;
      h +=
          "<p><b>" + html_escape(u.name) + ":</b></p>" + paragraphs(it->second.difficulties) + "\n";
    }
    if (!it->second.proposals.empty()) {
      proposals +=
          "<p><b>" + html_escape(u.name) + ":</b></p>" + paragraphs(it->second.proposals) + "\n";
    }
  }
  if (!any_difficulty) h += "<p>Không có.</p>\n";
  h +=
      "<h2>III. ĐỀ XUẤT, KIẾN NGHỊ</h2>\n" + (proposals.empty() ? "<p>Không có.</p>\n" : proposals);
  auto missing = r.missing();
  if (!missing.empty()) {
    std::string names;
    for (const auto* u : missing) names += (names.empty() ? "" : ", ") + u->name;
    h += "<p><i>Đơn vị chưa gửi phần báo cáo: " + html_escape(names) + ".</i></p>\n";
  }
  h += "<table class=\"sign\"><tr><td class=\"recipients\"><b><i>Nơi nhận:</i></b><br>- " +
       html_escape(s.recipient) +
       ";<br>- Lưu: VT.</td><td style=\"text-align:center\"><b>HIỆU "
       "TRƯỞNG</b><br><i>(Ký, ghi rõ họ tên và đóng dấu)</i></td></tr></table>\n";
  h += "</body></html>\n";
  return h;
}

}  // namespace thidua::reports
