// `storyline serve` against hostile or careless clients: deep nesting, invalid UTF-8, oversized bodies
// and articles, a slowloris client, and writers posting at once. The Server runs in-process on a free
// port of 127.0.0.1 with a short read timeout, so that the stalled client is dropped within the test.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "in_process_server.hpp"

namespace storyline::server {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kMaxBody = std::size_t{1} << 20U;

class HostileTest : public InProcessServerTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.api.max_article_bytes = 1000;
    options.threads = 4;
    options.max_body_bytes = kMaxBody;
    options.read_timeout = 500ms;  // the slowloris test stalls for longer than this
    options.write_timeout = 500ms;
    options.keep_alive_timeout = 1s;
    start(std::move(options));
  }

  httplib::Result post(const std::string& body) {
    return m_client->Post("/articles", body, "application/json");
  }

  // The number of stored articles, as GET /health reports it; -1 when the server does not answer.
  long long stored_articles() {
    auto response = m_client->Get("/health");
    if (!response || response->status != 200) return -1;
    return nlohmann::json::parse(response->body).at("articles").get<long long>();
  }

  // A connection to the server, or -1.
  int connect_raw() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(m_server->port()));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd);
      return -1;
    }
    return fd;
  }
};

// This process's resident set, from /proc/self/status; 0 when unknown.
std::size_t resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

TEST_F(HostileTest, DeepNestingIsRejectedBeforeParsingAndTheServerStaysUp) {
  for (const std::string& body :
       {std::string(200'000, '['), R"({"id":"a","text":"t","x":)" + std::string(100'000, '{')}) {
    auto response = post(body);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400);
    EXPECT_NE(response->body.find("nested deeper than 64 levels"), std::string::npos) << response->body;
  }
  // Brackets inside a string are text, not nesting.
  auto fine = post(R"({"id":"b","text":")" + std::string(1000 / 2, '[') + R"("})");
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200) << fine->body;
  EXPECT_EQ(stored_articles(), 1);
}

TEST_F(HostileTest, InvalidUtf8InAStringIsRefused) {
  auto response = post("{\"id\":\"u\",\"text\":\"bad \xff\xfe byte\"}");
  ASSERT_TRUE(response);
  EXPECT_GE(response->status, 400);
  EXPECT_LT(response->status, 500);
  EXPECT_EQ(stored_articles(), 0);
}

TEST_F(HostileTest, OversizedBodiesAndArticlesGet413) {
  auto body = post(std::string(kMaxBody + 1, ' '));
  ASSERT_TRUE(body);
  EXPECT_EQ(body->status, 413);
  EXPECT_NE(body->body.find("--max-body"), std::string::npos) << body->body;

  auto article = post(R"({"id":"big","text":")" + std::string(1001, 'x') + R"("})");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 413);
  EXPECT_NE(article->body.find("over the limit of 1000 bytes"), std::string::npos) << article->body;
  EXPECT_NE(article->body.find("--max-article-bytes"), std::string::npos) << article->body;
  EXPECT_EQ(stored_articles(), 0);
}

TEST_F(HostileTest, ASlowlorisClientIsDroppedAfterTheReadTimeout) {
  const int fd = connect_raw();
  ASSERT_GE(fd, 0);
  // A few header bytes, one at a time, then nothing: the request never completes.
  for (const char c : std::string("GET /health HTTP/1.1\r\nHost: 127")) {
    ASSERT_EQ(::send(fd, &c, 1, MSG_NOSIGNAL), 1);
    std::this_thread::sleep_for(5ms);
  }
  // Others are served while it stalls.
  EXPECT_EQ(stored_articles(), 0);
  // The server closes the connection after its read timeout (500 ms); the bound here is only a guard
  // against a server that never does.
  const timeval guard{5, 0};
  ASSERT_EQ(::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard), 0);
  char buffer[256];
  ssize_t received = 0;
  do {
    received = ::recv(fd, buffer, sizeof buffer, 0);
  } while (received > 0);  // whatever the server says before closing, the end must come
  EXPECT_EQ(received, 0) << "the stalled connection was still open after 5 s";
  ::close(fd);
  EXPECT_EQ(stored_articles(), 0);
}

// A client that sends a byte just often enough never hits the read timeout, and holds one worker thread
// for as long as it keeps going (cpp-httplib has no deadline for a whole request: README, Security). With
// fewer such clients than --threads, everyone else is still answered.
TEST_F(HostileTest, TricklingClientsHoldTheirWorkersButOthersAreStillServed) {
  constexpr int kTricklers = 3;  // of the fixture's 4 threads
  std::vector<int> fds;
  for (int i = 0; i < kTricklers; ++i) {
    fds.push_back(connect_raw());
    ASSERT_GE(fds.back(), 0);
  }
  const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  for (std::size_t sent = 0; sent < request.size(); ++sent) {
    for (const int fd : fds) {
      ASSERT_EQ(::send(fd, &request[sent], 1, MSG_NOSIGNAL), 1);
    }
    if (sent % 8 == 0) {
      EXPECT_EQ(stored_articles(), 0) << "not served while " << kTricklers << " clients trickle";
    }
    std::this_thread::sleep_for(20ms);  // well inside the 500 ms read timeout
  }
  for (const int fd : fds) ::close(fd);
  EXPECT_EQ(stored_articles(), 0);
}

// Rounds of every kind of refused request, and reads, over fresh and kept-alive connections: after the
// first round has warmed the allocator, the process must not keep growing. Sanitizer builds keep freed
// memory in quarantine on purpose, so the figure means nothing there.
TEST_F(HostileTest, MemoryStaysBoundedUnderRoundsOfHostileRequests) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "resident memory is not meaningful under a sanitizer";
#endif
  ASSERT_EQ(post(R"({"id":"kept","text":"The harbour strike entered its third day in Lisbon."})")->status,
            200);
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += '[';
  const std::vector<std::string> refused = {
      std::string(kMaxBody + 1, ' '),                                // body over --max-body
      R"({"id":"big","text":")" + std::string(1001, 'x') + R"("})",  // article over --max-article-bytes
      nested,                                                        // deeper than 64 levels
      "{\"id\":\"u\",\"text\":\"bad \xff\xfe bytes\"}",              // invalid UTF-8
      R"({"id":"x","text":)",                                        // cut short
      R"({"id":"x"})",                                               // no text
  };
  const auto round = [&] {
    for (int i = 0; i < 20; ++i) {
      for (const std::string& body : refused) {
        auto response = post(body);
        ASSERT_TRUE(response);
        ASSERT_GE(response->status, 400) << body.substr(0, 40);
        ASSERT_LT(response->status, 500) << body.substr(0, 40);
      }
      auto read = m_client->Get("/articles/kept");
      ASSERT_TRUE(read);
      ASSERT_EQ(read->status, 200);
      // A client that leaves mid-request.
      const int fd = connect_raw();
      ASSERT_GE(fd, 0);
      const std::string partial = "POST /articles HTTP/1.1\r\nContent-Length: 100000\r\n\r\n{\"id\":";
      ::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
      ::close(fd);
    }
  };
  round();
  const std::size_t warmed = resident_kib();
  for (int i = 0; i < 5; ++i) round();
  const std::size_t after = resident_kib();
  RecordProperty("resident_kib_after_warm_up", static_cast<int>(warmed));
  RecordProperty("resident_kib_after_five_more_rounds", static_cast<int>(after));
  EXPECT_LT(after, warmed + 16 * 1024) << "grew from " << warmed << " KiB to " << after << " KiB";
  EXPECT_EQ(stored_articles(), 1);
}

TEST_F(HostileTest, ConcurrentWritersStoreEveryArticleExactlyOnce) {
  constexpr int kWriters = 6;
  constexpr int kPerWriter = 5;
  std::vector<std::thread> writers;
  std::vector<int> failures(kWriters, 0);
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([this, w, &failures] {
      httplib::Client client("127.0.0.1", m_server->port());
      for (int i = 0; i < kPerWriter; ++i) {
        const std::string id = "w" + std::to_string(w) + "-" + std::to_string(i);
        auto response = client.Post(
            "/articles", R"({"id":")" + id + R"(","text":"Report )" + id + R"( on the harbour strike."})",
            "application/json");
        if (!response || response->status != 200) ++failures[static_cast<std::size_t>(w)];
      }
    });
  }
  for (auto& writer : writers) writer.join();
  for (int w = 0; w < kWriters; ++w) EXPECT_EQ(failures[static_cast<std::size_t>(w)], 0) << "writer " << w;
  EXPECT_EQ(stored_articles(), kWriters * kPerWriter);
}

// A stop() that comes before run() has begun listening, as a SIGTERM at start-up or a test that ends at
// once can send it, must not be lost: run() returns instead of listening for good.
TEST(ServerLifecycle, AStopBeforeRunIsNotLost) {
  const storyline::testing::TempDir dir;
  ServerOptions options;
  options.api.db = (dir.path() / "store.db").string();
  options.port = 0;
  auto server = Server::open(std::move(options));
  ASSERT_TRUE(server.has_value()) << server.error().message();
  (*server)->stop();
  auto finished = std::async(std::launch::async, [&] { return (*server)->run(); });
  ASSERT_EQ(finished.wait_for(10s), std::future_status::ready) << "run() kept listening after stop()";
  EXPECT_TRUE(finished.get());
}

// The same, racing: stop() at once after run() starts on another thread, many times over.
TEST(ServerLifecycle, AStopRacingRunIsNotLost) {
  const storyline::testing::TempDir dir;
  for (int i = 0; i < 20; ++i) {
    ServerOptions options;
    options.api.db = (dir.path() / "store.db").string();
    options.port = 0;
    auto server = Server::open(std::move(options));
    ASSERT_TRUE(server.has_value()) << server.error().message();
    auto finished = std::async(std::launch::async, [&] { return (*server)->run(); });
    (*server)->stop();
    ASSERT_EQ(finished.wait_for(10s), std::future_status::ready) << "round " << i << ": stop() was lost";
    EXPECT_TRUE(finished.get());
  }
}

}  // namespace
}  // namespace storyline::server
