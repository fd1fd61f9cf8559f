#include "nominations/domain/initiative.hpp"

#include <algorithm>
#include <array>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
struct LevelName {
  InitiativeLevel level;
  std::string_view code;
  std::string_view label_key;
};
constexpr std::array<LevelName, 5> kLevels{{
    {InitiativeLevel::None, "", "initiative.level.none"},
    {InitiativeLevel::School, "co_so", "initiative.level.co_so"},
    {InitiativeLevel::Commune, "xa", "initiative.level.xa"},
    {InitiativeLevel::Province, "tinh", "initiative.level.tinh"},
    {InitiativeLevel::National, "toan_quoc", "initiative.level.toan_quoc"},
}};

const LevelName& named(InitiativeLevel level) {
  for (const auto& l : kLevels) {
    if (l.level == level) return l;
  }
  return kLevels[0];
}

ApiError invalid(std::string_view key, text::Vars vars = {}) {
  return unprocessable("invalid_initiative", say(key, vars));
}
}  // namespace

std::optional<InitiativeLevel> parse_initiative_level(std::string_view code) {
  for (const auto& l : kLevels) {
    if (l.code == code) return l.level;
  }
  return std::nullopt;
}

std::string_view initiative_level_code(InitiativeLevel level) {
  return named(level).code;
}

std::string initiative_level_label(InitiativeLevel level) {
  return say(named(level).label_key);
}

bool records_initiatives(Role role) {
  return role == Role::Admin || role == Role::Council;
}

bool removes_initiatives(Role role) {
  return role == Role::Admin;
}

void check_initiative(Initiative& e, const Catalogue& c, LocalDate today) {
  if (text::blank(e.title)) throw invalid("initiative.title_required");
  if (e.author_ids.empty()) throw invalid("initiative.author_required");
  if (e.author_ids.size() > kMaxAuthors) {
    throw invalid("initiative.too_many_authors", {{"max", std::to_string(kMaxAuthors)}});
  }
  e.author_names.clear();
  for (std::size_t i = 0; i < e.author_ids.size(); ++i) {
    const auto& id = e.author_ids[i];
    if (std::find(e.author_ids.begin(), e.author_ids.begin() + i, id) != e.author_ids.begin() + i) {
      throw invalid("initiative.author_twice", {{"id", id}});
    }
    const StaffMember* m = c.staff_member(id);
    if (!m) throw invalid("initiative.unknown_author", {{"id", id}});
    e.author_names.push_back(m->name);
  }
  const Unit* unit = c.unit(e.unit_id);
  if (!unit) throw invalid("initiative.unknown_unit", {{"id", e.unit_id}});
  e.unit_name = unit->name;
  if (!is_content_area(e.content_area)) {
    throw invalid("initiative.unknown_area", {{"area", e.content_area}});
  }
  if (e.year < kFirstYear || e.year > kLastYear) {
    throw invalid("initiative.year_outside_movement",
                  {{"first", std::to_string(kFirstYear)}, {"last", std::to_string(kLastYear)}});
  }
  if (e.level == InitiativeLevel::None) {
    if (e.decision) throw invalid("initiative.decision_without_level");
    if (e.is_public) throw invalid("initiative.public_needs_recognition");
    return;
  }
  if (!e.decision || text::blank(e.decision->number)) {
    throw invalid("initiative.decision_required", {{"level", initiative_level_label(e.level)}});
  }
  if (e.decision->date > today) {
    throw unprocessable("date_in_future",
                        say("initiative.decision_in_future",
                            {{"date", vn_date(e.decision->date)}, {"today", vn_date(today)}}));
  }
}

bool shown_publicly(const Initiative& e) {
  return e.is_public && e.level != InitiativeLevel::None && e.decision.has_value();
}

}  // namespace thidua::nominations
