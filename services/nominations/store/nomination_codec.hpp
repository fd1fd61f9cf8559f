#pragma once
// A nomination as kept in Redis: a hash per nomination whose `draft`, `outcome` and `vote`
// fields hold JSON documents and the others plain text. The storage format, not the wire's:
// reading trusts what the store wrote and never runs the API's request parsers.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nominations/domain/council.hpp"
#include "nominations/domain/record.hpp"
#include "redis/redis_client.hpp"

namespace thidua::nominations::stored {

// A draft as the record's "draft" field keeps it (JSON), and back from that text. Reading
// throws std::runtime_error when the text is not JSON or a member this codec writes holds
// another type; members it does not know are skipped (store/draft_reader.cpp).
nlohmann::json to_json(const NominationDraft& d);
NominationDraft read_draft(std::string_view stored);

// A recorded vote as the record's "vote" field keeps it (JSON; null when there is none), and
// back: nullopt for null or anything that is not an object.
nlohmann::json to_json(const std::optional<RecordedVote>& v);
std::optional<RecordedVote> read_vote(const nlohmann::json& j);

// What was decided, as the record's "outcome" field keeps it: an object with a member per
// part that is set ({} when none), and back. Parts are read as read_vote reads a vote: a part
// that is not an object, or has a field of another type, is left out, as are members this
// codec does not know; anything but an object reads as an empty outcome.
nlohmann::json to_json(const Outcome& o);
Outcome read_outcome(const nlohmann::json& j);

// The hash's field/value pairs for `r`, and `r` back from HGETALL's reply, whose plain text
// fields are moved into the record rather than copied.
std::vector<std::string> record_fields(const NominationRecord& r);
NominationRecord read_record(const std::string& id, RedisReply&& reply);

}  // namespace thidua::nominations::stored
