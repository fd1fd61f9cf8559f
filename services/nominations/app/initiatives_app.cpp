#include "nominations/app/initiatives_app.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
ApiError missing(const std::string& id) {
  return not_found("initiative_not_found", say("initiative.not_found", {{"id", id}}));
}
}  // namespace

InitiativesApp::InitiativesApp(InitiativeStore& store, CatalogueStore& catalogue,
                               const Clock& clock)
    : store_(store), catalogue_(catalogue), clock_(clock) {}

Task<Initiative> InitiativesApp::record(const Principal& who, Initiative entry) {
  auto catalogue = co_await catalogue_.load();
  check_initiative(entry, *catalogue, local_date(clock_.now()));
  entry.id = co_await store_.next_id();
  entry.recorded_by = who.subject;
  entry.recorded_at = iso_instant(clock_.now());
  co_await store_.put(entry);
  co_return entry;
}

Task<Initiative> InitiativesApp::correct(const Principal& who, const std::string& id,
                                         Initiative entry) {
  auto before = co_await store_.get(id);
  if (!before) throw missing(id);
  auto catalogue = co_await catalogue_.load();
  check_initiative(entry, *catalogue, local_date(clock_.now()));
  entry.id = id;
  entry.recorded_by = before->recorded_by;
  entry.recorded_at = before->recorded_at;
  entry.updated_by = who.subject;
  entry.updated_at = iso_instant(clock_.now());
  co_await store_.put(entry);
  co_return entry;
}

Task<void> InitiativesApp::remove(const std::string& id) {
  // Named first: with the co_await in the if's condition and a throw after it, GCC 12 left
  // this coroutine hanging (the request was never answered).
  bool removed = co_await store_.remove(id);
  if (!removed) throw missing(id);
}

Task<Initiative> InitiativesApp::get(const std::string& id) const {
  auto entry = co_await store_.get(id);
  if (!entry) throw missing(id);
  co_return *entry;
}

Task<std::vector<Initiative>> InitiativesApp::list(const InitiativeFilter& f) const {
  auto all = co_await store_.all();
  std::vector<Initiative> out;
  for (auto& e : all) {
    if (f.year && e.year != *f.year) continue;
    if (f.unit_id && e.unit_id != *f.unit_id) continue;
    if (f.content_area && e.content_area != *f.content_area) continue;
    if (f.author_id &&
        std::find(e.author_ids.begin(), e.author_ids.end(), *f.author_id) == e.author_ids.end()) {
      continue;
    }
    out.push_back(std::move(e));
  }
  co_return out;
}

Task<std::vector<Initiative>> InitiativesApp::public_list(std::optional<int> year) const {
  auto all = co_await store_.all();
  std::vector<Initiative> out;
  for (auto& e : all) {
    if (!shown_publicly(e) || (year && e.year != *year)) continue;
    out.push_back(std::move(e));
  }
  co_return out;
}

}  // namespace thidua::nominations
