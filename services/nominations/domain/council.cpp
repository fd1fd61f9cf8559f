#include "nominations/domain/council.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {

Ratio Ratio::parse(const std::string& text, const std::string& setting) {
  Ratio r;
  auto fail = [&] {
    return ConfigError(setting + ": '" + text +
                       "' is not a ratio in (0, 1] such as 2/3, 70% or 0.7");
  };
  try {
    if (auto slash = text.find('/'); slash != std::string::npos) {
      r.num = std::stoll(text.substr(0, slash));
      r.den = std::stoll(text.substr(slash + 1));
    } else if (!text.empty() && text.back() == '%') {
      r.num = std::stoll(text.substr(0, text.size() - 1));
      r.den = 100;
    } else {
      double v = std::stod(text);
      r.num = static_cast<long long>(v * 10000 + 0.5);
      r.den = 10000;
    }
  } catch (const std::exception&) {
    throw fail();
  }
  if (r.den <= 0 || r.num <= 0 || r.num > r.den) throw fail();
  return r;
}

void check_meeting(const Meeting& m) {
  if (m.members_total <= 0 || m.members_total > 200) {
    throw bad_request("invalid_members_total", say("problem.members_total"));
  }
  if (m.members_present < 0 || m.members_present > 200) {
    throw bad_request("invalid_members_present", say("problem.members_present"));
  }
  // Each number is well formed; together they are not (a rule between fields: 422).
  if (m.members_present > m.members_total) {
    throw unprocessable(
        "more_present_than_members",
        say("problem.more_present_than_members", {{"present", std::to_string(m.members_present)},
                                                  {"total", std::to_string(m.members_total)}}));
  }
}

VoteOutcome evaluate_vote(const Meeting& m, const Vote& v, const VoteRules& rules) {
  check_meeting(m);
  if (v.yes < 0 || v.no < 0 || v.abstain < 0) {
    throw bad_request("invalid_vote", say("problem.negative_votes"));
  }
  if (v.yes + v.no + v.abstain > m.members_present) {
    throw unprocessable("too_many_votes", say("problem.too_many_votes",
                                              {{"votes", std::to_string(v.yes + v.no + v.abstain)},
                                               {"present", std::to_string(m.members_present)}}));
  }
  VoteOutcome out;
  out.quorum_needed = rules.quorum.needed_of(m.members_total);
  out.quorum_met = m.members_present >= out.quorum_needed;
  long long base = rules.base_is_all_members ? m.members_total : m.members_present;
  const Ratio& bar = v.secret_ballot ? rules.secret_approval : rules.approval;
  out.approvals_needed = bar.needed_of(base);
  out.passed = out.quorum_met && base > 0 && v.yes >= out.approvals_needed;
  out.summary = say(v.secret_ballot ? "vote.summary_secret" : "vote.summary",
                    {{"present", std::to_string(m.members_present)},
                     {"total", std::to_string(m.members_total)},
                     {"quorum", std::to_string(out.quorum_needed)},
                     {"yes", std::to_string(v.yes)},
                     {"no", std::to_string(v.no)},
                     {"abstain", std::to_string(v.abstain)},
                     {"needed", std::to_string(out.approvals_needed)}});
  return out;
}

bool keeps_council_records(Role role) {
  return role == Role::Admin || role == Role::Council;
}

MeetingRecord meeting_record(Meeting m, const VoteRules& rules, std::string by, std::string at) {
  MeetingRecord r;
  r.quorum_needed = rules.quorum.needed_of(m.members_total);
  r.quorum_met = m.members_present >= r.quorum_needed;
  r.meeting = std::move(m);
  r.recorded_by = std::move(by);
  r.recorded_at = std::move(at);
  return r;
}

}  // namespace thidua::nominations
