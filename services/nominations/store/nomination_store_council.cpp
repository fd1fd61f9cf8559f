// NominationStore, what the council keeps beside the nominations: a nomination's vote, the
// dossier's items as received, and the council meetings (stored as JSON documents by id,
// numbered by their own sequence, with the number of votes recorded at each beside them).
// nomination_store.cpp holds the nominations themselves.
#include <algorithm>

#include "nominations/domain/workflow.hpp"
#include "nominations/store/history_codec.hpp"
#include "nominations/store/meeting_codec.hpp"
#include "nominations/store/nomination_codec.hpp"
#include "nominations/store/nomination_store.hpp"

namespace thidua::nominations {
using nlohmann::json;

namespace {
// A vote and a correction of the same meeting each check what the other writes: the vote is
// counted on the meeting's numbers (domain/council.hpp, evaluate_vote), and the correction is
// allowed by the votes recorded at it (domain/meeting_correction.hpp). Both checks are pure
// and run in C++ on what was read; these two scripts make the write conditional on that read
// still being what is stored, in one step, so whichever comes second finds what the first
// wrote and is refused (the caller answers 409), instead of one of them writing on a stale
// read. Only the comparison is here; the rules stay in domain/.

// KEYS: the nomination's record, the meetings, the votes counted per meeting.
// ARGV: the status the vote needs, meeting id, the meeting as read, the vote.
// The counter tells a correction checked before this vote that a vote came in since.
const RedisScript kRecordVote(R"lua(
local cur = redis.call('HGET', KEYS[1], 'status')
if cur ~= ARGV[1] then return {'conflict', cur or ''} end
if redis.call('HGET', KEYS[2], ARGV[2]) ~= ARGV[3] then return {'meeting_changed', 'meeting'} end
redis.call('HSET', KEYS[1], 'vote', ARGV[4])
redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
redis.call('RPUSH', KEYS[4], ARGV[5])
return {'ok', ''}
)lua");

// KEYS: the dossier hash, the history. ARGV: item, receipt, history entry.
const RedisScript kReceiveDossier(R"lua(
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[3])
return {'ok', ''}
)lua");

// KEYS: the meetings, the votes counted per meeting, then the records of the nominations
// whose vote named the meeting when the check read them.
// ARGV: meeting id, the meeting as read, the vote count as read, the corrected meeting, then
// each of those nominations' status as read (in KEYS' order): a decision taken upon one of
// their votes changes its status, not the vote count.
const RedisScript kCorrectMeeting(R"lua(
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return {'meeting_changed', 'meeting'} end
if (redis.call('HGET', KEYS[2], ARGV[1]) or '0') ~= ARGV[3] then
  return {'meeting_changed', 'votes'}
end
for i = 3, #KEYS do
  if redis.call('HGET', KEYS[i], 'status') ~= ARGV[i + 2] then
    return {'meeting_changed', 'votes'}
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
return {'ok', ''}
)lua");
}  // namespace

Task<WriteOutcome> NominationStore::record_vote(const std::string& id, const MeetingRead& read,
                                                const RecordedVote& vote,
                                                const HistoryEntry& history) {
  std::vector<std::string> keys{keys_("n:" + id), keys_("meetings"), keys_("meeting-votes"),
                                keys_("n:" + id + ":history")};
  std::vector<std::string> args{std::string(status_name(Status::UnderReview)),
                                read.record.meeting.id, read.stamp, stored::to_json(vote).dump(),
                                stored::to_json(history).dump()};
  auto reply = co_await redis_.local().eval(kRecordVote, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<std::map<std::string, DossierReceipt>> NominationStore::dossier(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("n:" + id + ":dossier"));
  std::map<std::string, DossierReceipt> out;
  for (const auto& [item, value] : reply.fields()) {
    auto j = json::parse(value, nullptr, false);
    if (!j.is_object()) continue;
    out[item] = {j.value("copies", 0), j.value("received_by", ""), j.value("received_at", "")};
  }
  co_return out;
}

Task<void> NominationStore::receive_dossier_item(const std::string& id, const std::string& item,
                                                 const DossierReceipt& r,
                                                 const HistoryEntry& history) {
  json j = {{"copies", r.copies}, {"received_by", r.received_by}, {"received_at", r.received_at}};
  std::vector<std::string> keys{keys_("n:" + id + ":dossier"), keys_("n:" + id + ":history")};
  std::vector<std::string> args{item, j.dump(), stored::to_json(history).dump()};
  co_await redis_.local().eval(kReceiveDossier, std::move(keys), std::move(args));
}

Task<MeetingRecord> NominationStore::add_meeting(MeetingRecord record) {
  auto& redis = redis_.local();
  auto seq = co_await redis.call("INCR", keys_("meeting-seq"));
  record.meeting.id = std::to_string(seq.number());
  const std::string document = stored::to_json(record).dump();
  co_await redis.call("HSET", keys_("meetings"), record.meeting.id, document);
  co_return record;
}

Task<std::optional<Meeting>> NominationStore::meeting(const std::string& id) const {
  auto reply = co_await redis_.local().call("HGET", keys_("meetings"), id);
  if (reply.is_nil()) co_return std::nullopt;
  auto record = stored::read_meeting_record(json::parse(reply.str, nullptr, false));
  if (!record) co_return std::nullopt;  // not a document this store wrote
  record->meeting.id = id;
  co_return std::move(record->meeting);
}

Task<std::optional<NominationStore::MeetingRead>> NominationStore::meeting_read(
    const std::string& id) const {
  std::vector<std::vector<std::string>> cmds{{"HGET", keys_("meeting-votes"), id},
                                             {"HGET", keys_("meetings"), id}};
  auto replies = co_await redis_.local().batch(std::move(cmds));
  if (replies.at(1).is_nil()) co_return std::nullopt;
  auto record = stored::read_meeting_record(json::parse(replies[1].str, nullptr, false));
  if (!record) co_return std::nullopt;  // not a document this store wrote
  MeetingRead out;
  out.record = std::move(*record);
  out.record.meeting.id = id;
  out.stamp = replies[1].str;
  out.votes_seen = replies[0].is_nil() ? std::string("0") : replies[0].str;
  co_return out;
}

Task<WriteOutcome> NominationStore::correct_meeting(
    const MeetingRead& read, const MeetingRecord& after,
    const std::vector<std::pair<std::string, Status>>& voted) {
  std::vector<std::string> keys{keys_("meetings"), keys_("meeting-votes")};
  std::vector<std::string> args{read.record.meeting.id, read.stamp, read.votes_seen,
                                stored::to_json(after).dump()};
  for (const auto& [id, status] : voted) {
    keys.push_back(keys_("n:" + id));
    args.emplace_back(status_name(status));
  }
  auto reply = co_await redis_.local().eval(kCorrectMeeting, std::move(keys), std::move(args));
  co_return outcome_of(reply);
}

Task<std::vector<MeetingRecord>> NominationStore::meetings() const {
  auto reply = co_await redis_.local().call("HGETALL", keys_("meetings"));
  std::vector<MeetingRecord> out;
  for (const auto& [id, value] : reply.fields()) {
    // A document this store did not write is left out rather than shown half-read.
    if (auto record = stored::read_meeting_record(json::parse(value, nullptr, false))) {
      record->meeting.id = id;
      out.push_back(std::move(*record));
    }
  }
  std::sort(out.begin(), out.end(), [](const MeetingRecord& a, const MeetingRecord& b) {
    return std::stoll(a.meeting.id) < std::stoll(b.meeting.id);
  });
  co_return out;
}

}  // namespace thidua::nominations
