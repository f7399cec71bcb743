// The web page's routes (apps/server/web.cpp): the compiled-in files at their paths with their content
// types, and the server's JSON 404 for any other path. The Server runs in-process on a free port; the
// browser test (tests/browser/) drives the page itself through the real binary.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "in_process_server.hpp"

namespace storyline::server {
namespace {

class WebTest : public InProcessServerTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.threads = 2;
    start(std::move(options));
  }
};

TEST_F(WebTest, TheRootIsThePageWithItsScript) {
  auto response = m_client->Get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(response->body.find("<script src=\"/app.js\""), std::string::npos) << response->body;
  EXPECT_NE(response->body.find("<link rel=\"stylesheet\" href=\"/style.css\">"), std::string::npos);
  EXPECT_EQ(m_client->Get("/index.html")->body, response->body);
}

TEST_F(WebTest, ServesTheScriptAndTheStyleSheetWithTheirTypes) {
  auto script = m_client->Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(script->body.find("function route"), std::string::npos);
  EXPECT_EQ(script->get_header_value("X-Content-Type-Options"), "nosniff");

  auto style = m_client->Get("/style.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->status, 200);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_NE(style->body.find("svg.timeline"), std::string::npos);
}

TEST_F(WebTest, AnUnknownStaticPathIsAJson404) {
  for (const char* path : {"/app.css", "/web/app.js", "/favicon.ico", "/index.htm"}) {
    auto response = m_client->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/json") << path;
    EXPECT_NE(response->body.find("no route GET"), std::string::npos) << response->body;
  }
}

TEST_F(WebTest, TheApiStillAnswersBesideThePage) {
  auto response = m_client->Get("/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/json");
}

}  // namespace
}  // namespace storyline::server
