#include "nominations/app/registrations_app.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
// The caller as the rules see them. A person no longer in the catalogue acts as nobody: 403,
// whatever their token says (architecture: rights are read from the current record). The
// bootstrap admin and the service token have no staff record.
RegistrationActor actor(const Principal& who, const Catalogue& c) {
  RegistrationActor a;
  a.role = who.role;
  if (const StaffMember* m = c.staff_member(who.subject)) {
    a.staff_id = m->id;
    a.unit_id = m->unit_id;
  } else if (who.role != Role::Admin && who.role != Role::Service) {
    throw ApiError(403, "unknown_staff", say("problem.unknown_caller"));
  }
  return a;
}

ApiError forbidden(std::string_view key) {
  return ApiError(403, "registration_forbidden", say(key));
}

// The unit a subject belongs to now, for the write rule: "" when the catalogue has no such
// subject (check_registration then answers 422 unknown_subject).
std::string subject_unit(const Catalogue& c, SubjectKind kind, const std::string& id) {
  if (kind == SubjectKind::Collective) return id;
  const StaffMember* m = c.staff_member(id);
  return m ? m->unit_id : "";
}
}  // namespace

RegistrationsApp::RegistrationsApp(RegistrationStore& store, CatalogueStore& catalogue,
                                   const Clock& clock)
    : store_(store), catalogue_(catalogue), clock_(clock) {}

Task<RegistrationView> RegistrationsApp::list(const Principal& who, int year) const {
  auto catalogue = co_await catalogue_.load();
  auto all = co_await store_.year(year);
  auto me = actor(who, *catalogue);
  RegistrationView view;
  view.year = year;
  view.catalogue = catalogue;
  if (sees_all_registrations(who.role)) {
    view.not_registered = who_has_not_registered(*catalogue, all, year);
    view.items = std::move(all);
    co_return view;
  }
  for (auto& r : all) {
    bool mine = r.subject_kind == SubjectKind::Individual && r.subject_id == me.staff_id;
    bool my_unit = who.role == Role::Leader && r.unit_id == me.unit_id;
    if (mine || my_unit) view.items.push_back(std::move(r));
  }
  if (who.role == Role::Leader) {
    // Who of the leader's unit has not registered: the board's list, cut to the unit.
    auto everyone = who_has_not_registered(*catalogue, view.items, year);
    NotRegistered mine;
    for (const auto* m : everyone.staff) {
      if (m->unit_id == me.unit_id) mine.staff.push_back(m);
    }
    for (const auto* u : everyone.units) {
      if (u->id == me.unit_id) mine.units.push_back(u);
    }
    view.not_registered = std::move(mine);
  }
  co_return view;
}

Task<Registration> RegistrationsApp::write(const Principal& who, int year, SubjectKind kind,
                                           const std::string& subject_id, RegistrationInput input) {
  auto catalogue = co_await catalogue_.load();
  auto me = actor(who, *catalogue);
  if (!may_write_registration(me, kind, subject_id, subject_unit(*catalogue, kind, subject_id))) {
    throw forbidden("registration.not_allowed_write");
  }
  Registration r;
  r.year = year;
  r.subject_kind = kind;
  r.subject_id = subject_id;
  r.titles = std::move(input.titles);
  r.targets = std::move(input.targets);
  check_registration(r, *catalogue);
  auto before = co_await store_.get(year, kind, subject_id);
  // Any edit clears a confirmation: the leader confirms what is registered now.
  r.status = status_after_edit(before, input.submit);
  r.updated_by = who.subject;
  r.updated_at = iso_instant(clock_.now());
  co_await store_.put(r);
  co_return r;
}

Task<Registration> RegistrationsApp::confirm(const Principal& who, int year, SubjectKind kind,
                                             const std::string& subject_id) {
  auto catalogue = co_await catalogue_.load();
  auto me = actor(who, *catalogue);
  auto found = co_await store_.get(year, kind, subject_id);
  if (!found) {
    std::string name = subject_id;
    if (kind == SubjectKind::Individual) {
      if (const auto* m = catalogue->staff_member(subject_id)) name = m->name;
    } else if (const auto* u = catalogue->unit(subject_id)) {
      name = u->name;
    }
    throw not_found(
        "registration_not_found",
        say("registration.not_found", {{"name", name}, {"year", std::to_string(year)}}));
  }
  Registration r = std::move(*found);
  // The subject's unit now: a person who moved is confirmed by their new leader.
  if (kind == SubjectKind::Individual) {
    if (const auto* m = catalogue->staff_member(subject_id)) r.unit_id = m->unit_id;
  }
  if (!may_confirm_registration(me, r)) throw forbidden("registration.not_allowed_confirm");
  check_confirmable(r);
  if (r.status == RegistrationStatus::Confirmed) co_return r;
  r.status = RegistrationStatus::Confirmed;
  r.confirmed_by = who.subject;
  r.confirmed_at = iso_instant(clock_.now());
  co_await store_.put(r);
  co_return r;
}

}  // namespace thidua::nominations
