#include "storyline/ingest/reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace storyline {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Every test writes its fixtures into a fresh directory of its own and removes it afterwards.
class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("storyline_ingest_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::string path(const std::string& name) const { return (m_dir / name).string(); }

  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream out(path(name), std::ios::binary);
    out << content;
    return path(name);
  }

  // Each member is a complete gzip stream; several make a multi-member file, like `cat a.gz b.gz`.
  std::string write_gz(const std::string& name, const std::vector<std::string>& members) const {
    for (std::size_t i = 0; i < members.size(); ++i) {
      gzFile file = gzopen(path(name).c_str(), i == 0 ? "wb" : "ab");
      EXPECT_NE(file, nullptr);
      EXPECT_EQ(gzwrite(file, members[i].data(), static_cast<unsigned>(members[i].size())),
                static_cast<int>(members[i].size()));
      EXPECT_EQ(gzclose(file), Z_OK);
    }
    return path(name);
  }

  // One zstd frame per entry of `frames`.
  std::string write_zst(const std::string& name, const std::vector<std::string>& frames) const {
    std::string bytes;
    for (const std::string& frame : frames) {
      std::string compressed(ZSTD_compressBound(frame.size()), '\0');
      const std::size_t size = ZSTD_compress(compressed.data(), compressed.size(), frame.data(), frame.size(), 3);
      EXPECT_EQ(ZSTD_isError(size), 0U);
      compressed.resize(size);
      bytes += compressed;
    }
    return write(name, bytes);
  }

  std::string read_bytes(const std::string& file) const {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  Result<ReadSummary> read(const std::vector<std::string>& inputs, OnError on_error = OnError::kSkip) {
    ReadOptions options;
    options.on_error = on_error;
    return read(inputs, options);
  }

  Result<ReadSummary> read(const std::vector<std::string>& inputs, const ReadOptions& options) {
    return read_articles(
        inputs, options,
        [this](Article&& article) -> Status {
          m_articles.push_back(std::move(article));
          return {};
        },
        [this](const Error& error) { m_issues.push_back(error); });
  }

  fs::path m_dir;
  std::vector<Article> m_articles;
  std::vector<Error> m_issues;
};

// Many varied records, so that compressed fixtures are large enough to cut in the middle.
std::string many_records(int count) {
  std::string out;
  unsigned state = 12345;
  for (int i = 0; i < count; ++i) {
    std::string words;
    for (int w = 0; w < 12; ++w) {
      state = state * 1103515245U + 12345U;
      words += " w" + std::to_string((state >> 8) % 100000);
    }
    out += R"({"id":"r)" + std::to_string(i) + R"(","text":"record)" + words + "\"}\n";
  }
  return out;
}

std::size_t skipped_for(const ReadSummary& summary, ErrorCode code) {
  const auto it = summary.skipped_by_reason.find(code);
  return it == summary.skipped_by_reason.end() ? 0 : it->second;
}

constexpr const char* kTwoRecords =
    R"({"id":"a1","title":"Summit set","text":"Leaders will meet.","url":"https://example.org/a1","source":"Wire","lang":"en"})"
    "\n"
    R"({"id":"a2","text":"Second report.\nWith two lines \u00e9."})"
    "\n";

TEST_F(ReaderTest, ReadsPlainJsonLines) {
  const auto result = read({write("news.jsonl", kTwoRecords)});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->read, 2U);
  EXPECT_EQ(result->skipped(), 0U);
  ASSERT_EQ(m_articles.size(), 2U);
  const Article& first = m_articles[0];
  EXPECT_EQ(first.id, "a1");
  EXPECT_EQ(first.title, "Summit set");
  EXPECT_EQ(first.text, "Leaders will meet.");
  EXPECT_EQ(first.url, "https://example.org/a1");
  EXPECT_EQ(first.source, "Wire");
  EXPECT_EQ(first.lang, "en");
  EXPECT_TRUE(first.extra.empty());
  EXPECT_FALSE(first.published_at.has_value());
  EXPECT_EQ(m_articles[1].text, "Second report.\nWith two lines \xC3\xA9.");
  EXPECT_TRUE(m_issues.empty());
}

TEST_F(ReaderTest, ReadsMultiMemberGzip) {
  const std::string file = write_gz("news.jsonl.gz", {kTwoRecords, R"({"id":"a3","text":"x"})"
                                                                   "\n"
                                                                   R"({"id":"a4"})"});
  const auto result = read({file});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->read, 3U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].line, 4U);  // numbering runs on across members
  EXPECT_EQ(m_issues[0].reason, "missing field 'text'");
  EXPECT_EQ(m_articles[2].id, "a3");
}

TEST_F(ReaderTest, ReadsMultiFrameZstd) {
  const std::string file = write_zst("news.ndjson.zst", {kTwoRecords, R"({"id":"a3","text":"x"})"});
  const auto result = read({file});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->read, 3U);
  ASSERT_EQ(m_articles.size(), 3U);
  EXPECT_EQ(m_articles[0].title, "Summit set");
  EXPECT_EQ(m_articles[2].id, "a3");
}

TEST_F(ReaderTest, TruncatedGzipKeepsWhatCameBefore) {
  const std::string whole = write_gz("whole.jsonl.gz", {many_records(4000)});
  const std::string bytes = read_bytes(whole);
  const std::string cut = write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  const auto result = read({cut});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_GT(result->read, 100U);
  EXPECT_LT(result->read, 4000U);
  EXPECT_EQ(result->unreadable_inputs, 1U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kUnreadableInput), 1U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kUnreadableInput);
  EXPECT_EQ(m_issues[0].file, cut);
  EXPECT_EQ(m_issues[0].line, result->read + 1);
  EXPECT_NE(m_issues[0].reason.find("truncated gzip"), std::string::npos) << m_issues[0].reason;
  EXPECT_EQ(m_articles.back().id, "r" + std::to_string(result->read - 1));
}

TEST_F(ReaderTest, TruncatedZstdKeepsWhatCameBefore) {
  const std::string whole = write_zst("whole.jsonl.zst", {many_records(4000)});
  const std::string bytes = read_bytes(whole);
  const std::string cut = write("cut.jsonl.zst", bytes.substr(0, bytes.size() / 2));
  const auto result = read({cut});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_GT(result->read, 100U);
  EXPECT_LT(result->read, 4000U);
  EXPECT_EQ(result->unreadable_inputs, 1U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kUnreadableInput);
  EXPECT_EQ(m_issues[0].line, result->read + 1);
  EXPECT_NE(m_issues[0].reason.find("truncated zstd"), std::string::npos) << m_issues[0].reason;
}

TEST_F(ReaderTest, GzipNameOnPlainTextIsUnreadable) {
  const std::string file = write("fake.jsonl.gz", kTwoRecords);
  const auto result = read({file});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 0U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kUnreadableInput);
  EXPECT_EQ(m_issues[0].line, 1U);
  EXPECT_NE(m_issues[0].reason.find("corrupt gzip data"), std::string::npos) << m_issues[0].reason;
}

TEST_F(ReaderTest, ReadsATextFile) {
  const std::string file = write("pompeo-summit.txt",
                                 "\n  Pompeo hopes for a second summit  \n\n"
                                 "He said so on Friday.\n\n  Talks are back on track.\n\n\n");
  const auto result = read({file});
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 1U);
  EXPECT_EQ(m_articles[0].id, "pompeo-summit");
  EXPECT_EQ(m_articles[0].title, "Pompeo hopes for a second summit");
  EXPECT_EQ(m_articles[0].text, "He said so on Friday.\n\n  Talks are back on track.");
}

TEST_F(ReaderTest, ReadsADirectoryOfTextFilesInNameOrder) {
  fs::create_directory(m_dir / "corpus");
  write("corpus/b.txt", "Second\nBody b.\n");
  write("corpus/a.txt", "First\r\nBody a.\r\n");
  write("corpus/README.md", "# not an article\n");
  write("corpus/notes.csv", "x,y\n");
  fs::create_directory(m_dir / "corpus" / "nested.txt");  // a directory, not an article
  const auto result = read({path("corpus")});
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->read, 2U);
  EXPECT_EQ(result->skipped(), 0U);
  EXPECT_TRUE(m_issues.empty());
  ASSERT_EQ(m_articles.size(), 2U);
  EXPECT_EQ(m_articles[0].id, "a");
  EXPECT_EQ(m_articles[0].title, "First");
  EXPECT_EQ(m_articles[0].text, "Body a.");
  EXPECT_EQ(m_articles[1].id, "b");
}

TEST_F(ReaderTest, TextFileProblems) {
  const std::string title_only = write("title-only.txt", "Just a headline\n\n  \n");
  const std::string bad_utf8 = write("bad.txt", "Title\nfine\nbroken \xC3\x28 here\n");
  const std::string empty = write("empty.txt", "\n \n");
  const auto result = read({title_only, bad_utf8, empty});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 0U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kMissingField), 2U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kInvalidUtf8), 1U);
  ASSERT_EQ(m_issues.size(), 3U);
  EXPECT_EQ(m_issues[0].message(), title_only + ": no text after the title line");
  EXPECT_EQ(m_issues[1].message(), bad_utf8 + ":3: invalid UTF-8 at byte 8");
  EXPECT_EQ(m_issues[2].code, ErrorCode::kMissingField);
  EXPECT_EQ(m_issues[2].line, 0U);
}

TEST_F(ReaderTest, KeepsUnknownFieldsVerbatim) {
  const std::string file = write(
      "extra.jsonl",
      R"({"id":"e1","tags":["a", "b"] ,"text":"t","n":3,"meta":{"k":null, "big":123456789012345678901234567890},)"
      R"("flag":true , "note":"caf\u00e9","n":4})"
      "\n");
  const auto result = read({file});
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 1U) << (m_issues.empty() ? "" : m_issues[0].message());
  const auto& extra = m_articles[0].extra;
  ASSERT_EQ(extra.size(), 5U);
  EXPECT_EQ(extra[0].name, "tags");
  EXPECT_EQ(extra[0].json, R"(["a", "b"])");
  EXPECT_EQ(extra[1].name, "n");
  EXPECT_EQ(extra[1].json, "4");  // the last of duplicate keys wins
  EXPECT_EQ(extra[2].name, "meta");
  EXPECT_EQ(extra[2].json, R"({"k":null, "big":123456789012345678901234567890})");
  EXPECT_EQ(extra[3].name, "flag");
  EXPECT_EQ(extra[3].json, "true");
  EXPECT_EQ(extra[4].name, "note");
  EXPECT_EQ(extra[4].json, R"("caf\u00e9")");
}

TEST_F(ReaderTest, IdMayBeAnInteger) {
  const std::string file = write("ids.jsonl",
                                 R"({"id":42,"text":"t"})"
                                 "\n"
                                 R"({"id":-7,"text":"t"})"
                                 "\n"
                                 R"({"id":123456789012345678901234567890,"text":"t"})"
                                 "\n"
                                 R"({"id":1.5,"text":"t"})"
                                 "\n"
                                 R"({"id":true,"text":"t"})"
                                 "\n"
                                 R"({"id":"","text":"t"})"
                                 "\n");
  const auto result = read({file});
  ASSERT_TRUE(result);
  ASSERT_EQ(m_articles.size(), 3U);
  EXPECT_EQ(m_articles[0].id, "42");
  EXPECT_EQ(m_articles[1].id, "-7");
  EXPECT_EQ(m_articles[2].id, "123456789012345678901234567890");
  ASSERT_EQ(m_issues.size(), 3U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kInvalidField);
  EXPECT_EQ(m_issues[0].reason, "field 'id' must be a string or an integer");
  EXPECT_EQ(m_issues[0].line, 4U);
  EXPECT_EQ(m_issues[1].code, ErrorCode::kInvalidField);
  EXPECT_EQ(m_issues[2].code, ErrorCode::kMissingField);
  EXPECT_EQ(m_issues[2].reason, "field 'id' is empty");
}

TEST_F(ReaderTest, CrlfLinesAndBlankLines) {
  const std::string file = write("crlf.jsonl",
                                 "\xEF\xBB\xBF"
                                 R"({"id":"c1","text":"one","n":1})"
                                 "\r\n\r\n   \t \r\n"
                                 R"({"id":"c2","text":"two","published":"2020-07-08"})"
                                 "\r\n"
                                 "\n"
                                 R"({"id":"c3"})"
                                 "\r\n");
  const auto result = read({file});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 2U);
  EXPECT_EQ(result->skipped(), 1U);  // blank lines are not records
  ASSERT_EQ(m_articles.size(), 2U);
  EXPECT_EQ(m_articles[0].text, "one");
  ASSERT_EQ(m_articles[0].extra.size(), 1U);
  EXPECT_EQ(m_articles[0].extra[0].json, "1");
  EXPECT_EQ(m_articles[1].published, "2020-07-08");
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].line, 6U);
}

TEST_F(ReaderTest, MixedFileSkipsAndCountsEachBadLine) {
  const std::string file = write("mixed.jsonl",
                                 R"({"id":"m1","text":"good one"})"
                                 "\n"
                                 R"({"id":"m2","text":"no closing brace")"
                                 "\n"
                                 R"({"id":"m3","text":"good two"})"
                                 "\n"
                                 R"({"id":"m4","title":"no text"})"
                                 "\n"
                                 R"({"id":"m5","text":"good three"})"
                                 "\n"
                                 "{\"id\":\"m6\",\"text\":\"bad \xFF byte\"}\n");
  const auto result = read({file});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 3U);
  EXPECT_EQ(result->skipped(), 3U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kMalformedJson), 1U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kMissingField), 1U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kInvalidUtf8), 1U);
  EXPECT_EQ(result->unreadable_inputs, 0U);
  ASSERT_EQ(m_articles.size(), 3U);
  EXPECT_EQ(m_articles[2].id, "m5");
  ASSERT_EQ(m_issues.size(), 3U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kMalformedJson);
  EXPECT_EQ(m_issues[0].line, 2U);
  EXPECT_TRUE(m_issues[0].message().starts_with(file + ":2: malformed JSON: ")) << m_issues[0].message();
  EXPECT_EQ(m_issues[1].message(), file + ":4: missing field 'text'");
  EXPECT_EQ(m_issues[2].message(), file + ":6: invalid UTF-8 at byte 24");
}

TEST_F(ReaderTest, FailModeStopsAtTheFirstBadLine) {
  const std::string file = write("mixed.jsonl",
                                 R"({"id":"m1","text":"good one"})"
                                 "\n"
                                 R"({"id":"m2","text":"no closing brace")"
                                 "\n"
                                 R"({"id":"m3","text":"good two"})"
                                 "\n");
  const auto result = read({file}, OnError::kFail);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kMalformedJson);
  EXPECT_EQ(result.error().file, file);
  EXPECT_EQ(result.error().line, 2U);
  EXPECT_EQ(m_articles.size(), 1U);
  EXPECT_TRUE(m_issues.empty());
}

TEST_F(ReaderTest, UniqueIdsSkipsARepeatedIdAcrossInputsAndKeepsTheFirst) {
  const std::string first = write("first.jsonl", R"({"id":"u1","text":"first"})"
                                                 "\n"
                                                 R"({"id":"u2","text":"second"})"
                                                 "\n"
                                                 R"({"id":"u1","text":"again"})"
                                                 "\n");
  const std::string second = write("u2.txt", "A title\nThe same id as a record of the first file.\n");
  ReadOptions options;
  options.unique_ids = true;
  const auto result = read({first, second}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 2U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kRepeatedId), 2U);
  ASSERT_EQ(m_articles.size(), 2U);
  EXPECT_EQ(m_articles[0].text, "first");
  ASSERT_EQ(m_issues.size(), 2U);
  EXPECT_EQ(m_issues[0].file, first);
  EXPECT_EQ(m_issues[0].line, 3U);
  EXPECT_NE(m_issues[0].message().find(":3: id 'u1' was read before in this run"), std::string::npos)
      << m_issues[0].message();
  EXPECT_EQ(m_issues[1].file, second);

  m_articles.clear();
  options = {};  // by default a repeated id is the caller's business
  const auto plain = read({first}, options);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->read, 3U);

  options.unique_ids = true;
  options.on_error = OnError::kFail;
  const auto failed = read({first}, options);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kRepeatedId);
  EXPECT_EQ(failed.error().line, 3U);
}

TEST_F(ReaderTest, UniqueIdsRemembersAtLeastTheLastIdsItIsToldTo) {
  std::string records;
  for (const char* id : {"g1", "g2", "g3", "g2", "g4", "g5", "g1"}) {
    records += std::string(R"({"id":")") + id + R"(","text":"t"})" + "\n";
  }
  ReadOptions options;
  options.unique_ids = true;
  options.remembered_ids = 2;  // generations {g1, g2}, {g3, g4}, {g5}
  const auto result = read({write("window.jsonl", records)}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kRepeatedId), 1U) << "g2 within the last two; g1 long gone";
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].line, 4U);
  EXPECT_EQ(m_articles.size(), 6U);
}

TEST_F(ReaderTest, MissingFileIsCountedAsUnreadable) {
  const std::string missing = path("nowhere.jsonl");
  const auto result = read({missing, write("ok.jsonl", kTwoRecords)});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->read, 2U);
  EXPECT_EQ(result->unreadable_inputs, 1U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kUnreadableInput), 1U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].file, missing);
  EXPECT_EQ(m_issues[0].line, 0U);
  EXPECT_EQ(m_issues[0].reason, "cannot open: No such file or directory");

  const auto failed = read({missing}, OnError::kFail);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUnreadableInput);
}

TEST_F(ReaderTest, UnsupportedExtension) {
  const auto result = read({write("x.csv", "id,text\n")});
  ASSERT_TRUE(result);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kUnsupportedFormat), 1U);
  EXPECT_EQ(result->unreadable_inputs, 0U);
  ASSERT_EQ(m_issues.size(), 1U);
  EXPECT_EQ(m_issues[0].reason,
            "unsupported input '" + path("x.csv") + "': expected .jsonl, .jsonl.gz, .jsonl.zst, .txt, a directory or -");
}

TEST_F(ReaderTest, PublishedIsParsed) {
  const std::string file = write("dates.jsonl",
                                 R"({"id":"d1","text":"t","published":"2018-09-22T10:15:00Z"})"
                                 "\n"
                                 R"({"id":"d2","text":"t","published":"2020-07-08"})"
                                 "\n"
                                 R"({"id":"d3","text":"t","published":null})"
                                 "\n"
                                 R"({"id":"d4","text":"t","published":"yesterday"})"
                                 "\n"
                                 R"({"id":"d5","text":"t","published":20200708})"
                                 "\n");
  const auto result = read({file});
  ASSERT_TRUE(result);
  ASSERT_EQ(m_articles.size(), 3U);
  using std::chrono::sys_days;
  using std::chrono::year;
  EXPECT_EQ(m_articles[0].published, "2018-09-22T10:15:00Z");
  EXPECT_EQ(m_articles[0].published_at, Timestamp(sys_days(year(2018) / 9 / 22) + 10h + 15min));
  EXPECT_EQ(m_articles[1].published_at, Timestamp(sys_days(year(2020) / 7 / 8)));
  EXPECT_TRUE(m_articles[2].published.empty());
  EXPECT_FALSE(m_articles[2].published_at.has_value());
  ASSERT_EQ(m_issues.size(), 2U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kInvalidField);
  EXPECT_EQ(m_issues[0].line, 4U);
  EXPECT_EQ(m_issues[0].reason, R"(field 'published' is not an ISO-8601 date or date-time: "yesterday")");
  EXPECT_EQ(m_issues[1].reason, "field 'published' must be a string");
}

TEST_F(ReaderTest, FieldTypesNullsAndDuplicates) {
  const std::string file = write("types.jsonl",
                                 R"({"id":"t1","text":"t","title":5})"
                                 "\n"
                                 R"({"id":"t2","text":"first","text":"second","title":5,"title":"ok","url":null})"
                                 "\n"
                                 R"({"id":"t3","text":"   "})"
                                 "\n"
                                 R"({"id":"t4","text":null})"
                                 "\n"
                                 R"([{"id":"t5","text":"t"}])"
                                 "\n"
                                 R"({"id":"t6","text":"t"} {"id":"t7"})"
                                 "\n"
                                 R"({"id":"t8","text":"t","n":[1,tru]})"
                                 "\n"
                                 R"({"text":"t"})"
                                 "\n");
  const auto result = read({file});
  ASSERT_TRUE(result);
  ASSERT_EQ(m_articles.size(), 1U);
  EXPECT_EQ(m_articles[0].text, "second");
  EXPECT_EQ(m_articles[0].title, "ok");
  EXPECT_TRUE(m_articles[0].url.empty());
  ASSERT_EQ(m_issues.size(), 7U);
  EXPECT_EQ(m_issues[0].code, ErrorCode::kInvalidField);
  EXPECT_EQ(m_issues[0].reason, "field 'title' must be a string");
  EXPECT_EQ(m_issues[1].reason, "field 'text' is empty");
  EXPECT_EQ(m_issues[2].reason, "missing field 'text'");
  EXPECT_EQ(m_issues[3].reason, "line is not a JSON object");
  EXPECT_EQ(m_issues[4].code, ErrorCode::kMalformedJson);
  EXPECT_EQ(m_issues[4].line, 6U);
  EXPECT_EQ(m_issues[5].code, ErrorCode::kMalformedJson);
  EXPECT_NE(m_issues[5].reason.find("(in field 'n')"), std::string::npos) << m_issues[5].reason;
  EXPECT_EQ(m_issues[6].reason, "missing field 'id'");
}

TEST_F(ReaderTest, SinkErrorStopsTheRead) {
  const std::string file = write("three.jsonl", std::string(kTwoRecords) + R"({"id":"a3","text":"x"})" "\n");
  std::vector<std::string> ids;
  const std::vector<std::string> inputs = {file};
  const auto result = read_articles(
      inputs, ReadOptions{},
      [&ids](Article&& article) -> Status {
        ids.push_back(article.id);
        if (ids.size() == 2) {
          return Error{ErrorCode::kIoError, "disk full", "out.jsonl", 0};
        }
        return {};
      },
      nullptr);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kIoError);
  EXPECT_EQ(result.error().message(), "out.jsonl: disk full");
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "a2"}));
}

TEST_F(ReaderTest, ReadsLinesOfSeveralMegabytes) {
  const std::string body(5'000'000, 'x');
  const std::string records = R"({"id":"small","text":"s"})" "\n" R"({"id":"big","text":")" + body +
                              R"("})" "\n" R"({"id":"after","text":"a"})" "\n";
  ReadOptions options;  // over the default limits on purpose: this is about the line buffer
  options.max_line_bytes = 8'000'000;
  options.max_article_bytes = 8'000'000;
  const auto result = read({write("big.jsonl", records), write_gz("big.jsonl.gz", {records})}, options);
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 6U);
  EXPECT_EQ(m_articles[1].text.size(), body.size());
  EXPECT_EQ(m_articles[2].id, "after");
  EXPECT_EQ(m_articles[4].text.size(), body.size());
  EXPECT_EQ(m_articles[5].id, "after");
}

// Standard input is swapped for a file for the duration of one read.
class StdinRedirect {
 public:
  explicit StdinRedirect(const std::string& file) : m_saved(::dup(STDIN_FILENO)) {
    std::FILE* in = std::fopen(file.c_str(), "rb");
    EXPECT_NE(in, nullptr);
    ::dup2(::fileno(in), STDIN_FILENO);
    std::fclose(in);
  }
  StdinRedirect(const StdinRedirect&) = delete;
  StdinRedirect& operator=(const StdinRedirect&) = delete;
  ~StdinRedirect() {
    ::dup2(m_saved, STDIN_FILENO);
    ::close(m_saved);
  }

 private:
  int m_saved;
};

TEST_F(ReaderTest, ReadsStandardInputDetectingCompression) {
  const std::string records = std::string(kTwoRecords) + R"({"id":"a3"})" "\n";
  for (const std::string& file : {write("plain.jsonl", records), write_gz("in.gz", {records}),
                                  write_zst("in.zst", {records})}) {
    m_articles.clear();
    m_issues.clear();
    StdinRedirect redirect(file);
    const auto result = read({"-"});
    ASSERT_TRUE(result) << file;
    EXPECT_EQ(result->read, 2U) << file;
    ASSERT_EQ(m_issues.size(), 1U) << file;
    EXPECT_EQ(m_issues[0].message(), "<stdin>:3: missing field 'text'");
  }
}

TEST_F(ReaderTest, RejectsAnEmptyInputList) {
  const auto result = read({});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

// read_article: one article per file, for commands that compare articles one by one.
TEST_F(ReaderTest, ReadArticleTakesOneJsonObjectOnOneOrManyLines) {
  const auto one_line = read_article(write("one.json", R"({"id":"a1","text":"Leaders will meet.","published":"2018-09-22"})" "\n"));
  ASSERT_TRUE(one_line) << one_line.error().message();
  EXPECT_EQ(one_line->id, "a1");
  EXPECT_EQ(one_line->text, "Leaders will meet.");
  EXPECT_TRUE(one_line->published_at);

  const auto pretty = read_article(write("pretty.json", "\n{\n  \"id\": \"a2\",\n  \"title\": \"Summit\",\n  \"text\": \"Two\\nlines\"\n}\n"));
  ASSERT_TRUE(pretty) << pretty.error().message();
  EXPECT_EQ(pretty->id, "a2");
  EXPECT_EQ(pretty->title, "Summit");
  EXPECT_EQ(pretty->text, "Two\nlines");
}

TEST_F(ReaderTest, ReadArticleReadsATextFile) {
  const auto article = read_article(write("story.txt", "Summit set\n\nLeaders will meet.\n"));
  ASSERT_TRUE(article) << article.error().message();
  EXPECT_EQ(article->id, "story");
  EXPECT_EQ(article->title, "Summit set");
  EXPECT_EQ(article->text, "Leaders will meet.");
}

TEST_F(ReaderTest, ReadArticleNamesTheFileOfEveryFailure) {
  const auto expect_error = [](const Result<Article>& result, ErrorCode code, const std::string& file) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, code) << result.error().message();
    EXPECT_EQ(result.error().file, file);
  };
  expect_error(read_article(path("missing.json")), ErrorCode::kUnreadableInput, path("missing.json"));
  expect_error(read_article(write("two.jsonl", kTwoRecords)), ErrorCode::kMalformedJson, path("two.jsonl"));
  expect_error(read_article(write("blank.json", "\n  \n")), ErrorCode::kMalformedJson, path("blank.json"));
  expect_error(read_article(write("cut.json", R"({"id":"a1","text":)")), ErrorCode::kMalformedJson, path("cut.json"));
  expect_error(read_article(write("no-text.json", R"({"id":"a1"})")), ErrorCode::kMissingField, path("no-text.json"));
  expect_error(read_article(write("a.csv", "id,text\n")), ErrorCode::kUnsupportedFormat, path("a.csv"));
  expect_error(read_article(write_gz("a.jsonl.gz", {R"({"id":"a1","text":"x"})"})), ErrorCode::kUnsupportedFormat,
               path("a.jsonl.gz"));
  const auto one_line = read_article(write("bad.json", R"({"id":"a1","text":"x","published":"never"})"));
  expect_error(one_line, ErrorCode::kInvalidField, path("bad.json"));
  EXPECT_EQ(one_line.error().line, 1U);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(ParseArticle, ReadsOneObjectUnderTheReadersRules) {
  auto article = parse_article(
      "{\n  \"id\": 42, \"text\": \"Body\", \"title\": \"T\",\n  \"published\": \"2021-03-02\", \"desk\": [1, 2]\n}");
  ASSERT_TRUE(article) << article.error().message();
  EXPECT_EQ(article->id, "42");
  EXPECT_EQ(article->text, "Body");
  EXPECT_EQ(article->published_at, parse_iso8601("2021-03-02"));
  ASSERT_EQ(article->extra.size(), 1U);
  EXPECT_EQ(article->extra[0].name, "desk");
}

TEST(ParseArticle, NamesTheFieldThatIsWrong) {
  const auto error_of = [](std::string_view json) {
    auto article = parse_article(json);
    EXPECT_FALSE(article) << json;
    return article ? Error{} : article.error();
  };
  const Error missing = error_of(R"({"id":"a"})");
  EXPECT_EQ(missing.code, ErrorCode::kMissingField);
  EXPECT_NE(missing.reason.find("'text'"), std::string::npos);
  const Error bad_date = error_of(R"({"id":"a","text":"x","published":"last week"})");
  EXPECT_EQ(bad_date.code, ErrorCode::kInvalidField);
  EXPECT_NE(bad_date.reason.find("'published'"), std::string::npos);
  EXPECT_EQ(error_of(R"({"id":"a","text":"x","title":7})").code, ErrorCode::kInvalidField);
  EXPECT_EQ(error_of(R"([{"id":"a","text":"x"}])").code, ErrorCode::kMalformedJson);
  EXPECT_EQ(error_of(R"({"id":"a","text":)").code, ErrorCode::kMalformedJson);
  EXPECT_EQ(error_of("{\"id\":\"a\",\"text\":\"\xff\"}").code, ErrorCode::kInvalidUtf8);
  EXPECT_TRUE(error_of(R"({"id":"a"})").file.empty());
}

// A record of exactly `size` bytes: {"id":"<id>","text":"xxx..."}.
std::string record_of_size(const std::string& id, std::size_t size) {
  const std::string head = R"({"id":")" + id + R"(","text":")";
  const std::string foot = R"("})";
  return head + std::string(size - head.size() - foot.size(), 'x') + foot;
}

TEST_F(ReaderTest, OverLimitRecordsAreSkippedWholeAndCountedAsTooLarge) {
  ReadOptions options;
  options.max_line_bytes = 100;
  options.max_article_bytes = 40;
  const std::string at_line_limit = record_of_size("line-at", 100);  // its text alone is over the article limit
  const std::string lines = record_of_size("line-over", 101) + "\n" +
                            R"({"id":"art-at","title":"0123456789","text":"012345678901234567890123456789"})" + "\n" +
                            R"({"id":"art-over","title":"0123456789","text":"0123456789012345678901234567890"})" + "\n" +
                            at_line_limit + "\n";
  const auto result = read({write("limits.jsonl", lines)}, options);
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 1U);
  EXPECT_EQ(m_articles[0].id, "art-at");  // 40 bytes of title + text: at the limit, accepted
  EXPECT_EQ(result->read, 1U);
  EXPECT_EQ(skipped_for(*result, ErrorCode::kTooLarge), 3U);
  ASSERT_EQ(m_issues.size(), 3U);
  EXPECT_EQ(m_issues[0].line, 1U);
  EXPECT_NE(m_issues[0].reason.find("101 bytes is over the line limit of 100 bytes (raise it with --max-line-bytes)"),
            std::string::npos)
      << m_issues[0].reason;
  EXPECT_EQ(m_issues[1].line, 3U);
  EXPECT_NE(m_issues[1].reason.find("41 bytes (title + text) is over the limit of 40 bytes (raise it with "
                                    "--max-article-bytes)"),
            std::string::npos)
      << m_issues[1].reason;
  EXPECT_EQ(m_issues[2].line, 4U);  // at the line limit it is read, then refused for its article size
  EXPECT_NE(m_issues[2].reason.find("--max-article-bytes"), std::string::npos) << m_issues[2].reason;
}

TEST_F(ReaderTest, AHugeLineIsSkippedWithoutStoppingTheRead) {
  ReadOptions options;
  options.max_line_bytes = 1000;
  const std::string huge = record_of_size("huge", 3'000'000);
  const std::string records = huge + "\n" + R"({"id":"after","text":"a"})" + "\n" + huge;  // the last without '\n'
  const auto result = read({write("huge.jsonl", records), write_gz("huge.jsonl.gz", {records})}, options);
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 2U);
  EXPECT_EQ(m_articles[0].id, "after");
  EXPECT_EQ(m_articles[1].id, "after");
  EXPECT_EQ(skipped_for(*result, ErrorCode::kTooLarge), 4U);
  ASSERT_EQ(m_issues.size(), 4U);
  EXPECT_EQ(m_issues[0].line, 1U);
  EXPECT_EQ(m_issues[1].line, 3U);
  EXPECT_NE(m_issues[0].reason.find("record of 3000000 bytes is over the line limit of 1000 bytes"), std::string::npos)
      << m_issues[0].reason;
}

TEST_F(ReaderTest, AtTheLineLimitARecordIsAccepted) {
  ReadOptions options;
  options.max_line_bytes = 100;
  const auto result = read({write("at.jsonl", record_of_size("at", 100) + "\n")}, options);
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(m_articles.size(), 1U);
  EXPECT_EQ(m_articles[0].text.size(), 100U - std::string(R"({"id":"at","text":""})").size());
}

TEST_F(ReaderTest, OverLimitTextFileIsSkippedAsTooLarge) {
  ReadOptions options;
  options.max_article_bytes = 10;
  const auto result = read({write("big.txt", "Title\n\nA body well over ten bytes.\n")}, options);
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_TRUE(m_articles.empty());
  EXPECT_EQ(skipped_for(*result, ErrorCode::kTooLarge), 1U);
}

TEST_F(ReaderTest, TooLargeStopsTheReadUnderFail) {
  ReadOptions options;
  options.on_error = OnError::kFail;
  options.max_line_bytes = 50;
  const auto result = read({write("fail.jsonl", record_of_size("big", 60) + "\n")}, options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(result.error().line, 1U);
}

TEST(JsonNesting, CountsBracketsOutsideStringsOnly) {
  EXPECT_FALSE(json_nesting_exceeds(R"({"a":[[1]]})", 3));
  EXPECT_TRUE(json_nesting_exceeds(R"({"a":[[[1]]]})", 3));
  EXPECT_FALSE(json_nesting_exceeds(R"({"a":"[[[[[[\"[[[["})", 1));  // brackets and an escaped quote in a string
  EXPECT_TRUE(json_nesting_exceeds(std::string(200'000, '['), kMaxJsonDepth));
  EXPECT_FALSE(json_nesting_exceeds(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']'), kMaxJsonDepth));
  // More brackets than the limit, but side by side: shallow.
  std::string siblings = "{\"tags\":[";
  for (std::size_t i = 0; i < 3 * kMaxJsonDepth; ++i) siblings += "[1],";
  siblings += "[]]}";
  EXPECT_FALSE(json_nesting_exceeds(siblings, 3));
}

TEST(ParseArticle, RejectsDeepNestingAndOverLimitArticles) {
  const std::string deep = R"({"id":"d","text":"t","extra":)" + std::string(100'000, '[') + "}";
  const auto nested = parse_article(deep);
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().code, ErrorCode::kMalformedJson);
  EXPECT_NE(nested.error().reason.find("nested deeper than 64 levels"), std::string::npos) << nested.error().reason;

  ReadOptions limits;
  limits.max_article_bytes = 5;
  const auto big = parse_article(R"({"id":"b","text":"six b!"})", limits);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kTooLarge);
  EXPECT_TRUE(parse_article(R"({"id":"b","text":"five!"})", limits));
}

}  // namespace
}  // namespace storyline
