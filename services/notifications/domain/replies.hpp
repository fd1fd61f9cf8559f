#pragma once
// The bot's answers, built from what the other services returned. Pure, so the wording is
// tested without a network: short Vietnamese, dates as dd/mm/yyyy.
#include <string>
#include <vector>

#include "notifications/domain/colleague.hpp"
#include "notifications/domain/lookups.hpp"

namespace thidua::notifications {

// The answer to /hanchot from GET /api/reports/v1/deadlines (empty when it could not be had):
// the occurrence due soonest, over every deadline, and what is still owed for that deadline
// itself (issue 14): the units that have not submitted their part, with the units' own due
// date, for a deadline the units owe; whether the school has done it, for one the school
// owes. Never another deadline's state. Each open nomination round (`rounds`) adds a line with
// its last day, before the deadline when it closes sooner, after it otherwise.
std::string reply_deadlines(const Deadlines& deadlines, const std::vector<OpenRound>& rounds = {});
std::string reply_reports(const std::vector<UnitSubmission>& units, int year);
// The year /baocao answers for when none is typed: that of the units' deadline's next
// occurrence in GET /api/reports/v1/deadlines (a year still owed stays next until it is
// done), as the dashboard offers the year of the deadline to come; `fallback` (the calendar
// year) when the answer has no deadline the units owe.
int report_year(const Deadlines& deadlines, int fallback);
std::string reply_quotas(const Quotas& quotas);
// Whether the staff group has been told of a nomination in its state (domain.md, etiquette:
// good news is public, a rejection is told privately; drafts stay within the unit):
// submitted, under review, approved, forwarded, awarded. Drafts, withdrawn, rejected and not
// awarded are not, and neither is a state this service does not know.
bool told_in_group(const NominationView& nomination);
// /denghi. In the group (`in_group`) only the nominations the group has been told of are
// listed, and the answer always ends with the way to see the rest privately (always, so its
// presence gives nothing away).
// Privately, the nominations the person wrote about others (`wrote`, a unit leader's or the
// board's) follow, with whom each is about; their own are not listed twice.
std::string reply_nominations(const std::vector<NominationView>& list,
                              const std::string& staff_name, bool in_group = false,
                              const std::vector<NominationView>& wrote = {});
// /trangthai. In the group a nomination the group has not been told of is not described:
// the person is asked to send the command privately.
std::string reply_nomination(const NominationView& nomination, bool in_group = false);
std::string reply_whoami(const Colleague& staff);
// /lienket <mã>. Sent in the group (`in_group`), the code is used up at once, so nobody there
// can use it after; the answer says so and asks for a private message next time.
std::string reply_linked(const Colleague& staff, bool in_group = false);
// /dangnhap asked too often (429 from nominations).
std::string reply_sign_in_too_many(const Colleague& staff);
// The answer to /tatnhac (`off`) or /batnhac for `staff` (the linked record: name, gender,
// role): what changed, or that it was so already (`changed` false), that the group's
// reminders are not affected, and how to undo it.
std::string reply_reminders(bool off, bool changed, const Colleague& staff);
// The answer to /dangnhap in a private chat: the code (`issued` by POST
// /api/nominations/v1/sign-in-codes), the link that carries it, how long it lasts and that it
// is not to be passed on.
std::string reply_sign_in(const IssuedSignIn& issued, const std::string& dashboard_url,
                          const Colleague& staff);
// The dashboard's address with the code in its fragment ("…/admin/#ma=K7QM4XPR"): a
// fragment never leaves the browser, so the code is in no server's log; "" without an
// address (THIDUA_DASHBOARD_URL empty).
std::string sign_in_link(const std::string& dashboard_url, const std::string& code);
// "2026-11-25T03:20:00Z" as the local time 10:20; "" when it is no instant.
std::string vn_time_of(const std::string& iso);
// "2026-10-30" or "2026-10-30T01:00:00Z" as 30/10/2026 (local date for instants); the input
// unchanged when it is neither.
std::string vn_date_of(const std::string& iso);
std::string role_label(const std::string& role);
// How a colleague is addressed, from the staff record's gender (issue 13): "thầy", "cô", or
// "thầy cô" when it is not recorded.
std::string you(const Colleague& staff);
// The person's name as colleagues say it: "cô Nguyễn Thị Hoa", "thầy Lê Văn Nam", or the
// name alone when the gender is not recorded.
std::string addressed_name(const Colleague& staff);

}  // namespace thidua::notifications
