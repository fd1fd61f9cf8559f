#include "redis/reply_reader.hpp"

#include <hiredis/hiredis.h>
#include <exception>
#include <memory>

namespace thidua::redis_detail {
namespace {

// What hiredis holds as the reply's root: `head` first, as hiredis casts the object to
// redisReply* where it looks at a reply itself.
struct ReplyRoot {
  redisReply head{};
  RedisReply value;
};

// The element of its parent's array that a read task below the top level fills: already
// sized, so it never moves while the reply is read. hiredis sets a task's obj once its
// header is read, and only arrays have children.
RedisReply& element_of(const redisReadTask* task) {
  const redisReadTask* parent = task->parent;
  RedisReply& array = parent->parent == nullptr ? static_cast<ReplyRoot*>(parent->obj)->value
                                                : *static_cast<RedisReply*>(parent->obj);
  return array.elements[static_cast<std::size_t>(task->idx)];
}

// The object hiredis keeps for a read task: a new root for the reply's top level (with the
// redisReply header hiredis reads), else the element of its parent.
//
// hiredis is C: nothing may be thrown through it. nullptr makes the reader report "out of
// memory" (bad_alloc, or length_error for an array header no vector can hold), and the
// connection fails its commands in flight; a root not handed over is freed here, as hiredis
// keeps only what a create returned.
template <class Fill>
void* create(const redisReadTask* task, int type, Fill fill) noexcept {
  try {
    if (task->parent != nullptr) {
      RedisReply& element = element_of(task);
      fill(element);
      return &element;
    }
    auto root = std::make_unique<ReplyRoot>();
    fill(root->value);
    root->head.type = type;
    root->head.integer = root->value.integer;
    root->head.str = root->value.str.data();
    root->head.len = root->value.str.size();
    return root.release();
  } catch (const std::exception&) {
    return nullptr;
  }
}

void* create_string(const redisReadTask* task, char* str, size_t len) {
  return create(task, task->type, [&](RedisReply& r) {
    r.type = task->type == REDIS_REPLY_ERROR    ? RedisReply::Type::Error
             : task->type == REDIS_REPLY_STATUS ? RedisReply::Type::Status
                                                : RedisReply::Type::String;
    r.str.assign(str, len);
  });
}

void* create_array(const redisReadTask* task, int elements) {
  return create(task, REDIS_REPLY_ARRAY, [&](RedisReply& r) {
    r.type = RedisReply::Type::Array;
    r.elements.resize(static_cast<std::size_t>(elements));
  });
}

void* create_integer(const redisReadTask* task, long long value) {
  return create(task, REDIS_REPLY_INTEGER, [&](RedisReply& r) {
    r.type = RedisReply::Type::Integer;
    r.integer = value;
  });
}

void* create_nil(const redisReadTask* task) {
  return create(task, REDIS_REPLY_NIL, [](RedisReply& r) { r.type = RedisReply::Type::Nil; });
}

// hiredis frees only a reply's root (after its callback, or when a reader or connection is
// freed with a reply half read); the elements go with it.
void free_reply(void* object) {
  delete static_cast<ReplyRoot*>(object);
}

redisReplyObjectFunctions kInPlace{.createString = create_string,
                                   .createArray = create_array,
                                   .createInteger = create_integer,
                                   .createNil = create_nil,
                                   .freeObject = free_reply};

}  // namespace

redisReplyObjectFunctions* in_place_functions() {
  return &kInPlace;
}

void read_replies_in_place(redisAsyncContext* ac) {
  ac->c.reader->fn = &kInPlace;
}

RedisReply take_reply(void* reply) {
  return std::move(static_cast<ReplyRoot*>(reply)->value);
}

}  // namespace thidua::redis_detail
