// Where notifications reads other services' JSON: the reports' and nominations' answers to the
// chat commands (app/rest_adapters; Zalo's updates are in notifications_zalo_update_test). A
// full answer, one with fields missing, and garbage, which is read as empty and never throws.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/catalogue.hpp"
#include "notifications/app/rest_adapters.hpp"
#include "notifications/domain/replies.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

// What garbage an answer can be once parsed: null (no JSON at all), an array, a scalar, an
// object whose fields have the wrong types.
const std::vector<json> kGarbage = {
    nullptr,
    json::array({1, 2}),
    "text",
    42,
    {{"deadlines", "x"}, {"units", 1}, {"items", {{"a", 1}}}, {"periods", true}, {"today", 5.5}}};

TEST(ReadingAnswers, AnAnswerStatusIsToldApartAsTheChatNeedsIt) {
  auto answer = [](bool reachable, int status) {
    ServiceAnswer a;
    a.reachable = reachable;
    a.status = status;
    return reach_of(a);
  };
  EXPECT_EQ(answer(true, 200), Reach::Ok);
  EXPECT_EQ(answer(true, 201), Reach::Ok);
  EXPECT_EQ(answer(true, 404), Reach::NotFound);
  EXPECT_EQ(answer(true, 400), Reach::Invalid);
  EXPECT_EQ(answer(true, 422), Reach::Invalid);
  EXPECT_EQ(answer(true, 429), Reach::TooMany);
  EXPECT_EQ(answer(true, 403), Reach::Unavailable);
  EXPECT_EQ(answer(false, 503), Reach::Unavailable);
  EXPECT_EQ(answer(false, 0), Reach::Unavailable);
}

TEST(ReadingAnswers, DeadlinesFullAndWithFieldsMissing) {
  json units = json::array({{{"id", "to-toan-tin"},
                             {"name", "Tổ Toán – Tin"},
                             {"done", false},
                             {"unit_registered", true},
                             {"unregistered", 3}},
                            {{"id", "to-ngu-van"}, {"done", false}, {"unit_registered", false}},
                            {{"id", "to-van-phong"}, {"name", "Tổ Văn phòng"}, {"done", true}},
                            "not a unit"});
  json reg = {{"id", "dang-ky-thi-dua"},
              {"name", "Đăng ký danh hiệu và chỉ tiêu thi đua"},
              {"owed_by", "registrations"},
              {"occurrences", json::array({{{"due_date", "2027-09-30"},
                                            {"due_date_vn", "30/09/2027"},
                                            {"days_left", 5},
                                            {"missing", json::array()},
                                            {"registration", {{"units", units}}}},
                                           {{"due_date", "2028-09-30"}},  // no days_left
                                           "not an occurrence"})}};
  json school = {{"owed_by", "school"},
                 {"occurrences", json::array({{{"due_date", "2027-05-31"},
                                               {"days_left", 7},
                                               {"done", {{"done_on", "2027-05-28"}}}}})}};
  json yearly = {
      {"name", "Báo cáo năm"},
      {"occurrences", json::array({{{"due_date", "2027-10-30"},
                                    {"days_left", 35},
                                    {"unit_due_date", "2027-10-20"},
                                    {"unit_due_date_vn", "20/10/2027"},
                                    {"missing", json::array({{{"id", "to-toan-tin"}}, 7})}}})}};
  auto d = parse_deadlines(
      json{{"today", "2027-09-25"}, {"deadlines", json::array({yearly, reg, school})}});
  EXPECT_EQ(d.today, "2027-09-25");
  ASSERT_EQ(d.deadlines.size(), 3u);
  const auto& y = d.deadlines[0];
  EXPECT_EQ(y.name, "Báo cáo năm");
  EXPECT_EQ(y.owed_by, "");
  ASSERT_EQ(y.occurrences.size(), 1u);
  EXPECT_EQ(y.occurrences[0].unit_due_date_vn, "20/10/2027");
  EXPECT_FALSE(y.occurrences[0].due_date_vn);
  EXPECT_EQ(y.occurrences[0].missing, (std::vector<std::string>{"to-toan-tin", ""}));
  EXPECT_FALSE(y.occurrences[0].registration);
  const auto& r = d.deadlines[1];
  ASSERT_EQ(r.occurrences.size(), 1u);  // only the occurrence that says how far it is
  ASSERT_TRUE(r.occurrences[0].registration);
  const auto& gaps = *r.occurrences[0].registration;
  ASSERT_EQ(gaps.size(), 2u);  // the unit that is done and the one that is no object are not
  EXPECT_EQ(gaps[0].name, "Tổ Toán – Tin");
  EXPECT_EQ(gaps[0].unregistered, 3);
  EXPECT_EQ(gaps[1].name, "to-ngu-van");
  EXPECT_EQ(gaps[1].unregistered, 0);
  EXPECT_FALSE(gaps[1].unit_registered);
  const auto& s = d.deadlines[2];
  EXPECT_FALSE(s.name);
  ASSERT_TRUE(s.occurrences[0].done);
  EXPECT_EQ(s.occurrences[0].done->on, "2027-05-28");
  EXPECT_FALSE(s.occurrences[0].done->on_vn);
  EXPECT_FALSE(s.occurrences[0].missing);
  // The replies over what was read: the soonest first, then, without it, the school's, done,
  // with the default name and Vietnamese dates made from the ISO ones.
  EXPECT_EQ(reply_deadlines(d),
            "⏰ Đăng ký danh hiệu và chỉ tiêu thi đua: 30/09/2027 (còn 5 ngày).\n"
            "Đơn vị chưa đăng ký thi đua đủ: Tổ Toán – Tin (còn 3 thầy cô), to-ngu-van (tập thể "
            "chưa đăng ký).");
  d.deadlines.erase(d.deadlines.begin() + 1);
  EXPECT_EQ(reply_deadlines(d),
            "⏰ Hạn chót: 31/05/2027 (còn 7 ngày).\n"
            "Việc này nhà trường đã hoàn thành ngày 28/05/2027.");
}

// GET /public/rounds read for /hanchot: the open ones only, their days left from the answer's
// own today; the reply puts a round closing before the next deadline first, others after it.
TEST(ReadingAnswers, OpenRoundsAreToldBesideTheNextDeadlineInTheOrderTheyClose) {
  auto body = nlohmann::json::parse(R"({"today": "2026-11-01", "items": [
    {"name": "Đợt xét năm 2026", "state": "open", "closes": "2026-11-15", "closes_vn": "15/11/2026"},
    {"name": "Đợt sơ kết", "state": "upcoming", "closes": "2026-12-30"},
    {"name": "Đợt cuối năm", "state": "open", "closes": "2026-12-20"},
    {"name": "Đợt hôm nay", "state": "open", "closes": "2026-11-01"},
    {"name": "Ngày hỏng", "state": "open", "closes": "15/11/2026"}]})");
  auto rounds = parse_open_rounds(body);
  ASSERT_EQ(rounds.size(), 3u);
  EXPECT_EQ(rounds[0].days_left, 14);
  EXPECT_EQ(rounds[0].closes_vn, "15/11/2026");
  EXPECT_EQ(rounds[1].days_left, 49);
  EXPECT_FALSE(rounds[1].closes_vn);
  EXPECT_EQ(rounds[2].days_left, 0);
  EXPECT_TRUE(parse_open_rounds(nlohmann::json::parse(R"({"items": []})")).empty());

  DeadlineOccurrence o;
  o.days_left = 29;
  o.due_date = "2026-11-30";
  o.done = DeadlineOccurrence::Done{"2026-10-30", std::nullopt};
  Deadlines d{"2026-11-01", {Deadline{std::string("Báo cáo UBND xã"), "school", {o}}}};
  EXPECT_EQ(reply_deadlines(d, rounds),
            "📝 Đợt hôm nay: hôm nay (01/11/2026) là ngày cuối nhận đề nghị khen thưởng.\n"
            "📝 Đợt xét năm 2026: nhận đề nghị khen thưởng đến hết 15/11/2026 (còn 14 ngày).\n"
            "⏰ Báo cáo UBND xã: 30/11/2026 (còn 29 ngày).\n"
            "Việc này nhà trường đã hoàn thành ngày 30/10/2026.\n"
            "📝 Đợt cuối năm: nhận đề nghị khen thưởng đến hết 20/12/2026 (còn 49 ngày).");
  // No deadline known: the rounds all the same, then what could not be read.
  EXPECT_EQ(reply_deadlines(Deadlines{}, {rounds[0]}),
            "📝 Đợt xét năm 2026: nhận đề nghị khen thưởng đến hết 15/11/2026 (còn 14 ngày).\n"
            "Chưa lấy được hạn chót sắp tới; thầy cô thử lại sau ít phút.");
  for (const auto& r : rounds) {
    auto t = reply_deadlines(d, {r});
    EXPECT_TRUE(text::lint_message(t).empty()) << t;
  }
}

TEST(ReadingAnswers, SubmissionsQuotasNominationsAndSignIn) {
  auto units = parse_submissions(json{
      {"year", 2026},
      {"units", json::array({{{"unit_id", "to-toan-tin"},
                              {"unit_name", "Tổ Toán – Tin"},
                              {"status", "submitted"},
                              {"submitted_at", "2026-10-19T02:00:00Z"},
                              {"late", true}},
                             {{"unit_id", "to-ngu-van"}, {"status", "draft"}, {"late", "yes"}}})}});
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit, "Tổ Toán – Tin");
  EXPECT_TRUE(units[0].late);
  EXPECT_EQ(units[1].unit, "to-ngu-van");
  EXPECT_FALSE(units[1].late);
  EXPECT_EQ(reply_reports(units, 2026),
            "📊 Báo cáo năm 2026:\n• Tổ Toán – Tin: đã nộp ngày 19/10/2026 (trễ hạn)\n"
            "• to-ngu-van: đang soạn");

  auto q = parse_quotas(json{{"period", "2026"},
                             {"items", json::array({{{"award", "giay-khen"}, {"limit", nullptr}},
                                                    {{"award_label", "Chiến sĩ thi đua"},
                                                     {"subject_kind", "individual"},
                                                     {"used", 2},
                                                     {"limit", 3}},
                                                    {{"award", "lao-dong-tien-tien"}}})}});
  EXPECT_EQ(q.period, "2026");
  ASSERT_EQ(q.items.size(), 3u);
  EXPECT_EQ(q.items[0].limit_kind, QuotaItem::Limit::Unset);
  EXPECT_EQ(q.items[0].used, "0");
  EXPECT_EQ(q.items[1].limit_kind, QuotaItem::Limit::Count);
  EXPECT_EQ(q.items[1].limit, 3);
  EXPECT_EQ(q.items[1].used, "2");
  EXPECT_EQ(q.items[2].limit_kind, QuotaItem::Limit::Unlimited);

  auto list = parse_nominations(json{{"items", json::array({{{"id", 12},
                                                             {"award", "giay-khen"},
                                                             {"period_label", "Năm 2026"},
                                                             {"status", "submitted"},
                                                             {"status_label", "Đã gửi"}}})}});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, "12");
  EXPECT_EQ(list[0].award, "giay-khen");
  EXPECT_EQ(list[0].period, "Năm 2026");
  EXPECT_EQ(list[0].status, "Đã gửi");
  auto one = parse_nomination(
      json{{"id", "7"}, {"subject_name", "Nguyễn Văn An"}, {"updated_at", "2026-11-25T03:20:00Z"}});
  EXPECT_EQ(one.subject_name, "Nguyễn Văn An");
  EXPECT_EQ(one.updated_at, "2026-11-25T03:20:00Z");

  auto issued = parse_sign_in(json{{"code", "K7QM4XPR"}, {"expires_at", "2026-11-25T03:20:00Z"}});
  EXPECT_EQ(issued.display, "K7QM4XPR");  // no display form: the code as it is
  EXPECT_EQ(issued.valid_minutes, "5");
  issued =
      parse_sign_in(json{{"code", "K7QM4XPR"}, {"display", "K7QM-4XPR"}, {"valid_minutes", 10}});
  EXPECT_EQ(issued.display, "K7QM-4XPR");
  EXPECT_EQ(issued.valid_minutes, "10");
}

TEST(ReadingAnswers, PeriodsOfTheCatalogue) {
  auto periods = parse_periods(
      json{{"units", json::array()},
           {"periods", json::array({{{"id", "so-ket-2027"}, {"kind", "interim"}, {"year", 2027}},
                                    {{"id", "2026"}, {"kind", "annual"}, {"year", "2026"}},
                                    "not a period"})}});
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].id, "so-ket-2027");
  EXPECT_EQ(periods[0].kind, "interim");
  EXPECT_EQ(periods[0].year, 2027);
  EXPECT_FALSE(periods[1].year);  // a year as text is no year
}

TEST(ReadingAnswers, GarbageIsReadAsNothing) {
  for (const auto& g : kGarbage) {
    auto d = parse_deadlines(g);
    EXPECT_TRUE(d.deadlines.empty()) << g.dump();
    EXPECT_EQ(d.today, "") << g.dump();
    EXPECT_TRUE(parse_submissions(g).empty()) << g.dump();
    EXPECT_TRUE(parse_periods(g).empty()) << g.dump();
    auto q = parse_quotas(g);
    EXPECT_TRUE(q.items.empty() && q.period.empty()) << g.dump();
    EXPECT_TRUE(parse_nominations(g).empty()) << g.dump();
    auto n = parse_nomination(g);
    EXPECT_TRUE(n.id.empty() && n.status.empty() && n.updated_at.empty()) << g.dump();
    auto s = parse_sign_in(g);
    EXPECT_TRUE(s.code.empty() && s.display.empty()) << g.dump();
    EXPECT_EQ(s.valid_minutes, "5");
  }
  // Fields of the wrong type inside a list are read as absent, not thrown over.
  json odd = {
      {"deadlines", json::array({{{"name", true},
                                  {"owed_by", json::array()},
                                  {"occurrences", json::array({{{"days_left", 3},
                                                                {"done", "yes"},
                                                                {"missing", "all"},
                                                                {"registration", 1}}})}}})}};
  auto d = parse_deadlines(odd);
  ASSERT_EQ(d.deadlines.size(), 1u);
  EXPECT_FALSE(d.deadlines[0].name);
  ASSERT_EQ(d.deadlines[0].occurrences.size(), 1u);
  const auto& o = d.deadlines[0].occurrences[0];
  EXPECT_FALSE(o.done);
  EXPECT_FALSE(o.missing);
  EXPECT_FALSE(o.registration);
  auto t = reply_deadlines(d);
  EXPECT_NE(t.find("Hạn chót"), std::string::npos) << t;
  EXPECT_NE(t.find("Chưa lấy được danh sách đơn vị còn nợ báo cáo."), std::string::npos) << t;
}

TEST(ReadingAnswers, StaffOfTheCatalogue) {
  json lan = {{"id", "gv-lan"},          {"name", "Nguyễn Thị Lan"}, {"gender", "female"},
              {"role", "leader"},        {"unit_id", "to-toan-tin"}, {"zalo_user_id", "z-9"},
              {"email", "lan@truong.vn"}};
  auto c = parse_colleague(lan);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, "gv-lan");
  EXPECT_EQ(c->name, "Nguyễn Thị Lan");
  EXPECT_EQ(c->gender, "female");
  EXPECT_EQ(c->role, "leader");
  EXPECT_EQ(c->unit_id, "to-toan-tin");
  EXPECT_EQ(c->zalo_user_id, "z-9");
  // Missing or mistyped fields stay "".
  auto bare = parse_colleague(json{{"id", "gv-an"}, {"name", 5}, {"unit_id", nullptr}});
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->id, "gv-an");
  EXPECT_EQ(bare->name, "");
  EXPECT_EQ(bare->unit_id, "");
  EXPECT_EQ(bare->zalo_user_id, "");

  auto staff = parse_staff(json{{"staff", json::array({lan, "x", 3, {{"id", "gv-an"}}})}});
  ASSERT_TRUE(staff);
  ASSERT_EQ(staff->size(), 2u);  // the members that are no objects are left out
  EXPECT_EQ((*staff)[0].zalo_user_id, "z-9");
  EXPECT_EQ((*staff)[1].id, "gv-an");
  auto none = parse_staff(json{{"periods", json::array()}});
  ASSERT_TRUE(none);  // an answer, with no one in it
  EXPECT_TRUE(none->empty());

  EXPECT_EQ(json::parse(zalo_link_request("AB12CD", "z-9")),
            (json{{"code", "AB12CD"}, {"zalo_user_id", "z-9"}}));
}

TEST(ReadingAnswers, StaffGarbageIsNoAnswer) {
  for (const auto& g : {json(nullptr), json::array({1}), json("text"), json(42)}) {
    EXPECT_FALSE(parse_colleague(g)) << g.dump();
    EXPECT_FALSE(parse_staff(g)) << g.dump();
  }
}

}  // namespace
}  // namespace thidua::notifications
