// ReadJsonl's fast path (simdjson, src/load/jsonl.cc) against protobuf's
// JsonStringToMessage: on every line, plain or unusual, valid or not,
// ReadJsonl must give the claim protobuf gives, or the error protobuf
// gives, word for word.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "load/load.h"
#include "model/claim.h"

namespace claimgraph {
namespace {

// What ReadJsonl must make of `line`, computed with protobuf alone: the
// claim (ids cleared) or the error message.
StatusOr<Claim> Expected(const std::string& line) {
  Claim claim;
  google::protobuf::util::JsonParseOptions options;
  auto parsed =
      google::protobuf::util::JsonStringToMessage(line, &claim, options);
  if (!parsed.ok()) {
    return InvalidArgumentError(
        "t.jsonl:1: expected a claim as one JSON object (protobuf JSON "
        "mapping): " +
        std::string(parsed.message()));
  }
  Status valid = ValidateClaim(claim);
  if (!valid.ok()) return valid.WithPrefix("t.jsonl:1");
  claim.clear_id();
  claim.mutable_subject()->clear_id();
  if (claim.has_object()) claim.mutable_object()->clear_id();
  return claim;
}

void ExpectSameAsProtobuf(const std::string& line) {
  SCOPED_TRACE(line);
  std::istringstream in(line + "\n");
  StatusOr<ReadResult> read = ReadJsonl(in, "t.jsonl", ReadOptions());
  StatusOr<Claim> expected = Expected(line);
  ASSERT_EQ(read.ok(), expected.ok())
      << (read.ok() ? expected.status().message() : read.status().message());
  if (!read.ok()) {
    EXPECT_EQ(read.status().message(), expected.status().message());
    return;
  }
  ASSERT_EQ(read->claims.size(), 1u);
  EXPECT_EQ(read->claims[0].claim.SerializeAsString(),
            expected->SerializeAsString());
  EXPECT_EQ(read->claims[0].claim.DebugString(), expected->DebugString());
}

const char* const kLines[] = {
    // Plain forms.
    R"({"subject":{"name":"ICE","type":"AGENCY","aliases":["U.S. ICE","Immigration and Customs Enforcement"]},"predicate":"contract","predicate_text":"has contracted","object":{"name":"Palantir","type":"COMPANY"},"qualifiers":[{"key":"time","value":"2025"}],"evidence":[{"sentence":"ICE has contracted Palantir.","start":12,"end":40,"source":{"outlet":"Wire","url":"https://example.org/a","published":"2025-04-18"}}],"confidence":0.92,"extractor":"x","recorded_at":"2026-01-01T00:00:00Z"})",
    R"({"subject":{"name":"ImmigrationOS"},"predicate":"cost","value":{"amount":30000000,"unit":"USD","approximate":true,"approximate_cue":"nearly","lower_bound":1.5,"upper_bound":2e7,"lower_inclusive":true,"text":"$30 million"}})",
    R"(  {"subject":{"name":"A"},"predicate":"p","object":{"name":"B"}}   )",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"attribution":{"speaker":{"name":"S","type":"PERSON"},"cue":"said","stance":"REPORTED","quote":"q"}})",
    R"({"subject":{"name":"Ünïcödé \u00e9 \"quoted\" \\ back"},"predicate":"p\tq","object":{"name":"B\u2019s"}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":-12.5e-3}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":1e400}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":123456789012345678901234567890}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":9007199254740993}})",
    R"({"subject":{"name":"A"},"predicate":"p","evidence":[],"qualifiers":[],"object":{"name":"B"}})",
    // JSON names, zeroes, presence, numbers in other forms.
    R"({"subject":{"name":"A"},"predicate":"p","predicateText":"P","object":{"name":"B"},"recordedAt":"t"})",
    R"({"subject":{"name":"A"},"predicate":"p","predicate_text":"P","predicateText":"Q","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":0,"lower_bound":0}})",
    R"({"subject":{"name":"A"},"predicate":"p","value":{"amount":-0,"upper_bound":-0.0}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":1})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":"0.5"})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":[{"start":-0,"end":"7"}]})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":[{"start":1.0}]})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":[{"start":4294967296}]})",
    R"({"subject":{"name":"A","id":"12"},"predicate":"p","object":{"name":"B","id":7}})",
    R"({"subject":{"name":"A","type":2},"predicate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A","type":"NOT_A_TYPE"},"predicate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"attribution":{}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":null})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"value":{"amount":1}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":true})",
    R"({"subject":{"name":"A"},"predicate":["p"],"object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":{"sentence":"s"}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":[null]})",
    // Duplicate and escaped keys, unknown fields.
    R"({"subject":{"name":"A"},"predicate":"p","predicate":"q","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"pred\u0069cate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"colour":"red"})",
    // Not one JSON object.
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"}} {"x":1})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"}}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"})",
    R"({"subject":{"name":"A"} "predicate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},})",
    R"({"subject":{"name":"A"},"predicate":'p',"object":{"name":"B"}})",
    R"({"subject":{"name":"A\x"},"predicate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A\ud800"},"predicate":"p","object":{"name":"B"}})",
    R"([{"subject":{"name":"A"},"predicate":"p","object":{"name":"B"}}])",
    R"("just a string")",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":01})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":.5})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":NaN})",
    // Validation errors after a clean parse.
    R"({"subject":{"name":"  "},"predicate":"p","object":{"name":"B"}})",
    R"({"subject":{"name":"A"},"predicate":"p"})",
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"confidence":1.5})",
};

TEST(JsonlFastPathTest, SameClaimOrSameErrorAsProtobuf) {
  for (const char* line : kLines) ExpectSameAsProtobuf(line);
}

TEST(JsonlFastPathTest, ControlCharactersAndInvalidUtf8) {
  ExpectSameAsProtobuf(
      "{\"subject\":{\"name\":\"A\tB\"},\"predicate\":\"p\",\"object\":"
      "{\"name\":\"B\"}}");
  ExpectSameAsProtobuf(
      "{\"subject\":\t{\"name\":\"A\"},\"predicate\":\"p\",\"object\":"
      "{\"name\":\"B\"}}");
  ExpectSameAsProtobuf(
      "{\"subject\":{\"name\":\"A\xff\"},\"predicate\":\"p\",\"object\":"
      "{\"name\":\"B\"}}");
  ExpectSameAsProtobuf(std::string("{\"subject\":{\"name\":\"A") + '\0' +
                       "\"},\"predicate\":\"p\",\"object\":{\"name\":\"B\"}}");
}

TEST(JsonlFastPathTest, LongLinesAndManyLines) {
  std::string sentence(5000, 'x');
  std::string line =
      R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"evidence":[{"sentence":")" +
      sentence + R"("}]})";
  ExpectSameAsProtobuf(line);
  // A short line after a long one, and the other way round, through one
  // reader (the line buffer is reused).
  std::string text =
      line + "\n" +
      R"({"subject":{"name":"C"},"predicate":"q","object":{"name":"D"}})" +
      "\n" + line + "\n";
  std::istringstream in(text);
  StatusOr<ReadResult> read = ReadJsonl(in, "t.jsonl", ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->claims.size(), 3u);
  EXPECT_EQ(read->claims[1].claim.subject().name(), "C");
  EXPECT_EQ(read->claims[2].claim.evidence(0).sentence(), sentence);
  EXPECT_EQ(read->claims[2].where, "t.jsonl:3");
}

}  // namespace
}  // namespace claimgraph
