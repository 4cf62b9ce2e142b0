// Runs the built `claimgraph parse` command (skips when the binary has not
// been built yet: `cmake --build BUILD --target claimgraph`).

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kBinary = std::string(CG_BINARY_DIR) + "/tools/claimgraph";

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  fs::path path = fs::path(::testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

RunResult Claimgraph(const std::string& args) {
  fs::path dir = fs::path(::testing::TempDir());
  fs::path out = dir / "parse_cli_out.txt", err = dir / "parse_cli_err.txt";
  std::string command = kBinary + " " + args + " >" + out.string() + " 2>" +
                        err.string() + " </dev/null";
  int status = std::system(command.c_str());
  RunResult run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  return run;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class ParseCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kBinary)) GTEST_SKIP() << kBinary << " not built";
  }
};

TEST_F(ParseCliTest, TokenizeOnlyWritesCommentsOffsetsAndMultiwordTokens) {
  std::string file = WriteTemp("in.txt", "I don't know.\n\nIt costs $5.");
  RunResult run = Claimgraph("parse --tokenize-only " + file);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  std::vector<std::string> expected = {
      "# sent_id = 1",
      "# text = I don't know.",
      "1\tI\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:1",
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:7",
      "2\tdo\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:4",
      "3\tn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=4:7",
      "4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=8:12",
      "5\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=12:13",
      "",
      "# sent_id = 2",
      "# text = It costs $5.",
      "1\tIt\t_\t_\t_\t_\t_\t_\t_\tTokenRange=15:17",
      "2\tcosts\t_\t_\t_\t_\t_\t_\t_\tTokenRange=18:23",
      "3\t$\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=24:25",
      "4\t5\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=25:26",
      "5\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=26:27",
      "",
  };
  EXPECT_EQ(lines, expected);
}

TEST_F(ParseCliTest, InvalidUtf8IsBadInputWithByteOffset) {
  std::string file = WriteTemp("bad.txt", "Fine.\nBad \xff here.");
  RunResult run = Claimgraph("parse --tokenize-only " + file);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("byte offset 10"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(ParseCliTest, MissingInputOrModelIsNotFound) {
  EXPECT_EQ(Claimgraph("parse --tokenize-only /nonexistent/in.txt").exit_code,
            4);
  std::string file = WriteTemp("in2.txt", "Hello.");
  RunResult run = Claimgraph("parse --models /nonexistent/models " + file);
  EXPECT_EQ(run.exit_code, 4) << run.err;
}

TEST_F(ParseCliTest, ConlluInputKeepsWordsAndRepredictsTheRest) {
  std::string models = std::string(CG_SOURCE_DIR) + "/data/models";
  if (!fs::exists(models + "/en_ewt.cgm")) GTEST_SKIP() << "no model";
  std::string conllu =
      "# sent_id = x\n# text = She can't go.\n"
      "1\tShe\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tca\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3.1\tX\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tgo\tWRONG\tX\tX\t_\t1\tdep\t_\t_\n"
      "5\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n";
  std::string file = WriteTemp("in.conllu", conllu);
  RunResult run =
      Claimgraph("parse --input-format conllu --models " + models + " " + file);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  std::vector<std::string> ids, forms;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ids.push_back(line.substr(0, tab));
    forms.push_back(line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1));
    if (line.find('-') < tab || line.find('.') < tab) continue;
    EXPECT_EQ(line.find("\t_\t_\t_\t_\t"), std::string::npos)
        << "not annotated: " << line;
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"1", "2-3", "2", "3", "3.1", "4", "5"}));
  EXPECT_EQ(forms, (std::vector<std::string>{"She", "can't", "ca", "n't", "X",
                                             "go", "."}));
  EXPECT_NE(run.out.find("\tgo\tgo\tVERB\t"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("SpaceAfter=No"), std::string::npos);
}

TEST_F(ParseCliTest, MalformedConlluNamesFileAndLine) {
  std::string models = std::string(CG_SOURCE_DIR) + "/data/models";
  if (!fs::exists(models + "/en_ewt.cgm")) GTEST_SKIP() << "no model";
  std::string file = WriteTemp("bad.conllu",
                               "# text = a b\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"
                               "2\tb\t_\t_\n\n");
  RunResult run =
      Claimgraph("parse --input-format conllu --models " + models + " " + file);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("bad.conllu:3"), std::string::npos) << run.err;
}

}  // namespace
