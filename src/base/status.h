// Errors as values. Every boundary that can fail (I/O, parsing, storage)
// returns a Status or a StatusOr<T>; no exception crosses a public API.
//
// Modelled on absl::Status: a code plus a human-readable message. Messages
// about bad input name the place ("file.jsonl:12: expected ...").

#ifndef CLAIMGRAPH_BASE_STATUS_H_
#define CLAIMGRAPH_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace claimgraph {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // Bad input from the user: a malformed line, a bad flag.
  kNotFound,            // A named entity, file or key does not exist.
  kAlreadyExists,       // Creating something that is already there.
  kAmbiguous,           // A name matches several entities.
  kFailedPrecondition,  // E.g. a database of an unknown schema version.
  kIoError,             // The operating system or RocksDB failed.
  kCorruption,          // Stored data could not be decoded.
  kInternal,            // A bug; should not happen.
};

// Short lower-case name of a code, e.g. "invalid argument".
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: file.jsonl:3: expected ..." or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message".
  Status WithPrefix(std::string_view prefix) const;

  friend bool operator==(const Status&, const Status&) = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status AmbiguousError(std::string message);
Status FailedPreconditionError(std::string message);
Status IoError(std::string message);
Status CorruptionError(std::string message);
Status InternalError(std::string message);

// Either a value of type T or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  // Constructing from an OK status is a programmer error.
  StatusOr(Status status) : rep_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(rep_).ok());
  }
  StatusOr(T value) : rep_(std::move(value)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(rep_); }
  Status status() const { return ok() ? OkStatus() : std::get<Status>(rep_); }

  // Accessors require ok().
  T& value() & {
    assert(ok());
    return std::get<T>(rep_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(rep_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(rep_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> rep_;
};

}  // namespace claimgraph

#define CG_STATUS_CONCAT_INNER_(a, b) a##b
#define CG_STATUS_CONCAT_(a, b) CG_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` yields a non-OK Status.
#define CG_RETURN_IF_ERROR(expr)                        \
  do {                                                  \
    ::claimgraph::Status cg_status_ = (expr);           \
    if (!cg_status_.ok()) return cg_status_;            \
  } while (0)

// `lhs = value of expr` or returns its error. `lhs` may declare a variable.
#define CG_ASSIGN_OR_RETURN(lhs, expr) \
  CG_ASSIGN_OR_RETURN_IMPL_(CG_STATUS_CONCAT_(cg_statusor_, __LINE__), lhs, expr)
#define CG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // CLAIMGRAPH_BASE_STATUS_H_
