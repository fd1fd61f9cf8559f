#include "nominations/domain/round.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
ApiError invalid(std::string_view key, text::Vars vars = {}) {
  return unprocessable("invalid_round", say(key, vars));
}

// The movement's first day, and the last day a nomination of its last period may be filed.
constexpr LocalDate kFirstDay{kFirstYear, 1, 1};
constexpr LocalDate kLastDay{kLastYear + 1, 12, 31};

std::string award_label(const Catalogue& c, const std::string& code) {
  const AwardForm* a = c.award(code);
  return a ? a->label : code;
}

std::string period_label(const Catalogue& c, const std::string& id) {
  const Period* p = c.period(id);
  return text::lower_first(p ? p->label : id);
}
}  // namespace

RoundState round_state(const Round& r, LocalDate today) {
  if (today < r.opens) return RoundState::Upcoming;
  if (today > r.closes) return RoundState::Closed;
  return RoundState::Open;
}

std::string_view round_state_name(RoundState state) {
  switch (state) {
    case RoundState::Upcoming:
      return "upcoming";
    case RoundState::Open:
      return "open";
    case RoundState::Closed:
      return "closed";
  }
  return "closed";
}

std::string round_state_label(RoundState state) {
  return say("round.state." + std::string(round_state_name(state)));
}

bool covers(const Round& r, const std::string& period, const std::string& award) {
  if (r.period_id != period) return false;
  return r.award_codes.empty() ||
         std::find(r.award_codes.begin(), r.award_codes.end(), award) != r.award_codes.end();
}

bool keeps_rounds(Role role) {
  return role == Role::Admin;
}

void check_round(const Round& r, const Catalogue& c) {
  if (text::blank(r.name)) throw invalid("round.name_required");
  if (!c.period(r.period_id)) {
    throw unprocessable("invalid_round", say("problem.unknown_period", {{"period", r.period_id}}));
  }
  for (std::size_t i = 0; i < r.award_codes.size(); ++i) {
    const auto& code = r.award_codes[i];
    if (!c.award(code)) {
      throw unprocessable("invalid_round", say("problem.unknown_award", {{"code", code}}));
    }
    auto first = r.award_codes.begin();
    if (std::find(first, first + i, code) != first + i) {
      throw invalid("round.award_twice", {{"award", award_label(c, code)}});
    }
  }
  if (r.closes < r.opens) {
    throw invalid("round.closes_before_opens",
                  {{"opens", vn_date(r.opens)}, {"closes", vn_date(r.closes)}});
  }
  if (r.opens < kFirstDay || r.closes > kLastDay) {
    throw invalid("round.outside_movement",
                  {{"first", vn_date(kFirstDay)}, {"last", vn_date(kLastDay)}});
  }
}

void check_round_change(const Round& before, const Round& after,
                        const std::vector<std::string>& awards_in_use, const Catalogue& c) {
  if (awards_in_use.empty()) return;
  if (after.period_id != before.period_id) {
    throw conflict("round_in_use",
                   say("round.in_use_period",
                       {{"name", before.name}, {"count", std::to_string(awards_in_use.size())}}));
  }
  for (const auto& award : awards_in_use) {
    if (!covers(after, after.period_id, award)) {
      throw conflict("round_in_use", say("round.in_use_award", {{"name", before.name},
                                                                {"award", award_label(c, award)}}));
    }
  }
}

const Round& filing_round(const std::vector<Round>& rounds, const std::string& period,
                          const std::string& award, LocalDate today, const Catalogue& c) {
  const Round* open = nullptr;
  const Round* next = nullptr;  // the first to open after today
  const Round* last = nullptr;  // the last to have closed
  for (const auto& r : rounds) {
    if (!covers(r, period, award)) continue;
    switch (round_state(r, today)) {
      case RoundState::Open:
        if (!open || r.closes < open->closes) open = &r;
        break;
      case RoundState::Upcoming:
        if (!next || r.opens < next->opens) next = &r;
        break;
      case RoundState::Closed:
        if (!last || r.closes > last->closes) last = &r;
        break;
    }
  }
  if (open) return *open;
  const std::string a = award_label(c, award);
  const std::string p = period_label(c, period);
  if (next) {
    const std::string opens = vn_date(next->opens), closes = vn_date(next->closes);
    throw unprocessable("round_not_open", say("round.not_open_next", {{"award", a},
                                                                      {"period", p},
                                                                      {"name", next->name},
                                                                      {"opens", opens},
                                                                      {"closes", closes}}));
  }
  if (last) {
    const std::string closes = vn_date(last->closes);
    throw unprocessable(
        "round_not_open",
        say("round.not_open_closed",
            {{"award", a}, {"period", p}, {"name", last->name}, {"closes", closes}}));
  }
  throw unprocessable("round_not_open", say("round.not_open_none", {{"award", a}, {"period", p}}));
}

void sort_rounds(std::vector<Round>& rounds) {
  std::sort(rounds.begin(), rounds.end(), [](const Round& a, const Round& b) {
    if (a.opens != b.opens) return a.opens < b.opens;
    if (a.closes != b.closes) return a.closes < b.closes;
    return a.id < b.id;
  });
}

}  // namespace thidua::nominations

namespace thidua::nominations {

std::vector<std::string> round_meeting_ids(const std::string& round_id,
                                           const std::vector<NominationRecord>& all) {
  std::vector<std::string> ids;
  for (const auto& r : all) {
    if (round_id.empty() || r.round_id != round_id || !r.vote) continue;
    const auto& id = r.vote->ballot.meeting_id;
    if (id.empty()) continue;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  // Ids are numbers given in order: shorter is older.
  std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  return ids;
}

}  // namespace thidua::nominations
