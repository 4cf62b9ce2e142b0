// The claimgraph command line end to end on the sample data in data/claims:
// load, stats, entities, claims, path, dot (checked by Graphviz), export and
// reload, atomic refusal of a bad file, exit codes, --help, forget.

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "load/load.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using testing_util::TempRoot;
using testing_util::TestDir;

constexpr const char* kCli = CG_BINARY_DIR "/tools/claimgraph";
constexpr const char* kDot = "/usr/bin/dot";

std::string DataFile(const std::string& name) {
  return std::string(CG_SOURCE_DIR) + "/data/claims/" + name;
}

std::vector<std::string> SampleFiles() {
  return {DataFile("contracts.jsonl"), DataFile("enforcement.jsonl"),
          DataFile("surveillance.jsonl"), DataFile("field_notes.tsv")};
}

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

using Values = google::protobuf::ListValue;
using Fields = google::protobuf::Struct;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir("cli_test");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A database with the sample loaded, shared by the tests that only read;
  // loaded on first use, removed after the last test.
  std::string SharedDb() {
    if (shared_dir_.empty()) {
      shared_dir_ =
          TempRoot() / ("cli_test_" + std::to_string(::getpid()) + "_shared");
      fs::remove_all(shared_dir_);
      fs::create_directories(shared_dir_);
      std::string db = (shared_dir_ / "db").string();
      LoadSample(db);
      if (::testing::Test::HasFatalFailure()) {
        fs::remove_all(shared_dir_);
        shared_dir_.clear();
        return db;
      }
    }
    return (shared_dir_ / "db").string();
  }
  // A private copy of the shared database, for tests that change it (no
  // process has it open between commands, so its files can be copied).
  void CopySharedDb() {
    std::string shared = SharedDb();
    ASSERT_FALSE(HasFatalFailure());
    fs::copy(shared, db_, fs::copy_options::recursive);
  }
  static void TearDownTestSuite() {
    if (!shared_dir_.empty()) fs::remove_all(shared_dir_);
    shared_dir_.clear();
  }

  // Runs `program args...` with stdout and stderr captured.
  RunResult RunProgram(const std::string& program,
                       const std::vector<std::string>& args,
                       const std::string& env = "") {
    std::string command = env + Quote(program);
    for (const std::string& a : args) command += " " + Quote(a);
    fs::path out = dir_ / "stdout.txt";
    fs::path err = dir_ / "stderr.txt";
    command += " >" + Quote(out.string()) + " 2>" + Quote(err.string()) +
               " </dev/null";
    int status = std::system(command.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = ReadAll(out);
    result.err = ReadAll(err);
    return result;
  }

  // Runs the CLI on database `db` (the test's own by default).
  RunResult Run(std::vector<std::string> args, const std::string& db = "") {
    args.insert(args.begin(), {"--db", db.empty() ? db_ : db});
    return RunProgram(kCli, args);
  }

  void LoadSample(const std::string& db = "") {
    std::vector<std::string> args = {"load"};
    for (const std::string& f : SampleFiles()) args.push_back(f);
    RunResult r = Run(args, db);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Runs a listing command with --format json and parses its array.
  Values Json(std::vector<std::string> args, const std::string& db = "") {
    args.push_back("--format");
    args.push_back("json");
    RunResult r = Run(args, db);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Values values;
    auto status = google::protobuf::util::JsonStringToMessage(r.out, &values);
    EXPECT_TRUE(status.ok()) << status.message() << "\n" << r.out;
    return values;
  }

  std::map<std::string, double> Stats(const std::string& db = "") {
    std::map<std::string, double> out;
    Values rows = Json({"stats"}, db);
    for (const auto& row : rows.values()) {
      const auto& fields = row.struct_value().fields();
      out[fields.at("what").string_value()] = fields.at("count").number_value();
    }
    return out;
  }

  fs::path dir_;
  std::string db_;
  static fs::path shared_dir_;
};

fs::path CliTest::shared_dir_;

std::string Str(const google::protobuf::Value& row, const std::string& key) {
  const auto& fields = row.struct_value().fields();
  auto it = fields.find(key);
  if (it == fields.end()) return "<missing " + key + ">";
  if (it->second.has_number_value()) {
    std::ostringstream s;
    s << it->second.number_value();
    return s.str();
  }
  return it->second.string_value();
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_F(CliTest, LoadAndStats) {
  RunResult r = Run({"load", SampleFiles()[0], SampleFiles()[1],
                     SampleFiles()[2], SampleFiles()[3]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << "load writes messages to stderr: " << r.out;
  EXPECT_TRUE(Contains(r.err, "contracts.jsonl")) << r.err;

  // Every line of the sample is one piece of evidence.
  int evidence = 0;
  int lines = 0;
  for (const std::string& f : SampleFiles()) {
    StatusOr<ReadResult> read = ReadClaimFile(f, ReadOptions());
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    for (const LocatedClaim& c : read->claims) {
      evidence += c.claim.evidence_size();
      ++lines;
    }
  }
  std::map<std::string, double> stats = Stats();
  EXPECT_GE(stats["claims"], 60);
  EXPECT_LT(stats["claims"], lines);  // At least one claim was corroborated.
  EXPECT_EQ(stats["evidence"], evidence);
  EXPECT_GE(stats["sources"], 6);
  EXPECT_GE(stats["corroborated_claims"], 1);
  EXPECT_GT(stats["entities"], 0);
  EXPECT_GE(stats["aliases"], stats["entities"]);

  // The table format has the same numbers.
  RunResult table = Run({"stats"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(Contains(table.out, "claims")) << table.out;
  EXPECT_TRUE(
      Contains(table.out, std::to_string(static_cast<int>(stats["claims"]))));

  // Loading everything again changes nothing.
  LoadSample();
  EXPECT_EQ(Stats(), stats);

  // The claims listing agrees with the counts.
  EXPECT_EQ(Json({"claims"}).values_size(), stats["claims"]);
  EXPECT_EQ(Json({"entities"}).values_size(), stats["entities"]);
  EXPECT_EQ(Json({"sources"}).values_size(), stats["sources"]);
}

TEST_F(CliTest, EntitiesOfOneType) {
  db_ = SharedDb();
  Values agencies = Json({"entities", "--type", "AGENCY"});
  std::set<std::string> names;
  for (const auto& row : agencies.values()) {
    EXPECT_EQ(Str(row, "type"), "AGENCY") << Str(row, "name");
    names.insert(Str(row, "name"));
  }
  for (const char* agency : {"ICE", "CBP", "DHS"}) {
    EXPECT_TRUE(names.contains(agency)) << agency;
  }
  EXPECT_FALSE(names.contains("Palantir Technologies"));
  // The lowercase type name works too, and other types are left out.
  EXPECT_EQ(Json({"entities", "--type", "agency"}).values_size(),
            agencies.values_size());
  Values everyone = Json({"entities"});
  EXPECT_GT(everyone.values_size(), agencies.values_size());

  RunResult bad = Run({"entities", "--type", "SPACESHIP"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_FALSE(bad.err.empty());

  // CSV has a header row and one row per entity.
  RunResult csv = Run({"entities", "--type", "AGENCY", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_TRUE(csv.out.starts_with("id,name,type")) << csv.out;
}

TEST_F(CliTest, ClaimsAboutIceShowBothOutletsOfTheCorroboratedClaim) {
  db_ = SharedDb();
  // Through an alias, too.
  for (const char* about : {"ICE", "Immigration and Customs Enforcement"}) {
    Values claims = Json({"claims", "--about", about});
    ASSERT_GT(claims.values_size(), 0) << about;
    int corroborated = 0;
    std::vector<std::string> detained;
    for (const auto& row : claims.values()) {
      if (Str(row, "predicate") == "contract" &&
          Str(row, "object") == "Palantir Technologies" &&
          Str(row, "subject") == "ICE") {
        std::string sources = Str(row, "sources");
        if (Contains(sources, "Capitol Tech Review") &&
            Contains(sources, "Border Monitor")) {
          ++corroborated;
          EXPECT_EQ(Str(row, "outlets"), "2");
        }
      }
      if (Str(row, "predicate") == "detain" &&
          !Str(row, "contradicts").empty()) {
        detained.push_back(Str(row, "object"));
      }
    }
    EXPECT_EQ(corroborated, 1) << about;
    // The two contradicting detention figures point at each other.
    EXPECT_GE(detained.size(), 2u) << about;
  }
}

TEST_F(CliTest, PathFromPeterThielToIce) {
  db_ = SharedDb();
  Values hops = Json({"path", "Peter Thiel", "ICE"});
  ASSERT_EQ(hops.values_size(), 2);
  EXPECT_EQ(Str(hops.values(0), "hop"), "1");
  EXPECT_EQ(Str(hops.values(0), "from"), "Peter Thiel");
  EXPECT_EQ(Str(hops.values(0), "to"), "Palantir Technologies");
  EXPECT_EQ(Str(hops.values(1), "from"), "Palantir Technologies");
  EXPECT_EQ(Str(hops.values(1), "to"), "ICE");
  for (const auto& hop : hops.values()) {
    EXPECT_FALSE(Str(hop, "sources").empty());
    EXPECT_FALSE(Str(hop, "sentence").empty());
  }

  RunResult table = Run({"path", "Peter Thiel", "ICE"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(Contains(table.out, "Palantir Technologies")) << table.out;

  // No path within one hop.
  RunResult none = Run({"path", "Peter Thiel", "ICE", "--max-depth", "1"});
  EXPECT_EQ(none.exit_code, 4) << none.err;
}

TEST_F(CliTest, DotRendersWithGraphviz) {
  db_ = SharedDb();
  fs::path dot_file = dir_ / "ice.dot";
  RunResult r = Run({"dot", "ICE", "--depth", "2", "-o", dot_file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string dot = ReadAll(dot_file);
  ASSERT_FALSE(dot.empty());
  EXPECT_TRUE(dot.starts_with("digraph") || dot.starts_with("strict digraph") ||
              dot.starts_with("//"))
      << dot.substr(0, 200);
  EXPECT_TRUE(Contains(dot, "Palantir Technologies"));

  // The same command gives the same bytes.
  fs::path again = dir_ / "again.dot";
  ASSERT_EQ(Run({"dot", "ICE", "--depth", "2", "-o", again.string()}).exit_code,
            0);
  EXPECT_EQ(ReadAll(again), dot);

  // To stdout, the same bytes.
  RunResult to_stdout = Run({"dot", "ICE", "--depth", "2"});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_EQ(to_stdout.out, dot);

  // A path, and a cut-down neighbourhood with a note on stderr.
  fs::path path_file = dir_ / "path.dot";
  RunResult path =
      Run({"dot", "Peter Thiel", "--to", "ICE", "-o", path_file.string()});
  ASSERT_EQ(path.exit_code, 0) << path.err;
  EXPECT_TRUE(Contains(ReadAll(path_file), "Palantir Technologies"));
  fs::path small_file = dir_ / "small.dot";
  RunResult small = Run({"dot", "ICE", "--depth", "2", "--max-nodes", "3", "-o",
                         small_file.string()});
  ASSERT_EQ(small.exit_code, 0) << small.err;
  EXPECT_FALSE(small.err.empty());
  EXPECT_LT(ReadAll(small_file).size(), dot.size());

  if (!fs::exists(kDot)) GTEST_SKIP() << kDot << " is not installed";
  for (const fs::path& file : {dot_file, path_file, small_file}) {
    fs::path svg = file;
    svg.replace_extension(".svg");
    RunResult render =
        RunProgram(kDot, {"-Tsvg", file.string(), "-o", svg.string()});
    EXPECT_EQ(render.exit_code, 0) << file << ": " << render.err;
    EXPECT_EQ(render.err, "") << file;
    EXPECT_TRUE(Contains(ReadAll(svg), "<svg")) << file;
  }
}

TEST_F(CliTest, HostileNamesSurviveLoadDotAndGraphviz) {
  fs::path hostile = dir_ / "hostile.jsonl";
  std::ofstream(hostile)
      << R"({"subject":{"name":"Say \"hi\" \\ to \\N {x|y}","type":"PERSON"},)"
      << R"("predicate":"say","object":{"name":"<b>bold</b> & &amp; <port>",)"
      << R"("type":"ORGANIZATION"},"evidence":[{"sentence":"s","source":)"
      << R"({"outlet":"Out \"let\" \\","url":"https://example.org/h"}}]})"
      << "\n"
      << R"({"subject":{"name":"Say \"hi\" \\ to \\N {x|y}"},)"
      << R"("predicate":"count","value":{"amount":76,"unit":"%",)"
      << R"("text":"76% of \"vehicles\" \\"},"attribution":{"stance":"DENIED"}})"
      << "\n"
      << R"({"subject":{"name":"Ciudad Ju\u00e1rez \u4e2d\u6587"},)"
      << R"("predicate":"near","object":{"name":"<b>bold</b> & &amp; <port>"}})"
      << "\n";
  RunResult load = Run({"load", hostile.string()});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  Values people = Json({"entities", "--type", "PERSON"});
  ASSERT_EQ(people.values_size(), 1);
  EXPECT_EQ(Str(people.values(0), "name"), "Say \"hi\" \\ to \\N {x|y}");
  fs::path dot_file = dir_ / "hostile.dot";
  RunResult dot = Run({"dot", "#" + Str(people.values(0), "id"), "--depth", "2",
                       "-o", dot_file.string()});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  if (!fs::exists(kDot)) GTEST_SKIP() << kDot << " is not installed";
  RunResult render = RunProgram(
      kDot, {"-Tsvg", dot_file.string(), "-o", (dir_ / "h.svg").string()});
  EXPECT_EQ(render.exit_code, 0) << render.err;
  EXPECT_EQ(render.err, "");
  std::string svg = ReadAll(dir_ / "h.svg");
  EXPECT_TRUE(Contains(svg, "Ciudad Ju\u00e1rez")) << svg.substr(0, 400);
}

TEST_F(CliTest, ExportLoadExportIsIdentical) {
  db_ = SharedDb();
  fs::path first = dir_ / "first.jsonl";
  RunResult r = Run({"export", "--format", "jsonl", "-o", first.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string exported = ReadAll(first);
  ASSERT_FALSE(exported.empty());

  // To stdout, the same.
  RunResult to_stdout = Run({"export"});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_EQ(to_stdout.out, exported);

  std::string db2 = (dir_ / "db2").string();
  RunResult load = Run({"load", first.string()}, db2);
  ASSERT_EQ(load.exit_code, 0) << load.err;
  fs::path second = dir_ / "second.jsonl";
  ASSERT_EQ(Run({"export", "-o", second.string()}, db2).exit_code, 0);
  EXPECT_EQ(ReadAll(second), exported);

  std::map<std::string, double> a = Stats();
  std::map<std::string, double> b = Stats(db2);
  EXPECT_EQ(a["claims"], b["claims"]);
  EXPECT_EQ(a["evidence"], b["evidence"]);
  EXPECT_EQ(a["sources"], b["sources"]);
  EXPECT_EQ(a["corroborated_claims"], b["corroborated_claims"]);
}

TEST_F(CliTest, BadLineRefusesTheFile) {
  CopySharedDb();
  std::map<std::string, double> before = Stats();
  fs::path bad = dir_ / "bad.jsonl";
  std::ofstream(bad)
      << R"({"subject":{"name":"Fresh Agency","type":"AGENCY"},"predicate":"run","object":{"name":"Fresh Program"}})"
      << "\n"
      << R"({"subject":{"name":"Fresh Agency"},"predicate":"run"})"
      << "\n";
  RunResult r = Run({"load", bad.string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(Contains(r.err, bad.string() + ":2")) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Stats(), before);
  EXPECT_EQ(Run({"claims", "--about", "Fresh Agency"}).exit_code, 4);

  // With --skip-bad the good line is stored and the bad one reported.
  RunResult skip = Run({"load", "--skip-bad", bad.string()});
  EXPECT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_TRUE(Contains(skip.err, bad.string() + ":2")) << skip.err;
  std::map<std::string, double> after = Stats();
  EXPECT_EQ(after["claims"], before["claims"] + 1);
  EXPECT_EQ(Json({"claims", "--about", "Fresh Agency"}).values_size(), 1);
}

TEST_F(CliTest, ExitCodes) {
  // A query on a database that does not exist.
  RunResult missing = Run({"stats"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  EXPECT_FALSE(fs::exists(db_ + "/CURRENT"));

  db_ = SharedDb();
  RunResult r = Run({"claims", "--about", "No Such Entity"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_TRUE(Contains(r.err, "No Such Entity")) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(Run({"neighbors", "No Such Entity"}).exit_code, 4);
  EXPECT_EQ(Run({"path", "ICE", "No Such Entity"}).exit_code, 4);
  EXPECT_EQ(Run({"dot", "No Such Entity"}).exit_code, 4);
  EXPECT_EQ(Run({"neighbors", "#999999"}).exit_code, 4);
  EXPECT_EQ(Run({"load", (dir_ / "nope.jsonl").string()}).exit_code, 4);

  // Usage errors.
  EXPECT_EQ(RunProgram(kCli, {}).exit_code, 2);
  EXPECT_EQ(Run({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(Run({"neighbors", "ICE", "--direction", "sideways"}).exit_code, 2);
  EXPECT_EQ(Run({"claims", "--format", "yaml"}).exit_code, 2);
}

TEST_F(CliTest, HelpOfEveryCommand) {
  RunResult top = RunProgram(kCli, {"--help"});
  EXPECT_EQ(top.exit_code, 0) << top.err;
  for (const char* command :
       {"load", "entities", "claims", "neighbors", "component", "path", "dot",
        "export", "forget", "stats", "sources", "alias", "merge"}) {
    EXPECT_TRUE(Contains(top.out, command)) << command;
    RunResult r = RunProgram(kCli, {command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_TRUE(Contains(r.out, command)) << command << ": " << r.out;
  }
  // --help needs no database.
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(CliTest, DatabaseFromTheEnvironment) {
  std::string shared = SharedDb();
  RunResult flag = Run({"stats", "--format", "csv"}, shared);
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  RunResult env = RunProgram(kCli, {"stats", "--format", "csv"},
                             "CLAIMGRAPH_DB=" + Quote(shared) + " ");
  EXPECT_EQ(env.exit_code, 0) << env.err;
  EXPECT_EQ(env.out, flag.out);
  // --db wins over the environment.
  RunResult both = RunProgram(kCli, {"--db", db_, "stats"},
                              "CLAIMGRAPH_DB=" + Quote(shared) + " ");
  EXPECT_EQ(both.exit_code, 4) << both.err;
}

// Loading the directory data/claims stores what loading its claim files
// does.
TEST_F(CliTest, LoadDirectoryEqualsLoadingItsFiles) {
  db_ = SharedDb();
  std::string from_dir = (dir_ / "from_dir").string();
  RunResult r =
      Run({"load", std::string(CG_SOURCE_DIR) + "/data/claims"}, from_dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Stats(from_dir), Stats());
}

TEST_F(CliTest, EveryListingSpeaksTableJsonAndCsv) {
  db_ = SharedDb();
  std::vector<std::vector<std::string>> commands = {
      {"entities"},
      {"claims", "--about", "ICE"},
      {"neighbors", "ICE"},
      {"component", "Peter Thiel"},
      {"path", "Peter Thiel", "ICE"},
      {"stats"},
      {"sources"}};
  for (const auto& command : commands) {
    std::string name = command[0];
    for (const char* format : {"table", "json", "csv"}) {
      std::vector<std::string> args = command;
      args.push_back("--format");
      args.push_back(format);
      RunResult r = Run(args);
      ASSERT_EQ(r.exit_code, 0) << name << " " << format << ": " << r.err;
      ASSERT_FALSE(r.out.empty()) << name << " " << format;
      if (std::string(format) == "json") {
        Values values;
        EXPECT_TRUE(
            google::protobuf::util::JsonStringToMessage(r.out, &values).ok())
            << name << ": " << r.out;
        EXPECT_GT(values.values_size(), 0) << name;
      }
      if (std::string(format) == "csv") {
        // The header row names the same columns as the JSON keys.
        std::string header = r.out.substr(0, r.out.find("\r\n"));
        EXPECT_FALSE(header.empty()) << name;
        EXPECT_EQ(header.find('"'), std::string::npos)
            << name << ": " << header;
      }
    }
  }
}

TEST_F(CliTest, NeighborsAndComponent) {
  db_ = SharedDb();
  RunResult r = Run({"neighbors", "ICE", "--depth", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Palantir Technologies")) << r.out;
  RunResult json =
      Run({"neighbors", "ICE", "--depth", "2", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Values parsed;
  EXPECT_TRUE(
      google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok())
      << json.out;
  RunResult component = Run({"component", "ICE"});
  EXPECT_EQ(component.exit_code, 0) << component.err;
}

TEST_F(CliTest, AliasMergeAndAmbiguousNames) {
  CopySharedDb();
  fs::path extra = dir_ / "extra.jsonl";
  std::ofstream(extra)
      << R"({"subject":{"name":"Immigration Enforcement Agency"},)"
      << R"("predicate":"operate","object":{"name":"ImmigrationOS"}})"
      << "\n";
  ASSERT_EQ(Run({"load", extra.string()}).exit_code, 0);
  std::map<std::string, double> before = Stats();
  size_t ice_claims = Json({"claims", "--about", "ICE"}).values_size();

  // alias: a new name for an entity.
  EXPECT_EQ(Run({"claims", "--about", "La Migra"}).exit_code, 4);
  RunResult alias = Run({"alias", "ICE", "La Migra"});
  ASSERT_EQ(alias.exit_code, 0) << alias.err;
  EXPECT_EQ(Json({"claims", "--about", "la  migra"}).values_size(), ice_claims);

  // merge: the duplicate's claims move to ICE, its name becomes an alias.
  RunResult merge = Run({"merge", "ICE", "Immigration Enforcement Agency"});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  std::map<std::string, double> after = Stats();
  EXPECT_EQ(after["entities"], before["entities"] - 1);
  EXPECT_EQ(after["claims"], before["claims"]);
  Values merged = Json({"claims", "--about", "Immigration Enforcement Agency"});
  EXPECT_EQ(merged.values_size(), ice_claims + 1);
  for (const auto& row : merged.values()) {
    EXPECT_TRUE(Str(row, "subject") == "ICE" || Str(row, "object") == "ICE")
        << Str(row, "subject") << " / " << Str(row, "object");
  }

  // An alias shared by two entities: the name lists both, exit code 5.
  ASSERT_EQ(Run({"alias", "DHS", "La Migra"}).exit_code, 0);
  RunResult ambiguous = Run({"claims", "--about", "La Migra"});
  EXPECT_EQ(ambiguous.exit_code, 5) << ambiguous.err;
  EXPECT_TRUE(Contains(ambiguous.err, "ICE")) << ambiguous.err;
  EXPECT_TRUE(Contains(ambiguous.err, "DHS")) << ambiguous.err;
  EXPECT_EQ(Run({"path", "La Migra", "Peter Thiel"}).exit_code, 5);
  // "#id" still picks one.
  Values ice = Json({"entities", "--name", "ICE"});
  ASSERT_EQ(ice.values_size(), 1);
  EXPECT_EQ(
      Json({"claims", "--about", "#" + Str(ice.values(0), "id")}).values_size(),
      ice_claims + 1);
}

// --document and --predicate together select the claims with both.
TEST_F(CliTest, ClaimsDocumentAndPredicateTogether) {
  db_ = SharedDb();
  StatusOr<ReadResult> read =
      ReadClaimFile(DataFile("enforcement.jsonl"), ReadOptions());
  ASSERT_TRUE(read.ok());
  const Claim& first = read->claims[0].claim;
  std::string url = first.evidence(0).source().url();
  Values by_document = Json({"claims", "--document", url});
  Values both =
      Json({"claims", "--document", url, "--predicate", first.predicate()});
  EXPECT_GT(both.values_size(), 0);
  EXPECT_LE(both.values_size(), by_document.values_size());
  for (const auto& row : both.values()) {
    EXPECT_EQ(Str(row, "predicate"), first.predicate());
    EXPECT_TRUE(
        Contains(Str(row, "sources"), first.evidence(0).source().outlet()))
        << Str(row, "sources");
  }
}

TEST_F(CliTest, ForgetDocumentRemovesItsClaims) {
  CopySharedDb();
  // The Border Monitor article that corroborates the ICE-Palantir contract.
  StatusOr<ReadResult> read =
      ReadClaimFile(DataFile("enforcement.jsonl"), ReadOptions());
  ASSERT_TRUE(read.ok());
  ASSERT_FALSE(read->claims.empty());
  ASSERT_GT(read->claims[0].claim.evidence_size(), 0);
  const Source& source = read->claims[0].claim.evidence(0).source();
  std::string url = source.url();
  ASSERT_FALSE(url.empty());

  std::map<std::string, double> before = Stats();
  Values claims = Json({"claims", "--document", url});
  ASSERT_GT(claims.values_size(), 0);
  int only_here = 0;
  for (const auto& row : claims.values()) {
    if (Str(row, "outlets") == "1") ++only_here;
  }

  RunResult r = Run({"forget", "--document", url});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Json({"claims", "--document", url}).values_size(), 0);
  std::map<std::string, double> after = Stats();
  EXPECT_EQ(after["claims"], before["claims"] - only_here);
  EXPECT_EQ(after["sources"], before["sources"] - 1);
  EXPECT_LT(after["evidence"], before["evidence"]);
  Values sources = Json({"sources"});
  for (const auto& row : sources.values()) {
    const auto& fields = row.struct_value().fields();
    for (const auto& [key, value] : fields) {
      EXPECT_NE(value.string_value(), url) << key;
    }
  }
  // The corroborated claim survives with one outlet.
  bool found = false;
  Values about_ice = Json({"claims", "--about", "ICE"});
  for (const auto& row : about_ice.values()) {
    if (Str(row, "predicate") == "contract" &&
        Str(row, "object") == "Palantir Technologies" &&
        Str(row, "subject") == "ICE") {
      found = true;
      EXPECT_EQ(Str(row, "outlets"), "1");
      EXPECT_FALSE(Contains(Str(row, "sources"), source.outlet()));
    }
  }
  EXPECT_TRUE(found);

  RunResult again = Run({"forget", "--document", url});
  EXPECT_EQ(again.exit_code, 4) << again.err;
}

}  // namespace
}  // namespace claimgraph
