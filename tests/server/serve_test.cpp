// storyline serve end to end: the real binary, started on a free port against a fresh store, driven over
// HTTP with cpp-httplib's client.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline {
namespace {

using nlohmann::json;
using testing::read_file;
using testing::run_cli;
using testing::TempDir;

// `storyline serve --db DB --port 0 EXTRA...` in a child process; the port comes from its stderr.
class ServerProcess {
 public:
  ServerProcess(const std::filesystem::path& db, const std::filesystem::path& log,
                const std::vector<std::string>& extra = {})
      : m_log(log) {
    std::vector<std::string> args = {"storyline", "serve", "--db", db.string(), "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    m_pid = fork();
    if (m_pid == 0) {
      const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int out = ::open("/dev/null", O_WRONLY);
      dup2(err, STDERR_FILENO);
      dup2(out, STDOUT_FILENO);
      std::vector<char*> argv;
      for (std::string& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(STORYLINE_CLI_PATH, argv.data());
      _exit(127);
    }
    const std::string marker = "listening on http://127.0.0.1:";
    for (int attempt = 0; attempt < 600 && m_port == 0; ++attempt) {
      const std::string text = read_file(m_log);
      if (const auto at = text.find(marker); at != std::string::npos) {
        m_port = std::stoi(text.substr(at + marker.size()));
        break;
      }
      int status = 0;
      if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~ServerProcess() { (void)stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::string log() const { return read_file(m_log); }

  // SIGTERM, then the exit status (-1 when it did not exit normally).
  int stop() {
    if (m_pid <= 0) return -1;
    kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  std::filesystem::path m_log;
  pid_t m_pid = -1;
  int m_port = 0;
};

json article(const std::string& id, const std::string& title, const std::string& text,
             const std::string& published) {
  return {{"id", id}, {"title", title}, {"text", text}, {"published", published}, {"source", "Test Wire"}};
}

const std::string kQuay =
    "Fishermen in Kilkeel harbour protested on Tuesday against the new Irish Sea cod quota, blocking the "
    "quay with twenty trawlers. Skipper Dermot Quinn said the quota would ruin the County Down fleet.";
const std::string kQuayAgain =
    "Trawlers blocked Kilkeel harbour for a second day as County Down fishermen protested the Irish Sea "
    "cod quota. Skipper Dermot Quinn said the fleet would stay in port until the quota was reviewed.";
const std::string kGallery =
    "The Belfast maritime museum reopened its shipyard gallery after a two-year restoration of the "
    "original Harland and Wolff drawings, curator Aoife Byrne said on Tuesday.";

json quay() {
  return article("quay-1", "Kilkeel fishermen blockade harbour over cod quota", kQuay,
                 "2021-03-02T09:00:00Z");
}

// The array posted after quay-1: quay-1 again, a copy of it, a second day, an unrelated story.
json batch() {
  json items = json::array();
  items.push_back(quay());
  items.push_back(article("quay-copy", "Kilkeel fishermen blockade harbour", kQuay, "2021-03-02T15:00:00Z"));
  items.push_back(
      article("quay-2", "Kilkeel blockade enters second day", kQuayAgain, "2021-03-03T08:00:00Z"));
  items.push_back(
      article("gallery-1", "Belfast museum reopens shipyard gallery", kGallery, "2021-03-02T11:00:00Z"));
  return items;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_server = std::make_unique<ServerProcess>(m_dir.path() / "store.db", m_dir.path() / "serve.log",
                                               std::vector<std::string>{"--max-body", "4096"});
    ASSERT_GT(m_server->port(), 0) << m_server->log();
    m_client = std::make_unique<httplib::Client>("127.0.0.1", m_server->port());
  }

  // The response's status and parsed body (null when the body is not JSON).
  std::pair<int, json> get(const std::string& path) {
    auto response = m_client->Get(path);
    if (!response) return {-1, json()};
    return {response->status, json::parse(response->body, nullptr, false)};
  }
  std::pair<int, json> post(const std::string& body) {
    auto response = m_client->Post("/articles", body, "application/json");
    if (!response) return {-1, json()};
    return {response->status, json::parse(response->body, nullptr, false)};
  }
  void post_fixture() {
    auto [status, body] = post(quay().dump());
    ASSERT_EQ(status, 200) << body.dump();
    auto [batch_status, batch_body] = post(batch().dump());
    ASSERT_EQ(batch_status, 200) << batch_body.dump();
  }

  TempDir m_dir;
  std::unique_ptr<ServerProcess> m_server;
  std::unique_ptr<httplib::Client> m_client;
};

TEST_F(ServeTest, HealthOnAnEmptyStore) {
  auto [status, body] = get("/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["articles"], 0);
  auto [list_status, list] = get("/storylines");
  EXPECT_EQ(list_status, 200);
  EXPECT_EQ(list["total"], 0);
}

TEST_F(ServeTest, PostsOneArticleThenAnArray) {
  auto [status, body] = post(quay().dump());
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["added"], 1);
  ASSERT_EQ(body["articles"].size(), 1U);
  const json first = body["articles"][0];
  EXPECT_EQ(first["id"], "quay-1");
  EXPECT_EQ(first["status"], "added");
  EXPECT_EQ(first["position"], 0);
  EXPECT_TRUE(first["duplicate_of"].is_null());

  auto [batch_status, answer] = post(batch().dump());
  ASSERT_EQ(batch_status, 200) << answer.dump();
  EXPECT_EQ(answer["added"], 3);
  EXPECT_EQ(answer["already_present"], 1);
  const json& items = answer["articles"];
  ASSERT_EQ(items.size(), 4U);  // in the request's order
  EXPECT_EQ(items[0]["id"], "quay-1");
  EXPECT_EQ(items[0]["status"], "already_present");
  EXPECT_EQ(items[0]["story"], first["story"]);
  EXPECT_EQ(items[1]["id"], "quay-copy");
  EXPECT_EQ(items[1]["duplicate_of"], "quay-1");
  EXPECT_EQ(items[1]["story"], first["story"]);  // a copy joins its original's story
  EXPECT_EQ(items[3]["id"], "gallery-1");
  EXPECT_EQ(items[3]["status"], "added");
  // Publication order within the request: gallery-1 (11:00) went in before quay-copy (15:00).
  EXPECT_LT(items[3]["position"], items[1]["position"]);
  EXPECT_EQ(get("/health").second["articles"], 4);
}

TEST_F(ServeTest, AnIdTwiceInOneRequestIsAddedOnceAndIdsMayHoldSlashes) {
  json items = json::array();
  items.push_back(article("desk/1", "First", kGallery, "2021-03-02T11:00:00Z"));
  items.push_back(article("desk/1", "Second", kGallery, "2021-03-02T12:00:00Z"));
  auto [status, body] = post(items.dump());
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["added"], 1);
  EXPECT_EQ(body["already_present"], 1);
  EXPECT_EQ(body["articles"][0]["status"], "added");
  EXPECT_EQ(body["articles"][1]["status"], "already_present");
  EXPECT_EQ(body["articles"][1]["position"], body["articles"][0]["position"]);
  auto [article_status, stored] = get("/articles/desk%2F1");
  ASSERT_EQ(article_status, 200);
  EXPECT_EQ(stored["title"], "First");
  EXPECT_EQ(get("/articles/desk%2F1/related").first, 200);
}

TEST_F(ServeTest, ReadsStorylinesStoriesAndArticles) {
  post_fixture();
  auto [status, list] = get("/storylines");
  ASSERT_EQ(status, 200);
  ASSERT_GE(list["total"].get<int>(), 2);
  const json& storylines = list["storylines"];
  for (std::size_t i = 1; i < storylines.size(); ++i) {  // newest activity first
    EXPECT_GE(storylines[i - 1]["last_published"].get<std::string>(),
              storylines[i]["last_published"].get<std::string>());
  }
  EXPECT_EQ(get("/storylines?limit=1").second["storylines"].size(), 1U);

  auto [article_status, quay_article] = get("/articles/quay-1");
  ASSERT_EQ(article_status, 200);
  EXPECT_EQ(quay_article["text"], kQuay);
  EXPECT_EQ(quay_article["source"], "Test Wire");
  const int story = quay_article["story"];
  const int storyline = quay_article["storyline"];
  EXPECT_EQ(get("/articles/quay-copy").second["duplicate_of"], "quay-1");

  auto [timeline_status, timeline] = get("/storylines/" + std::to_string(storyline));
  ASSERT_EQ(timeline_status, 200) << timeline.dump();
  EXPECT_EQ(timeline["storyline"], storyline);
  EXPECT_GE(timeline["articles"].get<int>(), 2);
  ASSERT_FALSE(timeline["stories"].empty());
  bool found = false;
  for (const json& entry : timeline["stories"]) {
    EXPECT_FALSE(entry["label"].get<std::string>().empty());
    EXPECT_TRUE(entry["date"].is_string());
    if (entry["story"] == story) {
      found = true;
      EXPECT_EQ(entry["date"], "2021-03-02");
      const auto ids = entry["ids"].get<std::vector<std::string>>();
      EXPECT_NE(std::find(ids.begin(), ids.end(), "quay-copy"), ids.end());
    }
  }
  EXPECT_TRUE(found);
  // Asked again, the same (now from the cache).
  EXPECT_EQ(get("/storylines/" + std::to_string(storyline)).second, timeline);
  // A window keeps its days only, and is not served from (nor put in) the cache.
  auto [window_status, window] = get("/storylines/" + std::to_string(storyline) + "?since=2021-03-03");
  ASSERT_EQ(window_status, 200) << window.dump();
  EXPECT_EQ(window["first"], "2021-03-03");
  EXPECT_LT(window["articles"].get<int>(), timeline["articles"].get<int>());
  EXPECT_EQ(get("/storylines/" + std::to_string(storyline) + "?until=2020-12-31").second["articles"], 0);
  EXPECT_EQ(get("/storylines/" + std::to_string(storyline)).second, timeline);

  auto [story_status, story_body] = get("/stories/" + std::to_string(story));
  ASSERT_EQ(story_status, 200);
  EXPECT_EQ(story_body["story"]["story"], story);
  EXPECT_EQ(story_body["story"]["first_article"], "quay-1");
  ASSERT_GE(story_body["articles"].size(), 2U);
  EXPECT_EQ(story_body["articles"][0]["id"], "quay-1");
  EXPECT_FALSE(story_body["articles"][0].contains("text"));

  auto [related_status, related] = get("/articles/quay-1/related");
  ASSERT_EQ(related_status, 200);
  EXPECT_EQ(related["story"], story);
  std::vector<std::string> same_story;
  for (const json& entry : related["same_story"]) same_story.push_back(entry["id"].get<std::string>());
  EXPECT_NE(std::find(same_story.begin(), same_story.end(), "quay-copy"), same_story.end());
  EXPECT_EQ(std::find(same_story.begin(), same_story.end(), "quay-1"), same_story.end());
  EXPECT_EQ(related["same_story_total"], same_story.size());
  for (const json& entry : related["same_storyline"]) EXPECT_NE(entry["story"], story);
}

TEST_F(ServeTest, SimilarGivesWhatTheCliGives) {
  post_fixture();
  auto [status, body] = get("/similar?a=quay-1&b=quay-2");
  ASSERT_EQ(status, 200) << body.dump();
  const json articles = batch();
  const auto a = m_dir.write("a.json", articles[0].dump());
  const auto b = m_dir.write("b.json", articles[2].dump());
  const auto cli = run_cli("similar --json " + a.string() + " " + b.string());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(body, json::parse(cli.out));
}

TEST_F(ServeTest, ErrorsAreJsonWithFittingStatusesAndTheServerStaysUp) {
  post_fixture();
  const auto expect_error = [&](std::pair<int, json> answer, int status, const std::string& words) {
    EXPECT_EQ(answer.first, status) << words;
    ASSERT_TRUE(answer.second.is_object()) << words;
    const std::string message = answer.second.value("error", "");
    EXPECT_NE(message.find(words), std::string::npos) << message;
  };
  expect_error(post("{\"id\": \"x\", \"text\": "), 400, "malformed JSON");
  expect_error(post("\"just a string\""), 400, "expected an article");
  // A number past double's range is a JSON error too (found by fuzz/fuzz_http), not an internal one.
  expect_error(post("16e51551"), 400, "malformed JSON");
  expect_error(post(R"({"id": "x", "text": "y", "n": 1e999})"), 400, "malformed JSON");
  expect_error(post(R"({"id": "x"})"), 422, "'text'");
  expect_error(post(R"([{"id": "ok-1", "text": "Fine."}, {"id": "x", "text": "y", "published": "soon"}])"),
               422, "article 1: field 'published'");
  EXPECT_EQ(get("/articles/ok-1").first, 404);  // a request with an invalid article stores nothing
  expect_error(post(R"([{"id": "x", "text": "y"}, 5])"), 422, "not a JSON object");
  expect_error(post(json{{"id", "big"}, {"text", std::string(8000, 'a')}}.dump()), 413, "--max-body");
  expect_error(get("/articles/nope"), 404, "no article 'nope'");
  expect_error(get("/articles/nope/related"), 404, "no article 'nope'");
  expect_error(get("/storylines/9999"), 404, "no storyline 9999");
  expect_error(get("/storylines/abc"), 404, "no storyline");
  expect_error(get("/stories/9999"), 404, "no story 9999");
  expect_error(get("/nowhere"), 404, "no route GET /nowhere");
  expect_error(get("/similar?a=quay-1"), 400, "two article ids");
  expect_error(get("/similar?a=quay-1&b=nope"), 404, "no article 'nope'");
  expect_error(get("/storylines?limit=-1"), 400, "'limit'");
  expect_error(get("/storylines/0?since=March"), 400, "'since' must be a date");
  expect_error(get("/storylines/0?since=2021-03-03&until=2021-03-02"), 400, "after");

  auto [status, health] = get("/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(health["articles"], 4);
  auto [post_status, added] = post(R"({"id": "late-1", "text": "A late article about the harbour."})");
  EXPECT_EQ(post_status, 200);
  EXPECT_EQ(added["added"], 1);
}

TEST_F(ServeTest, SearchRanksArticlesAsTheCliDoes) {
  post_fixture();
  auto [status, body] = get("/search?q=belfast%20gallery");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["query"], "belfast gallery");
  ASSERT_EQ(body["results"].size(), 1U) << body.dump();
  const json& hit = body["results"][0];
  EXPECT_EQ(hit["id"], "gallery-1");
  EXPECT_EQ(hit["title"], "Belfast museum reopens shipyard gallery");
  EXPECT_TRUE(hit["score"].is_number());
  EXPECT_FALSE(hit.contains("text"));

  auto [quay_status, quay] = get("/search?q=kilkeel%20quota");
  ASSERT_EQ(quay_status, 200);
  const json& results = quay["results"];
  ASSERT_EQ(results.size(), 3U) << quay.dump();
  for (std::size_t i = 1; i < results.size(); ++i) {
    EXPECT_GE(results[i - 1]["score"].get<double>(), results[i]["score"].get<double>());
  }
  for (const json& entry : results) {
    if (entry["id"] == "quay-copy") {
      EXPECT_EQ(entry["duplicate_of"], "quay-1");
    }
  }
  EXPECT_EQ(get("/search?q=kilkeel&limit=1").second["results"].size(), 1U);
  // The CLI reads the same store (WAL: while the server runs) and prints the same hits.
  const auto cli = run_cli("search --json --db " + (m_dir.path() / "store.db").string() + " kilkeel quota");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  json lines = json::array();
  std::istringstream in(cli.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  EXPECT_EQ(lines, results);
}

TEST_F(ServeTest, SearchTakesAnyWordsButNotNone) {
  post_fixture();
  // Quotes, operators, a star, brackets: text, never a syntax error.
  for (const char* query : {"%22", "kilkeel%20AND%20NEAR(%2A", "%28%29", "title%3Aquota", "%27%3B%20DROP%20TABLE"}) {
    auto [status, body] = get(std::string("/search?q=") + query);
    EXPECT_EQ(status, 200) << query << ": " << body.dump();
  }
  auto [punctuation_status, punctuation] = get("/search?q=%21%21%21");
  EXPECT_EQ(punctuation_status, 200);
  EXPECT_TRUE(punctuation["results"].empty());
  for (const char* path : {"/search", "/search?q=", "/search?q=%20%20", "/search?limit=3"}) {
    auto [status, body] = get(path);
    EXPECT_EQ(status, 400) << path;
    EXPECT_NE(body.value("error", "").find("/search?q=WORDS"), std::string::npos) << body.dump();
  }
  auto [limit_status, limit_body] = get("/search?q=quota&limit=x");
  EXPECT_EQ(limit_status, 400);
  EXPECT_NE(limit_body.value("error", "").find("'limit'"), std::string::npos) << limit_body.dump();
}

TEST_F(ServeTest, ReadersAreAnsweredWhileAPostIngests) {
  json items = json::array();
  for (int i = 0; i < 40; ++i) {
    items.push_back(article("bulk-" + std::to_string(i), "Harbour report " + std::to_string(i),
                            kQuayAgain + " Report number " + std::to_string(i) + ".",
                            "2021-03-04T08:00:00Z"));
  }
  // The limit of 4096 bytes is too small for this body: a second server with the default limit.
  ServerProcess roomy(m_dir.path() / "bulk.db", m_dir.path() / "bulk.log");
  ASSERT_GT(roomy.port(), 0) << roomy.log();
  std::thread writer([&] {
    httplib::Client client("127.0.0.1", roomy.port());
    client.set_read_timeout(60, 0);
    auto response = client.Post("/articles", items.dump(), "application/json");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  });
  httplib::Client reader("127.0.0.1", roomy.port());
  for (int i = 0; i < 20; ++i) {
    auto response = reader.Get("/health");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
  writer.join();
  EXPECT_EQ(json::parse(reader.Get("/health")->body)["articles"], 40);
}

TEST_F(ServeTest, ASecondServerOnTheSamePortIsRefused) {
  const auto other = m_dir.path() / "other.db";
  const auto run = run_cli("serve --db " + other.string() + " --port " + std::to_string(m_server->port()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot listen"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(other));  // refused before the store was touched
  EXPECT_EQ(get("/health").first, 200);
}

TEST_F(ServeTest, MaxArticleBytesRefusesLargerArticlesWith413) {
  ServerProcess limited(m_dir.path() / "limited.db", m_dir.path() / "limited.log", {"--max-article-bytes", "100"});
  ASSERT_GT(limited.port(), 0) << limited.log();
  httplib::Client client("127.0.0.1", limited.port());
  const auto article = [](const std::string& id, std::size_t bytes) {
    return json{{"id", id}, {"title", "Title"}, {"text", std::string(bytes - 5, 'x')}}.dump();
  };
  auto over = client.Post("/articles", article("over", 101), "application/json");
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 413);
  EXPECT_NE(over->body.find("over the limit of 100 bytes (raise it with --max-article-bytes)"), std::string::npos)
      << over->body;
  auto at = client.Post("/articles", article("at", 100), "application/json");  // title + text at the limit
  ASSERT_TRUE(at);
  EXPECT_EQ(at->status, 200) << at->body;
}

TEST_F(ServeTest, StopsCleanlyOnSigtermAndKeepsWhatWasPosted) {
  post_fixture();
  EXPECT_EQ(m_server->stop(), 0);
  EXPECT_NE(m_server->log().find("storyline serve: stopped"), std::string::npos);
  const auto stories = run_cli("stories --db " + (m_dir.path() / "store.db").string());
  ASSERT_EQ(stories.exit_code, 0) << stories.err;
  EXPECT_NE(stories.out.find("\"first_article\":\"quay-1\""), std::string::npos);
  // A restart replays the store and serves it.
  ServerProcess again(m_dir.path() / "store.db", m_dir.path() / "again.log");
  ASSERT_GT(again.port(), 0) << again.log();
  EXPECT_NE(again.log().find("replayed 4 stored articles"), std::string::npos);
  httplib::Client client("127.0.0.1", again.port());
  auto response = client.Get("/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(json::parse(response->body)["articles"], 4);
}

}  // namespace
}  // namespace storyline
