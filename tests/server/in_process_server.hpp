// A fixture for tests that drive the HTTP server in-process: a fresh store in a temporary directory, the
// server on a free loopback port on its own thread, and a client for it.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <thread>
#include <utility>

#include "cli/cli_runner.hpp"
#include "server.hpp"

namespace storyline::server {

class InProcessServerTest : public ::testing::Test {
 protected:
  // Call from SetUp: `options` chooses everything but the store and the port.
  void start(ServerOptions options) {
    options.api.db = (m_dir.path() / "store.db").string();
    options.port = 0;
    auto opened = Server::open(std::move(options));
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    m_server = std::move(opened).value();
    m_thread = std::thread([this] { (void)m_server->run(); });
    m_client = std::make_unique<httplib::Client>("127.0.0.1", m_server->port());
  }

  void TearDown() override {
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
  }

  storyline::testing::TempDir m_dir;
  std::unique_ptr<Server> m_server;
  std::thread m_thread;
  std::unique_ptr<httplib::Client> m_client;
};

}  // namespace storyline::server
