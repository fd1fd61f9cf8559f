#pragma once
// A nomination as kept in Redis: a hash per nomination whose `draft`, `outcome` and `vote`
// fields hold JSON documents and the others plain text. The storage format, not the wire's:
// reading trusts what the store wrote and never runs the API's request parsers.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nominations/domain/council.hpp"
#include "nominations/domain/record.hpp"
#include "redis/redis_client.hpp"

namespace thidua::nominations::stored {

nlohmann::json to_json(const NominationDraft& d);
NominationDraft read_draft(const nlohmann::json& j);

// A recorded vote as the record's "vote" field keeps it (JSON; null when there is none), and
// back: nullopt for null or anything that is not an object.
nlohmann::json to_json(const std::optional<RecordedVote>& v);
std::optional<RecordedVote> read_vote(const nlohmann::json& j);

// The hash's field/value pairs for `r`, and `r` back from HGETALL's reply.
std::vector<std::string> record_fields(const NominationRecord& r);
NominationRecord read_record(const std::string& id, const RedisReply& reply);

// A council meeting's document (meetings hash), as recorded and as GET /council/meetings
// lists it: chair and secretary as {staff_id, name}.
nlohmann::json to_json(const Meeting& m);
Meeting read_meeting(const nlohmann::json& j);

}  // namespace thidua::nominations::stored
