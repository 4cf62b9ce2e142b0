// Readers of claim files: JSONL and TSV, errors naming file:line, --skip-bad.

#include "load/load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimgraph {
namespace {

constexpr const char* kGoodLine1 =
    R"({"subject":{"name":"ICE","type":"AGENCY","aliases":["U.S. Immigration and Customs Enforcement"]},)"
    R"("predicate":"contract","predicate_text":"has contracted",)"
    R"("object":{"name":"Palantir Technologies","type":"COMPANY"},)"
    R"("qualifiers":[{"key":"purpose","value":"build ImmigrationOS"}],)"
    R"("evidence":[{"sentence":"ICE has contracted Palantir.",)"
    R"("source":{"outlet":"Capitol Tech Review","url":"https://example.org/a","published":"2025-04-18"}}],)"
    R"("confidence":0.92})";
constexpr const char* kGoodLine2 =
    R"({"subject":{"name":"ImmigrationOS"},"predicate":"cost",)"
    R"("value":{"amount":30000000,"unit":"USD","text":"$30 million"}})";
constexpr const char* kMinimal =
    R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"}})";

StatusOr<ReadResult> Jsonl(const std::string& text, bool skip_bad = false) {
  std::istringstream in(text);
  ReadOptions options;
  options.skip_bad = skip_bad;
  return ReadJsonl(in, "claims.jsonl", options);
}

StatusOr<ReadResult> Tsv(const std::string& text, bool skip_bad = false) {
  std::istringstream in(text);
  ReadOptions options;
  options.skip_bad = skip_bad;
  return ReadTsv(in, "notes.tsv", options);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- JSONL -------------------------------------------------------------------

TEST(ReadJsonlTest, GoodFile) {
  std::string text = std::string(kGoodLine1) + "\n\n   \n" + kGoodLine2 +
                     "\r\n" + kMinimal + "\n";
  StatusOr<ReadResult> read = Jsonl(text);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 3u);
  EXPECT_TRUE(read->skipped.empty());

  const Claim& first = read->claims[0].claim;
  EXPECT_EQ(read->claims[0].where, "claims.jsonl:1");
  EXPECT_EQ(first.subject().name(), "ICE");
  EXPECT_EQ(first.subject().type(), AGENCY);
  ASSERT_EQ(first.subject().aliases_size(), 1);
  EXPECT_EQ(first.predicate(), "contract");
  EXPECT_EQ(first.predicate_text(), "has contracted");
  ASSERT_TRUE(first.has_object());
  EXPECT_EQ(first.object().name(), "Palantir Technologies");
  EXPECT_EQ(first.object().type(), COMPANY);
  ASSERT_EQ(first.evidence_size(), 1);
  EXPECT_EQ(first.evidence(0).source().outlet(), "Capitol Tech Review");
  EXPECT_DOUBLE_EQ(first.confidence(), 0.92);

  // Blank lines are skipped but still counted.
  EXPECT_EQ(read->claims[1].where, "claims.jsonl:4");
  const Claim& second = read->claims[1].claim;
  ASSERT_TRUE(second.has_value());
  EXPECT_DOUBLE_EQ(second.value().amount(), 30000000);
  EXPECT_EQ(second.value().unit(), "USD");
  EXPECT_EQ(read->claims[2].where, "claims.jsonl:5");
  // The reader validated every claim it returns (AddClaims relies on it).
  for (const LocatedClaim& c : read->claims) EXPECT_TRUE(c.validated);
}

TEST(ReadJsonlTest, EmptyInputGivesNoClaims) {
  StatusOr<ReadResult> read = Jsonl("");
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->claims.empty());
}

TEST(ReadJsonlTest, IdsInTheFileAreCleared) {
  StatusOr<ReadResult> read = Jsonl(
      R"({"id":"5","subject":{"id":"3","name":"A"},"predicate":"p","object":{"id":"4","name":"B"}})");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 1u);
  EXPECT_EQ(read->claims[0].claim.id(), 0u);
  EXPECT_EQ(read->claims[0].claim.subject().id(), 0u);
  EXPECT_EQ(read->claims[0].claim.object().id(), 0u);
}

TEST(ReadJsonlTest, MalformedLineNamesFileLineAndWhatWasExpected) {
  std::string text = std::string(kGoodLine1) + "\n" + kGoodLine2 +
                     "\n{\"subject\": {\"name\": \"A\"}, \"predicate\": \n" +
                     kMinimal + "\n";
  StatusOr<ReadResult> read = Jsonl(text);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  std::string message = read.status().message();
  EXPECT_TRUE(message.starts_with("claims.jsonl:3:")) << message;
  EXPECT_TRUE(Contains(message, "expected")) << message;
}

TEST(ReadJsonlTest, MissingRequiredFieldsAreNamed) {
  struct Case {
    const char* line;
    const char* field;
  } cases[] = {
      {R"({"predicate":"p","object":{"name":"B"}})", "subject"},
      {R"({"subject":{"name":"A"},"object":{"name":"B"}})", "predicate"},
      {R"({"subject":{"name":"A"},"predicate":"p"})", "object"},
      {R"({"subject":{"name":"A"},"predicate":"p","object":{"name":""}})",
       "object"},
  };
  for (const Case& c : cases) {
    StatusOr<ReadResult> read = Jsonl(std::string(kMinimal) + "\n" + c.line);
    ASSERT_FALSE(read.ok()) << c.line;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(read.status().message().starts_with("claims.jsonl:2:"))
        << read.status().message();
    EXPECT_TRUE(Contains(read.status().message(), c.field))
        << read.status().message();
  }
}

TEST(ReadJsonlTest, UnknownFieldIsAnError) {
  StatusOr<ReadResult> read = Jsonl(
      R"({"subject":{"name":"A"},"predicate":"p","object":{"name":"B"},"subjekt":1})");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(read.status().message().starts_with("claims.jsonl:1:"))
      << read.status().message();
  EXPECT_TRUE(Contains(read.status().message(), "subjekt"))
      << read.status().message();

  // Also inside a nested message.
  read = Jsonl(
      R"({"subject":{"name":"A","colour":"red"},"predicate":"p","object":{"name":"B"}})");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(Contains(read.status().message(), "colour"))
      << read.status().message();
}

TEST(ReadJsonlTest, UnknownEntityTypeIsAnError) {
  StatusOr<ReadResult> read = Jsonl(
      R"({"subject":{"name":"A","type":"SPACESHIP"},"predicate":"p","object":{"name":"B"}})");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(read.status().message().starts_with("claims.jsonl:1:"));
}

TEST(ReadJsonlTest, SkipBadReportsEveryBadLineAndReturnsTheGoodOnes) {
  std::string text = std::string("not json\n") + kGoodLine1 + "\n" +
                     R"({"subject":{"name":"A"},"predicate":"p"})" + "\n" +
                     kGoodLine2 + "\n" + R"({"bogus":true})" + "\n" + kMinimal +
                     "\n";
  StatusOr<ReadResult> strict = Jsonl(text);
  ASSERT_FALSE(strict.ok());
  EXPECT_TRUE(strict.status().message().starts_with("claims.jsonl:1:"));

  StatusOr<ReadResult> read = Jsonl(text, /*skip_bad=*/true);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 3u);
  EXPECT_EQ(read->claims[0].where, "claims.jsonl:2");
  EXPECT_EQ(read->claims[1].where, "claims.jsonl:4");
  EXPECT_EQ(read->claims[2].where, "claims.jsonl:6");
  ASSERT_EQ(read->skipped.size(), 3u);
  EXPECT_EQ(read->skipped[0].where, "claims.jsonl:1");
  EXPECT_EQ(read->skipped[1].where, "claims.jsonl:3");
  EXPECT_EQ(read->skipped[2].where, "claims.jsonl:5");
  for (const SkippedClaim& s : read->skipped) {
    EXPECT_EQ(s.status.code(), StatusCode::kInvalidArgument) << s.where;
    EXPECT_FALSE(s.status.message().empty()) << s.where;
  }
  EXPECT_TRUE(Contains(read->skipped[1].status.message(), "object"))
      << read->skipped[1].status.message();
}

// --- TSV ---------------------------------------------------------------------

constexpr const char* kTsvHeader =
    "subject\tsubject_type\tpredicate\tobject\tobject_type\tvalue\tunit\t"
    "outlet\turl\tpublished\tsentence\tspeaker\n";

TEST(ReadTsvTest, HeaderAndRows) {
  std::string text =
      std::string(kTsvHeader) +
      "U.S. Border Patrol\tAGENCY\tpart_of\tCBP\tagency\t\t\tDesert "
      "Sentinel\thttps://example.com/ds/1\t2025-03-12\tThe Border Patrol is "
      "part of CBP.\t\n"
      "\n"
      "Tucson Sector\tLOCATION\tbudget\t\t\t30,000,000\tUSD\t\t\t\t\tLuis "
      "Cant\u00fa\n";
  StatusOr<ReadResult> read = Tsv(text);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 2u);
  EXPECT_TRUE(read->claims[0].validated);
  EXPECT_TRUE(read->claims[1].validated);
  const Claim& a = read->claims[0].claim;
  EXPECT_EQ(read->claims[0].where, "notes.tsv:2");
  EXPECT_EQ(a.subject().name(), "U.S. Border Patrol");
  EXPECT_EQ(a.subject().type(), AGENCY);
  EXPECT_EQ(a.predicate(), "part_of");
  ASSERT_TRUE(a.has_object());
  EXPECT_EQ(a.object().name(), "CBP");
  EXPECT_EQ(a.object().type(), AGENCY);  // Types are case-insensitive.
  ASSERT_EQ(a.evidence_size(), 1);
  EXPECT_EQ(a.evidence(0).source().outlet(), "Desert Sentinel");
  EXPECT_EQ(a.evidence(0).source().url(), "https://example.com/ds/1");
  EXPECT_EQ(a.evidence(0).source().published(), "2025-03-12");
  EXPECT_EQ(a.evidence(0).sentence(), "The Border Patrol is part of CBP.");
  EXPECT_FALSE(a.attribution().has_speaker());

  const Claim& b = read->claims[1].claim;
  EXPECT_EQ(read->claims[1].where, "notes.tsv:4");
  ASSERT_TRUE(b.has_value());
  EXPECT_DOUBLE_EQ(b.value().amount(), 30000000);
  EXPECT_EQ(b.value().unit(), "USD");
  EXPECT_EQ(b.evidence_size(), 0);
  EXPECT_EQ(b.attribution().speaker().name(), "Luis Cant\u00fa");
}

TEST(ReadTsvTest, ValueParsing) {
  struct Case {
    const char* text;
    double amount;
  } cases[] = {{"30,000,000", 30000000},
               {"76", 76},
               {"1,461", 1461},
               {"6.1", 6.1},
               {"-3", -3},
               {"0.5", 0.5},
               {"1 104", 1104}};
  for (const Case& c : cases) {
    std::string text = std::string("subject\tpredicate\tvalue\tunit\n") +
                       "A\tcount\t" + c.text + "\tthings\n";
    StatusOr<ReadResult> read = Tsv(text);
    ASSERT_TRUE(read.ok()) << c.text << ": " << read.status().ToString();
    ASSERT_EQ(read->claims.size(), 1u);
    EXPECT_DOUBLE_EQ(read->claims[0].claim.value().amount(), c.amount)
        << c.text;
  }
  for (const char* bad : {"thirty", "12abc", "$30", ",", "nan", "inf"}) {
    std::string text =
        std::string("subject\tpredicate\tvalue\n") + "A\tcount\t" + bad + "\n";
    StatusOr<ReadResult> read = Tsv(text);
    ASSERT_FALSE(read.ok()) << bad;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(read.status().message().starts_with("notes.tsv:2:"))
        << read.status().message();
  }
}

TEST(ReadTsvTest, MissingOptionalColumnsAreFine) {
  StatusOr<ReadResult> read = Tsv("predicate\tobject\tsubject\np\tB\tA\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 1u);
  EXPECT_EQ(read->claims[0].claim.subject().name(), "A");
  EXPECT_EQ(read->claims[0].claim.object().name(), "B");
}

TEST(ReadTsvTest, UnknownColumnIsAnError) {
  StatusOr<ReadResult> read =
      Tsv("subject\tpredicate\tobject\tcolour\nA\tp\tB\tred\n");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(read.status().message().starts_with("notes.tsv:1:"))
      << read.status().message();
  EXPECT_TRUE(Contains(read.status().message(), "colour"))
      << read.status().message();
}

TEST(ReadTsvTest, MissingRequiredColumnIsAnError) {
  StatusOr<ReadResult> read = Tsv("subject\tobject\nA\tB\n");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(Contains(read.status().message(), "predicate"))
      << read.status().message();
  EXPECT_FALSE(Tsv("").ok());
}

TEST(ReadTsvTest, WrongFieldCountNamesTheLine) {
  std::string text = "subject\tpredicate\tobject\nA\tp\tB\nC\tp\nD\tp\tE\n";
  StatusOr<ReadResult> read = Tsv(text);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  std::string message = read.status().message();
  EXPECT_TRUE(message.starts_with("notes.tsv:3:")) << message;
  EXPECT_TRUE(Contains(message, "3")) << message;
  EXPECT_TRUE(Contains(message, "2")) << message;

  // Too many fields is as bad as too few.
  read = Tsv("subject\tpredicate\tobject\nA\tp\tB\textra\n");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(read.status().message().starts_with("notes.tsv:2:"));
}

TEST(ReadTsvTest, ObjectAndValueTogetherIsAnError) {
  StatusOr<ReadResult> read =
      Tsv("subject\tpredicate\tobject\tvalue\nA\tp\tB\t5\n");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(read.status().message().starts_with("notes.tsv:2:"));
}

TEST(ReadTsvTest, SkipBadReportsEveryBadLine) {
  std::string text =
      "subject\tsubject_type\tpredicate\tobject\n"
      "A\tAGENCY\tp\tB\n"
      "C\tALIEN\tp\tD\n"  // Unknown type.
      "E\tAGENCY\tp\n"    // Too few fields.
      "F\t\tp\tG\n"
      "\tAGENCY\tp\tH\n";  // Empty subject.
  StatusOr<ReadResult> read = Tsv(text, /*skip_bad=*/true);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 2u);
  EXPECT_EQ(read->claims[0].claim.subject().name(), "A");
  EXPECT_EQ(read->claims[1].claim.subject().name(), "F");
  ASSERT_EQ(read->skipped.size(), 3u);
  EXPECT_EQ(read->skipped[0].where, "notes.tsv:3");
  EXPECT_EQ(read->skipped[1].where, "notes.tsv:4");
  EXPECT_EQ(read->skipped[2].where, "notes.tsv:6");
  EXPECT_TRUE(Contains(read->skipped[0].status.message(), "ALIEN"))
      << read->skipped[0].status.message();
}

// --- ReadClaimFile
// -------------------------------------------------------------

class ReadClaimFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("load_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(ReadClaimFileTest, ChoosesTheReaderByExtension) {
  std::string jsonl = Write("a.jsonl", std::string(kMinimal) + "\n");
  StatusOr<ReadResult> read = ReadClaimFile(jsonl, ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 1u);
  EXPECT_EQ(read->claims[0].where, jsonl + ":1");

  std::string tsv = Write("b.TSV", "subject\tpredicate\tobject\nA\tp\tB\n");
  read = ReadClaimFile(tsv, ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->claims.size(), 1u);

  std::string csv = Write("c.csv", "subject,predicate,object\n");
  read = ReadClaimFile(csv, ReadOptions());
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);

  read = ReadClaimFile((dir_ / "missing.jsonl").string(), ReadOptions());
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kNotFound);
}

TEST_F(ReadClaimFileTest, ReadsTheSampleData) {
  int total = 0;
  for (const char* name : {"contracts.jsonl", "enforcement.jsonl",
                           "surveillance.jsonl", "field_notes.tsv"}) {
    std::string path = std::string(CG_SOURCE_DIR) + "/data/claims/" + name;
    StatusOr<ReadResult> read = ReadClaimFile(path, ReadOptions());
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_FALSE(read->claims.empty()) << name;
    total += static_cast<int>(read->claims.size());
  }
  EXPECT_GE(total, 60);
}

}  // namespace
}  // namespace claimgraph
