#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "http/params.hpp"

namespace thidua::http {
namespace {

Request with_query(std::string query) {
  Request r;
  r.query_string = std::move(query);
  return r;
}

TEST(QueryInteger, AbsentOrEmptyIsNothing) {
  EXPECT_EQ(query_integer(with_query(""), "limit", 1, 200), std::nullopt);
  EXPECT_EQ(query_integer(with_query("limit="), "limit", 1, 200), std::nullopt);
  EXPECT_EQ(query_integer(with_query("state=sent"), "limit", 1, 200), std::nullopt);
}

TEST(QueryInteger, AWholeNumberInRange) {
  EXPECT_EQ(query_integer(with_query("limit=2"), "limit", 1, 200), 2);
  EXPECT_EQ(query_integer(with_query("state=sent&limit=200"), "limit", 1, 200), 200);
}

// GET /messages?limit=2abc once answered two messages: the number was read with atoi.
TEST(QueryInteger, AnythingElseIs400NamingTheParameterInVietnamese) {
  for (const char* query : {"limit=2abc", "limit=%202", "limit=+2", "limit=2.0", "limit=0x2",
                            "limit=0", "limit=201", "limit=99999999999999999999"}) {
    try {
      query_integer(with_query(query), "limit", 1, 200);
      ADD_FAILURE() << query << " was taken";
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), 400) << query;
      EXPECT_EQ(e.code(), "invalid_limit") << query;
      EXPECT_NE(e.detail().find("phải là số nguyên từ 1 đến 200"), std::string::npos) << e.detail();
    }
  }
}

TEST(PathInteger, TheParamOr400) {
  Request r;
  r.params["year"] = "2026";
  EXPECT_EQ(path_integer(r, "year", 2025, 2030), 2026);
  for (const char* year : {"2024", "2031", "+2026", "2026a", "", "twenty"}) {
    r.params["year"] = year;
    try {
      path_integer(r, "year", 2025, 2030);
      ADD_FAILURE() << year << " was taken";
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_EQ(e.code(), "invalid_year");
    }
  }
}

// Every year route of every service reads {year} the same way and says so in the same words.
TEST(PathYear, AYearOfTheMovementOr400InTheSchoolsWords) {
  Request r;
  r.params["year"] = "2030";
  EXPECT_EQ(path_year(r), 2030);
  for (const char* year : {"2024", "2031", "+2026", "2026a", ""}) {
    r.params["year"] = year;
    try {
      path_year(r);
      ADD_FAILURE() << year << " was taken";
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_EQ(e.code(), "invalid_year");
      EXPECT_EQ(e.detail().find("year"), std::string::npos) << e.detail();
      EXPECT_NE(e.detail().find("từ 2025 đến 2030"), std::string::npos) << e.detail();
    }
  }
}

}  // namespace
}  // namespace thidua::http
