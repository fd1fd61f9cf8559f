#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "http/metrics.hpp"
#include "support/loop_runner.hpp"

namespace thidua::http {
namespace {

std::string scrape(const Metrics& m) {
  testing::LoopRunner runner;
  return runner.run<std::string>([&m] { return m.render(); });
}

// The families with a sample line, and those with HELP and with TYPE lines.
struct Families {
  std::set<std::string> sampled, helped, typed;
};
Families families(const std::string& text) {
  Families f;
  std::istringstream in(text);
  std::string line;
  static const std::regex sample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*?)(_bucket|_sum|_count)?(\{.*\})? \S+$)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.rfind("# HELP ", 0) == 0) {
      f.helped.insert(line.substr(7, line.find(' ', 7) - 7));
    } else if (line.rfind("# TYPE ", 0) == 0) {
      f.typed.insert(line.substr(7, line.find(' ', 7) - 7));
    } else if (std::regex_match(line, m, sample)) {
      f.sampled.insert(m[1]);
    }
  }
  return f;
}

// promtool check metrics failed on every service: series without HELP and TYPE.
TEST(Metrics, EveryFamilyHasHelpAndTypeEvenBeforeItsFirstSample) {
  Metrics m("test");
  m.describe("thidua_reminders_total", MetricType::kCounter, "Reminders by outcome.",
             {{{"outcome", "sent"}}, {{"outcome", "failed"}}});
  m.describe("queue_length", MetricType::kGauge, "Entries in the queue.", {{}});
  m.describe("later_total", MetricType::kCounter, "Counted later, with labels not known yet.");
  auto text = scrape(m);
  EXPECT_NE(text.find("thidua_reminders_total{outcome=\"sent\"} 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("thidua_reminders_total{outcome=\"failed\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("queue_length 0\n"), std::string::npos) << text;
  // A family with no series yet is not shown (prometheus-cpp leaves it out); from its first
  // series on it comes with HELP and TYPE.
  EXPECT_EQ(text.find("later_total"), std::string::npos) << text;
  m.add("later_total", {{"kind", "x"}});
  EXPECT_NE(scrape(m).find("# TYPE later_total counter\n"), std::string::npos);

  m.add("thidua_reminders_total", {{"outcome", "sent"}});
  m.observe_request("/x", "GET", 200, 0.01);
  m.set("queue_length", {}, 3);
  auto f = families(scrape(m));
  for (const auto& name : f.sampled) {
    EXPECT_TRUE(f.helped.count(name)) << name << " has no HELP";
    EXPECT_TRUE(f.typed.count(name)) << name << " has no TYPE";
  }
  EXPECT_TRUE(f.sampled.count("thidua_http_request_duration_seconds"));
  EXPECT_EQ(f.helped.size(), f.typed.size());
}

TEST(Metrics, CollectorsSetGaugesAndOneThatFailsDoesNotStopTheScrape) {
  Metrics m("test");
  m.describe("depth", MetricType::kGauge, "Depth.", {{}});
  m.describe("up", MetricType::kGauge, "Up.", {{}});
  m.add_collector([&m]() -> Task<void> {
    m.set("depth", {}, 7);
    co_return;
  });
  m.add_collector([]() -> Task<void> {
    throw std::runtime_error("redis down");
    co_return;
  });
  m.set("up", {}, 0);
  auto text = scrape(m);
  EXPECT_NE(text.find("depth 7\n"), std::string::npos) << text;
  EXPECT_NE(text.find("up 0\n"), std::string::npos) << text;
}

// A family used without describe() would be served untyped; it is refused where it is used.
TEST(Metrics, AFamilyNeverDescribedIsRefused) {
  Metrics m("test");
  EXPECT_THROW(m.add("nobody_described_total"), std::logic_error);
  m.describe("queue_length", MetricType::kGauge, "Entries in the queue.");
  EXPECT_THROW(m.add("queue_length"), std::logic_error) << "a gauge counted as a counter";
}

// Label values are escaped as the text format wants: a route with a quote stays one series.
TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m("test");
  m.observe_request("/a\"b", "GET", 200, 0.001);
  auto text = scrape(m);
  EXPECT_NE(text.find(R"(route="/a\"b")"), std::string::npos) << text;
}

}  // namespace
}  // namespace thidua::http
