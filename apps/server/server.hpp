// `storyline serve`: the HTTP front end. Binds the calls of Api (api.hpp) to routes with cpp-httplib,
// turns every error into a JSON body with a fitting status, and serves requests on a pool of threads.
// Routes and their JSON are documented in docs/cli/serve.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "api.hpp"
#include "storyline/common/result.hpp"

namespace storyline::server {

struct ServerOptions {
  ApiOptions api;
  std::string host = "127.0.0.1";  // loopback only unless asked: the API has no authentication
  int port = 8080;                 // 0: any free port (port() says which)
  std::size_t max_body_bytes = std::size_t{16} << 20U;  // larger request bodies get 413
  std::size_t threads = 8;                              // requests served at once
  // A connection that sends nothing for read_timeout (mid-request, e.g. a slowloris client trickling
  // headers and stalling) or accepts nothing for write_timeout is closed, freeing its thread; an idle
  // keep-alive connection is closed after keep_alive_timeout.
  std::chrono::milliseconds read_timeout{5000};
  std::chrono::milliseconds write_timeout{5000};
  std::chrono::seconds keep_alive_timeout{5};  // whole seconds: cpp-httplib takes no finer
};

// Not copyable. stop() may be called from any thread; the rest from the thread that owns the server.
class Server {
 public:
  // Opens the store (replaying it for the ingester) and binds the socket. Errors: those of Api::open;
  // kInvalidArgument when the host and port cannot be bound (in use, not an address of this machine).
  [[nodiscard]] static Result<std::unique_ptr<Server>> open(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] int port() const noexcept;  // the bound port
  [[nodiscard]] const Api& api() const noexcept;

  // Serves until stop(), then marks the store's ingest run finished. Errors: kIoError when the server
  // could not listen, or the run could not be recorded.
  [[nodiscard]] Status run();
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline::server
