// CachedStaffDirectory: a repeated lookup by Zalo id within the TTL asks nominations once;
// after it, when nominations could not be asked or found no one, once a link made here
// changed the person, and always for the staff list, it asks again; the cache stays within
// its size.
#include "notifications/app/staff_directory.hpp"

#include <gtest/gtest.h>

#include "support/loop_runner.hpp"

namespace thidua::notifications {
namespace {
using namespace std::chrono_literals;

struct SetClock final : Clock {
  Instant at = Instant(std::chrono::hours(24 * 20000));
  Instant now() const override { return at; }
};

// The port as a test implements it: counts the asks, answers from fields.
struct CountingDirectory final : StaffDirectory {
  int asked = 0;
  bool reachable = true;
  Task<StaffLookup> by_zalo_user(std::string zalo_user_id) override {
    ++asked;
    StaffLookup out;
    out.reachable = reachable;
    if (reachable && zalo_user_id != "stranger") {
      out.colleague = Colleague{};
      out.colleague->id = "gv-" + zalo_user_id;
    }
    co_return out;
  }
  Task<StaffLookup> by_staff_id(std::string staff_id) override {
    ++asked;
    StaffLookup out;
    out.reachable = reachable;
    if (reachable && staff_id != "gv-99") {
      out.colleague = Colleague{};
      out.colleague->id = staff_id;
      out.colleague->zalo_user_id = "z-" + staff_id;
    }
    co_return out;
  }
  Task<StaffList> everyone() override {
    ++asked;
    StaffList out;
    out.reachable = reachable;
    for (const char* id : {"gv-7", "gv-42"}) {
      if (!reachable) break;
      Colleague c;
      c.id = id;
      c.zalo_user_id = std::string("z-") + id;
      out.staff.push_back(c);
    }
    co_return out;
  }
  Task<LinkResult> link(std::string code, std::string zalo_user_id) override {
    ++asked;
    LinkResult out;
    out.outcome = code == "0000abcd" ? LinkResult::Outcome::Linked : LinkResult::Outcome::BadCode;
    out.colleague.id = "gv-42";
    out.colleague.zalo_user_id = zalo_user_id;
    co_return out;
  }
};

class StaffDirectoryTest : public ::testing::Test {
 protected:
  StaffLookup zalo(CachedStaffDirectory& d, const std::string& id) {
    return runner_.run<StaffLookup>([&] { return d.by_zalo_user(id); });
  }
  StaffLookup staff(CachedStaffDirectory& d, const std::string& id) {
    return runner_.run<StaffLookup>([&] { return d.by_staff_id(id); });
  }
  LinkResult link(CachedStaffDirectory& d, const std::string& code) {
    return runner_.run<LinkResult>([&] { return d.link(code, "z-new"); });
  }
  testing::LoopRunner runner_;
  SetClock clock_;
  CountingDirectory inner_;
};

TEST_F(StaffDirectoryTest, AskedOnceWithinTheTtlAndAgainAfterIt) {
  CachedStaffDirectory d(inner_, clock_, 5s);
  EXPECT_EQ(zalo(d, "42").colleague->id, "gv-42");
  clock_.at += 4999ms;
  EXPECT_EQ(zalo(d, "42").colleague->id, "gv-42");
  EXPECT_EQ(inner_.asked, 1);
  clock_.at += 1ms;  // 5 s old: asked again, so an unlink is seen within seconds
  EXPECT_EQ(zalo(d, "42").colleague->id, "gv-42");
  EXPECT_EQ(inner_.asked, 2);
  // By staff id: asked each time, never remembered (it says who has linked, and a link made
  // a moment ago must count).
  EXPECT_EQ(staff(d, "gv-42").colleague->zalo_user_id, "z-gv-42");
  EXPECT_EQ(staff(d, "gv-7").colleague->zalo_user_id, "z-gv-7");
  EXPECT_FALSE(staff(d, "gv-99").colleague);
  EXPECT_TRUE(staff(d, "gv-99").reachable);
  EXPECT_EQ(inner_.asked, 6);
  // "No one linked" is not remembered: a /lienket a moment later must count at once.
  EXPECT_FALSE(zalo(d, "stranger").colleague);
  EXPECT_FALSE(zalo(d, "stranger").colleague);
  EXPECT_EQ(inner_.asked, 8);
}

TEST_F(StaffDirectoryTest, ALinkMadeHereForgetsWhatWasKnownOfThatPersonAndThatAccount) {
  CachedStaffDirectory d(inner_, clock_, 5s);
  zalo(d, "42");     // gv-42, by Zalo id
  zalo(d, "7");      // gv-7
  zalo(d, "z-new");  // the account that links below, speaking for gv-z-new until then
  EXPECT_EQ(inner_.asked, 3);
  EXPECT_EQ(link(d, "ffffffff").outcome, LinkResult::Outcome::BadCode);
  zalo(d, "42");
  zalo(d, "z-new");
  EXPECT_EQ(inner_.asked, 4);  // a wrong code changed nothing
  EXPECT_EQ(link(d, "0000abcd").outcome, LinkResult::Outcome::Linked);
  EXPECT_EQ(inner_.asked, 5);
  zalo(d, "42");     // asked again: gv-42's link changed
  zalo(d, "z-new");  // asked again: the account now speaks for gv-42
  zalo(d, "7");      // someone else's answer stays
  EXPECT_EQ(inner_.asked, 7);
}

TEST_F(StaffDirectoryTest, NominationsDownIsNotRemembered) {
  CachedStaffDirectory d(inner_, clock_);
  inner_.reachable = false;
  EXPECT_FALSE(zalo(d, "42").reachable);
  inner_.reachable = true;
  EXPECT_TRUE(zalo(d, "42").reachable);
  EXPECT_EQ(inner_.asked, 2);
}

TEST_F(StaffDirectoryTest, TheTtlIsNeverLongerThanFiveSeconds) {
  CachedStaffDirectory d(inner_, clock_, std::chrono::minutes(10));
  zalo(d, "42");
  clock_.at += 5s;
  zalo(d, "42");
  EXPECT_EQ(inner_.asked, 2);
}

TEST_F(StaffDirectoryTest, KeepsAtMostItsCapacity) {
  CachedStaffDirectory d(inner_, clock_, 5s, 2);
  zalo(d, "1");
  clock_.at += 1ms;
  zalo(d, "2");
  clock_.at += 1ms;
  zalo(d, "3");  // the oldest ("1") makes room
  EXPECT_EQ(inner_.asked, 3);
  zalo(d, "3");
  zalo(d, "2");
  EXPECT_EQ(inner_.asked, 3);
  zalo(d, "1");
  EXPECT_EQ(inner_.asked, 4);
}

}  // namespace
}  // namespace thidua::notifications
