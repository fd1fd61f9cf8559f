#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace thidua {
namespace {

Instant at(const std::string& iso) {
  auto t = parse_iso_instant(iso);
  if (!t) throw std::invalid_argument("bad test instant " + iso);
  return *t;
}

TEST(Clock, LocalDateIsSevenHoursAheadOfUtc) {
  // 17:30 UTC on 29 October is 00:30 on 30 October in Vĩnh Phong.
  EXPECT_EQ(local_date(at("2026-10-29T17:30:00Z")), (LocalDate{2026, 10, 30}));
  EXPECT_EQ(local_date(at("2026-10-29T16:59:59Z")), (LocalDate{2026, 10, 29}));
  EXPECT_EQ(local_date(at("2026-10-29T17:00:00Z")), (LocalDate{2026, 10, 30}));
  // New Year arrives in Vietnam while it is still 31 December in UTC.
  EXPECT_EQ(local_date(at("2026-12-31T18:00:00Z")), (LocalDate{2027, 1, 1}));
}

TEST(Clock, LocalTimeIsTheMatchingUtcInstant) {
  EXPECT_EQ(iso_instant(local_time({2026, 10, 30}, 7, 30)), "2026-10-30T00:30:00Z");
  EXPECT_EQ(iso_instant(local_time({2026, 10, 30}, 0, 0)), "2026-10-29T17:00:00Z");
  EXPECT_EQ(local_date(local_time({2028, 2, 29}, 23, 59)), (LocalDate{2028, 2, 29}));
}

TEST(Clock, DaysBetweenAcrossYearEndsAndLeapYears) {
  EXPECT_EQ(days_between({2026, 12, 31}, {2027, 1, 1}), 1);
  EXPECT_EQ(days_between({2027, 1, 1}, {2026, 12, 31}), -1);
  EXPECT_EQ(days_between({2026, 10, 30}, {2026, 10, 30}), 0);
  EXPECT_EQ(days_between({2028, 2, 28}, {2028, 3, 1}), 2);  // 2028 is a leap year
  EXPECT_EQ(days_between({2027, 2, 28}, {2027, 3, 1}), 1);
  EXPECT_EQ(days_between({2026, 10, 30}, {2027, 10, 30}), 365);
  EXPECT_EQ(days_between({2027, 10, 30}, {2028, 10, 30}), 366);
  EXPECT_EQ(days_between({2025, 10, 30}, {2030, 10, 30}), 365 * 5 + 1);  // 29/02/2028
}

TEST(Clock, AddDaysRollsOverMonthsAndYears) {
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (LocalDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2028, 3, 1}, -1), (LocalDate{2028, 2, 29}));
  EXPECT_EQ(add_days({2026, 10, 30}, -30), (LocalDate{2026, 9, 30}));
}

TEST(Clock, ValidDate) {
  EXPECT_TRUE(valid_date({2028, 2, 29}));
  EXPECT_FALSE(valid_date({2027, 2, 29}));
  EXPECT_FALSE(valid_date({2026, 4, 31}));
  EXPECT_FALSE(valid_date({2026, 13, 1}));
  EXPECT_FALSE(valid_date({2026, 0, 1}));
  EXPECT_FALSE(valid_date({2026, 1, 0}));
}

TEST(Clock, FormatsIsoAndVietnameseDates) {
  EXPECT_EQ(iso_date({2027, 10, 30}), "2027-10-30");
  EXPECT_EQ(iso_date({2027, 1, 5}), "2027-01-05");
  EXPECT_EQ(vn_date({2027, 10, 30}), "30/10/2027");
  EXPECT_EQ(vn_date({2027, 1, 5}), "05/01/2027");
}

TEST(Clock, IsoInstantRoundTrips) {
  auto t = at("2026-11-25T02:37:30Z");
  EXPECT_EQ(iso_instant(t), "2026-11-25T02:37:30Z");
  EXPECT_EQ(unix_millis(t), 1795574250000LL);
  // Sub-second parts are dropped, not rounded.
  EXPECT_EQ(iso_instant(t + std::chrono::milliseconds(999)), "2026-11-25T02:37:30Z");
}

TEST(Clock, ParseIsoDate) {
  EXPECT_EQ(parse_iso_date("2027-10-30"), (LocalDate{2027, 10, 30}));
  EXPECT_EQ(parse_iso_date("2028-02-29"), (LocalDate{2028, 2, 29}));
}

TEST(Clock, ParseIsoDateRejectsGarbage) {
  for (std::string bad :
       {"", "2027-10-3", "2027-10-300", "2027/10/30", "30/10/2027", "2027-02-29", "2027-13-01",
        "2027-00-10", "abcd-ef-gh", "2027-10-30x", " 2027-10-3", "2027-1-030", "2027-10- 3",
        "+027-10-30", "2027-+1-30", "2027-10-+3", "-027-10-30"}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << "'" << bad << "'";
  }
}

TEST(Clock, ParseIsoInstantRejectsGarbage) {
  for (std::string bad : {"", "2026-11-25", "2026-11-25T02:37:30", "2026-11-25T02:37:30+07:00",
                          "2026-11-25T24:00:00Z", "2026-11-25T02:60:00Z", "2026-02-30T00:00:00Z",
                          "2026-11-25 02:37:30Z", "2026-11-25T02:37:30Zjunk", "tomorrow"}) {
    EXPECT_FALSE(parse_iso_instant(bad).has_value()) << "'" << bad << "'";
  }
}

}  // namespace
}  // namespace thidua

namespace thidua {
namespace {
TEST(Clock, AnIsoDateReadsAsVietnameseWriteItAndAnythingElseIsLeftAlone) {
  EXPECT_EQ(vn_date_of("2027-10-30"), "30/10/2027");
  EXPECT_EQ(vn_date_of("2026-02-05"), "05/02/2026");
  EXPECT_EQ(vn_date_of(""), "");
  EXPECT_EQ(vn_date_of("2026-02-30"), "2026-02-30");
}
}  // namespace
}  // namespace thidua
