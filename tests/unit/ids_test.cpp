// core/ids.hpp: each kind of id takes exactly its alphabet and length, wherever it arrives.
#include "core/ids.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thidua {
namespace {

TEST(Ids, CatalogueIdsAreLowerCaseWordsUpTo64) {
  for (const char* ok : {"2026", "so-ket-2027", "to-toan-tin", "gk_xa", "gv-hoa", "a"}) {
    EXPECT_TRUE(ids::catalogue(ok)) << ok;
    EXPECT_TRUE(ids::staff(ok)) << ok;
    EXPECT_TRUE(ids::unit(ok)) << ok;
  }
  EXPECT_TRUE(ids::catalogue(std::string(64, 'a')));
  for (const std::string& bad : std::vector<std::string>{"", "GV-Hoa", "gv.hoa", "gv hoa", "../x",
                                                         "hoà", std::string(65, 'a')}) {
    EXPECT_FALSE(ids::catalogue(bad)) << bad;
    EXPECT_FALSE(ids::staff(bad)) << bad;
  }
}

TEST(Ids, NumbersAreUpTo18Digits) {
  EXPECT_TRUE(ids::number("1"));
  EXPECT_TRUE(ids::number("000123"));
  EXPECT_TRUE(ids::number(std::string(18, '9')));
  for (const std::string& bad :
       std::vector<std::string>{"", "-1", "+1", "1.0", "0x1", " 1", "1a", std::string(19, '1')}) {
    EXPECT_FALSE(ids::number(bad)) << bad;
  }
}

TEST(Ids, HexIdsHaveTheirLengths) {
  EXPECT_TRUE(ids::token("0123456789abcdef"));
  EXPECT_FALSE(ids::token("0123456789ABCDEF"));
  EXPECT_FALSE(ids::token("0123456789abcde"));
  EXPECT_TRUE(ids::session(std::string(32, 'f')));
  EXPECT_FALSE(ids::session(std::string(31, 'f')));
  EXPECT_FALSE(ids::session(std::string(32, 'g')));
  EXPECT_TRUE(ids::link_code("a1b2c3d4"));
  EXPECT_FALSE(ids::link_code("0000"));
  EXPECT_FALSE(ids::link_code("a1b2c3d4e"));
  EXPECT_TRUE(ids::message("1"));
  EXPECT_TRUE(ids::message(std::string(32, 'a')));
  EXPECT_FALSE(ids::message(""));
  EXPECT_FALSE(ids::message(std::string(33, 'a')));
  EXPECT_FALSE(ids::message("12G"));
}

TEST(Ids, OutsideIdsTakeBothCases) {
  for (auto* kind : {&ids::zalo_user, &ids::request, &ids::school}) {
    EXPECT_TRUE(kind("Zalo_User-42"));
    EXPECT_TRUE(kind(std::string(64, 'Z')));
    EXPECT_FALSE(kind(""));
    EXPECT_FALSE(kind(std::string(65, 'Z')));
    EXPECT_FALSE(kind("a.b"));
    EXPECT_FALSE(kind("a b"));
  }
}

TEST(Ids, DeadlinesAndDocuments) {
  EXPECT_TRUE(ids::deadline("bao-cao-nam"));
  EXPECT_TRUE(ids::deadline("2026"));
  EXPECT_FALSE(ids::deadline("-bao-cao"));
  EXPECT_FALSE(ids::deadline("bao_cao"));
  EXPECT_FALSE(ids::deadline(std::string(65, 'a')));
  EXPECT_TRUE(ids::document("2026-qd-03"));
  EXPECT_FALSE(ids::document("2026-QD-03"));
  EXPECT_FALSE(ids::document(std::string(41, 'a')));
}

}  // namespace
}  // namespace thidua
