#pragma once
// The sections of the yearly report the board writes itself (issue 11, document 1): the
// units write the results per content area; the school's report also says on what basis
// and in what situation the school worked, how the movement was directed and promoted, the
// overall assessment (strengths, limits), the directions for next year and the school's own
// proposals. Each is a text of its own: the board edits one without touching another.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::reports {

// The sections, in the order the report prints them.
enum class SchoolSection { Situation, Direction, Strengths, Limitations, NextYear, Proposals };

struct SectionInfo {
  SchoolSection section;
  std::string_view key;          // the API's field: "situation"
  std::string_view placeholder;  // the template's value: "tinh_hinh"
  std::string_view label;        // the dashboard's and the messages' name of the section
};
// Every section with its names, in print order.
const std::array<SectionInfo, 6>& school_sections();
// The section of an API field; nullopt for an unknown one.
std::optional<SchoolSection> section_of_key(std::string_view key);

// One text per section may be this long (characters of UTF-8 text, as a unit's narrative).
inline constexpr std::size_t kSectionMaxChars = 12000;

struct SchoolSections {
  std::map<SchoolSection, std::string> text;  // absent: not written
  std::string updated_by;                     // staff id of the last edit; "" never edited
  std::string updated_at;                     // RFC 3339 instant of the last edit
  // The text of `s`, "" when not written.
  const std::string& of(SchoolSection s) const;
};

// A PATCH names the sections it changes; a section absent from it stays as it was, and ""
// empties one (the store removes it).
using SectionsPatch = std::map<SchoolSection, std::string>;

// `patch` as it is stored: a text of only spaces and line breaks is nothing written, "".
SectionsPatch normalise(SectionsPatch patch);

// The sections still empty, in print order: what the dashboard lists before issuing (an
// internal note, never printed).
std::vector<SectionInfo> unwritten(const SchoolSections& s);

}  // namespace thidua::reports
