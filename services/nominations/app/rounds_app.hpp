#pragma once
// Nomination rounds (domain/round.hpp): opened, edited and removed by the board, read by
// everyone signed in, and the open and coming ones for the website. Works on typed rounds;
// the API parses and renders them.
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/roles.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/nomination_store.hpp"
#include "nominations/store/round_store.hpp"

namespace thidua::nominations {

class RoundsApp {
 public:
  RoundsApp(RoundStore& store, CatalogueStore& catalogue, NominationStore& nominations,
            const Clock& clock);

  // The round as stored, with its id. 422 invalid_round as check_round says.
  Task<Round> open(const Principal& who, Round round);
  // Replaces round `id`: 404 round_not_found, 422 invalid_round, 409 round_in_use when its
  // nominations would no longer belong to it (check_round_change).
  Task<Round> edit(const Principal& who, const std::string& id, Round round);
  // 404 round_not_found; 409 round_in_use when nominations belong to it.
  Task<void> remove(const std::string& id);
  Task<std::vector<Round>> list() const;
  // Each round's council meetings (round_meeting_ids) as recorded: round id → meetings.
  Task<std::map<std::string, std::vector<MeetingRecord>>> meetings_by_round(
      const std::vector<Round>& rounds) const;
  // The rounds not yet closed, for the website.
  Task<std::vector<Round>> not_closed() const;
  // The rounds open today ("Trang của tôi": until when a unit may still propose).
  Task<std::vector<Round>> open_today() const;
  LocalDate today() const { return local_date(clock_.now()); }

 private:
  // The stored rounds whose state today `keep` accepts.
  Task<std::vector<Round>> in_state(bool (*keep)(RoundState)) const;
  // The award form of each nomination filed in round `id` (one entry per nomination).
  Task<std::vector<std::string>> awards_in(const std::string& id) const;

  RoundStore& store_;
  CatalogueStore& catalogue_;
  NominationStore& nominations_;
  const Clock& clock_;
};

}  // namespace thidua::nominations
