#include "nominations/app/rounds_app.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
ApiError missing(const std::string& id) {
  return not_found("round_not_found", say("round.not_found", {{"id", id}}));
}
}  // namespace

RoundsApp::RoundsApp(RoundStore& store, CatalogueStore& catalogue, NominationStore& nominations,
                     const Clock& clock)
    : store_(store), catalogue_(catalogue), nominations_(nominations), clock_(clock) {}

Task<std::vector<std::string>> RoundsApp::awards_in(const std::string& id) const {
  // A scan: a school has hundreds of nominations, and rounds change a few times a year. A
  // nomination filed while its round is being removed can keep the removed round's id; it
  // stays valid (the round only gated its filing).
  auto all = co_await nominations_.all();
  std::vector<std::string> out;
  for (const auto& n : all) {
    if (n.round_id == id) out.push_back(n.draft.award);
  }
  co_return out;
}

Task<Round> RoundsApp::open(const Principal& who, Round round) {
  auto catalogue = co_await catalogue_.load();
  check_round(round, *catalogue);
  // Store ids never take a seed round's id, whatever the seed file called its rounds.
  for (;;) {
    round.id = co_await store_.next_id();
    auto taken = co_await store_.get(round.id);
    if (!taken) break;
  }
  round.updated_by = who.subject;
  round.updated_at = iso_instant(clock_.now());
  co_await store_.put(round);
  co_return round;
}

Task<Round> RoundsApp::edit(const Principal& who, const std::string& id, Round round) {
  auto before = co_await store_.get(id);
  if (!before) throw missing(id);
  auto catalogue = co_await catalogue_.load();
  check_round(round, *catalogue);
  round.id = id;
  auto used = co_await awards_in(id);
  check_round_change(*before, round, used, *catalogue);
  round.updated_by = who.subject;
  round.updated_at = iso_instant(clock_.now());
  co_await store_.put(round);
  co_return round;
}

Task<void> RoundsApp::remove(const std::string& id) {
  auto round = co_await store_.get(id);
  if (!round) throw missing(id);
  auto used = co_await awards_in(id);
  if (!used.empty()) {
    throw conflict("round_in_use",
                   say("round.in_use_delete",
                       {{"name", round->name}, {"count", std::to_string(used.size())}}));
  }
  // Named first (GCC 12: a co_await in the if's condition with a throw after it hung).
  bool removed = co_await store_.remove(id);
  if (!removed) throw missing(id);
}

Task<std::vector<Round>> RoundsApp::list() const {
  co_return co_await store_.all();
}

Task<std::map<std::string, std::vector<MeetingRecord>>> RoundsApp::meetings_by_round(
    const std::vector<Round>& rounds) const {
  auto all = co_await nominations_.all();
  auto meetings = co_await nominations_.meetings();
  std::map<std::string, std::vector<MeetingRecord>> out;
  for (const auto& round : rounds) {
    auto& list = out[round.id];
    for (const auto& id : round_meeting_ids(round.id, all)) {
      for (const auto& m : meetings) {
        if (m.meeting.id == id) list.push_back(m);
      }
    }
  }
  co_return out;
}

Task<std::vector<Round>> RoundsApp::in_state(bool (*keep)(RoundState)) const {
  auto all = co_await store_.all();
  std::vector<Round> out;
  for (auto& r : all) {
    if (keep(round_state(r, today()))) out.push_back(std::move(r));
  }
  co_return out;
}

Task<std::vector<Round>> RoundsApp::not_closed() const {
  co_return co_await in_state([](RoundState s) { return s != RoundState::Closed; });
}

Task<std::vector<Round>> RoundsApp::open_today() const {
  co_return co_await in_state([](RoundState s) { return s == RoundState::Open; });
}

}  // namespace thidua::nominations
